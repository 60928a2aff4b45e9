package tracking

import (
	"cmp"
	"math"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// MilestoneState is where a milestone stands as of a month.
type MilestoneState string

// The states of a milestone.
const (
	StateDone       MilestoneState = "done"
	StateLate       MilestoneState = "late"
	StateInProgress MilestoneState = "inProgress"
	StateNotStarted MilestoneState = "notStarted"
	StateOnHold     MilestoneState = "onHold"
)

// Milestone is one milestone of the baseline as of a month: when it was
// planned, when it started and ended, or when it is forecast to, and how
// late it is.
//
// A milestone not done is forecast from what is recorded: one in progress
// with a percent complete ends when its pace so far says (the days since
// its actual start, divided by the share done), one in progress without
// it at its planned end; neither before the as-of day. One not started
// starts on its planned day, or the day after the last of the milestones
// it depends on ends, or the day after the as-of day if its start has
// passed, and takes as long as planned.
type Milestone struct {
	// Key is its ID, or its name when it has none.
	Key   string `json:"key"`
	Name  string `json:"name"`
	Owner string `json:"owner,omitempty"`
	// PlannedStart and PlannedEnd are its dates as approved.
	PlannedStart casebuilder.Date `json:"plannedStart,omitzero"`
	PlannedEnd   casebuilder.Date `json:"plannedEnd,omitzero"`
	// ActualStart and ActualEnd are its dates as recorded up to the
	// month; zero when they have not happened (by then).
	ActualStart casebuilder.Date `json:"actualStart,omitzero"`
	ActualEnd   casebuilder.Date `json:"actualEnd,omitzero"`
	// ForecastStart and ForecastEnd are its actual dates, or where they
	// are forecast to be.
	ForecastStart casebuilder.Date `json:"forecastStart,omitzero"`
	ForecastEnd   casebuilder.Date `json:"forecastEnd,omitzero"`
	// PercentComplete is a fraction (1 once done).
	PercentComplete float64        `json:"percentComplete"`
	Status          MilestoneState `json:"status"`
	// DaysLate is the days from its approved end to its actual or
	// forecast end; 0 when it is on time or early.
	DaysLate int `json:"daysLate"`
	// Late reports whether it is running late: not done, forecast to end
	// after its approved end, and started or due to have started. A
	// milestone not started that only waits for a late one it depends on
	// is not late itself: MovedBy names that one.
	Late    bool   `json:"late"`
	MovedBy string `json:"movedBy,omitempty"`
	Note    string `json:"note,omitempty"`
	// SlipCost is what its slip alone costs the approved alternative's
	// NPV, and Moves the lines anchored to it that it moves.
	SlipCost float64     `json:"slipCost"`
	Moves    []MovedLine `json:"moves,omitempty"`
	// Record is its place in the record's milestones (tracking.milestones),
	// -1 when it has no progress recorded.
	Record int `json:"-"`

	planStart, planEnd casebuilder.Date // today's plan
}

// MovedLine is a line anchored to a milestone, moved by the milestone's
// slip: its first (and last) period as planned and as forecast.
type MovedLine struct {
	Line               string               `json:"line"`
	Kind               casebuilder.LineKind `json:"kind"`
	StartMonth         int                  `json:"startMonth"`
	ForecastStartMonth int                  `json:"forecastStartMonth"`
	EndMonth           *int                 `json:"endMonth,omitempty"`
	ForecastEndMonth   *int                 `json:"forecastEndMonth,omitempty"`
}

// schedule works out every milestone of the baseline as of the month,
// dependencies first.
func (w *worker) schedule() {
	b, p := w.b, w.p
	live := map[string]*casebuilder.Milestone{}
	for i := range w.c.Plan.Milestones {
		m := &w.c.Plan.Milestones[i]
		live[cmp.Or(m.ID, m.Name)] = m
	}
	index := map[string]int{}
	for i := range b.Milestones {
		index[b.Milestones[i].Key()] = i
	}
	w.forecastStart, w.forecastEnd = map[string]casebuilder.Date{}, map[string]casebuilder.Date{}
	p.Milestones = make([]Milestone, len(b.Milestones))
	const (
		unseen = iota
		visiting
		seen
	)
	state := make([]int, len(b.Milestones))
	var visit func(i int)
	visit = func(i int) {
		if state[i] != unseen {
			return // done, or a cycle (validation reports it)
		}
		state[i] = visiting
		bm := &b.Milestones[i]
		var deps []*Milestone
		if lm := live[bm.Key()]; lm != nil {
			for _, d := range lm.DependsOn {
				if j, ok := index[d]; ok && j != i {
					visit(j)
					if state[j] == seen {
						deps = append(deps, &p.Milestones[j])
					}
				}
			}
		}
		p.Milestones[i] = w.milestone(bm, live[bm.Key()], deps)
		state[i] = seen
	}
	for i := range b.Milestones {
		visit(i)
	}
}

// milestone works out one milestone: bm as approved, lm as planned today
// (nil when it has left the plan), deps the milestones it depends on,
// already worked out.
func (w *worker) milestone(bm *casebuilder.BaselineMilestone, lm *casebuilder.Milestone, deps []*Milestone) Milestone {
	p, day := w.p, w.p.Day
	ms := Milestone{Key: bm.Key(), Name: bm.Name, Owner: bm.Owner, PlannedStart: bm.Start, PlannedEnd: bm.End,
		Record: -1, planStart: bm.Start, planEnd: bm.End}
	if lm != nil {
		ms.planStart, ms.planEnd = lm.Start, lm.End
	}
	var recorded casebuilder.MilestoneStatus
	if j, ok := w.recordIndex[ms.Key]; ok {
		rec := &w.t.Milestones[j]
		ms.Record = j
		if w.upTo(rec.ActualStart) {
			ms.ActualStart = rec.ActualStart
		}
		if w.upTo(rec.ActualEnd) {
			ms.ActualEnd = rec.ActualEnd
		}
		if p.Current {
			ms.PercentComplete, recorded, ms.Note = rec.PercentComplete, rec.Status, rec.Note
		}
	}
	var fs, fe casebuilder.Date
	started := false
	switch {
	case !ms.ActualEnd.IsZero():
		ms.Status, ms.PercentComplete = StateDone, 1
		fs, fe = orDate(ms.ActualStart, ms.planStart), ms.ActualEnd
	case !ms.ActualStart.IsZero() || recorded == casebuilder.InProgress || recorded == casebuilder.OnHold:
		started = true
		ms.Status = StateInProgress
		if recorded == casebuilder.OnHold {
			ms.Status = StateOnHold
		}
		fs = orDate(ms.ActualStart, ms.planStart)
		if pct := ms.PercentComplete; pct > 0 && pct < 1 && !ms.ActualStart.IsZero() {
			elapsed := days(ms.ActualStart, day) + 1
			fe = addDays(ms.ActualStart, int(math.Round(float64(elapsed)/pct))-1)
		} else {
			fe = ms.planEnd
		}
		if !fe.IsZero() && fe.Before(day) {
			fe = day // not done yet: it ends on the as-of day at the earliest
		}
	default:
		ms.Status = StateNotStarted
		fs = ms.planStart
		// A milestone that slips pushes those that wait for it: they start
		// the day after it ends at the earliest.
		for _, d := range deps {
			if d.ForecastEnd.IsZero() || d.planEnd.IsZero() || !d.planEnd.Before(d.ForecastEnd) {
				continue
			}
			if next := addDays(d.ForecastEnd, 1); fs.IsZero() || fs.Before(next) {
				fs, ms.MovedBy = next, d.Key
			}
		}
		if !fs.IsZero() && !day.Before(fs) {
			fs = addDays(day, 1) // it should have started by now
		}
		switch {
		case !ms.planStart.IsZero() && !ms.planEnd.IsZero():
			fe = addDays(fs, days(ms.planStart, ms.planEnd))
		case !ms.planEnd.IsZero():
			fe = ms.planEnd
			if !day.Before(fe) {
				fe = addDays(day, 1)
			}
		}
	}
	ms.ForecastStart, ms.ForecastEnd = fs, fe
	if !bm.End.IsZero() && !fe.IsZero() {
		ms.DaysLate = max(0, days(bm.End, fe))
	}
	due := (!ms.planStart.IsZero() && !day.Before(ms.planStart)) || (!bm.End.IsZero() && !day.Before(bm.End))
	ms.Late = ms.Status != StateDone && ms.DaysLate > 0 && (started || due)
	switch {
	case ms.Late:
		ms.MovedBy = ""
		if ms.Status != StateOnHold {
			ms.Status = StateLate
		}
	case ms.DaysLate == 0 || ms.Status != StateNotStarted:
		ms.MovedBy = ""
	}
	w.forecastStart[ms.Key], w.forecastEnd[ms.Key] = fs, fe
	return ms
}

// orDate returns d, or e when d is not set.
func orDate(d, e casebuilder.Date) casebuilder.Date {
	if d.IsZero() {
		return e
	}
	return d
}
