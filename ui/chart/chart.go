// Package chart draws Case Builder's charts with Fyne's canvas
// primitives: bars, lines over months, a tornado of what moves a figure and
// a histogram of a simulation, and the widget the screens draw their own
// (a heat map, a timeline, a meter) in. A chart is laid out anew at every
// size, from data it asks for each time it is drawn; it knows nothing of
// the case.
package chart

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// palette colours the series of a chart, in their order.
var palette = []color.NRGBA{
	{0x2a, 0x86, 0xa8, 0xff}, // teal blue
	{0xd9, 0x8c, 0x2b, 0xff}, // amber
	{0x7a, 0x5c, 0xb8, 0xff}, // violet
	{0x4c, 0x9a, 0x5b, 0xff}, // green
	{0xc2, 0x4e, 0x6a, 0xff}, // rose
	{0x8a, 0x7a, 0x5a, 0xff}, // olive
}

// SeriesColor is the colour of the i-th series (an alternative, in the
// case's order), the same in every chart.
func SeriesColor(i int) color.Color { return palette[i%len(palette)] }

// Chart is a widget drawn with canvas primitives, laid out anew at every
// size.
type Chart struct {
	widget.BaseWidget
	// Min is the smallest size the chart takes.
	Min  fyne.Size
	draw func(size fyne.Size) []fyne.CanvasObject
	// OnTap, when set, is told where the chart was tapped, and its size.
	OnTap func(at fyne.Position, size fyne.Size)
}

// New returns a chart of at least min that draw draws at every size.
func New(min fyne.Size, draw func(size fyne.Size) []fyne.CanvasObject) *Chart {
	c := &Chart{Min: min, draw: draw}
	c.ExtendBaseWidget(c)
	return c
}

// Draw returns what the chart draws at a size.
func (c *Chart) Draw(size fyne.Size) []fyne.CanvasObject { return c.draw(size) }

// Tapped tells OnTap where the chart was tapped.
func (c *Chart) Tapped(ev *fyne.PointEvent) {
	if c.OnTap != nil {
		c.OnTap(ev.Position, c.Size())
	}
}

// CreateRenderer is Fyne's: it draws the chart at its size.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer { return &renderer{c: c} }

type renderer struct {
	c    *Chart
	objs []fyne.CanvasObject
}

func (r *renderer) Layout(size fyne.Size) { r.objs = r.c.draw(size) }

func (r *renderer) MinSize() fyne.Size { return r.c.Min }

func (r *renderer) Refresh() {
	r.objs = r.c.draw(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *renderer) Destroy() {}

// Text is a caption-sized text at a place, aligned left, right or centred
// on x; muted is in the colour of hints.
func Text(s string, x, y float32, align fyne.TextAlign, muted bool) *canvas.Text {
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

// Rect is a rectangle of a colour at a place.
func Rect(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	return r
}

// Line is a line of a colour and width from (x1, y1) to (x2, y2).
func Line(c color.Color, width, x1, y1, x2, y2 float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1 = fyne.NewPos(x1, y1)
	l.Position2 = fyne.NewPos(x2, y2)
	return l
}

// WithAlpha is c made as opaque as a.
func WithAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}

// Truncate shortens a text to fit width at caption size, with an ellipsis.
func Truncate(s string, width float32) string { return truncateStyled(s, width, fyne.TextStyle{}) }

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

// WrapText breaks s into at most n lines of bold caption text that fit
// width, the last one shortened with an ellipsis when the rest does not
// fit.
func WrapText(s string, width float32, n int) []string {
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

// listChart is a chart of the items that items returns, drawn by draw;
// with none it says empty.
func listChart[T any](min fyne.Size, items func() []T, empty string, draw func(size fyne.Size, items []T) []fyne.CanvasObject) *Chart {
	return New(min, func(size fyne.Size) []fyne.CanvasObject {
		all := items()
		if len(all) == 0 {
			return emptyText(size, empty)
		}
		return draw(size, all)
	})
}

// emptyText is what a chart with nothing to draw says, in place of a blank
// space that would look like a chart that failed.
func emptyText(size fyne.Size, empty string) []fyne.CanvasObject {
	if size.Width < 50 || empty == "" {
		return nil
	}
	pad := theme.InnerPadding() // in line with a caption above
	return []fyne.CanvasObject{Text(Truncate(empty, size.Width-pad), pad, 4, fyne.TextAlignLeading, true)}
}

// niceTicks returns about n round values between lo and hi.
func niceTicks(lo, hi float64, n int) []float64 {
	step := figure.RoundStep(hi-lo, n)
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step/1e6; v += step {
		out = append(out, v)
	}
	return out
}
