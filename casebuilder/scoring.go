package casebuilder

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// AutoScore says how a criterion is scored from the alternatives' figures
// rather than by hand.
type AutoScore string

// The ways of scoring a criterion.
const (
	// ScoreByHand takes each alternative's own score (the default).
	ScoreByHand AutoScore = ""
	// ScoreFromNPV scores each alternative by its NPV (see [AutoScoreOf]).
	ScoreFromNPV AutoScore = "npv"
	// ScoreFromROI scores each alternative by its ROI; an alternative
	// without one (doing nothing, which spends nothing) counts as 0 %.
	ScoreFromROI AutoScore = "roi"
)

// DefaultCriteria returns the criteria a new case starts with: financial
// return (scored from the NPV), impact on people, fit with mission and
// strategy, risk, time to value and ease of implementation, weighted 30,
// 20, 15, 15, 10 and 10 %. The user may change every one of them.
func DefaultCriteria() []Criterion {
	return []Criterion{
		{ID: "financial", Name: "Financial return", Weight: 0.30, Auto: ScoreFromNPV},
		{ID: "people", Name: "Impact on people", Weight: 0.20},
		{ID: "mission", Name: "Fit with mission and strategy", Weight: 0.15},
		{ID: "risk", Name: "Risk", Weight: 0.15},
		{ID: "time", Name: "Time to value", Weight: 0.10},
		{ID: "ease", Name: "Ease of implementation", Weight: 0.10},
	}
}

// AutoScoreOf scores a figure from 1 to 5 by where it falls between the
// lowest (lo) and the highest (hi) of the alternatives' figures:
// round(1 + 4 × (v − lo) / (hi − lo)), halves rounded up, and 3 when every
// alternative has the same figure. In a spreadsheet:
// IF(hi=lo, 3, ROUND(1+4*(v-lo)/(hi-lo), 0)).
func AutoScoreOf(v, lo, hi float64) int {
	if !(hi > lo) {
		return 3
	}
	s := int(math.Round(1 + 4*(v-lo)/(hi-lo)))
	return min(max(s, 1), 5)
}

// CriterionScore is an alternative's score against one criterion.
type CriterionScore struct {
	// Criterion is the criterion's ID.
	Criterion string  `json:"criterion"`
	Name      string  `json:"name"`
	Weight    float64 `json:"weight"`
	// Score is from 1 to 5; 0 when not yet scored.
	Score     int    `json:"score"`
	Rationale string `json:"rationale"`
	// Auto reports whether the score was worked out from the figures.
	Auto bool `json:"auto"`
	// Weighted is Weight × Score.
	Weighted float64 `json:"weighted"`
}

// AltScore is an alternative's scores, weighted total and rank.
type AltScore struct {
	ID        string           `json:"id"`
	Name      string           `json:"name"`
	DoNothing bool             `json:"doNothing"`
	Criteria  []CriterionScore `json:"criteria"`
	// WeightedTotal is Σ weight × score over the criteria, on the 1-to-5
	// scale of the scores when the weights sum to 100 %.
	WeightedTotal float64 `json:"weightedTotal"`
	// Rank is 1 for the highest weighted total; alternatives with equal
	// totals share a rank and the next rank is skipped (1, 2, 2, 4), as a
	// spreadsheet's RANK does.
	Rank int `json:"rank"`
	// Unscored are the IDs of the criteria the alternative has no score
	// for yet.
	Unscored []string `json:"unscored,omitempty"`
}

// Scoring is the weighing of the alternatives on the case's criteria.
type Scoring struct {
	// Alternatives are in the case's order.
	Alternatives []AltScore `json:"alternatives"`
	// WeightSum is the sum of the criteria's weights; it should be 1.
	WeightSum float64 `json:"weightSum"`
	// Recommended is the index of the recommended alternative (-1 when
	// none) and RecommendedRank its rank (0 when there are no criteria).
	Recommended     int `json:"recommended"`
	RecommendedRank int `json:"recommendedRank"`
	// TopRanked are the indexes of the alternatives ranked first.
	TopRanked []int `json:"topRanked"`
	// WhyNotTopRanked is the case's reason for recommending an
	// alternative that is not ranked first.
	WhyNotTopRanked string `json:"whyNotTopRanked,omitempty"`
}

// NotTopRanked reports whether the case has criteria and recommends an
// alternative that is not ranked first on them.
func (s *Scoring) NotTopRanked() bool {
	return s.Recommended >= 0 && s.RecommendedRank > 1
}

// tieTolerance is how close two weighted totals are to count as equal:
// totals are sums of a few products, which floating point may leave a
// hair apart where by hand they are equal.
const tieTolerance = 1e-9

// Weigh weighs the alternatives on the case's criteria: each alternative's
// weighted total Σ weight × score and its rank. A criterion scored
// automatically takes its scores from res (see [AutoScoreOf]); a missing
// score counts as 0. res is the case's calculated figures. The reasons of
// automatic scores write their figures in English, as the brief and the
// workbook do.
func Weigh(c *Case, res *Result) *Scoring { return WeighIn(c, res, language.English) }

// WeighIn is Weigh, with the reasons of automatic scores writing their
// figures as lang does ("NPV 696,0k €" in German): the app's, beside the
// boxes.
func WeighIn(c *Case, res *Result, lang language.Tag) *Scoring {
	s := &Scoring{Recommended: res.Recommended, Alternatives: make([]AltScore, len(c.Alternatives))}
	f := figure.NewFormat(c.Currency, lang)
	for _, k := range c.Criteria {
		s.WeightSum += k.Weight
	}
	for ai := range c.Alternatives {
		a := &c.Alternatives[ai]
		s.Alternatives[ai] = AltScore{ID: a.ID, Name: a.Name, DoNothing: a.DoNothing, Criteria: []CriterionScore{}}
	}
	for _, k := range c.Criteria {
		auto := autoScores(k.Auto, res, f)
		for ai := range c.Alternatives {
			as := &s.Alternatives[ai]
			cs := CriterionScore{Criterion: k.ID, Name: k.Name, Weight: k.Weight}
			if auto != nil {
				cs.Score, cs.Rationale, cs.Auto = auto[ai].score, auto[ai].rationale, true
			} else {
				sc := c.Alternatives[ai].Scores[k.ID]
				cs.Score, cs.Rationale = sc.Score, sc.Rationale
			}
			if cs.Score == 0 {
				as.Unscored = append(as.Unscored, k.ID)
			}
			cs.Weighted = k.Weight * float64(cs.Score)
			as.WeightedTotal += cs.Weighted
			as.Criteria = append(as.Criteria, cs)
		}
	}
	if len(c.Criteria) == 0 {
		return s
	}
	for i := range s.Alternatives {
		rank := 1
		for j := range s.Alternatives {
			if s.Alternatives[j].WeightedTotal > s.Alternatives[i].WeightedTotal+tieTolerance {
				rank++
			}
		}
		s.Alternatives[i].Rank = rank
		if rank == 1 {
			s.TopRanked = append(s.TopRanked, i)
		}
	}
	if s.Recommended >= 0 {
		s.RecommendedRank = s.Alternatives[s.Recommended].Rank
		if s.NotTopRanked() {
			s.WhyNotTopRanked = strings.TrimSpace(c.Recommendation.WhyNotTopRanked)
		}
	}
	return s
}

type autoScore struct {
	score     int
	rationale string
}

// autoScores scores every alternative on a figure, or returns nil for a
// criterion scored by hand.
func autoScores(how AutoScore, res *Result, f *figure.Format) []autoScore {
	var figure func(a *AltResult) float64
	var label string
	var show func(float64) string
	switch how {
	case ScoreFromNPV:
		figure, label, show = func(a *AltResult) float64 { return a.NPV }, "NPV", f.Money
	case ScoreFromROI:
		figure = func(a *AltResult) float64 {
			if a.ROI == nil {
				return 0
			}
			return *a.ROI
		}
		label, show = "ROI", f.Percent
	default:
		return nil
	}
	if len(res.Alternatives) == 0 {
		return []autoScore{}
	}
	values := make([]float64, len(res.Alternatives))
	for i := range res.Alternatives {
		values[i] = figure(&res.Alternatives[i])
	}
	lo, hi := slices.Min(values), slices.Max(values)
	out := make([]autoScore, len(values))
	for i, v := range values {
		out[i] = autoScore{AutoScoreOf(v, lo, hi), fmt.Sprintf("Scored from the %s: %s, where the alternatives range from %s to %s.", label, show(v), show(lo), show(hi))}
	}
	return out
}
