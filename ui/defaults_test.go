package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// TestUntouchedLinesInventNoMoney adds an alternative, a cost line and a
// benefit line to a new case with the buttons a user taps, and checks that
// the headline and the alternative's entry in the list show no figure until
// both lines have a value: they say what the figures wait for.
func TestUntouchedLinesInventNoMoney(t *testing.T) {
	h := english(t)
	u := h.u
	u.replaceCase(u.blankCase(), "")
	h.settle()
	alts := shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	test.Tap(alts.md.List.AddButton())
	h.settle()
	figures := func() string {
		hl := u.headline
		return strings.Join([]string{hl.npv.Text, hl.roi.Text, hl.bcr.Text, hl.payback.Text}, " ")
	}
	if got := u.headline.recommendedCaption.Text; got != `Recommended: "New alternative" waits for its costs and benefits` {
		t.Errorf("a new alternative's headline caption is %q", got)
	}
	if got := figures(); got != "— — — —" {
		t.Errorf("a new alternative's headline figures are %q, want none", got)
	}
	test.Tap(button(t, alts.content(), "Add cost line"))
	h.settle()
	test.Tap(button(t, alts.content(), "Add benefit line"))
	h.settle()
	c := u.doc.c
	if n := len(c.Alternatives[1].Costs) + len(c.Alternatives[1].Benefits); n != 2 {
		t.Fatalf("%d lines added, want 2", n)
	}
	if b := c.Alternatives[1].Benefits[0]; !b.Unvalued() {
		t.Errorf("a new benefit starts with a value: %+v", b)
	}
	if got, want := u.headline.recommendedCaption.Text, `Recommended: "New alternative" waits for the amount of the 1st cost and 1 more line`; got != want {
		t.Errorf("with empty lines the caption is %q, want %q", got, want)
	}
	if got := figures(); got != "— — — —" {
		t.Errorf("with empty lines the headline figures are %q, want none", got)
	}
	var listed []string
	walk(alts.md.List.Box(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			listed = append(listed, l.Text)
		}
		return true
	})
	if s := strings.Join(listed, " | "); !strings.Contains(s, "NPV waits for the amount of the 1st cost") {
		t.Errorf("the list of alternatives says %q", s)
	}

	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	var rowText []string
	walk(cmp.table, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			rowText = append(rowText, l.Text)
		}
		return true
	})
	if got, want := strings.Join(rowText, " | "), `New alternative (waits for the amount of the 1st cost and 1 more line) | — | — | — | — | — | — | — | — | —`; !strings.Contains(got, want) {
		t.Errorf("Compare's table reads %q, want a row %q", got, want)
	}
	if got := cmp.best.Text; !strings.Contains(got, `"New alternative" waits for the amount of the 1st cost`) {
		t.Errorf("Compare says %q under the table", got)
	}
	u.goTo(casebuilder.StepAlternatives)

	// Once each line has a value typed in, the figures show.
	h.retype(h.entryAt(casebuilder.StepAlternatives, "alternatives[1].costs[0].amount"), "10k")
	h.settle()
	if got, want := u.headline.recommendedCaption.Text, `Recommended: "New alternative" waits for the value of the 1st benefit`; got != want {
		t.Errorf("with the cost typed in the caption is %q, want %q", got, want)
	}
	h.retype(h.entryAt(casebuilder.StepAlternatives, "alternatives[1].benefits[0].annual"), "30k")
	h.settle()
	if got := u.headline.recommendedCaption.Text; strings.Contains(got, "waits") {
		t.Errorf("with every line valued the caption is %q", got)
	}
	if got := u.headline.npv.Text; got == "—" || got == "" {
		t.Errorf("with every line valued the NPV is %q", got)
	}
}
