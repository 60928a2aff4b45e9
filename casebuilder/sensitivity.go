package casebuilder

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Driver is one uncertain input of a case and how far the NPV of the
// recommended alternative moves between the input's low and high values,
// every other estimate held at its likely value.
type Driver struct {
	// Input names the input in words: a cost or benefit line's name, or a
	// pain-calculator input's label.
	Input string `json:"input"`
	// Kind is "cost", "benefit" or "pain".
	Kind string `json:"kind"`
	// Path is the input's field in the case, as in
	// alternatives[1].costs[0].amount or pain.inputs.attritionRate.
	Path     string   `json:"path"`
	Estimate Estimate `json:"-"`
	// Unit is how Low, Likely and High read: money for costs and amounts,
	// percent for a share, and the input's own unit for a calculator
	// input or a benefit that changes one.
	Unit figure.Unit `json:"unit"`
	// Low, Likely and High are the input's own values.
	Low    float64 `json:"low"`
	Likely float64 `json:"likely"`
	High   float64 `json:"high"`
	// NPVLow and NPVHigh are the recommendation's NPV with this input at
	// its low and at its high value.
	NPVLow  float64 `json:"npvLow"`
	NPVHigh float64 `json:"npvHigh"`
	// Swing is |npvHigh − npvLow|, the length of the tornado's bar.
	Swing float64 `json:"swing"`
}

// Tornado is the sensitivity of the recommended alternative's NPV to each
// uncertain input, largest swing first.
type Tornado struct {
	// Alternative is the index of the alternative analysed (-1 when the
	// case has none), ID and Name name it.
	Alternative int    `json:"alternative"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	// BaseNPV is its NPV with every estimate at its likely value.
	BaseNPV float64 `json:"baseNpv"`
	// Drivers are every uncertain input, the largest swing first; inputs
	// that do not move this NPV at all come last, with a swing of 0.
	Drivers []Driver `json:"drivers"`
	// Top names the inputs that move the NPV most: the first three
	// drivers with a swing.
	Top []string `json:"top"`
}

// topDrivers is how many drivers the tornado names as the top ones.
const topDrivers = 3

// Sensitivity works out the tornado of the recommended alternative (see
// [Result.Recommended]): for every uncertain input, its NPV with that input
// at its low and at its high value and every other estimate at its likely
// value, using the arithmetic of [CalculateWith]. The uncertain inputs are
// the recommended alternative's cost and benefit lines whose low and high
// differ, and the pain-calculator inputs given as a range that the
// calculator reads. res is the case's calculated figures.
func Sensitivity(c *Case, res *Result) *Tornado {
	t := &Tornado{Alternative: res.Recommended, Drivers: []Driver{}, Top: []string{}}
	ai := res.Recommended
	if ai < 0 || ai >= len(c.Alternatives) {
		t.Alternative = -1
		return t
	}
	a := &c.Alternatives[ai]
	t.ID, t.Name, t.BaseNPV = a.ID, a.Name, res.Alternatives[ai].NPV
	if a.DoNothing {
		return t // the baseline's figures are zero whatever the estimates
	}
	reserves := ContingencyReserves(c)
	// npvAt is the NPV with one estimate at its low or its high (every
	// year's, for an input given year by year).
	npvAt := func(e Estimate, side Scenario) float64 {
		ev := newEvaluator(c, func(f Estimate, r Range) float64 {
			if f.sameFigure(e) {
				return r.At(side)
			}
			return r.Likely
		}, reserves)
		ev.npvOnly = true
		return ev.alternative(ai, nil).NPV
	}
	for _, u := range uncertainInputs(c, ai) {
		d := Driver{Input: u.name, Kind: u.kind, Path: u.path, Estimate: u.est, Unit: u.unit,
			Low: u.r.Low, Likely: u.r.Likely, High: u.r.High,
			NPVLow: npvAt(u.est, Low), NPVHigh: npvAt(u.est, High)}
		d.Swing = math.Abs(d.NPVHigh - d.NPVLow)
		t.Drivers = append(t.Drivers, d)
	}
	slices.SortStableFunc(t.Drivers, func(x, y Driver) int { return cmp.Compare(y.Swing, x.Swing) })
	for _, d := range t.Drivers {
		if len(t.Top) < topDrivers && d.Swing > 0 {
			t.Top = append(t.Top, d.Input)
		}
	}
	return t
}

// uncertain is one estimate of a case given as a range.
type uncertain struct {
	est Estimate
	// r is the estimate: the first year's, for an input given year by
	// year (yearly).
	r          Range
	yearly     bool
	name, kind string
	path       string
	unit       figure.Unit
}

// uncertainInputs returns the estimates that can move alternative ai's
// figures: the pain-calculator inputs given as a range that the
// calculator reads (in the calculator's order) or that per-head costs take
// their heads from, the quantities and rates of the pain's components
// given as a range, then the alternative's cost lines and benefit lines
// whose low and high differ.
func uncertainInputs(c *Case, ai int) []uncertain {
	var out []uncertain
	if k := calculatorFor(c.Pain.Category); k != nil {
		m := newPainModel(&c.Pain, horizonYears(c.HorizonMonths), headsKeys(c)...)
		keys := slices.Clone(k.Inputs)
		for _, key := range headsKeys(c) {
			if _, ok := inputIndex[key]; ok && !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
		for _, key := range keys {
			i := inputIndex[key]
			v, ok := c.Pain.Inputs[key]
			if !ok || !m.needed[i] || v.IsExact() {
				continue
			}
			out = append(out, uncertain{est: Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: key},
				r: v.Range, yearly: v.Yearly(), name: inputs[i].Label, kind: "pain", path: "pain.inputs." + key, unit: inputs[i].Unit})
		}
	}
	for i := range c.Pain.Components {
		k := &c.Pain.Components[i]
		for _, key := range []string{k.QuantityKey(), k.RateKey()} {
			ref, _ := c.Pain.ComponentOf(key)
			if r := ref.Range(); !r.IsExact() {
				out = append(out, uncertain{est: Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: key},
					r: r, name: ref.Label(), kind: "pain", path: ref.Path(), unit: ref.Unit()})
			}
		}
	}
	if ai < 0 || ai >= len(c.Alternatives) || c.Alternatives[ai].DoNothing {
		return out
	}
	a := &c.Alternatives[ai]
	for li, k := range a.Costs {
		if k.Amount.IsExact() {
			continue
		}
		out = append(out, uncertain{est: Estimate{Kind: CostEstimate, Alternative: ai, Line: li}, r: k.Amount,
			name: k.Name, kind: "cost", path: fmt.Sprintf("alternatives[%d].costs[%d].amount", ai, li), unit: figure.Money})
	}
	for li := range a.Benefits {
		u, ok := benefitEstimate(c, ai, li)
		if !ok || u.r.IsExact() {
			continue
		}
		if u.unit == "" { // an input neither a calculator nor a component has
			u.unit = figure.Number
		}
		out = append(out, u)
	}
	return out
}
