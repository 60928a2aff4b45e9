package form

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// host is a window with a case, as the app is to its forms: an edit
// changes a copy of the case and is refused when it makes the case
// invalid; edits with the same key in a row are one undo step.
type host struct {
	t       *testing.T
	c       *casebuilder.Case
	w       fyne.Window
	steps   int    // undo steps made
	key     string // the key of the last edit
	ended   int    // runs of typing ended
	errors  []string
	refresh int // whole-screen refreshes asked for
	onEdit  func()
	// page is what the wheel over an entry scrolls, and wheeled the
	// widgets it turned over.
	page    *container.Scroll
	wheeled []fyne.CanvasObject
}

func newHost(t *testing.T, c *casebuilder.Case) *host {
	t.Helper()
	test.NewTempApp(t)
	h := &host{t: t, c: c}
	h.w = test.NewTempWindow(t, widget.NewLabel(""))
	return h
}

// show puts objs in the window, so that they can be focused.
func (h *host) show(objs ...fyne.CanvasObject) {
	h.w.SetContent(container.NewVBox(objs...))
	h.w.Resize(fyne.NewSize(800, 600))
}

func (h *host) Case() *casebuilder.Case { return h.c }

func (h *host) Edit(_ casebuilder.Where, key string, change func(c *casebuilder.Case) error) error {
	next := h.c.Clone()
	if err := change(next); err != nil {
		return err
	}
	before := casebuilder.Validate(h.c)
	for _, p := range casebuilder.Validate(next) {
		if !slices.Contains(before, p) {
			return casebuilder.Problems{p}
		}
	}
	if key == "" || key != h.key {
		h.steps++
	}
	h.key, h.c = key, next
	if h.onEdit != nil {
		h.onEdit()
	}
	return nil
}

func (h *host) Parse(s string, unit figure.Unit) (float64, error) {
	return figure.ParseValue(s, language.English, unit)
}

func (h *host) Format(v float64, unit figure.Unit) string {
	if unit == figure.Percent {
		return fmt.Sprintf("%g %%", v*100)
	}
	return fmt.Sprintf("%g", v)
}

func (h *host) Language() language.Tag { return language.English }
func (h *host) Now() time.Time         { return time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC) }

func (h *host) Scroll(w fyne.CanvasObject, ev *fyne.ScrollEvent) {
	h.wheeled = append(h.wheeled, w)
	if h.page != nil {
		h.page.Scrolled(ev)
	}
}

func (h *host) Focus(w fyne.Focusable)  { h.w.Canvas().Focus(w) }
func (h *host) Focused() fyne.Focusable { return h.w.Canvas().Focused() }
func (h *host) EndTyping()              { h.key = ""; h.ended++ }
func (h *host) Refresh()                { h.refresh++ }

// Describe names a place as a screen might: the host of these tests
// knows no case, so it says the path's last part in words.
func (h *host) Describe(path string) string {
	return "the " + path[strings.LastIndex(path, ".")+1:] + " field"
}

func (h *host) ShowError(what string, err error, _ string) {
	h.errors = append(h.errors, what+": "+err.Error())
}

// typeable is an entry: *Entry or *DateEntry.
type typeable interface {
	fyne.Focusable
	SetText(string)
}

// typeIn types text into e key by key, as a user does, after emptying it.
func (h *host) typeIn(e typeable, text string) {
	h.w.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

func (h *host) leave() { h.w.Canvas().Unfocus() }

func sample() *casebuilder.Case {
	return &casebuilder.Case{
		SchemaVersion: casebuilder.SchemaVersion, Title: "A case", Currency: "EUR", DiscountRate: 0.1,
		HorizonMonths: 24, StartDate: casebuilder.Date{Year: 2027, Month: 1, Day: 1},
		Alternatives: []casebuilder.Alternative{{ID: "nothing", Name: "Do nothing", DoNothing: true},
			{ID: "a", Name: "Coaching", Costs: []casebuilder.Cost{{Name: "Coaches", Kind: casebuilder.Monthly, Amount: casebuilder.Exactly(1000)}}}},
		Risks: []casebuilder.Risk{{ID: "r1", Description: "First"}, {ID: "r2", Description: "Second"}, {ID: "r3", Description: "Third"}},
	}
}

func title(c *casebuilder.Case) *string { return &c.Title }

func TestTypingATextIsOneUndoStep(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepContext)
	tf := f.Text("title", At(title), "")
	h.show(tf.Box())
	h.typeIn(tf.Entry(), "Keeping our reps")
	if h.c.Title != "Keeping our reps" || h.steps != 1 {
		t.Errorf("typing made the title %q in %d undo steps, want one", h.c.Title, h.steps)
	}
	// The case changes elsewhere: the field being typed in keeps what is
	// typed, unless the refresh is forced.
	h.c.Title = "Changed by undo"
	f.Refresh(h.c, false)
	if tf.Entry().Text != "Keeping our reps" {
		t.Errorf("a refresh replaced what is being typed with %q", tf.Entry().Text)
	}
	f.Refresh(h.c, true)
	if tf.Entry().Text != "Changed by undo" {
		t.Errorf("a forced refresh shows %q", tf.Entry().Text)
	}
	h.leave()
	if h.ended != 1 {
		t.Errorf("leaving the field ended %d runs of typing, want 1", h.ended)
	}
	tf.Entry().SetText(strings.Repeat("x", casebuilder.MaxText+1)) // pasted
	if !strings.Contains(tf.Problem(), "at most 20000 characters") || h.c.Title != "Changed by undo" {
		t.Errorf("a text too long: problem %q, title of %d bytes", tf.Problem(), len(h.c.Title))
	}
	// The limit is in characters, as the message says: 20,000 Thai
	// characters (60,000 bytes) are taken, one more is not.
	thai := strings.Repeat("ก", casebuilder.MaxText)
	tf.Entry().SetText(thai)
	if tf.Problem() != "" || h.c.Title != thai {
		t.Errorf("%d Thai characters: problem %q, title of %d characters", casebuilder.MaxText, tf.Problem(), len([]rune(h.c.Title)))
	}
	tf.Entry().SetText(thai + "ก")
	if !strings.Contains(tf.Problem(), "at most 20000 characters") || h.c.Title != thai {
		t.Errorf("%d Thai characters: problem %q, title of %d characters", casebuilder.MaxText+1, tf.Problem(), len([]rune(h.c.Title)))
	}
}

// TestAWrappedLineShowsWholeAndStaysOneLine checks a text of one line
// shown wrapped (the decision asked for): a sentence too long for a row
// of the form takes more rows rather than running on out of sight, Enter
// makes no line break but reaches the window, a paste's line breaks are
// spaces, and the line's limit holds.
func TestAWrappedLineShowsWholeAndStaysOneLine(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepContext)
	tf := f.WrappedText("title", At(title), "")
	h.show(tf.Box())
	e := tf.Entry()
	h.typeIn(e, "Approve the first stage of the programme now")
	if e.rows != 1 {
		t.Errorf("a short line takes %d rows, want 1", e.rows)
	}
	entered := 0
	h.w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyReturn {
			entered++
		}
	})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.c.Title != "Approve the first stage of the programme now" || entered != 1 {
		t.Errorf("Enter made the title %q and reached the window %d times, want no change and once", h.c.Title, entered)
	}
	long := strings.Repeat("and the roll-out at the pilot review, on the thresholds it sets, ", 4)
	e.SetText(long)
	if e.rows < 2 || h.c.Title != long {
		t.Errorf("a line of %d characters takes %d rows at %v wide, want more than one", len(long), e.rows, e.Size().Width)
	}
	clip := fyne.CurrentApp().Clipboard()
	e.SetText("")
	clip.SetContent("first line\r\nsecond line\nthird")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if h.c.Title != "first line second line third" {
		t.Errorf("a paste of three lines made the title %q", h.c.Title)
	}
	e.SetText("")
	clip.SetContent(strings.Repeat("x", MaxLine+20))
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if len(h.c.Title) != MaxLine || !strings.Contains(tf.Problem(), "A line holds at most 500 characters") {
		t.Errorf("a paste past the limit: title of %d characters, problem %q", len(h.c.Title), tf.Problem())
	}
}

func TestANumberIsReadTidiedAndRefused(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepCompare)
	rate := f.Number("discountRate", figure.Percent, At(func(c *casebuilder.Case) *float64 { return &c.DiscountRate }))
	h.show(rate.Box())
	if got := rate.Entry().Text; got != "10 %" {
		t.Errorf("the field shows %q, want 10 %%", got)
	}
	h.typeIn(rate.Entry(), "7.5%")
	h.leave()
	if h.c.DiscountRate != 0.075 || rate.Entry().Text != "7.5 %" {
		t.Errorf("typed 7.5%%: rate %v, shown %q after leaving", h.c.DiscountRate, rate.Entry().Text)
	}
	// Typed key by key, 25 % is taken on the way, and 250 % makes the
	// case invalid: refused, with the problem beside it, and the text
	// stays as typed after leaving, for the user to fix.
	h.typeIn(rate.Entry(), "250 %")
	h.leave()
	if h.c.DiscountRate != 0.25 {
		t.Errorf("the rate is %v after typing 250 %%, want 0.25, the last figure taken", h.c.DiscountRate)
	}
	if rate.Problem() == "" || rate.Entry().Text != "250 %" {
		t.Errorf("250 %%: problem %q, shown %q", rate.Problem(), rate.Entry().Text)
	}
	// A unit that changes: the same figure reads anew.
	rate.SetUnit(figure.Number)
	f.Refresh(h.c, true)
	if rate.Problem() != "" || rate.Entry().Text != fmt.Sprintf("%g", h.c.DiscountRate) {
		t.Errorf("in another unit: %q (problem %q)", rate.Entry().Text, rate.Problem())
	}
}

func TestAWholeNumber(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepCompare)
	months := f.Integer("horizonMonths", figure.Months, At(func(c *casebuilder.Case) *int { return &c.HorizonMonths }))
	h.show(months.Box())
	h.typeIn(months.Entry(), "36")
	if h.c.HorizonMonths != 36 {
		t.Errorf("typed 36: %d months", h.c.HorizonMonths)
	}
	h.typeIn(months.Entry(), "36.5")
	if h.c.HorizonMonths != 36 || months.Problem() != "type a whole number" {
		t.Errorf("typed 36.5: %d months, problem %q", h.c.HorizonMonths, months.Problem())
	}
}

func TestAnEstimate(t *testing.T) {
	c := sample()
	c.Pain.Inputs = casebuilder.GivenInputs(map[string]casebuilder.Range{"reps": casebuilder.Exactly(100)})
	h := newHost(t, c)
	f := New(h, casebuilder.StepAlternatives)
	line := ItemOf(FieldIn(func(c *casebuilder.Case) *casebuilder.Alternative { return Item(c.Alternatives, 1) },
		func(a *casebuilder.Alternative) *[]casebuilder.Cost { return &a.Costs }), 0)
	amount := f.Estimate("alternatives[1].costs[0].amount", figure.Money, In(line, func(l *casebuilder.Cost) *casebuilder.Range { return &l.Amount }))
	reps := f.OptionalEstimate("pain.inputs.reps", figure.Count, Value[*casebuilder.Range]{
		Read: func(c *casebuilder.Case) (*casebuilder.Range, bool) {
			if v, ok := c.Pain.Inputs["reps"]; ok {
				return &v.Range, true
			}
			return nil, true
		},
		Write: func(c *casebuilder.Case, r *casebuilder.Range) error {
			if r == nil {
				delete(c.Pain.Inputs, "reps")
			} else {
				c.Pain.Inputs["reps"] = casebuilder.Given(*r)
			}
			return nil
		},
	})
	h.show(amount.Box(), reps.Box())
	low, likely, high := amount.Entries()
	if low.Text != "" || likely.Text != "1000" || high.Text != "" {
		t.Errorf("an exact amount shows %q %q %q", low.Text, likely.Text, high.Text)
	}
	h.typeIn(low, "800")
	h.typeIn(high, "1.5k")
	if got := h.c.Alternatives[1].Costs[0].Amount; got != (casebuilder.Range{Low: 800, Likely: 1000, High: 1500}) {
		t.Errorf("low 800, high 1.5k: %+v", got)
	}
	// A bound that is no number is refused, and keeps the value the case
	// holds; the rest is taken: the likely value and the other bound are
	// not lost with the typo. Typed over as a user does, "1.5k" becomes
	// "x" without an empty box between.
	high.SetText("x")
	if got := h.c.Alternatives[1].Costs[0].Amount; got != (casebuilder.Range{Low: 800, Likely: 1000, High: 1500}) || !strings.HasPrefix(amount.Problem(), "high: ") {
		t.Errorf("a bad high value: %+v, problem %q", got, amount.Problem())
	}
	h.typeIn(likely, "1200")
	if got := h.c.Alternatives[1].Costs[0].Amount; got != (casebuilder.Range{Low: 800, Likely: 1200, High: 1500}) || !strings.HasPrefix(amount.Problem(), "high: ") {
		t.Errorf("likely 1,200 beside a bad high value: %+v, problem %q", got, amount.Problem())
	}
	// With no likely value, the bad bound is what is said first.
	h.typeIn(likely, "")
	if !strings.HasPrefix(amount.Problem(), "high: ") {
		t.Errorf("no likely value and a bad high one: problem %q", amount.Problem())
	}
	h.typeIn(high, "")
	if amount.Problem() != "type the likely value (the middle one)" {
		t.Errorf("no likely value: problem %q", amount.Problem())
	}
	if got := h.c.Alternatives[1].Costs[0].Amount; got != (casebuilder.Range{Low: 800, Likely: 1200, High: 1500}) {
		t.Errorf("with no likely value the estimate is kept as it was: %+v", got)
	}
	// An optional estimate left blank is removed.
	_, repsLikely, _ := reps.Entries()
	h.typeIn(repsLikely, "")
	if _, ok := h.c.Pain.Inputs["reps"]; ok || reps.Problem() != "" {
		t.Errorf("reps left blank: still in the case (problem %q)", reps.Problem())
	}
}

func TestADateIsJudgedWhenComplete(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepContext)
	d := f.Date("date", At(func(c *casebuilder.Case) *casebuilder.Date { return &c.Date }))
	other := NewEntry()
	h.show(d.Box(), other)
	if d.DateEntry().PlaceHolder != "2027-12-31" {
		t.Errorf("in English with no country the placeholder reads %q", d.DateEntry().PlaceHolder)
	}
	h.typeIn(d.DateEntry(), "2027-0")
	if d.Problem() != "" || !h.c.Date.IsZero() {
		t.Errorf("half a date: problem %q, date %v", d.Problem(), h.c.Date)
	}
	h.w.Canvas().Focus(other) // left half typed
	if !strings.HasPrefix(d.Problem(), `"2027-0" is not a date`) || !h.c.Date.IsZero() {
		t.Errorf("left half typed: problem %q, date %v", d.Problem(), h.c.Date)
	}
	h.typeIn(d.DateEntry(), "2027-13-01")
	if !strings.HasPrefix(d.Problem(), `"2027-13-01" is not a date`) {
		t.Errorf("a complete bad date: problem %q", d.Problem())
	}
	h.typeIn(d.DateEntry(), "2027-03-31")
	if d.Problem() != "" || h.c.Date.String() != "2027-03-31" {
		t.Errorf("a good date: problem %q, date %v", d.Problem(), h.c.Date)
	}
	// A date that reads one way only is taken as it reads, and shown as
	// the app reads it once left.
	h.typeIn(d.DateEntry(), "25/4/2027")
	h.leave()
	if d.Problem() != "" || h.c.Date.String() != "2027-04-25" || d.Entry().Text != "2027-04-25" {
		t.Errorf("25/4/2027: problem %q, date %v, shown %q", d.Problem(), h.c.Date, d.Entry().Text)
	}
	// Escape closes the calendar without picking a day.
	test.Tap(d.DateEntry().ActionItem.(fyne.Tappable))
	if p := d.DateEntry().PopUp(); p == nil || !p.Visible() {
		t.Fatal("no calendar opened")
	}
	d.DateEntry().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.DateEntry().PopUp().Visible() || h.c.Date.String() != "2027-04-25" {
		t.Errorf("after Escape the calendar is shown (%v), the date %v", d.DateEntry().PopUp().Visible(), h.c.Date)
	}
	// From the keyboard, Alt+Down opens it; the calendar's icon takes no
	// Tab stop of its own.
	d.DateEntry().TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	if !d.DateEntry().PopUp().Visible() {
		t.Error("Alt+Down opens no calendar")
	}
	d.DateEntry().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, ok := d.DateEntry().ActionItem.(fyne.Focusable); ok {
		t.Error("the calendar's icon takes the focus on Tab")
	}
}

func TestAMonthAndItsHint(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepAlternatives)
	line := func(c *casebuilder.Case) *casebuilder.Cost { return &c.Alternatives[1].Costs[0] }
	start := f.Month("alternatives[1].costs[0].startMonth", In(line, func(l *casebuilder.Cost) *int { return &l.StartMonth }))
	end := f.EndMonth("alternatives[1].costs[0].endMonth", Optional(FieldIn(line, func(l *casebuilder.Cost) **int { return &l.EndMonth })))
	h.show(start.Box(), end.Box())
	if start.Entry().Text != "1" || start.hint.Text != "January 2027" || end.Entry().Text != "" {
		t.Errorf("month 0 shows %q, %q; no end shows %q", start.Entry().Text, start.hint.Text, end.Entry().Text)
	}
	h.typeIn(start.Entry(), "3")
	if h.c.Alternatives[1].Costs[0].StartMonth != 2 || start.hint.Text != "March 2027" {
		t.Errorf("typed 3: period %d, hint %q", h.c.Alternatives[1].Costs[0].StartMonth, start.hint.Text)
	}
	h.typeIn(start.Entry(), "")
	if start.Problem() == "" {
		t.Error("a month left blank is taken")
	}
	h.typeIn(end.Entry(), "12")
	if e := h.c.Alternatives[1].Costs[0].EndMonth; e == nil || *e != 11 {
		t.Errorf("typed 12 as the end: %v", e)
	}
	steps := h.steps
	end.Entry().SetText("12") // the same month pasted again: no edit
	if h.steps != steps {
		t.Errorf("typing the same last month again made an undo step")
	}
	h.typeIn(end.Entry(), "")
	if h.c.Alternatives[1].Costs[0].EndMonth != nil {
		t.Error("an end left blank is not to the end of the horizon")
	}
}

func TestAChoiceAndATick(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepAlternatives)
	line := func(c *casebuilder.Case) *casebuilder.Cost { return &c.Alternatives[1].Costs[0] }
	kind := f.Choice("alternatives[1].costs[0].kind", []string{"oneTime", "monthly"}, []string{"One-time", "Monthly"},
		AsText(In(line, func(l *casebuilder.Cost) *casebuilder.CostKind { return &l.Kind })))
	perHead := f.Check("alternatives[1].costs[0].perHead", "per head", In(line, func(l *casebuilder.Cost) *bool { return &l.PerHead }))
	edited := 0
	perHead.OnEdited = func() { edited++ }
	h.show(kind.Box(), perHead.Box())
	if kind.Select().Selected != "Monthly" || perHead.Widget().Checked {
		t.Errorf("shows %q, per head %v", kind.Select().Selected, perHead.Widget().Checked)
	}
	kind.Select().SetSelected("One-time")
	if h.c.Alternatives[1].Costs[0].Kind != casebuilder.OneTime || h.steps != 1 {
		t.Errorf("chose One-time: %q in %d steps", h.c.Alternatives[1].Costs[0].Kind, h.steps)
	}
	test.Tap(perHead.Widget())
	if !h.c.Alternatives[1].Costs[0].PerHead || edited != 1 {
		t.Errorf("ticked per head: %v, OnEdited %d times", h.c.Alternatives[1].Costs[0].PerHead, edited)
	}
	// A choice the case refuses (a kind that is not one) shows what the
	// case still holds, and why.
	kind.SetOptions([]string{"oneTime", "sometimes"}, []string{"One-time", "Sometimes"})
	kind.Select().SetSelected("Sometimes")
	if h.c.Alternatives[1].Costs[0].Kind != casebuilder.OneTime || kind.Select().Selected != "One-time" || kind.Problem() == "" {
		t.Errorf("a refused choice: case %q, shown %q, problem %q", h.c.Alternatives[1].Costs[0].Kind, kind.Select().Selected, kind.Problem())
	}
}

func TestAScore(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepRisks)
	score := f.Score("risks[0].impactScore", [6]string{"Not rated", "minor", "moderate", "serious", "major", "severe"},
		In(func(c *casebuilder.Case) *casebuilder.Risk { return Item(c.Risks, 0) }, func(r *casebuilder.Risk) *int { return &r.ImpactScore }))
	if got := score.Labels(); got[0] != "Not rated" || got[4] != "4 – major" {
		t.Errorf("scores offered: %q", got)
	}
	score.Select().SetSelected("4 – major")
	if h.c.Risks[0].ImpactScore != 4 {
		t.Errorf("chose 4: score %d", h.c.Risks[0].ImpactScore)
	}
}

func TestValues(t *testing.T) {
	c := sample()
	risk := func(i int) func(c *casebuilder.Case) *casebuilder.Risk {
		return func(c *casebuilder.Case) *casebuilder.Risk { return Item(c.Risks, i) }
	}
	desc := In(risk(0), func(r *casebuilder.Risk) *string { return &r.Description })
	if v, ok := desc.Read(c); !ok || v != "First" {
		t.Errorf("read %q, %v", v, ok)
	}
	if err := desc.Write(c, "First"); !errors.Is(err, ErrUnchanged) {
		t.Errorf("writing the same: %v", err)
	}
	gone := In(risk(9), func(r *casebuilder.Risk) *string { return &r.Description })
	if _, ok := gone.Read(c); ok {
		t.Error("read a risk that is not there")
	}
	if err := gone.Write(c, "x"); !errors.Is(err, ErrGone) {
		t.Errorf("writing to a risk that is not there: %v", err)
	}
	// Convert says an item is gone before it says what is wrong with the
	// value; Then runs only after a change.
	n := 0
	score := Convert(In(risk(9), func(r *casebuilder.Risk) *int { return &r.ImpactScore }), func(int) string { return "" },
		func(string) (int, error) { return 0, errors.New("bad") })
	if err := score.Write(c, "x"); !errors.Is(err, ErrGone) {
		t.Errorf("a bad value for a risk that is gone: %v", err)
	}
	counted := desc.Then(func(*casebuilder.Case) { n++ })
	_ = counted.Write(c, "First")
	_ = counted.Write(c, "Other")
	if n != 1 || c.Risks[0].Description != "Other" {
		t.Errorf("Then ran %d times", n)
	}
	// Optional compares what is pointed to.
	end := Optional(func(c *casebuilder.Case) **int { return &c.Alternatives[1].Costs[0].EndMonth })
	five, alsoFive := 5, 5
	if err := end.Write(c, &five); err != nil {
		t.Fatal(err)
	}
	if err := end.Write(c, &alsoFive); !errors.Is(err, ErrUnchanged) {
		t.Errorf("the same month through another pointer: %v", err)
	}
	if err := end.Write(c, nil); err != nil || c.Alternatives[1].Costs[0].EndMonth != nil {
		t.Errorf("no end: %v", err)
	}
}

func TestFocusFindsTheField(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepContext)
	tf := f.Text("title", At(title), "")
	f.Watch(func(*casebuilder.Case) {})
	list := func(c *casebuilder.Case) *[]string { return &c.Context.Gaps }
	gaps := f.Table(List[string]{Path: "context.gaps", Get: list, New: func(*casebuilder.Case) string { return "" }}.Edits(h, casebuilder.StepContext),
		"gap", "No gaps yet.", nil, func(i int, rf *Form) fyne.CanvasObject {
			return rf.Text(fmt.Sprintf("context.gaps[%d]", i), At(ItemOf(list, i)), "").Box()
		})
	h.show(tf.Box(), gaps.Box())
	for _, tt := range []struct {
		path string
		want fyne.Focusable
	}{
		{"title", tf.Entry()},
		{"title.something", tf.Entry()}, // within the field
		{"context.gaps", gaps.add},      // the empty list: its button
	} {
		h.leave()
		if !f.Focus(tt.path) || h.Focused() != tt.want {
			t.Errorf("focus %s: focused %v", tt.path, h.Focused())
		}
	}
	if f.Focus("author") {
		t.Error("focused a field that is not there")
	}
	test.Tap(gaps.add)
	if len(h.c.Context.Gaps) != 1 || h.refresh != 1 {
		t.Fatalf("Add gap: %d gaps, %d refreshes", len(h.c.Context.Gaps), h.refresh)
	}
	f.Refresh(h.c, true)
	h.leave()
	if !f.Focus("context.gaps[0]") || h.Focused() != gaps.Rows()[0].Fields()[0].FocusTarget() {
		t.Error("the new gap's field cannot be focused")
	}
}

func TestListEdits(t *testing.T) {
	h := newHost(t, sample())
	edits := List[casebuilder.Alternative]{Path: "alternatives",
		Get: func(c *casebuilder.Case) *[]casebuilder.Alternative { return &c.Alternatives },
		New: func(*casebuilder.Case) casebuilder.Alternative {
			return casebuilder.Alternative{ID: "new", Name: "New"}
		},
		Copied: func(_ *casebuilder.Case, a *casebuilder.Alternative) { a.ID += "-copy" },
		Kept:   func(a casebuilder.Alternative) bool { return a.DoNothing },
		Removed: func(c *casebuilder.Case, removed casebuilder.Alternative) {
			c.Title = "removed " + removed.ID
		},
	}.Edits(h, casebuilder.StepAlternatives)
	ids := func() string {
		var out []string
		for _, a := range h.c.Alternatives {
			out = append(out, a.ID)
		}
		return strings.Join(out, " ")
	}
	if err := edits.Add(); err != nil || ids() != "nothing a new" {
		t.Errorf("add: %v, %s", err, ids())
	}
	if err := edits.Duplicate(1); err != nil || ids() != "nothing a a-copy new" {
		t.Errorf("duplicate: %v, %s", err, ids())
	}
	if err := edits.Move(3, -1); err != nil || ids() != "nothing a new a-copy" {
		t.Errorf("move up: %v, %s", err, ids())
	}
	if err := edits.Move(3, +1); !errors.Is(err, ErrUnchanged) {
		t.Errorf("moving the last down: %v", err)
	}
	steps := h.steps
	if err := edits.Remove(0); !errors.Is(err, ErrUnchanged) || ids() != "nothing a new a-copy" || h.steps != steps {
		t.Errorf("removing what is kept: %v, %s", err, ids())
	}
	if err := edits.Remove(2); err != nil || ids() != "nothing a a-copy" || h.c.Title != "removed new" {
		t.Errorf("remove: %v, %s, %q", err, ids(), h.c.Title)
	}
	if err := edits.Remove(7); !errors.Is(err, ErrGone) || len(h.errors) != 1 {
		t.Errorf("removing what is not there: %v, errors shown %q", err, h.errors)
	}
}

// TestDuplicateCopiesPointers duplicates a benefit line that ends in a
// given month: the copy has a month of its own.
func TestDuplicateCopiesPointers(t *testing.T) {
	end := 5
	c := &casebuilder.Case{Alternatives: []casebuilder.Alternative{{Benefits: []casebuilder.Benefit{{Name: "a", EndMonth: &end}}}}}
	edits := List[casebuilder.Benefit]{Path: "alternatives[0].benefits",
		Get: func(c *casebuilder.Case) *[]casebuilder.Benefit { return &c.Alternatives[0].Benefits }}.Edits(nil, casebuilder.StepAlternatives)
	edits.duplicate(c, 0)
	*c.Alternatives[0].Benefits[1].EndMonth = 9
	if end != 5 {
		t.Errorf("the copy shares EndMonth with the original")
	}
}

func TestMasterDetail(t *testing.T) {
	h := newHost(t, sample())
	edits := List[casebuilder.Risk]{Path: "risks", Get: func(c *casebuilder.Case) *[]casebuilder.Risk { return &c.Risks },
		New: func(*casebuilder.Case) casebuilder.Risk { return casebuilder.Risk{ID: "new", Description: "New risk"} }}.Edits(h, casebuilder.StepRisks)
	built := 0
	md := NewMasterDetail(h, casebuilder.StepRisks, edits, "risk", func(c *casebuilder.Case, i int) (string, string) {
		return c.Risks[i].Description, c.Risks[i].ID
	}, func(i int, f *Form) fyne.CanvasObject {
		built++
		risk := func(c *casebuilder.Case) *casebuilder.Risk { return Item(c.Risks, i) }
		return f.Text(fmt.Sprintf("risks[%d].description", i), In(risk, func(r *casebuilder.Risk) *string { return &r.Description }), "").Box()
	})
	h.onEdit = func() { md.Refresh(h.c, false) }
	h.show(container.NewGridWrap(fyne.NewSize(700, 500), container.NewHSplit(md.List.Box(), md.Detail)))
	md.Refresh(h.c, true)
	if md.Shown() != 0 || built != 1 {
		t.Fatalf("at first: showing %d, built %d forms", md.Shown(), built)
	}
	// Focusing a field of another item selects it and shows its form.
	if !md.Focus("risks[2].description") || md.Shown() != 2 || md.List.Selected() != 2 {
		t.Fatalf("focus risks[2]: showing %d", md.Shown())
	}
	e := h.Focused().(*Entry)
	if e.Text != "Third" {
		t.Errorf("focused %q", e.Text)
	}
	// Typing in it refreshes the form, not makes it anew.
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e, " and last")
	if h.c.Risks[2].Description != "Third and last" || built != 2 {
		t.Errorf("typed: %q, built %d forms", h.c.Risks[2].Description, built)
	}
	if md.Focus("plan.milestones[0].name") {
		t.Error("focused a path outside the list")
	}
	if !md.Focus("risks") || h.Focused() != md.List.AddButton() {
		t.Error("the list itself does not lead to its Add button")
	}
	test.Tap(md.List.AddButton())
	if len(h.c.Risks) != 4 || md.Shown() != 3 {
		t.Errorf("Add risk: %d risks, showing %d", len(h.c.Risks), md.Shown())
	}
	test.Tap(md.List.RemoveButton())
	md.Refresh(h.c, true)
	if len(h.c.Risks) != 3 || md.Shown() != 2 {
		t.Errorf("Remove: %d risks, showing %d", len(h.c.Risks), md.Shown())
	}
	// A filter lists only some items.
	md.List.SetFilter(func(c *casebuilder.Case, i int) bool { return c.Risks[i].ID != "r2" })
	md.Refresh(h.c, true)
	if got := md.List.Shown(); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("filtered: %v", got)
	}
	// Stale makes the form anew although the same item is selected.
	md.Stale = func(*casebuilder.Case) bool { return true }
	before := built
	md.Refresh(h.c, false)
	if built != before+1 {
		t.Error("a stale form was not made anew")
	}
}

func TestIndexIn(t *testing.T) {
	for _, tt := range []struct {
		path, list string
		i          int
		rest       string
		ok         bool
	}{
		{"alternatives[3].costs[0]", "alternatives", 3, "costs[0]", true},
		{"alternatives[3]", "alternatives", 3, "", true},
		{"alternatives", "alternatives", -1, "", true},
		{"plan.milestones[12].owner", "plan.milestones", 12, "owner", true},
		{"alternativesX", "alternatives", 0, "", false},
		{"alternatives[x]", "alternatives", 0, "", false},
		{"risks[2]", "alternatives", 0, "", false},
	} {
		i, rest, ok := IndexIn(tt.path, tt.list)
		if i != tt.i || rest != tt.rest || ok != tt.ok {
			t.Errorf("IndexIn(%q, %q) = %d, %q, %v; want %d, %q, %v", tt.path, tt.list, i, rest, ok, tt.i, tt.rest, tt.ok)
		}
	}
}

func TestCapital(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"équipe commerciale", "Équipe commerciale"},
		{"must not be negative", "Must not be negative"},
		{"Already", "Already"},
		{"ölçü", "Ölçü"},
		{"12 months", "12 months"},
		{"", ""},
		{"\xffbad", "\xffbad"}, // not UTF-8: left as it is
	} {
		if got := Capital(tt.in); got != tt.want {
			t.Errorf("Capital(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestARefusalSaysWhy: a problem at the field itself is said without its
// path, capitalised; one elsewhere says where, in the words describe
// gives it.
func TestARefusalSaysWhy(t *testing.T) {
	ps := casebuilder.Problems{{Path: "title", Message: "é must be given"}, {Path: "alternatives[1].name", Message: "must not be empty"}}
	describe := func(string) string { return "Alternatives › second › name" }
	if got, want := refusal(ps, "title", describe), "É must be given; This would make Alternatives › second › name: must not be empty"; got != want {
		t.Errorf("refusal: %q, want %q", got, want)
	}
	_, err := figure.ParseValue("12,5", language.English, figure.Money)
	var ne *figure.NumberError
	if !errors.As(err, &ne) || refusal(err, "x", describe) != ne.Reason {
		t.Errorf("a number refused: %q", refusal(err, "x", describe))
	}
}

// TestTheWheelOverAnEntryScrollsTheForm turns the wheel over entries of a
// form too long for its window: the form scrolls, as it does between
// them, except in a text of several lines being typed in.
func TestTheWheelOverAnEntryScrollsTheForm(t *testing.T) {
	h := newHost(t, sample())
	f := New(h, casebuilder.StepContext)
	var objs []fyne.CanvasObject
	title := f.Text("title", At(title), "")
	objs = append(objs, title.Box())
	area := f.TextArea("author", At(func(c *casebuilder.Case) *string { return &c.Author }), "", 2)
	objs = append(objs, area.Box())
	date := f.Date("date", At(func(c *casebuilder.Case) *casebuilder.Date { return &c.Date }))
	objs = append(objs, date.Box())
	for range 30 {
		objs = append(objs, widget.NewLabel("a line of the form"))
	}
	h.page = container.NewVScroll(container.NewVBox(objs...))
	h.w.SetContent(h.page)
	h.w.Resize(fyne.NewSize(400, 300))
	at := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(5, 5))
	}
	for _, tt := range []struct {
		name string
		over fyne.CanvasObject
	}{{"a line", title.Entry()}, {"a text of several lines", area.Entry()}, {"a date", date.DateEntry()}} {
		h.page.ScrollToTop()
		h.wheeled = nil
		test.Scroll(h.w.Canvas(), at(tt.over), 0, -40)
		if len(h.wheeled) != 1 || h.wheeled[0] != tt.over || h.page.Offset.Y != 40 {
			t.Errorf("the wheel over %s: told of %v, the form scrolled to %v", tt.name, h.wheeled, h.page.Offset.Y)
		}
	}
	// Being typed in, a text of several lines shown whole scrolls the
	// form too; one longer than the most lines it shows scrolls itself.
	for _, tt := range []struct {
		name   string
		text   string
		scroll float32 // the form's offset after the wheel
	}{
		{"a text shown whole", "Amara Okafor", 40},
		{"a text longer than its box", strings.Repeat("A line of the author's name.\n", 3*MaxTextRows), 0},
	} {
		area.Entry().SetText(tt.text)
		h.page.ScrollToTop()
		h.wheeled = nil
		h.w.Canvas().Focus(area.Entry())
		test.Scroll(h.w.Canvas(), at(area.Entry()), 0, -40)
		if h.page.Offset.Y != tt.scroll {
			t.Errorf("the wheel over %s, being typed in, scrolled the form to %v, want %v", tt.name, h.page.Offset.Y, tt.scroll)
		}
	}
}

// TestAGrowingEntryShowsItsTextWhole checks that an entry made to grow is
// as tall as its text at its width, as Fyne wraps it in the entry (its
// scroller has nothing hidden), from its rows up to its most: when the
// text is set, typed and pasted, and when the entry narrows.
func TestAGrowingEntryShowsItsTextWhole(t *testing.T) {
	h := newHost(t, nil)
	e := NewMultiLineEntry(3)
	e.Grow(12)
	h.w.SetContent(container.NewVBox(e))
	h.w.Resize(fyne.NewSize(300, 900))
	// hidden is how much of the text the entry's scroller hides.
	hidden := func() float32 {
		for _, o := range test.WidgetRenderer(e).Objects() {
			if s, ok := o.(fyne.Scrollable); ok {
				content := reflect.ValueOf(s).Elem().FieldByName("Content").Interface().(fyne.CanvasObject)
				return content.MinSize().Height - o.Size().Height
			}
		}
		t.Fatal("the entry has no scroller")
		return 0
	}
	rowsHigh := func(n int) float32 { return NewMultiLineEntry(n).MinSize().Height }
	// A text changed at the same width is fitted at once: its new height
	// is what the window finds changed, and lays out again. A width
	// changed is laid out here as the window would.
	relayout := func(width float32) {
		if e.Size().Width != width {
			h.w.Resize(fyne.NewSize(width, 900))
		}
	}
	sentence := "Forty of the 121 account executives left in the last twelve months, most of them in their first year. "
	for _, tc := range []struct {
		what   string
		change func()
		width  float32
	}{
		{"a short text", func() { e.SetText("Forty left.") }, 300},
		{"four lines", func() {
			e.SetText("Forty left.\nMost in their first year.\nEight weeks to fill.\nSix months to quota.")
		}, 300},
		{"two sentences", func() { e.SetText(strings.Repeat(sentence, 2)) }, 300},
		{"two sentences, narrower", func() {}, 220},
		{"a few words typed", func() { test.Type(e, " Most left within a year.") }, 220},
		{"a text too long to show", func() { e.SetText(strings.Repeat(sentence, 20)) }, 300},
		{"a short text again", func() { e.SetText("Forty left.") }, 300},
	} {
		tc.change()
		relayout(tc.width)
		height := e.MinSize().Height
		e.Resize(fyne.NewSize(tc.width, height)) // as tall as it asks to be
		if again := e.MinSize().Height; again != height {
			t.Errorf("%s: %.0f high once laid out, %.0f before: the change was not fitted at once", tc.what, again, height)
		}
		switch {
		case height > rowsHigh(12)+0.5:
			t.Errorf("%s: %.0f high, more than 12 rows (%.0f)", tc.what, height, rowsHigh(12))
		case height < rowsHigh(3)-0.5:
			t.Errorf("%s: %.0f high, fewer than 3 rows (%.0f)", tc.what, height, rowsHigh(3))
		case tc.what == "a text too long to show" && height < rowsHigh(12)-0.5:
			t.Errorf("%s: %.0f high, fewer than 12 rows (%.0f)", tc.what, height, rowsHigh(12))
		case tc.what != "a text too long to show" && hidden() > 0.5:
			t.Errorf("%s: %.0f of its text is hidden in a box %.0f high", tc.what, hidden(), height)
		case height > rowsHigh(3)+0.5 && hidden() < -fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height:
			t.Errorf("%s: a line or more is left blank under its text (%.0f)", tc.what, -hidden())
		}
	}
	if hidden() > 0.5 || e.MinSize().Height != rowsHigh(3) {
		t.Errorf("a short text after a long one leaves the entry %.0f high", e.MinSize().Height)
	}
}

// BenchmarkTypingInAGrowingEntry types a character and deletes it again in
// an entry of several lines that grows with its text, at the end of a
// finding of three sentences: each keystroke fits the entry's rows again.
func BenchmarkTypingInAGrowingEntry(b *testing.B) {
	test.NewTempApp(b)
	e := NewMultiLineEntry(3)
	e.Grow(MaxTextRows)
	w := test.NewTempWindow(b, container.NewVBox(e))
	w.Resize(fyne.NewSize(300, 600))
	e.SetText(strings.Repeat("Forty of the 121 account executives left in the last twelve months. ", 3))
	e.CursorRow, e.CursorColumn = 0, 0
	w.Canvas().Focus(e)
	for b.Loop() {
		e.TypedRune('x')
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
}
