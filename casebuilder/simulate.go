package casebuilder

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// Distribution is the shape a simulation gives to each low/likely/high
// estimate between its lowest and highest value, peaking at the likely one.
type Distribution string

// The distributions.
const (
	// PERT is the beta distribution of the PERT method: on [a, b] with mode
	// m, Beta(1 + 4(m−a)/(b−a), 1 + 4(b−m)/(b−a)) scaled to [a, b], whose
	// mean is (a + 4m + b) / 6. It is the default.
	PERT Distribution = "pert"
	// Triangular is the triangular distribution on [a, b] with mode m,
	// whose mean is (a + m + b) / 3: more weight in the tails than PERT.
	Triangular Distribution = "triangular"
)

// Limits and defaults of a simulation.
const (
	// DefaultTrials is the number of trials when the options name none.
	DefaultTrials = 10000
	// MaxTrials bounds the trials of one simulation, so that its results
	// (two figures per trial per alternative) stay within memory.
	MaxTrials = 100000
	// HistogramBins is the number of bins of each NPV histogram.
	HistogramBins = 20
	// simChunk trials are drawn from one random stream, seeded from the
	// simulation's seed and the chunk's number, so that the draws do not
	// depend on how many goroutines share the chunks.
	simChunk = 500
)

// SimulationOptions choose how a Monte Carlo simulation runs. The zero
// value runs DefaultTrials trials of PERT estimates with seed 0 on every
// core.
type SimulationOptions struct {
	// Trials is the number of trials; 0 means DefaultTrials.
	Trials int
	// Seed picks the random draws: the same case, seed, trials and
	// distribution always give the same results, on any number of cores.
	// Zero is a seed like any other.
	Seed uint64
	// Distribution is PERT (the default, when empty) or Triangular.
	Distribution Distribution
	// Workers is how many goroutines draw trials; 0 means GOMAXPROCS. It
	// changes how long the simulation takes, never its results.
	Workers int
	// EstimatesOnly leaves the risks out of the trials: each alternative
	// carries its contingency reserve instead, as in its costed plan.
	EstimatesOnly bool
	// Stop, when not nil, abandons the simulation once it is closed:
	// Simulate then returns nil within about one trial. The desktop app
	// closes it when an edit makes the simulation it is running stale.
	Stop <-chan struct{}
}

// stopped reports whether Stop is closed.
func (o SimulationOptions) stopped() bool {
	select {
	case <-o.Stop:
		return true
	default:
		return false
	}
}

// Check returns an error naming the option that is out of range.
func (o SimulationOptions) Check() error {
	if o.Trials < 0 || o.Trials > MaxTrials {
		return fmt.Errorf("trials: must be between 1 and %d (got %d)", MaxTrials, o.Trials)
	}
	switch o.Distribution {
	case "", PERT, Triangular:
	default:
		return fmt.Errorf("distribution: must be %q or %q (got %q)", PERT, Triangular, o.Distribution)
	}
	if o.Workers < 0 {
		return fmt.Errorf("workers: must not be negative (got %d)", o.Workers)
	}
	return nil
}

// normalised returns the options with defaults in place and values out of
// range brought within it.
func (o SimulationOptions) normalised() SimulationOptions {
	if o.Trials <= 0 {
		o.Trials = DefaultTrials
	}
	o.Trials = min(o.Trials, MaxTrials)
	if o.Distribution != Triangular {
		o.Distribution = PERT
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Bin is one bar of a histogram: the count of trials whose value is at
// least From and below To (the last bin includes its To).
type Bin struct {
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Count int     `json:"count"`
}

// AltSimulation is what a simulation found for one alternative.
type AltSimulation struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	DoNothing bool   `json:"doNothing"`
	Trials    int    `json:"trials"`
	Seed      uint64 `json:"seed"`
	// IncludesRisks reports whether the trials drew the risks too (see
	// [Simulate]): every figure below then counts the risks that happen.
	IncludesRisks bool `json:"includesRisks"`
	// NPVMean is the mean NPV; NPVP10, NPVP50 and NPVP90 its 10th, 50th
	// and 90th percentiles: the lowest simulated NPV that at least 10 %
	// (50 %, 90 %) of the trials are at or below.
	NPVMean float64 `json:"npvMean"`
	NPVP10  float64 `json:"npvP10"`
	NPVP50  float64 `json:"npvP50"`
	NPVP90  float64 `json:"npvP90"`
	// ROIP10, ROIP50 and ROIP90 are the same percentiles of the ROI; nil
	// when the alternative has no costs (doing nothing).
	ROIP10 *float64 `json:"roiP10"`
	ROIP50 *float64 `json:"roiP50"`
	ROIP90 *float64 `json:"roiP90"`
	// ProbNPVPositive is the share of trials whose NPV is above zero.
	ProbNPVPositive float64 `json:"probNpvPositive"`
	// Histogram is the NPVs in HistogramBins bins of equal width from the
	// lowest to the highest (one bin when every trial has the same NPV).
	Histogram []Bin `json:"histogram"`
}

// Simulation is the result of a Monte Carlo simulation of a case.
type Simulation struct {
	Trials       int          `json:"trials"`
	Seed         uint64       `json:"seed"`
	Distribution Distribution `json:"distribution"`
	// Uncertain is the number of estimates drawn in each trial: every
	// estimate whose low and high differ.
	Uncertain    int             `json:"uncertain"`
	Alternatives []AltSimulation `json:"alternatives"`
}

// Simulate runs a Monte Carlo simulation of the case: in each trial every
// estimate given as a range (cost amounts, benefit values, shares and
// target inputs, pain-calculator inputs) is drawn independently from the
// chosen distribution between its lowest and highest value, peaking at its
// likely value, and every alternative's NPV and ROI are worked out with the
// arithmetic of [CalculateWith]. Estimates given as one number stay fixed.
// The pain inputs drawn in a trial are shared by every alternative, so that
// the alternatives are compared on the same circumstances.
//
// The risks happen too: in each trial every risk happens or not with its
// likelihood, once for all the alternatives it concerns, and one that
// happens costs its contingency plan and its residual impact (in month 0,
// where the reserve is booked). These draws replace the contingency
// reserve of the costed plan, so nothing is counted twice; with
// EstimatesOnly, the reserve stays and no risk is drawn.
//
// Options out of range are brought within it (see [SimulationOptions.Check]).
// It returns nil when stopped (see SimulationOptions.Stop).
func Simulate(c *Case, opts SimulationOptions) *Simulation {
	o := opts.normalised()
	m := compileSimulation(c, o.Distribution, !o.EstimatesOnly)
	nAlt := len(m.alts)
	npv, roi := make([][]float64, nAlt), make([][]float64, nAlt)
	for ai := range nAlt {
		npv[ai], roi[ai] = make([]float64, o.Trials), make([]float64, o.Trials)
	}
	chunks := (o.Trials + simChunk - 1) / simChunk
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(o.Workers, chunks) {
		wg.Go(func() {
			w := m.worker()
			for {
				ch := int(next.Add(1)) - 1
				if ch >= chunks {
					return
				}
				w.seed(o.Seed, ch)
				for t := ch * simChunk; t < min((ch+1)*simChunk, o.Trials); t++ {
					if o.Stop != nil && o.stopped() {
						return
					}
					w.draw()
					for ai := range nAlt {
						npv[ai][t], roi[ai][t] = w.eval(ai)
					}
				}
			}
		})
	}
	wg.Wait()
	if o.Stop != nil && o.stopped() {
		return nil
	}

	sim := &Simulation{Trials: o.Trials, Seed: o.Seed, Distribution: o.Distribution, Uncertain: len(m.vars),
		Alternatives: make([]AltSimulation, nAlt)}
	for ai := range nAlt {
		a := &c.Alternatives[ai]
		as := AltSimulation{ID: a.ID, Name: a.Name, DoNothing: a.DoNothing, Trials: o.Trials, Seed: o.Seed, IncludesRisks: m.withRisks}
		x := npv[ai]
		slices.Sort(x)
		as.NPVMean = stat.Mean(x, nil)
		as.NPVP10 = stat.Quantile(0.1, stat.Empirical, x, nil)
		as.NPVP50 = stat.Quantile(0.5, stat.Empirical, x, nil)
		as.NPVP90 = stat.Quantile(0.9, stat.Empirical, x, nil)
		// x is sorted: the positive NPVs are its tail.
		firstPositive, _ := slices.BinarySearchFunc(x, 0.0, func(v, zero float64) int {
			if v > zero {
				return 1
			}
			return -1
		})
		as.ProbNPVPositive = float64(len(x)-firstPositive) / float64(len(x))
		as.Histogram = histogram(x, HistogramBins)
		r := slices.DeleteFunc(roi[ai], math.IsNaN)
		if len(r) > 0 {
			slices.Sort(r)
			as.ROIP10 = ptr(stat.Quantile(0.1, stat.Empirical, r, nil))
			as.ROIP50 = ptr(stat.Quantile(0.5, stat.Empirical, r, nil))
			as.ROIP90 = ptr(stat.Quantile(0.9, stat.Empirical, r, nil))
		}
		sim.Alternatives[ai] = as
	}
	return sim
}

// histogram counts sorted values in bins of equal width from the lowest
// to the highest.
func histogram(sorted []float64, bins int) []Bin {
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if !(hi > lo) {
		return []Bin{{From: lo, To: hi, Count: len(sorted)}}
	}
	dividers := floats.Span(make([]float64, bins+1), lo, hi)
	// gonum's bins include their lower divider only: nudge the last one up
	// so that the highest value falls in the last bin.
	dividers[bins] = math.Nextafter(hi, math.Inf(1))
	counts := stat.Histogram(nil, dividers, sorted, nil)
	out := make([]Bin, bins)
	for i := range out {
		out[i] = Bin{From: dividers[i], To: dividers[i+1], Count: int(counts[i])}
	}
	out[bins-1].To = hi
	return out
}

// simModel is a case compiled for fast trials. Each line's monthly shape
// (start, end, ramp, how often it recurs) does not change between trials,
// so its contribution to an alternative's total and present value is the
// drawn amount times weights worked out once, year by year: for a cost,
// the number of payments and the sum of their discount factors (times its
// heads, unless they follow an input of the pain); for a benefit, the sum
// over its months of the ramp share ÷ 12, undiscounted and discounted.
// Only lines tied to the pain need the pain calculator in each trial.
type simModel struct {
	dist Distribution // what the estimates are drawn from
	// vars are drawn independently in each trial; derived are worked out
	// from one of them, for the later years of an input given year by
	// year, so that a year's high value goes with the others' highs.
	vars    []simVar
	derived []simDerived
	// varOf maps an estimate to its place in vars.
	varOf map[Estimate]int
	// painVal is, by input index and year of the model, the place in a
	// trial's values of a pain input given as a range, or -1.
	painVal      [][]int
	pain         *painModel // nil when the pain has no calculator
	painComplete bool
	years        int // years of the pain model
	// headsSlot are the places in the pain's environment of what per-head
	// costs take their heads from, by the index simCost.heads gives.
	headsSlot []int
	// floored are the inputs benefits change that have a floor.
	floored []int
	// comps are the pain's components, whose yearly costs add to the
	// calculator's in every year.
	comps []simComp
	alts  []simAlt
	// risks are drawn in every trial when withRisks; riskOf maps a risk of
	// the case to its place in risks, or -1 when it cannot happen.
	withRisks bool
	risks     []simRisk
	riskOf    []int
}

// simRisk is a risk that may happen in a trial, with its likelihood, and
// what it costs when it does.
type simRisk struct {
	p, cost float64
}

// simVar is one estimate drawn in every trial.
type simVar struct {
	est          Estimate
	lo, mode, hi float64
	// pert is the table of its PERT shape, and split is where the
	// triangular distribution's density peaks, as a fraction of its span:
	// worked out once, not for every draw.
	pert  *pertTable
	split float64
}

// at returns the estimate's value at quantile u of its distribution.
func (v *simVar) at(d Distribution, u float64) float64 {
	if d == Triangular {
		// The inverse of the triangular distribution's CDF.
		if u < v.split {
			return v.lo + math.Sqrt(u*(v.hi-v.lo)*(v.mode-v.lo))
		}
		return v.hi - math.Sqrt((1-u)*(v.hi-v.lo)*(v.hi-v.mode))
	}
	return v.lo + (v.hi-v.lo)*v.pert.quantile(u)
}

// simDerived is a later year of an input given year by year: its value is
// at the same quantile of its own estimate as var from is of its own.
type simDerived struct {
	simVar
	from, out int // places in a trial's values
}

// simCost is a cost line's contribution: the amount (drawn, v ≥ 0, or
// fixed) times heads times tot[y] to the total and pv[y] to the present
// value, for each year y. heads is the index of the pain value the heads
// follow, or -1 when tot and pv include them.
type simCost struct {
	v       int
	fixed   float64
	heads   int
	tot, pv []float64
}

// simComp is a component of the pain: its quantity and rate, each drawn
// (q, r ≥ 0, places in a trial's values) or fixed at its likely value.
type simComp struct {
	q, r           int
	qFixed, rFixed float64
	k              *Component
}

type simBenefit struct {
	basis    BenefitBasis
	v        int
	fixed    float64
	tot, pv  []float64 // by year
	input    int       // the pain input a painInput line changes
	toLikely float64   // and its likely new value
	// comp is the component a painInput line changes, or -1, and side
	// which of its figures: 0 the quantity, 1 the rate.
	comp, side int
}

type simAlt struct {
	doNothing bool
	// fixedCost and fixedPVCost are the total and present value of the
	// cost lines that are not drawn, and of the reserve.
	fixedCost, fixedPVCost float64
	costs                  []simCost
	benefits               []simBenefit
	risks                  []int // places in simModel.risks
}

func compileSimulation(c *Case, d Distribution, withRisks bool) *simModel {
	n := min(max(c.HorizonMonths, 0), MaxHorizonMonths)
	factors := DiscountFactors(c.DiscountRate, n)
	ev := &evaluator{months: n, sched: newSchedule(c)} // for the spans of lines
	heads := headsKeys(c)
	m := &simModel{dist: d, varOf: map[Estimate]int{}, painVal: make([][]int, len(inputs)), years: 1}
	// shape returns the estimate drawn from r, or false when r is exact,
	// or an invalid draft without a finite spread, which stays at its
	// likely value.
	shape := func(e Estimate, r Range) (simVar, bool) {
		lo, hi := min(r.Low, r.Likely, r.High), max(r.Low, r.Likely, r.High)
		if !(hi > lo) || !finite(hi-lo) || !finite(r.Likely) {
			return simVar{}, false
		}
		v := simVar{est: e, lo: lo, mode: r.Likely, hi: hi, split: (r.Likely - lo) / (hi - lo)}
		if d != Triangular {
			v.pert = pertTableFor(1+4*v.split, 1+4*(hi-r.Likely)/(hi-lo))
		}
		return v, true
	}
	addVar := func(e Estimate, r Range) int {
		v, ok := shape(e, r)
		if !ok {
			return -1
		}
		m.varOf[e] = len(m.vars)
		m.vars = append(m.vars, v)
		return len(m.vars) - 1
	}
	m.pain = newPainModel(&c.Pain, horizonYears(n), heads...)
	if m.pain != nil {
		m.years = m.pain.years
		m.painComplete = len(m.pain.missing()) == 0
		for _, key := range heads {
			m.headsSlot = append(m.headsSlot, m.pain.slot(key))
		}
	}
	type later struct {
		from int
		r    Range
		set  *int
	}
	var laters []later
	for i, in := range inputs {
		m.painVal[i] = make([]int, m.years)
		for y := range m.painVal[i] {
			m.painVal[i][y] = -1
		}
		if m.pain == nil || !m.pain.isGiven[i] || !m.pain.needed[i] {
			continue
		}
		v := m.pain.given[i]
		est := Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: in.Key}
		base := -1 // the year drawn; the others follow it
		for y := range m.years {
			r := v.InYear(y)
			if y > 0 && !v.Yearly() {
				m.painVal[i][y] = m.painVal[i][0]
				continue
			}
			if base < 0 {
				if m.painVal[i][y] = addVar(est, r); m.painVal[i][y] >= 0 {
					base = m.painVal[i][y]
				}
				continue
			}
			if _, ok := shape(est, r); ok {
				laters = append(laters, later{base, r, &m.painVal[i][y]})
			}
		}
	}
	for i := range c.Pain.Components {
		k := &c.Pain.Components[i]
		qe := Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: k.QuantityKey()}
		re := Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: k.RateKey()}
		m.comps = append(m.comps, simComp{k: k, q: addVar(qe, k.Quantity), r: addVar(re, k.Rate), qFixed: k.Quantity.Likely, rFixed: k.Rate.Likely})
	}
	// The derived values come after the drawn ones.
	for _, l := range laters {
		v, _ := shape(m.vars[l.from].est, l.r)
		*l.set = len(m.vars) + len(m.derived)
		m.derived = append(m.derived, simDerived{simVar: v, from: l.from, out: *l.set})
	}
	reserves := ContingencyReserves(c)
	// The risks that may happen, drawn once a trial for every alternative
	// they concern: what one costs when it happens is its contingency plan
	// and what it still costs after the plan, in month 0, as the reserve
	// it replaces.
	m.riskOf = make([]int, len(c.Risks))
	for i := range c.Risks {
		m.riskOf[i] = -1
		rk := &c.Risks[i]
		cost := rk.ContingencyCost + rk.ResidualImpact
		if !withRisks || !(rk.Likelihood > 0) || !finite(cost) {
			continue
		}
		m.riskOf[i] = len(m.risks)
		m.risks = append(m.risks, simRisk{p: rk.Likelihood, cost: cost})
	}
	m.withRisks = withRisks
	m.alts = make([]simAlt, len(c.Alternatives))
	for ai := range c.Alternatives {
		a := &c.Alternatives[ai]
		sa := &m.alts[ai]
		sa.doNothing = a.DoNothing
		if a.DoNothing {
			continue
		}
		for li := range a.Costs {
			k := &a.Costs[li]
			t := simCost{fixed: k.Amount.Likely, heads: -1, tot: make([]float64, m.years), pv: make([]float64, m.years)}
			h := 1.0
			switch {
			case k.PerHead && k.HeadsFrom != "":
				t.heads = slices.Index(heads, k.HeadsFrom)
			case k.PerHead:
				h = k.Heads
			}
			first, last, step := ev.costOccurrences(k)
			for mo := first; mo <= last; mo += step {
				y := yearOf(mo, m.years)
				t.tot[y] += h
				t.pv[y] += h * factors[mo]
			}
			if t.v = addVar(Estimate{Kind: CostEstimate, Alternative: ai, Line: li}, k.Amount); t.v < 0 && t.heads < 0 {
				for y := range m.years {
					sa.fixedCost += t.fixed * t.tot[y]
					sa.fixedPVCost += t.fixed * t.pv[y]
				}
			} else {
				sa.costs = append(sa.costs, t)
			}
		}
		for li := range a.Benefits {
			b := &a.Benefits[li]
			est := Estimate{Kind: BenefitEstimate, Alternative: ai, Line: li}
			sb := simBenefit{basis: b.Basis, tot: make([]float64, m.years), pv: make([]float64, m.years), comp: -1}
			var r Range
			switch ref, isComp := c.Pain.ComponentOf(b.Input); {
			case b.Basis == BenefitAmount:
				r = b.Annual
			case b.Basis == BenefitPainShare:
				r = b.Share
			case b.Basis == BenefitPainInput && isComp:
				r, sb.comp, sb.toLikely = b.To, ref.Index, b.To.Likely
				if ref.Rate {
					sb.side = 1
				}
			case b.Basis == BenefitPainInput:
				i, ok := inputIndex[b.Input]
				if !m.painComplete || !ok || !m.pain.needed[i] {
					continue // worth nothing, as in CalculateWith
				}
				r, sb.input, sb.toLikely = b.To, i, b.To.Likely
				if inputs[i].Floor != "" && !slices.Contains(m.floored, i) {
					m.floored = append(m.floored, i)
				}
			default:
				continue
			}
			sb.fixed = r.Likely
			start, end := ev.sched.benefitSpan(b)
			first, last := ev.span(start, end)
			for mo := first; mo <= last; mo++ {
				y := yearOf(mo, m.years)
				share := rampShare(mo-start, b.RampMonths) / PeriodsPerYear
				sb.tot[y] += share
				sb.pv[y] += share * factors[mo]
			}
			sb.v = addVar(est, r)
			sa.benefits = append(sa.benefits, sb)
		}
		if reserve := reserves[ai]; reserve > 0 && n > 0 && !withRisks {
			sa.fixedCost += reserve
			sa.fixedPVCost += reserve * factors[0]
		}
		if withRisks && n > 0 {
			for i := range c.Risks {
				if slices.Contains(c.Risks[i].Alternatives, a.ID) {
					if j := m.riskOf[i]; j >= 0 {
						sa.risks = append(sa.risks, j)
					}
				}
			}
		}
	}
	return m
}

// simWorker runs trials of a model on one goroutine.
type simWorker struct {
	m    *simModel
	pain *painModel // its own copy of the model's
	src  *rand.PCG
	rng  *rand.Rand // draws from src
	// risks is the stream of the risks' draws, apart from the estimates',
	// so that which risks can happen does not change the estimates drawn.
	risks *rand.PCG
	vals  []float64 // the value of each var, then of each derived one, in this trial
	us    []float64 // the quantile each var was drawn at
	// painAnnual is the yearly cost of pain in this trial, and heads the
	// values per-head costs follow, by year of the model.
	painAnnual []float64
	heads      [][]float64 // by simCost.heads, by year
	year       int         // the year the pain is being evaluated for
	given      func(i int, r Range) float64
	// riskCost is what each risk costs in this trial: nothing unless it
	// happened.
	riskCost []float64
	// floor is, by input index and year, the lowest value a benefit can
	// bring the input to in this trial, where hasFloor.
	floor    [][]float64
	hasFloor []bool
	// baseEnv is the pain model's environment in each year of this trial,
	// with no change made; chain and next are the same as an
	// alternative's lines change it, before and after a line.
	baseEnv, chain, next [][]float64
	// comp is each component's quantity and rate in this trial, and
	// compCur the same as an alternative's lines change them.
	comp, compCur [][2]float64
}

// floored returns x, or the floor of input i in year y when x is below it.
func (w *simWorker) floored(i, y int, x float64) float64 {
	if w.hasFloor[i] && x < w.floor[i][y] {
		return w.floor[i][y]
	}
	return x
}

func (m *simModel) worker() *simWorker {
	src := rand.NewPCG(0, 0)
	w := &simWorker{m: m, src: src, rng: rand.New(src), risks: rand.NewPCG(0, 0), vals: make([]float64, len(m.vars)+len(m.derived)), us: make([]float64, len(m.vars)),
		painAnnual: make([]float64, m.years), heads: make([][]float64, len(m.headsSlot)), riskCost: make([]float64, len(m.risks)),
		comp: make([][2]float64, len(m.comps)), compCur: make([][2]float64, len(m.comps))}
	for h := range w.heads {
		w.heads[h] = make([]float64, m.years)
	}
	if m.pain != nil {
		w.pain = m.pain.clone()
		grid := func() [][]float64 {
			g := make([][]float64, m.years)
			for y := range g {
				g[y] = make([]float64, len(w.pain.env))
			}
			return g
		}
		w.baseEnv, w.chain, w.next = grid(), grid(), grid()
	}
	w.floor, w.hasFloor = make([][]float64, len(inputs)), make([]bool, len(inputs))
	w.given = func(i int, r Range) float64 {
		if v := m.painVal[i][w.year]; v >= 0 {
			return w.vals[v]
		}
		return r.Likely
	}
	return w
}

// seed starts the random stream of a chunk of trials.
func (w *simWorker) seed(seed uint64, chunk int) {
	w.src.Seed(splitmix64(seed), splitmix64(uint64(chunk)+0x9e3779b97f4a7c15))
	w.risks.Seed(splitmix64(seed^0x726973b5), splitmix64(uint64(chunk)+0x5851f42d4c957f2d))
}

// splitmix64 scrambles a number, so that streams seeded with neighbouring
// numbers do not start from neighbouring states.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// draw draws every var for one trial and works out the cost of pain.
func (w *simWorker) draw() {
	d := w.m.dist
	for i := range w.m.vars {
		w.us[i] = w.rng.Float64()
		w.vals[i] = w.m.vars[i].at(d, w.us[i])
	}
	for i := range w.m.derived {
		dv := &w.m.derived[i]
		w.vals[dv.out] = dv.at(d, w.us[dv.from])
	}
	for i, rk := range w.m.risks {
		// A Bernoulli draw: it happens when a uniform draw falls below the
		// likelihood (always, for a likelihood of 1).
		w.riskCost[i] = 0
		if rk.p >= 1 || float64(w.risks.Uint64()>>11)/(1<<53) < rk.p {
			w.riskCost[i] = rk.cost
		}
	}
	clear(w.painAnnual)
	var comps float64
	for i := range w.m.comps {
		k := &w.m.comps[i]
		q, r := k.qFixed, k.rFixed
		if k.q >= 0 {
			q = w.vals[k.q]
		}
		if k.r >= 0 {
			r = w.vals[k.r]
		}
		w.comp[i] = [2]float64{q, r}
		comps += k.k.yearly(q, r)
	}
	for y := range w.painAnnual {
		w.painAnnual[y] = comps
	}
	if !w.m.painComplete {
		return
	}
	clear(w.pain.hasOver)
	for y := range w.m.years {
		w.year = y
		w.painAnnual[y] += w.pain.evalBy(y, w.given)
		copy(w.baseEnv[y], w.pain.env)
		for h, slot := range w.m.headsSlot {
			if slot >= 0 {
				w.heads[h][y] = w.pain.env[slot]
			}
		}
		for _, i := range w.m.floored {
			if w.floor[i] == nil {
				w.floor[i] = make([]float64, w.m.years)
			}
			w.floor[i][y], w.hasFloor[i] = w.pain.floor(i, w.pain.env)
		}
	}
}

// eval returns alternative ai's NPV and ROI (NaN without costs) at the
// values drawn.
func (w *simWorker) eval(ai int) (npv, roi float64) {
	a := &w.m.alts[ai]
	if a.doNothing {
		return 0, math.NaN()
	}
	cost, pvCost := a.fixedCost, a.fixedPVCost
	for _, j := range a.risks {
		cost += w.riskCost[j] // in month 0
		pvCost += w.riskCost[j]
	}
	for i := range a.costs {
		t := &a.costs[i]
		x := t.fixed
		if t.v >= 0 {
			x = w.vals[t.v]
		}
		for y := range t.tot {
			h := 1.0
			if t.heads >= 0 {
				h = w.heads[t.heads][y]
			}
			cost += x * h * t.tot[y]
			pvCost += x * h * t.pv[y]
		}
	}
	var benefit, pvBenefit float64
	pm := w.pain
	if pm != nil {
		clear(pm.hasOver)
		for y := range w.chain {
			copy(w.chain[y], w.baseEnv[y])
		}
	}
	copy(w.compCur, w.comp)
	for i := range a.benefits {
		b := &a.benefits[i]
		x := b.fixed
		if b.v >= 0 {
			x = w.vals[b.v]
		}
		switch {
		case b.comp >= 0:
			// As in CalculateWith: the component's cost as the earlier
			// lines' likely changes left it, less its cost with this
			// line's change, the same in every year.
			cur := &w.compCur[b.comp]
			after := *cur
			after[b.side] = x
			k := w.m.comps[b.comp].k
			annual := k.yearly(cur[0], cur[1]) - k.yearly(after[0], after[1])
			for y := range b.tot {
				benefit += annual * b.tot[y]
				pvBenefit += annual * b.pv[y]
			}
			cur[b.side] = b.toLikely
			continue
		}
		switch b.basis {
		case BenefitAmount:
			for y := range b.tot {
				benefit += x * b.tot[y]
				pvBenefit += x * b.pv[y]
			}
		case BenefitPainShare:
			for y := range b.tot {
				annual := x * w.painAnnual[y]
				benefit += annual * b.tot[y]
				pvBenefit += annual * b.pv[y]
			}
		case BenefitPainInput:
			// As in CalculateWith: valued from the pain as the earlier
			// lines' likely changes left it, year by year, after which
			// this line's likely change stays in place for the lines after
			// it; only what the input changes is worked out again.
			//
			// Where the cost is a straight line in the input, the benefit
			// at the drawn value follows from the cost before the line and
			// after its likely change, and needs no evaluation of its own;
			// unless the likely change is so small against the drawn one
			// that rounding in it would show.
			i, last := b.input, len(pm.env)-1
			linear := pm.linearIn(i)
			for y := range b.tot {
				base := w.chain[y]
				to, likely := w.floored(i, y, x), w.floored(i, y, b.toLikely)
				after := pm.evalChangeIn(w.next[y], base, i, likely)
				if b.tot[y] == 0 && b.pv[y] == 0 {
					continue
				}
				var annual float64
				switch d, dl := to-base[i], likely-base[i]; {
				case to == likely:
					annual = base[last] - after
				case linear && dl != 0 && math.Abs(d) <= 1e4*math.Abs(dl):
					annual = (base[last] - after) * (d / dl)
				default:
					annual = base[last] - pm.evalChange(base, i, to)
				}
				benefit += annual * b.tot[y]
				pvBenefit += annual * b.pv[y]
			}
			w.chain, w.next = w.next, w.chain
			pm.over[i], pm.hasOver[i] = b.toLikely, true
		}
	}
	roi = math.NaN()
	if cost > 0 {
		roi = (benefit - cost) / cost
	}
	return pvBenefit - pvCost, roi
}
