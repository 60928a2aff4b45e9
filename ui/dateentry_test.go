package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// inLocale starts the app reading numbers and dates as tag writes them.
func inLocale(t *testing.T, tag string) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, tag)
	h := startIn(t, a, t.TempDir(), Options{})
	h.dismissWelcome()
	h.settle()
	return h
}

// TestEveryDateIsADateEntry checks that the app asks for every date of a
// case with the one date entry: the case's date and first month, the ask,
// milestones and measures.
func TestEveryDateIsADateEntry(t *testing.T) {
	h := inLocale(t, "en-GB")
	for _, p := range []stepPath{
		{casebuilder.StepContext, "date"},
		{casebuilder.StepCompare, "ask.decideBy"},
		{casebuilder.StepPlan, "plan.milestones[2].start"},
		{casebuilder.StepPlan, "plan.milestones[2].end"},
		{casebuilder.StepMeasures, "measures[0].date"},
	} {
		h.u.win.Canvas().Unfocus()
		if e := h.dateAt(p.step, p.path); e.PlaceHolder != "31/12/2027 or 2027-12-31" {
			t.Errorf("%s: the placeholder reads %q", p.path, e.PlaceHolder)
		}
	}
	h.u.onSettings()
	defer h.shown.settings.dlg.Hide()
	found := false
	for _, b := range h.shown.settings.form.Fields() {
		if d, ok := b.(*form.DateField); ok && b.Path() == "startDate" && d.DateEntry() != nil {
			found = true
		}
	}
	if !found {
		t.Error("the settings ask for the first month without the date entry")
	}
}

// TestDatesTypedTheUsersWay types dates as locales write them.
func TestDatesTypedTheUsersWay(t *testing.T) {
	h := inLocale(t, "en-GB")
	u := h.u
	for _, tt := range []struct {
		tag, typed, want, says string
	}{
		{"en-GB", "31/12/2027", "2027-12-31", ""},
		{"en-GB", "03/04/2027", "2027-04-03", ""},
		{"de-DE", "1.2.2028", "2028-02-01", ""},
		{"en-US", "12/31/2027", "2027-12-31", ""},
		{"en-US", "03/04/2027", "2027-03-04", ""},
		{"ja-JP", "2027/12/31", "2027-12-31", ""},
		{"en-GB", "2027-12-31", "2027-12-31", ""},
		{"en-GB", "31/12/27", "2027-12-31", ""}, // judged once the field is left
		{"en-US", "2027-12-31", "2027-12-31", ""},
		// English with no country: a date that reads both ways is refused,
		// both readings named; one that reads one way is taken.
		{"en", "03/04/2027", "", `"03/04/2027" could be 3 April 2027 (day first) or 4 March 2027 (month first): type it as 2027-04-03 or 2027-03-04`},
		{"en", "25/04/2027", "2027-04-25", ""},
		{"en-GB", "12/31/2027", "", `"12/31/2027" is not a date: en-GB writes the day first (31/12/2027), and there is no month 31. For 31 December 2027, type 31/12/2027 or 2027-12-31`},
		{"en-GB", "next week", "", `"next week" is not a date: type it as 31/12/2027 or 2027-12-31`},
	} {
		t.Run(tt.tag+" "+tt.typed, func(t *testing.T) {
			// The locale is read as each date is: one app serves them all.
			u.prefs.p.SetString(prefNumberLocale, tt.tag)
			h.w.Canvas().Unfocus()
			before := u.doc.c.Ask.DecideBy
			e := h.dateAt(casebuilder.StepCompare, "ask.decideBy")
			h.w.Canvas().Focus(e)
			e.SetQuietly("") // as if the text were selected, to type over it
			test.Type(e, tt.typed)
			if h.w.Canvas().Focused() != e {
				t.Fatal("the date entry lost the focus while typed in")
			}
			h.w.Canvas().Unfocus() // the field is left
			msg := errorBeside(u, e)
			if tt.says != "" {
				if msg != tt.says || u.doc.c.Ask.DecideBy != before {
					t.Errorf("beside the field %q, the case holds %s; want %q and %s unchanged", msg, u.doc.c.Ask.DecideBy, tt.says, before)
				}
				return
			}
			if got := u.doc.c.Ask.DecideBy.String(); got != tt.want || msg != "" {
				t.Errorf("the case holds %s, %q beside the field; want %s", got, msg, tt.want)
			}
			if e.Text != tt.want {
				t.Errorf("once left, the field shows %q, want %s", e.Text, tt.want)
			}
		})
	}
}

// TestDateBeingTypedIsNotTakenEarly checks that 31/12/20, on the way to
// 31/12/2027, is not taken for a date in 2020, and that the typing is one
// step to undo.
func TestDateBeingTypedIsNotTakenEarly(t *testing.T) {
	h := inLocale(t, "en-GB")
	u := h.u
	before := u.doc.c.Ask.DecideBy
	e := h.dateAt(casebuilder.StepCompare, "ask.decideBy")
	h.w.Canvas().Focus(e)
	e.SetQuietly("") // as if the text were selected, to type over it
	for _, r := range "31/12/2027" {
		test.Type(e, string(r))
		if d := u.doc.c.Ask.DecideBy; d != before && d.String() != "2027-12-31" {
			t.Fatalf("after %q the case holds %s", e.Text, d)
		}
		if msg := errorBeside(u, e); msg != "" {
			t.Fatalf("after %q the field says %q", e.Text, msg)
		}
	}
	if got := u.doc.c.Ask.DecideBy.String(); got != "2027-12-31" {
		t.Fatalf("typed in full, the case holds %s", got)
	}
	h.w.Canvas().Unfocus()
	u.onUndo()
	if u.doc.c.Ask.DecideBy != before {
		t.Errorf("one undo gives %s, want %s", u.doc.c.Ask.DecideBy, before)
	}
}

// TestDatePickedFromTheCalendar opens the calendar beside a date: it
// opens on that date's month, and the day tapped becomes the case's.
func TestDatePickedFromTheCalendar(t *testing.T) {
	h := inLocale(t, "en-GB")
	u := h.u
	e := h.dateAt(casebuilder.StepPlan, "plan.milestones[2].end") // 2027-03-31 in the sample
	if got := u.doc.c.Plan.Milestones[2].End.String(); got != "2027-03-31" {
		t.Fatalf("the sample's milestone ends %s", got)
	}
	test.Tap(e.ActionItem.(fyne.Tappable))
	if e.PopUp() == nil || !e.PopUp().Visible() {
		t.Fatal("no calendar opened")
	}
	if !hasLabel(e.Calendar(), "March 2027") {
		t.Error("the calendar does not open on March 2027, the month of the date shown")
	}
	test.Tap(button(t, e.Calendar(), "15"))
	if e.PopUp().Visible() {
		t.Error("the calendar stays open after a day is picked")
	}
	if got := u.doc.c.Plan.Milestones[2].End.String(); got != "2027-03-15" || e.Text != "2027-03-15" {
		t.Errorf("after picking the 15th, the case holds %s and the field %q", got, e.Text)
	}

	// Without a date, the calendar opens on today's month (the test's
	// clock: 23 November 2026).
	h.retype(e, "")
	h.w.Canvas().Unfocus()
	test.Tap(e.ActionItem.(fyne.Tappable))
	if !hasLabel(e.Calendar(), "November 2026") {
		t.Error("an empty date's calendar does not open on today's month")
	}
	e.PopUp().Hide()
}

// hasLabel reports whether a label reading text is within root.
func hasLabel(root fyne.CanvasObject, text string) bool {
	found := false
	walk(root, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && strings.TrimSpace(l.Text) == text {
			found = true
		}
		return !found
	})
	return found
}

// TestEscapeClosesTheCalendarNotTheSettings opens the calendar of the
// first month in the Settings: Escape closes the calendar and leaves the
// dialog open, with the focus back in the date; the next Escape closes
// the dialog, as from any of its entries.
func TestEscapeClosesTheCalendarNotTheSettings(t *testing.T) {
	h := inLocale(t, "en-GB")
	h.u.onSettings()
	var e *form.DateEntry
	for _, b := range h.shown.settings.form.Fields() {
		if d, ok := b.(*form.DateField); ok && b.Path() == "startDate" {
			e = d.DateEntry()
		}
	}
	if e == nil {
		t.Fatal("the settings ask for no first month")
	}
	dlg := h.w.Canvas().Overlays().Top()
	test.Tap(e.ActionItem.(fyne.Tappable))
	if e.PopUp() == nil || !e.PopUp().Visible() {
		t.Fatal("no calendar opened")
	}
	pressEscape(h)
	if e.PopUp().Visible() {
		t.Error("Escape leaves the calendar open")
	}
	if top := h.w.Canvas().Overlays().Top(); top != dlg {
		t.Fatalf("after one Escape the top overlay is %T, want the Settings dialog", top)
	}
	if f := h.w.Canvas().Focused(); f != e {
		t.Errorf("after Escape the focus is on %T, want the first month's date", f)
	}
	pressEscape(h)
	if top := h.w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a second Escape leaves %T open, want the Settings closed", top)
		h.shown.settings.dlg.Hide()
	}
}

// TestTheCalendarOfTheCaseDateFitsALaptop opens the calendar of the
// case's date (2026-11-30 in the sample) in a window 1024 × 640: it lies
// within the window, its last week included, and leaves the date in view.
func TestTheCalendarOfTheCaseDateFitsALaptop(t *testing.T) {
	h := inLocale(t, "en-US")
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	e := h.dateAt(casebuilder.StepContext, "date")
	h.settle()
	test.Tap(e.ActionItem.(fyne.Tappable))
	p := e.PopUp()
	if p == nil || !p.Visible() {
		t.Fatal("no calendar opened")
	}
	defer p.Hide()
	if !hasLabel(e.Calendar(), "November 2026") {
		t.Fatal("the calendar does not open on November 2026")
	}
	// The calendar is what the pop-up draws: its content and the padding
	// round it.
	pad := theme.InnerPadding() / 2
	top := p.Content.Position().SubtractXY(pad, pad)
	bottom := p.Content.Position().Add(p.Content.Size()).AddXY(pad, pad)
	cv := h.w.Canvas().Size()
	if top.X < 0 || top.Y < 0 || bottom.X > cv.Width || bottom.Y > cv.Height {
		t.Errorf("the calendar spans %v to %v, outside the %v window", top, bottom, cv)
	}
	field := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	if top.Y < field.Y+e.Size().Height && bottom.Y > field.Y {
		t.Errorf("the calendar (%v to %v) covers the date (%v high at %v)", top.Y, bottom.Y, e.Size().Height, field.Y)
	}
}
