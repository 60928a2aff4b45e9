package casebuilder

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// The rules that check the Alternatives step: the options, their costs and benefits.
var (
	noBaselineRule = lackRule("no-baseline", Blocking,
		"Without the cost of doing nothing, no alternative can show what it gains; the CEO will ask what happens if we do nothing.",
		"alternatives", "There is no do-nothing alternative",
		func(c *Case) bool { return c.Baseline() < 0 })

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

	alternativeWithoutCostsRule = alternativeLackingRule("alternative-without-costs", Blocking,
		"Nothing is free; an alternative without costs makes the CFO doubt every figure.",
		"costs", func(a *Alternative) int { return len(a.Costs) })

	lineWithoutValueRule = Rule{"line-without-value", Blocking,
		"A line with no value counts as nothing: the alternative's NPV, payback and ROI leave it out, and the CFO reads figures that hold no cost or no benefit the case names.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				if a.DoNothing {
					continue
				}
				for _, w := range rv.c.waiting(ai) {
					if rv.found(w.path) {
						continue // read as invalid: that finding says why it is empty
					}
					rv.add(w.path, "%s in %q is not given yet: the alternative's figures leave the line out until it is", capital(w.what), a.Name)
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

	alternativeWithoutBenefitsRule = alternativeLackingRule("alternative-without-benefits", Warning,
		"An alternative with costs and no benefits can only lose money; either its benefits are missing or it is not a real option.",
		"benefits", func(a *Alternative) int { return len(a.Benefits) })

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
				if a.DoNothing || len(a.Costs) == 0 || ai >= len(rv.res.Alternatives) {
					continue
				}
				// The months the lines fall in, fixed or anchored.
				first := -1
				for _, l := range rv.res.Alternatives[ai].Lines {
					if l.Kind == CostLine && (first < 0 || l.StartMonth < first) {
						first = l.StartMonth
					}
				}
				rv.benefitLines(ai, func(l *LineResult, b *Benefit) {
					if l.StartMonth >= first {
						return
					}
					field := "startMonth"
					if b.StartAt != nil {
						field = "startAt"
					}
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].%s", ai, l.Index, field), "%s of %q starts in %s, before any of its costs (%s)",
						capital(called("benefit", b.Name, l.Index)), a.Name, rv.monthName(l.StartMonth), rv.monthName(first))
				})
			}
		}}

	impactNotJudgedRule = Rule{"impact-not-judged", Advice,
		"The CEO weighs more than money: the impact on the company, its people and its mission should be judged for every alternative.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				var missing lacking
				for _, j := range []struct {
					name string
					j    Judgement
				}{{"company", a.Impact.Company}, {"people", a.Impact.People}, {"mission", a.Impact.Mission}} {
					if j.j.Score == 0 {
						missing.add(j.name, j.name)
					}
				}
				if len(missing.names) > 0 {
					rv.add(fmt.Sprintf("alternatives[%d].impact.%s.score", ai, missing.first), "The impact of %q on the %s is not judged", a.Name, JoinNames(missing.names))
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

// The rules that check the alternatives against the plan, the evidence
// and what is usual (issue 13).
var (
	benefitNotTiedToPlanRule = Rule{"benefit-not-tied-to-plan", Warning,
		"A saving that starts on a fixed month, in a case with a dated plan, does not move when the plan slips; the CEO will ask which milestone delivers it and what a delay costs.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 || !rv.hasDatedPlan() {
				return
			}
			for li, b := range rv.rec.Benefits {
				if b.StartAt == nil {
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].startAt", ai, li), "%s of %q starts in %s, whatever the plan: anchor it to the milestone that delivers it",
						capital(called("benefit", b.Name, li)), rv.rec.Name, rv.monthName(b.StartMonth))
				}
			}
		}}

	benefitBeforeDeliveryRule = Rule{"benefit-before-delivery", Warning,
		"Savings counted while the milestone that delivers them is still under way are counted too early; the CFO times them to its end.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			sched := newSchedule(rv.c)
			for li, b := range rv.rec.Benefits {
				a := b.StartAt
				if a == nil || a.At != AtStart {
					continue
				}
				mi := rv.milestoneIndex(a.Milestone)
				if mi < 0 || rv.c.Plan.Milestones[mi].End.IsZero() {
					continue
				}
				start, _ := sched.benefitSpan(&b)
				end, _ := sched.point(&Anchor{Milestone: a.Milestone, At: AtEnd})
				if start < end {
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].startAt", ai, li), "%s of %q starts in %s, before %s ends (%s)",
						capital(called("benefit", b.Name, li)), rv.rec.Name, rv.monthName(start), called("milestone", rv.c.Plan.Milestones[mi].Name, mi), rv.monthName(end-1))
				}
			}
		}}

	costsStopBenefitsGoOnRule = Rule{"costs-stop-benefits-go-on", Warning,
		"When every recurring cost has stopped, what keeps the benefit going? The CFO expects savings to fade with the spending that produced them, or a reason why not.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			lastCost, recurring := -1, false
			for _, l := range rv.res.Alternatives[ai].Lines {
				if l.Kind == CostLine && l.EndMonth != nil {
					recurring = true
					lastCost = max(lastCost, *l.EndMonth)
				}
			}
			if !recurring || lastCost >= rv.res.Months-1 {
				return
			}
			rv.benefitLines(ai, func(l *LineResult, b *Benefit) {
				if l.EndMonth == nil || *l.EndMonth < lastCost+sustainedMonths || !blank(b.Note) {
					return
				}
				rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].endMonth", ai, l.Index), "%s of %q runs to %s, more than a year after the last recurring cost stops (%s), and its note gives no reason",
					capital(called("benefit", b.Name, l.Index)), rv.rec.Name, rv.monthName(*l.EndMonth), rv.monthName(lastCost))
			})
		}}

	changeBeyondUsualRule = Rule{"change-beyond-usual", Warning,
		"A programme that moves its measure by more than 40 % (attrition halved, ramp-up cut by half) claims more than programmes of its kind report; the CEO will want the evidence that it can.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			p := &rv.c.Pain
			for li, b := range rv.rec.Benefits {
				from, ok := p.likelyOf(b.Input)
				if b.Basis != BenefitPainInput || !ok || from == 0 {
					continue
				}
				change := math.Abs(b.To.Likely-from) / math.Abs(from)
				if change > maxUsualChange {
					unit := p.InputUnit(b.Input)
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].to", ai, li), "%s of %q takes %s from %s to %s, a change of %s",
						capital(called("benefit", b.Name, li)), rv.rec.Name, p.inputPhrase(b.Input), rv.f.Value(from, unit), rv.f.Value(b.To.Likely, unit), rv.f.Percent(change))
				}
			}
		}}

	headsBeyondPopulationRule = Rule{"heads-beyond-population", Warning,
		"A per-head cost for more people than the case has (more reps than the sales force) shows a figure was typed without checking it.",
		func(rv *reviewer) {
			population, what := 0.0, ""
			for _, key := range []string{"reps", "peopleAffected"} {
				if v, ok := rv.c.Pain.Inputs[key]; ok {
					for y := range max(1, len(v.Years)) {
						if p := v.InYear(y).High; p > population {
							population, what = p, strings.ToLower(lookupInput(key).Label)
						}
					}
				}
			}
			if population == 0 {
				return
			}
			for ai, a := range rv.c.Alternatives {
				for li, k := range a.Costs {
					if k.PerHead && k.HeadsFrom == "" && k.Heads > population {
						rv.add(fmt.Sprintf("alternatives[%d].costs[%d].heads", ai, li), "%s of %q is for %s heads, more than the %s %s",
							capital(called("cost", k.Name, li)), a.Name, rv.f.Number(k.Heads, 0), rv.f.Number(population, 0), what)
					}
				}
			}
		}}

	trainingBenefitsBeyondYearsRule = Rule{"benefits-counted-too-long", Warning,
		"The conservative rules of the ROI method count the benefits of a training-like programme for its first two years unless there is a reason to count longer; a benefit counted for longer without one invites the CFO to cut it.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			rv.benefitLines(ai, func(l *LineResult, b *Benefit) {
				if l.EndMonth == nil {
					return
				}
				if months := *l.EndMonth - l.StartMonth + 1; months > conservativeBenefitMonths && blank(b.Note) {
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].note", ai, l.Index), "%s of %q is counted for %d months with no reason given: say why it lasts, or end it after two years",
						capital(called("benefit", b.Name, l.Index)), rv.rec.Name, months)
				}
			})
		}}

	costsNotFullyLoadedRule = Rule{"costs-not-fully-loaded", Warning,
		"The conservative rules of the ROI method count every cost, the time of the participants and of their managers included; a plan that leaves it out understates what the programme costs.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 || len(rv.rec.Costs) == 0 {
				return
			}
			for _, k := range rv.rec.Costs {
				if k.Money == PeopleTime {
					return
				}
			}
			rv.add(fmt.Sprintf("alternatives[%d].costs", ai), "No cost line of %q is people's time: cost the hours of the participants, the managers and the programme owner on lines of their own", rv.rec.Name)
		}}

	tooGoodToBelieveRule = Rule{"too-good-to-believe", Warning,
		"An ROI above 1,000 %, an IRR above 300 % or a payback within the first month is beyond what any people programme reports; the CFO will look for the line that makes it so.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			a := &rv.res.Alternatives[ai]
			var claim string
			switch {
			case a.ROI != nil && *a.ROI > 10:
				claim = "an ROI of " + rv.f.Percent(*a.ROI)
			case a.IRR != nil && *a.IRR > 3:
				claim = "an IRR of " + rv.f.Percent(*a.IRR)
			case a.PaybackMonths != nil && *a.PaybackMonths < 1 && a.TotalCost > 0:
				claim = "a payback within the first month"
			default:
				return
			}
			// The line that makes it so: the largest benefit.
			big := -1
			for i, l := range a.Lines {
				if l.Kind == BenefitLine && (big < 0 || l.Total > a.Lines[big].Total) {
					big = i
				}
			}
			if big < 0 {
				rv.add(fmt.Sprintf("alternatives[%d]", ai), "%q shows %s", rv.rec.Name, claim)
				return
			}
			l := a.Lines[big]
			rv.add(fmt.Sprintf("alternatives[%d].benefits[%d]", ai, l.Index), "%q shows %s, most of it from %s (%s over the horizon); people programmes report ROIs of tens or a few hundred per cent",
				rv.rec.Name, claim, called("benefit", l.Name, l.Index), rv.f.Money(l.Total))
		}}
)

// Thresholds of the rules above, each said in the rule's reason.
const (
	maxUsualChange            = 0.4 // of a calculator input, relative to today
	sustainedMonths           = 12  // a benefit this long past the last cost needs a reason
	conservativeBenefitMonths = 24  // the ROI method's two years
)

// hasDatedPlan reports whether the plan has a milestone with dates.
func (rv *reviewer) hasDatedPlan() bool {
	return slices.ContainsFunc(rv.c.Plan.Milestones, func(m Milestone) bool { return !m.End.IsZero() && m.ID != "" })
}

// alternativeLackingRule is a rule that finds each alternative, doing
// nothing aside, with no lines of a kind, what ("costs" or "benefits"),
// as lines counts them.
func alternativeLackingRule(name string, severity Severity, why, what string, lines func(a *Alternative) int) Rule {
	return Rule{name, severity, why, func(rv *reviewer) {
		for i := range rv.c.Alternatives {
			if a := &rv.c.Alternatives[i]; !a.DoNothing && lines(a) == 0 {
				rv.add(fmt.Sprintf("alternatives[%d].%s", i, what), "Alternative %q has no %s", a.Name, what)
			}
		}
	}}
}
