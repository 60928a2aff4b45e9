package brief

import (
	"fmt"
	"math"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfpage"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// The charts are vector drawings. None relies on colour alone: bars and
// cells carry their figures as labels, lines differ by dash pattern, and
// the shades step from light to dark in the order they mean.

// npvChart draws each alternative's NPV as a horizontal bar, the
// recommendation in dark blue, other alternatives in grey, negative values
// hatched, every bar labelled with its figure.
func (d *doc) npvChart() {
	pdf, f := d.pdf, d.f
	alts := d.res.Alternatives
	n := len(alts)
	rowH := 7.0
	if n > 8 {
		rowH = 5.2
	}
	axisH := 8.0
	h := float64(n)*rowH + axisH + 2
	lo, hi := 0.0, 0.0
	for _, a := range alts {
		lo, hi = min(lo, a.NPV), max(hi, a.NPV)
	}
	ticks := niceTicks(lo, hi, 5)
	lo, hi = min(lo, ticks[0]), max(hi, ticks[len(ticks)-1])
	note := "The recommended alternative's bar is dark, the others grey"
	if lo < 0 {
		note += "; a negative NPV is hatched"
	}
	note += ". Doing nothing is the zero line every other alternative is measured from."
	if !d.chartRoom(h, note) {
		return
	}
	labelW := min(58, d.contentW()*0.33)
	// Every bar's figure is written at its end, inside the margins: the
	// scale leaves room for the widest.
	labels := make([]string, n)
	styles := make([]string, n)
	for i, a := range alts {
		labels[i] = f.Money(a.NPV)
		switch {
		case i == d.res.Recommended:
			labels[i] += "  recommended"
			styles[i] = "B"
		case a.DoNothing:
			labels[i] += "  baseline"
		}
	}
	plotX := pdfstyle.MarginX + labelW + 2
	plotW := d.contentW() - labelW - 2
	// Place zero and the scale so that no label crosses the plot's edges.
	innerX, innerW := plotX, plotW
	for range 4 {
		for i, a := range alts {
			d.setFont(styles[i], 7)
			w := d.width(labels[i]) + 2.5
			frac := (a.NPV - lo) / (hi - lo)
			if a.NPV >= 0 && innerX+innerW*frac+w > plotX+plotW {
				innerW = (plotX + plotW - w - innerX) / max(frac, 1e-9)
			}
			if a.NPV < 0 && innerX+innerW*frac-w < plotX {
				shift := plotX - (innerX + innerW*frac - w)
				innerX += shift
				innerW -= shift
			}
		}
	}
	xOf := func(v float64) float64 { return innerX + innerW*(v-lo)/(hi-lo) }
	top := d.y
	bottom := top + float64(n)*rowH

	d.moneyGrid(ticks, xOf, top, bottom)
	for i, a := range alts {
		y := top + float64(i)*rowH
		rec := i == d.res.Recommended
		// The label.
		style := ""
		if rec {
			style = "B"
		}
		d.setFont(style, 7.5)
		d.setColor(pdfstyle.Ink)
		// A long name takes two lines where the rows are tall enough.
		lh := pdfstyle.LineHeight(7.5)
		lines := d.clamp(orDefault(a.Name, "Unnamed alternative"), labelW, max(1, int(rowH/lh)))
		for j, l := range lines {
			d.textAt(pdfstyle.MarginX, y+rowH/2-float64(len(lines))*lh/2+float64(j)*lh, labelW, l, "R")
		}
		// The bar.
		x0, x1 := xOf(0), xOf(a.NPV)
		bh := rowH * 0.62
		by := y + (rowH-bh)/2
		left, w := min(x0, x1), math.Abs(x1-x0)
		switch {
		case w < 0.05:
		case a.NPV < 0:
			d.hatch(left, by, w, bh)
		case rec:
			d.fill(pdfstyle.Accent)
			d.rect(left, by, w, bh, "F")
		default:
			d.fill(pdfstyle.Bar)
			d.rect(left, by, w, bh, "F")
		}
		// The figure at the bar's end.
		d.setFont(style, 7)
		label := labels[i]
		lw := d.width(label) + 1
		if a.NPV < 0 {
			d.textAt(x1-lw-1, y+rowH/2-pdfstyle.LineHeight(7)/2, lw, label, "R")
		} else {
			d.textAt(x1+1.2, y+rowH/2-pdfstyle.LineHeight(7)/2, lw, label, "L")
		}
	}
	// The zero line.
	d.draw(pdfstyle.Ink)
	pdf.SetLineWidth(0.3)
	d.line(xOf(0), top-1, xOf(0), bottom+0.5)
	d.y = bottom + axisH
	d.note(note)
}

// chartRoom makes room for a chart h high and the note under it, with
// the headings before them, and reports whether to draw it: in a dry run
// it only moves past them.
func (d *doc) chartRoom(h float64, note string) bool {
	d.block(h + d.noteHeight(note))
	if d.dry {
		d.y += h + d.noteHeight(note) // the note, as drawn below the chart
		return false
	}
	return true
}

// moneyGrid draws a chart's grid: a vertical line from top to bottom at
// each tick, placed by xOf, with the amount under it.
func (d *doc) moneyGrid(ticks []float64, xOf func(float64) float64, top, bottom float64) {
	d.pdf.SetLineWidth(0.1)
	d.draw(pdfstyle.Rule)
	d.setFont("", 6.5)
	d.setColor(pdfstyle.Muted)
	for _, t := range ticks {
		x := xOf(t)
		d.line(x, top, x, bottom)
		d.centredAt(x, bottom+1, d.f.MoneyShort(t))
	}
}

// axisLabelW is the width of the widest label of a chart's vertical axis,
// whose ticks are written by label, in the axis's type.
func (d *doc) axisLabelW(ticks []float64, label func(float64) string) float64 {
	d.setFont("", 6.5)
	w := 0.0
	for _, t := range ticks {
		w = max(w, d.width(label(t)))
	}
	return w
}

// valueGrid draws a chart's horizontal grid: a line across the plot, from
// plotX and plotW wide, at each tick, placed by yOf, with the tick written
// by label right-aligned in the labelW before the plot, in the type
// axisLabelW set.
func (d *doc) valueGrid(ticks []float64, label func(float64) string, yOf func(float64) float64, plotX, plotW, labelW float64) {
	d.pdf.SetLineWidth(0.1)
	d.draw(pdfstyle.Rule)
	d.setColor(pdfstyle.Muted)
	for _, t := range ticks {
		y := yOf(t)
		d.line(plotX, y, plotX+plotW, y)
		d.textAt(pdfstyle.MarginX, y-pdfstyle.LineHeight(6.5)/2, labelW, label(t), "R")
	}
}

// centredAt writes a short label centred on x, moved inside the margins
// where it would cross them.
func (d *doc) centredAt(x, y float64, s string) {
	w := d.width(s) + 0.5
	left := min(max(x-w/2, pdfstyle.MarginX), pdfstyle.MarginX+d.contentW()-w)
	d.textAt(left, y, w, s, "C")
}

// hatch draws a rectangle outlined and filled with diagonal lines: a
// negative figure, legible without colour.
func (d *doc) hatch(x, y, w, h float64) {
	pdf := d.pdf
	d.draw(pdfstyle.Ink)
	pdf.SetLineWidth(0.15)
	pdf.ClipRect(x, y, w, h, false)
	for s := -h; s < w; s += 1.2 {
		d.line(x+s, y+h, x+s+h, y)
	}
	pdf.ClipEnd()
	d.rect(x, y, w, h, "D")
}

// cashChart draws the cumulative flows of an alternative month by
// month: net (solid), benefits (dashed) and costs (dotted), each point the
// cumulative figure at the end of a month, and the month in which the
// investment is paid back shaded, the net line crossing zero inside it.
//
// The axis runs from the start of the first month to the end of the last;
// a month's label stands at its start. So the shaded month is the month
// the text names: the cumulative net flow is still negative at its
// start and positive, for good, at its end.
func (d *doc) cashChart(a *casebuilder.AltResult) {
	pdf, f := d.pdf, d.f
	n := len(a.CashFlows)
	if n == 0 {
		d.para("The horizon is empty, so there are no cash flows to chart.")
		return
	}
	legendH, plotH, axisH := 7.0, 36.0, 8.0
	h := legendH + plotH + axisH
	pm, paid := casebuilder.PaybackMonth(a.CashFlows)
	note := "Each point is the cumulative figure at the end of a month. " + casebuilder.PaybackConvention
	if !paid {
		note = "Each point is the cumulative figure at the end of a month. The cumulative net flow does not turn positive for good within the horizon: the investment is not paid back."
	}
	if !d.chartRoom(h, note) {
		return
	}
	// The cumulative figures at the end of each month, after the start
	// (point 0), when nothing has been spent yet.
	net, ben, cost := make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
	lo, hi := 0.0, 0.0
	for m := range n {
		net[m+1] = net[m] + a.CashFlows[m]
		ben[m+1] = ben[m] + a.Benefits[m]
		cost[m+1] = cost[m] + a.Costs[m]
		lo = min(lo, net[m+1])
		hi = max(hi, net[m+1], ben[m+1], cost[m+1])
	}
	ticks := niceTicks(lo, hi, 5)
	lo, hi = ticks[0], ticks[len(ticks)-1]
	if hi <= lo {
		hi = lo + 1
	}

	// The legend.
	top := d.y
	lx := pdfstyle.MarginX
	legend := func(dash []float64, width float64, c pdfstyle.Color, label string) {
		pdfpage.Stroke(pdf, c, width, dash)
		d.line(lx, top+2.2, lx+9, top+2.2)
		pdf.SetDashPattern(nil, 0)
		d.setFont("", 7.5)
		d.setColor(pdfstyle.Ink)
		w := d.width(label) + 1
		d.textAt(lx+11, top, w, label, "L")
		lx += 11 + w + 7
	}
	legend(nil, 0.8, pdfstyle.Accent, "Cumulative net flow")
	legend([]float64{2, 1.2}, 0.45, pdfstyle.Ink, "Cumulative benefits")
	legend([]float64{0.4, 0.9}, 0.55, pdfstyle.Muted, "Cumulative costs")

	// The axes.
	labelW := d.axisLabelW(ticks, f.MoneyShort)
	plotX := pdfstyle.MarginX + labelW + 2.5
	plotW := d.contentW() - labelW - 2.5
	plotY := top + legendH
	xOf := func(m float64) float64 { return plotX + plotW*m/float64(n) }
	yOf := func(v float64) float64 { return plotY + plotH*(hi-v)/(hi-lo) }

	// The month the investment is paid back in, shaded behind the rest.
	if paid {
		d.fill(pdfstyle.Panel)
		d.rect(xOf(float64(pm)), plotY, xOf(float64(pm+1))-xOf(float64(pm)), plotH, "F")
	}
	d.valueGrid(ticks, f.MoneyShort, yOf, plotX, plotW, labelW)
	step := 3
	for _, s := range []int{3, 6, 12, 24, 36, 60} {
		step = s
		if plotW/float64(n)*float64(s) >= 16 {
			break
		}
	}
	for m := 0; m <= n; m += step {
		x := xOf(float64(m))
		d.draw(pdfstyle.Rule)
		d.line(x, plotY, x, plotY+plotH+1)
		if m == n {
			break // the end of the horizon, not a month
		}
		label := fmt.Sprintf("Month %d", m)
		if !d.c.StartDate.IsZero() {
			label = shortMonth(d.c.StartDate.AddMonths(m))
		}
		// The label starts at its month's start.
		w := d.width(label) + 0.5
		d.textAt(min(x, pdfstyle.MarginX+d.contentW()-w), plotY+plotH+1.5, w, label, "L")
	}
	d.draw(pdfstyle.Ink)
	pdf.SetLineWidth(0.3)
	d.line(plotX, yOf(0), plotX+plotW, yOf(0))

	// The lines.
	poly := func(vs []float64, dash []float64, width float64, c pdfstyle.Color) {
		pdfpage.Stroke(pdf, c, width, dash)
		pdf.SetLineJoinStyle("round")
		pdf.MoveTo(xOf(0), yOf(vs[0]))
		for m := 1; m <= n; m++ {
			pdf.LineTo(xOf(float64(m)), yOf(vs[m]))
		}
		pdf.DrawPath("D")
		pdf.SetDashPattern(nil, 0)
	}
	poly(cost, []float64{0.4, 0.9}, 0.55, pdfstyle.Muted)
	poly(ben, []float64{2, 1.2}, 0.45, pdfstyle.Ink)
	poly(net, nil, 0.8, pdfstyle.Accent)
	// The final net figure at the end of its line.
	d.setFont("B", 7)
	d.setColor(pdfstyle.Accent)
	endLabel := f.MoneyShort(net[n]) + " net"
	ew := d.width(endLabel) + 1
	ey := yOf(net[n]) - pdfstyle.LineHeight(7) - 0.6
	if ey < plotY {
		ey = yOf(net[n]) + 0.6
	}
	d.fill(pdfstyle.White)
	d.rect(plotX+plotW-ew-0.5, ey, ew+0.5, pdfstyle.LineHeight(7), "F")
	d.textAt(plotX+plotW-ew, ey, ew, endLabel, "R")

	// The payback: where the net line crosses zero for good, inside the
	// shaded month, and the month named above it.
	if paid {
		at := float64(pm)
		if pm > 0 {
			at += -net[pm] / a.CashFlows[pm]
			x := xOf(at)
			d.draw(pdfstyle.Ink)
			d.fill(pdfstyle.White)
			pdf.SetLineWidth(0.5)
			pdf.Circle(x, yOf(0), 1.4, "FD")
		}
		d.log.paidBack.drawn, d.log.paidBack.month, d.log.paidBack.crossing = true, pm, at
		d.setFont("B", 7.5)
		d.setColor(pdfstyle.Ink)
		label := d.fit("Paid back in "+d.paidBackIn(a, false), plotW-2)
		lw := d.width(label) + 2
		// Right of the shaded month, or left of it, or wherever it fits.
		lx := xOf(float64(pm+1)) + 1
		if lx+lw > plotX+plotW {
			lx = xOf(float64(pm)) - 1 - lw
		}
		lx = max(plotX, min(lx, plotX+plotW-lw))
		ly := plotY + 1.5
		d.fill(pdfstyle.White)
		d.rect(lx, ly, lw, pdfstyle.LineHeight(7.5)+0.4, "F")
		d.textAt(lx+1, ly+0.2, lw-2, label, "L")
	}
	d.y = plotY + plotH + axisH
	d.note(note)
}

// heatShades are the heat map's shades by band, light to dark: they keep
// their order in grey-scale.
var heatShades = []pdfstyle.Color{{R: 236, G: 242, B: 236}, {R: 246, G: 220, B: 140}, {R: 228, G: 150, B: 88}, {R: 178, G: 56, B: 50}}

var heatBands = []string{"Low", "Medium", "High", "Very high"}

// heatBand is the band of a cell: likelihood score × impact score.
func heatBand(l, i int) int {
	switch s := l * i; {
	case s >= 15:
		return 3
	case s >= 8:
		return 2
	case s >= 4:
		return 1
	}
	return 0
}

// heatMap draws the 5 × 5 grid of likelihood against impact, each cell
// holding its risks' numbers (or their count), with a key to the bands.
func (d *doc) heatMap(rs []*casebuilder.Risk) {
	pdf := d.pdf
	cellW, cellH := 19.0, 9.0
	axisW, axisH := 30.0, 12.0
	h := 5*cellH + axisH + 8
	d.block(h)
	if d.dry {
		d.y += h
		return
	}
	cells := map[[2]int][]int{}
	unrated := 0
	for _, r := range rs {
		i := r.ImpactScore
		if i < 1 || i > 5 {
			unrated++
			continue
		}
		k := [2]int{casebuilder.LikelihoodScore(r.Likelihood), i}
		cells[k] = append(cells[k], d.riskNo[r])
	}
	x0 := pdfstyle.MarginX + axisW
	y0 := d.y + 4
	// Axis titles.
	d.setFont("B", 7)
	d.setColor(pdfstyle.Muted)
	d.textAt(pdfstyle.MarginX, d.y-1, axisW, "LIKELIHOOD", "L")
	d.textAt(x0, y0+5*cellH+6.5, 5*cellW, "IMPACT", "C")
	likelihoodRanges := []string{"", "up to 10%", "10% to 30%", "30% to 50%", "50% to 70%", "over 70%"}
	for l := 5; l >= 1; l-- {
		y := y0 + float64(5-l)*cellH
		d.setFont("B", 7)
		d.setColor(pdfstyle.Ink)
		d.textAt(pdfstyle.MarginX, y+cellH/2-3, axisW-2, likelihoodWords[l], "R")
		d.setFont("", 6.5)
		d.setColor(pdfstyle.Muted)
		d.textAt(pdfstyle.MarginX, y+cellH/2+0.2, axisW-2, likelihoodRanges[l], "R")
		for i := 1; i <= 5; i++ {
			x := x0 + float64(i-1)*cellW
			band := heatBand(l, i)
			d.fill(heatShades[band])
			d.draw(pdfstyle.White)
			pdf.SetLineWidth(0.6)
			d.rect(x, y, cellW, cellH, "FD")
			nums := cells[[2]int{l, i}]
			if len(nums) == 0 {
				continue
			}
			ink := pdfstyle.Ink
			if band == 3 {
				ink = pdfstyle.White
			}
			d.setColor(ink)
			labels := make([]string, len(nums))
			for j, n := range nums {
				labels[j] = fmt.Sprintf("R%d", n)
			}
			d.setFont("B", 7)
			text := strings.Join(labels, " ")
			lines := d.wrap(text, cellW-2)
			if len(lines) > 2 {
				d.setFont("B", 9)
				lines = []string{figure.Plural(len(nums), "risk", "risks")}
			}
			ty := y + (cellH-float64(len(lines))*pdfstyle.LineHeight(7))/2
			for _, ln := range lines {
				d.textAt(x+1, ty, cellW-2, ln, "C")
				ty += pdfstyle.LineHeight(7)
			}
		}
	}
	for i := 1; i <= 5; i++ {
		x := x0 + float64(i-1)*cellW
		d.setFont("B", 7)
		d.setColor(pdfstyle.Ink)
		d.textAt(x, y0+5*cellH+0.8, cellW, impactWords[i], "C")
	}
	// The key, to the right.
	kx := x0 + 5*cellW + 10
	kw := pdfstyle.MarginX + d.contentW() - kx
	ky := y0
	d.setFont("B", 7.5)
	d.setColor(pdfstyle.Ink)
	d.textAt(kx, ky, kw, d.fit("Bands (likelihood × impact)", kw), "L")
	ky += 5
	bandRanges := []string{"1 to 3", "4 to 7", "8 to 14", "15 to 25"}
	for b := len(heatBands) - 1; b >= 0; b-- {
		d.fill(heatShades[b])
		d.draw(pdfstyle.Rule)
		pdf.SetLineWidth(0.2)
		d.rect(kx, ky, 6, 4, "FD")
		d.setFont("", 7.5)
		d.setColor(pdfstyle.Ink)
		d.textAt(kx+8, ky+0.3, kw-8, heatBands[b]+": "+bandRanges[b], "L")
		ky += 5.5
	}
	ky += 2
	d.setFont("", 7)
	d.setColor(pdfstyle.Muted)
	notes := "Each cell lists the numbers of its risks, as in the table below (R1 is the case's first risk)."
	if unrated > 0 {
		notes += fmt.Sprintf(" %d risk%s without an impact score %s not placed.", unrated, plural(unrated), map[bool]string{true: "is", false: "are"}[unrated == 1])
	}
	for _, l := range d.wrap(notes, kw) {
		d.textAt(kx, ky, kw, l, "L")
		ky += pdfstyle.LineHeight(7)
	}
	d.y = y0 + 5*cellH + axisH
}
