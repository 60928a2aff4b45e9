package casebuilder

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestWaitsFor checks that an alternative's figures wait for every line
// the user has not valued yet, and for nothing once each has a value, and
// that a new benefit with no value adds no money: the figures of an
// alternative with one cost of €10,000 and an unvalued benefit are those of
// the cost alone (€10,000 of cost, no benefit, ROI −100 %).
func TestWaitsFor(t *testing.T) {
	c := loadSample(t, "turnover")
	c.Alternatives = append(c.Alternatives[:1], Alternative{ID: "new", Name: "New"})
	c.Recommendation.Alternative = "new"
	c.Reserve.Basis = ReserveNone
	a := &c.Alternatives[1]
	if got := c.WaitsFor(1); got != "waits for its costs and benefits" {
		t.Errorf("no lines: %q", got)
	}
	a.Costs = []Cost{{Name: "Coaches", Kind: OneTime}}
	a.Benefits = []Benefit{{Name: "Fewer leavers", Basis: BenefitPainShare}, {Basis: BenefitAmount}}
	if got, want := c.WaitsFor(1), `waits for the amount of cost "Coaches" and 2 more lines`; got != want {
		t.Errorf("nothing valued: %q, want %q", got, want)
	}
	if got, want := c.WaitingLines(1), map[LineRef]bool{{CostLine, 0}: true, {BenefitLine, 0}: true, {BenefitLine, 1}: true}; !maps.Equal(got, want) {
		t.Errorf("WaitingLines with nothing valued: %v, want the cost and both benefits", got)
	}
	a.Costs[0].Amount = Exactly(10_000)
	if c.WaitingLines(1)[LineRef{CostLine, 0}] {
		t.Error("WaitingLines: the cost of €10,000 still waits")
	}
	if got, want := c.WaitsFor(1), `waits for the value of benefit "Fewer leavers" and 1 more line`; got != want {
		t.Errorf("the cost valued: %q, want %q", got, want)
	}
	// Unvalued lines are worth nothing: only the cost counts.
	r := Calculate(c).Alternatives[1]
	if r.TotalBenefit != 0 || r.TotalCost != 10_000 || r.ROI == nil || *r.ROI != -1 {
		t.Errorf("unvalued benefits: benefit %v, cost %v, ROI %v; want 0, 10000, -100 %%", r.TotalBenefit, r.TotalCost, r.ROI)
	}
	a.Benefits[0].Share = Exactly(0.05)
	if got, want := c.WaitsFor(1), "waits for the value of the 2nd benefit"; got != want {
		t.Errorf("one benefit valued: %q, want %q", got, want)
	}
	a.Benefits[1].Annual = Exactly(1_000)
	if got := c.WaitsFor(1); got != "" {
		t.Errorf("every line valued: %q", got)
	}
	// A benefit that changes an input waits while its new value is the
	// input's value today (33 % attrition in the sample): no change.
	a.Benefits = append(a.Benefits, Benefit{Name: "Keep them", Basis: BenefitPainInput, Input: "attritionRate", To: Exactly(c.Pain.Inputs["attritionRate"].Likely)})
	if got, want := c.WaitsFor(1), `waits for the new value of benefit "Keep them"`; got != want {
		t.Errorf("an input changed to its value today: %q, want %q", got, want)
	}
	if got, want := c.WaitingLines(1), map[LineRef]bool{{BenefitLine, 2}: true}; !maps.Equal(got, want) {
		t.Errorf("WaitingLines: %v, want the 3rd benefit alone", got)
	}
	a.Benefits[2].To = Exactly(0.25)
	if len(c.WaitingLines(1)) > 0 {
		t.Error("WaitingLines: the benefit from 33 % to 25 % still waits")
	}
	if got := c.WaitsFor(1); got != "" {
		t.Errorf("an input changed from 33 %% to 25 %%: %q", got)
	}
	a.Benefits[2].Input = ""
	if got, want := c.WaitsFor(1), `waits for the value of benefit "Keep them"`; got != want {
		t.Errorf("no input chosen: %q, want %q", got, want)
	}
	if c.WaitsFor(0) != "" || c.WaitsFor(9) != "" {
		t.Error("the baseline, or an alternative that is not there, waits for something")
	}
}

// TestSamplesWaitForNothing checks that every line of every sample has a
// value: the samples show their figures.
func TestSamplesWaitForNothing(t *testing.T) {
	for _, name := range []string{"turnover", "ramp", "stress", "tracked"} {
		c := loadSample(t, name)
		for i, a := range c.Alternatives {
			if w := c.WaitsFor(i); w != "" {
				t.Errorf("%s: %q %s", name, a.Name, w)
			}
		}
	}
}

// TestRatesReasonRoundTrip checks that the reason for the discount rate
// and the horizon is kept by the file, is left out of it while empty, and
// is checked as every text is: a control character in it is named with
// its field, and a reason longer than any text may be is refused.
func TestRatesReasonRoundTrip(t *testing.T) {
	c := loadSample(t, "turnover")
	c.RatesReason = ""
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "ratesReason") {
		t.Error("an empty reason is written to the file")
	}
	c.RatesReason = "8 %: Finance's cost of capital for projects; 36 months: the plan's length."
	if data, err = Encode(c); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil || back.RatesReason != c.RatesReason {
		t.Fatalf("read back %q, %v; want %q", back.RatesReason, err, c.RatesReason)
	}
	c.RatesReason = "8 %\x07"
	if ps := Validate(c); !slices.ContainsFunc(ps, func(p Problem) bool {
		return p.Path == "ratesReason" && strings.Contains(p.Message, "control character (U+0007)")
	}) {
		t.Errorf("a control character in the reason: %v", ps)
	}
	long := strings.Replace(string(data), `"ratesReason": "8 %`, `"ratesReason": "`+strings.Repeat("x", MaxText), 1)
	if long == string(data) {
		t.Fatal("the reason is not in the file as expected")
	}
	if _, err := Decode([]byte(long)); err == nil || !strings.Contains(err.Error(), "ratesReason") {
		t.Errorf("a reason of %d bytes: %v", MaxText+10, err)
	}
	if got := StepFor("ratesReason"); got != StepCompare {
		t.Errorf("the reason is fixed on %s, want Compare", got)
	}
}
