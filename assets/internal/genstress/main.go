// Command genstress writes the stress sample: a large, valid, generated
// case for benchmarks (13 alternatives of 44 lines each over ten years,
// 250 risks, 180 milestones, 12 gates), with the plan driving the money: a
// third of the lines anchored to milestones, the sales force and its
// attrition given year by year, and per-head costs that follow the
// leavers. Its output is the same on every run.
//
//	go run ./internal/genstress -o samples/stress.hrcase
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"time"

	"github.com/casebuilder/casebuilder/assets/internal/samplefile"
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

const (
	horizon      = 120
	alternatives = 12 // besides doing nothing
	costLines    = 24
	benefitLines = 20
	risks        = 250
	milestones   = 180
)

func main() {
	out := flag.String("o", "", "output file")
	flag.Parse()
	if err := samplefile.Write(stress(), *out); err != nil {
		log.Fatal(err)
	}
}

func stress() *casebuilder.Case {
	rng := rand.New(rand.NewPCG(2026, 11))
	date := func(y, m, d int) casebuilder.Date { return casebuilder.Date{Year: y, Month: time.Month(m), Day: d} }
	c := &casebuilder.Case{
		SchemaVersion: casebuilder.SchemaVersion,
		Title:         "Stress test: a global sales transformation",
		Author:        "Case Builder test generator",
		Organisation:  "Stress Test Holdings plc",
		PreparedFor:   "Benchmarks",
		Version:       "1",
		Date:          date(2026, 11, 23),
		Currency:      "GBP",
		DiscountRate:  0.085,
		HorizonMonths: horizon,
		StartDate:     date(2027, 1, 1),
		Context: casebuilder.Context{
			Objectives: []casebuilder.Objective{
				{ID: "growth", Statement: "Double revenue in ten years"},
				{ID: "retention", Statement: "Halve regretted attrition"},
			},
			CurrentState:       "1,200 reps in 30 countries with uneven practices.",
			DesiredState:       "One sales method, stable teams, predictable ramp-up.",
			Milestones:         []string{"2028: one CRM", "2030: one sales method", "2036: revenue doubled"},
			CommittedResources: []string{"Global enablement team", "Learning platform"},
			Gaps:               []string{"No common onboarding", "Attrition twice the industry's"},
			ServesObjective:    "growth",
		},
		Pain: casebuilder.Pain{
			Category: casebuilder.SalesTurnover,
			Summary:  "Attrition of 28 % a year across 1,200 reps.",
			Evidence: []casebuilder.Evidence{{Finding: "336 leavers last year", Source: "Global HRIS"}},
			Inputs: casebuilder.GivenInputs(map[string]casebuilder.Range{
				"attritionRate":  {Low: 0.25, Likely: 0.28, High: 0.31},
				"annualQuota":    casebuilder.Exactly(750000),
				"grossMargin":    casebuilder.Exactly(0.6),
				"salary":         casebuilder.Exactly(60000),
				"recruitingCost": {Low: 11000, Likely: 13000, High: 16000},
				"daysToFill":     {Low: 40, Likely: 50, High: 65},
				"rampMonths":     {Low: 5, Likely: 7, High: 9},
			}),
		},
		Criteria: []casebuilder.Criterion{
			{ID: "financial", Name: "Financial return", Weight: 0.4},
			{ID: "people", Name: "Impact on people", Weight: 0.3},
			{ID: "ease", Name: "Ease of implementation", Weight: 0.3},
		},
		Ask: casebuilder.Ask{Decision: "Approve the recommended programme.", People: "A programme office of five.", DecideBy: date(2027, 1, 31)},
		Plan: casebuilder.Plan{
			ReportingCadence: "Monthly to the executive committee.",
		},
	}
	c.Alternatives = append(c.Alternatives, casebuilder.Alternative{
		ID: "nothing", Name: "Do nothing", DoNothing: true, Description: "Carry on.",
		Impact: casebuilder.Impact{Company: casebuilder.Judgement{Score: 2, Text: "Costs continue."}},
	})
	for a := range alternatives {
		c.Alternatives = append(c.Alternatives, alternative(rng, a))
	}
	c.Recommendation = casebuilder.Recommendation{Alternative: "alt-01", Reason: "Generated."}
	// The sales force grows by 50 reps a year, and its attrition falls a
	// little as the market settles.
	var reps, attrition []casebuilder.Range
	for y := range horizon / 12 {
		reps = append(reps, casebuilder.Exactly(float64(1200+50*y)))
		a := 0.28 - 0.002*float64(y)
		attrition = append(attrition, casebuilder.Range{Low: a - 0.03, Likely: a, High: a + 0.03})
	}
	c.Pain.Inputs["reps"] = casebuilder.ByYear(reps...)
	c.Pain.Inputs["attritionRate"] = casebuilder.ByYear(attrition...)
	for i := range risks {
		p := float64(1+rng.IntN(9)) / 10
		cost := float64(5+rng.IntN(200)) * 1000
		c.Risks = append(c.Risks, casebuilder.Risk{
			ID: fmt.Sprintf("risk-%03d", i), Description: fmt.Sprintf("Generated risk number %d, which might delay the programme", i),
			Likelihood: p, ImpactCost: cost * 2, ImpactScore: 1 + rng.IntN(5), Owner: fmt.Sprintf("Owner %d", i%17),
			Trigger: "A generated early warning", Workaround: "A generated work-around", Contingency: "A generated contingency plan",
			ContingencyCost: cost, Alternatives: []string{fmt.Sprintf("alt-%02d", 1+i%alternatives), fmt.Sprintf("alt-%02d", 1+(i*7)%alternatives)},
		})
		if c.Risks[i].Alternatives[0] == c.Risks[i].Alternatives[1] {
			c.Risks[i].Alternatives = c.Risks[i].Alternatives[:1]
		}
	}
	for i := range milestones {
		start := date(2027, 1, 4).AddMonths(i * horizon / milestones)
		m := casebuilder.Milestone{
			ID: fmt.Sprintf("m%03d", i), Name: fmt.Sprintf("Milestone %d of the global roll-out", i),
			Start: start, End: start.AddMonths(1 + rng.IntN(4)), Owner: fmt.Sprintf("Programme lead %d", i%9),
			Resources: []casebuilder.Resource{{Description: "Generated resource", Secured: rng.IntN(4) > 0}},
		}
		if i > 0 {
			m.DependsOn = []string{fmt.Sprintf("m%03d", i-1)}
		}
		c.Plan.Milestones = append(c.Plan.Milestones, m)
	}
	// A gate every fifteen milestones, on the country attrition KPIs.
	for g := range milestones / 15 {
		c.Plan.Gates = append(c.Plan.Gates, casebuilder.Gate{
			ID: fmt.Sprintf("gate-%02d", g+1), Name: fmt.Sprintf("Go or no-go %d", g+1),
			Milestone: fmt.Sprintf("m%03d", 15*g+14), DecidedBy: "Executive committee",
			Thresholds: []casebuilder.Threshold{{Measure: fmt.Sprintf("kpi-%02d", g), Comparison: casebuilder.AtMost, Value: 0.26}},
			ExitCost:   float64(20+rng.IntN(80)) * 1000,
		})
	}
	c.Ask.UpToGate = "gate-01"
	for i := range 40 {
		c.Plan.Stakeholders = append(c.Plan.Stakeholders, casebuilder.Stakeholder{
			Party: fmt.Sprintf("Country sales team %d", i), Interest: "Changes to their way of working",
			Channel: "Country town hall", Frequency: "Quarterly"})
	}
	for i := range 30 {
		c.Measures = append(c.Measures, casebuilder.Measure{
			ID: fmt.Sprintf("kpi-%02d", i), Name: fmt.Sprintf("Country attrition %d", i), Unit: figure.Percent, Baseline: 0.28, Target: 0.22,
			Date: date(2029, 12, 31), Method: "HRIS", Owner: "People analytics", Level: 4, PainInput: "attritionRate"})
	}
	for i := range 25 {
		c.Contributors = append(c.Contributors, casebuilder.Contributor{
			Name: fmt.Sprintf("Contributor %d", i), Role: "Country HR lead", Contribution: "Data for the country"})
	}
	return c
}

func alternative(rng *rand.Rand, a int) casebuilder.Alternative {
	alt := casebuilder.Alternative{
		ID: fmt.Sprintf("alt-%02d", a+1), Name: fmt.Sprintf("Programme variant %d", a+1),
		Description: "A generated alternative with many lines.",
		Impact: casebuilder.Impact{
			Company: casebuilder.Judgement{Score: 1 + rng.IntN(5), Text: "Generated."},
			People:  casebuilder.Judgement{Score: 1 + rng.IntN(5), Text: "Generated."},
			Mission: casebuilder.Judgement{Score: 1 + rng.IntN(5), Text: "Generated."},
		},
		Scores: map[string]casebuilder.Score{
			"financial": {Score: 1 + rng.IntN(5), Rationale: "Generated."},
			"people":    {Score: 1 + rng.IntN(5), Rationale: "Generated."},
			"ease":      {Score: 1 + rng.IntN(5), Rationale: "Generated."},
		},
	}
	kinds := []casebuilder.CostKind{casebuilder.OneTime, casebuilder.Monthly, casebuilder.Yearly}
	for i := range costLines {
		k := casebuilder.Cost{Name: fmt.Sprintf("Cost line %d", i+1), Kind: kinds[i%3], StartMonth: rng.IntN(24)}
		base := float64(1+rng.IntN(50)) * 1000
		if k.Kind == casebuilder.Monthly {
			base /= 10
			if i%2 == 1 {
				end := k.StartMonth + 12 + rng.IntN(60)
				k.EndMonth = &end
			}
		}
		k.Amount = casebuilder.Range{Low: base * 0.9, Likely: base, High: base * 1.25}
		switch {
		case i%8 == 4:
			k.PerHead, k.HeadsFrom = true, "leavers"
			k.Amount = casebuilder.Range{Low: 80, Likely: 100, High: 130}
		case i%4 == 0:
			k.PerHead, k.Heads = true, float64(1+rng.IntN(20))
		}
		if i%5 == 3 {
			k.Money = casebuilder.PeopleTime
		}
		// A third of the lines start with a milestone of the roll-out.
		if i%3 == 1 {
			k.StartAt = &casebuilder.Anchor{Milestone: fmt.Sprintf("m%03d", rng.IntN(milestones/3)), At: casebuilder.AtStart}
		}
		alt.Costs = append(alt.Costs, k)
	}
	// Each painInput line improves on the one before it, as a programme
	// that adds measure after measure would.
	attrition, ramp, days := 0.28, 7.0, 50.0
	for i := range benefitLines {
		b := casebuilder.Benefit{Name: fmt.Sprintf("Benefit line %d", i+1), StartMonth: 3 + rng.IntN(30), RampMonths: rng.IntN(18)}
		switch i % 5 {
		case 0, 1:
			v := float64(5+rng.IntN(80)) * 1000
			b.Basis, b.Annual = casebuilder.BenefitAmount, casebuilder.Range{Low: v * 0.6, Likely: v, High: v * 1.3}
		case 2:
			attrition -= 0.004
			b.Basis, b.Input = casebuilder.BenefitPainInput, "attritionRate"
			b.To = casebuilder.Range{Low: attrition + 0.002, Likely: attrition, High: attrition - 0.002}
		case 3:
			ramp -= 0.1
			b.Basis, b.Input = casebuilder.BenefitPainInput, "rampMonths"
			b.To = casebuilder.Range{Low: ramp + 0.05, Likely: ramp, High: ramp - 0.05}
		case 4:
			days--
			b.Basis, b.Input = casebuilder.BenefitPainInput, "daysToFill"
			b.To = casebuilder.Range{Low: days + 0.5, Likely: days, High: days - 0.5}
		}
		if b.Basis == casebuilder.BenefitAmount {
			b.Money = []casebuilder.MoneyKind{casebuilder.Cash, casebuilder.Margin, casebuilder.Avoidance, casebuilder.Productivity}[rng.IntN(4)]
			if b.Money == casebuilder.Margin {
				b.Owner = "Country sales director"
			}
		}
		// A third of the benefits start when a milestone ends.
		if i%3 == 0 {
			b.StartAt = &casebuilder.Anchor{Milestone: fmt.Sprintf("m%03d", rng.IntN(milestones/3)), At: casebuilder.AtEnd, OffsetMonths: rng.IntN(3)}
		}
		if i == benefitLines-1 {
			b.Basis, b.Input, b.To = casebuilder.BenefitPainShare, "", casebuilder.Range{}
			b.Annual = casebuilder.Range{}
			b.Share = casebuilder.Range{Low: 0.001, Likely: 0.002, High: 0.003}
		}
		alt.Benefits = append(alt.Benefits, b)
	}
	return alt
}
