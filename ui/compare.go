package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

const compareGuidance = "Put the alternatives side by side, in money and on the criteria that matter, and say which one you recommend and why. A CEO looks for the trade-off you made, not only the biggest number: why this one over the next best, how sure the figures are, and exactly what you ask for, by when."

// noAlternativeYet is what the charts of the alternatives say when there
// is none to chart.
const noAlternativeYet = "No alternative to doing nothing yet: add one on the Alternatives step."

// noProgramme says why the recommendation's own figures (its money by
// fiscal year, its break-even, what moves its NPV) are not shown: there is
// no alternative yet, or the recommendation is to do nothing, as it is
// until one is chosen while every alternative's NPV is below zero.
func noProgramme(c *casebuilder.Case, what string) string {
	for _, a := range c.Alternatives {
		if !a.DoNothing {
			return "The recommendation is to do nothing, which has no " + what + "."
		}
	}
	return noAlternativeYet
}

// maxDrivers is how many inputs the tornado chart shows.
const maxDrivers = 10

// compareScreen is the fourth step: every alternative's figures side by
// side, the weighing on the criteria, how sure the figures are (the
// sensitivity and the simulation), the recommendation and the ask.
//
// The figures and the weighing follow typing (the quick analysis); the
// tornado and the simulation come from the whole analysis, run after a
// longer pause, and say "updating…" while they are behind the case.
type compareScreen struct {
	u         *UI
	form      *form.Form
	table     *fyne.Container
	npvChart  *chart.Chart
	flowChart *chart.Chart
	best      *widget.Label
	recommend *form.ChoiceField
	scroll    *container.Scroll
	a         analysis
	drawn     bool // whether a is shown

	// The weighing: the criteria and their weights, and every
	// alternative's scores, weighted total and rank as Weigh has them.
	criteria *form.Table
	weights  *widget.Label
	scores   *fyne.Container
	ranking  *widget.Label
	// totals and ranks are the cells of each alternative's weighted total
	// and rank, in the case's order (kept for tests).
	totals, ranks []*widget.Label
	// The reasons the case owes when its recommendation is not ranked
	// first, or loses money.
	whyNotTop, whyNegative       *form.TextField
	whyNotTopBox, whyNegativeBox fyne.CanvasObject
	percentileBox                fyne.CanvasObject

	// The sensitivity and the simulation, from the whole analysis.
	full         fullAnalysis
	tornado      *chart.Chart
	drivers      *widget.Label
	tornadoState *widget.Label
	simTable     *fyne.Container
	histogram    *chart.Chart
	histTitle    *widget.Label
	simNote      *widget.Label
	simState     *widget.Label
	histState    *widget.Label

	// cash says how much of the recommendation's NPV is cash; fiscal is
	// its money by fiscal year, and budget what the ask covers.
	cash   *widget.Label
	fiscal *fyne.Container
	budget *widget.Label
	// breakEven is the table of the values at which the recommendation
	// stops paying, key the sentence of the first, and breakState says
	// when they are behind the case.
	breakEven  *fyne.Container
	key        *widget.Label
	breakState *widget.Label
}

func newCompareScreen(u *UI) screen {
	s := &compareScreen{u: u, form: u.newForm(casebuilder.StepCompare), table: container.NewVBox(), scores: container.NewVBox(),
		simTable: container.NewVBox(), fiscal: container.NewVBox(), breakEven: container.NewVBox(), a: u.analysis}
	f := s.form
	money := func(v float64) string { return s.u.formatOf(s.a.c).MoneyShort(v) }
	s.npvChart = chart.Bars(s.npvBars, money, noAlternativeYet)
	s.flowChart = chart.Lines(s.cumulative, money, noAlternativeYet)

	text := func(get func(c *casebuilder.Case) *string) form.Value[string] { return form.At(get) }
	// The gates stop lines of the recommendation: another one keeps those
	// it has.
	s.recommend = f.Choice("recommendation.alternative", nil, nil,
		text(func(c *casebuilder.Case) *string { return &c.Recommendation.Alternative }).Then(keepStops))
	s.setAlternatives(u.doc.c)
	s.best = widget.NewLabel("")
	s.best.Wrapping = fyne.TextWrapWord
	s.best.Importance = widget.LowImportance
	reason := f.TextArea("recommendation.reason", text(func(c *casebuilder.Case) *string { return &c.Recommendation.Reason }),
		"Why this one: what it does that the others do not, and the trade-off you accept.", 3)
	s.whyNotTop = f.TextArea("recommendation.whyNotTopRanked", text(func(c *casebuilder.Case) *string { return &c.Recommendation.WhyNotTopRanked }),
		"e.g. The top-ranked plan needs a works-council agreement that cannot be had before next year.", 2)
	s.whyNotTopBox = labelled("Why it is chosen over an alternative that ranks higher on the criteria", s.whyNotTop.Box())
	s.whyNegative = f.TextArea("recommendation.whyNegativeNpv", text(func(c *casebuilder.Case) *string { return &c.Recommendation.WhyNegativeNPV }),
		"e.g. A legal duty, or an option on growth that the figures do not capture.", 2)
	s.whyNegativeBox = labelled("Why it is worth doing although its NPV is negative", s.whyNegative.Box())
	decision := f.WrappedText("ask.decision", text(func(c *casebuilder.Case) *string { return &c.Ask.Decision }),
		"e.g. Approve the programme and its three-year budget, to start in January")
	people := f.WrappedText("ask.people", text(func(c *casebuilder.Case) *string { return &c.Ask.People }),
		"Names, roles and time you ask for")
	decideBy := f.Date("ask.decideBy", form.At(func(c *casebuilder.Case) *casebuilder.Date { return &c.Ask.DecideBy }))
	upTo := s.upToGate()
	reserve := s.reserveFields()
	s.cash = widget.NewLabel("")
	s.cash.Wrapping = fyne.TextWrapWord
	s.budget = widget.NewLabel("")
	s.budget.Wrapping = fyne.TextWrapWord
	s.key = widget.NewLabel("")
	s.key.Wrapping = fyne.TextWrapWord
	s.breakState = stateLabel()

	s.criteria = s.criteriaTable()
	s.weights = widget.NewLabel("")
	s.ranking = widget.NewLabel("")
	s.ranking.Wrapping = fyne.TextWrapWord

	// The sensitivity and the simulation are of the whole analysis, whose
	// case may be a version behind.
	fullMoney := func(v float64) string {
		if s.full.Analysis == nil {
			return money(v)
		}
		return s.u.formatOf(s.full.Case).MoneyShort(v)
	}
	s.tornado = chart.Tornado(func() (float64, []chart.Swing) { return s.tornadoBase(), s.swings() }, fullMoney, "Likely NPV")
	s.drivers = widget.NewLabel("")
	s.drivers.Wrapping = fyne.TextWrapWord
	s.tornadoState = stateLabel()
	s.histogram = chart.Histogram(s.histogramData, fullMoney)
	s.histTitle = caption("")
	s.histTitle.Wrapping = fyne.TextWrapWord // it names an alternative
	s.simNote = widget.NewLabel("")
	s.simNote.Wrapping = fyne.TextWrapWord
	s.simNote.Importance = widget.LowImportance
	s.simNote.SizeName = theme.SizeNameCaptionText
	s.simState = stateLabel()
	s.histState = stateLabel()

	// The discount rate and the horizon decide every figure: they are part
	// of the case, shown and edited where the figures are, with why.
	rate := f.Number("discountRate", figure.Percent, form.At(func(c *casebuilder.Case) *float64 { return &c.DiscountRate }))
	horizon := f.Integer("horizonMonths", figure.Months, form.At(func(c *casebuilder.Case) *int { return &c.HorizonMonths }))
	ratesWhy := f.TextArea("ratesReason", text(func(c *casebuilder.Case) *string { return &c.RatesReason }),
		"e.g. 8 %: Finance's cost of capital for projects; 36 months: the effect is counted no longer than the plan runs.", 2)
	rates := container.NewVBox(form.NewColumns(1, 1).Row(labelled("Discount rate (a year)", rate.Box()), labelled("Horizon (months)", horizon.Box())),
		labelled("Why these values", ratesWhy.Box()))

	charts := container.NewGridWithColumns(2,
		labelled("Net present value by alternative, against doing nothing", s.npvChart),
		labelled("Cumulative net flow", s.flowChart))
	ask := form.NewColumns(2, 1)
	s.scroll = page(
		section("The figures", "Every figure is measured against doing nothing, over the case's horizon, at its discount rate. The NPV of cash alone counts new cash spent against the costs the company stops paying, and leaves out margin on sales, costs avoided, time freed and people's time.",
			rates, s.table, s.cash, charts, reserve),
		section("Cash by fiscal year", "What a CFO budgets: the recommendation's money in each fiscal year of the company (its first month is set in Settings), new cash against the time of people already paid, and what it brings by kind, with the budget the ask asks for.",
			s.fiscal, s.budget),
		sectionWithNote("Break-even", s.breakState, "How far each estimate the recommendation depends on can move before its NPV falls to zero, found by working the case out again, every other estimate at its likely value; and where it falls behind the next best alternative.",
			s.key, s.breakEven),
		section("Weighing the alternatives", "What the alternatives are weighed on besides money, and how much each criterion counts. Score each alternative from 1 (poor) to 5 (excellent) on the Alternatives step, or let the financial criteria score themselves from the NPV or the ROI.",
			s.criteria.Box(), s.weights, s.scores, s.ranking),
		sectionWithNote("What moves the NPV", s.tornadoState, "The recommendation's NPV with each uncertain input at its low and at its high value, every other input at its likely value: the inputs at the top are the ones to defend.",
			s.tornado, s.drivers),
		sectionWithNote("How sure the figures are", s.simState, "A Monte Carlo simulation draws every low–likely–high estimate at once, thousands of times: the range of NPVs to expect, and how likely each alternative is to pay.",
			s.simTable, container.NewBorder(nil, nil, nil, s.histState, s.histTitle), s.histogram, s.simNote),
		section("The recommendation", "",
			labelled("Recommended alternative", s.recommend.Box()), s.best,
			labelled("Why", reason.Box()), s.whyNotTopBox, s.whyNegativeBox),
		section("The ask", "",
			labelled("Decision needed", decision.Box()),
			ask.Row(labelled("People", people.Box()), labelled("Decision needed by", decideBy.Box())),
			labelled("What it asks for", upTo.Box())),
	)
	s.showReasons(u.doc.c)
	return s
}

// stateLabel says that a panel is behind the case. It keeps its place
// when empty, so that the page does not move when it speaks.
func stateLabel() *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Importance = widget.LowImportance
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// caption is a small muted label: captionLabel, by the name the screens
// have used for it.
func caption(text string) *widget.Label { return captionLabel(text) }

// setAlternatives offers the case's alternatives to recommend.
func (s *compareScreen) setAlternatives(c *casebuilder.Case) {
	values := []string{""}
	labels := []string{"The one with the highest NPV (chosen for you)"}
	for _, a := range c.Alternatives {
		values = append(values, a.ID)
		labels = append(labels, a.Name)
	}
	if !slices.Equal(values, s.recommend.Values()) || !slices.Equal(labels, s.recommend.Labels()) {
		s.recommend.SetOptions(values, labels)
	}
}

// upToGate is what the ask covers: the whole programme, or its first
// stage, up to a gate of the plan.
func (s *compareScreen) upToGate() *form.ChoiceField {
	ch := s.form.Choice("ask.upToGate", nil, nil, form.At(func(c *casebuilder.Case) *string { return &c.Ask.UpToGate }))
	s.setGates(s.u.doc.c, ch)
	s.form.Watch(func(c *casebuilder.Case) { s.setGates(c, ch) })
	return ch
}

// setGates offers the plan's gates to end the ask at.
func (s *compareScreen) setGates(c *casebuilder.Case, ch *form.ChoiceField) {
	if ch == nil {
		return
	}
	values, labels := []string{""}, []string{"The whole programme"}
	for i, g := range c.Plan.Gates {
		if g.ID != "" {
			values = append(values, g.ID)
			labels = append(labels, "Its first stage, up to “"+firstLine(g.Name, fmt.Sprintf("gate %d", i+1))+"”")
		}
	}
	if !slices.Equal(values, ch.Values()) || !slices.Equal(labels, ch.Labels()) {
		ch.SetOptions(values, labels)
	}
}

// reserveFields are how the contingency reserve is sized: the expected
// cost of the risks, a percentile of it, or none.
func (s *compareScreen) reserveFields() fyne.CanvasObject {
	f := s.form
	const expected = ""
	basis := f.Choice("reserve.basis",
		[]string{expected, string(casebuilder.ReservePercentile), string(casebuilder.ReserveNone)},
		[]string{"The expected cost of its risks (likelihood × cost of the contingency plan)",
			"A percentile of what its risks may cost, so that it suffices in most outcomes",
			"No reserve"},
		form.Value[string]{
			Read: func(c *casebuilder.Case) (string, bool) {
				if c.Reserve.Basis == casebuilder.ReserveExpected {
					return expected, true
				}
				return string(c.Reserve.Basis), true
			},
			Write: func(c *casebuilder.Case, v string) error {
				b := casebuilder.ReserveBasis(v)
				if c.Reserve.Basis == b || b == expected && c.Reserve.Basis == casebuilder.ReserveExpected {
					return form.ErrUnchanged
				}
				c.Reserve.Basis = b
				if b != casebuilder.ReservePercentile {
					c.Reserve.Percentile = 0
				}
				return nil
			},
		})
	percentile := f.Number("reserve.percentile", figure.Percent, form.Value[float64]{
		Read: func(c *casebuilder.Case) (float64, bool) {
			if p := c.Reserve.Percentile; p > 0 {
				return p, true
			}
			return casebuilder.DefaultReservePercentile, true
		},
		Write: func(c *casebuilder.Case, v float64) error {
			if v <= 0 || v >= 1 {
				return fmt.Errorf("type a share of the outcomes between 1 %% and 99 %%, e.g. 80 %% for the P80")
			}
			if c.Reserve.Percentile == v || c.Reserve.Percentile == 0 && v == casebuilder.DefaultReservePercentile {
				return form.ErrUnchanged
			}
			c.Reserve.Percentile = v
			return nil
		},
	})
	s.percentileBox = labelled("Outcomes it covers (80 % reserves the P80)", percentile.Box())
	f.Watch(func(c *casebuilder.Case) {
		form.SetVisible(s.percentileBox, c.Reserve.Basis == casebuilder.ReservePercentile)
	})
	return form.NewColumns(3, 1).Row(labelled("Contingency reserve in each alternative's costs", basis.Box()), s.percentileBox)
}

// criteriaTable is the table of criteria, how each is scored, and their
// weights.
func (s *compareScreen) criteriaTable() *form.Table {
	list := func(c *casebuilder.Case) *[]casebuilder.Criterion { return &c.Criteria }
	edits := form.List[casebuilder.Criterion]{Path: "criteria", Get: list,
		New: func(c *casebuilder.Case) casebuilder.Criterion {
			return casebuilder.Criterion{ID: uniqueID("criterion", criterionIDs(c))}
		},
		Removed: func(c *casebuilder.Case, removed casebuilder.Criterion) {
			for i := range c.Alternatives {
				delete(c.Alternatives[i].Scores, removed.ID)
			}
		},
		Copied: func(c *casebuilder.Case, copied *casebuilder.Criterion) {
			copied.ID = uniqueID("criterion", criterionIDs(c))
			copied.Name += " (copy)"
		},
	}.Edits(s.u.host(), casebuilder.StepCompare)
	cols := form.NewColumns(2.4, 1.5, 0.8)
	return s.form.Table(edits, "criterion", "No criteria yet: money is rarely the only thing that matters to a CEO.",
		form.HeaderRow(cols, "Criterion", "Scored", "Weight (%)"), func(i int, rf *form.Form) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("criteria[%d].%s", i, field) }
			criterion := form.ItemOf(list, i)
			name := rf.Text(at("name"), form.In(criterion, func(k *casebuilder.Criterion) *string { return &k.Name }), "e.g. Impact on people")
			auto := rf.Choice(at("auto"),
				[]string{string(casebuilder.ScoreByHand), string(casebuilder.ScoreFromNPV), string(casebuilder.ScoreFromROI)},
				[]string{"By hand", "From the NPV", "From the ROI"},
				form.AsText(form.In(criterion, func(k *casebuilder.Criterion) *casebuilder.AutoScore { return &k.Auto })))
			weight := rf.Number(at("weight"), figure.Percent, form.In(criterion, func(k *casebuilder.Criterion) *float64 { return &k.Weight }))
			return cols.Row(name.Box(), auto.Box(), weight.Box())
		})
}

func criterionIDs(c *casebuilder.Case) []string {
	return idsOf(c.Criteria, func(k casebuilder.Criterion) string { return k.ID })
}

func (s *compareScreen) content() fyne.CanvasObject { return s.scroll }

func (s *compareScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

func (s *compareScreen) refresh(force bool) {
	c := s.u.doc.c
	s.setAlternatives(c)
	s.form.Refresh(c, force)
	s.showWeightSum(c)
	s.showReasons(c)
	s.showFreshness()
}

// showWeightSum shows what the weights add up to as they are typed, with
// a warning until they make 100 %.
func (s *compareScreen) showWeightSum(c *casebuilder.Case) {
	var total float64
	for _, k := range c.Criteria {
		total += k.Weight
	}
	text, importance := "", widget.MediumImportance
	switch {
	case len(c.Criteria) == 0:
	case math.Abs(total-1) < 1e-9:
		text, importance = "✓ The weights add up to 100 %.", widget.LowImportance
	default:
		text, importance = fmt.Sprintf("⚠ The weights add up to %s; make them 100 %%.", s.u.format().Percent(total)), widget.WarningImportance
	}
	if s.weights.Text != text || s.weights.Importance != importance {
		s.weights.Text, s.weights.Importance = text, importance
		s.weights.Refresh()
	}
	form.SetVisible(s.weights, text != "")
}

// showReasons shows the fields of the reasons the case owes: why the
// recommendation is not the top-ranked alternative, and why it is worth
// doing with a negative NPV. Each shows while it is needed, or holds text.
func (s *compareScreen) showReasons(c *casebuilder.Case) {
	a := s.a
	notTop := a.scores != nil && a.scores.NotTopRanked()
	negative := false
	if a.res != nil {
		if r := a.res.RecommendedAlternative(); r != nil && !r.DoNothing && r.NPV < 0 {
			negative = true
		}
	}
	form.SetVisible(s.whyNotTopBox, notTop || strings.TrimSpace(c.Recommendation.WhyNotTopRanked) != "")
	form.SetVisible(s.whyNegativeBox, negative || strings.TrimSpace(c.Recommendation.WhyNegativeNPV) != "")
}

// showAnalysis shows the table of figures, the charts, the weighing and
// the recommendation's reason; the sensitivity and the simulation come
// from the whole analysis (showFull).
func (s *compareScreen) showAnalysis(a analysis) {
	if s.drawn && a.res == s.a.res {
		// Shown already (the step is shown again): only the whole
		// analysis may have changed meanwhile.
		s.showReasons(s.u.doc.c)
		if s.full.Analysis != s.u.full.Analysis {
			s.showFull(s.u.full)
		} else {
			s.showFreshness()
		}
		return
	}
	s.a, s.drawn = a, true
	f := s.u.formatOf(a.c)
	// The figures whole, as wide as the widest of each column; the names
	// take what is left.
	cols := form.NewTableColumns(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	head := []string{"Alternative", "Costs", "Benefits", "NPV", "Cash NPV", "IRR", "ROI", "BCR", "Paid back in", "Reserve"}
	rows := []fyne.CanvasObject{figuresRow(cols, head, true, false)}
	for i, r := range a.res.Alternatives {
		name := r.Name
		rec := i == a.res.Recommended
		if rec {
			name = "★ " + name
		}
		if r.DoNothing {
			rows = append(rows, figuresRow(cols, []string{name + " (the baseline)", "", "", "", "", "", "", "", "", ""}, false, rec))
			continue
		}
		if i < len(a.c.Alternatives) {
			if waits := a.c.WaitsFor(i); waits != "" {
				// No figure of a line not valued yet is a finding.
				rows = append(rows, figuresRow(cols, []string{name + " (" + waits + ")", "—", "—", "—", "—", "—", "—", "—", "—", "—"}, false, rec))
				continue
			}
		}
		rows = append(rows, figuresRow(cols, []string{name, f.MoneyShort(r.TotalCost), f.MoneyShort(r.TotalBenefit),
			f.MoneyShort(r.NPV), f.MoneyShort(r.CashNPV), f.Maybe(r.IRR, f.Percent), f.Maybe(r.ROI, f.Percent), f.Maybe(r.BCR, f.Ratio),
			casebuilder.PaidBackIn(a.c, r.CashFlows, true), f.MoneyShort(r.Reserve)}, false, rec))
	}
	s.table.Objects = rows
	s.table.Refresh()
	s.showCash(a)
	s.showFiscalYears(a)
	s.npvChart.Refresh()
	s.flowChart.Refresh()

	best := -1
	for i, r := range a.res.Alternatives {
		if best < 0 || r.NPV > a.res.Alternatives[best].NPV {
			best = i
		}
	}
	switch waits := figuresWait(a.c, a.res); {
	case best < 0:
		s.best.SetText("")
	case waits != "":
		s.best.SetText("The figures are no findings until every line has a value: " + waits + ".")
	case a.res.RecommendedByCase && a.res.Recommended != best:
		s.best.SetText(fmt.Sprintf("%s has a higher NPV (%s); say in the reason why you recommend another.",
			a.res.Alternatives[best].Name, f.MoneyShort(a.res.Alternatives[best].NPV)))
	case a.res.RecommendedByCase:
		s.best.SetText("It is also the alternative with the highest NPV.")
	default:
		s.best.SetText(fmt.Sprintf("Until you choose, the recommendation is the alternative with the highest NPV: %s.", a.res.Alternatives[best].Name))
	}
	s.showScores(a)
	s.showReasons(s.u.doc.c)
	if s.full.Analysis != s.u.full.Analysis {
		s.showFull(s.u.full)
	} else {
		s.showFreshness()
	}
}

// showCash says how much of the recommendation's NPV is cash, and who
// commits to the margin in the rest.
func (s *compareScreen) showCash(a analysis) {
	r := a.res.RecommendedAlternative()
	if r == nil || r.DoNothing {
		form.SetText(s.cash, "")
		return
	}
	f := s.u.formatOf(a.c)
	text := fmt.Sprintf("NPV of %s: %s, of which %s is cash (new cash spent against the costs the company stops paying)",
		r.Name, f.MoneyShort(r.NPV), f.MoneyShort(r.CashNPV))
	var rest []string
	for _, k := range []casebuilder.MoneyKind{casebuilder.Margin, casebuilder.Avoidance, casebuilder.Productivity} {
		if r.BenefitsByKind[k] <= 0 {
			continue
		}
		words := kindWords[k]
		if owners := marginOwners(a.c, a.res.Recommended, r); k == casebuilder.Margin && len(owners) > 0 {
			words += " that " + casebuilder.JoinNames(owners) + " commits to"
		}
		rest = append(rest, words)
	}
	if len(rest) > 0 {
		text += "; the rest is " + casebuilder.JoinNames(rest)
	}
	if r.CostsByKind[casebuilder.PeopleTime] > 0 {
		text += ", less the time of people already paid (" + f.MoneyShort(r.CostsByKind[casebuilder.PeopleTime]) + ")"
	}
	form.SetText(s.cash, text+".")
}

// marginOwners are who own the recommendation's benefits that are margin.
func marginOwners(c *casebuilder.Case, ai int, r *casebuilder.AltResult) []string {
	var owners []string
	for _, l := range r.Lines {
		if l.Kind != casebuilder.BenefitLine || l.ByKind.Margin <= 0 {
			continue
		}
		if b := form.Item(c.Alternatives[ai].Benefits, l.Index); b != nil && strings.TrimSpace(b.Owner) != "" && !slices.Contains(owners, b.Owner) {
			owners = append(owners, b.Owner)
		}
	}
	return owners
}

// showFiscalYears shows the recommendation's money by fiscal year, and
// the budget the ask asks for.
func (s *compareScreen) showFiscalYears(a analysis) {
	r := a.res.RecommendedAlternative()
	if r == nil || r.DoNothing {
		s.fiscal.Objects = []fyne.CanvasObject{caption(noProgramme(a.c, "money of its own to show by fiscal year"))}
		s.fiscal.Refresh()
		form.SetText(s.budget, "")
		return
	}
	f := s.u.formatOf(a.c)
	years := casebuilder.FiscalYears(a.c, a.res, a.res.Recommended)
	cols := form.NewTableColumns(1.2, 1, 1, 1, 1, 1, 1, 1)
	rows := []fyne.CanvasObject{figuresRow(cols, []string{"Fiscal year", "New cash", "People's time", "Cash saved", "Margin", "Cost avoided", "Time freed", "Budget asked"}, true, false)}
	var total casebuilder.FiscalYear
	for _, y := range years {
		rows = append(rows, figuresRow(cols, []string{y.Label, f.MoneyShort(y.NewCash), f.MoneyShort(y.PeopleTime), f.MoneyShort(y.CashSaved),
			f.MoneyShort(y.Margin), f.MoneyShort(y.Avoidance), f.MoneyShort(y.Productivity), f.MoneyShort(y.Budget)}, false, false))
		total.NewCash += y.NewCash
		total.PeopleTime += y.PeopleTime
		total.CashSaved += y.CashSaved
		total.Margin += y.Margin
		total.Avoidance += y.Avoidance
		total.Productivity += y.Productivity
		total.Budget += y.Budget
	}
	rows = append(rows, figuresRow(cols, []string{"Total", f.MoneyShort(total.NewCash), f.MoneyShort(total.PeopleTime), f.MoneyShort(total.CashSaved),
		f.MoneyShort(total.Margin), f.MoneyShort(total.Avoidance), f.MoneyShort(total.Productivity), f.MoneyShort(total.Budget)}, false, true))
	s.fiscal.Objects = rows
	s.fiscal.Refresh()
	text := fmt.Sprintf("The ask covers the whole programme: %s of new cash over the horizon.", f.Money(total.Budget))
	for gi, g := range a.c.Plan.Gates {
		if g.ID == "" || g.ID != a.c.Ask.UpToGate || gi >= len(a.res.Gates) {
			continue
		}
		if m := a.res.Gates[gi].Month; m >= 0 {
			text = fmt.Sprintf("The ask covers the first stage, up to “%s” in %s: %s of new cash, of the %s the whole programme spends.",
				firstLine(g.Name, "the gate"), form.MonthName(a.c, m), f.Money(total.Budget), f.Money(total.NewCash))
		} else {
			text = fmt.Sprintf("The ask covers the first stage, up to “%s”, which has no date yet: give it a milestone or a date on the Plan step.", firstLine(g.Name, "the gate"))
		}
	}
	form.SetText(s.budget, text)
}

// showBreakEven shows, for every estimate the recommendation depends on,
// the value at which its NPV is zero and the one at which it falls behind
// the next alternative, and says the first in a sentence.
func (s *compareScreen) showBreakEven(a *casebuilder.Analysis) {
	f := s.u.formatOf(a.Case)
	rec := a.Result.RecommendedAlternative()
	if rec == nil || rec.DoNothing || len(a.BreakEven) == 0 {
		text := noProgramme(a.Case, "estimates to test")
		if rec != nil && !rec.DoNothing {
			text = rec.Name + " has no estimate to test yet."
		}
		form.SetText(s.key, text)
		s.breakEven.Objects = nil
		s.breakEven.Refresh()
		return
	}
	cols := form.NewTableColumns(1, 0, 0, 0)
	rows := []fyne.CanvasObject{figuresRow(cols, []string{"Estimate", "We expect", "Holds as long as it is", "Falls behind at"}, true, false)}
	for i, b := range a.BreakEven {
		if i == maxBreakEvens {
			more := len(a.BreakEven) - maxBreakEvens
			rows = append(rows, caption(fmt.Sprintf("… and %d more %s.", more, map[bool]string{true: "estimate", false: "estimates"}[more == 1])))
			break
		}
		rows = append(rows, breakEvenRow(cols, f, b))
	}
	if next := a.BreakEven[0].Next; next != "" {
		l := caption("The next best alternative, which the last column measures against: " + next + ".")
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	s.breakEven.Objects = rows
	s.breakEven.Refresh()
	form.SetText(s.key, keyBreakEven(f, a.BreakEven))
}

// maxBreakEvens is how many break-evens the table shows.
const maxBreakEvens = 12

// breakEvenRow is one estimate's row of the break-even table.
func breakEvenRow(cols *form.Columns, f *figure.Format, b casebuilder.BreakEven) fyne.CanvasObject {
	holds := "any value it can take"
	if b.Value != nil {
		holds = holdsWords(b) + " " + f.Value(*b.Value, b.Unit)
	}
	behind := "—"
	if b.Behind != nil {
		behind = f.Value(*b.Behind, b.Unit)
	} else if b.Next != "" {
		behind = "none within its range"
	}
	row := figuresRow(cols, []string{b.Input, f.Value(b.Likely, b.Unit), holds, behind}, false, false)
	// The estimate's name wraps: it is the row's point.
	if l, ok := row.(*fyne.Container).Objects[0].(*widget.Label); ok {
		l.Truncation = fyne.TextTruncateOff
		l.Wrapping = fyne.TextWrapWord
	}
	return row
}

// holdsWords says which way an estimate may go for the case to hold.
func holdsWords(b casebuilder.BreakEven) string {
	if b.Rising {
		return "at or above"
	}
	return "at or below"
}

// keyBreakEven says, of the first estimate that has a break-even (the one
// that moves the NPV most), how far it may go: "The case holds as long as
// months to full productivity is 5.7 months or less; we expect 5 months."
func keyBreakEven(f *figure.Format, bs []casebuilder.BreakEven) string {
	for _, b := range bs {
		if b.Value == nil {
			continue
		}
		way := "or lower"
		if b.Rising {
			way = "or higher"
		}
		return fmt.Sprintf("The case holds as long as %s stays at %s %s; we expect %s.",
			lowerFirst(b.Input), f.Value(*b.Value, b.Unit), way, f.Value(b.Likely, b.Unit))
	}
	return "No estimate can take a value within its range at which the recommendation stops paying."
}

// lowerFirst is a name in a sentence: its first letter in lower case,
// unless the second is a capital too (an acronym).
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// showScores shows Weigh's scores of every alternative on every
// criterion, its weighted total and its rank. A score given by hand is a
// link to where it is given, on the Alternatives step.
func (s *compareScreen) showScores(a analysis) {
	s.totals, s.ranks = nil, nil
	sc := a.scores
	c := a.c
	if sc == nil || len(c.Criteria) == 0 || len(sc.Alternatives) == 0 {
		s.scores.Objects = nil
		s.scores.Refresh()
		form.SetVisible(s.ranking, false)
		return
	}
	f := s.u.formatOf(c)
	weights := []float32{2.4}
	for range c.Criteria {
		weights = append(weights, 1)
	}
	weights = append(weights, 0.9, 0.6)
	cols := form.NewColumns(weights...)
	head := []fyne.CanvasObject{headerCell("Alternative", "", fyne.TextAlignLeading)}
	for _, k := range c.Criteria {
		note := f.Percent(k.Weight)
		switch k.Auto {
		case casebuilder.ScoreFromNPV:
			note += " · from NPV"
		case casebuilder.ScoreFromROI:
			note += " · from ROI"
		}
		head = append(head, headerCell(k.Name, note, fyne.TextAlignCenter))
	}
	head = append(head, headerCell("Weighted total", "of 5", fyne.TextAlignCenter), headerCell("Rank", "", fyne.TextAlignCenter))
	rows := []fyne.CanvasObject{cols.Row(head...)}
	for ai, as := range sc.Alternatives {
		rec := ai == sc.Recommended
		name := as.Name
		if rec {
			name = "★ " + name
		}
		nameLabel := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: rec})
		nameLabel.Truncation = fyne.TextTruncateEllipsis
		cells := []fyne.CanvasObject{nameLabel}
		for _, cs := range as.Criteria {
			cells = append(cells, s.scoreCell(ai, cs))
		}
		total := widget.NewLabelWithStyle(f.Number(as.WeightedTotal, 2), fyne.TextAlignCenter, fyne.TextStyle{Bold: as.Rank == 1})
		rank := widget.NewLabelWithStyle(itoa(as.Rank), fyne.TextAlignCenter, fyne.TextStyle{Bold: as.Rank == 1})
		s.totals, s.ranks = append(s.totals, total), append(s.ranks, rank)
		rows = append(rows, cols.Row(append(cells, total, rank)...))
	}
	s.scores.Objects = rows
	s.scores.Refresh()

	var top []string
	for _, i := range sc.TopRanked {
		top = append(top, sc.Alternatives[i].Name)
	}
	text := ""
	importance := widget.MediumImportance
	if len(top) > 0 {
		text = fmt.Sprintf("Ranked first on the criteria: %s (%s).", strings.Join(top, " and "), f.Number(sc.Alternatives[sc.TopRanked[0]].WeightedTotal, 2))
	}
	if sc.NotTopRanked() {
		text += fmt.Sprintf(" The recommendation, %s, ranks %s: say in the recommendation below why you choose it all the same.",
			sc.Alternatives[sc.Recommended].Name, casebuilder.Ordinal(sc.RecommendedRank))
		importance = widget.WarningImportance
	}
	s.ranking.Text, s.ranking.Importance = text, importance
	s.ranking.Refresh()
	form.SetVisible(s.ranking, text != "")
}

// scoreCell is one alternative's score on one criterion: a link to the
// field where it is given, or the score worked out from the figures.
func (s *compareScreen) scoreCell(ai int, cs casebuilder.CriterionScore) fyne.CanvasObject {
	text := "—"
	if cs.Score > 0 {
		text = itoa(cs.Score)
	}
	if cs.Auto {
		return widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
	}
	where := casebuilder.Where{Step: casebuilder.StepAlternatives, Path: fmt.Sprintf("alternatives[%d].scores.%s.score", ai, cs.Criterion)}
	link := widget.NewHyperlink(text, nil)
	link.Alignment = fyne.TextAlignCenter
	link.OnTapped = func() { s.u.reveal(where) }
	return link
}

// headerCell is a column title of up to two lines, with a muted note
// under it.
func headerCell(title, note string, align fyne.TextAlign) *chart.Chart {
	lineH := fyne.MeasureText("Mg", theme.CaptionTextSize(), fyne.TextStyle{Bold: true}).Height
	rows := float32(2)
	if note != "" {
		rows = 3
	}
	return chart.New(fyne.NewSize(40, rows*lineH+4), func(size fyne.Size) []fyne.CanvasObject {
		x := theme.InnerPadding() // as a label's text
		switch align {
		case fyne.TextAlignCenter:
			x = size.Width / 2
		case fyne.TextAlignTrailing:
			x = size.Width
		}
		lines := chart.WrapText(title, size.Width, 2)
		y := size.Height - rows*lineH
		if len(lines) == 1 {
			y += lineH
		}
		var objs []fyne.CanvasObject
		for _, l := range lines {
			t := chart.Text(l, x, y, align, false)
			t.TextStyle.Bold = true
			objs = append(objs, t)
			y += lineH
		}
		if note != "" {
			objs = append(objs, chart.Text(chart.Truncate(note, size.Width), x, y, align, true))
		}
		return objs
	})
}

// showFreshness says whether the sensitivity and the simulation shown are
// those of the case as it is now.
func (s *compareScreen) showFreshness() {
	text := ""
	switch {
	case s.u.fullIsCurrent():
	case s.full.Analysis == nil:
		text = "Working it out…"
	default:
		text = "Updating…"
	}
	for _, l := range []*widget.Label{s.tornadoState, s.simState, s.histState, s.breakState} {
		form.SetText(l, text)
	}
}

// showFull shows the sensitivity and the simulation of a whole analysis.
func (s *compareScreen) showFull(fa fullAnalysis) {
	s.full = fa
	s.showFreshness()
	a := fa.Analysis
	if a == nil {
		s.tornado.Refresh()
		s.histogram.Refresh()
		return
	}
	f := s.u.formatOf(a.Case)

	s.showBreakEven(a)

	// The tornado: its height follows the number of inputs shown.
	swings := s.swings()
	s.tornado.Min.Height = chart.TornadoHeight(len(swings))
	s.tornado.Refresh()
	rec := a.Result.RecommendedAlternative()
	switch {
	case a.Tornado == nil || a.Tornado.Alternative < 0 || rec == nil || rec.DoNothing:
		s.drivers.SetText(noProgramme(a.Case, "estimates to test"))
	case len(swings) == 0:
		s.drivers.SetText(fmt.Sprintf("No estimate of %s has a low and a high value yet: give ranges to the uncertain ones and this chart shows which matter most.", a.Tornado.Name))
	default:
		text := fmt.Sprintf("What moves the NPV of %s most: %s.", a.Tornado.Name, casebuilder.JoinNames(a.Tornado.Top))
		if n := len(a.Tornado.Drivers); n > len(swings) {
			text += fmt.Sprintf(" The chart shows %d of its %d uncertain inputs.", len(swings), n)
		}
		s.drivers.SetText(text)
	}

	// The simulation: a table of every alternative but the baseline, and
	// the histogram of the recommendation's NPV.
	sim := a.Simulation
	cols := form.NewTableColumns(1, 0, 0, 0, 0, 0)
	rows := []fyne.CanvasObject{figuresRow(cols, []string{"Alternative", "NPV P10", "NPV P50", "NPV P90", "ROI P50", "Chance NPV > 0"}, true, false)}
	for i, as := range sim.Alternatives {
		if as.DoNothing {
			continue
		}
		rec := i == a.Result.Recommended
		name := as.Name
		if rec {
			name = "★ " + name
		}
		rows = append(rows, figuresRow(cols, []string{name, f.MoneyShort(as.NPVP10), f.MoneyShort(as.NPVP50), f.MoneyShort(as.NPVP90),
			f.Maybe(as.ROIP50, f.Percent), f.Percent(as.ProbNPVPositive)}, false, rec))
	}
	if len(rows) == 1 {
		rows = append(rows, caption("No alternative to simulate yet."))
	}
	s.simTable.Objects = rows
	s.simTable.Refresh()
	risks := false
	if i := a.Result.Recommended; i >= 0 && i < len(sim.Alternatives) && !sim.Alternatives[i].DoNothing {
		as := sim.Alternatives[i]
		risks = as.IncludesRisks
		with := ""
		if risks {
			with = ", its risks included"
		}
		s.histTitle.SetText(fmt.Sprintf("NPV of %s in %s trials%s: %s chance that it is positive", as.Name, f.Number(float64(sim.Trials), 0), with, f.Percent(as.ProbNPVPositive)))
		s.histogram.Show()
	} else {
		s.histTitle.SetText("")
		s.histogram.Hide()
	}
	s.histogram.Refresh()
	note := fmt.Sprintf("%s trials with seed %d (change them in Settings), each drawing %s from a %s distribution between its low and high values.",
		f.Number(float64(sim.Trials), 0), sim.Seed, plural(sim.Uncertain, "uncertain estimate"), strings.ToUpper(string(sim.Distribution)))
	if risks {
		note += " Each trial also draws whether each risk happens: one that does costs its contingency plan and what it still costs after it, in place of the reserve, so the percentiles and the chance of a positive NPV include the risks."
	}
	note += " P10 is the NPV that 10 % of the trials fall below, P90 the one that 90 % do."
	s.simNote.SetText(note)
}

// swings are the tornado's bars: the inputs that move the recommendation's
// NPV, largest first, at most maxDrivers.
func (s *compareScreen) swings() []chart.Swing {
	a := s.full.Analysis
	if a == nil || a.Tornado == nil {
		return nil
	}
	f := s.u.formatOf(a.Case)
	var out []chart.Swing
	for _, d := range a.Tornado.Drivers {
		if d.Swing == 0 || len(out) == maxDrivers {
			break
		}
		out = append(out, chart.Swing{Label: d.Input, Detail: fmt.Sprintf("%s: %s to %s", d.Kind, f.Value(d.Low, d.Unit), f.Value(d.High, d.Unit)),
			Low: d.NPVLow, High: d.NPVHigh})
	}
	return out
}

// tornadoBase is the likely NPV the tornado's bars swing around.
func (s *compareScreen) tornadoBase() float64 {
	if s.full.Analysis == nil || s.full.Tornado == nil {
		return 0
	}
	return s.full.Tornado.BaseNPV
}

// histogramData is the histogram of the recommendation's simulated NPV,
// with its P10, P50 and P90.
func (s *compareScreen) histogramData() chart.Distribution {
	a := s.full.Analysis
	if a == nil || a.Simulation == nil || a.Result.Recommended < 0 || a.Result.Recommended >= len(a.Simulation.Alternatives) {
		return chart.Distribution{}
	}
	as := a.Simulation.Alternatives[a.Result.Recommended]
	h := chart.Distribution{Color: chart.SeriesColor(a.Result.Recommended)}
	for _, b := range as.Histogram {
		h.Bins = append(h.Bins, chart.Bin{From: b.From, To: b.To, Count: b.Count})
	}
	h.Marks = []chart.Mark{{Label: "P10", Value: as.NPVP10}, {Label: "P50", Value: as.NPVP50}, {Label: "P90", Value: as.NPVP90}}
	return h
}

// figuresRow is one row of the table of figures.
func figuresRow(cols *form.Columns, cells []string, header, bold bool) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(cells))
	for i, c := range cells {
		align := fyne.TextAlignTrailing
		if i == 0 {
			align = fyne.TextAlignLeading
		}
		l := widget.NewLabelWithStyle(c, align, fyne.TextStyle{Bold: header || bold})
		// A name may be cut short; a figure, or the title of its column,
		// never.
		if i == 0 {
			l.Truncation = fyne.TextTruncateEllipsis
		}
		if header {
			l.SizeName = theme.SizeNameCaptionText
			l.Importance = widget.LowImportance
		}
		objs[i] = l
	}
	return cols.Row(objs...)
}

// npvBars are the NPV chart's bars: every alternative but the baseline.
func (s *compareScreen) npvBars() []chart.Bar {
	var bs []chart.Bar
	for i, r := range s.a.res.Alternatives {
		if r.DoNothing {
			continue
		}
		bs = append(bs, chart.Bar{Label: r.Name, Value: r.NPV, Color: chart.SeriesColor(i), Bold: i == s.a.res.Recommended})
	}
	return bs
}

// cumulative are the cumulative net flows (every kind of money) of every
// alternative but the baseline.
func (s *compareScreen) cumulative() []chart.Series {
	var ss []chart.Series
	for i, r := range s.a.res.Alternatives {
		if r.DoNothing {
			continue
		}
		values := make([]float64, len(r.CashFlows))
		sum := 0.0
		for m, v := range r.CashFlows {
			sum += v
			values[m] = sum
		}
		ss = append(ss, chart.Series{Name: r.Name, Values: values, Color: chart.SeriesColor(i), Bold: i == s.a.res.Recommended})
	}
	return ss
}

func (s *compareScreen) focus(path string) bool {
	// A reason asked for by the review shows even before the figures say
	// it is needed.
	switch path {
	case "recommendation.whyNotTopRanked":
		form.SetVisible(s.whyNotTopBox, true)
	case "recommendation.whyNegativeNpv":
		form.SetVisible(s.whyNegativeBox, true)
	case "reserve.percentile":
		form.SetVisible(s.percentileBox, true)
	case "reserve":
		path = "reserve.basis"
	}
	return s.form.Focus(path)
}
