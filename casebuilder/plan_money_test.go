package casebuilder

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// anchoredCase is a case whose money follows its plan, with no discount,
// no risks and a horizon of a year from January 2027, so that every figure
// is a sum that can be worked by hand. The pilot runs from 1 February to
// 31 March; the roll-out from 1 April to 30 June.
func anchoredCase() *Case {
	return &Case{
		SchemaVersion: SchemaVersion, Title: "Anchored", Currency: "EUR", HorizonMonths: 12,
		StartDate: Date{2027, 1, 1},
		Alternatives: []Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "a", Name: "A",
				Costs: []Cost{
					{Name: "Design", Kind: OneTime, Amount: Exactly(10_000)},
					// From the pilot's start until the roll-out ends.
					{Name: "Coaches", Kind: Monthly, Amount: Exactly(500),
						StartAt: &Anchor{Milestone: "pilot", At: AtStart}, EndAt: &Anchor{Milestone: "rollout", At: AtEnd}},
					// A month after the pilot ends.
					{Name: "Licence", Kind: OneTime, Amount: Exactly(2_000), StartAt: &Anchor{Milestone: "pilot", At: AtEnd, OffsetMonths: 1}},
				},
				Benefits: []Benefit{
					// 12,000 a year, 1,000 a month, from the end of the roll-out.
					{Name: "Savings", Basis: BenefitAmount, Annual: Exactly(12_000), Money: Cash,
						StartAt: &Anchor{Milestone: "rollout", At: AtEnd}},
				},
			},
		},
		Plan: Plan{Milestones: []Milestone{
			{ID: "pilot", Name: "Pilot", Start: Date{2027, 2, 1}, End: Date{2027, 3, 31}},
			{ID: "rollout", Name: "Roll-out", Start: Date{2027, 4, 1}, End: Date{2027, 6, 30}},
		}},
	}
}

func TestAnchoredLinesByHand(t *testing.T) {
	c := anchoredCase()
	if ps := Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	a := Calculate(c).Alternatives[1]
	// Design 10,000 in January; coaches 500 from February (the pilot's
	// start) through June (the roll-out ends on 30 June, so it ends at
	// July); the licence in May (the pilot ends at April, plus a month);
	// savings of 1,000 a month from July.
	wantCosts := []float64{10_000, 500, 500, 500, 2_500, 500, 0, 0, 0, 0, 0, 0}
	wantBenefits := []float64{0, 0, 0, 0, 0, 0, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000}
	for m := range 12 {
		if a.Costs[m] != wantCosts[m] || a.Benefits[m] != wantBenefits[m] {
			t.Errorf("month %d: cost %v benefit %v, want %v and %v", m+1, a.Costs[m], a.Benefits[m], wantCosts[m], wantBenefits[m])
		}
	}
	// 6,000 of savings against 10,000 + 5 × 500 + 2,000 = 14,500.
	if a.NPV != 6_000-14_500 {
		t.Errorf("NPV = %v, want -8,500", a.NPV)
	}
	lines := map[string]LineResult{}
	for _, l := range a.Lines {
		lines[l.Name] = l
	}
	if l := lines["Coaches"]; l.StartMonth != 1 || l.EndMonth == nil || *l.EndMonth != 5 {
		t.Errorf("coaches from month %d to %v, want 1 to 5", l.StartMonth, l.EndMonth)
	}
	if l := lines["Licence"]; l.StartMonth != 4 || l.EndMonth != nil {
		t.Errorf("licence in month %d (end %v), want 4 and no end", l.StartMonth, l.EndMonth)
	}
	if l := lines["Savings"]; l.StartMonth != 6 || l.EndMonth == nil || *l.EndMonth != 11 {
		t.Errorf("savings from month %d to %v, want 6 to the horizon's 11", l.StartMonth, l.EndMonth)
	}
}

// TestMovingAMilestoneMovesTheMoney: the roll-out three months later keeps
// the coaches three months longer and starts the savings three months
// later, so the NPV falls by 3 × 500 + 3 × 1,000 = 4,500, to -13,000.
func TestMovingAMilestoneMovesTheMoney(t *testing.T) {
	c := anchoredCase()
	before := Calculate(c).Alternatives[1]
	c.Plan.Milestones[1].End = Date{2027, 9, 30}
	after := Calculate(c).Alternatives[1]
	if after.NPV != -13_000 || before.NPV-after.NPV != 4_500 {
		t.Errorf("NPV %v, then %v; want -8,500, then -13,000", before.NPV, after.NPV)
	}
	for m := range 12 {
		if want := 0.0; m >= 9 {
			want = 1_000
			if after.Benefits[m] != want {
				t.Errorf("month %d: benefit %v, want %v", m+1, after.Benefits[m], want)
			}
		} else if after.Benefits[m] != want {
			t.Errorf("month %d: benefit %v before the roll-out ends", m+1, after.Benefits[m])
		}
	}
	// The sensitivity and the simulation follow the plan too: with every
	// estimate exact, the simulation's NPV is the calculated one.
	sim := Simulate(c, SimulationOptions{Trials: 10})
	if got := sim.Alternatives[1].NPVP50; got != -13_000 {
		t.Errorf("simulated NPV %v, want -13,000", got)
	}
	// With a discount rate of 10 % a year, month t is worth 1.1^(−t/12).
	c.DiscountRate = 0.1
	want := -10_000.0
	for t := 1; t <= 8; t++ { // coaches, February to September
		want -= 500 * math.Pow(1.1, -float64(t)/12)
	}
	want -= 2_000 * math.Pow(1.1, -4.0/12) // the licence in May
	for t := 9; t <= 11; t++ {             // savings, October to December
		want += 1_000 * math.Pow(1.1, -float64(t)/12)
	}
	if got := Calculate(c).Alternatives[1].NPV; math.Abs(got-want) > 1e-9 {
		t.Errorf("discounted NPV %v, want %v", got, want)
	}
}

func TestAnchorProblems(t *testing.T) {
	checkProblems(t, anchoredCase, []problemCase{
		{"no such milestone", func(c *Case) { c.Alternatives[1].Costs[1].StartAt.Milestone = "launch" },
			"alternatives[1].costs[1].startAt.milestone", `no milestone of the plan has the ID "launch"`},
		{"no end date", func(c *Case) { c.Plan.Milestones[1].End = Date{} },
			"alternatives[1].costs[1].endAt.milestone", `milestone "rollout" has no end date to anchor to`},
		{"no start date", func(c *Case) { c.Plan.Milestones[0].Start = Date{} },
			"alternatives[1].costs[1].startAt.milestone", `milestone "pilot" has no start date`},
		{"no case start", func(c *Case) { c.StartDate = Date{} },
			"alternatives[1].costs[1].startAt", "needs the case's start date"},
		{"a point that is not one", func(c *Case) { c.Alternatives[1].Benefits[0].StartAt.At = "middle" },
			"alternatives[1].benefits[0].startAt.at", `must be "start" or "end"`},
		{"a one-time cost with an end", func(c *Case) { c.Alternatives[1].Costs[2].EndAt = &Anchor{Milestone: "pilot", At: AtEnd} },
			"alternatives[1].costs[2].endAt", "a one-time cost has no end"},
		{"both an end month and an end anchor", func(c *Case) { c.Alternatives[1].Costs[1].EndMonth = intPtr(4) },
			"alternatives[1].costs[1].endMonth", "leave endMonth out"},
	})
}

// problemCase is a change to a valid case, and the problem Validate must
// then find at path, saying says.
type problemCase struct {
	name   string
	change func(c *Case)
	path   string
	says   string
}

// checkProblems makes each change to a case from valid, and checks that
// Validate finds its problem.
func checkProblems(t *testing.T, valid func() *Case, tests []problemCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.change(c)
			ps := Validate(c)
			if i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == tt.path && strings.Contains(p.Message, tt.says) }); i < 0 {
				t.Errorf("problems %v, want %q at %s", ps, tt.says, tt.path)
			}
		})
	}
}

// gateCase is anchoredCase with a gate when the pilot ends: the decision
// falls at April, after 10,000 of design and two months of coaches.
func gateCase() *Case {
	c := anchoredCase()
	c.Recommendation.Alternative = "a"
	c.Measures = []Measure{{ID: "ramp", Name: "Months to full productivity", Unit: "months", Baseline: 6, Target: 5}}
	c.Plan.Gates = []Gate{{ID: "pilot-review", Name: "Pilot review", Milestone: "pilot", DecidedBy: "CEO",
		Thresholds: []Threshold{{Measure: "ramp", Comparison: AtMost, Value: 5.5}}, ExitCost: 2_000}}
	return c
}

func TestGateByHand(t *testing.T) {
	c := gateCase()
	if ps := Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	// The pilot ends on 31 March: the review is decided on 1 April.
	if day, ok := c.GateDay(&c.Plan.Gates[0]); !ok || day != (Date{2027, 4, 1}) {
		t.Errorf("the gate at the pilot's end is decided on %v (%v), want 2027-04-01", day, ok)
	}
	g := Calculate(c).Gates[0]
	// Spent before April: 10,000 + 2 × 500 (February and March). Stopped
	// there, every line stops and the exit costs 2,000: -11,000 - 2,000.
	if g.Month != 3 || g.SpentBefore != 11_000 || g.NetIfStopped != -13_000 {
		t.Errorf("gate %+v, want month 3, 11,000 spent and -13,000 if stopped", g)
	}
	// Stopping only the coaches: the licence (2,000 in May) and the
	// savings (6,000 from July) go on: -11,000 - 2,000 - 2,000 + 6,000.
	c.Plan.Gates[0].Stops = []string{"Coaches"}
	if g := Calculate(c).Gates[0]; g.NetIfStopped != -9_000 {
		t.Errorf("stopping the coaches only: %v, want -9,000", g.NetIfStopped)
	}
	// On a date instead: 15 June falls in month 5.
	c.Plan.Gates[0].Milestone, c.Plan.Gates[0].Date = "", Date{2027, 6, 15}
	if day, ok := c.GateDay(&c.Plan.Gates[0]); !ok || day != (Date{2027, 6, 15}) {
		t.Errorf("the gate on 15 June is decided on %v (%v)", day, ok)
	}
	if g := Calculate(c).Gates[0]; g.Month != 5 || g.SpentBefore != 10_000+4*500+2_000 {
		t.Errorf("on 15 June: %+v, want month 5 and 14,000 spent", g)
	}
	// A milestone ending on the last day of a year: the next year's first.
	c.Plan.Gates[0].Milestone, c.Plan.Gates[0].Date = "rollout", Date{}
	c.Plan.Milestones[1].End = Date{2027, 12, 31}
	if day, ok := c.GateDay(&c.Plan.Gates[0]); !ok || day != (Date{2028, 1, 1}) {
		t.Errorf("the gate after 31 December is decided on %v (%v), want 2028-01-01", day, ok)
	}
	c.Plan.Milestones[1].End = Date{}
	if _, ok := c.GateDay(&c.Plan.Gates[0]); ok {
		t.Error("a gate at a milestone without an end date has a day")
	}
	if th := c.Plan.Gates[0].Thresholds[0]; !th.Comparison.Met(5.4, th.Value) || th.Comparison.Met(5.6, th.Value) {
		t.Error("at most 5.5 months: 5.4 meets it, 5.6 does not")
	}
}

func TestGateProblems(t *testing.T) {
	checkProblems(t, gateCase, []problemCase{
		{"no such milestone", func(c *Case) { c.Plan.Gates[0].Milestone = "launch" }, "plan.gates[0].milestone", `no milestone of the plan has the ID "launch"`},
		{"a milestone and a date", func(c *Case) { c.Plan.Gates[0].Date = Date{2027, 5, 1} }, "plan.gates[0].date", "not both"},
		{"no such KPI", func(c *Case) { c.Plan.Gates[0].Thresholds[0].Measure = "nps" }, "plan.gates[0].thresholds[0].measure", `no KPI has the ID "nps"`},
		{"no comparison", func(c *Case) { c.Plan.Gates[0].Thresholds[0].Comparison = "=" }, "plan.gates[0].thresholds[0].comparison", "must be one of"},
		{"no such line", func(c *Case) { c.Plan.Gates[0].Stops = []string{"Trainers"} }, "plan.gates[0].stops[0]", `called "Trainers"`},
		{"a negative exit cost", func(c *Case) { c.Plan.Gates[0].ExitCost = -1 }, "plan.gates[0].exitCost", "must be an amount"},
		{"no ID", func(c *Case) { c.Plan.Gates[0].ID = "" }, "plan.gates[0].id", "must not be empty"},
		{"an ask up to no gate", func(c *Case) { c.Ask.UpToGate = "launch" }, "ask.upToGate", `no gate of the plan has the ID "launch"`},
	})
}

// turnoverCase is a turnover case worked out in TestCostOfPain: 100 reps
// at 20 % attrition, 66,500 a leaver, of which 15,000 cash (separation
// and recruiting) and 51,500 margin (vacancy and ramp-up).
func turnoverCase() *Case {
	return &Case{
		SchemaVersion: SchemaVersion, Title: "Turnover", Currency: "EUR", HorizonMonths: 24, StartDate: Date{2027, 1, 1},
		Pain: Pain{Category: SalesTurnover, Inputs: GivenInputs(map[string]Range{"reps": Exactly(100), "attritionRate": Exactly(0.2),
			"annualQuota": Exactly(365000), "grossMargin": Exactly(0.5), "separationCost": Exactly(5000), "recruitingCost": Exactly(10000),
			"daysToFill": Exactly(30), "rampMonths": Exactly(4), "rampProductivity": Exactly(0.4), "productiveAttainment": Exactly(1)})},
		Alternatives: []Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "a", Name: "A",
				Costs: []Cost{
					{Name: "Programme", Kind: OneTime, Amount: Exactly(100_000)},
					{Name: "Managers' time", Kind: OneTime, Amount: Exactly(20_000), Money: PeopleTime},
				},
				Benefits: []Benefit{{Name: "Fewer leavers", Basis: BenefitPainInput, Input: "attritionRate", To: Exactly(0.15)}},
			},
		},
	}
}

// TestKindsOfMoney: 20 % to 15 % attrition avoids 5 leavers a year, 5 ×
// 15,000 = 75,000 of cash and 5 × 51,500 = 257,500 of margin; over two
// years 150,000 and 515,000. The programme is 100,000 of cash, the
// managers' time 20,000.
func TestKindsOfMoney(t *testing.T) {
	c := turnoverCase()
	if ps := Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	a := Calculate(c).Alternatives[1]
	check := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-6 {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("cash benefit", a.BenefitsByKind[Cash], 150_000)
	check("margin benefit", a.BenefitsByKind[Margin], 515_000)
	check("cash cost", a.CostsByKind[Cash], 100_000)
	check("people's time", a.CostsByKind[PeopleTime], 20_000)
	check("NPV", a.NPV, 665_000-120_000)
	check("cash NPV", a.CashNPV, 150_000-100_000)
	check("cash ROI", *a.Cash.ROI, 0.5)
	line := a.Lines[2]
	check("the line's cash", line.ByKind.Cash, 150_000)
	check("the line's margin", line.ByKind.Margin, 515_000)
	if a.Cash.PaybackMonths == nil || math.Abs(*a.Cash.PaybackMonths-15) > 1e-9 {
		// 6,250 of cash a month from month 0 pays back 100,000 in 16
		// months: the cumulative is last negative at month 14 (-100,000 +
		// 15 × 6,250 = -6,250), so payback is 14 + 6,250 ÷ 6,250 = 15.
		t.Errorf("cash payback %v, want 15", a.Cash.PaybackMonths)
	}
}

// TestYearByYear: 100 reps, then 120 in the second year. The same change
// avoids 5 leavers in the first year and 6 in the second (5 × 66,500 and
// 6 × 66,500), and a cost per leaver follows the leavers: 20, then 24.
func TestYearByYear(t *testing.T) {
	c := turnoverCase()
	c.Pain.Inputs["reps"] = ByYear(Exactly(100), Exactly(120))
	c.Alternatives[1].Costs = append(c.Alternatives[1].Costs,
		Cost{Name: "Exit interviews", Kind: Yearly, Amount: Exactly(1_000), PerHead: true, HeadsFrom: "leavers"})
	if ps := Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	res := Calculate(c)
	if !slices.Equal(res.Pain.AnnualByYear, []float64{1_330_000, 1_596_000}) {
		t.Errorf("cost of pain by year %v, want 1,330,000 and 1,596,000", res.Pain.AnnualByYear)
	}
	a := res.Alternatives[1]
	for m, want := range map[int]float64{0: 5 * 66_500 / 12.0, 11: 5 * 66_500 / 12.0, 12: 6 * 66_500 / 12.0, 23: 6 * 66_500 / 12.0} {
		if math.Abs(a.Benefits[m]-want) > 1e-6 {
			t.Errorf("month %d: benefit %v, want %v", m+1, a.Benefits[m], want)
		}
	}
	// Costs: 100,000 + 20,000 + 20 × 1,000 in month 0, and 24 × 1,000 a
	// year later.
	if a.Costs[0] != 140_000 || a.Costs[12] != 24_000 {
		t.Errorf("costs %v in month 1 and %v in month 13, want 140,000 and 24,000", a.Costs[0], a.Costs[12])
	}
	// The tornado moves every year of an input together: reps 10 % higher
	// in both years avoid 10 % more, 0.1 × (332,500 + 399,000) = 73,150
	// more, and cost 4,400 more in exit interviews.
	c.Pain.Inputs["reps"] = ByYear(Range{100, 100, 110}, Range{120, 120, 132})
	tor := Sensitivity(c, Calculate(c))
	i := slices.IndexFunc(tor.Drivers, func(d Driver) bool { return d.Path == "pain.inputs.reps" })
	if i < 0 {
		t.Fatalf("reps is not in the tornado: %+v", tor.Drivers)
	}
	if d := tor.Drivers[i]; math.Abs(d.NPVHigh-d.NPVLow-(73_150-4_400)) > 1e-6 {
		t.Errorf("reps swing %v, want 68,750", d.NPVHigh-d.NPVLow)
	}
}

func TestYearlyInputProblems(t *testing.T) {
	c := turnoverCase()
	c.Pain.Inputs["reps"] = ByYear(Exactly(100), Exactly(120), Exactly(150))
	if ps := Validate(c); len(ps) != 0 {
		t.Errorf("three years in a horizon of two (the third is left out): %v", ps)
	}
	c.Pain.Inputs["reps"] = ByYear(Exactly(100), Exactly(-1))
	if ps := Validate(c); len(ps) != 1 || ps[0].Path != "pain.inputs.reps[1]" {
		t.Errorf("a negative second year: %v", ps)
	}
	c.Pain.Inputs["reps"] = Given(Exactly(100))
	c.Alternatives[1].Costs[0].PerHead, c.Alternatives[1].Costs[0].HeadsFrom = true, "managers"
	if ps := Validate(c); len(ps) != 1 || ps[0].Path != "alternatives[1].costs[0].headsFrom" || !strings.Contains(ps[0].Message, "leavers") {
		t.Errorf("heads from nothing the pain gives: %v", ps)
	}
	// A yearly input in a file is a list of estimates.
	data, err := Encode(withYearlyReps(turnoverCase()))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"reps": [
        100,
        {
          "low": 110,`) {
		t.Errorf("the file says %s", data[strings.Index(string(data), `"reps"`):][:80])
	}
	back, err := Decode(data)
	if err != nil || !back.Pain.Inputs["reps"].Equal(ByYear(Exactly(100), Range{110, 120, 130})) {
		t.Errorf("read back %+v, %v", back.Pain.Inputs["reps"], err)
	}
}

func withYearlyReps(c *Case) *Case {
	c.Pain.Inputs["reps"] = ByYear(Exactly(100), Range{110, 120, 130})
	return c
}

// TestOlderFilesKeepTheirFigures: the samples as schema 2 wrote them read
// with every figure they had, as the program that wrote them printed it.
func TestOlderFilesKeepTheirFigures(t *testing.T) {
	var want map[string]struct {
		Annual       float64
		Alternatives []struct {
			ID                           string
			TotalCost, TotalBenefit, NPV float64
			IRR, ROI, BCR, PaybackMonths *float64
			Costs, Benefits              []float64
		}
	}
	data, err := os.ReadFile("testdata/v2/figures.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		data, err := os.ReadFile("testdata/v2/" + name + ".hrcase")
		if err != nil {
			t.Fatal(err)
		}
		c, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res := Calculate(c)
		if res.Pain.Annual != w.Annual {
			t.Errorf("%s: cost of pain %v, was %v", name, res.Pain.Annual, w.Annual)
		}
		for i, wa := range w.Alternatives {
			a := res.Alternatives[i]
			same := func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
			// The IRR is found by another root finder since, to the
			// precision of a float64.
			near := func(x, y *float64) bool {
				return x == nil && y == nil || x != nil && y != nil && math.Abs(*x-*y) <= 1e-12*math.Abs(*y)
			}
			if a.ID != wa.ID || a.TotalCost != wa.TotalCost || a.TotalBenefit != wa.TotalBenefit || a.NPV != wa.NPV ||
				!near(a.IRR, wa.IRR) || !same(a.ROI, wa.ROI) || !same(a.BCR, wa.BCR) || !same(a.PaybackMonths, wa.PaybackMonths) ||
				!slices.Equal(a.Costs, wa.Costs) || !slices.Equal(a.Benefits, wa.Benefits) {
				t.Errorf("%s, %s: figures changed", name, wa.ID)
			}
			for _, l := range a.Lines {
				if l.Kind == CostLine && l.ByKind.Cash != l.Total {
					t.Errorf("%s, %s: cost line %q is not all cash: %v", name, wa.ID, l.Name, l.ByKind)
				}
			}
		}
	}
}

// TestStoppedNPVTwoWays: the NPV if the programme stops at a gate is
// worked out from the kept flows of the recommendation's lines; working
// the alternative out again, as for one the case does not name, gives the
// same, for every gate of the stress sample and for stopping some lines.
func TestStoppedNPVTwoWays(t *testing.T) {
	c := loadSample(t, "stress")
	c.Plan.Gates = nil
	for g := range 12 {
		c.Plan.Gates = append(c.Plan.Gates, Gate{ID: fmt.Sprintf("gate-%02d", g+1), Name: "Go or no-go",
			Milestone: c.Plan.Milestones[15*g+14].ID, ExitCost: float64(1000 * g)})
	}
	res := Calculate(c)
	if len(res.Gates) != 12 {
		t.Fatalf("%d gates", len(res.Gates))
	}
	ev := newEvaluator(c, LikelyValues, ContingencyReserves(c))
	ai := res.Recommended
	rec := &res.Alternatives[ai]
	some := func(name string) bool { return strings.HasSuffix(name, "1") || strings.HasSuffix(name, "4") }
	for gi, g := range res.Gates {
		for _, stops := range []func(string) bool{func(string) bool { return true }, some} {
			kept := ev.stoppedNPV(ai, rec, g.Month, stops, c.Plan.Gates[gi].ExitCost)
			ev.keepFlows = -1
			again := ev.stoppedNPV(ai, rec, g.Month, stops, c.Plan.Gates[gi].ExitCost)
			ev.keepFlows = ai
			beyond := g.Month >= res.Months // a gate after the horizon stops nothing within it
			if math.Abs(kept-again) > 1e-6*math.Abs(again) || (kept == rec.NPV) != beyond {
				t.Errorf("gate %s: %v from the kept flows, %v worked out again (NPV %v)", g.ID, kept, again, rec.NPV)
			}
		}
		if g.Month < 0 || g.SpentBefore <= 0 {
			t.Errorf("gate %s: month %d, spent %v", g.ID, g.Month, g.SpentBefore)
		}
	}
}

// TestFiscalYears: the turnover case of TestKindsOfMoney, starting in
// January 2027, with a fiscal year from April. Its first fiscal year,
// 2026/27, holds January to March: the programme's 100,000 and the time
// of 20,000, both in January, and 3 months of the avoided cash (6,250 a
// month) and margin (257,500 ÷ 12 a month); then 2027/28, April to March,
// and 2028/29 with the last nine months.
func TestFiscalYears(t *testing.T) {
	c := turnoverCase()
	c.FiscalYearStart = 4
	res := Calculate(c)
	fys := FiscalYears(c, res, 1)
	if len(fys) != 3 {
		t.Fatalf("%d fiscal years: %+v", len(fys), fys)
	}
	want := []struct {
		label                         string
		first, last                   int
		newCash, time, cashSaved, mar float64
	}{
		{"2026/27", 0, 2, 100_000, 20_000, 3 * 6_250, 3 * 257_500 / 12.0},
		{"2027/28", 3, 14, 0, 0, 12 * 6_250, 257_500},
		{"2028/29", 15, 23, 0, 0, 9 * 6_250, 9 * 257_500 / 12.0},
	}
	for i, w := range want {
		fy := fys[i]
		if fy.Label != w.label || fy.First != w.first || fy.Last != w.last || math.Abs(fy.NewCash-w.newCash) > 1e-6 ||
			math.Abs(fy.PeopleTime-w.time) > 1e-6 || math.Abs(fy.CashSaved-w.cashSaved) > 1e-6 || math.Abs(fy.Margin-w.mar) > 1e-6 {
			t.Errorf("fiscal year %d = %+v, want %+v", i, fy, w)
		}
		if fy.Budget != fy.NewCash {
			t.Errorf("%s: budget %v, want all the new cash (%v) when the ask is for the whole plan", fy.Label, fy.Budget, fy.NewCash)
		}
	}
	// A calendar fiscal year is named by its year.
	c.FiscalYearStart = 0
	if fys := FiscalYears(c, Calculate(c), 1); len(fys) != 2 || fys[0].Label != "2027" || fys[1].Last != 23 {
		t.Errorf("calendar years: %+v", fys)
	}
	// An ask for the stage up to a gate in April 2027 budgets January's
	// 100,000 only.
	c.FiscalYearStart = 4
	c.Recommendation.Alternative = "a"
	c.Plan.Gates = []Gate{{ID: "g", Name: "Gate", Date: Date{2027, 4, 1}}}
	c.Ask.UpToGate = "g"
	fys = FiscalYears(c, Calculate(c), 1)
	if fys[0].Budget != 100_000 || fys[1].Budget != 0 {
		t.Errorf("budget up to the gate: %v and %v, want 100,000 and 0", fys[0].Budget, fys[1].Budget)
	}
}

// TestPreventableExits: with three quarters of the exits preventable, 20 %
// attrition falls no lower than 5 %: a programme promising 2 % avoids 15
// leavers a year (15 × 66,500 = 997,500), not 18; the simulation agrees.
func TestPreventableExits(t *testing.T) {
	c := turnoverCase()
	c.HorizonMonths = 12
	c.Pain.Inputs["preventableShare"] = Given(Exactly(0.75))
	c.Alternatives[1].Benefits[0].To = Exactly(0.02)
	a := Calculate(c).Alternatives[1]
	if math.Abs(a.TotalBenefit-997_500) > 1e-6 {
		t.Errorf("benefit %v, want 997,500", a.TotalBenefit)
	}
	if got := Simulate(c, SimulationOptions{Trials: 10}).Alternatives[1].NPVP50; math.Abs(got-a.NPV) > 1e-6 {
		t.Errorf("simulated NPV %v, calculated %v", got, a.NPV)
	}
	c.Pain.Inputs["preventableShare"] = Given(Exactly(1))
	if a := Calculate(c).Alternatives[1]; math.Abs(a.TotalBenefit-18*66_500) > 1e-6 {
		t.Errorf("every exit preventable: %v, want 18 × 66,500", a.TotalBenefit)
	}
}
