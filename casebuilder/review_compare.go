package casebuilder

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
)

// The rules that check the Compare step: the weighing, the recommendation and the ask.
var (
	recommendedNegativeNpvRule = Rule{"recommended-negative-npv", Blocking,
		"Recommending something that loses money, without saying why it is worth it, tells the CEO the author has not read the figures.",
		func(rv *reviewer) {
			a := rv.res.RecommendedAlternative()
			if a == nil || a.DoNothing || a.NPV >= 0 || !blank(rv.c.Recommendation.WhyNegativeNPV) {
				return
			}
			rv.add("recommendation.whyNegativeNpv", "The recommended alternative %q has a negative NPV (%s) and the case does not say why it is worth doing", a.Name, rv.f.Money(a.NPV))
		}}

	recommendedNotTopRankedRule = Rule{"recommended-not-top-ranked", Blocking,
		"If the case's own weighing prefers another alternative, the CEO will ask why the author overrules it; the answer must be in the case.",
		func(rv *reviewer) {
			s := rv.scores
			if !s.NotTopRanked() || s.WhyNotTopRanked != "" {
				return
			}
			top := s.Alternatives[s.TopRanked[0]]
			rv.add("recommendation.whyNotTopRanked", "The recommended alternative %q ranks %s on the weighted criteria, behind %q, and the case does not say why it is chosen",
				s.Alternatives[s.Recommended].Name, Ordinal(s.RecommendedRank), top.Name)
		}}

	paybackBeyondHorizonRule = Rule{"payback-beyond-horizon", Warning,
		"The CEO's first financial question is when the money comes back; \"not within the plan\" needs an answer.",
		func(rv *reviewer) {
			a := rv.res.RecommendedAlternative()
			if a == nil || a.DoNothing || a.PaybackMonths != nil {
				return
			}
			rv.add(fmt.Sprintf("alternatives[%d]", rv.res.Recommended), "The recommended alternative %q does not pay back within the %d-month horizon", a.Name, rv.res.Months)
		}}

	noCriteriaRule = lackRule("no-criteria", Warning,
		"Money is not the only test: without weighted criteria the case cannot show it weighed people, mission and risk as well.",
		"criteria", "The alternatives are not weighed on any criteria: add them (financial return, impact on people, fit with strategy, risk, time to value, ease)",
		func(c *Case) bool { return len(c.Criteria) == 0 })

	weightsNot100Rule = Rule{"weights-not-100", Warning,
		"Weights that do not add up to 100 % look careless, and make the weighted totals hard to read.",
		func(rv *reviewer) {
			if len(rv.c.Criteria) > 0 && math.Abs(rv.scores.WeightSum-1) > 0.0005 {
				rv.add("criteria", "The criteria's weights add up to %s, not %s", rv.f.Percent(rv.scores.WeightSum), rv.f.WholePercent(1))
			}
		}}

	alternativeNotScoredRule = Rule{"alternative-not-scored", Warning,
		"A missing score counts as zero and skews the ranking; the comparison is only fair when every alternative is scored on every criterion.",
		func(rv *reviewer) {
			names := map[string]string{}
			for _, k := range rv.c.Criteria {
				names[k.ID] = k.Name
			}
			for ai, as := range rv.scores.Alternatives {
				if len(as.Unscored) == 0 {
					continue
				}
				var missing []string
				for _, id := range as.Unscored {
					missing = append(missing, names[id])
				}
				rv.add(fmt.Sprintf("alternatives[%d].scores.%s", ai, as.Unscored[0]), "Alternative %q has no score for %s", as.Name, JoinNames(missing))
			}
		}}

	noRecommendationRule = Rule{"no-recommendation", Warning,
		"A case that does not say what it recommends leaves the CEO to do the author's job.",
		func(rv *reviewer) {
			if blank(rv.c.Recommendation.Alternative) && rv.rec != nil {
				rv.add("recommendation.alternative", "The case recommends no alternative; the one with the highest NPV, %q, is shown as recommended", rv.rec.Name)
			}
		}}

	recommendationWithoutReasonRule = Rule{"recommendation-without-reason", Warning,
		"The CEO wants the reason in one sentence; a recommendation without one invites the question.",
		func(rv *reviewer) {
			if !blank(rv.c.Recommendation.Alternative) && blank(rv.c.Recommendation.Reason) && rv.rec != nil {
				rv.add("recommendation.reason", "The recommendation of %q gives no reason", rv.rec.Name)
			}
		}}

	noAskRule = lackRule("no-ask", Warning,
		"A case that does not say what it asks for cannot be approved: the CEO needs the decision to take.",
		"ask.decision", "The case does not say what decision it asks for",
		func(c *Case) bool { return blank(c.Ask.Decision) })

	reserveNoneRule = Rule{"reserve-none", Warning,
		"Without a contingency reserve the budget assumes nothing goes wrong; the CFO will add one, and larger.",
		func(rv *reviewer) {
			if rv.c.Reserve.Basis != ReserveNone || rv.rec == nil {
				return
			}
			var expected float64
			rv.recRisks(func(_ int, rk *Risk) { expected += rk.Likelihood * rk.ContingencyCost })
			if expected > 0 {
				rv.add("reserve.basis", "The costed plan of %q carries no contingency reserve, though its risks' contingencies are expected to cost %s", rv.rec.Name, rv.f.Money(expected))
			}
		}}

	scoreWithoutRationaleRule = Rule{"score-without-rationale", Advice,
		"A score without a reason is a number the CEO can dispute and the author cannot defend.",
		func(rv *reviewer) {
			for ai, as := range rv.scores.Alternatives {
				var unreasoned lacking
				for _, cs := range as.Criteria {
					if cs.Score != 0 && blank(cs.Rationale) {
						unreasoned.add(cs.Name, cs.Criterion)
					}
				}
				if len(unreasoned.names) > 0 {
					rv.add(fmt.Sprintf("alternatives[%d].scores.%s.rationale", ai, unreasoned.first), "The scores of %q for %s have no rationale", as.Name, JoinNames(unreasoned.names))
				}
			}
		}}

	noDecisionDateRule = lackRule("no-decision-date", Advice,
		"A decision without a date drifts; saying when it is needed, and why, creates the urgency.",
		"ask.decideBy", "The ask does not say by when the decision is needed",
		func(c *Case) bool { return !blank(c.Ask.Decision) && c.Ask.DecideBy.IsZero() })

	ratesWithoutReasonRule = Rule{"rates-without-reason", Advice,
		"Every NPV rests on the discount rate and the horizon; the CFO asks where they come from, and a rate Finance set, over a span the plan covers, ends the question.",
		func(rv *reviewer) {
			if !blank(rv.c.RatesReason) || rv.rec == nil || rv.rec.DoNothing {
				return
			}
			rv.add("ratesReason", "The case does not say why it discounts at %s a year over %d months", rv.f.Percent(rv.c.DiscountRate), rv.c.HorizonMonths)
		}}
)

// The rules that check the recommendation and the settings against the
// figures (issue 13).
var (
	discountRateImplausibleRule = Rule{"discount-rate-implausible", Warning,
		"A discount rate of zero treats money in three years as money today; one above 25 % a year is a venture capitalist's. Finance sets the company's rate, and the CFO will recognise it or not.",
		func(rv *reviewer) {
			switch r := rv.c.DiscountRate; {
			case r == 0:
				rv.add("discountRate", "The discount rate is zero: use the rate Finance uses for investments (often %s to %s a year)", rv.f.WholePercent(0.08), rv.f.WholePercent(0.12))
			case r > maxDiscountRate:
				rv.add("discountRate", "The discount rate is %s a year, far above what companies use (often %s to %s)", rv.f.Percent(r), rv.f.WholePercent(0.08), rv.f.WholePercent(0.12))
			}
		}}

	decisionAfterStartRule = Rule{"decision-after-start", Warning,
		"A decision asked for after the plan has begun is not a decision but a ratification; the CEO will ask who started without it.",
		func(rv *reviewer) {
			by := rv.c.Ask.DecideBy
			if by.IsZero() {
				return
			}
			start, what := rv.c.StartDate, "the case's start"
			for i, m := range rv.c.Plan.Milestones {
				if !m.Start.IsZero() && (start.IsZero() || m.Start.Before(start)) {
					start, what = m.Start, called("milestone", m.Name, i)
				}
			}
			if !start.IsZero() && start.Before(by) {
				rv.add("ask.decideBy", "The decision is asked for by %s, after %s (%s)", by, what, start)
			}
		}}

	claimContradictsFiguresRule = Rule{"claim-contradicts-figures", Warning,
		"A reason that claims the highest NPV, the lowest cost or the fastest payback when the case's own figures say otherwise is the first thing the CFO checks, and it undoes the rest.",
		func(rv *reviewer) {
			check := func(ai int, text, path string) {
				for _, c := range figureClaims {
					if !c.pattern.MatchString(text) {
						continue
					}
					if best := c.best(rv.res); best >= 0 && best != ai {
						rv.add(path, "%s says %q, but %q has it (%s against %s)", capitalFirst(rv.res.Alternatives[ai].Name), c.words,
							rv.res.Alternatives[best].Name, c.show(rv, best), c.show(rv, ai))
					}
				}
			}
			if ai := rv.recIndex(); ai >= 0 {
				check(ai, rv.c.Recommendation.Reason, "recommendation.reason")
			}
			for ai, a := range rv.c.Alternatives {
				for _, id := range slices.Sorted(maps.Keys(a.Scores)) {
					check(ai, a.Scores[id].Rationale, fmt.Sprintf("alternatives[%d].scores.%s.rationale", ai, id))
				}
			}
		}}
)

const maxDiscountRate = 0.25

// figureClaim is a claim a text can make about an alternative's figures,
// and how to find the alternative that really has it.
type figureClaim struct {
	words   string
	pattern *regexp.Regexp
	best    func(res *Result) int // -1 when no alternative has it
	show    func(rv *reviewer, ai int) string
}

var figureClaims = []figureClaim{
	{"highest NPV", regexp.MustCompile(`(?i)\b(highest|best|largest) (NPV|net present value)\b`),
		func(res *Result) int {
			return bestOf(res, func(a *AltResult) (float64, bool) { return a.NPV, true })
		},
		func(rv *reviewer, ai int) string { return rv.f.MoneyShort(rv.res.Alternatives[ai].NPV) }},
	{"cheapest", regexp.MustCompile(`(?i)\b(cheapest|lowest cost|least expensive)\b`),
		func(res *Result) int {
			return bestOf(res, func(a *AltResult) (float64, bool) { return -a.TotalCost, a.TotalCost > 0 })
		},
		func(rv *reviewer, ai int) string { return rv.f.MoneyShort(rv.res.Alternatives[ai].TotalCost) }},
	{"fastest payback", regexp.MustCompile(`(?i)\b(fastest|quickest|shortest) pay ?back\b`),
		func(res *Result) int {
			return bestOf(res, func(a *AltResult) (float64, bool) {
				if a.PaybackMonths == nil {
					return 0, false
				}
				return -*a.PaybackMonths, true
			})
		},
		func(rv *reviewer, ai int) string {
			return rv.f.Maybe(rv.res.Alternatives[ai].PaybackMonths, rv.f.Months)
		}},
}

// bestOf returns the alternative, doing nothing aside, with the highest
// score among those that have one, or -1.
func bestOf(res *Result, score func(a *AltResult) (float64, bool)) int {
	best, bestScore := -1, 0.0
	for i := range res.Alternatives {
		a := &res.Alternatives[i]
		if a.DoNothing {
			continue
		}
		if s, ok := score(a); ok && (best < 0 || s > bestScore) {
			best, bestScore = i, s
		}
	}
	return best
}

// capitalFirst starts a name with a capital, as the start of a sentence.
func capitalFirst(s string) string { return capital(fmt.Sprintf("%q", s)) }
