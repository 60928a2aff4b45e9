package workbook

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// planMoneyCase is a case whose money follows its plan, built here so that
// the tests do not depend on the samples: a sales force growing from 120
// to 150 reps with attrition falling year by year, the attainment of a
// productive rep taken from the case's own, the cost of a new hire per
// head of the hires a year and one per leaver, lines anchored to the pilot
// and the roll-out, benefits of every kind, two stage gates (one at the
// pilot's end that stops two lines, one on a date) with the ask up to the
// first, a fiscal year starting in April and risks with residual impacts.
func planMoneyCase(t testing.TB) *casebuilder.Case {
	t.Helper()
	r := func(low, likely, high float64) casebuilder.Range {
		return casebuilder.Range{Low: low, Likely: likely, High: high}
	}
	x := casebuilder.Exactly
	date := func(y, m, d int) casebuilder.Date { return casebuilder.Date{Year: y, Month: timeMonth(m), Day: d} }
	at := func(id string, point casebuilder.AnchorPoint, offset int) *casebuilder.Anchor {
		return &casebuilder.Anchor{Milestone: id, At: point, OffsetMonths: offset}
	}
	inputs := casebuilder.GivenInputs(map[string]casebuilder.Range{
		"annualQuota": x(900_000), "grossMargin": x(0.55), "salary": x(70_000), "daysToFill": r(60, 75, 90),
		"rampMonths": r(7, 8, 10), "actualAttainment": r(0.55, 0.58, 0.62),
	})
	inputs["reps"] = casebuilder.ByYear(x(120), x(135), x(150))
	inputs["attritionRate"] = casebuilder.ByYear(r(0.30, 0.33, 0.36), r(0.29, 0.32, 0.35))
	inputs["hiresPerYear"] = casebuilder.ByYear(x(40), x(55), x(60))
	c := &casebuilder.Case{
		SchemaVersion: casebuilder.SchemaVersion, Title: "Plan and money", Author: "Test", Organisation: "Test plc",
		Currency: "EUR", DiscountRate: 0.08, HorizonMonths: 36, StartDate: date(2027, 1, 1), FiscalYearStart: 4,
		Pain: casebuilder.Pain{Category: casebuilder.SalesTurnover, Summary: "A third of the reps leave every year.", Inputs: inputs},
		Alternatives: []casebuilder.Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "coach", Name: "Coaching programme",
				Costs: []casebuilder.Cost{
					{Name: "Design", Kind: casebuilder.OneTime, Amount: r(40_000, 50_000, 65_000)},
					{Name: "Coaches", Kind: casebuilder.Monthly, Amount: r(9_000, 10_000, 12_000),
						StartAt: at("pilot", casebuilder.AtStart, 0), EndAt: at("rollout", casebuilder.AtEnd, 0)},
					{Name: "Managers' time", Kind: casebuilder.Monthly, Amount: x(4_000), Money: casebuilder.PeopleTime,
						StartAt: at("pilot", casebuilder.AtStart, 1), EndAt: at("rollout", casebuilder.AtEnd, 2)},
					{Name: "Onboarding kit", Kind: casebuilder.Yearly, Amount: r(250, 300, 400), PerHead: true, HeadsFrom: "hiresPerYear",
						StartAt: at("rollout", casebuilder.AtStart, 0)},
					{Name: "Exit interviews", Kind: casebuilder.Monthly, Amount: x(15), PerHead: true, HeadsFrom: "leavers", StartMonth: 2},
					{Name: "Platform", Kind: casebuilder.Yearly, Amount: x(12_000), PerHead: true, Heads: 2, StartMonth: 1},
				},
				Benefits: []casebuilder.Benefit{
					{Name: "Fewer leavers", Basis: casebuilder.BenefitPainInput, Input: "attritionRate", To: r(0.31, 0.28, 0.26),
						RampMonths: 6, StartAt: at("rollout", casebuilder.AtEnd, 0), Owner: "VP Sales"},
					{Name: "Faster hiring", Basis: casebuilder.BenefitPainInput, Input: "daysToFill", To: r(70, 60, 55),
						RampMonths: 3, StartAt: at("pilot", casebuilder.AtEnd, 1), Owner: "Head of recruiting"},
					{Name: "Faster ramp-up", Basis: casebuilder.BenefitPainInput, Input: "rampMonths", To: r(7.8, 7, 6.5),
						StartMonth: 9, RampMonths: 4},
					{Name: "Agency fees saved", Basis: casebuilder.BenefitAmount, Annual: r(20_000, 30_000, 35_000), Money: casebuilder.Cash,
						StartAt: at("pilot", casebuilder.AtEnd, 0)},
					{Name: "Cross-selling", Basis: casebuilder.BenefitAmount, Annual: r(10_000, 25_000, 40_000), Money: casebuilder.Margin,
						StartMonth: 12, RampMonths: 6, Owner: "VP Sales"},
					{Name: "Admin time freed", Basis: casebuilder.BenefitAmount, Annual: x(8_000), Money: casebuilder.Productivity,
						StartMonth: 6, EndAt: at("rollout", casebuilder.AtEnd, 12)},
					{Name: "Share of the rest", Basis: casebuilder.BenefitPainShare, Share: r(0.005, 0.01, 0.015), StartMonth: 18},
				},
			},
			{ID: "agency", Name: "Recruitment agency",
				Costs: []casebuilder.Cost{
					{Name: "Agency retainer", Kind: casebuilder.Monthly, Amount: x(6_000), StartMonth: 0, EndMonth: ptrInt(23)},
					{Name: "HR time", Kind: casebuilder.Monthly, Amount: x(1_500), Money: casebuilder.PeopleTime},
				},
				Benefits: []casebuilder.Benefit{
					{Name: "Faster hiring", Basis: casebuilder.BenefitPainInput, Input: "daysToFill", To: r(72, 65, 60), StartMonth: 3},
					{Name: "Less admin", Basis: casebuilder.BenefitAmount, Annual: x(5_000), StartMonth: 1},
				},
			},
		},
		Recommendation: casebuilder.Recommendation{Alternative: "coach", Reason: "The highest NPV."},
		Ask:            casebuilder.Ask{Decision: "Fund the pilot", UpToGate: "pilot-review"},
		Risks: []casebuilder.Risk{
			{ID: "r1", Description: "Coaches leave", Likelihood: 0.3, ImpactCost: 40_000, ImpactScore: 3, Owner: "HR",
				Contingency: "Second supplier", ContingencyCost: 15_000, ResidualImpact: 5_000, Alternatives: []string{"coach"}},
			{ID: "r2", Description: "Agency misses targets", Likelihood: 0.4, ImpactCost: 30_000, ImpactScore: 2, Owner: "HR",
				Contingency: "Penalty clause", ContingencyCost: 5_000, Alternatives: []string{"agency"}},
		},
		Measures: []casebuilder.Measure{
			{ID: "attrition", Name: "Pilot attrition", Unit: figure.Percent, Baseline: 0.33, Target: 0.28, Level: 4, PainInput: "attritionRate"},
		},
		Plan: casebuilder.Plan{
			Milestones: []casebuilder.Milestone{
				{ID: "pilot", Name: "Pilot", Start: date(2027, 2, 1), End: date(2027, 5, 31), Owner: "HRBP"},
				{ID: "rollout", Name: "Roll-out", Start: date(2027, 6, 1), End: date(2027, 11, 30), Owner: "VP Sales"},
			},
			Gates: []casebuilder.Gate{
				{ID: "pilot-review", Name: "Pilot review", Milestone: "pilot", DecidedBy: "CEO", ExitCost: 8_000,
					Thresholds: []casebuilder.Threshold{{Measure: "attrition", Comparison: casebuilder.AtMost, Value: 0.3}},
					Stops:      []string{"Coaches", "Fewer leavers"}},
				{ID: "year-one", Name: "First-year review", Date: date(2028, 1, 15), DecidedBy: "Executive committee",
					Thresholds: []casebuilder.Threshold{{Measure: "attrition", Comparison: casebuilder.Below, Value: 0.3}}},
			},
		},
	}
	valid(t, "the plan-and-money case", c)
	return c
}

// planMoneyCases are the oracle's cases of the money that follows the plan:
// the case as exported, each scenario, and changes made in the workbook's
// input cells (a milestone's end date, an offset, a kind of money, the
// fiscal year, a year of an input) with the same change made to the case.
func planMoneyCases(t *testing.T) map[string]*oracleCase {
	cases := map[string]*oracleCase{}
	add := adder(t, cases)
	c := planMoneyCase(t)
	oc := add("plan-money", c, nil, nil)
	oc.check = func(t *testing.T, tool string, f *excelize.File) { sameAsCached(t, tool, open(t, oc.book), f) }
	addScenarios(t, add, "plan-money", func() *casebuilder.Case { return planMoneyCase(t) })
	{
		// The roll-out ends three months later, on 29 February 2028: the
		// coaches and the managers' time go on, the fewer leavers start
		// later, and the admin time freed runs longer.
		c := planMoneyCase(t)
		f := open(t, write(t, c))
		setCell(t, f, sheetPlan, ref(pEnd, planFirstRow+1), serial(casebuilder.Date{Year: 2028, Month: 2, Day: 29}))
		c.Plan.Milestones[1].End = casebuilder.Date{Year: 2028, Month: 2, Day: 29}
		// The pilot starts a month earlier, which moves the lines anchored
		// to its start and, since it ends as before, nothing else.
		setCell(t, f, sheetPlan, ref(pStart, planFirstRow), serial(casebuilder.Date{Year: 2027, Month: 1, Day: 4}))
		c.Plan.Milestones[0].Start = casebuilder.Date{Year: 2027, Month: 1, Day: 4}
		oc := add("milestone-moved", c, saved(t, f), nil)
		before := casebuilder.Calculate(planMoneyCase(t))
		oc.check = func(t *testing.T, _ string, f *excelize.File) {
			// The move is worth something: the NPV the workbook now shows
			// (checked against the moved case by checkSummary) differs
			// from the case as exported.
			if after := casebuilder.Calculate(c); after.Alternatives[1].NPV == before.Alternatives[1].NPV {
				t.Error("moving the roll-out left the NPV as it was: the test moves nothing")
			}
		}
	}
	{
		// The pilot's end moves the gate at it, the lines anchored to it and
		// the budget the ask covers.
		c := planMoneyCase(t)
		f := open(t, write(t, c))
		setCell(t, f, sheetPlan, ref(pEnd, planFirstRow), serial(casebuilder.Date{Year: 2027, Month: 7, Day: 15}))
		c.Plan.Milestones[0].End = casebuilder.Date{Year: 2027, Month: 7, Day: 15}
		add("gate-moved", c, saved(t, f), nil)
	}
	{
		// Inputs changed in the workbook: a line's offset, a cost's and a
		// benefit's kind of money, the fiscal year, a year of the sales
		// force, a gate's exit cost and date.
		c := planMoneyCase(t)
		f := open(t, write(t, c))
		costs := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Costs of the alternatives"})
		row := findRow(t, f, sheetAssumptions, costs, map[int]string{2: "Coaches"})
		setCell(t, f, sheetAssumptions, ref(aEndOffset, row), 2)
		c.Alternatives[1].Costs[1].EndAt.OffsetMonths = 2
		row = findRow(t, f, sheetAssumptions, costs, map[int]string{2: "Design"})
		setCell(t, f, sheetAssumptions, ref(aMoney, row), "time")
		c.Alternatives[1].Costs[0].Money = casebuilder.PeopleTime
		benefits := findRow(t, f, sheetAssumptions, costs, map[int]string{1: "Benefits of the alternatives"})
		row = findRow(t, f, sheetAssumptions, benefits, map[int]string{2: "Cross-selling"})
		setCell(t, f, sheetAssumptions, ref(aMoney, row), "cash")
		c.Alternatives[1].Benefits[4].Money = casebuilder.Cash
		sheet, cell := definedCell(t, f, nameFiscalYearStart)
		setCell(t, f, sheet, cell, 7)
		c.FiscalYearStart = 7
		row = findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Sales reps, year 2"})
		for _, col := range []int{aLow, aLikely, aHigh} {
			setCell(t, f, sheetAssumptions, ref(col, row), 140)
		}
		c.Pain.Inputs["reps"] = casebuilder.ByYear(casebuilder.Exactly(120), casebuilder.Exactly(140), casebuilder.Exactly(150))
		setCell(t, f, sheetGates, ref(gExit, gatesFirstRow), 20_000)
		c.Plan.Gates[0].ExitCost = 20_000
		setCell(t, f, sheetGates, ref(gDate, gatesFirstRow+1), serial(casebuilder.Date{Year: 2028, Month: 6, Day: 1}))
		c.Plan.Gates[1].Date = casebuilder.Date{Year: 2028, Month: 6, Day: 1}
		add("plan-inputs-changed", c, saved(t, f), nil)
	}
	{
		// A change beyond the floor counts only to it: attrition to 5 %,
		// when a quarter of the exits cannot be prevented.
		c := planMoneyCase(t)
		c.Alternatives[1].Benefits[0].To = casebuilder.Range{Low: 0.1, Likely: 0.05, High: 0.02}
		c.Pain.Inputs["preventableShare"] = casebuilder.Given(casebuilder.Range{Low: 0.7, Likely: 0.75, High: 0.8})
		add("floor", c, nil, nil)
	}
	return cases
}

func timeMonth(m int) time.Month { return time.Month(m) }

// checkPlanMoney compares what the money that follows the plan shows in a
// recalculated workbook with Case Builder's figures: the lines' months, the
// figures of the cash alone, the totals by kind, the money by fiscal year
// and the stage gates, every alternative's.
func checkPlanMoney(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result, s casebuilder.Scenario) {
	t.Helper()
	checkLineMonths(t, f, c, res)
	cmp := rawRows(t, f, sheetComparison)
	cash := tableAfter(t, cmp, "Alternative", "New cash spent", "Cash saved")
	kinds := tableAfter(t, cmp, "Alternative", "Costs: cash", "Costs: people's time")
	if len(cash) != len(res.Alternatives) || len(kinds) != len(res.Alternatives) {
		t.Fatalf("the tables of the cash alone and by kind have %d and %d rows, the case %d alternatives", len(cash), len(kinds), len(res.Alternatives))
	}
	for ai, a := range res.Alternatives {
		fig := a.Cash
		for col, want := range map[int]*float64{xCost: &fig.TotalCost, xBenefit: &fig.TotalBenefit, xNet: &fig.NetBenefit, xPVCost: &fig.PVCost,
			xPVBenefit: &fig.PVBenefit, xNPV: &fig.NPV, xIRR: fig.IRR, xROI: fig.ROI, xBCR: fig.BCR, xPayback: fig.PaybackMonths} {
			tol := 0.005
			switch col {
			case xIRR, xROI, xBCR:
				tol = 1e-4
			case xPayback:
				tol = 0.05
			}
			checkFigure(t, a.Name+" cash alone column "+colName(col), cell(cash[ai], col), want, tol)
		}
		if a.CashNPV != fig.NPV {
			t.Errorf("%s: CashNPV %v, Cash.NPV %v", a.Name, a.CashNPV, fig.NPV)
		}
		for i, k := range append(slices.Clone(casebuilder.CostKinds), casebuilder.BenefitKinds...) {
			want := a.CostsByKind[k]
			if i >= len(casebuilder.CostKinds) {
				want = a.BenefitsByKind[k]
			}
			checkFigure(t, a.Name+" by kind "+string(k), cell(kinds[ai], 2+i), &want, 0.005)
		}
	}
	checkFiscalYears(t, f, c, res)
	checkGates(t, f, c, res)
	checkSummaryPlan(t, f, c, res)
	if s == casebuilder.Likely { // res.Pain is at the likely values; checkWorking checks the others
		checkPainYears(t, f, c, res)
	}
}

// checkLineMonths compares the start and end months of every line on the
// Assumptions sheet with where Case Builder places them.
func checkLineMonths(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	rows := rawRows(t, f, sheetAssumptions)
	costs := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Costs of the alternatives"}) + 1
	benefits := findRow(t, f, sheetAssumptions, costs, map[int]string{1: "Benefits of the alternatives"}) + 1
	for ai, a := range c.Alternatives {
		if a.DoNothing {
			continue
		}
		for _, l := range res.Alternatives[ai].Lines {
			if l.Kind == casebuilder.ReserveLine {
				continue
			}
			row := &costs
			var end *int
			if l.Kind == casebuilder.CostLine {
				if a.Costs[l.Index].EndMonth != nil || a.Costs[l.Index].EndAt != nil {
					end = l.EndMonth
				}
			} else {
				row = &benefits
				if a.Benefits[l.Index].EndMonth != nil || a.Benefits[l.Index].EndAt != nil {
					end = l.EndMonth
				}
			}
			*row++
			r := rows[*row-1]
			if cell(r, aName) != l.Name {
				t.Fatalf("Assumptions row %d is %q, want %s", *row, cell(r, aName), l.Name)
			}
			start := float64(l.StartMonth)
			checkFigure(t, a.Name+" / "+l.Name+" start month", cell(r, aStart), &start, 0)
			if end != nil {
				e := float64(*end)
				checkFigure(t, a.Name+" / "+l.Name+" end month", cell(r, aEnd), &e, 0)
			}
		}
	}
}

// checkFiscalYears compares the Fiscal years sheet with
// casebuilder.FiscalYears, alternative by alternative.
func checkFiscalYears(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	rows := rawRows(t, f, sheetFiscal)
	for ai, a := range c.Alternatives {
		if a.DoNothing {
			continue
		}
		fys := casebuilder.FiscalYears(c, res, ai)
		at := slices.IndexFunc(rows, func(r []string) bool { return cell(r, 1) == a.Name })
		if at < 0 {
			t.Fatalf("the Fiscal years sheet has no block for %s", a.Name)
		}
		for i, fy := range fys {
			col := fyFirstCol + i
			if got := cell(rows[fyHeadRow-1], col); got != fy.Label {
				t.Errorf("fiscal year %d is %q, want %q", i+1, got, fy.Label)
			}
			first, last := float64(fy.First), float64(fy.Last)
			checkFigure(t, fy.Label+" first month", cell(rows[fyFromRow-1], col), &first, 0)
			checkFigure(t, fy.Label+" last month", cell(rows[fyToRow-1], col), &last, 0)
			for j, want := range []float64{fy.NewCash, fy.PeopleTime, -1, fy.CashSaved, fy.Margin, fy.Avoidance, fy.Productivity, -1, fy.Budget} {
				if want == -1 {
					continue
				}
				checkFigure(t, a.Name+" "+fy.Label+" "+cell(rows[at+1+j], 1), cell(rows[at+1+j], col), &want, 0.005)
			}
		}
		for i := len(fys); fyFirstCol+i <= len(rows[fyHeadRow-1]); i++ {
			if got := cell(rows[fyHeadRow-1], fyFirstCol+i); got != "" {
				t.Errorf("a fiscal year beyond the horizon reads %q", got)
			}
		}
	}
}

// checkGates compares the Stage gates sheet with Case Builder's gates.
func checkGates(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	if len(c.Plan.Gates) == 0 {
		return
	}
	rows := rawRows(t, f, sheetGates)
	for g, gr := range res.Gates {
		r := rows[gatesFirstRow+g-1]
		if cell(r, gID) != gr.ID {
			t.Fatalf("Stage gates row %d is %q, want %s", gatesFirstRow+g, cell(r, gID), gr.ID)
		}
		month := float64(gr.Month)
		checkFigure(t, gr.Name+" month", cell(r, gMonth), &month, 0)
		checkFigure(t, gr.Name+" spent before", cell(r, gSpent), &gr.SpentBefore, 0.005)
		checkFigure(t, gr.Name+" NPV if stopped", cell(r, gNPV), &gr.NetIfStopped, 0.005)
	}
}

// checkPainYears compares the yearly cost of pain counted in each year of
// the Cost of pain sheet with Case Builder's.
func checkPainYears(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	sheet, at := definedCell(t, f, nameCostOfPain)
	_, row, err := excelize.CellNameToCoordinates(at)
	if err != nil {
		t.Fatal(err)
	}
	rows := rawRows(t, f, sheet)
	years := res.Pain.AnnualByYear
	if len(years) < 2 || cell(rows[painFirstRow-2], painValueCol+1) != "Year 2" {
		return // no year columns: one value, checked by checkWorking
	}
	for y, want := range years {
		checkFigure(t, "cost of pain counted in year "+strconv.Itoa(y+1), cell(rows[row-1], painValueCol+y), &want, 0.005)
	}
}

// The anchored lines' months are formulas on their milestones' dates, and
// the dates are input cells: the figures follow a date typed in.
func TestAnchoredMonthsAreFormulas(t *testing.T) {
	c := planMoneyCase(t)
	f := open(t, write(t, c))
	costs := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Costs of the alternatives"})
	row := findRow(t, f, sheetAssumptions, costs, map[int]string{2: "Coaches"})
	start, _ := f.GetCellFormula(sheetAssumptions, ref(aStart, row))
	end, _ := f.GetCellFormula(sheetAssumptions, ref(aEnd, row))
	pilotStart, rolloutEnd := "'Plan'!"+abs(pStart, planFirstRow), "'Plan'!"+abs(pEnd, planFirstRow+1)
	if !strings.Contains(start, pilotStart) || strings.Contains(start, pilotStart+"+1") {
		t.Errorf("the coaches start at %q, not at the pilot's start date %s", start, pilotStart)
	}
	if !strings.Contains(end, rolloutEnd+"+1") || !strings.Contains(end, ref(aEndOffset, row)) {
		t.Errorf("the coaches end at %q, not at the day after the roll-out's end date %s plus the offset", end, rolloutEnd)
	}
	for _, cellName := range []string{ref(pStart, planFirstRow), ref(pEnd, planFirstRow+1)} {
		if fm, _ := f.GetCellFormula(sheetPlan, cellName); fm != "" {
			t.Errorf("Plan!%s is the formula %q, not an input", cellName, fm)
		}
	}
	// The gate at the pilot is decided the day after it ends, and the
	// decision's month follows.
	if fm, _ := f.GetCellFormula(sheetGates, ref(gDate, gatesFirstRow)); !strings.Contains(fm, "'Plan'!"+abs(pEnd, planFirstRow)+"+1") {
		t.Errorf("the pilot review is decided on %q", fm)
	}
}

// Inputs given year by year have a row a year on the Assumptions sheet and
// a column a year on the Cost of pain sheet, whose later years read their
// own column; a per-head cost whose heads follow an input reads each
// year's cell.
func TestYearlyInputsLayout(t *testing.T) {
	c := planMoneyCase(t)
	f := open(t, write(t, c))
	for _, label := range []string{"Sales reps, year 1", "Sales reps, year 2", "Sales reps, year 3", "Yearly sales attrition, year 2"} {
		findRow(t, f, sheetAssumptions, 1, map[int]string{1: label})
	}
	rows := rawRows(t, f, sheetPain)
	if got := rows[painFirstRow-2][painValueCol-1 : painValueCol+2]; !slices.Equal(got, []string{"Year 1", "Year 2", "Year 3"}) {
		t.Errorf("the Cost of pain sheet's columns are %q", got)
	}
	sheet, leavers := definedCell(t, f, "leavers")
	_, row, _ := excelize.CellNameToCoordinates(leavers)
	// Leavers by hand: 120 × 33 %, 135 × 32 %, and in year 3, where
	// attrition is not given, its last year's 32 % of 150.
	for y, want := range []float64{39.6, 43.2, 48} {
		checkFigure(t, "leavers in year "+strconv.Itoa(y+1), cell(rows[row-1], painValueCol+y), &want, 1e-9)
	}
	if fm, _ := f.GetCellFormula(sheet, ref(painValueCol+2, row)); strings.Contains(fm, "reps") || !strings.Contains(fm, colName(painValueCol+2)) {
		t.Errorf("leavers in year 3 is %q, not a formula on year 3's column", fm)
	}
	// The actual attainment the case gives is on the sheet, and the
	// attainment of a productive rep is a formula on it.
	sheet, prod := definedCell(t, f, "productiveAttainment")
	_, actual := definedCell(t, f, "actualAttainment")
	if fm, _ := f.GetCellFormula(sheet, "F"+prod[1:]); fm != "F"+actual[1:] {
		t.Errorf("the attainment of a productive rep is %q, not the actual attainment's cell F%s", fm, actual[1:])
	}
	// Exit interviews cost 15 a leaver a month: in year 3 they are what the
	// helper cell of year 3 holds, 15 times year 3's leavers.
	cash := rawRows(t, f, sheetCash)
	r := slices.IndexFunc(cash, func(r []string) bool { return cell(r, 1) == "Exit interviews" })
	b := newBook(c, testOpts)
	b.plan()
	month := b.cash.month0 + 30
	fm, _ := f.GetCellFormula(sheetCash, ref(month, r+1))
	helper := b.yearValue(r+1, 2)
	if !strings.Contains(fm, helper) {
		t.Errorf("the exit interviews of month 30 are %q, not the value of year 3 (%s)", fm, helper)
	}
	if fm, _ := f.GetCellFormula(sheetCash, strings.ReplaceAll(helper, "$", "")); !strings.Contains(fm, "'Cost of pain'!"+abs(painValueCol+2, row)) {
		t.Errorf("the exit interviews' amount in year 3 is %q, not on year 3's leavers", fm)
	}
}

// Stage gates and the budget asked, worked by hand: the pilot ends on 31
// May 2027, so its review is decided on 1 June, month 5, and the
// first-year review on 15 January 2028 falls in month 12. The ask stops at
// the pilot review, so it budgets the new cash of months 0 to 4: the design
// (50,000), the coaches from February (4 × 10,000), the platform in
// February (2 × 12,000), the exit interviews from March (3 months × 15 ×
// 120 × 33 % leavers = 1,782) and the reserve (30 % × 15,000 = 4,500),
// 120,282; the managers' time is not new cash, and the onboarding kit
// starts with the roll-out in June. Spent before the pilot review, the
// managers' time counts too: from a month after the pilot starts, months
// 2 to 4, 3 × 4,000, so 132,282.
func TestGatesAndBudgetByHand(t *testing.T) {
	c := planMoneyCase(t)
	f := open(t, write(t, c))
	rows := rawRows(t, f, sheetGates)
	for g, want := range []float64{5, 12} {
		checkFigure(t, "gate month", cell(rows[gatesFirstRow+g-1], gMonth), &want, 0)
	}
	spent := 132_282.0
	checkFigure(t, "spent before the pilot review", cell(rows[gatesFirstRow-1], gSpent), &spent, 1e-6)
	if got := cell(rows[gatesFirstRow-1], gThresholds); got != "Pilot attrition (attrition) at most 30.0%" {
		t.Errorf("the pilot review's thresholds read %q", got)
	}
	if got := cell(rows[gatesFirstRow-1], gStops); got != "Coaches; Fewer leavers" {
		t.Errorf("a no at the pilot review stops %q", got)
	}
	fy := rawRows(t, f, sheetFiscal)
	at := slices.IndexFunc(fy, func(r []string) bool { return cell(r, 1) == "Coaching programme" })
	budget := slices.IndexFunc(fy[at:], func(r []string) bool { return strings.HasPrefix(cell(r, 1), "Budget asked") })
	if at < 0 || budget < 0 {
		t.Fatal("the Fiscal years sheet has no budget asked for the coaching programme")
	}
	want := 120_282.0
	checkFigure(t, "budget asked", cell(fy[at+budget], fyTotal), &want, 1e-6)
	var model float64
	for _, y := range casebuilder.FiscalYears(c, casebuilder.Calculate(c), 1) {
		model += y.Budget
	}
	if math.Abs(model-want) > 1e-6 {
		t.Errorf("Case Builder budgets %v, want %v", model, want)
	}
}

// checkSummaryPlan compares the Summary's cash NPV of the recommendation
// and its first stage gate with Case Builder's.
func checkSummaryPlan(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	rec := res.RecommendedAlternative()
	if rec == nil {
		return
	}
	rows := rawRows(t, f, sheetSummary)
	value := func(label string) (string, bool) {
		i := slices.IndexFunc(rows, func(r []string) bool { return cell(r, 1) == label })
		if i < 0 {
			return "", false
		}
		return cell(rows[i], 2), true
	}
	if got, ok := value("of which the cash alone"); !ok {
		t.Error("the Summary has no NPV of the cash alone")
	} else {
		checkFigure(t, "Summary's NPV of the cash alone", got, &rec.CashNPV, 0.005)
	}
	_, gate := value("First stage gate on")
	if gate != (len(res.Gates) > 0) {
		t.Errorf("the Summary shows a first stage gate: %v, the case has %d gates", gate, len(res.Gates))
	}
	if len(res.Gates) == 0 {
		return
	}
	for label, want := range map[string]float64{"Spent before the first gate": res.Gates[0].SpentBefore,
		"NPV if stopped at the first gate": res.Gates[0].NetIfStopped} {
		got, _ := value(label)
		checkFigure(t, "Summary's "+label, got, &want, 0.005)
	}
}

// The Summary says how and when the programme would be stopped: the
// pilot review, decided by the CEO the day after the
// pilot ends on 31 May 2027, so on 1 June 2027 (serial 46539).
func TestSummaryFirstGate(t *testing.T) {
	c := planMoneyCase(t)
	f := open(t, write(t, c))
	rows := rawRows(t, f, sheetSummary)
	i := slices.IndexFunc(rows, func(r []string) bool { return cell(r, 1) == "First stage gate on" })
	if i < 0 {
		t.Fatal("the Summary has no first stage gate")
	}
	if got := cell(rows[i], 2); got != "46539" {
		t.Errorf("the first gate is on %q, want 46539 (1 June 2027)", got)
	}
	if text := cell(rows[i], 3); !strings.Contains(text, c.Plan.Gates[0].Name) || !strings.Contains(text, c.Plan.Gates[0].DecidedBy) {
		t.Errorf("the first gate's text is %q", text)
	}
	checkSummaryPlan(t, f, c, casebuilder.Calculate(c))
}

// The Fiscal years sheet, worked by hand: the fiscal year starts in April,
// so the first, 2026/27, holds months 0 to 2 (January to March 2027). The
// coaching programme spends new cash of 99,094 in it: the design (50,000),
// the reserve (4,500), the platform's two licences in month 1 (24,000),
// the coaches from the pilot's start in February (2 × 10,000) and the exit
// interviews from month 2 (15 × 39.6 leavers = 594); its people's time is
// the managers' from month 2 (4,000). The ask's remaining 21,188 of new
// cash falls in 2027/28. The admin time freed, 8,000 a year from month 6,
// is worth 9 × 8,000 / 12 = 6,000 in 2027/28 (months 3 to 14).
func TestFiscalYearsByHand(t *testing.T) {
	c := planMoneyCase(t)
	rows := rawRows(t, open(t, write(t, c)), sheetFiscal)
	if got := cell(rows[fyHeadRow-1], fyFirstCol); got != "2026/27" {
		t.Fatalf("the first fiscal year is %q, want 2026/27", got)
	}
	at := slices.IndexFunc(rows, func(r []string) bool { return cell(r, 1) == "Coaching programme" })
	if at < 0 {
		t.Fatal("the Fiscal years sheet has no block for the coaching programme")
	}
	find := func(prefix string) []string {
		i := slices.IndexFunc(rows[at:], func(r []string) bool { return strings.HasPrefix(cell(r, 1), prefix) })
		if i < 0 {
			t.Fatalf("the coaching programme has no row %q", prefix)
		}
		return rows[at+i]
	}
	for _, want := range []struct {
		row   string
		year  int
		value float64
	}{
		{"New cash spent", 0, 99_094}, {"Time of people already paid", 0, 4_000},
		{"Budget asked", 0, 99_094}, {"Budget asked", 1, 21_188}, {"Budget asked", 2, 0},
		{"Productivity", 1, 6_000},
	} {
		checkFigure(t, want.row+" in fiscal year "+strconv.Itoa(want.year+1), cell(find(want.row), fyFirstCol+want.year), &want.value, 1e-6)
	}
}
