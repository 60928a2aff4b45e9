package casebuilder

import (
	"math"
	"slices"
	"testing"

	"golang.org/x/text/language"
)

func TestWeighTurnover(t *testing.T) {
	c := loadSample(t, "turnover")
	s := Weigh(c, Calculate(c))
	// Worked by hand from the sample's scores, weights 30/20/15/15/10/10 %
	// for financial, people, mission, risk, time and ease:
	//   do nothing   .3×1 + .2×1 + .15×2 + .15×2 + .1×1 + .1×5 = 1.70
	//   onboarding   .3×5 + .2×5 + .15×4 + .15×3 + .1×3 + .1×3 = 4.15
	//   compensation .3×2 + .2×3 + .15×3 + .15×2 + .1×3 + .1×2 = 2.45
	//   hiring       .3×2 + .2×3 + .15×3 + .15×4 + .1×2 + .1×4 = 2.85
	want := []struct {
		total float64
		rank  int
	}{{1.70, 4}, {4.15, 1}, {2.45, 3}, {2.85, 2}}
	for i, w := range want {
		a := s.Alternatives[i]
		if math.Abs(a.WeightedTotal-w.total) > 1e-12 || a.Rank != w.rank || len(a.Unscored) != 0 || len(a.Criteria) != 6 {
			t.Errorf("%s: total %v, rank %d, unscored %v; want %v and %d", a.Name, a.WeightedTotal, a.Rank, a.Unscored, w.total, w.rank)
		}
	}
	if math.Abs(s.WeightSum-1) > 1e-12 || !slices.Equal(s.TopRanked, []int{1}) || s.RecommendedRank != 1 || s.NotTopRanked() {
		t.Errorf("weights %v, top %v, recommended rank %d", s.WeightSum, s.TopRanked, s.RecommendedRank)
	}
	if cs := s.Alternatives[1].Criteria[0]; cs.Criterion != "financial" || cs.Score != 5 || cs.Weighted != 1.5 || cs.Auto || cs.Rationale != "Highest NPV of the alternatives, though most of it is margin that Sales must deliver." {
		t.Errorf("onboarding's financial score = %+v", cs)
	}
}

func TestAutoScoreOf(t *testing.T) {
	for _, tt := range []struct {
		v, lo, hi float64
		want      int
	}{
		{0, 0, 100, 1}, {100, 0, 100, 5}, {50, 0, 100, 3},
		{62.5, 0, 100, 4}, // 1 + 4 × 0.625 = 3.5: halves round up, as ROUND does
		{37.4, 0, 100, 2}, // 2.496
		{-300, -1000, 2000, 2},
		{7, 7, 7, 3}, // every alternative equal
	} {
		if got := AutoScoreOf(tt.v, tt.lo, tt.hi); got != tt.want {
			t.Errorf("AutoScoreOf(%v, %v, %v) = %d, want %d", tt.v, tt.lo, tt.hi, got, tt.want)
		}
	}
}

// scoredCase has three alternatives whose NPVs and ROIs are easy to work
// out by hand: over twelve months at a zero discount rate, a one-time cost
// of 1,000 and a benefit of B a year give NPV = B − 1,000 and ROI = NPV /
// 1,000. A: B = 3,000, NPV 2,000, ROI 200 %. B: B = 1,000, NPV 0, ROI 0 %.
// Do nothing: NPV 0, no ROI (counted as 0 %). C: no benefit, NPV −1,000,
// ROI −100 %.
func scoredCase() *Case {
	alt := func(id string, benefit float64, people int) Alternative {
		a := Alternative{ID: id, Name: id, Costs: []Cost{{Name: "cost", Kind: OneTime, Amount: Exactly(1000)}},
			Scores: map[string]Score{"people": {Score: people, Rationale: "by hand"}, "financial": {Score: 1, Rationale: "ignored"}}}
		if benefit > 0 {
			a.Benefits = []Benefit{{Name: "gain", Basis: BenefitAmount, Annual: Exactly(benefit)}}
		}
		return a
	}
	return &Case{SchemaVersion: SchemaVersion, Currency: "EUR", HorizonMonths: 12,
		Alternatives: []Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true, Scores: map[string]Score{"people": {Score: 3}}},
			alt("A", 3000, 2), alt("B", 1000, 5), alt("C", 0, 5),
		},
		Criteria: []Criterion{
			{ID: "financial", Name: "Financial return", Weight: 0.5, Auto: ScoreFromNPV},
			{ID: "people", Name: "Impact on people", Weight: 0.5},
		},
		Recommendation: Recommendation{Alternative: "B"},
	}
}

func TestWeighAutomatic(t *testing.T) {
	c := scoredCase()
	res := Calculate(c)
	for i, want := range []float64{0, 2000, 0, -1000} {
		if npv := res.Alternatives[i].NPV; !near(npv, want, 1e-9) {
			t.Fatalf("%s: NPV %v, want %v", res.Alternatives[i].Name, npv, want)
		}
	}
	s := Weigh(c, res)
	// From the NPV, between −1,000 and 2,000: none and B round(1 + 4/3) =
	// 2, A 5, C 1. Totals: none .5×2 + .5×3 = 2.5, A .5×5 + .5×2 = 3.5,
	// B .5×2 + .5×5 = 3.5, C .5×1 + .5×5 = 3. A and B tie for first.
	wantScore := []int{2, 5, 2, 1}
	wantTotal := []float64{2.5, 3.5, 3.5, 3}
	wantRank := []int{4, 1, 1, 3}
	for i, a := range s.Alternatives {
		fin := a.Criteria[0]
		if fin.Score != wantScore[i] || !fin.Auto || a.WeightedTotal != wantTotal[i] || a.Rank != wantRank[i] {
			t.Errorf("%s: financial %d (auto %v), total %v, rank %d; want %d, %v, %d", a.Name, fin.Score, fin.Auto, a.WeightedTotal, a.Rank, wantScore[i], wantTotal[i], wantRank[i])
		}
	}
	if got := s.Alternatives[1].Criteria[0].Rationale; got != "Scored from the NPV: €2,000, where the alternatives range from -€1,000 to €2,000." {
		t.Errorf("rationale %q", got)
	}
	// The app writes the figures as its boxes do: in German, the point
	// groups thousands and the euro follows, after a no-break space.
	if got := WeighIn(c, res, language.German).Alternatives[1].Criteria[0].Rationale; got != "Scored from the NPV: 2.000\u00a0€, where the alternatives range from -1.000\u00a0€ to 2.000\u00a0€." {
		t.Errorf("the rationale in German is %q", got)
	}
	if !slices.Equal(s.TopRanked, []int{1, 2}) || s.NotTopRanked() {
		t.Errorf("top %v; B, tied first, is top-ranked", s.TopRanked)
	}

	// From the ROI, between −100 % and 200 %: none and B 2, A 5, C 1 again;
	// with C recommended, it ranks 3rd.
	c.Criteria[0].Auto = ScoreFromROI
	c.Recommendation = Recommendation{Alternative: "C", WhyNotTopRanked: "Because."}
	s = Weigh(c, Calculate(c))
	for i, a := range s.Alternatives {
		if a.Criteria[0].Score != wantScore[i] {
			t.Errorf("%s: ROI score %d, want %d", a.Name, a.Criteria[0].Score, wantScore[i])
		}
	}
	if !s.NotTopRanked() || s.RecommendedRank != 3 || s.WhyNotTopRanked != "Because." {
		t.Errorf("recommended rank %d, reason %q", s.RecommendedRank, s.WhyNotTopRanked)
	}

	// A score left out counts as zero and is reported.
	delete(c.Alternatives[3].Scores, "people")
	s = Weigh(c, Calculate(c))
	if a := s.Alternatives[3]; a.WeightedTotal != 0.5 || !slices.Equal(a.Unscored, []string{"people"}) {
		t.Errorf("C without a people score: total %v, unscored %v", a.WeightedTotal, a.Unscored)
	}
}

func TestDefaultCriteria(t *testing.T) {
	ks := DefaultCriteria()
	var sum float64
	for _, k := range ks {
		sum += k.Weight
	}
	if len(ks) != 6 || math.Abs(sum-1) > 1e-12 || ks[0].Auto != ScoreFromNPV {
		t.Errorf("%d criteria weighing %v, financial %q", len(ks), sum, ks[0].Auto)
	}
	c := scoredCase()
	c.Criteria = DefaultCriteria()
	c.Criteria[1].Auto = "irr"
	if ps := Validate(c); len(ps) != 1 || ps[0].Path != "criteria[1].auto" {
		t.Errorf("problems %v", ps)
	}
}
