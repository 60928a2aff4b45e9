package form

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// TestTheHighBoxHoldsOnlyWhatWasTyped: a bound left blank shows the likely
// value as a placeholder, never as text, so that typing into it replaces
// it rather than appending ("9k8,500"); a figure that cannot be read is
// quoted in the error, with the box it was typed in.
func TestTheHighBoxHoldsOnlyWhatWasTyped(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepAlternatives)
	line := ItemOf(FieldIn(func(c *casebuilder.Case) *casebuilder.Alternative { return Item(c.Alternatives, 1) },
		func(a *casebuilder.Alternative) *[]casebuilder.Cost { return &a.Costs }), 0)
	amount := f.Estimate("alternatives[1].costs[0].amount", figure.Money, In(line, func(l *casebuilder.Cost) *casebuilder.Range { return &l.Amount }))
	other := NewEntry()
	h.show(amount.Box(), other)
	low, likely, high := amount.Entries()
	h.typeIn(low, "8000")
	h.typeIn(likely, "9000")
	h.typeIn(high, "")
	h.w.Canvas().Focus(other) // leaves the estimate: it is shown afresh
	if got := h.c.Alternatives[1].Costs[0].Amount; got != (casebuilder.Range{Low: 8000, Likely: 9000, High: 9000}) {
		t.Fatalf("low 8000, likely 9000, high blank: %+v", got)
	}
	if high.Text != "" || high.PlaceHolder != "9000" {
		t.Errorf("the high box not typed in shows text %q, placeholder %q", high.Text, high.PlaceHolder)
	}
	// Clicking into it and typing replaces the placeholder.
	h.w.Canvas().Focus(high)
	test.Type(high, "9,500")
	h.w.Canvas().Focus(other)
	if got := h.c.Alternatives[1].Costs[0].Amount; got != (casebuilder.Range{Low: 8000, Likely: 9000, High: 9500}) {
		t.Errorf("typed 9,500 into the high box: %+v (box reads %q)", got, high.Text)
	}
	if high.Text != "9500" || high.PlaceHolder != "high" {
		t.Errorf("a typed high value shows %q, placeholder %q", high.Text, high.PlaceHolder)
	}
	h.w.Canvas().Focus(high)
	test.Type(high, "k8,500") // appends to "9500": the user's own text
	if p := amount.Problem(); !strings.HasPrefix(p, "high: ") || !strings.Contains(p, `“9500k8,500”`) {
		t.Errorf("a high value that cannot be read: problem %q, which should name the box and quote the text", p)
	}
}

// titleAndDescription binds, in a form of step on the sample, a line and
// a text of several lines: the case's title and the description of its
// second alternative.
func titleAndDescription(t *testing.T, step casebuilder.MethodStep) (h *host, title, desc *TextField) {
	t.Helper()
	h = newHost(t, sample())
	f := New(h, step)
	title = f.Text("title", At(func(c *casebuilder.Case) *string { return &c.Title }), "")
	alt := func(c *casebuilder.Case) *casebuilder.Alternative { return Item(c.Alternatives, 1) }
	desc = f.TextArea("alternatives[1].description", In(alt, func(a *casebuilder.Alternative) *string { return &a.Description }), "", 2)
	return h, title, desc
}

// TestTabLeavesATextOfSeveralLines: Tab and Shift+Tab move the focus out
// of a description rather than typing a tab into it, and a pasted tab
// becomes a space, so that no tab reaches the case.
func TestTabLeavesATextOfSeveralLines(t *testing.T) {
	h, title, desc := titleAndDescription(t, casebuilder.StepAlternatives)
	after := NewEntry()
	h.show(title.Box(), desc.Box(), after)
	entry := desc.Entry()
	h.typeIn(entry, "Reps leave")
	test.FocusNext(h.w.Canvas())
	if h.w.Canvas().Focused() != after {
		t.Errorf("Tab in the description: the focus is on %T, not the next field", h.w.Canvas().Focused())
	}
	test.FocusPrevious(h.w.Canvas())
	test.FocusPrevious(h.w.Canvas())
	if h.w.Canvas().Focused() != title.Entry() {
		t.Errorf("Shift+Tab back past the description: the focus is on %T, not the title", h.w.Canvas().Focused())
	}
	if entry.AcceptsTab() {
		t.Error("the description takes Tab as a character")
	}
	h.w.Canvas().Focus(entry)
	entry.CursorRow, entry.CursorColumn = 0, len("Reps leave")
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent("\tearly\tand often")
	entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	h.w.Canvas().Focus(after)
	if entry.Text != "Reps leave early and often" || h.c.Alternatives[1].Description != "Reps leave early and often" {
		t.Errorf("pasted a text with tabs: the box reads %q, the case %q", entry.Text, h.c.Alternatives[1].Description)
	}
	if clip.Content() != "\tearly\tand often" {
		t.Errorf("pasting changed the clipboard to %q", clip.Content())
	}
}

// TestALineTakesAtMostMaxLine: 10,000 characters pasted into a title keep
// their first 500, which the case takes, and the field says what became
// of the rest; a character typed into the full line is not taken; a
// description, which wraps, takes the whole paste.
func TestALineTakesAtMostMaxLine(t *testing.T) {
	h, title, desc := titleAndDescription(t, casebuilder.StepContext)
	h.show(title.Box(), desc.Box())
	long := strings.Repeat("Coaching for every new rep ", 400)[:10_000]
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(long)
	e := title.Entry()
	h.w.Canvas().Focus(e)
	e.SetText("")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text != long[:500] || h.c.Title != long[:500] {
		t.Errorf("after a paste of 10,000 characters the box holds %d and the case %d, want the first 500", len(e.Text), len(h.c.Title))
	}
	// (The host of these tests writes numbers without grouping.)
	if got, want := title.Problem(), "A line holds at most 500 characters: 500 of the 10000 pasted are kept; the rest belongs in a description or a note"; got != want {
		t.Errorf("the field says %q, want %q", got, want)
	}
	test.Type(e, "x")
	if len(e.Text) != 500 || !strings.HasPrefix(title.Problem(), "A line holds at most 500 characters;") {
		t.Errorf("typed into a full line: %d characters, %q", len(e.Text), title.Problem())
	}
	// After 8 characters, the paste keeps the 492 there is room for.
	e.SetText("Coaching")
	e.CursorRow, e.CursorColumn = 0, 8
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text != "Coaching"+long[:492] {
		t.Errorf("pasted after 8 characters: %d characters, %q…", len(e.Text), e.Text[:20])
	}
	if got, want := title.Problem(), "A line holds at most 500 characters: 492 of the 10000 pasted are kept; the rest belongs in a description or a note"; got != want {
		t.Errorf("pasted after 8 characters, the field says %q, want %q", got, want)
	}
	// Into a full line, nothing; over the whole line selected, 500.
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if !strings.Contains(title.Problem(), ": 0 of the 10000 pasted are kept") || e.Text != "Coaching"+long[:492] {
		t.Errorf("pasted into a full line: %d characters, %q", len(e.Text), title.Problem())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text != long[:500] || !strings.Contains(title.Problem(), ": 500 of the 10000 pasted are kept") {
		t.Errorf("pasted over the whole line: %d characters, %q", len(e.Text), title.Problem())
	}
	d := desc.Entry()
	h.w.Canvas().Focus(d)
	d.SetText("")
	d.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if d.Text != long || h.c.Alternatives[1].Description != long {
		t.Errorf("a description takes %d of the 10,000 characters pasted", len(d.Text))
	}
}

// TestAnOutcomeNamesItsBoxes: an estimate of a benefit names its empty
// outer boxes worst case and best case, and, like any estimate, shows a
// bound left as the likely value by that value, from the start.
func TestAnOutcomeNamesItsBoxes(t *testing.T) {
	h := newHost(t, sample())
	h.c.Alternatives[1].Costs[0].Amount = casebuilder.Range{Low: 8000, Likely: 9000, High: 9000}
	f := New(h, casebuilder.StepAlternatives)
	line := ItemOf(FieldIn(func(c *casebuilder.Case) *casebuilder.Alternative { return Item(c.Alternatives, 1) },
		func(a *casebuilder.Alternative) *[]casebuilder.Cost { return &a.Costs }), 0)
	filled := f.Estimate("alternatives[1].costs[0].amount", figure.Money, In(line, func(l *casebuilder.Cost) *casebuilder.Range { return &l.Amount })).AsOutcome()
	if low, _, high := filled.Entries(); low.Text != "8000" || high.Text != "" || high.PlaceHolder != "9000" {
		t.Errorf("a filled outcome shows %q and %q (placeholder %q), want 8000 and the likely 9000 as a placeholder", low.Text, high.Text, high.PlaceHolder)
	}
	empty := f.OptionalEstimate("alternatives[1].costs[0].amount", figure.Money, Convert(In(line, func(l *casebuilder.Cost) *casebuilder.Range { return &l.Amount }),
		func(casebuilder.Range) *casebuilder.Range { return nil }, func(*casebuilder.Range) (casebuilder.Range, error) { return casebuilder.Range{}, nil })).AsOutcome()
	if low, _, high := empty.Entries(); low.PlaceHolder != "worst case" || high.PlaceHolder != "best case" {
		t.Errorf("an empty outcome's boxes say %q and %q", low.PlaceHolder, high.PlaceHolder)
	}
}
