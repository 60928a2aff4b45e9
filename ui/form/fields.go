package form

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// errNotYet is what a field's parse returns for what cannot be judged
// until it is complete or the field is left: it is neither taken nor
// refused yet.
var errNotYet = errors.New("not complete yet")

// leaving is what a field does when the user leaves it, besides ending
// the run of typing in it.
type leaving int

const (
	// keep leaves what was typed (a text).
	keep leaving = iota
	// tidy writes an accepted value anew the app's way (a figure).
	tidy
	// judge judges what was typed, complete or not (a date).
	judge
)

// entryField is a field typed in one entry: what is typed is parsed and
// written to the case at each keystroke, and the case's value is shown
// there when it changes elsewhere.
type entryField[T any] struct {
	Field
	entry *Entry
	value Value[T]
	// parse reads what is typed, once the user has left the field when
	// final is set; errNotYet leaves the field as it is.
	parse func(text string, final bool) (T, error)
	// show writes a value for the entry.
	show  func(v T) string
	leave leaving
	// watch, when set, is told of the case at every refresh and after
	// every edit in the field.
	watch func(c *casebuilder.Case)
}

// setUp makes x a field of f for the value at path, typed in e, shown in
// content (e itself when nil).
func (x *entryField[T]) setUp(f *Form, path string, e *Entry, content fyne.CanvasObject, v Value[T], leave leaving,
	parse func(text string, final bool) (T, error), show func(v T) string) {
	x.setUpIn(f, path, e, e, content, v, leave, parse, show)
}

// setUpIn is setUp for an entry e within the widget w that is focused
// (a DateEntry, whose Entry is e).
func (x *entryField[T]) setUpIn(f *Form, path string, e *Entry, w fyne.Focusable, content fyne.CanvasObject, v Value[T], leave leaving,
	parse func(text string, final bool) (T, error), show func(v T) string) {
	if content == nil {
		content = w.(fyne.CanvasObject)
	}
	x.Init(f, path, content, w)
	x.entry, x.value, x.parse, x.show, x.leave = e, v, parse, show, leave
	e.OnChanged = func(s string) {
		e.fit() // an undo from the entry's menu changes the text too
		x.typed(s, false)
	}
	e.OnBlur = x.left
}

// Entry is the field's entry.
func (x *entryField[T]) Entry() *Entry { return x.entry }

func (x *entryField[T]) typed(s string, final bool) {
	v, err := x.parse(s, final)
	if errors.Is(err, errNotYet) {
		return
	}
	if err == nil {
		err = x.form.typed(x.path, func(c *casebuilder.Case) error { return x.value.Write(c, v) })
	}
	x.ShowProblem(err)
	if x.watch != nil {
		x.watch(x.form.Case())
	}
}

func (x *entryField[T]) left() {
	x.form.host.EndTyping()
	switch x.leave {
	case tidy:
		if x.Problem() == "" {
			x.Refresh(x.form.Case(), true)
		}
	case judge:
		// Judged in full, and once taken shown as the app reads it.
		x.typed(x.entry.Text, true)
		if x.Problem() == "" {
			x.Refresh(x.form.Case(), true)
		}
	}
}

// Refresh shows the value in c, unless the entry is being typed in and
// force is unset.
func (x *entryField[T]) Refresh(c *casebuilder.Case, force bool) {
	if x.watch != nil {
		x.watch(c)
	}
	if !force && x.typing() {
		return
	}
	if v, ok := x.value.Read(c); ok {
		x.entry.SetQuietly(x.show(v))
		x.ShowProblem(nil)
	}
}

// add refreshes a new field and adds it to the form.
func (f *Form) add(b Binder) {
	b.Refresh(f.Case(), true)
	f.Add(b)
}

// TextField is an entry bound to a text of the case.
type TextField struct{ entryField[string] }

// Text binds a one-line entry to a text.
func (f *Form) Text(path string, v Value[string], placeholder string) *TextField {
	return f.text(NewEntry(), path, v, placeholder)
}

// TextArea binds an entry of several lines to a text: rows lines at the
// least, and as many as its text takes up to MaxTextRows.
func (f *Form) TextArea(path string, v Value[string], placeholder string, rows int) *TextField {
	e := NewMultiLineEntry(rows)
	e.Grow(MaxTextRows)
	return f.text(e, path, v, placeholder)
}

// WrappedText binds an entry to a text of one line that shows whole,
// wrapped over as many rows as it takes up to MaxTextRows: a sentence too
// long for one row of the form, which a one-line entry would cut at its
// edge (see NewWrappedLine).
func (f *Form) WrappedText(path string, v Value[string], placeholder string) *TextField {
	e := NewWrappedLine()
	e.Grow(MaxTextRows)
	return f.text(e, path, v, placeholder)
}

// MaxTextRows is the most lines a text of several lines shows on a form
// before it scrolls in its box: a finding or a reason of a few sentences
// is read whole, in a window 1024 wide.
const MaxTextRows = 10

func (f *Form) text(e *Entry, path string, v Value[string], placeholder string) *TextField {
	t := &TextField{}
	e.SetPlaceHolder(placeholder)
	if !e.MultiLine || e.oneLine {
		e.Limit(MaxLine, func(kept, pasted int) {
			n := func(x int) string { return f.host.Format(float64(x), figure.Count) }
			msg := fmt.Sprintf("a line holds at most %s characters; the rest belongs in a description or a note", n(MaxLine))
			if pasted > 0 {
				msg = fmt.Sprintf("a line holds at most %s characters: %s of the %s pasted are kept; the rest belongs in a description or a note",
					n(MaxLine), n(kept), n(pasted))
			}
			// The field's own problem: shown capitalised, without a path.
			t.ShowProblem(casebuilder.Problems{{Path: path, Message: msg}})
		})
	}
	t.setUp(f, path, e, nil, v, keep, func(s string, _ bool) (string, error) {
		s = strings.ReplaceAll(s, "\t", " ") // no tab reaches the case
		if e.oneLine {
			s = oneLine(s)
		}
		if utf8.RuneCountInString(s) > casebuilder.MaxText {
			return "", fmt.Errorf("a text holds at most %s characters", f.host.Format(casebuilder.MaxText, figure.Count))
		}
		return s, nil
	}, func(s string) string { return s })
	f.add(t)
	return t
}

// NumberField is an entry bound to a figure of the case, read in the
// user's locale (12,500 or 12.5k or 15 %).
type NumberField struct {
	entryField[float64]
	unit figure.Unit
}

// Number binds an entry to a figure of a unit.
func (f *Form) Number(path string, unit figure.Unit, v Value[float64]) *NumberField {
	n := &NumberField{unit: unit}
	n.setUp(f, path, NewEntry(), nil, v, tidy,
		func(s string, _ bool) (float64, error) { return f.host.Parse(s, n.unit) },
		func(v float64) string { return f.host.Format(v, n.unit) })
	f.add(n)
	return n
}

// OptionalNumber binds an entry to a figure that may be left blank, for
// none: blank is zero, and zero shows blank, with the placeholder.
func (f *Form) OptionalNumber(path string, unit figure.Unit, v Value[float64], placeholder string) *NumberField {
	n := &NumberField{unit: unit}
	e := NewEntry()
	e.SetPlaceHolder(placeholder)
	n.setUp(f, path, e, nil, v, tidy,
		func(s string, _ bool) (float64, error) {
			if strings.TrimSpace(s) == "" {
				return 0, nil
			}
			return f.host.Parse(s, n.unit)
		},
		func(v float64) string {
			if v == 0 {
				return ""
			}
			return f.host.Format(v, n.unit)
		})
	f.add(n)
	return n
}

// Integer binds an entry to a whole number of the case (months, counts).
func (f *Form) Integer(path string, unit figure.Unit, v Value[int]) *NumberField {
	return f.Number(path, unit, Convert(v, func(n int) float64 { return float64(n) }, func(x float64) (int, error) {
		if x != math.Trunc(x) || math.Abs(x) > 1e9 {
			return 0, errors.New("type a whole number")
		}
		return int(x), nil
	}))
}

// SetUnit changes the unit the figure is read and written in.
func (n *NumberField) SetUnit(unit figure.Unit) { n.unit = unit }

// DateField is a DateEntry bound to a date of the case: typed the way
// the user's locale writes dates, or picked from its calendar, and shown
// YYYY-MM-DD once taken.
type DateField struct {
	entryField[casebuilder.Date]
	date *DateEntry
}

// Date binds a date entry to a date. A date still being typed is judged
// only once it looks complete (its year in full) or the field is left, so
// that 31/12/20 on the way to 31/12/2027 is not taken for 2020.
func (f *Form) Date(path string, v Value[casebuilder.Date]) *DateField {
	d := &DateField{date: NewDateEntry(f.host.Language, f.host.Now)}
	d.setUpIn(f, path, &d.date.Entry, d.date, nil, v, judge, func(s string, final bool) (casebuilder.Date, error) {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			return casebuilder.Date{}, nil
		case !final && !typedInFull(s):
			return casebuilder.Date{}, errNotYet
		}
		return casebuilder.ParseLocalDate(s, f.host.Language())
	}, casebuilder.Date.String)
	d.date.OnPicked = d.left
	f.add(d)
	return d
}

// DateEntry is the field's date entry.
func (d *DateField) DateEntry() *DateEntry { return d.date }

// MonthField is an entry bound to a month of the horizon, with the
// calendar month it is under it. People count months from 1; the case
// counts periods from 0. An optional month (the end of a line) may be left
// blank: to the end of the horizon.
type MonthField struct {
	entryField[*int]
	hint *widget.Label
}

// Month binds an entry to a period of the case.
func (f *Form) Month(path string, v Value[int]) *MonthField {
	return f.month(path, false, Convert(v, func(n int) *int { return &n }, func(m *int) (int, error) { return *m, nil }))
}

// EndMonth binds an entry to an optional last period of the case.
func (f *Form) EndMonth(path string, v Value[*int]) *MonthField {
	return f.month(path, true, v)
}

func (f *Form) month(path string, optional bool, v Value[*int]) *MonthField {
	m := &MonthField{hint: widget.NewLabel("")}
	m.hint.SizeName = theme.SizeNameCaptionText
	m.hint.Importance = widget.LowImportance
	e := NewEntry()
	if optional {
		e.SetPlaceHolder("to the end")
	}
	m.setUp(f, path, e, container.New(TightVBox{}, e, m.hint), v, tidy, func(s string, _ bool) (*int, error) {
		if strings.TrimSpace(s) == "" {
			if optional {
				return nil, nil
			}
			return nil, errors.New("type a month: 1 is the first month of the case")
		}
		x, err := f.host.Parse(s, figure.Months)
		switch {
		case err != nil:
			return nil, err
		case x != math.Trunc(x) || x < 1:
			return nil, errors.New("type a month as a whole number from 1 (the first month of the case)")
		}
		n := int(min(x, 1e6)) - 1
		return &n, nil
	}, func(m *int) string {
		if m == nil {
			return ""
		}
		return strconv.Itoa(*m + 1)
	})
	m.watch = m.showHint
	f.add(m)
	return m
}

// showHint names the calendar month of the period.
func (m *MonthField) showHint(c *casebuilder.Case) {
	v, ok := m.value.Read(c)
	text := ""
	if ok && v != nil && !c.StartDate.IsZero() {
		text = MonthName(c, *v)
	}
	m.hint.SetText(text)
}

// MonthName names a period of the case as people read it, "October
// 2027", or "month 10" when the case has no start date.
func MonthName(c *casebuilder.Case, period int) string {
	if c.StartDate.IsZero() {
		return fmt.Sprintf("month %d", period+1)
	}
	return c.StartDate.AddMonths(period).Time().Format("January 2006")
}

// RangeField is three entries bound to a low / likely / high estimate. Low
// and high left blank are the likely value; likely left blank, where the
// estimate is optional, removes it (a calculator's input then takes its
// default).
type RangeField struct {
	Field
	unit              figure.Unit
	value             Value[*casebuilder.Range] // nil: no estimate
	optional          bool
	low, likely, high *Entry
	// lowName and highName name the outer boxes: "low" and "high", or,
	// where they mean an outcome, "worst case" and "best case".
	lowName, highName string
}

// Estimate binds three entries to a Range of the case.
func (f *Form) Estimate(path string, unit figure.Unit, v Value[casebuilder.Range]) *RangeField {
	return f.estimate(path, unit, false, Convert(v, func(r casebuilder.Range) *casebuilder.Range { return &r },
		func(r *casebuilder.Range) (casebuilder.Range, error) { return *r, nil }))
}

// OptionalEstimate binds three entries to an estimate that may be left
// out: nil when it is.
func (f *Form) OptionalEstimate(path string, unit figure.Unit, v Value[*casebuilder.Range]) *RangeField {
	return f.estimate(path, unit, true, v)
}

func (f *Form) estimate(path string, unit figure.Unit, optional bool, v Value[*casebuilder.Range]) *RangeField {
	r := &RangeField{unit: unit, value: v, optional: optional, low: NewEntry(), likely: NewEntry(), high: NewEntry(),
		lowName: "low", highName: "high"}
	for _, e := range []*Entry{r.low, r.likely, r.high} {
		e.OnChanged = func(string) { r.typed() }
		e.OnBlur = func() { r.leave(r) }
	}
	r.low.SetPlaceHolder(r.lowName)
	r.high.SetPlaceHolder(r.highName)
	r.Init(f, path, container.NewGridWithColumns(3, r.low, r.likely, r.high), r.likely, r.low, r.high)
	f.add(r)
	return r
}

// ZeroBlank is an estimate that is blank while it is zero, as a new line's
// amount is: nothing the user did not type shows as a figure.
func ZeroBlank(v Value[casebuilder.Range]) Value[*casebuilder.Range] {
	return Convert(v, func(r casebuilder.Range) *casebuilder.Range {
		if r.IsZero() {
			return nil
		}
		return &r
	}, func(r *casebuilder.Range) (casebuilder.Range, error) {
		if r == nil {
			return casebuilder.Range{}, nil
		}
		return *r, nil
	})
}

// AsOutcome names the outer boxes by what they mean, the worst case and
// the best case, for an estimate of a benefit: its worst case comes
// first, whichever way its numbers run.
func (r *RangeField) AsOutcome() *RangeField {
	r.lowName, r.highName = casebuilder.WorstCase, casebuilder.BestCase
	r.Refresh(r.form.Case(), true) // the placeholders, by the new names
	return r
}

// Entries are the field's three entries.
func (r *RangeField) Entries() (low, likely, high *Entry) { return r.low, r.likely, r.high }

// SetUnit changes the unit the estimate is read and written in.
func (r *RangeField) SetUnit(unit figure.Unit) { r.unit = unit }

func (r *RangeField) typed() {
	parse := r.form.host.Parse
	blank := func(e *Entry) bool { return strings.TrimSpace(e.Text) == "" }
	// A bound that is not a number is refused with its name, and keeps
	// the value the case holds (ifBad); the likely value and the other
	// bound, when they are numbers, are taken all the same, so that the
	// one typo is all there is left to mend.
	bound := func(e *Entry, name string, ifBlank, ifBad float64) (float64, error) {
		if blank(e) {
			return ifBlank, nil
		}
		x, err := parse(e.Text, r.unit)
		if err != nil {
			return ifBad, prefix(name, err)
		}
		return x, nil
	}
	if blank(r.likely) {
		if r.optional && blank(r.low) && blank(r.high) {
			r.ShowProblem(r.form.typed(r.path, func(c *casebuilder.Case) error { return r.value.Write(c, nil) }))
			return
		}
		// Nothing can be taken without the likely value; a bound that is
		// no number is said first, as it is what was just typed.
		_, lowErr := bound(r.low, r.lowName, 0, 0)
		_, highErr := bound(r.high, r.highName, 0, 0)
		r.ShowProblem(cmp.Or(lowErr, highErr, errors.New("type the likely value (the middle one)")))
		return
	}
	var v casebuilder.Range
	var err error
	if v.Likely, err = parse(r.likely.Text, r.unit); err != nil {
		r.ShowProblem(err)
		return
	}
	keptLow, keptHigh := v.Likely, v.Likely
	if old, _ := r.value.Read(r.form.Case()); old != nil {
		keptLow, keptHigh = old.Low, old.High
	}
	var lowErr, highErr error
	v.Low, lowErr = bound(r.low, r.lowName, v.Likely, keptLow)
	v.High, highErr = bound(r.high, r.highName, v.Likely, keptHigh)
	err = r.form.typed(r.path, func(c *casebuilder.Case) error { return r.value.Write(c, &v) })
	r.ShowProblem(cmp.Or(lowErr, highErr, err))
}

// prefix says which of the three figures a number error is about.
func prefix(what string, err error) error {
	var ne *figure.NumberError
	if errors.As(err, &ne) {
		return fmt.Errorf("%s: %s", what, ne.Error())
	}
	return err
}

// Refresh shows the estimate in c, unless one of its entries is being
// typed in and force is unset.
func (r *RangeField) Refresh(c *casebuilder.Case, force bool) {
	if !force && r.typing() {
		return
	}
	v, ok := r.value.Read(c)
	if !ok {
		return
	}
	format := func(x float64) string { return r.form.host.Format(x, r.unit) }
	switch {
	case v == nil:
		r.low.SetQuietly("")
		r.likely.SetQuietly("")
		r.high.SetQuietly("")
		r.low.SetPlaceHolder(r.lowName)
		r.high.SetPlaceHolder(r.highName)
	default:
		// A bound the user left blank is the likely value: it shows as
		// the placeholder, so that typing into the box replaces it.
		r.likely.SetQuietly(format(v.Likely))
		r.showBound(r.low, r.lowName, v.Low, v.Likely, format)
		r.showBound(r.high, r.highName, v.High, v.Likely, format)
	}
	r.ShowProblem(nil)
}

// showBound shows a low or high value in e: blank, with the likely value
// as its placeholder (greyed, as the box's value when left blank; the
// box is too narrow for more), when it is the likely value.
func (r *RangeField) showBound(e *Entry, name string, bound, likely float64, format func(float64) string) {
	if bound == likely {
		e.SetQuietly("")
		e.SetPlaceHolder(format(likely))
		return
	}
	e.SetQuietly(format(bound))
	e.SetPlaceHolder(name)
}

// ChoiceField is a drop-down bound to a value of the case.
type ChoiceField struct {
	Field
	values, labels []string
	value          Value[string]
	sel            *Select
}

// Choice binds a drop-down of labels to the values of a text of the case.
func (f *Form) Choice(path string, values, labels []string, v Value[string]) *ChoiceField {
	ch := &ChoiceField{values: values, labels: labels, value: v}
	ch.sel = NewSelect(labels, ch.chosen)
	ch.Init(f, path, ch.sel, ch.sel)
	f.add(ch)
	return ch
}

// Select is the field's drop-down.
func (ch *ChoiceField) Select() *Select { return ch.sel }

// Whole makes the drop-down at least as wide as its longest choice, so
// that the one chosen is never cut ("5 – excell…"). It is for short lists
// of words; a list of names is cut with an ellipsis and read whole in the
// list it opens.
func (ch *ChoiceField) Whole() *ChoiceField {
	ch.box.Objects[0] = container.New(wholeChoice{ch.sel}, ch.sel)
	ch.box.Refresh()
	return ch
}

// wholeChoice lays a drop-down out at least as wide as its longest
// choice: Fyne's is as wide as its placeholder.
type wholeChoice struct{ sel *Select }

func (l wholeChoice) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

func (l wholeChoice) MinSize([]fyne.CanvasObject) fyne.Size {
	m := l.sel.MinSize()
	th := l.sel.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	for _, o := range l.sel.Options {
		// As Fyne's select lays out its text: padding on both sides of
		// the text and around the icon.
		m.Width = max(m.Width, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width+4*pad+th.Size(theme.SizeNameInlineIcon))
	}
	return m
}

// Values are the values offered, in the order of their labels.
func (ch *ChoiceField) Values() []string { return ch.values }

// Labels are the choices the drop-down shows, one a value.
func (ch *ChoiceField) Labels() []string { return ch.labels }

// SetOptions replaces the values and labels offered.
func (ch *ChoiceField) SetOptions(values, labels []string) {
	ch.values, ch.labels = values, labels
	ch.Quietly(func() { ch.sel.SetOptions(labels) })
	ch.Refresh(ch.form.Case(), true)
}

func (ch *ChoiceField) chosen(label string) {
	if ch.Setting() {
		return
	}
	i := slices.Index(ch.labels, label)
	if i < 0 {
		return
	}
	err := ch.form.Edit(ch.path, func(c *casebuilder.Case) error { return ch.value.Write(c, ch.values[i]) })
	ch.ShowProblem(err)
	if err != nil {
		ch.Refresh(ch.form.Case(), true) // show what the case still holds
		ch.ShowProblem(err)
	}
}

// Refresh shows the choice in c.
func (ch *ChoiceField) Refresh(c *casebuilder.Case, _ bool) {
	v, ok := ch.value.Read(c)
	if !ok {
		return
	}
	ch.Quietly(func() {
		if i := slices.Index(ch.values, v); i >= 0 {
			ch.sel.SetSelected(ch.labels[i])
		} else {
			ch.sel.ClearSelected()
		}
		ch.ShowProblem(nil)
	})
}

// Score binds a drop-down to a score from 1 to 5, named by words (words[0]
// names a score not yet given, 0).
func (f *Form) Score(path string, words [6]string, v Value[int]) *ChoiceField {
	values := make([]string, 6)
	labels := make([]string, 6)
	for i := range 6 {
		values[i] = strconv.Itoa(i)
		labels[i] = words[i]
		if i > 0 {
			labels[i] = fmt.Sprintf("%d – %s", i, words[i])
		}
	}
	return f.Choice(path, values, labels, Convert(v, strconv.Itoa, strconv.Atoi))
}

// CheckField is a tick bound to a yes or no of the case.
type CheckField struct {
	Field
	value Value[bool]
	check *Check
	// OnEdited, when set, is called after each edit the tick makes.
	OnEdited func()
}

// Check binds a tick with a label to a yes or no.
func (f *Form) Check(path, label string, v Value[bool]) *CheckField {
	k := &CheckField{value: v}
	k.check = NewCheck(label, k.ticked)
	k.Init(f, path, k.check, k.check)
	f.add(k)
	return k
}

// Widget is the field's tick.
func (k *CheckField) Widget() *Check { return k.check }

func (k *CheckField) ticked(on bool) {
	if k.Setting() {
		return
	}
	err := k.form.Edit(k.path, func(c *casebuilder.Case) error { return k.value.Write(c, on) })
	if err != nil && !errors.Is(err, ErrUnchanged) {
		k.Refresh(k.form.Case(), true)
	}
	k.ShowProblem(err)
	if err == nil && k.OnEdited != nil {
		k.OnEdited()
	}
}

// Refresh shows the yes or no in c.
func (k *CheckField) Refresh(c *casebuilder.Case, _ bool) {
	if v, ok := k.value.Read(c); ok {
		k.Quietly(func() { k.check.SetChecked(v) })
		k.ShowProblem(nil)
	}
}
