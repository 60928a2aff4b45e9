package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

// pilotCase is a case small enough to work out by hand: twelve months from
// January 2027, no discounting, fiscal years from April, and a pilot that
// costs a coach (€1,000 a month of new cash) and the managers' time (€250
// a month, already paid), and brings agency fees saved (€24,000 a year,
// cash) and margin on sales kept (€6,000 a year, owned by the VP Sales).
// Each month nets 2,000 + 500 − 1,000 − 250 = 1,250: the NPV is 15,000,
// the NPV of cash alone 12 × (2,000 − 1,000) = 12,000. The pilot ends on
// 31 March 2027 and its review, a gate with an exit cost of €500, is
// decided at its end: in April 2027, month 3.
func pilotCase() *casebuilder.Case {
	return &casebuilder.Case{
		Title: "Pilot", Currency: "EUR", HorizonMonths: 12, StartDate: casebuilder.Date{Year: 2027, Month: 1, Day: 1},
		FiscalYearStart: 4,
		Alternatives: []casebuilder.Alternative{
			{ID: "nothing", Name: "Do nothing", DoNothing: true},
			{ID: "pilot", Name: "Coaching pilot",
				Costs: []casebuilder.Cost{
					{Name: "Coach", Kind: casebuilder.Monthly, Amount: casebuilder.Range{Low: 800, Likely: 1000, High: 1300}, Money: casebuilder.Cash},
					{Name: "Managers' time", Kind: casebuilder.Monthly, Amount: casebuilder.Exactly(250), Money: casebuilder.PeopleTime},
				},
				Benefits: []casebuilder.Benefit{
					{Name: "Agency fees saved", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Range{Low: 18000, Likely: 24000, High: 30000}, Money: casebuilder.Cash},
					{Name: "Margin on sales kept", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Exactly(6000), Money: casebuilder.Margin, Owner: "Dana Ortiz, VP Sales"},
				}},
		},
		Recommendation: casebuilder.Recommendation{Alternative: "pilot"},
		Measures:       []casebuilder.Measure{{ID: "ramp", Name: "Months to full productivity", Unit: figure.Months, Baseline: 6, Target: 5}},
		Plan: casebuilder.Plan{
			Milestones: []casebuilder.Milestone{{ID: "pilot", Name: "Pilot", Start: casebuilder.Date{Year: 2027, Month: 1, Day: 1}, End: casebuilder.Date{Year: 2027, Month: 3, Day: 31}}},
			Gates:      []casebuilder.Gate{{ID: "review", Name: "Pilot review", Milestone: "pilot", DecidedBy: "CEO", ExitCost: 500}},
		},
	}
}

// openPilot opens pilotCase and waits for its figures.
func openPilot(t *testing.T) *harness {
	t.Helper()
	h := english(t)
	h.replace(pilotCase())
	return h
}

// TestGatesOnThePlanStep checks the Stage gates tab on the hand-worked
// pilot: by the review in April 2027, three months of 1,250 are spent,
// 3,750; stopped there, every line stops and the €500 of stopping is paid:
// 3 × 1,250 − 500 = 3,250. Stopping only the coach keeps the other lines
// for the nine months left, 9 × (2,000 + 500 − 250) = 20,250: 3,750 +
// 20,250 − 500 = 23,500. Decided on 15 June 2027 instead, five months are
// spent, 6,250.
func TestGatesOnThePlanStep(t *testing.T) {
	h := openPilot(t)
	u := h.u
	f := u.format()
	plan := shownScreen[*planScreen](h, casebuilder.StepPlan)
	u.reveal(casebuilder.Where{Step: casebuilder.StepPlan, Path: "plan.gates[0].name"})
	if plan.tabs.SelectedIndex() != gatesTabIndex {
		t.Fatalf("a gate's link shows tab %d", plan.tabs.SelectedIndex())
	}
	if _, sub := plan.gates.describe(u.doc.c, 0); sub != "April 2027 · "+f.MoneyShort(3750)+" spent by then" {
		t.Errorf("the list says of the gate %q", sub)
	}
	money := plan.gates.money.Text
	for _, want := range []string{"Decided in April 2027", "has spent " + f.Money(3750), "its NPV would be " + f.Money(3250),
		"the " + f.Money(500) + " of stopping included", "going on, " + f.Money(15000)} {
		if !strings.Contains(money, want) {
			t.Errorf("the money at the gate reads %q, without %q", money, want)
		}
	}

	// A threshold starts on the KPI, aiming at its target: months to full
	// productivity at most 5.
	test.Tap(button(t, plan.gates.md.Detail, "Add threshold"))
	if th := u.doc.c.Plan.Gates[0].Thresholds; len(th) != 1 || th[0].Measure != "ramp" || th[0].Comparison != casebuilder.AtMost || th[0].Value != 5 {
		t.Errorf("the new threshold is %+v", th)
	}
	h.retype(h.entryAt(casebuilder.StepPlan, "plan.gates[0].thresholds[0].value"), "5.5")
	if v := u.doc.c.Plan.Gates[0].Thresholds[0].Value; v != 5.5 {
		t.Errorf("the threshold typed 5.5 reads %v", v)
	}

	// Only the coach stops on a "no".
	var coach *form.Check
	walk(plan.gates.md.Detail, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*form.Check); ok && c.Text == "Coach" {
			coach = c
		}
		return coach == nil
	})
	if coach == nil {
		t.Fatal("no tick for the coach among the lines that stop")
	}
	test.Tap(coach)
	h.settle()
	if g := u.doc.c.Plan.Gates[0]; len(g.Stops) != 1 || g.Stops[0] != "Coach" {
		t.Errorf("the gate stops %q", g.Stops)
	}
	if r := u.analysis.res.Gates[0]; r.NetIfStopped != 23500 {
		t.Errorf("stopping the coach alone: NPV %v, want 23,500", r.NetIfStopped)
	}
	if money := plan.gates.money.Text; !strings.Contains(money, "its NPV would be "+f.Money(23500)) {
		t.Errorf("the money at the gate reads %q", money)
	}

	// On a date: the date of the decision shows, and the money follows.
	where := h.field(casebuilder.StepPlan, "plan.gates[0].milestone").(*form.Select)
	where.SetSelected("On a date")
	if g := u.doc.c.Plan.Gates[0]; g.Milestone != "" {
		t.Errorf("on a date, the gate is still at %q", g.Milestone)
	}
	h.retype(h.dateAt(casebuilder.StepPlan, "plan.gates[0].date"), "2027-06-15")
	h.settle()
	if r := u.analysis.res.Gates[0]; r.Month != 5 || r.SpentBefore != 6250 {
		t.Errorf("decided on 15 June 2027: month %d, %v spent; want 5 and 6,250", r.Month, r.SpentBefore)
	}
	if !strings.Contains(plan.gates.money.Text, "Decided in June 2027") {
		t.Errorf("the money at the gate reads %q", plan.gates.money.Text)
	}
}

// TestForgettingAMilestone checks what removing a milestone does to what
// was anchored to it: the pilot, January to March 2027, placed a line
// starting at its end plus one month in May (month 4) and a line ending at
// its end in March (month 2); the gate at its end is decided on the day
// after, 1 April 2027.
func TestForgettingAMilestone(t *testing.T) {
	c := pilotCase()
	a := &c.Alternatives[1]
	a.Costs[0].StartAt = &casebuilder.Anchor{Milestone: "pilot", At: casebuilder.AtEnd, OffsetMonths: 1}
	a.Benefits[1].EndAt = &casebuilder.Anchor{Milestone: "pilot", At: casebuilder.AtEnd}
	removed := c.Plan.Milestones[0]
	c.Plan.Milestones = nil
	forgetMilestone(c, removed)
	if k := a.Costs[0]; k.StartAt != nil || k.StartMonth != 4 {
		t.Errorf("the coach starts in month %d (anchor %v), want 4 and none", k.StartMonth, k.StartAt)
	}
	if b := a.Benefits[1]; b.EndAt != nil || b.EndMonth == nil || *b.EndMonth != 2 {
		t.Errorf("the margin ends in month %v (anchor %v), want 2 and none", b.EndMonth, b.EndAt)
	}
	if g := c.Plan.Gates[0]; g.Milestone != "" || g.Date != (casebuilder.Date{Year: 2027, Month: 4, Day: 1}) {
		t.Errorf("the gate is at %q on %v, want 2027-04-01", g.Milestone, g.Date)
	}
}

// TestRemovingAKPIRemovesItsThresholds: a threshold tests a KPI by ID, so
// the KPI's removal takes its thresholds with it.
func TestRemovingAKPIRemovesItsThresholds(t *testing.T) {
	h := english(t)
	c := pilotCase()
	c.Plan.Gates[0].Thresholds = []casebuilder.Threshold{{Measure: "ramp", Comparison: casebuilder.AtMost, Value: 5.5}}
	h.replace(c)
	ms := shownScreen[*measuresScreen](h, casebuilder.StepMeasures)
	ms.md.Select(0)
	test.Tap(ms.md.List.RemoveButton())
	if n, th := len(h.u.doc.c.Measures), h.u.doc.c.Plan.Gates[0].Thresholds; n != 0 || len(th) != 0 {
		t.Errorf("after removing the KPI: %d KPIs, thresholds %+v", n, th)
	}
}

// TestGatesTabTabAndWheel: on the Stage gates tab, Tab goes from a gate's
// name to when it is decided, and the wheel turned over its form scrolls
// that form, not the milestone's form of the tab hidden behind it; on the
// Measures step's Credits tab, the credits, not the KPI's form.
func TestGatesTabTabAndWheel(t *testing.T) {
	h := openPilot(t)
	u := h.u
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	plan := shownScreen[*planScreen](h, casebuilder.StepPlan)
	name := h.entryAt(casebuilder.StepPlan, "plan.gates[0].name")
	where := h.field(casebuilder.StepPlan, "plan.gates[0].milestone")
	h.w.Canvas().Focus(name)
	h.w.Canvas().FocusNext()
	if got := h.w.Canvas().Focused(); got != where {
		t.Errorf("Tab from the gate's name went to %T, not when it is decided", got)
	}
	if sc := u.scrollOf(name); sc != plan.gates.md.Detail {
		t.Errorf("the wheel over the gate's name scrolls %p, not the gate's form %p (the milestone's is %p)", sc, plan.gates.md.Detail, plan.md.Detail)
	}
	u.reveal(casebuilder.Where{Step: casebuilder.StepPlan, Path: "plan.milestones[0].name"})
	if sc := u.scrollOf(h.w.Canvas().Focused().(fyne.CanvasObject)); sc != plan.md.Detail {
		t.Errorf("the wheel over the milestone's name scrolls %p, not the milestone's form %p", sc, plan.md.Detail)
	}
	// The Measures step's Credits tab, likewise.
	ms := shownScreen[*measuresScreen](h, casebuilder.StepMeasures)
	ms.tabs.SelectIndex(1)
	if sc := u.scrollOf(ms.credits.Content); sc != ms.credits {
		t.Errorf("the wheel over the credits scrolls %p, not the credits %p (the KPI's form is %p)", sc, ms.credits, ms.md.Detail)
	}
}

// TestChoosingWhatAGateRefersTo checks the drop-downs of a gate's
// milestone and of a threshold's KPI on items with no ID yet (a file of an
// older version): "#1" gives the second milestone the ID milestone-2 and
// the second KPI one made of its name, numbered after the two there are;
// a gate at a milestone loses its own date; choosing the same again
// changes nothing, and a choice of an item not there, or of a gate gone,
// is refused.
func TestChoosingWhatAGateRefersTo(t *testing.T) {
	day := casebuilder.Date{Year: 2027, Month: 6, Day: 15}
	c := &casebuilder.Case{
		Measures: []casebuilder.Measure{{ID: "ramp", Name: "Ramp-up"}, {Name: "Months to full productivity"}},
		Plan: casebuilder.Plan{
			Milestones: []casebuilder.Milestone{{ID: "pilot", Name: "Pilot"}, {Name: "Roll-out"}},
			Gates:      []casebuilder.Gate{{ID: "review", Date: day, Thresholds: []casebuilder.Threshold{{Measure: "ramp"}}}},
		},
	}
	gate := func(c *casebuilder.Case) *casebuilder.Gate { return form.Item(c.Plan.Gates, 0) }
	threshold := func(c *casebuilder.Case) *casebuilder.Threshold {
		if g := gate(c); g != nil {
			return form.Item(g.Thresholds, 0)
		}
		return nil
	}
	milestone, measure := gateMilestone(gate), thresholdMeasure(threshold)
	if err := milestone.Write(c, "#1"); err != nil {
		t.Fatal(err)
	}
	if g := c.Plan.Gates[0]; g.Milestone != "milestone-2" || c.Plan.Milestones[1].ID != "milestone-2" || !g.Date.IsZero() {
		t.Errorf("after choosing the roll-out: the gate %+v, the milestone %+v", g, c.Plan.Milestones[1])
	}
	if v, ok := milestone.Read(c); v != "milestone-2" || !ok {
		t.Errorf("the gate's milestone reads %q, %v", v, ok)
	}
	if err := milestone.Write(c, "milestone-2"); !errors.Is(err, form.ErrUnchanged) {
		t.Errorf("choosing it again: %v", err)
	}
	if err := milestone.Write(c, "#2"); !errors.Is(err, form.ErrGone) {
		t.Errorf("choosing a third milestone: %v", err)
	}
	if err := measure.Write(c, "#1"); err != nil {
		t.Fatal(err)
	}
	if th := c.Plan.Gates[0].Thresholds[0]; th.Measure != "months-to-full-productivity-3" || c.Measures[1].ID != th.Measure {
		t.Errorf("after choosing the second KPI: the threshold %+v, the KPI %+v", th, c.Measures[1])
	}
	if err := measure.Write(c, "ramp"); err != nil || c.Plan.Gates[0].Thresholds[0].Measure != "ramp" {
		t.Errorf("choosing the first KPI again: %v, %+v", err, c.Plan.Gates[0].Thresholds[0])
	}
	c.Plan.Gates = nil
	if err := milestone.Write(c, "pilot"); !errors.Is(err, form.ErrGone) {
		t.Errorf("a gate gone: %v", err)
	}
	if v, ok := measure.Read(c); v != "" || ok {
		t.Errorf("a gate gone reads %q, %v", v, ok)
	}
}
