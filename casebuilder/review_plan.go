package casebuilder

import (
	"fmt"
	"slices"
)

// The rules that check the Plan step: milestones, resources, stakeholders and reporting.
var (
	noPlanRule = Rule{"no-plan", Blocking,
		"Approval for something with no plan is a blank cheque; the CEO needs to see what happens when, and who does it.",
		func(rv *reviewer) {
			if len(rv.c.Plan.Milestones) == 0 {
				rv.add("plan.milestones", "There is no implementation plan: add the milestones, with dates and owners")
			}
		}}

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

	noStakeholdersRule = Rule{"no-stakeholders", Warning,
		"Change that surprises the people it affects meets resistance; the CEO will ask who has been told.",
		func(rv *reviewer) {
			if len(rv.c.Plan.Stakeholders) == 0 {
				rv.add("plan.stakeholders", "No affected parties are identified: say who is affected and how they are kept informed")
			}
		}}

	noReportingCadenceRule = Rule{"no-reporting-cadence", Warning,
		"Without regular reporting the CEO hears about the initiative again only when it has gone wrong.",
		func(rv *reviewer) {
			if blank(rv.c.Plan.ReportingCadence) {
				rv.add("plan.reportingCadence", "There is no reporting cadence: say who reports what to whom, and how often")
			}
		}}

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
