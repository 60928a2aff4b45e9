package workbook

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

var sampleNames = []string{"turnover", "ramp", "handover", "stress"}

// sample loads one of the embedded sample cases.
func sample(t testing.TB, name string) *casebuilder.Case {
	t.Helper()
	return casetest.Sample(t, name)
}

// valid fails the test when c, the case what names, is not valid.
func valid(t testing.TB, what string, c *casebuilder.Case) {
	t.Helper()
	if ps := casebuilder.Validate(c); len(ps) > 0 {
		t.Fatalf("%s is invalid: %v", what, ps)
	}
}

// editedTurnover is the turnover sample changed by edit, which must leave
// it valid, and its workbook.
func editedTurnover(t *testing.T, edit func(*casebuilder.Case)) (*casebuilder.Case, *excelize.File) {
	t.Helper()
	c := sample(t, "turnover")
	edit(c)
	valid(t, "the test case", c)
	return c, open(t, write(t, c))
}

// testOpts are the options of most tests: a short simulation keeps them
// quick (the stress sample's takes half a second for 10,000 trials, ten
// times that with the race detector); the tests of the Sensitivity and
// Simulation sheets run the default.
var testOpts = Options{Now: testNow, Simulation: casebuilder.SimulationOptions{Trials: 1000}}

func write(t testing.TB, c *casebuilder.Case) []byte {
	t.Helper()
	data, err := Write(c, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// eachSample runs test on each sample, as a subtest named after it, with
// the sample's case, its workbook and the workbook opened.
func eachSample(t *testing.T, test func(t *testing.T, name string, c *casebuilder.Case, data []byte, f *excelize.File)) {
	for _, name := range sampleNames {
		t.Run(name, func(t *testing.T) {
			c := sample(t, name)
			data := write(t, c)
			test(t, name, c, data, open(t, data))
		})
	}
}

var summaryHeader = []string{"Alternative", "Total cost", "Total benefit", "Net benefit", "NPV", "IRR", "ROI", "BCR", "Payback (months)"}

// summaryTable returns the rows of the Summary's comparison table, found
// by its header, as raw values.
func summaryTable(t *testing.T, f *excelize.File) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) >= len(summaryHeader) && strings.Join(r[:len(summaryHeader)], "|") == strings.Join(summaryHeader, "|") {
			var out [][]string
			for _, r := range rows[i+1:] {
				if len(r) < len(summaryHeader) || r[1] == "" {
					break
				}
				out = append(out, r)
			}
			return out
		}
	}
	t.Fatal("Summary has no table whose header reads " + strings.Join(summaryHeader, ", "))
	return nil
}

// checkSummary compares the Summary's table with the app's figures: to the
// cent for money, to 1e-4 for rates and ratios, to 0.05 for payback
// months, and "n/a" where the app has none.
func checkSummary(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	rows := summaryTable(t, f)
	if len(rows) != len(res.Alternatives) {
		t.Fatalf("the table has %d rows, the case %d alternatives", len(rows), len(res.Alternatives))
	}
	for i, a := range res.Alternatives {
		r := rows[i]
		if r[0] != a.Name {
			t.Errorf("row %d is %q, want %q", i, r[0], a.Name)
		}
		for j, want := range []*float64{&a.TotalCost, &a.TotalBenefit, &a.NetBenefit, &a.NPV, a.IRR, a.ROI, a.BCR, a.PaybackMonths} {
			tol := 0.005
			switch {
			case j >= 4 && j <= 6:
				tol = 1e-4
			case j == 7:
				tol = 0.05
			}
			checkFigure(t, a.Name+" "+summaryHeader[j+1], r[j+1], want, tol)
		}
	}
}

// checkFigure compares a cell's raw value with a figure of the app.
func checkFigure(t *testing.T, what, got string, want *float64, tol float64) {
	t.Helper()
	if want == nil {
		if got != na {
			t.Errorf("%s = %q, want n/a", what, got)
		}
		return
	}
	v, err := strconv.ParseFloat(got, 64)
	if err != nil || math.Abs(v-*want) > tol {
		t.Errorf("%s = %q, want %.6f (±%g)", what, got, *want, tol)
	}
}

// definedCell returns the sheet and cell a defined name refers to.
func definedCell(t *testing.T, f *excelize.File, name string) (string, string) {
	t.Helper()
	for _, d := range f.GetDefinedName() {
		if d.Name == name && d.Scope == "Workbook" {
			sheet, cell, ok := strings.Cut(d.RefersTo, "!")
			if !ok {
				break
			}
			return strings.Trim(sheet, "'"), strings.ReplaceAll(cell, "$", "")
		}
	}
	t.Fatalf("no defined name %s", name)
	return "", ""
}

// findRow returns the first row (1-based) of a sheet whose cells in the
// given columns (1-based) read the given texts, or fails.
func findRow(t *testing.T, f *excelize.File, sheet string, from int, match map[int]string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
next:
	for i := from - 1; i < len(rows); i++ {
		for col, text := range match {
			if col > len(rows[i]) || rows[i][col-1] != text {
				continue next
			}
		}
		return i + 1
	}
	t.Fatalf("%s has no row with %v from row %d", sheet, match, from)
	return 0
}

func setCell(t *testing.T, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

func saved(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ptr(v float64) *float64 { return &v }

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

func abs64(x float64) float64 { return math.Abs(x) }

// checkPaidBack compares the Comparison sheet's "Paid back in" column with
// the month the app says each alternative is paid back in: the first month
// by whose end the cumulative flow stays at or above zero, as a date (the
// day of the start date, in that month) or, without a start date, a month
// number; "n/a" when it is not paid back.
func checkPaidBack(t *testing.T, f *excelize.File, c *casebuilder.Case, res *casebuilder.Result) {
	t.Helper()
	rows, err := f.GetRows(sheetComparison, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < cmpHeadRow || len(rows[cmpHeadRow-1]) < mPaidBack || rows[cmpHeadRow-1][mPaidBack-1] != "Paid back in" {
		t.Fatalf("the Comparison sheet has no column \"Paid back in\"")
	}
	for ai, a := range res.Alternatives {
		r := rows[cmpFirstRow-1+ai]
		got := ""
		if len(r) >= mPaidBack {
			got = r[mPaidBack-1]
		}
		want := na
		if m, ok := casebuilder.PaybackMonth(a.CashFlows); ok {
			if c.StartDate.IsZero() {
				want = strconv.Itoa(m)
			} else {
				want = strconv.FormatFloat(serial(edate(c.StartDate, m)), 'f', -1, 64)
			}
		}
		if got != want {
			t.Errorf("%s: paid back in %q, want %q (%s)", a.Name, got, want, casebuilder.PaidBackIn(c, a.CashFlows, false))
		}
	}
}
