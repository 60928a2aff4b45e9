package casebuilder

import (
	"testing"
)

// TestWaitsFor checks that an alternative's figures wait for every line
// the user has not valued yet, and for nothing once each has a value, and
// that a new benefit with no value adds no money: the figures of an
// alternative with one cost of €10,000 and an unvalued benefit are those of
// the cost alone (NPV −€10,000 spent in month 0, ROI −100 %).
func TestWaitsFor(t *testing.T) {
	a := Alternative{Name: "Coaching"}
	if got := a.WaitsFor(); got != "waits for its costs and benefits" {
		t.Errorf("no lines: %q", got)
	}
	a.Costs = []Cost{{Name: "Coaches", Kind: OneTime}}
	a.Benefits = []Benefit{{Name: "Fewer leavers", Basis: BenefitPainShare}, {Basis: BenefitAmount}}
	if got, want := a.WaitsFor(), `waits for the amount of cost "Coaches" and 2 more lines`; got != want {
		t.Errorf("nothing valued: %q, want %q", got, want)
	}
	a.Costs[0].Amount = Exactly(10_000)
	if got, want := a.WaitsFor(), `waits for the value of benefit "Fewer leavers" and 1 more line`; got != want {
		t.Errorf("the cost valued: %q, want %q", got, want)
	}
	a.Benefits[0].Share = Exactly(0.05)
	if got, want := a.WaitsFor(), "waits for the value of the 2nd benefit"; got != want {
		t.Errorf("one benefit valued: %q, want %q", got, want)
	}
	a.Benefits[1].Annual = Exactly(1_000)
	if got := a.WaitsFor(); got != "" {
		t.Errorf("every line valued: %q", got)
	}
	if (&Alternative{DoNothing: true}).WaitsFor() != "" {
		t.Error("the baseline waits for something")
	}
	if !(&Benefit{Basis: BenefitPainInput}).Unvalued() || (&Benefit{Basis: BenefitPainInput, Input: "reps"}).Unvalued() {
		t.Error("a benefit that changes an input is valued by the input it changes")
	}

	// An unvalued benefit is worth nothing: only the cost counts.
	c := loadSample(t, "turnover")
	c.Alternatives = append(c.Alternatives[:1], Alternative{ID: "new", Name: "New",
		Costs:    []Cost{{Name: "Coaches", Kind: OneTime, Amount: Exactly(10_000)}},
		Benefits: []Benefit{{Name: "Fewer leavers", Basis: BenefitPainShare}}})
	c.Recommendation.Alternative = "new"
	c.Reserve.Basis = ReserveNone
	res := Calculate(c)
	r := res.Alternatives[1]
	if r.TotalBenefit != 0 || r.TotalCost != 10_000 || r.ROI == nil || *r.ROI != -1 {
		t.Errorf("an unvalued benefit: benefit %v, cost %v, ROI %v; want 0, 10000, -100 %%", r.TotalBenefit, r.TotalCost, r.ROI)
	}
}

// TestSamplesWaitForNothing checks that every line of every sample has a
// value: the samples show their figures.
func TestSamplesWaitForNothing(t *testing.T) {
	for _, name := range []string{"turnover", "ramp", "stress", "tracked"} {
		c := loadSample(t, name)
		for _, a := range c.Alternatives {
			if w := a.WaitsFor(); w != "" {
				t.Errorf("%s: %q %s", name, a.Name, w)
			}
		}
	}
}
