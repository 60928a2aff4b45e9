package form

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Field is what every field of a form has: the path of its value, the
// widgets that change it (the first is the one to focus), and the label
// under them that says why an edit was refused. A field type embeds it,
// makes its widgets, calls Init, and implements Refresh.
type Field struct {
	form    *Form
	path    string
	widgets []fyne.Focusable
	problem *ErrorLabel
	box     *fyne.Container
	setting bool
}

// Init sets the field up on form f for the value at path: content is what
// it shows, above the label of its problems, and widgets are the widgets
// in it that change the value, the one to focus first.
func (d *Field) Init(f *Form, path string, content fyne.CanvasObject, widgets ...fyne.Focusable) {
	d.form, d.path, d.widgets = f, path, widgets
	d.problem = NewErrorLabel()
	d.box = container.NewVBox(content, d.problem)
}

// Path is where the field's value lives in the case.
func (d *Field) Path() string { return d.path }

// FocusTarget is the widget to focus to change the value.
func (d *Field) FocusTarget() fyne.Focusable {
	if len(d.widgets) == 0 {
		return nil
	}
	return d.widgets[0]
}

// Owns reports whether w is one of the field's widgets.
func (d *Field) Owns(w fyne.Focusable) bool { return w != nil && slices.Contains(d.widgets, w) }

// Box is the field as it is laid out: its widgets and, under them, why an
// edit was refused.
func (d *Field) Box() *fyne.Container { return d.box }

// Form is the form the field is on.
func (d *Field) Form() *Form { return d.form }

// Problem is why the last edit was refused, as shown under the field; ""
// when it was not.
func (d *Field) Problem() string { return d.problem.Shown() }

// ShowProblem shows why an edit was refused under the field, or hides the
// label when err is nil or ErrUnchanged.
func (d *Field) ShowProblem(err error) { d.problem.Explain(err, d.path) }

// typing reports whether one of the field's widgets is being typed in.
func (d *Field) typing() bool {
	return d.Owns(d.form.host.Focused())
}

// Quietly runs set, which changes what a widget shows, without the
// widget's callback taking it for the user's doing (see Setting).
func (d *Field) Quietly(set func()) {
	d.setting = true
	defer func() { d.setting = false }()
	set()
}

// Setting reports whether the field is changing its widget itself, in
// Quietly: a widget's callback then does nothing.
func (d *Field) Setting() bool { return d.setting }

// Entry is a text entry that says when it loses the focus, so that a field
// can tidy what was typed and end its undo step.
type Entry struct {
	widget.Entry
	// OnBlur, when set, is called when the entry loses the focus.
	OnBlur func()
}

// NewEntry returns a one-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns an entry of rows lines that wraps its words.
func NewMultiLineEntry(rows int) *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// FocusLost tells the field that typing in it has ended.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// AcceptsTab is false: Tab moves to the next field, in a text of several
// lines too, rather than typing a tab into it.
func (e *Entry) AcceptsTab() bool { return false }

// SetQuietly replaces the text without reporting it as typed.
func (e *Entry) SetQuietly(text string) {
	if e.Text == text {
		return
	}
	saved := e.OnChanged
	e.OnChanged = nil
	e.SetText(text)
	e.OnChanged = saved
}

// ErrorLabel shows why an edit was refused, under its field.
type ErrorLabel struct {
	widget.Label
}

// NewErrorLabel returns a hidden error label.
func NewErrorLabel() *ErrorLabel {
	l := &ErrorLabel{}
	l.ExtendBaseWidget(l)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

// Explain shows why an edit of the field at path was refused, or hides
// the label when err is nil or ErrUnchanged.
func (l *ErrorLabel) Explain(err error, path string) {
	if err == nil || errors.Is(err, ErrUnchanged) {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	l.SetText(refusal(err, path))
	l.Show()
}

// Shown is the message shown, "" when the label is hidden.
func (l *ErrorLabel) Shown() string {
	if !l.Visible() {
		return ""
	}
	return l.Text
}

// refusal says why an edit of the field at path was refused: the problem
// at the field itself needs no path, one elsewhere does.
func refusal(err error, path string) string {
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		var ne *figure.NumberError
		if errors.As(err, &ne) {
			return ne.Reason
		}
		return err.Error()
	}
	var msgs []string
	for _, p := range ps {
		switch {
		case p.Path == path:
			msgs = append(msgs, Capital(p.Message))
		default:
			msgs = append(msgs, "This would make "+p.String())
		}
		if len(msgs) == 2 {
			break
		}
	}
	return strings.Join(msgs, "; ")
}

// Capital returns s with its first letter in upper case, however many
// bytes it takes: "équipe" gives "Équipe". A text that does not start
// with a letter in UTF-8 is left as it is.
func Capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
