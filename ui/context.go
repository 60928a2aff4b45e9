package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

const contextGuidance = "Before the pain, the client. A CEO backs what moves the company towards where it is going, so show that you know where that is: the objectives, where the company stands today and where it wants to be, what is already committed, and the gaps your initiative closes. Name the one objective it serves."

// contextScreen is the first step: the case's particulars and where the
// company is going.
type contextScreen struct {
	u          *UI
	form       *form.Form
	objectives *form.Table
	scroll     *container.Scroll
}

func newContextScreen(u *UI) screen {
	s := &contextScreen{u: u, form: u.newForm(casebuilder.StepContext)}
	f := s.form
	text := func(path, placeholder string, get func(c *casebuilder.Case) *string) *form.TextField {
		return f.Text(path, form.At(get), placeholder)
	}
	title := text("title", "e.g. Cutting sales turnover with structured onboarding", func(c *casebuilder.Case) *string { return &c.Title })
	author := text("author", "Your name and role", func(c *casebuilder.Case) *string { return &c.Author })
	org := text("organisation", "", func(c *casebuilder.Case) *string { return &c.Organisation })
	forWhom := text("preparedFor", "e.g. Executive committee: CEO, CFO, VP Sales", func(c *casebuilder.Case) *string { return &c.PreparedFor })
	version := text("version", "1.0", func(c *casebuilder.Case) *string { return &c.Version })
	date := f.Date("date", form.At(func(c *casebuilder.Case) *casebuilder.Date { return &c.Date }))

	two := form.NewColumns(1, 1)
	three := form.NewColumns(2, 1, 1)
	about := section("About this case", "",
		labelled("Title", title.Box()),
		two.Row(labelled("Author", author.Box()), labelled("Organisation", org.Box())),
		three.Row(labelled("Prepared for", forWhom.Box()), labelled("Version", version.Box()), labelled("Date", date.Box())),
	)

	current := f.TextArea("context.currentState", form.At(func(c *casebuilder.Case) *string { return &c.Context.CurrentState }),
		"Where the company and its sales force stand today, in figures where you can.", 3)
	desired := f.TextArea("context.desiredState", form.At(func(c *casebuilder.Case) *string { return &c.Context.DesiredState }),
		"Where the company wants to be, and by when.", 3)
	states := section("Today and the destination", "",
		labelled("Current state", current.Box()), labelled("Desired end state", desired.Box()))

	s.objectives = s.objectiveTable()
	objectives := section("The company's objectives",
		"Its strategic objectives, in its own words. Tick the one this initiative serves.", s.objectives.Box())

	milestones := s.stringTable("context.milestones", "milestone", "No milestones yet: the dated steps between today and the destination.",
		func(c *casebuilder.Case) *[]string { return &c.Context.Milestones })
	resources := s.stringTable("context.committedResources", "resource", "No resources yet: budgets, teams and tools already committed.",
		func(c *casebuilder.Case) *[]string { return &c.Context.CommittedResources })
	gaps := s.stringTable("context.gaps", "gap", "No gaps yet: where today's plans fall short of the objectives.",
		func(c *casebuilder.Case) *[]string { return &c.Context.Gaps })
	between := section("Between today and the destination", "",
		labelled("Critical milestones of the company", milestones.Box()),
		labelled("Resources already committed", resources.Box()),
		labelled("Gaps between the objectives and today's plans", gaps.Box()))

	s.scroll = page(about, objectives, states, between)
	return s
}

// objectiveTable lists the objectives, each with whether the initiative
// serves it.
func (s *contextScreen) objectiveTable() *form.Table {
	list := func(c *casebuilder.Case) *[]casebuilder.Objective { return &c.Context.Objectives }
	edits := form.List[casebuilder.Objective]{Path: "context.objectives", Get: list,
		New: func(c *casebuilder.Case) casebuilder.Objective {
			return casebuilder.Objective{ID: uniqueID("objective", objectiveIDs(c))}
		},
		Removed: func(c *casebuilder.Case, removed casebuilder.Objective) {
			if c.Context.ServesObjective == removed.ID {
				c.Context.ServesObjective = ""
			}
		},
		Copied: func(c *casebuilder.Case, copied *casebuilder.Objective) {
			copied.ID = uniqueID("objective", objectiveIDs(c))
		},
	}.Edits(s.u.host(), casebuilder.StepContext)
	cols := form.NewColumns(1, 0)
	return s.form.Table(edits, "objective", "No objectives yet.", nil, func(i int, rf *form.Form) fyne.CanvasObject {
		objective := form.ItemOf(list, i)
		statement := rf.Text(fmt.Sprintf("context.objectives[%d].statement", i),
			form.In(objective, func(o *casebuilder.Objective) *string { return &o.Statement }), "e.g. Grow recurring revenue by 25 % a year")
		serves := rf.Check("context.servesObjective", "Serves it", servesValue(objective))
		serves.OnEdited = s.u.host().Refresh // only one objective is ticked
		return cols.Row(statement.Box(), serves.Widget())
	})
}

// servesValue is whether the initiative serves the objective: ticking one
// makes it the one served, and gives it an ID if it has none yet.
func servesValue(objective func(c *casebuilder.Case) *casebuilder.Objective) form.Value[bool] {
	return form.Value[bool]{
		Read: func(c *casebuilder.Case) (bool, bool) {
			o := objective(c)
			if o == nil {
				return false, false
			}
			return o.ID != "" && o.ID == c.Context.ServesObjective, true
		},
		Write: func(c *casebuilder.Case, on bool) error {
			o := objective(c)
			switch {
			case o == nil:
				return form.ErrGone
			case on && o.ID == "":
				o.ID = uniqueID("objective", objectiveIDs(c))
				c.Context.ServesObjective = o.ID
			case on:
				c.Context.ServesObjective = o.ID
			case c.Context.ServesObjective == o.ID:
				c.Context.ServesObjective = ""
			default:
				return form.ErrUnchanged
			}
			return nil
		},
	}
}

// stringTable is a table of one-line texts.
func (s *contextScreen) stringTable(path, noun, empty string, get func(c *casebuilder.Case) *[]string) *form.Table {
	edits := form.List[string]{Path: path, Get: get, New: func(*casebuilder.Case) string { return "" }}.Edits(s.u.host(), casebuilder.StepContext)
	return s.form.Table(edits, noun, empty, nil, func(i int, rf *form.Form) fyne.CanvasObject {
		return rf.Text(fmt.Sprintf("%s[%d]", path, i), form.At(form.ItemOf(get, i)), "").Box()
	})
}

func (s *contextScreen) content() fyne.CanvasObject { return s.scroll }

func (s *contextScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

func (s *contextScreen) refresh(force bool) { s.form.Refresh(s.u.doc.c, force) }

func (s *contextScreen) showAnalysis(analysis) {}

func (s *contextScreen) focus(path string) bool {
	switch path {
	case "currency", "discountRate", "horizonMonths", "startDate", "fiscalYearStart", "paper":
		// The case's settings are in the Settings.
		return s.u.openSettings().focus(path)
	case "context.servesObjective":
		// The tick of the first objective, or the table to add one.
		return s.objectives.Focus("context.servesObjective") || s.objectives.Focus("context.objectives")
	}
	return s.form.Focus(path)
}

func objectiveIDs(c *casebuilder.Case) []string {
	return idsOf(c.Context.Objectives, func(o casebuilder.Objective) string { return o.ID })
}
