package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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
	// "cost/N" and "benefit/N"; lineSplits a benefit's money by kind, and
	// headsHints the heads a per-head cost takes from the pain.
	lineValues map[string]*widget.Label
	lineSplits map[string]*widget.Label
	headsHints map[string]*widget.Label
	// builtHeads is what per-head costs could take their heads from when
	// the form was built (see headsOptions).
	builtHeads string
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
		if waits := c.WaitsFor(i); waits != "" {
			return a.Name, "NPV " + waits
		}
		if i < len(s.u.analysis.res.Alternatives) && s.u.analysis.c == c {
			f := u.formatOf(c)
			return a.Name, "NPV " + f.MoneyShort(s.u.analysis.res.Alternatives[i].NPV)
		}
		return a.Name, figure.Plural(len(a.Costs), "cost line", "cost lines") + ", " + figure.Plural(len(a.Benefits), "benefit line", "benefit lines")
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
		keepStops(c)
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
	s.lineSplits = map[string]*widget.Label{}
	s.headsHints = map[string]*widget.Label{}
	s.builtHeads = headsKey(c)
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
			section("Costs", "Everything it costs over the horizon, compared with doing nothing: new cash, and the time of people already paid, which costs the company though no new money leaves it. Low is the cheapest case, high the dearest. Start a line when the milestone that needs it starts or ends: moving the milestone then moves the money.", s.costs.Box()),
			section("Benefits", "What it saves or earns a year at full effect, compared with doing nothing. Tie a benefit to the pain calculator where you can: it is then worth the cost of pain it avoids, split by kind of money. Start it when the milestone that delivers it ends. A CFO reads the kinds apart: cash saved is a cost the company stops paying, margin on sales needs someone in Sales to own it, a cost avoided was not yet being paid, and time freed is not cash.", s.benefits.Box()))
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
		New:     func(*casebuilder.Case) casebuilder.Cost { return casebuilder.Cost{Kind: casebuilder.OneTime} },
		Removed: func(c *casebuilder.Case, removed casebuilder.Cost) { forgetStop(c, ai, removed.Name) },
	}.Edits(s.u.host(), casebuilder.StepAlternatives)
	headsKeys, headsLabels := headsOptions(s.u.doc.c)
	line2 := form.NewColumns(0, 0, 1) // the choices whole, the amount in the rest
	line3 := form.NewColumns(0, 0, 1)
	line6 := form.NewColumns(2, 1)
	return f.Cards(edits, "cost line", "No cost lines yet. Nothing is free: a CFO doubts an alternative without costs.",
		func(j int, rf *form.Form, actions fyne.CanvasObject) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
			line := form.ItemOf(list, j)
			name := rf.WrappedText(at("name"), lineName(ai, form.FieldIn(line, func(l *casebuilder.Cost) *string { return &l.Name })), "e.g. Programme design by an external partner")
			kind := rf.Choice(at("kind"), []string{string(casebuilder.OneTime), string(casebuilder.Monthly), string(casebuilder.Yearly)},
				[]string{"One-time", "Monthly", "Yearly"},
				form.AsText(form.In(line, func(l *casebuilder.Cost) *casebuilder.CostKind { return &l.Kind })).Then(func(c *casebuilder.Case) {
					if l := line(c); l.Kind == casebuilder.OneTime {
						l.EndMonth, l.EndAt = nil, nil // a one-time cost has no end
					}
				})).Whole()
			money := rf.Choice(at("money"), []string{string(casebuilder.Cash), string(casebuilder.PeopleTime)},
				[]string{"New cash", "People's time"},
				moneyValue(form.FieldIn(line, func(l *casebuilder.Cost) *casebuilder.MoneyKind { return &l.Money }), casebuilder.Cash)).Whole()
			perHead := rf.Check(at("perHead"), "per head", perHeadValue(line))
			perHead.OnEdited = s.u.host().Refresh
			keys, labels := headsKeys, headsLabels
			if l := line(s.u.doc.c); l != nil && l.HeadsFrom != "" && !slices.Contains(keys, l.HeadsFrom) {
				keys, labels = append(slices.Clone(keys), l.HeadsFrom), append(slices.Clone(labels), l.HeadsFrom)
			}
			headsFrom := rf.Choice(at("headsFrom"), keys, labels,
				form.In(line, func(l *casebuilder.Cost) *string { return &l.HeadsFrom }).Then(func(c *casebuilder.Case) {
					if l := line(c); l.HeadsFrom != "" {
						l.Heads = 0 // the heads follow the input
					}
				})).Whole()
			heads := rf.Number(at("heads"), figure.Count, form.In(line, func(l *casebuilder.Cost) *float64 { return &l.Heads }))
			heads.Entry().SetPlaceHolder("heads")
			amount := rf.OptionalEstimate(at("amount"), figure.Money, form.ZeroBlank(form.In(line, func(l *casebuilder.Cost) *casebuilder.Range { return &l.Amount })))
			_, likely, _ := amount.Entries()
			likely.SetPlaceHolder("likely")
			months := form.LineMonths(line, (*casebuilder.Case).CostMonths)
			start := rf.Start(at("startAt"), at("startMonth"), form.StartWhen(form.FieldIn(line, func(l *casebuilder.Cost) *int { return &l.StartMonth }),
				form.FieldIn(line, func(l *casebuilder.Cost) **casebuilder.Anchor { return &l.StartAt })), months)
			end := rf.End(at("endAt"), at("endMonth"), form.EndWhen(form.FieldIn(line, func(l *casebuilder.Cost) **int { return &l.EndMonth }),
				form.FieldIn(line, func(l *casebuilder.Cost) **casebuilder.Anchor { return &l.EndAt })), months)
			endBox := labelled("Until (the last month it is spent)", end.Box())
			note := rf.TextArea(at("note"), form.In(line, func(l *casebuilder.Cost) *string { return &l.Note }),
				"Where the figure comes from: a quote, a loaded daily cost, a head count", 2)
			headsHint := caption("")
			headsHint.Wrapping = fyne.TextWrapWord
			s.headsHints[fmt.Sprintf("cost/%d", j)] = headsHint
			rf.Watch(func(c *casebuilder.Case) {
				l := line(c)
				if l == nil {
					return
				}
				form.Enable(headsFrom.Select(), l.PerHead)
				form.Enable(heads.Entry(), l.PerHead && l.HeadsFrom == "")
				form.SetVisible(heads.Box(), l.HeadsFrom == "")
				form.SetVisible(endBox, l.Kind != casebuilder.OneTime)
				form.SetText(headsHint, headsText(s.u, c, l))
				form.SetVisible(headsHint, headsHint.Text != "")
			})
			value := s.valueLabel(fmt.Sprintf("cost/%d", j))
			amountCaption := "Amount each time (" + s.u.format().Symbol() + "): low, likely, high"
			return lineCard(
				container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions), labelled("Cost", name.Box())),
				// The amount on a line of its own: beside the choices, a
				// window 1024 wide leaves its boxes too narrow for "120,000".
				labelled(amountCaption, amount.Box()),
				line2.Row(labelled("How often", kind.Box()), labelled("Paid in", money.Box()), layout.NewSpacer()),
				line3.Row(labelled("", perHead.Widget()), labelled("Heads from", headsFrom.Box()), labelled("Heads", heads.Box())),
				headsHint,
				labelled("From (the first month it is spent)", start.Box()),
				endBox,
				line6.Row(labelled("Note", note.Box()), labelled("Over the horizon", value)),
			)
		})
}

// headsOptions are what a per-head cost can take its heads from: a fixed
// number, or a count the pain gives (an input the case gives, or a
// formula of its calculator), by key and label.
func headsOptions(c *casebuilder.Case) (keys, labels []string) {
	keys, labels = []string{""}, []string{"A number"}
	for _, in := range casebuilder.Inputs() {
		if _, given := c.Pain.Inputs[in.Key]; given && in.Unit == figure.Count {
			keys, labels = append(keys, in.Key), append(labels, in.Label)
		}
	}
	if k := casebuilder.CalculatorFor(c.Pain.Category); k != nil {
		for _, fm := range k.Formulas {
			if fm.Unit == figure.Count {
				keys, labels = append(keys, fm.Key), append(labels, fm.Label)
			}
		}
	}
	return keys, labels
}

// headsText says how many heads a per-head cost that follows the pain
// counts in each year, "" for one with heads of its own.
func headsText(u *UI, c *casebuilder.Case, l *casebuilder.Cost) string {
	if !l.PerHead || l.HeadsFrom == "" {
		return ""
	}
	years := max(1, (c.HorizonMonths+casebuilder.PeriodsPerYear-1)/casebuilder.PeriodsPerYear)
	var values []float64
	if v, ok := c.Pain.Inputs[l.HeadsFrom]; ok {
		for y := range years {
			values = append(values, v.InYear(y).Likely)
		}
	} else if u.analysis.c == c {
		for _, st := range u.analysis.res.Pain.Working {
			if st.Key == l.HeadsFrom {
				values = st.ByYear
				if values == nil {
					values = []float64{st.Value}
				}
			}
		}
	}
	if len(values) == 0 {
		return ""
	}
	f := u.formatOf(c)
	parts := make([]string, len(values))
	for y, v := range values {
		parts[y] = f.Number(v, decimalsOf(v, 1))
	}
	if len(parts) == 1 || slices.Equal(parts, slices.Repeat(parts[:1], len(parts))) {
		return parts[0] + " heads each year"
	}
	return strings.Join(parts, ", ") + " heads, year by year"
}

// moneyValue is a line's kind of money as a choice, the default (cash for
// a cost, cost avoidance for a benefit) when the line does not say; it is
// then left unsaid, as older files have it.
func moneyValue(get func(c *casebuilder.Case) *casebuilder.MoneyKind, dflt casebuilder.MoneyKind) form.Value[string] {
	return form.Value[string]{
		Read: func(c *casebuilder.Case) (string, bool) {
			m := get(c)
			if m == nil {
				return "", false
			}
			if *m == "" {
				return string(dflt), true
			}
			return string(*m), true
		},
		Write: func(c *casebuilder.Case, v string) error {
			m := get(c)
			k := casebuilder.MoneyKind(v)
			switch {
			case m == nil:
				return form.ErrGone
			case *m == k, *m == "" && k == dflt:
				return form.ErrUnchanged
			case k == dflt:
				*m = ""
			default:
				*m = k
			}
			return nil
		},
	}
}

// lineName is the name of a cost or benefit line of alternative ai: the
// gates that stop it name it, so a new name follows it there.
func lineName(ai int, get func(c *casebuilder.Case) *string) form.Value[string] {
	v := form.At(get)
	write := v.Write
	v.Write = func(c *casebuilder.Case, name string) error {
		p := get(c)
		if p == nil {
			return form.ErrGone
		}
		was := *p
		if err := write(c, name); err != nil {
			return err
		}
		renameStop(c, ai, was, name)
		return nil
	}
	return v
}

// perHeadValue is whether a cost line is per head: a line made per head
// counts one head to begin with, and heads apply only to a per-head cost.
func perHeadValue(line func(c *casebuilder.Case) *casebuilder.Cost) form.Value[bool] {
	return form.In(line, func(l *casebuilder.Cost) *bool { return &l.PerHead }).Then(func(c *casebuilder.Case) {
		l := line(c)
		if l.PerHead && l.Heads == 0 && l.HeadsFrom == "" {
			l.Heads = 1
		}
		if !l.PerHead {
			l.Heads, l.HeadsFrom = 0, ""
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

// benefitKinds name the kinds of money a benefit given as an amount can
// be.
var benefitKinds = []struct {
	kind  casebuilder.MoneyKind
	label string
}{
	{casebuilder.Avoidance, "Cost avoided"},
	{casebuilder.Cash, "Cash saved"},
	{casebuilder.Margin, "Margin on sales"},
	{casebuilder.Productivity, "Time freed"},
}

// kindWords name the kinds of money in a sentence.
var kindWords = map[casebuilder.MoneyKind]string{
	casebuilder.Cash:         "cash",
	casebuilder.PeopleTime:   "people's time",
	casebuilder.Margin:       "margin on sales",
	casebuilder.Avoidance:    "cost avoided",
	casebuilder.Productivity: "productivity",
}

// benefitTable is the table of alternative ai's benefit lines.
func (s *alternativesScreen) benefitTable(f *form.Form, ai int) *form.Table {
	path := fmt.Sprintf("alternatives[%d].benefits", ai)
	list := form.FieldIn(alternative(ai), func(a *casebuilder.Alternative) *[]casebuilder.Benefit { return &a.Benefits })
	edits := form.List[casebuilder.Benefit]{Path: path, Get: list, New: newBenefit,
		Removed: func(c *casebuilder.Case, removed casebuilder.Benefit) { forgetStop(c, ai, removed.Name) },
	}.Edits(s.u.host(), casebuilder.StepAlternatives)
	// The drop-downs as wide as their longest choices: a choice cut
	// short cannot be read.
	line2 := form.NewColumns(0, 1)
	inputCols := form.NewColumns(1.2, 1)
	amountCols := form.NewColumns(1, 0)
	line6 := form.NewColumns(0.9, 1.1, 1.8)
	return f.Cards(edits, "benefit line", "No benefit lines yet: what does this alternative save or earn?",
		func(j int, rf *form.Form, actions fyne.CanvasObject) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
			line := form.ItemOf(list, j)
			name := rf.WrappedText(at("name"), lineName(ai, form.FieldIn(line, func(l *casebuilder.Benefit) *string { return &l.Name })), "e.g. Fewer early leavers")
			var values, labels []string
			for _, b := range benefitBases {
				values = append(values, string(b.basis))
				labels = append(labels, b.label)
			}
			basis := rf.Choice(at("basis"), values, labels,
				form.AsText(form.In(line, func(l *casebuilder.Benefit) *casebuilder.BenefitBasis { return &l.Basis })).Then(func(c *casebuilder.Case) {
					l := line(c)
					setBasis(c, l, l.Basis)
				})).Whole()
			annual := rf.OptionalEstimate(at("annual"), figure.Money, form.ZeroBlank(form.In(line, func(l *casebuilder.Benefit) *casebuilder.Range { return &l.Annual }))).AsOutcome()
			share := rf.OptionalEstimate(at("share"), figure.Percent, form.ZeroBlank(form.In(line, func(l *casebuilder.Benefit) *casebuilder.Range { return &l.Share }))).AsOutcome()
			for _, r := range []*form.RangeField{annual, share} {
				_, likely, _ := r.Entries()
				likely.SetPlaceHolder("likely")
			}
			var kinds, kindLabels []string
			for _, k := range benefitKinds {
				kinds, kindLabels = append(kinds, string(k.kind)), append(kindLabels, k.label)
			}
			money := rf.Choice(at("money"), kinds, kindLabels,
				moneyValue(form.FieldIn(line, func(l *casebuilder.Benefit) *casebuilder.MoneyKind { return &l.Money }), casebuilder.Avoidance)).Whole()
			// The input changed and its new value, in the input's unit.
			input, to := s.inputFields(rf, at, line)
			months := form.LineMonths(line, (*casebuilder.Case).BenefitMonths)
			start := rf.Start(at("startAt"), at("startMonth"), form.StartWhen(form.FieldIn(line, func(l *casebuilder.Benefit) *int { return &l.StartMonth }),
				form.FieldIn(line, func(l *casebuilder.Benefit) **casebuilder.Anchor { return &l.StartAt })), months)
			end := rf.End(at("endAt"), at("endMonth"), form.EndWhen(form.FieldIn(line, func(l *casebuilder.Benefit) **int { return &l.EndMonth }),
				form.FieldIn(line, func(l *casebuilder.Benefit) **casebuilder.Anchor { return &l.EndAt })), months)
			ramp := rf.Integer(at("rampMonths"), figure.Months, form.In(line, func(l *casebuilder.Benefit) *int { return &l.RampMonths }))
			owner := rf.Text(at("owner"), form.In(line, func(l *casebuilder.Benefit) *string { return &l.Owner }), "Who in Sales commits to it")
			note := rf.TextArea(at("note"), form.In(line, func(l *casebuilder.Benefit) *string { return &l.Note }),
				"The evidence for it, and why it lasts as long as it is counted", 2)
			value := s.valueLabel(fmt.Sprintf("benefit/%d", j))
			split := caption("")
			split.Wrapping = fyne.TextWrapWord
			s.lineSplits[fmt.Sprintf("benefit/%d", j)] = split
			amountBox := amountCols.Row(labelled("Yearly value at full effect ("+s.u.format().Symbol()+"): worst case, likely, best case", annual.Box()),
				labelled("What it is", money.Box()))
			shareBox := labelled("Share of the yearly cost of pain avoided (%): worst case, likely, best case", share.Box())
			// The input's value today beside its name, where there is room:
			// the new value's column is narrow.
			inputCaption, toCaption := captionLabel("Input it changes"), captionLabel("")
			inputCaption.Truncation, toCaption.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			// Over the new value's boxes, which is which: once filled,
			// they no longer show their names.
			inputBox := inputCols.Row(container.New(form.TightVBox{}, inputCaption, captionLabel(""), input.Box()),
				container.New(form.TightVBox{}, toCaption, outcomeHeader(), to.Box()))
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
						if r.Yearly() {
							now += " in year 1"
						}
					}
					form.SetText(inputCaption, fmt.Sprintf("Input it changes (today %s)", now))
				}
				// The header names the boxes; the caption says which way
				// is better, for the input chosen (none yet: nothing).
				form.SetText(toCaption, "Changes it to"+unitSuffix(s.u, c.Pain.InputUnit(l.Input))+betterWords(&c.Pain, l.Input))
			})
			return lineCard(
				container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions), labelled("Benefit", name.Box())),
				line2.Row(labelled("Valued as", basis.Box()), labelled("Owner", owner.Box())),
				container.NewStack(amountBox, shareBox, inputBox),
				labelled("From (the first month with any of it)", start.Box()),
				labelled("Until (the last month it is counted)", end.Box()),
				line6.Row(labelled("Months to full effect", ramp.Box()), labelled("A year at full effect (likely)", value), labelled("", split)),
				labelled("Note", note.Box()),
			)
		})
}

// inputFields are the input a painInput benefit changes, and its new value.
func (s *alternativesScreen) inputFields(rf *form.Form, at func(string) string, line func(c *casebuilder.Case) *casebuilder.Benefit) (*form.ChoiceField, *form.RangeField) {
	keys, labels := painInputChoices(&s.u.doc.c.Pain)
	input := rf.Choice(at("input"), keys, labels, form.In(line, func(l *casebuilder.Benefit) *string { return &l.Input }).Then(func(c *casebuilder.Case) {
		l := line(c)
		l.To = casebuilder.Exactly(currentInput(c, l.Input))
	}))
	input.Select().PlaceHolder = "Choose the input"
	unit := func() figure.Unit {
		if l := line(s.u.doc.c); l != nil {
			if u := s.u.doc.c.Pain.InputUnit(l.Input); u != "" {
				return u
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
	to = rf.Estimate(at("to"), unit(), form.In(line, func(l *casebuilder.Benefit) *casebuilder.Range { return &l.To })).AsOutcome()
	return input, to
}

// outcomeHeader names the three boxes of a benefit's estimate.
func outcomeHeader() fyne.CanvasObject {
	t := func(s string) fyne.CanvasObject {
		l := captionLabel(s)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	return container.NewGridWithColumns(3, t(casebuilder.WorstCase), t("likely"), t(casebuilder.BestCase))
}

// betterWords says which way an input of the pain must move for the pain
// to cost less, for the caption of a benefit's new value: for attrition,
// the worst case is the highest rate.
func betterWords(p *casebuilder.Pain, key string) string {
	switch p.Better(key) {
	case casebuilder.LowerIsBetter:
		return ", lower is better"
	case casebuilder.HigherIsBetter:
		return ", higher is better"
	}
	return ""
}

// painInputChoices are what a benefit or a measure can tie to, as keys
// and labels: the inputs of the pain's calculator, then each component's
// quantity and cost of each.
func painInputChoices(p *casebuilder.Pain) (keys, labels []string) {
	if k := casebuilder.CalculatorFor(p.Category); k != nil {
		for _, key := range k.Inputs {
			keys = append(keys, key)
			labels = append(labels, casebuilder.LookupInput(key).Label)
		}
	}
	for i := range p.Components {
		k := &p.Components[i]
		keys = append(keys, k.QuantityKey(), k.RateKey())
		labels = append(labels, p.InputLabel(k.QuantityKey()), p.InputLabel(k.RateKey()))
	}
	return keys, labels
}

// newBenefit is a new benefit line, worth nothing until the user says what
// it is worth: tied to the pain where there is a calculator (a share of
// it, none yet), else a yearly amount (none yet).
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
	// A benefit tied to the pain takes its kinds of money from the parts
	// of the cost it avoids.
	b.Money = ""
	switch basis {
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
	v, _ := c.Pain.Likely(key)
	return v
}

// impactSection judges the alternative's impact.
func (s *alternativesScreen) impactSection(f *form.Form, i int) fyne.CanvasObject {
	cols := form.NewColumns(0, 1)
	row := func(name, field string, get func(a *casebuilder.Alternative) *casebuilder.Judgement) fyne.CanvasObject {
		j := form.FieldIn(alternative(i), get)
		at := func(part string) string { return fmt.Sprintf("alternatives[%d].impact.%s.%s", i, field, part) }
		score := f.Score(at("score"), impactWords, form.In(j, func(j *casebuilder.Judgement) *int { return &j.Score })).Whole()
		// Two lines that wrap: a reason of a sentence is read whole.
		text := f.TextArea(at("text"), form.In(j, func(j *casebuilder.Judgement) *string { return &j.Text }), "Why, in a sentence", 2)
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
	cols := form.NewColumns(0, 1)
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
		score := f.Score(at("score"), criterionWords, scorePart(i, id, func(sc *casebuilder.Score) *int { return &sc.Score })).Whole()
		why := f.TextArea(at("rationale"), scorePart(i, id, func(sc *casebuilder.Score) *string { return &sc.Rationale }), "Why this score", 2)
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
	return (s.costs == nil) != baseline || s.builtFor != c.Pain.Category || s.builtCriteria != criteriaKey(c) || s.builtHeads != headsKey(c)
}

// headsKey sums up what per-head costs can take their heads from in c.
func headsKey(c *casebuilder.Case) string {
	keys, _ := headsOptions(c)
	return strings.Join(keys, ",")
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
	waits := a.c.WaitsFor(shown)
	if a.scores != nil && shown < len(a.scores.Alternatives) {
		for _, cs := range a.scores.Alternatives[shown].Criteria {
			if l, ok := s.autoScores[cs.Criterion]; ok {
				text := fmt.Sprintf("%d – %s. %s", cs.Score, criterionWords[min(max(cs.Score, 0), 5)], cs.Rationale)
				// A score from figures that wait would quote money no one
				// typed: "Scored from the NPV: €0".
				if waits != "" {
					text = "Not scored from its figures yet: it " + waits + "."
				}
				form.SetText(l, text)
			}
		}
	}
	waiting := a.c.WaitingLines(shown)
	for key, l := range s.lineValues {
		l.SetText("—")
		for _, line := range r.Lines {
			if fmt.Sprintf("%s/%d", line.Kind, line.Index) == key {
				// A line with no value yet shows none: its €0 is no figure.
				switch {
				case waiting[casebuilder.LineRef{Kind: line.Kind, Index: line.Index}]:
				case line.Kind == casebuilder.BenefitLine:
					l.SetText(f.Money(line.Value.Likely))
				default:
					l.SetText(f.Money(line.Total))
				}
			}
		}
	}
	for key, l := range s.lineSplits {
		text := ""
		for _, line := range r.Lines {
			if fmt.Sprintf("%s/%d", line.Kind, line.Index) == key {
				text = splitText(f, line.ByKind)
			}
		}
		form.SetText(l, text)
	}
	if a.c == s.u.doc.c {
		for key, l := range s.headsHints {
			var j int
			if _, err := fmt.Sscanf(key, "cost/%d", &j); err == nil && j < len(a.c.Alternatives[shown].Costs) {
				form.SetText(l, headsText(s.u, a.c, &a.c.Alternatives[shown].Costs[j]))
			}
		}
	}
	if r.DoNothing {
		s.summary.SetText("")
		return
	}
	if waits != "" {
		// No figure of money the user did not type: €0 of costs and an NPV
		// of €0 would read as findings.
		s.summary.SetText("Its figures against doing nothing wait" + strings.TrimPrefix(waits, "waits") + ".")
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

// splitText says what a benefit line brings over the horizon, by kind of
// money: "Over the horizon: €99,024 cash and €850,100 margin on sales".
func splitText(f *figure.Format, by casebuilder.KindAmounts) string {
	var parts []string
	for _, k := range []casebuilder.MoneyKind{casebuilder.Cash, casebuilder.Margin, casebuilder.Avoidance, casebuilder.Productivity} {
		if v := by.Of(k); v != 0 {
			parts = append(parts, f.Money(v)+" "+kindWords[k])
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Over the horizon: " + casebuilder.JoinNames(parts) + "."
}

// renameStop follows a line of alternative ai renamed from was to name in
// the gates that stop it, when ai is the recommendation (the gates stop
// its lines). Another line still called was keeps its place there.
func renameStop(c *casebuilder.Case, ai int, was, name string) {
	a := form.Item(c.Alternatives, ai)
	if a == nil || a.ID == "" || a.ID != c.Recommendation.Alternative || was == name {
		return
	}
	still := lineCalled(a, was)
	for gi := range c.Plan.Gates {
		g := &c.Plan.Gates[gi]
		if i := slices.Index(g.Stops, was); i >= 0 {
			if still {
				if !slices.Contains(g.Stops, name) {
					g.Stops = append(slices.Clone(g.Stops), name)
				}
				continue
			}
			stops := slices.Clone(g.Stops)
			stops[i] = name
			g.Stops = nil
			for _, st := range stops {
				if !slices.Contains(g.Stops, st) {
					g.Stops = append(g.Stops, st)
				}
			}
		}
	}
}

// forgetStop takes a removed line of alternative ai out of the gates that
// stop it, unless another line still has its name.
func forgetStop(c *casebuilder.Case, ai int, name string) {
	a := form.Item(c.Alternatives, ai)
	if a == nil || a.ID == "" || a.ID != c.Recommendation.Alternative || lineCalled(a, name) {
		return
	}
	for gi := range c.Plan.Gates {
		g := &c.Plan.Gates[gi]
		g.Stops = slices.DeleteFunc(slices.Clone(g.Stops), func(s string) bool { return s == name })
	}
}

// lineCalled reports whether a cost or benefit line of a is called name.
func lineCalled(a *casebuilder.Alternative, name string) bool {
	return slices.ContainsFunc(a.Costs, func(k casebuilder.Cost) bool { return k.Name == name }) ||
		slices.ContainsFunc(a.Benefits, func(b casebuilder.Benefit) bool { return b.Name == name })
}

// keepStops keeps in the gates only the lines of the recommendation, after
// it changed: the gates stop its lines.
func keepStops(c *casebuilder.Case) {
	a := form.Item(c.Alternatives, c.AlternativeByID(c.Recommendation.Alternative))
	for gi := range c.Plan.Gates {
		g := &c.Plan.Gates[gi]
		g.Stops = slices.DeleteFunc(slices.Clone(g.Stops), func(s string) bool { return a == nil || c.Recommendation.Alternative == "" || !lineCalled(a, s) })
		if len(g.Stops) == 0 {
			g.Stops = nil
		}
	}
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
