package report

import (
	"math"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfpage"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// spendChart draws the cumulative spend month by month in the box (x, y,
// w, h): planned (dashed), actual to the report's month (solid) and the
// forecast after it (dotted), against the approved budget (a rule).
func (d *doc) spendChart(x, y, w, h float64) {
	mm := d.p.Money.ByMonth
	if len(mm) == 0 {
		d.lines(x, y, w, "No money is planned.", "I", 7.5, pdfstyle.Muted, 1)
		return
	}
	budget := d.p.Money.ApprovedBudget
	top := budget
	for _, m := range mm {
		top = math.Max(top, math.Max(m.CumPlanned, math.Max(m.CumActual, m.CumForecast)))
	}
	if top <= 0 {
		top = 1
	}
	step := figure.RoundStep(top, 4)
	top = math.Ceil(top*1.02/step) * step
	// Plot area, leaving room for the axis labels and the legend.
	d.setFont("", 6)
	lw := 0.0
	for v := 0.0; v <= top+step/2; v += step {
		lw = math.Max(lw, d.ts.Width(d.f.MoneyShort(v)))
	}
	lw += 1.5
	px, pw := x+lw, w-lw
	py, ph := y+1, h-10
	xAt := func(m float64) float64 { return px + pw*m/float64(len(mm)) }
	yAt := func(v float64) float64 { return py + ph - ph*v/top }
	pdf := d.pdf
	pdf.SetLineWidth(0.15)
	d.draw(pdfstyle.Rule)
	d.setColor(pdfstyle.Muted)
	for v := 0.0; v <= top+step/2; v += step {
		pdf.Line(px, yAt(v), px+pw, yAt(v))
		d.textAt(x, yAt(v)-pdfstyle.LineHeight(6)/2, lw-1, d.f.MoneyShort(v), "R")
	}
	// A label at each year's first month, when there is room for it.
	for i, m := range mm {
		if i%12 != 0 {
			continue
		}
		pdf.Line(xAt(float64(i)), py+ph, xAt(float64(i)), py+ph+1)
		if xAt(float64(i))+12 <= px+pw+0.01 {
			d.textAt(xAt(float64(i)), py+ph+0.8, 12, monthLabel(m.Label), "L")
		}
	}
	// The report's month.
	asOf := xAt(float64(d.p.Month + 1))
	d.draw(pdfstyle.Bar)
	pdf.SetDashPattern([]float64{0.6, 0.6}, 0)
	pdf.Line(asOf, py, asOf, py+ph)
	pdf.SetDashPattern(nil, 0)
	// The budget.
	d.draw(colRed)
	pdf.SetLineWidth(0.3)
	pdf.Line(px, yAt(budget), px+pw, yAt(budget))
	// The lines, each point at the end of its month.
	series := func(c pdfstyle.Color, width float64, dash []float64, from, to int, value func(tracking.MonthMoney) float64) {
		pdfpage.Stroke(pdf, c, width, dash)
		prevX, prevY := xAt(float64(from)), yAt(0)
		if from > 0 {
			prevY = yAt(value(mm[from-1]))
		}
		for i := from; i < to; i++ {
			nx, ny := xAt(float64(i+1)), yAt(value(mm[i]))
			pdf.Line(prevX, prevY, nx, ny)
			prevX, prevY = nx, ny
		}
		pdf.SetDashPattern(nil, 0)
	}
	last := min(d.p.Month+1, len(mm))
	series(pdfstyle.Bar, 0.5, []float64{1.5, 0.8}, 0, len(mm), func(m tracking.MonthMoney) float64 { return m.CumPlanned })
	series(pdfstyle.Accent, 0.4, []float64{0.5, 0.7}, last, len(mm), func(m tracking.MonthMoney) float64 { return m.CumForecast })
	series(pdfstyle.Accent, 0.8, nil, 0, last, func(m tracking.MonthMoney) float64 { return m.CumActual })
	// The legend.
	ly := py + ph + 4.5
	lx := px
	key := func(c pdfstyle.Color, width float64, dash []float64, label string) {
		pdfpage.Stroke(pdf, c, width, dash)
		pdf.Line(lx, ly+1.2, lx+5, ly+1.2)
		pdf.SetDashPattern(nil, 0)
		d.setFont("", 6.5)
		d.setColor(pdfstyle.Ink)
		tw := d.ts.Width(label)
		d.textAt(lx+6, ly, tw+0.5, label, "L")
		lx += 6 + tw + 4
	}
	key(pdfstyle.Accent, 0.8, nil, "Spent")
	key(pdfstyle.Bar, 0.5, []float64{1.5, 0.8}, "Planned")
	key(pdfstyle.Accent, 0.4, []float64{0.5, 0.7}, "Forecast")
	key(colRed, 0.3, nil, "Approved budget "+d.f.MoneyShort(budget))
	pdf.SetLineWidth(0.2)
}

// monthLabel writes a month (YYYY-MM) as "Jan 2027".
func monthLabel(label string) string {
	m, err := tracking.ParseMonth(label)
	if err != nil {
		return label
	}
	return m.First().Time().Format("Jan 2006")
}

// kpiChart draws a KPI in the box (x, y, w, h): its trajectory (at its
// baseline until it is due to move, then straight to its target at its
// date), and its readings as points, from the start to the report's
// month.
func (d *doc) kpiChart(x, y, w, h float64, k tracking.KPI) {
	pdf := d.pdf
	d.fill(pdfstyle.Zebra)
	pdf.Rect(x, y, w, h, "F")
	start := d.c.Tracking.Baseline.StartDate
	end := d.p.Day
	horizonEnd := tracking.MonthOf(start).Add(d.c.Tracking.Baseline.HorizonMonths - 1).Last()
	lo, hi := math.Min(k.Baseline, k.Target), math.Max(k.Baseline, k.Target)
	for _, r := range k.Readings {
		lo, hi = math.Min(lo, r.Value), math.Max(hi, r.Value)
	}
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.12
	lo, hi = lo-pad, hi+pad
	span := float64(days(start, end))
	if span <= 0 {
		span = 1
	}
	xAt := func(dt casebuilder.Date) float64 {
		return x + 1 + (w-2)*math.Min(1, math.Max(0, float64(days(start, dt))/span))
	}
	yAt := func(v float64) float64 { return y + h - (h)*(v-lo)/(hi-lo) }
	measure := &casebuilder.BaselineMeasure{Baseline: k.Baseline, Target: k.Target, Date: k.TargetDate}
	// The trajectory, to the report's month: at the baseline until it is
	// due to move, then towards the target.
	pdfpage.Stroke(pdf, pdfstyle.Bar, 0.4, []float64{1, 0.6})
	path := tracking.TrajectoryPath(measure, start, k.TrajectoryFrom, horizonEnd, end)
	for i := 1; i < len(path); i++ {
		pdf.Line(xAt(path[i-1].Day), yAt(path[i-1].Value), xAt(path[i].Day), yAt(path[i].Value))
	}
	pdf.SetDashPattern(nil, 0)
	// The target.
	d.draw(colGreen)
	pdf.SetLineWidth(0.2)
	pdf.Line(x, yAt(k.Target), x+w, yAt(k.Target))
	// The readings.
	d.draw(pdfstyle.Accent)
	pdf.SetLineWidth(0.5)
	for i, r := range k.Readings {
		if i > 0 {
			prev := k.Readings[i-1]
			pdf.Line(xAt(prev.Date), yAt(prev.Value), xAt(r.Date), yAt(r.Value))
		}
	}
	for i, r := range k.Readings {
		c := pdfstyle.Accent
		if i == len(k.Readings)-1 && k.OnTrack != nil {
			c = colGreen
			if !*k.OnTrack {
				c = colRed
			}
		}
		d.fill(c)
		pdf.Circle(xAt(r.Date), yAt(r.Value), 0.7, "F")
	}
	pdf.SetLineWidth(0.2)
}

// days is the number of days from d to e.
func days(d, e casebuilder.Date) int {
	return int(math.Round(e.Time().Sub(d.Time()).Hours() / 24))
}
