package ui

import (
	"math"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// TestUserPath walks through every step as a user would on the first
// start: types inputs, adds an alternative with a cost line and a risk,
// watches the figures follow, saves, reopens and undoes.
func TestUserPath(t *testing.T) {
	h := start(t, Options{})
	u := h.u
	h.dismissWelcome()
	h.settle()
	if got := u.doc.c.Title; !strings.Contains(got, "sales turnover") {
		t.Fatalf("the first start opened %q, want the turnover sample", got)
	}
	if strings.HasPrefix(h.title(), "*") {
		t.Errorf("a sample just opened is marked as changed: %q", h.title())
	}

	// 1. Context: type a title.
	title := h.entryAt(casebuilder.StepContext, "title")
	h.retype(title, "Keeping our account executives")
	if u.doc.c.Title != "Keeping our account executives" {
		t.Errorf("title = %q after typing", u.doc.c.Title)
	}
	if !strings.HasPrefix(h.title(), "*") {
		t.Errorf("window title %q does not mark the unsaved change", h.title())
	}

	// 2. Pain: raise the likely attrition from 33 % to 34 %. The yearly cost
	// is leavers (reps × attrition) × cost per leaver, so it grows by 34/33.
	before := u.analysis.res.Pain.Annual
	painBefore := u.headline.pain.Text
	likely := h.entryAt(casebuilder.StepPain, "pain.inputs.attritionRate")
	h.retype(likely, "400 %") // more than the calculator accepts: refused at the field
	if msg, want := errorBeside(u, likely), "Must be between 0.0% and 300.0% (got 400.0%)"; msg != want {
		t.Errorf("400 %% attrition: message %q, want %q, in percentages as the screen writes them", msg, want)
	}
	// Each key typed was an edit: "40 %" was accepted on the way, "400 %" not.
	if got := u.doc.c.Pain.Inputs["attritionRate"].Likely; got != 0.4 {
		t.Errorf("likely attrition %v after a refused 400 %%, want the last value accepted, 0.4", got)
	}
	h.retype(likely, "34 %")
	if msg := errorBeside(u, likely); msg != "" {
		t.Errorf("34 %% refused: %q", msg)
	}
	h.settle()
	if want := before * 34 / 33; math.Abs(u.analysis.res.Pain.Annual-want) > 0.01 {
		t.Errorf("cost of pain = %.2f after attrition 33 %% → 34 %%, want %.2f", u.analysis.res.Pain.Annual, want)
	}
	if u.headline.pain.Text == painBefore {
		t.Errorf("the headline cost of pain stayed %q", painBefore)
	}
	painWorking := u.screens[casebuilder.StepPain].(*painScreen).annual.Text
	if painWorking != u.format().Money(u.analysis.res.Pain.Annual) {
		t.Errorf("the working shows %q, want %q", painWorking, u.format().Money(u.analysis.res.Pain.Annual))
	}

	// 3. Alternatives: add one, and a cost line of 12.5k spent once in the
	// first month. Against doing nothing it costs 12,500 and, with no
	// benefit yet, its NPV is -12,500 (month 0 is not discounted).
	alts := shownScreen[*alternativesScreen](h, casebuilder.StepAlternatives)
	test.Tap(button(t, alts.md.List.Box(), "Add alternative"))
	n := len(u.doc.c.Alternatives)
	if n != 5 || alts.md.Shown() != 4 {
		t.Fatalf("after Add alternative: %d alternatives, showing %d", n, alts.md.Shown())
	}
	name := h.entryAt(casebuilder.StepAlternatives, "alternatives[4].name")
	h.retype(name, "Mentoring by top performers")

	// The review objects to an alternative without costs, and its link
	// leads back to the alternative's costs.
	u.goTo(casebuilder.StepReview)
	h.settle()
	rv := u.screens[casebuilder.StepReview].(*reviewScreen)
	found := false
	for i, f := range u.analysis.findings {
		if f.Where.Path == "alternatives[4].costs" && i < len(rv.links) {
			found = true
			tapLink(rv.links[i])
		}
	}
	if !found {
		t.Fatalf("the review does not object to an alternative without costs: %v", u.analysis.findings)
	}
	if u.current != casebuilder.StepAlternatives || alts.md.Shown() != 4 {
		t.Errorf("the link led to %s, alternative %d", u.current, alts.md.Shown())
	}
	test.Tap(button(t, alts.costs.Box(), "Add cost line"))
	if got := len(u.doc.c.Alternatives[4].Costs); got != 1 {
		t.Fatalf("after Add cost line: %d cost lines", got)
	}
	h.retype(h.entryAt(casebuilder.StepAlternatives, "alternatives[4].costs[0].name"), "Mentor allowances")
	h.settle()
	// No amount yet: the line has no figure, not €0.
	if got := alts.lineValues["cost/0"].Text; got != "—" {
		t.Errorf("a cost line with no amount shows %q over the horizon, want —", got)
	}
	amount := h.entryAt(casebuilder.StepAlternatives, "alternatives[4].costs[0].amount")
	h.retype(amount, "12.5k")
	h.settle()
	r := u.analysis.res.Alternatives[4]
	if r.TotalCost != 12500 || r.NPV != -12500 {
		t.Errorf("new alternative: total cost %v, NPV %v; want 12500 and -12500", r.TotalCost, r.NPV)
	}
	if got := alts.lineValues["cost/0"].Text; got != u.format().Money(12500) {
		t.Errorf("the cost line shows %q over the horizon, want %q", got, u.format().Money(12500))
	}

	// 4. Compare: recommend the new alternative; the headline follows.
	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	cmp.recommend.Select().SetSelected("Mentoring by top performers")
	h.settle()
	if got := u.headline.recommended.Text; got != "Mentoring by top performers" {
		t.Errorf("headline recommends %q", got)
	}
	if got := u.headline.npv.Text; got != u.format().MoneyShort(-12500) {
		t.Errorf("headline NPV %q, want %q", got, u.format().MoneyShort(-12500))
	}

	// 5. Risks: a risk of 30 % with a contingency of €10,000 for the new
	// alternative puts 3,000 in its reserve: it now costs 15,500.
	risks := shownScreen[*risksScreen](h, casebuilder.StepRisks)
	test.Tap(button(t, risks.md.List.Box(), "Add risk"))
	ri := len(u.doc.c.Risks) - 1
	h.retype(h.entryAt(casebuilder.StepRisks, "risks["+itoa(ri)+"].description"), "Top performers have no time to mentor")
	h.retype(h.entryAt(casebuilder.StepRisks, "risks["+itoa(ri)+"].likelihood"), "30 %")
	h.retype(h.entryAt(casebuilder.StepRisks, "risks["+itoa(ri)+"].contingencyCost"), "€ 10,000")
	// The tick of the alternative the risk concerns, named after it.
	for _, b := range risks.md.Form().Fields() {
		if k, ok := b.(*form.CheckField); ok && k.Path() == "risks["+itoa(ri)+"].alternatives" && k.Widget().Text == u.doc.c.Alternatives[4].Name {
			test.Tap(k.Widget())
		}
	}
	h.settle()
	if r := u.analysis.res.Alternatives[4]; r.Reserve != 3000 || r.TotalCost != 15500 {
		t.Errorf("with the risk: reserve %v, total cost %v; want 3000 and 15500", r.Reserve, r.TotalCost)
	}

	// 6. Plan: add a milestone and give it an owner.
	plan := shownScreen[*planScreen](h, casebuilder.StepPlan)
	test.Tap(button(t, plan.md.List.Box(), "Add milestone"))
	mi := len(u.doc.c.Plan.Milestones) - 1
	h.retype(h.entryAt(casebuilder.StepPlan, "plan.milestones["+itoa(mi)+"].owner"), "Lena Brandt")
	h.retype(h.dateAt(casebuilder.StepPlan, "plan.milestones["+itoa(mi)+"].start"), "2027-11-01")
	if m := u.doc.c.Plan.Milestones[mi]; m.Owner != "Lena Brandt" || m.Start.String() != "2027-11-01" {
		t.Errorf("new milestone: owner %q, start %q", m.Owner, m.Start)
	}

	// 7. Measures: add one with a target.
	ms := shownScreen[*measuresScreen](h, casebuilder.StepMeasures)
	test.Tap(button(t, ms.md.List.Box(), "Add measure"))
	k := len(u.doc.c.Measures) - 1
	h.retype(h.entryAt(casebuilder.StepMeasures, "measures["+itoa(k)+"].target"), "25 %")
	if got := u.doc.c.Measures[k].Target; got != 0.25 {
		t.Errorf("measure target = %v, want 0.25", got)
	}

	// 8. Alternatives again: the mentors' hours are people's time, on a
	// line of their own, as the review asks of a recommendation.
	u.reveal(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives[4].costs"})
	test.Tap(button(t, alts.costs.Box(), "Add cost line"))
	h.retype(h.entryAt(casebuilder.StepAlternatives, "alternatives[4].costs[1].name"), "Mentors' time")
	h.retype(h.entryAt(casebuilder.StepAlternatives, "alternatives[4].costs[1].amount"), "4k")
	h.field(casebuilder.StepAlternatives, "alternatives[4].costs[1].money").(*form.Select).SetSelected("People's time")
	if k := u.doc.c.Alternatives[4].Costs[1]; k.Money != casebuilder.PeopleTime || k.Amount.Likely != 4000 {
		t.Errorf("the mentors' time: %s, %v", k.Money, k.Amount.Likely)
	}

	// 9. Review: with costs, cash and people's time, the objections are
	// gone.
	u.goTo(casebuilder.StepReview)
	h.settle()
	for _, f := range u.analysis.findings {
		if f.Where.Path == "alternatives[4].costs" {
			t.Errorf("the review still objects: %v", f)
		}
	}

	// Save, then reopen: everything typed is there.
	path := tempCase(t, "mentoring.hrcase")
	if !h.save(path) {
		t.Fatalf("save failed: %s", h.shown.lastError)
	}
	if strings.HasPrefix(h.title(), "*") || !strings.Contains(h.title(), "mentoring.hrcase") {
		t.Errorf("after saving, the window title is %q", h.title())
	}
	if !h.open(path) {
		t.Fatalf("reopen failed: %s", h.shown.lastError)
	}
	c := u.doc.c
	if c.Title != "Keeping our account executives" || len(c.Alternatives) != 5 ||
		c.Alternatives[4].Costs[0].Amount != casebuilder.Exactly(12500) || c.Recommendation.Alternative != c.Alternatives[4].ID {
		t.Errorf("the reopened case lost edits: title %q, %d alternatives", c.Title, len(c.Alternatives))
	}
	if u.doc.canUndo() {
		t.Error("a case just opened has something to undo")
	}

	// Undo: typing in a field is one step, and undo puts it back.
	u.goTo(casebuilder.StepContext)
	title = h.entryAt(casebuilder.StepContext, "title")
	h.w.Canvas().Focus(title)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(title, " and coaching them")
	if c := u.doc.c.Title; c != "Keeping our account executives and coaching them" {
		t.Fatalf("title %q after typing", c)
	}
	u.endTyping()
	shortcut(h, fyne.KeyZ)
	if c := u.doc.c.Title; c != "Keeping our account executives" {
		t.Errorf("after undo the title is %q", c)
	}
	if title.Text != "Keeping our account executives" {
		t.Errorf("after undo the field shows %q", title.Text)
	}
	if strings.HasPrefix(h.title(), "*") {
		t.Errorf("undoing back to the saved case leaves it marked changed: %q", h.title())
	}
	shortcut(h, fyne.KeyY)
	if c := u.doc.c.Title; c != "Keeping our account executives and coaching them" {
		t.Errorf("after redo the title is %q", c)
	}
	if _, err := os.Stat(path + casebuilder.BackupSuffix); err == nil {
		t.Log("a backup exists beside the case, as Save keeps one")
	}
}

// shortcut presses Ctrl (Cmd on a Mac) with key in the window.
func shortcut(h *harness, key fyne.KeyName) {
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	h.w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

// tapLink taps a link on its text.
func tapLink(l *widget.Hyperlink) {
	test.TapAt(l, fyne.NewPos(l.Size().Width/4, l.Size().Height/2))
}
