package ui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

// compare goes to the Compare step and returns its screen.
func (h *harness) compare() *compareScreen {
	return shownScreen[*compareScreen](h, casebuilder.StepCompare)
}

func labelTexts(ls []*widget.Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Text
	}
	return out
}

// TestScoringShowsTheWeighedTotals checks the weighted totals and ranks of
// the turnover sample against the hand-worked figures: do nothing
// 0.3×1 + 0.2×1 + 0.15×2 + 0.15×2 + 0.1×1 + 0.1×5 = 1.70, onboarding
// 0.3×5 + 0.2×5 + 0.15×4 + 0.15×3 + 0.1×3 + 0.1×3 = 4.15, compensation
// 0.3×2 + 0.2×3 + 0.15×3 + 0.15×2 + 0.1×3 + 0.1×2 = 2.45, hiring
// 0.3×2 + 0.2×3 + 0.15×3 + 0.15×4 + 0.1×2 + 0.1×4 = 2.85.
func TestScoringShowsTheWeighedTotals(t *testing.T) {
	h := english(t)
	cmp := h.compare()
	if got, want := labelTexts(cmp.totals), []string{"1.70", "4.15", "2.45", "2.85"}; !slices.Equal(got, want) {
		t.Errorf("weighted totals %v, want %v", got, want)
	}
	if got, want := labelTexts(cmp.ranks), []string{"4", "1", "3", "2"}; !slices.Equal(got, want) {
		t.Errorf("ranks %v, want %v", got, want)
	}
	if !cmp.weights.Visible() || cmp.weights.Text != "✓ The weights add up to 100 %." {
		t.Errorf("weights label %q", cmp.weights.Text)
	}
	if !strings.Contains(cmp.ranking.Text, "Structured onboarding and coaching (4.15)") {
		t.Errorf("ranking %q", cmp.ranking.Text)
	}
	if cmp.whyNotTopBox.Visible() || cmp.whyNegativeBox.Visible() {
		t.Error("the sample's recommendation is top-ranked and pays, yet the reasons it would owe are asked for")
	}

	// A score given by hand is a link to where it is given.
	var links []*widget.Hyperlink
	walk(cmp.scores, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Hyperlink); ok {
			links = append(links, l)
		}
		return true
	})
	if len(links) != 4*6 {
		t.Fatalf("%d score links, want one per alternative and criterion (24)", len(links))
	}
	// Onboarding's score on the second criterion, impact on people; the
	// score is centred in its cell.
	test.TapAt(links[6+1], fyne.NewPos(links[6+1].Size().Width/2, links[6+1].Size().Height/2))
	if h.u.current != casebuilder.StepAlternatives || pathOf(h.u, h.w.Canvas().Focused()) != "alternatives[1].scores.people.score" {
		t.Errorf("the score's link led to %s, %q", h.u.current, pathOf(h.u, h.w.Canvas().Focused()))
	}
}

// TestEditingAWeightChangesTheRanks moves the financial weight to ease of
// implementation: weights 0, 20, 15, 15, 10 and 40 %. By hand: do nothing
// 0.2×1 + 0.15×2 + 0.15×2 + 0.1×1 + 0.4×5 = 2.90, onboarding 1.0 + 0.6 +
// 0.45 + 0.3 + 1.2 = 3.55, compensation 0.6 + 0.45 + 0.3 + 0.3 + 0.8 =
// 2.45, hiring 0.6 + 0.45 + 0.6 + 0.2 + 1.6 = 3.45: doing nothing now
// ranks above the compensation plan.
func TestEditingAWeightChangesTheRanks(t *testing.T) {
	h := english(t)
	cmp := h.compare()
	h.retype(h.entryAt(casebuilder.StepCompare, "criteria[0].weight"), "0")
	if !strings.Contains(cmp.weights.Text, "70.0%") || cmp.weights.Importance != widget.WarningImportance {
		t.Errorf("with the weights at 70 %%: %q", cmp.weights.Text)
	}
	h.settle()
	found := false
	for _, f := range h.u.analysis.findings {
		found = found || f.Rule == "weights-not-100" && f.Where.Path == "criteria"
	}
	if !found {
		t.Error("the review does not object to weights of 70 %")
	}
	h.retype(h.entryAt(casebuilder.StepCompare, "criteria[5].weight"), "40 %")
	h.settle()
	if got, want := labelTexts(cmp.totals), []string{"2.90", "3.55", "2.45", "3.45"}; !slices.Equal(got, want) {
		t.Errorf("weighted totals %v, want %v", got, want)
	}
	if got, want := labelTexts(cmp.ranks), []string{"3", "1", "4", "2"}; !slices.Equal(got, want) {
		t.Errorf("ranks %v, want %v", got, want)
	}
	if cmp.weights.Text != "✓ The weights add up to 100 %." {
		t.Errorf("weights label %q", cmp.weights.Text)
	}
}

// TestAScoreFromTheNPV scores financial return from the NPV: the lowest
// NPV (doing nothing, 0) scores 1, the highest (onboarding, about €696k)
// 5, compensation (about €262k) round(1 + 4 × 0.377) = round(2.51) = 3 and
// hiring (about €259k) round(1 + 4 × 0.372) = round(2.49) = 2. Scored by
// hand, compensation had 2: its total rises by 0.3 × 1 to 2.75; hiring
// had 2 and the others their own, and keep their totals.
func TestAScoreFromTheNPV(t *testing.T) {
	h := english(t)
	cmp := h.compare()
	auto := h.field(casebuilder.StepCompare, "criteria[0].auto").(*form.Select)
	auto.SetSelected("From the NPV")
	if got := h.u.doc.c.Criteria[0].Auto; got != casebuilder.ScoreFromNPV {
		t.Fatalf("criterion scored %q", got)
	}
	h.settle()
	if got, want := labelTexts(cmp.totals), []string{"1.70", "4.15", "2.75", "2.85"}; !slices.Equal(got, want) {
		t.Errorf("weighted totals %v, want %v", got, want)
	}
	// The Alternatives step shows the score worked out, not a choice.
	h.u.reveal(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives[2].name"})
	alts := h.u.screens[casebuilder.StepAlternatives].(*alternativesScreen)
	l := alts.autoScores["financial"]
	if l == nil || !strings.HasPrefix(l.Text, "3 – fair. Scored from the NPV: €26") {
		t.Errorf("compensation's financial score reads %v", l)
	}
	for _, b := range alts.md.Form().Fields() {
		if b.Path() == "alternatives[2].scores.financial.score" {
			t.Error("a score worked out from the NPV can still be chosen by hand")
		}
	}
	// A new alternative has no figures: no score from its €0 NPV.
	test.Tap(alts.md.List.AddButton())
	h.settle()
	if l := alts.autoScores["financial"]; l == nil || l.Text != "Not scored from its figures yet: it waits for its costs and benefits." {
		t.Errorf("a new alternative's financial score reads %v", l)
	}
}

// TestAScoreFromTheNPVQuotesItAsTheBoxesDo checks that the reason of a
// score worked out from the NPV writes the figures as the boxes write
// them: in German, then in English once the settings choose it. The NPVs
// range from doing nothing's 0 to onboarding's €696,016.
func TestAScoreFromTheNPVQuotesItAsTheBoxesDo(t *testing.T) {
	h := inLocale(t, "de-DE")
	h.field(casebuilder.StepCompare, "criteria[0].auto").(*form.Select).SetSelected("From the NPV")
	h.settle()
	reason := func() string {
		h.u.reveal(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives[2].name"})
		l := h.u.screens[casebuilder.StepAlternatives].(*alternativesScreen).autoScores["financial"]
		if l == nil {
			t.Fatal("the Alternatives step shows no score from the NPV")
		}
		return l.Text
	}
	if got := reason(); !strings.HasPrefix(got, "3 – fair. Scored from the NPV: 262.") ||
		!strings.HasSuffix(got, "\u00a0€, where the alternatives range from 0\u00a0€ to 696.016\u00a0€.") {
		t.Errorf("in German compensation's financial score reads %q", got)
	}
	h.u.onSettings()
	h.u.prefs.p.SetString(prefNumberLocale, "en-US")
	h.shown.settings.relayout = true
	h.shown.settings.dlg.Hide()
	h.settle()
	if got := reason(); !strings.HasPrefix(got, "3 – fair. Scored from the NPV: €262,") ||
		!strings.HasSuffix(got, ", where the alternatives range from €0 to €696,016.") {
		t.Errorf("in English compensation's financial score reads %q", got)
	}
}

// TestReasonsAskedForWhenNeeded recommends the second-ranked alternative,
// then one that loses money: each time the case must say why, and the
// field to say it in appears.
func TestReasonsAskedForWhenNeeded(t *testing.T) {
	h := english(t)
	cmp := h.compare()
	cmp.recommend.Select().SetSelected("Sharper hiring profile and assessment")
	h.settle()
	if !cmp.whyNotTopBox.Visible() {
		t.Fatal("recommending the second-ranked alternative does not ask why")
	}
	if !strings.Contains(cmp.ranking.Text, "ranks 2nd") || cmp.ranking.Importance != widget.WarningImportance {
		t.Errorf("ranking %q", cmp.ranking.Text)
	}
	link := findingLink(t, h, "recommended-not-top-ranked")
	tapLink(link)
	e, ok := h.w.Canvas().Focused().(*form.Entry)
	if !ok || e != cmp.whyNotTop.Entry() {
		t.Fatal("the finding's link does not lead to the reason's field")
	}
	test.Type(e, "Hiring can start this quarter; onboarding needs two coaches we cannot hire before the summer.")
	h.settle()
	for _, f := range h.u.analysis.findings {
		if f.Rule == "recommended-not-top-ranked" {
			t.Errorf("still: %s", f.Message)
		}
	}
	if got := h.u.analysis.scores.WhyNotTopRanked; !strings.HasPrefix(got, "Hiring can start") {
		t.Errorf("Weigh reads the reason %q", got)
	}

	// An alternative that only costs money has a negative NPV.
	err := h.u.edit(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives"}, "", func(c *casebuilder.Case) error {
		c.Alternatives = append(c.Alternatives, casebuilder.Alternative{ID: "mentoring", Name: "Mentoring",
			Costs: []casebuilder.Cost{{Name: "Allowances", Kind: casebuilder.OneTime, Amount: casebuilder.Exactly(12500)}}})
		c.Recommendation.Alternative = "mentoring"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	h.settle()
	cmp = h.compare()
	if !cmp.whyNegativeBox.Visible() {
		t.Error("recommending an alternative with a negative NPV does not ask why")
	}
	tapLink(findingLink(t, h, "recommended-negative-npv"))
	if h.w.Canvas().Focused() != cmp.whyNegative.Entry() {
		t.Error("the finding's link does not lead to the field for why the NPV may be negative")
	}
}

// findingLink returns the link of the first finding of a rule on the
// Review step.
func findingLink(t *testing.T, h *harness, rule string) *widget.Hyperlink {
	t.Helper()
	rv := shownScreen[*reviewScreen](h, casebuilder.StepReview)
	for i, f := range h.u.analysis.findings {
		if f.Rule == rule && i < len(rv.links) {
			return rv.links[i]
		}
	}
	t.Fatalf("no finding of %s among %v", rule, h.u.analysis.findings)
	return nil
}

// chartTexts returns the texts a chart draws at a size.
func chartTexts(c *chart.Chart, size fyne.Size) []string {
	var out []string
	for _, o := range c.Draw(size) {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

// TestSensitivityAndSimulationShown checks that the tornado and the
// simulation panels show the whole analysis of the case as it is, as
// Format writes its figures, and say "updating" while they are behind.
func TestSensitivityAndSimulationShown(t *testing.T) {
	h := english(t)
	cmp := h.compare()
	h.settleFull()
	a := h.u.full.Analysis
	if a.Simulation.Trials != testTrials || cmp.simState.Text != "" || cmp.tornadoState.Text != "" {
		t.Fatalf("%d trials; state %q, %q", a.Simulation.Trials, cmp.simState.Text, cmp.tornadoState.Text)
	}
	// The same case, trials and seed give the same simulation, whatever
	// the number of cores: the panel shows the case's own.
	again := casebuilder.Simulate(h.u.doc.c, casebuilder.SimulationOptions{Trials: testTrials})
	rec := a.Result.Recommended
	if again.Alternatives[rec].NPVP10 != a.Simulation.Alternatives[rec].NPVP10 {
		t.Errorf("P10 %v, but the case simulated again gives %v", a.Simulation.Alternatives[rec].NPVP10, again.Alternatives[rec].NPVP10)
	}
	f := h.u.format()

	// The tornado names the top driver first, with its NPVs at low and high.
	top := a.Tornado.Drivers[0]
	if top.Input != a.Tornado.Top[0] || top.Input != "Months to full productivity" {
		t.Errorf("top driver %q, Top %v", top.Input, a.Tornado.Top)
	}
	texts := chartTexts(cmp.tornado, fyne.NewSize(900, cmp.tornado.Min.Height))
	for _, want := range []string{top.Input, f.MoneyShort(top.NPVLow), f.MoneyShort(top.NPVHigh), "Likely NPV " + f.MoneyShort(a.Tornado.BaseNPV)} {
		if !slices.Contains(texts, want) {
			t.Errorf("the tornado does not show %q: %v", want, texts)
		}
	}
	if i := slices.Index(texts, top.Input); i != 1 { // after the likely NPV
		t.Errorf("the top driver is not the first bar: %v", texts)
	}
	if !strings.Contains(cmp.drivers.Text, "most: Months to full productivity, Yearly sales attrition and Fewer early leavers") {
		t.Errorf("drivers %q", cmp.drivers.Text)
	}

	// The table and the histogram show the recommendation's P10 and P90.
	as := a.Simulation.Alternatives[rec]
	var cells []string
	walk(cmp.simTable, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			cells = append(cells, l.Text)
		}
		return true
	})
	for _, want := range []string{"★ " + as.Name, f.MoneyShort(as.NPVP10), f.MoneyShort(as.NPVP50), f.MoneyShort(as.NPVP90),
		f.Percent(*as.ROIP50), f.Percent(as.ProbNPVPositive)} {
		if !slices.Contains(cells, want) {
			t.Errorf("the simulation table does not show %q: %v", want, cells)
		}
	}
	if slices.Contains(cells, "Do nothing") {
		t.Error("the simulation table lists the baseline")
	}
	hist := chartTexts(cmp.histogram, fyne.NewSize(900, 230))
	for _, want := range []string{"P10 " + f.MoneyShort(as.NPVP10), "P50 " + f.MoneyShort(as.NPVP50), "P90 " + f.MoneyShort(as.NPVP90)} {
		if !slices.Contains(hist, want) {
			t.Errorf("the histogram does not mark %q: %v", want, hist)
		}
	}

	// An edit: the panels say they are updating until the analysis of the
	// new case is in.
	h.u.recalc.fullDelay = time.Hour
	h.retype(h.entryAt(casebuilder.StepCompare, "criteria[0].name"), "Financial return (NPV)")
	h.settle()
	h.compare()
	if cmp.simState.Text != "Updating…" || cmp.tornadoState.Text != "Updating…" || cmp.histState.Text != "Updating…" {
		t.Error("the panels do not say that they are updating")
	}
	h.u.recalc.fullDelay = time.Millisecond
	h.u.recalc.schedule(h.u.doc.c)
	h.settleFull()
	if cmp.simState.Text != "" || h.u.full.Case != h.u.doc.c {
		t.Error("the panels still say updating")
	}
}

// TestSimulationSettings changes the trials and the seed: they are kept
// in the preferences, refused beside the field when out of range, and the
// simulation runs again with them.
func TestSimulationSettings(t *testing.T) {
	h := english(t)
	h.settleFull()
	u := h.u
	u.onSettings()
	s := h.shown.settings
	if s.trials.Text != "2,000" || s.seed.Text != "0" {
		t.Errorf("settings show %q trials, seed %q", s.trials.Text, s.seed.Text)
	}
	s.trials.SetText("50")
	if !strings.Contains(visibleText(s.trialsEr), "from 100 to 100,000") || u.prefs.simulation().trials != testTrials {
		t.Errorf("50 trials: %q, kept %d", visibleText(s.trialsEr), u.prefs.simulation().trials)
	}
	s.trials.SetText("3,000")
	s.seed.SetText("-1")
	if visibleText(s.seedEr) == "" {
		t.Error("a negative seed is accepted")
	}
	s.seed.SetText("42")
	if got := u.prefs.simulation(); got.trials != 3000 || got.seed != 42 || visibleText(s.trialsEr) != "" {
		t.Errorf("kept %+v", got)
	}
	if u.fullIsCurrent() {
		t.Error("the analysis of 2,000 trials still counts as current")
	}
	s.dlg.Hide()
	h.settleFull()
	if sim := u.full.Simulation; sim.Trials != 3000 || sim.Seed != 42 {
		t.Errorf("the simulation ran %d trials with seed %d", sim.Trials, sim.Seed)
	}
}

// TestStaleWholeAnalysisIsDropped checks that a whole analysis finished
// for a case that has changed since is never shown, and that a simulation
// still running when the case changes is stopped.
func TestStaleWholeAnalysisIsDropped(t *testing.T) {
	b := &queueBridge{}
	var applied []*casebuilder.Case
	r := &recalculator{delay: time.Hour, fullDelay: 0, bridge: b, apply: func(analysis) {},
		applyFull: func(f fullAnalysis) { applied = append(applied, f.Case) },
		settings:  func() simSettings { return simSettings{trials: 500} }}
	t.Cleanup(r.stop)
	c1, c2 := loadSample(t, "turnover"), loadSample(t, "turnover")
	r.schedule(c1)
	deadline := time.Now().Add(20 * time.Second)
	for queued(b) == 0 && time.Now().Before(deadline) { // c1's analysis is ready...
		time.Sleep(time.Millisecond)
	}
	r.schedule(c2) // ...but the case changed meanwhile
	for len(applied) == 0 && time.Now().Before(deadline) {
		b.drain()
		time.Sleep(time.Millisecond)
	}
	if len(applied) != 1 || applied[0] != c2 {
		t.Errorf("applied %d analyses; want only the newest case's", len(applied))
	}

	// A long simulation running when the case changes is stopped.
	r.settings = func() simSettings { return simSettings{trials: casebuilder.MaxTrials} }
	applied = nil
	r.schedule(loadSample(t, "stress"))
	var running chan struct{}
	for running == nil && time.Now().Before(deadline) {
		r.mu.Lock()
		running = r.stopRun
		r.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	if running == nil {
		t.Fatal("the simulation never started")
	}
	r.settings = func() simSettings { return simSettings{trials: 500} }
	r.schedule(c1)
	select {
	case <-running:
	default:
		t.Error("the stale simulation was not told to stop")
	}
	for len(applied) == 0 && time.Now().Before(deadline) {
		b.drain()
		time.Sleep(time.Millisecond)
	}
	if len(applied) != 1 || applied[0] != c1 {
		t.Errorf("applied %d analyses; want only the newest case's", len(applied))
	}
}

func queued(b *queueBridge) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.queue)
}

// TestReadinessShown checks the readiness score above the findings: the
// turnover sample answers every question the review asks: nothing to
// take off, 100, and nothing blocks. A blank case
// has only the do-nothing baseline and nothing else: five points that sink
// it (no alternative to doing nothing, no kind of pain so no cost of it,
// no evidence, no plan, no measure), seven questions (no objective served,
// the baseline not scored on the five criteria scored by hand, no
// recommendation, no decision asked for, no stakeholders, no reporting
// cadence, no contributors) and one suggestion (the baseline's impact not
// judged): 100 − 5 × 20 − 7 × 5 − 1 is below 0, so 0, and below 50 while
// anything blocks.
func TestReadinessShown(t *testing.T) {
	h := english(t)
	u := h.u
	rv := shownScreen[*reviewScreen](h, casebuilder.StepReview)
	if rv.readiness.Text != "100 / 100" || !strings.HasPrefix(rv.meaning.Text, "Ready: nothing blocks the case") {
		t.Errorf("turnover: %q, %q", rv.readiness.Text, rv.meaning.Text)
	}
	h.replace(u.blankCase())
	rv = shownScreen[*reviewScreen](h, casebuilder.StepReview)
	if rv.score >= 50 || rv.readiness.Text != "0 / 100" || !strings.HasPrefix(rv.meaning.Text, "Not ready: 5 points would sink the case.") {
		t.Errorf("blank case: %q, %q", rv.readiness.Text, rv.meaning.Text)
	}
}

// TestNewCaseStartsWithTheDefaultCriteria checks that a new case is weighed
// on the usual criteria, financial return scored from the NPV.
func TestNewCaseStartsWithTheDefaultCriteria(t *testing.T) {
	h := english(t)
	h.u.replaceCase(h.u.blankCase(), "")
	c := h.u.doc.c
	var names []string
	sum := 0.0
	for _, k := range c.Criteria {
		names = append(names, k.Name)
		sum += k.Weight
	}
	want := []string{"Financial return", "Impact on people", "Fit with mission and strategy", "Risk", "Time to value", "Ease of implementation"}
	if !slices.Equal(names, want) || c.Criteria[0].Auto != casebuilder.ScoreFromNPV || sum < 0.999999 || sum > 1.000001 {
		t.Errorf("a new case's criteria: %v, sum %v", names, sum)
	}
}

// TestEveryFindingLinkGoesSomewhere follows the link of every finding the
// review raises on the samples and on drafts (half-done, gutted,
// contradictory and invalid cases that between them break every rule):
// each must show the finding's step and focus its field, a field within
// it, the item it names, or the button that adds to the list it names.
func TestEveryFindingLinkGoesSomewhere(t *testing.T) {
	h := english(t)
	u := h.u
	u.recalc.stop()
	u.recalc.applyFull = nil // links need no simulation
	turnover := func(change func(c *casebuilder.Case)) func() *casebuilder.Case {
		return func() *casebuilder.Case {
			c := loadSample(t, "turnover")
			change(c)
			return c
		}
	}
	sample := func(name string) func() *casebuilder.Case {
		return func() *casebuilder.Case { return loadSample(t, name) }
	}
	drafts := []struct {
		name string
		make func() *casebuilder.Case
	}{
		{"turnover", sample("turnover")},
		{"ramp", sample("ramp")},
		{"stress", sample("stress")},
		{"blank", u.blankCase},
		{"gutted", turnover(func(c *casebuilder.Case) {
			c.Alternatives = c.Alternatives[1:] // no baseline
			c.Criteria = nil
			c.Measures, c.Contributors, c.Risks = nil, nil, nil
			c.Plan = casebuilder.Plan{}
			c.Pain.Evidence = nil
			c.Context.ServesObjective = ""
			c.Ask = casebuilder.Ask{}
			c.Recommendation = casebuilder.Recommendation{}
		})},
		{"one alternative", turnover(func(c *casebuilder.Case) {
			c.Alternatives = c.Alternatives[:2]
			c.Pain.Category = ""
		})},
		{"half done", turnover(func(c *casebuilder.Case) {
			c.Alternatives[3].Costs, c.Alternatives[3].Benefits = nil, nil
			c.Alternatives[2].Impact.People.Score = 0
			delete(c.Alternatives[2].Scores, "ease")
			c.Alternatives[1].Scores["time"] = casebuilder.Score{Score: 3}
			c.Criteria[0].Weight = 0.25
			c.Reserve.Basis = casebuilder.ReserveNone
			c.Pain.Evidence[0].Source = ""
			delete(c.Pain.Inputs, "reps")
			for i := range c.Risks {
				c.Risks[i].Owner, c.Risks[i].Contingency, c.Risks[i].Trigger, c.Risks[i].ContingencyCost = "", "", "", 0
			}
			c.Risks[0].ImpactScore = 0
			c.Risks[1].Alternatives = nil
			for i := range c.Plan.Milestones {
				c.Plan.Milestones[i].Owner = ""
				c.Plan.Milestones[i].Start = casebuilder.Date{}
				for j := range c.Plan.Milestones[i].Resources {
					c.Plan.Milestones[i].Resources[j].Secured = false
				}
			}
			c.Plan.Stakeholders[0].Channel, c.Plan.Stakeholders[1].Frequency = "", ""
			for i := range c.Measures {
				c.Measures[i].Owner, c.Measures[i].Method = "", ""
				c.Measures[i].Target = c.Measures[i].Baseline
			}
			c.Measures[0].Target, c.Measures[0].Baseline = 0, 0
		})},
		{"contradictory", turnover(func(c *casebuilder.Case) {
			c.Recommendation.Alternative = "hiring"
			c.HorizonMonths = 6 // nothing pays back so soon
			for i := range c.Measures {
				c.Measures[i].Baseline += 0.01
				c.Measures[i].Target += 0.01
			}
			c.Plan.Milestones[len(c.Plan.Milestones)-1].Start = c.Plan.Milestones[0].Start
			c.Alternatives[2].Benefits[0].StartMonth = 0
			for i := range c.Alternatives[2].Costs {
				c.Alternatives[2].Costs[i].StartMonth = max(c.Alternatives[2].Costs[i].StartMonth, 1)
			}
		})},
		{"overstated", turnover(func(c *casebuilder.Case) {
			c.Alternatives[2].Benefits = append(c.Alternatives[2].Benefits,
				casebuilder.Benefit{Name: "All of it", Basis: casebuilder.BenefitPainShare, Share: casebuilder.Exactly(1)},
				casebuilder.Benefit{Name: "And more", Basis: casebuilder.BenefitPainShare, Share: casebuilder.Exactly(0.5)})
			c.Alternatives[3].Benefits = append(c.Alternatives[3].Benefits,
				casebuilder.Benefit{Name: "Windfall", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Exactly(50e6)})
		})},
		{"losing", turnover(func(c *casebuilder.Case) {
			c.Alternatives = append(c.Alternatives, casebuilder.Alternative{ID: "gala", Name: "Annual gala",
				Costs: []casebuilder.Cost{{Name: "Venue", Kind: casebuilder.Yearly, Amount: casebuilder.Exactly(40000)}}})
			c.Recommendation.Alternative = "gala"
		})},
		{"invalid", turnover(func(c *casebuilder.Case) {
			c.Currency = "EURO"
			c.DiscountRate = -0.1
			c.Criteria[0].Weight = 1.5
			c.Criteria[1].Auto = "guess"
			c.Reserve.Percentile = 0.9
			c.Alternatives[1].Scores["people"] = casebuilder.Score{Score: 9}
			c.Alternatives[1].Costs[0].Amount = casebuilder.Range{Low: 5, Likely: 3, High: 4}
			c.Risks[0].Likelihood = 1.5
			c.Plan.Milestones[0].DependsOn = []string{"nowhere"}
			c.Measures[0].Level = 9
			c.Context.Objectives[0].ID = ""
		})},
		{"invalid horizon", turnover(func(c *casebuilder.Case) { c.HorizonMonths = 0 })},
		{"unguarded", turnover(func(c *casebuilder.Case) {
			for i := range c.Risks {
				c.Risks[i].Owner, c.Risks[i].Contingency = "", ""
			}
			c.Reserve.Basis = casebuilder.ReserveNone
			c.Recommendation.Reason = ""
			c.Ask.DecideBy = casebuilder.Date{}
		})},
		{"unpriced", turnover(func(c *casebuilder.Case) {
			for i := range c.Risks {
				c.Risks[i].ContingencyCost = 0
			}
			rec := &c.Alternatives[c.AlternativeByID(c.Recommendation.Alternative)]
			for i := range rec.Costs {
				rec.Costs[i].Amount = casebuilder.Exactly(rec.Costs[i].Amount.Likely)
			}
			for i := range rec.Benefits {
				b := &rec.Benefits[i]
				b.Annual, b.Share, b.To = casebuilder.Exactly(b.Annual.Likely), casebuilder.Exactly(b.Share.Likely), casebuilder.Exactly(b.To.Likely)
			}
			for k, r := range c.Pain.Inputs {
				c.Pain.Inputs[k] = casebuilder.Given(casebuilder.Exactly(r.Likely))
			}
		})},
		{"bad percentile", turnover(func(c *casebuilder.Case) {
			c.Reserve = casebuilder.ReservePolicy{Basis: casebuilder.ReservePercentile, Percentile: 1.5}
		})},
		// The rules that check one part of the case against another, each
		// broken on its own: together, one would hide another.
		{"old evidence", turnover(func(c *casebuilder.Case) {
			c.Pain.Evidence[1] = casebuilder.Evidence{Finding: "Vacant territories took 55 days to fill.", Source: "Recruiting survey, 2021"}
		})},
		{"attainment assumed", turnover(func(c *casebuilder.Case) { delete(c.Pain.Inputs, "productiveAttainment") })},
		{"beyond preventable", turnover(func(c *casebuilder.Case) {
			c.Alternatives[1].Benefits[0].To = casebuilder.Range{Low: 0.08, Likely: 0.06, High: 0.05}
		})},
		{"before delivery", turnover(func(c *casebuilder.Case) {
			c.Alternatives[1].Benefits[0].StartAt = &casebuilder.Anchor{Milestone: "rollout", At: casebuilder.AtStart}
		})},
		{"costs stop", turnover(func(c *casebuilder.Case) {
			a := &c.Alternatives[1]
			for i := range a.Costs {
				if a.Costs[i].Kind != casebuilder.OneTime {
					twelve := 12
					a.Costs[i].EndMonth, a.Costs[i].EndAt = &twelve, nil
				}
			}
			a.Benefits[0].Note = ""
		})},
		{"beyond usual", turnover(func(c *casebuilder.Case) {
			c.Alternatives[1].Benefits[1].To = casebuilder.Range{Low: 3.5, Likely: 3, High: 2.5}
		})},
		{"too many heads", turnover(func(c *casebuilder.Case) { c.Alternatives[2].Costs[2].Heads = 400 })},
		{"too good", turnover(func(c *casebuilder.Case) {
			for i := range c.Alternatives[1].Costs {
				c.Alternatives[1].Costs[i].Amount = casebuilder.Exactly(1)
			}
		})},
		{"lines without a value", turnover(func(c *casebuilder.Case) {
			a := &c.Alternatives[2]
			a.Costs[0].Amount = casebuilder.Range{}
			a.Benefits = append(a.Benefits,
				casebuilder.Benefit{Name: "A share", Basis: casebuilder.BenefitPainShare},
				casebuilder.Benefit{Name: "An amount", Basis: casebuilder.BenefitAmount},
				casebuilder.Benefit{Name: "An input", Basis: casebuilder.BenefitPainInput})
		})},
		{"no discount", turnover(func(c *casebuilder.Case) { c.DiscountRate = 0 })},
		{"dear contingency", turnover(func(c *casebuilder.Case) { c.Risks[0].ContingencyCost = 200_000 })},
		{"small reserve", turnover(func(c *casebuilder.Case) { c.Risks[1].Likelihood, c.Risks[1].ContingencyCost = 0.6, 200_000 })},
		{"one owner", turnover(func(c *casebuilder.Case) {
			for i := range c.Plan.Milestones {
				c.Plan.Milestones[i].Owner = "Lena Brandt, Head of Sales Enablement"
			}
		})},
		{"no one from sales", turnover(func(c *casebuilder.Case) { c.Plan.Stakeholders = c.Plan.Stakeholders[2:] })},
		{"gate to meet nothing", turnover(func(c *casebuilder.Case) { c.Plan.Gates[0].Thresholds = nil })},
		{"ROI promised beyond the case", turnover(func(c *casebuilder.Case) { c.Measures[4].Target = 1 })},
		{"KPI due before its benefit", turnover(func(c *casebuilder.Case) {
			c.Measures[1].Date = casebuilder.Date{Year: 2027, Month: time.June, Day: 30}
		})},
		{"no business impact", turnover(func(c *casebuilder.Case) {
			for i := range c.Measures {
				c.Measures[i].Level = min(c.Measures[i].Level, 3)
			}
		})},
	}
	fired := map[string]bool{}
	checked := 0
	// One link of each rule and shape of path: the stress case has
	// hundreds alike.
	seen := map[string]bool{}
	for _, d := range drafts {
		h.replace(d.make())
		for _, f := range u.analysis.findings {
			fired[f.Rule] = true
			shape := f.Rule + " " + digits.ReplaceAllString(f.Where.Path, "[]")
			if seen[shape] {
				continue
			}
			seen[shape] = true
			checked++
			if msg := followLink(h, f); msg != "" {
				t.Errorf("%s: %s at %s › %s: %s", d.name, f.Rule, f.Where.Step, f.Where.Path, msg)
			}
		}
	}
	t.Logf("followed %d links of %d rules", checked, len(fired))
	for _, r := range casebuilder.Rules() {
		if !fired[r.Name] {
			t.Errorf("no draft breaks rule %s", r.Name)
		}
	}
}

// followLink reveals a finding's field as its link does, and says what is
// wrong with where it led ("" when it is sensible).
func followLink(h *harness, f casebuilder.Finding) string {
	u := h.u
	u.win.Canvas().Unfocus()
	u.reveal(f.Where)
	defer func() {
		if h.shown.settings != nil {
			h.shown.settings.dlg.Hide()
			h.shown.settings = nil
		}
	}()
	focused := u.win.Canvas().Focused()
	switch {
	case u.current != f.Where.Step:
		return fmt.Sprintf("showed %s", u.current)
	case focused == nil:
		return "focused nothing"
	}
	if b, ok := focused.(*widget.Button); ok {
		if strings.HasPrefix(b.Text, "Add ") && !strings.HasSuffix(f.Where.Path, "]") && !strings.Contains(f.Where.Path[strings.LastIndexByte(f.Where.Path, '.')+1:], "[") {
			return "" // the button that adds to the list named
		}
		return fmt.Sprintf("focused the button %q", b.Text)
	}
	paths := pathsOf(u, focused)
	if len(paths) == 0 && h.shown.settings != nil {
		for _, b := range h.shown.settings.form.Fields() {
			if b.FocusTarget() == focused {
				paths = append(paths, b.Path())
			}
		}
	}
	want := f.Where.Path
	within := func(inner, outer string) bool {
		return strings.HasPrefix(inner, outer+".") || strings.HasPrefix(inner, outer+"[")
	}
	// The item named: an ID is not edited, so its item's first field.
	item := digits.FindAllStringIndex(want, -1)
	owner := ""
	if len(item) > 0 {
		owner = want[:item[len(item)-1][1]]
	}
	if len(paths) == 0 {
		return "focused a widget of no field"
	}
	for _, got := range paths {
		switch {
		case got == want, within(got, want), within(want, got):
		case owner != "" && within(got, owner) && strings.HasSuffix(want, ".id"):
		case owner != "" && within(got, owner) && orphanScore(u.doc.c, want):
		default:
			continue
		}
		return ""
	}
	return fmt.Sprintf("focused the field %s", paths[0])
}

var digits = regexp.MustCompile(`\[\d+\]`)

// orphanScore reports whether path is an alternative's score on a
// criterion the case does not have (in a file edited by hand): it has no
// field, so its link shows the alternative.
func orphanScore(c *casebuilder.Case, path string) bool {
	_, rest, ok := form.IndexIn(path, "alternatives")
	id, ok2 := strings.CutPrefix(rest, "scores.")
	if !ok || !ok2 {
		return false
	}
	id, _, _ = strings.Cut(id, ".")
	return !slices.ContainsFunc(c.Criteria, func(k casebuilder.Criterion) bool { return k.ID == id })
}

// TestExportPassesTheAnalysisShown checks that an export hands the
// exporters the analysis the app shows when it is of the case as it is,
// and otherwise one analysis of that case, run once for both documents
// with the simulation's settings.
func TestExportPassesTheAnalysisShown(t *testing.T) {
	a := test.NewTempApp(t)
	var mu sync.Mutex
	got := map[string]*casebuilder.Analysis{}
	write := func(kind string) Exporter {
		return func(c *casebuilder.Case, an *casebuilder.Analysis, _ time.Time, _ ExportChoices) ([]byte, error) {
			mu.Lock()
			defer mu.Unlock()
			got[kind] = an
			return []byte(kind), nil
		}
	}
	h := startIn(t, a, t.TempDir(), Options{Exporters: Exporters{Workbook: write("workbook"), Brief: write("brief")}})
	h.dismissWelcome()
	u := h.u
	h.save(tempCase(t, "case.hrcase"))
	h.settleFull()
	shown := u.full.Analysis
	u.onExport()
	test.Tap(h.shown.export.exportButton)
	h.settle()
	if got["brief"] != shown || got["workbook"] != shown {
		t.Error("the export did not pass the analysis shown")
	}

	// Typed just before exporting: the analysis shown is of the case
	// before; the export runs the case's own, once.
	u.recalc.fullDelay = time.Hour
	h.retype(h.entryAt(casebuilder.StepContext, "title"), "Typed just before")
	u.onExport()
	test.Tap(h.shown.export.exportButton)
	if h.shown.replace != nil {
		h.shown.replace.Confirm()
	}
	h.settle()
	an := got["brief"]
	if an == shown || an == nil || an.Case != u.doc.c || an.Simulation == nil || an.Simulation.Trials != testTrials || got["workbook"] != an {
		t.Errorf("the export after typing passed %+v", an)
	}
	// ...and the app shows it too, since the case has not changed since.
	h.bridge.drain()
	if u.full.Analysis != an {
		t.Error("the analysis the export ran is not shown")
	}
}

// TestFindingsSayWhere checks how the review's links name the places of
// the analysis's findings.
func TestFindingsSayWhere(t *testing.T) {
	c := loadSample(t, "turnover")
	for _, tc := range []struct {
		step casebuilder.MethodStep
		path string
		want string
	}{
		{casebuilder.StepCompare, "criteria[1].weight", "Compare › criterion “Impact on people” › weight"},
		{casebuilder.StepCompare, "criteria", "Compare › criteria"},
		{casebuilder.StepAlternatives, "alternatives[1].scores.people.rationale", "Alternatives › Structured onboarding and coaching › score on “Impact on people” › rationale"},
		{casebuilder.StepAlternatives, "alternatives[3].scores.ease", "Alternatives › Sharper hiring profile and assessment › score on “Ease of implementation”"},
		{casebuilder.StepCompare, "reserve.percentile", "Compare › contingency reserve › percentile"},
		{casebuilder.StepCompare, "recommendation.whyNotTopRanked", "Compare › why it is chosen over the top-ranked alternative"},
		{casebuilder.StepCompare, "recommendation.whyNegativeNpv", "Compare › why it is worth doing with a negative NPV"},
	} {
		if got := describe(c, casebuilder.Where{Step: tc.step, Path: tc.path}); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestReviewQuotesFiguresAsTheBoxesWriteThem checks that the Review step
// writes the figures of its findings as the chosen locale writes numbers,
// and writes them again when the settings change the locale.
func TestReviewQuotesFiguresAsTheBoxesWriteThem(t *testing.T) {
	h := inLocale(t, "de-DE")
	h.retype(h.entryAt(casebuilder.StepCompare, "discountRate"), "45 %")
	h.settle()
	rate := func() string {
		for _, f := range h.u.analysis.findings {
			if f.Rule == "discount-rate-implausible" {
				return f.Message
			}
		}
		return ""
	}
	if got, want := rate(), "The discount rate is 45,0\u00a0% a year, far above what companies use (often 8\u00a0% to 12\u00a0%)"; got != want {
		t.Errorf("in German the rate's finding reads %q, want %q", got, want)
	}
	h.u.onSettings()
	h.u.prefs.p.SetString(prefNumberLocale, "en-US")
	h.shown.settings.relayout = true
	h.shown.settings.dlg.Hide()
	if got, want := rate(), "The discount rate is 45.0% a year, far above what companies use (often 8% to 12%)"; got != want {
		t.Errorf("after the settings chose English the rate's finding reads %q, want %q", got, want)
	}
}
