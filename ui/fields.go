package ui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// errGone is returned when the item a field edits no longer exists (it was
// removed while the field was still on screen).
var errGone = errors.New("this item no longer exists")

// binder is a widget bound to one value of the case.
type binder interface {
	// refresh shows the value in c. Unless force is set, a field being typed
	// in keeps what is typed.
	refresh(c *casebuilder.Case, force bool)
	// path is where the value lives in the case, as in a Problem's path.
	path() string
	// focusTarget is the widget to focus to change the value.
	focusTarget() fyne.Focusable
}

// form is a set of widgets bound to values of the case, on one step.
type form struct {
	u      *UI
	step   casebuilder.MethodStep
	fields []binder
}

func newForm(u *UI, step casebuilder.MethodStep) *form { return &form{u: u, step: step} }

func (f *form) add(b binder) { f.fields = append(f.fields, b) }

// refresh shows the values of c in every field.
func (f *form) refresh(c *casebuilder.Case, force bool) {
	for _, b := range f.fields {
		b.refresh(c, force)
	}
}

// focus focuses the field at path, or the first whose path is within it,
// and reports whether there was one.
func (f *form) focus(path string) bool {
	var best binder
	for _, b := range f.fields {
		p := b.path()
		if p == path {
			best = b
			break
		}
		if best == nil && (strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") ||
			strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[")) {
			best = b
		}
	}
	if best == nil || best.focusTarget() == nil {
		return false
	}
	f.u.focus(best.focusTarget())
	return true
}

// change applies an edit made in the field at path, one undo step per run
// of typing in it.
func (f *form) change(path string, fn func(c *casebuilder.Case) error) error {
	return f.u.edit(casebuilder.Where{Step: f.step, Path: path}, path, fn)
}

// entry is a text entry that says when it loses focus, so that a field can
// tidy what was typed and end its undo step.
type entry struct {
	widget.Entry
	onBlur func()
}

func newEntry() *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry(rows int) *entry {
	e := newEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// FocusLost tells the field that typing in it has ended.
func (e *entry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// setQuietly replaces the text without reporting it as typed.
func (e *entry) setQuietly(text string) {
	if e.Text == text {
		return
	}
	saved := e.OnChanged
	e.OnChanged = nil
	e.SetText(text)
	e.OnChanged = saved
}

// errorLabel shows why an edit was refused, under its field.
type errorLabel struct {
	widget.Label
}

func newErrorLabel() *errorLabel {
	l := &errorLabel{}
	l.ExtendBaseWidget(l)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

// show shows err, or hides the label when err is nil or errUnchanged.
func (l *errorLabel) show(err error, path string) {
	if err == nil || errors.Is(err, errUnchanged) {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	l.SetText(refusal(err, path))
	l.Show()
}

// refusal says why an edit of the field at path was refused: the problem
// at the field itself needs no path, one elsewhere does.
func refusal(err error, path string) string {
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		var ne *casebuilder.NumberError
		if errors.As(err, &ne) {
			return ne.Reason
		}
		return err.Error()
	}
	var msgs []string
	for _, p := range ps {
		switch {
		case p.Path == path:
			msgs = append(msgs, capitalise(p.Message))
		default:
			msgs = append(msgs, "This would make "+p.String())
		}
		if len(msgs) == 2 {
			break
		}
	}
	return strings.Join(msgs, "; ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// textField is an entry bound to a text of the case.
type textField struct {
	f     *form
	at    func() string
	read  func(c *casebuilder.Case) (string, bool)
	write func(c *casebuilder.Case, v string) error
	entry *entry
	err   *errorLabel
	box   *fyne.Container
}

// text binds a one-line entry to the text get returns (nil when the item
// is gone).
func (f *form) text(at func() string, get func(c *casebuilder.Case) *string, placeholder string) *textField {
	return f.newText(newEntry(), at, readString(get), writeString(get), placeholder)
}

// textArea binds a multi-line entry.
func (f *form) textArea(at func() string, get func(c *casebuilder.Case) *string, placeholder string, rows int) *textField {
	return f.newText(newMultiLineEntry(rows), at, readString(get), writeString(get), placeholder)
}

// textWith binds a one-line entry to a text read and written by functions
// (for texts that are not addressable, as in a map).
func (f *form) textWith(at func() string, read func(c *casebuilder.Case) (string, bool), write func(c *casebuilder.Case, v string) error, placeholder string) *textField {
	return f.newText(newEntry(), at, read, write, placeholder)
}

func readString(get func(c *casebuilder.Case) *string) func(c *casebuilder.Case) (string, bool) {
	return func(c *casebuilder.Case) (string, bool) {
		if p := get(c); p != nil {
			return *p, true
		}
		return "", false
	}
}

func writeString(get func(c *casebuilder.Case) *string) func(c *casebuilder.Case, v string) error {
	return func(c *casebuilder.Case, v string) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case *p == v:
			return errUnchanged
		}
		*p = v
		return nil
	}
}

func (f *form) newText(e *entry, at func() string, read func(c *casebuilder.Case) (string, bool), write func(c *casebuilder.Case, v string) error, placeholder string) *textField {
	t := &textField{f: f, at: at, read: read, write: write, entry: e, err: newErrorLabel()}
	e.SetPlaceHolder(placeholder)
	e.OnChanged = t.onChanged
	e.onBlur = f.u.endTyping
	t.box = container.NewVBox(e, t.err)
	t.refresh(f.u.doc.c, true)
	f.add(t)
	return t
}

func (t *textField) onChanged(s string) {
	var err error
	if len(s) > casebuilder.MaxText {
		err = fmt.Errorf("a text holds at most %d characters", casebuilder.MaxText)
	} else {
		err = t.f.change(t.at(), func(c *casebuilder.Case) error { return t.write(c, s) })
	}
	t.err.show(err, t.at())
}

func (t *textField) refresh(c *casebuilder.Case, force bool) {
	if !force && t.f.u.hasFocus(t.entry) {
		return
	}
	if v, ok := t.read(c); ok {
		t.entry.setQuietly(v)
		t.err.show(nil, "")
	}
}

func (t *textField) path() string                { return t.at() }
func (t *textField) focusTarget() fyne.Focusable { return t.entry }

// numberField is an entry bound to a figure of the case, read in the
// user's locale (12,500 or 12.5k or 15 %).
type numberField struct {
	f     *form
	at    func() string
	unit  casebuilder.Unit
	read  func(c *casebuilder.Case) (float64, bool)
	write func(c *casebuilder.Case, v float64) error
	entry *entry
	err   *errorLabel
	box   *fyne.Container
}

// number binds an entry to a float64 of the case.
func (f *form) number(at func() string, unit casebuilder.Unit, get func(c *casebuilder.Case) *float64) *numberField {
	return f.numberWith(at, unit, func(c *casebuilder.Case) (float64, bool) {
		if p := get(c); p != nil {
			return *p, true
		}
		return 0, false
	}, func(c *casebuilder.Case, v float64) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case *p == v:
			return errUnchanged
		}
		*p = v
		return nil
	})
}

// integer binds an entry to an int of the case (months, counts).
func (f *form) integer(at func() string, unit casebuilder.Unit, get func(c *casebuilder.Case) *int) *numberField {
	return f.numberWith(at, unit, func(c *casebuilder.Case) (float64, bool) {
		if p := get(c); p != nil {
			return float64(*p), true
		}
		return 0, false
	}, func(c *casebuilder.Case, v float64) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case v != math.Trunc(v) || math.Abs(v) > 1e9:
			return errors.New("type a whole number")
		case *p == int(v):
			return errUnchanged
		}
		*p = int(v)
		return nil
	})
}

func (f *form) numberWith(at func() string, unit casebuilder.Unit, read func(c *casebuilder.Case) (float64, bool), write func(c *casebuilder.Case, v float64) error) *numberField {
	n := &numberField{f: f, at: at, unit: unit, read: read, write: write, entry: newEntry(), err: newErrorLabel()}
	n.entry.OnChanged = n.onChanged
	n.entry.onBlur = n.onBlur
	n.box = container.NewVBox(n.entry, n.err)
	n.refresh(f.u.doc.c, true)
	f.add(n)
	return n
}

func (n *numberField) onChanged(s string) {
	v, err := n.f.u.parse(s, n.unit)
	if err == nil {
		err = n.f.change(n.at(), func(c *casebuilder.Case) error { return n.write(c, v) })
	}
	n.err.show(err, n.at())
}

// onBlur shows an accepted figure the way the app writes it.
func (n *numberField) onBlur() {
	n.f.u.endTyping()
	if !n.err.Visible() {
		n.refresh(n.f.u.doc.c, true)
	}
}

func (n *numberField) refresh(c *casebuilder.Case, force bool) {
	if !force && n.f.u.hasFocus(n.entry) {
		return
	}
	if v, ok := n.read(c); ok {
		n.entry.setQuietly(n.f.u.editText(v, n.unit))
		n.err.show(nil, "")
	}
}

func (n *numberField) path() string                { return n.at() }
func (n *numberField) focusTarget() fyne.Focusable { return n.entry }

// rangeField is three entries bound to a low / likely / high estimate. Low
// and high left blank are the likely value; likely left blank, where
// allowed, removes the estimate (a calculator input then takes its
// default).
type rangeField struct {
	f                 *form
	at                func() string
	unit              casebuilder.Unit
	read              func(c *casebuilder.Case) (r casebuilder.Range, set, ok bool)
	write             func(c *casebuilder.Case, r casebuilder.Range, set bool) error
	optional          bool
	low, likely, high *entry
	err               *errorLabel
	box               *fyne.Container
}

// estimate binds three entries to a Range of the case.
func (f *form) estimate(at func() string, unit casebuilder.Unit, get func(c *casebuilder.Case) *casebuilder.Range) *rangeField {
	return f.estimateWith(at, unit, false, func(c *casebuilder.Case) (casebuilder.Range, bool, bool) {
		if p := get(c); p != nil {
			return *p, true, true
		}
		return casebuilder.Range{}, false, false
	}, func(c *casebuilder.Case, r casebuilder.Range, _ bool) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case *p == r:
			return errUnchanged
		}
		*p = r
		return nil
	})
}

func (f *form) estimateWith(at func() string, unit casebuilder.Unit, optional bool,
	read func(c *casebuilder.Case) (casebuilder.Range, bool, bool),
	write func(c *casebuilder.Case, r casebuilder.Range, set bool) error) *rangeField {
	r := &rangeField{f: f, at: at, unit: unit, read: read, write: write, optional: optional,
		low: newEntry(), likely: newEntry(), high: newEntry(), err: newErrorLabel()}
	for _, e := range []*entry{r.low, r.likely, r.high} {
		e.OnChanged = func(string) { r.onChanged() }
		e.onBlur = r.onBlur
	}
	r.low.SetPlaceHolder("low")
	r.high.SetPlaceHolder("high")
	r.box = container.NewVBox(container.NewGridWithColumns(3, r.low, r.likely, r.high), r.err)
	r.refresh(f.u.doc.c, true)
	f.add(r)
	return r
}

func (r *rangeField) onChanged() {
	var v casebuilder.Range
	var err error
	set := true
	if strings.TrimSpace(r.likely.Text) == "" {
		if r.optional && strings.TrimSpace(r.low.Text) == "" && strings.TrimSpace(r.high.Text) == "" {
			set = false
		} else {
			err = errors.New("type the likely value (the middle one)")
		}
	} else {
		v.Likely, err = r.f.u.parse(r.likely.Text, r.unit)
		v.Low, v.High = v.Likely, v.Likely
		if err == nil && strings.TrimSpace(r.low.Text) != "" {
			v.Low, err = r.f.u.parse(r.low.Text, r.unit)
			err = prefix("low", err)
		}
		if err == nil && strings.TrimSpace(r.high.Text) != "" {
			v.High, err = r.f.u.parse(r.high.Text, r.unit)
			err = prefix("high", err)
		}
	}
	if err == nil {
		err = r.f.change(r.at(), func(c *casebuilder.Case) error { return r.write(c, v, set) })
	}
	r.err.show(err, r.at())
}

func prefix(what string, err error) error {
	var ne *casebuilder.NumberError
	if errors.As(err, &ne) {
		return fmt.Errorf("%s: %s", what, ne.Reason)
	}
	return err
}

func (r *rangeField) onBlur() {
	r.f.u.endTyping()
	if !r.err.Visible() {
		r.refresh(r.f.u.doc.c, true)
	}
}

func (r *rangeField) refresh(c *casebuilder.Case, force bool) {
	if !force && (r.f.u.hasFocus(r.low) || r.f.u.hasFocus(r.likely) || r.f.u.hasFocus(r.high)) {
		return
	}
	v, set, ok := r.read(c)
	if !ok {
		return
	}
	switch {
	case !set:
		r.low.setQuietly("")
		r.likely.setQuietly("")
		r.high.setQuietly("")
	case v.IsExact():
		r.low.setQuietly("")
		r.likely.setQuietly(r.f.u.editText(v.Likely, r.unit))
		r.high.setQuietly("")
	default:
		r.low.setQuietly(r.f.u.editText(v.Low, r.unit))
		r.likely.setQuietly(r.f.u.editText(v.Likely, r.unit))
		r.high.setQuietly(r.f.u.editText(v.High, r.unit))
	}
	r.err.show(nil, "")
}

func (r *rangeField) path() string                { return r.at() }
func (r *rangeField) focusTarget() fyne.Focusable { return r.likely }

// dateField is a date entry (see dateEntry) bound to a date of the case,
// shown YYYY-MM-DD.
type dateField struct {
	f     *form
	at    func() string
	get   func(c *casebuilder.Case) *casebuilder.Date
	entry *dateEntry
	err   *errorLabel
	box   *fyne.Container
}

func (f *form) date(at func() string, get func(c *casebuilder.Case) *casebuilder.Date) *dateField {
	d := &dateField{f: f, at: at, get: get, entry: newDateEntry(f.u.lang, f.u.deps.now), err: newErrorLabel()}
	d.entry.OnChanged = func(string) { d.apply(false) }
	d.entry.onBlur = func() {
		f.u.endTyping()
		d.apply(true)
	}
	d.entry.onPicked = d.entry.onBlur
	d.box = container.NewVBox(d.entry, d.err)
	d.refresh(f.u.doc.c, true)
	f.add(d)
	return d
}

// apply makes the typed date the case's; a date still being typed is
// judged only once it is complete or the field is left.
func (d *dateField) apply(final bool) {
	s := strings.TrimSpace(d.entry.Text)
	var v casebuilder.Date
	if s != "" {
		if !final && !typedInFull(s) {
			return
		}
		var err error
		v, err = d.entry.date()
		if err != nil {
			d.err.show(err, "")
			return
		}
	}
	err := d.f.change(d.at(), func(c *casebuilder.Case) error {
		p := d.get(c)
		switch {
		case p == nil:
			return errGone
		case *p == v:
			return errUnchanged
		}
		*p = v
		return nil
	})
	d.err.show(err, d.at())
	// Once left, the field shows the date as the app read it, in ISO.
	if final && (err == nil || errors.Is(err, errUnchanged)) {
		d.entry.setQuietly(v.String())
	}
}

func (d *dateField) refresh(c *casebuilder.Case, force bool) {
	if !force && d.f.u.hasFocus(d.entry) {
		return
	}
	if p := d.get(c); p != nil {
		d.entry.setQuietly(p.String())
		d.err.show(nil, "")
	}
}

func (d *dateField) path() string                { return d.at() }
func (d *dateField) focusTarget() fyne.Focusable { return d.entry }

// choiceField is a drop-down bound to a value of the case.
type choiceField struct {
	f       *form
	at      func() string
	values  []string
	labels  []string
	read    func(c *casebuilder.Case) (string, bool)
	write   func(c *casebuilder.Case, v string) error
	sel     *widget.Select
	err     *errorLabel
	box     *fyne.Container
	setting bool
}

// choice binds a drop-down of labels to the values of a string of the case.
func (f *form) choice(at func() string, values, labels []string, read func(c *casebuilder.Case) (string, bool), write func(c *casebuilder.Case, v string) error) *choiceField {
	ch := &choiceField{f: f, at: at, values: values, labels: labels, read: read, write: write, err: newErrorLabel()}
	ch.sel = widget.NewSelect(labels, ch.onChanged)
	ch.box = container.NewVBox(ch.sel, ch.err)
	ch.refresh(f.u.doc.c, true)
	f.add(ch)
	return ch
}

// setOptions replaces the values and labels offered.
func (ch *choiceField) setOptions(values, labels []string) {
	ch.values, ch.labels = values, labels
	ch.setting = true
	ch.sel.SetOptions(labels)
	ch.setting = false
	ch.refresh(ch.f.u.doc.c, true)
}

func (ch *choiceField) onChanged(label string) {
	if ch.setting {
		return
	}
	i := indexOf(ch.labels, label)
	if i < 0 {
		return
	}
	err := ch.f.u.edit(casebuilder.Where{Step: ch.f.step, Path: ch.at()}, "", func(c *casebuilder.Case) error {
		return ch.write(c, ch.values[i])
	})
	ch.err.show(err, ch.at())
	if err != nil {
		ch.refresh(ch.f.u.doc.c, true) // show what the case still holds
		ch.err.show(err, ch.at())
	}
}

func (ch *choiceField) refresh(c *casebuilder.Case, _ bool) {
	v, ok := ch.read(c)
	if !ok {
		return
	}
	ch.setting = true
	defer func() { ch.setting = false }()
	if i := indexOf(ch.values, v); i >= 0 {
		ch.sel.SetSelected(ch.labels[i])
	} else {
		ch.sel.ClearSelected()
	}
	ch.err.show(nil, "")
}

func (ch *choiceField) path() string                { return ch.at() }
func (ch *choiceField) focusTarget() fyne.Focusable { return ch.sel }

// score binds a drop-down to a 1–5 score of the case (0 when not yet
// given).
func (f *form) score(at func() string, words [6]string, get func(c *casebuilder.Case) *int) *choiceField {
	return f.scoreWith(at, words, func(c *casebuilder.Case) (int, bool) {
		if p := get(c); p != nil {
			return *p, true
		}
		return 0, false
	}, func(c *casebuilder.Case, n int) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case *p == n:
			return errUnchanged
		}
		*p = n
		return nil
	})
}

// scoreWith binds a drop-down to a score read and written by functions.
func (f *form) scoreWith(at func() string, words [6]string, read func(c *casebuilder.Case) (int, bool), write func(c *casebuilder.Case, n int) error) *choiceField {
	values := make([]string, 6)
	labels := make([]string, 6)
	for i := range 6 {
		values[i] = strconv.Itoa(i)
		labels[i] = words[i]
		if i > 0 {
			labels[i] = fmt.Sprintf("%d – %s", i, words[i])
		}
	}
	return f.choice(at, values, labels, func(c *casebuilder.Case) (string, bool) {
		n, ok := read(c)
		return strconv.Itoa(n), ok
	}, func(c *casebuilder.Case, v string) error {
		n, _ := strconv.Atoi(v)
		return write(c, n)
	})
}

// impactWords and criterionWords name the scores of judgements.
var (
	impactWords    = [6]string{"Not judged", "harmful", "poor", "neutral", "good", "very good"}
	criterionWords = [6]string{"Not scored", "poor", "weak", "fair", "good", "excellent"}
	severityWords  = [6]string{"Not rated", "minor", "moderate", "serious", "major", "severe"}
)

// checkField is a check box bound to a yes/no of the case.
type checkField struct {
	f       *form
	at      func() string
	get     func(c *casebuilder.Case) *bool
	check   *widget.Check
	err     *errorLabel
	box     *fyne.Container
	setting bool
}

func (f *form) check(at func() string, label string, get func(c *casebuilder.Case) *bool) *checkField {
	k := &checkField{f: f, at: at, get: get, err: newErrorLabel()}
	k.check = widget.NewCheck(label, k.onChanged)
	k.box = container.NewVBox(k.check, k.err)
	k.refresh(f.u.doc.c, true)
	f.add(k)
	return k
}

func (k *checkField) onChanged(on bool) {
	if k.setting {
		return
	}
	err := k.f.u.edit(casebuilder.Where{Step: k.f.step, Path: k.at()}, "", func(c *casebuilder.Case) error {
		p := k.get(c)
		switch {
		case p == nil:
			return errGone
		case *p == on:
			return errUnchanged
		}
		*p = on
		return nil
	})
	if err != nil && !errors.Is(err, errUnchanged) {
		k.refresh(k.f.u.doc.c, true)
	}
	k.err.show(err, k.at())
}

func (k *checkField) refresh(c *casebuilder.Case, _ bool) {
	if p := k.get(c); p != nil {
		k.setting = true
		k.check.SetChecked(*p)
		k.setting = false
		k.err.show(nil, "")
	}
}

func (k *checkField) path() string                { return k.at() }
func (k *checkField) focusTarget() fyne.Focusable { return k.check }

// fixed returns a path that does not depend on a selection.
func fixed(path string) func() string { return func() string { return path } }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// monthField is an entry bound to a month of the horizon. People count
// months from 1; the case counts periods from 0. An optional month (the
// end of a line) may be left blank: to the end of the horizon.
type monthField struct {
	f        *form
	at       func() string
	optional bool
	read     func(c *casebuilder.Case) (m *int, ok bool)
	write    func(c *casebuilder.Case, m *int) error
	entry    *entry
	hint     *widget.Label
	err      *errorLabel
	box      *fyne.Container
}

// month binds an entry to a period of the case.
func (f *form) month(at func() string, get func(c *casebuilder.Case) *int) *monthField {
	return f.monthWith(at, false, func(c *casebuilder.Case) (*int, bool) {
		p := get(c)
		return p, p != nil
	}, func(c *casebuilder.Case, m *int) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case *p == *m:
			return errUnchanged
		}
		*p = *m
		return nil
	})
}

// endMonth binds an entry to an optional last period of the case.
func (f *form) endMonth(at func() string, get func(c *casebuilder.Case) **int) *monthField {
	return f.monthWith(at, true, func(c *casebuilder.Case) (*int, bool) {
		p := get(c)
		if p == nil {
			return nil, false
		}
		return *p, true
	}, func(c *casebuilder.Case, m *int) error {
		p := get(c)
		switch {
		case p == nil:
			return errGone
		case *p == nil && m == nil, *p != nil && m != nil && **p == *m:
			return errUnchanged
		}
		*p = m
		return nil
	})
}

func (f *form) monthWith(at func() string, optional bool, read func(c *casebuilder.Case) (*int, bool), write func(c *casebuilder.Case, m *int) error) *monthField {
	m := &monthField{f: f, at: at, optional: optional, read: read, write: write, entry: newEntry(), hint: widget.NewLabel(""), err: newErrorLabel()}
	m.hint.SizeName = theme.SizeNameCaptionText
	m.hint.Importance = widget.LowImportance
	if optional {
		m.entry.SetPlaceHolder("to the end")
	}
	m.entry.OnChanged = m.onChanged
	m.entry.onBlur = func() {
		f.u.endTyping()
		if !m.err.Visible() {
			m.refresh(f.u.doc.c, true)
		}
	}
	m.box = container.NewVBox(container.New(&tightVBox{}, m.entry, m.hint), m.err)
	m.refresh(f.u.doc.c, true)
	f.add(m)
	return m
}

func (m *monthField) onChanged(s string) {
	var month *int
	var err error
	if strings.TrimSpace(s) == "" {
		if !m.optional {
			err = errors.New("type a month: 1 is the first month of the case")
		}
	} else {
		var v float64
		v, err = m.f.u.parse(s, casebuilder.Months)
		switch {
		case err != nil:
		case v != math.Trunc(v) || v < 1:
			err = errors.New("type a month as a whole number from 1 (the first month of the case)")
		default:
			n := int(min(v, 1e6)) - 1
			month = &n
		}
	}
	if err == nil {
		err = m.f.change(m.at(), func(c *casebuilder.Case) error { return m.write(c, month) })
	}
	m.err.show(err, m.at())
	m.showHint(m.f.u.doc.c)
}

func (m *monthField) refresh(c *casebuilder.Case, force bool) {
	m.showHint(c)
	if !force && m.f.u.hasFocus(m.entry) {
		return
	}
	v, ok := m.read(c)
	if !ok {
		return
	}
	if v == nil {
		m.entry.setQuietly("")
	} else {
		m.entry.setQuietly(strconv.Itoa(*v + 1))
	}
	m.err.show(nil, "")
}

// showHint names the calendar month of the period.
func (m *monthField) showHint(c *casebuilder.Case) {
	v, ok := m.read(c)
	text := ""
	if ok && v != nil && !c.StartDate.IsZero() {
		text = c.StartDate.AddMonths(*v).Time().Format("Jan 2006")
	}
	m.hint.SetText(text)
}

func (m *monthField) path() string                { return m.at() }
func (m *monthField) focusTarget() fyne.Focusable { return m.entry }

// watcher is a binder with no field of its own: it updates part of the
// screen (a hint, what is shown) whenever the case changes.
type watcher struct {
	update func(c *casebuilder.Case)
}

func (w *watcher) refresh(c *casebuilder.Case, _ bool) { w.update(c) }
func (w *watcher) path() string                        { return "" }
func (w *watcher) focusTarget() fyne.Focusable         { return nil }

// watch calls update now and whenever the form is refreshed.
func (f *form) watch(update func(c *casebuilder.Case)) {
	w := &watcher{update: update}
	w.update(f.u.doc.c)
	f.add(w)
}
