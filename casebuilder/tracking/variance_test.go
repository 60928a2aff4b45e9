package tracking

import (
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
)

// checkVariance checks that the Variance sheet's figures, worked out from
// the Actuals rows as its formulas do, are the progress's.
func checkVariance(t *testing.T, name string, c *cb.Case, asOf Month) *Variance {
	t.Helper()
	p := progress(t, c, asOf)
	v := NewVariance(c, p)
	f := v.Figures(v.Actuals)
	m := p.Money
	checkFigure(t, name+": planned to date", f.PlannedToDate, m.PlannedToDate)
	checkFigure(t, name+": spent to date", f.SpentToDate, m.SpentToDate)
	checkFigure(t, name+": forecast at completion", f.ForecastAtCompletion, m.ForecastAtCompletion)
	checkFigure(t, name+": reserve used", f.ReserveUsed, m.ReserveUsed)
	checkFigure(t, name+": reserve left", f.ReserveLeft, m.ReserveLeft)
	for i, l := range v.Lines {
		for _, ml := range m.Lines {
			if ml.Name == l.Name && !ml.Reserve {
				checkFigure(t, name+": "+l.Name+" spent", f.Lines[i].SpentToDate, ml.SpentToDate)
				checkFigure(t, name+": "+l.Name+" forecast", f.Lines[i].Forecast, ml.Forecast)
			}
		}
	}
	if len(f.ByMonth) != len(m.ByMonth) {
		t.Fatalf("%s: %d months, want %d", name, len(f.ByMonth), len(m.ByMonth))
	}
	for i, got := range f.ByMonth {
		want := m.ByMonth[i]
		if got.Label != want.Label || !near(got.Planned, want.Planned) || !near(got.Actual, want.Actual) || !near(got.Forecast, want.Forecast) ||
			!near(got.CumPlanned, want.CumPlanned) || !near(got.CumActual, want.CumActual) || !near(got.CumForecast, want.CumForecast) {
			t.Errorf("%s, %s: %+v, want %+v", name, got.Label, got, want)
		}
	}
	return v
}

func TestVarianceEqualsTheProgress(t *testing.T) {
	c := underWay(t)
	for _, m := range []Month{{2027, 1}, {2027, 2}, {2027, 4}, {2027, 12}} {
		checkVariance(t, "hand case "+m.String(), c, m)
	}
	tr := casetest.Sample(t, "tracked")
	checkVariance(t, "tracked", tr, Month{})
	// A stage approved: the forecast stops at the gate.
	s := handCase()
	a := approval
	a.UpToGate = "g1"
	if err := Approve(s, a); err != nil {
		t.Fatal(err)
	}
	s.Tracking.Spend = []cb.Spend{{Date: d(2027, 1, 20), Line: "Design", Amount: 9000}}
	checkVariance(t, "stage", s, Month{2027, 1})
}

func TestVarianceRows(t *testing.T) {
	c := underWay(t)
	v := checkVariance(t, "April", c, Month{2027, 4})
	if len(v.Actuals) != 7 || v.Actuals[6] != (ActualRow{Date: d(2027, 4, 10), Month: 3, Line: "Contingency reserve", Reserve: true, Amount: 1500, Note: "Agency coach"}) {
		t.Errorf("actuals %+v", v.Actuals)
	}
	if len(v.Lines) != 3 || v.Lines[0].Name != "Design" || !v.Lines[0].Owed || v.Lines[1].Owed || !v.Lines[2].Owed || v.ScopeEnd != 12 {
		t.Errorf("lines %+v", v.Lines)
	}
	// The coach as re-forecast: paid to May, when the roll-out is now to
	// end in June.
	if got := v.Lines[1].Reforecast[:6]; got[1] != 1000 || got[4] != 1000 || got[5] != 0 {
		t.Errorf("coach re-forecast %v", got)
	}
	// As of February, nothing after it is on the Actuals sheet.
	if v := NewVariance(c, progress(t, c, Month{2027, 2})); len(v.Actuals) != 3 {
		t.Errorf("February's actuals %+v", v.Actuals)
	}
}

func TestVarianceWhenFinanceChangesAnActual(t *testing.T) {
	c := underWay(t)
	v := NewVariance(c, progress(t, c, Month{2027, 4}))
	rows := func(change func(rows []ActualRow) []ActualRow) float64 {
		return v.Figures(change(append([]ActualRow(nil), v.Actuals...))).ForecastAtCompletion
	}
	// 21,600 as recorded (see TestMoneyByHand).
	checkFigure(t, "as recorded", rows(func(r []ActualRow) []ActualRow { return r }), 21600)
	// 500 more on the coach in April: 500 more at completion.
	checkFigure(t, "coach", rows(func(r []ActualRow) []ActualRow {
		return append(r, ActualRow{Date: d(2027, 4, 30), Month: 3, Line: "Coach", Amount: 500})
	}), 22100)
	// The design's March invoice 4,000, not 6,000: 11,000 paid of the
	// 12,000 planned, 1,000 still owed; 1,000 less at completion.
	checkFigure(t, "design", rows(func(r []ActualRow) []ActualRow {
		r[3].Amount = 4000
		return r
	}), 20600)
	// 1,000 more from the reserve: still within it, the same at completion.
	checkFigure(t, "reserve", rows(func(r []ActualRow) []ActualRow {
		r[6].Amount = 2000
		return r
	}), 21600)
	// 1,000 more again: 1,000 over the reserve of 2,000, and 1,000 more at
	// completion.
	checkFigure(t, "reserve overdrawn", rows(func(r []ActualRow) []ActualRow {
		r[6].Amount = 3000
		return r
	}), 22600)
}
