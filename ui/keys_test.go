package ui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// removeButtons are the shown buttons that remove a row or an item, in
// the order they are on screen.
func removeButtons(root fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Icon != nil && b.Icon.Name() == theme.DeleteIcon().Name() {
			out = append(out, b)
		}
		return true
	})
	return out
}

// TestUndoPutsBackARemovedRowInOneStep: a cost line typed in and then
// removed comes back with one Undo, as it was, and a second Undo undoes
// the typing.
func TestUndoPutsBackARemovedRowInOneStep(t *testing.T) {
	h := start(t, Options{})
	h.dismissWelcome()
	u := h.u
	c := u.doc.c
	alt := 1
	for alt < len(c.Alternatives) && len(c.Alternatives[alt].Costs) < 2 {
		alt++
	}
	if alt == len(c.Alternatives) {
		t.Fatal("the sample has no alternative with two cost lines")
	}
	costs := len(c.Alternatives[alt].Costs)
	first := c.Alternatives[alt].Costs[0]
	note := h.entryAt(casebuilder.StepAlternatives, fmt.Sprintf("alternatives[%d].costs[0].note", alt))
	h.retype(note, "From the vendor's quote")
	// Clicking Remove takes the focus from the note, then removes the line.
	var del *widget.Button
	for _, b := range removeButtons(h.w.Content()) {
		if isAfter(note, b) {
			del = b
			break
		}
	}
	if del == nil {
		t.Fatal("no Remove button beside the first cost line")
	}
	h.w.Canvas().Focus(del)
	test.Tap(del)
	if got := len(u.doc.c.Alternatives[alt].Costs); got != costs-1 {
		t.Fatalf("Remove: %d cost lines, want %d", got, costs-1)
	}
	shortcut(h, fyne.KeyZ)
	got := u.doc.c.Alternatives[alt].Costs
	if len(got) != costs || got[0].Name != first.Name || got[0].Note != "From the vendor's quote" {
		t.Fatalf("one Undo after removing a line: %d lines, the first %q noted %q; want %d, %q noted as typed",
			len(got), got[0].Name, got[0].Note, costs, first.Name)
	}
	shortcut(h, fyne.KeyZ)
	if n := u.doc.c.Alternatives[alt].Costs[0].Note; n != first.Note {
		t.Errorf("a second Undo leaves the note %q, want %q as it was", n, first.Note)
	}
}

// isAfter reports whether b is below e's top and right of its left edge
// on screen: the first such Remove button is the one of e's row.
func isAfter(e, b fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	pe, pb := d.AbsolutePositionForObject(e), d.AbsolutePositionForObject(b)
	return pb.Y+b.Size().Height > pe.Y && pb.X > pe.X
}

// TestUndoPutsBackARemovedRiskInOneStep: a risk typed in and removed from
// the list beside its form comes back with one Undo.
func TestUndoPutsBackARemovedRiskInOneStep(t *testing.T) {
	h := start(t, Options{})
	h.dismissWelcome()
	u := h.u
	risks := len(u.doc.c.Risks)
	if risks < 2 {
		t.Fatal("the sample has fewer than two risks")
	}
	desc := h.entryAt(casebuilder.StepRisks, "risks[0].description")
	h.retype(desc, "Managers leave with their teams")
	s := shownScreen[*risksScreen](h, casebuilder.StepRisks)
	del := s.md.List.RemoveButton()
	h.w.Canvas().Focus(del)
	test.Tap(del)
	if got := len(u.doc.c.Risks); got != risks-1 {
		t.Fatalf("Remove: %d risks, want %d", got, risks-1)
	}
	shortcut(h, fyne.KeyZ)
	if got := u.doc.c.Risks; len(got) != risks || got[0].Description != "Managers leave with their teams" {
		t.Fatalf("one Undo after removing a risk: %d risks, the first %q", len(got), got[0].Description)
	}
}

// TestUndoPutsBackARemovedMilestoneInOneStep: a milestone whose end date
// was being typed when it was removed comes back with one Undo, and the
// date typed is not written into the milestone that took its place.
func TestUndoPutsBackARemovedMilestoneInOneStep(t *testing.T) {
	h := start(t, Options{})
	h.dismissWelcome()
	u := h.u
	before := slices.Clone(u.doc.c.Plan.Milestones)
	end := h.dateAt(casebuilder.StepPlan, "plan.milestones[0].end")
	h.retype(end, "2027-01-22")
	s := shownScreen[*planScreen](h, casebuilder.StepPlan)
	test.Tap(s.md.List.RemoveButton()) // the date keeps the focus
	if got := len(u.doc.c.Plan.Milestones); got != len(before)-1 {
		t.Fatalf("Remove: %d milestones, want %d", got, len(before)-1)
	}
	h.w.Canvas().Focus(s.md.List.AddButton()) // the user moves on
	if got := u.doc.c.Plan.Milestones[0]; got.End != before[1].End || got.Name != before[1].Name {
		t.Errorf("after the removal the next milestone %q ends %v, want %v", got.Name, got.End, before[1].End)
	}
	shortcut(h, fyne.KeyZ)
	got := u.doc.c.Plan.Milestones
	if len(got) != len(before) || got[0].Name != before[0].Name || got[0].End.String() != "2027-01-22" {
		t.Fatalf("one Undo after removing a milestone: %d milestones, the first %q ending %v", len(got), got[0].Name, got[0].End)
	}
}

// TestCountsAgreeWithTheirNouns: with one risk left the summary says "1
// risk", and an alternative with one cost line says "1 cost line".
func TestCountsAgreeWithTheirNouns(t *testing.T) {
	h := start(t, Options{})
	h.dismissWelcome()
	u := h.u
	s := shownScreen[*risksScreen](h, casebuilder.StepRisks)
	for len(u.doc.c.Risks) > 1 {
		s.md.List.Select(0)
		test.Tap(s.md.List.RemoveButton())
	}
	if got := s.summary.Text; !strings.HasPrefix(got, "1 risk, ") {
		t.Errorf("one risk: the summary reads %q", got)
	}
	for len(u.doc.c.Risks) > 0 {
		s.md.List.Select(0)
		test.Tap(s.md.List.RemoveButton())
	}
	if got := s.summary.Text; !strings.HasPrefix(got, "0 risks, ") {
		t.Errorf("no risk: the summary reads %q", got)
	}
}

// pressEscape presses Escape as the driver does: to the widget with the
// focus, or to the window when none has it.
func pressEscape(h *harness) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := h.w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if k := h.w.Canvas().OnTypedKey(); k != nil {
		k(ev)
	}
}

// TestEscapeClosesEveryDialog: Escape closes the app's dialogs as their
// Cancel or Close does, with the focus on nothing or in a field, and
// changes nothing.
func TestEscapeClosesEveryDialog(t *testing.T) {
	h := start(t, Options{})
	h.dismissWelcome()
	u := h.u
	before := u.doc.c
	open := func() bool { return h.w.Canvas().Overlays().Top() != nil }
	for _, d := range []struct {
		name  string
		show  func()
		focus func() fyne.Focusable
	}{
		{"New case", u.onNew, nil},
		{"Export", u.onExport, nil},
		{"Save As", u.onSaveAs, nil}, // the focus in the file name
		{"Settings", u.onSettings, func() fyne.Focusable { return settingsEntry(t, h) }},
		{"About", u.showAbout, nil},
		{"The method", u.showMethod, nil},
	} {
		d.show()
		if !open() {
			t.Fatalf("%s: no dialog shown", d.name)
		}
		if d.focus != nil {
			h.w.Canvas().Focus(d.focus())
		}
		pressEscape(h)
		if open() {
			t.Errorf("%s: still open after Escape (focus on %T)", d.name, h.w.Canvas().Focused())
			h.w.Canvas().Overlays().Top().Hide()
			h.w.Canvas().Overlays().Remove(h.w.Canvas().Overlays().Top())
		}
		if u.doc.c != before {
			t.Errorf("%s: Escape changed the case", d.name)
		}
	}
	if len(h.opened) != 0 {
		t.Errorf("Escape opened %v", h.opened)
	}
}

// settingsEntry is an entry of the Settings dialog shown.
func settingsEntry(t *testing.T, h *harness) fyne.Focusable {
	t.Helper()
	var e *form.Entry
	walk(h.w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*form.Entry); ok && x.Visible() && !x.Disabled() {
			e = x
			return false
		}
		return true
	})
	if e == nil {
		t.Fatal("the Settings dialog has no entry")
	}
	return e
}

// TestEveryDialogFitsALaptop: in a window 1024 × 640, every dialog is
// within the window, the welcome and the New case dialog, which lists the
// samples, included.
func TestEveryDialogFitsALaptop(t *testing.T) {
	h := start(t, Options{})
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	u := h.u
	fits := func(name string) {
		t.Helper()
		top := h.w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog shown", name)
		}
		if m := top.MinSize(); m.Width > laptopWidth || m.Height > laptopHeight {
			t.Errorf("%s: the dialog needs %.0f × %.0f, in a window %d × %d", name, m.Width, m.Height, laptopWidth, laptopHeight)
		}
		pressEscape(h)
	}
	fits("Welcome")
	for _, d := range everyDialog(u) {
		d.show()
		fits(d.name)
	}
}

// shownDialog is a dialog of the app a test can open, by name.
type shownDialog struct {
	name string
	show func()
}

// everyDialog is each dialog a user opens from the menus and the toolbar.
func everyDialog(u *UI) []shownDialog {
	return []shownDialog{
		{"New case", u.onNew},
		{"Export", u.onExport},
		{"Save As", u.onSaveAs},
		{"Settings", u.onSettings},
		{"About", u.showAbout},
		{"The method", u.showMethod},
		{"Help on this step", u.showStepHelp},
	}
}

// TestEscapeClosesADialogWhateverHasTheFocus: Escape closes each dialog,
// changing nothing, with the focus on any of its ticks, drop-downs, boxes
// and buttons, where Fyne gives the key to the focused widget alone.
func TestEscapeClosesADialogWhateverHasTheFocus(t *testing.T) {
	h := start(t, Options{Exporters: fakeExporters(nil)})
	h.dismissWelcome()
	u := h.u
	before := u.doc.c
	for _, d := range everyDialog(u) {
		// focusable are the widgets of the dialog shown that take the focus.
		focusable := func() []fyne.Focusable {
			var out []fyne.Focusable
			walk(h.w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
				switch x := o.(type) {
				case *form.Entry, *form.Check, *form.Select, *form.DateEntry, *form.Button:
					if w, ok := x.(fyne.Disableable); ok && !w.Disabled() && o.Visible() {
						out = append(out, x.(fyne.Focusable))
					}
				}
				return true
			})
			return out
		}
		d.show()
		all := focusable()
		pressEscape(h)
		if len(all) == 0 {
			t.Errorf("%s: nothing to focus", d.name)
		}
		for i, f := range all {
			// The dialog is made anew: focus the widget in the same place.
			d.show()
			again := focusable()
			h.w.Canvas().Focus(again[i])
			pressEscape(h)
			if top := h.w.Canvas().Overlays().Top(); top != nil {
				t.Errorf("%s: still open after Escape with the focus on a %T (%d of %d)", d.name, f, i+1, len(all))
				top.Hide()
				h.w.Canvas().Overlays().Remove(top)
			}
		}
		if u.doc.c != before {
			t.Errorf("%s: Escape changed the case", d.name)
		}
	}
}

// TestEnterPressesTheFocusedButton: in the export dialog, Tab to Cancel
// and Enter cancels: nothing is exported, where Enter elsewhere exports.
func TestEnterPressesTheFocusedButton(t *testing.T) {
	h := start(t, Options{Exporters: fakeExporters(nil)})
	h.dismissWelcome()
	h.u.onExport()
	e := h.shown.export
	e.folder = t.TempDir()
	h.w.Canvas().Focus(e.cancel)
	e.cancel.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle()
	if top := h.w.Canvas().Overlays().Top(); top != nil {
		t.Error("Enter on Cancel left the export dialog open")
	}
	h.waitFiles()
	if files, _ := os.ReadDir(e.folder); h.u.exporting || len(files) != 0 {
		t.Errorf("Enter on Cancel exported %d files: %q", len(files), h.u.status.message.Text)
	}
	// Enter on Export exports.
	h.u.onExport()
	e = h.shown.export
	e.folder = t.TempDir()
	h.w.Canvas().Focus(e.exportButton)
	e.exportButton.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !h.u.exporting {
		t.Fatalf("Enter on Export did not start the export: %q", visibleText(e.problem))
	}
	h.waitFor("the export", 10*time.Second, func() bool { return !h.u.exporting })
	if files, _ := os.ReadDir(e.folder); len(files) != 2 {
		t.Errorf("Enter on Export wrote %d files, want the brief and the workbook", len(files))
	}
}
