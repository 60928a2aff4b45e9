package tracking

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"golang.org/x/text/language"
)

// Rule is one check of a case under way: what it is called, how serious
// what it finds is, and why a CEO would object to it.
type Rule struct {
	Name     string
	Severity casebuilder.Severity
	// Why says why a CEO would object, for every finding of the rule.
	Why   string
	check func(rv *reviewer)
}

// Rules returns the rules of a case under way, in the order they run.
func Rules() []Rule { return slices.Clone(rules) }

// Review plays the sceptical CEO on a case under way: it returns what a
// CEO would object to in its progress p, each finding pointing to the
// field of the record to fix (at the Tracking step), most severe first.
// Its messages write figures in English, as the report does.
func Review(c *casebuilder.Case, p *Progress) []casebuilder.Finding {
	return ReviewIn(c, p, language.English)
}

// ReviewIn is [Review] with the figures of its messages written as lang
// writes numbers, as the app's boxes show them.
func ReviewIn(c *casebuilder.Case, p *Progress, lang language.Tag) []casebuilder.Finding {
	rv := &reviewer{c: c, p: p, f: figure.NewFormat(c.Currency, lang)}
	for i := range rules {
		rv.rule = &rules[i]
		rv.rule.check(rv)
	}
	order := map[casebuilder.Severity]int{casebuilder.Blocking: 0, casebuilder.Warning: 1, casebuilder.Advice: 2}
	slices.SortStableFunc(rv.out, func(a, b casebuilder.Finding) int { return order[a.Severity] - order[b.Severity] })
	return rv.out
}

type reviewer struct {
	c    *casebuilder.Case
	p    *Progress
	f    *figure.Format
	rule *Rule
	out  []casebuilder.Finding
}

func (rv *reviewer) add(path, format string, args ...any) {
	rv.out = append(rv.out, casebuilder.Finding{Rule: rv.rule.Name, Severity: rv.rule.Severity,
		Message: fmt.Sprintf(format, args...), Why: rv.rule.Why, Where: casebuilder.Where{Step: casebuilder.StepFor(path), Path: path}})
}

// at returns the path of a field of entry i of a list of the record, or
// of the list itself when the entry does not exist yet.
func at(list string, i int, field string) string {
	if i < 0 {
		return "tracking." + list
	}
	return fmt.Sprintf("tracking.%s[%d].%s", list, i, field)
}

// rules are the rules of a case under way.
var rules = []Rule{
	riskFiredWithoutResponseRule,
	lateMilestoneWithoutRecoveryRule,
	kpiOffTrackWithoutActionRule,
	spendOverPlanRule,
	forecastOverBudgetRule,
	kpiReadingOverdueRule,
	gateWithoutOutcomeRule,
	benefitWithoutIsolationRule,
	benefitNotReforecastRule,
}

var (
	riskFiredWithoutResponseRule = Rule{"risk-fired-without-response", casebuilder.Blocking,
		"A risk foreseen, with its work-around and contingency plan written down, that happens and is met with neither, tells the CEO the plan was never meant.",
		func(rv *reviewer) {
			for _, r := range rv.p.Risks {
				if !r.Workaround && !r.Contingency {
					rv.add(at("riskEvents", r.Event, "workaround"), "The trigger of risk %q fired on %s, and neither its work-around nor its contingency plan is used",
						r.Description, r.Fired)
				}
			}
		}}

	lateMilestoneWithoutRecoveryRule = Rule{"late-milestone-without-recovery", casebuilder.Warning,
		"A slip that is owned and has a plan to recover is forgiven; one nobody explains reads as a programme nobody runs.",
		func(rv *reviewer) {
			for _, m := range rv.p.Milestones {
				if m.Late && strings.TrimSpace(m.Note) == "" {
					rv.add(at("milestones", m.Record, "note"), "Milestone %q is running %s late, and no note says how it will recover",
						m.Name, daysWord(m.DaysLate))
				}
			}
		}}

	kpiOffTrackWithoutActionRule = Rule{"kpi-off-track-without-action", casebuilder.Warning,
		"A KPI falling behind its trajectory is the early warning the programme was measured for; seeing it and doing nothing is what a CEO will not accept.",
		func(rv *reviewer) {
			for _, k := range rv.p.KPIs {
				if k.OnTrack != nil && !*k.OnTrack && strings.TrimSpace(k.Action) == "" {
					latest, due := k.LatestAndDue(rv.f)
					rv.add(at("kpis", k.Record, "action"), "KPI %q reads %s on %s, off its trajectory of %s, and no action is recorded",
						k.Name, latest, k.LatestDate, due)
				}
			}
		}}

	spendOverPlanRule = Rule{"spend-over-plan", casebuilder.Warning,
		"Spending well ahead of plan is the first thing a CFO sees in the monthly report, and will ask about before anything else.",
		func(rv *reviewer) {
			m := &rv.p.Money
			if r, ok := m.LinesOverPlan(); ok && r > OverPlan+1e-9 {
				msg := fmt.Sprintf("Spend to date on the cost lines, %s, is %s over the plan to date of %s",
					rv.f.Money(m.LinesSpentToDate), rv.f.Percent(r), rv.f.Money(m.LinesPlannedToDate))
				var worst *LineMoney
				for i := range m.Lines {
					l := &m.Lines[i]
					if !l.Reserve && l.SpentToDate-l.PlannedToDate > 0 && (worst == nil || l.SpentToDate-l.PlannedToDate > worst.SpentToDate-worst.PlannedToDate) {
						worst = l
					}
				}
				if worst != nil {
					msg += fmt.Sprintf("; the line most over plan is %q (%s spent against %s planned)", worst.Name, rv.f.Money(worst.SpentToDate), rv.f.Money(worst.PlannedToDate))
				}
				rv.add("tracking.spend", "%s", msg)
			}
		}}

	forecastOverBudgetRule = Rule{"forecast-over-budget", casebuilder.Warning,
		"A programme forecast to cost more than was approved needs the approvers' decision before the money is spent, not after.",
		func(rv *reviewer) {
			m := &rv.p.Money
			if m.VarianceAtCompletion > 0.005 {
				rv.add("tracking.decisions", "The forecast at completion, %s, is %s over the approved budget of %s: ask the approvers to decide on it",
					rv.f.Money(m.ForecastAtCompletion), rv.f.Money(m.VarianceAtCompletion), rv.f.Money(m.ApprovedBudget))
			}
		}}

	kpiReadingOverdueRule = Rule{"kpi-reading-overdue", casebuilder.Warning,
		"A KPI that is not read cannot warn anyone; the report the CEO was promised has a hole in it.",
		func(rv *reviewer) {
			for _, k := range rv.p.KPIs {
				if !k.Overdue {
					continue
				}
				every := "every month"
				if k.EveryMonths > 1 {
					every = fmt.Sprintf("every %d months", k.EveryMonths)
				}
				if k.Latest == nil {
					rv.add("tracking.readings", "KPI %q has no reading yet, %s into the programme; it is to be read %s",
						k.Name, plural(rv.p.Month+1, "month", "months"), every)
					continue
				}
				rv.add("tracking.readings", "KPI %q has had no reading since %s; it is to be read %s", k.Name, k.LatestDate, every)
			}
		}}

	gateWithoutOutcomeRule = Rule{"gate-without-outcome", casebuilder.Warning,
		"A stage gate is where the CEO agreed to stop if it is not working; passing it without a recorded decision spends the next stage's money unapproved.",
		func(rv *reviewer) {
			for _, g := range rv.p.Gates {
				if g.Status == GateAwaiting {
					rv.add("tracking.gates", "Gate %q was due on %s, and no outcome is recorded", g.Name, g.Day)
				}
			}
		}}

	benefitWithoutIsolationRule = Rule{"benefit-without-isolation", casebuilder.Advice,
		"Claiming a KPI's whole improvement for the programme invites the CFO to ask what else changed; the Phillips method claims only the share isolated for it, adjusted for confidence.",
		func(rv *reviewer) {
			for _, rk := range rv.p.Benefits.KPIs {
				if rk.Isolation != nil || rk.Improvement == 0 {
					continue
				}
				rec := -1
				for _, k := range rv.p.KPIs {
					if k.Key == rk.Key {
						rec = k.Record
					}
				}
				rv.add(at("kpis", rec, "isolation"), "KPI %q is worth %s to date by the cost of pain, but no share of it is attributed to the programme, so none is claimed",
					rk.Name, rv.f.Money(rk.Improvement))
			}
		}}

	benefitNotReforecastRule = Rule{"benefit-not-reforecast", casebuilder.Warning,
		"A KPI behind its trajectory says the benefit it drives comes later or smaller than approved; a re-forecast that still counts that benefit in full is the figure the CFO will not believe.",
		func(rv *reviewer) {
			b := &rv.c.Tracking.Baseline
			ai := rv.c.AlternativeByID(b.Alternative)
			if ai < 0 {
				return
			}
			alt := &rv.c.Alternatives[ai]
			for _, k := range rv.p.KPIs {
				if k.OnTrack == nil || *k.OnTrack || k.PainInput == "" || !materiallyBehind(&k) {
					continue
				}
				for i, l := range rv.p.forecastLines {
					if l.Kind != casebuilder.BenefitLine || l.Index < 0 || l.Index >= len(alt.Benefits) || alt.Benefits[l.Index].Input != k.PainInput {
						continue
					}
					j := slices.IndexFunc(b.Lines, func(bl casebuilder.BaselineLine) bool {
						return bl.Kind == casebuilder.BenefitLine && bl.Name == l.Name && bl.Input == k.PainInput
					})
					if j < 0 {
						continue // a benefit added since the approval
					}
					// What is still to come, as approved and as the
					// re-forecast counts it, milestones where they are
					// forecast to be.
					var approved, now float64
					for m := rv.p.Month + 1; m < len(rv.p.forecastFlows[i]); m++ {
						approved += b.Lines[j].InMonth(m)
						now += rv.p.forecastFlows[i][m]
					}
					if approved <= 0 || now < approved-0.5 {
						continue // nothing to come, or re-forecast below the approval
					}
					latest, due := k.LatestAndDue(rv.f)
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].to", ai, l.Index),
						"KPI %q reads %s on %s, behind its trajectory of %s, yet benefit %q still counts on %s from %s on, as much as approved: "+
							"re-forecast its new value, its ramp-up or its start",
						k.Name, latest, k.LatestDate, due, l.Name, rv.f.Money(now), rv.p.AsOf.Add(1).Words())
				}
			}
		}}
)

// materiallyBehind reports whether a KPI off its trajectory is behind it
// by a tenth or more of the move due by then (of its whole move, baseline
// to target, while it is due at its baseline): a reading a hair behind is
// no reason to re-forecast.
func materiallyBehind(k *KPI) bool {
	if k.Latest == nil || k.Trajectory == nil {
		return false
	}
	move := math.Abs(*k.Trajectory - k.Baseline)
	if move == 0 {
		move = math.Abs(k.Target - k.Baseline)
	}
	return math.Abs(*k.Trajectory-*k.Latest) >= 0.1*move
}
