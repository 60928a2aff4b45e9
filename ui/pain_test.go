package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
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
	u.replaceCase(c, "")
	h.settle()
	u.goTo(casebuilder.StepPain)
	s := u.screens[casebuilder.StepPain].(*painScreen)

	value, note := workingLine(t, s, "Loaded cost per hour")
	if value != "?" || !strings.Contains(note, "Waits for: Yearly base salary per rep.") {
		t.Errorf("without the salary, the loaded cost per hour shows %q, %q; want ? and what it waits for", value, note)
	}
	if value, _ := workingLine(t, s, "Working weeks a year"); value != "46 weeks" {
		t.Errorf("a rule of thumb that waits for nothing shows %q, want 46 weeks", value)
	}

	h.retype(h.entryAt(casebuilder.StepPain, "pain.inputs.salary"), "70,000")
	h.settle()
	// 1.3 × 70,000 / (46 weeks × 40 hours) = 91,000 / 1,840 = 49.4565...
	value, note = workingLine(t, s, "Loaded cost per hour")
	if value != "€49.46 per hour" || strings.Contains(note, "Waits for") {
		t.Errorf("with the salary, the loaded cost per hour shows %q, %q; want €49.46 per hour and the rule of thumb", value, note)
	}
}
