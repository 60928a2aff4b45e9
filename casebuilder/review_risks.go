package casebuilder

import "fmt"

// The rules that check the Risks step: the risks and their contingencies.
var (
	highRiskWithoutContingencyRule = Rule{"high-risk-without-contingency", Blocking,
		"A high risk with no plan B is the obvious question the CEO asks first: what do we do when it happens?",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.IsHigh() && blank(rk.Contingency) {
					rv.add(fmt.Sprintf("risks[%d].contingency", i), "%s is rated high but has no contingency plan", capital(riskCalled(i, rk)))
				}
			})
		}}

	highRiskWithoutOwnerRule = Rule{"high-risk-without-owner", Blocking,
		"A risk that belongs to nobody is managed by nobody; the CEO wants a name to hold to account.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.IsHigh() && blank(rk.Owner) {
					rv.add(fmt.Sprintf("risks[%d].owner", i), "%s is rated high but has no owner", capital(riskCalled(i, rk)))
				}
			})
		}}

	noRisksRule = Rule{"no-risks", Warning,
		"Every initiative has risks; a case that lists none has not looked, and the CEO will supply them.",
		func(rv *reviewer) {
			if rv.rec == nil || rv.rec.DoNothing {
				return
			}
			n := 0
			rv.recRisks(func(int, *Risk) { n++ })
			if n == 0 {
				rv.add("risks", "No risk concerns the recommended alternative %q", rv.rec.Name)
			}
		}}

	riskNotRatedRule = Rule{"risk-not-rated", Warning,
		"An unrated risk cannot be placed on the heat map or costed into the reserve.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				switch {
				case rk.Likelihood == 0:
					rv.add(fmt.Sprintf("risks[%d].likelihood", i), "%s has no likelihood", capital(riskCalled(i, rk)))
				case rk.ImpactScore == 0:
					rv.add(fmt.Sprintf("risks[%d].impactScore", i), "%s has no impact rating", capital(riskCalled(i, rk)))
				}
			})
		}}

	contingencyWithoutCostRule = Rule{"contingency-without-cost", Warning,
		"A contingency plan that costs nothing is left out of the reserve, so the costed plan understates what the risks may cost.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if !blank(rk.Contingency) && rk.ContingencyCost == 0 {
					rv.add(fmt.Sprintf("risks[%d].contingencyCost", i), "%s has a contingency plan without a cost", capital(riskCalled(i, rk)))
				}
			})
		}}

	riskWithoutAlternativeRule = Rule{"risk-without-alternative", Warning,
		"A risk that concerns no alternative is in nobody's contingency reserve and nobody's comparison.",
		func(rv *reviewer) {
			for i := range rv.c.Risks {
				if rk := &rv.c.Risks[i]; len(rk.Alternatives) == 0 {
					rv.add(fmt.Sprintf("risks[%d].alternatives", i), "%s concerns no alternative", capital(riskCalled(i, rk)))
				}
			}
		}}

	riskWithoutTriggerRule = Rule{"risk-without-trigger", Advice,
		"Without an early warning, the risk is noticed only when it has happened, too late for the work-around.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if blank(rk.Trigger) {
					rv.add(fmt.Sprintf("risks[%d].trigger", i), "%s has no early-warning trigger", capital(riskCalled(i, rk)))
				}
			})
		}}
)
