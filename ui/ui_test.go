package ui

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

// english starts the app reading numbers in English, whatever the
// machine's locale.
func english(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	h := startIn(t, a, t.TempDir(), Options{})
	h.dismissWelcome()
	h.settle()
	return h
}

// savedCase starts the app as english does, with the sample saved in a
// case file of its own, and returns that file.
func savedCase(t *testing.T) (*harness, string) {
	t.Helper()
	h := english(t)
	path := tempCase(t, "case.hrcase")
	if !h.save(path) {
		t.Fatal(h.shown.lastError)
	}
	return h, path
}

func TestBadNumberIsRefusedBesideTheField(t *testing.T) {
	h := english(t)
	u := h.u
	quota := h.entryAt(casebuilder.StepPain, "pain.inputs.annualQuota")
	want := u.doc.c.Pain.Inputs["annualQuota"]
	// Pasted whole, a bad figure changes nothing.
	for _, tt := range []struct{ typed, says string }{
		{"12,5", `write decimals with “.”`},
		{"600 apples", `“apples” is not a unit`},
		{"15 %", "percentage does not belong here"},
		{"1.2.3", "more than one decimal mark"},
		{"650.000", "at most two decimals"}, // 650,000 on a German keyboard
	} {
		quota.SetText(tt.typed)
		if msg := errorBeside(u, quota); !strings.Contains(msg, tt.says) {
			t.Errorf("pasting %q: message %q beside the field, want one saying %q", tt.typed, msg, tt.says)
		}
		if got := u.doc.c.Pain.Inputs["annualQuota"]; !got.Equal(want) {
			t.Errorf("pasting %q changed the case to %v", tt.typed, got)
		}
	}
	// Typed key by key, the case takes each figure that reads, and the
	// field says why the last one does not.
	h.retype(quota, "12,5")
	if msg := errorBeside(u, quota); !strings.Contains(msg, `write decimals with “.”`) {
		t.Errorf("typing 12,5: message %q", msg)
	}
	if got := u.doc.c.Pain.Inputs["annualQuota"].Likely; got != 12 {
		t.Errorf("typing 12,5 left %v in the case, want 12, the last figure that read", got)
	}
	for _, tt := range []struct {
		typed string
		want  float64
	}{{"€ 650,000", 650000}, {"0.7M", 700000}, {"720k", 720000}, {"730,000.50", 730000.5}} {
		h.retype(quota, tt.typed)
		if msg := errorBeside(u, quota); msg != "" {
			t.Errorf("typing %q: refused with %q", tt.typed, msg)
		}
		if got := u.doc.c.Pain.Inputs["annualQuota"].Likely; got != tt.want {
			t.Errorf("typing %q gives %v, want %v", tt.typed, got, tt.want)
		}
	}
	// Leaving the field writes the figure the app's way.
	u.focus(h.entryAt(casebuilder.StepPain, "pain.inputs.reps"))
	if quota.Text != "730,000.5" {
		t.Errorf("after leaving the field it shows %q, want 730,000.5", quota.Text)
	}
}

func TestNumbersFollowTheChosenLocale(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "de-DE")
	h := startIn(t, a, t.TempDir(), Options{})
	h.dismissWelcome()
	quota := h.entryAt(casebuilder.StepPain, "pain.inputs.annualQuota")
	if quota.Text != "600.000" {
		t.Errorf("in German the quota shows %q, want 600.000", quota.Text)
	}
	h.retype(quota, "612.500,5")
	if got := h.u.doc.c.Pain.Inputs["annualQuota"].Likely; got != 612500.5 {
		t.Errorf("612.500,5 read as %v in German", got)
	}
	h.retype(quota, "12.5")
	if msg := errorBeside(h.u, quota); !strings.Contains(msg, "12.500,5") {
		t.Errorf("12.5 in German: message %q, want one showing how German writes numbers", msg)
	}
	// A figure the case refuses is quoted as the box writes it: "€1,000"
	// would read as one euro to a German.
	h.retype(quota, "2.000.000.000.000")
	const want = "Must be between 0\u00a0€ and 1.000.000.000.000\u00a0€ (got 2.000.000.000.000\u00a0€)"
	if msg := errorBeside(h.u, quota); msg != want {
		t.Errorf("a quota too large in German: message %q, want %q", msg, want)
	}
}

// TestChangingTheLocaleKeepsACaseWithProblemsEditable opens a case with a
// problem in German, switches the numbers to English, and edits another
// field: the problem the case already had, now written in English, is not
// one the edit adds.
func TestChangingTheLocaleKeepsACaseWithProblemsEditable(t *testing.T) {
	h := inLocale(t, "de-DE")
	c := h.u.doc.c.Clone()
	c.Pain.Inputs["annualQuota"] = casebuilder.InputValue{Range: casebuilder.Exactly(2e12)}
	h.replace(c)
	if len(h.u.doc.problems) != 1 || !strings.Contains(h.u.doc.problems[0].Message, "1.000.000.000.000") {
		t.Fatalf("in German the case has the problems %v, want the quota's in German", h.u.doc.problems)
	}
	h.u.prefs.p.SetString(prefNumberLocale, "en-US")
	h.retype(h.entryAt(casebuilder.StepContext, "author"), "Ada Lovelace")
	if h.u.doc.c.Author != "Ada Lovelace" {
		t.Errorf("after the locale changed, the author's edit was refused: %q beside it", errorBeside(h.u, h.entryAt(casebuilder.StepContext, "author")))
	}
	if len(h.u.doc.problems) != 1 || !strings.Contains(h.u.doc.problems[0].Message, "€1,000,000,000,000") {
		t.Errorf("in English the case has the problems %v, want the quota's in English", h.u.doc.problems)
	}
}

func TestClosingWithUnsavedChangesAsksFirst(t *testing.T) {
	h, path := savedCase(t)
	u := h.u
	h.retype(h.entryAt(casebuilder.StepContext, "author"), "Ada Lovelace")

	u.onClose()
	if h.shown.prompt == nil {
		t.Fatal("closing with unsaved changes asked nothing")
	}
	test.Tap(h.shown.prompt.cancel)
	if h.closed {
		t.Fatal("Cancel closed the window")
	}
	if !u.doc.modified() {
		t.Error("Cancel lost the changes")
	}

	h.shown.prompt = nil
	u.onClose()
	test.Tap(h.shown.prompt.save)
	h.waitFiles()
	if !h.closed {
		t.Fatal("Save did not close the window")
	}
	c, err := casebuilder.Load(path)
	if err != nil || c.Author != "Ada Lovelace" {
		t.Errorf("Save before closing wrote author %q (%v)", c.Author, err)
	}
}

func TestClosingWithoutSavingLosesOnlyWhatWasAskedFor(t *testing.T) {
	h := english(t)
	u := h.u
	path := tempCase(t, "case.hrcase")
	h.save(path)
	saved, _ := os.ReadFile(path)

	u.onClose() // nothing changed: no question
	if h.shown.prompt != nil || !h.closed {
		t.Fatalf("closing an unchanged case: prompt %v, closed %v", h.shown.prompt != nil, h.closed)
	}

	h = english(t)
	u = h.u
	h.open(path)
	h.retype(h.entryAt(casebuilder.StepContext, "author"), "Someone else")
	u.onClose()
	test.Tap(h.shown.prompt.discard)
	if !h.closed {
		t.Fatal("Don't save did not close the window")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, saved) {
		t.Error("Don't save changed the file")
	}
}

func TestNewCaseAsksAboutChangesThenOffersBlankOrSample(t *testing.T) {
	h := english(t)
	u := h.u
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Changed")
	shortcut(h, fyne.KeyN)
	if h.shown.prompt == nil {
		t.Fatal("New with unsaved changes asked nothing")
	}
	test.Tap(h.shown.prompt.discard)
	if h.shown.newCase == nil {
		t.Fatal("no choice of blank or sample")
	}
	h.shown.newCase.choice.SetSelected(h.shown.newCase.choice.Options[0])
	h.shown.newCase.dialog.Confirm()
	c := u.doc.c
	if c.Baseline() < 0 || len(c.Alternatives) != 1 || c.Title != "" || u.doc.path != "" {
		t.Errorf("a blank case: %d alternatives, baseline at %d, title %q", len(c.Alternatives), c.Baseline(), c.Title)
	}
	if c.Currency != "EUR" || c.DiscountRate != 0.08 || c.HorizonMonths != 36 {
		t.Errorf("a blank case has %s, %v, %d months; want the defaults EUR, 0.08, 36", c.Currency, c.DiscountRate, c.HorizonMonths)
	}
	if strings.HasPrefix(h.title(), "*") {
		t.Errorf("a new case is marked changed: %q", h.title())
	}
	// From a sample, with no changes: no question first.
	h.shown.prompt = nil
	u.onNew()
	if h.shown.prompt != nil {
		t.Error("New asked about changes in an unchanged case")
	}
	h.shown.newCase.choice.SetSelected(h.shown.newCase.choice.Options[2])
	if got := h.shown.newCase.about.Text; got != "New reps who take eleven months to sell at full quota." {
		t.Errorf("with the ramp sample chosen, the dialog says %q", got)
	}
	h.shown.newCase.dialog.Confirm()
	if ramp, _ := sampleCase("ramp"); u.doc.c.Title != ramp.Title {
		t.Errorf("the ramp sample opened as %q", u.doc.c.Title)
	}
}

// fakeExporters write what they were given, so that the test sees the
// case, the time, the paper and the trials of the case's own analysis
// reach them; fail makes one fail.
func fakeExporters(fail error) Exporters {
	write := func(kind string) Exporter {
		return func(c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, ch ExportChoices) ([]byte, error) {
			if fail != nil && kind == "workbook" {
				return nil, fail
			}
			trials := 0
			if a != nil && a.Case == c && a.Simulation != nil {
				trials = a.Simulation.Trials
			}
			return fmt.Appendf(nil, "%s|%s|%s|%s|%v|%d", kind, c.Title, now.Format(time.RFC3339), ch.Paper, ch.WithReview, trials), nil
		}
	}
	return Exporters{Workbook: write("workbook"), Brief: write("brief")}
}

func TestExportWritesBothDocumentsWhileEditingGoesOn(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	h := startIn(t, a, t.TempDir(), Options{Exporters: fakeExporters(nil)})
	h.dismissWelcome()
	u := h.u
	dir := t.TempDir()
	path := filepath.Join(dir, "nordwind.hrcase")
	h.save(path)

	shortcut(h, fyne.KeyE)
	e := h.shown.export
	if e == nil {
		t.Fatal("Ctrl+E opened no export dialog")
	}
	if e.folder != dir || e.briefName.Text != "nordwind.pdf" || e.workbookName.Text != "nordwind.xlsx" {
		t.Errorf("export offers %s / %s / %s", e.folder, e.briefName.Text, e.workbookName.Text)
	}
	e.paper.SetSelected("Letter")
	title := u.doc.c.Title
	test.Tap(e.exportButton)
	if !u.exporting {
		t.Fatal("the export did not start")
	}
	// The user goes on typing while it runs; the documents are of the case
	// as it was when the export started.
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Typed during the export")
	h.settle()
	for _, f := range []struct{ name, kind string }{{"nordwind.pdf", "brief"}, {"nordwind.xlsx", "workbook"}} {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		want := f.kind + "|" + title + "|2026-11-23T14:30:00Z|letter|false|" + itoa(testTrials)
		if err != nil || string(data) != want {
			t.Errorf("%s holds %q (%v), want %q", f.name, data, err, want)
		}
	}
	if msg := u.status.message.Text; !strings.Contains(msg, "Exported the brief and workbook") {
		t.Errorf("status after export: %q", msg)
	}
	test.Tap(button(t, u.status.box, "Open folder"))
	test.Tap(button(t, u.status.box, "Open brief"))
	if want := []string{fileURL(dir), fileURL(filepath.Join(dir, "nordwind.pdf"))}; !slices.Equal(h.opened, want) {
		t.Errorf("opened %v, want %v", h.opened, want)
	}

	// Exporting again asks before replacing the files.
	u.onExport()
	test.Tap(h.shown.export.exportButton)
	if h.shown.replace == nil || u.exporting {
		t.Fatal("exporting over existing files did not ask first")
	}
	h.shown.replace.Confirm()
	h.settle()
	if data, _ := os.ReadFile(filepath.Join(dir, "nordwind.pdf")); !strings.Contains(string(data), "Typed during the export") {
		t.Errorf("the second export did not replace the brief: %q", data)
	}
}

func TestExportNeverOverwritesTheCaseFile(t *testing.T) {
	a := test.NewTempApp(t)
	h := startIn(t, a, t.TempDir(), Options{Exporters: fakeExporters(nil)})
	h.dismissWelcome()
	u := h.u
	path := tempCase(t, "case.pdf") // a case file with an unlucky name
	h.save(path)
	before, _ := os.ReadFile(path)
	u.onExport()
	e := h.shown.export
	e.briefName.SetText("case.pdf")
	test.Tap(e.exportButton)
	if u.exporting {
		t.Fatal("the export started over the case file")
	}
	if msg := visibleText(e.problem); !strings.Contains(msg, "is the case file itself") {
		t.Errorf("message %q, want one saying it is the case file", msg)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the case file changed")
	}
	e.briefName.SetText("other/case.pdf")
	test.Tap(e.exportButton)
	if msg := visibleText(e.problem); !strings.Contains(msg, "file name only") {
		t.Errorf("a name with a folder: message %q", msg)
	}
}

func TestExportFailureSaysWhatToDo(t *testing.T) {
	a := test.NewTempApp(t)
	noName := errors.New("the sheet has no name")
	h := startIn(t, a, t.TempDir(), Options{Exporters: fakeExporters(noName)})
	h.dismissWelcome()
	u := h.u
	h.save(tempCase(t, "case.hrcase"))
	u.onExport()
	test.Tap(h.shown.export.exportButton)
	h.settle()
	if !errors.Is(h.shown.err, noName) || !strings.Contains(h.shown.lastError, noName.Error()) {
		t.Errorf("the error shown is %v, not the exporter's", h.shown.err)
	}
	if !strings.Contains(h.shown.lastError, "Cannot export the workbook") || !strings.Contains(h.shown.lastError, "Try again") {
		t.Errorf("the error shown: %q", h.shown.lastError)
	}
	if msg := u.status.message.Text; !strings.Contains(msg, "Exported the brief; the workbook failed") {
		t.Errorf("status: %q", msg)
	}
}

func TestExportOffersOnlyWhatTheBuildHas(t *testing.T) {
	h := english(t)
	h.u.onExport()
	e := h.shown.export
	if !e.brief.Disabled() || !e.workbook.Disabled() || !strings.Contains(e.brief.Text, "not available") {
		t.Errorf("with no exporters the dialog offers %q (disabled %v)", e.brief.Text, e.brief.Disabled())
	}
	test.Tap(e.exportButton)
	if msg := visibleText(e.problem); !strings.Contains(msg, "choose the brief, the workbook, or both") {
		t.Errorf("exporting nothing: %q", msg)
	}
}

func TestAutosaveIsRecoveredAfterACrash(t *testing.T) {
	storage := t.TempDir()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	h := startIn(t, a, storage, Options{})
	h.dismissWelcome()
	path := tempCase(t, "case.hrcase")
	h.save(path)
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Work not yet saved")

	// The app that wrote the autosave is gone: give it the ID of a process
	// that does not exist.
	h.u.autosave.pid = deadProcess(t)
	h.u.autosave.save()
	h.settle()
	for h.u.autosave.writing {
		h.bridge.drain()
	}
	if h.u.autosave.last != h.u.doc.c {
		t.Fatalf("nothing autosaved: %s", h.u.status.message.Text)
	}

	// The next start offers to recover.
	h2 := startIn(t, a, storage, Options{})
	u := h2.u
	if h2.shown.recovery == nil {
		t.Fatal("no offer to recover the autosaved changes")
	}
	h2.shown.recovery.Confirm()
	if u.doc.c.Title != "Work not yet saved" || u.doc.path != path || !u.doc.modified() {
		t.Errorf("recovered %q for %q (modified %v)", u.doc.c.Title, u.doc.path, u.doc.modified())
	}
	if !strings.HasPrefix(h2.title(), "*case.hrcase") {
		t.Errorf("window title %q", h2.title())
	}
	if left, _ := filepath.Glob(filepath.Join(storage, "autosave-*")); len(left) != 0 {
		t.Errorf("the recovered autosave is still there: %v", left)
	}
	if saved, _ := casebuilder.Load(path); saved.Title == "Work not yet saved" {
		t.Error("recovering wrote to the case file before the user saved")
	}
}

func TestAutosaveCanBeDiscardedAndIsRemovedOnSave(t *testing.T) {
	storage := t.TempDir()
	a := test.NewTempApp(t)
	h := startIn(t, a, storage, Options{})
	h.dismissWelcome()
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Draft")
	h.u.autosave.pid = deadProcess(t)
	h.u.autosave.save()
	for h.bridge.drain(); h.u.autosave.writing; h.bridge.drain() {
		time.Sleep(time.Millisecond)
	}
	h2 := startIn(t, a, storage, Options{})
	if h2.shown.recovery == nil {
		t.Fatal("no offer to recover")
	}
	h2.shown.recovery.Dismiss()
	if left, _ := filepath.Glob(filepath.Join(storage, "autosave-*")); len(left) != 0 {
		t.Errorf("Discard left %v", left)
	}

	// Saving removes this app's own autosave.
	h3 := startIn(t, a, storage, Options{})
	h3.dismissWelcome()
	h3.retype(h3.entryAt(casebuilder.StepContext, "title"), "Draft 2")
	h3.u.autosave.save()
	for h3.bridge.drain(); h3.u.autosave.writing; h3.bridge.drain() {
		time.Sleep(time.Millisecond)
	}
	if left, _ := filepath.Glob(filepath.Join(storage, "autosave-*")); len(left) != 2 {
		t.Fatalf("autosave wrote %v", left)
	}
	h3.save(tempCase(t, "draft.hrcase"))
	if left, _ := filepath.Glob(filepath.Join(storage, "autosave-*")); len(left) != 0 {
		t.Errorf("saving left %v", left)
	}
}

// deadProcess returns the ID of a process that is not running.
func deadProcess(t *testing.T) int {
	for pid := 4_000_000; pid > 100_000; pid -= 7919 {
		if !processAlive(pid) {
			return pid
		}
	}
	t.Skip("no free process ID found")
	return 0
}

func TestOpenAFileWithProblemsOrNotACase(t *testing.T) {
	h := english(t)
	u := h.u
	bad := tempCase(t, "bad.hrcase")
	data, _ := casebuilder.Encode(u.doc.c)
	data = bytes.Replace(data, []byte(`"discountRate": 0.1`), []byte(`"discountRate": 7`), 1)
	os.WriteFile(bad, data, 0o600)
	if !h.open(bad) {
		t.Fatalf("a case with an invalid value was refused: %s", h.shown.lastError)
	}
	if u.current != casebuilder.StepReview {
		t.Errorf("opened on %s, want the review that lists the problem", u.current)
	}
	h.settle()
	found := false
	for _, f := range u.analysis.findings {
		found = found || f.Rule == "invalid-value" && f.Where.Path == "discountRate"
	}
	if !found {
		t.Errorf("the review does not list the invalid discount rate: %v", u.analysis.findings)
	}
	// The case cannot be saved as it is, and says why.
	var ps casebuilder.Problems
	if h.save(tempCase(t, "again.hrcase")) || !errors.As(h.shown.err, &ps) || !strings.Contains(h.shown.lastError, "Fix the problems") {
		t.Errorf("saving an invalid case: %q (%v)", h.shown.lastError, h.shown.err)
	}

	before := u.doc.c
	notCase := tempCase(t, "notes.hrcase")
	os.WriteFile(notCase, []byte("my notes"), 0o600)
	if h.open(notCase) {
		t.Fatal("opened a file that is not a case")
	}
	if u.doc.c != before || !strings.Contains(h.shown.lastError, "Cannot open notes.hrcase") {
		t.Errorf("after a failed open: case replaced %v, error %q", u.doc.c != before, h.shown.lastError)
	}
}

// TestOpenAFileWithWhatTheCaseCannotShow: an unknown field or a key given
// twice is not in the case read, so only the file shows it; the Review
// step lists it, blocking, until the case is saved without it, and the
// file as it was is kept. The turnover sample itself answers every
// question of the review: the file's two points are all it lists.
func TestOpenAFileWithWhatTheCaseCannotShow(t *testing.T) {
	h := english(t)
	u := h.u
	path := tempCase(t, "odd.hrcase")
	data, _ := casebuilder.Encode(u.doc.c)
	odd := bytes.Replace(data, []byte(`"discountRate": 0.1,`), []byte(`"discountRate": 0.1, "discountRat": 0.2, "title": "Twice",`), 1)
	if bytes.Equal(odd, data) {
		t.Fatal("the sample has no discount rate of 0.1")
	}
	os.WriteFile(path, odd, 0o600)
	if !h.open(path) {
		t.Fatalf("refused: %s", h.shown.lastError)
	}
	h.settle()
	var listed []string
	for _, f := range u.analysis.findings {
		if f.Severity == casebuilder.Blocking {
			listed = append(listed, f.Message)
		}
	}
	slices.Sort(listed)
	want := []string{"discountRat: is not a field of a case file here", "title: appears twice"}
	if len(listed) != len(want) || !strings.HasPrefix(listed[0], want[0]) || !strings.HasPrefix(listed[1], want[1]) {
		t.Errorf("blocking findings %q, want ones starting %q", listed, want)
	}
	if u.analysis.readiness > 49 {
		t.Errorf("readiness %d with blocking findings", u.analysis.readiness)
	}
	if rs, ok := u.screens[casebuilder.StepReview].(*reviewScreen); !ok || !strings.HasPrefix(rs.summary.Text, "2 points would sink the case; fix them before the meeting. No questions and no suggestions.") {
		t.Errorf("the Review step does not open on its summary of the blocking points (%v)", ok)
	}
	// An edit keeps them listed: the file still has them.
	u.doc.edit(casebuilder.Where{Step: casebuilder.StepContext, Path: "author"}, "author", func(c *casebuilder.Case) error {
		c.Author = "Someone else"
		return nil
	})
	u.recalc.schedule(u.doc.c)
	h.settle()
	if n := countBlocking(u.analysis.findings); n != 2 {
		t.Errorf("after an edit, %d blocking findings, want the file's 2", n)
	}
	// Saved, the file no longer has them, and the one read is kept.
	if !h.save(path) {
		t.Fatal(h.shown.lastError)
	}
	if n := countBlocking(u.analysis.findings); n != 0 {
		t.Errorf("after saving, %d blocking findings", n)
	}
	if msg := u.status.message.Text; !strings.Contains(msg, "without what could not be read; the file as read is odd.hrcase.bak") {
		t.Errorf("status %q", msg)
	}
	if bak, _ := os.ReadFile(path + ".bak"); !bytes.Equal(bak, odd) {
		t.Error("the file as read is not kept as the backup")
	}
}

func TestReviewSummarySentences(t *testing.T) {
	h := english(t)
	u := h.u
	rs := shownScreen[*reviewScreen](h, casebuilder.StepReview)
	at := casebuilder.Where{Step: casebuilder.StepContext, Path: "title"}
	block := casebuilder.Finding{Rule: "invalid-value", Severity: casebuilder.Blocking, Message: "title: x", Where: at}
	warn := casebuilder.Finding{Rule: "no-contributors", Severity: casebuilder.Warning, Message: "No one", Where: at}
	for _, tt := range []struct {
		findings []casebuilder.Finding
		want     string
	}{
		{[]casebuilder.Finding{block}, "One point would sink the case; fix it before the meeting. No questions and no suggestions."},
		{[]casebuilder.Finding{warn, warn}, "Nothing blocks the case. 2 questions the CEO is likely to ask, and no suggestions to make it better."},
	} {
		rs.showAnalysis(analysis{c: u.doc.c, findings: tt.findings, readiness: casebuilder.Readiness(tt.findings)})
		if rs.summary.Text != tt.want {
			t.Errorf("summary %q, want %q", rs.summary.Text, tt.want)
		}
	}
}

func countBlocking(fs []casebuilder.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == casebuilder.Blocking {
			n++
		}
	}
	return n
}

func TestRecentFilesAndTheLastCaseAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	h := startIn(t, a, t.TempDir(), Options{})
	h.dismissWelcome()
	first, second := tempCase(t, "first.hrcase"), tempCase(t, "second.hrcase")
	h.save(first)
	h.save(second)
	if got := h.u.prefs.recent(); !slices.Equal(got, []string{second, first}) {
		t.Errorf("recent files %v", got)
	}
	items := h.u.recentMenu.ChildMenu.Items
	if len(items) != 2 || items[0].Label != second {
		t.Errorf("File › Open Recent lists %d items", len(items))
	}
	// The next start opens the last case, with no welcome.
	h2 := startIn(t, a, t.TempDir(), Options{})
	if h2.u.doc.path != second || h2.shown.welcome != nil {
		t.Errorf("the next start opened %q (welcome %v)", h2.u.doc.path, h2.shown.welcome != nil)
	}
	// A case file named on the command line wins.
	h3 := startIn(t, a, t.TempDir(), Options{Path: first})
	if h3.u.doc.path != first {
		t.Errorf("casebuilder FILE opened %q", h3.u.doc.path)
	}
	// One that cannot be opened says so, and the sample opens instead.
	missing := tempCase(t, "missing.hrcase")
	h4 := startIn(t, a, t.TempDir(), Options{Path: missing})
	var fe *casebuilder.FileError
	if !errors.As(h4.shown.err, &fe) || fe.Path != missing {
		t.Errorf("a missing file: the error shown is %v, not one of that file", h4.shown.err)
	}
	if !strings.Contains(h4.shown.lastError, "does not exist") || h4.u.doc.path != "" {
		t.Errorf("a missing file: error %q, opened %q", h4.shown.lastError, h4.u.doc.path)
	}
}

// TestEveryFindingLeadsToItsField checks that the links of the review
// reach a field for every kind of place a finding can point to.
func TestEveryFindingLeadsToItsField(t *testing.T) {
	h := english(t)
	paths := []stepPath{
		{casebuilder.StepContext, "title"},
		{casebuilder.StepContext, "context.servesObjective"},
		{casebuilder.StepContext, "context.gaps[1]"},
		{casebuilder.StepContext, "context.objectives[2].statement"},
		{casebuilder.StepPain, "pain.category"},
		{casebuilder.StepPain, "pain.inputs.daysToFill"},
		{casebuilder.StepPain, "pain.evidence[1].source"},
		{casebuilder.StepAlternatives, "alternatives[2].name"},
		{casebuilder.StepAlternatives, "alternatives[1].costs[3].amount"},
		{casebuilder.StepAlternatives, "alternatives[1].benefits[1].to"},
		{casebuilder.StepAlternatives, "alternatives[1].benefits[0].startMonth"},
		{casebuilder.StepAlternatives, "alternatives[3].impact.people.text"},
		{casebuilder.StepAlternatives, "alternatives[2].scores.risk.rationale"},
		{casebuilder.StepCompare, "recommendation.reason"},
		{casebuilder.StepCompare, "ask.decideBy"},
		{casebuilder.StepCompare, "criteria[2].weight"},
		{casebuilder.StepRisks, "risks[4].contingency"},
		{casebuilder.StepPlan, "plan.milestones[5].owner"},
		{casebuilder.StepPlan, "plan.milestones[1].resources[0].description"},
		{casebuilder.StepPlan, "plan.stakeholders[2].channel"},
		{casebuilder.StepPlan, "plan.reportingCadence"},
		{casebuilder.StepMeasures, "measures[1].target"},
		{casebuilder.StepMeasures, "contributors[3].role"},
	}
	for _, p := range paths {
		h.u.win.Canvas().Unfocus()
		h.u.reveal(casebuilder.Where{Step: p.step, Path: p.path})
		focused := h.w.Canvas().Focused()
		if focused == nil {
			t.Errorf("%s: nothing focused", p.path)
			continue
		}
		got := pathsOf(h.u, focused)
		if !slices.ContainsFunc(got, func(g string) bool { return g == p.path || strings.HasPrefix(p.path, g) }) {
			t.Errorf("%s: focused the field of %q", p.path, got)
		}
	}
}

// pathOf returns the path of the field whose widget is f.
func pathOf(u *UI, f fyne.Focusable) string {
	if paths := pathsOf(u, f); len(paths) > 0 {
		return paths[0]
	}
	return ""
}

// pathsOf returns the paths that lead to widget f: those of the fields
// and parts of fields it is the widget to focus of, then those of the
// fields that own it.
func pathsOf(u *UI, f fyne.Focusable) []string {
	var targets, owners []string
	for _, s := range u.screens {
		for _, fm := range formsOf(s) {
			for _, b := range fm.Fields() {
				if b.Path() == "" {
					continue
				}
				if b.FocusTarget() == f {
					targets = append(targets, b.Path())
				} else if o, ok := b.(ownedField); ok && o.Owns(f) {
					owners = append(owners, b.Path())
				}
			}
		}
	}
	return append(targets, owners...)
}

func TestRemovingAnAlternativeTidiesWhatReferredToIt(t *testing.T) {
	h := english(t)
	u := h.u
	alts := shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	// The baseline cannot be removed.
	alts.md.Select(0)
	if remove := alts.md.List.RemoveButton(); !remove.Disabled() {
		test.Tap(remove)
	}
	if u.doc.c.Baseline() != 0 {
		t.Fatal("the do-nothing baseline was removed")
	}
	// Removing the recommended alternative clears the recommendation and
	// the risks' references to it.
	id := u.doc.c.Recommendation.Alternative
	i := u.doc.c.AlternativeByID(id)
	alts.md.Select(i)
	test.Tap(alts.md.List.RemoveButton())
	c := u.doc.c
	if c.AlternativeByID(id) >= 0 || c.Recommendation.Alternative != "" {
		t.Errorf("after removing %s: recommendation %q", id, c.Recommendation.Alternative)
	}
	for _, r := range c.Risks {
		if slices.Contains(r.Alternatives, id) {
			t.Errorf("risk %s still concerns %s", r.ID, id)
		}
	}
	if len(casebuilder.Validate(c)) != 0 {
		t.Errorf("the case is invalid after the removal: %v", casebuilder.Validate(c))
	}
	// And undo brings everything back.
	u.onUndo()
	if u.doc.c.Recommendation.Alternative != id || u.doc.c.AlternativeByID(id) < 0 {
		t.Error("undo did not bring the alternative back")
	}
}

func TestDuplicateAndReorderCostLines(t *testing.T) {
	h := english(t)
	u := h.u
	u.reveal(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives[1].name"})
	alts := u.screens[casebuilder.StepAlternatives].(*alternativesScreen)
	names := func() []string {
		var out []string
		for _, k := range u.doc.c.Alternatives[1].Costs {
			out = append(out, k.Name)
		}
		return out
	}
	before := names()
	edits := alts.costs.Edits()
	if err := edits.Duplicate(0); err != nil {
		t.Fatal(err)
	}
	if got := names(); len(got) != len(before)+1 || got[1] != before[0] {
		t.Errorf("after duplicating the first line: %v", got)
	}
	if err := edits.Move(1, +1); err != nil {
		t.Fatal(err)
	}
	if got := names(); got[2] != before[0] || got[1] != before[1] {
		t.Errorf("after moving the copy down: %v", got)
	}
	if err := edits.Remove(2); err != nil {
		t.Fatal(err)
	}
	if got := names(); !slices.Equal(got, before) {
		t.Errorf("after removing the copy: %v, want %v", got, before)
	}
	if len(alts.costs.Rows()) != len(before) {
		t.Errorf("the table shows %d rows for %d lines", len(alts.costs.Rows()), len(before))
	}
}

// TestTypingDoesNotWaitForTheFigures shows that a keystroke changes the
// case at once while the figures are worked out later, off the UI
// goroutine: after typing, the figures are still those of the case before
// until the recalculation reports back through the bridge.
func TestTypingDoesNotWaitForTheFigures(t *testing.T) {
	a := test.NewTempApp(t)
	h := startIn(t, a, t.TempDir(), Options{})
	h.dismissWelcome()
	h.replace(loadSample(t, "stress"))
	reps := h.entryAt(casebuilder.StepPain, "pain.inputs.reps")
	h.u.recalc.delay = time.Hour // the figures will not come back during the test
	h.retype(reps, "1300")
	if h.u.doc.c.Pain.Inputs["reps"].Likely != 1300 {
		t.Fatal("the keystrokes did not reach the case")
	}
	if h.u.analysis.c == h.u.doc.c {
		t.Error("the figures were worked out while typing, on the UI goroutine")
	}
	h.u.recalc.delay = time.Millisecond
	h.u.recalc.schedule(h.u.doc.c)
	h.settle()
	if h.u.analysis.res.Pain.Working[0].Value != 1300 {
		t.Error("the figures did not catch up")
	}
}

// TestStaleFiguresAreDropped works out the figures of a case, and changes
// the case before the UI takes them: they are never shown, and those of
// the new case are. The recalculator's clock is moved by hand, so that the
// figures of the first case are surely ready, and waiting for the UI, when
// the case changes.
func TestStaleFiguresAreDropped(t *testing.T) {
	b := &queueBridge{}
	clock := &handClock{}
	var applied []*casebuilder.Case
	r := &recalculator{delay: time.Millisecond, bridge: b, after: clock.after, apply: func(a analysis) { applied = append(applied, a.c) }}
	c1, c2 := &casebuilder.Case{HorizonMonths: 12}, &casebuilder.Case{HorizonMonths: 24}
	r.schedule(c1)
	if n := clock.fire(); n != 1 || queued(b) != 1 {
		t.Fatalf("%d calls fired, %d results waiting for the UI; want c1's figures ready", n, queued(b))
	}
	r.schedule(c2) // the case changed meanwhile
	b.drain()
	if len(applied) != 0 {
		t.Fatalf("the figures of a case changed since were shown")
	}
	clock.fire()
	b.drain()
	if len(applied) != 1 || applied[0] != c2 {
		t.Errorf("applied %d results; want only the newest case's", len(applied))
	}
}

// handClock holds the calls a recalculator asks for until the test fires
// them, on its own goroutine.
type handClock struct {
	mu      sync.Mutex
	pending []*handTimer
}

type handTimer struct {
	f       func()
	stopped bool
}

func (t *handTimer) Stop() bool {
	was := !t.stopped
	t.stopped = true
	return was
}

func (c *handClock) after(_ time.Duration, f func()) timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &handTimer{f: f}
	c.pending = append(c.pending, t)
	return t
}

// fire makes the calls not stopped, whatever their delay, and reports how
// many.
func (c *handClock) fire() int {
	c.mu.Lock()
	pending := c.pending
	c.pending = nil
	c.mu.Unlock()
	n := 0
	for _, t := range pending {
		if !t.stopped {
			t.stopped = true
			t.f()
			n++
		}
	}
	return n
}

func TestPaperDefaultsToTheLocales(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{{"en_US.UTF-8", "letter"}, {"de_DE.UTF-8", "a4"}} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_PAPER", "")
		t.Setenv("LANG", tt.lang)
		h := english(t)
		if got := h.u.prefs.paper(); got != tt.want {
			t.Errorf("LANG=%s: paper %q before any choice, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestSettingsChangeTheCaseAndThePreferences(t *testing.T) {
	h := english(t)
	u := h.u
	u.onSettings()
	s := h.shown.settings
	s.theme.SetSelected("Dark")
	if u.prefs.theme() != "dark" {
		t.Errorf("theme preference %q", u.prefs.theme())
	}
	s.paper.SetSelected("Letter")
	if u.prefs.paper() != "letter" {
		t.Errorf("paper preference %q", u.prefs.paper())
	}
	s.rate.SetText("6.5 %")
	if u.prefs.discountRate() != 0.065 {
		t.Errorf("default discount rate %v", u.prefs.discountRate())
	}
	s.rate.SetText("150 %")
	if visibleText(s.rateEr) == "" {
		t.Error("a default discount rate of 150 % was accepted")
	}
	// The case's own discount rate is an edit, undone like any other.
	for _, b := range s.form.Fields() {
		if n, ok := b.(*form.NumberField); ok && n.Path() == "discountRate" {
			n.Entry().SetText("12 %")
		}
	}
	if u.doc.c.DiscountRate != 0.12 {
		t.Errorf("case discount rate %v", u.doc.c.DiscountRate)
	}
	s.locale.SetSelected(numberLocales[4].name) // Deutsch
	if u.lang().String() != "de-DE" {
		t.Errorf("number language %v", u.lang())
	}
	u.onUndo()
	if u.doc.c.DiscountRate != 0.1 {
		t.Errorf("undo left the discount rate at %v", u.doc.c.DiscountRate)
	}
	// Closing the settings lays the window out again in the new language.
	s.dlg.Hide()
	if got := h.entryAt(casebuilder.StepPain, "pain.inputs.annualQuota").Text; got != "600.000" {
		t.Errorf("after choosing German numbers the quota shows %q", got)
	}
	if got := u.headline.pain.Text; !strings.Contains(got, ",") {
		t.Errorf("the headline still writes %q the English way", got)
	}
}

func TestUseDefaultClearsAnInputBackToItsRuleOfThumb(t *testing.T) {
	h := english(t)
	u := h.u
	sep := h.entryAt(casebuilder.StepPain, "pain.inputs.separationCost")
	h.retype(sep, "9,000")
	h.settle()
	pain := u.screens[casebuilder.StepPain].(*painScreen)
	if got := u.analysis.res.Pain.Working; stepKind(got, "separationCost") != casebuilder.WorkingInput {
		t.Fatalf("a typed separation cost shows as %q", stepKind(got, "separationCost"))
	}
	reset := pain.resets["separationCost"]
	if !reset.Visible() {
		t.Fatal("no Use default for an input with a rule of thumb")
	}
	test.Tap(reset)
	h.settle()
	if _, ok := u.doc.c.Pain.Inputs["separationCost"]; ok {
		t.Error("Use default left the input in the case")
	}
	// The rule of thumb is a month of salary: 68,000 / 12.
	for _, st := range u.analysis.res.Pain.Working {
		if st.Key == "separationCost" && (st.Kind != casebuilder.WorkingDefault || math.Abs(st.Value-68000.0/12) > 1e-9) {
			t.Errorf("after Use default the working shows %v = %v", st.Kind, st.Value)
		}
	}
	if sep.Text != "" || reset.Visible() {
		t.Errorf("after Use default the field shows %q (reset shown %v)", sep.Text, reset.Visible())
	}
}

func stepKind(steps []casebuilder.WorkingLine, key string) casebuilder.WorkingKind {
	for _, s := range steps {
		if s.Key == key {
			return s.Kind
		}
	}
	return ""
}

func TestTheHeatMapFiltersTheRisks(t *testing.T) {
	h := english(t)
	u := h.u
	rs := shownScreen[*risksScreen](h, casebuilder.StepRisks)
	// The turnover sample has two risks of likelihood "possible" (3) and
	// impact 4: managers (40 %) and the retention award (50 %).
	left, top, cell := heatGeometry(rs.heat.Size())
	at := fyne.NewPos(left+3.5*cell, top+(5-3)*cell+cell/2)
	test.TapAt(rs.heat, at)
	var shown []string
	for _, i := range rs.md.List.Shown() {
		shown = append(shown, u.doc.c.Risks[i].ID)
	}
	if !slices.Equal(shown, []string{"managers", "entitlement"}) {
		t.Errorf("the cell possible × 4 lists %v", shown)
	}
	test.TapAt(rs.heat, at) // again: all of them
	if len(rs.md.List.Shown()) != len(u.doc.c.Risks) {
		t.Errorf("tapping the cell again lists %d of %d risks", len(rs.md.List.Shown()), len(u.doc.c.Risks))
	}
}

func TestSaveShortcutSavesInPlace(t *testing.T) {
	h := english(t)
	u := h.u
	path := tempCase(t, "case.hrcase")
	h.save(path)
	h.retype(h.entryAt(casebuilder.StepContext, "version"), "2.0")
	shortcut(h, fyne.KeyS)
	h.waitFiles()
	c, err := casebuilder.Load(path)
	if err != nil || c.Version != "2.0" || u.doc.modified() {
		t.Errorf("Ctrl+S wrote version %q (%v); modified %v", c.Version, err, u.doc.modified())
	}
	if _, err := os.Stat(path + casebuilder.BackupSuffix); err != nil {
		t.Errorf("no backup of the previous version: %v", err)
	}
}

func TestSaveAsAsksNameAndFolderAndKeepsWhatItReplaces(t *testing.T) {
	h := english(t)
	u := h.u
	dir := t.TempDir()
	sc := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	h.w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
	d := h.shown.saveAs
	if d == nil {
		t.Fatal("Ctrl+Shift+S asked nothing")
	}
	if !strings.HasSuffix(d.name.Text, ".hrcase") {
		t.Errorf("suggested name %q", d.name.Text)
	}
	d.folder = dir
	d.name.SetText("first draft")
	test.Tap(d.save)
	h.waitFiles()
	path := filepath.Join(dir, "first draft.hrcase")
	if u.doc.path != path || u.doc.modified() {
		t.Fatalf("saved as %q (modified %v)", u.doc.path, u.doc.modified())
	}
	before, _ := os.ReadFile(path)

	// Saving as an existing file asks first, and keeps the old one beside it.
	h.retype(h.entryAt(casebuilder.StepContext, "version"), "9")
	u.saveAs(nil)
	d = h.shown.saveAs
	d.folder = dir
	other := filepath.Join(dir, "other.hrcase")
	os.WriteFile(other, before, 0o600)
	d.name.SetText("other")
	test.Tap(d.save)
	h.waitFiles()
	if h.shown.replace == nil || u.doc.path != path {
		t.Fatal("saving over another file did not ask first")
	}
	h.shown.replace.Confirm()
	h.waitFiles()
	if u.doc.path != other {
		t.Fatalf("the case is now %q", u.doc.path)
	}
	if bak, _ := os.ReadFile(other + casebuilder.BackupSuffix); !bytes.Equal(bak, before) {
		t.Error("the replaced file's backup is not its previous content")
	}
	d.name.SetText("a/b")
	test.Tap(d.save)
	h.waitFiles()
	if msg := visibleText(d.problem); !strings.Contains(msg, "file name only") {
		t.Errorf("a name with a folder: %q", msg)
	}
}

func TestClosingANewCaseAsksWhereToSaveIt(t *testing.T) {
	h := english(t)
	u := h.u
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Never saved")
	u.onClose()
	test.Tap(h.shown.prompt.save)
	h.waitFiles()
	if h.shown.saveAs == nil || h.closed {
		t.Fatalf("Save for a case with no file: dialog %v, closed %v", h.shown.saveAs != nil, h.closed)
	}
	h.shown.saveAs.folder = t.TempDir()
	h.shown.saveAs.name.SetText("kept")
	test.Tap(h.shown.saveAs.save)
	h.waitFiles()
	if !h.closed {
		t.Fatal("the window stayed open after saving")
	}
	if c, err := casebuilder.Load(filepath.Join(h.shown.saveAs.folder, "kept.hrcase")); err != nil || c.Title != "Never saved" {
		t.Errorf("saved %v, %v", c, err)
	}
}

// TestTheMethodFromHelpDoesNotClaimTheSampleIsOpen checks that the first
// start's welcome offers the sample it opened, and that Help › The method,
// with the user's own case open, explains the method without saying a
// sample is open or offering to explore it.
func TestTheMethodFromHelpDoesNotClaimTheSampleIsOpen(t *testing.T) {
	h := start(t, Options{})
	shown := func() (text string, buttons []string) {
		top := h.w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no dialog is shown")
		}
		walk(top, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.RichText:
				text += x.String()
			case *widget.Button:
				if x.Visible() {
					buttons = append(buttons, x.Text)
				}
			case *form.Button:
				if x.Visible() {
					buttons = append(buttons, x.Text)
				}
			}
			return true
		})
		return text, buttons
	}
	text, buttons := shown()
	if !strings.Contains(text, "sample case is open") || !slices.Contains(buttons, "Explore the sample") {
		t.Errorf("the first start's welcome says %q with buttons %q, want it to offer the sample it opened", text, buttons)
	}
	h.dismissWelcome()

	h.u.replaceCase(h.u.blankCase(), "")
	h.u.showMethod()
	text, buttons = shown()
	if !strings.Contains(text, "1. Context") || !strings.Contains(text, "8. Review") {
		t.Errorf("Help › The method says %q, want the steps of the method", text)
	}
	if strings.Contains(text, "sample") || slices.Contains(buttons, "Explore the sample") {
		t.Errorf("with a blank case open, Help › The method says %q with buttons %q: it speaks of a sample that is not open", text, buttons)
	}
	if !slices.Contains(buttons, "Close") {
		t.Errorf("Help › The method has buttons %q, want Close", buttons)
	}
}

// TestABlankCaseRecommendsNothingYet checks that a case with only the
// do-nothing baseline shows no recommendation in the headline (not "Do
// nothing (highest NPV)") and says why its charts are empty, until an
// alternative is added.
func TestABlankCaseRecommendsNothingYet(t *testing.T) {
	h := english(t)
	u := h.u
	h.replace(u.blankCase())
	if got := u.headline.recommended.Text; got != "No alternative yet" {
		t.Errorf("a blank case's headline recommends %q, want No alternative yet", got)
	}
	if got := u.headline.npv.Text; got != "—" {
		t.Errorf("a blank case's headline NPV is %q, want —", got)
	}
	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	says := func(c *chart.Chart) string {
		var s string
		for _, o := range test.WidgetRenderer(c).Objects() {
			if t, ok := o.(*canvas.Text); ok {
				s += t.Text
			}
		}
		return s
	}
	for _, c := range []*chart.Chart{cmp.npvChart, cmp.flowChart} {
		if got := says(c); !strings.HasPrefix(got, "No alternative to doing nothing yet") {
			t.Errorf("an empty chart says %q, want that there is no alternative yet", got)
		}
	}

	alts := shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	test.Tap(alts.md.List.AddButton())
	h.settle()
	// An alternative with no lines yet has no figures: the headline says
	// what they wait for (TestUntouchedLinesInventNoMoney).
	if got := u.headline.recommended.Text; got == "No alternative yet" || !strings.Contains(u.headline.recommendedCaption.Text, "waits for its costs and benefits") {
		t.Errorf("with an alternative added the headline recommends %q, caption %q", got, u.headline.recommendedCaption.Text)
	}
	u.goTo(casebuilder.StepCompare)
	if got := says(cmp.npvChart); strings.Contains(got, "No alternative") {
		t.Errorf("with an alternative the NPV chart still says %q", got)
	}

	// A cost and no benefit: its NPV is below zero, and until one is
	// chosen doing nothing is recommended. The recommendation's own
	// figures say so; they do not say that there is no alternative.
	test.Tap(button(t, alts.costs.Box(), "Add cost line"))
	h.retype(h.entryAt(casebuilder.StepAlternatives, "alternatives[1].costs[0].amount"), "50k")
	h.settle()
	u.goTo(casebuilder.StepCompare)
	fiscal := ""
	for _, o := range cmp.fiscal.Objects {
		if l, ok := o.(*widget.Label); ok {
			fiscal += l.Text
		}
	}
	for what, got := range map[string]string{"money by fiscal year": fiscal, "break-even": cmp.key.Text, "drivers": cmp.drivers.Text} {
		if !strings.HasPrefix(got, "The recommendation is to do nothing, which has no ") {
			t.Errorf("with doing nothing recommended, the %s says %q", what, got)
		}
	}
}

// TestSuggestedFileNameEndsOnAWord checks the file name Save As and Export
// suggest for an untitled case: the title's words, cut between two of them
// when it is long, not in the middle of one.
func TestSuggestedFileNameEndsOnAWord(t *testing.T) {
	h := english(t)
	for _, tt := range []struct{ title, want string }{
		{"Cutting sales turnover with structured onboarding and coaching", "cutting-sales-turnover-with-structured"},
		{"Ramp-up: 11 months → 6!", "ramp-up-11-months-6"},
		{"Onboarding", "onboarding"},
		{"Averyveryveryveryveryveryverylongsinglewordtitle", "averyveryveryveryveryveryverylongsinglew"},
		{"€€€", "business-case"},
	} {
		if err := h.u.edit(casebuilder.Where{Step: casebuilder.StepContext, Path: "title"}, "", func(c *casebuilder.Case) error {
			c.Title = tt.title
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if got := h.u.suggestedName(); got != tt.want {
			t.Errorf("title %q suggests %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestEvidenceSourcesAreShownWhole checks that a source too long for one
// line of its column wraps within the row, rather than being cut off at
// the column's edge.
func TestEvidenceSourcesAreShownWhole(t *testing.T) {
	h := english(t)
	pain := shownScreen[*painScreen](h, casebuilder.StepPain)
	long := 0
	for i, f := range pain.evidence.Rows() {
		for _, b := range f.Fields() {
			tf, ok := b.(*form.TextField)
			if !ok || !strings.HasSuffix(tf.Path(), ".source") {
				continue
			}
			e := tf.Entry()
			need := fyne.MeasureText(e.Text, theme.TextSize(), fyne.TextStyle{}).Width
			if need <= e.Size().Width-2*theme.InnerPadding() {
				continue
			}
			long++
			if !e.MultiLine || e.Wrapping != fyne.TextWrapWord {
				t.Errorf("evidence %d: the source %q needs %.0f of %.0f and is cut off", i, e.Text, need, e.Size().Width)
			}
		}
	}
	if long == 0 {
		t.Fatal("no source of the sample is longer than its column: the test checks nothing")
	}
}

// TestAlternativeChoicesAreReadable checks, on the Alternatives step at
// the size the window opens, that no drop-down of a cost or benefit line
// cuts its choice short ("Every mo…", "Changes an input of th…"), for any
// input of the pain a benefit can change, and that the captions over a
// benefit's input are whole.
func TestAlternativeChoicesAreReadable(t *testing.T) {
	h := english(t)
	u := h.u
	alts := shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	pad := theme.InnerPadding()
	check := func(what string) {
		t.Helper()
		walkShown(alts.md.Detail, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *form.Select:
				// As Fyne's select lays out its text: beside the icon, within
				// the padding.
				need := fyne.MeasureText(x.Selected, theme.TextSize(), fyne.TextStyle{}).Width + 3*pad + theme.IconInlineSize()
				if need > x.Size().Width {
					t.Errorf("%s: the drop-down showing %q is %.0f wide, %.0f are needed", what, x.Selected, x.Size().Width, need)
				}
			case *widget.Label:
				if x.Truncation != fyne.TextTruncateOff && x.SizeName == theme.SizeNameCaptionText && strings.Contains(x.Text, " it ") {
					need := fyne.MeasureText(x.Text, theme.CaptionTextSize(), fyne.TextStyle{}).Width + 2*pad
					if need > x.Size().Width {
						t.Errorf("%s: the caption %q is cut short (%.0f of %.0f)", what, x.Text, x.Size().Width, need)
					}
				}
			}
		})
	}
	for i, a := range u.doc.c.Alternatives {
		if !a.DoNothing {
			alts.md.Select(i)
			check(a.Name)
		}
	}
	// Every input a benefit can change, in the first benefit of the first
	// alternative that changes one.
	ai := 1
	alts.md.Select(ai)
	if u.doc.c.Alternatives[ai].Benefits[0].Basis != casebuilder.BenefitPainInput {
		t.Fatal("the sample's first benefit no longer changes an input of the pain")
	}
	for _, key := range casebuilder.CalculatorFor(u.doc.c.Pain.Category).Inputs {
		if err := u.edit(casebuilder.Where{Step: casebuilder.StepAlternatives}, "", func(c *casebuilder.Case) error {
			b := &c.Alternatives[ai].Benefits[0]
			b.Input = key
			// A new value the validation takes for any input: today's.
			v := c.Pain.Inputs[key].Likely
			if _, set := c.Pain.Inputs[key]; !set {
				v = 1
			}
			b.To = casebuilder.Range{Low: v, Likely: v, High: v}
			return nil
		}); err != nil && !errors.Is(err, form.ErrUnchanged) {
			t.Fatalf("changing the input to %s: %v", key, err)
		}
		check("input " + key)
	}
}

// TestExportOutcomeStaysUntilTheUserMovesOn checks that "Exported …" and
// its Open buttons stay in the status bar while the user reads them, even
// when an autosave is done meanwhile, and go once the user moves on to
// another step.
func TestExportOutcomeStaysUntilTheUserMovesOn(t *testing.T) {
	a := test.NewTempApp(t)
	h := startIn(t, a, t.TempDir(), Options{Exporters: fakeExporters(nil)})
	h.dismissWelcome()
	u := h.u
	h.save(filepath.Join(t.TempDir(), "nordwind.hrcase"))
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Changed, not yet saved")
	h.settle()

	u.onExport()
	test.Tap(h.shown.export.exportButton)
	h.settle()
	exported := func() bool {
		return strings.Contains(u.status.message.Text, "Exported the brief and workbook") && len(u.status.actions.Objects) > 0
	}
	if !exported() {
		t.Fatalf("status after export: %q", u.status.message.Text)
	}
	// What used to replace it: the autosave's notice, a few seconds later.
	u.autosave.save()
	h.settle()
	for u.autosave.writing {
		h.settle()
	}
	if u.autosave.last != u.doc.c {
		t.Fatal("the autosave did not run")
	}
	if !exported() {
		t.Errorf("an autosave replaced the export's outcome with %q", u.status.message.Text)
	}
	button(t, u.status.box, "Open brief")

	u.goTo(casebuilder.StepPain)
	if exported() || len(u.status.actions.Objects) > 0 {
		t.Errorf("after moving to another step the status still reads %q, with %d buttons", u.status.message.Text, len(u.status.actions.Objects))
	}
}
