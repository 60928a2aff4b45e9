package casebuilder

import (
	"fmt"
	"maps"
	"slices"
)

// The rules that check the Plan step: milestones, resources, stakeholders and reporting.
var (
	noPlanRule = lackRule("no-plan", Blocking,
		"Approval for something with no plan is a blank cheque; the CEO needs to see what happens when, and who does it.",
		"plan.milestones", "There is no implementation plan: add the milestones, with dates and owners",
		func(c *Case) bool { return len(c.Plan.Milestones) == 0 })

	milestoneWithoutOwnerRule = Rule{"milestone-without-owner", Warning,
		"A milestone that belongs to nobody slips without anyone noticing.",
		func(rv *reviewer) {
			for i, m := range rv.c.Plan.Milestones {
				if blank(m.Owner) {
					rv.add(fmt.Sprintf("plan.milestones[%d].owner", i), "%s has no owner", capital(called("milestone", m.Name, i)))
				}
			}
		}}

	milestoneWithoutDatesRule = Rule{"milestone-without-dates", Warning,
		"A plan without dates cannot be held to; the CEO will ask when.",
		func(rv *reviewer) {
			for i, m := range rv.c.Plan.Milestones {
				switch {
				case m.Start.IsZero() && m.End.IsZero():
					rv.add(fmt.Sprintf("plan.milestones[%d].start", i), "%s has no dates", capital(called("milestone", m.Name, i)))
				case m.Start.IsZero():
					rv.add(fmt.Sprintf("plan.milestones[%d].start", i), "%s has no start date", capital(called("milestone", m.Name, i)))
				case m.End.IsZero():
					rv.add(fmt.Sprintf("plan.milestones[%d].end", i), "%s has no end date", capital(called("milestone", m.Name, i)))
				}
			}
		}}

	milestoneBeforeDependencyRule = Rule{"milestone-before-dependency", Warning,
		"A step planned to start before the step it needs is finished shows the plan was not thought through.",
		func(rv *reviewer) {
			ms := rv.c.Plan.Milestones
			for i, m := range ms {
				for _, dep := range m.DependsOn {
					j := slices.IndexFunc(ms, func(d Milestone) bool { return d.ID == dep })
					if j < 0 || m.Start.IsZero() || ms[j].End.IsZero() || !m.Start.Before(ms[j].End) {
						continue
					}
					rv.add(fmt.Sprintf("plan.milestones[%d].start", i), "%s starts on %s, before %s, which it depends on, ends (%s)",
						capital(called("milestone", m.Name, i)), m.Start, called("milestone", ms[j].Name, j), ms[j].End)
				}
			}
		}}

	resourceNotSecuredRule = Rule{"resource-not-secured", Warning,
		"A plan that needs a resource nobody has committed will stall; secure it before asking for approval, or make it part of the ask.",
		func(rv *reviewer) {
			for i, m := range rv.c.Plan.Milestones {
				for j, r := range m.Resources {
					if !r.Secured {
						rv.add(fmt.Sprintf("plan.milestones[%d].resources[%d].secured", i, j), "%s for %s is not secured", capital(called("resource", r.Description, j)), called("milestone", m.Name, i))
					}
				}
			}
		}}

	noStakeholdersRule = lackRule("no-stakeholders", Warning,
		"Change that surprises the people it affects meets resistance; the CEO will ask who has been told.",
		"plan.stakeholders", "No affected parties are identified: say who is affected and how they are kept informed",
		func(c *Case) bool { return len(c.Plan.Stakeholders) == 0 })

	noReportingCadenceRule = lackRule("no-reporting-cadence", Warning,
		"Without regular reporting the CEO hears about the initiative again only when it has gone wrong.",
		"plan.reportingCadence", "There is no reporting cadence: say who reports what to whom, and how often",
		func(c *Case) bool { return blank(c.Plan.ReportingCadence) })

	stakeholderWithoutChannelRule = Rule{"stakeholder-without-channel", Advice,
		"Naming an affected party is half the job; the plan should say how and how often it hears from the initiative.",
		func(rv *reviewer) {
			for i, s := range rv.c.Plan.Stakeholders {
				switch {
				case blank(s.Channel):
					rv.add(fmt.Sprintf("plan.stakeholders[%d].channel", i), "%s has no channel of communication", capital(called("stakeholder", s.Party, i)))
				case blank(s.Frequency):
					rv.add(fmt.Sprintf("plan.stakeholders[%d].frequency", i), "%s has no frequency of communication", capital(called("stakeholder", s.Party, i)))
				}
			}
		}}
)

// The rules that check the plan against the horizon, the people and the
// money (issue 13).
var (
	dateOutsideHorizonRule = Rule{"date-outside-horizon", Warning,
		"A milestone, a gate or a target outside the horizon is outside the figures: what it delivers is not in the case, and what it costs may not be either.",
		func(rv *reviewer) {
			end, ok := rv.horizonEnd()
			if !ok {
				return
			}
			start := rv.c.StartDate
			out := func(d Date) bool { return !d.IsZero() && (d.Before(start) || end.Before(d)) }
			span := fmt.Sprintf("the horizon (%s to %s)", rv.monthName(0), rv.monthName(rv.c.HorizonMonths-1))
			for i, m := range rv.c.Plan.Milestones {
				for _, d := range []struct {
					field string
					date  Date
				}{{"start", m.Start}, {"end", m.End}} {
					if out(d.date) {
						rv.add(fmt.Sprintf("plan.milestones[%d].%s", i, d.field), "%s %ss on %s, outside %s", capital(called("milestone", m.Name, i)), d.field, d.date, span)
						break
					}
				}
			}
			sched := newSchedule(rv.c)
			for i := range rv.c.Plan.Gates {
				g := &rv.c.Plan.Gates[i]
				if d, ok := sched.gateDay(g); ok && out(d) {
					rv.add(fmt.Sprintf("plan.gates[%d]", i), "%s is decided on %s, outside %s", capital(called("gate", g.Name, i)), d, span)
				}
			}
			for i, m := range rv.c.Measures {
				if out(m.Date) {
					rv.add(fmt.Sprintf("measures[%d].date", i), "%s is due on %s, outside %s", capital(called("KPI", m.Name, i)), m.Date, span)
				}
			}
		}}

	oneOwnerForMostRule = Rule{"one-owner-for-most", Warning,
		"A programme whose milestones and risks mostly rest on one person stops when that person is ill, busy or gone; the CEO will ask who else carries it.",
		func(rv *reviewer) {
			count, total := map[string]int{}, 0
			for _, m := range rv.c.Plan.Milestones {
				if !blank(m.Owner) {
					count[m.Owner]++
					total++
				}
			}
			rv.recRisks(func(_ int, rk *Risk) {
				if !blank(rk.Owner) {
					count[rk.Owner]++
					total++
				}
			})
			if total < minOwnedForConcentration {
				return
			}
			for _, owner := range slices.Sorted(maps.Keys(count)) {
				if n := count[owner]; 2*n > total {
					rv.add("plan.milestones", "%s owns %d of the %d milestones and risks", owner, n, total)
				}
			}
		}}

	noSalesStakeholderRule = Rule{"no-sales-stakeholder", Warning,
		"Sales is the client of the whole exercise: a plan that does not say how Sales is kept informed is done to Sales, not with it.",
		func(rv *reviewer) {
			if len(rv.c.Plan.Stakeholders) == 0 {
				return // no-stakeholders says it already
			}
			for _, s := range rv.c.Plan.Stakeholders {
				if isSales(s.Party) {
					return
				}
			}
			rv.add("plan.stakeholders", "No affected party is from Sales: add the sales teams and their managers, and how they are kept informed")
		}}

	peopleTimeNotCostedRule = Rule{"people-time-not-costed", Warning,
		"People's time that the ask names is a cost even when nobody is paid more for it; the CFO will count it if the case does not.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 || blank(rv.c.Ask.People) || !containsWord(rv.c.Ask.People, "time", "day", "days", "hours", "week", "weeks") {
				return
			}
			for _, k := range rv.rec.Costs {
				if k.Money == PeopleTime {
					return
				}
			}
			rv.add("ask.people", "The ask names people's time (%q), but no cost line of %q is people's time", excerpt(rv.c.Ask.People, 60), rv.rec.Name)
		}}

	gateWithoutThresholdsRule = Rule{"gate-without-thresholds", Warning,
		"A gate with nothing to meet is a meeting, not a decision: the CEO needs to know what result goes on and what stops.",
		func(rv *reviewer) {
			for i, g := range rv.c.Plan.Gates {
				if len(g.Thresholds) == 0 {
					rv.add(fmt.Sprintf("plan.gates[%d].thresholds", i), "%s has no thresholds to meet", capital(called("gate", g.Name, i)))
				}
			}
		}}

	noGateBeforeEndRule = Rule{"no-gate-before-end", Warning,
		"A programme that spends more than its first year's budget without a point at which it can be stopped asks for the whole budget on faith.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			a := &rv.res.Alternatives[ai]
			var firstYear float64
			for m := 0; m < min(PeriodsPerYear, len(a.Costs)); m++ {
				firstYear += a.Costs[m]
			}
			if a.TotalCost <= firstYear*(1+1e-9) {
				return
			}
			lastEnd := -1
			sched := newSchedule(rv.c)
			for _, m := range rv.c.Plan.Milestones {
				if !m.End.IsZero() && !rv.c.StartDate.IsZero() {
					lastEnd = max(lastEnd, rv.c.MonthOf(m.End))
				}
			}
			for i := range rv.c.Plan.Gates {
				if mo, ok := sched.gateMonth(&rv.c.Plan.Gates[i]); ok && mo >= 0 && (lastEnd < 0 || mo <= lastEnd) && mo < rv.res.Months {
					return
				}
			}
			rv.add("plan.gates", "%q spends %s, %s of it after its first year, with no gate before the plan ends at which it could be stopped",
				rv.rec.Name, rv.f.Money(a.TotalCost), rv.f.Money(a.TotalCost-firstYear))
		}}
)

const minOwnedForConcentration = 4 // milestones and risks, before one owner's share counts

// isSales reports whether a party or an owner is from Sales.
func isSales(s string) bool {
	return containsWord(s, "sales", "commercial", "account", "accounts", "reps", "rep", "salespeople", "sellers", "vertrieb", "ventes", "ventas")
}
