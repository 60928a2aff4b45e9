package casebuilder

import (
	"math"
	"strings"
	"testing"
)

// reworkCase is a pain of €250,000 a year given as one figure, and a
// component of it: 40 orders reworked a month at €250 each, €120,000 a
// year. Its one programme costs €30,000 and brings the reworks down to 25
// a month (a saving of 15 × €250 × 12 = €45,000 a year), then the cost of
// each down to €200 (25 × €50 × 12 = €15,000 a year more). Over twelve
// months at no discount its NPV is €60,000 − €30,000 = €30,000.
func reworkCase() *Case {
	return &Case{
		SchemaVersion: SchemaVersion, Title: "Rework", Currency: "EUR", HorizonMonths: 12,
		Pain: Pain{Category: OtherPain, Inputs: GivenInputs(map[string]Range{"annualCost": Exactly(250_000)}),
			Components: []Component{{ID: "rework", Name: "Rework of faulty orders", Counts: "orders reworked", Per: PerMonth,
				Quantity: Exactly(40), Rate: Exactly(250), Source: "Quality log, 2026"}}},
		Alternatives: []Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "fix", Name: "Right first time",
				Costs: []Cost{{Name: "Training", Kind: OneTime, Amount: Exactly(30_000)}},
				Benefits: []Benefit{
					{Name: "Fewer reworks", Basis: BenefitPainInput, Input: "rework", To: Exactly(25)},
					{Name: "Cheaper reworks", Basis: BenefitPainInput, Input: "rework.rate", To: Exactly(200)},
				}},
			{ID: "share", Name: "A tenth of the pain",
				Costs:    []Cost{{Name: "Consultants", Kind: OneTime, Amount: Exactly(30_000)}},
				Benefits: []Benefit{{Name: "A tenth", Basis: BenefitPainShare, Share: Exactly(0.1)}}},
		},
	}
}

func TestComponentCost(t *testing.T) {
	c := reworkCase()
	if ps := Validate(c); len(ps) != 0 {
		t.Fatalf("the case is invalid: %v", ps)
	}
	p := CostOfPain(&c.Pain)
	if p.Annual != 370_000 {
		t.Errorf("the pain costs %v a year, want 250,000 + 40 × 250 × 12 = 370,000", p.Annual)
	}
	if len(p.Parts) != 2 || p.Parts[1].Label != "Rework of faulty orders" || p.Parts[1].Annual != 120_000 || p.Parts[1].Money != Cash {
		t.Errorf("parts %+v, want the calculator's then the rework's, €120,000 of cash", p.Parts)
	}
	var labels []string
	for _, w := range p.Working {
		labels = append(labels, w.Label)
	}
	want := "Rework of faulty orders: orders reworked a month|Rework of faulty orders: cost of each|Rework of faulty orders: yearly cost|Yearly cost of the pain, every part"
	if got := strings.Join(labels[len(labels)-4:], "|"); got != want {
		t.Errorf("the working ends %q, want %q", got, want)
	}
	if last := p.Working[len(p.Working)-1]; last.Value != 370_000 {
		t.Errorf("the working's total reads %v", last.Value)
	}

	res := Calculate(c)
	fix, share := res.Alternatives[1], res.Alternatives[2]
	if fix.TotalBenefit != 60_000 || fix.NPV != 30_000 {
		t.Errorf("the programme brings %v, NPV %v; want 45,000 + 15,000 = 60,000 and 30,000", fix.TotalBenefit, fix.NPV)
	}
	if fix.CashNPV != 30_000 {
		t.Errorf("its cash NPV is %v: the rework is cash, so it should be the NPV, 30,000", fix.CashNPV)
	}
	if share.TotalBenefit != 37_000 {
		t.Errorf("a tenth of the pain brings %v, want a tenth of 370,000", share.TotalBenefit)
	}

	// The lines in the other order: the cost of each first, at 40
	// reworks (40 × 50 × 12 = 24,000), then the reworks at €200 (15 × 200
	// × 12 = 36,000): the same 60,000.
	c.Alternatives[1].Benefits[0], c.Alternatives[1].Benefits[1] = c.Alternatives[1].Benefits[1], c.Alternatives[1].Benefits[0]
	lines := Calculate(c).Alternatives[1].Lines
	var got []float64
	for _, l := range lines {
		if l.Kind == BenefitLine {
			got = append(got, l.Total)
		}
	}
	if len(got) != 2 || got[0] != 24_000 || got[1] != 36_000 {
		t.Errorf("the lines in the other order bring %v, want [24000 36000]", got)
	}
}

func TestComponentSimulated(t *testing.T) {
	c := reworkCase()
	sim := Simulate(c, SimulationOptions{Trials: 2000, Seed: 1, Distribution: Triangular})
	if got := sim.Alternatives[1].NPVMean; math.Abs(got-30_000) > 1e-6 {
		t.Errorf("with every figure exact, every trial's NPV is 30,000; the mean is %v", got)
	}
	// Reworks of 30 to 50 a month, 40 most likely: the first line saves
	// (q − 25) × 3,000 a year, the second 15,000 whatever q is, as it
	// follows the first line's likely 25. The NPV is (q − 25) × 3,000 −
	// 15,000: 30,000 on average, and at the 10th percentile of the
	// symmetric triangle, q = 30 + √(0.1 × 20 × 10) = 34.472, 13,416.
	c.Pain.Components[0].Quantity = Range{30, 40, 50}
	sim = Simulate(c, SimulationOptions{Trials: 20_000, Seed: 1, Distribution: Triangular})
	fix := sim.Alternatives[1]
	if math.Abs(fix.NPVMean-30_000) > 300 {
		t.Errorf("mean NPV %v, want about 30,000", fix.NPVMean)
	}
	if p10 := (30+math.Sqrt(20))*3000 - 25*3000 - 15_000; math.Abs(fix.NPVP10-p10) > 300 {
		t.Errorf("10th percentile %v, want about %.0f", fix.NPVP10, p10)
	}
	// A tenth of a pain of 250,000 + q × 3,000: 37,000 on average, less
	// the 30,000.
	if got := sim.Alternatives[2].NPVMean; math.Abs(got-7_000) > 100 {
		t.Errorf("a tenth of the pain: mean NPV %v, want about 7,000", got)
	}
}

func TestComponentProblems(t *testing.T) {
	for _, tc := range []struct {
		name       string
		change     func(c *Case)
		path, says string
	}{
		{"a calculator's key", func(c *Case) { c.Pain.Components[0].ID = "annualCost" }, "pain.components[0].id", "key of a line"},
		{"a dot", func(c *Case) { c.Pain.Components[0].ID = "re.work" }, "pain.components[0].id", "must not contain '.'"},
		{"no name", func(c *Case) { c.Pain.Components[0].Name = " " }, "pain.components[0].name", "must not be empty"},
		{"no count", func(c *Case) { c.Pain.Components[0].Counts = "" }, "pain.components[0].counts", "what the quantity counts"},
		{"a week", func(c *Case) { c.Pain.Components[0].Per = "week" }, "pain.components[0].per", `"month" or "year"`},
		{"falling", func(c *Case) { c.Pain.Components[0].Quantity = Range{50, 40, 30} }, "pain.components[0].quantity", ""},
		{"negative", func(c *Case) { c.Pain.Components[0].Rate = Exactly(-1) }, "pain.components[0].rate", ""},
		{"two of one", func(c *Case) { c.Pain.Components = append(c.Pain.Components, c.Pain.Components[0]) }, "pain.components[1].id", ""},
		{"a benefit to nothing", func(c *Case) { c.Alternatives[1].Benefits[0].Input = "rewrok" }, "alternatives[1].benefits[0].input", ""},
		{"a KPI of nothing", func(c *Case) { c.Measures = []Measure{{Name: "Reworks", PainInput: "rewrok"}} }, "measures[0].painInput", "component"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := reworkCase()
			tc.change(c)
			ps := Validate(c)
			for _, p := range ps {
				if p.Path == tc.path && strings.Contains(p.Message, tc.says) {
					return
				}
			}
			t.Errorf("no problem at %s saying %q: %v", tc.path, tc.says, ps)
		})
	}
	c := reworkCase()
	c.Measures = []Measure{{Name: "Reworks a month", PainInput: "rework"}}
	for _, p := range Validate(c) {
		if strings.HasPrefix(p.Path, "measures[0].painInput") {
			t.Errorf("a KPI tied to a component: %v", p)
		}
	}
}

func TestComponentBreakEven(t *testing.T) {
	// With reworks of 30 to 50 a month, the programme's NPV is (q − 25) ×
	// 3,000 − 15,000 (see TestComponentSimulated): zero at q = 30, and
	// swinging 60,000 between the low and the high.
	c := reworkCase()
	c.Pain.Components[0].Quantity = Range{30, 40, 50}
	c.Recommendation = Recommendation{Alternative: "fix", Reason: "By hand"}
	res := Calculate(c)
	tornado := Sensitivity(c, res)
	var found bool
	for _, d := range tornado.Drivers {
		if d.Path == "pain.components[0].quantity" {
			found = true
			if d.Input != "Rework of faulty orders: orders reworked a month" || d.Unit != "count" || d.NPVLow != 0 || d.NPVHigh != 60_000 {
				t.Errorf("the tornado's driver %+v", d)
			}
		}
	}
	if !found {
		t.Fatalf("no driver for the reworks: %+v", tornado.Drivers)
	}
	for _, be := range BreakEvens(c, res, tornado) {
		if be.Path == "pain.components[0].quantity" {
			if be.Value == nil || math.Abs(*be.Value-30) > 1e-6 || !be.Rising {
				t.Errorf("break-even of the reworks %+v, want 30, rising", be)
			}
			return
		}
	}
	t.Error("no break-even for the reworks")
}
