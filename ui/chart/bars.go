package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value float64
	Color color.Color
	// Bold sets the label in bold: the bar that matters most.
	Bold bool
}

// Bars draws horizontal bars from zero, negative ones to the left, each
// with its label and its value written by format; with no bars it says
// empty.
func Bars(bars func() []Bar, format func(float64) string, empty string) *Chart {
	return listChart(fyne.NewSize(300, 200), bars, empty, func(size fyne.Size, bs []Bar) []fyne.CanvasObject {
		if size.Width < 50 {
			return nil
		}
		var objs []fyne.CanvasObject
		labelW := min(size.Width*0.38, 220)
		valueW := float32(64)
		x0, x1 := labelW+8, size.Width-valueW
		lo, hi := 0.0, 0.0
		for _, b := range bs {
			lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
		}
		if hi == lo {
			hi = lo + 1
		}
		scale := float64(x1-x0) / (hi - lo)
		zero := x0 + float32(-lo*scale)
		rowH := min(size.Height/float32(len(bs)), 34)
		for i, b := range bs {
			y := float32(i) * rowH
			t := Text(Truncate(b.Label, labelW), 0, y+rowH/2-8, fyne.TextAlignLeading, false)
			t.TextStyle.Bold = b.Bold
			objs = append(objs, t)
			w := float32(b.Value * scale)
			x := zero
			if w < 0 {
				x, w = zero+w, -w
			}
			objs = append(objs, Rect(b.Color, x, y+rowH*0.2, max(w, 1), rowH*0.6))
			v := format(b.Value)
			if b.Value < 0 {
				objs = append(objs, Text(v, x-4, y+rowH/2-8, fyne.TextAlignTrailing, true))
			} else {
				objs = append(objs, Text(v, x+w+4, y+rowH/2-8, fyne.TextAlignLeading, true))
			}
		}
		objs = append(objs, Line(theme.Color(theme.ColorNameForeground), 1, zero, 0, zero, rowH*float32(len(bs))))
		return objs
	})
}
