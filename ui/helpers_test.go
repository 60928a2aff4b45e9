package ui

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// queueBridge keeps what goroutines hand to the UI until the test runs it
// on its own goroutine, as Fyne's event loop would.
type queueBridge struct {
	mu    sync.Mutex
	queue []func()
}

func (b *queueBridge) do(fn func()) {
	b.mu.Lock()
	b.queue = append(b.queue, fn)
	b.mu.Unlock()
}

// drain runs what is queued and returns how much it ran.
func (b *queueBridge) drain() int {
	b.mu.Lock()
	q := b.queue
	b.queue = nil
	b.mu.Unlock()
	for _, fn := range q {
		fn()
	}
	return len(q)
}

// harness is the app's window driven headless, with what it opened.
type harness struct {
	t      *testing.T
	u      *UI
	w      fyne.Window
	bridge *queueBridge
	dir    string
	opened []string // what the app asked the desktop to open
	closed bool     // whether the window was closed
	shown  dialogs  // what the app showed last
}

// dialogs are the dialogs the app showed last, and the last error, as its
// test hook tells them.
type dialogs struct {
	prompt    *savePrompt
	newCase   *newCaseDialog
	export    *exportDialog
	saveAs    *saveAsDialog
	replace   *confirmDialog
	recovery  *dialog.ConfirmDialog
	welcome   dialog.Dialog
	stepHelp  *stepHelpShown // the last step's help shown
	settings  *settingsDialog
	lastError string // the message of the last error
	err       error  // the last error itself
}

// record is the app's test hook: it keeps what the app shows.
func (d *dialogs) record(shown any) {
	switch x := shown.(type) {
	case *savePrompt:
		d.prompt = x
	case *newCaseDialog:
		d.newCase = x
	case *exportDialog:
		d.export = x
	case *saveAsDialog:
		d.saveAs = x
	case replaceConfirm:
		d.replace = x.confirmDialog
	case recoveryOffer:
		d.recovery = x.ConfirmDialog
	case methodDialog:
		d.welcome = x.Dialog
	case stepHelpShown:
		d.stepHelp = &x
	case *settingsDialog:
		d.settings = x
	case errorShown:
		d.lastError, d.err = x.message, x.err
	default:
		panic(fmt.Sprintf("the app shows a %T the tests do not know", shown))
	}
}

// start makes the UI in a test window with its own storage folder.
func start(t *testing.T, opts Options) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	return startIn(t, a, t.TempDir(), opts)
}

// testTrials is the number of simulation trials in tests: enough for
// percentiles that mean something, few enough to keep the race detector
// quick.
const testTrials = 2000

// startIn makes the UI in app a, keeping its autosaves in dir.
func startIn(t *testing.T, a fyne.App, dir string, opts Options) *harness {
	t.Helper()
	h := &harness{t: t, bridge: &queueBridge{}, dir: dir}
	a.Preferences().SetInt(prefSimTrials, testTrials)
	// Not test.NewTempWindow: its clean-up closes the window again after a
	// test has closed it.
	h.w = a.NewWindow("")
	h.w.SetOnClosed(func() { h.closed = true })
	t.Cleanup(func() {
		if !h.closed {
			h.w.Close()
		}
	})
	h.u = newUI(a, h.w, opts, deps{
		bridge:      h.bridge,
		dataDir:     dir,
		openURL:     func(u string) error { h.opened = append(h.opened, u); return nil },
		shown:       h.shown.record,
		now:         func() time.Time { return time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC) },
		recalcDelay: time.Millisecond,
		fullDelay:   5 * time.Millisecond,
	})
	t.Cleanup(h.u.recalc.stop) // no simulation outlives its test
	h.w.Resize(fyne.NewSize(1240, 800))
	return h
}

// replace puts c in place of the open case, as a new case with no file,
// and waits until its figures are shown.
func (h *harness) replace(c *casebuilder.Case) {
	h.t.Helper()
	h.u.replaceCase(c, "")
	h.settle()
}

// settle waits until the figures on screen are those of the case as it is.
func (h *harness) settle() {
	h.t.Helper()
	h.waitFor("the figures never caught up with the case", 10*time.Second, func() bool {
		return h.u.analysis.c == h.u.doc.c && !h.u.exporting && h.u.pending == 0
	})
}

// settleFull waits until the whole analysis, simulation included, is of
// the case as it is.
func (h *harness) settleFull() {
	h.t.Helper()
	h.waitFor("the whole analysis never caught up with the case", 30*time.Second, func() bool {
		return h.u.analysis.c == h.u.doc.c && h.u.fullIsCurrent() && !h.u.exporting && h.u.pending == 0
	})
}

// waitFiles waits until the files being written and read are, and what
// they report is shown.
func (h *harness) waitFiles() {
	h.t.Helper()
	h.waitFor("a file was never written or read", 10*time.Second, func() bool { return h.u.pending == 0 })
}

// waitFor runs what goroutines hand to the UI until done, and fails the
// test with why after timeout.
func (h *harness) waitFor(why string, timeout time.Duration, done func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(timeout)
	for h.bridge.drain(); !done(); h.bridge.drain() {
		if time.Now().After(deadline) {
			h.t.Fatal(why)
		}
		time.Sleep(time.Millisecond)
	}
}

// save saves the case to path and waits until it is written; it reports
// whether it was saved.
func (h *harness) save(path string) bool {
	h.t.Helper()
	saved := false
	h.u.saveTo(path, func() { saved = true })
	h.waitFiles()
	return saved
}

// open opens the case file at path and waits until it is read; it reports
// whether it was opened.
func (h *harness) open(path string) bool {
	h.t.Helper()
	opened := false
	h.u.openPath(path, func(ok bool) { opened = ok })
	h.waitFiles()
	return opened
}

// shownScreen goes to a step and returns its screen.
func shownScreen[T screen](h *harness, step casebuilder.MethodStep) T {
	h.u.goTo(step)
	return h.u.screens[step].(T)
}

// dismissWelcome closes the welcome shown on the first start.
func (h *harness) dismissWelcome() {
	h.t.Helper()
	if h.shown.welcome == nil {
		h.t.Fatal("no welcome was shown")
	}
	h.shown.welcome.Hide()
}

// field goes to the field at path, as a link of the review would, and
// returns the widget focused there.
func (h *harness) field(step casebuilder.MethodStep, path string) fyne.Focusable {
	h.t.Helper()
	h.u.reveal(casebuilder.Where{Step: step, Path: path})
	f := h.w.Canvas().Focused()
	if f == nil {
		h.t.Fatalf("no field to focus at %s › %s", step, path)
	}
	return f
}

// stepPath is a field's place: its step and its path.
type stepPath struct {
	step casebuilder.MethodStep
	path string
}

// entryAt returns the entry of the field at path.
func (h *harness) entryAt(step casebuilder.MethodStep, path string) *form.Entry {
	h.t.Helper()
	return fieldAs[*form.Entry](h, step, path, "an entry")
}

// dateAt returns the date entry of the field at path.
func (h *harness) dateAt(step casebuilder.MethodStep, path string) *form.DateEntry {
	h.t.Helper()
	return fieldAs[*form.DateEntry](h, step, path, "a date entry")
}

// fieldAs returns the field at path as the widget it must be, what.
func fieldAs[W fyne.Focusable](h *harness, step casebuilder.MethodStep, path, what string) W {
	h.t.Helper()
	w, ok := h.field(step, path).(W)
	if !ok {
		h.t.Fatalf("the field at %s is not %s", path, what)
	}
	return w
}

// typeable is an entry of the app: *form.Entry or *form.DateEntry.
type typeable interface {
	fyne.Focusable
	SetText(string)
}

// retype replaces what an entry holds by typing text into it, key by key.
func (h *harness) retype(e typeable, text string) {
	h.t.Helper()
	h.w.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

// ownedField is a field that says which widgets are its own and what is
// shown under it: every field type of package form.
type ownedField interface {
	form.Binder
	Owns(w fyne.Focusable) bool
	Problem() string
}

// errorBeside returns the message shown under the field of entry e, or "".
func errorBeside(u *UI, e fyne.Focusable) string {
	for _, s := range u.screens {
		for _, b := range fieldsOf(s) {
			if o, ok := b.(ownedField); ok && o.Owns(e) {
				return o.Problem()
			}
		}
	}
	return ""
}

func visibleText(l *form.ErrorLabel) string { return l.Shown() }

// fieldsOf returns every field of a screen, its tables' rows included.
func fieldsOf(s screen) []form.Binder {
	var out []form.Binder
	for _, f := range formsOf(s) {
		out = append(out, f.Fields()...)
	}
	return out
}

// formsOf returns every form of a screen, its tables' rows included.
func formsOf(s screen) []*form.Form {
	var roots []*form.Form
	switch x := s.(type) {
	case *contextScreen:
		roots = append(roots, x.form)
	case *painScreen:
		roots = append(roots, x.form, x.inputs)
	case *alternativesScreen:
		roots = append(roots, x.md.Form())
	case *compareScreen:
		roots = append(roots, x.form)
	case *risksScreen:
		roots = append(roots, x.md.Form())
	case *planScreen:
		roots = append(roots, x.md.Form(), x.gates.md.Form(), x.others)
	case *measuresScreen:
		roots = append(roots, x.md.Form(), x.others)
	}
	var out []*form.Form
	var add func(f *form.Form)
	add = func(f *form.Form) {
		if f == nil {
			return
		}
		out = append(out, f)
		for _, p := range f.Parts() {
			switch p := p.(type) {
			case *form.Form:
				add(p)
			case *form.Table:
				for _, r := range p.Rows() {
					add(r)
				}
			}
		}
	}
	for _, f := range roots {
		add(f)
	}
	return out
}

// button finds a button by its text among objects, or fails.
func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			found = b
			return false
		}
		if b, ok := o.(*form.Button); ok && b.Text == text && b.Visible() {
			found = &b.Button // the dialogs' own, which Enter presses
			return false
		}
		return true
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// walk visits root and the objects in it, containers and the usual
// widgets, until visit returns false.
func walk(root fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if root == nil || !visit(root) {
		return false
	}
	for _, c := range childrenOf(root) {
		if !walk(c, visit) {
			return false
		}
	}
	return true
}

// childrenOf are the objects in o: a container's, or what a widget's
// renderer draws.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		return test.WidgetRenderer(x).Objects()
	}
	return nil
}

// walkShown visits root and the objects shown in it, passing over what is
// hidden and all it holds.
func walkShown(root fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	var in func(o fyne.CanvasObject)
	in = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		visit(o)
		for _, c := range childrenOf(o) {
			in(c)
		}
	}
	in(root)
}

// tempCase returns a path for a case file in a fresh folder.
func tempCase(t *testing.T, name string) string {
	return filepath.Join(t.TempDir(), name)
}

// title is the window's title.
func (h *harness) title() string { return h.w.Title() }

// loadSample returns one of the sample cases, as the app opens it.
func loadSample(t testing.TB, name string) *casebuilder.Case {
	t.Helper()
	c, err := sampleCase(name)
	if err != nil {
		t.Fatalf("sample %s: %v", name, err)
	}
	return c
}
