package casebuilder

import (
	"math"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// TestSensitivityByHand checks the tornado of a small case against NPV
// changes worked out by hand: each input moves the NPV by exactly its own
// extra present value.
func TestSensitivityByHand(t *testing.T) {
	c := smallCase()
	c.DiscountRate = 0.1
	c.Recommendation.Alternative = "a"
	// The pain: hires × 6 months × 100,000 × 0.75 × 0.5 = hires × 225,000.
	c.Pain.Inputs["hiresPerYear"] = Given(Range{8, 10, 12})
	c.Pain.Inputs["reps"] = Given(Range{1, 2, 3}) // not read by the ramp-up calculator
	a := &c.Alternatives[1]
	a.Benefits = append(a.Benefits, Benefit{Name: "share", Basis: BenefitPainShare, Share: Exactly(0.1)})
	f := func(m int) float64 { return math.Pow(1.1, -float64(m)/12) }

	res := Calculate(c)
	tor := Sensitivity(c, res)
	if tor.ID != "a" || tor.BaseNPV != res.Alternatives[1].NPV || len(tor.Drivers) != 3 {
		t.Fatalf("tornado of %q, base %v, %d drivers: %+v", tor.ID, tor.BaseNPV, len(tor.Drivers), tor.Drivers)
	}
	// Hires from 10 to 8 (12): the share line loses (gains) 0.1 × 2 ×
	// 225,000 = 45,000 a year, 3,750 in each of the twelve months.
	var all float64
	for m := range 12 {
		all += f(m)
	}
	// Savings at 1,200 (3,000) instead of 2,400 a year: −100 (+50) a
	// month at full effect, ramping over four months from month 3.
	var ramped float64
	for m := 3; m < 12; m++ {
		ramped += math.Min(1, float64(m-2)/4) * f(m)
	}
	base := tor.BaseNPV
	want := []struct {
		input, path, kind string
		npvLow, npvHigh   float64
	}{
		{"New sales hires a year", "pain.inputs.hiresPerYear", "pain", base - 3750*all, base + 3750*all},
		{"savings", "alternatives[1].benefits[0].annual", "benefit", base - 100*ramped, base + 50*ramped},
		// The licence, 2 heads, paid once within the year in month 1: 2 ×
		// (40 − 50) less, or 2 × (70 − 50) more.
		{"licence", "alternatives[1].costs[2].amount", "cost", base + 20*f(1), base - 40*f(1)},
	}
	for i, w := range want {
		d := tor.Drivers[i]
		if d.Input != w.input || d.Path != w.path || d.Kind != w.kind {
			t.Errorf("driver %d = %s (%s, %s), want %s", i, d.Input, d.Path, d.Kind, w.input)
			continue
		}
		if !near(d.NPVLow, w.npvLow, 1e-6) || !near(d.NPVHigh, w.npvHigh, 1e-6) || !near(d.Swing, math.Abs(w.npvHigh-w.npvLow), 1e-6) {
			t.Errorf("%s: NPV %v to %v, want %v to %v", d.Input, d.NPVLow, d.NPVHigh, w.npvLow, w.npvHigh)
		}
	}
	if len(tor.Top) != 3 || tor.Top[0] != "New sales hires a year" {
		t.Errorf("top drivers %v", tor.Top)
	}
	if d := tor.Drivers[2]; d.Low != 40 || d.Likely != 50 || d.High != 70 || d.Unit != figure.Money {
		t.Errorf("licence values %v, %v, %v %s", d.Low, d.Likely, d.High, d.Unit)
	}
}

func TestSensitivityOfDoNothing(t *testing.T) {
	c := smallCase()
	c.Recommendation.Alternative = "none"
	if tor := Sensitivity(c, Calculate(c)); tor.ID != "none" || len(tor.Drivers) != 0 || len(tor.Top) != 0 {
		t.Errorf("%+v", tor)
	}
	c.Alternatives = nil
	if tor := Sensitivity(c, Calculate(c)); tor.Alternative != -1 || tor.Drivers == nil {
		t.Errorf("%+v", tor)
	}
}

// TestSensitivityTurnover checks the tornado of the sample against a
// direct use of CalculateWith for its largest driver.
func TestSensitivityTurnover(t *testing.T) {
	c := loadSample(t, "turnover")
	tor := Sensitivity(c, Calculate(c))
	if tor.ID != "onboarding" || len(tor.Drivers) != 13 || len(tor.Top) != 3 {
		t.Fatalf("%q: %d drivers, top %v", tor.ID, len(tor.Drivers), tor.Top)
	}
	for i := 1; i < len(tor.Drivers); i++ {
		if tor.Drivers[i].Swing > tor.Drivers[i-1].Swing {
			t.Errorf("not sorted at %d", i)
		}
	}
	d := tor.Drivers[0]
	high := CalculateWith(c, func(e Estimate, r Range) float64 {
		if e == d.Estimate {
			return r.High
		}
		return r.Likely
	})
	if got := high.Alternatives[1].NPV; got != d.NPVHigh {
		t.Errorf("%s at its high: NPV %v, CalculateWith %v", d.Input, d.NPVHigh, got)
	}
}

// BenchmarkSensitivityStress is the tornado of the stress sample's
// recommended alternative (44 lines and four pain inputs, each at its low
// and its high).
func BenchmarkSensitivityStress(b *testing.B) {
	c := loadSample(b, "stress")
	res := Calculate(c)
	b.ReportAllocs()
	for b.Loop() {
		Sensitivity(c, res)
	}
}
