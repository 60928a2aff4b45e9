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

// TypedKey closes the calendar on Escape, as Cancel would, and passes
// every other key to the entry.
func (e *DateEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.popUp != nil && e.popUp.Visible() {
		e.popUp.Hide()
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

// openCalendar shows the calendar under the entry, on the month of the
// date in it, or of today.
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
	e.popUp = widget.NewPopUp(e.calendar, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(max(e.Size().Width, e.popUp.MinSize().Width), e.popUp.MinSize().Height))
}

// pick puts the day picked in the calendar in the entry, as ISO, which
// every locale reads.
func (e *DateEntry) pick(t time.Time) {
	if e.popUp != nil {
		e.popUp.Hide()
	}
	e.SetText(casebuilder.DateOf(t).String())
	if e.OnPicked != nil {
		e.OnPicked()
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
