package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// workingLine returns the value and the note of the line of the pain's
// working whose label is label.
func workingLine(t *testing.T, s *painScreen, label string) (value, note string) {
	t.Helper()
	for _, row := range s.working.Objects {
		var labels []*widget.Label
		walk(row, func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.Label); ok {
				labels = append(labels, l)
			}
			return true
		})
		// The row's labels: its name, then its note, then its value.
		if len(labels) >= 2 && labels[0].Text == label {
			value = labels[len(labels)-1].Text
			if len(labels) == 3 {
				note = labels[1].Text
			}
			return value, note
		}
	}
	t.Fatalf("the working has no line %q", label)
	return "", ""
}

// TestDefaultWaitsForItsInput checks that a rule of thumb worked out from
// an input still missing (the loaded cost per hour, from the salary) says
// that it waits for it, rather than showing €0.00 as if it were a figure.
func TestDefaultWaitsForItsInput(t *testing.T) {
	h := english(t)
	u := h.u
	c := loadSample(t, "turnover")
	c.Pain = casebuilder.Pain{Category: casebuilder.UnclearRoles, Inputs: casebuilder.GivenInputs(map[string]casebuilder.Range{
		"peopleAffected": casebuilder.Exactly(140), "hoursLostPerWeek": casebuilder.Exactly(4), "reps": casebuilder.Exactly(60),
		"annualQuota": casebuilder.Exactly(700000), "grossMargin": casebuilder.Exactly(0.62), "sellingHoursLostPerWeek": casebuilder.Exactly(2),
	})}
	c.Alternatives = c.Alternatives[:1] // no benefit tied to the turnover calculator
	c.Recommendation = casebuilder.Recommendation{}
	c.Risks = nil
	h.replace(c)
	u.goTo(casebuilder.StepPain)
	s := u.screens[casebuilder.StepPain].(*painScreen)

	value, note := workingLine(t, s, "Loaded cost per hour")
	if value != "?" || !strings.Contains(note, "Waits for: Yearly base salary per rep.") {
		t.Errorf("without the salary, the loaded cost per hour shows %q, %q; want ? and what it waits for", value, note)
	}
	if value, _ := workingLine(t, s, "Working weeks a year"); value != "46 weeks" {
		t.Errorf("a rule of thumb that waits for nothing shows %q, want 46 weeks", value)
	}
	// The steps that read the cost per hour wait with it, the yearly cost
	// too; the margin lost with selling time reads no salary and has its
	// figure: 2 hours × 46 weeks × 60 reps × 700,000 × 62 % ÷ (12 selling
	// hours a week, 30 % of 40, × 46 weeks) = 5,520 × 786.23... = €4,340,000.
	for _, line := range []string{"Cost of time lost to friction", "Yearly cost of unclear roles and friction"} {
		if value, note := workingLine(t, s, line); value != "?" || !strings.Contains(note, "Waits for: Yearly base salary per rep.") {
			t.Errorf("without the salary, %q shows %q, %q; want ? and what it waits for", line, value, note)
		}
	}
	if value, note := workingLine(t, s, "Gross margin lost with selling time"); value != "€4,340,000" || strings.Contains(note, "Waits") {
		t.Errorf("the margin lost with selling time shows %q, %q; want €4,340,000", value, note)
	}

	h.retype(h.entryAt(casebuilder.StepPain, "pain.inputs.salary"), "70,000")
	h.settle()
	// 1.3 × 70,000 / (46 weeks × 40 hours) = 91,000 / 1,840 = 49.4565...
	value, note = workingLine(t, s, "Loaded cost per hour")
	if value != "€49.46 per hour" || strings.Contains(note, "Waits for") {
		t.Errorf("with the salary, the loaded cost per hour shows %q, %q; want €49.46 per hour and the rule of thumb", value, note)
	}
}

// yearlyCheck returns the tick that gives an input year by year.
func yearlyCheck(t *testing.T, s *painScreen, label string) *form.Check {
	t.Helper()
	var found *form.Check
	for _, row := range s.inputsBox.Objects {
		named := false
		walk(row, func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, label) {
				named = true
			}
			if c, ok := o.(*form.Check); ok && named && c.Text == "Year by year" {
				found = c
				return false
			}
			return true
		})
		if found != nil {
			return found
		}
	}
	t.Fatalf("no tick to give %q year by year", label)
	return nil
}

// TestAnInputYearByYear gives attrition year by year: the first year
// keeps today's estimate, the next ones are as the year before until
// typed, the working shows the years, and undo takes it back. By hand:
// leavers are reps × attrition and each costs the same whatever the rate,
// so the second year's cost of pain at 30 % is that at 33 % × 30/33.
func TestAnInputYearByYear(t *testing.T) {
	h := english(t)
	u := h.u
	s := shownScreen[*painScreen](h, casebuilder.StepPain)
	before := u.analysis.res.Pain.AnnualByYear
	want := u.doc.c.Pain.Inputs["attritionRate"].Range
	tick := yearlyCheck(t, s, "Yearly sales attrition")
	if tick.Checked {
		t.Fatal("the sample gives attrition year by year already")
	}
	test.Tap(tick)
	v := u.doc.c.Pain.Inputs["attritionRate"]
	if !v.Yearly() || len(v.Years) != 1 || v.Years[0] != want {
		t.Fatalf("year by year: %+v, want the one estimate as the first year's", v)
	}
	// The first year's likely entry has the focus, and Tab moves on to
	// its high value, then to the next year.
	y1 := h.w.Canvas().Focused()
	if got := pathOf(u, y1); got != "pain.inputs.attritionRate[0]" {
		t.Fatalf("after ticking, the focus is in %q", got)
	}
	h.w.Canvas().FocusNext()
	if got := pathOf(u, h.w.Canvas().Focused()); got != "pain.inputs.attritionRate[0]" {
		t.Errorf("Tab from the first year's likely value went to %q", got)
	}
	h.w.Canvas().FocusNext()
	y2low := h.w.Canvas().Focused()
	if got := pathOf(u, y2low); got != "pain.inputs.attritionRate[1]" {
		t.Errorf("Tab from the first year's high value went to %q", got)
	}
	y2 := h.entryAt(casebuilder.StepPain, "pain.inputs.attritionRate[1]")
	if y2.Text != "" || y2.PlaceHolder != "as the year before" {
		t.Errorf("the second year shows %q (placeholder %q)", y2.Text, y2.PlaceHolder)
	}
	h.retype(y2, "30 %")
	h.w.Canvas().Unfocus()
	h.settle()
	v = u.doc.c.Pain.Inputs["attritionRate"]
	if len(v.Years) != 2 || v.Years[1] != casebuilder.Exactly(0.3) {
		t.Fatalf("typed 30 %% for the second year: %+v", v.Years)
	}
	after := u.analysis.res.Pain.AnnualByYear
	if math.Abs(after[1]-before[1]*30/33) > 0.01 || after[0] != before[0] || math.Abs(after[2]-before[2]*30/33) > 0.01 {
		t.Errorf("the cost of pain by year %v, was %v: want years 2 and 3 at 30/33 of it", after, before)
	}
	if _, note := workingLine(t, s, "Yearly sales attrition"); note != "2027: 33.0% · 2028: 30.0% · 2029: 30.0%" {
		t.Errorf("the working shows the years as %q", note)
	}
	// A year before the last cannot be left blank; the last one can.
	h.retype(h.entryAt(casebuilder.StepPain, "pain.inputs.attritionRate[2]"), "29 %")
	y2 = h.entryAt(casebuilder.StepPain, "pain.inputs.attritionRate[1]")
	h.retype(y2, "")
	if msg := errorBeside(u, y2); !strings.Contains(msg, "clear the years after it first") {
		t.Errorf("the second of three years left blank: %q", msg)
	}
	// Undo, step by step, back to one estimate.
	h.w.Canvas().Unfocus()
	for range 3 {
		u.onUndo()
	}
	if v := u.doc.c.Pain.Inputs["attritionRate"]; v.Yearly() || v.Range != want {
		t.Errorf("after undoing, attrition is %+v", v)
	}
	if !s.form.Case().Pain.Inputs["attritionRate"].Equal(casebuilder.Given(want)) || yearlyCheck(t, s, "Yearly sales attrition").Checked {
		t.Error("the tick still says year by year")
	}
}
