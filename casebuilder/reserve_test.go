package casebuilder

import (
	"fmt"
	"math"
	"testing"
)

func reserveCase(policy ReservePolicy, risks ...Risk) *Case {
	c := smallCase()
	c.Reserve = policy
	c.Risks = risks
	return c
}

func TestPercentileReserveByHand(t *testing.T) {
	on := []string{"a"}
	for _, tt := range []struct {
		name   string
		policy ReservePolicy
		risks  []Risk
		want   float64
	}{
		// One risk of 20 %: P(total ≤ 0) = 0.8, so the P80 is nothing and
		// the P90 is its cost.
		{"one risk, P80", ReservePolicy{Basis: ReservePercentile}, []Risk{{ID: "x", Likelihood: 0.2, ContingencyCost: 1000, Alternatives: on}}, 0},
		{"one risk, P90", ReservePolicy{Basis: ReservePercentile, Percentile: 0.9}, []Risk{{ID: "x", Likelihood: 0.2, ContingencyCost: 1000, Alternatives: on}}, 1000},
		// Two risks of 50 % costing 100 and 300: totals 0, 100, 300 and
		// 400, a quarter each; cumulative 0.25, 0.5, 0.75, 1.
		{"two risks, P50", ReservePolicy{Basis: ReservePercentile, Percentile: 0.5}, []Risk{
			{ID: "x", Likelihood: 0.5, ContingencyCost: 100, Alternatives: on}, {ID: "y", Likelihood: 0.5, ContingencyCost: 300, Alternatives: on}}, 100},
		{"two risks, P75", ReservePolicy{Basis: ReservePercentile, Percentile: 0.75}, []Risk{
			{ID: "x", Likelihood: 0.5, ContingencyCost: 100, Alternatives: on}, {ID: "y", Likelihood: 0.5, ContingencyCost: 300, Alternatives: on}}, 300},
		{"two risks, P80", ReservePolicy{Basis: ReservePercentile}, []Risk{
			{ID: "x", Likelihood: 0.5, ContingencyCost: 100, Alternatives: on}, {ID: "y", Likelihood: 0.5, ContingencyCost: 300, Alternatives: on}}, 400},
		// A certain risk is always in; one of another alternative never.
		{"certain", ReservePolicy{Basis: ReservePercentile}, []Risk{
			{ID: "x", Likelihood: 1, ContingencyCost: 70, Alternatives: on}, {ID: "y", Likelihood: 0.9, ContingencyCost: 300, Alternatives: []string{"none"}}}, 70},
		{"expected", ReservePolicy{}, []Risk{
			{ID: "x", Likelihood: 0.5, ContingencyCost: 100, Alternatives: on}, {ID: "y", Likelihood: 0.25, ContingencyCost: 300, Alternatives: on}}, 125},
		{"none", ReservePolicy{Basis: ReserveNone}, []Risk{{ID: "x", Likelihood: 0.5, ContingencyCost: 100, Alternatives: on}}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := reserveCase(tt.policy, tt.risks...)
			if ps := Validate(c); len(ps) > 0 {
				t.Fatal(ps)
			}
			got := ContingencyReserves(c)
			if got[0] != 0 || got[1] != tt.want {
				t.Errorf("reserves %v, want [0 %v]", got, tt.want)
			}
			// It is the visible reserve line of the costed plan.
			a := Calculate(c).Alternatives[1]
			if a.Reserve != tt.want {
				t.Errorf("reserve in the plan %v", a.Reserve)
			}
			name := "Contingency reserve"
			if tt.policy.Basis == ReservePercentile {
				name = fmt.Sprintf("Contingency reserve (P%g of the risks' contingency costs)", math.Round(1e4*tt.policy.percentile())/100)
			}
			for _, l := range a.Lines {
				if l.Kind == ReserveLine && (l.Total != tt.want || l.Name != name) {
					t.Errorf("reserve line %+v, want %q", l, name)
				}
			}
		})
	}
}

// TestPercentileReserveSimulated: with 13 risks, more than are weighed
// exactly, the reserve comes from seeded draws. Thirteen risks of 50 %
// costing 100 each total 100 × Binomial(13, ½), whose P80 is 800:
// P(≤ 7) = 5,812/8,192 = 0.71 and P(≤ 8) = 7,099/8,192 = 0.87, both far
// from 0.8 beside the sampling error of 10,000 draws (0.005).
func TestPercentileReserveSimulated(t *testing.T) {
	var risks []Risk
	for i := range 13 {
		risks = append(risks, Risk{ID: string(rune('a' + i)), Likelihood: 0.5, ContingencyCost: 100, Alternatives: []string{"a"}})
	}
	c := reserveCase(ReservePolicy{Basis: ReservePercentile}, risks...)
	if got := ContingencyReserves(c)[1]; got != 800 {
		t.Errorf("P80 of 13 risks = %v, want 800", got)
	}
	c.Reserve.Percentile = 0.9
	// P(≤ 8) = 0.867 and P(≤ 9) = 7,814/8,192 = 0.954: the P90 is 900.
	if got := ContingencyReserves(c)[1]; got != 900 {
		t.Errorf("P90 of 13 risks = %v, want 900", got)
	}
	// The same case always gets the same reserve.
	if a, b := ContingencyReserves(c), ContingencyReserves(c); a[1] != b[1] {
		t.Error("not reproducible")
	}
}

// TestPercentileReserveSharedRisks: alternatives facing the same risks
// get the same reserve, worked out once, and one facing others its own.
func TestPercentileReserveSharedRisks(t *testing.T) {
	var risks []Risk
	for i := range 13 {
		risks = append(risks, Risk{ID: string(rune('a' + i)), Likelihood: 0.5, ContingencyCost: 100, Alternatives: []string{"a", "b"}})
	}
	risks = append(risks,
		Risk{ID: "x", Likelihood: 0.5, ContingencyCost: 100, Alternatives: []string{"c"}},
		Risk{ID: "y", Likelihood: 0.5, ContingencyCost: 300, Alternatives: []string{"c"}})
	c := reserveCase(ReservePolicy{Basis: ReservePercentile}, risks...)
	for _, id := range []string{"b", "c"} {
		a := c.Alternatives[1]
		a.ID, a.Name = id, "Alternative "+id
		c.Alternatives = append(c.Alternatives, a)
	}
	// a and b: the P80 of 13 risks, as in TestPercentileReserveSimulated;
	// c: two risks of 50 % costing 100 and 300, whose P80 is 400.
	if got := ContingencyReserves(c); got[1] != 800 || got[2] != 800 || got[3] != 400 {
		t.Errorf("reserves %v, want [0 800 800 400]", got)
	}
}

func TestReservePolicyValidation(t *testing.T) {
	for _, tt := range []struct {
		policy ReservePolicy
		path   string
	}{
		{ReservePolicy{Basis: "worst"}, "reserve.basis"},
		{ReservePolicy{Basis: ReservePercentile, Percentile: 1.5}, "reserve.percentile"},
		{ReservePolicy{Basis: ReservePercentile, Percentile: math.NaN()}, "reserve.percentile"},
		{ReservePolicy{Percentile: 0.8}, "reserve.percentile"},
	} {
		ps := Validate(reserveCase(tt.policy))
		if len(ps) != 1 || ps[0].Path != tt.path {
			t.Errorf("%+v: %v", tt.policy, ps)
		}
	}
}

// BenchmarkCalculateStressPercentile is the full recalculation of the
// stress sample with a P80 reserve: 13 alternatives sharing 250 risks,
// too many to weigh every outcome exactly.
func BenchmarkCalculateStressPercentile(b *testing.B) {
	benchmarkCalculatePercentile(b, "stress")
}

func BenchmarkCalculateTurnoverPercentile(b *testing.B) {
	benchmarkCalculatePercentile(b, "turnover")
}

// benchmarkCalculatePercentile is the full recalculation of a sample with
// a P80 reserve.
func benchmarkCalculatePercentile(b *testing.B, sample string) {
	c := loadSample(b, sample)
	c.Reserve = ReservePolicy{Basis: ReservePercentile}
	benchmarkOn(b, c, func(c *Case) { Calculate(c) })
}

// BenchmarkReservesAtTheLimits sizes P80 reserves for 49 alternatives
// sharing 2,000 risks, the most a case file may hold.
func BenchmarkReservesAtTheLimits(b *testing.B) {
	c := loadSample(b, "turnover")
	c.Reserve = ReservePolicy{Basis: ReservePercentile}
	var ids []string
	for len(c.Alternatives) < 49 {
		a := c.Alternatives[1]
		a.ID = fmt.Sprintf("copy%d", len(c.Alternatives))
		c.Alternatives = append(c.Alternatives, a)
	}
	for _, a := range c.Alternatives[1:] {
		ids = append(ids, a.ID)
	}
	c.Risks = nil
	for i := range 2000 {
		c.Risks = append(c.Risks, Risk{ID: fmt.Sprint("r", i), Likelihood: 0.1 + 0.08*float64(i%10), ContingencyCost: float64(1000 + i), Alternatives: ids})
	}
	for b.Loop() {
		ContingencyReserves(c)
	}
}
