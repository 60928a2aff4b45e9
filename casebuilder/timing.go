package casebuilder

import "time"

// schedule places the case's dated things on its monthly timeline: the
// milestones lines are anchored to, and the gates.
type schedule struct {
	start      Date // the case's start date: month 0
	milestones map[string]*Milestone
}

func newSchedule(c *Case) *schedule {
	s := &schedule{start: c.StartDate, milestones: make(map[string]*Milestone, len(c.Plan.Milestones))}
	for i := range c.Plan.Milestones {
		m := &c.Plan.Milestones[i]
		if m.ID != "" {
			if _, dup := s.milestones[m.ID]; !dup {
				s.milestones[m.ID] = m
			}
		}
	}
	return s
}

// MonthOf returns the period of the case (0 is its first month) in which
// the date falls: months from the month of the case's start date.
func (c *Case) MonthOf(d Date) int { return monthsBetween(c.StartDate, d) }

func monthsBetween(start, d Date) int {
	return (d.Year-start.Year)*PeriodsPerYear + int(d.Month) - int(start.Month)
}

// dayAfter returns the day after d.
func dayAfter(d Date) Date { return DateOf(d.Time().Add(24 * time.Hour)) }

// point returns the month at the start of which an anchor's point falls
// (see [Anchor]), and false when it cannot be placed: the milestone does
// not exist or lacks the date, or the case has no start date.
func (s *schedule) point(a *Anchor) (int, bool) {
	m, ok := s.milestones[a.Milestone]
	if !ok || s.start.IsZero() {
		return 0, false
	}
	var d Date
	switch a.At {
	case AtStart:
		d = m.Start
	case AtEnd:
		if m.End.IsZero() {
			return 0, false
		}
		d = dayAfter(m.End)
	}
	if d.IsZero() {
		return 0, false
	}
	return monthsBetween(s.start, d) + a.OffsetMonths, true
}

// span returns a line's first period and its last (nil: to the horizon):
// its fixed months, or the months its anchors place it at. An anchor that
// cannot be placed leaves the fixed month (validation reports it).
func (s *schedule) span(start int, end *int, startAt, endAt *Anchor) (int, *int) {
	if startAt != nil {
		if p, ok := s.point(startAt); ok {
			start = p
		}
	}
	if endAt != nil {
		if p, ok := s.point(endAt); ok {
			last := p - 1 // a line that ends at a point stops before it
			end = &last
		}
	}
	return start, end
}

// costSpan and benefitSpan return a line's first and last periods.
func (s *schedule) costSpan(k *Cost) (int, *int) {
	return s.span(k.StartMonth, k.EndMonth, k.StartAt, k.EndAt)
}

func (s *schedule) benefitSpan(b *Benefit) (int, *int) {
	return s.span(b.StartMonth, b.EndMonth, b.StartAt, b.EndAt)
}

// CostMonths returns the first period of a cost line of the case and, for
// a recurring line, its last (nil: to the end of the horizon), as its
// fixed months or its anchors to milestones place them.
func (c *Case) CostMonths(k *Cost) (start int, end *int) { return newSchedule(c).costSpan(k) }

// BenefitMonths returns the first and last periods of a benefit line.
func (c *Case) BenefitMonths(b *Benefit) (start int, end *int) { return newSchedule(c).benefitSpan(b) }

// GateDay returns the day a stage gate of the case is decided on: its
// date, or the day after its milestone ends; false when it has neither.
// Every output names this day, and the gate's money (what is spent before
// it, what stops after it) is reckoned from its month.
func (c *Case) GateDay(g *Gate) (Date, bool) { return newSchedule(c).gateDay(g) }

// gateDay returns the day of a gate's decision: its date, or the day after
// its milestone ends; false when it has neither.
func (s *schedule) gateDay(g *Gate) (Date, bool) {
	if g.Milestone != "" {
		m, ok := s.milestones[g.Milestone]
		if !ok || m.End.IsZero() {
			return Date{}, false
		}
		return dayAfter(m.End), true
	}
	return g.Date, !g.Date.IsZero()
}

// gateMonth returns the period of a gate's decision, and false when it
// cannot be placed.
func (s *schedule) gateMonth(g *Gate) (int, bool) {
	d, ok := s.gateDay(g)
	if !ok || s.start.IsZero() {
		return 0, false
	}
	return monthsBetween(s.start, d), true
}
