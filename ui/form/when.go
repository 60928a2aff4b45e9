package form

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// When is when a line of money starts, or ends: in a fixed month of the
// horizon, or at a milestone of the plan, its start or its end, plus an
// offset in months (see [casebuilder.Anchor]).
type When struct {
	// Month is the fixed period (0 is the first month); nil, for an end,
	// runs the line to the end of the horizon. A line anchored to a
	// milestone keeps its start month, which the file holds.
	Month *int
	// At, when set, anchors the line to a milestone.
	At *casebuilder.Anchor
}

// same reports whether two Whens place a line alike.
func (w When) same(v When) bool {
	sameMonth := w.Month == nil && v.Month == nil || w.Month != nil && v.Month != nil && *w.Month == *v.Month
	sameAt := w.At == nil && v.At == nil || w.At != nil && v.At != nil && *w.At == *v.At
	return sameMonth && sameAt
}

// StartWhen is when a line starts: its first month, at month, or the
// anchor at at. Both getters return nil once the line is gone.
func StartWhen(month func(c *casebuilder.Case) *int, at func(c *casebuilder.Case) **casebuilder.Anchor) Value[When] {
	return Value[When]{
		Read: func(c *casebuilder.Case) (When, bool) {
			m, a := month(c), at(c)
			if m == nil || a == nil {
				return When{}, false
			}
			n := *m
			return When{Month: &n, At: copyAnchor(*a)}, true
		},
		Write: func(c *casebuilder.Case, w When) error {
			m, a := month(c), at(c)
			switch {
			case m == nil || a == nil:
				return ErrGone
			case w.Month == nil && w.At == nil:
				return errors.New("type the first month, or choose a milestone")
			case w.same(When{Month: m, At: *a}):
				return ErrUnchanged
			}
			if w.Month != nil {
				*m = *w.Month
			}
			*a = copyAnchor(w.At)
			return nil
		},
	}
}

// EndWhen is when a recurring line ends: its last month at month (nil: the
// end of the horizon), or the anchor at at. An anchored end has no month.
func EndWhen(month func(c *casebuilder.Case) **int, at func(c *casebuilder.Case) **casebuilder.Anchor) Value[When] {
	return Value[When]{
		Read: func(c *casebuilder.Case) (When, bool) {
			m, a := month(c), at(c)
			if m == nil || a == nil {
				return When{}, false
			}
			w := When{At: copyAnchor(*a)}
			if *m != nil {
				n := **m
				w.Month = &n
			}
			return w, true
		},
		Write: func(c *casebuilder.Case, w When) error {
			m, a := month(c), at(c)
			switch {
			case m == nil || a == nil:
				return ErrGone
			case w.same(When{Month: *m, At: *a}):
				return ErrUnchanged
			}
			*m, *a = nil, copyAnchor(w.At)
			if w.At == nil && w.Month != nil {
				n := *w.Month
				*m = &n
			}
			return nil
		},
	}
}

func copyAnchor(a *casebuilder.Anchor) *casebuilder.Anchor {
	if a == nil {
		return nil
	}
	cp := *a
	return &cp
}

// The ways a line's point is chosen, in the order the drop-down offers
// them.
type whenMode int

const (
	toHorizon whenMode = iota // an end only: the end of the horizon
	inMonth
	atStart // of a milestone
	atEnd
)

// WhenField chooses when a line of money starts or ends: in a month of
// the horizon, typed as a month ("March 2027", "2027-03") or counted from
// 1 (the first) and shown by name, or at the
// start or the end of a milestone of the plan, plus an offset in months;
// under it, the month that falls in, by name ("October 2027"). Moving the
// milestone then moves the money.
type WhenField struct {
	Field
	value Value[When]
	end   bool // the end of a recurring line: it may run to the horizon
	// months are the line's first and last periods as the case places
	// them, for the hint.
	months func(c *casebuilder.Case) (first int, last *int, ok bool)

	modes     []whenMode
	mode      *Select
	month     *Entry
	milestone *Select
	offset    *Entry
	hint      *widget.Label
	offered   []int // the milestones offered, by index in the plan, in the drop-down's order
	inMonth   *fyne.Container
	inPlan    *fyne.Container
	shown     whenMode
}

// Start binds a choice of when a line starts to its first month and its
// anchor (see StartWhen), at path (the anchor's: alternatives[1].costs[0].startAt);
// the month's path is monthPath. months places the line in c.
func (f *Form) Start(path, monthPath string, v Value[When], months func(c *casebuilder.Case) (int, *int, bool)) *WhenField {
	return f.when(path, monthPath, false, v, months)
}

// End binds a choice of when a recurring line ends (see EndWhen).
func (f *Form) End(path, monthPath string, v Value[When], months func(c *casebuilder.Case) (int, *int, bool)) *WhenField {
	return f.when(path, monthPath, true, v, months)
}

// LineMonths places the line that line finds in c by span (such as
// [casebuilder.Case.CostMonths]), as Start and End ask: false once the
// line is gone.
func LineMonths[L any](line func(c *casebuilder.Case) *L, span func(c *casebuilder.Case, l *L) (int, *int)) func(c *casebuilder.Case) (int, *int, bool) {
	return func(c *casebuilder.Case) (int, *int, bool) {
		l := line(c)
		if l == nil {
			return 0, nil, false
		}
		first, last := span(c, l)
		return first, last, true
	}
}

func (f *Form) when(path, monthPath string, end bool, v Value[When], months func(c *casebuilder.Case) (int, *int, bool)) *WhenField {
	w := &WhenField{value: v, end: end, months: months, month: NewEntry(), offset: NewEntry(), hint: widget.NewLabel("")}
	labels := []string{"In a month of the case", "When a milestone starts", "When a milestone ends"}
	w.modes = []whenMode{inMonth, atStart, atEnd}
	if end {
		labels = append([]string{"At the end of the horizon"}, labels...)
		w.modes = append([]whenMode{toHorizon}, w.modes...)
	}
	w.mode = NewSelect(labels, func(string) { w.chosen() })
	w.milestone = NewSelect(nil, func(string) { w.pickedMilestone() })
	w.milestone.PlaceHolder = "Choose the milestone"
	w.month.SetPlaceHolder("e.g. March 2027, or 3")
	w.month.OnChanged = func(string) { w.typedMonth() }
	w.month.OnBlur = func() { w.leave(w) }
	w.offset.SetPlaceHolder("± months")
	w.offset.OnChanged = func(string) { w.typedOffset() }
	w.offset.OnBlur = func() { w.leave(w) }
	w.hint.SizeName = theme.SizeNameCaptionText
	w.hint.Importance = widget.LowImportance
	w.hint.Wrapping = fyne.TextWrapWord
	// The choice and the month it gives on one line; under it the month,
	// or the milestone with the offset: a milestone's name is long, and
	// needs the width.
	cols := NewColumns(1, 1)
	w.inMonth = cols.Row(w.month, container.NewStack())
	offsetBox := container.NewGridWrap(fyne.NewSize(max(w.offset.MinSize().Width, 96), w.offset.MinSize().Height), w.offset)
	w.inPlan = container.NewBorder(nil, nil, nil, offsetBox, w.milestone)
	content := container.NewVBox(cols.Row(w.mode, w.hint), container.NewStack(w.inMonth, w.inPlan))
	w.Init(f, path, content, w.mode, w.month, w.milestone, w.offset)
	w.Refresh(f.Case(), true)
	f.Add(w)
	// The paths the review names within it lead to its widgets.
	f.Add(alias{monthPath, func() fyne.Focusable {
		if w.shown == inMonth {
			return w.month
		}
		return w.mode
	}})
	f.Add(alias{path + ".milestone", func() fyne.Focusable { return w.milestone }})
	f.Add(alias{path + ".offsetMonths", func() fyne.Focusable { return w.offset }})
	f.Add(alias{path + ".at", func() fyne.Focusable { return w.mode }})
	return w
}

// Mode is the drop-down of how the point is chosen.
func (w *WhenField) Mode() *Select { return w.mode }

// Month is the entry of the month, typed as a month ("March 2027",
// "2027-03") or counted from 1, and shown by name when the case has a
// start date.
func (w *WhenField) Month() *Entry { return w.month }

// Milestone is the drop-down of the milestone.
func (w *WhenField) Milestone() *Select { return w.milestone }

// Offset is the entry of the months after (or, negative, before) the
// milestone.
func (w *WhenField) Offset() *Entry { return w.offset }

// Hint is the month the point falls in, by name.
func (w *WhenField) Hint() string { return w.hint.Text }

func (w *WhenField) write(change func(c *casebuilder.Case, v *When) error) error {
	if w.Setting() {
		return nil
	}
	err := w.form.typed(w.path, func(c *casebuilder.Case) error {
		v, ok := w.value.Read(c)
		if !ok {
			return ErrGone
		}
		if err := change(c, &v); err != nil {
			return err
		}
		if v.At != nil && v.At.Milestone == "" {
			return errors.New("choose the milestone")
		}
		return w.value.Write(c, v)
	})
	w.ShowProblem(err)
	w.showHint(w.form.Case())
	return err
}

// chosen changes how the point is chosen: in a month (the one the line
// falls in now, so that nothing moves), at the end of the horizon, or at
// a milestone (the one chosen before, or the first with the date needed).
func (w *WhenField) chosen() {
	if w.Setting() {
		return
	}
	i := w.mode.SelectedIndex()
	if i < 0 {
		return
	}
	mode := w.modes[i]
	w.form.host.EndTyping()
	err := w.write(func(c *casebuilder.Case, v *When) error {
		switch mode {
		case toHorizon:
			v.Month, v.At = nil, nil
		case inMonth:
			// The month the line falls in now: nothing moves.
			first, last, ok := w.months(c)
			m := first
			switch {
			case w.end:
				m = c.HorizonMonths - 1
				if ok && last != nil {
					m = *last
				}
			case !ok && v.Month != nil:
				m = *v.Month
			}
			m = min(max(m, 0), max(c.HorizonMonths-1, 0))
			v.Month, v.At = &m, nil
		default:
			point := casebuilder.AtStart
			if mode == atEnd {
				point = casebuilder.AtEnd
			}
			a := casebuilder.Anchor{At: point}
			if v.At != nil {
				a.Milestone, a.OffsetMonths = v.At.Milestone, v.At.OffsetMonths
			}
			if a.Milestone == "" {
				i := firstDated(c, point)
				if i < 0 {
					return errors.New("the plan has no milestone with dates yet: give the milestones dates on the Plan step, then choose one here")
				}
				a.Milestone = MilestoneID(c, i)
			}
			v.At = &a
		}
		return nil
	})
	w.form.host.EndTyping()
	// What the case holds, and why it was refused if it was.
	w.Refresh(w.form.Case(), true)
	w.ShowProblem(err)
}

// firstDated returns the index of the first milestone with the date a
// point needs, -1 when there is none.
func firstDated(c *casebuilder.Case, point casebuilder.AnchorPoint) int {
	return slices.IndexFunc(c.Plan.Milestones, func(m casebuilder.Milestone) bool {
		return point == casebuilder.AtStart && !m.Start.IsZero() || point == casebuilder.AtEnd && !m.End.IsZero()
	})
}

// MilestoneID returns the ID of milestone i of c, giving it one first if
// it has none (a milestone of an older file): what refers to a milestone
// refers to its ID.
func MilestoneID(c *casebuilder.Case, i int) string {
	m := &c.Plan.Milestones[i]
	if m.ID != "" {
		return m.ID
	}
	taken := map[string]bool{}
	for _, o := range c.Plan.Milestones {
		taken[o.ID] = true
	}
	for n := i + 1; ; n++ {
		if id := fmt.Sprintf("milestone-%d", n); !taken[id] {
			m.ID = id
			return id
		}
	}
}

// pickedMilestone anchors the line to the milestone chosen.
func (w *WhenField) pickedMilestone() {
	if w.Setting() {
		return
	}
	k := w.milestone.SelectedIndex()
	if k < 0 || k >= len(w.offered) {
		return
	}
	i := w.offered[k]
	w.form.host.EndTyping()
	_ = w.write(func(c *casebuilder.Case, v *When) error {
		if v.At == nil {
			v.At = &casebuilder.Anchor{At: casebuilder.AtEnd}
		}
		v.At.Milestone = MilestoneID(c, i)
		return nil
	})
	w.form.host.EndTyping()
}

func (w *WhenField) typedMonth() {
	if w.Setting() {
		return
	}
	s := strings.TrimSpace(w.month.Text)
	c := w.form.Case()
	if s == "" {
		w.ShowProblem(errors.New("type a month, e.g. " + monthExample(c)))
		return
	}
	n, err := w.period(c, s)
	if err != nil {
		w.ShowProblem(err)
		return
	}
	_ = w.write(func(_ *casebuilder.Case, v *When) error {
		v.Month, v.At = &n, nil
		return nil
	})
}

// monthLayouts are the ways a month may be typed by name: "March 2027",
// "Mar 2027", "2027-03", "03/2027". Go reads month names in any case.
var monthLayouts = []string{"January 2006", "Jan 2006", "2006-01", "01/2006", "1/2006", "January, 2006"}

// period reads a month typed as people say it ("March 2027", "2027-03")
// or counted from 1 (the first month of the case), and returns its period
// of the horizon (0 the first).
func (w *WhenField) period(c *casebuilder.Case, s string) (int, error) {
	if !c.StartDate.IsZero() {
		for _, layout := range monthLayouts {
			t, err := time.Parse(layout, s)
			if err != nil {
				continue
			}
			n := (t.Year()-c.StartDate.Year)*12 + int(t.Month()) - int(c.StartDate.Month)
			if n < 0 {
				return 0, fmt.Errorf("%s is before the case's first month, %s", t.Format("January 2006"), MonthName(c, 0))
			}
			return min(n, 1e6), nil
		}
	}
	x, err := w.form.host.Parse(s, figure.Months)
	switch {
	case err != nil && !c.StartDate.IsZero():
		return 0, fmt.Errorf("type a month such as %s (or its number, 1 for %s); %q is neither", monthExample(c), MonthName(c, 0), s)
	case err != nil:
		return 0, err
	case x != math.Trunc(x) || x < 1:
		return 0, errors.New("type a month as a whole number from 1 (the first month of the case)")
	}
	return int(min(x, 1e6)) - 1, nil
}

// monthExample is a month to type, as the case names months.
func monthExample(c *casebuilder.Case) string {
	if c.StartDate.IsZero() {
		return "1 for the first month of the case"
	}
	return MonthName(c, 2)
}

func (w *WhenField) typedOffset() {
	if w.Setting() {
		return
	}
	n := 0
	if s := strings.TrimSpace(w.offset.Text); s != "" && s != "-" && s != "+" {
		x, err := w.form.host.Parse(strings.TrimPrefix(s, "+"), figure.Months)
		switch {
		case err != nil:
			w.ShowProblem(err)
			return
		case x != math.Trunc(x) || math.Abs(x) > 1e4:
			w.ShowProblem(errors.New("type the months after the milestone as a whole number (before it, with a minus)"))
			return
		}
		n = int(x)
	}
	_ = w.write(func(_ *casebuilder.Case, v *When) error {
		if v.At == nil {
			return ErrUnchanged
		}
		v.At.OffsetMonths = n
		return nil
	})
}

// Refresh shows when the line starts or ends in c, and the month that is.
func (w *WhenField) Refresh(c *casebuilder.Case, force bool) {
	v, ok := w.value.Read(c)
	if !ok {
		return
	}
	w.showHint(c)
	if !force && w.typing() {
		return
	}
	mode := inMonth
	switch {
	case v.At != nil && v.At.At == casebuilder.AtStart:
		mode = atStart
	case v.At != nil:
		mode = atEnd
	case v.Month == nil:
		mode = toHorizon
	}
	w.shown = mode
	w.Quietly(func() {
		w.mode.SetSelectedIndex(slices.Index(w.modes, mode))
		w.offerMilestones(c, v.At)
	})
	SetVisible(w.inMonth, mode == inMonth)
	SetVisible(w.inPlan, mode == atStart || mode == atEnd)
	switch {
	case v.Month != nil && mode == inMonth && !c.StartDate.IsZero():
		// A month is shown as a month: "March 2027".
		w.month.SetQuietly(MonthName(c, *v.Month))
	case v.Month != nil && mode == inMonth:
		w.month.SetQuietly(strconv.Itoa(*v.Month + 1))
	default:
		w.month.SetQuietly("")
	}
	if v.At != nil && v.At.OffsetMonths != 0 {
		w.offset.SetQuietly(fmt.Sprintf("%+d", v.At.OffsetMonths))
	} else {
		w.offset.SetQuietly("")
	}
	w.ShowProblem(nil)
}

// offerMilestones offers the plan's milestones, each by its name (twice
// the same name told apart by its place), the one anchored to selected.
func (w *WhenField) offerMilestones(c *casebuilder.Case, at *casebuilder.Anchor) {
	w.offered = w.offered[:0]
	labels := make([]string, 0, len(c.Plan.Milestones))
	seen := map[string]bool{}
	selected := -1
	for i, m := range c.Plan.Milestones {
		label := strings.TrimSpace(m.Name)
		if j := strings.IndexByte(label, '\n'); j >= 0 {
			label = strings.TrimSpace(label[:j])
		}
		if label == "" || seen[label] {
			label = strings.TrimSpace(fmt.Sprintf("%s (milestone %d)", label, i+1))
		}
		seen[label] = true
		if at != nil && m.ID != "" && m.ID == at.Milestone {
			selected = len(w.offered)
		}
		w.offered = append(w.offered, i)
		labels = append(labels, label)
	}
	if !slices.Equal(labels, w.milestone.Options) {
		w.milestone.SetOptions(labels)
	}
	if selected >= 0 {
		w.milestone.SetSelectedIndex(selected)
	} else {
		w.milestone.ClearSelected()
	}
}

// showHint names the month the point falls in.
func (w *WhenField) showHint(c *casebuilder.Case) {
	first, last, ok := w.months(c)
	text := ""
	switch {
	case !ok:
	case !w.end:
		text = "First month: " + MonthName(c, first)
	case last == nil:
		text = "To the end of the horizon, " + MonthName(c, max(c.HorizonMonths-1, 0))
	default:
		text = "Last month: " + MonthName(c, *last)
	}
	SetText(w.hint, text)
}

// alias is a path within a field that leads to one of its widgets: the
// review names the parts of a field (an anchor's milestone) by their own
// paths.
type alias struct {
	path   string
	target func() fyne.Focusable
}

func (a alias) Refresh(*casebuilder.Case, bool) {}
func (a alias) Path() string                    { return a.path }
func (a alias) FocusTarget() fyne.Focusable     { return a.target() }
