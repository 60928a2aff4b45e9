package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// WheelLines is how many times Fyne's own step one notch of the wheel
// moves a form: Fyne moves 25 pixels a notch (10 on a Mac), less than a
// line of fields; this makes it about three.
const WheelLines = 4

// ScrollBy scrolls sc as the wheel turned by ev asks, by the form's step.
func ScrollBy(sc *container.Scroll, ev *fyne.ScrollEvent) {
	if sc == nil || ev == nil {
		return
	}
	big := *ev
	big.Scrolled = fyne.NewDelta(ev.Scrolled.DX*WheelLines, ev.Scrolled.DY*WheelLines)
	sc.Scrolled(&big)
}

// Wheel is the content of a scroll that takes the wheel turned anywhere
// over it (over a label, a gap, a select, a check box) and scrolls the
// scroll by the form's step rather than Fyne's.
type Wheel struct {
	widget.BaseWidget
	scroll  *container.Scroll
	content fyne.CanvasObject
}

// NewWheel returns content, made to scroll sc under the wheel; set it as
// sc's Content.
func NewWheel(sc *container.Scroll, content fyne.CanvasObject) *Wheel {
	w := &Wheel{scroll: sc, content: content}
	w.ExtendBaseWidget(w)
	return w
}

// WheelScroll is a vertical scroll of content that the wheel moves by the
// form's step wherever the pointer is over it.
func WheelScroll(content fyne.CanvasObject) *container.Scroll {
	sc := container.NewVScroll(nil)
	sc.Content = NewWheel(sc, content)
	return sc
}

// Content is what the wheel scrolls.
func (w *Wheel) Content() fyne.CanvasObject { return w.content }

// Scrolled scrolls the scroll the wheel is content of.
func (w *Wheel) Scrolled(ev *fyne.ScrollEvent) { ScrollBy(w.scroll, ev) }

// CreateRenderer lays the content out over the whole of the wheel.
func (w *Wheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(w.content))
}
