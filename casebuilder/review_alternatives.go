package casebuilder

import "fmt"

// The rules that check the Alternatives step: the options, their costs and benefits.
var (
	noBaselineRule = Rule{"no-baseline", Blocking,
		"Without the cost of doing nothing, no alternative can show what it gains; the CEO will ask what happens if we do nothing.",
		func(rv *reviewer) {
			if rv.c.Baseline() < 0 {
				rv.add("alternatives", "There is no do-nothing alternative")
			}
		}}

	tooFewAlternativesRule = Rule{"too-few-alternatives", Blocking,
		"One option against doing nothing looks like a decision already taken; the CEO will ask what else was considered and why it lost.",
		func(rv *reviewer) {
			var real []string
			for _, a := range rv.c.Alternatives {
				if !a.DoNothing {
					real = append(real, a.Name)
				}
			}
			switch len(real) {
			case 0:
				rv.add("alternatives", "There is no alternative to doing nothing")
			case 1:
				rv.add("alternatives", "Only one alternative, %q, is weighed against doing nothing; add at least one more", real[0])
			}
		}}

	alternativeWithoutCostsRule = Rule{"alternative-without-costs", Blocking,
		"Nothing is free; an alternative without costs makes the CFO doubt every figure.",
		func(rv *reviewer) {
			for i, a := range rv.c.Alternatives {
				if !a.DoNothing && len(a.Costs) == 0 {
					rv.add(fmt.Sprintf("alternatives[%d].costs", i), "Alternative %q has no costs", a.Name)
				}
			}
		}}

	benefitExceedsPainRule = Rule{"benefit-exceeds-pain", Blocking,
		"An alternative cannot relieve more pain than there is; a benefit above the cost of the problem shows the arithmetic is wrong, and the CFO will find it.",
		func(rv *reviewer) {
			if !rv.painComplete() {
				return
			}
			pain := rv.res.Pain.Annual
			for ai, a := range rv.c.Alternatives {
				if li, high := rv.lineAbovePain(ai); li >= 0 {
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d]", ai, li),
						"%s of %q is worth up to %s a year, more than the pain costs (%s a year)", capital(called("benefit", a.Benefits[li].Name, li)), a.Name, rv.f.Money(high), rv.f.Money(pain))
				} else if sum := rv.painLinked(ai); sum > pain*(1+1e-9) {
					rv.add(fmt.Sprintf("alternatives[%d].benefits", ai),
						"The benefits of %q avoid %s of pain a year, more than the pain costs (%s a year)", a.Name, rv.f.Money(sum), rv.f.Money(pain))
				}
			}
		}}

	alternativeWithoutBenefitsRule = Rule{"alternative-without-benefits", Warning,
		"An alternative with costs and no benefits can only lose money; either its benefits are missing or it is not a real option.",
		func(rv *reviewer) {
			for i, a := range rv.c.Alternatives {
				if !a.DoNothing && len(a.Benefits) == 0 {
					rv.add(fmt.Sprintf("alternatives[%d].benefits", i), "Alternative %q has no benefits", a.Name)
				}
			}
		}}

	benefitsBeyondPainRule = Rule{"benefits-beyond-pain", Warning,
		"Benefits above what the problem costs mean the case claims gains beyond fixing it; the CEO will ask what they are and whether anything is counted twice.",
		func(rv *reviewer) {
			if !rv.painComplete() {
				return
			}
			pain := rv.res.Pain.Annual
			for ai, a := range rv.c.Alternatives {
				if li, _ := rv.lineAbovePain(ai); li >= 0 || rv.painLinked(ai) > pain*(1+1e-9) {
					continue // benefit-exceeds-pain says it already
				}
				var sum float64
				for li := range a.Benefits {
					sum += rv.benefitValue(ai, li).Likely
				}
				if sum > pain*(1+1e-9) {
					rv.add(fmt.Sprintf("alternatives[%d].benefits", ai), "The benefits of %q come to %s a year at full effect, more than the pain costs (%s a year)",
						a.Name, rv.f.Money(sum), rv.f.Money(pain))
				}
			}
		}}

	benefitBeforeCostsRule = Rule{"benefit-before-costs", Warning,
		"Savings that arrive before any money is spent are not credible; the CFO will read it as wishful timing.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				if a.DoNothing || len(a.Costs) == 0 {
					continue
				}
				first := a.Costs[0].StartMonth
				for _, k := range a.Costs {
					first = min(first, k.StartMonth)
				}
				for li, b := range a.Benefits {
					if b.StartMonth < first {
						rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].startMonth", ai, li), "%s of %q starts in month %d, before any of its costs (month %d)",
							capital(called("benefit", b.Name, li)), a.Name, b.StartMonth, first)
					}
				}
			}
		}}

	impactNotJudgedRule = Rule{"impact-not-judged", Advice,
		"The CEO weighs more than money: the impact on the company, its people and its mission should be judged for every alternative.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				var missing []string
				first := ""
				for _, j := range []struct {
					name string
					j    Judgement
				}{{"company", a.Impact.Company}, {"people", a.Impact.People}, {"mission", a.Impact.Mission}} {
					if j.j.Score == 0 {
						missing = append(missing, j.name)
						if first == "" {
							first = j.name
						}
					}
				}
				if len(missing) > 0 {
					rv.add(fmt.Sprintf("alternatives[%d].impact.%s.score", ai, first), "The impact of %q on the %s is not judged", a.Name, JoinNames(missing))
				}
			}
		}}

	singlePointEstimatesRule = Rule{"single-point-estimates", Advice,
		"Single figures hide how uncertain they are; low and high values let the case show its range of outcomes before the CFO asks.",
		func(rv *reviewer) {
			a, ai := rv.rec, rv.res.Recommended
			if a == nil || a.DoNothing || len(a.Costs)+len(a.Benefits) == 0 || len(uncertainInputs(rv.c, ai)) > 0 {
				return
			}
			rv.add(fmt.Sprintf("alternatives[%d]", ai), "Every estimate of %q is a single figure: give low and high values to the uncertain ones", a.Name)
		}}
)
