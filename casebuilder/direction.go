package casebuilder

import "math"

// Direction is the way a value of the pain must move for the pain to cost
// less.
type Direction int

// The directions.
const (
	// EitherWay: the cost does not move with the value, or it cannot be
	// worked out yet (an input the calculator needs is missing).
	EitherWay Direction = iota
	// LowerIsBetter: a lower value costs less (attrition, rework).
	LowerIsBetter
	// HigherIsBetter: a higher value costs less (quota attainment).
	HigherIsBetter
)

// Likely returns the likely value of input key of the pain: as given, or
// else as the calculator's working takes it (its rule of thumb); false
// when the working has no such line.
func (p *Pain) Likely(key string) (float64, bool) {
	if r, ok := p.Inputs[key]; ok {
		return r.Likely, true
	}
	res := CostOfPain(p)
	return p.likely(key, &res)
}

// likely is Likely with the pain's working already worked out.
func (p *Pain) likely(key string, res *PainResult) (float64, bool) {
	if r, ok := p.Inputs[key]; ok {
		return r.Likely, true
	}
	for _, st := range res.Working {
		if st.Key == key {
			return st.Value, true
		}
	}
	return 0, false
}

// Better returns the way input key of the pain (a calculator's input, or
// a component's quantity or rate) must move for the pain to cost less, as
// the yearly cost of year 1 answers a small change of its likely value.
func (p *Pain) Better(key string) Direction {
	if _, ok := p.ComponentOf(key); ok {
		// A component's cost is its quantity times its rate.
		return LowerIsBetter
	}
	in := lookupInput(key)
	if in == nil {
		return EitherWay
	}
	base := CostOfPain(p)
	x, found := p.likely(key, &base)
	if !base.Complete() || !found {
		return EitherWay
	}
	// A step of 1 % of the value (or of its range, for a zero) within the
	// input's bounds; a step down reads the other way.
	step := math.Abs(x) * 0.01
	if step == 0 {
		step = math.Max((in.Max-in.Min)*0.01, 1e-6)
	}
	to, sign := x+step, 1.0
	if to > in.Max {
		to, sign = x-step, -1
	}
	cp := p.clone()
	if cp.Inputs == nil {
		cp.Inputs = map[string]InputValue{}
	}
	cp.Inputs[key] = Given(Exactly(to))
	moved := (CostOfPain(&cp).Annual - base.Annual) * sign
	switch {
	case moved > 0:
		return LowerIsBetter
	case moved < 0:
		return HigherIsBetter
	}
	return EitherWay
}
