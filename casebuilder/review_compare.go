package casebuilder

import (
	"fmt"
	"math"
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

	noCriteriaRule = Rule{"no-criteria", Warning,
		"Money is not the only test: without weighted criteria the case cannot show it weighed people, mission and risk as well.",
		func(rv *reviewer) {
			if len(rv.c.Criteria) == 0 {
				rv.add("criteria", "The alternatives are not weighed on any criteria: add them (financial return, impact on people, fit with strategy, risk, time to value, ease)")
			}
		}}

	weightsNot100Rule = Rule{"weights-not-100", Warning,
		"Weights that do not add up to 100 % look careless, and make the weighted totals hard to read.",
		func(rv *reviewer) {
			if len(rv.c.Criteria) > 0 && math.Abs(rv.scores.WeightSum-1) > 0.0005 {
				rv.add("criteria", "The criteria's weights add up to %s, not 100%%", rv.f.Percent(rv.scores.WeightSum))
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

	noAskRule = Rule{"no-ask", Warning,
		"A case that does not say what it asks for cannot be approved: the CEO needs the decision to take.",
		func(rv *reviewer) {
			if blank(rv.c.Ask.Decision) {
				rv.add("ask.decision", "The case does not say what decision it asks for")
			}
		}}

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
				var names []string
				first := ""
				for _, cs := range as.Criteria {
					if cs.Score != 0 && blank(cs.Rationale) {
						names = append(names, cs.Name)
						if first == "" {
							first = cs.Criterion
						}
					}
				}
				if len(names) > 0 {
					rv.add(fmt.Sprintf("alternatives[%d].scores.%s.rationale", ai, first), "The scores of %q for %s have no rationale", as.Name, JoinNames(names))
				}
			}
		}}

	noDecisionDateRule = Rule{"no-decision-date", Advice,
		"A decision without a date drifts; saying when it is needed, and why, creates the urgency.",
		func(rv *reviewer) {
			if !blank(rv.c.Ask.Decision) && rv.c.Ask.DecideBy.IsZero() {
				rv.add("ask.decideBy", "The ask does not say by when the decision is needed")
			}
		}}
)
