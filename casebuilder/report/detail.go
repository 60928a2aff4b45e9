package report

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// detail lays out the pages after page one: what changed, then every
// figure behind page one.
func (d *doc) detail() {
	d.newPage()
	d.setFont("B", 14)
	d.setColor(pdfstyle.Accent)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), "The detail", "L")
	d.y += pdfstyle.LineHeight(14) + 1
	d.changes()
	d.moneyDetail()
	d.milestonesDetail()
	d.kpisDetail()
	d.benefitsDetail()
	d.gatesDetail()
	d.risksDetail()
	d.decisionsDetail()
	d.creditsDetail()
	d.statusRules()
	if d.withReview {
		d.review()
	}
}

// changes writes what changed since the previous report, by area.
func (d *doc) changes() {
	title := "What changed since the previous report"
	if d.r.Previous.IsZero() {
		title = "What changed since the approval"
	} else {
		title += ", " + d.r.Previous.Words()
	}
	d.heading(title, 10)
	var items []string
	for _, c := range d.r.Changes {
		s := c.Text
		if c.Area != "" && !strings.HasPrefix(s, c.Area) {
			s = c.Area + ": " + s
		}
		items = append(items, s)
	}
	d.bullets(items, 8)
}

// moneyDetail writes the money line by line.
func (d *doc) moneyDetail() {
	m := &d.p.Money
	d.heading("Money, line by line", 20)
	scope := "the whole plan"
	if !m.WholePlan {
		scope = fmt.Sprintf("the first stage, to month %d", m.StageEnd+1)
	}
	d.para(fmt.Sprintf("The approved budget is %s, for %s, the contingency reserve of %s included. "+
		"The forecast at completion is, line by line, what was spent to date, plus the re-forecast's costs still to come, "+
		"plus what a one-time or yearly cost planned by now has still to pay, plus what is left of the reserve.",
		d.f.Money(m.ApprovedBudget), scope, d.f.Money(m.ReserveApproved)), "", 8, pdfstyle.Ink)
	cols := []column{{"Line", 3, "L"}, {"Approved", 1.3, "R"}, {"Planned to date", 1.3, "R"}, {"Spent to date", 1.3, "R"},
		{"Still to come", 1.3, "R"}, {"Forecast at completion", 1.4, "R"}}
	var rows [][]string
	for _, l := range m.Lines {
		name := l.Name
		switch {
		case l.Reserve && !strings.Contains(strings.ToLower(name), "reserve"):
			name += " (contingency reserve)"
		case l.Added:
			name += " (added since the approval)"
		}
		rows = append(rows, []string{name, d.f.Money(l.Approved), d.f.Money(l.PlannedToDate), d.f.Money(l.SpentToDate),
			d.f.Money(l.Remaining), d.f.Money(l.Forecast)})
	}
	rows = append(rows, []string{"Total", d.f.Money(m.ApprovedBudget), d.f.Money(m.PlannedToDate), d.f.Money(m.SpentToDate),
		d.f.Money(m.ForecastAtCompletion - m.SpentToDate), d.f.Money(m.ForecastAtCompletion)})
	d.table(cols, rows)
	if !m.WholePlan {
		d.para("The whole plan, were it approved, is forecast at "+d.f.Money(m.ForecastWholePlan)+".", "I", 7.5, pdfstyle.Muted)
	}
}

// milestonesDetail writes every milestone.
func (d *doc) milestonesDetail() {
	d.heading("Milestones", 20)
	cols := []column{{"Milestone", 2.6, "L"}, {"Owner", 1.6, "L"}, {"Planned end", 1, "L"}, {"Actual or forecast end", 1.1, "L"},
		{"Status", 1, "L"}, {"Days late", 0.7, "R"}, {"Note", 3, "L"}}
	var rows [][]string
	for _, m := range d.p.Milestones {
		end := shortDate(m.ForecastEnd)
		if m.Status != tracking.StateDone && !m.ForecastEnd.IsZero() {
			end += " (forecast)"
		}
		note := m.Note
		if m.MovedBy != "" && note == "" {
			note = "Waits for a late milestone."
		}
		if m.SlipCost > 0.5 {
			note = strings.TrimSpace(note + " Its slip costs " + d.f.Money(m.SlipCost) + " of NPV.")
		}
		rows = append(rows, []string{m.Name, m.Owner, shortDate(m.PlannedEnd), end, stateWords(m), fmt.Sprint(m.DaysLate), note})
	}
	if len(rows) == 0 {
		d.para("The approved plan has no milestone.", "I", 8, pdfstyle.Muted)
		return
	}
	d.table(cols, rows)
}

// stateWords says where a milestone stands.
func stateWords(m tracking.Milestone) string {
	switch m.Status {
	case tracking.StateDone:
		return "Done"
	case tracking.StateLate:
		return fmt.Sprintf("Late, %.0f %% done", 100*m.PercentComplete)
	case tracking.StateInProgress:
		return fmt.Sprintf("In progress, %.0f %% done", 100*m.PercentComplete)
	case tracking.StateOnHold:
		return "On hold"
	}
	return "Not started"
}

// kpisDetail writes every KPI against its trajectory.
func (d *doc) kpisDetail() {
	d.heading("KPIs", 20)
	d.para("Each KPI's trajectory holds at its baseline until the benefit that counts on it starts (from the start for a KPI no benefit "+
		"counts on), then runs straight to its target at its date; a reading on it or better is on track.", "", 8, pdfstyle.Ink)
	cols := []column{{"KPI", 2.4, "L"}, {"Baseline", 0.9, "R"}, {"Target", 1.3, "R"}, {"Latest reading", 1.3, "R"},
		{"Due then", 0.9, "R"}, {"On track", 0.8, "L"}, {"Owner, and what is being done", 3, "L"}}
	var rows [][]string
	for _, k := range d.p.KPIs {
		target := d.f.Value(k.Target, k.Unit) + prefixed(" by ", dateOrEmpty(k.TargetDate))
		latest, due, on := "None yet", "–", "–"
		if k.Latest != nil {
			latest, due = k.LatestAndDue(d.f)
			latest += " on " + shortDate(k.LatestDate)
			on = "Yes"
			if !*k.OnTrack {
				on = "No"
			}
		}
		if k.Overdue {
			on += "; a reading is overdue"
		}
		who := k.Owner
		if k.Action != "" {
			who = strings.TrimSpace(who + ". " + k.Action)
		}
		rows = append(rows, []string{k.Name, d.f.Value(k.Baseline, k.Unit), target, latest, due, on, who})
	}
	if len(rows) == 0 {
		d.para("The approved plan has no KPI.", "I", 8, pdfstyle.Muted)
		return
	}
	d.table(cols, rows)
}

// benefitsDetail says how the benefits realised were worked out: valued
// by the cost of pain, then the programme's share and the confidence in
// it, by the Phillips method.
func (d *doc) benefitsDetail() {
	b := &d.p.Benefits
	d.heading("Benefits realised, and how they are worked out", 20)
	d.para(fmt.Sprintf("Realised to date: %s, against %s planned (%s of it from the lines a KPI measures, %s that no reading can confirm yet). "+
		"A KPI tied to an input of the cost of pain is valued by the same calculator: from its first reading, each month, its latest reading takes "+
		"the place of the input approved, and the improvement is the yearly cost of pain at the approved inputs less the cost at the readings, over twelve. "+
		"The programme claims only its part of it, by the Phillips method: the improvement × the share attributed to the programme × the confidence in that share.",
		d.f.Money(b.RealisedToDate), d.f.Money(b.PlannedToDate), d.f.Money(b.MeasuredPlannedToDate), d.f.Money(b.UnmeasuredPlannedToDate)), "", 8, pdfstyle.Ink)
	if len(b.KPIs) == 0 {
		d.para("No KPI is tied to an input of the cost of pain, so no benefit is measured.", "I", 8, pdfstyle.Muted)
		return
	}
	var items []string
	for i := range b.KPIs {
		items = append(items, b.KPIs[i].Explain(d.f))
	}
	d.bullets(items, 8)
}

// gatesDetail writes the stage gates, each with its thresholds.
func (d *doc) gatesDetail() {
	var items []string
	for _, g := range d.p.Gates {
		s := fmt.Sprintf("%s, on %s: %s", g.Name, shortDate(g.Day), g.Status.Words())
		if g.Outcome != nil {
			s += fmt.Sprintf(" (decided on %s: %s)", shortDate(g.Outcome.Date), orDefault(strings.TrimSuffix(g.Outcome.Note, "."), string(g.Outcome.Decision)))
		}
		var th []string
		for _, t := range g.Thresholds {
			reading := "no reading yet"
			if t.Reading != nil {
				met := "met"
				if t.Met != nil && !*t.Met {
					met = "not met"
				}
				reading = fmt.Sprintf("read %s on %s, %s", d.kpiValue(t.Measure, *t.Reading), shortDate(t.ReadingDate), met)
			}
			th = append(th, fmt.Sprintf("%s %s %s: %s", t.Measure, t.Comparison.Words(), d.kpiValue(t.Measure, t.Value), reading))
		}
		if len(th) > 0 {
			s += ". Thresholds: " + strings.Join(th, "; ")
		}
		items = append(items, s+".")
	}
	d.listed("Stage gates", items)
}

// risksDetail writes every risk that fired, with its note.
func (d *doc) risksDetail() {
	var items []string
	for _, rk := range d.p.Risks {
		s := fmt.Sprintf("%s (owner: %s): fired on %s; %s; cost %s", rk.Description, orDefault(rk.Owner, "none named"), shortDate(rk.Fired), rk.Response(), d.f.Money(rk.Cost))
		if !rk.Resolved.IsZero() {
			s += "; dealt with on " + shortDate(rk.Resolved)
		}
		if rk.Note != "" {
			s += ". " + strings.TrimSuffix(rk.Note, ".")
		}
		items = append(items, s+".")
	}
	d.listed("Risks that fired", items)
}

// decisionsDetail writes every decision needed.
func (d *doc) decisionsDetail() {
	if len(d.r.Decisions) <= 3 {
		return // all of them are on page one
	}
	var items []string
	for _, dn := range d.r.Decisions {
		items = append(items, dn.Question+prefixed(", from ", dn.From)+prefixed(", by ", dateOrEmpty(dn.By))+".")
	}
	d.listed("Decisions needed", items)
}

// creditsDetail writes every credit of the period.
func (d *doc) creditsDetail() {
	var items []string
	for _, k := range d.r.Credits {
		items = append(items, k.Name+": "+strings.TrimSuffix(k.Contribution, ".")+prefixed(", ", dateOrEmpty(k.Date))+".")
	}
	d.listed("Who made progress happen this period", items)
}

// listed writes a section of the detail that is only a list: its heading
// and the items as bullets, or nothing when there are no items.
func (d *doc) listed(heading string, items []string) {
	if len(items) == 0 {
		return
	}
	d.heading(heading, 15)
	d.bullets(items, 8)
}

// statusRules writes each area's status, the rule it comes from, and why.
func (d *doc) statusRules() {
	d.heading("How each status is decided", 15)
	var items []string
	for _, a := range d.p.Status.Areas {
		items = append(items, fmt.Sprintf("%s, %s: %s %s", a.Area, strings.ToLower(ragWord(a.Status)), a.Reason, a.Rule))
	}
	d.bullets(items, 8)
}

// review writes what a sceptical CEO would object to in the progress.
func (d *doc) review() {
	d.heading("Review of the progress, for the author", 10)
	if len(d.r.Findings) == 0 {
		d.para("Nothing to object to.", "I", 8, pdfstyle.Muted)
		return
	}
	var items []string
	for _, f := range d.r.Findings {
		items = append(items, severityWord(f.Severity)+": "+f.Message)
	}
	d.bullets(items, 8)
}

func severityWord(s casebuilder.Severity) string {
	w := string(s)
	if w == "" {
		return "Note"
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// kpiValue writes a value of the KPI named or keyed measure in its unit.
func (d *doc) kpiValue(measure string, v float64) string {
	for _, k := range d.p.KPIs {
		if k.Key == measure || k.Name == measure {
			return d.f.Value(v, k.Unit)
		}
	}
	return d.f.Number(v, 2)
}
