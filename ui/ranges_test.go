package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// rangeAt is the estimate field at path on the screen of step.
func rangeAt(t *testing.T, h *harness, step casebuilder.MethodStep, path string) *form.RangeField {
	t.Helper()
	h.field(step, path) // shows the step, with the field in view
	for _, b := range fieldsOf(h.u.screens[step]) {
		if r, ok := b.(*form.RangeField); ok && r.Path() == path {
			return r
		}
	}
	t.Fatalf("no estimate at %s", path)
	return nil
}

// shownTexts are the texts of the labels shown in the window.
func shownTexts(h *harness) []string {
	var out []string
	walkShown(h.w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// TestABenefitSaysItsWorstAndBestCase: the turnover sample's coaching
// lowers attrition from 31 % a year. Its boxes say which is the worst case
// and its caption that lower is better; typing a worst case of 25 %, better
// than the likely 29 %, is refused in those words, the figures written as
// the screen writes them, and the case does not take it.
func TestABenefitSaysItsWorstAndBestCase(t *testing.T) {
	h := english(t)
	h.replace(loadSample(t, "turnover"))
	const path = "alternatives[1].benefits[0].to"
	r := rangeAt(t, h, casebuilder.StepAlternatives, path)
	low, _, high := r.Entries()
	if low.PlaceHolder != "worst case" || high.PlaceHolder != "best case" {
		t.Errorf("the outer boxes say %q and %q, want worst case and best case", low.PlaceHolder, high.PlaceHolder)
	}
	texts := shownTexts(h)
	if !slices.Contains(texts, "Changes it to (%), lower is better") {
		t.Errorf("no caption says that lower attrition is better: %q", texts)
	}
	// Filled, the boxes show figures: a header names them.
	if i := slices.Index(texts, "worst case"); i < 0 || i+2 >= len(texts) || texts[i+1] != "likely" || texts[i+2] != "best case" {
		t.Errorf("no header over the filled boxes says worst case, likely, best case: %q", texts)
	}
	h.retype(low, "25 %")
	h.settle()
	got := errorBeside(h.u, low)
	if !strings.HasPrefix(got, "The worst case (25.0%) does more good than the likely value (29.0%): it avoids €") || !strings.HasSuffix(got, "; change the worst case") {
		t.Errorf("a worst case better than the likely value: %q", got)
	}
	if to := h.u.doc.c.Alternatives[1].Benefits[0].To; to.Low == 0.25 {
		t.Errorf("the refused worst case was kept: %+v", to)
	}

	// A new benefit, a share of the cost of pain, names its boxes the
	// same way.
	h.w.Canvas().Unfocus()
	n := len(h.u.doc.c.Alternatives[1].Benefits)
	test.Tap(button(t, shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives).content(), "Add benefit line"))
	h.settle()
	if b := h.u.doc.c.Alternatives[1].Benefits; len(b) != n+1 || b[n].Basis != casebuilder.BenefitPainShare {
		t.Fatalf("after Add benefit line the benefits are %+v", b)
	}
	r = rangeAt(t, h, casebuilder.StepAlternatives, fmt.Sprintf("alternatives[1].benefits[%d].share", n))
	low, likely, high := r.Entries()
	if low.PlaceHolder != "worst case" || likely.PlaceHolder != "likely" || high.PlaceHolder != "best case" {
		t.Errorf("a new benefit's boxes say %q, %q and %q", low.PlaceHolder, likely.PlaceHolder, high.PlaceHolder)
	}
	h.retype(likely, "10 %")
	h.retype(high, "5 %")
	h.settle()
	if got, want := errorBeside(h.u, high), "The best case (5.0%) is worse than the likely value (10.0%): change the best case"; got != want {
		t.Errorf("a best case below the likely value: %q, want %q", got, want)
	}
}

// TestTheExportDialogShowsWholeFileNames: in a window 1024 × 640, a case
// saved under a long name offers its documents under names shown whole:
// each entry is wider than its text, and the dialog fits the window.
func TestTheExportDialogShowsWholeFileNames(t *testing.T) {
	h := english(t)
	h.w.Resize(fyne.NewSize(1024, 640))
	path := tempCase(t, "reducing-early-attrition-in-the-enterprise-sales-team-of-dach-2027.hrcase")
	h.save(path)
	h.u.onExport()
	e := h.shown.export
	for _, name := range []*form.Entry{e.briefName, e.workbookName} {
		text := fyne.MeasureText(name.Text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if name.Size().Width < text {
			t.Errorf("the entry of %q is %v wide, its text needs %v", name.Text, name.Size().Width, text)
		}
	}
	if w := e.dlg.MinSize().Width; w > 1024 {
		t.Errorf("the export dialog is %v wide, in a window 1024 wide", w)
	}
}

// TestNoPlaceholderIsCut: in a window 1024 × 640, the figure or the grey
// hint of every box of every step fits its box, and the choice of every
// drop-down of words its drop-down, on a blank case and on the samples. A
// hint cut to "rule of th" or a score to "5 – excell" says nothing.
func TestNoPlaceholderIsCut(t *testing.T) {
	h := english(t)
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	var checkShown func(what, step string)
	check := func(what string) {
		for _, st := range screenSpecs {
			h.u.goTo(st.id)
			h.settle()
			n, md := 1, (*form.MasterDetail)(nil)
			switch s := h.u.screens[st.id].(type) {
			case *alternativesScreen:
				n, md = len(h.u.doc.c.Alternatives), s.md
			case *risksScreen:
				n, md = len(h.u.doc.c.Risks), s.md
			}
			for i := range n {
				if md != nil {
					md.Select(i)
					h.settle()
				}
				checkShown(what, st.name)
			}
		}
	}
	checkShown = func(what, step string) {
		walkShown(h.w.Content(), func(o fyne.CanvasObject) {
			text := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width }
			switch x := o.(type) {
			case *form.Entry:
				shown := x.Text
				if shown == "" {
					shown = x.PlaceHolder
				}
				// A figure or a hint is read whole; a name or a
				// sentence may scroll in its line.
				if x.MultiLine || shown == "" || x.Text != "" && len(x.Text) > 12 {
					return
				}
				if need := text(shown) + 2*theme.InnerPadding(); x.Size().Width < need {
					t.Errorf("%s, %s: %q is cut in a box %.0f wide (it needs %.0f)", what, step, shown, x.Size().Width, need)
				}
			case *form.Select:
				// A choice of words is read whole; a name may be cut.
				if x.Selected == "" || slices.ContainsFunc(x.Options, func(o string) bool { return len(o) > 30 }) {
					return
				}
				if need := text(x.Selected) + 4*theme.InnerPadding() + theme.IconInlineSize(); x.Size().Width < need {
					t.Errorf("%s, %s: the choice %q is cut in a drop-down %.0f wide (it needs %.0f)", what, step, x.Selected, x.Size().Width, need)
				}
			}
		})
	}
	check("a blank case")
	for _, name := range []string{"turnover", "ramp"} {
		h.replace(loadSample(t, name))
		check("the " + name + " sample")
	}
}
