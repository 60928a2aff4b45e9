package casebuilder

import (
	"fmt"
	"math"
)

// Result is every figure derived from a case. The screen, the workbook and
// the brief all show these, so they agree.
type Result struct {
	Pain PainResult
	// Months is the number of monthly periods (the horizon).
	Months       int
	Alternatives []AltResult
	// Recommended is the index of the recommended alternative: the case's
	// choice, or else the one with the highest NPV; -1 when there is none.
	Recommended int
	// RecommendedByCase reports whether the case itself names it.
	RecommendedByCase bool
}

// LineKind says what a line of an alternative's costed plan is.
type LineKind string

// The kinds of line.
const (
	CostLine    LineKind = "cost"
	BenefitLine LineKind = "benefit"
	// ReserveLine is the contingency reserve for the alternative's risks.
	ReserveLine LineKind = "reserve"
)

// LineResult is the value of one cost or benefit line of an alternative.
type LineResult struct {
	Name string   `json:"name"`
	Kind LineKind `json:"kind"`
	// Index is the line's place among the alternative's costs or benefits
	// (-1 for the reserve).
	Index int `json:"index"`
	// Value is, for a cost, one occurrence (amount × heads); for a benefit,
	// its yearly value at full effect; for the reserve, its amount. Each at
	// low, likely and high.
	Value Range `json:"value"`
	// Total and PV are its undiscounted and present values over the horizon.
	Total float64 `json:"total"`
	PV    float64 `json:"pv"`
}

// AltResult is the costed plan and the figures of one alternative. Every
// figure is incremental to doing nothing; the do-nothing baseline has no
// lines and its figures are zero.
type AltResult struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	DoNothing bool   `json:"doNothing"`

	Lines []LineResult `json:"lines"`
	// Reserve is the contingency reserve included in the costs.
	Reserve float64 `json:"reserve"`

	TotalCost    float64 `json:"totalCost"`
	TotalBenefit float64 `json:"totalBenefit"`
	NetBenefit   float64 `json:"netBenefit"`
	PVCost       float64 `json:"pvCost"`
	PVBenefit    float64 `json:"pvBenefit"`
	NPV          float64 `json:"npv"`
	// IRR is the annual internal rate of return; nil when there is none.
	IRR *float64 `json:"irr"`
	// ROI is (total benefit − total cost) / total cost; nil without costs.
	ROI *float64 `json:"roi"`
	// BCR is the present value of benefits over that of costs; nil without
	// costs.
	BCR *float64 `json:"bcr"`
	// PaybackMonths is when the cumulative net flow turns positive for good;
	// nil when it does not within the horizon.
	PaybackMonths *float64 `json:"paybackMonths"`

	// Costs, Benefits and CashFlows are per month, month 0 first. Costs are
	// positive; CashFlows are benefits less costs.
	Costs     []float64 `json:"costs"`
	Benefits  []float64 `json:"benefits"`
	CashFlows []float64 `json:"cashFlows"`
}

// EstimateKind says which part of a case an estimate belongs to.
type EstimateKind int

// The kinds of estimate.
const (
	CostEstimate EstimateKind = iota
	BenefitEstimate
	PainInputEstimate
)

// Estimate names one uncertain figure of a case: a cost line's amount, a
// benefit line's value, or an input of the pain calculator.
type Estimate struct {
	Kind EstimateKind
	// Alternative and Line locate a cost or benefit line by index.
	Alternative, Line int
	// Input is the key of a pain-calculator input.
	Input string
}

// Valuer chooses the value of each estimate from its range. Calculate uses
// the likely value of every estimate; sensitivity and simulation choose
// others.
type Valuer func(e Estimate, r Range) float64

// LikelyValues picks the likely value of every estimate.
func LikelyValues(_ Estimate, r Range) float64 { return r.Likely }

// Calculate derives every figure of the case at the likely value of every
// estimate. The case should be valid (see [Validate]); an invalid one gives
// figures that are defined but meaningless, never a panic.
func Calculate(c *Case) *Result {
	return CalculateWith(c, LikelyValues)
}

// CalculateWith derives every figure of the case with each estimate valued
// by pick.
func CalculateWith(c *Case, pick Valuer) *Result {
	return calculateWith(c, pick, ContingencyReserves(c))
}

// calculateWith is CalculateWith with the contingency reserves, which do
// not depend on pick, worked out already.
func calculateWith(c *Case, pick Valuer, reserves []float64) *Result {
	ev := newEvaluator(c, pick, reserves)
	res := &Result{Pain: CostOfPain(&c.Pain), Months: ev.months, Recommended: -1}
	res.Alternatives = make([]AltResult, len(c.Alternatives))
	for i := range c.Alternatives {
		res.Alternatives[i] = ev.alternative(i)
	}
	if i := c.AlternativeByID(c.Recommendation.Alternative); i >= 0 && c.Recommendation.Alternative != "" {
		res.Recommended, res.RecommendedByCase = i, true
	} else {
		for i := range res.Alternatives {
			if res.Recommended < 0 || res.Alternatives[i].NPV > res.Alternatives[res.Recommended].NPV {
				res.Recommended = i
			}
		}
	}
	return res
}

// evaluator computes alternatives' cash flows for one valuation of a case.
type evaluator struct {
	c        *Case
	pick     Valuer
	months   int
	factors  []float64
	reserves []float64  // by alternative
	pain     *painModel // nil when the pain has no calculator
	// painComplete reports whether the calculator has every input it
	// needs, and painAnnual is then the yearly cost at the chosen values.
	painComplete bool
	painAnnual   float64
}

func newEvaluator(c *Case, pick Valuer, reserves []float64) *evaluator {
	n := min(max(c.HorizonMonths, 0), MaxHorizonMonths)
	ev := &evaluator{c: c, pick: pick, months: n, factors: DiscountFactors(c.DiscountRate, n), reserves: reserves}
	ev.pain = newPainModel(&c.Pain)
	if ev.pain != nil && len(ev.pain.missing()) == 0 {
		ev.painComplete = true
		ev.painAnnual = ev.pain.eval(ev.pickInput)
	}
	return ev
}

func (ev *evaluator) pickInput(key string, r Range) float64 {
	return ev.pick(Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: key}, r)
}

func (ev *evaluator) alternative(ai int) AltResult {
	a := &ev.c.Alternatives[ai]
	n := ev.months
	r := AltResult{ID: a.ID, Name: a.Name, DoNothing: a.DoNothing,
		Costs: make([]float64, n), Benefits: make([]float64, n), CashFlows: make([]float64, n)}
	if a.DoNothing {
		// Doing nothing is the baseline every other alternative is measured
		// against: incremental to itself, it is zero.
		ev.finish(&r)
		return r
	}
	for li := range a.Costs {
		r.Lines = append(r.Lines, ev.cost(ai, li, r.Costs))
	}
	ev.benefits(ai, &r)
	if reserve := ev.reserves[ai]; reserve > 0 && n > 0 {
		r.Reserve = reserve
		r.Costs[0] += reserve
		name := "Contingency reserve"
		if ev.c.Reserve.Basis == ReservePercentile {
			name = fmt.Sprintf("Contingency reserve (P%g of the risks' contingency costs)", math.Round(1e4*ev.c.Reserve.percentile())/100)
		}
		r.Lines = append(r.Lines, LineResult{Name: name, Kind: ReserveLine, Index: -1,
			Value: Exactly(reserve), Total: reserve, PV: reserve})
	}
	ev.finish(&r)
	return r
}

// cost adds one cost line to costs and returns its value.
func (ev *evaluator) cost(ai, li int, costs []float64) LineResult {
	k := &ev.c.Alternatives[ai].Costs[li]
	heads := 1.0
	if k.PerHead {
		heads = k.Heads
	}
	amount := ev.pick(Estimate{Kind: CostEstimate, Alternative: ai, Line: li}, k.Amount) * heads
	line := LineResult{Name: k.Name, Kind: CostLine, Index: li,
		Value: Range{k.Amount.Low * heads, k.Amount.Likely * heads, k.Amount.High * heads}}
	first, last := ev.span(k.StartMonth, k.EndMonth)
	step := 1
	switch k.Kind {
	case OneTime:
		last = min(last, first)
	case Yearly:
		step = PeriodsPerYear
	}
	for m := first; m <= last; m += step {
		costs[m] += amount
		line.Total += amount
		line.PV += amount * ev.factors[m]
	}
	return line
}

// span returns the months from start to end (or the horizon), clipped to
// the horizon; first > last when nothing falls within it.
func (ev *evaluator) span(start int, end *int) (first, last int) {
	first, last = max(start, 0), ev.months-1
	if end != nil {
		last = min(last, *end)
	}
	return first, last
}

// benefits adds the alternative's benefit lines to r.
//
// A painInput line is worth the cost of pain it avoids. Lines that change
// inputs are valued in turn, each with the changes of the lines before it
// in place (at their likely values), so that together they avoid exactly
// the cost of pain with all the changes made, and no interaction is
// counted twice.
func (ev *evaluator) benefits(ai int, r *AltResult) {
	a := &ev.c.Alternatives[ai]
	pm := ev.pain
	if pm != nil {
		clear(pm.hasOver)
		defer clear(pm.hasOver)
	}
	for li := range a.Benefits {
		b := &a.Benefits[li]
		est := Estimate{Kind: BenefitEstimate, Alternative: ai, Line: li}
		var value Range
		var annual float64
		switch b.Basis {
		case BenefitAmount:
			value, annual = b.Annual, ev.pick(est, b.Annual)
		case BenefitPainShare:
			base := ev.painAnnual
			value = Range{b.Share.Low * base, b.Share.Likely * base, b.Share.High * base}
			annual = ev.pick(est, b.Share) * base
		case BenefitPainInput:
			i, ok := inputIndex[b.Input]
			if !ev.painComplete || !ok || !pm.needed[i] {
				break
			}
			before := pm.eval(ev.pickInput)
			avoided := func(to float64) float64 {
				pm.over[i], pm.hasOver[i] = to, true
				return before - pm.eval(ev.pickInput)
			}
			value = Range{avoided(b.To.Low), avoided(b.To.Likely), avoided(b.To.High)}
			annual = value.Likely
			if to := ev.pick(est, b.To); to != b.To.Likely {
				annual = avoided(to)
			}
			pm.over[i] = b.To.Likely // later lines build on this line's likely change
		}
		line := LineResult{Name: b.Name, Kind: BenefitLine, Index: li, Value: value}
		first, last := ev.span(b.StartMonth, b.EndMonth)
		monthly := annual / PeriodsPerYear
		for m := first; m <= last; m++ {
			v := monthly * rampShare(m-b.StartMonth, b.RampMonths)
			r.Benefits[m] += v
			line.Total += v
			line.PV += v * ev.factors[m]
		}
		r.Lines = append(r.Lines, line)
	}
}

// rampShare is the share of full effect k months after the start (k = 0 is
// the first month) of a benefit that takes ramp months to reach it.
func rampShare(k, ramp int) float64 {
	if ramp <= 0 || k+1 >= ramp {
		return 1
	}
	return float64(k+1) / float64(ramp)
}

// finish derives the net flows and every figure from the monthly costs and
// benefits.
func (ev *evaluator) finish(r *AltResult) {
	for m := range r.CashFlows {
		r.CashFlows[m] = r.Benefits[m] - r.Costs[m]
		r.TotalCost += r.Costs[m]
		r.TotalBenefit += r.Benefits[m]
	}
	r.NetBenefit = r.TotalBenefit - r.TotalCost
	r.PVCost = presentValue(r.Costs, ev.factors)
	r.PVBenefit = presentValue(r.Benefits, ev.factors)
	r.NPV = presentValue(r.CashFlows, ev.factors)
	if v, ok := IRR(r.CashFlows); ok {
		r.IRR = &v
	}
	if r.TotalCost > 0 {
		r.ROI = ptr(r.NetBenefit / r.TotalCost)
	}
	if r.PVCost > 0 {
		r.BCR = ptr(r.PVBenefit / r.PVCost)
	}
	if v, ok := Payback(r.CashFlows); ok {
		r.PaybackMonths = &v
	}
}

func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// RecommendedAlternative returns the recommended alternative's result, or
// nil when the case has no alternative.
func (r *Result) RecommendedAlternative() *AltResult {
	if r.Recommended < 0 {
		return nil
	}
	return &r.Alternatives[r.Recommended]
}
