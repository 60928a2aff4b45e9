package ui

import (
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// dateEntry is the one entry of every date the app asks for (the case's
// date and first month, milestones, measures, the ask): a date typed the
// way the user's locale writes it, as casebuilder.ParseLocalDate reads it,
// or picked from a calendar that opens on the month of the date shown.
//
// It is not Fyne's widget.DateEntry, which reads one layout per country
// from a table of three (so 31/12/2027 in Japan, and never ISO), replaces
// the entry's OnChanged and Validator with its own, and opens its
// calendar on today whatever the date; its calendar, widget.Calendar, is
// used as it is.
type dateEntry struct {
	entry
	lang func() language.Tag
	now  func() time.Time
	// onPicked is called once a date picked from the calendar is in the
	// entry (its OnChanged has run).
	onPicked func()

	calendar *widget.Calendar
	popUp    *widget.PopUp
}

func newDateEntry(lang func() language.Tag, now func() time.Time) *dateEntry {
	e := &dateEntry{lang: lang, now: now}
	e.ExtendBaseWidget(e)
	button := widget.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), e.openCalendar)
	button.Importance = widget.LowImportance
	e.ActionItem = button
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

// date reads the text typed, which must not be empty.
func (e *dateEntry) date() (casebuilder.Date, error) {
	return casebuilder.ParseLocalDate(e.Text, e.lang())
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
func (e *dateEntry) openCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil || e.Disabled() {
		return
	}
	start := e.now()
	if d, err := e.date(); err == nil {
		start = d.Time()
	}
	e.calendar = widget.NewCalendar(start, e.pick)
	e.popUp = widget.NewPopUp(e.calendar, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(max(e.Size().Width, e.popUp.MinSize().Width), e.popUp.MinSize().Height))
}

// pick puts the day picked in the calendar in the entry, as ISO, which
// every locale reads.
func (e *dateEntry) pick(t time.Time) {
	if e.popUp != nil {
		e.popUp.Hide()
	}
	e.SetText(casebuilder.DateOf(t).String())
	if e.onPicked != nil {
		e.onPicked()
	}
}
