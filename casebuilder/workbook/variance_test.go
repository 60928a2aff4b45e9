package workbook

import (
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// varianceFigures reads the headline figures of the Variance sheet, found
// by their labels.
func varianceFigures(t *testing.T, f *excelize.File) map[string]float64 {
	t.Helper()
	rows, err := f.GetRows(sheetVariance, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		switch r[0] {
		case "Planned to date (the reserve included)", "Spent to date (the reserve included)", "Contingency reserve used",
			"Contingency reserve left", "Forecast at completion", "Over the approved budget (negative: under it)":
			v, err := strconv.ParseFloat(r[1], 64)
			if err != nil {
				t.Fatalf("%s: %q", r[0], r[1])
			}
			out[r[0]] = v
		}
	}
	if len(out) != 6 {
		t.Fatalf("the Variance sheet has %d of the 6 headline figures: %v", len(out), out)
	}
	return out
}

// checkVariance compares the Variance sheet, as recalculated, with the
// progress that `summary --json` prints as its tracking key (cli's
// summary prints p.Money's figures): to the cent, its headline figures and
// every month's planned, actual and forecast money, cumulated.
func checkVariance(t *testing.T, what string, f *excelize.File, p *tracking.Progress) {
	t.Helper()
	m := p.Money
	got := varianceFigures(t, f)
	for label, want := range map[string]float64{
		"Planned to date (the reserve included)":        m.PlannedToDate,
		"Spent to date (the reserve included)":          m.SpentToDate,
		"Contingency reserve used":                      m.ReserveUsed,
		"Contingency reserve left":                      m.ReserveLeft,
		"Forecast at completion":                        m.ForecastAtCompletion,
		"Over the approved budget (negative: under it)": m.VarianceAtCompletion,
	} {
		if math.Abs(got[label]-want) > 0.005 {
			t.Errorf("%s: %s = %.2f, want %.2f", what, label, got[label], want)
		}
	}
	rows, err := f.GetRows(sheetVariance, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := -1
	for i, r := range rows {
		if len(r) > 1 && r[0] == "Month" && r[1] == "Period" {
			head = i
		}
	}
	if head < 0 || head+len(m.ByMonth) >= len(rows) {
		t.Fatalf("%s: no table of the months", what)
	}
	for i, mm := range m.ByMonth {
		r := rows[head+1+i]
		for j, want := range []float64{mm.Planned, mm.Actual, mm.Forecast, mm.CumPlanned, mm.CumActual, mm.CumForecast} {
			v, err := strconv.ParseFloat(r[2+j], 64)
			if err != nil || math.Abs(v-want) > 0.005 {
				t.Errorf("%s, %s, %s = %q, want %.2f", what, mm.Label, rows[head][2+j], r[2+j], want)
			}
		}
	}
}

// TestVarianceLibreOffice recalculates the tracked sample's workbook with
// LibreOffice, and with Gnumeric: its Variance sheet equals the progress. Then Finance
// corrects an actual, 1,000 more on the first row, and moves the second
// to after the as-of month: recalculated, the sheet equals the progress of
// the case with those changes made.
func TestVarianceLibreOffice(t *testing.T) {
	c := sample(t, "tracked")
	book := write(t, c)
	f := open(t, book)
	if idx, _ := f.GetSheetIndex(sheetActuals); idx < 0 {
		t.Fatal("the workbook of an approved case has no Actuals sheet")
	}
	p, err := tracking.ProgressOf(c, tracking.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The first two rows of the Actuals sheet, and the spend they are.
	spend := func(row int) int {
		date, _ := f.GetCellValue(sheetActuals, ref(acDate, row), excelize.Options{RawCellValue: true})
		line, _ := f.GetCellValue(sheetActuals, ref(acLine, row))
		amount, _ := f.GetCellValue(sheetActuals, ref(acAmount, row), excelize.Options{RawCellValue: true})
		for i, s := range c.Tracking.Spend {
			a, _ := strconv.ParseFloat(amount, 64)
			d, _ := strconv.ParseFloat(date, 64)
			if (s.Line == line || (s.Reserve && line == tracking.NewVariance(c, p).ReserveName)) && s.Amount == a && serial(s.Date) == d {
				return i
			}
		}
		t.Fatalf("Actuals row %d (%s, %s, %s) is no spend of the case", row, date, line, amount)
		return -1
	}
	first, second := spend(actualsFirstRow), spend(actualsFirstRow+1)
	amount, _ := f.GetCellValue(sheetActuals, ref(acAmount, actualsFirstRow), excelize.Options{RawCellValue: true})
	a, _ := strconv.ParseFloat(amount, 64)
	setCell(t, f, sheetActuals, ref(acAmount, actualsFirstRow), a+1000)
	later := p.AsOf.Add(1).First()
	setCell(t, f, sheetActuals, ref(acDate, actualsFirstRow+1), serial(later))
	edited := saved(t, f)

	changed := sample(t, "tracked")
	changed.Tracking.Spend[first].Amount += 1000
	changed.Tracking.Spend[second].Date = later
	pc, err := tracking.ProgressOf(changed, tracking.Options{AsOf: p.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(pc.Money.SpentToDate-(p.Money.SpentToDate+1000-c.Tracking.Spend[second].Amount)) > 0.005 {
		t.Fatalf("the changed case's spend to date is %.2f", pc.Money.SpentToDate)
	}

	books := map[string][]byte{"tracked": book, "edited": edited}
	got := recalculate(t, books)
	checkVariance(t, "tracked", got["tracked"], p)
	checkVariance(t, "edited", got["edited"], pc)
	t.Run("Gnumeric", func(t *testing.T) {
		got := recalculateGnumeric(t, books)
		checkVariance(t, "tracked, by Gnumeric", got["tracked"], p)
		checkVariance(t, "edited, by Gnumeric", got["edited"], pc)
	})
}

// TestVarianceCached checks the Variance sheet's cached results, which a
// viewer that does not recalculate shows, against the progress, and that a
// case not approved has neither sheet.
func TestVarianceCached(t *testing.T) {
	c := sample(t, "tracked")
	p, err := tracking.ProgressOf(c, tracking.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkVariance(t, "cached", open(t, write(t, c)), p)

	c.Tracking = nil
	f := open(t, write(t, c))
	for _, name := range []string{sheetActuals, sheetVariance} {
		if idx, _ := f.GetSheetIndex(name); idx >= 0 {
			t.Errorf("a case not approved has a %s sheet", name)
		}
	}
}
