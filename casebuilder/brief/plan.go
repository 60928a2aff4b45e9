package brief

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// implementation writes section 5: the timeline of the milestones with the
// resources each needs and the stage gates between them, what each gate
// takes to go on and what stopping there means, the stakeholders and how
// they are kept informed, and the reporting cadence.
func (d *doc) implementation() {
	p := &d.c.Plan
	if len(p.Milestones) == 0 {
		none := "No milestones are planned yet."
		d.sectionWith(d.paraHeight(none, 9))
		d.para(none)
	} else {
		owners := map[string]bool{}
		for _, m := range p.Milestones {
			if o := strings.TrimSpace(m.Owner); o != "" {
				owners[o] = true
			}
		}
		first, last, dated := milestoneSpan(p.Milestones)
		s := fmt.Sprintf("%d milestone%s with %d owner%s", len(p.Milestones), plural(len(p.Milestones)), len(owners), plural(len(owners)))
		if dated {
			s += fmt.Sprintf(", from %s to %s", longDate(first), longDate(last))
		}
		intro := s + ". " + d.resourcesText()
		// The section starts here when its introduction and the timeline
		// fit, or, for a long plan, its first rows.
		start := 45.0
		if len(p.Milestones)+len(p.Gates) <= maxWholeTimeline {
			start = d.heightOf(func() {
				d.para(intro)
				d.gantt(p.Milestones)
			})
		}
		d.sectionWith(start)
		d.para(intro)
		d.gantt(p.Milestones)
	}
	d.gates()

	d.sub("Stakeholders and how they are kept informed")
	if len(p.Stakeholders) == 0 {
		d.para("No stakeholders are listed yet.")
	} else {
		t := &table{caption: "Stakeholders", size: 7, tight: true, cols: []col{
			{head: "Party", w: 18, align: "L"},
			{head: "Interest", w: 33, align: "L"},
			{head: "How they are informed", w: 31, align: "L"},
			{head: "How often", w: 18, align: "L"},
		}}
		for _, s := range p.Stakeholders {
			t.rows = append(t.rows, row{cells: []cell{{s: s.Party, style: "B"}, {s: s.Interest}, orNone(s.Channel), orNone(s.Frequency)}})
		}
		// The reporting cadence is how the stakeholders are kept
		// informed of progress.
		t.note = "Reporting cadence: " + endSentence(orDefault(p.ReportingCadence, "none is set yet"))
		d.table(t)
		return
	}
	d.sub("Reporting cadence")
	d.para(orDefault(p.ReportingCadence, "No reporting cadence is set yet."))
}

// maxWholeTimeline is how many rows a timeline has at most for the plan
// to start on a page only when all of it fits there; a longer one starts
// where its first rows fit.
const maxWholeTimeline = 16

// resourcesText says how many of the resources the milestones need are
// secured.
func (d *doc) resourcesText() string {
	total, open := 0, 0
	for _, m := range d.c.Plan.Milestones {
		for _, r := range m.Resources {
			total++
			if !r.Secured {
				open++
			}
		}
	}
	switch {
	case total == 0:
		return "No resources are listed against the milestones yet."
	case open == 0 && total == 1:
		return "The one resource the milestones need is secured."
	case open == 0:
		return fmt.Sprintf("All %d resources the milestones need are secured.", total)
	case open == 1:
		return fmt.Sprintf("%d of the %d resources the milestones need are secured; the one not yet secured is marked in the timeline.", total-open, total)
	}
	return fmt.Sprintf("%d of the %d resources the milestones need are secured; the %d not yet secured are marked in the timeline.", total-open, total, open)
}

// span returns a milestone's start and end, the one given standing for
// the other when it has only one; both are zero when it has neither.
func span(m casebuilder.Milestone) (start, end casebuilder.Date) {
	start, end = m.Start, m.End
	if start.IsZero() {
		start = end
	}
	if end.IsZero() {
		end = start
	}
	return start, end
}

// milestoneSpan returns the first start and the last end of the dated
// milestones.
func milestoneSpan(ms []casebuilder.Milestone) (first, last casebuilder.Date, ok bool) {
	for _, m := range ms {
		s, e := span(m)
		if s.IsZero() {
			continue
		}
		if !ok || s.Before(first) {
			first = s
		}
		if !ok || last.Before(e) {
			last = e
		}
		ok = true
	}
	return first, last, ok
}

// gantt writes the milestones as a table whose last column is a timeline.
func (d *doc) gantt(ms []casebuilder.Milestone) {
	first, last, dated := milestoneSpan(ms)
	from := casebuilder.Date{Year: first.Year, Month: first.Month, Day: 1}
	to := casebuilder.Date{Year: last.Year, Month: last.Month, Day: 1}.AddMonths(1)
	days := to.Time().Sub(from.Time()).Hours() / 24
	months := (to.Year-from.Year)*12 + int(to.Month-from.Month)
	pos := func(dt casebuilder.Date, x, w float64) float64 {
		return x + w*dt.Time().Sub(from.Time()).Hours()/24/days
	}
	ids := map[string]int{}
	for i, m := range ms {
		if m.ID != "" {
			if _, dup := ids[m.ID]; !dup {
				ids[m.ID] = i + 1
			}
		}
	}
	cols := []col{
		{head: "", w: 3.5, align: "R"},
		{head: "Milestone and resources", w: 30, align: "L"},
		{head: "Owner", w: 16, align: "L"},
		{head: "Start", w: 10.5, align: "L"},
		{head: "End", w: 10.5, align: "L"},
		{head: "After", w: 6, align: "L"},
	}
	if dated {
		cols = append(cols, col{head: "", w: 24, align: "L", headH: 10, headDraw: func(x, y, w, h float64) {
			d.timeAxis(from, months, x, y, w, h, pos)
		}})
	}
	t := &table{caption: "Timeline and resources", size: 7, cols: cols}
	var grid []gridLine
	if dated {
		// The timeline column's width is known once the table is laid out.
		ws := d.widths(t)
		grid = timeGrid(from, months, ws[len(ws)-1], pos)
	}
	gatesAt := d.gatesAfter(ms)
	for i, m := range ms {
		var after []string
		for _, dep := range m.DependsOn {
			if n, ok := ids[dep]; ok {
				after = append(after, itoa(n))
			}
		}
		cells := []cell{{s: itoa(i + 1), muted: true}, {s: orDefault(m.Name, "Unnamed milestone"), sub: resourcesText(m)},
			{s: orDefault(m.Owner, "No owner"), muted: strings.TrimSpace(m.Owner) == ""},
			dateCell(m.Start), dateCell(m.End), {s: strings.Join(after, ", ")}}
		if dated {
			m := m
			cells = append(cells, cell{draw: func(x, y, w, h float64) {
				d.drawGrid(grid, x, y, w, h)
				d.bar(m, x, y, w, h, pos)
			}})
		}
		t.rows = append(t.rows, row{cells: cells})
		for _, gi := range gatesAt[i] {
			t.rows = append(t.rows, d.gateRow(gi, i+1, dated, grid, pos))
		}
	}
	for _, gi := range gatesAt[-1] {
		t.rows = append(t.rows, d.gateRow(gi, 0, dated, grid, pos))
	}
	if dated {
		note := "Bars run from each milestone's start to its end; a diamond marks a milestone of a single day."
		if len(d.c.Plan.Gates) > 0 {
			note += " An open diamond marks a stage gate (G), a decision to go on only if its thresholds are met: the table below says what each takes."
		}
		if slices.ContainsFunc(ms, unsecured) {
			note += " A hatched bar: the milestone needs a resource not yet secured."
		}
		t.note = note + " \"After\" names the milestones that must finish first."
	}
	d.table(t)
}

// gatesAfter places the plan's stage gates in the timeline: by the index
// of the milestone each follows (its own milestone, or the last one that
// ends by its date), -1 for those that follow none.
func (d *doc) gatesAfter(ms []casebuilder.Milestone) map[int][]int {
	out := map[int][]int{}
	for gi := range d.c.Plan.Gates {
		g := &d.c.Plan.Gates[gi]
		at := -1
		if g.Milestone != "" {
			at = slices.IndexFunc(ms, func(m casebuilder.Milestone) bool { return m.ID == g.Milestone })
		} else if !g.Date.IsZero() {
			for i, m := range ms {
				if !m.End.IsZero() && !g.Date.Before(m.End) {
					at = i
				}
			}
		}
		out[at] = append(out[at], gi)
	}
	return out
}

// gateRow is a stage gate's row in the timeline: its name, who decides,
// its date, the milestone it follows, and an open diamond on its date.
func (d *doc) gateRow(gi, follows int, dated bool, grid []gridLine, pos func(casebuilder.Date, float64, float64) float64) row {
	g := &d.c.Plan.Gates[gi]
	day, ok := d.c.GateDay(g)
	when := cell{s: "not dated", muted: true}
	if ok {
		when = cell{s: shortDate(day)}
	}
	followed := ""
	if follows > 0 {
		followed = itoa(follows)
	}
	cells := []cell{{s: "G" + itoa(gi+1), style: "B"}, {s: orDefault(g.Name, "Unnamed gate"), style: "B", sub: "Stage gate"},
		{s: orDefault(g.DecidedBy, "No one named"), muted: strings.TrimSpace(g.DecidedBy) == ""}, when, {}, {s: followed}}
	if dated {
		cells = append(cells, cell{draw: func(x, y, w, h float64) {
			d.drawGrid(grid, x, y, w, h)
			if ok {
				d.gateMark(pos(day, x, w), y+min(h/2, 4.5))
			}
		}})
	}
	return row{cells: cells}
}

// gates writes what each stage gate takes to go on and what stopping
// there means: the lines that stop, the exit cost, what the
// recommendation has spent by then and its NPV if it stops there.
func (d *doc) gates() {
	gs := d.c.Plan.Gates
	if len(gs) == 0 {
		return
	}
	f := d.f
	t := &table{caption: "Stage gates", size: 7, tight: true, cols: []col{
		{head: "Gate", w: 26, align: "L"},
		{head: "Goes on only if", w: 40, align: "L"},
		{head: "If it stops there", w: 34, align: "L"},
	}}
	for gi := range gs {
		g := &gs[gi]
		when := "not dated"
		if day, ok := d.c.GateDay(g); ok {
			when = longDate(day)
		}
		goOn := cell{s: "No thresholds yet.", muted: true}
		if len(g.Thresholds) > 0 {
			goOn = cell{s: upperFirst(d.thresholdWords(g)) + "."}
		}
		stop := cell{s: "Not dated: what stopping there would mean is not worked out.", muted: true}
		if gi < len(d.res.Gates) && d.res.Gates[gi].Month >= 0 {
			gr := d.res.Gates[gi]
			s := upperFirst(d.stopsWords(g)) + " from " + d.monthLong(gr.Month)
			if gr.ExitCost > 0 {
				s += ", at an exit cost of " + f.Money(gr.ExitCost)
			}
			stop = cell{s: fmt.Sprintf("%s. Spent by then, the reserve included: %s. The NPV if it stops there: %s.", s, f.Money(gr.SpentBefore), f.Money(gr.NetIfStopped))}
		}
		t.rows = append(t.rows, row{cells: []cell{{s: "G" + itoa(gi+1) + "  " + orDefault(g.Name, "Unnamed gate"), style: "B", sub: when + ". Decided by: " + orDefault(g.DecidedBy, "no one named yet")}, goOn, stop}})
	}
	d.sub("Stage gates: when the programme would be stopped")
	d.table(t)
}

// gateMark draws a stage gate's open diamond, centred at (x, y).
func (d *doc) gateMark(x, y float64) {
	if d.dry {
		return
	}
	r := 2.0
	d.fill(pdfstyle.White)
	d.draw(pdfstyle.Accent)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Polygon([]gofpdf.PointType{{X: x, Y: y - r}, {X: x + r, Y: y}, {X: x, Y: y + r}, {X: x - r, Y: y}}, "FD")
}

// resourcesText lists what a milestone needs, the resources not yet
// secured first and marked so.
func resourcesText(m casebuilder.Milestone) string {
	var open, secured []string
	for _, r := range m.Resources {
		s := orDefault(r.Description, "Not described")
		if r.Secured {
			secured = append(secured, s)
		} else {
			open = append(open, "Not yet secured: "+s)
		}
	}
	return strings.Join(append(open, secured...), "\n")
}

func dateCell(dt casebuilder.Date) cell {
	if dt.IsZero() {
		return cell{s: "not dated", muted: true}
	}
	return cell{s: shortDate(dt)}
}

// timeAxis draws the years and the months or quarters of the timeline in
// the table's header.
func (d *doc) timeAxis(from casebuilder.Date, months int, x, y, w, h float64, pos func(casebuilder.Date, float64, float64) float64) {
	pdf := d.pdf
	monthW := w / float64(max(months, 1))
	// Every year is named when a year is 8 mm wide or more; otherwise
	// every k-th year.
	k := max(1, int(math.Ceil(8/(12*monthW))))
	d.setFont("B", 7)
	d.setColor(pdfstyle.White)
	d.draw(pdfstyle.Color{R: 120, G: 140, B: 170})
	pdf.SetLineWidth(0.15)
	for m := 0; m < months; {
		dt := from.AddMonths(m)
		n := min(12-int(dt.Month)+1, months-m)
		if dt.Year%k == 0 || k == 1 {
			x0 := pos(dt, x, w)
			span := min(x+w, pos(dt.AddMonths(n+12*(k-1)), x, w)) - x0
			if m > 0 {
				d.line(x0, y, x0, y+h)
			}
			if span >= 8 {
				d.textAt(x0, y+0.6, span, itoa(dt.Year), "C")
			}
		}
		m += n
	}
	d.setFont("", 6)
	for m := 0; m < months; m++ {
		dt := from.AddMonths(m)
		x0 := pos(dt, x, w)
		switch {
		case monthW >= 7:
			d.textAt(x0, y+h/2+0.4, monthW, dt.Time().Format("Jan"), "C")
		case monthW*3 >= 6 && (dt.Month-1)%3 == 0:
			if bw := min(3*monthW, x+w-x0); bw >= 5 {
				d.textAt(x0, y+h/2+0.4, bw, fmt.Sprintf("Q%d", (dt.Month-1)/3+1), "C")
			}
		}
	}
}

// gridLine is a vertical line of the timeline: its place as a fraction of
// the timeline's width, and whether it marks a new year.
type gridLine struct {
	at   float64
	year bool
}

// timeGrid returns the timeline's vertical lines: years, and quarters or
// months where there is room for them (never more than one a millimetre).
func timeGrid(from casebuilder.Date, months int, w float64, pos func(casebuilder.Date, float64, float64) float64) []gridLine {
	monthW := w / float64(max(months, 1))
	var out []gridLine
	for m := 1; m < months; m++ {
		dt := from.AddMonths(m)
		year := dt.Month == time.January
		switch {
		case year && monthW*12 >= 1:
		case monthW >= 4 || (monthW*3 >= 1 && (dt.Month-1)%3 == 0):
		default:
			continue
		}
		out = append(out, gridLine{pos(dt, 0, 1), year})
	}
	return out
}

// drawGrid draws the timeline's lines behind a row's bar.
func (d *doc) drawGrid(grid []gridLine, x, y, w, h float64) {
	d.pdf.SetLineWidth(0.1)
	for _, g := range grid {
		if g.year {
			d.draw(pdfstyle.Muted)
		} else {
			d.draw(pdfstyle.Rule)
		}
		d.line(x+g.at*w, y, x+g.at*w, y+h)
	}
}

// bar draws a milestone's bar, or a diamond for a milestone of one day.
func (d *doc) bar(m casebuilder.Milestone, x, y, w, h float64, pos func(casebuilder.Date, float64, float64) float64) {
	pdf := d.pdf
	s, e := span(m)
	if s.IsZero() {
		return
	}
	x0 := pos(s, x, w)
	x1 := pos(casebuilder.DateOf(e.Time().AddDate(0, 0, 1)), x, w)
	cy := y + min(h/2, 4.5) // beside the first line of a tall row
	d.fill(pdfstyle.Accent)
	d.draw(pdfstyle.Accent)
	if m.End.IsZero() || m.Start.IsZero() || s == e {
		r := 1.6
		if !d.dry {
			pdf.Polygon([]gofpdf.PointType{{X: x0, Y: cy - r}, {X: x0 + r, Y: cy}, {X: x0, Y: cy + r}, {X: x0 - r, Y: cy}}, "F")
		}
		return
	}
	if unsecured(m) {
		d.fill(pdfstyle.White)
		d.rect(x0, cy-1.6, max(x1-x0, 0.6), 3.2, "F")
		d.hatch(x0, cy-1.6, max(x1-x0, 0.6), 3.2)
		return
	}
	d.rect(x0, cy-1.6, max(x1-x0, 0.6), 3.2, "F")
}

// unsecured reports whether a milestone needs a resource not yet secured.
func unsecured(m casebuilder.Milestone) bool {
	for _, r := range m.Resources {
		if !r.Secured {
			return true
		}
	}
	return false
}
