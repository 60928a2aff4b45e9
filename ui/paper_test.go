package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// TestCasePaperAndReviewReachTheBrief checks that the paper size set for
// the case in Settings wins over the preference (an edit undone like any
// other), that the export dialog starts from it, and that its checkbox
// adds the CEO review to the brief.
func TestCasePaperAndReviewReachTheBrief(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	a.Preferences().SetString(prefPaper, "a4")
	h := startIn(t, a, t.TempDir(), Options{Exporters: fakeExporters(nil)})
	h.dismissWelcome()
	u := h.u
	dir := t.TempDir()
	if !h.save(filepath.Join(dir, "nordwind.hrcase")) {
		t.Fatal("the case was not saved")
	}

	u.onSettings()
	h.shown.settings.casePaper.Select().SetSelected("Letter")
	if u.doc.c.Paper != casebuilder.PaperLetter || u.prefs.paper() != "a4" {
		t.Fatalf("the case's paper %q, the preference %q", u.doc.c.Paper, u.prefs.paper())
	}
	h.shown.settings.dlg.Hide()

	u.onExport()
	e := h.shown.export
	if e.paper.Selected != "Letter" {
		t.Errorf("the export dialog offers %s, not the case's Letter", e.paper.Selected)
	}
	if e.review.Checked {
		t.Error("the CEO review is in the brief by default")
	}
	e.review.SetChecked(true)
	e.workbook.SetChecked(false)
	test.Tap(e.exportButton)
	h.settle()
	data, err := os.ReadFile(filepath.Join(dir, "nordwind.pdf"))
	if err != nil || !strings.Contains(string(data), "|letter|true|") {
		t.Errorf("the brief was written with %q (%v), want Letter and the review", data, err)
	}

	u.onUndo()
	if u.doc.c.Paper != "" {
		t.Errorf("undo left the case's paper at %q", u.doc.c.Paper)
	}
	u.onExport()
	if got := h.shown.export.paper.Selected; got != "A4" {
		t.Errorf("without a paper of its own, the case exports on %s, not the preference's A4", got)
	}
}

// TestPaybackReadsAsAMonth checks that the screen names the month the
// recommendation is paid back in, as the brief and the workbook do:
// December 2028 for the turnover sample: its payback is 22.5 months (the
// summary's), so the cumulative flow is last negative at the end of month
// 22 counted from 0, November 2028 when month 0 is January 2027, and it is
// paid back in the month after.
func TestPaybackReadsAsAMonth(t *testing.T) {
	h := english(t)
	if got := h.u.headline.payback.Text; got != "Dec 2028" {
		t.Errorf("the headline says paid back in %q, want Dec 2028", got)
	}
}
