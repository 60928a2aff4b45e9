package casebuilder

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"
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
	q := c.Reserve.percentile()
	var sim *reserveDraws // drawn once, shared by every alternative that needs it
	// Alternatives often share the same risks: their percentile is worked
	// out once, which keeps a case with many alternatives and many risks
	// quick.
	done := map[string]float64{}
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
		key := riskSetKey(idx)
		p, ok := done[key]
		switch {
		case ok:
		case len(idx) == 0:
		case len(idx) <= exactRiskLimit:
			p = exactPercentile(c.Risks, idx, q)
		default:
			if sim == nil {
				sim = &reserveDraws{happens: map[int][]uint64{}}
			}
			p = sim.percentile(c.Risks, idx, q)
		}
		done[key] = p
		out[ai] = certain + p
	}
	return out
}

// riskSetKey names a set of risks by their indexes, in order.
func riskSetKey(idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
	}
	return b.String()
}

// percentile returns the fraction of outcomes a percentile reserve covers.
func (p ReservePolicy) percentile() float64 {
	if p.Percentile <= 0 || p.Percentile >= 1 {
		return DefaultReservePercentile
	}
	return p.Percentile
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

// reserveDraws are reserveTrials draws of whether each risk happens, made
// when first needed: risk i's come from their own stream, seeded with
// reserveSeed and i, so that every alternative sees the same draws of a
// risk they share, whatever the order of the work.
type reserveDraws struct {
	happens map[int][]uint64 // by risk: a bit per trial
}

func (d *reserveDraws) of(rk *Risk, i int) []uint64 {
	if h, ok := d.happens[i]; ok {
		return h
	}
	rng := rand.New(rand.NewPCG(reserveSeed, uint64(i)))
	h := make([]uint64, (reserveTrials+63)/64)
	for t := range reserveTrials {
		// A Bernoulli draw: it happens when a uniform draw falls below
		// the likelihood.
		if rng.Float64() < rk.Likelihood {
			h[t/64] |= 1 << (t % 64)
		}
	}
	d.happens[i] = h
	return h
}

// percentile returns the empirical q-quantile of the total contingency
// cost of the risks idx over the draws.
func (d *reserveDraws) percentile(risks []Risk, idx []int, q float64) float64 {
	totals := make([]float64, reserveTrials)
	for _, i := range idx {
		cost := risks[i].ContingencyCost
		for w, word := range d.of(&risks[i], i) {
			for ; word != 0; word &= word - 1 { // each trial in which it happens
				totals[w*64+bits.TrailingZeros64(word)] += cost
			}
		}
	}
	slices.Sort(totals)
	return stat.Quantile(q, stat.Empirical, totals, nil)
}
