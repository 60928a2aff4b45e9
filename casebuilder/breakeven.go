package casebuilder

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// BreakEven is how far one estimate can move before the recommendation
// stops paying: the value at which its NPV is zero, and the value at which
// it falls behind the next alternative.
type BreakEven struct {
	// Input names the estimate, Kind is "cost", "benefit" or "pain", and
	// Path is its field in the case, as the sensitivity gives them.
	Input    string      `json:"input"`
	Kind     string      `json:"kind"`
	Path     string      `json:"path"`
	Unit     figure.Unit `json:"unit"`
	Estimate Estimate    `json:"-"`
	// Likely is the estimate's likely value.
	Likely float64 `json:"likely"`
	// Value is the value at which the recommendation's NPV is zero, every
	// other estimate at its likely value; nil when there is none within
	// the values the estimate can take.
	Value *float64 `json:"value"`
	// Rising reports whether the NPV rises with the value: the case holds
	// as long as the estimate stays at or above Value (at or below it when
	// false).
	Rising bool `json:"rising"`
	// Behind is the value at which the recommendation's NPV falls to that
	// of the next alternative, Next; nil when there is none, or no other
	// alternative than doing nothing.
	Behind *float64 `json:"behind"`
	Next   string   `json:"next,omitempty"`
}

// Holds reports whether the recommendation still pays (its NPV at least
// zero) with the estimate at v.
func (b *BreakEven) Holds(v float64) bool {
	if b.Value == nil {
		return true
	}
	if b.Rising {
		return v >= *b.Value
	}
	return v <= *b.Value
}

// BreakEvens finds, for every estimate the recommendation depends on (the
// tornado's uncertain inputs, and every one of its benefit lines), the
// value at which the recommendation's NPV is zero and the value at which
// it falls behind the next alternative, by searching the model itself:
// the estimate replaced by one number, as if the case gave that number,
// the case is worked out again until the NPV crosses zero. The result
// follows the tornado's order (largest swing first), then the benefit lines
// that are not in it. res is the case's calculated figures.
func BreakEvens(c *Case, res *Result, tornado *Tornado) []BreakEven {
	out := []BreakEven{}
	ai := res.Recommended
	if ai < 0 || ai >= len(c.Alternatives) || c.Alternatives[ai].DoNothing {
		return out
	}
	var todo []uncertain
	seen := map[Estimate]bool{}
	for _, d := range tornado.Drivers {
		todo = append(todo, uncertain{est: d.Estimate, name: d.Input, kind: d.Kind, path: d.Path, unit: d.Unit,
			r: Range{d.Low, d.Likely, d.High}})
		seen[d.Estimate] = true
	}
	for _, u := range benefitEstimates(c, ai) {
		if !seen[u.est] {
			todo = append(todo, u)
		}
	}
	// The next alternative: the best of the others, doing nothing aside.
	next := -1
	for i, a := range res.Alternatives {
		if i != ai && !a.DoNothing && (next < 0 || a.NPV > res.Alternatives[next].NPV) {
			next = i
		}
	}
	reserves := ContingencyReserves(c)
	for _, u := range todo {
		lo, hi := estimateBounds(c, u)
		ev := newSubstituted(c, reserves, u.est, u.r.Likely)
		npv := func(x float64) float64 {
			ev.resubstitute(x)
			return ev.alternative(ai, nil).NPV
		}
		be := BreakEven{Input: u.name, Kind: u.kind, Path: u.path, Unit: u.unit, Estimate: u.est, Likely: u.r.Likely}
		at := res.Alternatives[ai].NPV
		if root, ok := findRoot(npv, u.r, lo, hi, at); ok {
			be.Value = &root
		}
		step := stepOf(u.r)
		be.Rising = npv(math.Min(u.r.Likely+step, hi)) >= npv(math.Max(u.r.Likely-step, lo))
		if next >= 0 {
			be.Next = res.Alternatives[next].Name
			gap := func(x float64) float64 {
				ev.resubstitute(x)
				return ev.alternative(ai, nil).NPV - ev.alternative(next, nil).NPV
			}
			if root, ok := findRoot(gap, u.r, lo, hi, at-res.Alternatives[next].NPV); ok {
				be.Behind = &root
			}
		}
		out = append(out, be)
	}
	return out
}

// benefitEstimates returns every benefit line of alternative ai as an
// estimate, exact or not.
func benefitEstimates(c *Case, ai int) []uncertain {
	var out []uncertain
	for li, b := range c.Alternatives[ai].Benefits {
		if b.Basis == BenefitPainInput {
			if _, _, ok := c.Pain.inputBounds(b.Input); !ok {
				continue
			}
		}
		if u, ok := benefitEstimate(c, ai, li); ok {
			out = append(out, u)
		}
	}
	return out
}

// benefitEstimate returns benefit line li of alternative ai as an
// estimate, exact or not: its annual amount, its share of the pain or the
// new value of the input it changes, as its basis says; false for a basis
// that has none of them.
func benefitEstimate(c *Case, ai, li int) (uncertain, bool) {
	b := &c.Alternatives[ai].Benefits[li]
	u := uncertain{est: Estimate{Kind: BenefitEstimate, Alternative: ai, Line: li}, name: b.Name, kind: "benefit"}
	path := fmt.Sprintf("alternatives[%d].benefits[%d]", ai, li)
	switch b.Basis {
	case BenefitAmount:
		u.r, u.path, u.unit = b.Annual, path+".annual", figure.Money
	case BenefitPainShare:
		u.r, u.path, u.unit = b.Share, path+".share", figure.Percent
	case BenefitPainInput:
		u.r, u.path, u.unit = b.To, path+".to", c.Pain.InputUnit(b.Input)
	default:
		return u, false
	}
	return u, true
}

// estimateBounds returns the values an estimate can take.
func estimateBounds(c *Case, u uncertain) (lo, hi float64) {
	switch u.est.Kind {
	case PainInputEstimate:
		lo, hi, _ = c.Pain.inputBounds(u.est.Input)
		return lo, hi
	case CostEstimate:
		return 0, MaxAmount
	}
	b := &c.Alternatives[u.est.Alternative].Benefits[u.est.Line]
	switch b.Basis {
	case BenefitPainShare:
		return 0, 1
	case BenefitPainInput:
		lo, hi, _ = c.Pain.inputBounds(b.Input)
		return lo, hi
	}
	return 0, MaxAmount
}

// stepOf is the first step of a search from an estimate's likely value: a
// tenth of its spread, or a hundredth of its size; a millionth where an
// invalid draft leaves neither a finite size.
func stepOf(r Range) float64 {
	step := math.Max((r.High-r.Low)/10, math.Abs(r.Likely)/100)
	if !(step > 0) || math.IsInf(step, 0) {
		return cmp.Or(math.Abs(r.Likely)/100, 1e-6)
	}
	return step
}

// findRoot finds where f crosses zero from the likely value of r, within
// [lo, hi], f(likely) being at. It steps out on both sides at once, each
// step at least twice as long as the last, to the first change of sign,
// and narrows it to where |f| is below a thousandth of a unit of money. A
// step is longer when the line through a side's last two values crosses
// zero further out: then both sides go just past that crossing, which for
// the many estimates the NPV is a straight line of (amounts, shares) finds
// the root in a few evaluations. It reports false when f does not change
// sign within [lo, hi].
func findRoot(f func(float64) float64, r Range, lo, hi, at float64) (float64, bool) {
	const tol = 1e-3
	x0 := math.Min(math.Max(r.Likely, lo), hi)
	if at == 0 {
		return x0, true
	}
	if !finite(x0) || !finite(at) {
		return 0, false // an invalid draft: nothing to search from
	}
	type side struct {
		d, fx float64 // the distance from x0 reached, and f there
		done  bool
	}
	sides := [2]side{{fx: at}, {fx: at}}
	dir := [2]float64{-1, 1}
	reach := [2]float64{x0 - lo, hi - x0}
	// Doubling from the first step reaches any bound of a float64 well
	// within 2,100 steps.
	for d, n := stepOf(r), 0; !(sides[0].done && sides[1].done) && n < 2100; n++ {
		var found []float64
		next := 2 * d
		for s := range sides {
			sd := &sides[s]
			if sd.done {
				continue
			}
			dist := d
			if dist >= reach[s] {
				dist, sd.done = reach[s], true
			}
			if dist == sd.d {
				sd.done = true
				continue
			}
			x := x0 + dir[s]*dist
			if sd.done {
				x = [2]float64{lo, hi}[s] // exactly the bound
			}
			fx := f(x)
			if math.Abs(fx) < tol {
				return x, true
			}
			if math.Signbit(fx) != math.Signbit(sd.fx) {
				found = append(found, refine(f, x0+dir[s]*sd.d, x, sd.fx, fx, tol))
				sd.done = true
				continue
			}
			// Where the line through this side's last two values crosses
			// zero, if further out than the next doubling: just past it.
			if p := dist + fx*(dist-sd.d)/(sd.fx-fx); p > next && finite(p) {
				next = p * (1 + 1e-12)
			}
			sd.d, sd.fx = dist, fx
		}
		if len(found) > 0 {
			// The nearer of the crossings found at the same step.
			return slices.MinFunc(found, func(a, b float64) int { return cmp.Compare(math.Abs(a-x0), math.Abs(b-x0)) }), true
		}
		d = next
	}
	return 0, false
}
