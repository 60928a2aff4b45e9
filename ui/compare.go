package ui

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

const compareGuidance = "Put the alternatives side by side, in money and on the criteria that matter, and say which one you recommend and why. A CEO looks for the trade-off you made, not only the biggest number: why this one over the next best, and exactly what you ask for, by when."

// compareScreen is the fourth step: every alternative's figures side by
// side, the charts, the recommendation and the ask, and the criteria.
//
// The analysis issue adds the weighted scoring, the sensitivity (a tornado
// chart) and the simulation (a histogram of NPV); they belong under the
// charts here, in a row of their own, fed by showAnalysis.
type compareScreen struct {
	u         *UI
	form      *form
	table     *fyne.Container
	npvChart  *chart
	flowChart *chart
	best      *widget.Label
	recommend *choiceField
	criteria  *rowTable
	scores    *fyne.Container
	weights   *widget.Label
	scroll    *container.Scroll
	a         analysis
}

func newCompareScreen(u *UI) screen {
	s := &compareScreen{u: u, form: newForm(u, casebuilder.StepCompare), table: container.NewVBox(), scores: container.NewVBox(), a: u.analysis}
	f := s.form
	s.npvChart = barChart(s.npvBars, func(v float64) string { return s.u.formatOf(s.a.c).MoneyShort(v) })
	s.flowChart = lineChart(s.cumulative, func(v float64) string { return s.u.formatOf(s.a.c).MoneyShort(v) })

	s.recommend = f.choice(fixed("recommendation.alternative"), nil, nil,
		func(c *casebuilder.Case) (string, bool) { return c.Recommendation.Alternative, true },
		func(c *casebuilder.Case, v string) error {
			if c.Recommendation.Alternative == v {
				return errUnchanged
			}
			c.Recommendation.Alternative = v
			return nil
		})
	s.setAlternatives(u.doc.c)
	s.best = widget.NewLabel("")
	s.best.Wrapping = fyne.TextWrapWord
	s.best.Importance = widget.LowImportance
	reason := f.textArea(fixed("recommendation.reason"), func(c *casebuilder.Case) *string { return &c.Recommendation.Reason },
		"Why this one: what it does that the others do not, and the trade-off you accept.", 3)
	decision := f.text(fixed("ask.decision"), func(c *casebuilder.Case) *string { return &c.Ask.Decision },
		"e.g. Approve the programme and its three-year budget, to start in January")
	people := f.text(fixed("ask.people"), func(c *casebuilder.Case) *string { return &c.Ask.People },
		"Names, roles and time you ask for")
	decideBy := f.date(fixed("ask.decideBy"), func(c *casebuilder.Case) *casebuilder.Date { return &c.Ask.DecideBy })
	reserve := &reserveField{f: f}
	reserve.check = widget.NewCheck("Include a contingency reserve in each alternative's costs: the expected cost of its risks (likelihood × cost of the contingency plan)", reserve.onChanged)
	reserve.refresh(u.doc.c, true)
	f.add(reserve)

	s.criteria = s.criteriaTable()
	s.weights = widget.NewLabel("")

	charts := container.NewGridWithColumns(2,
		labelled("Net present value by alternative, against doing nothing", s.npvChart),
		labelled("Cumulative net cash flow", s.flowChart))
	ask := newColumns(2, 1)
	s.scroll = page(
		section("The figures", "Every figure is measured against doing nothing, over the case's horizon, at its discount rate.", s.table, charts),
		section("The recommendation", "",
			labelled("Recommended alternative", s.recommend.box), s.best,
			labelled("Why", reason.box), reserve.check),
		section("The ask", "",
			labelled("Decision needed", decision.box),
			ask.row(labelled("People", people.box), labelled("Decision needed by", decideBy.box))),
		section("Criteria", "What the alternatives are weighed on besides money, and how much each counts. Score each alternative on them in the Alternatives step.",
			s.criteria.box, s.weights, s.scores),
	)
	return s
}

// setAlternatives offers the case's alternatives to recommend.
func (s *compareScreen) setAlternatives(c *casebuilder.Case) {
	values := []string{""}
	labels := []string{"The one with the highest NPV (chosen for you)"}
	for _, a := range c.Alternatives {
		values = append(values, a.ID)
		labels = append(labels, a.Name)
	}
	if !slices.Equal(values, s.recommend.values) || !slices.Equal(labels, s.recommend.labels) {
		s.recommend.setOptions(values, labels)
	}
}

// reserveField is the tick that books the contingency reserve.
type reserveField struct {
	f       *form
	check   *widget.Check
	setting bool
}

func (r *reserveField) onChanged(on bool) {
	if r.setting {
		return
	}
	_ = r.f.u.edit(casebuilder.Where{Step: casebuilder.StepCompare, Path: "reserve.basis"}, "", func(c *casebuilder.Case) error {
		basis := casebuilder.ReserveNone
		if on {
			basis = ""
		}
		if c.Reserve.Basis == basis || on && c.Reserve.Basis == casebuilder.ReserveExpected {
			return errUnchanged
		}
		c.Reserve.Basis = basis
		return nil
	})
}

func (r *reserveField) refresh(c *casebuilder.Case, _ bool) {
	r.setting = true
	r.check.SetChecked(c.Reserve.Basis != casebuilder.ReserveNone)
	r.setting = false
}

func (r *reserveField) path() string                { return "reserve.basis" }
func (r *reserveField) focusTarget() fyne.Focusable { return r.check }

// criteriaTable is the table of criteria and their weights.
func (s *compareScreen) criteriaTable() *rowTable {
	edits := sliceEdits(s.u, casebuilder.StepCompare, fixed("criteria"),
		func(c *casebuilder.Case) *[]casebuilder.Criterion { return &c.Criteria },
		func(c *casebuilder.Case) casebuilder.Criterion {
			return casebuilder.Criterion{ID: uniqueID("criterion", criterionIDs(c))}
		},
		func(c *casebuilder.Case, removed casebuilder.Criterion) {
			for i := range c.Alternatives {
				delete(c.Alternatives[i].Scores, removed.ID)
			}
		},
		func(c *casebuilder.Case, copied *casebuilder.Criterion) {
			copied.ID = uniqueID("criterion", criterionIDs(c))
			copied.Name += " (copy)"
		})
	cols := newColumns(3, 1)
	return newRowTable(s.u, edits, "criterion", "No criteria yet: money is rarely the only thing that matters to a CEO.",
		headerRow(cols, "Criterion", "Weight (%)"), func(i int, rf *form) fyne.CanvasObject {
			at := func(field string) func() string {
				return func() string { return fmt.Sprintf("criteria[%d].%s", i, field) }
			}
			name := rf.text(at("name"), func(c *casebuilder.Case) *string {
				if k := item(c.Criteria, i); k != nil {
					return &k.Name
				}
				return nil
			}, "e.g. Impact on people")
			weight := rf.number(at("weight"), casebuilder.Percent, func(c *casebuilder.Case) *float64 {
				if k := item(c.Criteria, i); k != nil {
					return &k.Weight
				}
				return nil
			})
			return cols.row(name.box, weight.box)
		})
}

func criterionIDs(c *casebuilder.Case) []string {
	ids := make([]string, len(c.Criteria))
	for i, k := range c.Criteria {
		ids[i] = k.ID
	}
	return ids
}

func (s *compareScreen) content() fyne.CanvasObject { return s.scroll }

func (s *compareScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

func (s *compareScreen) refresh(force bool) {
	c := s.u.doc.c
	s.setAlternatives(c)
	s.form.refresh(c, force)
	s.criteria.refresh(c, force)
	s.showScores(c)
}

// showScores shows the weights' total and the scores as the alternatives
// have them.
func (s *compareScreen) showScores(c *casebuilder.Case) {
	var total float64
	for _, k := range c.Criteria {
		total += k.Weight
	}
	switch {
	case len(c.Criteria) == 0:
		s.weights.SetText("")
	case math.Abs(total-1) < 1e-9:
		s.weights.SetText("The weights add up to 100 %.")
		s.weights.Importance = widget.SuccessImportance
	default:
		s.weights.SetText(fmt.Sprintf("The weights add up to %s; make them 100 %%.", s.u.format().Percent(total)))
		s.weights.Importance = widget.WarningImportance
	}
	s.weights.Refresh()
	if len(c.Criteria) == 0 || len(c.Alternatives) == 0 {
		s.scores.Objects = nil
		s.scores.Refresh()
		return
	}
	weights := []float32{2}
	for range c.Alternatives {
		weights = append(weights, 1)
	}
	cols := newColumns(weights...)
	head := []string{"Scores (1 to 5)"}
	for _, a := range c.Alternatives {
		head = append(head, a.Name)
	}
	rows := []fyne.CanvasObject{headerRowPlain(cols, head...)}
	for _, k := range c.Criteria {
		cells := []fyne.CanvasObject{widget.NewLabel(k.Name)}
		for _, a := range c.Alternatives {
			v := "—"
			if sc, ok := a.Scores[k.ID]; ok && sc.Score > 0 {
				v = itoa(sc.Score)
			}
			cells = append(cells, widget.NewLabelWithStyle(v, fyne.TextAlignCenter, fyne.TextStyle{}))
		}
		rows = append(rows, cols.row(cells...))
	}
	s.scores.Objects = rows
	s.scores.Refresh()
}

// headerRowPlain titles columns, with no room for row buttons.
func headerRowPlain(cols *columns, titles ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(titles))
	for i, t := range titles {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if i > 0 {
			l.Alignment = fyne.TextAlignCenter
		}
		l.SizeName = theme.SizeNameCaptionText
		l.Truncation = fyne.TextTruncateEllipsis
		objs[i] = l
	}
	return cols.row(objs...)
}

// showAnalysis shows the table of figures, the charts and the
// recommendation's reason.
func (s *compareScreen) showAnalysis(a analysis) {
	s.a = a
	f := s.u.formatOf(a.c)
	cols := newColumns(2.6, 1, 1, 1, 0.9, 0.9, 0.6, 1.2, 0.9)
	head := []string{"Alternative", "Costs", "Benefits", "NPV", "IRR", "ROI", "BCR", "Payback", "Reserve"}
	rows := []fyne.CanvasObject{figuresRow(cols, head, true, false)}
	for i, r := range a.res.Alternatives {
		name := r.Name
		rec := i == a.res.Recommended
		if rec {
			name = "★ " + name
		}
		if r.DoNothing {
			rows = append(rows, figuresRow(cols, []string{name + " (the baseline)", "", "", "", "", "", "", "", ""}, false, rec))
			continue
		}
		rows = append(rows, figuresRow(cols, []string{name, f.MoneyShort(r.TotalCost), f.MoneyShort(r.TotalBenefit),
			f.MoneyShort(r.NPV), f.Maybe(r.IRR, f.Percent), f.Maybe(r.ROI, f.Percent), f.Maybe(r.BCR, f.Ratio),
			f.Maybe(r.PaybackMonths, f.Months), f.MoneyShort(r.Reserve)}, false, rec))
	}
	s.table.Objects = rows
	s.table.Refresh()
	s.npvChart.Refresh()
	s.flowChart.Refresh()

	best := -1
	for i, r := range a.res.Alternatives {
		if best < 0 || r.NPV > a.res.Alternatives[best].NPV {
			best = i
		}
	}
	switch {
	case best < 0:
		s.best.SetText("")
	case a.res.RecommendedByCase && a.res.Recommended != best:
		s.best.SetText(fmt.Sprintf("%s has a higher NPV (%s); say in the reason why you recommend another.",
			a.res.Alternatives[best].Name, f.MoneyShort(a.res.Alternatives[best].NPV)))
	case a.res.RecommendedByCase:
		s.best.SetText("It is also the alternative with the highest NPV.")
	default:
		s.best.SetText(fmt.Sprintf("Until you choose, the recommendation is the alternative with the highest NPV: %s.", a.res.Alternatives[best].Name))
	}
}

// figuresRow is one row of the table of figures.
func figuresRow(cols *columns, cells []string, header, bold bool) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(cells))
	for i, c := range cells {
		align := fyne.TextAlignTrailing
		if i == 0 {
			align = fyne.TextAlignLeading
		}
		l := widget.NewLabelWithStyle(c, align, fyne.TextStyle{Bold: header || bold})
		l.Truncation = fyne.TextTruncateEllipsis
		if header {
			l.SizeName = theme.SizeNameCaptionText
			l.Importance = widget.LowImportance
		}
		objs[i] = l
	}
	return cols.row(objs...)
}

// npvBars are the NPV chart's bars: every alternative but the baseline.
func (s *compareScreen) npvBars() []bar {
	var bs []bar
	for i, r := range s.a.res.Alternatives {
		if r.DoNothing {
			continue
		}
		bs = append(bs, bar{label: r.Name, value: r.NPV, color: seriesColor(i), bold: i == s.a.res.Recommended})
	}
	return bs
}

// cumulative are the cumulative net cash flows of every alternative but
// the baseline.
func (s *compareScreen) cumulative() []series {
	var ss []series
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
		ss = append(ss, series{name: r.Name, values: values, color: seriesColor(i), bold: i == s.a.res.Recommended})
	}
	return ss
}

func (s *compareScreen) focus(path string) bool {
	if s.form.focus(path) || s.criteria.focus(path) {
		return true
	}
	return false
}
