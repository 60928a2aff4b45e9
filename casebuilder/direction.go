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
	if !base.Complete() {
		return EitherWay
	}
	x, found := p.Inputs[key].Likely, false
	if _, ok := p.Inputs[key]; !ok {
		// Not given: the calculator's working holds its default.
		for _, st := range base.Working {
			if st.Key == key {
				x, found = st.Value, true
			}
		}
		if !found {
			return EitherWay
		}
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
