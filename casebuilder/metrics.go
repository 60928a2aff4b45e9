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
	best, found := 0.0, false
	for _, side := range []struct {
		dir, limit float64
	}{
		{-1, math.Log(0.01)},       // positive rates, up to 9,900 % a month
		{+1, -math.Log(1e-4) / 12}, // negative rates, down to −99.99 % a year
	} {
		prevX, prevF := 0.0, f(0)
		if prevF == 0 {
			return 0, true
		}
		for step := 0.0005; ; step *= 1.25 {
			x := side.dir * step
			if side.dir*x > side.dir*side.limit {
				x = side.limit
			}
			fx := f(x)
			if fx == 0 || math.Signbit(fx) != math.Signbit(prevF) {
				root := bisect(f, prevX, x, prevF)
				if !found || math.Abs(root) < math.Abs(best) {
					best, found = root, true
				}
				break
			}
			if x == side.limit {
				break
			}
			prevX, prevF = x, fx
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

// bisect narrows [a, b], across which f changes sign (fa = f(a)), to the
// root to within the precision of a float64.
func bisect(f func(float64) float64, a, b, fa float64) float64 {
	for range 200 {
		mid := a + (b-a)/2
		if mid == a || mid == b {
			break
		}
		fm := f(mid)
		if fm == 0 {
			return mid
		}
		if math.Signbit(fm) == math.Signbit(fa) {
			a, fa = mid, fm
		} else {
			b = mid
		}
	}
	return a + (b-a)/2
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
