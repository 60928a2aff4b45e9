package ui

import (
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

// TestTheComponentsHintWritesMoneyAsTheBoxesDo checks the example in the
// hint of the pain's components in German: 3.800 €, which the boxes read
// as three thousand eight hundred; "€3,800" reads as three euros eighty.
func TestTheComponentsHintWritesMoneyAsTheBoxesDo(t *testing.T) {
	h := inLocale(t, "de-DE")
	shownScreen[*painScreen](h, casebuilder.StepPain)
	var hint string
	walkShown(h.w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "deals re-scoped after signature") {
			hint = l.Text
		}
	})
	if want := "deals re-scoped after signature, 6 a month at 3.800\u00a0€ each."; !strings.Contains(hint, want) {
		t.Errorf("the hint reads %q, want it to say %q", hint, want)
	}
}

// TestPainComponents adds a component to the turnover sample's pain with
// the widgets: deals re-scoped after signature, 6 a month at €3,800 each,
// time of people already paid. By hand it costs 6 × 3,800 × 12 =
// €273,600 a year, which the yearly cost of pain gains. A benefit line
// and a measure can then tie to it; a measure tied to the sample's
// attrition, a percentage, is read as a percentage. Removing the component
// and undoing brings it back.
func TestPainComponents(t *testing.T) {
	h := english(t)
	u := h.u
	h.replace(loadSample(t, "turnover"))
	before := u.analysis.res.Pain.Annual
	s := shownScreen[*painScreen](h, casebuilder.StepPain)
	test.Tap(button(t, s.components.Box(), "Add component"))
	h.settle()
	if n := len(u.doc.c.Pain.Components); n != 1 {
		t.Fatalf("after Add component the pain has %d components: %s %v", n, h.shown.lastError, h.shown.err)
	}
	h.retype(h.entryAt(casebuilder.StepPain, "pain.components[0].name"), "Deals re-scoped after signature")
	h.retype(h.entryAt(casebuilder.StepPain, "pain.components[0].counts"), "deals re-scoped")
	h.retype(h.entryAt(casebuilder.StepPain, "pain.components[0].quantity"), "6")
	h.retype(h.entryAt(casebuilder.StepPain, "pain.components[0].rate"), "3,800")
	h.field(casebuilder.StepPain, "pain.components[0].money").(*form.Select).SetSelected("Time freed")
	h.retype(h.entryAt(casebuilder.StepPain, "pain.components[0].source"), "CRM change orders, last twelve months")
	h.w.Canvas().Unfocus()
	h.settle()
	k := u.doc.c.Pain.Components[0]
	if k.ID != "component-1" || k.Name != "Deals re-scoped after signature" || k.Counts != "deals re-scoped" || k.Per != casebuilder.PerMonth ||
		k.Quantity.Likely != 6 || k.Rate.Likely != 3800 || k.Money != casebuilder.Productivity || k.Source == "" {
		t.Fatalf("the component typed is %+v", k)
	}
	if got := u.analysis.res.Pain.Annual - before; got != 273_600 {
		t.Errorf("the component adds %v a year to the cost of pain, want 6 × 3,800 × 12 = 273,600", got)
	}
	if value, _ := workingLine(t, s, "Deals re-scoped after signature: yearly cost"); value != "€273,600" {
		t.Errorf("the working shows the component's yearly cost as %q", value)
	}

	// Remove the component, then undo: it comes back as it was.
	s = shownScreen[*painScreen](h, casebuilder.StepPain)
	var remove *widget.Button
	walk(s.components.Box(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.DeleteIcon().Name() {
			remove = b
			return false
		}
		return true
	})
	if remove == nil {
		t.Fatal("the component has no button to remove it")
	}
	test.Tap(remove)
	h.settle()
	if n := len(u.doc.c.Pain.Components); n != 0 {
		t.Fatalf("after Remove the pain has %d components: %s", n, h.shown.lastError)
	}
	u.onUndo()
	h.settle()
	if n := len(u.doc.c.Pain.Components); n != 1 || u.doc.c.Pain.Components[0].Name != "Deals re-scoped after signature" {
		t.Fatalf("undo brings back %+v", u.doc.c.Pain.Components)
	}

	// A benefit line tied to the pain's inputs offers the component.
	shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	want := []string{"Deals re-scoped after signature: deals re-scoped a month", "Deals re-scoped after signature: cost of each"}
	var offered []string
	for ai, a := range u.doc.c.Alternatives {
		for li, b := range a.Benefits {
			if b.Basis == casebuilder.BenefitPainInput && offered == nil {
				sel := h.field(casebuilder.StepAlternatives, "alternatives["+itoa(ai)+"].benefits["+itoa(li)+"].input").(*form.Select)
				offered = sel.Options
				sel.SetSelected(want[0])
				h.settle()
				if got := u.doc.c.Alternatives[ai].Benefits[li]; got.Input != "component-1" || got.To.Likely != 6 {
					t.Errorf("the benefit tied to the component: input %q, to %v; want component-1 from today's 6", got.Input, got.To.Likely)
				}
			}
		}
	}
	for _, w := range want {
		if !slices.Contains(offered, w) {
			t.Errorf("a benefit's inputs %q lack %q", offered, w)
		}
	}

	// A measure can track it, and one that tracks attrition is read as a
	// percentage.
	ms := shownScreen[*measuresScreen](h, casebuilder.StepMeasures)
	test.Tap(button(t, ms.md.List.Box(), "Add measure"))
	h.settle()
	m := len(u.doc.c.Measures) - 1
	sel := h.field(casebuilder.StepMeasures, "measures["+itoa(m)+"].painInput").(*form.Select)
	if !slices.Contains(sel.Options, want[0]) {
		t.Errorf("a measure's pain inputs %q lack %q", sel.Options, want[0])
	}
	sel.SetSelected("Yearly sales attrition")
	h.settle()
	if got := u.doc.c.Measures[m]; got.PainInput != "attritionRate" || got.Unit != "percent" {
		t.Errorf("a measure tracking attrition: input %q, unit %q; want attritionRate in percent", got.PainInput, got.Unit)
	}
	h.retype(h.entryAt(casebuilder.StepMeasures, "measures["+itoa(m)+"].target"), "25 %")
	if got := u.doc.c.Measures[m].Target; got != 0.25 {
		t.Errorf("the target typed as 25 %% reads %v", got)
	}

	for _, f := range casebuilder.Validate(u.doc.c) {
		if strings.Contains(f.Message, "painInput") || strings.Contains(f.Message, "pain.components") {
			t.Errorf("a message names a field path: %s", f)
		}
	}
}
