package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/casebuilder/casebuilder/casebuilder"
)

const measuresGuidance = "Say how everyone will know it worked. A CEO wants a few measures tied back to the pain, each with today's baseline, a target and a date, how it is measured and who reports it. Then credit the people who helped build the case: it is how they will help you again."

// measuresScreen is the seventh step: the measures of success and the
// people to credit.
type measuresScreen struct {
	u            *UI
	tabs         *container.AppTabs
	list         *master
	shown        int
	form         *form
	detail       *container.Scroll
	contributors *rowTable
	credits      *container.Scroll
}

// measureUnits are the units a measure can have.
var measureUnits = []struct {
	unit  casebuilder.Unit
	label string
}{
	{casebuilder.Percent, "Percentage"},
	{casebuilder.Money, "Amount of money"},
	{casebuilder.Count, "Count"},
	{casebuilder.Months, "Months"},
	{casebuilder.Days, "Days"},
	{casebuilder.Weeks, "Weeks"},
	{casebuilder.Hours, "Hours"},
	{casebuilder.Number, "Number"},
}

func newMeasuresScreen(u *UI) screen {
	s := &measuresScreen{u: u, shown: -1}
	edits := sliceEdits(u, casebuilder.StepMeasures, fixed("measures"),
		func(c *casebuilder.Case) *[]casebuilder.Measure { return &c.Measures },
		func(*casebuilder.Case) casebuilder.Measure {
			return casebuilder.Measure{Name: "New measure", Unit: casebuilder.Percent}
		}, nil,
		func(_ *casebuilder.Case, copied *casebuilder.Measure) { copied.Name += " (copy)" })
	s.list = newMaster(u, edits, "measure", func(c *casebuilder.Case, i int) (string, string) {
		m := &c.Measures[i]
		f := u.format()
		return firstLine(m.Name, "Untitled measure"), fmt.Sprintf("%s → %s by %s", f.Value(m.Baseline, m.Unit), f.Value(m.Target, m.Unit), shortDate(m.Date))
	}, s.onSelect)
	s.detail = container.NewVScroll(container.NewStack())
	split := container.NewHSplit(s.list.box, s.detail)
	split.Offset = 0.34
	s.contributors = s.contributorTable()
	s.credits = page(section("Contributors", "Who helped build the case, and with what, so that it can be recognised.", s.contributors.box))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Measures of success", split),
		container.NewTabItem("Credits", s.credits),
	)
	s.refresh(true)
	return s
}

// onSelect shows the form of measure i.
func (s *measuresScreen) onSelect(i int) {
	s.shown = i
	s.form = newForm(s.u, casebuilder.StepMeasures)
	if item(s.u.doc.c.Measures, i) == nil {
		s.detail.Content = container.NewStack()
		s.detail.Refresh()
		return
	}
	f := s.form
	at := func(field string) func() string {
		return func() string { return fmt.Sprintf("measures[%d].%s", i, field) }
	}
	ms := func(c *casebuilder.Case) *casebuilder.Measure { return item(c.Measures, i) }
	name := f.text(at("name"), fieldIn(ms, func(m *casebuilder.Measure) *string { return &m.Name }), "e.g. Sales attrition, rolling twelve months")
	var units, unitLabels []string
	for _, u := range measureUnits {
		units = append(units, string(u.unit))
		unitLabels = append(unitLabels, u.label)
	}
	unit := f.choice(at("unit"), units, unitLabels, func(c *casebuilder.Case) (string, bool) {
		if m := ms(c); m != nil {
			if m.Unit == "" {
				return string(casebuilder.Number), true
			}
			return string(m.Unit), true
		}
		return "", false
	}, func(c *casebuilder.Case, v string) error {
		m := ms(c)
		switch {
		case m == nil:
			return errGone
		case string(m.Unit) == v:
			return errUnchanged
		}
		m.Unit = casebuilder.Unit(v)
		return nil
	})
	// Baseline and target read in the measure's unit; the watcher comes
	// first so that they are written in the new unit when it changes.
	var baseline, target *numberField
	currentUnit := func() casebuilder.Unit {
		if m := ms(s.u.doc.c); m != nil && m.Unit != "" {
			return m.Unit
		}
		return casebuilder.Number
	}
	f.watch(func(*casebuilder.Case) {
		if baseline != nil {
			baseline.unit, target.unit = currentUnit(), currentUnit()
		}
	})
	baseline = f.number(at("baseline"), currentUnit(), fieldIn(ms, func(m *casebuilder.Measure) *float64 { return &m.Baseline }))
	target = f.number(at("target"), currentUnit(), fieldIn(ms, func(m *casebuilder.Measure) *float64 { return &m.Target }))
	date := f.date(at("date"), func(c *casebuilder.Case) *casebuilder.Date {
		if m := ms(c); m != nil {
			return &m.Date
		}
		return nil
	})
	method := f.textArea(at("method"), fieldIn(ms, func(m *casebuilder.Measure) *string { return &m.Method }), "How it is measured, from which data", 2)
	owner := f.text(at("owner"), fieldIn(ms, func(m *casebuilder.Measure) *string { return &m.Owner }), "Who reports it")
	levelValues := []string{"0"}
	levelLabels := []string{"None"}
	for n := 1; n <= 5; n++ {
		levelValues = append(levelValues, strconv.Itoa(n))
		levelLabels = append(levelLabels, fmt.Sprintf("%d – %s", n, casebuilder.Levels[n]))
	}
	level := f.choice(at("level"), levelValues, levelLabels, func(c *casebuilder.Case) (string, bool) {
		if m := ms(c); m != nil {
			return strconv.Itoa(m.Level), true
		}
		return "", false
	}, func(c *casebuilder.Case, v string) error {
		m := ms(c)
		n, _ := strconv.Atoi(v)
		switch {
		case m == nil:
			return errGone
		case m.Level == n:
			return errUnchanged
		}
		m.Level = n
		return nil
	})
	inputValues := []string{""}
	inputLabels := []string{"None"}
	for _, in := range casebuilder.Inputs() {
		inputValues = append(inputValues, in.Key)
		inputLabels = append(inputLabels, in.Label)
	}
	painInput := f.choice(at("painInput"), inputValues, inputLabels, func(c *casebuilder.Case) (string, bool) {
		if m := ms(c); m != nil {
			return m.PainInput, true
		}
		return "", false
	}, func(c *casebuilder.Case, v string) error {
		m := ms(c)
		switch {
		case m == nil:
			return errGone
		case m.PainInput == v:
			return errUnchanged
		}
		m.PainInput = v
		return nil
	})
	three := newColumns(1, 1, 1)
	two := newColumns(1, 1)
	s.detail.Content = container.NewPadded(container.New(readable{}, container.NewVBox(
		section("The measure", "",
			labelled("Name", name.box),
			three.row(labelled("Unit", unit.box), labelled("Baseline today", baseline.box), labelled("Target", target.box)),
			two.row(labelled("Target date", date.box), labelled("Owner", owner.box)),
			labelled("Method", method.box)),
		section("Tied to", "A measure tied to an input of the pain shows the CEO that the pain itself is tracked.",
			two.row(labelled("Input of the pain it tracks", painInput.box), labelled("Evaluation level (Kirkpatrick / Phillips)", level.box))),
	)))
	s.detail.Offset = fyne.Position{}
	s.detail.Refresh()
}

// contributorTable lists who helped build the case.
func (s *measuresScreen) contributorTable() *rowTable {
	edits := sliceEdits(s.u, casebuilder.StepMeasures, fixed("contributors"),
		func(c *casebuilder.Case) *[]casebuilder.Contributor { return &c.Contributors },
		func(*casebuilder.Case) casebuilder.Contributor { return casebuilder.Contributor{} }, nil, nil)
	cols := newColumns(1, 1, 2)
	return newRowTable(s.u, edits, "contributor", "No contributors yet.",
		headerRow(cols, "Name", "Role", "Contribution"), func(i int, rf *form) fyne.CanvasObject {
			field := func(name, placeholder string, get func(k *casebuilder.Contributor) *string) fyne.CanvasObject {
				return rf.text(func() string { return fmt.Sprintf("contributors[%d].%s", i, name) }, fieldIn(func(c *casebuilder.Case) *casebuilder.Contributor { return item(c.Contributors, i) }, get), placeholder).box
			}
			return cols.row(
				field("name", "", func(k *casebuilder.Contributor) *string { return &k.Name }),
				field("role", "", func(k *casebuilder.Contributor) *string { return &k.Role }),
				field("contribution", "What they did", func(k *casebuilder.Contributor) *string { return &k.Contribution }),
			)
		})
}

func (s *measuresScreen) content() fyne.CanvasObject { return s.tabs }

func (s *measuresScreen) scrolls() []*container.Scroll {
	return []*container.Scroll{s.detail, s.credits}
}

func (s *measuresScreen) refresh(force bool) {
	c := s.u.doc.c
	s.list.refresh(c, force)
	if s.list.selected != s.shown || s.form == nil {
		s.onSelect(s.list.selected)
	} else {
		s.form.refresh(c, force)
	}
	s.contributors.refresh(c, force)
}

func (s *measuresScreen) showAnalysis(analysis) {}

func (s *measuresScreen) focus(path string) bool {
	if i, _, ok := indexIn(path, "measures"); ok {
		s.tabs.SelectIndex(0)
		if i < 0 {
			return s.list.focusAdd()
		}
		if i != s.shown {
			s.list.selectItem(i)
		}
		return s.form.focus(path)
	}
	if strings.HasPrefix(path, "contributors") {
		s.tabs.SelectIndex(1)
		return s.contributors.focus(path)
	}
	return false
}
