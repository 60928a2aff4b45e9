package workbook

import (
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Simulation sheet says whether its trials drew the risks, in its
// banner, in each alternative's row and under the histogram; and the
// Risks sheet holds each risk's residual impact as an input.
func TestSimulationIncludesRisks(t *testing.T) {
	c := planMoneyCase(t)
	sentence := "every risk of the alternative happens or not with its likelihood"
	for _, tc := range []struct {
		name     string
		opts     casebuilder.SimulationOptions
		drawn    string
		withRisk bool
	}{
		{"with risks", casebuilder.SimulationOptions{Trials: 500, Seed: 3}, "yes", true},
		{"estimates only", casebuilder.SimulationOptions{Trials: 500, Seed: 3, EstimatesOnly: true}, "no", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := casebuilder.Simulate(c, tc.opts)
			data, err := Write(c, Options{Now: testNow, Simulation: tc.opts})
			if err != nil {
				t.Fatal(err)
			}
			rows := rawRows(t, open(t, data), sheetSimulation)
			if got := strings.Contains(cell(rows[1], 1), sentence); got != tc.withRisk {
				t.Errorf("the banner says the risks are drawn: %v, want %v (%q)", got, tc.withRisk, cell(rows[1], 1))
			}
			table := tableAfter(t, rows, "Alternative", "Trials", "Seed", "Distribution")
			if len(table) < len(sim.Alternatives) {
				t.Fatalf("%d rows for %d alternatives", len(table), len(sim.Alternatives))
			}
			for i, a := range sim.Alternatives {
				r := table[i]
				if cell(r, sAlt) != a.Name || cell(r, sRisks) != tc.drawn {
					t.Errorf("row %d is %q, want %s with risks drawn %q", i, r, a.Name, tc.drawn)
				}
				sameValue(t, a.Name+" P50", cell(r, sP50), a.NPVP50)
				sameValue(t, a.Name+" P(NPV > 0)", cell(r, sProbPositive), a.ProbNPVPositive)
			}
			histogram := false
			for _, r := range rows {
				if strings.Contains(cell(r, 1), "the risks that happened included") {
					histogram = true
				}
			}
			if histogram != tc.withRisk {
				t.Errorf("the histogram's note says the risks are included: %v, want %v", histogram, tc.withRisk)
			}
		})
	}
	// The residual impacts, 5,000 for the first risk and none for the
	// second, are inputs on the Risks sheet.
	f := open(t, write(t, c))
	for i, want := range []float64{5_000, 0} {
		row := findRow(t, f, sheetRisks, 1, map[int]string{1: c.Risks[i].ID})
		got := rawRows(t, f, sheetRisks)[row-1]
		sameValue(t, c.Risks[i].ID+" residual impact", cell(got, kResidual), want)
		// Styled as the impact cost is, an input.
		style, _ := f.GetCellStyle(sheetRisks, ref(kResidual, row))
		if input, _ := f.GetCellStyle(sheetRisks, ref(kImpactCost, row)); style != input {
			t.Errorf("%s's residual impact is not styled as an input", c.Risks[i].ID)
		}
	}
}
