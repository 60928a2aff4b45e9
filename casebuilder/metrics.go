package casebuilder

import "math"

// PeriodsPerYear is the number of cash-flow periods in a year: flows are
// monthly.
const PeriodsPerYear = 12

// DiscountFactors returns 1 / (1 + rate)^(t/12) for t = 0 .. n-1: the
// present value of one unit of money in month t at an annual rate.
func DiscountFactors(rate float64, n int) []float64 {
	d := make([]float64, n)
	for t := range d {
		d[t] = math.Pow(1+rate, -float64(t)/PeriodsPerYear)
	}
	return d
}

// NPV returns the net present value at an annual rate of monthly flows,
// flows[0] falling at the start: Σ flows[t] / (1 + rate)^(t/12). It equals
// a spreadsheet's flows[0] + NPV((1+rate)^(1/12) − 1, flows[1:]).
func NPV(rate float64, flows []float64) float64 {
	return presentValue(flows, DiscountFactors(rate, len(flows)))
}

func presentValue(flows, factors []float64) float64 {
	var pv float64
	for t, f := range flows {
		pv += f * factors[t]
	}
	return pv
}

// IRR returns the annual internal rate of return of monthly flows: the rate
// at which their NPV is zero. It returns false when the flows do not change
// sign or no annual rate between −99.99 % and 10^24 (as a fraction) makes the NPV
// zero. Where several rates do, it returns the one nearest to zero.
//
// It equals a spreadsheet's (1 + IRR(flows))^12 − 1 whenever the
// spreadsheet's iteration finds that same root.
func IRR(flows []float64) (float64, bool) {
	if !changesSign(flows) {
		return 0, false
	}
	// Work with v = 1/(1+m) for the monthly rate m, so that the NPV is the
	// polynomial Σ flows[t]·v^t, and search outward from v = 1 (a zero rate)
	// on both sides for the nearest change of sign.
	f := func(logV float64) float64 { return polynomial(flows, math.Exp(logV)) }
	f0 := f(0)
	if f0 == 0 {
		return 0, true
	}
	// Both sides widen in step, so that the first change of sign found is
	// the nearest to a zero rate (within a step: where both sides change
	// sign at the same step, the nearer root is taken).
	type side struct {
		limit, prevX, prevF float64
		done                bool
	}
	sides := [2]side{
		{limit: math.Log(0.01), prevF: f0},       // positive rates, up to 9,900 % a month
		{limit: -math.Log(1e-4) / 12, prevF: f0}, // negative rates, down to −99.99 % a year
	}
	// With one change of sign in the flows there is one root (Descartes'
	// rule of signs), and the steps can widen faster without stepping over
	// a pair of roots.
	growth := 1.25
	if signChanges(flows) == 1 {
		growth = 2
	}
	best, found := 0.0, false
	for step := 0.0005; !found && !(sides[0].done && sides[1].done); step *= growth {
		for i := range sides {
			sd := &sides[i]
			if sd.done {
				continue
			}
			x := math.Copysign(min(step, math.Abs(sd.limit)), sd.limit)
			fx := f(x)
			if fx == 0 || math.Signbit(fx) != math.Signbit(sd.prevF) {
				if root := refine(f, sd.prevX, x, sd.prevF, fx, 0); !found || math.Abs(root) < math.Abs(best) {
					best, found = root, true
				}
				sd.done = true
				continue
			}
			sd.done = x == sd.limit
			sd.prevX, sd.prevF = x, fx
		}
	}
	if !found {
		return 0, false
	}
	// v = (1+m)^-1 and (1+R) = (1+m)^12, so R = v^-12 − 1 = exp(−12·log v) − 1.
	return math.Expm1(-PeriodsPerYear * best), true
}

// polynomial returns Σ c[t]·v^t by Horner's rule.
func polynomial(c []float64, v float64) float64 {
	var acc float64
	for t := len(c) - 1; t >= 0; t-- {
		acc = acc*v + c[t]
	}
	return acc
}

// refine narrows [a, b], across which f changes sign (fa = f(a), fb =
// f(b)), to the root to within the precision of a float64, or to a point
// where |f| is at most tol: by the
// Illinois variant of regula falsi, which keeps the root bracketed and
// converges in a handful of steps, bisecting whenever a step would not
// shrink the bracket.
func refine(f func(float64) float64, a, b, fa, fb, tol float64) float64 {
	if math.Abs(fb) <= tol {
		return b
	}
	side := 0 // which end the last two steps kept
	for range 200 {
		x := b - fb*(b-a)/(fb-fa)
		if !(x > min(a, b) && x < max(a, b)) {
			x = a + (b-a)/2
		}
		if x == a || x == b {
			break
		}
		fx := f(x)
		if math.Abs(fx) <= tol {
			return x
		}
		if math.Signbit(fx) == math.Signbit(fb) {
			b, fb = x, fx
			if side == -1 {
				fa /= 2 // Illinois: halve the end that stays, so it moves next
			}
			side = -1
		} else {
			a, fa = b, fb
			b, fb = x, fx
			side = 1
		}
		if math.Abs(b-a) <= 4*math.SmallestNonzeroFloat64+1e-16*math.Abs(b) {
			break
		}
	}
	return b
}

// signChanges counts the changes of sign along the flows, zeros left out.
func signChanges(flows []float64) int {
	n, prev := 0, 0.0
	for _, f := range flows {
		if f == 0 {
			continue
		}
		if prev != 0 && (f > 0) != (prev > 0) {
			n++
		}
		prev = f
	}
	return n
}

func changesSign(flows []float64) bool {
	var pos, neg bool
	for _, f := range flows {
		pos = pos || f > 0
		neg = neg || f < 0
	}
	return pos && neg
}

// Payback returns when the cumulative flows turn non-negative for good, in
// months from the start, interpolated within the month: if the cumulative
// sum is last negative at month t, payback is t + (−cumulative[t]) /
// flows[t+1]. It returns 0 when the cumulative sum is never negative, and
// false when it is still negative at the end or every flow is zero.
func Payback(flows []float64) (float64, bool) {
	var cum float64
	last := -1
	lastCum := 0.0
	nonzero := false
	for t, f := range flows {
		cum += f
		nonzero = nonzero || f != 0
		if cum < 0 {
			last, lastCum = t, cum
		}
	}
	switch {
	case !nonzero || last == len(flows)-1:
		return 0, false
	case last < 0:
		return 0, true
	}
	return float64(last) + -lastCum/flows[last+1], true
}
