package workbook

import (
	"context"
	"fmt"
	"maps"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// LibreOffice is the oracle: it recalculates every formula of a workbook on
// loading (the profile below forces it, whatever the cached results say),
// and what it computes must equal Case Builder's own figures.

// recalcProfile makes LibreOffice Calc recalculate every formula of an
// OOXML (and ODF) file when it loads one: 0 is "always".
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// spreadsheetOrSkip is the path of the command of a spreadsheet that
// recalculates workbooks; without it on PATH, the test skips, saying which
// package installs it.
func spreadsheetOrSkip(t *testing.T, spreadsheet, command, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(command)
	if err != nil {
		t.Skipf("%s is not installed (no %s on PATH): skipping its recalculation checks. Install it (apt-get install %s) to run them.",
			spreadsheet, command, pkg)
	}
	return path
}

// recalculate converts workbooks with LibreOffice headless, which
// recalculates them, and returns the results by name. It converts them all
// in one run, since starting LibreOffice takes most of the time.
func recalculate(t *testing.T, books map[string][]byte) map[string]*excelize.File {
	t.Helper()
	soffice := spreadsheetOrSkip(t, "LibreOffice", "soffice", "libreoffice-calc-nogui")
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range books {
			if !yield(n) {
				return
			}
		}
	})
	for _, n := range names {
		p := filepath.Join(in, n+".xlsx")
		if err := os.WriteFile(p, books[n], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	start := time.Now()
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	t.Logf("LibreOffice recalculated %d workbooks in %v", len(books), time.Since(start).Round(time.Millisecond))
	res := map[string]*excelize.File{}
	for _, n := range names {
		f, err := excelize.OpenFile(filepath.Join(out, n+".xlsx"))
		if err != nil {
			t.Fatalf("%s: LibreOffice wrote no workbook (%v)\n%s", n, err, output)
		}
		t.Cleanup(func() { f.Close() })
		res[n] = f
	}
	return res
}

// oracleCase is a workbook for a spreadsheet to recalculate and the case whose figures it
// must then show: the same case, or the case with the change made in the
// workbook, and how Case Builder values it.
type oracleCase struct {
	book []byte
	c    *casebuilder.Case
	res  *casebuilder.Result
	// scenario is the estimates' values the workbook is set to use.
	scenario casebuilder.Scenario
	// check makes the case's own checks of the workbook as the tool
	// (LibreOffice, Gnumeric) recalculated it.
	check func(t *testing.T, tool string, f *excelize.File)
}

func TestLibreOffice(t *testing.T) {
	cases := sharedOracleCases(t)
	checkRecalculated(t, "LibreOffice", cases, recalculate(t, booksOf(cases)))
}

// TestGnumeric makes the same checks as TestLibreOffice with another
// spreadsheet: Gnumeric's ssconvert recalculates every workbook, and its
// figures too must equal Case Builder's. Finance teams open the workbook
// in Excel, LibreOffice, Google Sheets, Numbers or Gnumeric, so its
// formulas must mean the same in each: none may depend on array
// evaluation, which Gnumeric does only in array formulas.
func TestGnumeric(t *testing.T) {
	cases := sharedOracleCases(t)
	checkRecalculated(t, "Gnumeric", cases, recalculateGnumeric(t, booksOf(cases)))
}

// oracle holds the oracle's cases, made once for both spreadsheets: the
// stress-sized ones take a while to write, under the race detector most.
var oracle struct {
	sync.Mutex
	cases map[string]*oracleCase
}

func sharedOracleCases(t *testing.T) map[string]*oracleCase {
	oracle.Lock()
	defer oracle.Unlock()
	if oracle.cases == nil {
		oracle.cases = oracleCases(t)
	}
	return oracle.cases
}

// recalculateGnumeric recalculates workbooks with Gnumeric's ssconvert
// --recalc, several at once, and returns the results by name.
func recalculateGnumeric(t *testing.T, books map[string][]byte) map[string]*excelize.File {
	t.Helper()
	ssconvert := spreadsheetOrSkip(t, "Gnumeric", "ssconvert", "gnumeric")
	dir := t.TempDir()
	start := time.Now()
	type result struct {
		name string
		err  error
	}
	results := make(chan result)
	limit := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	for name, book := range books {
		go func() {
			limit <- struct{}{}
			defer func() { <-limit }()
			in, out := filepath.Join(dir, name+".xlsx"), filepath.Join(dir, name+"-recalculated.xlsx")
			if err := os.WriteFile(in, book, 0o644); err != nil {
				results <- result{name, err}
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, ssconvert, "--recalc", in, out)
			// Gnumeric keeps its settings under HOME: a fresh one each run.
			cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
			output, err := cmd.CombinedOutput()
			if err != nil {
				results <- result{name, fmt.Errorf("ssconvert: %v\n%s", err, output)}
				return
			}
			// What Gnumeric finds invalid in the file, it says and skips.
			for line := range strings.Lines(string(output)) {
				if strings.Contains(line, "Invalid") {
					results <- result{name, fmt.Errorf("ssconvert finds the workbook invalid: %s", strings.TrimSpace(line))}
					return
				}
			}
			results <- result{name, nil}
		}()
	}
	res := map[string]*excelize.File{}
	var failures []string
	for range books {
		r := <-results
		if r.err != nil {
			failures = append(failures, r.name+": "+r.err.Error())
			continue
		}
		f, err := excelize.OpenFile(filepath.Join(dir, r.name+"-recalculated.xlsx"))
		if err != nil {
			failures = append(failures, r.name+": Gnumeric wrote no workbook: "+err.Error())
			continue
		}
		t.Cleanup(func() { f.Close() })
		res[r.name] = f
	}
	if len(failures) > 0 {
		slices.Sort(failures)
		t.Fatal(strings.Join(failures, "\n"))
	}
	t.Logf("Gnumeric recalculated %d workbooks in %v", len(books), time.Since(start).Round(time.Millisecond))
	return res
}

// oracleAdder adds a case to the oracle's under a name, with its workbook
// (written from the case when book is nil) and its figures (calculated
// when res is nil).
type oracleAdder func(name string, c *casebuilder.Case, book []byte, res *casebuilder.Result) *oracleCase

// adder returns the oracleAdder that adds to cases.
func adder(t *testing.T, cases map[string]*oracleCase) oracleAdder {
	return func(name string, c *casebuilder.Case, book []byte, res *casebuilder.Result) *oracleCase {
		if book == nil {
			book = write(t, c)
		}
		if res == nil {
			res = casebuilder.Calculate(c)
		}
		oc := &oracleCase{book: book, c: c, res: res}
		cases[name] = oc
		return oc
	}
}

// addScenarios adds, as name-low and name-high, the workbook of a case
// newCase makes with its Scenario cell set to low and to high, and the
// app's results in that scenario; it returns them, low first.
func addScenarios(t *testing.T, add oracleAdder, name string, newCase func() *casebuilder.Case) []*oracleCase {
	var added []*oracleCase
	for _, s := range []casebuilder.Scenario{casebuilder.Low, casebuilder.High} {
		c := newCase()
		f := open(t, write(t, c))
		sheet, cell := definedCell(t, f, nameScenario)
		word := map[casebuilder.Scenario]string{casebuilder.Low: scenarioLow, casebuilder.High: scenarioHigh}[s]
		setCell(t, f, sheet, cell, word)
		oc := add(name+"-"+word, c, saved(t, f), casebuilder.CalculateWith(c, func(_ casebuilder.Estimate, r casebuilder.Range) float64 { return r.At(s) }))
		oc.scenario = s
		added = append(added, oc)
	}
	return added
}

// oracleCases are the workbooks both spreadsheets recalculate: every
// sample, the turnover sample with assumptions changed in the workbook and
// in each scenario, reserves, every calculator, an incomplete calculator
// completed in the workbook, and hostile texts.
func oracleCases(t *testing.T) map[string]*oracleCase {
	cases := map[string]*oracleCase{}
	add := adder(t, cases)
	for _, name := range sampleNames {
		c := sample(t, name)
		oc := add(name, c, nil, nil)
		// The cached results are what the spreadsheet computes, everywhere.
		oc.check = func(t *testing.T, tool string, f *excelize.File) { sameAsCached(t, tool, open(t, oc.book), f) }
	}
	// Changed assumptions leave the stored sensitivity and simulation out
	// of date, and their live checks say so.
	add(changedCase(t)).check = func(t *testing.T, _ string, f *excelize.File) { checkLive(t, f, checkChanged) }
	for _, oc := range addScenarios(t, add, "scenario", func() *casebuilder.Case { return sample(t, "turnover") }) {
		oc.check = func(t *testing.T, _ string, f *excelize.File) { checkLive(t, f, checkChanged) }
	}
	{
		c := sample(t, "turnover")
		c.Reserve.Basis = casebuilder.ReserveNone
		add("no-reserve", c, nil, nil)
	}
	{
		// A percentile reserve is Case Builder's figure; choosing expected
		// in the workbook goes back to the formulas.
		c := sample(t, "stress")
		c.Reserve = casebuilder.ReservePolicy{Basis: casebuilder.ReservePercentile, Percentile: 0.9}
		c.Criteria[0].Auto = casebuilder.ScoreFromROI
		add("percentile", c, nil, nil)
		f := open(t, write(t, c))
		sheet, cell := definedCell(t, f, nameReserveBasis)
		setCell(t, f, sheet, cell, string(casebuilder.ReserveExpected))
		expected := sample(t, "stress")
		expected.Criteria[0].Auto = casebuilder.ScoreFromROI
		add("percentile-to-expected", expected, saved(t, f), nil)
	}
	for name, c := range calculatorCases(t) {
		add(name, c, nil, nil)
	}
	{
		// A calculator that lacks an input counts its cost as zero, as do
		// the benefits tied to it; entering the input in the workbook
		// brings them to life.
		c := calculatorCases(t)["unclearRoles"]
		delete(c.Pain.Inputs, "peopleAffected")
		add("incomplete", c, nil, nil)
		f := open(t, write(t, c))
		sheet, cell := definedCell(t, f, "peopleAffected")
		setCell(t, f, sheet, "F"+cell[1:], 85)
		done := calculatorCases(t)["unclearRoles"]
		done.Pain.Inputs["peopleAffected"] = casebuilder.Given(casebuilder.Exactly(85))
		add("completed", done, saved(t, f), nil)
	}
	for name, oc := range planMoneyCases(t) {
		cases[name] = oc
	}
	for name, oc := range componentCases(t) {
		cases[name] = oc
	}
	for name, oc := range breakEvenCases(t) {
		cases[name] = oc
	}
	nasty, texts := nastyCase(t)
	oc := add("nasty", nasty, nil, nil)
	oc.check = func(t *testing.T, tool string, f *excelize.File) {
		for _, r := range summaryTable(t, f) {
			if strings.HasPrefix(r[0], "=") && !slices.Contains(texts, r[0]) {
				t.Errorf("%s reads the name %q", tool, r[0])
			}
		}
		if got, _ := f.GetCellValue(sheetSummary, "A1"); got != nasty.Title {
			t.Errorf("the title reads %q after %s", got, tool)
		}
	}
	return cases
}

// booksOf returns the workbooks of the oracle's cases, by name.
func booksOf(cases map[string]*oracleCase) map[string][]byte {
	books := map[string][]byte{}
	for n, oc := range cases {
		books[n] = oc.book
	}
	return books
}

// checkRecalculated compares each workbook, as the spreadsheet tool
// recalculated it, with Case Builder's figures.
func checkRecalculated(t *testing.T, tool string, cases map[string]*oracleCase, recalculated map[string]*excelize.File) {
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		oc := cases[name]
		t.Run(name, func(t *testing.T) {
			f := recalculated[name]
			checkSummary(t, f, oc.c, oc.res)
			checkWorking(t, f, oc.c, oc.scenario)
			checkBenefitValues(t, f, oc.c, oc.res, oc.scenario)
			checkScores(t, f, oc.c, oc.res)
			checkPlanMoney(t, f, oc.c, oc.res, oc.scenario)
			checkPaidBack(t, f, oc.c, oc.res)
			if oc.check != nil {
				oc.check(t, tool, f)
			}
		})
	}
}

// changedCase is the turnover sample's workbook with several assumptions
// changed in its input cells, and the same changes made to the case, for
// the app to value: if LibreOffice read the cached results back rather
// than recalculating, the figures would not follow.
func changedCase(t *testing.T) (string, *casebuilder.Case, []byte, *casebuilder.Result) {
	c := sample(t, "turnover")
	c.Criteria[0].Auto = casebuilder.ScoreFromNPV // scores that follow the figures
	f := open(t, write(t, c))
	sheet, cell := definedCell(t, f, nameDiscountRate)
	setCell(t, f, sheet, cell, 0.15)
	c.DiscountRate = 0.15
	sheet, cell = definedCell(t, f, nameHorizon)
	setCell(t, f, sheet, cell, 30)
	c.HorizonMonths = 30
	// A pain input (attrition), which every benefit tied to it follows.
	sheet, cell = definedCell(t, f, "attritionRate")
	setCell(t, f, sheet, "F"+cell[1:], 0.35)
	c.Pain.Inputs["attritionRate"] = casebuilder.Given(casebuilder.Range{Low: 0.3, Likely: 0.35, High: 0.36})
	// A cost line's amount and kind, and a benefit line's target and ramp.
	costs := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Costs of the alternatives"})
	row := findRow(t, f, sheetAssumptions, costs, map[int]string{2: c.Alternatives[1].Costs[0].Name})
	setCell(t, f, sheetAssumptions, "F"+strconv.Itoa(row), 150000)
	c.Alternatives[1].Costs[0].Amount.Likely = 150000
	row = findRow(t, f, sheetAssumptions, costs, map[int]string{2: c.Alternatives[2].Costs[1].Name})
	setCell(t, f, sheetAssumptions, "C"+strconv.Itoa(row), "monthly")
	setCell(t, f, sheetAssumptions, "L"+strconv.Itoa(row), 20)
	c.Alternatives[2].Costs[1].Kind = casebuilder.Monthly
	c.Alternatives[2].Costs[1].EndMonth = ptrInt(20)
	benefits := findRow(t, f, sheetAssumptions, costs, map[int]string{1: "Benefits of the alternatives"})
	row = findRow(t, f, sheetAssumptions, benefits, map[int]string{2: c.Alternatives[1].Benefits[0].Name})
	setCell(t, f, sheetAssumptions, "F"+strconv.Itoa(row), 0.28)
	setCell(t, f, sheetAssumptions, "I"+strconv.Itoa(row), 9)
	c.Alternatives[1].Benefits[0].To.Likely = 0.28
	c.Alternatives[1].Benefits[0].RampMonths = 9
	// A risk's likelihood, which moves the contingency reserve.
	row = findRow(t, f, sheetRisks, 1, map[int]string{1: c.Risks[0].ID})
	setCell(t, f, sheetRisks, "D"+strconv.Itoa(row), 0.6)
	c.Risks[0].Likelihood = 0.6
	valid(t, "the changed case", c)
	return "changed", c, saved(t, f), casebuilder.Calculate(c)
}

func ptrInt(v int) *int { return &v }

// calculatorCases are cases for every other calculator, with benefits tied
// to their inputs: entered inputs, rule-of-thumb defaults, an input a
// default reads, and two lines changing the same input.
func calculatorCases(t *testing.T) map[string]*casebuilder.Case {
	type line struct {
		input string
		to    casebuilder.Range
	}
	build := func(cat casebuilder.PainCategory, inputs map[string]casebuilder.Range, lines []line) *casebuilder.Case {
		c := sample(t, "turnover")
		given := c.Pain.Inputs
		c.Pain.Category, c.Pain.Inputs = cat, casebuilder.GivenInputs(inputs)
		for ai := range c.Alternatives {
			if c.Alternatives[ai].DoNothing {
				continue
			}
			// A per-head cost whose heads come from an input this
			// calculator does not have counts the sample's heads.
			for li := range c.Alternatives[ai].Costs {
				k := &c.Alternatives[ai].Costs[li]
				if _, ok := inputs[k.HeadsFrom]; k.HeadsFrom != "" && !ok {
					k.Heads, k.HeadsFrom = given[k.HeadsFrom].InYear(0).Likely, ""
				}
			}
			var bs []casebuilder.Benefit
			for li, l := range lines {
				bs = append(bs, casebuilder.Benefit{Name: "Change " + l.input, Basis: casebuilder.BenefitPainInput, Input: l.input, To: l.to,
					StartMonth: 2 + ai + li, RampMonths: 3 * li})
			}
			bs = append(bs, casebuilder.Benefit{Name: "Share", Basis: casebuilder.BenefitPainShare, Share: casebuilder.Range{Low: 0.01, Likely: 0.02, High: 0.03}, StartMonth: 6},
				casebuilder.Benefit{Name: "Amount", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Range{Low: 1000, Likely: 2000, High: 3000}, StartMonth: 1, RampMonths: 4})
			c.Alternatives[ai].Benefits = bs
		}
		valid(t, string(cat)+": the test case", c)
		return c
	}
	r := func(low, likely, high float64) casebuilder.Range {
		return casebuilder.Range{Low: low, Likely: likely, High: high}
	}
	x := casebuilder.Exactly
	return map[string]*casebuilder.Case{
		"talentScarcity": build(casebuilder.TalentScarcity, map[string]casebuilder.Range{
			"hiresPerYear": x(30), "annualQuota": x(800000), "grossMargin": x(0.55), "daysToFill": r(50, 60, 75),
		}, []line{{"daysToFill", r(55, 50, 45)}, {"hiresPerYear", r(29, 28, 27)}}),
		"skillsGap": build(casebuilder.SkillsGap, map[string]casebuilder.Range{
			"reps": x(80), "annualQuota": x(900000), "grossMargin": x(0.6), "targetAttainment": x(0.8), "actualAttainment": r(0.6, 0.62, 0.65),
		}, []line{{"actualAttainment", r(0.64, 0.66, 0.68)}, {"actualAttainment", r(0.68, 0.7, 0.72)}}),
		"unclearRoles": build(casebuilder.UnclearRoles, map[string]casebuilder.Range{
			"peopleAffected": x(140), "hoursLostPerWeek": r(3, 4, 5), "salary": x(70000), "reps": x(60),
			"annualQuota": x(700000), "grossMargin": x(0.62), "sellingHoursLostPerWeek": r(1.5, 2, 2.5),
		}, []line{
			{"salary", r(68000, 66000, 64000)},            // read by the loaded hourly cost's default
			{"loadedHourlyCost", r(48, 46, 44)},           // replaces that default
			{"sellingHoursPerWeek", r(13, 14, 15)},        // a default of its own
			{"hoursLostPerWeek", r(3.5, 3, 2.5)},          // entered
			{"sellingHoursLostPerWeek", r(1.8, 1.5, 1.2)}, // entered
		}),
		"rampUp": build(casebuilder.RampUpTime, map[string]casebuilder.Range{
			"hiresPerYear": x(24), "annualQuota": x(1200000), "grossMargin": x(0.6), "rampMonths": r(8, 9, 11),
		}, []line{{"rampProductivity", r(0.55, 0.6, 0.65)}, {"rampMonths", r(8, 7, 6)}}),
		"other": build(casebuilder.OtherPain, map[string]casebuilder.Range{"annualCost": r(400000, 500000, 650000)},
			[]line{{"annualCost", r(450000, 420000, 380000)}}),
	}
}

// checkWorking compares the Cost of pain sheet's working with the app's,
// with every input at the scenario's values, in each year it has a column
// for.
func checkWorking(t *testing.T, f *excelize.File, c *casebuilder.Case, s casebuilder.Scenario) {
	t.Helper()
	rows := rawRows(t, f, sheetPain)
	years := 1
	for len(rows) >= painFirstRow-1 && cell(rows[painFirstRow-2], painValueCol+years) == "Year "+strconv.Itoa(years+1) {
		years++
	}
	for y := range years {
		p := casebuilder.Pain{Category: c.Pain.Category, Inputs: casebuilder.GivenInputs(map[string]casebuilder.Range{})}
		for k, r := range c.Pain.Inputs {
			p.Inputs[k] = casebuilder.Given(casebuilder.Exactly(r.InYear(y).At(s)))
		}
		for _, k := range c.Pain.Components {
			k.Quantity, k.Rate = casebuilder.Exactly(k.Quantity.At(s)), casebuilder.Exactly(k.Rate.At(s))
			p.Components = append(p.Components, k)
		}
		pain := casebuilder.CostOfPain(&p)
		for _, st := range pain.Working {
			i := slices.IndexFunc(rows, func(r []string) bool { return cell(r, 1) == st.Label })
			if i < 0 {
				t.Errorf("the Cost of pain sheet has no row %q", st.Label)
				continue
			}
			checkFigure(t, "Cost of pain "+st.Label+" in year "+strconv.Itoa(y+1), cell(rows[i], painValueCol+y), &st.Value,
				max(1e-9, 1e-12*math.Abs(st.Value)))
		}
		if y == 0 {
			sheet, at := definedCell(t, f, nameCostOfPain)
			got, _ := f.GetCellValue(sheet, at, excelize.Options{RawCellValue: true})
			checkFigure(t, "CostOfPain", got, &pain.Annual, 0.005)
		}
	}
}

// checkBenefitValues compares every benefit line's yearly value at full
// effect on the Assumptions sheet with the app's: the pain attribution.
func checkBenefitValues(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result, s casebuilder.Scenario) {
	t.Helper()
	rows, err := f.GetRows(sheetAssumptions, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	row := findRow(t, f, sheetAssumptions, 1, map[int]string{1: "Benefits of the alternatives"}) + 1
	for ai, a := range c.Alternatives {
		if a.DoNothing {
			continue
		}
		for li, bf := range a.Benefits {
			// The lines are in the order of the case.
			row++
			if r := rows[row-1]; r[0] != a.Name || r[1] != bf.Name {
				t.Fatalf("Assumptions row %d is %q, want %s / %s", row, r[:2], a.Name, bf.Name)
			}
			got := rows[row-1][aJ-1]
			var want float64
			for _, l := range res.Alternatives[ai].Lines {
				if l.Kind == casebuilder.BenefitLine && l.Index == li {
					want = l.Value.At(s)
				}
			}
			checkFigure(t, a.Name+" / "+bf.Name, got, ptr(want), 0.005)
		}
	}
}

// sameAsCached compares every cell of a workbook the tool recalculated
// with the cached result written in the original.
func sameAsCached(t *testing.T, tool string, orig, recalc *excelize.File) {
	t.Helper()
	bad := 0
	for _, sheet := range orig.GetSheetList() {
		want, _ := orig.GetRows(sheet, excelize.Options{RawCellValue: true})
		got, _ := recalc.GetRows(sheet, excelize.Options{RawCellValue: true})
		for i := range want {
			for j, w := range want[i] {
				g := ""
				if i < len(got) && j < len(got[i]) {
					g = got[i][j]
				}
				if g == w {
					continue
				}
				wf, err1 := strconv.ParseFloat(w, 64)
				gf, err2 := strconv.ParseFloat(g, 64)
				if err1 == nil && err2 == nil && math.Abs(wf-gf) <= 1e-7*math.Max(1, math.Abs(wf)) {
					continue
				}
				if bad++; bad <= 20 {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					fm, _ := orig.GetCellFormula(sheet, cell)
					t.Errorf("%s!%s: cached %q, %s %q (%s)", sheet, cell, w, tool, g, fm)
				}
			}
		}
	}
}

// checkScores compares the Scoring sheet with Case Builder's weighing: each
// score, hand-made or worked out from the figures, each weighted total and
// each rank.
func checkScores(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	if len(c.Criteria) == 0 {
		return
	}
	weigh := casebuilder.Weigh(c, res)
	rows, err := f.GetRows(sheetScoring, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	nc := len(c.Criteria)
	for ai, as := range weigh.Alternatives {
		r := rows[scoreFirstRow+ai-1]
		if r[0] != as.Name {
			t.Fatalf("Scoring row %d is %q, want %q", scoreFirstRow+ai, r[0], as.Name)
		}
		for i, cs := range as.Criteria {
			got := ""
			if 1+i < len(r) {
				got = r[1+i]
			}
			if want := float64(cs.Score); !(got == "" && want == 0) {
				checkFigure(t, as.Name+" scored on "+cs.Name, got, &want, 0)
			}
		}
		checkFigure(t, as.Name+" weighted score", r[1+nc], &as.WeightedTotal, 1e-9)
		rank := float64(as.Rank)
		checkFigure(t, as.Name+" rank", r[2+nc], &rank, 0)
	}
}
