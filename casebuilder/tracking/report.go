package tracking

import (
	"fmt"
	"math"
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Report is what the monthly progress report for the CEO, the CFO and the
// VP Sales says: the progress as of its month, what changed since the
// previous report, the milestones done, next and late, the risks that
// fired, the decisions needed from its readers, and who made the progress
// happen. A PDF writer or a workbook lays it out; every figure is here.
type Report struct {
	Title        string `json:"title"`
	Organisation string `json:"organisation"`
	Currency     string `json:"currency"`
	// AsOf is the report's month. Previous is the previous report's
	// month (one reporting cadence earlier), zero for the first report.
	AsOf     Month `json:"asOf"`
	Previous Month `json:"previous,omitzero"`
	// Progress is the progress as of AsOf, and Before as of Previous (nil
	// for the first report).
	Progress *Progress `json:"progress"`
	Before   *Progress `json:"-"`
	// Changes are what changed since the previous report, by area.
	Changes []Change `json:"changes"`
	// Done are the milestones finished in the period, Next those due to
	// start or end in the next period, and Late those running late.
	Done []Milestone `json:"done"`
	Next []Milestone `json:"next"`
	Late []Milestone `json:"late"`
	// Risks are the risks that fired in the period or are still being
	// handled.
	Risks []RiskProgress `json:"risks"`
	// Decisions are the decisions needed from the readers.
	Decisions []DecisionNeeded `json:"decisions"`
	// Credits are the people who made progress happen in the period.
	Credits []ReportCredit `json:"credits"`
	// Findings are what a sceptical CEO would object to in the progress.
	Findings []casebuilder.Finding `json:"findings"`
}

// Change is one thing that changed since the previous report.
type Change struct {
	Area string `json:"area"`
	Text string `json:"text"`
}

// DecisionNeeded is a decision the report asks of its readers: one
// recorded (Recorded is its place in tracking.decisions), or one the
// progress calls for (Recorded is -1): a gate due, a forecast over the
// budget, a reserve overdrawn, the next stage to approve.
type DecisionNeeded struct {
	Question string           `json:"question"`
	From     string           `json:"from,omitempty"`
	By       casebuilder.Date `json:"by,omitzero"`
	Recorded int              `json:"recorded"`
}

// ReportCredit is someone credited with progress in the period: recorded
// in tracking.credits, or the owner of a milestone finished in it.
type ReportCredit struct {
	Name         string           `json:"name"`
	Contribution string           `json:"contribution"`
	Date         casebuilder.Date `json:"date,omitzero"`
	// Milestone is set for the owner of a milestone finished in the
	// period.
	Milestone bool `json:"milestone,omitempty"`
}

// NewReport gathers the progress report of an approved case as of a month
// (zero: the month of the latest actual).
func NewReport(c *casebuilder.Case, asOf Month) (*Report, error) {
	p, err := ProgressOf(c, Options{AsOf: asOf})
	if err != nil {
		return nil, err
	}
	r := &Report{Title: c.Title, Organisation: c.Organisation, Currency: c.Currency, AsOf: p.AsOf, Progress: p,
		Changes: []Change{}, Done: []Milestone{}, Next: []Milestone{}, Late: []Milestone{}, Risks: []RiskProgress{},
		Decisions: []DecisionNeeded{}, Credits: []ReportCredit{}}
	t := c.Tracking
	cadence := max(t.CadenceMonths, 1)
	if prev := p.AsOf.Add(-cadence); prev.Since(MonthOf(t.Baseline.StartDate)) >= 0 {
		r.Previous = prev
		if r.Before, err = ProgressOf(c, Options{AsOf: prev}); err != nil {
			return nil, err
		}
	}
	f := casebuilder.FormatFor(c)
	periodStart := casebuilder.Date{} // the day after the previous report's month
	if r.Before != nil {
		periodStart = addDays(r.Before.Day, 1)
	}
	inPeriod := func(d casebuilder.Date) bool {
		return !d.IsZero() && !p.Day.Before(d) && (periodStart.IsZero() || !d.Before(periodStart))
	}
	nextEnd := p.AsOf.Add(cadence).Last()
	for _, m := range p.Milestones {
		switch {
		case m.Status == StateDone && inPeriod(m.ActualEnd):
			r.Done = append(r.Done, m)
		case m.Late:
			r.Late = append(r.Late, m)
		}
		if m.Status != StateDone && (within(m.ForecastStart, p.Day, nextEnd) || within(m.ForecastEnd, p.Day, nextEnd)) {
			r.Next = append(r.Next, m)
		}
	}
	for _, rk := range p.Risks {
		if rk.InPeriod || rk.Open {
			r.Risks = append(r.Risks, rk)
		}
	}
	r.decisions(c, nextEnd, f)
	for _, k := range t.Credits {
		if inPeriod(k.Date) {
			r.Credits = append(r.Credits, ReportCredit{Name: k.Name, Contribution: k.Contribution, Date: k.Date})
		}
	}
	for _, m := range r.Done {
		if m.Owner == "" {
			continue
		}
		how := "on time"
		if m.DaysLate > 0 {
			how = daysWord(m.DaysLate) + " after the date planned"
		}
		r.Credits = append(r.Credits, ReportCredit{Name: m.Owner, Contribution: fmt.Sprintf("Finished %q, %s", m.Name, how),
			Date: m.ActualEnd, Milestone: true})
	}
	r.Findings = Review(c, p)
	if r.Findings == nil {
		r.Findings = []casebuilder.Finding{}
	}
	r.changes(f, inPeriod)
	return r, nil
}

// within reports whether d falls after from and on or before to.
func within(d, from, to casebuilder.Date) bool {
	return !d.IsZero() && from.Before(d) && !to.Before(d)
}

// decisions gathers the decisions needed: those recorded and open, then
// those the progress calls for.
func (r *Report) decisions(c *casebuilder.Case, nextEnd casebuilder.Date, f *figure.Format) {
	p, t := r.Progress, c.Tracking
	for i, d := range t.Decisions {
		if (d.Raised.IsZero() || !p.Day.Before(d.Raised)) && (d.Decided.IsZero() || p.Day.Before(d.Decided)) {
			r.Decisions = append(r.Decisions, DecisionNeeded{Question: d.Question, From: d.From, By: d.By, Recorded: i})
		}
	}
	approvers := t.Baseline.Approval.By
	for _, g := range p.Gates {
		switch {
		case g.Status == GateAwaiting:
			r.Decisions = append(r.Decisions, DecisionNeeded{Question: fmt.Sprintf("Decide at gate %q, due on %s, whether the programme goes on", g.Name, g.Day),
				From: g.DecidedBy, By: g.Day, Recorded: -1})
		case g.Status == GateToCome && within(g.Day, p.Day, nextEnd):
			r.Decisions = append(r.Decisions, DecisionNeeded{Question: fmt.Sprintf("Decide at gate %q on %s whether the programme goes on", g.Name, g.Day),
				From: g.DecidedBy, By: g.Day, Recorded: -1})
		case g.Status == GateMet && g.ID == t.Baseline.Approval.UpToGate:
			r.Decisions = append(r.Decisions, DecisionNeeded{Question: fmt.Sprintf("Approve the next stage: gate %q was met; the stage approved ends there", g.Name),
				From: approvers, Recorded: -1})
		}
	}
	m := &p.Money
	if m.VarianceAtCompletion > 0.005 {
		r.Decisions = append(r.Decisions, DecisionNeeded{Question: fmt.Sprintf("Approve the forecast of %s, %s over the approved budget of %s, or say what to cut",
			f.Money(m.ForecastAtCompletion), f.Money(m.VarianceAtCompletion), f.Money(m.ApprovedBudget)), From: approvers, Recorded: -1})
	}
	if m.ReserveLeft < 0 {
		r.Decisions = append(r.Decisions, DecisionNeeded{Question: fmt.Sprintf("Fund the contingency reserve, overdrawn by %s", f.Money(-m.ReserveLeft)),
			From: approvers, Recorded: -1})
	}
}

// changes works out what changed since the previous report.
func (r *Report) changes(f *figure.Format, inPeriod func(casebuilder.Date) bool) {
	p, b := r.Progress, r.Before
	add := func(area, format string, args ...any) {
		r.Changes = append(r.Changes, Change{Area: area, Text: fmt.Sprintf(format, args...)})
	}
	if b == nil {
		add("", "This is the first progress report since the approval on %s.", p.Approval.Date)
	}
	if b != nil {
		for _, a := range p.Status.Areas {
			if was := b.Status.Of(a.Area).Status; was != a.Status {
				add(a.Area, "%s went from %s to %s. %s", a.Area, was, a.Status, a.Reason)
			}
		}
	}
	// Money.
	spent, planned := p.Money.SpentToDate, p.Money.PlannedToDate
	if b != nil {
		spent -= b.Money.SpentToDate
		planned -= b.Money.PlannedToDate
	}
	add(AreaMoney, "%s spent in the period, against %s planned.", f.Money(spent), f.Money(planned))
	if b != nil && math.Abs(p.Money.ForecastAtCompletion-b.Money.ForecastAtCompletion) >= 0.5 {
		add(AreaMoney, "The forecast at completion moved from %s to %s.", f.Money(b.Money.ForecastAtCompletion), f.Money(p.Money.ForecastAtCompletion))
	}
	// Milestones.
	for _, m := range r.Done {
		if m.DaysLate > 0 {
			add(AreaSchedule, "%q was finished on %s, %s late.", m.Name, m.ActualEnd, daysWord(m.DaysLate))
		} else {
			add(AreaSchedule, "%q was finished on %s.", m.Name, m.ActualEnd)
		}
	}
	for i, m := range p.Milestones {
		if !m.Late {
			continue
		}
		switch {
		case b == nil || !b.Milestones[i].Late:
			add(AreaSchedule, "%q is now running late: %s, forecast to end on %s.", m.Name, daysWord(m.DaysLate), m.ForecastEnd)
		case b.Milestones[i].DaysLate != m.DaysLate:
			add(AreaSchedule, "%q is running %s late, %s last time.", m.Name, daysWord(m.DaysLate), daysWord(b.Milestones[i].DaysLate))
		}
	}
	// KPIs.
	for i, k := range p.KPIs {
		if k.Latest == nil || !inPeriod(k.LatestDate) {
			continue
		}
		// The reading, the reading before and, off its trajectory, the
		// value due, each with the same decimals.
		figures := []float64{*k.Latest}
		before := b != nil && b.KPIs[i].Latest != nil
		if before {
			figures = append(figures, *b.KPIs[i].Latest)
		}
		if !*k.OnTrack {
			figures = append(figures, *k.Trajectory)
		}
		s := f.Apart(k.Unit, figures...)
		track := "on its trajectory"
		if !*k.OnTrack {
			track = "off its trajectory of " + s[len(s)-1]
		}
		text := fmt.Sprintf("%s read %s on %s, %s", k.Name, s[0], k.LatestDate, track)
		if before {
			text += fmt.Sprintf(" (%s on %s)", s[1], b.KPIs[i].LatestDate)
		}
		add(AreaKPIs, "%s.", text)
	}
	// Risks.
	for _, rk := range p.Risks {
		if inPeriod(rk.Fired) {
			add(AreaRisks, "The trigger of %q fired on %s: %s.", rk.Description, rk.Fired, rk.Response())
		}
		if inPeriod(rk.Resolved) {
			add(AreaRisks, "%q was dealt with on %s.", rk.Description, rk.Resolved)
		}
	}
	// Gates.
	for _, g := range p.Gates {
		if g.Outcome != nil && inPeriod(g.Outcome.Date) {
			met := "met"
			if !g.Outcome.Met {
				met = "not met"
			}
			add(AreaSchedule, "Gate %q was decided on %s: its thresholds were %s.", g.Name, g.Outcome.Date, met)
		}
	}
	// Benefits.
	realised := p.Benefits.RealisedToDate
	plannedB := p.Benefits.PlannedToDate
	if b != nil {
		realised -= b.Benefits.RealisedToDate
		plannedB -= b.Benefits.PlannedToDate
	}
	add(AreaKPIs, "%s of benefits realised in the period, against %s planned.", f.Money(realised), f.Money(plannedB))
	slices.SortStableFunc(r.Changes, func(a, b Change) int { return areaOrder(a.Area) - areaOrder(b.Area) })
}

func areaOrder(area string) int {
	switch area {
	case "":
		return 0
	case AreaMoney:
		return 1
	case AreaSchedule:
		return 2
	case AreaKPIs:
		return 3
	}
	return 4
}

// Response says what was done about a risk that fired, in words: "the
// work-around is used".
func (r RiskProgress) Response() string {
	switch {
	case r.Workaround && r.Contingency:
		return "the work-around and the contingency plan are used"
	case r.Workaround:
		return "the work-around is used"
	case r.Contingency:
		return "the contingency plan is used"
	}
	return "nothing is done about it yet"
}
