package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Bin is one bar of a histogram: the count of values from From to To.
type Bin struct {
	From, To float64
	Count    int
}

// Mark is a value marked on a histogram, such as a percentile.
type Mark struct {
	Label string
	Value float64
}

// Distribution is what a histogram draws: its bins, the values marked on
// it, and the colour of its bars.
type Distribution struct {
	Bins  []Bin
	Marks []Mark
	Color color.Color
}

// Histogram draws the bins as bars (those wholly below zero in the error
// colour), a line at zero, the marks as labelled lines, and a few values
// along the bottom, written by format.
func Histogram(data func() Distribution, format func(float64) string) *Chart {
	return New(fyne.NewSize(300, 230), func(size fyne.Size) []fyne.CanvasObject {
		h := data()
		if len(h.Bins) == 0 || size.Width < 120 || size.Height < 120 {
			return nil
		}
		lo, hi := h.Bins[0].From, h.Bins[len(h.Bins)-1].To
		if !(hi > lo) { // every value alike: one bar in the middle
			pad := math.Max(math.Abs(lo)*0.1, 1)
			lo, hi = lo-pad, hi+pad
		}
		most := 1
		for _, b := range h.Bins {
			most = max(most, b.Count)
		}
		left, right := float32(8), size.Width-8
		top, bottom := float32(36), size.Height-20
		xOf := func(v float64) float32 { return left + float32((v-lo)/(hi-lo))*(right-left) }
		fg := theme.Color(theme.ColorNameForeground)
		loss := WithAlpha(theme.Color(theme.ColorNameError), 0xc0)
		var objs []fyne.CanvasObject
		for _, b := range h.Bins {
			x, w := xOf(b.From), xOf(b.To)-xOf(b.From)
			if b.To <= b.From {
				x, w = xOf(b.From)-(right-left)/40, (right-left)/20
			}
			bh := (bottom - top) * float32(b.Count) / float32(most)
			c := h.Color
			if b.To <= 0 {
				c = loss
			}
			objs = append(objs, Rect(c, x+0.5, bottom-bh, max(w-1, 1), bh))
		}
		objs = append(objs, Line(fg, 1, left, bottom, right, bottom))
		if lo < 0 && hi > 0 {
			objs = append(objs, Line(WithAlpha(fg, 0x44), 1, xOf(0), top, xOf(0), bottom))
		}
		for _, v := range niceTicks(lo, hi, max(3, int(size.Width/140))) {
			if x := xOf(v); x > left+20 && x < right-20 {
				objs = append(objs, Line(fg, 1, x, bottom, x, bottom+3), Text(format(v), x, bottom+3, fyne.TextAlignCenter, true))
			}
		}
		// The marks: the first labelled to the left of its line, the last
		// to the right, any between centred above them.
		for i, m := range h.Marks {
			x := xOf(m.Value)
			objs = append(objs, Line(fg, 1.5, x, top-4, x, bottom))
			label := m.Label + " " + format(m.Value)
			var t *canvas.Text
			switch {
			case i == 0 && len(h.Marks) > 1:
				t = Text(label, x-3, 16, fyne.TextAlignTrailing, false)
			case i == len(h.Marks)-1 && len(h.Marks) > 1:
				t = Text(label, x+3, 16, fyne.TextAlignLeading, false)
			default:
				t = Text(label, x, 0, fyne.TextAlignCenter, false)
			}
			// Within the chart, however near its edge the line is.
			w := t.Size().Width
			t.Move(fyne.NewPos(min(max(t.Position().X, 0), size.Width-w), t.Position().Y))
			objs = append(objs, t)
		}
		return objs
	})
}
