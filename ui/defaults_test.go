package ui

import (
	"fmt"
	"math"
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
	h.replace(u.blankCase())
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
	if got, want := alts.summary.Text, "Its figures against doing nothing wait for its costs and benefits."; got != want {
		t.Errorf("a new alternative's summary is %q, want %q", got, want)
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
	if got, want := alts.summary.Text, "Its figures against doing nothing wait for the amount of the 1st cost and 1 more line."; got != want {
		t.Errorf("with empty lines the summary is %q, want %q", got, want)
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

// badgeOf is the badge the navigation shows beside step name.
func badgeOf(t *testing.T, h *harness, name string) string {
	t.Helper()
	badge, found := "", false
	walk(h.u.nav.box, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*stepItem); ok && strings.HasSuffix(s.name.Text, ". "+name) {
			badge, found = s.badge.Text, true
			return false
		}
		return true
	})
	if !found {
		t.Fatalf("no step %q in the navigation", name)
	}
	return badge
}

// TestEmptyRowsEarnNoTick checks that a row added and left empty earns
// its step no ✓ in the navigation: a gap added to a context with none,
// and a cost line with no amount added to an alternative, take the ✓
// away until something is typed in them.
func TestEmptyRowsEarnNoTick(t *testing.T) {
	h := english(t)
	u := h.u
	for _, step := range []string{"Context", "Alternatives"} {
		if got := badgeOf(t, h, step); got != "✓" {
			t.Fatalf("the turnover sample's %s step shows %q, want ✓", step, got)
		}
	}
	if err := u.edit(casebuilder.Where{Step: casebuilder.StepContext, Path: "context.gaps"}, "", func(c *casebuilder.Case) error {
		c.Context.Gaps = nil
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h.settle()
	cx := shownScreen[*contextScreen](h, casebuilder.StepContext)
	test.Tap(button(t, cx.content(), "Add gap"))
	h.settle()
	if n := len(u.doc.c.Context.Gaps); n != 1 {
		t.Fatalf("%d gaps after Add gap, want 1", n)
	}
	if got := badgeOf(t, h, "Context"); got == "✓" {
		t.Errorf("with an empty gap the Context step shows %q", got)
	}
	h.retype(h.entryAt(casebuilder.StepContext, "context.gaps[0]"), "No coaching budget for new hires")
	h.settle()
	if got := badgeOf(t, h, "Context"); got != "✓" {
		t.Errorf("with the gap typed in the Context step shows %q, want ✓", got)
	}

	alts := shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	alts.md.Select(1)
	h.settle()
	test.Tap(button(t, alts.content(), "Add cost line"))
	h.settle()
	costs := u.doc.c.Alternatives[1].Costs
	if got := badgeOf(t, h, "Alternatives"); got == "✓" {
		t.Errorf("with a cost line of no amount the Alternatives step shows %q", got)
	}
	h.retype(h.entryAt(casebuilder.StepAlternatives, fmt.Sprintf("alternatives[1].costs[%d].amount", len(costs)-1)), "2k")
	h.settle()
	if got := badgeOf(t, h, "Alternatives"); got != "✓" {
		t.Errorf("with the cost's amount typed in the Alternatives step shows %q, want ✓", got)
	}
}

// TestRatesOnCompare checks that the discount rate, the horizon and the
// reason for them are shown and edited on the Compare step, as part of
// the case: the turnover sample's 10 % and 36 months show there; 12 % and
// 24 months typed there reach the case and its figures (the recommended
// alternative's NPV is worked out again at them), and so does the reason.
func TestRatesOnCompare(t *testing.T) {
	h := english(t)
	u := h.u
	shownScreen[*compareScreen](h, casebuilder.StepCompare)
	rate := h.entryAt(casebuilder.StepCompare, "discountRate")
	horizon := h.entryAt(casebuilder.StepCompare, "horizonMonths")
	if rate.Text != "10 %" || horizon.Text != "36" {
		t.Errorf("Compare shows a rate of %q and a horizon of %q, want 10 %% and 36", rate.Text, horizon.Text)
	}
	before := u.analysis.res.RecommendedAlternative().NPV
	h.retype(rate, "12")
	h.retype(horizon, "24")
	h.retype(h.entryAt(casebuilder.StepCompare, "ratesReason"), "12 %: Finance's hurdle rate; 24 months: the budget cycle.")
	u.win.Canvas().Unfocus()
	h.settle()
	c := u.doc.c
	if c.DiscountRate != 0.12 || c.HorizonMonths != 24 || c.RatesReason != "12 %: Finance's hurdle rate; 24 months: the budget cycle." {
		t.Errorf("typed on Compare: rate %v, horizon %d, reason %q", c.DiscountRate, c.HorizonMonths, c.RatesReason)
	}
	rec := u.analysis.res.RecommendedAlternative()
	if want := casebuilder.NPV(0.12, rec.CashFlows); rec.NPV == before || len(rec.CashFlows) != 24 || math.Abs(rec.NPV-want) > 0.01 {
		t.Errorf("the NPV at 12 %% over 24 months is %v (before %v, %d months of flows), want %v", rec.NPV, before, len(rec.CashFlows), want)
	}
}
