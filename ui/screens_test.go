package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/ui/form"
)

// notch is what Fyne's desktop driver reports for one notch of the wheel
// on Linux and Windows.
const notch = 25

// TestWheelScrollsWhereverThePointerIs turns the wheel one notch, in a
// window of 1024 × 640, over each kind of widget shown at the top of every
// step's scrolling form (an entry, a text of several lines, a label, a
// select, a check box, a table) and checks that the form moved by about
// three lines (4 × Fyne's 25 pixels), not by nothing (over an input) or by
// 25 pixels.
func TestWheelScrollsWhereverThePointerIs(t *testing.T) {
	h := english(t)
	u := h.u
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	d := fyne.CurrentApp().Driver()
	seen := map[string]bool{}
	for _, st := range screenSpecs {
		u.goTo(st.id)
		h.settle()
		s, ok := u.screens[st.id].(interface{ scrolls() []*container.Scroll })
		if !ok {
			continue
		}
		for _, sc := range s.scrolls() {
			room := sc.Content.MinSize().Height - sc.Size().Height
			if room < notch*form.WheelLines {
				continue // fits: nothing to scroll
			}
			want := float32(notch * form.WheelLines)
			at, size := d.AbsolutePositionForObject(sc), sc.Size()
			kinds := map[string]fyne.CanvasObject{}
			for _, o := range test.LaidOutObjects(sc.Content) {
				var kind string
				switch w := o.(type) {
				case *form.Entry:
					kind = "an entry"
					if w.MultiLine {
						kind = "a text of several lines"
					}
				case *widget.Label:
					kind = "a label"
				case *widget.Select:
					kind = "a select"
				case *widget.Check:
					kind = "a check box"
				case *widget.Table:
					kind = "a table"
				default:
					continue
				}
				if _, done := kinds[kind]; done || !o.Visible() {
					continue
				}
				p := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
				if p.Y > at.Y+4 && p.Y < at.Y+size.Height-4 && p.X > at.X && p.X < at.X+size.Width && o.Size().Height > 0 {
					kinds[kind] = o
				}
			}
			for kind, o := range kinds {
				h.w.Canvas().Unfocus()
				sc.Offset = fyne.Position{}
				sc.Refresh()
				p := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
				test.Scroll(h.w.Canvas(), p, 0, -notch)
				if got := sc.Offset.Y; got != want {
					t.Errorf("%s: one notch over %s moved the form %.0f pixels, not %.0f", st.name, kind, got, want)
				}
				seen[kind] = true
			}
			sc.Offset = fyne.Position{}
			sc.Refresh()
		}
	}
	for _, kind := range []string{"an entry", "a text of several lines", "a label", "a select", "a check box"} {
		if !seen[kind] {
			t.Errorf("no step showed %s to turn the wheel over", kind)
		}
	}
}
