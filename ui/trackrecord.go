package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

// milestonePath and gatePath are the paths of the fields of a milestone's
// and a gate's entry in the record, by the baseline's key: the screen
// shows one row for each, whether the record has an entry yet or not.
func milestonePath(key, field string) string { return "tracking.milestones{" + key + "}." + field }
func gatePath(id, field string) string       { return "tracking.gates{" + id + "}." + field }

// milestoneEntry is the getter of a milestone's progress in the record.
func milestoneEntry(key string) func(c *casebuilder.Case, create bool) *casebuilder.MilestoneProgress {
	return recordEntry(func(t *casebuilder.Tracking) *[]casebuilder.MilestoneProgress { return &t.Milestones },
		func(p *casebuilder.MilestoneProgress) bool { return p.Milestone == key },
		casebuilder.MilestoneProgress{Milestone: key})
}

// gateEntry is the getter of a gate's outcome in the record.
func gateEntry(id string) func(c *casebuilder.Case, create bool) *casebuilder.GateOutcome {
	return recordEntry(func(t *casebuilder.Tracking) *[]casebuilder.GateOutcome { return &t.Gates },
		func(g *casebuilder.GateOutcome) bool { return g.Gate == id },
		casebuilder.GateOutcome{Gate: id})
}

// recordList is the getter of a list of the record: nil while the case
// has no record.
func recordList[T any](of func(t *casebuilder.Tracking) *[]T) func(c *casebuilder.Case) *[]T {
	return func(c *casebuilder.Case) *[]T {
		if c.Tracking == nil {
			return nil
		}
		return of(c.Tracking)
	}
}

// recordEntry is the getter of the first entry of a list of the record
// that is the one: with create, blank is added to the list when none is.
func recordEntry[T any](list func(t *casebuilder.Tracking) *[]T, the func(*T) bool, blank T) func(c *casebuilder.Case, create bool) *T {
	return func(c *casebuilder.Case, create bool) *T {
		items := list(c.Tracking)
		for i := range *items {
			if the(&(*items)[i]) {
				return &(*items)[i]
			}
		}
		if !create {
			return nil
		}
		*items = append(*items, blank)
		return &(*items)[len(*items)-1]
	}
}

// milestoneStates name the states of a milestone as the screen says them.
var milestoneStates = map[tracking.MilestoneState]string{
	tracking.StateDone:       "done",
	tracking.StateLate:       "LATE",
	tracking.StateInProgress: "in progress",
	tracking.StateNotStarted: "not started",
	tracking.StateOnHold:     "on hold",
}

// milestoneRows are the rows of the baseline's milestones: each with its
// dates as approved and where it stands, and the fields of its progress.
func (s *trackScreen) milestoneRows(c *casebuilder.Case) []fyne.CanvasObject {
	b := &c.Tracking.Baseline
	if len(b.Milestones) == 0 {
		return []fyne.CanvasObject{muted("The approved plan has no milestones.")}
	}
	f := s.newForm()
	statusValues := []string{""}
	statusLabels := []string{"From the dates"}
	for _, st := range casebuilder.MilestoneStatuses {
		statusValues = append(statusValues, string(st))
		statusLabels = append(statusLabels, form.Capital(milestoneStates[tracking.MilestoneState(st)]))
	}
	cols := form.NewColumns(1, 1, 0.7, 1.1, 2.2)
	var rows []fyne.CanvasObject
	for _, m := range b.Milestones {
		key := m.Key()
		get := milestoneEntry(key)
		at := func(field string) string { return milestonePath(key, field) }
		start := f.Date(at("actualStart"), keyed(get, func(p *casebuilder.MilestoneProgress) *casebuilder.Date { return &p.ActualStart }))
		end := f.Date(at("actualEnd"), keyed(get, func(p *casebuilder.MilestoneProgress) *casebuilder.Date { return &p.ActualEnd }))
		pct := f.Number(at("percentComplete"), figure.Percent, keyed(get, func(p *casebuilder.MilestoneProgress) *float64 { return &p.PercentComplete }))
		status := f.Choice(at("status"), statusValues, statusLabels,
			form.AsText(keyed(get, func(p *casebuilder.MilestoneProgress) *casebuilder.MilestoneStatus { return &p.Status })))
		note := f.Text(at("note"), keyed(get, func(p *casebuilder.MilestoneProgress) *string { return &p.Note }), "How it will recover, if late")
		head := widget.NewLabelWithStyle(m.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		planned := fmt.Sprintf("Planned %s – %s", shortDate(m.Start), shortDate(m.End))
		if m.Owner != "" {
			planned += ", owner " + m.Owner
		}
		state := muted(planned)
		state.SizeName = theme.SizeNameCaptionText
		s.stateLabels = append(s.stateLabels, milestoneLine{key: key, label: state, planned: planned})
		rows = append(rows, container.NewVBox(
			container.New(form.TightVBox{}, head, state),
			cols.Row(labelled("Actual start", start.Box()), labelled("Actual end", end.Box()),
				labelled("Complete", pct.Box()), labelled("Status", status.Box()), labelled("Note", note.Box()))))
	}
	return rows
}

// milestoneLine is the line under a milestone's name.
type milestoneLine struct {
	key     string
	label   *widget.Label
	planned string
}

// showStates says where each milestone stands.
func (s *trackScreen) showStates(p *tracking.Progress) {
	byKey := map[string]*tracking.Milestone{}
	for i := range p.Milestones {
		byKey[p.Milestones[i].Key] = &p.Milestones[i]
	}
	for _, sl := range s.stateLabels {
		m := byKey[sl.key]
		if m == nil {
			continue
		}
		text := sl.planned + " · " + milestoneStates[m.Status]
		switch {
		case m.Status == tracking.StateDone:
			text += ", ended " + shortDate(m.ActualEnd)
			if m.DaysLate > 0 {
				text += fmt.Sprintf(", %s late", plural(m.DaysLate, "day"))
			}
		case m.Late:
			text += fmt.Sprintf(": forecast to end %s, %s late", shortDate(m.ForecastEnd), plural(m.DaysLate, "day"))
		case m.MovedBy != "":
			text += ", waiting for " + m.MovedBy
		}
		sl.label.SetText(text)
		if m.Late {
			sl.label.Importance = widget.DangerImportance
		} else {
			sl.label.Importance = widget.LowImportance
		}
		sl.label.Refresh()
	}
}

// drawTimeline draws each milestone's bar as approved (thin, muted)
// above its actual or forecast bar (late ones in the error colour and
// marked), with a line at the as-of day.
func (s *trackScreen) drawTimeline(size fyne.Size) []fyne.CanvasObject {
	p := s.progress
	if p == nil || len(p.Milestones) == 0 {
		return nil
	}
	first, last := p.Milestones[0].PlannedStart, p.Milestones[0].PlannedEnd
	for _, m := range p.Milestones {
		for _, d := range []casebuilder.Date{m.PlannedStart, m.ForecastStart} {
			if !d.IsZero() && (first.IsZero() || d.Before(first)) {
				first = d
			}
		}
		for _, d := range []casebuilder.Date{m.PlannedEnd, m.ForecastEnd} {
			if !d.IsZero() && (last.IsZero() || last.Before(d)) {
				last = d
			}
		}
	}
	if first.IsZero() || last.IsZero() || !first.Before(last) {
		return nil
	}
	nameW := min(size.Width*0.32, 240)
	left, right := nameW+8, size.Width-56
	if right-left < 40 {
		return nil
	}
	span := float32(last.Time().Sub(first.Time()).Hours())
	x := func(d casebuilder.Date) float32 {
		return left + (right-left)*float32(d.Time().Sub(first.Time()).Hours())/span
	}
	muted := chart.WithAlpha(theme.Color(theme.ColorNameForeground), 0x55)
	var objs []fyne.CanvasObject
	const rowH = 26
	for i, m := range p.Milestones {
		y := float32(i)*rowH + 4
		objs = append(objs, chart.Text(chart.Truncate(m.Name, nameW), 0, y+3, fyne.TextAlignLeading, false))
		if !m.PlannedStart.IsZero() && !m.PlannedEnd.IsZero() {
			objs = append(objs, chart.Rect(muted, x(m.PlannedStart), y+2, max(2, x(m.PlannedEnd)-x(m.PlannedStart)), 4))
		}
		if m.ForecastStart.IsZero() || m.ForecastEnd.IsZero() {
			continue
		}
		var fill color.Color = theme.Color(theme.ColorNamePrimary)
		switch {
		case m.Late:
			fill = theme.Color(theme.ColorNameError)
		case m.Status == tracking.StateDone:
			fill = theme.Color(theme.ColorNameSuccess)
		}
		w := max(2, x(m.ForecastEnd)-x(m.ForecastStart))
		// The part still to come, forecast, is drawn lighter.
		objs = append(objs, chart.Rect(chart.WithAlpha(fill, 0x70), x(m.ForecastStart), y+8, w, 9))
		if done := float32(m.PercentComplete); done > 0 {
			objs = append(objs, chart.Rect(fill, x(m.ForecastStart), y+8, w*min(done, 1), 9))
		}
		if m.Late {
			objs = append(objs, chart.Text(fmt.Sprintf("%dd late", m.DaysLate), x(m.ForecastEnd)+4, y+5, fyne.TextAlignLeading, false))
		}
	}
	if !p.Day.IsZero() && !p.Day.Before(first) && !last.Before(p.Day) {
		ax := x(p.Day)
		h := float32(len(p.Milestones)) * rowH
		objs = append(objs, chart.Line(theme.Color(theme.ColorNameForeground), 1, ax, 0, ax, h+4),
			chart.Text("as of "+shortDate(p.Day), ax, h+4, fyne.TextAlignCenter, true))
	}
	return objs
}

// timelineHeight is the height the timeline takes for n milestones.
func timelineHeight(n int) float32 { return float32(n)*26 + 24 }

// riskKey is how the record names a risk: its ID, or its description when
// it has none.
func riskKey(r *casebuilder.Risk) string { return orDash(r.ID, r.Description) }

// riskTable is the table of the risks that fired.
func (s *trackScreen) riskTable() fyne.CanvasObject {
	c := s.u.doc.c
	f := s.newForm()
	list := recordList(func(t *casebuilder.Tracking) *[]casebuilder.RiskEvent { return &t.RiskEvents })
	var keys, labels []string
	for i := range c.Risks {
		keys = append(keys, riskKey(&c.Risks[i]))
		labels = append(labels, shorten(firstLine(c.Risks[i].Description, keys[i]), 60))
	}
	if len(keys) == 0 {
		return muted("The case has no risks to record.")
	}
	edits := form.List[casebuilder.RiskEvent]{Path: "tracking.riskEvents", Get: list,
		New: func(*casebuilder.Case) casebuilder.RiskEvent {
			return casebuilder.RiskEvent{Risk: keys[0], Fired: casebuilder.DateOf(s.u.deps.now())}
		}}.Edits(s.u.host(), casebuilder.StepTracking)
	three := form.NewColumns(2, 1, 1)
	two := form.NewColumns(1, 3)
	t := f.Table(edits, "risk that fired", "No risk has fired yet.", nil, func(i int, rf *form.Form) fyne.CanvasObject {
		at := func(field string) string { return fmt.Sprintf("tracking.riskEvents[%d].%s", i, field) }
		ev := form.ItemOf(list, i)
		risk := rf.Choice(at("risk"), keys, labels, form.In(ev, func(e *casebuilder.RiskEvent) *string { return &e.Risk }))
		fired := rf.Date(at("fired"), form.In(ev, func(e *casebuilder.RiskEvent) *casebuilder.Date { return &e.Fired }))
		resolved := rf.Date(at("resolved"), form.In(ev, func(e *casebuilder.RiskEvent) *casebuilder.Date { return &e.Resolved }))
		work := rf.Check(at("workaround"), "Work-around used", form.In(ev, func(e *casebuilder.RiskEvent) *bool { return &e.Workaround }))
		cont := rf.Check(at("contingency"), "Contingency plan used", form.In(ev, func(e *casebuilder.RiskEvent) *bool { return &e.Contingency }))
		cost := rf.Number(at("cost"), figure.Money, form.In(ev, func(e *casebuilder.RiskEvent) *float64 { return &e.Cost }))
		note := rf.Text(at("note"), form.In(ev, func(e *casebuilder.RiskEvent) *string { return &e.Note }), "What was done")
		return container.NewVBox(
			three.Row(labelled("Risk", risk.Box()), labelled("Trigger fired on", fired.Box()), labelled("Resolved on", resolved.Box())),
			container.NewHBox(work.Box(), cont.Box()),
			two.Row(labelled("What it cost", cost.Box()), labelled("Note", note.Box())),
			widget.NewSeparator())
	})
	return t.Box()
}

// gateView is one stage gate: where it stands, its conditions against the
// latest readings, and the fields of its outcome.
type gateView struct {
	id         string
	status     *widget.Label
	thresholds *widget.Label
	u          *UI
}

// gateRows are the rows of the baseline's gates.
func (s *trackScreen) gateRows(c *casebuilder.Case) []fyne.CanvasObject {
	b := &c.Tracking.Baseline
	s.gateViews = nil
	if len(b.Gates) == 0 {
		return []fyne.CanvasObject{muted("The approved plan has no stage gates.")}
	}
	f := s.newForm()
	decisions := []string{"", string(casebuilder.GoOn), string(casebuilder.Stop)}
	decisionLabels := []string{"Not decided yet", "Go on", "Stop"}
	cols := form.NewColumns(1, 1, 2)
	var rows []fyne.CanvasObject
	for _, g := range b.Gates {
		get := gateEntry(g.ID)
		at := func(field string) string { return gatePath(g.ID, field) }
		date := f.Date(at("date"), keyed(get, func(o *casebuilder.GateOutcome) *casebuilder.Date { return &o.Date }))
		met := f.Check(at("met"), "Its conditions were met", keyed(get, func(o *casebuilder.GateOutcome) *bool { return &o.Met }))
		decision := f.Choice(at("decision"), decisions, decisionLabels,
			form.AsText(keyed(get, func(o *casebuilder.GateOutcome) *casebuilder.GateDecision { return &o.Decision })))
		by := f.Text(at("decidedBy"), keyed(get, func(o *casebuilder.GateOutcome) *string { return &o.DecidedBy }), orDash(g.DecidedBy, "Who decided"))
		note := f.Text(at("note"), keyed(get, func(o *casebuilder.GateOutcome) *string { return &o.Note }), "What was decided, and why")
		gv := &gateView{id: g.ID, status: muted(""), thresholds: muted(""), u: s.u}
		gv.status.SizeName = theme.SizeNameCaptionText
		s.gateViews = append(s.gateViews, gv)
		head := widget.NewLabelWithStyle(orDash(g.Name, g.ID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewVBox(
			container.New(form.TightVBox{}, head, gv.status, gv.thresholds),
			cols.Row(labelled("Decided on", date.Box()), labelled("Decision", decision.Box()), labelled("Decided by", by.Box())),
			met.Box(),
			labelled("Note", note.Box())))
	}
	return rows
}

// show shows where the gate stands as of the progress.
func (g *gateView) show(p *tracking.Progress) {
	var gate *tracking.Gate
	for i := range p.Gates {
		if p.Gates[i].ID == g.id {
			gate = &p.Gates[i]
		}
	}
	if gate == nil {
		return
	}
	text := fmt.Sprintf("Decision planned on %s", shortDate(gate.PlannedDay))
	if gate.Day != gate.PlannedDay && !gate.Day.IsZero() {
		text += ", forecast on " + shortDate(gate.Day)
	}
	if gate.DecidedBy != "" {
		text += ", by " + gate.DecidedBy
	}
	text += " · " + gate.Status.Words()
	g.status.SetText(text)
	if gate.Status == tracking.GateAwaiting || gate.Status == tracking.GateNotMet {
		g.status.Importance = widget.DangerImportance
	} else {
		g.status.Importance = widget.LowImportance
	}
	g.status.Refresh()
	f := g.u.format()
	var lines []string
	for _, th := range gate.Thresholds {
		k := kpiOf(p, th.Measure)
		name, unit := th.Measure, figure.Number
		if k != nil {
			name, unit = k.Name, k.Unit
		}
		line := fmt.Sprintf("%s %s %s: ", name, th.Comparison.Words(), f.Value(th.Value, unitOr(unit)))
		switch {
		case th.Reading == nil:
			line += "no reading yet"
		default:
			line += fmt.Sprintf("latest %s on %s", f.Value(*th.Reading, unitOr(unit)), shortDate(th.ReadingDate))
			if th.Met != nil && *th.Met {
				line += " — met"
			} else {
				line += " — not met"
			}
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = append(lines, "No conditions set.")
	}
	g.thresholds.SetText(strings.Join(lines, "\n"))
}

// kpiOf is the KPI of key (or ID) in the progress.
func kpiOf(p *tracking.Progress, key string) *tracking.KPI {
	for i := range p.KPIs {
		if p.KPIs[i].Key == key {
			return &p.KPIs[i]
		}
	}
	return nil
}

// decisionTable is the table of the decisions the progress report asks of
// its readers.
func (s *trackScreen) decisionTable() fyne.CanvasObject {
	f := s.newForm()
	list := recordList(func(t *casebuilder.Tracking) *[]casebuilder.DecisionRequest { return &t.Decisions })
	edits := form.List[casebuilder.DecisionRequest]{Path: "tracking.decisions", Get: list,
		New: func(*casebuilder.Case) casebuilder.DecisionRequest {
			// A decision must say what is to be decided: the user types over it.
			return casebuilder.DecisionRequest{Raised: casebuilder.DateOf(s.u.deps.now()), Question: "New decision"}
		}}.Edits(s.u.host(), casebuilder.StepTracking)
	top := form.NewColumns(3, 1.4, 1)
	bottom := form.NewColumns(1, 3)
	t := f.Table(edits, "decision to ask for", "No decision asked of the report's readers.", nil, func(i int, rf *form.Form) fyne.CanvasObject {
		at := func(field string) string { return fmt.Sprintf("tracking.decisions[%d].%s", i, field) }
		d := form.ItemOf(list, i)
		question := rf.WrappedText(at("question"), form.In(d, func(x *casebuilder.DecisionRequest) *string { return &x.Question }), "The decision needed, e.g. extend the coaching to year 2?")
		from := rf.Text(at("from"), form.In(d, func(x *casebuilder.DecisionRequest) *string { return &x.From }), "Whose decision: the CEO, the CFO")
		by := rf.Date(at("by"), form.In(d, func(x *casebuilder.DecisionRequest) *casebuilder.Date { return &x.By }))
		decided := rf.Date(at("decided"), form.In(d, func(x *casebuilder.DecisionRequest) *casebuilder.Date { return &x.Decided }))
		answer := rf.WrappedText(at("answer"), form.In(d, func(x *casebuilder.DecisionRequest) *string { return &x.Answer }), "What was decided")
		return container.NewVBox(
			top.Row(labelled("Decision needed", question.Box()), labelled("From", from.Box()), labelled("Needed by", by.Box())),
			bottom.Row(labelled("Decided on", decided.Box()), labelled("Answer", answer.Box())),
			widget.NewSeparator())
	})
	return t.Box()
}

// creditTable is the table of the people credited with the progress.
func (s *trackScreen) creditTable() fyne.CanvasObject {
	f := s.newForm()
	list := recordList(func(t *casebuilder.Tracking) *[]casebuilder.Credit { return &t.Credits })
	edits := form.List[casebuilder.Credit]{Path: "tracking.credits", Get: list,
		New: func(*casebuilder.Case) casebuilder.Credit {
			// A credit must name someone and what they did: the user types
			// over both.
			return casebuilder.Credit{Date: casebuilder.DateOf(s.u.deps.now()), Name: "New name", Contribution: "What they did"}
		}}.Edits(s.u.host(), casebuilder.StepTracking)
	cols := form.NewColumns(1, 1.4, 3)
	t := f.Table(edits, "credit", "No one credited yet.", form.HeaderRow(cols, "Day", "Name", "What they did"), func(i int, rf *form.Form) fyne.CanvasObject {
		at := func(field string) string { return fmt.Sprintf("tracking.credits[%d].%s", i, field) }
		k := form.ItemOf(list, i)
		day := rf.Date(at("date"), form.In(k, func(x *casebuilder.Credit) *casebuilder.Date { return &x.Date }))
		name := rf.Text(at("name"), form.In(k, func(x *casebuilder.Credit) *string { return &x.Name }), "")
		what := rf.Text(at("contribution"), form.In(k, func(x *casebuilder.Credit) *string { return &x.Contribution }), "What they did")
		return cols.Row(day.Box(), name.Box(), what.Box())
	})
	return t.Box()
}

// trackedItem adds to parts the entry of the record that path is in, by
// the name of what it records (the milestone, the risk, the gate, the
// KPI), and returns what of path is left to say; parts is unchanged when
// path is not in the record.
func trackedItem(c *casebuilder.Case, parts []string, path string) ([]string, string) {
	t := c.Tracking
	if t == nil || !strings.HasPrefix(path, "tracking.") {
		return parts, path
	}
	b := &t.Baseline
	milestoneName := func(key string) string {
		return nameByKey(b.Milestones, key, (*casebuilder.BaselineMilestone).Key, func(m *casebuilder.BaselineMilestone) string { return m.Name })
	}
	measureName := func(key string) string {
		return nameByKey(b.Measures, key, (*casebuilder.BaselineMeasure).Key, func(m *casebuilder.BaselineMeasure) string { return m.Name })
	}
	lists := []namedList{
		{"tracking.milestones", "milestone", namesOf(t.Milestones, func(p casebuilder.MilestoneProgress) string { return milestoneName(p.Milestone) })},
		{"tracking.riskEvents", "risk", namesOf(t.RiskEvents, func(e casebuilder.RiskEvent) string {
			return nameByKey(c.Risks, e.Risk, riskKey, func(r *casebuilder.Risk) string { return firstLine(r.Description, e.Risk) })
		})},
		{"tracking.gates", "gate", namesOf(t.Gates, func(g casebuilder.GateOutcome) string {
			return nameByKey(b.Gates, g.Gate, func(bg *casebuilder.BaselineGate) string { return bg.ID }, func(bg *casebuilder.BaselineGate) string { return orDash(bg.Name, g.Gate) })
		})},
		{"tracking.readings", "reading of", namesOf(t.Readings, func(r casebuilder.Reading) string { return measureName(r.Measure) })},
		{"tracking.kpis", "KPI", namesOf(t.KPIs, func(k casebuilder.KPIRecord) string { return measureName(k.Measure) })},
		{"tracking.decisions", "decision", namesOf(t.Decisions, func(d casebuilder.DecisionRequest) string { return d.Question })},
		{"tracking.spend", "spend", namesOf(t.Spend, func(s casebuilder.Spend) string { return orDash(s.Line, "reserve") + " on " + shortDate(s.Date) })},
	}
	for _, l := range lists {
		i, rest, ok := form.IndexIn(path, l.path)
		if !ok {
			continue
		}
		if i < 0 {
			return append(parts, trackedLists[l.path]), rest
		}
		if name, ok := l.name(i); ok {
			return append(parts, l.noun+" “"+shorten(name, 40)+"”"), strings.TrimPrefix(rest, ".")
		}
		return parts, path
	}
	return parts, path
}

// nameByKey is the name of the first of items whose key is key, by name;
// key itself when none is.
func nameByKey[T any](items []T, key string, keyOf, name func(*T) string) string {
	for i := range items {
		if keyOf(&items[i]) == key {
			return name(&items[i])
		}
	}
	return key
}

// trackedLists name the lists of the record, for a link to one of them.
var trackedLists = map[string]string{
	"tracking.milestones": "milestones",
	"tracking.riskEvents": "risks that fired",
	"tracking.gates":      "gates",
	"tracking.readings":   "KPI readings",
	"tracking.kpis":       "KPIs",
	"tracking.decisions":  "decisions asked for",
	"tracking.spend":      "spend",
}
