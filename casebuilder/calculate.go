package casebuilder

import (
	"fmt"
	"math"
	"slices"
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
	// Gates are the plan's stage gates, in the case's order, with what the
	// recommended alternative has spent by each and its NPV if it stopped
	// there.
	Gates []GateResult
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
	// StartMonth is the line's first period, as its fixed month or its
	// anchor places it, and EndMonth the last period of a recurring line
	// (the horizon's last when it runs to the end); nil for a one-time
	// cost and the reserve.
	StartMonth int  `json:"startMonth"`
	EndMonth   *int `json:"endMonth,omitempty"`
	// Value is, for a cost, one occurrence (amount × heads, the first
	// year's heads when they follow an input); for a benefit, its yearly
	// value at full effect (the first year's); for the reserve, its
	// amount. Each at low, likely and high.
	Value Range `json:"value"`
	// Total and PV are its undiscounted and present values over the horizon.
	Total float64 `json:"total"`
	PV    float64 `json:"pv"`
	// ByKind is Total split by kind of money: a benefit tied to the pain
	// may be cash and margin at once.
	ByKind KindAmounts `json:"byKind"`

	flows []float64 // by month, for the gates: kept for the recommendation only
}

// KindAmounts are an amount split by kind of money.
type KindAmounts struct {
	Cash         float64 `json:"cash,omitempty"`
	Time         float64 `json:"time,omitempty"`
	Margin       float64 `json:"margin,omitempty"`
	Avoidance    float64 `json:"avoidance,omitempty"`
	Productivity float64 `json:"productivity,omitempty"`
}

// field returns the amount of kind k.
func (a *KindAmounts) field(k MoneyKind) *float64 {
	switch k {
	case Cash:
		return &a.Cash
	case PeopleTime:
		return &a.Time
	case Margin:
		return &a.Margin
	case Productivity:
		return &a.Productivity
	}
	return &a.Avoidance
}

// Of returns the amount of kind k.
func (a KindAmounts) Of(k MoneyKind) float64 { return *a.field(k) }

// Figures are the headline figures of a stream of monthly costs and
// benefits.
type Figures struct {
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

	Figures
	// Cash is the same figures for the cash alone: new cash spent (the
	// reserve included) against the costs the company stops paying. Margin,
	// cost avoidance, productivity and people's time are left out. CashNPV
	// is Cash.NPV.
	Cash    Figures `json:"cash"`
	CashNPV float64 `json:"cashNpv"`
	// BenefitsByKind and CostsByKind are the undiscounted totals by kind
	// of money.
	BenefitsByKind map[MoneyKind]float64 `json:"benefitsByKind"`
	CostsByKind    map[MoneyKind]float64 `json:"costsByKind"`

	// Costs, Benefits and CashFlows are per month, month 0 first. Costs are
	// positive; CashFlows are benefits less costs.
	Costs     []float64 `json:"costs"`
	Benefits  []float64 `json:"benefits"`
	CashFlows []float64 `json:"cashFlows"`
	// CostsOf and BenefitsOf are Costs and Benefits by kind of money (the
	// reserve is cash).
	CostsOf    map[MoneyKind][]float64 `json:"-"`
	BenefitsOf map[MoneyKind][]float64 `json:"-"`
}

// GateResult is what a stage gate means for the money of the recommended
// alternative.
type GateResult struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Month is the period of the decision; -1 when the gate has no date.
	Month int `json:"month"`
	// SpentBefore is the undiscounted cost of the months before the
	// decision (the contingency reserve, booked in month 0, included).
	SpentBefore float64 `json:"spentBefore"`
	// NetIfStopped is the NPV if the programme stops at the gate: the lines
	// that stop have no money from the month of the decision, and the exit
	// cost falls in it. The whole reserve stays counted.
	NetIfStopped float64 `json:"netIfStopped"`
	// ExitCost is what stopping costs.
	ExitCost float64 `json:"exitCost"`
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
	// Input is the key of a pain-calculator input, and Year the year of
	// the horizon (0 is the first) of an input given year by year.
	Input string
	Year  int
}

// sameFigure reports whether two estimates are of the same figure, in any
// year.
func (e Estimate) sameFigure(f Estimate) bool {
	e.Year, f.Year = 0, 0
	return e == f
}

// Valuer chooses the value of each estimate from its range. Calculate uses
// the likely value of every estimate; sensitivity and simulation choose
// others. For an input given year by year, r is the year's estimate.
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
	res := &Result{Pain: costOfPain(&c.Pain, horizonYears(ev.months)), Months: ev.months, Recommended: -1}
	res.Alternatives = make([]AltResult, len(c.Alternatives))
	for i := range c.Alternatives {
		res.Alternatives[i] = ev.alternative(i, nil)
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
	res.Gates = ev.gates(res)
	return res
}

// evaluator computes alternatives' cash flows for one valuation of a case.
type evaluator struct {
	c        *Case
	pick     Valuer
	months   int
	factors  []float64
	reserves []float64 // by alternative
	sched    *schedule
	pain     *painModel // nil when the pain has no calculator
	// painComplete reports whether the calculator has every input it
	// needs; painAnnual and painParts are then the yearly cost and its
	// parts at the chosen values, by year of the model.
	painComplete bool
	painAnnual   []float64
	painParts    [][]float64
	// compQ and compRate are the pain's components' quantities and rates
	// as pick values them, and compYearly their yearly costs, which
	// painAnnual and painParts include (the components' parts after the
	// calculator's).
	compQ, compRate, compYearly []float64
	painEnv                     [][]float64 // each year's whole environment
	// heads are the values by year of the inputs and formulas that
	// per-head costs take their heads from, with no alternative's change.
	heads     map[string][]float64
	headsKeys []string // the keys of heads
	// inputVals are the pain inputs as pick values them, by year of the
	// model and input index, and given reads them for the pain model.
	inputVals [][]float64
	year      int
	given     func(i int, r Range) float64
	work      *benefitWork // see scratch
	// keepFlows is the alternative whose lines keep their monthly flows,
	// for the gates: the one the case recommends; -1 for none.
	keepFlows int
	// substituted, when set, is an estimate replaced by the exact value
	// substitute wherever it is read, as if the case gave that one number
	// (see BreakEvens).
	substituted *Estimate
	substitute  float64
	// npvOnly leaves out what the sensitivity and the gates do not need:
	// the kinds of money, the figures for cash alone, the IRR and payback.
	// Its results' months are then in npvFlows, overwritten by the next.
	npvOnly  bool
	npvFlows []float64
	npvLines []LineResult
}

func newEvaluator(c *Case, pick Valuer, reserves []float64) *evaluator {
	n := min(max(c.HorizonMonths, 0), MaxHorizonMonths)
	ev := &evaluator{c: c, pick: pick, months: n, factors: DiscountFactors(c.DiscountRate, n), reserves: reserves,
		sched: newSchedule(c)}
	return ev.init()
}

// newSubstituted returns an evaluator of the case with estimate e replaced
// by the exact value v, every other estimate at its likely value; see
// [evaluator.substitute] to replace it by another value.
func newSubstituted(c *Case, reserves []float64, e Estimate, v float64) *evaluator {
	n := min(max(c.HorizonMonths, 0), MaxHorizonMonths)
	ev := &evaluator{c: c, pick: LikelyValues, months: n, factors: DiscountFactors(c.DiscountRate, n), reserves: reserves,
		sched: newSchedule(c), substituted: &e, substitute: v, npvOnly: true}
	return ev.init()
}

// resubstitute replaces the substituted estimate by v instead, working out
// again only the pain, and only when the estimate is one of its inputs.
func (ev *evaluator) resubstitute(v float64) {
	ev.substitute = v
	if ev.substituted.Kind == PainInputEstimate {
		ev.valuePain()
	}
}

func (ev *evaluator) init() *evaluator {
	c, n := ev.c, ev.months
	ev.keepFlows = -1
	if len(c.Plan.Gates) > 0 {
		ev.keepFlows = c.AlternativeByID(c.Recommendation.Alternative)
	}
	ev.headsKeys = headsKeys(c)
	ev.pain = newPainModel(&c.Pain, horizonYears(n), ev.headsKeys...)
	ev.valuePain()
	return ev
}

// valuePain values the pain inputs by pick and works out the pain, and the
// heads per-head costs take from it, in every year of the model; then its
// components.
func (ev *evaluator) valuePain() {
	if ev.pain != nil {
		ev.valueCalculator()
	}
	comps := ev.c.Pain.Components
	if len(comps) == 0 {
		return
	}
	if ev.pain == nil {
		ev.painAnnual, ev.painParts = make([]float64, 1), make([][]float64, 1)
	}
	ev.compQ, ev.compRate, ev.compYearly = ev.componentsPicked()
	for y := range ev.painAnnual {
		for _, v := range ev.compYearly {
			ev.painAnnual[y] += v
		}
		ev.painParts[y] = append(ev.painParts[y][:ev.calcParts()], ev.compYearly...)
	}
}

// calcParts is the number of parts of the pain that are the calculator's.
func (ev *evaluator) calcParts() int {
	if ev.pain == nil {
		return 0
	}
	return len(ev.pain.calc.Parts)
}

// valueCalculator is valuePain for the calculator.
func (ev *evaluator) valueCalculator() {
	pick, heads := ev.pick, ev.headsKeys
	// Each input's value, once: the pain model reads them in every
	// evaluation, for every line.
	ev.inputVals = make([][]float64, ev.pain.years)
	for y := range ev.inputVals {
		ev.inputVals[y] = make([]float64, len(inputs))
		for i, in := range inputs {
			if ev.pain.needed[i] && ev.pain.isGiven[i] {
				v := ev.pain.given[i]
				e := Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: in.Key}
				if v.Yearly() {
					e.Year = y
				}
				ev.inputVals[y][i] = pick(e, ev.estimate(e, v.InYear(y)))
			}
		}
	}
	ev.given = func(i int, _ Range) float64 { return ev.inputVals[ev.year][i] }
	ev.painComplete = len(ev.pain.missing()) == 0
	years := ev.pain.years
	ev.painAnnual = make([]float64, years)
	ev.painParts = make([][]float64, years)
	if len(heads) > 0 {
		ev.heads = make(map[string][]float64, len(heads))
	}
	ev.painEnv = make([][]float64, years)
	for y := range years {
		ev.painAnnual[y] = ev.painIn(y)
		ev.painEnv[y] = slices.Clone(ev.pain.env)
		ev.painParts[y] = make([]float64, len(ev.pain.calc.Parts))
		ev.pain.parts(ev.painParts[y])
		for _, key := range heads {
			if ev.heads[key] == nil {
				ev.heads[key] = make([]float64, years)
			}
			if s := ev.pain.slot(key); s >= 0 {
				ev.heads[key][y] = ev.pain.env[s]
			}
		}
	}
	if !ev.painComplete {
		clear(ev.painAnnual)
		for _, p := range ev.painParts {
			clear(p)
		}
	}
}

// headsKeys returns the inputs and formulas that the case's per-head costs
// take their heads from.
func headsKeys(c *Case) []string {
	var keys []string
	for ai := range c.Alternatives {
		for _, k := range c.Alternatives[ai].Costs {
			if k.PerHead && k.HeadsFrom != "" && !slices.Contains(keys, k.HeadsFrom) {
				keys = append(keys, k.HeadsFrom)
			}
		}
	}
	return keys
}

// estimate returns the range of estimate e, r, or the exact value that
// replaces it.
func (ev *evaluator) estimate(e Estimate, r Range) Range {
	if ev.substituted != nil && ev.substituted.sameFigure(e) {
		return Exactly(ev.substitute)
	}
	return r
}

// painIn evaluates the pain model in year y, with the overrides it holds.
func (ev *evaluator) painIn(y int) float64 {
	ev.year = y
	return ev.pain.evalBy(y, ev.given)
}

// gateCut is a programme stopped at a gate: the lines it stops have no
// money from month on, and exit falls in it.
type gateCut struct {
	month int
	stops func(name string) bool
	exit  float64
}

func (ev *evaluator) alternative(ai int, cut *gateCut) AltResult {
	a := &ev.c.Alternatives[ai]
	n := ev.months
	r := AltResult{ID: a.ID, Name: a.Name, DoNothing: a.DoNothing}
	if ev.npvOnly {
		// Only the NPV is read, and at once: the months are worked out in
		// the evaluator's own storage, which the break-evens and the
		// tornado then do not allocate for each of their thousands of
		// evaluations.
		if len(ev.npvFlows) != 3*n {
			ev.npvFlows = make([]float64, 3*n)
		}
		clear(ev.npvFlows)
		r.Costs, r.Benefits, r.CashFlows = ev.npvFlows[:n:n], ev.npvFlows[n:2*n:2*n], ev.npvFlows[2*n:]
	} else {
		r.Costs, r.Benefits, r.CashFlows = make([]float64, n), make([]float64, n), make([]float64, n)
		r.CostsOf, r.BenefitsOf = map[MoneyKind][]float64{}, map[MoneyKind][]float64{}
	}
	if a.DoNothing {
		// Doing nothing is the baseline every other alternative is measured
		// against: incremental to itself, it is zero.
		ev.finish(&r)
		return r
	}
	if ev.npvOnly {
		r.Lines = ev.npvLines[:0]
		defer func() { ev.npvLines = r.Lines }()
	} else {
		r.Lines = make([]LineResult, 0, len(a.Costs)+len(a.Benefits)+1)
	}
	for li := range a.Costs {
		r.Lines = append(r.Lines, ev.cost(ai, li, &r, cut))
	}
	ev.benefits(ai, &r, cut)
	if reserve := ev.reserves[ai]; reserve > 0 && n > 0 {
		r.Reserve = reserve
		r.Costs[0] += reserve
		if !ev.npvOnly {
			flows(r.CostsOf, Cash, n)[0] += reserve
		}
		name := "Contingency reserve"
		if ev.c.Reserve.Basis == ReservePercentile {
			name = fmt.Sprintf("Contingency reserve (P%g of the risks' contingency costs)", math.Round(1e4*ev.c.Reserve.percentile())/100)
		}
		r.Lines = append(r.Lines, LineResult{Name: name, Kind: ReserveLine, Index: -1,
			Value: Exactly(reserve), Total: reserve, PV: reserve, ByKind: KindAmounts{Cash: reserve}})
	}
	if cut != nil && cut.exit > 0 && cut.month >= 0 && cut.month < n {
		r.Costs[cut.month] += cut.exit
	}
	ev.finish(&r)
	return r
}

// flows returns the monthly flows of kind k in m, making them.
func flows(m map[MoneyKind][]float64, k MoneyKind, n int) []float64 {
	f, ok := m[k]
	if !ok {
		f = make([]float64, n)
		m[k] = f
	}
	return f
}

// costMoney and benefitMoney are the kinds of money of lines that do not
// say: a cost is new cash, and a benefit given as an amount a cost avoided.
func costMoney(k *Cost) MoneyKind {
	if k.Money == "" {
		return Cash
	}
	return k.Money
}

func benefitMoney(b *Benefit) MoneyKind {
	if b.Money == "" {
		return Avoidance
	}
	return b.Money
}

// costHeads returns the heads of each occurrence of a cost line in year y
// of the model.
func (ev *evaluator) costHeads(k *Cost, y int) float64 {
	switch {
	case !k.PerHead:
		return 1
	case k.HeadsFrom != "":
		h := ev.heads[k.HeadsFrom]
		if len(h) == 0 {
			return 0
		}
		return h[min(y, len(h)-1)]
	}
	return k.Heads
}

// costOccurrences returns the months in which a cost line is spent, within
// the horizon: first to last, stepping by step.
func (ev *evaluator) costOccurrences(k *Cost) (first, last, step int) {
	start, end := ev.sched.costSpan(k)
	first, last = ev.span(start, end)
	step = 1
	switch k.Kind {
	case OneTime:
		last = min(last, first)
	case Yearly:
		step = PeriodsPerYear
	}
	return first, last, step
}

// cost adds one cost line to r and returns its value.
func (ev *evaluator) cost(ai, li int, r *AltResult, cut *gateCut) LineResult {
	k := &ev.c.Alternatives[ai].Costs[li]
	years := 1
	if ev.pain != nil {
		years = ev.pain.years
	}
	heads := ev.costHeads(k, 0)
	est := Estimate{Kind: CostEstimate, Alternative: ai, Line: li}
	amount := ev.pick(est, ev.estimate(est, k.Amount))
	start, end := ev.sched.costSpan(k)
	line := LineResult{Name: k.Name, Kind: CostLine, Index: li, StartMonth: start,
		Value: Range{k.Amount.Low * heads, k.Amount.Likely * heads, k.Amount.High * heads}}
	if k.Kind != OneTime {
		line.EndMonth = ev.lastMonth(end)
	}
	first, last, step := ev.costOccurrences(k)
	if cut != nil && cut.stops(k.Name) {
		last = min(last, cut.month-1)
	}
	var kind []float64 // the flows of the line's kind of money
	if !ev.npvOnly {
		kind = flows(r.CostsOf, costMoney(k), ev.months)
	}
	if ai == ev.keepFlows && cut == nil {
		line.flows = make([]float64, ev.months)
	}
	for m := first; m <= last; m += step {
		v := amount * ev.costHeads(k, yearOf(m, years))
		r.Costs[m] += v
		line.Total += v
		line.PV += v * ev.factors[m]
		if kind != nil {
			kind[m] += v
		}
		if line.flows != nil {
			line.flows[m] = v
		}
	}
	*line.ByKind.field(costMoney(k)) = line.Total
	return line
}

// lastMonth returns the last period of a recurring line that ends at end
// (nil: the horizon).
func (ev *evaluator) lastMonth(end *int) *int {
	last := ev.months - 1
	if end != nil {
		last = *end
	}
	return &last
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
// A painInput line is worth the cost of pain it avoids, year by year.
// Lines that change inputs are valued in turn, each with the changes of
// the lines before it in place (at their likely values), so that together
// they avoid exactly the cost of pain with all the changes made, and no
// interaction is counted twice. The kinds of money of a line tied to the
// pain are those of the parts of the cost it avoids.
func (ev *evaluator) benefits(ai int, r *AltResult, cut *gateCut) {
	a := &ev.c.Alternatives[ai]
	pm := ev.pain
	if pm != nil {
		clear(pm.hasOver)
		defer clear(pm.hasOver)
	}
	w := ev.scratch()
	years, parts, kinds, kindOf := w.years, w.parts, w.kinds, w.kindOf
	annual, byPart, byKind := w.annual, w.byPart, w.byKind
	kindFlows, kindTotal := w.kindFlows, w.kindTotal
	for y := range ev.painParts {
		if y < len(ev.painEnv) {
			copy(w.baseEnv[y], ev.painEnv[y])
		}
		copy(w.baseParts[y], ev.painParts[y])
	}
	for i := range w.compCur {
		w.compCur[i] = [2]float64{ev.compQ[i], ev.compRate[i]}
	}
	for li := range a.Benefits {
		b := &a.Benefits[li]
		est := Estimate{Kind: BenefitEstimate, Alternative: ai, Line: li}
		var value Range
		tied := false
		clear(annual)
		switch b.Basis {
		case BenefitAmount:
			value = ev.estimate(est, b.Annual)
			v := ev.pick(est, value)
			for y := range annual {
				annual[y] = v
			}
		case BenefitPainShare:
			if len(ev.painAnnual) == 0 {
				break
			}
			base := ev.painAnnual[0]
			r := ev.estimate(est, b.Share)
			value = Range{r.Low * base, r.Likely * base, r.High * base}
			share := ev.pick(est, r)
			tied = true
			for y := range annual {
				annual[y] = share * ev.painAnnual[y]
				for p := range parts {
					byPart[y][p] = share * ev.painParts[y][p]
				}
			}
		case BenefitPainInput:
			if ref, ok := ev.c.Pain.ComponentOf(b.Input); ok {
				value = ev.componentBenefit(w, ref, est, b, annual, byPart)
				tied = true
				break
			}
			i, ok := inputIndex[b.Input]
			if !ev.painComplete || !ok || !pm.needed[i] {
				break
			}
			tied = true
			// From the cost of pain with the lines before this one in
			// place, year by year, to the cost with this line's change:
			// only what the input changes is worked out again.
			last := len(pm.env) - 1
			rTo := ev.estimate(est, b.To)
			to := ev.pick(est, rTo)
			likely := to == rTo.Likely
			// A change counts only as far as the input's floor: attrition
			// falls no lower than the exits no programme prevents.
			floored := func(y int, to float64) float64 {
				if f, ok := pm.floor(i, ev.painEnv[y]); ok && to < f {
					return f
				}
				return to
			}
			for y := range annual {
				base := w.baseEnv[y]
				annual[y] = base[last] - pm.evalChange(base, i, floored(y, to))
				pm.parts(w.afterParts)
				copy(w.afterParts[w.calcParts:], w.baseParts[y][w.calcParts:])
				for p := range parts {
					byPart[y][p] = w.baseParts[y][p] - w.afterParts[p]
				}
				if likely { // where the next line starts
					copy(w.nextEnv[y], pm.env)
					copy(w.nextParts[y], w.afterParts)
				}
			}
			if !ev.npvOnly {
				base := w.baseEnv[0]
				value = Range{base[last] - pm.evalChange(base, i, floored(0, rTo.Low)), annual[0], base[last] - pm.evalChange(base, i, floored(0, rTo.High))}
				if !likely {
					value.Likely = base[last] - pm.evalChange(base, i, floored(0, rTo.Likely))
				}
			}
			if !likely {
				for y := range years {
					pm.evalChange(w.baseEnv[y], i, floored(y, rTo.Likely))
					copy(w.nextEnv[y], pm.env)
					pm.parts(w.nextParts[y])
					copy(w.nextParts[y][w.calcParts:], w.baseParts[y][w.calcParts:])
				}
			}
			w.baseEnv, w.nextEnv = w.nextEnv, w.baseEnv
			w.baseParts, w.nextParts = w.nextParts, w.baseParts
			pm.over[i], pm.hasOver[i] = rTo.Likely, true // later lines build on this line's likely change
		}
		start, end := ev.sched.benefitSpan(b)
		line := LineResult{Name: b.Name, Kind: BenefitLine, Index: li, Value: value, StartMonth: start,
			EndMonth: ev.lastMonth(end)}
		split := !ev.npvOnly // the kinds of money are worked out
		first, last := ev.span(start, end)
		if cut != nil && cut.stops(b.Name) {
			last = min(last, cut.month-1)
		}
		// The flows of each kind this line adds to, found once.
		var own []float64
		switch {
		case !split:
		case !tied:
			own = flows(r.BenefitsOf, benefitMoney(b), ev.months)
		default:
			for y := range byKind {
				clear(byKind[y])
				for p, v := range byPart[y] {
					byKind[y][kindOf[p]] += v / PeriodsPerYear // a month's worth at full effect
				}
			}
			for j, k := range kinds {
				kindFlows[j] = flows(r.BenefitsOf, k, ev.months)
				kindTotal[j] = 0
			}
		}
		if ai == ev.keepFlows && cut == nil {
			line.flows = make([]float64, ev.months)
		}
		monthly, y := 0.0, -1
		for m := first; m <= last; m++ {
			if yy := yearOf(m, years); yy != y {
				y, monthly = yy, annual[yy]/PeriodsPerYear
			}
			share := rampShare(m-start, b.RampMonths)
			v := monthly * share
			r.Benefits[m] += v
			line.Total += v
			line.PV += v * ev.factors[m]
			if line.flows != nil {
				line.flows[m] = v
			}
			switch {
			case !split:
				continue
			case !tied:
				own[m] += v
				continue
			}
			for j, monthly := range byKind[y] {
				kv := monthly * share
				kindFlows[j][m] += kv
				kindTotal[j] += kv
			}
		}
		switch {
		case !tied:
			*line.ByKind.field(benefitMoney(b)) = line.Total
		case split:
			for j, k := range kinds {
				*line.ByKind.field(k) += kindTotal[j]
			}
		}
		r.Lines = append(r.Lines, line)
	}
}

// benefitWork is the working storage of benefits, made once per
// evaluator.
type benefitWork struct {
	years int
	// parts are the parts of the pain: the calculator's (calcParts of
	// them), then one for each component.
	parts     []Part
	calcParts int
	// compCur is each component's quantity and rate as the lines before
	// the one being worked out left them.
	compCur [][2]float64
	// kinds are the parts' distinct kinds of money, and kindOf the place
	// of each part's kind in it.
	kinds  []MoneyKind
	kindOf []int
	// annual[y] is a line's yearly value in year y, byPart[y] the same by
	// part of the cost of pain, and byKind[y] its monthly value at full
	// effect by kind; kindFlows and kindTotal are the flows and the total
	// of each kind.
	annual         []float64
	byPart, byKind [][]float64
	kindFlows      [][]float64
	kindTotal      []float64
	// baseEnv and baseParts are the pain model's environment and the
	// parts of the cost, by year, with the changes of the lines so far in
	// place; nextEnv and nextParts the same after a line's change;
	// afterParts the parts with a line's change made, in one year.
	baseEnv, nextEnv     [][]float64
	baseParts, nextParts [][]float64
	afterParts           []float64
}

func (ev *evaluator) scratch() *benefitWork {
	if ev.work != nil {
		return ev.work
	}
	w := &benefitWork{years: 1, calcParts: ev.calcParts()}
	if ev.pain != nil {
		w.years, w.parts = ev.pain.years, slices.Clone(ev.pain.calc.Parts)
	}
	for i := range ev.c.Pain.Components {
		k := &ev.c.Pain.Components[i]
		w.parts = append(w.parts, Part{Label: k.Name, Money: k.MoneyKind()})
	}
	w.compCur = make([][2]float64, len(ev.c.Pain.Components))
	w.kindOf = make([]int, len(w.parts))
	for p, pt := range w.parts {
		if w.kindOf[p] = slices.Index(w.kinds, pt.Money); w.kindOf[p] < 0 {
			w.kindOf[p] = len(w.kinds)
			w.kinds = append(w.kinds, pt.Money)
		}
	}
	grid := func(cols int) [][]float64 {
		g := make([][]float64, w.years)
		for y := range g {
			g[y] = make([]float64, cols)
		}
		return g
	}
	w.annual = make([]float64, w.years)
	w.byPart, w.byKind = grid(len(w.parts)), grid(len(w.kinds))
	w.baseParts, w.nextParts, w.afterParts = grid(len(w.parts)), grid(len(w.parts)), make([]float64, len(w.parts))
	env := 0
	if ev.pain != nil {
		env = len(ev.pain.env)
	}
	w.baseEnv, w.nextEnv = grid(env), grid(env)
	w.kindFlows, w.kindTotal = make([][]float64, len(w.kinds)), make([]float64, len(w.kinds))
	ev.work = w
	return w
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
	}
	r.Figures = ev.figures(r.Costs, r.Benefits, r.CashFlows)
	if ev.npvOnly {
		return
	}
	n := ev.months
	cashCosts, cashBenefits := flows(r.CostsOf, Cash, n), flows(r.BenefitsOf, Cash, n)
	net := make([]float64, n)
	for m := range net {
		net[m] = cashBenefits[m] - cashCosts[m]
	}
	r.Cash = ev.figures(cashCosts, cashBenefits, net)
	r.CashNPV = r.Cash.NPV
	r.CostsByKind, r.BenefitsByKind = totals(r.CostsOf), totals(r.BenefitsOf)
}

// totals returns the sum of each kind's monthly flows.
func totals(of map[MoneyKind][]float64) map[MoneyKind]float64 {
	out := make(map[MoneyKind]float64, len(of))
	for k, f := range of {
		var sum float64
		for _, v := range f {
			sum += v
		}
		out[k] = sum
	}
	return out
}

// figures derives the headline figures of monthly costs, benefits and net
// flows.
func (ev *evaluator) figures(costs, benefits, net []float64) Figures {
	var f Figures
	for m := range net {
		f.TotalCost += costs[m]
		f.TotalBenefit += benefits[m]
	}
	f.NetBenefit = f.TotalBenefit - f.TotalCost
	f.PVCost = presentValue(costs, ev.factors)
	f.PVBenefit = presentValue(benefits, ev.factors)
	f.NPV = presentValue(net, ev.factors)
	if ev.npvOnly {
		return f
	}
	if v, ok := IRR(net); ok {
		f.IRR = &v
	}
	if f.TotalCost > 0 {
		f.ROI = ptr(f.NetBenefit / f.TotalCost)
	}
	if f.PVCost > 0 {
		f.BCR = ptr(f.PVBenefit / f.PVCost)
	}
	if v, ok := Payback(net); ok {
		f.PaybackMonths = &v
	}
	return f
}

// gates works out what each gate of the plan means for the recommended
// alternative.
func (ev *evaluator) gates(res *Result) []GateResult {
	if len(ev.c.Plan.Gates) == 0 {
		return nil
	}
	out := make([]GateResult, len(ev.c.Plan.Gates))
	ai := res.Recommended
	for gi := range ev.c.Plan.Gates {
		g := &ev.c.Plan.Gates[gi]
		gr := GateResult{ID: g.ID, Name: g.Name, Month: -1, ExitCost: g.ExitCost}
		month, ok := ev.sched.gateMonth(g)
		if ok {
			gr.Month = month
		}
		if ai >= 0 && ok {
			rec := &res.Alternatives[ai]
			for m := 0; m < min(month, len(rec.Costs)); m++ {
				gr.SpentBefore += rec.Costs[m]
			}
			stops := func(string) bool { return true }
			if len(g.Stops) > 0 {
				stops = func(name string) bool { return slices.Contains(g.Stops, name) }
			}
			gr.NetIfStopped = ev.stoppedNPV(ai, rec, month, stops, g.ExitCost)
		}
		out[gi] = gr
	}
	return out
}

// stoppedNPV returns the NPV of alternative ai (whose result is rec) if it
// stopped in month: the lines that stop have no money from then on, and
// the exit cost falls then. From the lines' own flows where they were
// kept, else by working the alternative out again.
func (ev *evaluator) stoppedNPV(ai int, rec *AltResult, month int, stops func(string) bool, exit float64) float64 {
	if ai != ev.keepFlows {
		ev.npvOnly = true
		defer func() { ev.npvOnly = false }()
		return ev.alternative(ai, &gateCut{month: month, stops: stops, exit: exit}).NPV
	}
	npv := rec.NPV
	for _, l := range rec.Lines {
		if l.flows == nil || !stops(l.Name) {
			continue
		}
		var tail float64
		for m := max(month, 0); m < len(l.flows); m++ {
			tail += l.flows[m] * ev.factors[m]
		}
		if l.Kind == CostLine {
			npv += tail
		} else {
			npv -= tail
		}
	}
	if exit > 0 && month >= 0 && month < ev.months {
		npv -= exit * ev.factors[month]
	}
	return npv
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
