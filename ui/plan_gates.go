package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

// The stage gates of the Plan step: the decisions at which the programme
// goes on or stops, each at a milestone or on a date, with who decides, the
// thresholds to meet, what stops on a "no" and what stopping costs, and
// what the money means at each (Result.Gates).

// gatesTab is the list of gates beside the form of the one selected.
type gatesTab struct {
	u  *UI
	md *form.MasterDetail
	// money says what the gate shown means for the money.
	money *widget.Label
	// builtFor is what the form of the gate was built for: the plan's
	// milestones, the KPIs and the recommendation's lines it offers.
	builtFor string
	box      fyne.CanvasObject
}

func newGatesTab(u *UI) *gatesTab {
	g := &gatesTab{u: u}
	edits := form.List[casebuilder.Gate]{Path: "plan.gates",
		Get: func(c *casebuilder.Case) *[]casebuilder.Gate { return &c.Plan.Gates },
		// A new gate decides nothing and costs nothing until the user says
		// where it is, what it needs and what stopping costs.
		New: func(c *casebuilder.Case) casebuilder.Gate {
			return casebuilder.Gate{ID: uniqueID("gate", gateIDs(c)), Name: "New gate"}
		},
		Removed: func(c *casebuilder.Case, removed casebuilder.Gate) {
			if c.Ask.UpToGate == removed.ID {
				c.Ask.UpToGate = ""
			}
		},
		Copied: func(c *casebuilder.Case, copied *casebuilder.Gate) {
			copied.ID = uniqueID("gate", gateIDs(c))
			copied.Name += " (copy)"
		},
	}.Edits(u.host(), casebuilder.StepPlan)
	g.md = form.NewMasterDetail(u.host(), casebuilder.StepPlan, edits, "gate", g.describe, g.showGate)
	g.md.Stale = func(c *casebuilder.Case) bool { return g.builtFor != gateOffers(c) }
	split := container.NewHSplit(g.md.List.Box(), g.md.Detail)
	split.Offset = 0.3
	g.box = split
	return g
}

func gateIDs(c *casebuilder.Case) []string {
	return idsOf(c.Plan.Gates, func(g casebuilder.Gate) string { return g.ID })
}

// gateOffers sums up what the form of a gate offers to choose from, to
// tell when it must be made anew.
func gateOffers(c *casebuilder.Case) string {
	var b strings.Builder
	for _, m := range c.Plan.Milestones {
		fmt.Fprintf(&b, "m%s|%s\n", m.ID, m.Name)
	}
	for _, m := range c.Measures {
		fmt.Fprintf(&b, "k%s|%s|%s\n", m.ID, m.Name, m.Unit)
	}
	if a := form.Item(c.Alternatives, c.AlternativeByID(c.Recommendation.Alternative)); a != nil && c.Recommendation.Alternative != "" {
		for _, k := range a.Costs {
			fmt.Fprintf(&b, "c%s\n", k.Name)
		}
		for _, l := range a.Benefits {
			fmt.Fprintf(&b, "b%s\n", l.Name)
		}
	}
	return b.String()
}

// describe names gate i in the list: its name, and when it is decided
// with what the recommendation has spent by then.
func (g *gatesTab) describe(c *casebuilder.Case, i int) (string, string) {
	gate := &c.Plan.Gates[i]
	sub := "not placed yet: give it a milestone or a date"
	if r := g.result(c, i); r != nil && r.Month >= 0 {
		f := g.u.formatOf(c)
		sub = form.MonthName(c, r.Month) + " · " + f.MoneyShort(r.SpentBefore) + " spent by then"
	}
	return firstLine(gate.Name, "Untitled gate"), sub
}

// result is what the latest figures say of gate i, nil while they are
// not those of c.
func (g *gatesTab) result(c *casebuilder.Case, i int) *casebuilder.GateResult {
	a := g.u.analysis
	if a.c != c || a.res == nil || i >= len(a.res.Gates) {
		return nil
	}
	return &a.res.Gates[i]
}

// gate is the getter of gate i.
func gate(i int) func(c *casebuilder.Case) *casebuilder.Gate {
	return func(c *casebuilder.Case) *casebuilder.Gate { return form.Item(c.Plan.Gates, i) }
}

// showGate lays out the form of gate i.
func (g *gatesTab) showGate(i int, f *form.Form) fyne.CanvasObject {
	c := g.u.doc.c
	g.builtFor = gateOffers(c)
	at := func(field string) string { return fmt.Sprintf("plan.gates[%d].%s", i, field) }
	gt := gate(i)
	name := f.Text(at("name"), form.In(gt, func(g *casebuilder.Gate) *string { return &g.Name }), "e.g. Pilot review: go on to the roll-out or stop")
	decidedBy := f.Text(at("decidedBy"), form.In(gt, func(g *casebuilder.Gate) *string { return &g.DecidedBy }), "Who decides, e.g. CEO and CFO, on the recommendation of the VP Sales")
	values, labels := []string{""}, []string{"On a date"}
	for mi, m := range c.Plan.Milestones {
		values = append(values, milestoneChoice(m, mi))
		labels = append(labels, "When “"+firstLine(m.Name, fmt.Sprintf("milestone %d", mi+1))+"” ends")
	}
	where := f.Choice(at("milestone"), values, labels, gateMilestone(gt))
	date := f.Date(at("date"), form.In(gt, func(g *casebuilder.Gate) *casebuilder.Date { return &g.Date }))
	dateRow := form.NewColumns(1, 1).Row(labelled("Date of the decision", date.Box()), container.NewStack())
	exit := f.OptionalNumber(at("exitCost"), figure.Money, form.In(gt, func(g *casebuilder.Gate) *float64 { return &g.ExitCost }), "none")
	g.money = widget.NewLabel("")
	g.money.Wrapping = fyne.TextWrapWord
	f.Watch(func(c *casebuilder.Case) {
		if gate := gt(c); gate != nil {
			form.SetVisible(dateRow, gate.Milestone == "")
		}
	})
	thresholds := g.thresholdTable(f, i)
	two := form.NewColumns(1, 1)
	defer g.showMoney(g.u.analysis)
	return detailPage(
		section("The gate", "A decision to go on with the programme only if it works, taken when a milestone ends or on a date: the CEO approves the first stage knowing how and when it can be stopped.",
			labelled("Name", name.Box()),
			labelled("Decided", where.Box()),
			dateRow,
			labelled("Who decides", decidedBy.Box())),
		section("Thresholds to go on", "Each a KPI of the Measures step, a comparison and a value, in the KPI's unit, such as months to full productivity of the pilot cohort at most 5.5.",
			thresholds.Box()),
		section("If the answer is no", "The lines of the recommendation that stop from the month of the decision; none ticked, every line stops. Stopping may cost something itself: notice periods, contracts.",
			g.stopTicks(f, i),
			two.Row(labelled("What stopping there costs ("+g.u.format().Symbol()+")", exit.Box()), container.NewStack())),
		section("The money at the gate", "", g.money),
	)
}

// milestoneChoice is how the gates' drop-down names milestone mi: its ID,
// or its place while it has none.
func milestoneChoice(m casebuilder.Milestone, mi int) string {
	if m.ID != "" {
		return m.ID
	}
	return "#" + strconv.Itoa(mi)
}

// gateMilestone is the milestone a gate is decided at, "" for one on a
// date: a gate at a milestone has no date of its own, and a milestone with
// no ID gets one.
func gateMilestone(gt func(c *casebuilder.Case) *casebuilder.Gate) form.Value[string] {
	return idChoice(gt, func(g *casebuilder.Gate) *string { return &g.Milestone },
		func(c *casebuilder.Case) int { return len(c.Plan.Milestones) }, form.MilestoneID,
		func(g *casebuilder.Gate, v string) {
			if v != "" {
				g.Date = casebuilder.Date{}
			}
		})
}

// idChoice is a drop-down's choice of an item by its ID, the field of what
// get returns: "#N" chooses item N of the n there are while it has no ID,
// and idOf gives it one. chosen, when not nil, follows a change.
func idChoice[T any](get func(c *casebuilder.Case) *T, field func(*T) *string, n func(c *casebuilder.Case) int,
	idOf func(c *casebuilder.Case, i int) string, chosen func(it *T, v string)) form.Value[string] {
	return form.Value[string]{
		Read: func(c *casebuilder.Case) (string, bool) {
			if it := get(c); it != nil {
				return *field(it), true
			}
			return "", false
		},
		Write: func(c *casebuilder.Case, v string) error {
			it := get(c)
			if it == nil {
				return form.ErrGone
			}
			if i, ok := strings.CutPrefix(v, "#"); ok {
				mi, err := strconv.Atoi(i)
				if err != nil || mi >= n(c) {
					return form.ErrGone
				}
				v = idOf(c, mi)
			}
			if *field(it) == v {
				return form.ErrUnchanged
			}
			*field(it) = v
			if chosen != nil {
				chosen(it, v)
			}
			return nil
		},
	}
}

// comparisonLabels name the comparisons, in casebuilder.Comparisons' order.
var comparisonLabels = []string{"≤ at most", "≥ at least", "< below", "> above"}

// thresholdTable is the table of gate i's thresholds.
func (g *gatesTab) thresholdTable(f *form.Form, i int) *form.Table {
	c := g.u.doc.c
	path := fmt.Sprintf("plan.gates[%d].thresholds", i)
	list := form.FieldIn(gate(i), func(g *casebuilder.Gate) *[]casebuilder.Threshold { return &g.Thresholds })
	edits := form.List[casebuilder.Threshold]{Path: path, Get: list, New: func(c *casebuilder.Case) casebuilder.Threshold {
		return newThreshold(c, i)
	}}.Edits(g.u.host(), casebuilder.StepPlan)
	var kpis, kpiLabels []string
	for mi, m := range c.Measures {
		kpis = append(kpis, measureChoice(m, mi))
		kpiLabels = append(kpiLabels, firstLine(m.Name, fmt.Sprintf("KPI %d", mi+1)))
	}
	var comparisons []string
	for _, k := range casebuilder.Comparisons {
		comparisons = append(comparisons, string(k))
	}
	cols := form.NewColumns(2.2, 1.3, 0.9)
	empty := "No thresholds yet: a gate with nothing to meet is a meeting, not a decision."
	if len(c.Measures) == 0 {
		empty = "Add the KPIs on the Measures step first: a threshold is a KPI, a comparison and a value."
	}
	t := f.Table(edits, "threshold", empty, form.HeaderRow(cols, "KPI", "Comparison", "Value"), func(j int, rf *form.Form) fyne.CanvasObject {
		at := func(field string) string { return fmt.Sprintf("%s[%d].%s", path, j, field) }
		th := form.ItemOf(list, j)
		kpi := rf.Choice(at("measure"), kpis, kpiLabels, thresholdMeasure(th))
		cmp := rf.Choice(at("comparison"), comparisons, comparisonLabels,
			form.AsText(form.In(th, func(t *casebuilder.Threshold) *casebuilder.Comparison { return &t.Comparison })))
		// The value reads in the KPI's unit; the watcher comes first so
		// that it is written in the new unit when the KPI changes.
		var value *form.NumberField
		unit := func(c *casebuilder.Case) figure.Unit {
			if t := th(c); t != nil {
				if k := measureByID(c, t.Measure); k != nil {
					return unitOr(k.Unit)
				}
			}
			return figure.Number
		}
		rf.Watch(func(c *casebuilder.Case) {
			if value != nil {
				value.SetUnit(unit(c))
			}
		})
		value = rf.Number(at("value"), unit(c), form.In(th, func(t *casebuilder.Threshold) *float64 { return &t.Value }))
		return cols.Row(kpi.Box(), cmp.Box(), value.Box())
	})
	form.Enable(t.AddButton(), len(c.Measures) > 0)
	return t
}

// measureChoice is how the thresholds' drop-down names KPI mi: its ID, or
// its place while it has none.
func measureChoice(m casebuilder.Measure, mi int) string {
	if m.ID != "" {
		return m.ID
	}
	return "#" + strconv.Itoa(mi)
}

// measureID returns the ID of KPI mi of c, giving it one first if it has
// none: a threshold refers to its KPI by ID.
func measureID(c *casebuilder.Case, mi int) string {
	m := &c.Measures[mi]
	if m.ID == "" {
		m.ID = uniqueID(cmpOr(slug(m.Name), "kpi"), measureIDs(c))
	}
	return m.ID
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

func measureIDs(c *casebuilder.Case) []string {
	return idsOf(c.Measures, func(m casebuilder.Measure) string { return m.ID })
}

// measureByID returns the KPI with that ID, or nil.
func measureByID(c *casebuilder.Case, id string) *casebuilder.Measure {
	if id == "" {
		return nil
	}
	return form.Item(c.Measures, slices.IndexFunc(c.Measures, func(m casebuilder.Measure) bool { return m.ID == id }))
}

// thresholdMeasure is the KPI a threshold compares: choosing one that has
// no ID gives it one.
func thresholdMeasure(th func(c *casebuilder.Case) *casebuilder.Threshold) form.Value[string] {
	return idChoice(th, func(t *casebuilder.Threshold) *string { return &t.Measure },
		func(c *casebuilder.Case) int { return len(c.Measures) }, measureID, nil)
}

// newThreshold is a new threshold of gate gi: on the first KPI the gate
// does not test yet, aiming where the KPI aims (its own target, typed on
// the Measures step, reached from its baseline).
func newThreshold(c *casebuilder.Case, gi int) casebuilder.Threshold {
	if len(c.Measures) == 0 {
		return casebuilder.Threshold{Comparison: casebuilder.AtLeast}
	}
	used := map[string]bool{}
	if g := form.Item(c.Plan.Gates, gi); g != nil {
		for _, t := range g.Thresholds {
			used[t.Measure] = true
		}
	}
	mi := slices.IndexFunc(c.Measures, func(m casebuilder.Measure) bool { return m.ID == "" || !used[m.ID] })
	mi = max(mi, 0)
	m := c.Measures[mi]
	cmp := casebuilder.AtLeast
	if m.Target < m.Baseline {
		cmp = casebuilder.AtMost
	}
	return casebuilder.Threshold{Measure: measureID(c, mi), Comparison: cmp, Value: m.Target}
}

// stopTicks are a tick for each line of the recommendation: whether it
// stops on a "no" at gate i.
func (g *gatesTab) stopTicks(f *form.Form, i int) fyne.CanvasObject {
	c := g.u.doc.c
	ai := c.AlternativeByID(c.Recommendation.Alternative)
	if ai < 0 || c.Recommendation.Alternative == "" {
		l := widget.NewLabel("Name the recommendation on the Compare step to choose which of its lines stop; until then every line stops.")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		return l
	}
	a := &c.Alternatives[ai]
	var names []string
	for _, k := range a.Costs {
		names = append(names, k.Name)
	}
	for _, b := range a.Benefits {
		names = append(names, b.Name)
	}
	var ticks []fyne.CanvasObject
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] || strings.TrimSpace(name) == "" {
			continue
		}
		seen[name] = true
		ticks = append(ticks, f.Check(fmt.Sprintf("plan.gates[%d].stops", i), shorten(firstLine(name, name), maxConcernName), stops(gate(i), name)).Widget())
	}
	return container.NewVBox(ticks...)
}

// stops is whether a gate stops the line called name.
func stops(gt func(c *casebuilder.Case) *casebuilder.Gate, name string) form.Value[bool] {
	return idTick(gt, func(g *casebuilder.Gate) *[]string { return &g.Stops }, name, nil)
}

// showMoney says what the gate shown means for the money of the
// recommendation.
func (g *gatesTab) showMoney(a analysis) {
	if g.money == nil || a.c == nil {
		return
	}
	i := g.md.Shown()
	r := g.result(a.c, i)
	gt := form.Item(a.c.Plan.Gates, i)
	rec := a.res.RecommendedAlternative()
	f := g.u.formatOf(a.c)
	text := ""
	switch {
	case gt == nil || r == nil:
	case rec == nil || rec.DoNothing:
		text = "There is no alternative to doing nothing to stop yet."
	case r.Month < 0:
		text = "Give the gate a milestone with an end date, or a date, to see what has been spent by then and what stopping there would mean."
	default:
		text = fmt.Sprintf("Decided in %s. By then %s has spent %s, its contingency reserve included. Stopped there, its NPV would be %s",
			form.MonthName(a.c, r.Month), rec.Name, f.Money(r.SpentBefore), f.Money(r.NetIfStopped))
		if r.ExitCost > 0 {
			text += fmt.Sprintf(", the %s of stopping included", f.Money(r.ExitCost))
		}
		text += fmt.Sprintf("; going on, %s.", f.Money(rec.NPV))
		if r.Month >= a.res.Months {
			text += " The decision falls after the horizon: nothing is saved by stopping there."
		}
	}
	form.SetText(g.money, text)
}

func (g *gatesTab) refresh(c *casebuilder.Case, force bool) { g.md.Refresh(c, force) }

func (g *gatesTab) showAnalysis(a analysis) {
	g.md.List.List().Refresh()
	g.showMoney(a)
}

// focus shows and focuses the field at path of the gates; a gate itself
// leads to when it is decided.
func (g *gatesTab) focus(path string) bool {
	i, rest, ok := form.IndexIn(path, "plan.gates")
	switch {
	case !ok:
		return false
	case i >= 0 && rest == "":
		path = fmt.Sprintf("plan.gates[%d].milestone", i)
	}
	// A part of the gate not shown (the date of one at a milestone, the
	// lines that stop while there is no recommendation) leads to when it
	// is decided.
	return g.md.Focus(path) || i >= 0 && g.md.Focus(fmt.Sprintf("plan.gates[%d].milestone", i))
}
