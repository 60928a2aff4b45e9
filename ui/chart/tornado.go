package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Swing is one bar of a tornado chart: an input, and the figure with that
// input at its low and at its high value.
type Swing struct {
	Label, Detail string
	Low, High     float64
}

// Heights of a tornado chart's parts.
const (
	tornadoTop    = 22
	tornadoRow    = 38
	tornadoLegend = 26
)

// TornadoHeight is the height of a tornado chart of n bars.
func TornadoHeight(n int) float32 {
	if n == 0 {
		return 1
	}
	return tornadoTop + tornadoRow*float32(n) + tornadoLegend
}

// The colours of a tornado's bars: the figure with the input at its low
// value, and at its high value.
var (
	lowColor  = color.NRGBA{0xd9, 0x8c, 0x2b, 0xff} // amber
	highColor = color.NRGBA{0x2a, 0x86, 0xa8, 0xff} // teal blue
)

// Tornado draws, for each input, a bar from the figure (an NPV) with the
// input at its low value to the figure with it at its high value, around a
// line at the likely figure (base, named by baseName above it); each
// bar's ends are labelled with their figure, and each input with its
// range. Its height is set with TornadoHeight.
func Tornado(data func() (base float64, rows []Swing), format func(float64) string, baseName string) *Chart {
	return New(fyne.NewSize(300, 1), func(size fyne.Size) []fyne.CanvasObject {
		base, rows := data()
		if len(rows) == 0 || size.Width < 200 || size.Height < TornadoHeight(1) {
			return nil
		}
		labelW := min(size.Width*0.34, 260)
		valueW := float32(68)
		x0, x1 := labelW+valueW, size.Width-valueW
		lo, hi := base, base
		for _, r := range rows {
			lo, hi = min(lo, r.Low, r.High), max(hi, r.Low, r.High)
		}
		if hi == lo {
			hi = lo + 1
		}
		xOf := func(v float64) float32 { return x0 + float32((v-lo)/(hi-lo))*(x1-x0) }
		fg := theme.Color(theme.ColorNameForeground)
		xb := xOf(base)
		objs := []fyne.CanvasObject{Text(baseName+" "+format(base), xb, 0, fyne.TextAlignCenter, false)}
		rowH := float32(tornadoRow)
		for i, r := range rows {
			y := tornadoTop + float32(i)*rowH
			objs = append(objs,
				Text(Truncate(r.Label, labelW-8), 0, y+2, fyne.TextAlignLeading, false),
				Text(Truncate(r.Detail, labelW-8), 0, y+18, fyne.TextAlignLeading, true))
			xl, xh := xOf(r.Low), xOf(r.High)
			bar := func(c color.Color, x float32) fyne.CanvasObject {
				return Rect(c, min(x, xb), y+rowH*0.2, max(abs32(x-xb), 1), rowH*0.6)
			}
			// The longer bar first, so that both show when they lie on the
			// same side of the likely figure.
			if abs32(xl-xb) >= abs32(xh-xb) {
				objs = append(objs, bar(lowColor, xl), bar(highColor, xh))
			} else {
				objs = append(objs, bar(highColor, xh), bar(lowColor, xl))
			}
			left, right := r.Low, r.High
			if xh < xl {
				left, right = right, left
			}
			ty := y + rowH/2 - 8
			objs = append(objs,
				Text(format(left), min(xOf(left), xb)-4, ty, fyne.TextAlignTrailing, true),
				Text(format(right), max(xOf(right), xb)+4, ty, fyne.TextAlignLeading, true))
		}
		bottom := tornadoTop + rowH*float32(len(rows))
		objs = append(objs, Line(fg, 1, xb, tornadoTop-4, xb, bottom))
		ly := bottom + 8
		objs = append(objs, Rect(lowColor, x0, ly+2, 10, 10), Text("Input at its low value", x0+14, ly, fyne.TextAlignLeading, false))
		x := x0 + 14 + fyne.MeasureText("Input at its low value", theme.CaptionTextSize(), fyne.TextStyle{}).Width + 24
		objs = append(objs, Rect(highColor, x, ly+2, 10, 10), Text("Input at its high value", x+14, ly, fyne.TextAlignLeading, false))
		return objs
	})
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
