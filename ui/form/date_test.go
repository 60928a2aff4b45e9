package form

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"
)

func TestTypedInFull(t *testing.T) {
	for s, want := range map[string]bool{
		"31/12/2027": true, "1.2.2028": true, "2027-12-31": true, "2027. 12. 31.": true,
		"31/12/20": false, "31/12/202": false, "2027-12-3": false, "2027-12": false, "31/12": false, "": false,
	} {
		if got := typedInFull(s); got != want {
			t.Errorf("typedInFull(%q) = %v, want %v", s, got, want)
		}
	}
}

// calendarWindow is a 1024×640 window, the smallest the app must work
// in, with a date entry of the width a form gives it at at, and a
// handler standing for a dialog's keys, which counts the Escapes that
// reach the window.
func calendarWindow(t *testing.T, at fyne.Position) (w fyne.Window, e *DateEntry, escapes *int) {
	t.Helper()
	test.NewTempApp(t)
	e = NewDateEntry(func() language.Tag { return language.English },
		func() time.Time { return time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC) })
	e.SetText("2026-11-30")
	e.Resize(fyne.NewSize(200, e.MinSize().Height))
	e.Move(at)
	w = test.NewTempWindow(t, container.NewWithoutLayout(e))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1024, 640))
	escapes = new(int)
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			*escapes++
		}
	})
	return w, e, escapes
}

// pressEscape presses Escape as the driver does: to the widget with the
// focus, or to the window when none has it.
func pressEscape(c fyne.Canvas) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if k := c.OnTypedKey(); k != nil {
		k(ev)
	}
}

// TestEscapeClosesTheCalendarOnly opens the calendar with its button, as
// the mouse does, and with Alt+Down: Escape closes the calendar and not
// what is under it (in a dialog, the dialog), with the focus back in the
// entry; the next Escape reaches the window, to close the dialog.
func TestEscapeClosesTheCalendarOnly(t *testing.T) {
	w, e, escapes := calendarWindow(t, fyne.NewPos(400, 100))
	c := w.Canvas()
	for _, open := range []struct {
		how  string
		open func()
	}{
		{"its button", func() { c.Unfocus(); test.Tap(e.ActionItem.(fyne.Tappable)) }},
		{"Alt+Down", func() {
			c.Focus(e)
			e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
		}},
	} {
		*escapes = 0
		open.open()
		if e.PopUp() == nil || !e.PopUp().Visible() {
			t.Fatalf("%s: no calendar opened", open.how)
		}
		pressEscape(c)
		if e.PopUp().Visible() || *escapes != 0 {
			t.Errorf("opened with %s, after Escape the calendar is shown (%v) and the window had %d Escape, want it closed and none",
				open.how, e.PopUp().Visible(), *escapes)
		}
		if c.Focused() != e {
			t.Errorf("opened with %s, after Escape the focus is on %T, want the date entry", open.how, c.Focused())
		}
		pressEscape(c)
		if *escapes != 1 {
			t.Errorf("opened with %s, a second Escape reached the window %d times, want once", open.how, *escapes)
		}
		if e.Text != "2026-11-30" {
			t.Errorf("opened with %s, Escape changed the date to %q", open.how, e.Text)
		}
	}
}

// TestPickingADayGivesTheFocusBack checks that a day picked in the
// calendar closes it with the focus back in the date, so that Tab and
// Escape go on from there.
func TestPickingADayGivesTheFocusBack(t *testing.T) {
	w, e, escapes := calendarWindow(t, fyne.NewPos(400, 100))
	c := w.Canvas()
	test.Tap(e.ActionItem.(fyne.Tappable))
	e.pick(time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC))
	if e.PopUp().Visible() || c.Focused() != e || e.Text != "2026-12-15" {
		t.Errorf("after a pick the calendar is shown: %v, the focus is on %T, the date %q; want closed, the entry, 2026-12-15",
			e.PopUp().Visible(), c.Focused(), e.Text)
	}
	pressEscape(c)
	if *escapes != 1 {
		t.Errorf("Escape after a pick reached the window %d times, want once", *escapes)
	}
}

// TestTheCalendarFitsTheWindow opens the calendar of fields at the edges
// of a 1024×640 window: it lies wholly in the window, so that every day
// can be picked, and it leaves the field in view, under it where there is
// room and above it where there is not.
func TestTheCalendarFitsTheWindow(t *testing.T) {
	for _, tt := range []struct {
		name  string
		at    fyne.Position
		below bool
	}{
		{"at the top left", fyne.NewPos(10, 10), true},
		{"at the bottom", fyne.NewPos(400, 590), false},
		{"at the bottom right", fyne.NewPos(900, 590), false},
		{"a little below the middle", fyne.NewPos(814, 440), false}, // the Context step's date
		{"at the right", fyne.NewPos(900, 100), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, e, _ := calendarWindow(t, tt.at)
			test.Tap(e.ActionItem.(fyne.Tappable))
			p := e.PopUp()
			if p == nil || !p.Visible() {
				t.Fatal("no calendar opened")
			}
			// What the pop-up draws is its content and the padding round
			// it; the pop-up itself covers the canvas.
			pad := theme.InnerPadding() / 2
			top := p.Content.Position().SubtractXY(pad, pad)
			bottom := p.Content.Position().Add(p.Content.Size()).AddXY(pad, pad)
			cv := w.Canvas().Size()
			if top.X < 0 || top.Y < 0 || bottom.X > cv.Width || bottom.Y > cv.Height {
				t.Errorf("the calendar spans %v to %v, outside the %v window", top, bottom, cv)
			}
			if p.Content.Size().Height < p.Content.MinSize().Height {
				t.Errorf("the calendar is %v high, squeezed below its %v", p.Content.Size().Height, p.Content.MinSize().Height)
			}
			// The field where pop-ups take it to be (Fyne's test driver
			// leaves out a margin of the canvas).
			fieldTop := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Y
			fieldBottom := fieldTop + e.Size().Height
			switch {
			case tt.below && top.Y != fieldBottom:
				t.Errorf("the calendar's top is at %v, want it under the field, at %v", top.Y, fieldBottom)
			case !tt.below && bottom.Y != fieldTop:
				t.Errorf("the calendar's bottom is at %v, want it above the field, at %v", bottom.Y, fieldTop)
			}
			p.Hide()
		})
	}
}

// TestCalendarPlace places a calendar 300 × 280 for a field 200 × 36 on
// a canvas: under the field, above it, moved left, and, when neither
// side of the field has room, as low as it goes whole.
func TestCalendarPlace(t *testing.T) {
	field, size := fyne.NewSize(200, 36), fyne.NewSize(300, 280)
	for _, tt := range []struct {
		name   string
		canvas fyne.Size
		at     fyne.Position
		want   fyne.Position
	}{
		{"room below", fyne.NewSize(1024, 640), fyne.NewPos(100, 100), fyne.NewPos(100, 136)},
		{"just room below", fyne.NewSize(1024, 640), fyne.NewPos(100, 324), fyne.NewPos(100, 360)},
		{"no room below", fyne.NewSize(1024, 640), fyne.NewPos(100, 325), fyne.NewPos(100, 45)},
		{"at the right edge", fyne.NewSize(1024, 640), fyne.NewPos(900, 100), fyne.NewPos(724, 136)},
		{"room on neither side", fyne.NewSize(1024, 400), fyne.NewPos(100, 200), fyne.NewPos(100, 120)},
		{"a canvas smaller than the calendar", fyne.NewSize(250, 200), fyne.NewPos(20, 100), fyne.NewPos(0, 0)},
	} {
		if got := calendarPlace(tt.canvas, tt.at, field, size); got != tt.want {
			t.Errorf("%s: at %v, want %v", tt.name, got, tt.want)
		}
	}
}
