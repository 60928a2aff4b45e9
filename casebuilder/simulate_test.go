package casebuilder

import (
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// mixedCase has every kind of line the compiled model handles: drawn and
// fixed costs of each kind, per head, amount, share and painInput
// benefits, two lines changing the same input, a line changing an input
// through a default, and a contingency reserve.
func mixedCase() *Case {
	c := smallCase()
	c.HorizonMonths, c.DiscountRate = 30, 0.07
	c.Pain.Inputs["hiresPerYear"] = Given(Range{8, 10, 13})
	c.Pain.Inputs["rampMonths"] = Given(Range{7, 6, 5}) // either order is allowed
	delete(c.Pain.Inputs, "rampProductivity")           // its default, 0.5, applies
	a := &c.Alternatives[1]
	a.Costs = append(a.Costs,
		Cost{Name: "fixed yearly", Kind: Yearly, Amount: Exactly(900), StartMonth: 5},
		Cost{Name: "drawn monthly per head", Kind: Monthly, Amount: Range{10, 12, 20}, PerHead: true, Heads: 3, StartMonth: 1, EndMonth: intPtr(20)})
	a.Benefits = []Benefit{
		{Name: "savings", Basis: BenefitAmount, Annual: Range{1200, 2400, 3000}, StartMonth: 3, RampMonths: 4},
		{Name: "fixed savings", Basis: BenefitAmount, Annual: Exactly(600), StartMonth: 0, EndMonth: intPtr(11)},
		{Name: "ramp", Basis: BenefitPainInput, Input: "rampMonths", To: Range{5.5, 4, 3}, StartMonth: 2, RampMonths: 9},
		{Name: "ramp again", Basis: BenefitPainInput, Input: "rampMonths", To: Range{3.8, 3.5, 3}, StartMonth: 6},
		{Name: "productivity", Basis: BenefitPainInput, Input: "rampProductivity", To: Range{0.55, 0.6, 0.7}, StartMonth: 4, RampMonths: 3},
		{Name: "share", Basis: BenefitPainShare, Share: Range{0.01, 0.02, 0.05}, StartMonth: 1},
	}
	c.Alternatives = append(c.Alternatives, Alternative{ID: "b", Name: "B",
		Costs:    []Cost{{Name: "exact", Kind: OneTime, Amount: Exactly(50000)}},
		Benefits: []Benefit{{Name: "exact share", Basis: BenefitPainShare, Share: Exactly(0.1), StartMonth: 2}}})
	c.Risks = append(c.Risks, Risk{ID: "r2", Likelihood: 0.3, ContingencyCost: 1000, Alternatives: []string{"a", "b"}})
	return c
}

// TestSimulationMatchesCalculateWith checks the compiled model against
// CalculateWith on the very values each trial drew, so that the fast
// path cannot drift from the arithmetic of the costed plan.
func TestSimulationMatchesCalculateWith(t *testing.T) {
	cases := map[string]*Case{"mixed": mixedCase()}
	for _, name := range []string{"turnover", "ramp", "stress"} {
		cases[name] = loadSample(t, name)
	}
	percentile := mixedCase()
	percentile.Reserve = ReservePolicy{Basis: ReservePercentile, Percentile: 0.9}
	cases["percentile reserve"] = percentile
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if ps := Validate(c); len(ps) > 0 {
				t.Fatal(ps)
			}
			models := []*simModel{compileSimulation(c, PERT, false), compileSimulation(c, Triangular, false)}
			if len(models[0].vars) < 5 {
				t.Fatalf("only %d estimates are drawn", len(models[0].vars))
			}
			for trial := range 12 {
				m := models[trial%2]
				w := m.worker()
				w.seed(uint64(trial), trial)
				w.draw()
				res := CalculateWith(c, func(e Estimate, r Range) float64 {
					if i, ok := inputIndex[e.Input]; ok && e.Kind == PainInputEstimate {
						// The later years of an input given year by year
						// follow its first, drawn, year.
						if v := m.painVal[i][min(e.Year, m.years-1)]; v >= 0 {
							return w.vals[v]
						}
						return r.Likely
					}
					if v, ok := m.varOf[e]; ok {
						return w.vals[v]
					}
					return r.Likely
				})
				for ai, a := range res.Alternatives {
					npv, roi := w.eval(ai)
					// A drawn pain input can fall below a line's target, so
					// that a benefit is negative: scale by magnitudes.
					scale := math.Max(1, math.Abs(a.TotalCost)+math.Abs(a.TotalBenefit))
					if math.Abs(npv-a.NPV) > 1e-9*scale {
						t.Errorf("trial %d, %s: NPV %v, CalculateWith %v (cost %v, benefit %v)", trial, a.Name, npv, a.NPV, a.TotalCost, a.TotalBenefit)
					}
					switch {
					case a.ROI == nil && !math.IsNaN(roi):
						t.Errorf("trial %d, %s: ROI %v, CalculateWith none", trial, a.Name, roi)
					case a.ROI != nil && math.Abs(roi-*a.ROI) > 1e-9*math.Max(1, math.Abs(*a.ROI)):
						t.Errorf("trial %d, %s: ROI %v, CalculateWith %v", trial, a.Name, roi, *a.ROI)
					}
				}
			}
		})
	}
}

func TestSimulationReproducible(t *testing.T) {
	c := loadSample(t, "turnover")
	one := Simulate(c, SimulationOptions{Trials: 3000, Seed: 7, Workers: 1})
	for _, workers := range []int{2, 3, 8} {
		if many := Simulate(c, SimulationOptions{Trials: 3000, Seed: 7, Workers: workers}); !reflect.DeepEqual(one, many) {
			t.Errorf("%d workers give other results than one", workers)
		}
	}
	other := Simulate(c, SimulationOptions{Trials: 3000, Seed: 8, Workers: 1})
	if reflect.DeepEqual(one.Alternatives[1], other.Alternatives[1]) {
		t.Error("another seed gives the same results")
	}
	if one.Trials != 3000 || one.Seed != 7 || one.Distribution != PERT || one.Alternatives[1].Trials != 3000 || one.Alternatives[1].Seed != 7 {
		t.Errorf("options not reported: %+v", one)
	}
}

// oneCostCase is a case whose only uncertain figure is a one-time cost X
// in month 0 against a fixed benefit of 250 in month 0, over one month at
// a zero discount rate: NPV = 250 − X and ROI = (250 − X) / X exactly.
func oneCostCase(x Range) *Case {
	return &Case{SchemaVersion: SchemaVersion, Currency: "EUR", HorizonMonths: 1,
		Alternatives: []Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "a", Name: "A",
				Costs:    []Cost{{Name: "X", Kind: OneTime, Amount: x}},
				Benefits: []Benefit{{Name: "fixed", Basis: BenefitAmount, Annual: Exactly(3000)}}},
		}}
}

// TestSimulationAgainstClosedForms checks the simulated NPV of a single
// drawn amount against the distribution's own mean, quantiles and
// probabilities, within four standard errors of 10,000 trials.
func TestSimulationAgainstClosedForms(t *testing.T) {
	const a, m, b = 100.0, 200.0, 600.0
	const n = DefaultTrials
	// Triangular: closed forms worked by hand.
	triCDF := func(x float64) float64 {
		if x <= m {
			return (x - a) * (x - a) / ((b - a) * (m - a))
		}
		return 1 - (b-x)*(b-x)/((b-a)*(b-m))
	}
	triVar := (a*a + b*b + m*m - a*b - a*m - b*m) / 18
	// PERT: Beta(1 + 4(m−a)/(b−a), 1 + 4(b−m)/(b−a)) = Beta(1.8, 4.2) on [a, b].
	beta := distuv.Beta{Alpha: 1.8, Beta: 4.2}
	pertCDF := func(x float64) float64 { return beta.CDF((x - a) / (b - a)) }
	pertVar := beta.Variance() * (b - a) * (b - a)
	for _, tt := range []struct {
		dist      Distribution
		mean, vr  float64
		cdf       func(float64) float64
		probBelow float64 // P(X < 250), so P(NPV > 0)
	}{
		{Triangular, (a + m + b) / 3, triVar, triCDF, 1 - (b-250)*(b-250)/((b-a)*(b-m))},
		{PERT, (a + 4*m + b) / 6, pertVar, pertCDF, pertCDF(250)},
	} {
		t.Run(string(tt.dist), func(t *testing.T) {
			sim := Simulate(oneCostCase(Range{a, m, b}), SimulationOptions{Distribution: tt.dist, Seed: 42})
			s := sim.Alternatives[1]
			if s.Trials != n || sim.Uncertain != 1 {
				t.Fatalf("%d trials, %d estimates drawn", s.Trials, sim.Uncertain)
			}
			if got, se := 250-s.NPVMean, math.Sqrt(tt.vr/n); math.Abs(got-tt.mean) > 4*se {
				t.Errorf("mean of X = %v, want %v ± %v", got, tt.mean, 4*se)
			}
			// NPV = 250 − X: its P10 is 250 − X's P90, and so on. Checked
			// where it matters, in probability: F(x̂_p) is within sampling
			// error of p.
			for _, q := range []struct{ p, npv float64 }{{0.9, s.NPVP10}, {0.5, s.NPVP50}, {0.1, s.NPVP90}} {
				if got, se := tt.cdf(250-q.npv), math.Sqrt(q.p*(1-q.p)/n); math.Abs(got-q.p) > 4*se {
					t.Errorf("X at P%.0f = %v, whose CDF is %v, want %v ± %v", 100*q.p, 250-q.npv, got, q.p, 4*se)
				}
			}
			p := tt.probBelow
			if se := math.Sqrt(p * (1 - p) / n); math.Abs(s.ProbNPVPositive-p) > 4*se {
				t.Errorf("P(NPV > 0) = %v, want %v ± %v", s.ProbNPVPositive, p, 4*se)
			}
			// ROI = 250/X − 1 falls as X rises: its median is at X's median.
			if want := 250/(250-s.NPVP50) - 1; s.ROIP50 == nil || math.Abs(*s.ROIP50-want) > 1e-12 {
				t.Errorf("ROI P50 = %v, want %v", s.ROIP50, want)
			}
			total := 0
			for i, bin := range s.Histogram {
				total += bin.Count
				if bin.To <= bin.From || i > 0 && bin.From != s.Histogram[i-1].To {
					t.Errorf("bin %d = %+v", i, bin)
				}
			}
			if len(s.Histogram) != HistogramBins || total != n {
				t.Errorf("%d bins holding %d trials", len(s.Histogram), total)
			}
			if lo, hi := s.Histogram[0].From, s.Histogram[HistogramBins-1].To; lo < 250-b || hi > 250-a {
				t.Errorf("histogram from %v to %v, outside [%v, %v]", lo, hi, 250-b, 250-a)
			}
		})
	}
}

func TestSimulationDegenerate(t *testing.T) {
	for _, x := range []float64{200, 300} {
		sim := Simulate(oneCostCase(Exactly(x)), SimulationOptions{Trials: 1000})
		s := sim.Alternatives[1]
		want := 0.0
		if x < 250 {
			want = 1
		}
		if s.ProbNPVPositive != want || s.NPVP10 != 250-x || s.NPVP90 != 250-x || len(s.Histogram) != 1 || s.Histogram[0].Count != 1000 {
			t.Errorf("cost %v: %+v", x, s)
		}
		base := sim.Alternatives[0]
		if !base.DoNothing || base.NPVP50 != 0 || base.ProbNPVPositive != 0 || base.ROIP50 != nil {
			t.Errorf("do nothing: %+v", base)
		}
	}
}

func TestSimulationSamples(t *testing.T) {
	for _, name := range []string{"turnover", "ramp"} {
		c := loadSample(t, name)
		res := Calculate(c)
		sim := Simulate(c, SimulationOptions{})
		for ai, s := range sim.Alternatives {
			if !(s.NPVP10 <= s.NPVP50 && s.NPVP50 <= s.NPVP90) || s.ProbNPVPositive < 0 || s.ProbNPVPositive > 1 {
				t.Errorf("%s, %s: P10 %v, P50 %v, P90 %v, P(NPV>0) %v", name, s.Name, s.NPVP10, s.NPVP50, s.NPVP90, s.ProbNPVPositive)
			}
			if s.DoNothing {
				continue
			}
			if !(*s.ROIP10 <= *s.ROIP50 && *s.ROIP50 <= *s.ROIP90) {
				t.Errorf("%s, %s: ROI P10 %v, P50 %v, P90 %v", name, s.Name, *s.ROIP10, *s.ROIP50, *s.ROIP90)
			}
			// The likely figures lie within the simulated range.
			if npv := res.Alternatives[ai].NPV; npv < s.Histogram[0].From || npv > s.Histogram[len(s.Histogram)-1].To {
				t.Errorf("%s, %s: likely NPV %v outside the simulated %v to %v", name, s.Name, npv, s.Histogram[0].From, s.Histogram[len(s.Histogram)-1].To)
			}
		}
	}
}

func TestSimulationOptions(t *testing.T) {
	for _, o := range []SimulationOptions{{Trials: -1}, {Trials: MaxTrials + 1}, {Distribution: "normal"}, {Workers: -2}} {
		if o.Check() == nil {
			t.Errorf("%+v passes the check", o)
		}
	}
	if err := (SimulationOptions{Trials: 5, Distribution: Triangular}).Check(); err != nil {
		t.Error(err)
	}
	if s := Simulate(smallCase(), SimulationOptions{Trials: 7}); s.Trials != 7 || len(s.Alternatives[1].Histogram) != HistogramBins {
		t.Errorf("7 trials: %+v", s)
	}
}

// BenchmarkSimulateTurnover is 10,000 trials of the turnover sample on
// every core; the target is 50 ms or less on a 2-core machine.
func BenchmarkSimulateTurnover(b *testing.B) {
	benchmarkOn(b, loadSample(b, "turnover"), func(c *Case) { Simulate(c, SimulationOptions{}) })
}

// BenchmarkSimulationTrial is one trial of the turnover sample on one
// core (drawing every estimate and working out every alternative), to
// compare with BenchmarkCalculateTurnover: the target is 1.5 × or less.
func BenchmarkSimulationTrial(b *testing.B) {
	c := loadSample(b, "turnover")
	m := compileSimulation(c, PERT, false)
	w := m.worker()
	w.seed(1, 0)
	b.ReportAllocs()
	for b.Loop() {
		w.draw()
		for ai := range m.alts {
			w.eval(ai)
		}
	}
}

func BenchmarkSimulateStress(b *testing.B) {
	benchmarkOn(b, loadSample(b, "stress"), func(c *Case) { Simulate(c, SimulationOptions{}) })
}

func TestAnalyse(t *testing.T) {
	c := loadSample(t, "turnover")
	a := Analyse(c, AnalysisOptions{Simulation: SimulationOptions{Trials: 500, Seed: 9}})
	if a.Result == nil || a.Scores == nil || a.Tornado == nil || a.Simulation == nil || a.Review == nil {
		t.Fatalf("incomplete analysis: %+v", a)
	}
	if a.Readiness != Readiness(a.Review) || a.Readiness != 100 || a.Simulation.Trials != 500 || a.Tornado.ID != "onboarding" {
		t.Errorf("readiness %d, %d trials, tornado of %q", a.Readiness, a.Simulation.Trials, a.Tornado.ID)
	}
	if len(a.Simulation.Alternatives) != 4 || a.Simulation.Seed != 9 || len(a.Scores.Alternatives) != 4 {
		t.Errorf("simulation of %d alternatives with seed %d, %d scored", len(a.Simulation.Alternatives), a.Simulation.Seed, len(a.Scores.Alternatives))
	}
	if quick := Analyse(c, AnalysisOptions{SkipSimulation: true}); quick.Simulation != nil {
		t.Error("the simulation ran although skipped")
	}
}

// BenchmarkAnalyseTurnover is everything the app shows after an edit of
// the turnover sample: figures, scores, tornado, break-evens, 10,000
// trials with the risks, and review. The target is 20 ms or less on a
// 2-core machine. The PERT tables are made in the first iteration and
// kept, as they are when the app analyses the case again after an edit.
func BenchmarkAnalyseTurnover(b *testing.B) {
	benchmarkOn(b, loadSample(b, "turnover"), func(c *Case) { Analyse(c, AnalysisOptions{}) })
}

// TestAnalyseInvalidDraft checks that an invalid draft, as the app may
// hold while the user types, is analysed without a panic.
func TestAnalyseInvalidDraft(t *testing.T) {
	c := mixedCase()
	a := &c.Alternatives[1]
	a.Costs[0].Amount = Range{math.NaN(), 5, math.Inf(1)}
	a.Costs[1].Amount = Range{300, 200, 100} // out of order
	a.Costs[2].Heads = -4
	a.Benefits[0].Basis = "guess"
	a.Benefits[2].To = Range{math.Inf(-1), 4, 3}
	c.Pain.Inputs["hiresPerYear"] = Given(Range{-1e308, 10, 1e308})
	c.Risks[0].Likelihood = math.NaN()
	c.Recommendation.Alternative = "missing"
	for _, policy := range []ReservePolicy{{}, {Basis: ReservePercentile, Percentile: -3}, {Basis: "odd"}} {
		c.Reserve = policy
		for _, months := range []int{0, 1, 400} {
			c.HorizonMonths = months
			an := Analyse(c, AnalysisOptions{Simulation: SimulationOptions{Trials: 50, Distribution: Triangular}})
			if an.Readiness > 49 || !HasBlocking(an.Review) {
				t.Errorf("an invalid case scores %d", an.Readiness)
			}
		}
	}
}

// TestRisksInTheSimulation: the risks that happen in a trial cost the
// programme. Dearer contingency plans lower the P50 and the chance of a
// positive NPV, step by step; with no risk likely at all, the simulation
// is the one of the estimates alone (whose reserve is then zero too).
func TestRisksInTheSimulation(t *testing.T) {
	c := loadSample(t, "turnover")
	ai := c.AlternativeByID("onboarding")
	opts := SimulationOptions{Trials: 4000, Seed: 3}
	prevP50, prevPos := math.Inf(1), 2.0
	for _, factor := range []float64{0, 1, 3, 10, 30} {
		cc := loadSample(t, "turnover")
		for i := range cc.Risks {
			cc.Risks[i].ContingencyCost *= factor
		}
		s := Simulate(cc, opts).Alternatives[ai]
		if !s.IncludesRisks {
			t.Fatal("the simulation says it leaves the risks out")
		}
		if s.NPVP50 > prevP50 || s.ProbNPVPositive > prevPos || factor > 1 && s.NPVP50 == prevP50 {
			t.Errorf("contingencies × %v: P50 %v, P(NPV > 0) %v; before %v and %v", factor, s.NPVP50, s.ProbNPVPositive, prevP50, prevPos)
		}
		prevP50, prevPos = s.NPVP50, s.ProbNPVPositive
	}
	// The residual impact counts too.
	cc := loadSample(t, "turnover")
	for i := range cc.Risks {
		cc.Risks[i].ResidualImpact = 100_000
	}
	if with, without := Simulate(cc, opts).Alternatives[ai], Simulate(c, opts).Alternatives[ai]; with.NPVMean >= without.NPVMean {
		t.Errorf("a residual impact of 100,000 on every risk leaves the mean NPV at %v (without: %v)", with.NPVMean, without.NPVMean)
	}
	for i := range c.Risks {
		c.Risks[i].Likelihood = 0
	}
	with, without := Simulate(c, opts), Simulate(c, SimulationOptions{Trials: 4000, Seed: 3, EstimatesOnly: true})
	for i := range with.Alternatives {
		a, b := with.Alternatives[i], without.Alternatives[i]
		if a.NPVP10 != b.NPVP10 || a.NPVP50 != b.NPVP50 || a.NPVP90 != b.NPVP90 || a.ProbNPVPositive != b.ProbNPVPositive || a.NPVMean != b.NPVMean {
			t.Errorf("%s: with no likely risk %+v, estimates only %+v", a.ID, a, b)
		}
		if b.IncludesRisks {
			t.Errorf("%s: the estimates-only simulation says it includes the risks", b.ID)
		}
	}
}

// BenchmarkAnalyseStress is everything the app shows after an edit of the
// stress sample; the target is 150 ms or less on a 2-core machine.
func BenchmarkAnalyseStress(b *testing.B) {
	benchmarkOn(b, loadSample(b, "stress"), func(c *Case) { Analyse(c, AnalysisOptions{}) })
}
