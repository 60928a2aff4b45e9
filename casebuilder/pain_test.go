package casebuilder

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// The figures below are worked by hand from the formulas in PRODUCT.md,
// with inputs chosen so that every step comes out round.
func TestCostOfPain(t *testing.T) {
	tests := []struct {
		category PainCategory
		inputs   map[string]float64
		steps    map[string]float64 // key → value of some steps
		annual   float64
	}{
		{SalesTurnover, map[string]float64{"reps": 100, "attritionRate": 0.2, "preventableShare": 0.75, "annualQuota": 365000, "productiveAttainment": 1,
			"grossMargin": 0.5, "separationCost": 5000, "recruitingCost": 10000, "daysToFill": 30,
			"rampMonths": 4, "rampProductivity": 0.4},
			// 20 leavers; 500 a day; 30 days → 15,000; 4 × 30,416.67 × 0.6 × 0.5 = 36,500;
			// 5,000 + 10,000 + 15,000 + 36,500 = 66,500 a leaver.
			map[string]float64{"leavers": 20, "dailyMargin": 500, "vacancyCost": 15000, "rampCost": 36500, "costPerLeaver": 66500},
			1_330_000},
		{SalesTurnover, map[string]float64{"reps": 100, "attritionRate": 0.2, "preventableShare": 0.75, "annualQuota": 365000, "productiveAttainment": 0.8,
			"grossMargin": 0.5, "separationCost": 5000, "recruitingCost": 10000, "daysToFill": 30,
			"rampMonths": 4, "rampProductivity": 0.4},
			// A productive rep sells 80 % of quota: 365,000 × 0.8 × 0.5 ÷ 365 = 400 a day;
			// 30 days → 12,000; 4 × 30,416.67 × 0.8 × 0.6 × 0.5 = 29,200;
			// 5,000 + 10,000 + 12,000 + 29,200 = 56,200 a leaver.
			map[string]float64{"dailyMargin": 400, "vacancyCost": 12000, "rampCost": 29200, "costPerLeaver": 56200},
			1_124_000},
		{TalentScarcity, map[string]float64{"hiresPerYear": 12, "annualQuota": 365000, "productiveAttainment": 1, "grossMargin": 0.4, "daysToFill": 50},
			map[string]float64{"dailyMargin": 400, "vacancyCost": 20000},
			240_000},
		{RampUpTime, map[string]float64{"hiresPerYear": 10, "annualQuota": 1_200_000, "productiveAttainment": 1, "grossMargin": 0.5,
			"rampMonths": 6, "rampProductivity": 0.25},
			// 6 months × 100,000 × 0.75 × 0.5 = 225,000 a hire.
			map[string]float64{"rampCost": 225000},
			2_250_000},
		{SkillsGap, map[string]float64{"reps": 50, "annualQuota": 500000, "grossMargin": 0.6,
			"targetAttainment": 1, "actualAttainment": 0.8},
			map[string]float64{"attainmentGap": 0.2},
			3_000_000},
		{UnclearRoles, map[string]float64{"peopleAffected": 40, "hoursLostPerWeek": 3, "workingWeeks": 50,
			"loadedHourlyCost": 60, "reps": 20, "annualQuota": 600000, "grossMargin": 0.5,
			"sellingHoursPerWeek": 15, "sellingHoursLostPerWeek": 2},
			// 3 h × 50 wk × 60 × 40 people = 360,000; 300,000 ÷ 750 h = 400 an hour;
			// 2 h × 50 wk × 20 reps × 400 = 800,000.
			map[string]float64{"timeCost": 360000, "marginPerSellingHour": 400, "sellingCost": 800000},
			1_160_000},
		{OtherPain, map[string]float64{"annualCost": 250000}, nil, 250_000},
	}
	for _, tt := range tests {
		t.Run(string(tt.category), func(t *testing.T) {
			p := &Pain{Category: tt.category, Inputs: GivenInputs(map[string]Range{})}
			for k, v := range tt.inputs {
				p.Inputs[k] = Given(Exactly(v))
			}
			res := CostOfPain(p)
			if !res.Complete() {
				t.Fatalf("missing %v", res.Missing)
			}
			if !near(res.Annual, tt.annual, 1e-6) {
				t.Errorf("annual = %.4f, want %.4f", res.Annual, tt.annual)
			}
			got := map[string]float64{}
			for _, s := range res.Working {
				got[s.Key] = s.Value
				if s.Kind != WorkingInput && s.Kind != WorkingCalculated {
					t.Errorf("step %s is %s with every input given", s.Key, s.Kind)
				}
				if s.Label == "" || s.Kind == WorkingCalculated && s.Formula == "" {
					t.Errorf("step %s lacks its label or formula: %+v", s.Key, s)
				}
			}
			for k, want := range tt.steps {
				if !near(got[k], want, 1e-6) {
					t.Errorf("step %s = %.6f, want %.6f", k, got[k], want)
				}
			}
			if last := res.Working[len(res.Working)-1]; last.Key != "annual" || last.Value != res.Annual {
				t.Errorf("last step is %+v, want the yearly cost", last)
			}
		})
	}
}

func TestCostOfPainDefaults(t *testing.T) {
	// Turnover with the salary only: separation = 60,000 / 12 = 5,000,
	// recruiting = 0.2 × 60,000 = 12,000, productivity while ramping 50 %.
	p := &Pain{Category: SalesTurnover, Inputs: GivenInputs(map[string]Range{
		"reps": Exactly(10), "attritionRate": Exactly(0.5), "annualQuota": Exactly(365000),
		"grossMargin": Exactly(0.5), "salary": Exactly(60000), "daysToFill": Exactly(0), "rampMonths": Exactly(2),
	})}
	res := CostOfPain(p)
	want := map[string]float64{"separationCost": 5000, "recruitingCost": 12000, "rampProductivity": 0.5, "productiveAttainment": 1, "preventableShare": 0.75}
	for _, s := range res.Working {
		w, isDefault := want[s.Key]
		if isDefault != (s.Kind == WorkingDefault) {
			t.Errorf("step %s is %s", s.Key, s.Kind)
		}
		label := "Rule of thumb"
		if s.Key == "productiveAttainment" {
			label = "Assumed: a fully productive rep sells 100 % of quota"
		}
		if isDefault && (!near(s.Value, w, 1e-9) || !strings.HasPrefix(s.Formula, label)) {
			t.Errorf("default %s = %v %q, want %v labelled %q", s.Key, s.Value, s.Formula, w, label)
		}
	}
	// 5 leavers × (5,000 + 12,000 + 0 + 2 × 30,416.67 × 0.5 × 0.5 = 15,208.33).
	if !near(res.Annual, 5*(5000+12000+15208.333333333334), 1e-6) {
		t.Errorf("annual = %v", res.Annual)
	}

	// Friction with the salary only: 46 weeks, 1.3 × 52,000 / (46 × 40) an hour.
	f := CostOfPain(&Pain{Category: UnclearRoles, Inputs: GivenInputs(map[string]Range{
		"peopleAffected": Exactly(1), "hoursLostPerWeek": Exactly(1), "salary": Exactly(52000),
		"reps": Exactly(0), "annualQuota": Exactly(0), "grossMargin": Exactly(0), "sellingHoursLostPerWeek": Exactly(0),
	})})
	// 1 hour × 46 weeks × 36.7391… = 1,690 exactly (67,600 / 40).
	if !f.Complete() || !near(f.Annual, 1690, 1e-9) {
		t.Errorf("friction with defaults = %v (missing %v), want 1,690", f.Annual, f.Missing)
	}
}

func TestCostOfPainMissing(t *testing.T) {
	// Without separation and recruiting costs, their defaults need the salary.
	p := &Pain{Category: SalesTurnover, Inputs: GivenInputs(map[string]Range{"reps": Exactly(10), "attritionRate": Exactly(0.2)})}
	res := CostOfPain(p)
	want := []string{"annualQuota", "grossMargin", "salary", "daysToFill", "rampMonths"}
	if !slices.Equal(res.Missing, want) || res.Annual != 0 {
		t.Errorf("missing = %v, annual %v; want %v and 0", res.Missing, res.Annual, want)
	}
	// With both given, the salary is not needed.
	p.Inputs["separationCost"], p.Inputs["recruitingCost"] = Given(Exactly(1)), Given(Exactly(1))
	if res := CostOfPain(p); slices.Contains(res.Missing, "salary") {
		t.Errorf("salary still missing: %v", res.Missing)
	}
	if res := CostOfPain(&Pain{}); res.Annual != 0 || len(res.Working) != 0 {
		t.Errorf("a pain without category = %+v", res)
	}
}

func TestExpressionFormat(t *testing.T) {
	k := CalculatorFor(SalesTurnover)
	var ramp Formula
	for _, s := range k.Formulas {
		if s.Key == "rampCost" {
			ramp = s
		}
	}
	got := ramp.Expr.Format(func(name string) string { return "[" + name + "]" })
	want := "[rampMonths]*[annualQuota]/12*[productiveAttainment]*(1-[rampProductivity])*[grossMargin]"
	if got != want {
		t.Errorf("formula = %s, want %s", got, want)
	}
	if names := ramp.Expr.Names(); !slices.Equal(names, []string{"rampMonths", "annualQuota", "productiveAttainment", "rampProductivity", "grossMargin"}) {
		t.Errorf("names = %v", names)
	}
}

func TestEveryCategoryHasACalculator(t *testing.T) {
	for _, c := range []PainCategory{SalesTurnover, TalentScarcity, RampUpTime, SkillsGap, UnclearRoles, OtherPain} {
		if CalculatorFor(c) == nil {
			t.Errorf("no calculator for %s", c)
		}
	}
}

// TestSkillsGapAboveTarget: attainment above the target is no gap. Its
// cost would be negative (0.9 − 1.0 = −0.1 × 100 reps × 500,000 × 0.6 =
// −3,000,000 a year), and a benefit that avoids half of it a loss of
// 1,500,000 a year; the case is refused instead.
func TestSkillsGapAboveTarget(t *testing.T) {
	c := smallCase()
	c.Pain = Pain{Category: SkillsGap, Inputs: GivenInputs(map[string]Range{"reps": Exactly(100), "annualQuota": Exactly(500000),
		"grossMargin": Exactly(0.6), "targetAttainment": Exactly(0.9), "actualAttainment": Range{0.85, 1, 1.05}})}
	ps := Validate(c)
	if len(ps) != 1 || ps[0].Path != "pain.inputs.actualAttainment" || !strings.Contains(ps[0].Message, "got 100.0%, target 90.0%") {
		t.Errorf("problems = %v, want one at pain.inputs.actualAttainment", ps)
	}
	// At the target exactly, the gap and its cost are zero, and valid.
	c.Pain.Inputs["actualAttainment"] = Given(Exactly(0.9))
	if ps := Validate(c); len(ps) != 0 {
		t.Errorf("actual attainment at the target: %v", ps)
	}
	if res := CostOfPain(&c.Pain); res.Annual != 0 || !res.Complete() {
		t.Errorf("cost at the target = %v (complete %v), want 0", res.Annual, res.Complete())
	}
}

// TestProductiveAttainment: lost sales are valued at what a productive rep
// really sells. Without a figure, a labelled 100 %; with the case's own
// attainment, that.
func TestProductiveAttainment(t *testing.T) {
	// Open territories: 12 hires × 50 days × 365,000 × a × 0.4 ÷ 365.
	p := &Pain{Category: TalentScarcity, Inputs: GivenInputs(map[string]Range{
		"hiresPerYear": Exactly(12), "annualQuota": Exactly(365000), "grossMargin": Exactly(0.4), "daysToFill": Exactly(50)})}
	if res := CostOfPain(p); !near(res.Annual, 240_000, 1e-9) {
		t.Errorf("at the default of 100 %%: %v, want 240,000", res.Annual)
	}
	p.Inputs["actualAttainment"] = Given(Exactly(0.75))
	res := CostOfPain(p)
	if !near(res.Annual, 180_000, 1e-9) {
		t.Errorf("with the case's attainment of 75 %%: %v, want 180,000", res.Annual)
	}
	for _, s := range res.Working {
		if s.Key == "productiveAttainment" && (s.Kind != WorkingDefault || s.Value != 0.75) {
			t.Errorf("attainment of a productive rep: %+v, want the default taken from the case's 75 %%", s)
		}
	}
	p.Inputs["productiveAttainment"] = Given(Exactly(0.9))
	if res := CostOfPain(p); !near(res.Annual, 216_000, 1e-9) {
		t.Errorf("given as 90 %%: %v, want 216,000", res.Annual)
	}
}

// TestPartsAddUp: every calculator's parts add up to its yearly cost, and
// turnover's are split as the product brief says: separation and
// recruiting are cash, vacancies and ramp-up margin.
func TestPartsAddUp(t *testing.T) {
	p := &Pain{Category: SalesTurnover, Inputs: GivenInputs(map[string]Range{"reps": Exactly(100), "attritionRate": Exactly(0.2),
		"annualQuota": Exactly(365000), "grossMargin": Exactly(0.5), "separationCost": Exactly(5000), "recruitingCost": Exactly(10000),
		"daysToFill": Exactly(30), "rampMonths": Exactly(4), "rampProductivity": Exactly(0.4)})}
	res := CostOfPain(p)
	// 20 leavers × 5,000, × 10,000, × 15,000 and × 36,500.
	want := []struct {
		money MoneyKind
		value float64
	}{{Cash, 100_000}, {Cash, 200_000}, {Margin, 300_000}, {Margin, 730_000}}
	if len(res.Parts) != len(want) {
		t.Fatalf("parts %+v", res.Parts)
	}
	for i, w := range want {
		if res.Parts[i].Money != w.money || !near(res.Parts[i].Annual, w.value, 1e-9) {
			t.Errorf("part %d = %+v, want %s %v", i, res.Parts[i], w.money, w.value)
		}
	}
	for _, k := range Calculators() {
		q := &Pain{Category: k.Category, Inputs: map[string]InputValue{}}
		for i, key := range k.Inputs {
			q.Inputs[key] = Given(Exactly(float64(3 + i%5)))
		}
		q.Inputs["targetAttainment"], q.Inputs["actualAttainment"] = Given(Exactly(1.1)), Given(Exactly(0.7))
		res := CostOfPain(q)
		var sum float64
		for _, pt := range res.Parts {
			sum += pt.Annual
		}
		if !res.Complete() || !near(sum, res.Annual, 1e-9) {
			t.Errorf("%s: parts add up to %v, the yearly cost is %v (complete %v)", k.Category, sum, res.Annual, res.Complete())
		}
	}
}

// TestYearlyInputs: an input given year by year gives a cost of pain for
// each year. 100, 120 and 150 reps at 20 % attrition and 66,500 a leaver
// (as in TestCostOfPain) cost 1,330,000, 1,596,000 and 1,995,000.
func TestYearlyInputs(t *testing.T) {
	p := &Pain{Category: SalesTurnover, Inputs: GivenInputs(map[string]Range{"attritionRate": Exactly(0.2),
		"annualQuota": Exactly(365000), "grossMargin": Exactly(0.5), "separationCost": Exactly(5000), "recruitingCost": Exactly(10000),
		"daysToFill": Exactly(30), "rampMonths": Exactly(4), "rampProductivity": Exactly(0.4)})}
	p.Inputs["reps"] = ByYear(Exactly(100), Exactly(120), Exactly(150))
	res := costOfPain(p, 4)
	want := []float64{1_330_000, 1_596_000, 1_995_000, 1_995_000} // the last year given holds
	if len(res.AnnualByYear) != 4 || res.Annual != res.AnnualByYear[0] {
		t.Fatalf("by year %v, annual %v", res.AnnualByYear, res.Annual)
	}
	for y, w := range want {
		if !near(res.AnnualByYear[y], w, 1e-9) {
			t.Errorf("year %d: %v, want %v", y+1, res.AnnualByYear[y], w)
		}
	}
	for _, s := range res.Working {
		if s.Key == "leavers" && !slices.Equal(s.ByYear, []float64{20, 24, 30, 30}) {
			t.Errorf("leavers by year %v, want 20, 24, 30, 30", s.ByYear)
		}
		if s.Key == "rampCost" && s.ByYear[0] != s.ByYear[2] {
			t.Errorf("ramp-up cost by year %v, want the same every year", s.ByYear)
		}
	}
	if CostOfPain(p).AnnualByYear[2] != res.AnnualByYear[2] || len(CostOfPain(p).AnnualByYear) != 3 {
		t.Errorf("CostOfPain covers the years the inputs give: %v", CostOfPain(p).AnnualByYear)
	}
}

// TestLinearIn checks what the pain model says is a straight line against
// the calculators' own arithmetic: for every calculator and input, with
// every input at a value of its own, the yearly cost at three values of
// the input lies on a line when linearIn says so. Every input of the
// turnover calculator that a benefit changes is one.
func TestLinearIn(t *testing.T) {
	for _, k := range calculators {
		p := Pain{Category: k.Category, Inputs: map[string]InputValue{}}
		for j, key := range k.Inputs {
			p.Inputs[key] = Given(Exactly(0.3 + 0.7*float64(j+1)))
		}
		m := newPainModel(&p, 1)
		m.eval(0, pickLikely)
		base := slices.Clone(m.env)
		for _, key := range k.Inputs {
			i := inputIndex[key]
			x := base[i]
			f0 := m.evalChange(base, i, x)
			f1 := m.evalChange(base, i, x+1)
			f3 := m.evalChange(base, i, x+3)
			onLine := math.Abs((f3-f0)-3*(f1-f0)) <= 1e-9*math.Max(1, math.Abs(f3)+math.Abs(f0))
			if m.linearIn(i) && !onLine {
				t.Errorf("%s: linear in %s, but %v, %v, %v are not on a line", k.Category, key, f0, f1, f3)
			}
			if !m.linearIn(i) && onLine {
				t.Logf("%s: not known to be linear in %s, which is here", k.Category, key)
			}
		}
	}
	m := newPainModel(&Pain{Category: SalesTurnover, Inputs: map[string]InputValue{"reps": Given(Exactly(10))}}, 1)
	for _, key := range []string{"attritionRate", "rampMonths", "daysToFill", "preventableShare"} {
		if !m.linearIn(inputIndex[key]) {
			t.Errorf("the cost of turnover is not known to be a straight line in %s", key)
		}
	}
}
