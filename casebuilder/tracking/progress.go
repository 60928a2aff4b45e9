package tracking

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// ErrNotApproved is returned for the progress of a case not yet approved.
var ErrNotApproved = errors.New("the case is not approved yet: approve it first (casebuilder approve)")

// Options choose the month progress is worked out as of.
type Options struct {
	// AsOf is the month; zero means the month of the latest actual (see
	// [DefaultAsOf]).
	AsOf Month
	// Lang is the language the status's reasons write their figures in:
	// the app's, beside its boxes. Zero means English, as the report,
	// the workbook and the command line write them.
	Lang language.Tag
}

// Progress is where an approved programme stands as of a month, against
// its approved baseline: the money, the milestones, the KPIs, the gates,
// the benefits realised, the risks that fired, the forecast, and a red,
// amber or green status by area. Everything recorded after the month is
// left out, so the progress as of an earlier month is what a report then
// would have said (except a milestone's percent complete, status and
// note, which the record keeps only as they are now: they count from the
// month of the latest actual on).
type Progress struct {
	// AsOf is the month, Month its period (0 is the month the programme
	// starts) and Day its last day.
	AsOf  Month            `json:"asOf"`
	Month int              `json:"month"`
	Day   casebuilder.Date `json:"day"`
	// Approval is the decision the baseline was approved by, and
	// Alternative the approved alternative's name.
	Approval    casebuilder.Approval `json:"approval"`
	Alternative string               `json:"alternative"`
	// Current reports whether AsOf is the month of the latest actual or
	// later, where the milestones' percent complete and status apply.
	Current bool `json:"current"`

	Money      Money          `json:"money"`
	Milestones []Milestone    `json:"milestones"`
	KPIs       []KPI          `json:"kpis"`
	Gates      []Gate         `json:"gates"`
	Benefits   Benefits       `json:"benefits"`
	Risks      []RiskProgress `json:"risks"`
	Forecast   Forecast       `json:"forecast"`
	Status     Status         `json:"status"`

	// forecastLines are the re-forecast's lines, with the milestones
	// where they are forecast to be, and forecastFlows their money by
	// month: what the review checks the benefits still counted against.
	forecastLines []casebuilder.LineResult
	forecastFlows [][]float64
}

// Forecast is the approved alternative's figures re-forecast: the case's
// estimates as they are now, with the milestones at their actual or
// forecast dates.
type Forecast struct {
	// ApprovedNPV is the NPV approved. PlannedNPV is the NPV of today's
	// estimates with the milestones as planned, and NPV with them where
	// they are forecast to be: SlipCost, the difference, is what the
	// milestones' slippage costs.
	ApprovedNPV float64 `json:"approvedNpv"`
	PlannedNPV  float64 `json:"plannedNpv"`
	NPV         float64 `json:"npv"`
	SlipCost    float64 `json:"slipCost"`
	// TotalCost and TotalBenefit are the re-forecast's over the horizon,
	// against the approved ones.
	TotalCost            float64 `json:"totalCost"`
	TotalBenefit         float64 `json:"totalBenefit"`
	ApprovedTotalCost    float64 `json:"approvedTotalCost"`
	ApprovedTotalBenefit float64 `json:"approvedTotalBenefit"`
}

// DefaultAsOf returns the month progress is worked out as of when none is
// given: the month of the latest actual recorded (spend, reading,
// milestone start or end, risk fired or resolved, gate outcome), or the
// approval's month when there is none yet, and never before the start or
// after the horizon.
func DefaultAsOf(c *casebuilder.Case) Month {
	t := c.Tracking
	if t == nil {
		return Month{}
	}
	b := &t.Baseline
	m := latestActual(t)
	if m.IsZero() {
		m = MonthOf(b.Approval.Date)
	}
	return clampMonth(m, b, c)
}

// clampMonth brings m within the programme's months.
func clampMonth(m Month, b *casebuilder.ApprovedBaseline, c *casebuilder.Case) Month {
	start := MonthOf(b.StartDate)
	last := start.Add(recordMonths(b, c) - 1)
	switch {
	case m.IsZero() || m.Since(start) < 0:
		return start
	case m.Since(last) > 0:
		return last
	}
	return m
}

// recordMonths is the number of months actuals can fall in: the longer of
// the approved and the re-forecast horizons.
func recordMonths(b *casebuilder.ApprovedBaseline, c *casebuilder.Case) int {
	return max(b.HorizonMonths, c.HorizonMonths)
}

// latestActual returns the month of the latest actual of the record; zero
// when there is none.
func latestActual(t *casebuilder.Tracking) Month {
	var d casebuilder.Date
	for _, s := range t.Spend {
		d = later(d, s.Date)
	}
	for _, r := range t.Readings {
		d = later(d, r.Date)
	}
	for _, p := range t.Milestones {
		d = later(later(d, p.ActualStart), p.ActualEnd)
	}
	for _, e := range t.RiskEvents {
		d = later(later(d, e.Fired), e.Resolved)
	}
	for _, g := range t.Gates {
		d = later(d, g.Date)
	}
	if d.IsZero() {
		return Month{}
	}
	return MonthOf(d)
}

// ProgressOf works out the progress of an approved case as of a month. It
// returns ErrNotApproved for a case not approved, and an error naming the
// month for a month before the programme starts or after its horizon. The
// case should be valid (see [casebuilder.Validate]); an invalid one gives
// figures that are defined but meaningless, never a panic.
func ProgressOf(c *casebuilder.Case, opts Options) (*Progress, error) {
	t := c.Tracking
	if t == nil {
		return nil, ErrNotApproved
	}
	b := &t.Baseline
	start := MonthOf(b.StartDate)
	n := recordMonths(b, c)
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = DefaultAsOf(c)
	}
	m := asOf.Since(start)
	if m < 0 || m >= n {
		return nil, fmt.Errorf("as of %s: must be a month of the programme, from %s to %s", asOf, start, start.Add(n-1))
	}
	recordMonth := clampMonth(latestActual(t), b, c)
	p := &Progress{AsOf: asOf, Month: m, Day: asOf.Last(), Approval: b.Approval, Alternative: b.AlternativeName,
		Current: asOf.Since(recordMonth) >= 0}
	w := newWorker(c, p)
	w.schedule()
	w.forecast()
	w.money()
	w.kpis()
	w.gates()
	w.benefits()
	w.risks()
	lang := opts.Lang
	if lang == language.Und {
		lang = language.English
	}
	p.Status = statusOf(p, figure.NewFormat(c.Currency, lang))
	return p, nil
}

// worker holds what the parts of the progress share.
type worker struct {
	c     *casebuilder.Case
	t     *casebuilder.Tracking
	b     *casebuilder.ApprovedBaseline
	p     *Progress
	start Month
	// months is the number of months of the record.
	months int
	// ai is the approved alternative's index in the case, -1 when gone.
	ai int
	// planned and forecast are the case with its milestones as planned
	// and at their forecast dates; their lines' flows by month.
	forecastCase                *casebuilder.Case
	planned, forecasted         casebuilder.AltResult
	plannedFlows, forecastFlows [][]float64
	// forecastStart and forecastEnd are the milestones' forecast dates,
	// by key; recordIndex is each milestone's place in t.Milestones.
	forecastStart, forecastEnd map[string]casebuilder.Date
	recordIndex                map[string]int
}

func newWorker(c *casebuilder.Case, p *Progress) *worker {
	t := c.Tracking
	b := &t.Baseline
	w := &worker{c: c, t: t, b: b, p: p, start: MonthOf(b.StartDate), months: recordMonths(b, c),
		ai: c.AlternativeByID(b.Alternative), recordIndex: map[string]int{}}
	for i, mp := range t.Milestones {
		w.recordIndex[mp.Milestone] = i
	}
	return w
}

// monthOfDate returns the period of a date.
func (w *worker) monthOfDate(d casebuilder.Date) int { return MonthOf(d).Since(w.start) }

// upTo reports whether a date falls on or before the as-of day.
func (w *worker) upTo(d casebuilder.Date) bool { return !d.IsZero() && !w.p.Day.Before(d) }

// forecast works out the approved alternative's re-forecast, with the
// milestones as planned and at their forecast dates.
func (w *worker) forecast() {
	p := w.p
	p.Forecast = Forecast{ApprovedNPV: w.b.NPV, ApprovedTotalCost: w.b.TotalCost, ApprovedTotalBenefit: w.b.TotalBenefit}
	if w.ai < 0 {
		return
	}
	w.planned, w.plannedFlows = casebuilder.LineFlows(w.c, w.ai)
	w.forecastCase = w.withDates(func(key string) bool { return true })
	w.forecasted, w.forecastFlows = casebuilder.LineFlows(w.forecastCase, w.ai)
	p.forecastLines, p.forecastFlows = w.forecasted.Lines, w.forecastFlows
	f := &p.Forecast
	f.PlannedNPV, f.NPV = w.planned.NPV, w.forecasted.NPV
	f.SlipCost = f.PlannedNPV - f.NPV
	f.TotalCost, f.TotalBenefit = w.forecasted.TotalCost, w.forecasted.TotalBenefit
	// What each milestone that slipped costs on its own, and the lines
	// anchored to it that it moves.
	for i := range p.Milestones {
		ms := &p.Milestones[i]
		if ms.ForecastStart == ms.planStart && ms.ForecastEnd == ms.planEnd {
			continue
		}
		key := ms.Key
		alone := w.withDates(func(k string) bool { return k == key })
		r, _ := casebuilder.LineFlows(alone, w.ai)
		ms.SlipCost = w.planned.NPV - r.NPV
		ms.Moves = w.moves(key, alone)
	}
}

// withDates returns a copy of the case whose milestones chosen by pick are
// at their forecast dates; the others stay as planned.
func (w *worker) withDates(pick func(key string) bool) *casebuilder.Case {
	cc := *w.c
	cc.Plan.Milestones = slices.Clone(w.c.Plan.Milestones)
	for i := range cc.Plan.Milestones {
		m := &cc.Plan.Milestones[i]
		key := cmp.Or(m.ID, m.Name)
		if !pick(key) {
			continue
		}
		if d, ok := w.forecastStart[key]; ok && !d.IsZero() {
			m.Start = d
		}
		if d, ok := w.forecastEnd[key]; ok && !d.IsZero() {
			m.End = d
		}
	}
	return &cc
}

// moves returns the lines of the approved alternative anchored to the
// milestone key that move when it is at its forecast dates (moved is the
// case with it there).
func (w *worker) moves(key string, moved *casebuilder.Case) []MovedLine {
	if w.ai < 0 {
		return nil
	}
	id := ""
	for _, m := range w.c.Plan.Milestones {
		if cmp.Or(m.ID, m.Name) == key {
			id = m.ID
		}
	}
	if id == "" {
		return nil // only a milestone with an ID can be anchored to
	}
	alt := &w.c.Alternatives[w.ai]
	var out []MovedLine
	// add adds a line anchored to the milestone whose months, in the case
	// as approved or with the milestone moved, have moved.
	add := func(name string, kind casebuilder.LineKind, start, end *casebuilder.Anchor, months func(*casebuilder.Case) (int, *int)) {
		if (start == nil || start.Milestone != id) && (end == nil || end.Milestone != id) {
			return
		}
		s0, e0 := months(w.c)
		s1, e1 := months(moved)
		if s0 != s1 || !sameEnd(e0, e1) {
			out = append(out, MovedLine{Line: name, Kind: kind, StartMonth: s0, ForecastStartMonth: s1, EndMonth: e0, ForecastEndMonth: e1})
		}
	}
	for i := range alt.Costs {
		k := &alt.Costs[i]
		add(k.Name, casebuilder.CostLine, k.StartAt, k.EndAt, func(c *casebuilder.Case) (int, *int) { return c.CostMonths(k) })
	}
	for i := range alt.Benefits {
		bn := &alt.Benefits[i]
		add(bn.Name, casebuilder.BenefitLine, bn.StartAt, bn.EndAt, func(c *casebuilder.Case) (int, *int) { return c.BenefitMonths(bn) })
	}
	return out
}

func sameEnd(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
