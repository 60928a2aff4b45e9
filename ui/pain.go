package ui

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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
	// inputs are the calculator's inputs, rebuilt when the category changes.
	inputs      *form.Form
	inputsBox   *fyne.Container
	builtFor    casebuilder.PainCategory
	resets      map[string]*widget.Button
	working     *fyne.Container
	annual      *widget.Label
	left, right *container.Scroll
	box         fyne.CanvasObject
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

	s.annual = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.annual.SizeName = theme.SizeNameHeadingText

	s.left = page(
		section("The problem", "", labelled("Kind of problem", s.category.Box()), labelled("In a sentence", summary.Box())),
		section("Evidence", "Findings from your own data that show the problem is real, each with its source.", s.evidence.Box()),
		section("The calculator's inputs", "Low and high are optional: leave them blank when you have a single figure. Blank inputs with a rule of thumb take it, labelled as such in the working.", s.inputsBox),
	)
	workingTitle := widget.NewLabelWithStyle("The working", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("Every input and every step, as the brief and the workbook will show them.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	s.right = container.NewVScroll(container.NewPadded(container.NewVBox(
		workingTitle, hint, s.working, widget.NewSeparator(),
		labelled("Yearly cost of the pain (likely)", s.annual))))
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
			// As tall as the finding, and wrapped: a source cut off at the
			// column's edge cannot be checked at a glance.
			source := rf.TextArea(at("source"), form.In(evidence, func(e *casebuilder.Evidence) *string { return &e.Source }),
				"e.g. HRIS leavers report", 3)
			return cols.Row(finding.Box(), source.Box())
		})
}

// rebuildInputs lays out the inputs of the case's calculator.
func (s *painScreen) rebuildInputs(c *casebuilder.Case) {
	s.builtFor = c.Pain.Category
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
	cols := form.NewColumns(1.3, 1.5, 0)
	objs := []fyne.CanvasObject{cols.Row(widget.NewLabel(""), rangeHeader(), widget.NewLabel("            "))}
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
// likely and high values, and its rule-of-thumb default.
func (s *painScreen) inputRow(cols *form.Columns, in *casebuilder.Input) fyne.CanvasObject {
	key := in.Key
	field := s.inputs.OptionalEstimate("pain.inputs."+key, in.Unit, painInput(key))
	_, likely, _ := field.Entries()
	if in.HasDefault() {
		likely.SetPlaceHolder("rule of thumb")
	} else {
		likely.SetPlaceHolder("needed")
	}
	name := widget.NewLabel(in.Label + unitSuffix(s.u, in.Unit))
	name.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel(in.Help)
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	help.Importance = widget.LowImportance
	label := container.New(form.TightVBox{}, name, help)
	if in.HasDefault() {
		note := widget.NewLabel(in.DefaultNote + " It applies while the input is blank.")
		note.Wrapping = fyne.TextWrapWord
		note.SizeName = theme.SizeNameCaptionText
		note.Importance = widget.LowImportance
		label.Add(note)
	}
	reset := widget.NewButton("Use default", func() { s.onUseDefault(key) })
	reset.Importance = widget.LowImportance
	s.resets[key] = reset
	s.showReset(key)
	if !in.HasDefault() {
		reset.Hide()
	}
	return cols.Row(label, field.Box(), container.NewVBox(container.NewStack(reset, layout.NewSpacer())))
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
	if c.Pain.Category != s.builtFor {
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
		rows = append(rows, workingRow(f, st, p.Missing))
	}
	s.working.Objects = rows
	s.working.Refresh()
	switch {
	case a.c.Pain.Category == "":
		s.annual.SetText("—")
	case !p.Complete():
		s.annual.SetText(fmt.Sprintf("needs %d more input(s)", len(p.Missing)))
	default:
		s.annual.SetText(f.Money(p.Annual))
	}
}

// workingRow is one line of the working; missing are the inputs the
// calculator still lacks.
func workingRow(f *figure.Format, st casebuilder.WorkingLine, missing []string) fyne.CanvasObject {
	name := widget.NewLabel(st.Label)
	name.Wrapping = fyne.TextWrapWord
	value := widget.NewLabelWithStyle(f.Value(st.Value, st.Unit), fyne.TextAlignTrailing, fyne.TextStyle{})
	var note string
	switch st.Kind {
	case casebuilder.WorkingDefault:
		note = st.Formula
		// A rule of thumb worked out from an input still missing has no
		// value yet: it waits for that input, as the missing ones do.
		if waits := waitingFor(st.Key, missing); len(waits) > 0 {
			note = "Waits for: " + strings.Join(waits, "; ") + ". " + note
			value.SetText("?")
		}
	case casebuilder.WorkingMissing:
		note = "Missing: type it on the left."
		value.SetText("?")
		value.Importance = widget.DangerImportance
	case casebuilder.WorkingCalculated:
		note = "= " + st.Formula
		if st.Key == "annual" {
			name.TextStyle.Bold = true
			value.TextStyle.Bold = true
		}
	}
	left := container.New(form.TightVBox{}, name)
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

// waitingFor returns the labels of the missing inputs that the default of
// the input key reads, itself or through other defaults.
func waitingFor(key string, missing []string) []string {
	var out []string
	seen := map[string]bool{}
	var visit func(key string)
	visit = func(key string) {
		in := casebuilder.LookupInput(key)
		if in == nil || seen[key] {
			return
		}
		seen[key] = true
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

func (s *painScreen) focus(path string) bool {
	return s.form.Focus(path) || s.inputs.Focus(path)
}
