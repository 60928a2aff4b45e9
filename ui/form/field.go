package form

import (
	"errors"
	"image/color"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	// The wheel over an entry scrolls the form, as it does elsewhere.
	for _, w := range widgets {
		switch e := w.(type) {
		case *Entry:
			e.wheelTo(f.host, e)
		case *DateEntry:
			e.Entry.wheelTo(f.host, e)
		}
	}
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
func (d *Field) ShowProblem(err error) { d.problem.explain(err, d.path, d.form.host.Describe) }

// leave ends the run of typing in b, the field d is part of, as the focus
// leaves it, and shows its value afresh (tidied) unless the last edit was
// refused, whose text stays for the user to mend.
func (d *Field) leave(b Binder) {
	d.form.host.EndTyping()
	if d.Problem() == "" {
		b.Refresh(d.form.Case(), true)
	}
}

// ShowNote shows text under the field, where why an edit was refused
// goes, until the next edit of it.
func (d *Field) ShowNote(text string) {
	d.problem.SetText(text)
	d.problem.Show()
}

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
// can tidy what was typed and end its undo step, and, on a form, lets the
// wheel over it scroll the form.
type Entry struct {
	widget.Entry
	// OnBlur, when set, is called when the entry loses the focus.
	OnBlur func()
	// wheel, when set, is told of the wheel turned over the entry, which
	// Fyne would give to the entry's own scroller, to no effect on a line
	// that fits.
	wheel func(ev *fyne.ScrollEvent)
	// reveal, when set, scrolls the entry into view as it gains the focus.
	reveal  func()
	focused bool
	// maxRunes, when above 0, is the most characters the entry takes: a
	// paste is cut there, and onTooLong is told how much of it was kept
	// and how long it was (0 for a character typed into a full entry).
	maxRunes  int
	onTooLong func(kept, pasted int)
	// minRows and maxRows, when maxRows is above 0, are the fewest and
	// the most lines a text of several lines shows: between them, as many
	// as its text takes at the entry's width (see Grow).
	minRows, maxRows int
	rows             int
	// oneLine marks a text of one line shown wrapped over several (see
	// NewWrappedLine): Enter makes no line break in it, nor does a paste.
	oneLine bool
	// fitted is what the rows were last fitted to: a layout resizes every
	// entry, and a keystroke reaches fit twice (as typed, and as changed).
	fitted struct {
		text        string
		width, size float32
	}
}

// Grow makes an entry of several lines as tall as its text, wrapped at its
// width, from the rows it was made with up to maxRows lines; a longer text
// scrolls in it. A finding cut at its third line, in a box of its own
// with a scroll bar, is a finding nobody reads whole.
func (e *Entry) Grow(maxRows int) {
	e.minRows, e.maxRows = max(e.minRows, 1), maxRows
	e.fitted.text, e.fitted.width = "", 0 // fit again, to the new bounds
	e.fit()
}

// Resize is the entry's, and fits its lines to the new width.
func (e *Entry) Resize(size fyne.Size) {
	e.Entry.Resize(size)
	e.fit()
}

// fit shows as many lines as a growing entry's text needs at its width:
// the rows whose height holds its text as a label of the entry's width
// wraps it (the entry wraps it the same way), less the padding both have.
func (e *Entry) fit() {
	if e.maxRows <= 0 || e.Size().Width <= 0 {
		return
	}
	text := e.Text
	if text == "" {
		text = e.PlaceHolder
	}
	key := e.fitted
	key.text, key.width, key.size = text, e.Size().Width, theme.TextSize()
	if key == e.fitted {
		return
	}
	e.fitted = key
	probe := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, e.TextStyle)
	probe.Wrapping = e.Wrapping
	probe.Resize(fyne.NewSize(e.Size().Width, probe.MinSize().Height))
	need := probe.MinSize().Height - 2*theme.InnerPadding()
	line := fyne.MeasureText("M", theme.TextSize(), e.TextStyle).Height
	// (a hundredth of a row less: a text of exactly n rows is n, not n+1)
	rows := min(max(int(math.Ceil(float64(need/line)-0.01)), e.minRows), e.maxRows)
	if rows == e.rows {
		return
	}
	grew := rows > e.rows
	e.rows = rows
	e.SetMinRowsVisible(rows)
	if grew && e.focused && e.reveal != nil {
		e.reveal() // the line being typed stays in view as the box grows
	}
}

// MaxLine is the most characters a one-line entry takes. Past some
// thousands of characters a line of text is wider than the largest
// texture a graphics card draws, and shows as a black bar; a name or a
// title this long has a story in it, which belongs in a text of several
// lines.
const MaxLine = 500

// Limit makes the entry take at most n characters: what is typed past
// them is not taken, and a paste is cut to fit; tooLong is then called
// with how many characters of the paste were kept and how many it had, or
// 0 and 0 for a character typed.
func (e *Entry) Limit(n int, tooLong func(kept, pasted int)) {
	e.maxRunes, e.onTooLong = n, tooLong
}

// room is how many characters can be added in place of the selection.
func (e *Entry) room() int {
	return e.maxRunes - utf8.RuneCountInString(e.Text) + utf8.RuneCountInString(e.SelectedText())
}

// TypedRune types r, unless the entry is full.
func (e *Entry) TypedRune(r rune) {
	if e.maxRunes > 0 && e.room() <= 0 {
		if e.onTooLong != nil {
			e.onTooLong(0, 0)
		}
		return
	}
	e.Entry.TypedRune(r)
	e.fit()
}

// wheelTo makes the wheel over the entry scroll what holds self (the
// entry, or the widget it is part of) as host finds it; in a text of
// several lines being typed in, it scrolls the text.
func (e *Entry) wheelTo(host Host, self fyne.CanvasObject) {
	e.wheel = func(ev *fyne.ScrollEvent) { host.Scroll(self, ev) }
	if r, ok := host.(Revealer); ok {
		e.reveal = func() { r.Reveal(self) }
	}
}

// OnHost makes an entry that is no field of a form (a row that edits the
// case only when a button is pressed) behave as a field does on host's
// screen: the wheel over it scrolls the screen, and Tab into it scrolls it
// into view.
func (e *Entry) OnHost(host Host) { e.wheelTo(host, e) }

// Revealer is a host that can scroll a widget of a form into view; an
// entry given the focus (by Tab, say) asks it to.
type Revealer interface {
	Reveal(w fyne.CanvasObject)
}

// CreateRenderer is the entry's, with a layer over it that takes the
// wheel (and nothing else: taps, hovering and drags reach the entry),
// made before the entry is on a form.
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	w := &wheelLayer{entry: e}
	w.FillColor = color.Transparent
	return &wheelRenderer{WidgetRenderer: r, layer: w}
}

// FocusGained notes that the entry is being typed in.
func (e *Entry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
	if e.reveal != nil {
		e.reveal()
	}
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
	e.minRows, e.rows = rows, rows
	e.SetMinRowsVisible(rows)
	return e
}

// NewWrappedLine returns an entry for a text of one line, a sentence
// such as the decision asked for, that wraps its words over as many rows
// as it takes rather than running on out of sight: Enter in it is the
// window's, as in a one-line entry, and a pasted line break is a space.
func NewWrappedLine() *Entry {
	e := NewMultiLineEntry(1)
	e.oneLine = true
	return e
}

// FocusLost tells the field that typing in it has ended.
func (e *Entry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// AcceptsTab is false: Tab moves to the next field, in a text of several
// lines too, rather than typing a tab into it.
func (e *Entry) AcceptsTab() bool { return false }

// TypedKey passes Escape on to the window, so that it closes a dialog
// with the focus in one of its entries too, and Enter in a one-line entry
// with no OnSubmitted, so that it confirms the dialog's default button;
// other keys are the entry's (Enter in a text of several lines is a new
// line).
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if toWindow(e, ev, (!e.MultiLine || e.oneLine) && e.OnSubmitted == nil) {
		return
	}
	if e.oneLine && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) {
		if e.OnSubmitted != nil {
			e.OnSubmitted(e.Text)
		}
		return // no line break in a line
	}
	e.Entry.TypedKey(ev)
	e.fit()
}

// TypedShortcut pastes a text with its tabs made spaces, leaving the
// clipboard as it was, and passes other shortcuts to the entry.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	p, ok := s.(*fyne.ShortcutPaste)
	if !ok || p.Clipboard == nil {
		e.Entry.TypedShortcut(s) // cut and undo change the text too
		e.fit()
		return
	}
	clip := cut{Clipboard: p.Clipboard, n: -1, oneLine: e.oneLine}
	pasted := 0
	if e.maxRunes > 0 {
		pasted = utf8.RuneCountInString(clip.Content())
		if room := max(e.room(), 0); pasted > room {
			clip.n = room
		}
	}
	e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	e.fit()
	if clip.n >= 0 && e.onTooLong != nil {
		e.onTooLong(clip.n, pasted)
	}
}

// cut is a clipboard whose text has spaces for its tabs (and for its line
// breaks, when oneLine is set) and, where n is not negative, only its
// first n characters.
type cut struct {
	fyne.Clipboard
	n       int
	oneLine bool
}

// Content is the clipboard's text with spaces for its tabs, cut.
func (c cut) Content() string {
	s := strings.ReplaceAll(c.Clipboard.Content(), "\t", " ")
	if c.oneLine {
		s = oneLine(s)
	}
	if c.n < 0 {
		return s
	}
	i := 0
	for k := range s {
		if i == c.n {
			return s[:k]
		}
		i++
	}
	return s
}

// SetText is the entry's, and fits its lines to the new text.
func (e *Entry) SetText(text string) {
	e.Entry.SetText(text)
	e.fit()
}

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

// wheelLayer lies over an entry and takes the wheel, which Fyne gives to
// the uppermost object that scrolls.
type wheelLayer struct {
	canvas.Rectangle
	entry *Entry
	inner fyne.Scrollable // the entry's own scroller
}

// Scrolled scrolls the text of several lines being typed in, when it has
// more lines than it shows, and otherwise what holds the entry; an entry
// on no form scrolls as Fyne's does.
func (w *wheelLayer) Scrolled(ev *fyne.ScrollEvent) {
	e := w.entry
	// A growing entry shows its whole text until it has its most lines.
	scrolls := e.MultiLine && e.focused && (e.maxRows <= 0 || e.rows >= e.maxRows)
	if (e.wheel == nil || scrolls) && w.inner != nil {
		w.inner.Scrolled(ev)
		return
	}
	if w.entry.wheel != nil {
		w.entry.wheel(ev)
	}
}

// wheelRenderer is an entry's renderer with the wheel layer over it.
type wheelRenderer struct {
	fyne.WidgetRenderer
	layer *wheelLayer
	objs  []fyne.CanvasObject
}

func (r *wheelRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.layer.Move(fyne.Position{})
	r.layer.Resize(size)
}

func (r *wheelRenderer) Objects() []fyne.CanvasObject {
	r.objs = append(r.objs[:0], r.WidgetRenderer.Objects()...)
	if r.layer.inner == nil {
		for _, o := range r.objs {
			if s, ok := o.(fyne.Scrollable); ok {
				r.layer.inner = s
			}
		}
	}
	return append(r.objs, r.layer)
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
	l.explain(err, path, func(p string) string { return p })
}

// explain is Explain with the places of problems elsewhere named by
// describe.
func (l *ErrorLabel) explain(err error, path string, describe func(path string) string) {
	if err == nil || errors.Is(err, ErrUnchanged) {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	l.SetText(refusal(err, path, describe))
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
func refusal(err error, path string, describe func(path string) string) string {
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
		case p.Path == path || within(p.Path, path):
			// The field's own problem, or one of a part of it (an
			// anchor's milestone): it needs no path.
			msgs = append(msgs, Capital(p.Message))
		case p.Path == "":
			msgs = append(msgs, "This would make "+p.Message) // of the case as a whole
		default:
			msgs = append(msgs, "This would make "+describe(p.Path)+": "+p.Message)
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

// oneLine is s with a space for each of its line breaks.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
