package chart

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Series is one line of a line chart: a value a month.
type Series struct {
	Name   string
	Values []float64
	Color  color.Color
	// Bold draws the line thicker: the series that matters most.
	Bold bool
}

// Lines draws series over months, with a zero line, a few gridlines
// labelled by format, years along the bottom and a legend; with no series
// it says empty.
func Lines(all func() []Series, format func(float64) string, empty string) *Chart {
	return listChart(fyne.NewSize(300, 220), all, empty, func(size fyne.Size, ss []Series) []fyne.CanvasObject {
		if size.Width < 80 || size.Height < 80 {
			return nil
		}
		n := 0
		lo, hi := 0.0, 0.0
		for _, s := range ss {
			n = max(n, len(s.Values))
			for _, v := range s.Values {
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
		grid := WithAlpha(theme.Color(theme.ColorNameForeground), 0x22)
		for _, v := range niceTicks(lo, hi, 4) {
			y := yOf(v)
			objs = append(objs, Line(grid, 1, left, y, right, y), Text(format(v), left-6, y-8, fyne.TextAlignTrailing, true))
		}
		objs = append(objs, Line(theme.Color(theme.ColorNameForeground), 1, left, yOf(0), right, yOf(0)))
		// A line at the end of each year, labelled in its middle.
		every := max(1, (n/12)/10)
		for year := 1; (year-1)*12 < n; year++ {
			end := min(year*12, n-1)
			objs = append(objs, Line(grid, 1, xOf(end), top, xOf(end), bottom))
			if year%every == 0 || n <= 24 {
				mid := xOf((year-1)*12) + (xOf(end)-xOf((year-1)*12))/2
				objs = append(objs, Text("year "+strconv.Itoa(year), mid, bottom+2, fyne.TextAlignCenter, true))
			}
		}
		step := max(1, n/160) // enough points for the eye, few enough objects
		for _, s := range ss {
			width := float32(1.5)
			if s.Bold {
				width = 2.5
			}
			for m := step; m < len(s.Values); m += step {
				objs = append(objs, Line(s.Color, width, xOf(m-step), yOf(s.Values[m-step]), xOf(m), yOf(s.Values[m])))
			}
		}
		x := left
		each := (right - left) / float32(len(ss))
		for _, s := range ss {
			objs = append(objs, Rect(s.Color, x, size.Height-legendH+6, 10, 10))
			t := Text(Truncate(s.Name, each-28), x+14, size.Height-legendH+2, fyne.TextAlignLeading, false)
			objs = append(objs, t)
			x += each
		}
		return objs
	})
}
