package casebuilder

import (
	"strings"
	"testing"
)

// TestOrderMessagesNameTheBox: an estimate out of order is refused with
// its figures written as the review writes them and the box to change,
// named as the screen names it.
func TestOrderMessagesNameTheBox(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(c *Case)
		path   string
		want   string
	}{
		{"cost whose high is below its likely value", func(c *Case) { c.Alternatives[1].Costs[0].Amount = Range{1000, 1200, 1100} },
			"alternatives[1].costs[0].amount", "the high value (€1,100) is below the likely value (€1,200): change the high value"},
		{"benefit whose worst case is better than its likely value", func(c *Case) { c.Alternatives[1].Benefits[0].Annual = Range{2500, 2400, 3000} },
			"alternatives[1].benefits[0].annual", "the worst case (€2,500) is better than the likely value (€2,400): change the worst case"},
		{"benefit whose best case is worse than its likely value", func(c *Case) { c.Alternatives[1].Benefits[0].Annual = Range{1200, 2400, 2000} },
			"alternatives[1].benefits[0].annual", "the best case (€2,000) is worse than the likely value (€2,400): change the best case"},
		{"share whose worst case is better than its likely value", func(c *Case) {
			c.Alternatives[1].Benefits[0] = Benefit{Name: "share", Basis: BenefitPainShare, Share: Range{0.2, 0.1, 0.3}}
		}, "alternatives[1].benefits[0].share", "the worst case (20.0%) is better than the likely value (10.0%): change the worst case"},
		// Ramp-up costs 10 hires × €100,000 of quota a month × the months
		// to ramp × 75 % of the quota missed × 50 % margin: €2,250,000 a
		// year at 6 months, €1,875,000 at 5, €1,500,000 at 4, €1,125,000
		// at 3. Fewer months is better, so the worst case is the most.
		{"fewer months to ramp up, written in rising order", func(c *Case) {
			c.Alternatives[1].Benefits[0] = Benefit{Name: "ramp", Basis: BenefitPainInput, Input: "rampMonths", To: Range{3, 4, 5}}
		}, "alternatives[1].benefits[0].to", "the worst case (3.0 months) does more good than the likely value (4.0 months): it avoids €1,125,000 a year against €750,000; change the worst case"},
		{"a best case that helps less than the likely value", func(c *Case) {
			c.Alternatives[1].Benefits[0] = Benefit{Name: "ramp", Basis: BenefitPainInput, Input: "rampMonths", To: Range{5, 4, 5}}
		}, "alternatives[1].benefits[0].to", "the best case (5.0 months) does less good than the likely value (4.0 months): it avoids €375,000 a year against €750,000; change the best case"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := smallCase()
			tc.change(c)
			var got []string
			for _, p := range Validate(c) {
				got = append(got, p.String())
				if p.Path == tc.path && p.Message == tc.want {
					return
				}
			}
			t.Errorf("no problem %s: %q in\n%s", tc.path, tc.want, strings.Join(got, "\n"))
		})
	}
	// The same benefit with its worst case first is valid.
	c := smallCase()
	c.Alternatives[1].Benefits[0] = Benefit{Name: "ramp", Basis: BenefitPainInput, Input: "rampMonths", To: Range{5, 4, 3}}
	if ps := Validate(c); len(ps) != 0 {
		t.Errorf("worst case first: %v", ps)
	}
}

// TestBetter: which way each value of the pain must move for the pain to
// cost less.
func TestBetter(t *testing.T) {
	ramp := smallCase().Pain
	gap := Pain{Category: SkillsGap, Inputs: GivenInputs(map[string]Range{"reps": Exactly(100), "annualQuota": Exactly(500000),
		"grossMargin": Exactly(0.6), "targetAttainment": Exactly(0.9), "actualAttainment": Exactly(0.8)})}
	atTop := gap.clone()
	atTop.Inputs["actualAttainment"] = Given(Exactly(lookupInput("actualAttainment").Max))
	rework := Pain{Components: []Component{{ID: "rework", Name: "Rework", Counts: "orders reworked", Per: PerMonth,
		Quantity: Exactly(40), Rate: Exactly(250)}}}
	missing := Pain{Category: RampUpTime}
	for _, tc := range []struct {
		name string
		p    *Pain
		key  string
		want Direction
	}{
		{"months to ramp up", &ramp, "rampMonths", LowerIsBetter},
		{"productivity while ramping", &ramp, "rampProductivity", HigherIsBetter},
		{"actual attainment", &gap, "actualAttainment", HigherIsBetter},
		{"actual attainment at its bound", &atTop, "actualAttainment", HigherIsBetter},
		{"target attainment", &gap, "targetAttainment", LowerIsBetter},
		{"a component's quantity", &rework, "rework", LowerIsBetter},
		{"a component's cost of each", &rework, "rework.rate", LowerIsBetter},
		{"an input the calculator does not read", &ramp, "attritionRate", EitherWay},
		{"a calculator with its inputs missing", &missing, "rampMonths", EitherWay},
		{"no such input", &ramp, "flavour", EitherWay},
	} {
		if got := tc.p.Better(tc.key); got != tc.want {
			t.Errorf("%s: Better(%q) = %v, want %v", tc.name, tc.key, got, tc.want)
		}
	}
}

// TestARefusedFigureDoesNotReadAsItsBound: a figure just outside its
// bounds is written with the decimals that show it is outside them.
func TestARefusedFigureDoesNotReadAsItsBound(t *testing.T) {
	for _, tc := range []struct {
		change func(c *Case)
		want   string
	}{
		{func(c *Case) { c.Risks[0].Likelihood = 1.0004 }, "(got 100.04%)"},
		{func(c *Case) { c.DiscountRate = -0.0004 }, "(got -0.04%)"},
		{func(c *Case) { c.Alternatives[1].Costs[0].Amount = Exactly(-0.004) }, "must not be negative (got -€0.004)"},
		{func(c *Case) { c.Risks[0].Likelihood = 1.5 }, "(got 150.0%)"},
	} {
		c := smallCase()
		tc.change(c)
		ps := Validate(c)
		if len(ps) == 0 || !strings.Contains(ps.Error(), tc.want) {
			t.Errorf("problems %v, want one saying %q", ps, tc.want)
		}
	}
}
