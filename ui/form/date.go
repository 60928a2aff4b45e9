package form

import (
	"image/color"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// DateEntry is the one entry of every date the app asks for (the case's
// date and first month, milestones, measures, gates, the ask): a date typed
// the way the user's locale writes it, as casebuilder.ParseLocalDate reads
// it, or picked from a calendar that opens on the month of the date shown.
//
// It is not Fyne's widget.DateEntry, which reads one layout per country
// from a table of three (so 31/12/2027 in Japan, and never ISO), replaces
// the entry's OnChanged and Validator with its own, and opens its
// calendar on today whatever the date; its calendar, widget.Calendar, is
// used as it is.
type DateEntry struct {
	Entry
	lang func() language.Tag
	now  func() time.Time
	// OnPicked, when set, is called once a date picked from the calendar
	// is in the entry (its OnChanged has run).
	OnPicked func()

	calendar *widget.Calendar
	popUp    *widget.PopUp
}

// NewDateEntry returns a date entry that reads dates in the language lang
// returns when it reads them, and opens its calendar on now's month when
// it holds no date.
func NewDateEntry(lang func() language.Tag, now func() time.Time) *DateEntry {
	e := &DateEntry{lang: lang, now: now}
	e.ExtendBaseWidget(e)
	e.ActionItem = newCalendarButton(e.openCalendar)
	e.SetPlaceHolder(dateHint(lang()))
	return e
}

// dateHint is what the entry shows while empty: how to type a date.
func dateHint(lang language.Tag) string {
	if ex := casebuilder.DateExample(lang); ex != "2027-12-31" {
		return ex + " or 2027-12-31"
	}
	return "2027-12-31"
}

// Date reads the text typed, which must not be empty.
func (e *DateEntry) Date() (casebuilder.Date, error) {
	return casebuilder.ParseLocalDate(e.Text, e.lang())
}

// Calendar is the calendar last opened, nil before any.
func (e *DateEntry) Calendar() *widget.Calendar { return e.calendar }

// PopUp is the pop-up the calendar was last opened in, nil before any.
func (e *DateEntry) PopUp() *widget.PopUp { return e.popUp }

// TypedShortcut opens the calendar on Alt+Down, as date pickers do, and
// passes every other shortcut to the entry.
func (e *DateEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && c.KeyName == fyne.KeyDown && c.Modifier == fyne.KeyModifierAlt {
		e.openCalendar()
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey closes the calendar on Escape, as Cancel would, passes Escape
// and Enter on to the window as every entry does (to close a dialog, or
// confirm it), and every other key to the entry. While the calendar is
// open the keys go to it (see [calendarKeys]), so the entry sees Escape
// with the calendar open only when given the focus back by the program.
func (e *DateEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.popUp != nil && e.popUp.Visible() {
		e.closeCalendar()
		return
	}
	// Entry.TypedKey would pass them on itself, but it asks the driver for
	// the canvas of the Entry inside e, which the desktop driver does not
	// know (it knows e, the widget on the canvas), so that Escape in a
	// date did nothing in a dialog. Fyne's test driver knows any object.
	if toWindow(e, ev, !e.MultiLine && e.OnSubmitted == nil) {
		return
	}
	e.Entry.TypedKey(ev)
}

// typedInFull reports whether a date being typed looks finished: three
// runs of digits, the year in four last, or first with a two-digit day
// last. Until then it is judged only once the field is left, so that
// 31/12/20 on the way to 31/12/2027 is not taken for 2020.
func typedInFull(s string) bool {
	var runs []int
	in := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r) && !in:
			runs, in = append(runs, 1), true
		case unicode.IsDigit(r):
			runs[len(runs)-1]++
		default:
			in = false
		}
	}
	return len(runs) == 3 && (runs[2] == 4 || runs[0] == 4 && runs[2] == 2)
}

// openCalendar shows the calendar beside the entry, on the month of the
// date in it, or of today, and gives it the keyboard so that Escape
// closes it (see [calendarKeys]).
func (e *DateEntry) openCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil || e.Disabled() {
		return
	}
	start := e.now()
	if strings.TrimSpace(e.Text) != "" {
		if d, err := e.Date(); err == nil {
			start = d.Time()
		}
	}
	e.calendar = widget.NewCalendar(start, e.pick)
	keys := newCalendarKeys(e.calendar, e.closeCalendar)
	e.popUp = widget.NewPopUp(keys, c)
	size := fyne.NewSize(max(e.Size().Width, e.popUp.MinSize().Width), e.popUp.MinSize().Height)
	e.popUp.Resize(size)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(calendarPlace(c.Size(), at, e.Size(), size))
	// A pop-up is an overlay with a focus of its own: until something in
	// it has the focus, keys go to the window, where a dialog's Escape
	// closes the dialog under the calendar.
	c.Focus(keys)
}

// calendarPlace is where a calendar of size goes on a canvas for a field
// of size field at at: under the field, or above it when there is no room
// under it, and moved left as far as needed to end inside the canvas, so
// that every day of the month can be picked and the field stays in view.
// A canvas too short for the calendar either side of the field gets it
// as low as it can go whole, over the field.
func calendarPlace(canvas fyne.Size, at fyne.Position, field, size fyne.Size) fyne.Position {
	x := max(min(at.X, canvas.Width-size.Width), 0)
	below, above := at.Y+field.Height, at.Y-size.Height
	switch {
	case below+size.Height <= canvas.Height:
		return fyne.NewPos(x, below)
	case above >= 0:
		return fyne.NewPos(x, above)
	default:
		return fyne.NewPos(x, max(canvas.Height-size.Height, 0))
	}
}

// closeCalendar closes the calendar without picking a day, and gives the
// focus back to the entry, where the calendar was opened from, so that a
// second Escape reaches the window (and closes a dialog) as from the entry.
func (e *DateEntry) closeCalendar() {
	if e.popUp == nil || !e.popUp.Visible() {
		return
	}
	e.popUp.Hide()
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// pick puts the day picked in the calendar in the entry, as ISO, which
// every locale reads.
func (e *DateEntry) pick(t time.Time) {
	// The focus goes back to the entry, as on Escape: Tab and Escape go on
	// from the date, not from the calendar that is gone.
	e.closeCalendar()
	e.SetText(casebuilder.DateOf(t).String())
	if e.OnPicked != nil {
		e.OnPicked()
	}
}

// calendarKeys is the calendar in its pop-up, holding the focus while the
// pop-up is open so that the keys typed then reach the date entry's
// calendar, not the window: Escape closes the calendar alone. It draws
// nothing of its own. A click on the calendar's buttons leaves the focus
// here; Tab moves it to them, for Space to press one, and there Escape
// does nothing, as Fyne's buttons keep the keys they are given.
type calendarKeys struct {
	widget.BaseWidget
	calendar *widget.Calendar
	onEscape func()
}

func newCalendarKeys(c *widget.Calendar, onEscape func()) *calendarKeys {
	k := &calendarKeys{calendar: c, onEscape: onEscape}
	k.ExtendBaseWidget(k)
	return k
}

func (k *calendarKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.calendar)
}

// FocusGained and FocusLost show nothing: the calendar is the sign that
// it has the keyboard.
func (k *calendarKeys) FocusGained() {}

func (k *calendarKeys) FocusLost() {}

// TypedRune ignores what is typed: dates are typed in the entry.
func (k *calendarKeys) TypedRune(rune) {}

// TypedKey closes the calendar on Escape.
func (k *calendarKeys) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		k.onEscape()
	}
}

// calendarButton is the calendar icon at the end of a date entry. It is
// tapped with the mouse and never takes the focus, so that Tab goes from
// a date to the next field as it does from any other entry; from the
// keyboard, Alt+Down opens the calendar.
type calendarButton struct {
	widget.BaseWidget
	onTap   func()
	hovered bool
	back    *canvas.Rectangle
}

func newCalendarButton(onTap func()) *calendarButton {
	b := &calendarButton{onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

func (b *calendarButton) CreateRenderer() fyne.WidgetRenderer {
	b.back = canvas.NewRectangle(color.Transparent)
	b.back.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.Icon(theme.IconNameCalendar))
	return widget.NewSimpleRenderer(container.NewStack(b.back, container.NewPadded(icon)))
}

// Tapped opens the calendar.
func (b *calendarButton) Tapped(*fyne.PointEvent) { b.onTap() }

// Cursor is the pointing hand, as over a button.
func (b *calendarButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (b *calendarButton) MouseIn(*desktop.MouseEvent) { b.hover(true) }

func (b *calendarButton) MouseMoved(*desktop.MouseEvent) {}

func (b *calendarButton) MouseOut() { b.hover(false) }

func (b *calendarButton) hover(on bool) {
	b.hovered = on
	if b.back == nil {
		return
	}
	b.back.FillColor = color.Transparent
	if on {
		b.back.FillColor = theme.Color(theme.ColorNameHover)
	}
	b.back.Refresh()
}
