package report

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// pageOne lays out the status on one page. Every list on it is capped so
// that the page never overflows; what is left out is counted, and is in
// the detail.
func (d *doc) pageOne() {
	d.titleBlock()
	d.statusRow()
	d.moneyRow()
	d.milestonesRow()
	d.kpiRow()
	d.risksAndDecisions()
	d.credits()
}

// titleBlock writes the report's title, what was approved, and the
// overall status.
func (d *doc) titleBlock() {
	p := d.p
	d.setFont("B", 16)
	d.setColor(pdfstyle.Accent)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), "Progress report, "+d.r.AsOf.Words(), "L")
	overall := "Overall: " + ragWord(p.Status.Overall)
	d.setFont("B", 10)
	ow := d.ts.Width(overall) + 6
	d.fill(ragColor(p.Status.Overall))
	d.pdf.RoundedRect(pdfstyle.MarginX+d.contentW()-ow, d.y+0.5, ow, 6.5, 1.2, "1234", "F")
	d.setColor(pdfstyle.White)
	d.textAt(pdfstyle.MarginX+d.contentW()-ow, d.y+0.5+(6.5-pdfstyle.LineHeight(10))/2, ow, overall, "C")
	d.y += pdfstyle.LineHeight(16) + 1
	d.setFont("", 9)
	d.setColor(pdfstyle.Ink)
	head := orDefault(d.c.Title, "Untitled case") + prefixed(", ", d.c.Organisation)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), d.ts.Fit(head, d.contentW()), "L")
	d.y += pdfstyle.LineHeight(9)
	what := "the whole plan"
	if !p.Money.WholePlan {
		what = "its first stage"
	}
	since := "this is the first report since the approval"
	if !d.r.Previous.IsZero() {
		since = "what changed since " + d.r.Previous.Words() + " is in the detail"
	}
	s := fmt.Sprintf("%s, approved on %s by %s: %s. Month %d of the programme; %s.",
		orDefault(p.Alternative, "The approved alternative"), longDate(p.Approval.Date), orDefault(p.Approval.By, "the approvers"), what, p.Month+1, since)
	d.y += d.lines(pdfstyle.MarginX, d.y, d.contentW(), s, "", 7.5, pdfstyle.Muted, 2) + 2.5
}

// statusRow writes the status of each area, with the reason, in a box.
func (d *doc) statusRow() {
	areas := d.p.Status.Areas
	if len(areas) == 0 {
		return
	}
	gap := 3.0
	bw := (d.contentW() - gap*float64(len(areas)-1)) / float64(len(areas))
	const bh = 27.0
	for i, a := range areas {
		x := pdfstyle.MarginX + float64(i)*(bw+gap)
		d.fill(pdfstyle.Panel)
		d.pdf.Rect(x, d.y, bw, bh, "F")
		d.fill(ragColor(a.Status))
		d.pdf.Rect(x, d.y, 1.6, bh, "F")
		d.setFont("B", 8.5)
		d.setColor(pdfstyle.Ink)
		d.textAt(x+3.5, d.y+1.5, bw-5, a.Area, "L")
		d.setColor(ragColor(a.Status))
		d.textAt(x+3.5, d.y+1.5, bw-5, ragWord(a.Status), "R")
		d.lines(x+3.5, d.y+6, bw-5, a.Reason, "", 6.8, pdfstyle.Ink, 7)
	}
	d.y += bh + 4
}

// moneyRow writes the spend against the budget as a chart, with the
// headline figures of money and benefits beside it.
func (d *doc) moneyRow() {
	const h = 52.0
	cw := d.contentW() * 0.6
	d.label(pdfstyle.MarginX, d.y, cw-4, "Spend against budget")
	d.spendChart(pdfstyle.MarginX, d.y+6, cw-4, h-6)
	x := pdfstyle.MarginX + cw + 2
	w := d.contentW() - cw - 2
	d.label(x, d.y, w, "Money and benefits to date")
	m, b := &d.p.Money, &d.p.Benefits
	items := [][2]string{
		{"Spent to date", fmt.Sprintf("%s against %s planned", d.f.Money(m.SpentToDate), d.f.Money(m.PlannedToDate))},
		{"Forecast at completion", fmt.Sprintf("%s against the approved budget of %s", d.f.Money(m.ForecastAtCompletion), d.f.Money(m.ApprovedBudget))},
		{"Contingency reserve", fmt.Sprintf("%s used of %s; %s left", d.f.Money(m.ReserveUsed), d.f.Money(m.ReserveApproved), d.f.Money(m.ReserveLeft))},
		{"Benefits realised", fmt.Sprintf("%s against %s planned to date (the programme's share, after isolation and confidence)", d.f.Money(b.RealisedToDate), d.f.Money(b.PlannedToDate))},
		{"NPV re-forecast", fmt.Sprintf("%s against %s approved; the milestones' slip costs %s", d.f.Money(d.p.Forecast.NPV), d.f.Money(d.p.Forecast.ApprovedNPV), d.f.Money(d.p.Forecast.SlipCost))},
	}
	y := d.y + 6
	for _, it := range items {
		d.setFont("B", 7.5)
		d.setColor(pdfstyle.Muted)
		d.textAt(x, y, w, it[0], "L")
		y += pdfstyle.LineHeight(7.5)
		y += d.lines(x, y, w, it[1], "", 7.5, pdfstyle.Ink, 2) + 1.2
	}
	d.y += h + 3
}

// milestonesRow writes the milestones done in the period, next and late,
// in three columns.
func (d *doc) milestonesRow() {
	r := d.r
	gap := 4.0
	cw := (d.contentW() - 2*gap) / 3
	const maxItems = 3
	type col struct {
		title string
		ms    []tracking.Milestone
		none  string
		line  func(m tracking.Milestone) string
	}
	cols := []col{
		{"Milestones done this period", r.Done, "None finished this period.", func(m tracking.Milestone) string {
			return fmt.Sprintf("%s, %s%s", m.Name, shortDate(m.ActualEnd), lateWords(m.DaysLate))
		}},
		{"Next", r.Next, "None due to start or end next period.", func(m tracking.Milestone) string {
			when := "ends " + shortDate(m.ForecastEnd)
			if m.Status == tracking.StateNotStarted {
				when = "starts " + shortDate(m.ForecastStart)
			}
			return fmt.Sprintf("%s: %s%s", m.Name, when, prefixed(", ", m.Owner))
		}},
		{"Late", r.Late, "No milestone is running late.", func(m tracking.Milestone) string {
			return fmt.Sprintf("%s: %d days late, forecast to end %s", m.Name, m.DaysLate, shortDate(m.ForecastEnd))
		}},
	}
	top := d.y
	bottom := top
	for i, c := range cols {
		x := pdfstyle.MarginX + float64(i)*(cw+gap)
		y := top + d.label(x, top, cw, c.title)
		if len(c.ms) == 0 {
			y += d.lines(x, y, cw, c.none, "I", 7.5, pdfstyle.Muted, 2)
		}
		for j, m := range c.ms {
			if j == maxItems {
				y += d.lines(x, y, cw, fmt.Sprintf("and %d more, in the detail", len(c.ms)-maxItems), "I", 7.2, pdfstyle.Muted, 1)
				break
			}
			y += d.lines(x, y, cw, c.line(m), "", 7.5, pdfstyle.Ink, 3) + 0.8
		}
		bottom = max(bottom, y)
	}
	d.y = bottom + 3
}

func lateWords(days int) string {
	if days <= 0 {
		return ", on time"
	}
	return fmt.Sprintf(", %d days late", days)
}

// kpiRow writes each KPI against its trajectory as a small chart.
func (d *doc) kpiRow() {
	kpis := d.p.KPIs
	d.y += d.label(pdfstyle.MarginX, d.y, d.contentW(), "KPIs against their trajectories")
	if len(kpis) == 0 {
		d.y += d.lines(pdfstyle.MarginX, d.y, d.contentW(), "The approved plan has no KPI.", "I", 7.5, pdfstyle.Muted, 1) + 3
		return
	}
	const perRow = 5
	n := min(len(kpis), perRow)
	gap := 3.0
	cw := (d.contentW() - gap*float64(n-1)) / float64(n)
	const ch = 17.0
	top := d.y
	bottom := top
	for i, k := range kpis[:n] {
		x := pdfstyle.MarginX + float64(i)*(cw+gap)
		y := top + d.lines(x, top, cw, k.Name, "B", 7, pdfstyle.Ink, 2)
		y = max(y, top+2*pdfstyle.LineHeight(7)) + 0.5
		d.kpiChart(x, y, cw, ch, k)
		y += ch + 1
		y += d.lines(x, y, cw, d.kpiLine(k), "", 6.5, pdfstyle.Ink, 3)
		bottom = max(bottom, y)
	}
	if len(kpis) > n {
		bottom += d.lines(pdfstyle.MarginX, bottom, d.contentW(), fmt.Sprintf("%d more KPIs are in the detail.", len(kpis)-n), "I", 7, pdfstyle.Muted, 1)
	}
	d.y = bottom + 3
}

// kpiLine says where a KPI stands: its latest reading against the value
// due then.
func (d *doc) kpiLine(k tracking.KPI) string {
	if k.Latest == nil {
		return "No reading yet; target " + d.f.Value(k.Target, k.Unit) + prefixed(" by ", dateOrEmpty(k.TargetDate)) + "."
	}
	track := "on track"
	if !*k.OnTrack {
		track = "off track"
	}
	latest, due := k.LatestAndDue(d.f)
	return fmt.Sprintf("%s on %s, against %s due: %s.", latest, shortDate(k.LatestDate), due, track)
}

func dateOrEmpty(dt casebuilder.Date) string {
	if dt.IsZero() {
		return ""
	}
	return shortDate(dt)
}

// risksAndDecisions writes the risks that fired and what was done, and
// the decisions needed from the readers, side by side.
func (d *doc) risksAndDecisions() {
	gap := 5.0
	cw := (d.contentW() - gap) / 2
	top := d.y
	risks := make([]string, len(d.r.Risks))
	for i, rk := range d.r.Risks {
		state := "dealt with on " + shortDate(rk.Resolved)
		if rk.Open {
			state = "still being handled"
		}
		risks[i] = fmt.Sprintf("%s: fired on %s; %s, costing %s so far; %s.", rk.Description, shortDate(rk.Fired), rk.Response(), d.f.Money(rk.Cost), state)
	}
	decisions := make([]string, len(d.r.Decisions))
	for i, dn := range d.r.Decisions {
		s := dn.Question
		if dn.From != "" {
			s += " (" + dn.From
			if !dn.By.IsZero() {
				s += ", by " + shortDate(dn.By)
			}
			s += ")"
		} else if !dn.By.IsZero() {
			s += " (by " + shortDate(dn.By) + ")"
		}
		decisions[i] = s
	}
	left := d.shortList(pdfstyle.MarginX, top, cw, "Risks that fired, and what was done", risks,
		"No risk's trigger fired this period, and none is still being handled.", 2)
	right := d.shortList(pdfstyle.MarginX+cw+gap, top, cw, "Decisions needed from you", decisions, "None this period.", 1)
	d.y = max(left, right) + 3
}

// shortList writes a column of page one at (x, top), w wide: its label,
// then the first three items, each in at most four lines, and how many
// more the detail gives; or, when there are none, the sentence none in at
// most noneLines lines. It returns where the column ends.
func (d *doc) shortList(x, top, w float64, label string, items []string, none string, noneLines int) float64 {
	const maxItems = 3
	y := top + d.label(x, top, w, label)
	if len(items) == 0 {
		y += d.lines(x, y, w, none, "I", 7.5, pdfstyle.Muted, noneLines)
	}
	for i, s := range items {
		if i == maxItems {
			y += d.lines(x, y, w, fmt.Sprintf("and %d more, in the detail", len(items)-maxItems), "I", 7.2, pdfstyle.Muted, 1)
			break
		}
		y += d.lines(x, y, w, s, "", 7.5, pdfstyle.Ink, 4) + 0.8
	}
	return y
}

// credits writes who made progress happen this period, by name and what
// they did, in what room page one has left.
func (d *doc) credits() {
	d.y += d.label(pdfstyle.MarginX, d.y, d.contentW(), "Who made progress happen this period")
	cr := d.r.Credits
	if len(cr) == 0 {
		d.lines(pdfstyle.MarginX, d.y, d.contentW(), "No contribution was recorded this period.", "I", 7.5, pdfstyle.Muted, 1)
		return
	}
	const size = 7.5
	lh := pdfstyle.LineHeight(size)
	for i, k := range cr {
		s := k.Name + ": " + strings.TrimSuffix(strings.TrimSpace(k.Contribution), ".") + "."
		left := len(cr) - i - 1
		h := d.linesHeight(d.contentW()-4, s, "", size, 2)
		// Keep a line for "and n more" when some are left out.
		if !d.room(h) || (left > 0 && !d.room(h+lh)) {
			d.lines(pdfstyle.MarginX, d.y, d.contentW(), fmt.Sprintf("and %d more, in the detail", len(cr)-i), "I", 7.2, pdfstyle.Muted, 1)
			return
		}
		d.setColor(pdfstyle.Accent)
		d.setFont("", size)
		d.textAt(pdfstyle.MarginX, d.y, 4, "•", "L")
		d.y += d.lines(pdfstyle.MarginX+4, d.y, d.contentW()-4, s, "", size, pdfstyle.Ink, 2) + 0.6
	}
}
