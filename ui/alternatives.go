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
	"github.com/casebuilder/casebuilder/ui/form"
)

const alternativesGuidance = "Show that you weighed more than one way out, and that you know what doing nothing costs: every other alternative is measured against it. Cost each one fully (one-time, recurring, per head, and when it is spent), estimate its benefits low, likely and high with when they start and how fast they build, and judge its impact on the company, its people and its mission."

// alternativesScreen is the third step: the alternatives, each with its
// cost and benefit lines, its impact and its scores.
type alternativesScreen struct {
	u        *UI
	md       *form.MasterDetail
	baseline *widget.Button
	// The tables of the alternative shown, nil for the baseline.
	costs    *form.Table
	benefits *form.Table
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

// impactWords and criterionWords name the scores of judgements.
var (
	impactWords    = [6]string{"Not judged", "harmful", "poor", "neutral", "good", "very good"}
	criterionWords = [6]string{"Not scored", "poor", "weak", "fair", "good", "excellent"}
)

func newAlternativesScreen(u *UI) screen {
	s := &alternativesScreen{u: u}
	edits := form.List[casebuilder.Alternative]{Path: "alternatives",
		Get: func(c *casebuilder.Case) *[]casebuilder.Alternative { return &c.Alternatives },
		New: func(c *casebuilder.Case) casebuilder.Alternative {
			return casebuilder.Alternative{ID: uniqueID("alternative", alternativeIDs(c)), Name: "New alternative"}
		},
		Removed: forgetAlternative,
		Copied: func(c *casebuilder.Case, copied *casebuilder.Alternative) {
			copied.ID = uniqueID(slug(copied.Name), alternativeIDs(c))
			copied.Name += " (copy)"
			copied.DoNothing = false
		},
		// Doing nothing is always there: it cannot be removed.
		Kept: func(a casebuilder.Alternative) bool { return a.DoNothing },
	}.Edits(u.host(), casebuilder.StepAlternatives)
	s.md = form.NewMasterDetail(u.host(), casebuilder.StepAlternatives, edits, "alternative", func(c *casebuilder.Case, i int) (string, string) {
		a := &c.Alternatives[i]
		if a.DoNothing {
			return a.Name, "The baseline"
		}
		if i < len(s.u.analysis.res.Alternatives) && s.u.analysis.c == c {
			f := u.formatOf(c)
			return a.Name, "NPV " + f.MoneyShort(s.u.analysis.res.Alternatives[i].NPV)
		}
		return a.Name, fmt.Sprintf("%d cost and %d benefit lines", len(a.Costs), len(a.Benefits))
	}, s.showAlternative)
	s.md.Stale = s.stale
	s.baseline = widget.NewButtonWithIcon("Add the do-nothing baseline", theme.ContentAddIcon(), s.onAddBaseline)
	left := container.NewBorder(s.baseline, nil, nil, nil, s.md.List.Box())
	split := container.NewHSplit(left, s.md.Detail)
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
	return idsOf(c.Alternatives, func(a casebuilder.Alternative) string { return a.ID })
}

// onAddBaseline adds the do-nothing alternative, first.
func (s *alternativesScreen) onAddBaseline() {
	err := s.u.edit(casebuilder.Where{Step: casebuilder.StepAlternatives, Path: "alternatives"}, "", func(c *casebuilder.Case) error {
		if c.Baseline() >= 0 {
			return form.ErrUnchanged
		}
		c.Alternatives = slices.Insert(c.Alternatives, 0, casebuilder.Alternative{
			ID: uniqueID("nothing", alternativeIDs(c)), Name: "Do nothing", DoNothing: true,
			Description: "Carry on as today: the pain goes on costing what the calculator shows."})
		return nil
	})
	if err == nil {
		s.md.Select(0)
		s.refresh(true)
	}
}

// alternative is the getter of alternative i.
func alternative(i int) func(c *casebuilder.Case) *casebuilder.Alternative {
	return func(c *casebuilder.Case) *casebuilder.Alternative { return form.Item(c.Alternatives, i) }
}

// showAlternative lays out the form of alternative i.
func (s *alternativesScreen) showAlternative(i int, f *form.Form) fyne.CanvasObject {
	c := s.u.doc.c
	s.builtFor = c.Pain.Category
	s.builtCriteria = criteriaKey(c)
	s.autoScores = map[string]*widget.Label{}
	s.lineValues = map[string]*widget.Label{}
	s.costs, s.benefits = nil, nil
	a := c.Alternatives[i]
	at := func(field string) string { return fmt.Sprintf("alternatives[%d].%s", i, field) }
	alt := alternative(i)
	name := f.Text(at("name"), form.In(alt, func(a *casebuilder.Alternative) *string { return &a.Name }), "A short name the CEO will remember")
	desc := f.TextArea(at("description"), form.In(alt, func(a *casebuilder.Alternative) *string { return &a.Description }), "What it is, in two or three sentences.", 2)
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	sections := []fyne.CanvasObject{
		section("The alternative", "", labelled("Name", name.Box()), labelled("Description", desc.Box()), s.summary),
	}
	if a.DoNothing {
		note := widget.NewLabel("Doing nothing is the baseline: it has no cost or benefit lines of its own, because every other alternative is measured against it. What it costs is the cost of the pain.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		sections = append(sections, note)
	} else {
		s.costs = s.costTable(f, i)
		s.benefits = s.benefitTable(f, i)
		sections = append(sections,
			section("Costs", "Everything it costs over the horizon, compared with doing nothing. Low is the cheapest case, high the dearest.", s.costs.Box()),
			section("Benefits", "What it saves or earns a year at full effect, compared with doing nothing. Tie a benefit to the pain calculator where you can: it is then worth the cost of pain it avoids.", s.benefits.Box()))
	}
	sections = append(sections, s.impactSection(f, i), s.scoresSection(f, i))
	defer s.showAnalysis(s.u.analysis)
	return detailPage(sections...)
}

// costTable is the table of alternative ai's cost lines.
func (s *alternativesScreen) costTable(f *form.Form, ai int) *form.Table {
	path := fmt.Sprintf("alternatives[%d].costs", ai)
	list := form.FieldIn(alternative(ai), func(a *casebuilder.Alternative) *[]casebuilder.Cost { return &a.Costs })
	edits := form.List[casebuilder.Cost]{Path: path, Get: list,
		New: func(*casebuilder.Case) casebuilder.Cost { return casebuilder.Cost{Kind: casebuilder.OneTime} },
	}.Edits(s.u.host(), casebuilder.StepAlternatives)
	line1 := form.NewColumns(2.2, 1, 1.2)
	line2 := form.NewColumns(2.8, 1, 1, 1.1)
	return f.Table(edits, "cost line", "No cost lines yet. Nothing is free: a CFO doubts an alternative without costs.", nil,
		func(j int, rf *form.Form) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
			line := form.ItemOf(list, j)
			name := rf.Text(at("name"), form.In(line, func(l *casebuilder.Cost) *string { return &l.Name }), "e.g. Programme design by an external partner")
			kind := rf.Choice(at("kind"), []string{string(casebuilder.OneTime), string(casebuilder.Monthly), string(casebuilder.Yearly)},
				[]string{"One-time", "Monthly", "Yearly"},
				form.AsText(form.In(line, func(l *casebuilder.Cost) *casebuilder.CostKind { return &l.Kind })).Then(func(c *casebuilder.Case) {
					if l := line(c); l.Kind == casebuilder.OneTime {
						l.EndMonth = nil // a one-time cost has no end
					}
				}))
			perHead := rf.Check(at("perHead"), "per head", perHeadValue(line))
			perHead.OnEdited = s.u.host().Refresh
			heads := rf.Number(at("heads"), figure.Count, form.In(line, func(l *casebuilder.Cost) *float64 { return &l.Heads }))
			heads.Entry().SetPlaceHolder("heads")
			amount := rf.Estimate(at("amount"), figure.Money, form.In(line, func(l *casebuilder.Cost) *casebuilder.Range { return &l.Amount }))
			start := rf.Month(at("startMonth"), form.In(line, func(l *casebuilder.Cost) *int { return &l.StartMonth }))
			end := rf.EndMonth(at("endMonth"), form.Optional(form.FieldIn(line, func(l *casebuilder.Cost) **int { return &l.EndMonth })))
			endBox := labelled("Last month", end.Box())
			rf.Watch(func(c *casebuilder.Case) {
				l := line(c)
				if l == nil {
					return
				}
				form.Enable(heads.Entry(), l.PerHead)
				form.Enable(end.Entry(), l.Kind != casebuilder.OneTime)
			})
			value := s.valueLabel(fmt.Sprintf("cost/%d", j))
			amountCaption := "Amount each time (" + s.u.format().Symbol() + "): low, likely, high"
			return lineCard(
				line1.Row(labelled("Cost", name.Box()), labelled("When it is spent", kind.Box()),
					labelled("Per head", container.NewBorder(nil, nil, perHead.Widget(), nil, heads.Box()))),
				line2.Row(labelled(amountCaption, amount.Box()), labelled("First month", start.Box()), endBox, labelled("Over the horizon", value)),
			)
		})
}

// perHeadValue is whether a cost line is per head: a line made per head
// counts one head to begin with, and heads apply only to a per-head cost.
func perHeadValue(line func(c *casebuilder.Case) *casebuilder.Cost) form.Value[bool] {
	return form.In(line, func(l *casebuilder.Cost) *bool { return &l.PerHead }).Then(func(c *casebuilder.Case) {
		l := line(c)
		if l.PerHead && l.Heads == 0 {
			l.Heads = 1
		}
		if !l.PerHead {
			l.Heads = 0
		}
	})
}

// benefitBases name the ways a benefit is valued.
var benefitBases = []struct {
	basis casebuilder.BenefitBasis
	label string
}{
	{casebuilder.BenefitPainInput, "Changes an input of the pain"},
	{casebuilder.BenefitPainShare, "Avoids a share of the pain"},
	{casebuilder.BenefitAmount, "A yearly amount"},
}

// benefitTable is the table of alternative ai's benefit lines.
func (s *alternativesScreen) benefitTable(f *form.Form, ai int) *form.Table {
	path := fmt.Sprintf("alternatives[%d].benefits", ai)
	list := form.FieldIn(alternative(ai), func(a *casebuilder.Alternative) *[]casebuilder.Benefit { return &a.Benefits })
	edits := form.List[casebuilder.Benefit]{Path: path, Get: list, New: newBenefit}.Edits(s.u.host(), casebuilder.StepAlternatives)
	// The drop-downs as wide as their longest choices: a choice cut
	// short cannot be read.
	line1 := form.NewColumns(1.6, 1.4)
	line2 := form.NewColumns(1.2, 1)
	line3 := form.NewColumns(1, 1, 1, 1.6)
	return f.Table(edits, "benefit line", "No benefit lines yet: what does this alternative save or earn?", nil,
		func(j int, rf *form.Form) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
			line := form.ItemOf(list, j)
			name := rf.Text(at("name"), form.In(line, func(l *casebuilder.Benefit) *string { return &l.Name }), "e.g. Fewer early leavers")
			var values, labels []string
			for _, b := range benefitBases {
				values = append(values, string(b.basis))
				labels = append(labels, b.label)
			}
			basis := rf.Choice(at("basis"), values, labels,
				form.AsText(form.In(line, func(l *casebuilder.Benefit) *casebuilder.BenefitBasis { return &l.Basis })).Then(func(c *casebuilder.Case) {
					l := line(c)
					setBasis(c, l, l.Basis)
				}))
			annual := rf.Estimate(at("annual"), figure.Money, form.In(line, func(l *casebuilder.Benefit) *casebuilder.Range { return &l.Annual }))
			share := rf.Estimate(at("share"), figure.Percent, form.In(line, func(l *casebuilder.Benefit) *casebuilder.Range { return &l.Share }))
			// The input changed and its new value, in the input's unit.
			input, to := s.inputFields(rf, at, line)
			start := rf.Month(at("startMonth"), form.In(line, func(l *casebuilder.Benefit) *int { return &l.StartMonth }))
			ramp := rf.Integer(at("rampMonths"), figure.Months, form.In(line, func(l *casebuilder.Benefit) *int { return &l.RampMonths }))
			end := rf.EndMonth(at("endMonth"), form.Optional(form.FieldIn(line, func(l *casebuilder.Benefit) **int { return &l.EndMonth })))
			value := s.valueLabel(fmt.Sprintf("benefit/%d", j))
			amountBox := labelled("Yearly value at full effect ("+s.u.format().Symbol()+"): low, likely, high", annual.Box())
			shareBox := labelled("Share of the yearly cost of pain avoided (%): low, likely, high", share.Box())
			// The input's value today beside its name, where there is room:
			// the new value's column is narrow.
			inputCaption, toCaption := captionLabel("Input it changes"), captionLabel("")
			inputCaption.Truncation, toCaption.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			inputBox := line2.Row(container.New(form.TightVBox{}, inputCaption, input.Box()), container.New(form.TightVBox{}, toCaption, to.Box()))
			rf.Watch(func(c *casebuilder.Case) {
				l := line(c)
				if l == nil {
					return
				}
				form.SetVisible(amountBox, l.Basis == casebuilder.BenefitAmount)
				form.SetVisible(shareBox, l.Basis == casebuilder.BenefitPainShare)
				form.SetVisible(inputBox, l.Basis == casebuilder.BenefitPainInput)
				if in := casebuilder.LookupInput(l.Input); in != nil {
					now := "not set"
					if r, ok := c.Pain.Inputs[in.Key]; ok {
						now = s.u.formatOf(c).Value(r.Likely, in.Unit)
					}
					form.SetText(inputCaption, fmt.Sprintf("Input it changes (today %s)", now))
					form.SetText(toCaption, fmt.Sprintf("Changes it to%s: low, likely, high", unitSuffix(s.u, in.Unit)))
				}
			})
			return lineCard(
				line1.Row(labelled("Benefit", name.Box()), labelled("Valued as", basis.Box())),
				container.NewStack(amountBox, shareBox, inputBox),
				line3.Row(labelled("First month", start.Box()), labelled("Months to full effect", ramp.Box()),
					labelled("Last month", end.Box()), labelled("A year at full effect (likely)", value)),
			)
		})
}

// inputFields are the input a painInput benefit changes, and its new value.
func (s *alternativesScreen) inputFields(rf *form.Form, at func(string) string, line func(c *casebuilder.Case) *casebuilder.Benefit) (*form.ChoiceField, *form.RangeField) {
	var keys, labels []string
	if k := casebuilder.CalculatorFor(s.u.doc.c.Pain.Category); k != nil {
		for _, key := range k.Inputs {
			keys = append(keys, key)
			labels = append(labels, casebuilder.LookupInput(key).Label)
		}
	}
	input := rf.Choice(at("input"), keys, labels, form.In(line, func(l *casebuilder.Benefit) *string { return &l.Input }).Then(func(c *casebuilder.Case) {
		l := line(c)
		l.To = casebuilder.Exactly(currentInput(c, l.Input))
	}))
	input.Select().PlaceHolder = "Choose the input"
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
	var to *form.RangeField
	rf.Watch(func(*casebuilder.Case) {
		if to != nil {
			to.SetUnit(unit())
		}
	})
	to = rf.Estimate(at("to"), unit(), form.In(line, func(l *casebuilder.Benefit) *casebuilder.Range { return &l.To }))
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
func (s *alternativesScreen) impactSection(f *form.Form, i int) fyne.CanvasObject {
	cols := form.NewColumns(0.9, 3)
	row := func(name, field string, get func(a *casebuilder.Alternative) *casebuilder.Judgement) fyne.CanvasObject {
		j := form.FieldIn(alternative(i), get)
		at := func(part string) string { return fmt.Sprintf("alternatives[%d].impact.%s.%s", i, field, part) }
		score := f.Score(at("score"), impactWords, form.In(j, func(j *casebuilder.Judgement) *int { return &j.Score }))
		text := f.Text(at("text"), form.In(j, func(j *casebuilder.Judgement) *string { return &j.Text }), "Why, in a sentence")
		return cols.Row(labelled(name, score.Box()), labelled("Because", text.Box()))
	}
	return section("Impact", "From 1 (harmful) to 5 (very good), with the reason.",
		row("On the company", "company", func(a *casebuilder.Alternative) *casebuilder.Judgement { return &a.Impact.Company }),
		row("On its people", "people", func(a *casebuilder.Alternative) *casebuilder.Judgement { return &a.Impact.People }),
		row("On its mission", "mission", func(a *casebuilder.Alternative) *casebuilder.Judgement { return &a.Impact.Mission }))
}

// scoresSection scores the alternative on the case's criteria.
func (s *alternativesScreen) scoresSection(f *form.Form, i int) fyne.CanvasObject {
	c := s.u.doc.c
	if len(c.Criteria) == 0 {
		l := widget.NewLabel("The case has no criteria yet; set them on the Compare step.")
		l.Importance = widget.LowImportance
		return section("Scores against the criteria", "", l)
	}
	cols := form.NewColumns(0.9, 3)
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
		at := func(part string) string { return fmt.Sprintf("alternatives[%d].scores.%s.%s", i, id, part) }
		score := f.Score(at("score"), criterionWords, scorePart(i, id, func(sc *casebuilder.Score) *int { return &sc.Score }))
		why := f.Text(at("rationale"), scorePart(i, id, func(sc *casebuilder.Score) *string { return &sc.Rationale }), "Why this score")
		// The criterion's name over the whole row: it is often longer
		// than the score's column.
		rows = append(rows, labelledByName(name, cols.Row(score.Box(), why.Box())))
	}
	return section("Scores against the criteria", "From 1 (poor) to 5 (excellent); the criteria and their weights are set on the Compare step, where a criterion can also be scored from the NPV or the ROI.", rows...)
}

// scorePart is a part of alternative i's score on criterion id. The scores
// are in a map: a change writes the whole score back.
func scorePart[V comparable](i int, id string, part func(sc *casebuilder.Score) *V) form.Value[V] {
	return form.Value[V]{
		Read: func(c *casebuilder.Case) (V, bool) {
			a := form.Item(c.Alternatives, i)
			if a == nil {
				var zero V
				return zero, false
			}
			sc := a.Scores[id]
			return *part(&sc), true
		},
		Write: func(c *casebuilder.Case, v V) error {
			a := form.Item(c.Alternatives, i)
			if a == nil {
				return form.ErrGone
			}
			sc := a.Scores[id]
			if *part(&sc) == v {
				return form.ErrUnchanged
			}
			*part(&sc) = v
			if a.Scores == nil {
				a.Scores = map[string]casebuilder.Score{}
			}
			a.Scores[id] = sc
			return nil
		},
	}
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

func (s *alternativesScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.md.Detail} }

func (s *alternativesScreen) refresh(force bool) {
	s.baseline.Hidden = s.u.doc.c.Baseline() >= 0
	s.md.Refresh(s.u.doc.c, force)
}

// stale reports whether the form shown is no longer the right shape for
// c: the baseline's has no lines, the benefit lines offer the inputs of
// the pain's calculator, and the scores are on the case's criteria.
func (s *alternativesScreen) stale(c *casebuilder.Case) bool {
	a := form.Item(c.Alternatives, s.md.Shown())
	baseline := a == nil || a.DoNothing
	return (s.costs == nil) != baseline || s.builtFor != c.Pain.Category || s.builtCriteria != criteriaKey(c)
}

// showAnalysis shows each line's value and the alternative's figures.
func (s *alternativesScreen) showAnalysis(a analysis) {
	s.md.List.List().Refresh()
	shown := s.md.Shown()
	if s.summary == nil || shown < 0 || shown >= len(a.res.Alternatives) {
		return
	}
	f := s.u.formatOf(a.c)
	r := a.res.Alternatives[shown]
	if a.scores != nil && shown < len(a.scores.Alternatives) {
		for _, cs := range a.scores.Alternatives[shown].Criteria {
			if l, ok := s.autoScores[cs.Criterion]; ok {
				form.SetText(l, fmt.Sprintf("%d – %s. %s", cs.Score, criterionWords[min(max(cs.Score, 0), 5)], cs.Rationale))
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
	i, rest, ok := form.IndexIn(path, "alternatives")
	switch {
	case !ok:
		return false
	case i < 0 && !s.baseline.Hidden:
		// No baseline: the button that adds it.
		s.u.focus(s.baseline)
		return true
	case i < 0:
		return s.md.Focus(path)
	}
	// The alternative itself, or a field the screen does not edit (an
	// ID): its name.
	name := fmt.Sprintf("alternatives[%d].name", i)
	if rest == "" {
		path = name
	}
	return s.md.Focus(path) || s.md.Focus(name)
}
