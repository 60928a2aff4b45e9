package casebuilder

import "fmt"

// The rules that check the Risks step: the risks and their contingencies.
var (
	highRiskWithoutContingencyRule = highRiskLackingRule("high-risk-without-contingency", Blocking,
		"A high risk with no plan B is the obvious question the CEO asks first: what do we do when it happens?",
		"contingency", "contingency plan", func(rk *Risk) string { return rk.Contingency })

	highRiskWithoutOwnerRule = highRiskLackingRule("high-risk-without-owner", Blocking,
		"A risk that belongs to nobody is managed by nobody; the CEO wants a name to hold to account.",
		"owner", "owner", func(rk *Risk) string { return rk.Owner })

	noRisksRule = Rule{"no-risks", Warning,
		"Every initiative has risks; a case that lists none has not looked, and the CEO will supply them.",
		func(rv *reviewer) {
			if rv.actingIndex() < 0 {
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

// The rules that check the risks against their costs (issue 13).
var (
	contingencyDearerThanRiskRule = Rule{"contingency-dearer-than-risk", Warning,
		"A plan B that costs more than the harm it prevents is worse than doing nothing about the risk; the CFO will ask why it is the plan.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.ImpactCost > 0 && rk.ContingencyCost > rk.ImpactCost {
					rv.add(fmt.Sprintf("risks[%d].contingencyCost", i), "%s has a contingency plan costing %s, more than the %s it costs if nothing is done",
						capital(riskCalled(i, rk)), rv.f.Money(rk.ContingencyCost), rv.f.Money(rk.ImpactCost))
				}
			})
		}}

	nearCertainRiskRule = Rule{"near-certain-risk", Warning,
		"A risk of 90 % or more is not a risk but a cost: it belongs in the plan's costs, where the CFO will put it anyway.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.Likelihood >= nearCertain {
					rv.add(fmt.Sprintf("risks[%d].likelihood", i), "%s is %s likely: cost it as a line of the plan instead", capital(riskCalled(i, rk)), rv.f.Percent(rk.Likelihood))
				}
			})
		}}

	reserveBelowLikelyContingencyRule = Rule{"reserve-below-likely-contingency", Warning,
		"A reserve smaller than the plan B of a risk that is more likely than not runs out the first time it is needed.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			reserve := rv.res.Alternatives[ai].Reserve
			rv.recRisks(func(i int, rk *Risk) {
				if rk.Likelihood >= 0.5 && rk.ContingencyCost > reserve {
					rv.add("reserve.basis", "The reserve of %q (%s) is smaller than the contingency plan of %s (%s), which is %s likely",
						rv.rec.Name, rv.f.Money(reserve), riskCalled(i, rk), rv.f.Money(rk.ContingencyCost), rv.f.Percent(rk.Likelihood))
				}
			})
		}}

	highRiskWithoutResidualRule = Rule{"high-risk-without-residual", Warning,
		"A contingency plan rarely undoes all the harm; for a high risk, the CEO wants to know what it still costs when it happens, and the simulation counts it.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.IsHigh() && rk.ResidualImpact == 0 {
					rv.add(fmt.Sprintf("risks[%d].residualImpact", i), "%s is rated high, but does not say what it still costs once its contingency plan is carried out", capital(riskCalled(i, rk)))
				}
			})
		}}
)

const nearCertain = 0.9

// highRiskLackingRule is a rule that finds each high risk of the
// recommended alternative whose field, as value reads it, is blank; the
// finding says the risk has no what (an owner, a contingency plan).
func highRiskLackingRule(name string, severity Severity, why, field, what string, value func(rk *Risk) string) Rule {
	return Rule{name, severity, why, func(rv *reviewer) {
		rv.recRisks(func(i int, rk *Risk) {
			if rk.IsHigh() && blank(value(rk)) {
				rv.add(fmt.Sprintf("risks[%d].%s", i, field), "%s is rated high but has no %s", capital(riskCalled(i, rk)), what)
			}
		})
	}}
}
