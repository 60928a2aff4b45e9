package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// pressKey presses a key as the window does: to the focused widget, or
// else to the window's own handler.
func pressKey(h *harness, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := h.w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if k := h.w.Canvas().OnTypedKey(); k != nil {
		k(ev)
	}
}

// dialogOpen reports whether a dialog is shown over the window.
func dialogOpen(h *harness) bool { return h.w.Canvas().Overlays().Top() != nil }

// TestEnterConfirmsEveryDialog: Enter does what each dialog's default
// button does, with the focus in what was just typed or on nothing.
func TestEnterConfirmsEveryDialog(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	h := startIn(t, a, t.TempDir(), Options{Exporters: fakeExporters(nil)})
	u := h.u

	// The welcome: Enter explores the sample, as its default button does.
	sample := u.doc.c
	pressKey(h, fyne.KeyReturn)
	if dialogOpen(h) || u.doc.c != sample {
		t.Fatalf("Enter on the welcome: open %v, case replaced %v", dialogOpen(h), u.doc.c != sample)
	}

	// Save As: the name typed, Enter saves it there.
	dir := t.TempDir()
	u.onSaveAs()
	s := h.shown.saveAs
	s.folder = dir
	h.retype(s.name, "typed name")
	pressKey(h, fyne.KeyEnter)
	h.waitFiles()
	if _, err := os.Stat(filepath.Join(dir, "typed name.hrcase")); err != nil || dialogOpen(h) {
		t.Fatalf("Enter in Save As: %v, dialog open %v", err, dialogOpen(h))
	}

	// Export: the brief's name typed, Enter exports under it.
	u.onExport()
	e := h.shown.export
	h.retype(e.briefName, "for the CEO")
	pressKey(h, fyne.KeyReturn)
	h.settle()
	brief := filepath.Join(dir, "for the CEO.pdf")
	if data, err := os.ReadFile(brief); err != nil || !strings.HasPrefix(string(data), "brief|") {
		t.Fatalf("Enter in Export wrote %q (%v)", data, err)
	}
	if dialogOpen(h) {
		t.Fatal("the export dialog is still open after Enter")
	}

	// Exporting again over the files asks; Enter on the question replaces
	// them, with the focus on nothing.
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Second version")
	u.onExport()
	h.retype(h.shown.export.briefName, "for the CEO")
	pressKey(h, fyne.KeyReturn)
	if h.shown.replace == nil || !dialogOpen(h) {
		t.Fatal("exporting over the brief did not ask first")
	}
	h.w.Canvas().Unfocus()
	pressKey(h, fyne.KeyReturn)
	h.settle()
	if data, _ := os.ReadFile(brief); !strings.Contains(string(data), "Second version") {
		t.Errorf("Enter on Replace? did not replace the brief: %q", data)
	}
	if dialogOpen(h) {
		t.Fatal("a dialog is still open after Enter on Replace?")
	}
	// Once both are closed, Enter is the window's again: it exports nothing.
	h.w.Canvas().Unfocus()
	pressKey(h, fyne.KeyReturn)
	if u.exporting || dialogOpen(h) {
		t.Error("Enter with every dialog closed exported again or opened a dialog")
	}

	// Unsaved changes: Enter saves them, then the new case is offered.
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Saved by Enter")
	u.onNew()
	if h.shown.prompt == nil || !dialogOpen(h) {
		t.Fatal("no question about the unsaved changes")
	}
	h.w.Canvas().Unfocus()
	pressKey(h, fyne.KeyReturn)
	h.waitFiles()
	if data, _ := os.ReadFile(filepath.Join(dir, "typed name.hrcase")); !strings.Contains(string(data), "Saved by Enter") {
		t.Error("Enter on Unsaved changes did not save them")
	}
	// New case: Enter creates the choice made, a blank case.
	if h.shown.newCase == nil || !dialogOpen(h) {
		t.Fatal("saving did not go on to the new case's choice")
	}
	pressKey(h, fyne.KeyReturn)
	if dialogOpen(h) || u.doc.path != "" || u.doc.c.Title == "Saved by Enter" {
		t.Errorf("Enter on New case: open %v, file %q, title %q", dialogOpen(h), u.doc.path, u.doc.c.Title)
	}

	// Settings: the case's discount rate typed, Enter closes with it kept.
	u.onSettings()
	rate := settingsEntry(t, h).(*form.Entry)
	h.retype(rate, "7")
	pressKey(h, fyne.KeyReturn)
	if dialogOpen(h) || u.doc.c.DiscountRate != 0.07 {
		t.Errorf("Enter in Settings: open %v, discount rate %v, want 0.07", dialogOpen(h), u.doc.c.DiscountRate)
	}

	// The dialogs that only tell something close on Enter.
	for _, d := range []struct {
		name string
		show func()
	}{
		{"About", u.showAbout},
		{"The method", u.showMethod},
		{"Help", u.showStepHelp},
		{"An error", func() { u.showError("Cannot open the file", os.ErrPermission, "") }},
	} {
		d.show()
		if !dialogOpen(h) {
			t.Fatalf("%s: no dialog shown", d.name)
		}
		pressKey(h, fyne.KeyReturn)
		if dialogOpen(h) {
			t.Errorf("%s: still open after Enter", d.name)
			h.w.Canvas().Overlays().Remove(h.w.Canvas().Overlays().Top())
		}
	}
}

// TestEnterInATextOfSeveralLinesIsANewLine: in a dialog, Enter in a
// multi-line entry types a new line and confirms nothing; in a one-line
// entry it confirms.
func TestEnterInATextOfSeveralLinesIsANewLine(t *testing.T) {
	test.NewTempApp(t)
	many, one := form.NewMultiLineEntry(3), form.NewEntry()
	w := test.NewTempWindow(t, container.NewVBox())
	w.Resize(fyne.NewSize(800, 600))
	d := dialog.NewCustom("Notes", "Close", container.NewVBox(many, one), w)
	confirmed := 0
	closeOnEscape(w, d, func() { confirmed++ })
	d.Show()
	w.Canvas().Focus(many)
	test.Type(many, "first")
	many.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(many, "second")
	if many.Text != "first\nsecond" || confirmed != 0 {
		t.Errorf("Enter in a multi-line entry: text %q, confirmed %d times", many.Text, confirmed)
	}
	w.Canvas().Focus(one)
	test.Type(one, "x")
	one.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if confirmed != 1 || one.Text != "x" {
		t.Errorf("Enter in a one-line entry: confirmed %d times, text %q", confirmed, one.Text)
	}
}
