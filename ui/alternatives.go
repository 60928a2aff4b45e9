package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

const alternativesGuidance = "Show that you weighed more than one way out, and that you know what doing nothing costs: every other alternative is measured against it. Cost each one fully (one-time, recurring, per head, and when it is spent), estimate its benefits low, likely and high with when they start and how fast they build, and judge its impact on the company, its people and its mission."

// alternativesScreen is the third step: the alternatives, each with its
// cost and benefit lines, its impact and its scores.
type alternativesScreen struct {
	u        *UI
	list     *master
	baseline *widget.Button
	detail   *container.Scroll
	// The form and tables of the alternative shown.
	shown    int
	form     *form
	costs    *rowTable
	benefits *rowTable
	// lineValues show each line's value from the latest figures, by
	// "cost/N" and "benefit/N".
	lineValues map[string]*widget.Label
	summary    *widget.Label
	// builtFor is the pain category the form was built for: its benefit
	// lines offer that calculator's inputs; builtCriteria the criteria it
	// scores the alternative on (see criteriaKey).
	builtFor      casebuilder.PainCategory
	builtCriteria string
	// autoScores show the scores worked out from the figures, by
	// criterion ID.
	autoScores map[string]*widget.Label
	box        fyne.CanvasObject
}

func newAlternativesScreen(u *UI) screen {
	s := &alternativesScreen{u: u, shown: -1}
	edits := sliceEdits(u, casebuilder.StepAlternatives, fixed("alternatives"),
		func(c *casebuilder.Case) *[]casebuilder.Alternative { return &c.Alternatives },
		func(c *casebuilder.Case) casebuilder.Alternative {
			return casebuilder.Alternative{ID: uniqueID("alternative", alternativeIDs(c)), Name: "New alternative"}
		},
		forgetAlternative,
		func(c *casebuilder.Case, copied *casebuilder.Alternative) {
			copied.ID = uniqueID(slug(copied.Name), alternativeIDs(c))
			copied.Name += " (copy)"
			copied.DoNothing = false
		})
	// Doing nothing is always there: it cannot be removed or copied.
	remove := edits.remove
	edits.remove = func(c *casebuilder.Case, i int) {
		if !c.Alternatives[i].DoNothing {
			remove(c, i)
		}
	}
	s.list = newMaster(u, edits, "alternative", func(c *casebuilder.Case, i int) (string, string) {
		a := &c.Alternatives[i]
		if a.DoNothing {
			return a.Name, "The baseline"
		}
		if i < len(s.u.analysis.res.Alternatives) && s.u.analysis.c == c {
			f := u.formatOf(c)
			return a.Name, "NPV " + f.MoneyShort(s.u.analysis.res.Alternatives[i].NPV)
		}
		return a.Name, fmt.Sprintf("%d cost and %d benefit lines", len(a.Costs), len(a.Benefits))
	}, s.onSelect)
	s.baseline = widget.NewButtonWithIcon("Add the do-nothing baseline", theme.ContentAddIcon(), s.onAddBaseline)
	s.detail = container.NewVScroll(container.NewStack())
	left := container.NewBorder(s.baseline, nil, nil, nil, s.list.box)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.22
	s.box = split
	s.refresh(true)
	return s
}

// forgetAlternative removes what referred to a removed alternative: the
// risks that concern it and the recommendation.
func forgetAlternative(c *casebuilder.Case, removed casebuilder.Alternative) {
	for i := range c.Risks {
		c.Risks[i].Alternatives = slices.DeleteFunc(c.Risks[i].Alternatives, func(id string) bool { return id == removed.ID })
	}
	if c.Recommendation.Alternative == removed.ID {
		c.Recommendation.Alternative = ""
	}
}

func alternativeIDs(c *casebuilder.Case) []string {
	ids := make([]string, len(c.Alternatives))
	for i, a := range c.Alternatives {
		ids[i] = a.ID
	}
	return ids
}

// onAddBaseline adds the do-nothing alternative, first.
func (s *alternativesScreen) onAddBaseline() {
	err := s.u.edit(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives"}, "", func(c *casebuilder.Case) error {
		if c.Baseline() >= 0 {
			return errUnchanged
		}
		c.Alternatives = slices.Insert(c.Alternatives, 0, casebuilder.Alternative{
			ID: uniqueID("nothing", alternativeIDs(c)), Name: "Do nothing", DoNothing: true,
			Description: "Carry on as today: the pain goes on costing what the calculator shows."})
		return nil
	})
	if err == nil {
		s.list.selectItem(0)
		s.refresh(true)
	}
}

// onSelect shows the form of alternative i.
func (s *alternativesScreen) onSelect(i int) {
	s.shown = i
	s.builtFor = s.u.doc.c.Pain.Category
	s.builtCriteria = criteriaKey(s.u.doc.c)
	s.autoScores = map[string]*widget.Label{}
	s.form = newForm(s.u, casebuilder.StepAlternatives)
	s.lineValues = map[string]*widget.Label{}
	s.costs, s.benefits = nil, nil
	c := s.u.doc.c
	a := item(c.Alternatives, i)
	if a == nil {
		s.detail.Content = container.NewStack()
		s.detail.Refresh()
		return
	}
	f := s.form
	at := func(field string) func() string {
		return func() string { return fmt.Sprintf("alternatives[%d].%s", i, field) }
	}
	alt := func(c *casebuilder.Case) *casebuilder.Alternative { return item(c.Alternatives, i) }
	name := f.text(at("name"), func(c *casebuilder.Case) *string {
		if a := alt(c); a != nil {
			return &a.Name
		}
		return nil
	}, "A short name the CEO will remember")
	desc := f.textArea(at("description"), func(c *casebuilder.Case) *string {
		if a := alt(c); a != nil {
			return &a.Description
		}
		return nil
	}, "What it is, in two or three sentences.", 2)
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	sections := []fyne.CanvasObject{
		section("The alternative", "", labelled("Name", name.box), labelled("Description", desc.box), s.summary),
	}
	if a.DoNothing {
		note := widget.NewLabel("Doing nothing is the baseline: it has no cost or benefit lines of its own, because every other alternative is measured against it. What it costs is the cost of the pain.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		sections = append(sections, note)
	} else {
		s.costs = s.costTable(i)
		s.benefits = s.benefitTable(i)
		sections = append(sections,
			section("Costs", "Everything it costs over the horizon, compared with doing nothing. Low is the cheapest case, high the dearest.", s.costs.box),
			section("Benefits", "What it saves or earns a year at full effect, compared with doing nothing. Tie a benefit to the pain calculator where you can: it is then worth the cost of pain it avoids.", s.benefits.box))
	}
	sections = append(sections, s.impactSection(i), s.scoresSection(i))
	s.detail.Content = container.NewPadded(container.New(readable{}, container.NewVBox(sections...)))
	s.detail.Offset = fyne.Position{}
	s.detail.Refresh()
	s.showAnalysis(s.u.analysis)
}

// costTable is the table of an alternative's cost lines.
func (s *alternativesScreen) costTable(ai int) *rowTable {
	path := fmt.Sprintf("alternatives[%d].costs", ai)
	get := func(c *casebuilder.Case) *[]casebuilder.Cost {
		if a := item(c.Alternatives, ai); a != nil {
			return &a.Costs
		}
		return nil
	}
	edits := sliceEdits(s.u, casebuilder.StepAlternatives, fixed(path), get,
		func(*casebuilder.Case) casebuilder.Cost { return casebuilder.Cost{Kind: casebuilder.OneTime} }, nil, nil)
	line1 := newColumns(2.2, 1, 1.2)
	line2 := newColumns(2.8, 1, 1, 1.1)
	return newRowTable(s.u, edits, "cost line", "No cost lines yet. Nothing is free: a CFO doubts an alternative without costs.", nil,
		func(j int, rf *form) fyne.CanvasObject {
			at := func(field string) func() string {
				return func() string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
			}
			line := func(c *casebuilder.Case) *casebuilder.Cost {
				if l := get(c); l != nil {
					return item(*l, j)
				}
				return nil
			}
			name := rf.text(at("name"), func(c *casebuilder.Case) *string {
				if l := line(c); l != nil {
					return &l.Name
				}
				return nil
			}, "e.g. Programme design by an external partner")
			kinds := []string{string(casebuilder.OneTime), string(casebuilder.Monthly), string(casebuilder.Yearly)}
			kind := rf.choice(at("kind"), kinds, []string{"One-time", "Monthly", "Yearly"},
				func(c *casebuilder.Case) (string, bool) {
					if l := line(c); l != nil {
						return string(l.Kind), true
					}
					return "", false
				}, func(c *casebuilder.Case, v string) error {
					l := line(c)
					switch {
					case l == nil:
						return errGone
					case string(l.Kind) == v:
						return errUnchanged
					}
					l.Kind = casebuilder.CostKind(v)
					if l.Kind == casebuilder.OneTime {
						l.EndMonth = nil // a one-time cost has no end
					}
					return nil
				})
			perHead := &perHeadField{f: rf, at: at("perHead"), line: line}
			perHead.check = widget.NewCheck("per head", perHead.onChanged)
			rf.add(perHead)
			heads := rf.number(at("heads"), figure.Count, func(c *casebuilder.Case) *float64 {
				if l := line(c); l != nil {
					return &l.Heads
				}
				return nil
			})
			heads.entry.SetPlaceHolder("heads")
			amount := rf.estimate(at("amount"), figure.Money, func(c *casebuilder.Case) *casebuilder.Range {
				if l := line(c); l != nil {
					return &l.Amount
				}
				return nil
			})
			start := rf.month(at("startMonth"), func(c *casebuilder.Case) *int {
				if l := line(c); l != nil {
					return &l.StartMonth
				}
				return nil
			})
			end := rf.endMonth(at("endMonth"), func(c *casebuilder.Case) **int {
				if l := line(c); l != nil {
					return &l.EndMonth
				}
				return nil
			})
			endBox := labelled("Last month", end.box)
			rf.watch(func(c *casebuilder.Case) {
				l := line(c)
				if l == nil {
					return
				}
				perHead.show(l.PerHead)
				if l.PerHead {
					heads.entry.Enable()
				} else {
					heads.entry.Disable()
				}
				if l.Kind == casebuilder.OneTime {
					end.entry.Disable()
				} else {
					end.entry.Enable()
				}
			})
			value := s.valueLabel(fmt.Sprintf("cost/%d", j))
			amountCaption := "Amount each time (" + s.u.format().Symbol() + "): low, likely, high"
			return lineCard(
				line1.row(labelled("Cost", name.box), labelled("When it is spent", kind.box),
					labelled("Per head", container.NewBorder(nil, nil, perHead.check, nil, heads.box))),
				line2.row(labelled(amountCaption, amount.box), labelled("First month", start.box), endBox, labelled("Over the horizon", value)),
			)
		})
}

// perHeadField is the tick that makes a cost line per head.
type perHeadField struct {
	f       *form
	at      func() string
	line    func(c *casebuilder.Case) *casebuilder.Cost
	check   *widget.Check
	setting bool
}

func (p *perHeadField) onChanged(on bool) {
	if p.setting {
		return
	}
	err := p.f.u.edit(casebuilder.Where{Step: p.f.step, Path: p.at()}, "", func(c *casebuilder.Case) error {
		l := p.line(c)
		switch {
		case l == nil:
			return errGone
		case l.PerHead == on:
			return errUnchanged
		}
		l.PerHead = on
		if on && l.Heads == 0 {
			l.Heads = 1
		}
		if !on {
			l.Heads = 0 // heads apply only to a per-head cost
		}
		return nil
	})
	if err == nil {
		p.f.u.refreshScreen(true)
	}
}

func (p *perHeadField) show(on bool) {
	p.setting = true
	p.check.SetChecked(on)
	p.setting = false
}

func (p *perHeadField) refresh(c *casebuilder.Case, _ bool) {
	if l := p.line(c); l != nil {
		p.show(l.PerHead)
	}
}

func (p *perHeadField) path() string                { return p.at() }
func (p *perHeadField) focusTarget() fyne.Focusable { return p.check }

// benefitBases name the ways a benefit is valued.
var benefitBases = []struct {
	basis casebuilder.BenefitBasis
	label string
}{
	{casebuilder.BenefitPainInput, "Changes an input of the pain"},
	{casebuilder.BenefitPainShare, "Avoids a share of the pain"},
	{casebuilder.BenefitAmount, "A yearly amount"},
}

// benefitTable is the table of an alternative's benefit lines.
func (s *alternativesScreen) benefitTable(ai int) *rowTable {
	path := fmt.Sprintf("alternatives[%d].benefits", ai)
	get := func(c *casebuilder.Case) *[]casebuilder.Benefit {
		if a := item(c.Alternatives, ai); a != nil {
			return &a.Benefits
		}
		return nil
	}
	edits := sliceEdits(s.u, casebuilder.StepAlternatives, fixed(path), get,
		func(c *casebuilder.Case) casebuilder.Benefit { return newBenefit(c) }, nil, nil)
	// The drop-downs as wide as their longest choices: a choice cut
	// short cannot be read.
	line1 := newColumns(1.6, 1.4)
	line2 := newColumns(1.2, 1)
	line3 := newColumns(1, 1, 1, 1.6)
	return newRowTable(s.u, edits, "benefit line", "No benefit lines yet: what does this alternative save or earn?", nil,
		func(j int, rf *form) fyne.CanvasObject {
			at := func(field string) func() string {
				return func() string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
			}
			line := func(c *casebuilder.Case) *casebuilder.Benefit {
				if l := get(c); l != nil {
					return item(*l, j)
				}
				return nil
			}
			name := rf.text(at("name"), func(c *casebuilder.Case) *string {
				if l := line(c); l != nil {
					return &l.Name
				}
				return nil
			}, "e.g. Fewer early leavers")
			var values, labels []string
			for _, b := range benefitBases {
				values = append(values, string(b.basis))
				labels = append(labels, b.label)
			}
			basis := rf.choice(at("basis"), values, labels, func(c *casebuilder.Case) (string, bool) {
				if l := line(c); l != nil {
					return string(l.Basis), true
				}
				return "", false
			}, func(c *casebuilder.Case, v string) error {
				l := line(c)
				switch {
				case l == nil:
					return errGone
				case string(l.Basis) == v:
					return errUnchanged
				}
				setBasis(c, l, casebuilder.BenefitBasis(v))
				return nil
			})
			annual := rf.estimate(at("annual"), figure.Money, func(c *casebuilder.Case) *casebuilder.Range {
				if l := line(c); l != nil {
					return &l.Annual
				}
				return nil
			})
			share := rf.estimate(at("share"), figure.Percent, func(c *casebuilder.Case) *casebuilder.Range {
				if l := line(c); l != nil {
					return &l.Share
				}
				return nil
			})
			// The input changed and its new value, in the input's unit.
			input, to := s.inputFields(rf, at, line)
			start := rf.month(at("startMonth"), func(c *casebuilder.Case) *int {
				if l := line(c); l != nil {
					return &l.StartMonth
				}
				return nil
			})
			ramp := rf.integer(at("rampMonths"), figure.Months, func(c *casebuilder.Case) *int {
				if l := line(c); l != nil {
					return &l.RampMonths
				}
				return nil
			})
			end := rf.endMonth(at("endMonth"), func(c *casebuilder.Case) **int {
				if l := line(c); l != nil {
					return &l.EndMonth
				}
				return nil
			})
			value := s.valueLabel(fmt.Sprintf("benefit/%d", j))
			amountBox := labelled("Yearly value at full effect ("+s.u.format().Symbol()+"): low, likely, high", annual.box)
			shareBox := labelled("Share of the yearly cost of pain avoided (%): low, likely, high", share.box)
			// The input's value today beside its name, where there is room:
			// the new value's column is narrow.
			inputCaption, toCaption := captionLabel("Input it changes"), captionLabel("")
			inputCaption.Truncation, toCaption.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			inputBox := line2.row(container.New(&tightVBox{}, inputCaption, input.box), container.New(&tightVBox{}, toCaption, to.box))
			rf.watch(func(c *casebuilder.Case) {
				l := line(c)
				if l == nil {
					return
				}
				setVisible(amountBox, l.Basis == casebuilder.BenefitAmount)
				setVisible(shareBox, l.Basis == casebuilder.BenefitPainShare)
				setVisible(inputBox, l.Basis == casebuilder.BenefitPainInput)
				if in := casebuilder.LookupInput(l.Input); in != nil {
					now := "not set"
					if r, ok := c.Pain.Inputs[in.Key]; ok {
						now = s.u.formatOf(c).Value(r.Likely, in.Unit)
					}
					setText(inputCaption, fmt.Sprintf("Input it changes (today %s)", now))
					setText(toCaption, fmt.Sprintf("Changes it to%s: low, likely, high", unitSuffix(s.u, in.Unit)))
				}
			})
			return lineCard(
				line1.row(labelled("Benefit", name.box), labelled("Valued as", basis.box)),
				container.NewStack(amountBox, shareBox, inputBox),
				line3.row(labelled("First month", start.box), labelled("Months to full effect", ramp.box),
					labelled("Last month", end.box), labelled("A year at full effect (likely)", value)),
			)
		})
}

// inputFields are the input a painInput benefit changes, and its new value.
func (s *alternativesScreen) inputFields(rf *form, at func(string) func() string, line func(c *casebuilder.Case) *casebuilder.Benefit) (*choiceField, *rangeField) {
	var keys, labels []string
	if k := casebuilder.CalculatorFor(s.u.doc.c.Pain.Category); k != nil {
		for _, key := range k.Inputs {
			keys = append(keys, key)
			labels = append(labels, casebuilder.LookupInput(key).Label)
		}
	}
	input := rf.choice(at("input"), keys, labels, func(c *casebuilder.Case) (string, bool) {
		if l := line(c); l != nil {
			return l.Input, true
		}
		return "", false
	}, func(c *casebuilder.Case, v string) error {
		l := line(c)
		switch {
		case l == nil:
			return errGone
		case l.Input == v:
			return errUnchanged
		}
		l.Input = v
		l.To = casebuilder.Exactly(currentInput(c, v))
		return nil
	})
	input.sel.PlaceHolder = "Choose the input"
	unit := func() figure.Unit {
		if l := line(s.u.doc.c); l != nil {
			if in := casebuilder.LookupInput(l.Input); in != nil {
				return in.Unit
			}
		}
		return figure.Number
	}
	// The unit follows the input chosen; the watcher comes first so that
	// the new value is written in the new unit.
	var to *rangeField
	rf.watch(func(*casebuilder.Case) {
		if to != nil {
			to.unit = unit()
		}
	})
	to = rf.estimate(at("to"), unit(), func(c *casebuilder.Case) *casebuilder.Range {
		if l := line(c); l != nil {
			return &l.To
		}
		return nil
	})
	return input, to
}

// newBenefit is a new benefit line: tied to the pain where there is a
// calculator, else a yearly amount.
func newBenefit(c *casebuilder.Case) casebuilder.Benefit {
	b := casebuilder.Benefit{}
	if casebuilder.CalculatorFor(c.Pain.Category) != nil {
		setBasis(c, &b, casebuilder.BenefitPainShare)
	} else {
		setBasis(c, &b, casebuilder.BenefitAmount)
	}
	return b
}

// setBasis changes how a benefit is valued, clearing what the other bases
// use (the file allows only the fields of its basis).
func setBasis(c *casebuilder.Case, b *casebuilder.Benefit, basis casebuilder.BenefitBasis) {
	b.Basis = basis
	b.Annual, b.Share, b.To, b.Input = casebuilder.Range{}, casebuilder.Range{}, casebuilder.Range{}, ""
	switch basis {
	case casebuilder.BenefitPainShare:
		b.Share = casebuilder.Exactly(0.1)
	case casebuilder.BenefitPainInput:
		if k := casebuilder.CalculatorFor(c.Pain.Category); k != nil && len(k.Inputs) > 0 {
			b.Input = k.Inputs[0]
			for _, key := range k.Inputs {
				if _, ok := c.Pain.Inputs[key]; ok {
					b.Input = key
					break
				}
			}
			b.To = casebuilder.Exactly(currentInput(c, b.Input))
		}
	}
}

// currentInput is the likely value of a pain input, or 0.
func currentInput(c *casebuilder.Case, key string) float64 {
	if r, ok := c.Pain.Inputs[key]; ok {
		return r.Likely
	}
	for _, st := range casebuilder.CostOfPain(&c.Pain).Working {
		if st.Key == key {
			return st.Value
		}
	}
	return 0
}

// impactSection judges the alternative's impact.
func (s *alternativesScreen) impactSection(i int) fyne.CanvasObject {
	f := s.form
	cols := newColumns(0.9, 3)
	row := func(name, field string, get func(a *casebuilder.Alternative) *casebuilder.Judgement) fyne.CanvasObject {
		j := fieldIn(func(c *casebuilder.Case) *casebuilder.Alternative { return item(c.Alternatives, i) }, get)
		at := func(part string) func() string {
			return func() string { return fmt.Sprintf("alternatives[%d].impact.%s.%s", i, field, part) }
		}
		score := f.score(at("score"), impactWords, func(c *casebuilder.Case) *int {
			if j := j(c); j != nil {
				return &j.Score
			}
			return nil
		})
		text := f.text(at("text"), func(c *casebuilder.Case) *string {
			if j := j(c); j != nil {
				return &j.Text
			}
			return nil
		}, "Why, in a sentence")
		return cols.row(labelled(name, score.box), labelled("Because", text.box))
	}
	return section("Impact", "From 1 (harmful) to 5 (very good), with the reason.",
		row("On the company", "company", func(a *casebuilder.Alternative) *casebuilder.Judgement { return &a.Impact.Company }),
		row("On its people", "people", func(a *casebuilder.Alternative) *casebuilder.Judgement { return &a.Impact.People }),
		row("On its mission", "mission", func(a *casebuilder.Alternative) *casebuilder.Judgement { return &a.Impact.Mission }))
}

// scoresSection scores the alternative on the case's criteria.
func (s *alternativesScreen) scoresSection(i int) fyne.CanvasObject {
	c := s.u.doc.c
	if len(c.Criteria) == 0 {
		l := widget.NewLabel("The case has no criteria yet; set them on the Compare step.")
		l.Importance = widget.LowImportance
		return section("Scores against the criteria", "", l)
	}
	f := s.form
	cols := newColumns(0.9, 3)
	var rows []fyne.CanvasObject
	for _, k := range c.Criteria {
		id := k.ID
		name := fmt.Sprintf("%s (%s)", k.Name, s.u.format().Percent(k.Weight))
		if k.Auto == casebuilder.ScoreFromNPV || k.Auto == casebuilder.ScoreFromROI {
			// Scored from the figures: shown, not edited.
			l := widget.NewLabel("…")
			l.Wrapping = fyne.TextWrapWord
			s.autoScores[id] = l
			rows = append(rows, labelledByName(name, l))
			continue
		}
		at := func(part string) func() string {
			return func() string { return fmt.Sprintf("alternatives[%d].scores.%s.%s", i, id, part) }
		}
		read := func(c *casebuilder.Case) (casebuilder.Score, bool) {
			a := item(c.Alternatives, i)
			if a == nil {
				return casebuilder.Score{}, false
			}
			return a.Scores[id], true
		}
		write := func(c *casebuilder.Case, change func(sc *casebuilder.Score) bool) error {
			a := item(c.Alternatives, i)
			if a == nil {
				return errGone
			}
			sc := a.Scores[id]
			if !change(&sc) {
				return errUnchanged
			}
			if a.Scores == nil {
				a.Scores = map[string]casebuilder.Score{}
			}
			a.Scores[id] = sc
			return nil
		}
		score := f.scoreWith(at("score"), criterionWords, func(c *casebuilder.Case) (int, bool) {
			sc, ok := read(c)
			return sc.Score, ok
		}, func(c *casebuilder.Case, n int) error {
			return write(c, func(sc *casebuilder.Score) bool {
				changed := sc.Score != n
				sc.Score = n
				return changed
			})
		})
		why := f.textWith(at("rationale"), func(c *casebuilder.Case) (string, bool) {
			sc, ok := read(c)
			return sc.Rationale, ok
		}, func(c *casebuilder.Case, v string) error {
			return write(c, func(sc *casebuilder.Score) bool {
				changed := sc.Rationale != v
				sc.Rationale = v
				return changed
			})
		}, "Why this score")
		// The criterion's name over the whole row: it is often longer
		// than the score's column.
		rows = append(rows, labelledByName(name, cols.row(score.box, why.box)))
	}
	return section("Scores against the criteria", "From 1 (poor) to 5 (excellent); the criteria and their weights are set on the Compare step, where a criterion can also be scored from the NPV or the ROI.", rows...)
}

// criteriaKey sums up what the scores section shows of the criteria, to
// tell when it must be built again.
func criteriaKey(c *casebuilder.Case) string {
	var b strings.Builder
	for _, k := range c.Criteria {
		fmt.Fprintf(&b, "%s|%s|%v|%s\n", k.ID, k.Name, k.Weight, k.Auto)
	}
	return b.String()
}

// valueLabel is a label for a line's value from the figures.
func (s *alternativesScreen) valueLabel(key string) *widget.Label {
	l := widget.NewLabel("…")
	s.lineValues[key] = l
	return l
}

// lineCard sets a line's fields apart from the next line's.
func lineCard(rows ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(append(rows, widget.NewSeparator())...)
}

func (s *alternativesScreen) content() fyne.CanvasObject { return s.box }

func (s *alternativesScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.detail} }

func (s *alternativesScreen) refresh(force bool) {
	c := s.u.doc.c
	s.baseline.Hidden = c.Baseline() >= 0
	s.list.refresh(c, force)
	if s.list.selected != s.shown || s.form == nil || s.shownKind() != s.kindOf(c) || s.builtFor != c.Pain.Category ||
		s.builtCriteria != criteriaKey(c) {
		s.onSelect(s.list.selected)
		return
	}
	s.form.refresh(c, force)
	if s.costs != nil {
		s.costs.refresh(c, force)
		s.benefits.refresh(c, force)
	}
}

// shownKind and kindOf tell whether the form shown is still the right
// shape: the baseline's form has no lines.
func (s *alternativesScreen) shownKind() bool { return s.costs == nil }
func (s *alternativesScreen) kindOf(c *casebuilder.Case) bool {
	a := item(c.Alternatives, s.shown)
	return a == nil || a.DoNothing
}

// showAnalysis shows each line's value and the alternative's figures.
func (s *alternativesScreen) showAnalysis(a analysis) {
	s.list.list.Refresh()
	if s.summary == nil || s.shown < 0 || s.shown >= len(a.res.Alternatives) {
		return
	}
	f := s.u.formatOf(a.c)
	r := a.res.Alternatives[s.shown]
	if a.scores != nil && s.shown < len(a.scores.Alternatives) {
		for _, cs := range a.scores.Alternatives[s.shown].Criteria {
			if l, ok := s.autoScores[cs.Criterion]; ok {
				setText(l, fmt.Sprintf("%d – %s. %s", cs.Score, criterionWords[min(max(cs.Score, 0), 5)], cs.Rationale))
			}
		}
	}
	for key, l := range s.lineValues {
		l.SetText("—")
		for _, line := range r.Lines {
			if fmt.Sprintf("%s/%d", line.Kind, line.Index) == key {
				if line.Kind == casebuilder.BenefitLine {
					l.SetText(f.Money(line.Value.Likely))
				} else {
					l.SetText(f.Money(line.Total))
				}
			}
		}
	}
	if r.DoNothing {
		s.summary.SetText("")
		return
	}
	paid := "not paid back within the horizon"
	if _, ok := casebuilder.PaybackMonth(r.CashFlows); ok {
		paid = "paid back in " + casebuilder.PaidBackIn(a.c, r.CashFlows, false)
	}
	text := fmt.Sprintf("Over %d months, against doing nothing: costs %s, benefits %s, NPV %s, %s.",
		a.res.Months, f.Money(r.TotalCost), f.Money(r.TotalBenefit), f.Money(r.NPV), paid)
	if r.Reserve > 0 {
		text += " The costs include a contingency reserve of " + f.Money(r.Reserve) + " for its risks."
	}
	s.summary.SetText(text)
}

func (s *alternativesScreen) focus(path string) bool {
	i, rest, ok := indexIn(path, "alternatives")
	switch {
	case !ok:
		return false
	case i < 0 && !s.baseline.Hidden:
		// No baseline: the button that adds it.
		s.u.focus(s.baseline)
		return true
	case i < 0:
		return s.list.focusAdd()
	}
	if i != s.shown {
		s.list.selectItem(i)
	}
	name := fmt.Sprintf("alternatives[%d].name", i)
	if rest == "" {
		return s.form.focus(name)
	}
	if s.form.focus(path) {
		return true
	}
	if s.costs != nil && (s.costs.focus(path) || s.benefits.focus(path)) {
		return true
	}
	// A field the screen does not edit (an ID): the alternative itself.
	return s.form.focus(name)
}
