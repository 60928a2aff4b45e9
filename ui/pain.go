package ui

import (
	"errors"
	"fmt"
	"image/color"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

const painGuidance = "Put a price on a problem Sales already feels. The CEO weighs your case against every other use of the money, so the cost of doing nothing must be credible: evidence from your own data, inputs you can defend, and arithmetic anyone can follow. Rules of thumb are fine where you lack data, as long as they are labelled as such."

// categoryLabels name the pain categories for people.
var categoryLabels = map[casebuilder.PainCategory]string{
	casebuilder.SalesTurnover:  "High sales turnover",
	casebuilder.TalentScarcity: "Scarce qualified candidates: territories left open",
	casebuilder.RampUpTime:     "Long ramp-up of new hires",
	casebuilder.SkillsGap:      "Outdated selling skills: quota attainment below plan",
	casebuilder.UnclearRoles:   "Unclear roles, or friction between Sales and delivery",
	casebuilder.OtherPain:      "Another problem, with your own estimate of its cost",
}

// painScreen is the second step: the problem, its evidence, and the
// calculator that puts a yearly cost on it, with its working.
type painScreen struct {
	u        *UI
	form     *form.Form
	category *form.ChoiceField
	evidence *form.Table
	// components are the parts of the pain the user adds beside the
	// calculator: a quantity a month or a year times the cost of each.
	components *form.Table
	// inputs are the calculator's inputs, rebuilt when the category changes.
	inputs     *form.Form
	inputsBox  *fyne.Container
	builtFor   casebuilder.PainCategory
	builtYears string // the years of the horizon the inputs were built for (see yearsKey)
	resets     map[string]*widget.Button
	working    *fyne.Container
	annual     *widget.Label
	// annualByYear is the yearly cost in each year, when it changes.
	annualByYear *widget.Label
	left, right  *container.Scroll
	box          fyne.CanvasObject
}

func newPainScreen(u *UI) screen {
	s := &painScreen{u: u, form: u.newForm(casebuilder.StepPain), inputsBox: container.NewVBox(), working: container.NewVBox()}
	f := s.form
	var values, labels []string
	for _, k := range casebuilder.Calculators() {
		values = append(values, string(k.Category))
		labels = append(labels, categoryLabels[k.Category])
	}
	s.category = f.Choice("pain.category", values, labels,
		form.AsText(form.At(func(c *casebuilder.Case) *casebuilder.PainCategory { return &c.Pain.Category })))
	s.category.Select().PlaceHolder = "Choose the kind of problem"
	summary := f.TextArea("pain.summary", form.At(func(c *casebuilder.Case) *string { return &c.Pain.Summary }),
		"The problem in one or two sentences, as Sales would say it.", 3)
	s.evidence = s.evidenceTable()
	s.components = s.componentTable()

	s.annual = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.annual.SizeName = theme.SizeNameHeadingText
	s.annualByYear = caption("")
	s.annualByYear.Wrapping = fyne.TextWrapWord

	s.left = page(
		section("The problem", "", labelled("Kind of problem", s.category.Box()), labelled("In a sentence", summary.Box())),
		section("Evidence", "Findings from your own data that show the problem is real, each with its source.", s.evidence.Box()),
		section("The calculator's inputs", "Low and high are optional: leave them blank when you have a single figure. Blank inputs with a rule of thumb take it, labelled as such in the working. An input that changes over the horizon (a sales force that grows) can be given year by year: a year left blank is as the year before.", s.inputsBox),
		// The example's money is written as the boxes write it: a German
		// reads €3,800 as three euros eighty.
		section("Components of the pain", fmt.Sprintf("A cost no calculator covers, as a quantity times the cost of each: deals re-scoped after signature, 6 a month at %s each. Its yearly cost adds to the calculator's; benefits and measures can tie to it.", u.format().Money(3800)), s.components.Box()),
	)
	workingTitle := widget.NewLabelWithStyle("The working", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("Every input and every step, as the brief and the workbook will show them.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	s.right = form.WheelScroll(container.NewPadded(container.NewVBox(
		workingTitle, hint, s.working, widget.NewSeparator(),
		labelled("Yearly cost of the pain (likely)", container.New(form.TightVBox{}, s.annual, s.annualByYear)))))
	split := container.NewHSplit(s.left, s.right)
	split.Offset = 0.62
	s.box = split
	s.rebuildInputs(u.doc.c)
	return s
}

func (s *painScreen) evidenceTable() *form.Table {
	list := func(c *casebuilder.Case) *[]casebuilder.Evidence { return &c.Pain.Evidence }
	edits := form.List[casebuilder.Evidence]{Path: "pain.evidence", Get: list,
		New: func(*casebuilder.Case) casebuilder.Evidence { return casebuilder.Evidence{} }}.Edits(s.u.host(), casebuilder.StepPain)
	cols := form.NewColumns(1.5, 1)
	return s.form.Table(edits, "evidence", "No evidence yet. A CEO asks first: how do you know?",
		form.HeaderRow(cols, "Finding", "Source"), func(i int, rf *form.Form) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("pain.evidence[%d].%s", i, field) }
			evidence := form.ItemOf(list, i)
			finding := rf.TextArea(at("finding"), form.In(evidence, func(e *casebuilder.Evidence) *string { return &e.Finding }),
				"e.g. 40 of 121 reps left in the last twelve months", 3)
			// Wrapped, and whole too: a source cut off at the column's edge
			// cannot be checked at a glance.
			source := rf.TextArea(at("source"), form.In(evidence, func(e *casebuilder.Evidence) *string { return &e.Source }),
				"e.g. HRIS leavers report", 3)
			return cols.Row(finding.Box(), source.Box())
		})
}

// componentTable is the table of the pain's components.
func (s *painScreen) componentTable() *form.Table {
	list := func(c *casebuilder.Case) *[]casebuilder.Component { return &c.Pain.Components }
	edits := form.List[casebuilder.Component]{Path: "pain.components", Get: list, New: newComponent}.Edits(s.u.host(), casebuilder.StepPain)
	two := form.NewColumns(1, 1)
	three := form.NewColumns(1.4, 1, 1)
	return s.form.Cards(edits, "component", "No components. Add one for a cost no calculator covers, such as rework or escalations.",
		func(i int, rf *form.Form, actions fyne.CanvasObject) fyne.CanvasObject {
			at := func(field string) string { return fmt.Sprintf("pain.components[%d].%s", i, field) }
			k := form.ItemOf(list, i)
			name := rf.Text(at("name"), form.In(k, func(k *casebuilder.Component) *string { return &k.Name }), "e.g. Deals re-scoped after signature")
			counts := rf.Text(at("counts"), form.In(k, func(k *casebuilder.Component) *string { return &k.Counts }), "e.g. deals re-scoped")
			var pers, perLabels []string
			for _, p := range casebuilder.Periods {
				pers, perLabels = append(pers, string(p)), append(perLabels, "A "+string(p))
			}
			per := rf.Choice(at("per"), pers, perLabels, form.AsText(form.In(k, func(k *casebuilder.Component) *casebuilder.Period { return &k.Per })))
			quantity := rf.Estimate(at("quantity"), figure.Count, form.In(k, func(k *casebuilder.Component) *casebuilder.Range { return &k.Quantity }))
			rate := rf.Estimate(at("rate"), figure.Money, form.In(k, func(k *casebuilder.Component) *casebuilder.Range { return &k.Rate }))
			var kinds, kindLabels []string
			for _, b := range benefitKinds {
				kinds, kindLabels = append(kinds, string(b.kind)), append(kindLabels, b.label)
			}
			money := rf.Choice(at("money"), kinds, kindLabels,
				moneyValue(form.FieldIn(k, func(k *casebuilder.Component) *casebuilder.MoneyKind { return &k.Money }), casebuilder.Cash))
			source := rf.TextArea(at("source"), form.In(k, func(k *casebuilder.Component) *string { return &k.Source }),
				"Where the figures come from: e.g. CRM change orders, last twelve months", 2)
			return container.NewVBox(
				three.Row(labelled("Name", name.Box()), labelled("What it counts", counts.Box()), labelled("Counted", per.Box())),
				two.Row(labelled("How many (low, likely, high)", quantity.Box()), labelled("Cost of each (low, likely, high)", rate.Box())),
				two.Row(labelled("Kind of money", money.Box()), actions),
				labelled("Source", source.Box()),
			)
		})
}

// newComponent is a new component of the pain, counted a month, with an ID
// no other component and no calculator input has. A component must have a
// name and say what it counts (the working reads "Component 1: items a
// month"), so it starts with both, for the user to type over.
func newComponent(c *casebuilder.Case) casebuilder.Component {
	taken := idsOf(c.Pain.Components, func(k casebuilder.Component) string { return k.ID })
	id := uniqueID("component", taken)
	return casebuilder.Component{ID: id, Name: "Component " + strings.TrimPrefix(id, "component-"), Counts: "items", Per: casebuilder.PerMonth}
}

// rebuildInputs lays out the inputs of the case's calculator.
func (s *painScreen) rebuildInputs(c *casebuilder.Case) {
	s.builtFor, s.builtYears = c.Pain.Category, yearsKey(c)
	s.inputs = s.u.newForm(casebuilder.StepPain)
	s.resets = map[string]*widget.Button{}
	k := casebuilder.CalculatorFor(c.Pain.Category)
	if k == nil {
		l := widget.NewLabel("Choose the kind of problem above: its calculator's inputs appear here.")
		l.Importance = widget.LowImportance
		s.inputsBox.Objects = []fyne.CanvasObject{l}
		s.inputsBox.Refresh()
		return
	}
	cols := form.NewColumns(1, 1.8, 0) // at 1024 wide, boxes wide enough for "1,400,000"
	objs := []fyne.CanvasObject{cols.Row(widget.NewLabel(""), rangeHeader(), resetWidth())}
	for _, key := range k.Inputs {
		objs = append(objs, s.inputRow(cols, casebuilder.LookupInput(key)))
	}
	s.inputsBox.Objects = objs
	s.inputsBox.Refresh()
}

// rangeHeader titles the three entries of an estimate.
func rangeHeader() fyne.CanvasObject {
	t := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.SizeName = theme.SizeNameCaptionText
		l.Importance = widget.LowImportance
		return l
	}
	return container.NewGridWithColumns(3, t("Low"), t("Likely"), t("High"))
}

// inputRow is one input of the calculator: its name and help, its low,
// likely and high values, one estimate or one for each year of the
// horizon, and its rule-of-thumb default.
func (s *painScreen) inputRow(cols *form.Columns, in *casebuilder.Input) fyne.CanvasObject {
	key := in.Key
	path := "pain.inputs." + key
	field := s.inputs.OptionalEstimate(path, in.Unit, painInput(key))
	_, likely, _ := field.Entries()
	if in.HasDefault() {
		likely.SetPlaceHolder("default") // "rule of thumb" is cut in a box this narrow
	} else {
		likely.SetPlaceHolder("needed")
	}
	// Year by year: a row for each year of the horizon, the one left
	// blank as the year before.
	c := s.u.doc.c
	yearCols := form.NewColumns(0, 1)
	var years []fyne.CanvasObject
	for y := range horizonYears(c) {
		yf := s.inputs.OptionalEstimate(fmt.Sprintf("%s[%d]", path, y), in.Unit, painYear(key, y))
		_, l, _ := yf.Entries()
		if y > 0 {
			l.SetPlaceHolder("as the year before")
		}
		years = append(years, yearCols.Row(captionLabel(yearLabel(c, y)), yf.Box()))
	}
	yearsBox := container.NewVBox(years...)
	yearly := form.NewCheck("Year by year", nil)
	setting := false
	yearly.OnChanged = func(on bool) {
		if !setting {
			s.onYearByYear(key, on)
		}
	}
	s.inputs.Watch(func(c *casebuilder.Case) {
		v, set := c.Pain.Inputs[key]
		setting = true
		yearly.SetChecked(set && v.Yearly())
		setting = false
		form.Enable(yearly, set)
		form.SetVisible(field.Box(), !v.Yearly())
		form.SetVisible(yearsBox, v.Yearly())
	})
	name := widget.NewLabel(in.Label + unitSuffix(s.u, in.Unit))
	name.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel(in.Help)
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	help.Importance = widget.LowImportance
	// The name beside the boxes; what it means, its rule of thumb and the
	// tick under them, across the row, where they wrap less.
	about := container.New(form.TightVBox{}, help)
	if in.HasDefault() {
		note := widget.NewLabel(in.DefaultNote + " It applies while the input is blank.")
		note.Wrapping = fyne.TextWrapWord
		note.SizeName = theme.SizeNameCaptionText
		note.Importance = widget.LowImportance
		about.Add(note)
	}
	reset := widget.NewButton("Use default", func() { s.onUseDefault(key) })
	reset.Importance = widget.LowImportance
	s.resets[key] = reset
	s.showReset(key)
	if !in.HasDefault() {
		reset.Hide()
	}
	about.Add(yearly)
	return container.New(form.TightVBox{},
		cols.Row(name, container.NewVBox(field.Box(), yearsBox), container.NewVBox(container.NewStack(resetWidth(), reset))),
		about)
}

// resetWidth holds the place of the "Use default" button in every row,
// shown or not, so that the estimates of every row line up.
func resetWidth() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(widget.NewButton("Use default", nil).MinSize().Width, 1))
	return r
}

// onYearByYear gives an input year by year, its one estimate the first
// year's (the years after it are as the year before until given), or one
// estimate again, the first year's.
func (s *painScreen) onYearByYear(key string, on bool) {
	path := "pain.inputs." + key
	err := s.u.edit(casebuilder.Where{Step: casebuilder.StepPain, Path: path}, "", func(c *casebuilder.Case) error {
		v, set := c.Pain.Inputs[key]
		switch {
		case !set:
			return errors.New("give the input a value first: its first year's")
		case v.Yearly() == on:
			return form.ErrUnchanged
		}
		c.Pain.Inputs = maps.Clone(c.Pain.Inputs)
		if on {
			c.Pain.Inputs[key] = casebuilder.ByYear(v.Range)
		} else {
			c.Pain.Inputs[key] = casebuilder.Given(v.InYear(0))
		}
		return nil
	})
	if err != nil && !errors.Is(err, form.ErrUnchanged) {
		s.u.showError("Cannot change how the input is given", err, "")
	}
	s.refresh(true)
	// Where the values now are: the first year's, or the one estimate.
	if on {
		s.inputs.Focus(path + "[0]")
	} else {
		s.inputs.Focus(path)
	}
}

// painYear is year y's estimate of an input given year by year: nil for a
// year after the last one given (it is as the year before), and for an
// input given as one estimate. A value typed for a later year fills the
// years between with the last one given; the last year cleared is as the
// year before again.
func painYear(key string, y int) form.Value[*casebuilder.Range] {
	return form.Value[*casebuilder.Range]{
		Read: func(c *casebuilder.Case) (*casebuilder.Range, bool) {
			v, set := c.Pain.Inputs[key]
			if !set || !v.Yearly() || y >= len(v.Years) {
				return nil, true
			}
			r := v.Years[y]
			return &r, true
		},
		Write: func(c *casebuilder.Case, r *casebuilder.Range) error {
			v, set := c.Pain.Inputs[key]
			if !set || !v.Yearly() {
				return form.ErrGone
			}
			years := slices.Clone(v.Years)
			switch {
			case r == nil && y >= len(years):
				return form.ErrUnchanged
			case r == nil && y == len(years)-1 && y > 0:
				years = years[:y]
			case r == nil && y == 0:
				return errors.New("type the first year's value: the years after it follow it")
			case r == nil:
				return fmt.Errorf("type this year's value, or clear the years after it first (a blank year is as the year before)")
			case y < len(years):
				if years[y] == *r {
					return form.ErrUnchanged
				}
				years[y] = *r
			default:
				for len(years) < y {
					years = append(years, years[len(years)-1])
				}
				years = append(years, *r)
			}
			c.Pain.Inputs = maps.Clone(c.Pain.Inputs)
			c.Pain.Inputs[key] = casebuilder.ByYear(years...)
			return nil
		},
	}
}

// horizonYears is the number of years of the case's horizon, a partial
// last year counting as a year.
func horizonYears(c *casebuilder.Case) int {
	return max(1, (c.HorizonMonths+casebuilder.PeriodsPerYear-1)/casebuilder.PeriodsPerYear)
}

// yearsKey sums up the years an input can be given for, to tell when the
// inputs must be laid out again.
func yearsKey(c *casebuilder.Case) string {
	return fmt.Sprintf("%d/%s", horizonYears(c), c.StartDate)
}

// yearLabel names year y of the horizon: its calendar year when the
// horizon starts in January, else the month it starts ("from Apr 2027").
func yearLabel(c *casebuilder.Case, y int) string {
	switch {
	case c.StartDate.IsZero():
		return fmt.Sprintf("Year %d", y+1)
	case c.StartDate.Month == time.January:
		return fmt.Sprint(c.StartDate.Year + y)
	}
	return "from " + c.StartDate.AddMonths(12*y).Time().Format("Jan 2006")
}

// painInput is the estimate of an input of the pain's calculator: nil
// while it is left out, and its default applies.
func painInput(key string) form.Value[*casebuilder.Range] {
	return form.Value[*casebuilder.Range]{
		Read: func(c *casebuilder.Case) (*casebuilder.Range, bool) {
			if v, set := c.Pain.Inputs[key]; set {
				return &v.Range, true
			}
			return nil, true
		},
		Write: func(c *casebuilder.Case, r *casebuilder.Range) error {
			old, had := c.Pain.Inputs[key]
			switch {
			case r == nil && !had, r != nil && had && old.Range == *r:
				return form.ErrUnchanged
			case r == nil:
				c.Pain.Inputs = maps.Clone(c.Pain.Inputs)
				delete(c.Pain.Inputs, key)
			default:
				if c.Pain.Inputs == nil {
					c.Pain.Inputs = map[string]casebuilder.InputValue{}
				}
				v := casebuilder.Given(*r)
				if old.Yearly() {
					// The field shows the first year: change that year only.
					v = casebuilder.ByYear(old.Years...)
					v.Years[0], v.Range = *r, *r
				}
				c.Pain.Inputs[key] = v
			}
			return nil
		},
	}
}

// unitSuffix says in what a figure is typed: " (€)", " (%)", " (days)".
func unitSuffix(u *UI, unit figure.Unit) string {
	switch unit {
	case figure.Money:
		return " (" + u.format().Symbol() + ")"
	case figure.MoneyPerHour:
		return " (" + u.format().Symbol() + " per hour)"
	case figure.Percent:
		return " (%)"
	case figure.Count, figure.Number, "":
		return ""
	}
	return " (" + string(unit) + ")"
}

// onUseDefault clears an input so that it takes its rule-of-thumb default.
func (s *painScreen) onUseDefault(key string) {
	err := s.u.edit(casebuilder.Where{Step: casebuilder.StepPain, Path: "pain.inputs." + key}, "", func(c *casebuilder.Case) error {
		if _, ok := c.Pain.Inputs[key]; !ok {
			return form.ErrUnchanged
		}
		c.Pain.Inputs = maps.Clone(c.Pain.Inputs)
		delete(c.Pain.Inputs, key)
		return nil
	})
	if err == nil {
		s.refresh(true)
	}
}

// showReset offers "Use default" only when an input with a default is set.
func (s *painScreen) showReset(key string) {
	b := s.resets[key]
	if b == nil {
		return
	}
	in := casebuilder.LookupInput(key)
	_, set := s.u.doc.c.Pain.Inputs[key]
	if in.HasDefault() && set {
		b.Show()
	} else {
		b.Hide()
	}
}

func (s *painScreen) content() fyne.CanvasObject { return s.box }

func (s *painScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.left, s.right} }

func (s *painScreen) refresh(force bool) {
	c := s.u.doc.c
	if c.Pain.Category != s.builtFor || yearsKey(c) != s.builtYears {
		s.rebuildInputs(c)
	}
	s.form.Refresh(c, force)
	s.inputs.Refresh(c, force)
	for key := range s.resets {
		s.showReset(key)
	}
}

// showAnalysis shows the calculator's working: every input with where it
// comes from, then every step with its formula and value.
func (s *painScreen) showAnalysis(a analysis) {
	f := s.u.formatOf(a.c)
	p := a.res.Pain
	var rows []fyne.CanvasObject
	if len(p.Working) == 0 {
		l := widget.NewLabel("The working appears here once you choose the kind of problem.")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		rows = append(rows, l)
	}
	inputs := true
	for _, st := range p.Working {
		if st.Kind == casebuilder.WorkingCalculated && inputs {
			inputs = false
			rows = append(rows, widget.NewSeparator())
		}
		rows = append(rows, workingRow(f, a.c, st, p.Missing))
	}
	s.working.Objects = rows
	s.working.Refresh()
	switch {
	case a.c.Pain.Category == "":
		s.annual.SetText("—")
	case !p.Complete():
		s.annual.SetText("needs " + figure.Plural(len(p.Missing), "more input", "more inputs"))
	default:
		s.annual.SetText(f.Money(p.Annual))
	}
	text := ""
	if p.Complete() && a.c.Pain.Category != "" && !allSame(p.AnnualByYear) {
		text = byYear(a.c, p.AnnualByYear, f.Money)
	}
	form.SetText(s.annualByYear, text)
}

// allSame reports whether every value is the first one.
func allSame(values []float64) bool {
	for _, v := range values {
		if v != values[0] {
			return false
		}
	}
	return true
}

// byYear writes a value in each year of the horizon: "2027: 125 · 2028:
// 150 · 2029: 150".
func byYear(c *casebuilder.Case, values []float64, format func(float64) string) string {
	parts := make([]string, len(values))
	for y, v := range values {
		parts[y] = yearLabel(c, y) + ": " + format(v)
	}
	return strings.Join(parts, " · ")
}

// workingRow is one line of the working of c's pain, with its value in
// each year when it changes over the horizon; missing are the inputs the
// calculator still lacks.
func workingRow(f *figure.Format, c *casebuilder.Case, st casebuilder.WorkingLine, missing []string) fyne.CanvasObject {
	name := widget.NewLabel(st.Label)
	name.Wrapping = fyne.TextWrapWord
	value := widget.NewLabelWithStyle(f.Value(st.Value, st.Unit), fyne.TextAlignTrailing, fyne.TextStyle{})
	var note string
	switch st.Kind {
	case casebuilder.WorkingDefault:
		note = st.Formula
		// A rule of thumb worked out from an input still missing has no
		// value yet: it waits for that input, as the missing ones do.
		if waits := waitingFor(c.Pain.Category, st.Key, missing); len(waits) > 0 {
			note = waitsNote(waits) + " " + note
			value.SetText("?")
		}
	case casebuilder.WorkingMissing:
		note = "Missing: type it on the left."
		value.SetText("?")
		value.Importance = widget.DangerImportance
	case casebuilder.WorkingCalculated:
		note = "= " + st.Formula
		// Nor has a step that reads a missing input, itself or through
		// the steps before it: its value would be the €0 of a blank.
		if waits := waitingFor(c.Pain.Category, st.Key, missing); len(waits) > 0 {
			note = waitsNote(waits) + " " + note
			value.SetText("?")
		}
		if st.Key == "annual" {
			name.TextStyle.Bold = true
			value.TextStyle.Bold = true
		}
	}
	left := container.New(form.TightVBox{}, name)
	if st.ByYear != nil && !allSame(st.ByYear) && st.Kind != casebuilder.WorkingMissing {
		years := widget.NewLabel(byYear(c, st.ByYear, func(v float64) string { return f.Value(v, st.Unit) }))
		years.Wrapping = fyne.TextWrapWord
		years.SizeName = theme.SizeNameCaptionText
		left.Add(years)
	}
	if note != "" {
		n := widget.NewLabel(note)
		n.Wrapping = fyne.TextWrapWord
		n.SizeName = theme.SizeNameCaptionText
		n.Importance = widget.LowImportance
		if st.Kind == casebuilder.WorkingMissing {
			n.Importance = widget.DangerImportance
		}
		left.Add(n)
	}
	if st.Kind == casebuilder.WorkingDefault {
		bar := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
		bar.SetMinSize(fyne.NewSize(3, 1))
		return container.NewBorder(nil, nil, bar, value, left)
	}
	return container.NewBorder(nil, nil, nil, value, left)
}

// waitingFor returns the labels of the missing inputs that the line key
// of the working reads, itself or through other lines: the default of an
// input, or a step of category's calculator.
func waitingFor(category casebuilder.PainCategory, key string, missing []string) []string {
	formulas := map[string]*casebuilder.Formula{}
	if calc := casebuilder.CalculatorFor(category); calc != nil {
		for i := range calc.Formulas {
			formulas[calc.Formulas[i].Key] = &calc.Formulas[i]
		}
	}
	var out []string
	seen := map[string]bool{}
	var visit func(key string)
	visit = func(key string) {
		if seen[key] {
			return
		}
		seen[key] = true
		if fm, ok := formulas[key]; ok {
			for _, name := range fm.Expr.Names() {
				visit(name)
			}
			return
		}
		in := casebuilder.LookupInput(key)
		if in == nil {
			return
		}
		if slices.Contains(missing, key) {
			out = append(out, in.Label)
			return
		}
		for _, name := range in.DefaultExpression().Names() {
			visit(name)
		}
	}
	visit(key)
	return out
}

// waitsNote says what a line of the working waits for: the inputs by name,
// or how many when they are more than a note holds.
func waitsNote(labels []string) string {
	if len(labels) > 3 {
		return "Waits for " + figure.Plural(len(labels), "input", "inputs") + " still missing."
	}
	return "Waits for: " + strings.Join(labels, "; ") + "."
}

func (s *painScreen) focus(path string) bool {
	return s.form.Focus(path) || s.inputs.Focus(path)
}
