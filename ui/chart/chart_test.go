package chart

import (
	"image/color"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestNiceTicks(t *testing.T) {
	for _, tt := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		// A span of 1.7M in about 4 steps: 425k a step, rounded up to 500k.
		{-200_000, 1_500_000, 4, []float64{0, 500_000, 1_000_000, 1_500_000}},
		// 0 to 1 in 4: 0.25 a step (2.5 × 0.1).
		{0, 1, 4, []float64{0, 0.25, 0.5, 0.75, 1}},
		// -30 to 70 in 5: 20 a step.
		{-30, 70, 5, []float64{-20, 0, 20, 40, 60}},
	} {
		if got := niceTicks(tt.lo, tt.hi, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("niceTicks(%v, %v, %d) = %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
		}
	}
}

// TestBarsAndLinesWithNothing checks what the bar and the line charts draw
// with nothing to chart: the one text they are given, and nothing where
// there is no room for it (under 50 wide); with one bar, its label, its
// bar, its value and the zero line.
func TestBarsAndLinesWithNothing(t *testing.T) {
	test.NewTempApp(t)
	format := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	var bars []Bar
	var series []Series
	for name, c := range map[string]*Chart{
		"bars":  Bars(func() []Bar { return bars }, format, "No alternative yet"),
		"lines": Lines(func() []Series { return series }, format, "No alternative yet"),
	} {
		objs := c.Draw(fyne.NewSize(300, 200))
		if len(objs) != 1 {
			t.Fatalf("%s: %d objects, want the one text", name, len(objs))
		}
		if txt, ok := objs[0].(*canvas.Text); !ok || txt.Text != "No alternative yet" {
			t.Errorf("%s: draws %#v", name, objs[0])
		}
		if objs := c.Draw(fyne.NewSize(40, 200)); len(objs) != 0 {
			t.Errorf("%s, 40 wide: %d objects", name, len(objs))
		}
	}
	bars = []Bar{{Label: "Pilot", Value: 1500, Color: color.Black}}
	objs := Bars(func() []Bar { return bars }, format, "No alternative yet").Draw(fyne.NewSize(300, 200))
	var texts []string
	for _, o := range objs {
		if txt, ok := o.(*canvas.Text); ok {
			texts = append(texts, txt.Text)
		}
	}
	if len(objs) != 4 || !slices.Equal(texts, []string{"Pilot", "1500"}) {
		t.Errorf("one bar: %d objects, texts %q", len(objs), texts)
	}
}
