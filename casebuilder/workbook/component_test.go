package workbook

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// componentCase is a pain of €250,000 a year given as one figure, with two
// components beside it: 40 orders reworked a month at €250 each (€120,000
// a year of cash) and 25 escalations a month at €300 of people's time each
// (€90,000 a year of time already paid). The cost of pain counted is
// 250,000 + 120,000 + 90,000 = €460,000 a year.
//
// Its programme brings the reworks down to 25 a month (15 × 250 × 12 =
// €45,000 a year), then the cost of each down to €200 at those 25 reworks
// (25 × 50 × 12 = €15,000), and the escalations down to 10 a month (15 ×
// 300 × 12 = €54,000 of time), and the rest of the pain from €250,000 to
// €220,000 (€30,000 of cost avoidance). Another alternative takes a tenth of the
// whole pain: €46,000 a year.
func componentCase() *casebuilder.Case {
	rng := func(lo, likely, hi float64) casebuilder.Range {
		return casebuilder.Range{Low: lo, Likely: likely, High: hi}
	}
	return &casebuilder.Case{
		SchemaVersion: casebuilder.SchemaVersion, Title: "Rework and escalations", Currency: "EUR", HorizonMonths: 24,
		DiscountRate: 0.08,
		Pain: casebuilder.Pain{Category: casebuilder.OtherPain,
			Inputs: casebuilder.GivenInputs(map[string]casebuilder.Range{"annualCost": rng(200_000, 250_000, 300_000)}),
			Components: []casebuilder.Component{
				{ID: "rework", Name: "Rework of faulty orders", Counts: "orders reworked", Per: casebuilder.PerMonth,
					Quantity: rng(30, 40, 55), Rate: rng(200, 250, 320), Source: "Quality log, 2026"},
				{ID: "vp-escalations", Name: "Escalations to the VP Sales", Counts: "escalations", Per: casebuilder.PerMonth,
					Quantity: rng(18, 25, 35), Rate: rng(250, 300, 400), Money: casebuilder.Productivity, Source: "VP's calendar, Q3"},
			}},
		Alternatives: []casebuilder.Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "fix", Name: "Right first time",
				Costs: []casebuilder.Cost{{Name: "Training", Kind: casebuilder.OneTime, Amount: casebuilder.Exactly(30_000)}},
				Benefits: []casebuilder.Benefit{
					{Name: "Fewer reworks", Basis: casebuilder.BenefitPainInput, Input: "rework", To: rng(32, 25, 20), StartMonth: 2, RampMonths: 3},
					{Name: "Cheaper reworks", Basis: casebuilder.BenefitPainInput, Input: "rework.rate", To: rng(230, 200, 180), StartMonth: 4},
					{Name: "Fewer escalations", Basis: casebuilder.BenefitPainInput, Input: "vp-escalations", To: rng(15, 10, 8), StartMonth: 3},
					{Name: "Fewer other costs", Basis: casebuilder.BenefitPainInput, Input: "annualCost", To: rng(240_000, 220_000, 200_000), StartMonth: 6},
				}},
			{ID: "share", Name: "A tenth of the pain",
				Costs:    []casebuilder.Cost{{Name: "Consultants", Kind: casebuilder.Monthly, Amount: casebuilder.Exactly(2_000)}},
				Benefits: []casebuilder.Benefit{{Name: "A tenth", Basis: casebuilder.BenefitPainShare, Share: rng(0.05, 0.1, 0.12), StartMonth: 1}}},
		},
	}
}

// componentCases are the oracle's cases with components: the case as
// written, and the case at its high estimates, set so in the workbook.
func componentCases(t *testing.T) map[string]*oracleCase {
	cases := map[string]*oracleCase{}
	add := adder(t, cases)
	c := componentCase()
	valid(t, "the components case", c)
	oc := add("components", c, nil, nil)
	oc.check = func(t *testing.T, tool string, f *excelize.File) {
		sameAsCached(t, tool, open(t, oc.book), f)
		checkComponentFigures(t, tool, f, map[string]float64{
			nameCostOfPain: 460_000, "Component_rework_cost": 120_000, "Component_vp_escalations_cost": 90_000,
		}, []float64{45_000, 15_000, 54_000, 30_000, 46_000})
	}
	f := open(t, write(t, c))
	sheet, cell := definedCell(t, f, nameScenario)
	setCell(t, f, sheet, cell, scenarioHigh)
	high := casebuilder.CalculateWith(c, func(_ casebuilder.Estimate, r casebuilder.Range) float64 { return r.High })
	oh := add("components-high", c, saved(t, f), high)
	oh.scenario = casebuilder.High
	oh.check = func(t *testing.T, tool string, f *excelize.File) {
		// At the high estimates: 300,000 + 55 × 320 × 12 (211,200) + 35 ×
		// 400 × 12 (168,000) = 679,200. The reworks come down from 55 to
		// 20 a month at 320 each: 35 × 320 × 12 = 134,400; the cost of
		// each then from 320 to 180 at the likely 25 reworks the line
		// before leaves: 25 × 140 × 12 = 42,000; the escalations from 35
		// to 8: 27 × 400 × 12 = 129,600; the rest from 300,000 to
		// 200,000: 100,000; a share of 12 %: 81,504.
		checkComponentFigures(t, tool, f, map[string]float64{
			nameCostOfPain: 679_200, "Component_rework_cost": 211_200, "Component_vp_escalations_cost": 168_000,
		}, []float64{134_400, 42_000, 129_600, 100_000, 81_504})
	}
	return cases
}

// checkComponentFigures compares the recalculated defined names and the
// yearly values of the benefit lines (the Assumptions sheet's "Yearly
// value at full effect" of each, in the order of the alternatives) with
// figures worked by hand.
func checkComponentFigures(t *testing.T, tool string, f *excelize.File, names map[string]float64, benefits []float64) {
	t.Helper()
	for name, want := range names {
		sheet, cell := definedCell(t, f, name)
		got, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if v, err := strconv.ParseFloat(got, 64); err != nil || math.Abs(v-want) > 0.005 {
			t.Errorf("%s: %s = %q, want %v", tool, name, got, want)
		}
	}
	var got []float64
	for _, r := range rawRows(t, f, sheetAssumptions) {
		if len(r) >= aJ && (strings.HasPrefix(cell(r, aName), "Fewer") || strings.HasPrefix(cell(r, aName), "Cheaper") || cell(r, aName) == "A tenth") {
			v, _ := strconv.ParseFloat(cell(r, aJ), 64)
			got = append(got, v)
		}
	}
	if len(got) != len(benefits) {
		t.Fatalf("%s: %d benefit lines %v, want %d", tool, len(got), got, len(benefits))
	}
	for i := range got {
		if math.Abs(got[i]-benefits[i]) > 0.005 {
			t.Errorf("%s: benefit line %d is worth %v a year, want %v", tool, i+1, got[i], benefits[i])
		}
	}
}

// The Cost of pain sheet works each component out as a formula on the
// Assumptions sheet's inputs, and the cost counted adds them to the
// calculator's.
func TestComponentsWorkbook(t *testing.T) {
	c := componentCase()
	for _, p := range casebuilder.Validate(c) {
		t.Error(p)
	}
	res := casebuilder.Calculate(c)
	if res.Pain.Annual != 460_000 {
		t.Fatalf("Case Builder's cost of pain is %v, want 460,000", res.Pain.Annual)
	}
	f := open(t, write(t, c))
	want := map[string]string{
		"Component_rework_cost":         "Component_rework*Component_rework_rate*12",
		"Component_vp_escalations_cost": "Component_vp_escalations*Component_vp_escalations_rate*12",
		nameCostOfPain:                  "IF(PainComplete,YearlyCostOfPain,0)+Component_rework_cost+Component_vp_escalations_cost",
	}
	for name, formula := range want {
		sheet, cell := definedCell(t, f, name)
		got, err := f.GetCellFormula(sheet, cell)
		if err != nil || got != formula {
			t.Errorf("%s is =%s, want =%s", name, got, formula)
		}
	}
	var parts []string
	for _, r := range rawRows(t, f, sheetPain) {
		if len(r) > 3 && (r[0] == "Rework of faulty orders" || r[0] == "Escalations to the VP Sales" || strings.HasPrefix(r[0], "Of which")) {
			parts = append(parts, r[0]+"="+r[1])
		}
	}
	if got := strings.Join(parts, "|"); got != "Rework of faulty orders=120000|Escalations to the VP Sales=90000|Of which cost avoidance=250000|Of which cash=120000|Of which productivity=90000" {
		t.Errorf("the parts by kind of money read %s", got)
	}
	// The escalations' saving is time of people already paid.
	for _, r := range rawRows(t, f, sheetAssumptions) {
		if cell(r, aName) == "Fewer escalations" && cell(r, aMoney) != string(casebuilder.Productivity) {
			t.Errorf("the fewer escalations line's money is %q, want %q", cell(r, aMoney), casebuilder.Productivity)
		}
	}
}
