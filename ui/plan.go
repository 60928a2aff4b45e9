package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

const planGuidance = "Show that it can be done, by whom, and when. A CEO looks for dated milestones that each have one owner, the resources secured before they are needed, the people affected and how they will hear about it, and how progress will be reported, so that nothing comes as a surprise."

// planScreen is the sixth step: the milestones with their timeline, the
// stakeholders, and the reporting cadence.
type planScreen struct {
	u            *UI
	tabs         *container.AppTabs
	timeline     *chart.Chart
	timeScroll   *container.Scroll
	md           *form.MasterDetail
	gates        *gatesTab
	others       *form.Form
	othersScroll *container.Scroll
}

// The tabs of the Plan step, in order.
const (
	milestonesTab = iota
	gatesTabIndex
	othersTab
)

func newPlanScreen(u *UI) screen {
	s := &planScreen{u: u, others: u.newForm(casebuilder.StepPlan)}
	edits := form.List[casebuilder.Milestone]{Path: "plan.milestones",
		Get: func(c *casebuilder.Case) *[]casebuilder.Milestone { return &c.Plan.Milestones },
		New: func(c *casebuilder.Case) casebuilder.Milestone {
			return casebuilder.Milestone{ID: uniqueID("milestone", milestoneIDs(c)), Name: "New milestone"}
		},
		Removed: forgetMilestone,
		Copied: func(c *casebuilder.Case, copied *casebuilder.Milestone) {
			copied.ID = uniqueID("milestone", milestoneIDs(c))
			copied.Name += " (copy)"
		},
	}.Edits(u.host(), casebuilder.StepPlan)
	s.md = form.NewMasterDetail(u.host(), casebuilder.StepPlan, edits, "milestone", func(c *casebuilder.Case, i int) (string, string) {
		m := &c.Plan.Milestones[i]
		when := "no dates yet"
		if !m.Start.IsZero() || !m.End.IsZero() {
			when = fmt.Sprintf("%s to %s", shortDate(m.Start), shortDate(m.End))
		}
		owner := m.Owner
		if strings.TrimSpace(owner) == "" {
			owner = "no owner"
		}
		return firstLine(m.Name, "Untitled milestone"), when + " · " + owner
	}, s.showMilestone)
	s.md.OnShow = func(int) { s.timeline.Refresh() }
	s.timeline = chart.New(fyne.NewSize(400, 120), s.drawTimeline)
	s.timeline.OnTap = s.onTimelineTap
	s.timeScroll = container.NewVScroll(s.timeline)
	// Four rows at least; the split below gives it more where there is room.
	s.timeScroll.SetMinSize(fyne.NewSize(400, 100))
	// The timeline draws only the rows in view: a plan may have thousands.
	s.timeScroll.OnScrolled = func(fyne.Position) { s.timeline.Refresh() }
	split := container.NewHSplit(s.md.List.Box(), s.md.Detail)
	split.Offset = 0.34
	// The timeline above the milestone's form, sharing the height: on a
	// laptop a timeline of fixed height left the form one line high.
	milestones := container.NewVSplit(container.NewBorder(captionLabel("Timeline: tap a bar to open its milestone"), nil, nil, nil, s.timeScroll), split)
	milestones.Offset = 0.4

	stakeholders := s.stakeholderTable()
	cadence := s.others.TextArea("plan.reportingCadence", form.At(func(c *casebuilder.Case) *string { return &c.Plan.ReportingCadence }),
		"Who reports what to whom, and how often: e.g. a one-page report to the CEO and CFO every month.", 3)
	s.othersScroll = page(
		section("Stakeholders", "The parties affected, what they care about, and how and how often they are kept informed.", stakeholders.Box()),
		section("Reporting cadence", "", cadence.Box()),
	)
	s.gates = newGatesTab(u)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Milestones", milestones),
		container.NewTabItem("Stage gates", s.gates.box),
		container.NewTabItem("Stakeholders and reporting", s.othersScroll),
	)
	s.refresh(true)
	return s
}

// forgetMilestone removes what referred to a removed milestone: the
// milestones that waited for it wait no more, the lines anchored to it stay
// in the months it placed them in, and a gate decided at its end is
// decided on that day.
func forgetMilestone(c *casebuilder.Case, removed casebuilder.Milestone) {
	for i := range c.Plan.Milestones {
		m := &c.Plan.Milestones[i]
		m.DependsOn = slices.DeleteFunc(m.DependsOn, func(id string) bool { return id == removed.ID })
	}
	if removed.ID == "" {
		return
	}
	// The month at the start of which an anchor's point falls, as
	// casebuilder.Anchor places it.
	point := func(a *casebuilder.Anchor) (int, bool) {
		d := removed.Start
		if a.At == casebuilder.AtEnd {
			if removed.End.IsZero() {
				return 0, false
			}
			d = casebuilder.DateOf(removed.End.Time().AddDate(0, 0, 1))
		}
		if d.IsZero() || c.StartDate.IsZero() {
			return 0, false
		}
		return c.MonthOf(d) + a.OffsetMonths, true
	}
	last := max(c.HorizonMonths-1, 0)
	pin := func(start *int, startAt **casebuilder.Anchor, end **int, endAt **casebuilder.Anchor) {
		if a := *startAt; a != nil && a.Milestone == removed.ID {
			if m, ok := point(a); ok {
				*start = min(max(m, 0), last)
			}
			*startAt = nil
		}
		if a := *endAt; a != nil && a.Milestone == removed.ID {
			if m, ok := point(a); ok {
				e := min(max(m-1, *start), last)
				*end = &e
			}
			*endAt = nil
		}
	}
	for ai := range c.Alternatives {
		a := &c.Alternatives[ai]
		for li := range a.Costs {
			k := &a.Costs[li]
			pin(&k.StartMonth, &k.StartAt, &k.EndMonth, &k.EndAt)
		}
		for li := range a.Benefits {
			b := &a.Benefits[li]
			pin(&b.StartMonth, &b.StartAt, &b.EndMonth, &b.EndAt)
		}
	}
	for gi := range c.Plan.Gates {
		g := &c.Plan.Gates[gi]
		if g.Milestone == removed.ID {
			g.Milestone = ""
			if !removed.End.IsZero() {
				g.Date = casebuilder.DateOf(removed.End.Time().AddDate(0, 0, 1))
			}
		}
	}
}

func milestoneIDs(c *casebuilder.Case) []string {
	return idsOf(c.Plan.Milestones, func(m casebuilder.Milestone) string { return m.ID })
}

func shortDate(d casebuilder.Date) string {
	if d.IsZero() {
		return "?"
	}
	return d.Time().Format("2 Jan 2006")
}

// milestone is the getter of milestone i.
func milestone(i int) func(c *casebuilder.Case) *casebuilder.Milestone {
	return func(c *casebuilder.Case) *casebuilder.Milestone { return form.Item(c.Plan.Milestones, i) }
}

// showMilestone lays out the form of milestone i.
func (s *planScreen) showMilestone(i int, f *form.Form) fyne.CanvasObject {
	at := func(field string) string { return fmt.Sprintf("plan.milestones[%d].%s", i, field) }
	ms := milestone(i)
	name := f.Text(at("name"), form.In(ms, func(m *casebuilder.Milestone) *string { return &m.Name }), "What is done by the end")
	owner := f.Text(at("owner"), form.In(ms, func(m *casebuilder.Milestone) *string { return &m.Owner }), "One person, by name and role")
	start := f.Date(at("start"), form.In(ms, func(m *casebuilder.Milestone) *casebuilder.Date { return &m.Start }))
	end := f.Date(at("end"), form.In(ms, func(m *casebuilder.Milestone) *casebuilder.Date { return &m.End }))
	resources := s.resourceTable(f, i)
	deps := newDependsField(s.u, f, i)
	two := form.NewColumns(1, 1)
	return detailPage(
		section("The milestone", "",
			labelled("Name", name.Box()),
			labelled("Owner", owner.Box()),
			two.Row(labelled("Start", start.Box()), labelled("End", end.Box()))),
		section("Resources it needs", "Tick those already secured: an unfunded resource is the first thing a CFO finds.", resources.Box()),
		section("Depends on", "The milestones that must finish first.", deps.Box()),
	)
}

// resourceTable lists what milestone i needs.
func (s *planScreen) resourceTable(f *form.Form, i int) *form.Table {
	path := fmt.Sprintf("plan.milestones[%d].resources", i)
	list := form.FieldIn(milestone(i), func(m *casebuilder.Milestone) *[]casebuilder.Resource { return &m.Resources })
	edits := form.List[casebuilder.Resource]{Path: path, Get: list,
		New: func(*casebuilder.Case) casebuilder.Resource { return casebuilder.Resource{} }}.Edits(s.u.host(), casebuilder.StepPlan)
	cols := form.NewColumns(1, 0)
	return f.Table(edits, "resource", "", nil, func(j int, rf *form.Form) fyne.CanvasObject {
		res := form.ItemOf(list, j)
		desc := rf.Text(fmt.Sprintf("%s[%d].description", path, j), form.In(res, func(r *casebuilder.Resource) *string { return &r.Description }),
			"e.g. Two coach positions in the headcount plan")
		secured := rf.Check(fmt.Sprintf("%s[%d].secured", path, j), "Secured", form.In(res, func(r *casebuilder.Resource) *bool { return &r.Secured }))
		return cols.Row(desc.Box(), secured.Box())
	})
}

// dependsField lists the milestones milestone i waits for, each with a
// button to remove it, and offers the others to add. A plan has up to
// thousands of milestones: a list of ticks would not do.
type dependsField struct {
	form.Field
	u    *UI
	i    int
	rows *fyne.Container
	add  *form.Select
	ids  []string // the IDs offered by add, in its order
}

func newDependsField(u *UI, f *form.Form, i int) *dependsField {
	d := &dependsField{u: u, i: i, rows: container.NewVBox()}
	d.add = form.NewSelect(nil, d.onAdd)
	d.add.PlaceHolder = "Add a milestone it waits for…"
	d.Init(f, fmt.Sprintf("plan.milestones[%d].dependsOn", i), container.NewVBox(d.rows, d.add), d.add)
	d.Refresh(f.Case(), true)
	f.Add(d)
	return d
}

func (d *dependsField) onAdd(string) {
	if d.Setting() {
		return
	}
	k := d.add.SelectedIndex()
	if k < 0 || k >= len(d.ids) {
		return
	}
	d.change(d.ids[k], true)
}

// change adds or removes the dependency on milestone id.
func (d *dependsField) change(id string, on bool) {
	err := d.Form().Edit(d.Path(), func(c *casebuilder.Case) error {
		m := form.Item(c.Plan.Milestones, d.i)
		switch {
		case m == nil:
			return form.ErrGone
		case !setID(&m.DependsOn, id, on):
			return form.ErrUnchanged
		}
		return nil
	})
	if err != nil && !errors.Is(err, form.ErrUnchanged) {
		// A circle of dependencies is refused: say so.
		d.u.showError("Cannot add that dependency", err, "A milestone cannot wait, even indirectly, for itself.")
	}
	d.Refresh(d.Form().Case(), true)
}

// Refresh lists the dependencies of the milestone in c, and offers the
// other milestones.
func (d *dependsField) Refresh(c *casebuilder.Case, _ bool) {
	m := form.Item(c.Plan.Milestones, d.i)
	if m == nil {
		return
	}
	names := map[string]string{}
	for _, o := range c.Plan.Milestones {
		names[o.ID] = firstLine(o.Name, o.ID)
	}
	var rows []fyne.CanvasObject
	for _, id := range m.DependsOn {
		remove := form.IconButton(theme.DeleteIcon(), "Remove", func() { d.change(id, false) })
		name, ok := names[id]
		if !ok {
			name = "“" + id + "”, which no milestone is: remove it"
		}
		l := widget.NewLabel(name)
		l.Truncation = fyne.TextTruncateEllipsis // a name may be long: the list of milestones has it whole
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, l))
	}
	d.rows.Objects = rows
	d.rows.Refresh()
	d.ids = d.ids[:0]
	var labels []string
	for _, o := range c.Plan.Milestones {
		if o.ID == "" || o.ID == m.ID || slices.Contains(m.DependsOn, o.ID) {
			continue
		}
		d.ids = append(d.ids, o.ID)
		labels = append(labels, firstLine(o.Name, o.ID))
	}
	d.Quietly(func() {
		d.add.SetOptions(labels)
		d.add.ClearSelected()
	})
}

// stakeholderTable lists the parties affected and how they are informed.
func (s *planScreen) stakeholderTable() *form.Table {
	list := func(c *casebuilder.Case) *[]casebuilder.Stakeholder { return &c.Plan.Stakeholders }
	edits := form.List[casebuilder.Stakeholder]{Path: "plan.stakeholders", Get: list,
		New: func(*casebuilder.Case) casebuilder.Stakeholder { return casebuilder.Stakeholder{} }}.Edits(s.u.host(), casebuilder.StepPlan)
	cols := form.NewColumns(1, 1.4, 1.2, 0.9)
	return s.others.Table(edits, "stakeholder", "No stakeholders yet: who is affected, and how will they hear about it?",
		form.HeaderRow(cols, "Party", "Their interest", "How they are informed", "How often"), func(i int, rf *form.Form) fyne.CanvasObject {
			type text = textColumn[casebuilder.Stakeholder]
			return textRow(rf, cols, fmt.Sprintf("plan.stakeholders[%d]", i), form.ItemOf(list, i),
				text{"party", "e.g. Sales managers", func(st *casebuilder.Stakeholder) *string { return &st.Party }},
				text{"interest", "What they care about", func(st *casebuilder.Stakeholder) *string { return &st.Interest }},
				text{"channel", "e.g. Monthly managers' call", func(st *casebuilder.Stakeholder) *string { return &st.Channel }},
				text{"frequency", "e.g. Monthly", func(st *casebuilder.Stakeholder) *string { return &st.Frequency }})
		})
}

// timelineSpan is the first and last day the timeline shows.
func timelineSpan(ms []casebuilder.Milestone) (from, to time.Time, ok bool) {
	for _, m := range ms {
		for _, d := range []casebuilder.Date{m.Start, m.End} {
			if d.IsZero() {
				continue
			}
			t := d.Time()
			if !ok || t.Before(from) {
				from = t
			}
			if !ok || t.After(to) {
				to = t
			}
			ok = true
		}
	}
	if ok {
		from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
		to = time.Date(to.Year(), to.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	return from, to, ok
}

// timelineRow is the height of a milestone's row, under a head of
// timelineHead for the months.
const (
	timelineRow  = 18
	timelineHead = 18
)

// drawTimeline draws the milestones as bars over the months, the selected
// one stronger, one without an owner in the warning colour.
func (s *planScreen) drawTimeline(size fyne.Size) []fyne.CanvasObject {
	ms := s.u.doc.c.Plan.Milestones
	from, to, ok := timelineSpan(ms)
	if !ok {
		return []fyne.CanvasObject{chart.Text("Give the milestones dates to see them on the timeline.", 8, 8, fyne.TextAlignLeading, true)}
	}
	labelW := min(size.Width*0.3, 240)
	left, right := labelW+8, size.Width-8
	days := to.Sub(from).Hours() / 24
	xOf := func(t time.Time) float32 { return left + (right-left)*float32(t.Sub(from).Hours()/24/days) }
	grid := chart.WithAlpha(theme.Color(theme.ColorNameForeground), 0x1c)
	bottom := timelineHead + float32(len(ms))*timelineRow
	var objs []fyne.CanvasObject
	// Only the rows in view, and a few either side; the months head the
	// view wherever it is scrolled.
	top := s.timeScroll.Offset.Y
	first := max(0, int(top/timelineRow)-2)
	last := min(len(ms), first+int(max(s.timeScroll.Size().Height, 200)/timelineRow)+5)
	months := int(days/30) + 1
	every := max(1, months/12)
	var heads []fyne.CanvasObject
	for m, i := from, 0; !m.After(to); m, i = m.AddDate(0, 1, 0), i+1 {
		if i%every != 0 {
			continue
		}
		x := xOf(m)
		objs = append(objs, chart.Line(grid, 1, x, top, x, bottom))
		if m.Before(to) {
			heads = append(heads, chart.Text(m.Format("Jan 06"), x+2, top, fyne.TextAlignLeading, true))
		}
	}
	for i := first; i < last; i++ {
		m := ms[i]
		y := timelineHead + float32(i)*timelineRow
		label := chart.Text(chart.Truncate(firstLine(m.Name, "Untitled"), labelW), 0, y+1, fyne.TextAlignLeading, i != s.md.Shown())
		label.TextStyle.Bold = i == s.md.Shown()
		objs = append(objs, label)
		if m.Start.IsZero() && m.End.IsZero() {
			continue
		}
		start, end := m.Start, m.End
		if start.IsZero() {
			start = end
		}
		if end.IsZero() {
			end = start
		}
		col := theme.Color(theme.ColorNamePrimary)
		if strings.TrimSpace(m.Owner) == "" {
			col = theme.Color(theme.ColorNameWarning)
		}
		if i != s.md.Shown() {
			col = chart.WithAlpha(col, 0xb0)
		}
		x1, x2 := xOf(start.Time()), xOf(end.Time().AddDate(0, 0, 1))
		r := chart.Rect(col, x1, y+3, max(x2-x1, 3), timelineRow-6)
		r.CornerRadius = 3
		objs = append(objs, r)
	}
	objs = append(objs, chart.Rect(theme.Color(theme.ColorNameBackground), 0, top, size.Width, timelineHead))
	return append(objs, heads...)
}

// onTimelineTap opens the milestone whose row was tapped.
func (s *planScreen) onTimelineTap(at fyne.Position, _ fyne.Size) {
	i := int((at.Y - timelineHead) / timelineRow)
	if at.Y >= timelineHead && i >= 0 && i < len(s.u.doc.c.Plan.Milestones) {
		s.md.Select(i)
	}
}

func (s *planScreen) content() fyne.CanvasObject { return s.tabs }

// scrolls are those of the tab shown: the others' are hidden, though
// still laid out where they would be.
func (s *planScreen) scrolls() []*container.Scroll {
	switch s.tabs.SelectedIndex() {
	case gatesTabIndex:
		return []*container.Scroll{s.gates.md.Detail}
	case othersTab:
		return []*container.Scroll{s.othersScroll}
	}
	return []*container.Scroll{s.md.Detail}
}

func (s *planScreen) refresh(force bool) {
	c := s.u.doc.c
	s.md.Refresh(c, force)
	s.gates.refresh(c, force)
	s.others.Refresh(c, force)
	s.timeline.Min = fyne.NewSize(400, timelineHead+float32(len(c.Plan.Milestones))*timelineRow+6)
	s.timeline.Refresh()
	s.timeScroll.Refresh()
}

func (s *planScreen) showAnalysis(a analysis) { s.gates.showAnalysis(a) }

func (s *planScreen) focus(path string) bool {
	if _, _, ok := form.IndexIn(path, "plan.milestones"); ok {
		s.tabs.SelectIndex(milestonesTab)
		return s.md.Focus(path)
	}
	if _, _, ok := form.IndexIn(path, "plan.gates"); ok {
		s.tabs.SelectIndex(gatesTabIndex)
		return s.gates.focus(path)
	}
	s.tabs.SelectIndex(othersTab)
	return s.others.Focus(path)
}
