// Package form binds widgets to the values of a [casebuilder.Case]: a
// Form is the fields of one part of a screen, each bound to one value by
// the path a problem of the review names it by; a Table shows a short list
// of the case as rows of fields; a MasterDetail shows a long one as a list
// beside the form of the item selected.
//
// A form knows nothing of the window it is on: it reaches the case, and
// changes it, through its [Host]. Every change is an edit of the host's
// case, made on a copy and refused, with the reason beside the field, when
// it would make the case invalid.
//
// A field type embeds [Field], which holds its path, the widgets it owns
// and the label that says why an edit was refused, and reaches its value
// through a [Value]. To add one: make its widgets, call Init with the
// form, the path and the widget to focus first, implement Refresh to show
// the value of the case it is given, make each change with the form's
// Edit and show what it returns with ShowProblem, and Add it to the form;
// [CheckField] is the shortest. A list too long for a [Table] is a
// [MasterDetail]: say how the list is edited with a [List], how an item
// is named in it, and how the form of one item is laid out.
package form

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// ErrUnchanged is returned by a change that leaves the case as it was; the
// host then drops the edit, with no undo step.
var ErrUnchanged = errors.New("unchanged")

// ErrGone is returned when the item a field edits no longer exists (it was
// removed, or undone away, while the field was still on screen).
var ErrGone = errors.New("this item no longer exists")

// Host is what a form needs from the window it is on.
type Host interface {
	// Case is the case as it is now. The host never changes it in place.
	Case() *casebuilder.Case
	// Edit applies change to a copy of the case, made at where. Edits with
	// the same non-empty key that follow each other (typing in one field)
	// make one undo step. It returns ErrUnchanged when change changed
	// nothing, change's error, or the problems the change would add.
	Edit(where casebuilder.Where, key string, change func(c *casebuilder.Case) error) error
	// Parse reads a figure typed in the user's locale (12,500 or 12.5k or
	// 15 %).
	Parse(s string, unit figure.Unit) (float64, error)
	// Format writes a figure for the user to edit, in the same locale.
	Format(v float64, unit figure.Unit) string
	// Language is the user's language for numbers and dates, read anew
	// each time: the user may change it while a form is on screen.
	Language() language.Tag
	// Now is the time now: the calendar of a date not yet given opens on
	// today's month.
	Now() time.Time
	// Focus focuses a widget and scrolls it into view; Focused is the
	// widget that has the focus, if any.
	Focus(w fyne.Focusable)
	Focused() fyne.Focusable
	// Scroll scrolls what holds the field widget w (the screen's page), as
	// the wheel turned over w asks: the wheel scrolls the form wherever
	// the pointer is, over an entry too.
	Scroll(w fyne.CanvasObject, ev *fyne.ScrollEvent)
	// EndTyping ends a run of typing in a field: the next edit is a new
	// undo step.
	EndTyping()
	// ShowError tells the user what failed, why, and what to do about it.
	ShowError(what string, err error, advice string)
	// Describe names a place in the case the way the screens do
	// ("Alternatives › Coaching › cost “Trainers” › amount"), for a
	// message about a field other than the one typed in: a path such as
	// "alternatives[1].costs[0].amount" means nothing to a user.
	Describe(path string) string
	// Refresh shows the case anew on the screen the form is on, replacing
	// what is being typed too.
	Refresh()
}

// Binder is a widget bound to one value of the case.
type Binder interface {
	// Refresh shows the value in c. Unless force is set, a field being
	// typed in keeps what is typed.
	Refresh(c *casebuilder.Case, force bool)
	// Path is where the value lives in the case, as in a Problem's path.
	Path() string
	// FocusTarget is the widget to focus to change the value.
	FocusTarget() fyne.Focusable
}

// Part is a piece of a screen that shows the case and can focus its
// fields: a Form, a Table.
type Part interface {
	// Refresh shows c. Unless force is set, a field being typed in keeps
	// what is typed.
	Refresh(c *casebuilder.Case, force bool)
	// Focus focuses the field at path and reports whether it could.
	Focus(path string) bool
}

// Form is a set of fields bound to values of the case, on one step of the
// method, and the tables within it.
type Form struct {
	host   Host
	step   casebuilder.MethodStep
	fields []Binder
	parts  []Part
}

// New returns an empty form of the host's case, on step.
func New(host Host, step casebuilder.MethodStep) *Form { return &Form{host: host, step: step} }

// Host is the form's host.
func (f *Form) Host() Host { return f.host }

// Case is the host's case as it is now.
func (f *Form) Case() *casebuilder.Case { return f.host.Case() }

// Add adds a field to the form.
func (f *Form) Add(b Binder) { f.fields = append(f.fields, b) }

// Nest adds a part within the form: it is refreshed with the form, and
// focused when none of the form's own fields is.
func (f *Form) Nest(p Part) { f.parts = append(f.parts, p) }

// Fields are the form's fields, in the order they were added.
func (f *Form) Fields() []Binder { return f.fields }

// Parts are the parts nested in the form.
func (f *Form) Parts() []Part { return f.parts }

// Refresh shows the values of c in every field, then in the parts.
func (f *Form) Refresh(c *casebuilder.Case, force bool) {
	for _, b := range f.fields {
		b.Refresh(c, force)
	}
	for _, p := range f.parts {
		p.Refresh(c, force)
	}
}

// Focus focuses the field at path, or else the first whose path is within
// it or holds it, else a field of the parts, and reports whether there was
// one. A field that cannot take the focus (it is hidden, or disabled) is
// passed over for the next.
func (f *Form) Focus(path string) bool {
	var exact, near []Binder
	for _, b := range f.fields {
		switch p := b.Path(); {
		case p == path:
			exact = append(exact, b)
		case p != "" && (within(p, path) || within(path, p)):
			near = append(near, b)
		}
	}
	for _, b := range append(exact, near...) {
		if t := b.FocusTarget(); t != nil {
			f.host.Focus(t)
			if f.host.Focused() == t {
				f.showNote(b)
				return true
			}
		}
	}
	for _, p := range f.parts {
		if p.Focus(path) {
			return true
		}
	}
	return false
}

// Noter is a host that has something to say about the field it has just
// focused (the review's point about it): the field shows it under itself,
// where a refused edit's reason goes, until the next edit of it.
type Noter interface {
	Note() string
}

// showNote shows the host's note under the field b, when it has one.
func (f *Form) showNote(b Binder) {
	n, ok := f.host.(Noter)
	if !ok {
		return
	}
	fd, ok := b.(interface{ ShowNote(text string) })
	if note := n.Note(); ok && note != "" {
		fd.ShowNote(note)
	}
}

// within reports whether path is inside outer: a field of it, or an item.
func within(path, outer string) bool {
	return strings.HasPrefix(path, outer+".") || strings.HasPrefix(path, outer+"[")
}

// Edit applies a change made at path, one undo step of its own.
func (f *Form) Edit(path string, change func(c *casebuilder.Case) error) error {
	return f.host.Edit(casebuilder.Where{Step: f.step, Path: path}, "", change)
}

// typed applies a change typed in the field at path: one undo step for a
// run of typing in it.
func (f *Form) typed(path string, change func(c *casebuilder.Case) error) error {
	return f.host.Edit(casebuilder.Where{Step: f.step, Path: path}, path, change)
}

// Watch calls update now and whenever the form is refreshed: for a part of
// the screen that follows the case (a hint, what is shown or hidden).
// Fields added after it are refreshed after it.
func (f *Form) Watch(update func(c *casebuilder.Case)) {
	w := watcher(update)
	w(f.Case())
	f.Add(w)
}

// watcher is a binder with no field of its own.
type watcher func(c *casebuilder.Case)

func (w watcher) Refresh(c *casebuilder.Case, _ bool) { w(c) }
func (w watcher) Path() string                        { return "" }
func (w watcher) FocusTarget() fyne.Focusable         { return nil }
