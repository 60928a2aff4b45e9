package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// toWindow passes Escape, and Enter where enter is set, typed in o on to
// its window's own handler, which closes or confirms the dialog open (see
// ui's dialog keys). Fyne gives a key to the focused widget alone, and
// its ticks and drop-downs drop both: with the focus on one, Escape would
// do nothing. It reports whether it passed the key on.
func toWindow(o fyne.CanvasObject, ev *fyne.KeyEvent, enter bool) bool {
	if ev.Name != fyne.KeyEscape && !(enter && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter)) {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(ev)
	return true
}

// Check is Fyne's tick, with Escape and Enter passed on to the window.
type Check struct{ widget.Check }

// NewCheck returns a tick with a label; changed is called as it is ticked.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Escape and Enter on to the window.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if !toWindow(c, ev, true) {
		c.Check.TypedKey(ev)
	}
}

// Select is Fyne's drop-down, with Escape and Enter passed on to the
// window while it is closed (open, its list takes the keys).
type Select struct{ widget.Select }

// NewSelect returns a drop-down of options; changed is called with the
// one chosen.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey passes Escape and Enter on to the window.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	if !toWindow(s, ev, true) {
		s.Select.TypedKey(ev)
	}
}

// Button is Fyne's button that, focused, Enter presses as Space does,
// and that passes Escape on to the window: with the focus on a dialog's
// button, Escape closes the dialog.
type Button struct{ widget.Button }

// NewButton returns a button with a label, pressed by a tap, Space or
// Enter.
func NewButton(label string, tapped func()) *Button {
	b := &Button{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and passes Escape on to the window.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		b.Button.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case !toWindow(b, ev, false):
		b.Button.TypedKey(ev)
	}
}
