package tracking

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
)

func TestApproveKeepsTheBaseline(t *testing.T) {
	c := approved(t)
	b := c.Tracking.Baseline
	if b.Approval != approval || b.Alternative != "prog" || b.AlternativeName != "The programme" {
		t.Errorf("approval %+v, alternative %q %q", b.Approval, b.Alternative, b.AlternativeName)
	}
	// Worked by hand: see handCase.
	checkFigure(t, "budget", b.Budget, 19400)
	checkFigure(t, "reserve", b.Reserve, 2000)
	checkFigure(t, "total cost", b.TotalCost, 19400)
	checkFigure(t, "total benefit", b.TotalBenefit, 151250)
	checkFigure(t, "NPV", b.NPV, 131850)
	if b.StageEnd != 12 || b.HorizonMonths != 12 || b.StartDate != d(2027, 1, 1) || b.Currency != "EUR" {
		t.Errorf("stage end %d, horizon %d, start %s, currency %s", b.StageEnd, b.HorizonMonths, b.StartDate, b.Currency)
	}
	wantCosts := []float64{16400, 1000, 1000, 1000, 0, 0, 0, 0, 0, 0, 0, 0}
	if !reflect.DeepEqual(b.Costs, wantCosts) {
		t.Errorf("costs %v, want %v", b.Costs, wantCosts)
	}
	for m, v := range b.Benefits {
		want := 0.0
		if m >= 4 {
			want = 18906.25
		}
		checkFigure(t, "benefit of month "+Month{2027, 1}.Add(m).String(), v, want)
	}
	type line struct {
		name    string
		kind    cb.LineKind
		input   string
		first   int
		monthly []float64
	}
	var got []line
	for _, l := range b.Lines {
		got = append(got, line{l.Name, l.Kind, l.Input, l.First, l.Monthly})
	}
	eight := []float64{18906.25, 18906.25, 18906.25, 18906.25, 18906.25, 18906.25, 18906.25, 18906.25}
	want := []line{
		{"Design", cb.CostLine, "", 0, []float64{12000}},
		{"Coach", cb.CostLine, "", 1, []float64{1000, 1000, 1000}},
		{"Licence", cb.CostLine, "", 0, []float64{2400}},
		{"Fewer leavers", cb.BenefitLine, "attritionRate", 4, eight},
		{"Contingency reserve", cb.ReserveLine, "", 0, []float64{2000}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines\n%v, want\n%v", got, want)
	}
	if len(b.Milestones) != 3 || b.Milestones[1] != (cb.BaselineMilestone{ID: "rollout", Name: "Roll-out", Start: d(2027, 3, 1), End: d(2027, 4, 30), Owner: "Bob Baker"}) {
		t.Errorf("milestones %+v", b.Milestones)
	}
	if len(b.Gates) != 1 || b.Gates[0].Day != d(2027, 2, 27) || b.Gates[0].Month != 1 || len(b.Gates[0].Thresholds) != 1 {
		t.Errorf("gates %+v", b.Gates)
	}
	if len(b.Measures) != 2 || b.Measures[0].Key() != "attrition" || b.Measures[0].PainInput != "attritionRate" {
		t.Errorf("measures %+v", b.Measures)
	}
	if b.PainCategory != cb.SalesTurnover || b.PainInputs["attritionRate"].Likely != 0.30 {
		t.Errorf("pain %s %v", b.PainCategory, b.PainInputs)
	}
	// The snapshot shares nothing with the case.
	c.Pain.Inputs["attritionRate"] = cb.Given(cb.Exactly(0.5))
	c.Plan.Milestones[1].End = d(2027, 5, 31)
	if b := c.Tracking.Baseline; b.PainInputs["attritionRate"].Likely != 0.30 || b.Milestones[1].End != d(2027, 4, 30) {
		t.Error("changing the case changed its baseline")
	}
	// And the case, approved, still saves and loads.
	if _, back := casetest.RoundTrip(t, c); !reflect.DeepEqual(back.Tracking, c.Tracking) {
		t.Error("the record does not come back from the file as it was")
	}
}

func TestApproveAStage(t *testing.T) {
	c := handCase()
	a := approval
	a.UpToGate = "g1"
	a.Conditions = "Come back after the design"
	if err := Approve(c, a); err != nil {
		t.Fatal(err)
	}
	b := c.Tracking.Baseline
	// The gate falls on 27 February, month 1: the stage is month 0.
	if b.StageEnd != 1 {
		t.Errorf("stage end %d, want 1", b.StageEnd)
	}
	checkFigure(t, "stage budget", b.Budget, 16400)
	checkFigure(t, "total cost", b.TotalCost, 19400)
	if b.Approval.Conditions != "Come back after the design" || b.Approval.UpToGate != "g1" {
		t.Errorf("approval %+v", b.Approval)
	}
}

func TestApproveRefuses(t *testing.T) {
	tests := []struct {
		name     string
		change   func(c *cb.Case, a *cb.Approval)
		path     string
		contains string
	}{
		{"already approved", func(c *cb.Case, a *cb.Approval) {
			if err := Approve(c, *a); err != nil {
				t.Fatal(err)
			}
		}, "tracking", "approved already, on 2026-12-20 by Executive committee"},
		{"invalid case", func(c *cb.Case, _ *cb.Approval) { c.DiscountRate = 2 }, "discountRate", "the case is not valid, so it cannot be approved"},
		{"no start date", func(c *cb.Case, _ *cb.Approval) {
			c.StartDate = cb.Date{}
			c.Alternatives[1].Costs[1].EndAt, c.Alternatives[1].Benefits[0].StartAt = nil, nil
			c.Plan.Gates = nil
		}, "startDate", "must be set before approval"},
		{"no recommendation", func(c *cb.Case, _ *cb.Approval) { c.Recommendation.Alternative = "" }, "recommendation.alternative", "must name the alternative"},
		{"doing nothing", func(c *cb.Case, _ *cb.Approval) { c.Recommendation.Alternative = "nothing" }, "recommendation.alternative", "recommends doing nothing"},
		{"no date", func(_ *cb.Case, a *cb.Approval) { a.Date = cb.Date{} }, "tracking.baseline.approval.date", "must be set"},
		{"nobody", func(_ *cb.Case, a *cb.Approval) { a.By = " " }, "tracking.baseline.approval.by", "must say who"},
		{"unknown gate", func(_ *cb.Case, a *cb.Approval) { a.UpToGate = "g9" }, "tracking.baseline.approval.upToGate", `no gate of the plan has the ID "g9"`},
		{"two lines alike", func(c *cb.Case, _ *cb.Approval) { c.Alternatives[1].Costs[2].Name = "design " }, "alternatives[1].costs[2].name", `"design " is the name of cost line 1 too`},
		{"a line called reserve", func(c *cb.Case, _ *cb.Approval) { c.Alternatives[1].Costs[2].Name = "Reserve" }, "alternatives[1].costs[2].name", "the contingency reserve too"},
		{"a milestone with neither", func(c *cb.Case, _ *cb.Approval) {
			c.Plan.Milestones = append(c.Plan.Milestones, cb.Milestone{Owner: "x"})
		}, "plan.milestones[3].name", "needs an ID or a name"},
		{"a KPI named as another's ID", func(c *cb.Case, _ *cb.Approval) {
			c.Measures = append(c.Measures, cb.Measure{Name: "attrition", Unit: "percent"})
		}, "measures[2].id", `"attrition" names the KPI measures[0] too`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := handCase()
			a := approval
			tt.change(c, &a)
			before, _ := cb.Encode(withoutTracking(c))
			wasApproved := c.Tracking != nil
			err := Approve(c, a)
			var ps cb.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want Problems", err)
			}
			if ps[0].Path != tt.path || !strings.Contains(ps[0].Message, tt.contains) {
				t.Errorf("got %s, want %s: …%s…", ps[0], tt.path, tt.contains)
			}
			if !wasApproved && c.Tracking != nil {
				t.Error("the refused case is approved")
			}
			if after, _ := cb.Encode(withoutTracking(c)); string(after) != string(before) {
				t.Error("the refused approval changed the case")
			}
		})
	}
}

func TestReapprove(t *testing.T) {
	c := underWay(t)
	if err := Reapprove(handCase(), approval); err == nil || !strings.Contains(err.Error(), "not approved yet") {
		t.Errorf("reapproving a case never approved: %v", err)
	}
	spend := len(c.Tracking.Spend)
	// The roll-out moves a month; the coach costs more.
	c.Plan.Milestones[1].End = d(2027, 5, 31)
	c.Alternatives[1].Costs[1].Amount = cb.Exactly(1100)
	again := cb.Approval{Date: d(2027, 5, 3), By: "CEO", Conditions: "No further slip"}
	if err := Reapprove(c, again); err != nil {
		t.Fatal(err)
	}
	r := c.Tracking
	if len(r.History) != 1 || r.History[0].Approval != approval || r.Baseline.Approval != again {
		t.Errorf("history %+v, baseline approval %+v", r.History, r.Baseline.Approval)
	}
	checkFigure(t, "old budget", r.History[0].Budget, 19400)
	// 12,000 + 2,400 + 2,000 and the coach from February to May: 4 × 1,100.
	checkFigure(t, "new budget", r.Baseline.Budget, 20800)
	if len(r.Spend) != spend {
		t.Errorf("the actuals went: %d spend entries, had %d", len(r.Spend), spend)
	}
	// Approved again before the approval it replaces: refused.
	before := c.Tracking.Clone()
	if err := Reapprove(c, cb.Approval{Date: d(2027, 5, 2), By: "CEO"}); err == nil ||
		err.Error() != "tracking.baseline.approval.date: must be on or after 2027-05-03, the day of the approval it replaces" {
		t.Errorf("approved again a day before the approval it replaces: %v", err)
	}
	if !reflect.DeepEqual(c.Tracking, before) {
		t.Error("a refused approval changed the record")
	}
	// On the same day as the approval it replaces: accepted.
	if err := Reapprove(c, cb.Approval{Date: d(2027, 5, 3), By: "CEO", Conditions: "No further slip"}); err != nil {
		t.Errorf("approved again on the day of the approval it replaces: %v", err)
	}
	// A new plan without a line already spent on is refused whole.
	c.Alternatives[1].Costs = c.Alternatives[1].Costs[:2] // no licence
	before = c.Tracking.Clone()
	err := Reapprove(c, cb.Approval{Date: d(2027, 6, 1), By: "CEO"})
	if err == nil || !strings.Contains(err.Error(), `the actuals already recorded do not fit the plan approved again: the approved alternative has no cost line called "Licence"`) {
		t.Errorf("err = %v", err)
	}
	if !reflect.DeepEqual(c.Tracking, before) {
		t.Error("the refused re-approval changed the record")
	}
}

func TestApproveAfterAWrongAttempt(t *testing.T) {
	// A refused approval leaves nothing half done: the next one works.
	c := handCase()
	if err := Approve(c, cb.Approval{Date: d(2026, 12, 20)}); err == nil {
		t.Fatal("approved with nobody deciding")
	}
	if c.IsApproved() {
		t.Fatal("approved after a refusal")
	}
	if err := Approve(c, approval); err != nil || !c.IsApproved() {
		t.Fatalf("err = %v", err)
	}
}
