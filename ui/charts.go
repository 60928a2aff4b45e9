package ui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// palette colours the alternatives in charts, in their order; the first is
// the recommended one's.
var palette = []color.NRGBA{
	{0x2a, 0x86, 0xa8, 0xff}, // teal blue
	{0xd9, 0x8c, 0x2b, 0xff}, // amber
	{0x7a, 0x5c, 0xb8, 0xff}, // violet
	{0x4c, 0x9a, 0x5b, 0xff}, // green
	{0xc2, 0x4e, 0x6a, 0xff}, // rose
	{0x8a, 0x7a, 0x5a, 0xff}, // olive
}

// seriesColor is the colour of the i-th alternative shown.
func seriesColor(i int) color.Color { return palette[i%len(palette)] }

// chart is a widget drawn with canvas primitives, laid out anew at every
// size: the charts of the Compare step, the heat map of risks, the
// timeline of the plan.
type chart struct {
	widget.BaseWidget
	min  fyne.Size
	draw func(size fyne.Size) []fyne.CanvasObject
	// onTap, when set, is told where the chart was tapped.
	onTap func(at fyne.Position, size fyne.Size)
}

// Tapped tells onTap where the chart was tapped.
func (c *chart) Tapped(ev *fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap(ev.Position, c.Size())
	}
}

func newChart(min fyne.Size, draw func(size fyne.Size) []fyne.CanvasObject) *chart {
	c := &chart{min: min, draw: draw}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chart) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

type chartRenderer struct {
	c    *chart
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.objs = r.c.draw(size)
}

func (r *chartRenderer) MinSize() fyne.Size { return r.c.min }

func (r *chartRenderer) Refresh() {
	r.objs = r.c.draw(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *chartRenderer) Destroy() {}

// text is a caption-sized text at a place, aligned left, right or centred
// on x.
func text(s string, x, y float32, align fyne.TextAlign, muted bool) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	if muted {
		t.Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	t.TextSize = theme.CaptionTextSize()
	w := t.MinSize().Width
	switch align {
	case fyne.TextAlignTrailing:
		x -= w
	case fyne.TextAlignCenter:
		x -= w / 2
	}
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	return t
}

func rect(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	return r
}

func line(c color.Color, width, x1, y1, x2, y2 float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1 = fyne.NewPos(x1, y1)
	l.Position2 = fyne.NewPos(x2, y2)
	return l
}

// bar is one bar of a bar chart.
type bar struct {
	label string
	value float64
	color color.Color
	bold  bool
}

// barChart draws horizontal bars from zero, negative ones to the left,
// each with its label and value.
func barChart(bars func() []bar, format func(float64) string) *chart {
	return newChart(fyne.NewSize(300, 200), func(size fyne.Size) []fyne.CanvasObject {
		bs := bars()
		if len(bs) == 0 {
			return emptyChart(size)
		}
		if size.Width < 50 {
			return nil
		}
		var objs []fyne.CanvasObject
		labelW := min(size.Width*0.38, 220)
		valueW := float32(64)
		x0, x1 := labelW+8, size.Width-valueW
		lo, hi := 0.0, 0.0
		for _, b := range bs {
			lo, hi = math.Min(lo, b.value), math.Max(hi, b.value)
		}
		if hi == lo {
			hi = lo + 1
		}
		scale := float64(x1-x0) / (hi - lo)
		zero := x0 + float32(-lo*scale)
		rowH := min(size.Height/float32(len(bs)), 34)
		for i, b := range bs {
			y := float32(i) * rowH
			t := text(truncate(b.label, labelW), 0, y+rowH/2-8, fyne.TextAlignLeading, false)
			t.TextStyle.Bold = b.bold
			objs = append(objs, t)
			w := float32(b.value * scale)
			x := zero
			if w < 0 {
				x, w = zero+w, -w
			}
			objs = append(objs, rect(b.color, x, y+rowH*0.2, max(w, 1), rowH*0.6))
			v := format(b.value)
			if b.value < 0 {
				objs = append(objs, text(v, x-4, y+rowH/2-8, fyne.TextAlignTrailing, true))
			} else {
				objs = append(objs, text(v, x+w+4, y+rowH/2-8, fyne.TextAlignLeading, true))
			}
		}
		objs = append(objs, line(theme.Color(theme.ColorNameForeground), 1, zero, 0, zero, rowH*float32(len(bs))))
		return objs
	})
}

// emptyChart is what a chart of the alternatives shows when there is none
// to chart: a blank space looked like a chart that failed.
func emptyChart(size fyne.Size) []fyne.CanvasObject {
	if size.Width < 50 {
		return nil
	}
	pad := theme.InnerPadding() // in line with the caption above
	return []fyne.CanvasObject{text(truncate(noAlternativeYet, size.Width-pad), pad, 4, fyne.TextAlignLeading, true)}
}

// noAlternativeYet says why there is nothing to chart.
const noAlternativeYet = "No alternative to doing nothing yet: add one on the Alternatives step."

// truncate shortens a label to fit width at caption size.
func truncate(s string, width float32) string { return truncateStyled(s, width, fyne.TextStyle{}) }

// truncateStyled shortens a text of a style to fit width at caption size.
func truncateStyled(s string, width float32, style fyne.TextStyle) string {
	measure := func(s string) float32 {
		return fyne.MeasureText(s, theme.CaptionTextSize(), style).Width
	}
	if measure(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && measure(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// series is one line of a line chart.
type series struct {
	name   string
	values []float64
	color  color.Color
	bold   bool
}

// lineChart draws series over months, with a zero line, a few gridlines
// labelled by format, years along the bottom and a legend.
func lineChart(all func() []series, format func(float64) string) *chart {
	return newChart(fyne.NewSize(300, 220), func(size fyne.Size) []fyne.CanvasObject {
		ss := all()
		if len(ss) == 0 {
			return emptyChart(size)
		}
		if size.Width < 80 || size.Height < 80 {
			return nil
		}
		n := 0
		lo, hi := 0.0, 0.0
		for _, s := range ss {
			n = max(n, len(s.values))
			for _, v := range s.values {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if n < 2 {
			return nil
		}
		if hi == lo {
			hi = lo + 1
		}
		var objs []fyne.CanvasObject
		legendH := float32(22)
		left, right, top, bottom := float32(58), size.Width-8, float32(6), size.Height-legendH-18
		xOf := func(m int) float32 { return left + (right-left)*float32(m)/float32(n-1) }
		yOf := func(v float64) float32 { return bottom - float32((v-lo)/(hi-lo))*(bottom-top) }
		grid := withAlpha(theme.Color(theme.ColorNameForeground), 0x22)
		for _, v := range niceTicks(lo, hi, 4) {
			y := yOf(v)
			objs = append(objs, line(grid, 1, left, y, right, y), text(format(v), left-6, y-8, fyne.TextAlignTrailing, true))
		}
		objs = append(objs, line(theme.Color(theme.ColorNameForeground), 1, left, yOf(0), right, yOf(0)))
		// A line at the end of each year, labelled in its middle.
		every := max(1, (n/12)/10)
		for year := 1; (year-1)*12 < n; year++ {
			end := min(year*12, n-1)
			objs = append(objs, line(grid, 1, xOf(end), top, xOf(end), bottom))
			if year%every == 0 || n <= 24 {
				mid := xOf((year-1)*12) + (xOf(end)-xOf((year-1)*12))/2
				objs = append(objs, text("year "+itoa(year), mid, bottom+2, fyne.TextAlignCenter, true))
			}
		}
		step := max(1, n/160) // enough points for the eye, few enough objects
		for _, s := range ss {
			width := float32(1.5)
			if s.bold {
				width = 2.5
			}
			for m := step; m < len(s.values); m += step {
				objs = append(objs, line(s.color, width, xOf(m-step), yOf(s.values[m-step]), xOf(m), yOf(s.values[m])))
			}
		}
		x := left
		each := (right - left) / float32(len(ss))
		for _, s := range ss {
			objs = append(objs, rect(s.color, x, size.Height-legendH+6, 10, 10))
			t := text(truncate(s.name, each-28), x+14, size.Height-legendH+2, fyne.TextAlignLeading, false)
			objs = append(objs, t)
			x += each
		}
		return objs
	})
}

// niceTicks returns about n round values between lo and hi.
func niceTicks(lo, hi float64, n int) []float64 {
	span := hi - lo
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step/1e6; v += step {
		out = append(out, v)
	}
	return out
}

// wrapText breaks s into at most n lines of bold caption text that fit
// width, the last one shortened with an ellipsis when the rest does not
// fit.
func wrapText(s string, width float32, n int) []string {
	bold := fyne.TextStyle{Bold: true}
	measure := func(s string) float32 { return fyne.MeasureText(s, theme.CaptionTextSize(), bold).Width }
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 {
		if len(lines) == n-1 {
			lines = append(lines, truncateStyled(strings.Join(words, " "), width, bold))
			break
		}
		k := 1
		for k < len(words) && measure(strings.Join(words[:k+1], " ")) <= width {
			k++
		}
		lines = append(lines, truncateStyled(strings.Join(words[:k], " "), width, bold))
		words = words[k:]
	}
	return lines
}

// swing is one bar of a tornado chart: an input, and the NPV with that
// input at its low and at its high value.
type swing struct {
	label, detail string
	low, high     float64
}

// Heights of a tornado chart's parts.
const (
	tornadoTop    = 22
	tornadoRow    = 38
	tornadoLegend = 26
)

// tornadoHeight is the height of a tornado chart of n bars.
func tornadoHeight(n int) float32 {
	if n == 0 {
		return 1
	}
	return tornadoTop + tornadoRow*float32(n) + tornadoLegend
}

// The colours of a tornado's bars: the NPV with the input at its low
// value, and at its high value.
var (
	lowColor  = color.NRGBA{0xd9, 0x8c, 0x2b, 0xff} // amber
	highColor = color.NRGBA{0x2a, 0x86, 0xa8, 0xff} // teal blue
)

// tornadoChart draws, for each input, a bar from the NPV with the input at
// its low value to the NPV with it at its high value, around a line at the
// likely NPV (base); each bar's ends are labelled with their NPV, and each
// input with its range.
func tornadoChart(data func() (base float64, rows []swing), format func(float64) string) *chart {
	return newChart(fyne.NewSize(300, 1), func(size fyne.Size) []fyne.CanvasObject {
		base, rows := data()
		if len(rows) == 0 || size.Width < 200 || size.Height < tornadoHeight(1) {
			return nil
		}
		labelW := min(size.Width*0.34, 260)
		valueW := float32(68)
		x0, x1 := labelW+valueW, size.Width-valueW
		lo, hi := base, base
		for _, r := range rows {
			lo, hi = min(lo, r.low, r.high), max(hi, r.low, r.high)
		}
		if hi == lo {
			hi = lo + 1
		}
		xOf := func(v float64) float32 { return x0 + float32((v-lo)/(hi-lo))*(x1-x0) }
		fg := theme.Color(theme.ColorNameForeground)
		xb := xOf(base)
		objs := []fyne.CanvasObject{text("Likely NPV "+format(base), xb, 0, fyne.TextAlignCenter, false)}
		rowH := float32(tornadoRow)
		for i, r := range rows {
			y := tornadoTop + float32(i)*rowH
			objs = append(objs,
				text(truncate(r.label, labelW-8), 0, y+2, fyne.TextAlignLeading, false),
				text(truncate(r.detail, labelW-8), 0, y+18, fyne.TextAlignLeading, true))
			xl, xh := xOf(r.low), xOf(r.high)
			bar := func(c color.Color, x float32) fyne.CanvasObject {
				return rect(c, min(x, xb), y+rowH*0.2, max(abs32(x-xb), 1), rowH*0.6)
			}
			// The longer bar first, so that both show when they lie on the
			// same side of the likely NPV.
			if abs32(xl-xb) >= abs32(xh-xb) {
				objs = append(objs, bar(lowColor, xl), bar(highColor, xh))
			} else {
				objs = append(objs, bar(highColor, xh), bar(lowColor, xl))
			}
			left, right := r.low, r.high
			if xh < xl {
				left, right = right, left
			}
			ty := y + rowH/2 - 8
			objs = append(objs,
				text(format(left), min(xOf(left), xb)-4, ty, fyne.TextAlignTrailing, true),
				text(format(right), max(xOf(right), xb)+4, ty, fyne.TextAlignLeading, true))
		}
		bottom := tornadoTop + rowH*float32(len(rows))
		objs = append(objs, line(fg, 1, xb, tornadoTop-4, xb, bottom))
		ly := bottom + 8
		objs = append(objs, rect(lowColor, x0, ly+2, 10, 10), text("Input at its low value", x0+14, ly, fyne.TextAlignLeading, false))
		x := x0 + 14 + fyne.MeasureText("Input at its low value", theme.CaptionTextSize(), fyne.TextStyle{}).Width + 24
		objs = append(objs, rect(highColor, x, ly+2, 10, 10), text("Input at its high value", x+14, ly, fyne.TextAlignLeading, false))
		return objs
	})
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// histBin is one bar of a histogram: the count of values from from to to.
type histBin struct {
	from, to float64
	count    int
}

// mark is a value marked on a histogram, such as a percentile.
type mark struct {
	label string
	value float64
}

// histogram is what a histogram chart draws.
type histogram struct {
	bins  []histBin
	marks []mark
	color color.Color
}

// histogramChart draws the bins as bars (those wholly below zero in the
// error colour), a line at zero, the marks as labelled lines, and a few
// values along the bottom.
func histogramChart(data func() histogram, format func(float64) string) *chart {
	return newChart(fyne.NewSize(300, 230), func(size fyne.Size) []fyne.CanvasObject {
		h := data()
		if len(h.bins) == 0 || size.Width < 120 || size.Height < 120 {
			return nil
		}
		lo, hi := h.bins[0].from, h.bins[len(h.bins)-1].to
		if !(hi > lo) { // every trial alike: one bar in the middle
			pad := math.Max(math.Abs(lo)*0.1, 1)
			lo, hi = lo-pad, hi+pad
		}
		most := 1
		for _, b := range h.bins {
			most = max(most, b.count)
		}
		left, right := float32(8), size.Width-8
		top, bottom := float32(36), size.Height-20
		xOf := func(v float64) float32 { return left + float32((v-lo)/(hi-lo))*(right-left) }
		fg := theme.Color(theme.ColorNameForeground)
		loss := withAlpha(theme.Color(theme.ColorNameError), 0xc0)
		var objs []fyne.CanvasObject
		for _, b := range h.bins {
			x, w := xOf(b.from), xOf(b.to)-xOf(b.from)
			if b.to <= b.from {
				x, w = xOf(b.from)-(right-left)/40, (right-left)/20
			}
			bh := (bottom - top) * float32(b.count) / float32(most)
			c := h.color
			if b.to <= 0 {
				c = loss
			}
			objs = append(objs, rect(c, x+0.5, bottom-bh, max(w-1, 1), bh))
		}
		objs = append(objs, line(fg, 1, left, bottom, right, bottom))
		if lo < 0 && hi > 0 {
			objs = append(objs, line(withAlpha(fg, 0x44), 1, xOf(0), top, xOf(0), bottom))
		}
		for _, v := range niceTicks(lo, hi, max(3, int(size.Width/140))) {
			if x := xOf(v); x > left+20 && x < right-20 {
				objs = append(objs, line(fg, 1, x, bottom, x, bottom+3), text(format(v), x, bottom+3, fyne.TextAlignCenter, true))
			}
		}
		// The marks: the first labelled to the left of its line, the last
		// to the right, any between centred above them.
		markColor := fg
		for i, m := range h.marks {
			x := xOf(m.value)
			objs = append(objs, line(markColor, 1.5, x, top-4, x, bottom))
			label := m.label + " " + format(m.value)
			var t *canvas.Text
			switch {
			case i == 0 && len(h.marks) > 1:
				t = text(label, x-3, 16, fyne.TextAlignTrailing, false)
			case i == len(h.marks)-1 && len(h.marks) > 1:
				t = text(label, x+3, 16, fyne.TextAlignLeading, false)
			default:
				t = text(label, x, 0, fyne.TextAlignCenter, false)
			}
			// Within the chart, however near its edge the line is.
			w := t.Size().Width
			t.Move(fyne.NewPos(min(max(t.Position().X, 0), size.Width-w), t.Position().Y))
			objs = append(objs, t)
		}
		return objs
	})
}
