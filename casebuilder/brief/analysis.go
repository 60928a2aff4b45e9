package brief

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfpage"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// This file shows the analysis of the case (casebuilder.Analyse) that is
// not part of its costed figures: the Monte Carlo simulation with the
// risks happening (section 2 and the summary), the tornado of the
// recommendation's NPV and the break-even of every estimate (section 3,
// the key one on the summary) and the CEO review (a line on the summary
// when it is blocking, and the appendix when the author asks for it).

// recSimulation is the simulation's results for the recommended
// alternative; nil when there is no simulation, or the recommendation is
// to do nothing.
func (d *doc) recSimulation() *casebuilder.AltSimulation {
	sim, ai := d.an.Simulation, d.res.Recommended
	if sim == nil || ai < 0 || ai >= len(sim.Alternatives) || sim.Alternatives[ai].DoNothing {
		return nil
	}
	return &sim.Alternatives[ai]
}

// distributionName names the simulation's distribution in words.
func distributionName(dist casebuilder.Distribution) string {
	if dist == casebuilder.Triangular {
		return "triangular"
	}
	return "PERT"
}

// distributionWords says what the simulation's distribution is, in words.
func distributionWords(dist casebuilder.Distribution) string {
	if dist == casebuilder.Triangular {
		return "a triangle from low to high, peaking at the likely value"
	}
	return "a smooth curve from low to high, peaking at the likely value"
}

// trialsText writes a number of trials: "10,000 trials".
func (d *doc) trialsText() string {
	n := d.an.Simulation.Trials
	return d.f.Number(float64(n), 0) + " trial" + plural(n)
}

// uncertainty writes, after the weighted scoring, what the ranges of the
// estimates do to the alternatives' figures: the simulation's percentiles
// per alternative and the distribution of the recommendation's NPV.
func (d *doc) uncertainty() {
	sim, f := d.an.Simulation, d.f
	if sim == nil || len(sim.Alternatives) == 0 {
		return
	}
	d.sub("Uncertainty: the range of outcomes")
	t := &table{caption: "Simulated outcomes", size: 7.5, cols: []col{
		{head: "Alternative", w: 34, align: "L"},
		{head: "NPV P10", w: 14, align: "R"},
		{head: "NPV P50", w: 14, align: "R"},
		{head: "NPV P90", w: 14, align: "R"},
		{head: "ROI P50", w: 11, align: "R"},
		{head: "Probability NPV > 0", w: 13, align: "R"},
	}}
	for i, a := range sim.Alternatives {
		name, kind := d.alternativeCell(i, a.Name, a.DoNothing, "The baseline: zero in every trial")
		t.rows = append(t.rows, row{kind: kind, cells: []cell{name,
			{s: f.Money(a.NPVP10)}, {s: f.Money(a.NPVP50), style: "B"}, {s: f.Money(a.NPVP90)},
			{s: f.Maybe(a.ROIP50, f.Percent)}, {s: f.Percent(a.ProbNPVPositive), style: "B"}}})
	}
	risks := ""
	if slices.ContainsFunc(sim.Alternatives, func(a casebuilder.AltSimulation) bool { return a.IncludesRisks }) {
		risks = " The figures include the risks happening: in each trial every risk happens or not with its likelihood, costing its contingency plan and what is left of its impact, in place of the reserve."
	}
	d.leadFor(fmt.Sprintf("The simulation draws the %d estimates given as low, likely and high from a %s distribution, %s times (seed %d), the same draws for every alternative: eight trials in ten fall between P10 and P90, and P50 is the median.%s",
		sim.Uncertain, distributionName(sim.Distribution), d.f.Number(float64(sim.Trials), 0), sim.Seed, risks), t)
	d.table(t)

	rs := d.recSimulation()
	if rs == nil {
		return
	}
	d.minor("Simulated NPV of " + orDefault(rs.Name, "the recommendation"))
	d.histogram(rs)
}

// histogram draws the distribution of an alternative's simulated NPV:
// the share of the trials in each band, the bands below zero hatched, and
// dashed lines at P10, P50 and P90, each labelled with its figure.
func (d *doc) histogram(a *casebuilder.AltSimulation) {
	pdf, f := d.pdf, d.f
	bins := a.Histogram
	if len(bins) < 2 || a.Trials == 0 {
		v := 0.0
		if len(bins) > 0 {
			v = bins[0].From
		}
		d.para(fmt.Sprintf("Every trial gives the same NPV, %s: none of the estimates it depends on is given as a range.", f.Money(v)))
		return
	}
	labelRowH, plotH, axisH := 3.4, 28.0, 8.0
	h := 2*labelRowH + 1 + plotH + axisH
	lo, hi := bins[0].From, bins[len(bins)-1].To
	ticks := niceTicks(lo, hi, 6)
	lo, hi = min(lo, ticks[0]), max(hi, ticks[len(ticks)-1])
	note := fmt.Sprintf("The share of the %s in each band of NPV. Dashed lines: P10, P50 (the median) and P90.", d.trialsText())
	if lo < 0 {
		note += fmt.Sprintf(" Hatched: trials whose NPV is below zero (%s of them).", f.Percent(1-a.ProbNPVPositive))
	}
	if !d.chartRoom(h, note) {
		return
	}
	maxShare := 0.0
	for _, b := range bins {
		maxShare = max(maxShare, float64(b.Count)/float64(a.Trials))
	}
	yTicks := niceTicks(0, maxShare, 4)
	yHi := max(yTicks[len(yTicks)-1], maxShare)

	labelW := d.axisLabelW(yTicks, f.Percent)
	plotX := pdfstyle.MarginX + labelW + 2.5
	plotW := d.contentW() - labelW - 2.5
	plotY := d.y + 2*labelRowH + 1
	xOf := func(v float64) float64 { return plotX + plotW*(v-lo)/(hi-lo) }
	yOf := func(share float64) float64 { return plotY + plotH*(1-share/yHi) }

	// Grid.
	d.valueGrid(yTicks, f.Percent, yOf, plotX, plotW, labelW)
	for _, t := range ticks {
		x := xOf(t)
		d.line(x, plotY, x, plotY+plotH)
		d.centredAt(x, plotY+plotH+1, f.MoneyShort(t))
	}
	// The bars: solid above zero, hatched below.
	for _, b := range bins {
		if b.Count == 0 {
			continue
		}
		x0, x1 := xOf(b.From)+0.15, xOf(b.To)-0.15
		if x1-x0 < 0.1 {
			x1 = x0 + 0.1
		}
		y := yOf(float64(b.Count) / float64(a.Trials))
		zero := xOf(0)
		if b.From < 0 {
			right := min(x1, zero)
			d.hatch(x0, y, right-x0, plotY+plotH-y)
			x0 = right
		}
		if x1 > x0+0.01 {
			d.fill(pdfstyle.Accent)
			d.rect(x0, y, x1-x0, plotY+plotH-y, "F")
		}
	}
	// The axes and zero.
	d.draw(pdfstyle.Ink)
	pdf.SetLineWidth(0.3)
	d.line(plotX, plotY+plotH, plotX+plotW, plotY+plotH)
	if lo < 0 && hi > 0 {
		d.line(xOf(0), plotY-0.5, xOf(0), plotY+plotH)
	}
	// The percentiles, labelled above the plot on two rows so that close
	// labels do not overlap.
	marks := []struct {
		name string
		v    float64
	}{{"P10", a.NPVP10}, {"P50", a.NPVP50}, {"P90", a.NPVP90}}
	d.setFont("B", 6.5)
	lastRight := []float64{math.Inf(-1), math.Inf(-1)}
	for _, m := range marks {
		x := xOf(m.v)
		// A white line under the dashes keeps them visible across the
		// dark bars.
		d.draw(pdfstyle.White)
		pdf.SetLineWidth(0.9)
		d.line(x, plotY, x, plotY+plotH)
		pdfpage.Stroke(pdf, pdfstyle.Ink, 0.35, []float64{1, 0.8})
		d.line(x, plotY, x, plotY+plotH)
		pdf.SetDashPattern(nil, 0)
		label := m.name + " " + f.MoneyShort(m.v)
		w := d.width(label) + 0.6
		left := min(max(x-w/2, pdfstyle.MarginX), pdfstyle.MarginX+d.contentW()-w)
		row := 1
		if left < lastRight[1]+1 {
			row = 0
		}
		lastRight[row] = left + w
		ly := d.y + float64(row)*labelRowH
		d.setColor(pdfstyle.Ink)
		d.textAt(left, ly, w, label, "C")
		if row == 0 {
			// A tick from the upper label down to its line.
			d.draw(pdfstyle.Muted)
			pdf.SetLineWidth(0.15)
			d.line(x, ly+labelRowH, x, plotY)
		}
	}
	d.y = plotY + plotH + axisH
	d.note(note)
}

// tornadoShown reports whether the brief has the tornado: when an
// alternative other than doing nothing is recommended.
func (d *doc) tornadoShown() bool {
	rec := d.res.RecommendedAlternative()
	return rec != nil && !rec.DoNothing && d.an.Tornado != nil && d.an.Tornado.Alternative >= 0
}

// tornadoRows is how many inputs the tornado chart shows at most; the
// table in the appendix lists them all.
const tornadoRows = 6

// moving returns the estimates that move the recommendation's NPV, the
// largest swing first.
func (d *doc) moving() []casebuilder.Driver {
	var out []casebuilder.Driver
	for _, dr := range d.an.Tornado.Drivers {
		if dr.Swing > 0 {
			out = append(out, dr)
		}
	}
	return out
}

// sensitivity writes, in the financials, the tornado of the
// recommendation's NPV: how far it moves when each uncertain estimate goes
// to its low and to its high, the others held at their likely values.
func (d *doc) sensitivity() {
	if !d.tornadoShown() {
		return
	}
	t, f := d.an.Tornado, d.f
	d.sub("What moves the NPV most")
	moving := d.moving()
	name := orDefault(t.Name, "the recommended alternative")
	if len(moving) == 0 {
		d.para(fmt.Sprintf("No estimate that the NPV of %s depends on is given as a range, so it does not move: give low and high values to the estimates to see which matter most.", name))
		return
	}
	shown := moving[:min(len(moving), tornadoRows)]
	note := ""
	if more := len(moving) - len(shown); more > 0 {
		note = fmt.Sprintf("%d more estimate%s move%s the NPV less. ", more, plural(more), map[bool]string{true: "s", false: ""}[more == 1])
	}
	note += "Every estimate, with its figures and its break-even, is in the table below."
	d.lead(fmt.Sprintf("The NPV of %s is %s with every estimate at its likely value. Each bar shows where it goes with one estimate at its low or at its high value, every other at its likely value.",
		name, f.Money(t.BaseNPV)), d.tornadoHeight(len(shown))+d.noteHeight(note))
	d.tornadoChart(t.BaseNPV, shown, note)
}

// breakEvens writes, in the financials, the break-even of every estimate
// the recommendation depends on: its low, likely and high values, its NPV
// with the estimate at its low and at its high (the tornado's figures),
// the values for which the NPV stays positive, and those for which the
// recommendation stays ahead of the next alternative, every other estimate
// at its likely value.
func (d *doc) breakEvens() {
	if !d.tornadoShown() || len(d.an.BreakEven) == 0 {
		return
	}
	f := d.f
	drivers := map[casebuilder.Estimate]casebuilder.Driver{}
	for _, dr := range d.an.Tornado.Drivers {
		drivers[dr.Estimate] = dr
	}
	next, gap := d.nextAlternative()
	t := &table{caption: "Break-even of every estimate", size: 7, tight: true, cols: []col{
		{head: "Estimate", w: 23, align: "L"},
		{head: "Kind", w: 8.5, align: "L"},
		{head: "Low", w: 10, align: "R"},
		{head: "Likely", w: 10.5, align: "R"},
		{head: "High", w: 10, align: "R"},
		{head: "NPV at low", w: 10, align: "R"},
		{head: "NPV at high", w: 10, align: "R"},
		{head: "NPV positive while", w: 12.5, align: "R"},
		{head: "Ahead of the next while", w: 12.5, align: "R"},
	}}
	if next == "" {
		t.cols = t.cols[:len(t.cols)-1]
	}
	const none = "none within the values it can take"
	dash := cell{s: "–", muted: true}
	// A value and its unit stay on one line, set smaller where the column
	// is narrow for them.
	value := func(v float64, u figure.Unit) string { return strings.ReplaceAll(f.Value(v, u), " ", "\u00a0") }
	for _, be := range d.an.BreakEven {
		name := cell{s: orDefault(be.Input, upperFirst(d.place(be.Path)))}
		kind := cell{s: shortKind(be.Kind), muted: true}
		// A cost per head is estimated for one head (the lines table says
		// how many): without a word, €8,500 reads as the line's €17,000.
		if e := be.Estimate; e.Kind == casebuilder.CostEstimate && e.Alternative < len(d.c.Alternatives) &&
			e.Line < len(d.c.Alternatives[e.Alternative].Costs) && d.c.Alternatives[e.Alternative].Costs[e.Line].PerHead {
			kind.s += " per head"
		}
		likely := cell{s: value(be.Likely, be.Unit), style: "B"}
		cells := []cell{name, kind, dash, likely, dash, dash, dash}
		if dr, ok := drivers[be.Estimate]; ok {
			cells = []cell{name, kind, {s: value(dr.Low, dr.Unit)}, likely, {s: value(dr.High, dr.Unit)}, {s: f.Money(dr.NPVLow)}, {s: f.Money(dr.NPVHigh)}}
		}
		zero := cell{s: none, muted: true}
		if be.Value != nil {
			zero = cell{s: bound(be.Rising) + value(*be.Value, be.Unit), style: "B"}
		}
		cells = append(cells, zero)
		if next != "" {
			ahead := cell{s: none, muted: true}
			if be.Behind != nil {
				// The recommendation is ahead on the side of the crossing
				// where the likely value is, when it is ahead there.
				above := be.Likely > *be.Behind
				if gap < 0 {
					above = !above
				}
				ahead = cell{s: bound(above) + value(*be.Behind, be.Unit)}
			}
			cells = append(cells, ahead)
		}
		t.rows = append(t.rows, row{cells: cells})
	}
	lead := "An estimate's break-even is the value at which the NPV would be zero, every other estimate as expected, found by working the whole case out again: the case holds while the estimate stays on the side shown (≥ or ≤)."
	if next != "" {
		lead += fmt.Sprintf(" The last column is the same for staying ahead of %s, the next best.", next)
	}
	t.note = "Low and high: the range the case gives; the chart above shows those that move the NPV most. A dash: the estimate is a single figure."
	d.sub("Break-even: how far each estimate can move")
	d.leadFor(lead, t)
	d.table(t)
}

// bound is the sign before a break-even: "≥" when the case holds at the
// value or above it, "≤" at it or below, and a space that does not break.
func bound(above bool) string {
	if above {
		return "≥\u00a0"
	}
	return "≤\u00a0"
}

// shortKind names the kind of an estimate in a narrow column.
func shortKind(kind string) string {
	switch kind {
	case "cost":
		return "Cost"
	case "benefit":
		return "Benefit"
	case "pain":
		return "Problem"
	}
	return kind
}

// nextAlternative names the alternative that the break-evens measure the
// recommendation against, the best of the others by NPV doing nothing
// aside, and how far the recommendation's NPV is ahead of it; "" when
// there is none.
func (d *doc) nextAlternative() (string, float64) {
	res := d.res
	next := -1
	for i, a := range res.Alternatives {
		if i != res.Recommended && !a.DoNothing && (next < 0 || a.NPV > res.Alternatives[next].NPV) {
			next = i
		}
	}
	if next < 0 {
		return "", 0
	}
	return orDefault(res.Alternatives[next].Name, "Unnamed alternative"), res.Alternatives[res.Recommended].NPV - res.Alternatives[next].NPV
}

// Tornado chart geometry, in millimetres.
const (
	tornadoGap    = 2.0
	tornadoRowH   = 7.2
	tornadoLegend = 7.0
	tornadoAxis   = 8.0
)

func (d *doc) tornadoHeight(n int) float64 {
	return tornadoGap + tornadoLegend + float64(n)*tornadoRowH + tornadoAxis
}

// tornadoChart draws the tornado: for each input, a bar from the likely
// NPV (the vertical line) to the NPV with the input at its low value
// (light) and to the NPV with it at its high value (dark), each end
// labelled with its figure; then the note under it, if any, on the same
// page.
func (d *doc) tornadoChart(base float64, drivers []casebuilder.Driver, note string) {
	pdf, f := d.pdf, d.f
	h := d.tornadoHeight(len(drivers))
	if !d.chartRoom(h, note) {
		return
	}
	lo, hi := base, base
	for _, dr := range drivers {
		lo, hi = min(lo, dr.NPVLow, dr.NPVHigh), max(hi, dr.NPVLow, dr.NPVHigh)
	}
	ticks := niceTicks(lo, hi, 5)
	lo, hi = min(lo, ticks[0]), max(hi, ticks[len(ticks)-1])

	// The labels at each bar's ends, left and right of the likely NPV.
	type ends struct{ left, right string }
	labels := make([]ends, len(drivers))
	padL, padR := 0.0, 0.0
	d.setFont("", 6.5)
	for i, dr := range drivers {
		var e ends
		switch {
		case dr.NPVLow < base && dr.NPVHigh > base:
			e = ends{f.MoneyShort(dr.NPVLow), f.MoneyShort(dr.NPVHigh)}
		case dr.NPVHigh < base && dr.NPVLow > base:
			e = ends{f.MoneyShort(dr.NPVHigh), f.MoneyShort(dr.NPVLow)}
		case dr.NPVLow <= base && dr.NPVHigh <= base:
			e.left = "low " + f.MoneyShort(dr.NPVLow) + ", high " + f.MoneyShort(dr.NPVHigh)
		default:
			e.right = "low " + f.MoneyShort(dr.NPVLow) + ", high " + f.MoneyShort(dr.NPVHigh)
		}
		labels[i] = e
		padL, padR = max(padL, d.width(e.left)+1.5), max(padR, d.width(e.right)+1.5)
	}

	top := d.y + tornadoGap
	labelW := min(62, d.contentW()*0.36)
	plotX := pdfstyle.MarginX + labelW + 2
	plotW := d.contentW() - labelW - 2
	innerX, innerW := plotX+padL, plotW-padL-padR
	xOf := func(v float64) float64 { return innerX + innerW*(v-lo)/(hi-lo) }

	// The legend.
	lx := pdfstyle.MarginX
	swatch := func(c pdfstyle.Color, label string) {
		d.fill(c)
		d.draw(pdfstyle.Ink)
		pdf.SetLineWidth(0.15)
		d.rect(lx, top+0.6, 6, 3, "FD")
		d.setFont("", 7.5)
		d.setColor(pdfstyle.Ink)
		w := d.width(label) + 1
		d.textAt(lx+8, top, w, label, "L")
		lx += 8 + w + 6
	}
	swatch(pdfstyle.Bar, "Estimate at its low value")
	swatch(pdfstyle.Accent, "Estimate at its high value")
	d.draw(pdfstyle.Ink)
	pdf.SetLineWidth(0.4)
	d.line(lx, top+2.1, lx+6, top+2.1)
	baseLabel := "Likely NPV " + f.Money(base)
	d.setFont("", 7.5)
	d.textAt(lx+8, top, min(d.width(baseLabel)+1, pdfstyle.MarginX+d.contentW()-lx-8), d.fit(baseLabel, pdfstyle.MarginX+d.contentW()-lx-8), "L")

	plotY := top + tornadoLegend
	bottom := plotY + float64(len(drivers))*tornadoRowH
	for i := 1; i < len(drivers); i += 2 {
		d.fill(pdfstyle.Zebra)
		d.rect(pdfstyle.MarginX, plotY+float64(i)*tornadoRowH, d.contentW(), tornadoRowH, "F")
	}
	d.moneyGrid(ticks, xOf, plotY, bottom)
	for i, dr := range drivers {
		y := plotY + float64(i)*tornadoRowH
		// The input and its range.
		// A name too long for one line takes two, with the range after
		// it when there is room (the table below gives it anyway).
		d.setFont("B", 7)
		d.setColor(pdfstyle.Ink)
		lines := d.clamp(orDefault(dr.Input, upperFirst(d.place(dr.Path))), labelW, 2)
		for j, l := range lines {
			d.textAt(pdfstyle.MarginX, y+0.6+float64(j)*pdfstyle.LineHeight(7), labelW, l, "L")
		}
		rngX, rngW := pdfstyle.MarginX, labelW
		if len(lines) > 1 {
			used := d.width(lines[1]) + 2
			rngX, rngW = pdfstyle.MarginX+used, labelW-used
		}
		d.setFont("", 6.3)
		d.setColor(pdfstyle.Muted)
		rng := f.Value(dr.Low, dr.Unit) + " to " + f.Value(dr.High, dr.Unit)
		if rw := d.width(rng); len(lines) == 1 || rw <= rngW {
			d.textAt(rngX, y+0.6+pdfstyle.LineHeight(7)+(pdfstyle.LineHeight(7)-pdfstyle.LineHeight(6.3))*float64(len(lines)-1)/2, rngW, d.fit(rng, rngW), "L")
		}
		// The bars: the longer first, so that the shorter shows on top
		// when both go the same way.
		bh := tornadoRowH * 0.56
		by := y + (tornadoRowH-bh)/2
		segs := []struct {
			v float64
			c pdfstyle.Color
		}{{dr.NPVLow, pdfstyle.Bar}, {dr.NPVHigh, pdfstyle.Accent}}
		if math.Abs(dr.NPVHigh-base) > math.Abs(dr.NPVLow-base) {
			segs[0], segs[1] = segs[1], segs[0]
		}
		for _, s := range segs {
			x0, x1 := xOf(base), xOf(s.v)
			if math.Abs(x1-x0) < 0.05 {
				continue
			}
			d.fill(s.c)
			d.draw(pdfstyle.Ink)
			pdf.SetLineWidth(0.1)
			d.rect(min(x0, x1), by, math.Abs(x1-x0), bh, "FD")
		}
		// The figures at the ends.
		d.setFont("", 6.5)
		d.setColor(pdfstyle.Ink)
		ty := y + tornadoRowH/2 - pdfstyle.LineHeight(6.5)/2
		if e := labels[i]; e.left != "" {
			x := xOf(min(dr.NPVLow, dr.NPVHigh))
			w := d.width(e.left) + 0.5
			d.textAt(x-1-w, ty, w, e.left, "R")
		}
		if e := labels[i]; e.right != "" {
			x := xOf(max(dr.NPVLow, dr.NPVHigh))
			w := d.width(e.right) + 0.5
			d.textAt(x+1, ty, w, e.right, "L")
		}
	}
	// The likely NPV.
	d.draw(pdfstyle.Ink)
	pdf.SetLineWidth(0.4)
	d.line(xOf(base), plotY-1, xOf(base), bottom+0.5)
	d.y = bottom + tornadoAxis
	if note != "" {
		d.note(note)
	}
}

// review writes the CEO review, when the author asks for it: the
// readiness score and every finding, with its severity, what is wrong and
// the step and item where it is fixed, in words (no field path or rule
// name: the brief may still reach a reader who is not its author).
func (d *doc) review() {
	if !d.withReview {
		return
	}
	an := d.an
	d.appendixSub(partReview)
	blocking, warnings, advice := 0, 0, 0
	for _, x := range an.Review {
		switch x.Severity {
		case casebuilder.Blocking:
			blocking++
		case casebuilder.Warning:
			warnings++
		default:
			advice++
		}
	}
	t := &table{caption: "The CEO review", size: 7, cols: []col{
		{head: "Severity", w: 11, align: "L"},
		{head: "Finding, and why a CEO would object", w: 61, align: "L"},
		{head: "Where to fix it", w: 28, align: "L"},
	}}
	// Findings come most severe first, each rule's together. Every
	// blocking finding is listed; of the others, the first few of each
	// rule, with a count of the rest.
	const perRule = 5
	type group struct{ fs []casebuilder.Finding }
	var groups []*group
	byRule := map[string]*group{}
	for _, x := range an.Review {
		key := string(x.Severity) + "/" + x.Rule
		g := byRule[key]
		if g == nil {
			g = &group{}
			byRule[key] = g
			groups = append(groups, g)
		}
		g.fs = append(g.fs, x)
	}
	left := 0
	for _, g := range groups {
		for i, x := range g.fs {
			if i == perRule && x.Severity != casebuilder.Blocking {
				more := len(g.fs) - perRule
				left += more
				t.rows = append(t.rows, row{cells: []cell{{},
					{s: fmt.Sprintf("… and %d more finding%s of the same kind.", more, plural(more)), muted: true, style: "I"}, {}}})
				break
			}
			sev := cell{s: upperFirst(string(x.Severity))}
			if x.Severity == casebuilder.Blocking {
				sev.style = "B"
			}
			finding := cell{s: d.findingMessage(x)}
			if i == 0 {
				finding.sub = x.Why
			}
			where := cell{s: x.Where.Step.Name(), sub: upperFirst(d.place(x.Where.Path))}
			t.rows = append(t.rows, row{cells: []cell{sev, finding, where}})
		}
	}
	lead := "What a sceptical CEO would object to, most serious first; each names the item at fault and the step of Case Builder where it is fixed. This part is for the author: it is left out of the brief sent to the readers."
	// The score stays with what it is the score of.
	if len(t.rows) > 0 {
		d.keepNext = d.paraHeight(lead, 9) + d.tableStart(t)
	}
	d.callout(fmt.Sprintf("%d/100", an.Readiness), fmt.Sprintf(
		"is the readiness of this case: %s, %s and %s. It starts at 100; each blocking finding takes 20, each warning 5 and each piece of advice 1 (three at most of any one kind), and anything blocking holds it below 50.",
		counted(blocking, "blocking finding", "blocking findings"), counted(warnings, "warning", "warnings"), counted(advice, "piece of advice", "pieces of advice")))
	if len(t.rows) == 0 {
		d.para("The review finds nothing a sceptical CEO would object to.")
		return
	}
	d.leadFor(lead, t)
	if left > 0 {
		t.note = fmt.Sprintf("%d finding%s of the kinds above %s not listed; the Review step lists every one.", left, plural(left), map[bool]string{true: "is", false: "are"}[left == 1])
	}
	d.table(t)
}

// counted writes a count and its noun: "1 warning", "no warnings".
func counted(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + one
	}
	return itoa(n) + " " + many
}

// blockingLine says plainly, on the summary, that the case is not ready
// for a decision, and what blocks it first: a line or two, set white on
// dark.
func (d *doc) blockingLine() {
	var first *casebuilder.Finding
	n := 0
	for i, x := range d.an.Review {
		if x.Severity == casebuilder.Blocking {
			if first == nil {
				first = &d.an.Review[i]
			}
			n++
		}
	}
	if n == 0 {
		return
	}
	s := fmt.Sprintf("Not ready for decision: %s. %s", counted(n, "point would still sink the case", "points would still sink the case"), endSentence(d.findingMessage(*first)))
	if n > 1 {
		s = fmt.Sprintf("Not ready for decision: %s, the first: %s", counted(n, "point would still sink the case", "points would still sink the case"), endSentence(lowerFirst(d.findingMessage(*first))))
	}
	if d.withReview {
		s += " All are listed in " + d.appendixRef(partReview) + "."
	}
	d.setFont("B", 8.5)
	lines := d.clamp(s, d.contentW()-6, 3)
	lh := pdfstyle.LineHeight(8.5)
	h := float64(len(lines))*lh + 7 - lh
	d.block(h + 2)
	d.fill(pdfstyle.Ink)
	d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	d.setFont("B", 8.5)
	d.setColor(pdfstyle.White)
	y := d.y + (h-float64(len(lines))*lh)/2
	for _, l := range lines {
		d.textAt(pdfstyle.MarginX+3, y, d.contentW()-6, l, "L")
		y += lh
	}
	d.y += h + 2
}

// headlinePanel says, under the headline figures, how much of the NPV is
// cash and what the rest is, how far the estimate the case depends on
// most can move before it stops paying, and the simulation's range of the
// NPV with the risks happening, with how the simulation ran in small
// print.
func (d *doc) headlinePanel(rec *casebuilder.AltResult, smallPrint bool, maxLines int) {
	runs := []run{{s: d.headlineNote(rec) + " "}, {s: "Cash and the rest: ", style: "B"}, {s: d.cashSentence(rec) + " "}}
	if be := d.keyBreakEven(); be != nil {
		runs = append(runs, run{s: "Break-even, where the NPV would be zero: ", style: "B"}, run{s: lowerFirst(d.breakEvenSentence(be)) + " "})
	} else if len(d.an.BreakEven) > 0 {
		runs = append(runs, run{s: "Break-even, where the NPV would be zero: ", style: "B"}, run{s: "no single estimate, moved alone within the values it can take, turns the NPV below zero. "})
	}
	small := ""
	if rs := d.recSimulation(); rs != nil {
		with := ""
		if rs.IncludesRisks {
			with = ", the risks included"
		}
		runs = append(runs,
			run{s: "Simulated NPV" + with + ": ", style: "B"},
			run{s: d.roundMoney(rs.NPVP10), style: "B"},
			run{s: " to "},
			run{s: d.roundMoney(rs.NPVP90), style: "B"},
			run{s: " in eight outcomes of ten (P10 to P90: one in ten is lower, one in ten higher); "},
			run{s: d.roundProbability(rs.ProbNPVPositive), style: "B"},
			run{s: " probability that it is positive."},
		)
		if smallPrint {
			sim := d.an.Simulation
			small = fmt.Sprintf("Monte Carlo simulation: %s, seed %d, estimates drawn from a %s distribution (%s)",
				d.trialsText(), sim.Seed, distributionName(sim.Distribution), distributionWords(sim.Distribution))
			if rs.IncludesRisks {
				small += "; in each trial every risk happens or not with its likelihood, at the cost of its contingency plan and what is left of its impact"
			}
			small += "."
		}
	}
	d.runsPanel(runs, 8.5, small, maxLines)
}

// run is a piece of text in one style, for a line of mixed styles.
type run struct{ s, style string }

// word is a word of a run, laid out.
type word struct {
	s, style    string
	spaceBefore bool
	w           float64
}

// layRuns breaks runs of text into lines no wider than w at size.
func (d *doc) layRuns(runs []run, w, size float64) [][]word {
	var words []word
	space := false
	for _, r := range runs {
		s := clean(r.s)
		for i, part := range strings.Split(s, " ") {
			if i > 0 {
				space = true
			}
			if part == "" {
				continue
			}
			d.setFont(r.style, size)
			words = append(words, word{s: part, style: r.style, spaceBefore: space, w: d.width(part)})
			space = false
		}
		if strings.HasSuffix(s, " ") {
			space = true
		}
	}
	d.setFont("", size)
	sp := d.width(" ")
	var lines [][]word
	var cur []word
	curW := 0.0
	for _, wd := range words {
		gap := 0.0
		if wd.spaceBefore && len(cur) > 0 {
			gap = sp
		}
		if len(cur) > 0 && curW+gap+wd.w > w && wd.spaceBefore {
			lines = append(lines, cur)
			cur, curW, gap = nil, 0, 0
		}
		if wd.w > w {
			d.setFont(wd.style, size)
			wd.s = d.fit(wd.s, w-curW-gap)
			wd.w = d.width(wd.s)
		}
		cur = append(cur, wd)
		curW += gap + wd.w
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// runsPanel writes runs of mixed styles in a panel marked at its left,
// with a line of small print below: at most maxLines lines of runs (no
// limit when zero), the last ending with an ellipsis when text was left
// out.
func (d *doc) runsPanel(runs []run, size float64, small string, maxLines int) {
	textW := d.contentW() - 6
	lines := d.layRuns(runs, textW, size)
	if maxLines > 0 && len(lines) > maxLines {
		// The last word shown gives way to an ellipsis.
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		d.setFont("", size)
		last[len(last)-1] = word{s: "…", spaceBefore: true, w: d.width("…")}
	}
	lh := pdfstyle.LineHeight(size)
	smallSize := 6.8
	d.setFont("I", smallSize)
	var smallLines []string
	if small != "" {
		smallLines = d.clamp(small, textW, 2)
	}
	h := 3 + float64(len(lines))*lh + float64(len(smallLines))*pdfstyle.LineHeight(smallSize)
	d.block(h + 2)
	d.fill(pdfstyle.Panel)
	d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	d.fill(pdfstyle.Accent)
	d.rect(pdfstyle.MarginX, d.y, 1.2, h, "F")
	y := d.y + 1.5
	d.setFont("", size)
	sp := d.width(" ")
	for _, l := range lines {
		x := pdfstyle.MarginX + 4
		for i, wd := range l {
			if i > 0 && wd.spaceBefore {
				x += sp
			}
			d.setFont(wd.style, size)
			d.setColor(pdfstyle.Ink)
			d.textAt(x, y, wd.w+0.05, wd.s, "L")
			x += wd.w
		}
		y += lh
	}
	d.setFont("I", smallSize)
	d.setColor(pdfstyle.Muted)
	for _, l := range smallLines {
		d.textAt(pdfstyle.MarginX+4, y, textW, l, "L")
		y += pdfstyle.LineHeight(smallSize)
	}
	d.y += h + 2
}
