package casebuilder

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"golang.org/x/text/language"
)

// TestReviewRules triggers every rule of the review with the smallest
// change to the turnover sample that should raise it, and checks the
// finding's severity, message and where to fix it; the sample as it is
// raises none of them (but the advice on its rule-of-thumb defaults).
func TestReviewRules(t *testing.T) {
	onboarding := func(c *Case) *Alternative { return &c.Alternatives[1] }
	// unloaded makes every cost line of a new cash.
	unloaded := func(a *Alternative) {
		for i := range a.Costs {
			a.Costs[i].Money = ""
		}
	}
	tests := []struct {
		rule   string
		mutate func(c *Case)
		// message is part of the finding's message; path is its Where.Path.
		message, path string
	}{
		{"invalid-value", func(c *Case) { c.DiscountRate = -0.1 },
			"discountRate: must be a yearly rate from 0% to 100%, e.g. 8% (got -10.0%)", "discountRate"},
		{"no-baseline", func(c *Case) { c.Alternatives = c.Alternatives[1:] },
			"There is no do-nothing alternative", "alternatives"},
		{"too-few-alternatives", func(c *Case) { c.Alternatives = c.Alternatives[:2] },
			`Only one alternative, "Structured onboarding and coaching", is weighed against doing nothing`, "alternatives"},
		{"too-few-alternatives", func(c *Case) { c.Alternatives = c.Alternatives[:1] },
			"There is no alternative to doing nothing", "alternatives"},
		{"pain-not-quantified", func(c *Case) { delete(c.Pain.Inputs, "reps") },
			"The cost of the pain lacks Sales reps", "pain.inputs.reps"},
		{"pain-not-quantified", func(c *Case) { c.Pain.Category = "" },
			"The pain has no category", "pain.category"},
		{"pain-without-evidence", func(c *Case) { c.Pain.Evidence = nil },
			"The pain has no evidence", "pain.evidence"},
		{"alternative-without-costs", func(c *Case) { c.Alternatives[3].Costs = nil },
			`Alternative "Sharper hiring profile and assessment" has no costs`, "alternatives[3].costs"},
		{"line-without-value", func(c *Case) { onboarding(c).Costs[0].Amount = Range{} },
			`The amount of cost "Programme design by an external partner" in "Structured onboarding and coaching" is not given yet: the alternative's figures leave the line out until it is`,
			"alternatives[1].costs[0].amount"},
		{"line-without-value", func(c *Case) {
			onboarding(c).Benefits = append(onboarding(c).Benefits, Benefit{Basis: BenefitAmount, StartMonth: 6})
		}, `The value of the 3rd benefit in "Structured onboarding and coaching" is not given yet`, "alternatives[1].benefits[2].annual"},
		{"benefit-exceeds-pain", func(c *Case) {
			// 95 % of the pain on top of what its two lines already avoid.
			a := onboarding(c)
			a.Benefits = append(a.Benefits, Benefit{Name: "Everything else", Basis: BenefitPainShare, Share: Exactly(0.95), StartMonth: 6})
		}, `The benefits of "Structured onboarding and coaching" avoid`, "alternatives[1].benefits"},
		{"recommended-negative-npv", func(c *Case) {
			a := onboarding(c)
			a.Costs = append(a.Costs, Cost{Name: "Gold-plated platform", Kind: OneTime, Amount: Exactly(4_000_000)})
		}, `The recommended alternative "Structured onboarding and coaching" has a negative NPV (-€`, "recommendation.whyNegativeNpv"},
		{"recommended-not-top-ranked", func(c *Case) { c.Recommendation.Alternative = "hiring" },
			`The recommended alternative "Sharper hiring profile and assessment" ranks 2nd on the weighted criteria, behind "Structured onboarding and coaching"`,
			"recommendation.whyNotTopRanked"},
		{"high-risk-without-contingency", func(c *Case) { c.Risks[1].Contingency = " " },
			`Risk "Sales managers do not make time to coach" is rated high but has no contingency plan`, "risks[1].contingency"},
		{"high-risk-without-owner", func(c *Case) { c.Risks[1].Owner = "" },
			`Risk "Sales managers do not make time to coach" is rated high but has no owner`, "risks[1].owner"},
		{"no-plan", func(c *Case) { c.Plan.Milestones = nil },
			"There is no implementation plan", "plan.milestones"},
		{"no-kpi-for-pain", func(c *Case) {
			for i := range c.Measures {
				c.Measures[i].PainInput = ""
			}
		}, "No KPI tracks the pain: link a measure to one of the inputs of the cost of sales turnover", "measures"},
		{"no-kpi-for-pain", func(c *Case) { c.Measures = nil },
			"There are no measures of success", "measures"},

		{"roi-target-beyond-case", func(c *Case) { c.Measures[4].Target = 1 },
			`KPI "Return on the programme" aims for an ROI of 100.0%, but the case forecasts 48.9% for "Structured onboarding and coaching"`,
			"measures[4].target"},
		{"no-title", func(c *Case) { c.Title = " " },
			"The case has no title", "title"},
		{"no-objective-link", func(c *Case) { c.Context.ServesObjective = "" },
			"The case is not linked to a company objective", "context.servesObjective"},
		{"evidence-without-source", func(c *Case) { c.Pain.Evidence[1].Source = "" },
			`Evidence "Vacant account-executive territories took 55 days to fill o…" has no source`, "pain.evidence[1].source"},
		{"alternative-without-benefits", func(c *Case) { c.Alternatives[3].Benefits = nil },
			`Alternative "Sharper hiring profile and assessment" has no benefits`, "alternatives[3].benefits"},
		{"benefits-beyond-pain", func(c *Case) {
			c.Alternatives[3].Benefits = append(c.Alternatives[3].Benefits, Benefit{Name: "New business", Basis: BenefitAmount, Annual: Exactly(8_000_000), StartMonth: 6})
		}, `The benefits of "Sharper hiring profile and assessment" come to €8,`, "alternatives[3].benefits"},
		{"benefit-before-costs", func(c *Case) {
			c.Alternatives[3].Costs[0].StartMonth = 3
			c.Alternatives[3].Benefits[0].StartMonth = 1
		}, `Benefit "Fewer leavers among better-matched hires" of "Sharper hiring profile and assessment" starts in February 2027, before any of its costs (March 2027)`,
			"alternatives[3].benefits[0].startMonth"},
		{"payback-beyond-horizon", func(c *Case) {
			// Ten months leave the NPV below zero too: say why it is worth
			// it, so that only this rule speaks.
			c.HorizonMonths = 10
			c.Recommendation.WhyNegativeNPV = "A pilot of ten months, judged on its KPIs."
		},
			`The recommended alternative "Structured onboarding and coaching" does not pay back within the 10-month horizon`, "alternatives[1]"},
		{"no-criteria", func(c *Case) {
			c.Criteria = nil
			for i := range c.Alternatives {
				c.Alternatives[i].Scores = nil
			}
		}, "The alternatives are not weighed on any criteria", "criteria"},
		{"weights-not-100", func(c *Case) { c.Criteria[0].Weight = 0.2 },
			"The criteria's weights add up to 90.0%, not 100%", "criteria"},
		{"alternative-not-scored", func(c *Case) { delete(c.Alternatives[2].Scores, "risk"); delete(c.Alternatives[2].Scores, "ease") },
			`Alternative "Revised compensation plan with a retention award" has no score for Risk and Ease of implementation`, "alternatives[2].scores.risk"},
		{"no-recommendation", func(c *Case) { c.Recommendation.Alternative = "" },
			`The case recommends no alternative; the one with the highest NPV, "Structured onboarding and coaching", is shown as recommended`, "recommendation.alternative"},
		{"recommendation-without-reason", func(c *Case) { c.Recommendation.Reason = "" },
			`The recommendation of "Structured onboarding and coaching" gives no reason`, "recommendation.reason"},
		{"no-ask", func(c *Case) { c.Ask.Decision = "" },
			"The case does not say what decision it asks for", "ask.decision"},
		{"no-risks", func(c *Case) {
			c.Risks = slices.DeleteFunc(c.Risks, func(r Risk) bool { return slices.Contains(r.Alternatives, "onboarding") })
		}, `No risk concerns the recommended alternative "Structured onboarding and coaching"`, "risks"},
		{"risk-not-rated", func(c *Case) { c.Risks[0].ImpactScore = 0 },
			`Risk "The sales coaches are hired late, or leave within the first year" has no impact rating`, "risks[0].impactScore"},
		{"risk-not-rated", func(c *Case) { c.Risks[0].Likelihood = 0 },
			`Risk "The sales coaches are hired late, or leave within the first year" has no likelihood`, "risks[0].likelihood"},
		{"contingency-without-cost", func(c *Case) { c.Risks[2].ContingencyCost = 0 },
			`Risk "The programme's content does not fit our way of selling" has a contingency plan without a cost`, "risks[2].contingencyCost"},
		{"risk-without-alternative", func(c *Case) { c.Risks[3].Alternatives = nil },
			`Risk "Works-council consultation delays the new compensation plan" concerns no alternative`, "risks[3].alternatives"},
		{"reserve-none", func(c *Case) { c.Reserve.Basis = ReserveNone },
			`The costed plan of "Structured onboarding and coaching" carries no contingency reserve, though its risks' contingencies are expected to cost €52,000`, "reserve.basis"},
		{"milestone-without-owner", func(c *Case) { c.Plan.Milestones[1].Owner = "" },
			`Milestone "Select the design partner" has no owner`, "plan.milestones[1].owner"},
		{"milestone-without-dates", func(c *Case) { c.Plan.Milestones[6].Start = Date{} },
			`Milestone "Roll out to every new hire and region" has no start date`, "plan.milestones[6].start"},
		{"milestone-before-dependency", func(c *Case) { c.Plan.Milestones[3].Start = Date{2027, time.February, 1} },
			`Milestone "Design the 90-day onboarding path" starts on 2027-02-01, before milestone "Select the design partner", which it depends on, ends (2027-02-12)`,
			"plan.milestones[3].start"},
		{"resource-not-secured", func(c *Case) { c.Plan.Milestones[2].Resources[0].Secured = false },
			`Resource "Two coach positions in the 2027 headcount plan" for milestone "Hire two sales coaches" is not secured`, "plan.milestones[2].resources[0].secured"},
		{"no-stakeholders", func(c *Case) { c.Plan.Stakeholders = nil },
			"No affected parties are identified", "plan.stakeholders"},
		{"no-reporting-cadence", func(c *Case) { c.Plan.ReportingCadence = "" },
			"There is no reporting cadence", "plan.reportingCadence"},
		{"kpi-without-target", func(c *Case) { c.Measures[2].Target = c.Measures[2].Baseline },
			`KPI "Coaching sessions per rep per month" has no target different from its baseline`, "measures[2].target"},
		{"kpi-without-target", func(c *Case) { c.Measures[3].Target = 0 },
			`KPI "New hires' rating of the onboarding path" has neither a baseline nor a target`, "measures[3].baseline"},
		{"kpi-incomplete", func(c *Case) { c.Measures[3].Owner, c.Measures[3].Date = "", Date{} },
			`KPI "New hires' rating of the onboarding path" has no owner and no date`, "measures[3].owner"},
		{"kpi-baseline-differs", func(c *Case) { c.Measures[0].Baseline = 0.3 },
			`KPI "Sales attrition, rolling twelve months" starts from a baseline of 30.0%, but the cost of pain uses 33.0%`, "measures[0].baseline"},
		{"kpi-target-differs", func(c *Case) { c.Measures[1].Target = 4 },
			`KPI "Months to full productivity, new hires" aims for 4.0 months, but the benefits of "Structured onboarding and coaching" assume 5.0 months`, "measures[1].target"},
		{"no-contributors", func(c *Case) { c.Contributors = nil },
			"No contributors are credited", "contributors"},

		{"defaults-in-pain", func(c *Case) { delete(c.Pain.Inputs, "separationCost"); delete(c.Pain.Inputs, "preventableShare") },
			"The cost of pain uses rule-of-thumb defaults for Share of exits that can be prevented and Separation cost per leaver", "pain.inputs.preventableShare"},
		{"score-without-rationale", func(c *Case) { onboarding(c).Scores["risk"] = Score{Score: 3} },
			`The scores of "Structured onboarding and coaching" for Risk have no rationale`, "alternatives[1].scores.risk.rationale"},
		{"impact-not-judged", func(c *Case) { c.Alternatives[2].Impact.People.Score, c.Alternatives[2].Impact.Mission.Score = 0, 0 },
			`The impact of "Revised compensation plan with a retention award" on the people and mission is not judged`, "alternatives[2].impact.people.score"},
		{"single-point-estimates", func(c *Case) {
			for k, r := range c.Pain.Inputs {
				c.Pain.Inputs[k] = Given(Exactly(r.Likely))
			}
			a := onboarding(c)
			for i := range a.Costs {
				a.Costs[i].Amount = Exactly(a.Costs[i].Amount.Likely)
			}
			for i := range a.Benefits {
				a.Benefits[i].To = Exactly(a.Benefits[i].To.Likely)
			}
		}, `Every estimate of "Structured onboarding and coaching" is a single figure`, "alternatives[1]"},
		{"no-decision-date", func(c *Case) { c.Ask.DecideBy = Date{} },
			"The ask does not say by when the decision is needed", "ask.decideBy"},
		{"rates-without-reason", func(c *Case) { c.RatesReason = " " },
			"The case does not say why it discounts at 10.0% a year over 36 months", "ratesReason"},
		{"risk-without-trigger", func(c *Case) { c.Risks[1].Trigger = "" },
			`Risk "Sales managers do not make time to coach" has no early-warning trigger`, "risks[1].trigger"},
		{"stakeholder-without-channel", func(c *Case) { c.Plan.Stakeholders[0].Channel = "" },
			`Stakeholder "Account executives" has no channel of communication`, "plan.stakeholders[0].channel"},

		// The rules that check one part of the case against another.
		{"old-evidence", func(c *Case) {
			c.Pain.Evidence[1] = Evidence{Finding: "Vacant territories took 55 days to fill.", Source: "Recruiting survey, 2021"}
		}, `Evidence "Vacant territories took 55 days to fill." is from 2021, 5 years before the case`, "pain.evidence[1].source"},
		{"attainment-assumed-full", func(c *Case) { delete(c.Pain.Inputs, "productiveAttainment") },
			"Lost sales are valued at the assumed 100% of quota, but the current state says 58 % of them reached quota", "pain.inputs.productiveAttainment"},
		{"attrition-beyond-preventable", func(c *Case) { onboarding(c).Benefits[0].To = Range{0.08, 0.06, 0.05} },
			`Benefit "Fewer early leavers" of "Structured onboarding and coaching" takes attrition to 6.0%, but with 74.0% of exits preventable it falls no lower than 8.6%`,
			"alternatives[1].benefits[0].to"},
		{"benefit-not-tied-to-plan", func(c *Case) { onboarding(c).Benefits[1].StartAt, onboarding(c).Benefits[1].StartMonth = nil, 6 },
			`Benefit "Faster ramp-up of new hires" of "Structured onboarding and coaching" starts in July 2027, whatever the plan`, "alternatives[1].benefits[1].startAt"},
		{"benefit-before-delivery", func(c *Case) { onboarding(c).Benefits[0].StartAt = &Anchor{Milestone: "rollout", At: AtStart} },
			`Benefit "Fewer early leavers" of "Structured onboarding and coaching" starts in July 2027, before milestone "Roll out to every new hire and region" ends (September 2027)`,
			"alternatives[1].benefits[0].startAt"},
		{"costs-stop-benefits-go-on", func(c *Case) {
			a := onboarding(c)
			for i := range a.Costs {
				if a.Costs[i].Kind != OneTime {
					a.Costs[i].EndMonth = intPtr(12)
				}
			}
			a.Benefits[0].Note = ""
		}, `Benefit "Fewer early leavers" of "Structured onboarding and coaching" runs to December 2029, more than a year after the last recurring cost stops (January 2028), and its note gives no reason`,
			"alternatives[1].benefits[0].endMonth"},
		{"change-beyond-usual", func(c *Case) { onboarding(c).Benefits[1].To = Range{3.5, 3, 2.5} },
			`Benefit "Faster ramp-up of new hires" of "Structured onboarding and coaching" takes months to full productivity from 6.0 months to 3.0 months, a change of 50.0%`,
			"alternatives[1].benefits[1].to"},
		{"heads-beyond-population", func(c *Case) { c.Alternatives[2].Costs[2].Heads = 400 },
			`Cost "Yearly retention award (120 reps)" of "Revised compensation plan with a retention award" is for 400 heads, more than the 150 sales reps`,
			"alternatives[2].costs[2].heads"},
		{"benefits-counted-too-long", func(c *Case) { onboarding(c).Benefits[0].Note = "" },
			`Benefit "Fewer early leavers" of "Structured onboarding and coaching" is counted for 27 months with no reason given`, "alternatives[1].benefits[0].note"},
		{"costs-not-fully-loaded", func(c *Case) { unloaded(onboarding(c)) },
			`No cost line of "Structured onboarding and coaching" is people's time`, "alternatives[1].costs"},
		{"too-good-to-believe", func(c *Case) {
			for i := range onboarding(c).Costs {
				onboarding(c).Costs[i].Amount = Exactly(1)
			}
		}, `"Structured onboarding and coaching" shows an ROI of`, "alternatives[1].benefits[0]"},
		{"discount-rate-implausible", func(c *Case) { c.DiscountRate = 0 },
			"The discount rate is zero", "discountRate"},
		{"decision-after-start", func(c *Case) { c.Ask.DecideBy = Date{2027, 2, 1} },
			"The decision is asked for by 2027-02-01, after the case's start (2027-01-01)", "ask.decideBy"},
		{"claim-contradicts-figures", func(c *Case) { c.Recommendation.Reason = "It is the cheapest way to keep our people." },
			`"Structured onboarding and coaching" says "cheapest", but "Sharper hiring profile and assessment" has it`, "recommendation.reason"},
		{"contingency-dearer-than-risk", func(c *Case) { c.Risks[0].ContingencyCost = 200_000 },
			`Risk "The sales coaches are hired late, or leave within the first year" has a contingency plan costing €200,000, more than the €150,000 it costs if nothing is done`,
			"risks[0].contingencyCost"},
		{"near-certain-risk", func(c *Case) { c.Risks[2].Likelihood = 0.95 },
			`Risk "The programme's content does not fit our way of selling" is 95.0% likely: cost it as a line of the plan instead`, "risks[2].likelihood"},
		{"reserve-below-likely-contingency", func(c *Case) { c.Risks[1].Likelihood, c.Risks[1].ContingencyCost = 0.6, 200_000 },
			`The reserve of "Structured onboarding and coaching" (€164,000) is smaller than the contingency plan of risk "Sales managers do not make time to coach" (€200,000), which is 60.0% likely`,
			"reserve.basis"},
		{"high-risk-without-residual", func(c *Case) { c.Risks[1].ResidualImpact = 0 },
			`Risk "Sales managers do not make time to coach" is rated high, but does not say what it still costs`, "risks[1].residualImpact"},
		{"date-outside-horizon", func(c *Case) { c.Measures[4].Date = Date{2030, 6, 30} },
			`KPI "Return on the programme" is due on 2030-06-30, outside the horizon (January 2027 to December 2029)`, "measures[4].date"},
		{"one-owner-for-most", func(c *Case) {
			for i := range c.Plan.Milestones {
				c.Plan.Milestones[i].Owner = "Lena Brandt, Head of Sales Enablement"
			}
		}, "Lena Brandt, Head of Sales Enablement owns 8 of the 12 milestones and risks", "plan.milestones"},
		{"no-sales-stakeholder", func(c *Case) { c.Plan.Stakeholders = c.Plan.Stakeholders[2:] },
			"No affected party is from Sales", "plan.stakeholders"},
		{"people-time-not-costed", func(c *Case) { unloaded(onboarding(c)) },
			`The ask names people's time ("Two sales-coach positions; the Head of Sales Enablement as …"), but no cost line of "Structured onboarding and coaching" is people's time`,
			"ask.people"},
		{"gate-without-thresholds", func(c *Case) { c.Plan.Gates[0].Thresholds = nil },
			`Gate "Pilot review: go on to the roll-out or stop" has no thresholds to meet`, "plan.gates[0].thresholds"},
		{"no-gate-before-end", func(c *Case) { c.Plan.Gates, c.Ask.UpToGate = nil, "" },
			`"Structured onboarding and coaching" spends €1,993,200, €1,`, "plan.gates"},
		{"no-business-impact-kpi", func(c *Case) {
			for i := range c.Measures {
				c.Measures[i].Level = min(c.Measures[i].Level, 3)
			}
		}, "No KPI measures business impact (level 4)", "measures"},
		{"benefit-input-not-tracked", func(c *Case) { c.Measures[1].PainInput = "" },
			`No KPI tracks months to full productivity, which benefit "Faster ramp-up of new hires" of "Structured onboarding and coaching" changes`, "measures"},
		{"kpi-due-before-benefit", func(c *Case) { c.Measures[1].Date = DateOf(time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)) },
			`KPI "Months to full productivity, new hires" is due at its target on 2027-06-30, before benefit "Faster ramp-up of new hires" of "Structured onboarding and coaching" brings any of it: it starts in July 2027`,
			"measures[1].date"},
		{"margin-without-sales-owner", func(c *Case) { onboarding(c).Benefits[0].Owner = "" },
			`Benefit "Fewer early leavers" of "Structured onboarding and coaching" is €`, "alternatives[1].benefits[0].owner"},
		{"impact-and-score-disagree", func(c *Case) { onboarding(c).Impact.People.Score = 3 },
			`"Structured onboarding and coaching"'s impact on the people is judged 3, but it scores 5 on impact on people`, "alternatives[1].scores.people.score"},
	}

	sample := loadSample(t, "turnover")
	before := Review(sample, Calculate(sample))
	for _, f := range before {
		t.Errorf("the turnover sample raises %v", f)
	}
	severity := map[string]Severity{}
	for _, r := range Rules() {
		if _, dup := severity[r.Name]; dup || r.Why == "" || r.Name == "" {
			t.Errorf("rule %q is named twice or has no reason", r.Name)
		}
		severity[r.Name] = r.Severity
	}
	tested := map[string]bool{}
	for _, tt := range tests {
		tested[tt.rule] = true
		t.Run(tt.rule, func(t *testing.T) {
			c := loadSample(t, "turnover")
			tt.mutate(c)
			fs := Review(c, Calculate(c))
			i := slices.IndexFunc(fs, func(f Finding) bool { return f.Rule == tt.rule && strings.Contains(f.Message, tt.message) })
			if i < 0 {
				t.Fatalf("no %s finding saying %q in:\n%v", tt.rule, tt.message, fs)
			}
			f := fs[i]
			if f.Severity != severity[tt.rule] || f.Where.Path != tt.path || f.Where.Step != StepFor(tt.path) || f.Why == "" {
				t.Errorf("finding %+v; want severity %s, path %s", f, severity[tt.rule], tt.path)
			}
			// The sample has nothing blocking: each flaw blocks it exactly
			// when its rule is a blocking one.
			if want := severity[tt.rule] == Blocking; HasBlocking(fs) != want {
				t.Errorf("HasBlocking = %v, want %v for a %s flaw:\n%v", !want, want, severity[tt.rule], fs)
			}
			for j := 1; j < len(fs); j++ {
				if rank := map[Severity]int{Blocking: 0, Warning: 1, Advice: 2}; rank[fs[j].Severity] < rank[fs[j-1].Severity] {
					t.Errorf("finding %d (%s) comes after a less severe one", j, fs[j].Severity)
				}
			}
		})
	}
	for _, r := range Rules() {
		if !tested[r.Name] {
			t.Errorf("rule %s is not tested", r.Name)
		}
	}
	if n := len(Rules()); n < 20 {
		t.Errorf("%d rules; the review needs at least 20", n)
	}
}

// TestReviewSilentWhenAnswered checks that the rules that ask the case
// to explain itself are satisfied by the explanation.
func TestReviewSilentWhenAnswered(t *testing.T) {
	c := loadSample(t, "turnover")
	a := &c.Alternatives[3]
	a.Costs = append(a.Costs, Cost{Name: "Gold-plated assessment centre", Kind: OneTime, Amount: Exactly(4_000_000)})
	c.Recommendation.Alternative = "hiring"
	rules := func() []string {
		var out []string
		for _, f := range Review(c, Calculate(c)) {
			if f.Rule == "recommended-not-top-ranked" || f.Rule == "recommended-negative-npv" {
				out = append(out, f.Rule)
			}
		}
		return out
	}
	if got := rules(); len(got) != 2 {
		t.Fatalf("without reasons: %v", got)
	}
	c.Recommendation.WhyNotTopRanked = "The only alternative the budget allows this year."
	c.Recommendation.WhyNegativeNPV = "Required by the works agreement signed in 2026."
	if got := rules(); len(got) != 0 {
		t.Errorf("with the reasons given: %v", got)
	}
}

// TestBenefitLineExceedsPain: a skills-gap case whose alternative lifts
// attainment above the target claims more than the whole gap costs.
func TestBenefitLineExceedsPain(t *testing.T) {
	c := smallCase()
	c.Pain = Pain{Category: SkillsGap, Inputs: GivenInputs(map[string]Range{"reps": Exactly(10), "annualQuota": Exactly(100000),
		"grossMargin": Exactly(0.5), "targetAttainment": Exactly(1), "actualAttainment": Exactly(0.8)})}
	// The gap costs 0.2 × 10 × 100,000 × 0.5 = 100,000 a year; at 130 %
	// it is −0.3 × 500,000 = −150,000, so the high end claims 250,000.
	c.Alternatives[1].Benefits = []Benefit{{Name: "Training", Basis: BenefitPainInput, Input: "actualAttainment", To: Range{0.9, 1, 1.3}}}
	fs := Review(c, Calculate(c))
	want := `Benefit "Training" of "A" is worth up to €250,000 a year, more than the pain costs (€100,000 a year)`
	if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == "benefit-exceeds-pain" && f.Message == want }) {
		t.Errorf("no finding %q in %v", want, fs)
	}

	// Every alternative at fault is named, once: the warning about all
	// benefits does not repeat the blocking finding.
	c.Alternatives = append(c.Alternatives, Alternative{ID: "b", Name: "B", Costs: c.Alternatives[1].Costs,
		Benefits: []Benefit{{Name: "Half", Basis: BenefitPainShare, Share: Exactly(0.5)}, {Name: "Most", Basis: BenefitPainShare, Share: Exactly(0.6)}}})
	var got []string
	for _, f := range Review(c, Calculate(c)) {
		if f.Rule == "benefit-exceeds-pain" || f.Rule == "benefits-beyond-pain" {
			got = append(got, f.Rule+": "+f.Message)
		}
	}
	if len(got) != 2 || !strings.Contains(got[1], `The benefits of "B" avoid €110,000 of pain a year, more than the pain costs (€100,000 a year)`) {
		t.Errorf("findings %q", got)
	}
}

func TestRampSampleReview(t *testing.T) {
	c := loadSample(t, "ramp")
	if fs := Review(c, Calculate(c)); HasBlocking(fs) {
		t.Errorf("the ramp sample has blocking findings: %v", fs)
	}
}

func TestRiskIsHigh(t *testing.T) {
	for _, tt := range []struct {
		likelihood float64
		impact     int
		high       bool
	}{
		{0.4, 4, true},   // 3 × 4
		{0.3, 4, false},  // 2 × 4
		{0.6, 3, true},   // 4 × 3
		{0.5, 3, false},  // 3 × 3
		{0.05, 5, true},  // severe, however unlikely
		{0.95, 2, false}, // 5 × 2
		{0.9, 0, false},  // not rated
	} {
		r := Risk{Likelihood: tt.likelihood, ImpactScore: tt.impact}
		if r.IsHigh() != tt.high {
			t.Errorf("likelihood %v, impact %d: high %v", tt.likelihood, tt.impact, r.IsHigh())
		}
	}
}

func TestReadiness(t *testing.T) {
	f := func(rule string, s Severity) Finding { return Finding{Rule: rule, Severity: s} }
	for _, tt := range []struct {
		name string
		fs   []Finding
		want int
	}{
		{"none", nil, 100},
		{"advice", []Finding{f("a", Advice), f("b", Advice)}, 98},
		{"warnings", []Finding{f("w", Warning), f("x", Warning), f("a", Advice)}, 89},
		// At most three findings of one rule count: 4 × 5 counts as 15.
		{"repeated", []Finding{f("w", Warning), f("w", Warning), f("w", Warning), f("w", Warning)}, 85},
		// One blocking finding would leave 80; anything blocking caps at 49.
		{"blocking", []Finding{f("b", Blocking)}, 49},
		{"floor", []Finding{f("b", Blocking), f("b", Blocking), f("b", Blocking), f("c", Blocking), f("d", Blocking), f("e", Blocking)}, 0},
	} {
		if got := Readiness(tt.fs); got != tt.want {
			t.Errorf("%s: readiness %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestReviewUnknownPainInput: the review runs on invalid cases too (casebuilder
// check, the app's Review step); a benefit line or a KPI naming no input, or
// an unknown one, is reported as invalid, not a crash.
func TestReviewUnknownPainInput(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *Case)
		path   string
	}{
		// The KPIs with no painInput ("") matched this line's empty input.
		{"benefit input empty", func(c *Case) { c.Alternatives[1].Benefits[0].Input = "" },
			"alternatives[1].benefits[0].input"},
		{"KPI input unknown, in the pain", func(c *Case) {
			c.Measures[0].PainInput = "bogus"
			c.Pain.Inputs["bogus"] = Given(Exactly(1))
		}, "measures[0].painInput"},
		{"KPI and benefit input unknown", func(c *Case) {
			c.Measures[0].PainInput = "bogus"
			c.Alternatives[1].Benefits[0].Input = "bogus"
		}, "measures[0].painInput"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadSample(t, "turnover")
			tt.mutate(c)
			var found bool
			for _, f := range Review(c, Calculate(c)) {
				found = found || f.Rule == "invalid-value" && f.Where.Path == tt.path
			}
			if !found {
				t.Errorf("no invalid-value finding at %s", tt.path)
			}
		})
	}
}

// TestFileFindings checks that what only the reading of a file sees (a
// duplicate key, a value of the wrong type, a number out of range, an
// unknown field) reaches the review's findings, blocking, beside what
// Validate finds, which is not repeated.
func TestFileFindings(t *testing.T) {
	data, err := assets.SampleFile("turnover")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, edit := range [][2]string{
		{`"title": `, `"title": "First", "title": `},                   // duplicate key
		{`"amount": 36000`, `"amount": 1e400`},                         // out of range
		{`"rampMonths": 12,`, `"rampMonths": 1000000000000,`},          // out of range
		{`"version": "2.0"`, `"version": 2.0`},                         // wrong type
		{`"currency": "EUR",`, `"currency": "EUR", "colour": "blue",`}, // unknown field
		{`"discountRate": 0.1`, `"discountRate": -0.1`},                // found by Validate
	} {
		if !strings.Contains(s, edit[0]) {
			t.Fatalf("the sample has no %s", edit[0])
		}
		s = strings.Replace(s, edit[0], edit[1], 1)
	}
	c, err := Decode([]byte(s))
	if c == nil || err == nil {
		t.Fatalf("Decode: case %v, %v", c != nil, err)
	}
	want := []string{
		"title: appears twice in the same object",
		"version: must be text (got 2.0)",
		"colour: is not a field of a case file here",
		"alternatives[1].costs[2].amount: is out of range (got 1e400)",
		"alternatives[1].benefits[0].rampMonths: is out of range (got 1000000000000)",
	}
	got := FileFindings(c, &FileError{Path: "x.hrcase", Err: err})
	if len(got) != len(want) {
		t.Fatalf("%d findings, want %d: %v", len(got), len(want), got)
	}
	for i, f := range got {
		if !strings.HasPrefix(f.Message, want[i]) || f.Rule != "invalid-value" || f.Severity != Blocking || !strings.Contains(f.Why, "could not read this from the file") {
			t.Errorf("finding %d = %v, want %q", i, f, want[i])
		}
	}
	if w := got[3].Where; w.Step != StepAlternatives || w.Path != "alternatives[1].costs[2].amount" {
		t.Errorf("where = %+v", w)
	}
	// Review finds the invalid discount rate; FileFindings does not repeat it.
	all := append(got, Review(c, Calculate(c))...)
	n := 0
	for _, f := range all {
		if strings.HasPrefix(f.Message, "discountRate:") {
			n++
		}
	}
	if n != 1 || Readiness(all) > 49 {
		t.Errorf("the discount rate is reported %d times; readiness %d", n, Readiness(all))
	}
	if fs := FileFindings(loadSample(t, "turnover"), nil); len(fs) != 0 {
		t.Errorf("a good case: %v", fs)
	}
}

// TestReviewNamesUnnamedItems checks that a finding about an item that
// has no name yet (a row just added) names it by its place, not as "".
func TestReviewNamesUnnamedItems(t *testing.T) {
	c := loadSample(t, "turnover")
	c.Plan.Milestones = append(c.Plan.Milestones, Milestone{})
	c.Plan.Milestones[0].Resources = append(c.Plan.Milestones[0].Resources, Resource{})
	c.Measures = append(c.Measures, Measure{Unit: figure.Number})
	c.Plan.Stakeholders = append(c.Plan.Stakeholders, Stakeholder{})
	c.Risks = append(c.Risks, Risk{Likelihood: 0.5, ImpactScore: 5, Alternatives: []string{"onboarding"}})
	a := &c.Alternatives[1]
	a.Benefits[0].Name, a.Benefits[0].StartAt, a.Benefits[0].StartMonth = "", nil, 0
	for i := range a.Costs {
		a.Costs[i].StartAt, a.Costs[i].StartMonth = nil, 1
	}
	var got []string
	for _, f := range Review(c, Calculate(c)) {
		got = append(got, f.Message)
		if strings.Contains(f.Message, `""`) {
			t.Errorf("%s: %q", f.Rule, f.Message)
		}
	}
	for _, want := range []string{
		"The 8th risk is rated high but has no contingency plan",
		"The 9th milestone has no owner",
		"The 2nd resource for milestone \"Approve the budget and appoint the programme owner\" is not secured",
		"The 6th KPI has neither a baseline nor a target",
		"The 7th stakeholder has no channel of communication",
		"The 1st benefit of \"Structured onboarding and coaching\" starts in January 2027, before any of its costs (February 2027)",
	} {
		if !slices.ContainsFunc(got, func(m string) bool { return strings.HasPrefix(m, want) }) {
			t.Errorf("no finding %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func TestFindingCounts(t *testing.T) {
	b, w, a := Finding{Severity: Blocking}, Finding{Severity: Warning}, Finding{Severity: Advice}
	for _, tt := range []struct {
		fs   []Finding
		want string
	}{
		{nil, "0 blocking, 0 warnings, 0 advice"},
		{[]Finding{w, a, a}, "0 blocking, 1 warning, 2 advice"},
		{[]Finding{b, w, w, a}, "1 blocking, 2 warnings, 1 advice"},
	} {
		if got := FindingCounts(tt.fs); got != tt.want {
			t.Errorf("FindingCounts = %q, want %q", got, tt.want)
		}
	}
}

// TestSamplesPassTheReview: the samples are what a new user copies; they
// raise no warning, because they are sound, not because a rule is loose.
func TestSamplesPassTheReview(t *testing.T) {
	for _, name := range []string{"turnover", "ramp", "handover"} {
		c := loadSample(t, name)
		for _, f := range Review(c, Calculate(c)) {
			if f.Severity != Advice {
				t.Errorf("%s: %v", name, f)
			}
		}
	}
}

// TestReviewInWritesFiguresAsTheLanguage checks that ReviewIn writes the
// figures of its findings, those of the problems it reports among them, as
// the language writes numbers, and that Review writes them in English.
func TestReviewInWritesFiguresAsTheLanguage(t *testing.T) {
	c := loadSample(t, "turnover")
	c.DiscountRate = 0.45
	c.Alternatives[1].Costs[0].Amount = Exactly(2e12)
	res := Calculate(c)
	const nb = "\u00a0"
	for _, tt := range []struct {
		name     string
		findings []Finding
		rate     string
		amount   string
	}{
		{"Review", Review(c, res), "The discount rate is 45.0% a year",
			"alternatives[1].costs[0].amount: must be between €0 and €1,000,000,000,000 (got €2,000,000,000,000)"},
		{"ReviewIn German", ReviewIn(c, res, language.German), "The discount rate is 45,0" + nb + "% a year",
			"alternatives[1].costs[0].amount: must be between 0" + nb + "€ and 1.000.000.000.000" + nb + "€ (got 2.000.000.000.000" + nb + "€)"},
	} {
		var rate, amount string
		for _, f := range tt.findings {
			switch f.Rule {
			case "discount-rate-implausible":
				rate = f.Message
			case "invalid-value":
				amount = f.Message
			}
		}
		if !strings.HasPrefix(rate, tt.rate) {
			t.Errorf("%s: the rate's finding reads %q, want it to start %q", tt.name, rate, tt.rate)
		}
		if amount != tt.amount {
			t.Errorf("%s: the amount's finding reads %q, want %q", tt.name, amount, tt.amount)
		}
	}
}

// TestKPIDueBeforeBenefitAtTheEdge: the ramp-up benefit of the turnover
// sample brings its first money in July 2027. A KPI due at its target on
// 1 July is due before any of it has come; one due on 2 July is not.
func TestKPIDueBeforeBenefitAtTheEdge(t *testing.T) {
	for _, tc := range []struct {
		day  int
		want int
	}{{1, 1}, {2, 0}} {
		c := loadSample(t, "turnover")
		c.Measures[1].Date = Date{Year: 2027, Month: time.July, Day: tc.day}
		var n int
		for _, f := range Review(c, Calculate(c)) {
			if f.Rule == "kpi-due-before-benefit" {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("due on %d July: %d findings, want %d", tc.day, n, tc.want)
		}
	}
}
