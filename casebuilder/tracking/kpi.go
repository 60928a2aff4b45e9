package tracking

import (
	"cmp"
	"math"
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// KPI is one KPI of the baseline as of a month: its readings and where
// the latest stands against its trajectory.
type KPI struct {
	Key   string      `json:"key"`
	Name  string      `json:"name"`
	Unit  figure.Unit `json:"unit"`
	Owner string      `json:"owner,omitempty"`
	// Baseline, Target and TargetDate are as approved.
	Baseline   float64          `json:"baseline"`
	Target     float64          `json:"target"`
	TargetDate casebuilder.Date `json:"targetDate,omitzero"`
	PainInput  string           `json:"painInput,omitempty"`
	// Readings are its readings up to the month, oldest first.
	Readings []casebuilder.Reading `json:"readings"`
	// TrajectoryFrom is the day it is due to start moving towards its
	// target ([TrajectoryStart]).
	TrajectoryFrom casebuilder.Date `json:"trajectoryFrom,omitzero"`
	// Latest is the latest of them (nil when there is none) and
	// LatestDate its date; Trajectory is the value due on that date, and
	// OnTrack whether the reading is on it or better (nil without a
	// reading).
	Latest     *float64         `json:"latest"`
	LatestDate casebuilder.Date `json:"latestDate,omitzero"`
	Trajectory *float64         `json:"trajectory"`
	OnTrack    *bool            `json:"onTrack"`
	// EveryMonths is how often it is read, and Overdue whether its last
	// reading (or, before the first, the start) is more than that many
	// months before the month.
	EveryMonths int  `json:"everyMonths"`
	Overdue     bool `json:"overdue"`
	// Action is what is being done while it is off its trajectory, and
	// Isolation how much of its improvement is the programme's.
	Action    string                 `json:"action,omitempty"`
	Isolation *casebuilder.Isolation `json:"isolation,omitempty"`
	// Record is its place in the record's KPIs (tracking.kpis), -1 when
	// it has none.
	Record int `json:"-"`
}

// TrajectoryStart returns the day a KPI of the baseline is due to start
// moving towards its target. A KPI that tracks a calculator input holds at
// its baseline until the approved benefit line that changes that input
// has its first money (the earliest, when several do): the plan counts on
// no improvement before then, so the KPI is not due to show one. When
// such lines have no money within the horizon, it is the day after the
// horizon. Any other KPI starts on the programme's first day.
func TrajectoryStart(b *casebuilder.ApprovedBaseline, m *casebuilder.BaselineMeasure) casebuilder.Date {
	first, tied := -1, false
	for i := range b.Lines {
		l := &b.Lines[i]
		if l.Kind != casebuilder.BenefitLine || m.PainInput == "" || l.Input != m.PainInput {
			continue
		}
		tied = true
		for j, v := range l.Monthly {
			if v != 0 {
				if mo := l.First + j; first < 0 || mo < first {
					first = mo
				}
				break
			}
		}
	}
	switch {
	case tied && first < 0:
		return MonthOf(b.StartDate).Add(b.HorizonMonths).First()
	case first <= 0:
		return b.StartDate
	}
	return MonthOf(b.StartDate).Add(first).First()
}

// TrajectoryAt returns the value a KPI is due at on day d: its baseline
// before the day it starts to move (start, from [TrajectoryStart]), then
// on a straight line to its target on its date (end, the last day of the
// horizon, when it has none), and its target from then on.
func TrajectoryAt(m *casebuilder.BaselineMeasure, start, end, d casebuilder.Date) float64 {
	if !m.Date.IsZero() {
		end = m.Date
	}
	switch {
	case d.Before(start):
		return m.Baseline
	case !d.Before(end):
		return m.Target
	}
	return m.Baseline + (m.Target-m.Baseline)*float64(days(start, d))/float64(days(start, end))
}

// TrajectoryPoint is a corner of a KPI's trajectory: the value due on a
// day.
type TrajectoryPoint struct {
	Day   casebuilder.Date
	Value float64
}

// TrajectoryPath returns the corners of a KPI's trajectory from day start
// to day until, for a chart to join: at its baseline from start to the day
// it is due to move (from, from [TrajectoryStart]), then straight to its
// target on its date (end, the last day of the horizon, when it has none;
// at once when that is before it is due to move), then along the target;
// cut at until with the value due then.
func TrajectoryPath(m *casebuilder.BaselineMeasure, start, from, end, until casebuilder.Date) []TrajectoryPoint {
	if from.Before(start) {
		from = start
	}
	reach := end
	if !m.Date.IsZero() {
		reach = m.Date
	}
	if reach.Before(from) {
		reach = from
	}
	path := []TrajectoryPoint{{start, m.Baseline}}
	for _, p := range []TrajectoryPoint{{from, m.Baseline}, {reach, m.Target}} {
		if until.Before(p.Day) {
			break
		}
		path = append(path, p)
	}
	return append(path, TrajectoryPoint{until, TrajectoryAt(m, from, end, until)})
}

// OnTrack reports whether a reading is on a KPI's trajectory or better: at
// or below the value due for a KPI that is to fall, at or above it for one
// that is to rise; for one to hold steady, at its target.
func OnTrack(m *casebuilder.BaselineMeasure, reading, due float64) bool {
	tol := 1e-9 * math.Max(1, math.Abs(due))
	switch {
	case m.Target < m.Baseline:
		return reading <= due+tol
	case m.Target > m.Baseline:
		return reading >= due-tol
	}
	return math.Abs(reading-m.Target) <= tol
}

// LatestAndDue writes the latest reading and the value due on its day,
// with decimals enough to tell them apart ([figure.Format.Apart]): a
// reading off its trajectory never reads as the value due. Both are empty
// without a reading.
func (k *KPI) LatestAndDue(f *figure.Format) (latest, due string) {
	if k.Latest == nil || k.Trajectory == nil {
		return "", ""
	}
	s := f.Apart(k.Unit, *k.Latest, *k.Trajectory)
	return s[0], s[1]
}

// cadence is the months between reports.
func (w *worker) cadence() int { return max(w.t.CadenceMonths, 1) }

// horizonEnd is the last day of the approved horizon.
func (w *worker) horizonEnd() casebuilder.Date { return w.start.Add(w.b.HorizonMonths - 1).Last() }

// readingsOf returns the readings of the KPI key up to day, oldest first.
func (w *worker) readingsOf(key string, day casebuilder.Date) []casebuilder.Reading {
	var out []casebuilder.Reading
	for _, r := range w.t.Readings {
		if r.Measure == key && !r.Date.IsZero() && !day.Before(r.Date) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b casebuilder.Reading) int { return a.Date.Time().Compare(b.Date.Time()) })
	return out
}

func (w *worker) kpis() {
	p := w.p
	records := map[string]int{}
	for i, k := range w.t.KPIs {
		records[k.Measure] = i
	}
	p.KPIs = make([]KPI, len(w.b.Measures))
	for i := range w.b.Measures {
		m := &w.b.Measures[i]
		k := KPI{Key: m.Key(), Name: m.Name, Unit: m.Unit, Owner: m.Owner, Baseline: m.Baseline, Target: m.Target,
			TargetDate: m.Date, PainInput: m.PainInput, Record: -1, EveryMonths: w.cadence(),
			TrajectoryFrom: TrajectoryStart(w.b, m)}
		if j, ok := records[k.Key]; ok {
			rec := &w.t.KPIs[j]
			k.Record, k.Action, k.Isolation = j, rec.Action, rec.Isolation
			if rec.EveryMonths > 0 {
				k.EveryMonths = rec.EveryMonths
			}
		}
		k.Readings = w.readingsOf(k.Key, p.Day)
		last := -1 // the month before the start
		if n := len(k.Readings); n > 0 {
			r := k.Readings[n-1]
			due := TrajectoryAt(m, k.TrajectoryFrom, w.horizonEnd(), r.Date)
			on := OnTrack(m, r.Value, due)
			k.Latest, k.LatestDate, k.Trajectory, k.OnTrack = &r.Value, r.Date, &due, &on
			last = w.monthOfDate(r.Date)
		}
		k.Overdue = p.Month-last > k.EveryMonths
		p.KPIs[i] = k
	}
}

// GateStatus is where a stage gate stands.
type GateStatus string

// The statuses of a gate.
const (
	GateMet    GateStatus = "met"
	GateNotMet GateStatus = "notMet"
	GateToCome GateStatus = "toCome"
	// GateAwaiting is a gate whose day has passed with no outcome
	// recorded.
	GateAwaiting GateStatus = "awaitingOutcome"
)

// Words says where a gate stands, as the screen and the report write it:
// "conditions met".
func (s GateStatus) Words() string {
	switch s {
	case GateMet:
		return "conditions met"
	case GateNotMet:
		return "conditions not met"
	case GateAwaiting:
		return "its day has passed with no outcome recorded"
	}
	return "still to come"
}

// Gate is one stage gate of the baseline as of a month.
type Gate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// PlannedDay is the day of the decision as approved, and Day as
	// forecast (after its milestone's forecast end).
	PlannedDay casebuilder.Date `json:"plannedDay,omitzero"`
	Day        casebuilder.Date `json:"day,omitzero"`
	DecidedBy  string           `json:"decidedBy,omitempty"`
	Status     GateStatus       `json:"status"`
	// Outcome is the outcome recorded, up to the month.
	Outcome *casebuilder.GateOutcome `json:"outcome,omitempty"`
	// Thresholds are its conditions, each against the KPI's latest
	// reading by the gate's day (or the month's end, before it).
	Thresholds []ThresholdCheck `json:"thresholds"`
}

// ThresholdCheck is one condition of a gate against the latest reading.
type ThresholdCheck struct {
	Measure    string                 `json:"measure"`
	Comparison casebuilder.Comparison `json:"comparison"`
	Value      float64                `json:"value"`
	// Reading is the KPI's latest reading by then (nil when there is
	// none), ReadingDate its date, and Met whether it meets the condition.
	Reading     *float64         `json:"reading"`
	ReadingDate casebuilder.Date `json:"readingDate,omitzero"`
	Met         *bool            `json:"met"`
}

// gateDay returns the forecast day of a gate's decision: the day after
// its milestone's forecast end, or its day as approved.
func (w *worker) gateDay(g *casebuilder.BaselineGate) casebuilder.Date {
	if g.Milestone != "" {
		if end, ok := w.forecastEnd[g.Milestone]; ok && !end.IsZero() {
			return addDays(end, 1)
		}
	}
	return g.Day
}

func (w *worker) gates() {
	p := w.p
	outcomes := map[string]int{}
	for i, o := range w.t.Gates {
		outcomes[o.Gate] = i
	}
	names := map[string]string{}
	for _, m := range w.b.Measures {
		if m.ID != "" {
			names[m.ID] = m.Name
		}
	}
	p.Gates = make([]Gate, len(w.b.Gates))
	for i := range w.b.Gates {
		g := &w.b.Gates[i]
		gp := Gate{ID: g.ID, Name: g.Name, PlannedDay: g.Day, Day: w.gateDay(g), DecidedBy: g.DecidedBy, Status: GateToCome,
			Thresholds: []ThresholdCheck{}}
		if j, ok := outcomes[g.ID]; ok && w.upTo(w.t.Gates[j].Date) {
			o := w.t.Gates[j]
			gp.Outcome = &o
			gp.Status = GateNotMet
			if o.Met {
				gp.Status = GateMet
			}
		} else if w.upTo(gp.Day) {
			gp.Status = GateAwaiting
		}
		by := p.Day
		if !gp.Day.IsZero() && gp.Day.Before(by) {
			by = gp.Day
		}
		for _, th := range g.Thresholds {
			tc := ThresholdCheck{Measure: cmp.Or(names[th.Measure], th.Measure), Comparison: th.Comparison, Value: th.Value}
			if rs := w.readingsOf(th.Measure, by); len(rs) > 0 {
				r := rs[len(rs)-1]
				met := th.Comparison.Met(r.Value, th.Value)
				tc.Reading, tc.ReadingDate, tc.Met = &r.Value, r.Date, &met
			}
			gp.Thresholds = append(gp.Thresholds, tc)
		}
		p.Gates[i] = gp
	}
}

// RiskProgress is a risk whose trigger fired by the month, and what was
// done.
type RiskProgress struct {
	Risk        string           `json:"risk"`
	Description string           `json:"description"`
	Owner       string           `json:"owner,omitempty"`
	Fired       casebuilder.Date `json:"fired"`
	Workaround  bool             `json:"workaround"`
	Contingency bool             `json:"contingency"`
	Cost        float64          `json:"cost"`
	// Resolved is the day it stopped needing attention, if by the month;
	// Open is set while it still needs it.
	Resolved casebuilder.Date `json:"resolved,omitzero"`
	Open     bool             `json:"open"`
	// InPeriod is set when the trigger fired in the reporting period that
	// ends with the month.
	InPeriod bool   `json:"inPeriod"`
	Note     string `json:"note,omitempty"`
	// Event is its place in the record's risk events
	// (tracking.riskEvents).
	Event int `json:"-"`
}

func (w *worker) risks() {
	p := w.p
	p.Risks = []RiskProgress{}
	for i, e := range w.t.RiskEvents {
		if !w.upTo(e.Fired) {
			continue
		}
		rp := RiskProgress{Risk: e.Risk, Description: e.Risk, Fired: e.Fired, Workaround: e.Workaround, Contingency: e.Contingency,
			Cost: e.Cost, Note: e.Note, Event: i}
		if j := slices.IndexFunc(w.c.Risks, func(r casebuilder.Risk) bool { return cmp.Or(r.ID, r.Description) == e.Risk }); j >= 0 {
			rp.Description, rp.Owner = cmp.Or(w.c.Risks[j].Description, e.Risk), w.c.Risks[j].Owner
		}
		if w.upTo(e.Resolved) {
			rp.Resolved = e.Resolved
		}
		rp.Open = rp.Resolved.IsZero()
		rp.InPeriod = w.monthOfDate(e.Fired) > p.Month-w.cadence()
		p.Risks = append(p.Risks, rp)
	}
	slices.SortStableFunc(p.Risks, func(a, b RiskProgress) int { return a.Fired.Time().Compare(b.Fired.Time()) })
}
