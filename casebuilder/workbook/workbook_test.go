package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

func TestSheets(t *testing.T) {
	f := open(t, write(t, sample(t, "turnover")))
	want := []string{sheetSummary, sheetAssumptions, sheetPain, sheetAttribution, sheetCash, sheetComparison, sheetFiscal, sheetScoring,
		sheetSensitivity, sheetBreakEven, sheetSimulation, sheetRisks, sheetPlan, sheetGates, sheetReview}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	for _, name := range want {
		if len(name) > 31 {
			t.Errorf("sheet name %q is longer than Excel's 31 characters", name)
		}
	}
	// A case without benefits tied to the pain needs no attribution sheet.
	c := sample(t, "turnover")
	for ai := range c.Alternatives {
		c.Alternatives[ai].Benefits = nil
	}
	if slices.Contains(open(t, write(t, c)).GetSheetList(), sheetAttribution) {
		t.Error("a case with no benefit tied to the pain has a Pain attribution sheet")
	}
	// A plan with stage gates has a sheet for them, before the review;
	// one without has none.
	got := open(t, write(t, planMoneyCase(t))).GetSheetList()
	if i := slices.Index(got, sheetGates); i < 0 || got[i-1] != sheetPlan || got[i+1] != sheetReview {
		t.Errorf("a case with gates has the sheets %q", got)
	}
	c = sample(t, "turnover")
	c.Plan.Gates, c.Ask.UpToGate = nil, ""
	if slices.Contains(open(t, write(t, c)).GetSheetList(), sheetGates) {
		t.Error("a case without gates has a Stage gates sheet")
	}
}

// The cached results are the app's figures, so a viewer that does not
// recalculate shows them; and the workbook asks Excel to recalculate.
func TestCachedResults(t *testing.T) {
	eachSample(t, func(t *testing.T, name string, c *casebuilder.Case, data []byte, f *excelize.File) {
		checkSummary(t, f, c, casebuilder.Calculate(c))
		checkPaidBack(t, f, c, casebuilder.Calculate(c))
		if name == "turnover" {
			// LibreOffice, recalculating this workbook, finds a payback
			// of 22.52 months: still in deficit at the end of month 22,
			// November 2028, so paid back in December 2028.
			row := cmpFirstRow + c.AlternativeByID("onboarding")
			if got, _ := f.GetCellValue(sheetComparison, ref(mPaidBack, row)); got != "Dec 2028" {
				t.Errorf("onboarding is paid back in %q, not Dec 2028", got)
			}
		}
		props, err := f.GetCalcProps()
		if err != nil || props.FullCalcOnLoad == nil || !*props.FullCalcOnLoad {
			t.Errorf("fullCalcOnLoad is not set (%v)", err)
		}
		// Every formula has a cached result: its <v> follows its <f>,
		// or it is a text whose result is empty (a fiscal year the
		// horizon does not reach), which has nothing to hold.
		empty := regexp.MustCompile(`t="str"><f>[^<]*</f></c>`)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		formulas := 0
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
				continue
			}
			xml := readPart(t, zf)
			n, cached := bytes.Count(xml, []byte("<f>")), bytes.Count(xml, []byte("</f><v>"))+len(empty.FindAll(xml, -1))
			if n != cached {
				t.Errorf("%s: %d formulas, %d with a cached result", zf.Name, n, cached)
			}
			formulas += n
		}
		if formulas < 100 {
			t.Errorf("only %d formulas", formulas)
		}
	})
}

func TestDefinedNames(t *testing.T) {
	c := sample(t, "turnover")
	f := open(t, write(t, c))
	for name, want := range map[string]float64{
		nameDiscountRate: c.DiscountRate,
		nameHorizon:      float64(c.HorizonMonths),
		nameCostOfPain:   casebuilder.CostOfPain(&c.Pain).Annual,
		"attritionRate":  c.Pain.Inputs["attritionRate"].Likely,
		"reps":           c.Pain.Inputs["reps"].Likely,
		"separationCost": 6500, // as the sample gives it
	} {
		sheet, cell := definedCell(t, f, name)
		got, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil || !near(got, want) {
			t.Errorf("%s (%s!%s) = %q, want %v", name, sheet, cell, got, want)
		}
	}
	sheet, cell := definedCell(t, f, nameScenario)
	if v, _ := f.GetCellValue(sheet, cell); v != scenarioLikely {
		t.Errorf("Scenario = %q", v)
	}
	// The calculator's steps are named too, and their formulas use names.
	sheet, cell = definedCell(t, f, "costPerLeaver")
	if fm, _ := f.GetCellFormula(sheet, cell); fm != "separationCost+recruitingCost+vacancyCost+rampCost" {
		t.Errorf("costPerLeaver's formula is %q", fm)
	}
	// Without a separation cost, the calculator's rule of thumb stands in
	// for it: a month of salary, 68,000 / 12, as a formula on the salary.
	delete(c.Pain.Inputs, "separationCost")
	f = open(t, write(t, c))
	sheet, cell = definedCell(t, f, "separationCost")
	row := cell[1:]
	if fm, _ := f.GetCellFormula(sheet, "F"+row); !strings.Contains(fm, "/12") {
		t.Errorf("the rule-of-thumb default reads %q, not a formula on the salary", fm)
	}
	if got, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); !near(got, 68_000.0/12) {
		t.Errorf("the rule-of-thumb separation cost is %q, want 68,000 / 12", got)
	}
}

// Every calculator input and step can be a defined name: a name that reads
// like a cell reference (ABC1, R1C1) would not do.
func TestNamesAreValid(t *testing.T) {
	cellLike := regexp.MustCompile(`^(?i)([a-z]{1,3}[0-9]+|r[0-9]*c[0-9]*|r|c)$`)
	valid := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	seen := map[string]bool{}
	check := func(key string) {
		name := formulaName(key)
		if cellLike.MatchString(name) || !valid.MatchString(name) {
			t.Errorf("%q cannot be a defined name", name)
		}
		seen[strings.ToLower(name)] = true
	}
	for _, in := range casebuilder.Inputs() {
		check(in.Key)
	}
	for _, k := range casebuilder.Calculators() {
		for _, st := range k.Formulas {
			check(st.Key)
		}
	}
	for _, n := range []string{nameDiscountRate, nameMonthlyRate, nameHorizon, nameStartDate, nameScenario, nameReserveBasis, namePainComplete, nameCostOfPain} {
		if seen[strings.ToLower(n)] {
			t.Errorf("%s is also a calculator's name", n)
		}
		check(n)
	}
}

// Text the user typed is text, never a formula, wherever it appears.
func TestUserTextStaysText(t *testing.T) {
	c, nasty := nastyCase(t)
	data := write(t, c)
	f := open(t, data)
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if !slices.Contains(nasty, v) {
					continue
				}
				found[v] = true
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
					t.Errorf("%s!%s holds %q as the formula %q", sheet, cell, v, fm)
				}
			}
		}
	}
	for _, s := range nasty {
		if !found[s] {
			t.Errorf("%q is nowhere in the workbook", s)
		}
	}
	// In a page footer, & starts a code: the title's & is doubled.
	hf, err := f.GetHeaderFooter(sheetSummary)
	if err != nil || !strings.Contains(hf.OddFooter, "R&&D") {
		t.Errorf("footer %q (%v)", hf.OddFooter, err)
	}
}

// nastyCase is the turnover sample with names that a spreadsheet would
// take for formulas.
func nastyCase(t *testing.T) (*casebuilder.Case, []string) {
	c := sample(t, "turnover")
	nasty := []string{`=HYPERLINK("http://x","y")`, "+1", "@SUM(A1)", "-2+3", "=1+1", `=cmd|' /C calc'!A0`, "R&D =SUM(1) &[Page]"}
	c.Title = nasty[6]
	c.Alternatives[1].Name = nasty[0]
	c.Alternatives[2].Name = nasty[1]
	c.Alternatives[1].Costs[0].Name = nasty[2]
	c.Alternatives[1].Benefits[0].Name = nasty[3]
	c.Risks[0].Description = nasty[4]
	c.Risks[0].Owner = nasty[5]
	c.Plan.Milestones[0].Name = nasty[4]
	c.Contributors[0].Name = nasty[1]
	c.Criteria[0].Name = nasty[2]
	c.Pain.Evidence[0].Source = nasty[0]
	return c, nasty
}

func TestDeterministic(t *testing.T) {
	c := sample(t, "turnover")
	first := write(t, c)
	for range 3 {
		if again := write(t, c); !bytes.Equal(again, first) {
			t.Fatal("two exports of the same case with the same clock differ")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.Equal(testNow) {
			t.Errorf("%s is dated %v, want the export's clock %v", zf.Name, zf.Modified, testNow)
		}
	}
	if !slices.IsSorted(names) || names[0] != "[Content_Types].xml" {
		t.Errorf("parts are not in a fixed order: %q", names)
	}
	// Another clock changes the dates and nothing else.
	opts := testOpts
	opts.Now = testNow.Add(48 * time.Hour)
	later, err := Write(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	zl, _ := zip.NewReader(bytes.NewReader(later), int64(len(later)))
	for i, zf := range zl.File {
		a, b := readPart(t, zr.File[i]), readPart(t, zf)
		if changed := !bytes.Equal(a, b); changed != (zf.Name == "docProps/core.xml") {
			t.Errorf("%s changed: %v", zf.Name, changed)
		}
	}
	f := open(t, later)
	props, _ := f.GetDocProps()
	if props.Created != "2026-11-25T09:30:00Z" || props.Modified != props.Created {
		t.Errorf("document dated %q, %q", props.Created, props.Modified)
	}
}

func readPart(t *testing.T, zf *zip.File) []byte {
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return b
}

// The desktop app exports from a goroutine of its own: writes may run at
// once.
func TestConcurrentWrites(t *testing.T) {
	c1, c2 := sample(t, "turnover"), sample(t, "ramp")
	want1, want2 := write(t, c1), write(t, c2)
	done := make(chan bool)
	for range 2 {
		go func() {
			a, err1 := Write(c1, testOpts)
			b, err2 := Write(c2, testOpts)
			done <- err1 == nil && err2 == nil && bytes.Equal(a, want1) && bytes.Equal(b, want2)
		}()
	}
	for range 2 {
		if !<-done {
			t.Error("concurrent writes gave other bytes")
		}
	}
}

func TestRefusesBadCases(t *testing.T) {
	if _, err := Write(nil, Options{}); err == nil {
		t.Error("a nil case was written")
	}
	c := sample(t, "turnover")
	c.Alternatives[1].Costs[0].Amount.Likely = -500
	_, err := Write(c, testOpts)
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || !strings.Contains(err.Error(), "alternatives[1].costs[0].amount") {
		t.Errorf("an invalid case gives %v", err)
	}
}

// Odd but valid cases are written, not refused or crashed on.
func TestEdgeCases(t *testing.T) {
	for name, edit := range map[string]func(c *casebuilder.Case){
		"no pain category": func(c *casebuilder.Case) {
			c.Pain.Category, c.Pain.Inputs = "", nil
			// Per-head costs count heads of their own, as there is no
			// input to take them from.
			for ai := range c.Alternatives {
				for li := range c.Alternatives[ai].Costs {
					if k := &c.Alternatives[ai].Costs[li]; k.HeadsFrom != "" {
						k.HeadsFrom, k.Heads = "", 10
					}
				}
			}
			for ai := range c.Alternatives {
				c.Alternatives[ai].Benefits = []casebuilder.Benefit{{Name: "Gain", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Exactly(1000)}}
				if c.Alternatives[ai].DoNothing {
					c.Alternatives[ai].Benefits = nil
				}
			}
		},
		"empty lists": func(c *casebuilder.Case) {
			// Without milestones, no line can be anchored to one: each
			// keeps the month its anchor gave it.
			fixMonths(c)
			c.Risks, c.Criteria, c.Plan, c.Measures, c.Contributors = nil, nil, casebuilder.Plan{}, nil, nil
			c.Ask.UpToGate = ""
			for ai := range c.Alternatives {
				c.Alternatives[ai].Scores = nil
			}
			c.Pain.Evidence = nil
		},
		"only the baseline": func(c *casebuilder.Case) {
			c.Alternatives = c.Alternatives[:1]
			c.Recommendation = casebuilder.Recommendation{}
			c.Risks = nil
		},
		"no alternatives": func(c *casebuilder.Case) {
			c.Alternatives, c.Recommendation, c.Risks = nil, casebuilder.Recommendation{}, nil
		},
		"one month, no start date": func(c *casebuilder.Case) {
			// Without a start date, milestones' dates have no months:
			// lines are not anchored, and gates are on no date.
			fixMonths(c)
			c.Plan.Gates, c.Ask.UpToGate = nil, ""
			c.HorizonMonths, c.StartDate = 1, casebuilder.Date{}
			for ai := range c.Alternatives {
				for li := range c.Alternatives[ai].Costs {
					c.Alternatives[ai].Costs[li].StartMonth = 0
				}
				for li := range c.Alternatives[ai].Benefits {
					c.Alternatives[ai].Benefits[li].StartMonth = 0
				}
			}
		},
		"incomplete pain": func(c *casebuilder.Case) { delete(c.Pain.Inputs, "reps") },
		"long and odd text": func(c *casebuilder.Case) {
			long := strings.Repeat("A very long note that goes on and on. ", 500)
			c.Alternatives[1].Costs[0].Note = long
			c.Risks[0].Contingency = long
			c.Pain.Summary = long
			// Tabs and line ends are text (other control characters are
			// refused: see TestControlCharactersAreRefused).
			c.Risks[1].Description = "A tab\tand Windows line ends\r\nstay text"
			c.Alternatives[1].Name = "Emoji 🚀, ελληνικά, 中文 & <b>markup</b>"
		},
		"no recommendation": func(c *casebuilder.Case) {
			c.Recommendation = casebuilder.Recommendation{}
		},
	} {
		t.Run(name, func(t *testing.T) {
			c, f := editedTurnover(t, edit)
			checkSummary(t, f, c, casebuilder.Calculate(c))
		})
	}
}

// fixMonths replaces every line's anchors by the months they give it.
func fixMonths(c *casebuilder.Case) {
	for ai := range c.Alternatives {
		a := &c.Alternatives[ai]
		for li := range a.Costs {
			k := &a.Costs[li]
			start, end := c.CostMonths(k)
			fixLine(start, end, &k.StartMonth, &k.EndMonth, &k.StartAt, &k.EndAt)
		}
		for li := range a.Benefits {
			bf := &a.Benefits[li]
			start, end := c.BenefitMonths(bf)
			fixLine(start, end, &bf.StartMonth, &bf.EndMonth, &bf.StartAt, &bf.EndAt)
		}
	}
}

// fixLine replaces the anchors of a cost or benefit line, given by its
// fields, by the months they give it, start and end.
func fixLine(start int, end *int, startMonth *int, endMonth **int, startAt, endAt **casebuilder.Anchor) {
	if *startAt != nil {
		*startMonth, *startAt = start, nil
	}
	if *endAt != nil {
		*endMonth, *endAt = end, nil
	}
}

// TestControlCharactersAreRefused checks that a case holding a control
// character is not written, and says where it is: a valid case holds none
// (see casebuilder.Validate), so none reaches the workbook.
func TestControlCharactersAreRefused(t *testing.T) {
	c := sample(t, "turnover")
	c.Risks[1].Description = "Control \x01 characters"
	_, err := Write(c, testOpts)
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || ps[0].Path != "risks[1].description" {
		t.Errorf("Write: %v", err)
	}
}

func near(got string, want float64) bool {
	v, err := parseFloat(got)
	return err == nil && (v == want || abs64(v-want) <= 1e-9*max(1, abs64(want)))
}

// BenchmarkWriteStress writes the stress sample's workbook as the desktop
// app does: with the analysis it has already run (the simulation of the
// stress sample alone takes 0.3 to 1.2 s).
func BenchmarkWriteStress(b *testing.B) {
	c := sample(b, "stress")
	an := casebuilder.Analyse(c, casebuilder.AnalysisOptions{})
	benchmarkWrite(b, c, Options{Now: testNow, Analysis: an})
}

// BenchmarkWriteStressWithAnalysis writes the stress sample's workbook as
// the command line does: running the analysis, with 10,000 trials.
func BenchmarkWriteStressWithAnalysis(b *testing.B) {
	benchmarkWrite(b, sample(b, "stress"), Options{Now: testNow})
}

func benchmarkWrite(b *testing.B, c *casebuilder.Case, opts Options) {
	var size int
	for b.Loop() {
		data, err := Write(c, opts)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}
