package tracking

import (
	"math"
	"testing"
	"time"

	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

func d(y, m, day int) cb.Date { return cb.Date{Year: y, Month: time.Month(m), Day: day} }

// handCase is a small case whose figures are worked by hand in the tests.
//
// The pain: 100 reps, 30 % attrition, a yearly quota of 365,000 at 50 %
// gross margin (a daily margin of 500), 30 days to fill (a vacancy of
// 15,000), six months' ramp-up at the default 50 % (6 × 30,416.67 × 0.5 ×
// 0.5 = 45,625), recruiting 10,000 and separation by default a month of
// a 60,000 salary (5,000): a leaver costs 75,625, and 30 leavers 2,268,750
// a year. Each point of attrition is worth 75,625 a year.
//
// The programme, with no discounting: a design of 12,000 and a licence of
// 2,400 in month 0, a coach at 1,000 a month from month 1 to the end of the
// roll-out (30 April: months 1 to 3), and the contingency reserve of 2,000
// (0.5 × 4,000) in month 0: 19,400 in all. Attrition from 30 % to 27 %
// from the end of the roll-out (May, month 4): 3 × 75,625 = 226,875 a
// year, 18,906.25 a month, for eight months: 151,250. NPV 131,850.
func handCase() *cb.Case {
	return &cb.Case{
		SchemaVersion: cb.SchemaVersion, Title: "By hand", Organisation: "Hand Ltd", Currency: "EUR",
		DiscountRate: 0, HorizonMonths: 12, StartDate: d(2027, 1, 1),
		Pain: cb.Pain{Category: cb.SalesTurnover, Inputs: cb.GivenInputs(map[string]cb.Range{
			"reps": cb.Exactly(100), "attritionRate": cb.Exactly(0.30), "annualQuota": cb.Exactly(365000),
			"grossMargin": cb.Exactly(0.5), "salary": cb.Exactly(60000), "recruitingCost": cb.Exactly(10000),
			"daysToFill": cb.Exactly(30), "rampMonths": cb.Exactly(6),
		})},
		Alternatives: []cb.Alternative{
			{ID: "nothing", Name: "Do nothing", DoNothing: true},
			{ID: "prog", Name: "The programme",
				Costs: []cb.Cost{
					{Name: "Design", Kind: cb.OneTime, Amount: cb.Exactly(12000)},
					{Name: "Coach", Kind: cb.Monthly, Amount: cb.Exactly(1000), StartMonth: 1,
						EndAt: &cb.Anchor{Milestone: "rollout", At: cb.AtEnd}},
					{Name: "Licence", Kind: cb.Yearly, Amount: cb.Exactly(2400)},
				},
				Benefits: []cb.Benefit{
					{Name: "Fewer leavers", Basis: cb.BenefitPainInput, Input: "attritionRate", To: cb.Exactly(0.27),
						StartAt: &cb.Anchor{Milestone: "rollout", At: cb.AtEnd}},
				}},
		},
		Recommendation: cb.Recommendation{Alternative: "prog", Reason: "By hand"},
		Risks: []cb.Risk{{ID: "r1", Description: "The coach leaves", Likelihood: 0.5, ImpactCost: 10000, ImpactScore: 3,
			Owner: "Ann", Trigger: "A resignation", Workaround: "Managers coach", Contingency: "An agency coach",
			ContingencyCost: 4000, Alternatives: []string{"prog"}}},
		Plan: cb.Plan{
			Milestones: []cb.Milestone{
				{ID: "design", Name: "Design", Start: d(2027, 1, 4), End: d(2027, 2, 26), Owner: "Ann Archer"},
				{ID: "rollout", Name: "Roll-out", Start: d(2027, 3, 1), End: d(2027, 4, 30), Owner: "Bob Baker", DependsOn: []string{"design"}},
				{ID: "review", Name: "Review", Start: d(2027, 6, 1), End: d(2027, 6, 15), Owner: "Cy Cole", DependsOn: []string{"rollout"}},
			},
			Gates: []cb.Gate{{ID: "g1", Name: "After the design", Milestone: "design", DecidedBy: "CEO",
				Thresholds: []cb.Threshold{{Measure: "sessions", Comparison: cb.AtLeast, Value: 1.5}}}},
			ReportingCadence: "Monthly",
		},
		Measures: []cb.Measure{
			{ID: "attrition", Name: "Attrition", Unit: figure.Percent, Baseline: 0.30, Target: 0.27, Date: d(2027, 12, 31),
				Owner: "Ann", PainInput: "attritionRate"},
			{ID: "sessions", Name: "Coaching sessions", Unit: figure.Number, Baseline: 1, Target: 3, Date: d(2027, 7, 1), Owner: "Bob"},
		},
	}
}

var approval = cb.Approval{Date: d(2026, 12, 20), By: "Executive committee"}

// approved returns the hand case approved, with no actuals.
func approved(t *testing.T) *cb.Case {
	t.Helper()
	c := handCase()
	if err := Approve(c, approval); err != nil {
		t.Fatal(err)
	}
	return c
}

// underWay returns the hand case approved with its actuals to the end of
// April 2027 (month 3):
//
//   - spend: design 7,000 in January and 6,000 in March; the licence, 2,400,
//     in January; the coach 1,000 in February and March and 1,200 in April;
//     1,500 from the reserve in April;
//   - the design done on 5 March, a week late; the roll-out started on 8
//     March and half done by 30 April;
//   - attrition read at 30 %, 29.5 %, 29 % and 28.5 % at the end of each
//     month, 60 % of its fall attributed to the programme by the managers
//     with 80 % confidence; coaching sessions read 1.2 on 15 February and
//     1.5 on 15 April;
//   - the coach risk fired on 5 April, its contingency used.
func underWay(t *testing.T) *cb.Case {
	t.Helper()
	c := approved(t)
	r := c.Tracking
	r.Spend = []cb.Spend{
		{Date: d(2027, 1, 20), Line: "Design", Amount: 7000},
		{Date: d(2027, 1, 5), Line: "Licence", Amount: 2400},
		{Date: d(2027, 2, 28), Line: "Coach", Amount: 1000},
		{Date: d(2027, 3, 15), Line: "Design", Amount: 6000},
		{Date: d(2027, 3, 31), Line: "Coach", Amount: 1000},
		{Date: d(2027, 4, 30), Line: "Coach", Amount: 1200},
		{Date: d(2027, 4, 10), Reserve: true, Amount: 1500, Note: "Agency coach"},
	}
	r.Milestones = []cb.MilestoneProgress{
		{Milestone: "design", ActualStart: d(2027, 1, 4), ActualEnd: d(2027, 3, 5), PercentComplete: 1, Status: cb.Done},
		{Milestone: "rollout", ActualStart: d(2027, 3, 8), PercentComplete: 0.5, Status: cb.InProgress},
	}
	r.Readings = []cb.Reading{
		{Measure: "attrition", Date: d(2027, 1, 31), Value: 0.30},
		{Measure: "attrition", Date: d(2027, 2, 28), Value: 0.295},
		{Measure: "attrition", Date: d(2027, 3, 31), Value: 0.29},
		{Measure: "attrition", Date: d(2027, 4, 30), Value: 0.285},
		{Measure: "sessions", Date: d(2027, 2, 15), Value: 1.2},
		{Measure: "sessions", Date: d(2027, 4, 15), Value: 1.5},
	}
	r.KPIs = []cb.KPIRecord{{Measure: "attrition", Isolation: &cb.Isolation{Share: 0.6, Method: cb.ManagerEstimate,
		Basis: "Sales managers, in the April review", Confidence: 0.8}}}
	r.RiskEvents = []cb.RiskEvent{{Risk: "r1", Fired: d(2027, 4, 5), Contingency: true, Cost: 1500}}
	if ps := cb.Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	return c
}

func progress(t *testing.T, c *cb.Case, asOf Month) *Progress {
	t.Helper()
	p, err := ProgressOf(c, Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// report is the progress report of c as of a month (zero: the month of
// the latest actual).
func report(t *testing.T, c *cb.Case, asOf Month) *Report {
	t.Helper()
	r, err := NewReport(c, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func checkFigure(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %.6f, want %.6f", name, got, want)
	}
}
