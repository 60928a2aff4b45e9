package workbook

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// rawRows returns a sheet's cells as stored.
func rawRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// tableAfter returns the rows under the header whose first cells read
// header, up to the first row with an empty first cell.
func tableAfter(t *testing.T, rows [][]string, header ...string) [][]string {
	t.Helper()
	for i, r := range rows {
		if len(r) >= len(header) && slices.Equal(r[:len(header)], header) {
			var out [][]string
			for _, r := range rows[i+1:] {
				if len(r) == 0 || r[0] == "" {
					break
				}
				out = append(out, r)
			}
			return out
		}
	}
	t.Fatalf("no table with the header %q", header)
	return nil
}

// cell returns column c (1-based) of a row, "" past its end.
func cell(r []string, c int) string {
	if c <= len(r) {
		return r[c-1]
	}
	return ""
}

// sameValue compares a stored figure with Case Builder's, which the
// workbook keeps to 15 significant digits, as spreadsheets do.
func sameValue(t *testing.T, what, got string, want float64) {
	t.Helper()
	v, err := strconv.ParseFloat(got, 64)
	if err != nil || math.Abs(v-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %q, want %v", what, got, want)
	}
}

// hasText reports whether any cell of the rows contains s.
func hasText(rows [][]string, s string) bool {
	for _, r := range rows {
		for _, v := range r {
			if strings.Contains(v, s) {
				return true
			}
		}
	}
	return false
}

// The Sensitivity and Simulation sheets hold what casebuilder.Analyse
// finds for the case, with the options `casebuilder summary` runs by
// default, labelled as computed at export and not recalculated.
func TestAnalysisSheets(t *testing.T) {
	c := sample(t, "turnover")
	data, err := Write(c, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	an := casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: casebuilder.SimulationOptions{Trials: casebuilder.DefaultTrials, Seed: 0}})
	checkSensitivity(t, f, an)
	checkSimulation(t, f, an)
	for _, sheet := range []string{sheetSensitivity, sheetSimulation, sheetReview} {
		if rows := rawRows(t, f, sheet); !hasText(rows, "Case Builder at export; not recalculated") {
			t.Errorf("%s does not say its figures are computed at export and not recalculated", sheet)
		}
	}
	if !hasText(rawRows(t, f, sheetSimulation), "Simulation results") {
		t.Error("the Simulation sheet does not call its figures simulation results")
	}
	// The table's caution and header repeat on every printed page.
	for _, sheet := range []string{sheetSensitivity, sheetSimulation} {
		rows := rawRows(t, f, sheet)
		var titles string
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
				titles = d.RefersTo
			}
		}
		first, last, ok := strings.Cut(strings.TrimPrefix(titles, quoteSheet(sheet)+"!"), ":")
		from, err1 := strconv.Atoi(strings.TrimPrefix(first, "$"))
		to, err2 := strconv.Atoi(strings.TrimPrefix(last, "$"))
		if !ok || err1 != nil || err2 != nil || to != from+1 || !strings.Contains(cell(rows[from-1], 1), "not recalculated") ||
			cell(rows[to-1], 2) != "Kind" && cell(rows[to-1], 2) != "Trials" {
			t.Errorf("%s repeats %q on every page", sheet, titles)
		}
	}
}

func checkSensitivity(t *testing.T, f *excelize.File, an *casebuilder.Analysis) {
	t.Helper()
	tor := an.Tornado
	if len(tor.Drivers) < 5 {
		t.Fatalf("the turnover sample has %d uncertain inputs", len(tor.Drivers))
	}
	rows := rawRows(t, f, sheetSensitivity)
	if !strings.Contains(rows[0][0], tor.Name) {
		t.Errorf("the sheet is titled %q, not after %s", rows[0][0], tor.Name)
	}
	for _, r := range rows {
		if cell(r, 1) == "NPV at likely values" {
			sameValue(t, "NPV at likely values", cell(r, 2), tor.BaseNPV)
			if cell(r, tLow) != checkCurrent {
				t.Errorf("the live check reads %q", cell(r, tLow))
			}
		}
		if cell(r, 1) == "Top drivers" && cell(r, 2) != strings.Join(tor.Top, "; ") {
			t.Errorf("top drivers %q, want %q", cell(r, 2), tor.Top)
		}
	}
	table := tableAfter(t, rows, "Input", "Kind", "Unit", "Low", "Likely", "High", "NPV at low", "NPV at high",
		"Change of NPV, input at low", "Change of NPV, input at high", "Swing", "Field in the case")
	if len(table) != len(tor.Drivers) {
		t.Fatalf("%d rows for %d drivers", len(table), len(tor.Drivers))
	}
	for i, d := range tor.Drivers {
		r := table[i]
		if r[tInput-1] != d.Input || r[tField-1] != d.Path {
			t.Errorf("row %d is %q (%q), want %q (%q)", i, r[tInput-1], r[tField-1], d.Input, d.Path)
		}
		for col, want := range map[int]float64{tLow: d.Low, tLikely: d.Likely, tHigh: d.High, tNPVLow: d.NPVLow, tNPVHigh: d.NPVHigh,
			tChangeLow: d.NPVLow - tor.BaseNPV, tChangeHigh: d.NPVHigh - tor.BaseNPV, tSwing: d.Swing} {
			sameValue(t, d.Input+" column "+colName(col), r[col-1], want)
		}
		if i > 0 && d.Swing > tor.Drivers[i-1].Swing {
			t.Errorf("%s swings more than the row above it", d.Input)
		}
	}
	// Every figure is a value: no formula but the live check.
	for i, r := range rows {
		for j := range r {
			if fm, _ := f.GetCellFormula(sheetSensitivity, ref(j+1, i+1)); fm != "" && !strings.Contains(fm, checkCurrent) {
				t.Errorf("Sensitivity!%s is the formula %q", ref(j+1, i+1), fm)
			}
		}
	}
	charts := 0
	for _, part := range zipParts(t, f) {
		if strings.HasPrefix(part, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 4 { // two on the Summary, the tornado, the histogram
		t.Errorf("%d charts, want 4", charts)
	}
}

func checkSimulation(t *testing.T, f *excelize.File, an *casebuilder.Analysis) {
	t.Helper()
	sim, res := an.Simulation, an.Result
	rows := rawRows(t, f, sheetSimulation)
	table := tableAfter(t, rows, "Alternative", "Trials", "Seed", "Distribution", "NPV at likely values", "NPV P10", "NPV P50",
		"NPV P90", "Mean NPV", "ROI P50", "Probability NPV > 0")
	if len(table) != len(sim.Alternatives) {
		t.Fatalf("%d rows for %d alternatives", len(table), len(sim.Alternatives))
	}
	for i, a := range sim.Alternatives {
		r := table[i]
		if r[sAlt-1] != a.Name || r[sSeed-1] != "0" || r[sDistribution-1] != "PERT" {
			t.Errorf("row %d: %q", i, r[:sDistribution])
		}
		sameValue(t, a.Name+" trials", r[sTrials-1], float64(casebuilder.DefaultTrials))
		for col, want := range map[int]float64{sNPVLikely: res.Alternatives[i].NPV, sP10: a.NPVP10, sP50: a.NPVP50, sP90: a.NPVP90,
			sMean: a.NPVMean, sProbPositive: a.ProbNPVPositive} {
			sameValue(t, a.Name+" column "+colName(col), r[col-1], want)
		}
		if a.ROIP50 == nil {
			if r[sROI50-1] != na {
				t.Errorf("%s ROI P50 = %q, want n/a", a.Name, r[sROI50-1])
			}
		} else {
			sameValue(t, a.Name+" ROI P50", r[sROI50-1], *a.ROIP50)
		}
	}
	if rows[2][1] != checkCurrent {
		t.Errorf("the live check reads %q", rows[2][1])
	}
	// The recommendation's histogram, bin by bin.
	hist := sim.Alternatives[res.Recommended].Histogram
	bins := tableAfter(t, rows, "NPV from … to …", "Trials", "Share of trials", "Cumulative share", "From", "To")
	if len(bins) != len(hist) || len(hist) != casebuilder.HistogramBins {
		t.Fatalf("%d bins in the workbook, %d simulated", len(bins), len(hist))
	}
	total := 0
	for i, bin := range hist {
		sameValue(t, "bin "+strconv.Itoa(i)+" count", bins[i][hTrials-1], float64(bin.Count))
		sameValue(t, "bin "+strconv.Itoa(i)+" from", bins[i][hFrom-1], bin.From)
		sameValue(t, "bin "+strconv.Itoa(i)+" to", bins[i][hTo-1], bin.To)
		total += bin.Count
		sameValue(t, "bin "+strconv.Itoa(i)+" cumulative share", bins[i][hCumulative-1], float64(total)/float64(casebuilder.DefaultTrials))
	}
}

// checkLive checks what the live checks of the Sensitivity and Simulation
// sheets read.
func checkLive(t *testing.T, f *excelize.File, want string) {
	t.Helper()
	for _, r := range rawRows(t, f, sheetSensitivity) {
		if cell(r, 1) == "NPV at likely values" && cell(r, tLow) != want {
			t.Errorf("the Sensitivity sheet's live check reads %q, want %q", cell(r, tLow), want)
		}
	}
	if got := cell(rawRows(t, f, sheetSimulation)[simCheckRow-1], 2); got != want {
		t.Errorf("the Simulation sheet's live check reads %q, want %q", got, want)
	}
}

// zipParts lists the parts of a workbook.
func zipParts(t *testing.T, f *excelize.File) []string {
	t.Helper()
	var names []string
	f.Pkg.Range(func(k, _ any) bool {
		names = append(names, k.(string))
		return true
	})
	return names
}

// The simulation's options reach the Simulation sheet; options out of
// range are refused, naming the option.
func TestSimulationOptions(t *testing.T) {
	c := sample(t, "ramp")
	opts := casebuilder.SimulationOptions{Trials: 2500, Seed: 1<<63 + 12345, Distribution: casebuilder.Triangular}
	data, err := Write(c, Options{Now: testNow, Simulation: opts})
	if err != nil {
		t.Fatal(err)
	}
	sim := casebuilder.Simulate(c, opts)
	table := tableAfter(t, rawRows(t, open(t, data), sheetSimulation), "Alternative", "Trials", "Seed", "Distribution")
	for i, a := range sim.Alternatives {
		r := table[i]
		// The seed is beyond what a spreadsheet's figures hold exactly.
		if r[sTrials-1] != "2500" || r[sSeed-1] != "9223372036854788153" || r[sDistribution-1] != "triangular" {
			t.Errorf("row %d: %q", i, r[:sDistribution])
		}
		sameValue(t, a.Name+" P50", r[sP50-1], a.NPVP50)
	}
	for _, bad := range []casebuilder.SimulationOptions{{Trials: -1}, {Trials: casebuilder.MaxTrials + 1}, {Distribution: "normal"}} {
		if _, err := Write(c, Options{Now: testNow, Simulation: bad}); err == nil || !strings.Contains(err.Error(), "simulation") {
			t.Errorf("%+v gives %v", bad, err)
		}
	}
}

// The desktop app passes the analysis it has already run: the workbook is
// the same as one that runs it, and an analysis of another case is
// refused.
func TestPrecomputedAnalysis(t *testing.T) {
	c := sample(t, "turnover")
	simOpts := casebuilder.SimulationOptions{Trials: 3000, Seed: 42}
	want, err := Write(c, Options{Now: testNow, Simulation: simOpts})
	if err != nil {
		t.Fatal(err)
	}
	an := casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: simOpts})
	got, err := Write(c, Options{Now: testNow, Analysis: an, Simulation: casebuilder.SimulationOptions{Trials: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("a workbook from the app's analysis differs from one that runs it")
	}
	// An analysis that skipped the simulation gets one.
	quick := casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true})
	got, err = Write(c, Options{Now: testNow, Analysis: quick, Simulation: simOpts})
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("a workbook from an analysis without simulation differs (%v)", err)
	}
	if quick.Simulation != nil {
		t.Error("Write changed the analysis it was given")
	}
	// A stale analysis: the case changed after it ran.
	changed := sample(t, "turnover")
	changed.Alternatives[1].Costs[0].Amount.Likely += 1000
	for name, a := range map[string]*casebuilder.Analysis{
		"another case":  an,
		"no figures":    {Tornado: an.Tornado},
		"no tornado":    {Result: an.Result},
		"other options": casebuilder.Analyse(sample(t, "ramp"), casebuilder.AnalysisOptions{SkipSimulation: true}),
	} {
		_, err := Write(changed, Options{Now: testNow, Analysis: a})
		if err == nil || !strings.Contains(err.Error(), "not of this case") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The CEO review sheet lists every finding of the review, most severe
// first, with the readiness score.
func TestReviewSheet(t *testing.T) {
	// The turnover sample is sound: the review finds nothing, and the
	// sheet says so.
	sound := sample(t, "turnover")
	if findings := casebuilder.Review(sound, casebuilder.Calculate(sound)); len(findings) != 0 {
		t.Fatalf("the turnover sample has %d findings, want none: %v", len(findings), findings)
	}
	rows := rawRows(t, open(t, write(t, sound)), sheetReview)
	if !slices.ContainsFunc(rows, func(r []string) bool { return cell(r, 2) == "The review found nothing to object to." }) {
		t.Error("the review sheet of a case without findings does not say it found nothing")
	}
	// The same case made careless: risks with no owner, a discount rate of
	// zero, a milestone with no owner.
	flawed := sample(t, "turnover")
	flawed.DiscountRate = 0
	for i := range flawed.Risks {
		flawed.Risks[i].Owner = ""
	}
	flawed.Plan.Milestones[0].Owner = ""
	for name, c := range map[string]*casebuilder.Case{"flawed turnover": flawed, "stress": sample(t, "stress")} {
		t.Run(name, func(t *testing.T) {
			findings := casebuilder.Review(c, casebuilder.Calculate(c))
			if len(findings) == 0 {
				t.Fatal("the case has no findings to show")
			}
			f := open(t, write(t, c))
			rows := rawRows(t, f, sheetReview)
			for _, r := range rows {
				if cell(r, 1) == "Readiness" {
					sameValue(t, "readiness", cell(r, 2), float64(casebuilder.Readiness(findings)))
				}
			}
			table := tableAfter(t, rows, "Severity", "Finding", "Why a CEO would object", "Fix at the step", "Field in the case", "Rule")
			if len(table) != len(findings) {
				t.Fatalf("%d rows for %d findings", len(table), len(findings))
			}
			for i, fd := range findings {
				r := table[i]
				if !strings.EqualFold(r[rvSeverity-1], string(fd.Severity)) || r[rvFinding-1] != fd.Message || r[rvWhy-1] != fd.Why ||
					!strings.EqualFold(r[rvStep-1], string(fd.Where.Step)) || cell(r, rvField) != fd.Where.Path || cell(r, rvRule) != fd.Rule {
					t.Errorf("row %d is %q, want %v", i, r, fd)
				}
			}
		})
	}
}

// Findings name the user's items: their text is text, never a formula.
func TestReviewTextStaysText(t *testing.T) {
	c, _ := nastyCase(t)
	c.Risks[0].Contingency, c.Risks[0].Likelihood, c.Risks[0].ImpactScore = "", 0.9, 5 // a high risk with no plan
	findings := casebuilder.Review(c, casebuilder.Calculate(c))
	f := open(t, write(t, c))
	rows := rawRows(t, f, sheetReview)
	named := 0
	for _, fd := range findings {
		if !strings.Contains(fd.Message, c.Risks[0].Description) {
			continue
		}
		named++
		found := false
		for i, r := range rows {
			if cell(r, rvFinding) != fd.Message {
				continue
			}
			found = true
			if fm, _ := f.GetCellFormula(sheetReview, ref(rvFinding, i+1)); fm != "" {
				t.Errorf("the finding %q is the formula %q", fd.Message, fm)
			}
			if typ, _ := f.GetCellType(sheetReview, ref(rvFinding, i+1)); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("the finding %q is stored as %v", fd.Message, typ)
			}
		}
		if !found {
			t.Errorf("the finding %q is not on the sheet", fd.Message)
		}
	}
	if named == 0 {
		t.Fatalf("no finding names the risk %q: %v", c.Risks[0].Description, findings)
	}
}

// Cases with nothing to analyse still give the sheets, saying so.
func TestAnalysisEdgeCases(t *testing.T) {
	for name, edit := range map[string]func(c *casebuilder.Case){
		"no alternatives": func(c *casebuilder.Case) {
			c.Alternatives, c.Recommendation, c.Risks = nil, casebuilder.Recommendation{}, nil
		},
		"only the baseline": func(c *casebuilder.Case) {
			c.Alternatives, c.Recommendation, c.Risks = c.Alternatives[:1], casebuilder.Recommendation{}, nil
		},
		"no ranges": func(c *casebuilder.Case) {
			for k, r := range c.Pain.Inputs {
				c.Pain.Inputs[k] = casebuilder.Given(casebuilder.Exactly(r.Likely))
			}
			for ai := range c.Alternatives {
				for li := range c.Alternatives[ai].Costs {
					l := &c.Alternatives[ai].Costs[li]
					l.Amount = casebuilder.Exactly(l.Amount.Likely)
				}
				for li := range c.Alternatives[ai].Benefits {
					l := &c.Alternatives[ai].Benefits[li]
					l.To, l.Share, l.Annual = casebuilder.Exactly(l.To.Likely), casebuilder.Exactly(l.Share.Likely), casebuilder.Exactly(l.Annual.Likely)
				}
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, f := editedTurnover(t, edit)
			for _, sheet := range []string{sheetSensitivity, sheetSimulation, sheetReview} {
				if len(rawRows(t, f, sheet)) < 3 {
					t.Errorf("%s is empty", sheet)
				}
			}
		})
	}
}
