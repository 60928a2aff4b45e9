package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
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
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	d := fyne.CurrentApp().Driver()
	seen := map[string]bool{}
	for _, st := range screenSpecs {
		for _, sc := range stepScrolls(h, st.id) {
			room := sc.Content.MinSize().Height - sc.Size().Height
			if room < notch*form.WheelLines {
				continue // fits: nothing to scroll
			}
			want := float32(notch * form.WheelLines)
			at, size := d.AbsolutePositionForObject(sc), sc.Size()
			kinds := map[string]fyne.CanvasObject{}
			for _, o := range test.LaidOutObjects(sc.Content) {
				kind := wheelKind(o)
				if kind == "" || kind == "a button" {
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

// stepScrolls goes to a step and returns its scrolling forms, none when
// it has none.
func stepScrolls(h *harness, id casebuilder.MethodStep) []*container.Scroll {
	h.u.goTo(id)
	h.settle()
	if s, ok := h.u.screens[id].(interface{ scrolls() []*container.Scroll }); ok {
		return s.scrolls()
	}
	return nil
}

// wheelKind names the kind of widget o is, for the tests of the wheel
// over each kind; "" for one they do not turn it over.
func wheelKind(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *form.Entry:
		if w.MultiLine {
			return "a text of several lines"
		}
		return "an entry"
	case *widget.Label:
		return "a label"
	case *form.Select:
		return "a select"
	case *form.Check:
		return "a check box"
	case *widget.Table:
		return "a table"
	case *widget.Button:
		return "a button"
	}
	return ""
}

// TestGuidanceFoldsAwayAndStaysFolded taps "Hide guidance" at the top of a
// step: the guidance is gone, the step's first field moves up by its
// height, on every step; started again, the app keeps it folded, and
// "Show guidance" brings it back.
func TestGuidanceFoldsAwayAndStaysFolded(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	storage := t.TempDir()
	h := startIn(t, a, storage, Options{})
	h.dismissWelcome()
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	u := h.u
	d := fyne.CurrentApp().Driver()
	g := u.guide
	if !u.guidance.Visible() || g.text.Size().Height == 0 || g.fold.Text != "Hide guidance" {
		t.Fatalf("a first start shows no guidance (button %q)", g.fold.Text)
	}
	top := d.AbsolutePositionForObject(u.body).Y
	tall := g.text.Size().Height
	test.Tap(g.fold)
	h.w.Content().Refresh()
	if g.text.Visible() || g.fold.Text != "Show guidance" {
		t.Errorf("after Hide guidance, the guidance is shown %v, the button reads %q", g.text.Visible(), g.fold.Text)
	}
	// The texts of the header overlap by a padding (form.TightVBox).
	if moved := top - d.AbsolutePositionForObject(u.body).Y; moved < tall-theme.Padding() {
		t.Errorf("folding the guidance away moved the step up %.0f pixels, less than its %.0f", moved, tall)
	}
	u.goTo(casebuilder.StepPain)
	if g.text.Visible() {
		t.Error("on the next step the guidance is back")
	}

	h2 := startIn(t, a, storage, Options{})
	if h2.u.guide.text.Visible() || h2.u.guide.fold.Text != "Show guidance" {
		t.Fatal("started again, the app shows the guidance the user folded away")
	}
	test.Tap(h2.u.guide.fold)
	if !h2.u.guide.text.Visible() || h2.u.guidance.Text != specOf(h2.u.current).guidance {
		t.Error("Show guidance did not bring the step's guidance back")
	}
	if a.Preferences().Bool(prefGuidanceFolded) {
		t.Error("shown again, the preference still says folded")
	}
}

// TestHelpShowsTheStepsHelp opens Help on every step, from the button at
// the top of the step and from the Help menu, and checks that it shows
// that step's help (what to enter, where the figures come from, an example
// from the samples), not the welcome.
func TestHelpShowsTheStepsHelp(t *testing.T) {
	h := english(t)
	u := h.u
	var menu *fyne.MenuItem
	for _, m := range h.w.MainMenu().Items {
		if m.Label == "Help" {
			for _, it := range m.Items {
				if it.Label == "This step" {
					menu = it
				}
			}
		}
	}
	if menu == nil {
		t.Fatal("the Help menu has no item for this step's help")
	}
	seen := map[string]casebuilder.MethodStep{}
	for _, st := range screenSpecs {
		for _, how := range []string{"button", "menu"} {
			u.goTo(st.id)
			h.shown.stepHelp = nil
			if how == "button" {
				test.Tap(u.guide.help)
			} else {
				menu.Action()
			}
			sh := h.shown.stepHelp
			if sh == nil {
				t.Fatalf("%s: the %s showed no help", st.name, how)
			}
			if sh.step != st.id || sh.CustomDialog == nil {
				t.Errorf("%s: the %s showed the help of %s", st.name, how, sh.step)
			}
			for _, part := range []string{"**What to enter.**", "**Where", "**An example (the "} {
				if !strings.Contains(sh.text, part) {
					t.Errorf("%s: the help has no %q", st.name, part)
				}
			}
			if strings.Contains(sh.text, welcomeText[:40]) {
				t.Errorf("%s: the help is the welcome", st.name)
			}
			if other, dup := seen[sh.text]; dup && other != st.id {
				t.Errorf("%s: the help is that of %s", st.name, other)
			}
			seen[sh.text] = st.id
			sh.Hide()
		}
	}
	// The examples are the samples' own words and figures.
	c := loadSample(t, "turnover")
	for step, want := range map[casebuilder.MethodStep]string{
		casebuilder.StepContext:  c.Context.Objectives[0].Statement,
		casebuilder.StepRisks:    c.Risks[0].Description,
		casebuilder.StepPlan:     c.Plan.Milestones[0].Name,
		casebuilder.StepMeasures: c.Measures[0].Name,
	} {
		if !strings.Contains(stepHelp[step], want) {
			t.Errorf("the help of %s quotes no %q from the turnover sample", step, want)
		}
	}
}

// TestTheHelpWritesMoneyAsTheBoxesDo checks the money of the help's
// examples in German: the sample's programme design costs 120.000 € to
// 170.000 €, which "€120,000 to €170,000" would read as 120 to 170 euros.
func TestTheHelpWritesMoneyAsTheBoxesDo(t *testing.T) {
	h := inLocale(t, "de-DE")
	h.u.goTo(casebuilder.StepAlternatives)
	h.u.showStepHelp()
	sh := h.shown.stepHelp
	if sh == nil {
		t.Fatal("no help shown")
	}
	defer sh.Hide()
	const nb = "\u00a0"
	if want := "120.000" + nb + "€ to 170.000" + nb + "€ (likely 140.000" + nb + "€), once; two full-time sales coaches at 8.500" + nb + "€ a month"; !strings.Contains(sh.text, want) {
		t.Errorf("the help reads %q, want it to say %q", sh.text, want)
	}
	if strings.Contains(sh.text, "€1") || strings.Contains(sh.text, "€8") {
		t.Errorf("the help still writes euros the English way: %q", sh.text)
	}
	for step, text := range stepHelp {
		if got := writeHelpMoney(text, figure.NewFormat("EUR", language.English)); got != text {
			t.Errorf("%s: in English the help reads %q, want it as written, %q", step, got, text)
		}
	}
}

// TestTabBringsTheFieldIntoView presses Tab from the first field of the
// Context and Alternatives steps, in a window of 1024 × 640, through the
// fields below the fold, and checks that each entry focused is scrolled
// into view.
func TestTabBringsTheFieldIntoView(t *testing.T) {
	h := english(t)
	u := h.u
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	d := fyne.CurrentApp().Driver()
	for _, start := range []casebuilder.Where{
		{Step: casebuilder.StepContext, Path: "title"},
		{Step: casebuilder.StepAlternatives, Path: "alternatives[1].name"},
	} {
		first := h.field(start.Step, start.Path)
		sc := u.scrollOf(first.(fyne.CanvasObject))
		if sc == nil {
			t.Fatalf("%s: the first field is in no scroll", start.Step)
		}
		sc.Offset = fyne.Position{}
		sc.Refresh()
		below := 0
		for range 40 {
			test.FocusNext(h.w.Canvas())
			e, ok := h.w.Canvas().Focused().(*form.Entry)
			if !ok || u.scrollOf(e) != sc {
				continue
			}
			y := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(sc).Y
			if y < 0 || y+e.Size().Height > sc.Size().Height {
				t.Errorf("%s: Tab to the entry %q left it at %.0f, out of the %.0f pixels shown", start.Step, e.Text, y, sc.Size().Height)
			}
			if sc.Offset.Y > 0 {
				below++
			}
		}
		if below == 0 {
			t.Errorf("%s: Tab never reached a field below the fold", start.Step)
		}
	}
}

// TestFixItLinksLandOnTheField taps every "Fix it" link of the review of
// the stress sample (which has points of every kind), in a window of
// 1024 × 640, and checks that it opens the point's step, focuses a widget
// of it, scrolled into view, and shows the point under the field.
func TestFixItLinksLandOnTheField(t *testing.T) {
	h := english(t)
	u := h.u
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	h.replace(loadSample(t, "stress"))
	d := fyne.CurrentApp().Driver()
	rs := shownScreen[*reviewScreen](h, casebuilder.StepReview)
	n := min(len(rs.links), 40)
	if n < 5 {
		t.Fatalf("the stress sample's review has %d links", n)
	}
	noted := 0
	for i := range n {
		u.goTo(casebuilder.StepReview)
		f := u.analysis.findings[i]
		if f.Where.Path == "" {
			continue
		}
		h.w.Canvas().Unfocus()
		l := rs.links[i]
		reveal(rs.scroll, l)
		test.TapAt(l, fyne.NewPos(l.Size().Width/4, l.Size().Height/2))
		what := fmt.Sprintf("the link of %q (%s)", f.Message, f.Where)
		if f.Where.Step != "" && u.current != f.Where.Step {
			t.Errorf("%s opened %s", what, u.current)
			continue
		}
		if len(h.w.Canvas().Overlays().List()) > 0 {
			// The case's settings: a dialog of their own.
			for _, o := range h.w.Canvas().Overlays().List() {
				h.w.Canvas().Overlays().Remove(o)
			}
			continue
		}
		focused, ok := h.w.Canvas().Focused().(fyne.CanvasObject)
		if !ok {
			t.Errorf("%s focused nothing", what)
			continue
		}
		sc := u.scrollOf(focused)
		if sc == nil {
			continue // a field not in a scrolling form (a table's cell, a button)
		}
		top := d.AbsolutePositionForObject(sc).Y
		y := d.AbsolutePositionForObject(focused).Y - top
		if y < 0 || y+focused.Size().Height > sc.Size().Height {
			t.Errorf("%s left the field at %.0f, out of the %.0f pixels shown", what, y, sc.Size().Height)
		}
		want := form.Capital(f.Message)
		for _, o := range test.LaidOutObjects(sc.Content) {
			l, ok := o.(*form.ErrorLabel)
			if !ok || l.Shown() != want {
				continue
			}
			ly := d.AbsolutePositionForObject(l).Y - top
			if ly < y || ly > y+focused.Size().Height+3*theme.Padding()+80 {
				t.Errorf("%s shows the point at %.0f, not under the field at %.0f", what, ly, y)
			}
			noted++
			break
		}
	}
	if noted < n/2 {
		t.Errorf("of %d links, %d showed the point under the field", n, noted)
	}
}

// TestFirstWindowFitsTheScreen starts the app as on screens of several
// sizes and checks the size of its first window: 1240 × 800 where there is
// room, never larger than the screen, and 1024 × 640 when the screen's
// size is not known.
func TestFirstWindowFitsTheScreen(t *testing.T) {
	for _, c := range []struct {
		screen, want fyne.Size
	}{
		{fyne.NewSize(1920, 1040), fyne.NewSize(1240, 800)},
		{fyne.NewSize(1366, 728), fyne.NewSize(1240, 728)},
		{fyne.NewSize(1024, 600), fyne.NewSize(1024, 600)},
		{fyne.Size{}, fyne.NewSize(1024, 640)},
	} {
		a := test.NewTempApp(t)
		w := a.NewWindow("")
		newUI(a, w, Options{Screen: c.screen}, deps{bridge: &queueBridge{}, dataDir: t.TempDir(),
			shown: func(any) {}, now: time.Now, recalcDelay: time.Millisecond, fullDelay: time.Millisecond}).recalc.stop()
		if got := w.Canvas().Size(); got != c.want {
			t.Errorf("on a screen of %v, the first window is %v, not %v", c.screen, got, c.want)
		}
		w.Close()
	}
}

// TestPlanFormHasRoomOnALaptop checks, in a window of 1024 × 640, that the
// Plan step's milestone form shows several lines of fields beside the
// timeline (it was left one line high), with the guidance shown.
func TestPlanFormHasRoomOnALaptop(t *testing.T) {
	h := english(t)
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	plan := shownScreen[*planScreen](h, casebuilder.StepPlan)
	plan.md.Select(0)
	h.w.Content().Refresh()
	name := h.entryAt(casebuilder.StepPlan, "plan.milestones[0].name")
	lines := plan.md.Detail.Size().Height / name.MinSize().Height
	if lines < 4 {
		t.Errorf("the milestone's form is %.0f pixels high, %.1f lines of fields", plan.md.Detail.Size().Height, lines)
	}
	if plan.timeScroll.Size().Height < 100 {
		t.Errorf("the timeline is %.0f pixels high", plan.timeScroll.Size().Height)
	}
	// In a larger window, the timeline fills its part of the split, with
	// no gap under it.
	h.w.Resize(fyne.NewSize(1240, 800))
	d := fyne.CurrentApp().Driver()
	gap := d.AbsolutePositionForObject(plan.md.Detail).Y - (d.AbsolutePositionForObject(plan.timeScroll).Y + plan.timeScroll.Size().Height)
	if gap > 4*theme.Padding()+20 {
		t.Errorf("at 1240 × 800, %.0f pixels lie empty between the timeline and the milestone's form", gap)
	}
}

// TestWheelScrollsAllTheWayDown turns the wheel one notch over every kind
// of widget shown anywhere in every step's scrolling form, not only at its
// top: on the tracked sample, whose steps are all there (Track too), in a
// window of 1024 × 640. Up to four widgets of each kind, spread from the
// top of the form to its foot, are each scrolled to the middle of the
// form first; the form must move by the form's step under each.
func TestWheelScrollsAllTheWayDown(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	h := th.harness
	h.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	d := fyne.CurrentApp().Driver()
	want := float32(notch * form.WheelLines)
	turned := map[string]int{}
	for _, st := range screenSpecs {
		for _, sc := range stepScrolls(h, st.id) {
			if sc == nil || !sc.Visible() || sc.Content.MinSize().Height-sc.Size().Height < 2*want {
				continue // fits, or nearly
			}
			turned[st.name] += 0
			kinds := map[string][]fyne.CanvasObject{}
			for _, o := range test.LaidOutObjects(sc.Content) {
				kind := wheelKind(o)
				if kind == "" {
					continue
				}
				if o.Visible() && o.Size().Height > 0 && o.Size().Width > 0 {
					kinds[kind] = append(kinds[kind], o)
				}
			}
			top := d.AbsolutePositionForObject(sc.Content).Y
			for kind, objs := range kinds {
				for i := range min(4, len(objs)) {
					o := objs[i*(len(objs)-1)/max(1, min(4, len(objs))-1)]
					h.w.Canvas().Unfocus()
					sc.Offset = fyne.Position{}
					sc.Refresh()
					y := d.AbsolutePositionForObject(o).Y - top
					sc.Offset = fyne.NewPos(0, max(0, y-sc.Size().Height/2))
					sc.Refresh()
					before := sc.Offset.Y
					if sc.Content.MinSize().Height-sc.Size().Height-before < want {
						continue // at the foot: nothing left to scroll
					}
					at, size := d.AbsolutePositionForObject(sc), sc.Size()
					p := d.AbsolutePositionForObject(o).Add(fyne.NewPos(min(o.Size().Width/2, 40), o.Size().Height/2))
					if p.Y < at.Y+4 || p.Y > at.Y+size.Height-4 || p.X < at.X || p.X > at.X+size.Width {
						continue // not in view
					}
					test.Scroll(h.w.Canvas(), p, 0, -notch)
					if got := sc.Offset.Y - before; got != want {
						t.Errorf("%s: one notch over %s %d of %d (%T at %.0f) moved the form %.0f pixels, not %.0f",
							st.name, kind, i+1, len(objs), o, y, got, want)
					}
					turned[st.name]++
				}
			}
			sc.Offset = fyne.Position{}
			sc.Refresh()
		}
	}
	t.Logf("widgets the wheel turned over, by step: %v", turned)
	for name, n := range turned {
		if n == 0 {
			t.Errorf("%s: the form scrolls, but the wheel was turned over nothing", name)
		}
	}
	if len(turned) < 6 {
		t.Errorf("the wheel was turned on %d steps, want at least 6", len(turned))
	}
}
