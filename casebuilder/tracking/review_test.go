package tracking

import (
	"fmt"
	"os"
	"strings"
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
)

// findings returns the findings of one rule of a case under way, as of a
// month.
func findings(t *testing.T, c *cb.Case, asOf Month, rule string) []cb.Finding {
	t.Helper()
	if ps := cb.Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	var out []cb.Finding
	for _, f := range Review(c, progress(t, c, asOf)) {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// expect checks that a rule found one thing, at path, saying want.
func expect(t *testing.T, fs []cb.Finding, severity cb.Severity, path, want string) {
	t.Helper()
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1: %v", len(fs), fs)
	}
	f := fs[0]
	if f.Severity != severity || f.Where.Path != path || f.Where.Step != cb.StepTracking || f.Message != want || f.Why == "" {
		t.Errorf("got %s at %s\n  %q\nwant %s at %s\n  %q", f.Severity, f.Where, f.Message, severity, path, want)
	}
}

// expectNone checks that a rule found nothing; when says in which case.
func expectNone(t *testing.T, fs []cb.Finding, when string) {
	t.Helper()
	if len(fs) != 0 {
		t.Errorf("%s: %v", when, fs)
	}
}

func TestRuleLateMilestoneWithoutRecovery(t *testing.T) {
	c := underWay(t)
	expect(t, findings(t, c, Month{2027, 4}, "late-milestone-without-recovery"), cb.Warning, "tracking.milestones[1].note",
		`Milestone "Roll-out" is running 54 days late, and no note says how it will recover`)
	// A note answers it.
	c.Tracking.Milestones[1].Note = "A second coach from May"
	expectNone(t, findings(t, c, Month{2027, 4}, "late-milestone-without-recovery"), "with a note")
	// Milestones late with no progress recorded point to where it goes:
	// as of March, the design has not started, nor the roll-out, due to
	// start on 1 March.
	c = approved(t)
	c.Tracking.Readings = []cb.Reading{{Measure: "sessions", Date: d(2027, 3, 1), Value: 1}}
	fs := findings(t, c, Month{2027, 3}, "late-milestone-without-recovery")
	if len(fs) != 2 {
		t.Fatalf("%d findings, want 2: %v", len(fs), fs)
	}
	expect(t, fs[:1], cb.Warning, "tracking.milestones", `Milestone "Design" is running 87 days late, and no note says how it will recover`)
	expect(t, fs[1:], cb.Warning, "tracking.milestones", `Milestone "Roll-out" is running 85 days late, and no note says how it will recover`)
	// Done late is not running late; neither is one that waits for it.
	c = underWay(t)
	c.Tracking.Milestones[1].Note = "x"
	expectNone(t, findings(t, c, Month{2027, 4}, "late-milestone-without-recovery"), "the design, done late, and the review, waiting")
}

func TestRuleKPIOffTrackWithoutAction(t *testing.T) {
	c := underWay(t)
	expect(t, findings(t, c, Month{2027, 4}, "kpi-off-track-without-action"), cb.Warning, "tracking.kpis",
		`KPI "Coaching sessions" reads 1.50 on 2027-04-15, off its trajectory of 2.15, and no action is recorded`)
	c.Tracking.KPIs = append(c.Tracking.KPIs, cb.KPIRecord{Measure: "sessions"})
	expect(t, findings(t, c, Month{2027, 4}, "kpi-off-track-without-action"), cb.Warning, "tracking.kpis[1].action",
		`KPI "Coaching sessions" reads 1.50 on 2027-04-15, off its trajectory of 2.15, and no action is recorded`)
	c.Tracking.KPIs[1].Action = "Coaching sessions put in managers' calendars"
	expectNone(t, findings(t, c, Month{2027, 4}, "kpi-off-track-without-action"), "with an action")
}

func TestRuleSpendOverPlan(t *testing.T) {
	c := underWay(t)
	// 18,600 against 17,400 is 6.9 % over: not yet.
	expectNone(t, findings(t, c, Month{2027, 4}, "spend-over-plan"), "6.9 % over")
	// 540 more on the coach: 19,140 is exactly 10 % over, still not more.
	c.Tracking.Spend = append(c.Tracking.Spend, cb.Spend{Date: d(2027, 4, 30), Line: "Coach", Amount: 540})
	expectNone(t, findings(t, c, Month{2027, 4}, "spend-over-plan"), "10 % over")
	c.Tracking.Spend = append(c.Tracking.Spend, cb.Spend{Date: d(2027, 4, 30), Line: "Coach", Amount: 10})
	// 19,150 is 10.06 % over; the design, 1,000 over, the most.
	expect(t, findings(t, c, Month{2027, 4}, "spend-over-plan"), cb.Warning, "tracking.spend",
		`Spend to date on the cost lines, €19,150, is 10.1% over the plan to date of €17,400; the line most over plan is "Design" (€13,000 spent against €12,000 planned)`)
}

func TestRuleForecastOverBudget(t *testing.T) {
	c := underWay(t)
	expect(t, findings(t, c, Month{2027, 4}, "forecast-over-budget"), cb.Warning, "tracking.decisions",
		"The forecast at completion, €21,600, is €2,200 over the approved budget of €19,400: ask the approvers to decide on it")
	expectNone(t, findings(t, onPlanInJanuary(t), Month{2027, 1}, "forecast-over-budget"), "on plan")
}

func TestRuleRiskFiredWithoutResponse(t *testing.T) {
	c := underWay(t)
	expectNone(t, findings(t, c, Month{2027, 4}, "risk-fired-without-response"), "with its contingency")
	c.Tracking.RiskEvents[0].Contingency = false
	expect(t, findings(t, c, Month{2027, 4}, "risk-fired-without-response"), cb.Blocking, "tracking.riskEvents[0].workaround",
		`The trigger of risk "The coach leaves" fired on 2027-04-05, and neither its work-around nor its contingency plan is used`)
	// Before it fired, nothing.
	expectNone(t, findings(t, c, Month{2027, 3}, "risk-fired-without-response"), "in March")
	c.Tracking.RiskEvents[0].Workaround = true
	expectNone(t, findings(t, c, Month{2027, 4}, "risk-fired-without-response"), "with its work-around")
}

func TestRuleKPIReadingOverdue(t *testing.T) {
	c := underWay(t)
	expectNone(t, findings(t, c, Month{2027, 4}, "kpi-reading-overdue"), "read every month")
	// As of June, sessions were last read on 15 April: two months.
	c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "attrition", Date: d(2027, 6, 30), Value: 0.28},
		cb.Reading{Measure: "attrition", Date: d(2027, 5, 31), Value: 0.283})
	expect(t, findings(t, c, Month{2027, 6}, "kpi-reading-overdue"), cb.Warning, "tracking.readings",
		`KPI "Coaching sessions" has had no reading since 2027-04-15; it is to be read every month`)
	// Read every quarter, it is not overdue yet.
	c.Tracking.KPIs = append(c.Tracking.KPIs, cb.KPIRecord{Measure: "sessions", EveryMonths: 3})
	expectNone(t, findings(t, c, Month{2027, 6}, "kpi-reading-overdue"), "quarterly")
	// A KPI never read, two months in.
	c = approved(t)
	c.Tracking.Readings = []cb.Reading{{Measure: "attrition", Date: d(2027, 2, 28), Value: 0.3}}
	expect(t, findings(t, c, Month{2027, 2}, "kpi-reading-overdue"), cb.Warning, "tracking.readings",
		`KPI "Coaching sessions" has no reading yet, 2 months into the programme; it is to be read every month`)
}

func TestRuleGateWithoutOutcome(t *testing.T) {
	c := underWay(t)
	expect(t, findings(t, c, Month{2027, 4}, "gate-without-outcome"), cb.Warning, "tracking.gates",
		`Gate "After the design" was due on 2027-03-06, and no outcome is recorded`)
	c.Tracking.Gates = []cb.GateOutcome{{Gate: "g1", Date: d(2027, 3, 8), Met: true, Decision: cb.GoOn}}
	expectNone(t, findings(t, c, Month{2027, 4}, "gate-without-outcome"), "with its outcome")
	// An outcome recorded after the month does not count as of it.
	expectNone(t, findings(t, c, Month{2027, 3}, "gate-without-outcome"), "decided on 8 March, as of March")
}

func TestRuleBenefitWithoutIsolation(t *testing.T) {
	c := underWay(t)
	expectNone(t, findings(t, c, Month{2027, 4}, "benefit-without-isolation"), "isolated")
	c.Tracking.KPIs[0].Isolation = nil
	expect(t, findings(t, c, Month{2027, 4}, "benefit-without-isolation"), cb.Advice, "tracking.kpis[0].isolation",
		`KPI "Attrition" is worth €18,906 to date by the cost of pain, but no share of it is attributed to the programme, so none is claimed`)
}

func TestEveryRuleIsTested(t *testing.T) {
	tested := map[string]bool{"late-milestone-without-recovery": true, "kpi-off-track-without-action": true, "spend-over-plan": true,
		"forecast-over-budget": true, "risk-fired-without-response": true, "kpi-reading-overdue": true, "gate-without-outcome": true,
		"benefit-without-isolation": true, "benefit-not-reforecast": true}
	for _, r := range Rules() {
		if !tested[r.Name] {
			t.Errorf("rule %s has no test", r.Name)
		}
		if r.Why == "" || !strings.HasSuffix(r.Why, ".") {
			t.Errorf("rule %s: why %q", r.Name, r.Why)
		}
	}
	if len(Rules()) != len(tested) {
		t.Errorf("%d rules, %d tested", len(Rules()), len(tested))
	}
}

func TestAnalyse(t *testing.T) {
	c := underWay(t)
	a, err := Analyse(c, AnalysisOptions{AnalysisOptions: cb.AnalysisOptions{SkipSimulation: true}, AsOf: Month{2027, 4}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Progress == nil || a.Progress.AsOf != (Month{2027, 4}) {
		t.Fatalf("progress %+v", a.Progress)
	}
	model := cb.Review(c, cb.Calculate(c))
	under := Review(c, a.Progress)
	if len(a.Review) != len(model)+len(under) {
		t.Errorf("%d findings, want %d and %d", len(a.Review), len(model), len(under))
	}
	for i := 1; i < len(a.Review); i++ {
		if rank(a.Review[i-1].Severity) > rank(a.Review[i].Severity) {
			t.Errorf("finding %d (%s) after a %s one", i, a.Review[i].Severity, a.Review[i-1].Severity)
		}
	}
	if a.Readiness != cb.Readiness(a.Review) {
		t.Errorf("readiness %d, want %d", a.Readiness, cb.Readiness(a.Review))
	}
	if _, err := Analyse(c, AnalysisOptions{AsOf: Month{2030, 1}}); err == nil {
		t.Error("analysed as of a month after the horizon")
	}
	a, err = Analyse(handCase(), AnalysisOptions{AnalysisOptions: cb.AnalysisOptions{SkipSimulation: true}})
	if err != nil || a.Progress != nil {
		t.Errorf("not approved: %+v, %v", a.Progress, err)
	}
	if fs := Findings(c, cb.Calculate(c)); len(fs) != len(model)+len(under) {
		t.Errorf("Findings: %d", len(fs))
	}
}

func rank(s cb.Severity) int {
	return map[cb.Severity]int{cb.Blocking: 0, cb.Warning: 1, cb.Advice: 2}[s]
}

func TestRuleBenefitNotReforecast(t *testing.T) {
	// The roll-out done on 30 April as planned; attrition, due from 30 %
	// on 1 May to 27 % on 31 December, reads 29 % on 1 August: behind
	// 0.30 − 0.03 × 92/244 ≈ 28.87 %, by 0.13 points of the 1.13 due, more
	// than a tenth. Its benefit, 3 points × 75,625 = 226,875 a year,
	// 18,906.25 a month, still counts on September to December as
	// approved: 4 × 18,906.25 = 75,625.
	c := underWay(t)
	c.Tracking.Milestones[1] = cb.MilestoneProgress{Milestone: "rollout", ActualStart: d(2027, 3, 8), ActualEnd: d(2027, 4, 30), PercentComplete: 1, Status: cb.Done}
	c.Tracking.KPIs[0].Action = "Stay interviews with every rep"
	c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "attrition", Date: d(2027, 8, 1), Value: 0.29})
	fs := findings(t, c, Month{2027, 8}, "benefit-not-reforecast")
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1: %v", len(fs), fs)
	}
	want := `KPI "Attrition" reads 29.0% on 2027-08-01, behind its trajectory of 28.9%, yet benefit "Fewer leavers" still counts on €75,625 from September 2027 on, as much as approved: re-forecast its new value, its ramp-up or its start`
	if f := fs[0]; f.Severity != cb.Warning || f.Where.Path != "alternatives[1].benefits[0].to" || f.Where.Step != cb.StepAlternatives || f.Message != want {
		t.Errorf("got %s at %s\n  %q\nwant a warning at alternatives[1].benefits[0].to\n  %q", f.Severity, f.Where, f.Message, want)
	}
	// Re-forecast to 28 %: 2 points, 151,250 a year, less to come.
	c.Alternatives[1].Benefits[0].To = cb.Exactly(0.28)
	expectNone(t, findings(t, c, Month{2027, 8}, "benefit-not-reforecast"), "re-forecast to 28 %")
	// A hair behind, 28.9 % against 28.87 %: 0.03 points, less than a
	// tenth of the 1.13 due.
	c.Alternatives[1].Benefits[0].To = cb.Exactly(0.27)
	c.Tracking.Readings[len(c.Tracking.Readings)-1].Value = 0.289
	expectNone(t, findings(t, c, Month{2027, 8}, "benefit-not-reforecast"), "a hair behind")
	// The roll-out running late moves the benefit out of the horizon: the
	// re-forecast counts less than approved already.
	c = underWay(t)
	c.Tracking.KPIs[0].Action = "Stay interviews with every rep"
	c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "attrition", Date: d(2027, 8, 1), Value: 0.29})
	expectNone(t, findings(t, c, Month{2027, 8}, "benefit-not-reforecast"), "the roll-out running late")
	// On its trajectory, as of April (due at its baseline), nothing.
	expectNone(t, findings(t, underWay(t), Month{2027, 4}, "benefit-not-reforecast"), "on track in April")
}

// TestReadmeCountsTheRules checks the numbers of rules the README gives:
// the case's, and those of a case under way.
func TestReadmeCountsTheRules(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("plays the sceptical CEO: %d named rules, and %d more on the progress of an approved", len(cb.Rules()), len(Rules()))
	if !strings.Contains(strings.Join(strings.Fields(string(readme)), " "), want) {
		t.Errorf("the README does not say %q", want)
	}
}
