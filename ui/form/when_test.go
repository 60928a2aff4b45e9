package form

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// planned is the sample with a plan: a pilot from April to June 2027 and
// a roll-out from July to September.
func planned() *casebuilder.Case {
	c := sample()
	c.Plan.Milestones = []casebuilder.Milestone{
		{ID: "pilot", Name: "Pilot", Start: casebuilder.Date{Year: 2027, Month: 4, Day: 12}, End: casebuilder.Date{Year: 2027, Month: 6, Day: 30}},
		{ID: "rollout", Name: "Roll-out", Start: casebuilder.Date{Year: 2027, Month: 7, Day: 1}, End: casebuilder.Date{Year: 2027, Month: 9, Day: 30}},
	}
	return c
}

// TestWhenALineStarts chooses a line's start as a month, then at the end
// of a milestone plus an offset, and back: the hint names the month it
// falls in, worked out by hand from the dates (a milestone ending on 30
// June ends at July, the month after).
func TestWhenALineStarts(t *testing.T) {
	h := newHost(t, planned())
	f := New(h, casebuilder.StepAlternatives)
	line := func(c *casebuilder.Case) *casebuilder.Cost {
		return FieldIn(func(c *casebuilder.Case) *casebuilder.Alternative { return Item(c.Alternatives, 1) }, func(a *casebuilder.Alternative) *casebuilder.Cost { return Item(a.Costs, 0) })(c)
	}
	months := LineMonths(line, (*casebuilder.Case).CostMonths)
	start := f.Start("alternatives[1].costs[0].startAt", "alternatives[1].costs[0].startMonth",
		StartWhen(FieldIn(line, func(l *casebuilder.Cost) *int { return &l.StartMonth }), FieldIn(line, func(l *casebuilder.Cost) **casebuilder.Anchor { return &l.StartAt })), months)
	end := f.End("alternatives[1].costs[0].endAt", "alternatives[1].costs[0].endMonth",
		EndWhen(FieldIn(line, func(l *casebuilder.Cost) **int { return &l.EndMonth }), FieldIn(line, func(l *casebuilder.Cost) **casebuilder.Anchor { return &l.EndAt })), months)
	h.show(start.Box(), end.Box())
	if start.Mode().Selected != "In a month of the case" || start.Month().Text != "January 2027" || start.Hint() != "First month: January 2027" {
		t.Errorf("a line in month 0: %q, %q, %q", start.Mode().Selected, start.Month().Text, start.Hint())
	}
	if end.Mode().Selected != "At the end of the horizon" || end.Hint() != "To the end of the horizon, December 2028" {
		t.Errorf("a line to the end: %q, %q", end.Mode().Selected, end.Hint())
	}

	// At the end of a milestone: the first one with an end, the pilot.
	steps := h.steps
	start.Mode().SetSelected("When a milestone ends")
	l := h.c.Alternatives[1].Costs[0]
	if l.StartAt == nil || *l.StartAt != (casebuilder.Anchor{Milestone: "pilot", At: casebuilder.AtEnd}) || h.steps != steps+1 {
		t.Fatalf("anchored to %+v in %d steps", l.StartAt, h.steps-steps)
	}
	if start.Milestone().Selected != "Pilot" || start.Hint() != "First month: July 2027" {
		t.Errorf("at the end of the pilot: %q, %q", start.Milestone().Selected, start.Hint())
	}
	// Another milestone, and two months after it.
	start.Milestone().SetSelected("Roll-out")
	h.typeIn(start.Offset(), "+2")
	h.leave()
	if a := h.c.Alternatives[1].Costs[0].StartAt; a == nil || a.Milestone != "rollout" || a.OffsetMonths != 2 || start.Hint() != "First month: December 2027" {
		t.Errorf("two months after the roll-out: %+v, %q", a, start.Hint())
	}
	if start.Offset().Text != "+2" || start.inMonth.Visible() || !start.inPlan.Visible() {
		t.Errorf("the offset reads %q; the month shown %v", start.Offset().Text, start.inMonth.Visible())
	}
	// The review names the parts of the field: each leads to its widget,
	// and the month of an anchored line to the choice.
	for path, want := range map[string]fyne.Focusable{
		"alternatives[1].costs[0].startAt.milestone":    start.Milestone(),
		"alternatives[1].costs[0].startAt.offsetMonths": start.Offset(),
		"alternatives[1].costs[0].startMonth":           start.Mode(),
		"alternatives[1].costs[0].startAt":              start.Mode(),
		"alternatives[1].costs[0].endMonth":             end.Mode(),
	} {
		h.leave()
		if !f.Focus(path) || h.Focused() != want {
			t.Errorf("%s focuses %T", path, h.Focused())
		}
	}

	// The end at the start of the roll-out: the last month is June.
	end.Mode().SetSelected("When a milestone starts")
	end.Milestone().SetSelected("Roll-out")
	if l := h.c.Alternatives[1].Costs[0]; l.EndAt == nil || l.EndAt.Milestone != "rollout" || l.EndMonth != nil || end.Hint() != "Last month: June 2027" {
		t.Errorf("ending when the roll-out starts: %+v, %v, %q", l.EndAt, l.EndMonth, end.Hint())
	}

	// Back to a month: where the line falls now, so nothing moves.
	start.Mode().SetSelected("In a month of the case")
	if l := h.c.Alternatives[1].Costs[0]; l.StartAt != nil || l.StartMonth != 11 || start.Month().Text != "December 2027" {
		t.Errorf("back to a month: %+v, period %d, shown %q", l.StartAt, l.StartMonth, start.Month().Text)
	}
	h.typeIn(start.Month(), "3")
	if l := h.c.Alternatives[1].Costs[0]; l.StartMonth != 2 || start.Hint() != "First month: March 2027" {
		t.Errorf("typed 3: period %d, %q", l.StartMonth, start.Hint())
	}
	h.typeIn(start.Month(), "0")
	if start.Problem() == "" || h.c.Alternatives[1].Costs[0].StartMonth != 2 {
		t.Errorf("month 0: problem %q, period %d", start.Problem(), h.c.Alternatives[1].Costs[0].StartMonth)
	}
	// A month typed as a month: by name in any case, short, or as
	// year and month; the case starts in January 2027, period 0.
	// In order: the last one typed is the one shown once left.
	for _, m := range []struct {
		typed  string
		period int
	}{{"May 2027", 4}, {"june 2028", 17}, {"Feb 2027", 1}, {"2027-09", 8}, {"11/2027", 10}} {
		h.typeIn(start.Month(), m.typed)
		if got := h.c.Alternatives[1].Costs[0].StartMonth; got != m.period || start.Problem() != "" {
			t.Errorf("typed %q: period %d, problem %q; want period %d", m.typed, got, start.Problem(), m.period)
		}
	}
	h.leave()
	if got := start.Month().Text; got != "November 2027" {
		t.Errorf("the month typed as 11/2027 reads %q once left, want November 2027", got)
	}
	for typed, want := range map[string]string{
		"December 2026": "December 2026 is before the case's first month, January 2027",
		"Marchember":    `type a month such as March 2027 (or its number, 1 for January 2027); "Marchember" is neither`,
	} {
		h.typeIn(start.Month(), typed)
		if got := start.Problem(); got != want || h.c.Alternatives[1].Costs[0].StartMonth != 10 {
			t.Errorf("typed %q: problem %q, want %q; period %d", typed, got, want, h.c.Alternatives[1].Costs[0].StartMonth)
		}
	}

	// A plan with no dated milestone cannot be anchored to: said beside
	// the field, nothing changed.
	h.c.Plan.Milestones[0].End, h.c.Plan.Milestones[1].End = casebuilder.Date{}, casebuilder.Date{}
	h.c.Alternatives[1].Costs[0].EndAt = nil
	f.Refresh(h.c, true)
	start.Mode().SetSelected("When a milestone ends")
	if h.c.Alternatives[1].Costs[0].StartAt != nil || start.Problem() == "" || start.Mode().Selected != "In a month of the case" {
		t.Errorf("no dated milestone: %+v, problem %q, shown %q", h.c.Alternatives[1].Costs[0].StartAt, start.Problem(), start.Mode().Selected)
	}
}
