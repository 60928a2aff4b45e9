package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

const measuresGuidance = "Say how everyone will know it worked. A CEO wants a few measures tied back to the pain, each with today's baseline, a target and a date, how it is measured and who reports it. Then credit the people who helped build the case: it is how they will help you again."

// measuresScreen is the seventh step: the measures of success and the
// people to credit.
type measuresScreen struct {
	u       *UI
	tabs    *container.AppTabs
	md      *form.MasterDetail
	others  *form.Form
	credits *container.Scroll
}

// measureUnits are the units a measure can have.
var measureUnits = []struct {
	unit  figure.Unit
	label string
}{
	{figure.Percent, "Percentage"},
	{figure.Money, "Amount of money"},
	{figure.Count, "Count"},
	{figure.Months, "Months"},
	{figure.Days, "Days"},
	{figure.Weeks, "Weeks"},
	{figure.Hours, "Hours"},
	{figure.Number, "Number"},
}

func newMeasuresScreen(u *UI) screen {
	s := &measuresScreen{u: u, others: u.newForm(casebuilder.StepMeasures)}
	edits := form.List[casebuilder.Measure]{Path: "measures",
		Get: func(c *casebuilder.Case) *[]casebuilder.Measure { return &c.Measures },
		New: func(*casebuilder.Case) casebuilder.Measure {
			return casebuilder.Measure{Name: "New measure", Unit: figure.Percent}
		},
		Copied: func(c *casebuilder.Case, copied *casebuilder.Measure) {
			copied.Name += " (copy)"
			if copied.ID != "" {
				copied.ID = uniqueID(copied.ID, measureIDs(c))
			}
		},
		// The thresholds of the gates that test a KPI removed go with it.
		Removed: func(c *casebuilder.Case, removed casebuilder.Measure) {
			if removed.ID == "" {
				return
			}
			for gi := range c.Plan.Gates {
				g := &c.Plan.Gates[gi]
				g.Thresholds = slices.DeleteFunc(slices.Clone(g.Thresholds), func(t casebuilder.Threshold) bool { return t.Measure == removed.ID })
			}
		},
	}.Edits(u.host(), casebuilder.StepMeasures)
	s.md = form.NewMasterDetail(u.host(), casebuilder.StepMeasures, edits, "measure", func(c *casebuilder.Case, i int) (string, string) {
		m := &c.Measures[i]
		f := u.format()
		return firstLine(m.Name, "Untitled measure"), fmt.Sprintf("%s → %s by %s", f.Value(m.Baseline, m.Unit), f.Value(m.Target, m.Unit), shortDate(m.Date))
	}, s.showMeasure)
	split := container.NewHSplit(s.md.List.Box(), s.md.Detail)
	split.Offset = 0.34
	contributors := s.contributorTable()
	s.credits = page(section("Contributors", "Who helped build the case, and with what, so that it can be recognised.", contributors.Box()))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Measures of success", split),
		container.NewTabItem("Credits", s.credits),
	)
	s.refresh(true)
	return s
}

// showMeasure lays out the form of measure i.
func (s *measuresScreen) showMeasure(i int, f *form.Form) fyne.CanvasObject {
	at := func(field string) string { return fmt.Sprintf("measures[%d].%s", i, field) }
	ms := func(c *casebuilder.Case) *casebuilder.Measure { return form.Item(c.Measures, i) }
	text := func(get func(m *casebuilder.Measure) *string) form.Value[string] { return form.In(ms, get) }
	name := f.Text(at("name"), text(func(m *casebuilder.Measure) *string { return &m.Name }), "e.g. Sales attrition, rolling twelve months")
	var units, unitLabels []string
	for _, u := range measureUnits {
		units = append(units, string(u.unit))
		unitLabels = append(unitLabels, u.label)
	}
	unit := f.Choice(at("unit"), units, unitLabels, form.Convert(form.In(ms, func(m *casebuilder.Measure) *figure.Unit { return &m.Unit }),
		func(u figure.Unit) string { return string(unitOr(u)) },
		func(v string) (figure.Unit, error) { return figure.Unit(v), nil }))
	// Baseline and target read in the measure's unit; the watcher comes
	// first so that they are written in the new unit when it changes.
	var baseline, target *form.NumberField
	currentUnit := func() figure.Unit {
		if m := ms(s.u.doc.c); m != nil {
			return unitOr(m.Unit)
		}
		return figure.Number
	}
	f.Watch(func(*casebuilder.Case) {
		if baseline != nil {
			baseline.SetUnit(currentUnit())
			target.SetUnit(currentUnit())
		}
	})
	baseline = f.Number(at("baseline"), currentUnit(), form.In(ms, func(m *casebuilder.Measure) *float64 { return &m.Baseline }))
	target = f.Number(at("target"), currentUnit(), form.In(ms, func(m *casebuilder.Measure) *float64 { return &m.Target }))
	date := f.Date(at("date"), form.In(ms, func(m *casebuilder.Measure) *casebuilder.Date { return &m.Date }))
	method := f.TextArea(at("method"), text(func(m *casebuilder.Measure) *string { return &m.Method }), "How it is measured, from which data", 2)
	owner := f.Text(at("owner"), text(func(m *casebuilder.Measure) *string { return &m.Owner }), "Who reports it")
	levelValues := []string{"0"}
	levelLabels := []string{"None"}
	for n := 1; n <= 5; n++ {
		levelValues = append(levelValues, strconv.Itoa(n))
		levelLabels = append(levelLabels, fmt.Sprintf("%d – %s", n, casebuilder.Levels[n]))
	}
	level := f.Choice(at("level"), levelValues, levelLabels,
		form.Convert(form.In(ms, func(m *casebuilder.Measure) *int { return &m.Level }), strconv.Itoa, strconv.Atoi))
	inputValues := []string{""}
	inputLabels := []string{"None"}
	for _, in := range casebuilder.Inputs() {
		inputValues = append(inputValues, in.Key)
		inputLabels = append(inputLabels, in.Label)
	}
	for i := range s.u.doc.c.Pain.Components {
		k := &s.u.doc.c.Pain.Components[i]
		for _, key := range []string{k.QuantityKey(), k.RateKey()} {
			inputValues = append(inputValues, key)
			inputLabels = append(inputLabels, s.u.doc.c.Pain.InputLabel(key))
		}
	}
	// The measure takes the unit of the input it tracks: a share of the
	// pain's input is read as a percentage, a count as a count.
	painInput := f.Choice(at("painInput"), inputValues, inputLabels, text(func(m *casebuilder.Measure) *string { return &m.PainInput }).Then(func(c *casebuilder.Case) {
		if m := ms(c); m != nil {
			if u := measureUnitOf(c.Pain.InputUnit(m.PainInput)); u != "" {
				m.Unit = u
			}
		}
	}))
	three := form.NewColumns(1, 1, 1)
	two := form.NewColumns(1, 1)
	return detailPage(
		section("The measure", "",
			labelled("Name", name.Box()),
			three.Row(labelled("Unit", unit.Box()), labelled("Baseline today", baseline.Box()), labelled("Target", target.Box())),
			two.Row(labelled("Target date", date.Box()), labelled("Owner", owner.Box())),
			labelled("Method", method.Box())),
		section("Tied to", "A measure tied to an input of the pain shows the CEO that the pain itself is tracked.",
			two.Row(labelled("Input of the pain it tracks", painInput.Box()), labelled("Evaluation level (Kirkpatrick / Phillips)", level.Box()))),
	)
}

// measureUnitOf is the measure's unit that reads a figure of unit u: u
// itself when a measure can have it, money for money an hour; "" for none
// (no input, or a plain number, which leaves the measure's unit as it is).
func measureUnitOf(u figure.Unit) figure.Unit {
	if u == figure.MoneyPerHour {
		return figure.Money
	}
	for _, m := range measureUnits {
		if m.unit == u && u != figure.Number {
			return u
		}
	}
	return ""
}

// unitOr is a measure's unit, a plain number when it has none.
func unitOr(u figure.Unit) figure.Unit {
	if u == "" {
		return figure.Number
	}
	return u
}

// contributorTable lists who helped build the case.
func (s *measuresScreen) contributorTable() *form.Table {
	list := func(c *casebuilder.Case) *[]casebuilder.Contributor { return &c.Contributors }
	edits := form.List[casebuilder.Contributor]{Path: "contributors", Get: list,
		New: func(*casebuilder.Case) casebuilder.Contributor { return casebuilder.Contributor{} }}.Edits(s.u.host(), casebuilder.StepMeasures)
	cols := form.NewColumns(1, 1, 2)
	return s.others.Table(edits, "contributor", "No contributors yet.",
		form.HeaderRow(cols, "Name", "Role", "Contribution"), func(i int, rf *form.Form) fyne.CanvasObject {
			type text = textColumn[casebuilder.Contributor]
			return textRow(rf, cols, fmt.Sprintf("contributors[%d]", i), form.ItemOf(list, i),
				text{"name", "", func(k *casebuilder.Contributor) *string { return &k.Name }},
				text{"role", "", func(k *casebuilder.Contributor) *string { return &k.Role }},
				text{"contribution", "What they did", func(k *casebuilder.Contributor) *string { return &k.Contribution }})
		})
}

func (s *measuresScreen) content() fyne.CanvasObject { return s.tabs }

// scrolls are those of the tab shown: the other's is hidden, though still
// laid out where it would be.
func (s *measuresScreen) scrolls() []*container.Scroll {
	if s.tabs.SelectedIndex() == 1 {
		return []*container.Scroll{s.credits}
	}
	return []*container.Scroll{s.md.Detail}
}

func (s *measuresScreen) refresh(force bool) {
	c := s.u.doc.c
	s.md.Refresh(c, force)
	s.others.Refresh(c, force)
}

func (s *measuresScreen) showAnalysis(analysis) {}

func (s *measuresScreen) focus(path string) bool {
	if _, _, ok := form.IndexIn(path, "measures"); ok {
		s.tabs.SelectIndex(0)
		return s.md.Focus(path)
	}
	if strings.HasPrefix(path, "contributors") {
		s.tabs.SelectIndex(1)
		return s.others.Focus(path)
	}
	return false
}
