package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

const contextGuidance = "Before the pain, the client. A CEO backs what moves the company towards where it is going, so show that you know where that is: the objectives, where the company stands today and where it wants to be, what is already committed, and the gaps your initiative closes. Name the one objective it serves."

// contextScreen is the first step: the case's particulars and where the
// company is going.
type contextScreen struct {
	u          *UI
	form       *form
	objectives *rowTable
	lists      []*rowTable
	scroll     *container.Scroll
}

func newContextScreen(u *UI) screen {
	s := &contextScreen{u: u, form: newForm(u, casebuilder.StepContext)}
	f := s.form
	title := f.text(fixed("title"), func(c *casebuilder.Case) *string { return &c.Title }, "e.g. Cutting sales turnover with structured onboarding")
	author := f.text(fixed("author"), func(c *casebuilder.Case) *string { return &c.Author }, "Your name and role")
	org := f.text(fixed("organisation"), func(c *casebuilder.Case) *string { return &c.Organisation }, "")
	forWhom := f.text(fixed("preparedFor"), func(c *casebuilder.Case) *string { return &c.PreparedFor }, "e.g. Executive committee: CEO, CFO, VP Sales")
	version := f.text(fixed("version"), func(c *casebuilder.Case) *string { return &c.Version }, "1.0")
	date := f.date(fixed("date"), func(c *casebuilder.Case) *casebuilder.Date { return &c.Date })

	two := newColumns(1, 1)
	three := newColumns(2, 1, 1)
	about := section("About this case", "",
		labelled("Title", title.box),
		two.row(labelled("Author", author.box), labelled("Organisation", org.box)),
		three.row(labelled("Prepared for", forWhom.box), labelled("Version", version.box), labelled("Date", date.box)),
	)

	s.objectives = s.objectiveTable()
	objectives := section("The company's objectives",
		"Its strategic objectives, in its own words. Tick the one this initiative serves.", s.objectives.box)

	current := f.textArea(fixed("context.currentState"), func(c *casebuilder.Case) *string { return &c.Context.CurrentState },
		"Where the company and its sales force stand today, in figures where you can.", 3)
	desired := f.textArea(fixed("context.desiredState"), func(c *casebuilder.Case) *string { return &c.Context.DesiredState },
		"Where the company wants to be, and by when.", 3)
	states := section("Today and the destination", "",
		labelled("Current state", current.box), labelled("Desired end state", desired.box))

	milestones := s.stringTable("context.milestones", "milestone", "No milestones yet: the dated steps between today and the destination.",
		func(c *casebuilder.Case) *[]string { return &c.Context.Milestones })
	resources := s.stringTable("context.committedResources", "resource", "No resources yet: budgets, teams and tools already committed.",
		func(c *casebuilder.Case) *[]string { return &c.Context.CommittedResources })
	gaps := s.stringTable("context.gaps", "gap", "No gaps yet: where today's plans fall short of the objectives.",
		func(c *casebuilder.Case) *[]string { return &c.Context.Gaps })
	between := section("Between today and the destination", "",
		labelled("Critical milestones of the company", milestones.box),
		labelled("Resources already committed", resources.box),
		labelled("Gaps between the objectives and today's plans", gaps.box))

	s.scroll = page(about, objectives, states, between)
	return s
}

// objectiveTable lists the objectives, each with whether the initiative
// serves it.
func (s *contextScreen) objectiveTable() *rowTable {
	edits := sliceEdits(s.u, casebuilder.StepContext, fixed("context.objectives"),
		func(c *casebuilder.Case) *[]casebuilder.Objective { return &c.Context.Objectives },
		func(c *casebuilder.Case) casebuilder.Objective {
			return casebuilder.Objective{ID: uniqueID("objective", objectiveIDs(c))}
		},
		func(c *casebuilder.Case, removed casebuilder.Objective) {
			if c.Context.ServesObjective == removed.ID {
				c.Context.ServesObjective = ""
			}
		},
		func(c *casebuilder.Case, copied *casebuilder.Objective) {
			copied.ID = uniqueID("objective", objectiveIDs(c))
		})
	cols := newColumns(1, 0)
	return newRowTable(s.u, edits, "objective", "No objectives yet.", nil, func(i int, rf *form) fyne.CanvasObject {
		at := func() string { return fmt.Sprintf("context.objectives[%d]", i) }
		statement := rf.text(func() string { return at() + ".statement" }, func(c *casebuilder.Case) *string {
			if o := item(c.Context.Objectives, i); o != nil {
				return &o.Statement
			}
			return nil
		}, "e.g. Grow recurring revenue by 25 % a year")
		serves := &servesField{f: rf, i: i}
		serves.check = widget.NewCheck("Serves it", serves.onChanged)
		serves.refresh(s.u.doc.c, true)
		rf.add(serves)
		return cols.row(statement.box, serves.check)
	})
}

// servesField is the tick that says the initiative serves objective i.
type servesField struct {
	f       *form
	i       int
	check   *widget.Check
	setting bool
}

func (v *servesField) onChanged(on bool) {
	if v.setting {
		return
	}
	_ = v.f.u.edit(casebuilder.Where{Step: casebuilder.StepContext, Path: "context.servesObjective"}, "", func(c *casebuilder.Case) error {
		o := item(c.Context.Objectives, v.i)
		if o == nil {
			return errGone
		}
		switch {
		case on && o.ID == "":
			o.ID = uniqueID("objective", objectiveIDs(c))
			c.Context.ServesObjective = o.ID
		case on:
			c.Context.ServesObjective = o.ID
		case c.Context.ServesObjective == o.ID:
			c.Context.ServesObjective = ""
		default:
			return errUnchanged
		}
		return nil
	})
	v.f.u.refreshScreen(true) // only one objective is ticked
}

func (v *servesField) refresh(c *casebuilder.Case, _ bool) {
	o := item(c.Context.Objectives, v.i)
	if o == nil {
		return
	}
	v.setting = true
	v.check.SetChecked(o.ID != "" && o.ID == c.Context.ServesObjective)
	v.setting = false
}

func (v *servesField) path() string                { return "context.servesObjective" }
func (v *servesField) focusTarget() fyne.Focusable { return v.check }

// stringTable is a table of one-line texts.
func (s *contextScreen) stringTable(path, noun, empty string, get func(c *casebuilder.Case) *[]string) *rowTable {
	edits := sliceEdits(s.u, casebuilder.StepContext, fixed(path), get,
		func(*casebuilder.Case) string { return "" }, nil, nil)
	t := newRowTable(s.u, edits, noun, empty, nil, func(i int, rf *form) fyne.CanvasObject {
		return rf.text(func() string { return fmt.Sprintf("%s[%d]", path, i) }, func(c *casebuilder.Case) *string {
			return item(*get(c), i)
		}, "").box
	})
	s.lists = append(s.lists, t)
	return t
}

func (s *contextScreen) content() fyne.CanvasObject { return s.scroll }

func (s *contextScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

func (s *contextScreen) refresh(force bool) {
	c := s.u.doc.c
	s.form.refresh(c, force)
	s.objectives.refresh(c, force)
	for _, t := range s.lists {
		t.refresh(c, force)
	}
}

func (s *contextScreen) showAnalysis(analysis) {}

func (s *contextScreen) focus(path string) bool {
	switch path {
	case "currency", "discountRate", "horizonMonths", "startDate", "paper":
		// The case's settings are in the Settings.
		s.u.onSettings()
		return s.u.settings.focus(path)
	case "context.servesObjective":
		// The tick of the first objective, or the table to add one.
		return s.objectives.focus("context.servesObjective") || s.objectives.focus("context.objectives")
	}
	if s.form.focus(path) || s.objectives.focus(path) {
		return true
	}
	for _, t := range s.lists {
		if t.focus(path) {
			return true
		}
	}
	return false
}

func objectiveIDs(c *casebuilder.Case) []string {
	ids := make([]string, len(c.Context.Objectives))
	for i, o := range c.Context.Objectives {
		ids[i] = o.ID
	}
	return ids
}

// uniqueID returns prefix-N, the first not among taken.
func uniqueID(prefix string, taken []string) string {
	for n := len(taken) + 1; ; n++ {
		id := fmt.Sprintf("%s-%d", prefix, n)
		if indexOf(taken, id) < 0 {
			return id
		}
	}
}

// slug makes an ID of a name: "Structured onboarding" gives
// "structured-onboarding".
func slug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
