package casebuilder

import (
	"maps"
	"slices"
)

// Clone returns a deep copy of c that shares nothing that can change with
// it: every slice, map and pointer is copied; strings, which cannot
// change, are shared. The desktop app edits a case by changing a clone of
// it, so that the version before stays whole for undo and for the
// goroutines that read it.
//
// Each type copies its plain fields by assignment and then its slices,
// maps and pointers one by one: a field of one of those kinds added to any
// type of the case must be copied here too, and TestCloneCopiesEveryField
// fails until it is.
func (c *Case) Clone() *Case {
	if c == nil {
		return nil
	}
	d := *c
	d.Context = c.Context.clone()
	d.Pain = c.Pain.clone()
	d.Alternatives = cloneEach(c.Alternatives, Alternative.clone)
	d.Criteria = slices.Clone(c.Criteria)
	d.Risks = cloneEach(c.Risks, Risk.clone)
	d.Plan = c.Plan.clone()
	d.Measures = slices.Clone(c.Measures)
	d.Contributors = slices.Clone(c.Contributors)
	d.Tracking = c.Tracking.Clone()
	return &d
}

func (x Context) clone() Context {
	x.Objectives = slices.Clone(x.Objectives)
	x.Milestones = slices.Clone(x.Milestones)
	x.CommittedResources = slices.Clone(x.CommittedResources)
	x.Gaps = slices.Clone(x.Gaps)
	return x
}

func (p Pain) clone() Pain {
	p.Evidence = slices.Clone(p.Evidence)
	p.Components = slices.Clone(p.Components)
	if p.Inputs != nil {
		inputs := make(map[string]InputValue, len(p.Inputs))
		for k, v := range p.Inputs {
			v.Years = slices.Clone(v.Years)
			inputs[k] = v
		}
		p.Inputs = inputs
	}
	return p
}

func (a Alternative) clone() Alternative {
	a.Costs = cloneEach(a.Costs, Cost.clone)
	a.Benefits = cloneEach(a.Benefits, Benefit.clone)
	a.Scores = maps.Clone(a.Scores)
	return a
}

func (k Cost) clone() Cost {
	k.EndMonth = clonePointer(k.EndMonth)
	k.StartAt, k.EndAt = clonePointer(k.StartAt), clonePointer(k.EndAt)
	return k
}

func (b Benefit) clone() Benefit {
	b.EndMonth = clonePointer(b.EndMonth)
	b.StartAt, b.EndAt = clonePointer(b.StartAt), clonePointer(b.EndAt)
	return b
}

func (r Risk) clone() Risk {
	r.Alternatives = slices.Clone(r.Alternatives)
	return r
}

func (p Plan) clone() Plan {
	p.Milestones = cloneEach(p.Milestones, Milestone.clone)
	p.Stakeholders = slices.Clone(p.Stakeholders)
	p.Gates = cloneEach(p.Gates, Gate.clone)
	return p
}

func (g Gate) clone() Gate {
	g.Thresholds = slices.Clone(g.Thresholds)
	g.Stops = slices.Clone(g.Stops)
	return g
}

func (m Milestone) clone() Milestone {
	m.Resources = slices.Clone(m.Resources)
	m.DependsOn = slices.Clone(m.DependsOn)
	return m
}

// Clone returns a deep copy of the record that shares nothing that can
// change with it; nil stays nil. [Case.Clone] copies the tracking record
// with it.
func (t *Tracking) Clone() *Tracking {
	if t == nil {
		return nil
	}
	d := *t
	d.Baseline = t.Baseline.clone()
	d.History = cloneEach(t.History, ApprovedBaseline.clone)
	d.Spend = slices.Clone(t.Spend)
	d.Milestones = slices.Clone(t.Milestones)
	d.Readings = slices.Clone(t.Readings)
	d.KPIs = cloneEach(t.KPIs, KPIRecord.clone)
	d.RiskEvents = slices.Clone(t.RiskEvents)
	d.Gates = slices.Clone(t.Gates)
	d.Decisions = slices.Clone(t.Decisions)
	d.Credits = slices.Clone(t.Credits)
	return &d
}

func (b ApprovedBaseline) clone() ApprovedBaseline {
	b.Costs = slices.Clone(b.Costs)
	b.Benefits = slices.Clone(b.Benefits)
	b.Lines = cloneEach(b.Lines, func(l BaselineLine) BaselineLine {
		l.Monthly = slices.Clone(l.Monthly)
		return l
	})
	b.Milestones = slices.Clone(b.Milestones)
	b.Gates = cloneEach(b.Gates, func(g BaselineGate) BaselineGate {
		g.Thresholds = slices.Clone(g.Thresholds)
		return g
	})
	b.Measures = slices.Clone(b.Measures)
	b.PainInputs = Pain{Inputs: b.PainInputs}.clone().Inputs
	b.PainComponents = slices.Clone(b.PainComponents)
	return b
}

func (k KPIRecord) clone() KPIRecord {
	if k.Isolation != nil {
		iso := *k.Isolation
		k.Isolation = &iso
	}
	return k
}

// cloneEach copies s and each of its items with clone; nil stays nil.
func cloneEach[T any](s []T, clone func(T) T) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, x := range s {
		out[i] = clone(x)
	}
	return out
}

func clonePointer[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
