package workbook

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Break-even sheet holds the analysis's break-evens, one row each in
// its order, labelled as computed at export, with a live check on the
// recommendation's NPV.
func TestBreakEvenSheet(t *testing.T) {
	c := sample(t, "turnover")
	an := casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true})
	if len(an.BreakEven) < 3 {
		t.Fatalf("the turnover sample has %d break-evens, want several", len(an.BreakEven))
	}
	f := open(t, write(t, c))
	rows := rawRows(t, f, sheetBreakEven)
	if got := cell(rows[1], 1); !strings.Contains(got, "Computed by Case Builder at export; not recalculated") {
		t.Errorf("the sheet's banner is %q", got)
	}
	// The live check compares the NPV stored at export with the
	// Comparison's live one.
	fm, _ := f.GetCellFormula(sheetBreakEven, ref(beLikely, beBaseRow))
	rec := c.AlternativeByID(c.Recommendation.Alternative)
	if !strings.Contains(fm, xref(sheetComparison, mNPV, cmpFirstRow+rec)) {
		t.Errorf("the live check reads %q, not the recommendation's NPV on the Comparison sheet", fm)
	}
	table := tableAfter(t, rows, "Estimate", "Kind", "Unit", "Likely", "NPV is zero at", "The case holds while it is")
	if len(table) != len(an.BreakEven) {
		t.Fatalf("%d rows for %d break-evens", len(table), len(an.BreakEven))
	}
	none := 0
	for i, be := range an.BreakEven {
		r := table[i]
		if cell(r, beInput) != be.Input || cell(r, beField) != be.Path || cell(r, beNext) != be.Next {
			t.Errorf("row %d is %q, want %s at %s", i, r, be.Input, be.Path)
		}
		sameValue(t, be.Input+" likely", cell(r, beLikely), be.Likely)
		switch {
		case be.Value == nil:
			none++
			if cell(r, beValue) != noneWithin || cell(r, beHolds) != "anywhere" {
				t.Errorf("%s has no break-even, the sheet says %q, %q", be.Input, cell(r, beValue), cell(r, beHolds))
			}
		default:
			sameValue(t, be.Input+" break-even", cell(r, beValue), *be.Value)
			want := map[bool]string{true: "at or above it", false: "at or below it"}[be.Rising]
			if cell(r, beHolds) != want {
				t.Errorf("%s holds %q, want %q", be.Input, cell(r, beHolds), want)
			}
		}
	}
	// The sample has estimates that cannot sink it (the days a territory
	// stays open, the recruiting cost), and the sheet says so.
	if none == 0 {
		t.Error("no estimate of the turnover sample is without a break-even: the test checks no 'none'")
	}
}

// breakEvenCases are the turnover sample with, in its workbook, one
// estimate set to its break-even value: a pain input, a cost line's amount
// and a benefit line's target. Recalculated by a spreadsheet, the
// recommendation's NPV must be zero, within 1: the spreadsheet's own
// formulas confirm Case Builder's search, and the search the formulas.
func breakEvenCases(t *testing.T) map[string]*oracleCase {
	cases := map[string]*oracleCase{}
	base := sample(t, "turnover")
	an := casebuilder.Analyse(base, casebuilder.AnalysisOptions{SkipSimulation: true})
	rec := base.AlternativeByID(base.Recommendation.Alternative)
	for name, path := range map[string]string{"break-even-pain": "pain.inputs.rampMonths", "break-even-cost": "alternatives[1].costs[1].amount",
		"break-even-benefit": "alternatives[1].benefits[0].to"} {
		var be *casebuilder.BreakEven
		for i := range an.BreakEven {
			if an.BreakEven[i].Path == path {
				be = &an.BreakEven[i]
			}
		}
		if be == nil || be.Value == nil {
			t.Fatalf("the turnover sample has no break-even value for %s", path)
		}
		v := *be.Value
		c := sample(t, "turnover")
		f := open(t, write(t, c))
		var row int
		switch {
		case strings.HasPrefix(path, "pain.inputs."):
			key := strings.TrimPrefix(path, "pain.inputs.")
			_, at := definedCell(t, f, key)
			row, _ = strconv.Atoi(at[1:])
			c.Pain.Inputs[key] = casebuilder.Given(casebuilder.Exactly(v))
		case strings.Contains(path, ".costs["):
			costs := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Costs of the alternatives"})
			row = findRow(t, f, sheetAssumptions, costs, map[int]string{2: c.Alternatives[1].Costs[1].Name})
			c.Alternatives[1].Costs[1].Amount = casebuilder.Exactly(v)
		default:
			benefits := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Benefits of the alternatives"})
			row = findRow(t, f, sheetAssumptions, benefits, map[int]string{2: c.Alternatives[1].Benefits[0].Name})
			c.Alternatives[1].Benefits[0].To = casebuilder.Exactly(v)
		}
		for _, col := range []int{aLow, aLikely, aHigh} {
			setCell(t, f, sheetAssumptions, ref(col, row), v)
		}
		oc := &oracleCase{book: saved(t, f), c: c, res: casebuilder.Calculate(c)}
		oc.check = func(t *testing.T, tool string, f *excelize.File) {
			got, _ := f.GetCellValue(sheetComparison, ref(mNPV, cmpFirstRow+rec), excelize.Options{RawCellValue: true})
			npv, err := strconv.ParseFloat(got, 64)
			if err != nil || math.Abs(npv) > 1 {
				t.Errorf("%s at its break-even %v: %s gives the recommendation an NPV of %q, want 0 within 1", be.Input, v, tool, got)
			}
		}
		cases[name] = oc
	}
	return cases
}
