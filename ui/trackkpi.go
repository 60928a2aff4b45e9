package ui

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

// maxReadingsListed bounds the readings listed under a KPI's chart, the
// newest first; the chart shows them all.
const maxReadingsListed = 4

// kpiView is one KPI of the baseline: where its latest reading stands
// against its trajectory, a chart of its readings, and a row to record a
// new one.
type kpiView struct {
	u       *UI
	m       casebuilder.BaselineMeasure
	summary *widget.Label
	chart   *chart.Chart
	date    *form.Entry
	value   *form.Entry
	note    *form.Entry
	record  *widget.Button
	problem *form.ErrorLabel
	list    *fyne.Container
	box     *fyne.Container
	kpi     *tracking.KPI // as of the progress shown
	// start and end are the first day of the programme and the last of its
	// horizon; from the day the KPI is due to start moving towards its
	// target.
	start, end, from casebuilder.Date
	// readings are the KPI's readings in the case, oldest first, each
	// with its place in the record.
	readings []placedReading
}

type placedReading struct {
	casebuilder.Reading
	at int
}

func newKPIView(u *UI, m casebuilder.BaselineMeasure) *kpiView {
	k := &kpiView{u: u, m: m, summary: muted(""), problem: form.NewErrorLabel(), list: container.NewVBox()}
	k.chart = chart.New(fyne.NewSize(260, 130), k.draw)
	// The app's entries, so that they behave as every field does (Tab,
	// the wheel), though they edit the case only on Record.
	k.date = form.NewEntry()
	k.date.SetPlaceHolder("Day, e.g. " + casebuilder.DateExample(u.lang()))
	k.value = form.NewEntry()
	k.value.SetPlaceHolder("Reading, in " + unitWords(m.Unit))
	k.note = form.NewEntry()
	k.note.SetPlaceHolder("Note (optional)")
	for _, e := range []*form.Entry{k.date, k.value, k.note} {
		e.OnHost(u.host())
	}
	k.record = widget.NewButtonWithIcon("Record", theme.ContentAddIcon(), k.onRecord)
	k.value.OnSubmitted = func(string) { k.onRecord() }
	k.note.OnSubmitted = func(string) { k.onRecord() }
	head := widget.NewLabelWithStyle(m.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	f := u.format()
	target := fmt.Sprintf("From %s to %s by %s", f.Value(m.Baseline, unitOr(m.Unit)), f.Value(m.Target, unitOr(m.Unit)), shortDate(m.Date))
	if m.Owner != "" {
		target += ", read by " + m.Owner
	}
	goal := muted(target)
	goal.SizeName = theme.SizeNameCaptionText
	row := form.NewColumns(1.1, 1, 1.4, 0.8).Row(labelled("Day", k.date), labelled("Reading", k.value), labelled("Note", k.note),
		container.NewVBox(captionLabel(" "), k.record))
	k.box = container.NewVBox(container.New(form.TightVBox{}, head, goal, k.summary),
		form.NewColumns(3, 2).Row(k.chart, container.NewVBox(k.list)), row, k.problem, widget.NewSeparator())
	return k
}

// onRecord adds the reading typed, or says what is wrong with it.
func (k *kpiView) onRecord() {
	r, err := k.typed()
	if err != nil {
		k.problem.Explain(err, "")
		return
	}
	err = k.u.edit(casebuilder.Where{Step: casebuilder.StepTracking, Path: "tracking.readings." + k.m.Key()}, "", func(c *casebuilder.Case) error {
		if c.Tracking == nil {
			return form.ErrGone
		}
		c.Tracking.Readings = append(c.Tracking.Readings, r)
		return nil
	})
	if err != nil {
		k.problem.Explain(readingProblem(err), "")
		return
	}
	k.problem.Explain(nil, "")
	k.value.SetText("")
	k.note.SetText("")
	k.u.focus(k.value)
}

// typed reads the reading typed.
func (k *kpiView) typed() (casebuilder.Reading, error) {
	r := casebuilder.Reading{Measure: k.m.Key(), Note: strings.TrimSpace(k.note.Text)}
	d, err := k.u.pastDay(k.date.Text, "Day", "type the day of the reading", "a reading is of what has happened")
	if err != nil {
		return r, err
	}
	r.Date = d
	text := strings.TrimSpace(k.value.Text)
	if text == "" {
		return r, fieldProblem{"Reading", "type the KPI's value on that day"}
	}
	v, err := k.u.parse(text, unitOr(k.m.Unit))
	if err != nil {
		reason := err.Error()
		var ne *figure.NumberError
		if errors.As(err, &ne) {
			reason = ne.Reason
		}
		// Said in one error, not wrapped, so that the field's name and
		// what was typed are shown with the reason.
		return r, fieldProblem{"Reading", "“" + text + "”: " + reason}
	}
	r.Value = v
	return r, nil
}

// readingProblem says why a reading was refused, without the record's
// paths.
func readingProblem(err error) error {
	var ps casebuilder.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		msg := ps[0].Message
		if i := strings.Index(msg, " (tracking."); i >= 0 {
			if j := strings.Index(msg[i:], ")"); j >= 0 {
				msg = msg[:i] + msg[i+j+1:]
			}
		}
		return errors.New(form.Capital(msg))
	}
	return err
}

// refresh lists the KPI's readings in c, the newest first.
func (k *kpiView) refresh(c *casebuilder.Case) {
	k.readings = k.readings[:0]
	for i, r := range c.Tracking.Readings {
		if r.Measure == k.m.Key() || r.Measure == k.m.ID && k.m.ID != "" {
			k.readings = append(k.readings, placedReading{r, i})
		}
	}
	slices.SortStableFunc(k.readings, func(a, b placedReading) int { return a.Date.Time().Compare(b.Date.Time()) })
	f := k.u.format()
	var rows []fyne.CanvasObject
	for i := len(k.readings) - 1; i >= 0 && len(rows) < maxReadingsListed; i-- {
		r := k.readings[i]
		text := shortDate(r.Date) + ": " + f.Value(r.Value, unitOr(k.m.Unit))
		if r.Note != "" {
			text += " — " + r.Note
		}
		l := widget.NewLabel(text)
		l.Truncation = fyne.TextTruncateEllipsis
		at := r.at
		del := form.IconButton(theme.DeleteIcon(), "Remove this reading", func() { k.remove(at) })
		rows = append(rows, container.NewBorder(nil, nil, nil, del, l))
	}
	if n := len(k.readings) - maxReadingsListed; n > 0 {
		rows = append(rows, muted(fmt.Sprintf("… and %s before.", plural(n, "reading"))))
	}
	k.list.Objects = rows
	k.list.Refresh()
	b := &c.Tracking.Baseline
	k.start = b.StartDate
	k.end = tracking.MonthOf(b.StartDate).Add(b.HorizonMonths - 1).Last()
	k.from = tracking.TrajectoryStart(b, &k.m)
	k.chart.Refresh()
}

// remove takes reading at out of the record.
func (k *kpiView) remove(at int) {
	_ = k.u.edit(casebuilder.Where{Step: casebuilder.StepTracking, Path: "tracking.readings." + k.m.Key()}, "", func(c *casebuilder.Case) error {
		if c.Tracking == nil || at >= len(c.Tracking.Readings) {
			return form.ErrGone
		}
		c.Tracking.Readings = slices.Delete(c.Tracking.Readings, at, at+1)
		return nil
	})
}

// show shows where the latest reading stands, as of the progress.
func (k *kpiView) show(p *tracking.Progress) {
	k.kpi = kpiOf(p, k.m.Key())
	if k.kpi == nil {
		return
	}
	var text string
	switch {
	case k.kpi.Latest == nil:
		text = "No reading yet."
	default:
		latest, due := k.kpi.LatestAndDue(k.u.format())
		text = fmt.Sprintf("Latest %s on %s, against %s due on its trajectory", latest, shortDate(k.kpi.LatestDate), due)
		if k.kpi.OnTrack != nil {
			if *k.kpi.OnTrack {
				text += ": on track."
			} else {
				text += ": OFF TRACK."
			}
		}
	}
	if k.kpi.Overdue {
		text += " A reading is overdue."
	}
	k.summary.SetText(text)
	if k.kpi.OnTrack != nil && !*k.kpi.OnTrack || k.kpi.Overdue {
		k.summary.Importance = widget.WarningImportance
	} else {
		k.summary.Importance = widget.LowImportance
	}
	k.summary.Refresh()
	k.chart.Refresh()
}

// focus focuses the reading's day when path is of this KPI's readings.
func (k *kpiView) focus(path string) bool {
	if path != "tracking.readings."+k.m.Key() {
		return false
	}
	k.u.focus(k.date)
	return true
}

// draw draws the readings (dots joined by a line) against the trajectory
// (at the baseline until the KPI is due to move, then on to the target on
// its date), and the target.
func (k *kpiView) draw(size fyne.Size) []fyne.CanvasObject {
	if k.start.IsZero() || !k.start.Before(k.end) || size.Width < 120 {
		return nil
	}
	m := &k.m
	lo, hi := math.Min(m.Baseline, m.Target), math.Max(m.Baseline, m.Target)
	// The chart runs from the start, or from a reading before it (of the
	// baseline, say), to the horizon's end or a reading after it.
	first, last := k.start, k.end
	for _, r := range k.readings {
		lo, hi = math.Min(lo, r.Value), math.Max(hi, r.Value)
		if last.Before(r.Date) {
			last = r.Date
		}
		if r.Date.Before(first) {
			first = r.Date
		}
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	pad := (hi - lo) * 0.1
	lo, hi = lo-pad, hi+pad
	f := k.u.format()
	unit := unitOr(m.Unit)
	left, right, top, bottom := float32(64), size.Width-8, float32(6), size.Height-18
	span := float32(last.Time().Sub(first.Time()).Hours())
	x := func(d casebuilder.Date) float32 {
		return left + (right-left)*float32(d.Time().Sub(first.Time()).Hours())/span
	}
	y := func(v float64) float32 { return bottom - float32((v-lo)/(hi-lo))*(bottom-top) }
	fg := theme.Color(theme.ColorNameForeground)
	grid := chart.WithAlpha(fg, 0x22)
	objs := []fyne.CanvasObject{
		chart.Line(grid, 1, left, top, left, bottom), chart.Line(grid, 1, left, bottom, right, bottom),
		chart.Text(f.Value(hi-pad, unit), left-6, y(hi-pad)-8, fyne.TextAlignTrailing, true),
		chart.Text(f.Value(lo+pad, unit), left-6, y(lo+pad)-8, fyne.TextAlignTrailing, true),
		chart.Text(shortDate(first), left, bottom+2, fyne.TextAlignLeading, true),
		chart.Text(shortDate(last), right, bottom+2, fyne.TextAlignTrailing, true),
	}
	// The target, across the chart; the trajectory, to the target's day.
	target := chart.WithAlpha(theme.Color(theme.ColorNameSuccess), 0xaa)
	for px := left; px < right; px += 8 {
		objs = append(objs, chart.Line(target, 1, px, y(m.Target), min(px+4, right), y(m.Target)))
	}
	traj := chart.WithAlpha(fg, 0x88)
	path := tracking.TrajectoryPath(m, k.start, k.from, k.end, last)
	for i := 1; i < len(path); i++ {
		objs = append(objs, chart.Line(traj, 1.5, x(path[i-1].Day), y(path[i-1].Value), x(path[i].Day), y(path[i].Value)))
	}
	objs = append(objs, chart.Text("target "+f.Value(m.Target, unit), right, y(m.Target)-14, fyne.TextAlignTrailing, true))
	col := chart.SeriesColor(1)
	for i, r := range k.readings {
		px, py := x(r.Date), y(r.Value)
		if i > 0 {
			prev := k.readings[i-1]
			objs = append(objs, chart.Line(col, 2, x(prev.Date), y(prev.Value), px, py))
		}
		dot := chart.Rect(col, px-3, py-3, 6, 6)
		dot.CornerRadius = 3
		objs = append(objs, dot)
	}
	return objs
}
