package casebuilder

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// The rules that check the Measures step: the KPIs and the people credited.
var (
	noKpiForPainRule = Rule{"no-kpi-for-pain", Blocking,
		"Without a measure of the pain itself, nobody will know whether the money fixed the problem; the CEO will not fund what cannot be checked.",
		func(rv *reviewer) {
			k := calculatorFor(rv.c.Pain.Category)
			if len(rv.c.Measures) == 0 {
				rv.add("measures", "There are no measures of success: add a KPI that tracks the pain")
				return
			}
			if k == nil {
				return
			}
			for _, m := range rv.c.Measures {
				if m.PainInput != "" && rv.c.Pain.TiesTo(m.PainInput) {
					return
				}
			}
			rv.add("measures", "No KPI tracks the pain: link a measure to one of the inputs of the %s, or to a component of the pain, as the input of the pain it tracks", strings.ToLower(k.Name))
		}}

	kpiWithoutTargetRule = Rule{"kpi-without-target", Warning,
		"A measure with no baseline to start from or no target to reach cannot tell success from failure.",
		func(rv *reviewer) {
			for i, m := range rv.c.Measures {
				switch {
				case m.Target == 0 && m.Baseline == 0:
					rv.add(fmt.Sprintf("measures[%d].baseline", i), "%s has neither a baseline nor a target", capital(called("KPI", m.Name, i)))
				case m.Target == m.Baseline:
					rv.add(fmt.Sprintf("measures[%d].target", i), "%s has no target different from its baseline", capital(called("KPI", m.Name, i)))
				}
			}
		}}

	kpiIncompleteRule = Rule{"kpi-incomplete", Warning,
		"A KPI without an owner, a date or a method will not be measured.",
		func(rv *reviewer) {
			for i, m := range rv.c.Measures {
				var missing lacking
				for _, f := range []struct {
					name, field string
					lacks       bool
				}{{"owner", "owner", blank(m.Owner)}, {"date", "date", m.Date.IsZero()}, {"method", "method", blank(m.Method)}} {
					if f.lacks {
						missing.add("no "+f.name, f.field)
					}
				}
				if len(missing.names) > 0 {
					rv.add(fmt.Sprintf("measures[%d].%s", i, missing.first), "%s has %s", capital(called("KPI", m.Name, i)), JoinNames(missing.names))
				}
			}
		}}

	kpiBaselineDiffersRule = Rule{"kpi-baseline-differs", Warning,
		"A KPI that starts from another figure than the cost of pain makes the CFO wonder which one is true.",
		func(rv *reviewer) {
			for i, m := range rv.c.Measures {
				p := &rv.c.Pain
				from, ok := p.likelyOf(m.PainInput)
				if _, _, known := p.inputBounds(m.PainInput); !ok || !known || closeTo(m.Baseline, from, 1e-9*math.Max(1, math.Abs(from))) {
					continue // an unknown input is invalid-value's to report
				}
				u := p.InputUnit(m.PainInput)
				rv.add(fmt.Sprintf("measures[%d].baseline", i), "%s starts from a baseline of %s, but the cost of pain uses %s",
					capital(called("KPI", m.Name, i)), rv.f.Value(m.Baseline, u), rv.f.Value(from, u))
			}
		}}

	kpiTargetDiffersRule = Rule{"kpi-target-differs", Warning,
		"If the KPI aims elsewhere than the benefits assume, either the benefits or the target is wrong, and the CFO will notice.",
		func(rv *reviewer) {
			if rv.rec == nil {
				return
			}
			for i, m := range rv.c.Measures {
				assumed, found := 0.0, false
				for _, b := range rv.rec.Benefits {
					if b.Basis == BenefitPainInput && b.Input == m.PainInput {
						assumed, found = b.To.Likely, true // the last change made counts
					}
				}
				if _, _, known := rv.c.Pain.inputBounds(m.PainInput); !found || !known || closeTo(m.Target, assumed, 1e-9*math.Max(1, math.Abs(assumed))) {
					continue // a KPI tied to no input, or to an unknown one
				}
				u := rv.c.Pain.InputUnit(m.PainInput)
				rv.add(fmt.Sprintf("measures[%d].target", i), "%s aims for %s, but the benefits of %q assume %s",
					capital(called("KPI", m.Name, i)), rv.f.Value(m.Target, u), rv.rec.Name, rv.f.Value(assumed, u))
			}
		}}

	roiTargetBeyondCaseRule = Rule{"roi-target-beyond-case", Warning,
		"A return the programme is to show that is higher than the case itself forecasts is a promise the figures do not make; the CFO will hold the programme to the lower one.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			roi := rv.res.Alternatives[ai].ROI
			for i, m := range rv.c.Measures {
				if m.Level != 5 || m.Unit != figure.Percent || roi == nil || m.Target <= *roi+1e-9 {
					continue
				}
				rv.add(fmt.Sprintf("measures[%d].target", i), "%s aims for an ROI of %s, but the case forecasts %s for %q",
					capital(called("KPI", m.Name, i)), rv.f.Percent(m.Target), rv.f.Percent(*roi), rv.rec.Name)
			}
		}}

	noContributorsRule = lackRule("no-contributors", Warning,
		"A case built alone on another department's problem looks like HR talking to itself; naming the people from Sales and Finance who shaped it shows they stand behind it.",
		"contributors", "No contributors are credited: say who helped build the case, and with what",
		func(c *Case) bool { return len(c.Contributors) == 0 })
)

// The rules that check the measures against the benefits (issue 13).
var (
	noBusinessImpactKPIRule = Rule{"no-business-impact-kpi", Warning,
		"Reactions and learning say the programme was liked, not that it paid; the CEO wants a measure of business impact (level 4) beside them.",
		func(rv *reviewer) {
			if len(rv.c.Measures) == 0 {
				return // no-kpi-for-pain says it already
			}
			for _, m := range rv.c.Measures {
				if m.Level >= 4 {
					return
				}
			}
			rv.add("measures", "No KPI measures business impact (level 4): add one, such as attrition or months to full productivity")
		}}

	benefitInputNotTrackedRule = Rule{"benefit-input-not-tracked", Warning,
		"A benefit whose driver nobody measures cannot be shown to have happened; the CFO will not count what cannot be checked.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			for li, b := range rv.rec.Benefits {
				if b.Basis != BenefitPainInput || slices.ContainsFunc(rv.c.Measures, func(m Measure) bool { return m.PainInput == b.Input }) {
					continue
				}
				rv.add("measures", "No KPI tracks %s, which %s of %q changes", rv.c.Pain.inputPhrase(b.Input), called("benefit", b.Name, li), rv.rec.Name)
			}
		}}

	kpiDueBeforeBenefitRule = Rule{"kpi-due-before-benefit", Warning,
		"A KPI due at its target before the benefit that moves it has started will read as missed on the day the plan says it may begin to move; the date or the plan is wrong.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 || rv.c.StartDate.IsZero() {
				return
			}
			for i, m := range rv.c.Measures {
				if m.PainInput == "" || m.Date.IsZero() {
					continue
				}
				// The first month with money of the benefits that change
				// its input: where its trajectory starts.
				first, name, li := -1, "", 0
				rv.benefitLines(ai, func(l *LineResult, b *Benefit) {
					if b.Basis != BenefitPainInput || b.Input != m.PainInput {
						return
					}
					if mo := slices.IndexFunc(l.flows, func(v float64) bool { return v != 0 }); mo >= 0 && (first < 0 || mo < first) {
						first, name, li = mo, b.Name, l.Index
					}
				})
				from := rv.c.StartDate.AddMonths(first)
				from.Day = 1 // month 0 is the start's calendar month
				if first < 0 || from.Before(m.Date) {
					continue
				}
				rv.add(fmt.Sprintf("measures[%d].date", i), "%s is due at its target on %s, before %s of %q brings any of it: it starts in %s",
					capital(called("KPI", m.Name, i)), m.Date, called("benefit", name, li), rv.rec.Name, rv.monthName(first))
			}
		}}

	marginWithoutSalesOwnerRule = Rule{"margin-without-sales-owner", Warning,
		"Margin on additional sales is only realised if Sales sells it: the CFO will count it only with the name of the person in Sales who commits to it.",
		func(rv *reviewer) {
			ai := rv.actingIndex()
			if ai < 0 {
				return
			}
			rv.benefitLines(ai, func(l *LineResult, b *Benefit) {
				if l.ByKind.Margin <= 0 {
					return
				}
				path := fmt.Sprintf("alternatives[%d].benefits[%d].owner", ai, l.Index)
				switch {
				case blank(b.Owner):
					rv.add(path, "%s of %q is %s of margin on sales, and nobody in Sales owns it", capital(called("benefit", b.Name, l.Index)), rv.rec.Name, rv.f.Money(l.ByKind.Margin))
				case !isSales(b.Owner):
					rv.add(path, "%s of %q is %s of margin on sales, owned by %s: the owner should be in Sales", capital(called("benefit", b.Name, l.Index)), rv.rec.Name, rv.f.Money(l.ByKind.Margin), b.Owner)
				}
			})
		}}

	impactAndScoreDisagreeRule = Rule{"impact-and-score-disagree", Warning,
		"When one page judges the impact on people a 4 and the next scores the same alternative a 2 on people, the CEO wonders which the author believes.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				for _, k := range rv.c.Criteria {
					var j Judgement
					var dim string
					switch {
					case containsWord(k.ID+" "+k.Name, "mission"):
						j, dim = a.Impact.Mission, "mission"
					case containsWord(k.ID+" "+k.Name, "people"):
						j, dim = a.Impact.People, "people"
					default:
						continue
					}
					s, ok := a.Scores[k.ID]
					if k.Auto != ScoreByHand || !ok || s.Score == 0 || j.Score == 0 || s.Score == j.Score {
						continue
					}
					rv.add(fmt.Sprintf("alternatives[%d].scores.%s.score", ai, k.ID), "%q's impact on the %s is judged %d, but it scores %d on %s",
						a.Name, dim, j.Score, s.Score, strings.ToLower(k.Name))
				}
			}
		}}
)
