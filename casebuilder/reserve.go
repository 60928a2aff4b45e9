package casebuilder

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// How a percentile reserve is worked out. With up to exactRiskLimit risks
// concerning an alternative, every combination of them happening or not is
// weighed exactly (at most 4,096); with more, reserveTrials draws with the
// fixed seed reserveSeed estimate it, so that the same case always gets
// the same reserve.
const (
	exactRiskLimit = 12
	reserveTrials  = 10000
	reserveSeed    = 0x5eed
)

// ContingencyReserves returns the contingency reserve of each alternative,
// by index, as the case's [ReservePolicy] sizes it from the risks that
// concern the alternative:
//
//   - expected (the default): Σ likelihood × contingency cost;
//   - percentile: the smallest total contingency cost that the combined
//     outcome stays at or below with the policy's probability (0.8 for the
//     P80), each risk happening or not independently with its likelihood
//     and, when it happens, costing its contingency cost;
//   - none: zero.
//
// The do-nothing baseline carries no reserve: every other figure is
// incremental to it. The reserve does not depend on the low, likely or
// high values of the estimates, so it is the same in every scenario,
// sensitivity run and simulation trial.
func ContingencyReserves(c *Case) []float64 {
	out := make([]float64, len(c.Alternatives))
	if c.Reserve.Basis == ReserveNone {
		return out
	}
	concerns := func(rk *Risk, id string) bool { return slices.Contains(rk.Alternatives, id) }
	if c.Reserve.Basis != ReservePercentile {
		for ai := range c.Alternatives {
			a := &c.Alternatives[ai]
			if a.DoNothing {
				continue
			}
			for i := range c.Risks {
				if rk := &c.Risks[i]; concerns(rk, a.ID) {
					out[ai] += rk.Likelihood * rk.ContingencyCost
				}
			}
		}
		return out
	}
	q := c.Reserve.Percentile
	if q <= 0 || q >= 1 {
		q = DefaultReservePercentile
	}
	var sim *reserveDraws // drawn once, shared by every alternative that needs it
	for ai := range c.Alternatives {
		a := &c.Alternatives[ai]
		if a.DoNothing {
			continue
		}
		var certain float64 // risks that are sure to happen
		var idx []int       // risks that may or may not
		for i := range c.Risks {
			rk := &c.Risks[i]
			switch {
			case !concerns(rk, a.ID) || rk.ContingencyCost <= 0 || rk.Likelihood <= 0:
			case rk.Likelihood >= 1:
				certain += rk.ContingencyCost
			default:
				idx = append(idx, i)
			}
		}
		switch {
		case len(idx) == 0:
			out[ai] = certain
		case len(idx) <= exactRiskLimit:
			out[ai] = certain + exactPercentile(c.Risks, idx, q)
		default:
			if sim == nil {
				sim = drawRisks(c.Risks)
			}
			out[ai] = certain + sim.percentile(c.Risks, idx, q)
		}
	}
	return out
}

// exactPercentile returns the q-quantile of Σ B_i × cost_i over the risks
// idx, B_i independent Bernoulli draws with the risks' likelihoods: the
// smallest total whose cumulative probability reaches q.
func exactPercentile(risks []Risk, idx []int, q float64) float64 {
	type outcome struct{ total, prob float64 }
	outcomes := make([]outcome, 1<<len(idx))
	for mask := range outcomes {
		o := outcome{prob: 1}
		for j, i := range idx {
			if mask&(1<<j) != 0 {
				o.total += risks[i].ContingencyCost
				o.prob *= risks[i].Likelihood
			} else {
				o.prob *= 1 - risks[i].Likelihood
			}
		}
		outcomes[mask] = o
	}
	slices.SortFunc(outcomes, func(a, b outcome) int {
		switch {
		case a.total < b.total:
			return -1
		case a.total > b.total:
			return 1
		}
		return 0
	})
	// The tolerance keeps a cumulative probability of 0.8 computed as
	// 0.7999999999999999 from missing a quantile of 0.8.
	var cum float64
	for _, o := range outcomes {
		if cum += o.prob; cum >= q-1e-12 {
			return o.total
		}
	}
	return outcomes[len(outcomes)-1].total
}

// reserveDraws are reserveTrials joint draws of which risks happen.
type reserveDraws struct {
	happens [][]bool // by risk, by trial
}

func drawRisks(risks []Risk) *reserveDraws {
	src := rand.NewPCG(reserveSeed, 0)
	d := &reserveDraws{happens: make([][]bool, len(risks))}
	for i := range risks {
		b := distuv.Bernoulli{P: min(max(risks[i].Likelihood, 0), 1), Src: src}
		h := make([]bool, reserveTrials)
		for t := range h {
			h[t] = b.Rand() == 1
		}
		d.happens[i] = h
	}
	return d
}

// percentile returns the empirical q-quantile of the total contingency
// cost of the risks idx over the draws.
func (d *reserveDraws) percentile(risks []Risk, idx []int, q float64) float64 {
	totals := make([]float64, reserveTrials)
	for _, i := range idx {
		for t, h := range d.happens[i] {
			if h {
				totals[t] += risks[i].ContingencyCost
			}
		}
	}
	slices.Sort(totals)
	return stat.Quantile(q, stat.Empirical, totals, nil)
}
