package ui

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
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
		now:         func() time.Time { return time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC) },
		recalcDelay: time.Millisecond,
		fullDelay:   5 * time.Millisecond,
	})
	t.Cleanup(h.u.recalc.stop) // no simulation outlives its test
	h.w.Resize(fyne.NewSize(1240, 800))
	return h
}

// settle waits until the figures on screen are those of the case as it is.
func (h *harness) settle() {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.bridge.drain()
		if h.u.analysis.c == h.u.doc.c && !h.u.exporting {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatal("the figures never caught up with the case")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// settleFull waits until the whole analysis, simulation included, is of
// the case as it is.
func (h *harness) settleFull() {
	h.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		h.bridge.drain()
		if h.u.analysis.c == h.u.doc.c && h.u.fullIsCurrent() && !h.u.exporting {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatal("the whole analysis never caught up with the case")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// dismissWelcome closes the welcome shown on the first start.
func (h *harness) dismissWelcome() {
	h.t.Helper()
	if h.u.welcome == nil {
		h.t.Fatal("no welcome was shown")
	}
	h.u.welcome.Hide()
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

// entryAt returns the entry of the field at path.
func (h *harness) entryAt(step casebuilder.MethodStep, path string) *entry {
	h.t.Helper()
	e, ok := h.field(step, path).(*entry)
	if !ok {
		h.t.Fatalf("the field at %s is not an entry", path)
	}
	return e
}

// dateAt returns the date entry of the field at path.
func (h *harness) dateAt(step casebuilder.MethodStep, path string) *dateEntry {
	h.t.Helper()
	e, ok := h.field(step, path).(*dateEntry)
	if !ok {
		h.t.Fatalf("the field at %s is not a date entry", path)
	}
	return e
}

// typeable is an entry of the app: *entry or *dateEntry.
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

// errorBeside returns the message shown under the field of entry e, or "".
func errorBeside(u *UI, e fyne.Focusable) string {
	for _, s := range u.screens {
		if msg, ok := findError(s, e); ok {
			return msg
		}
	}
	return ""
}

// findError looks through a screen's forms for the field of e.
func findError(s screen, e fyne.Focusable) (string, bool) {
	for _, f := range formsOf(s) {
		for _, b := range f.fields {
			switch x := b.(type) {
			case *textField:
				if x.entry == e {
					return visibleText(x.err), true
				}
			case *numberField:
				if x.entry == e {
					return visibleText(x.err), true
				}
			case *rangeField:
				if x.low == e || x.likely == e || x.high == e {
					return visibleText(x.err), true
				}
			case *monthField:
				if x.entry == e {
					return visibleText(x.err), true
				}
			case *dateField:
				if x.entry == e {
					return visibleText(x.err), true
				}
			}
		}
	}
	return "", false
}

func visibleText(l *errorLabel) string {
	if !l.Visible() {
		return ""
	}
	return l.Text
}

// formsOf returns every form of a screen, its tables' rows included.
func formsOf(s screen) []*form {
	var out []*form
	tables := func(ts ...*rowTable) {
		for _, t := range ts {
			if t != nil {
				out = append(out, t.forms...)
			}
		}
	}
	switch x := s.(type) {
	case *contextScreen:
		out = append(out, x.form)
		tables(x.objectives)
		tables(x.lists...)
	case *painScreen:
		out = append(out, x.form, x.inputs)
		tables(x.evidence)
	case *alternativesScreen:
		out = append(out, x.form)
		tables(x.costs, x.benefits)
	case *compareScreen:
		out = append(out, x.form)
		tables(x.criteria)
	case *risksScreen:
		out = append(out, x.form)
	case *planScreen:
		out = append(out, x.form, x.others)
		tables(x.resources, x.stakeholders)
	case *measuresScreen:
		out = append(out, x.form)
		tables(x.contributors)
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
	var children []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if !walk(c, visit) {
			return false
		}
	}
	return true
}

// tempCase returns a path for a case file in a fresh folder.
func tempCase(t *testing.T, name string) string {
	return filepath.Join(t.TempDir(), name)
}

// title is the window's title.
func (h *harness) title() string { return h.w.Title() }
