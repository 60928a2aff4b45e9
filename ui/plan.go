package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

const planGuidance = "Show that it can be done, by whom, and when. A CEO looks for dated milestones that each have one owner, the resources secured before they are needed, the people affected and how they will hear about it, and how progress will be reported, so that nothing comes as a surprise."

// planScreen is the sixth step: the milestones with their timeline, the
// stakeholders, and the reporting cadence.
type planScreen struct {
	u            *UI
	tabs         *container.AppTabs
	timeline     *chart
	timeScroll   *container.Scroll
	list         *master
	shown        int
	form         *form
	resources    *rowTable
	detail       *container.Scroll
	others       *form
	stakeholders *rowTable
	othersScroll *container.Scroll
}

func newPlanScreen(u *UI) screen {
	s := &planScreen{u: u, shown: -1, others: newForm(u, casebuilder.StepPlan)}
	edits := sliceEdits(u, casebuilder.StepPlan, fixed("plan.milestones"),
		func(c *casebuilder.Case) *[]casebuilder.Milestone { return &c.Plan.Milestones },
		func(c *casebuilder.Case) casebuilder.Milestone {
			return casebuilder.Milestone{ID: uniqueID("milestone", milestoneIDs(c)), Name: "New milestone"}
		},
		func(c *casebuilder.Case, removed casebuilder.Milestone) {
			for i := range c.Plan.Milestones {
				m := &c.Plan.Milestones[i]
				m.DependsOn = slices.DeleteFunc(m.DependsOn, func(id string) bool { return id == removed.ID })
			}
		},
		func(c *casebuilder.Case, copied *casebuilder.Milestone) {
			copied.ID = uniqueID("milestone", milestoneIDs(c))
			copied.Name += " (copy)"
		})
	s.list = newMaster(u, edits, "milestone", func(c *casebuilder.Case, i int) (string, string) {
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
	}, s.onSelect)
	s.timeline = newChart(fyne.NewSize(400, 120), s.drawTimeline)
	s.timeline.onTap = s.onTimelineTap
	s.timeScroll = container.NewVScroll(s.timeline)
	s.timeScroll.SetMinSize(fyne.NewSize(400, 200))
	// The timeline draws only the rows in view: a plan may have thousands.
	s.timeScroll.OnScrolled = func(fyne.Position) { s.timeline.Refresh() }
	s.detail = container.NewVScroll(container.NewStack())
	split := container.NewHSplit(s.list.box, s.detail)
	split.Offset = 0.34
	milestones := container.NewBorder(container.NewVBox(
		labelled("Timeline: tap a bar to open its milestone", s.timeScroll), widget.NewSeparator()), nil, nil, nil, split)

	s.stakeholders = s.stakeholderTable()
	cadence := s.others.textArea(fixed("plan.reportingCadence"), func(c *casebuilder.Case) *string { return &c.Plan.ReportingCadence },
		"Who reports what to whom, and how often: e.g. a one-page report to the CEO and CFO every month.", 3)
	s.othersScroll = page(
		section("Stakeholders", "The parties affected, what they care about, and how and how often they are kept informed.", s.stakeholders.box),
		section("Reporting cadence", "", cadence.box),
	)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Milestones", milestones),
		container.NewTabItem("Stakeholders and reporting", s.othersScroll),
	)
	s.refresh(true)
	return s
}

func milestoneIDs(c *casebuilder.Case) []string {
	ids := make([]string, len(c.Plan.Milestones))
	for i, m := range c.Plan.Milestones {
		ids[i] = m.ID
	}
	return ids
}

func shortDate(d casebuilder.Date) string {
	if d.IsZero() {
		return "?"
	}
	return d.Time().Format("2 Jan 2006")
}

// onSelect shows the form of milestone i.
func (s *planScreen) onSelect(i int) {
	s.shown = i
	s.form = newForm(s.u, casebuilder.StepPlan)
	s.resources = nil
	c := s.u.doc.c
	if item(c.Plan.Milestones, i) == nil {
		s.detail.Content = container.NewStack()
		s.detail.Refresh()
		s.timeline.Refresh()
		return
	}
	f := s.form
	at := func(field string) func() string {
		return func() string { return fmt.Sprintf("plan.milestones[%d].%s", i, field) }
	}
	ms := func(c *casebuilder.Case) *casebuilder.Milestone { return item(c.Plan.Milestones, i) }
	name := f.text(at("name"), func(c *casebuilder.Case) *string {
		if m := ms(c); m != nil {
			return &m.Name
		}
		return nil
	}, "What is done by the end")
	owner := f.text(at("owner"), func(c *casebuilder.Case) *string {
		if m := ms(c); m != nil {
			return &m.Owner
		}
		return nil
	}, "One person, by name and role")
	start := f.date(at("start"), func(c *casebuilder.Case) *casebuilder.Date {
		if m := ms(c); m != nil {
			return &m.Start
		}
		return nil
	})
	end := f.date(at("end"), func(c *casebuilder.Case) *casebuilder.Date {
		if m := ms(c); m != nil {
			return &m.End
		}
		return nil
	})
	s.resources = s.resourceTable(i)
	deps := newDependsField(f, i)
	two := newColumns(1, 1)
	s.detail.Content = container.NewPadded(container.New(readable{}, container.NewVBox(
		section("The milestone", "",
			labelled("Name", name.box),
			labelled("Owner", owner.box),
			two.row(labelled("Start", start.box), labelled("End", end.box))),
		section("Resources it needs", "Tick those already secured: an unfunded resource is the first thing a CFO finds.", s.resources.box),
		section("Depends on", "The milestones that must finish first.", deps.box),
	)))
	s.detail.Offset = fyne.Position{}
	s.detail.Refresh()
	s.timeline.Refresh()
}

// resourceTable lists what milestone i needs.
func (s *planScreen) resourceTable(i int) *rowTable {
	path := fmt.Sprintf("plan.milestones[%d].resources", i)
	get := func(c *casebuilder.Case) *[]casebuilder.Resource {
		if m := item(c.Plan.Milestones, i); m != nil {
			return &m.Resources
		}
		return nil
	}
	edits := sliceEdits(s.u, casebuilder.StepPlan, fixed(path), get,
		func(*casebuilder.Case) casebuilder.Resource { return casebuilder.Resource{} }, nil, nil)
	cols := newColumns(1, 0)
	return newRowTable(s.u, edits, "resource", "", nil, func(j int, rf *form) fyne.CanvasObject {
		res := func(c *casebuilder.Case) *casebuilder.Resource {
			if l := get(c); l != nil {
				return item(*l, j)
			}
			return nil
		}
		desc := rf.text(func() string { return fmt.Sprintf("%s[%d].description", path, j) }, func(c *casebuilder.Case) *string {
			if r := res(c); r != nil {
				return &r.Description
			}
			return nil
		}, "e.g. Two coach positions in the headcount plan")
		secured := rf.check(func() string { return fmt.Sprintf("%s[%d].secured", path, j) }, "Secured", func(c *casebuilder.Case) *bool {
			if r := res(c); r != nil {
				return &r.Secured
			}
			return nil
		})
		return cols.row(desc.box, secured.box)
	})
}

// dependsField lists the milestones milestone i waits for, each with a
// button to remove it, and offers the others to add. A plan has up to
// thousands of milestones: a list of ticks would not do.
type dependsField struct {
	f       *form
	i       int
	rows    *fyne.Container
	add     *widget.Select
	ids     []string // the IDs offered by add, in its order
	box     *fyne.Container
	setting bool
}

func newDependsField(f *form, i int) *dependsField {
	d := &dependsField{f: f, i: i, rows: container.NewVBox()}
	d.add = widget.NewSelect(nil, d.onAdd)
	d.add.PlaceHolder = "Add a milestone it waits for…"
	d.box = container.NewVBox(d.rows, d.add)
	d.refresh(f.u.doc.c, true)
	f.add(d)
	return d
}

func (d *dependsField) onAdd(label string) {
	if d.setting {
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
	err := d.f.u.edit(casebuilder.Where{Step: casebuilder.StepPlan, Path: d.path()}, "", func(c *casebuilder.Case) error {
		m := item(c.Plan.Milestones, d.i)
		if m == nil {
			return errGone
		}
		has := slices.Contains(m.DependsOn, id)
		switch {
		case on == has:
			return errUnchanged
		case on:
			m.DependsOn = append(m.DependsOn, id)
		default:
			m.DependsOn = slices.DeleteFunc(m.DependsOn, func(s string) bool { return s == id })
		}
		return nil
	})
	if err != nil && err != errUnchanged {
		// A circle of dependencies is refused: say so.
		d.f.u.showError("Cannot add that dependency", err, "A milestone cannot wait, even indirectly, for itself.")
	}
	d.refresh(d.f.u.doc.c, true)
}

func (d *dependsField) refresh(c *casebuilder.Case, _ bool) {
	m := item(c.Plan.Milestones, d.i)
	if m == nil {
		return
	}
	names := map[string]string{}
	for _, o := range c.Plan.Milestones {
		names[o.ID] = firstLine(o.Name, o.ID)
	}
	var rows []fyne.CanvasObject
	for _, id := range m.DependsOn {
		remove := iconButton(theme.DeleteIcon(), "Remove", func() { d.change(id, false) })
		name, ok := names[id]
		if !ok {
			name = "“" + id + "”, which no milestone is: remove it"
		}
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, widget.NewLabel(name)))
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
	d.setting = true
	d.add.SetOptions(labels)
	d.add.ClearSelected()
	d.setting = false
}

func (d *dependsField) path() string                { return fmt.Sprintf("plan.milestones[%d].dependsOn", d.i) }
func (d *dependsField) focusTarget() fyne.Focusable { return d.add }

// stakeholderTable lists the parties affected and how they are informed.
func (s *planScreen) stakeholderTable() *rowTable {
	edits := sliceEdits(s.u, casebuilder.StepPlan, fixed("plan.stakeholders"),
		func(c *casebuilder.Case) *[]casebuilder.Stakeholder { return &c.Plan.Stakeholders },
		func(*casebuilder.Case) casebuilder.Stakeholder { return casebuilder.Stakeholder{} }, nil, nil)
	cols := newColumns(1, 1.4, 1.2, 0.9)
	return newRowTable(s.u, edits, "stakeholder", "No stakeholders yet: who is affected, and how will they hear about it?",
		headerRow(cols, "Party", "Their interest", "How they are informed", "How often"), func(i int, rf *form) fyne.CanvasObject {
			field := func(name, placeholder string, get func(st *casebuilder.Stakeholder) *string) fyne.CanvasObject {
				return rf.text(func() string { return fmt.Sprintf("plan.stakeholders[%d].%s", i, name) }, fieldIn(func(c *casebuilder.Case) *casebuilder.Stakeholder { return item(c.Plan.Stakeholders, i) }, get), placeholder).box
			}
			return cols.row(
				field("party", "e.g. Sales managers", func(st *casebuilder.Stakeholder) *string { return &st.Party }),
				field("interest", "What they care about", func(st *casebuilder.Stakeholder) *string { return &st.Interest }),
				field("channel", "e.g. Monthly managers' call", func(st *casebuilder.Stakeholder) *string { return &st.Channel }),
				field("frequency", "e.g. Monthly", func(st *casebuilder.Stakeholder) *string { return &st.Frequency }),
			)
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
		return []fyne.CanvasObject{text("Give the milestones dates to see them on the timeline.", 8, 8, fyne.TextAlignLeading, true)}
	}
	labelW := min(size.Width*0.3, 240)
	left, right := labelW+8, size.Width-8
	days := to.Sub(from).Hours() / 24
	xOf := func(t time.Time) float32 { return left + (right-left)*float32(t.Sub(from).Hours()/24/days) }
	grid := withAlpha(theme.Color(theme.ColorNameForeground), 0x1c)
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
		objs = append(objs, line(grid, 1, x, top, x, bottom))
		if m.Before(to) {
			heads = append(heads, text(m.Format("Jan 06"), x+2, top, fyne.TextAlignLeading, true))
		}
	}
	for i := first; i < last; i++ {
		m := ms[i]
		y := timelineHead + float32(i)*timelineRow
		label := text(truncate(firstLine(m.Name, "Untitled"), labelW), 0, y+1, fyne.TextAlignLeading, i != s.shown)
		label.TextStyle.Bold = i == s.shown
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
		if i != s.shown {
			col = withAlpha(col, 0xb0)
		}
		x1, x2 := xOf(start.Time()), xOf(end.Time().AddDate(0, 0, 1))
		r := rect(col, x1, y+3, max(x2-x1, 3), timelineRow-6)
		r.CornerRadius = 3
		objs = append(objs, r)
	}
	objs = append(objs, rect(theme.Color(theme.ColorNameBackground), 0, top, size.Width, timelineHead))
	return append(objs, heads...)
}

// onTimelineTap opens the milestone whose row was tapped.
func (s *planScreen) onTimelineTap(at fyne.Position, _ fyne.Size) {
	i := int((at.Y - timelineHead) / timelineRow)
	if at.Y >= timelineHead && i >= 0 && i < len(s.u.doc.c.Plan.Milestones) {
		s.list.selectItem(i)
	}
}

func (s *planScreen) content() fyne.CanvasObject { return s.tabs }

func (s *planScreen) scrolls() []*container.Scroll {
	return []*container.Scroll{s.detail, s.othersScroll}
}

func (s *planScreen) refresh(force bool) {
	c := s.u.doc.c
	s.list.refresh(c, force)
	if s.list.selected != s.shown || s.form == nil {
		s.onSelect(s.list.selected)
	} else {
		s.form.refresh(c, force)
		if s.resources != nil {
			s.resources.refresh(c, force)
		}
	}
	s.others.refresh(c, force)
	s.stakeholders.refresh(c, force)
	s.timeline.min = fyne.NewSize(400, timelineHead+float32(len(c.Plan.Milestones))*timelineRow+6)
	s.timeline.Refresh()
	s.timeScroll.Refresh()
}

func (s *planScreen) showAnalysis(analysis) {}

func (s *planScreen) focus(path string) bool {
	if i, _, ok := indexIn(path, "plan.milestones"); ok {
		s.tabs.SelectIndex(0)
		if i < 0 {
			return s.list.focusAdd()
		}
		if i != s.shown {
			s.list.selectItem(i)
		}
		return s.form.focus(path) || s.resources != nil && s.resources.focus(path)
	}
	s.tabs.SelectIndex(1)
	return s.others.focus(path) || s.stakeholders.focus(path)
}
