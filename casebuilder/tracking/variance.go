package tracking

import (
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Variance is what the workbook's Actuals and Variance sheets show after
// approval: the actual spend, as the Actuals sheet's rows of inputs that
// Finance can audit and change, and, by cost line and for the reserve, the
// money month by month that the Variance sheet's formulas work on.
// [Variance.Figures] works the figures out from the rows as those formulas
// do: planned against actual by month, cumulated, and the forecast at
// completion; from the rows as recorded they equal the progress's
// (summary --json's tracking).
type Variance struct {
	AsOf Month `json:"asOf"`
	// Month is the as-of period; ScopeEnd is the first period after what
	// was approved, as re-forecast (see [Money]).
	Month    int `json:"month"`
	ScopeEnd int `json:"scopeEnd"`
	// Labels name the months (YYYY-MM), month 0 first.
	Labels []string `json:"labels"`
	// Actuals are the spend up to the as-of day, in the record's order.
	Actuals []ActualRow `json:"actuals"`
	// Lines are the cost lines, approved ones first, then those the
	// re-forecast added.
	Lines []VarianceLine `json:"lines"`
	// ReserveName and ReserveApproved are the contingency reserve's line
	// and amount, planned in month 0.
	ReserveName     string  `json:"reserveName"`
	ReserveApproved float64 `json:"reserveApproved"`
}

// ActualRow is one row of the Actuals sheet: money spent on a day, against
// a line or the reserve.
type ActualRow struct {
	Date casebuilder.Date `json:"date"`
	// Month is the date's period.
	Month   int     `json:"month"`
	Line    string  `json:"line"`
	Reserve bool    `json:"reserve,omitempty"`
	Amount  float64 `json:"amount"`
	Note    string  `json:"note,omitempty"`
}

// VarianceLine is one cost line's money by month.
type VarianceLine struct {
	Name  string `json:"name"`
	Added bool   `json:"added,omitempty"`
	// Owed is set for a one-time or yearly cost: what it planned by the
	// as-of month and has not paid is still owed.
	Owed bool `json:"owed"`
	// Planned is the approved baseline's money by month, and Reforecast
	// the re-forecast's (today's estimates, the milestones at their
	// forecast dates), over the whole horizon.
	Planned    []float64 `json:"planned"`
	Reforecast []float64 `json:"reforecast"`
}

// VarianceFigures are the Variance sheet's figures.
type VarianceFigures struct {
	PlannedToDate        float64 `json:"plannedToDate"`
	SpentToDate          float64 `json:"spentToDate"`
	ForecastAtCompletion float64 `json:"forecastAtCompletion"`
	ReserveUsed          float64 `json:"reserveUsed"`
	ReserveLeft          float64 `json:"reserveLeft"`
	// Lines are each line's spend to date and forecast, in the order of
	// Variance.Lines.
	Lines []LineFigures `json:"lines"`
	// ByMonth are the months, as Money.ByMonth.
	ByMonth []MonthMoney `json:"byMonth"`
}

// LineFigures are one line's figures on the Variance sheet.
type LineFigures struct {
	SpentToDate float64 `json:"spentToDate"`
	Forecast    float64 `json:"forecast"`
}

// NewVariance gathers the Actuals and Variance sheets' data from a case
// and its progress.
func NewVariance(c *casebuilder.Case, p *Progress) *Variance {
	w := newWorker(c, p)
	w.schedule()
	w.forecast()
	b := w.b
	v := &Variance{AsOf: p.AsOf, Month: p.Month, ScopeEnd: w.scopeEnd(), ReserveName: reserveName(b), Actuals: []ActualRow{}}
	for m := range w.months {
		v.Labels = append(v.Labels, w.start.Add(m).String())
	}
	for _, s := range c.Tracking.Spend {
		if !w.upTo(s.Date) {
			continue
		}
		line := s.Line
		if s.Reserve {
			line = v.ReserveName
		}
		v.Actuals = append(v.Actuals, ActualRow{Date: s.Date, Month: w.monthOfDate(s.Date), Line: line, Reserve: s.Reserve, Amount: s.Amount, Note: s.Note})
	}
	kinds := map[string]casebuilder.CostKind{}
	reforecast := map[string][]float64{}
	var order []string
	for i, l := range w.forecasted.Lines {
		if l.Kind != casebuilder.CostLine {
			continue
		}
		if _, dup := reforecast[l.Name]; dup {
			continue
		}
		reforecast[l.Name] = padded(w.forecastFlows[i], w.months)
		kinds[l.Name] = w.c.Alternatives[w.ai].Costs[l.Index].Kind
		order = append(order, l.Name)
	}
	for i := range b.Lines {
		l := &b.Lines[i]
		switch l.Kind {
		case casebuilder.ReserveLine:
			v.ReserveApproved += l.Total
			continue
		case casebuilder.BenefitLine:
			continue
		}
		vl := VarianceLine{Name: l.Name, Planned: make([]float64, w.months), Reforecast: reforecast[l.Name]}
		for m := range vl.Planned {
			vl.Planned[m] = l.InMonth(m)
		}
		if vl.Reforecast == nil {
			vl.Reforecast = make([]float64, w.months)
		}
		vl.Owed = kinds[l.Name] != casebuilder.Monthly
		if _, ok := kinds[l.Name]; !ok {
			vl.Owed = true // gone from the re-forecast: what it planned is still owed
		}
		v.Lines = append(v.Lines, vl)
	}
	for _, name := range order {
		if !slices.ContainsFunc(v.Lines, func(l VarianceLine) bool { return l.Name == name }) {
			v.Lines = append(v.Lines, VarianceLine{Name: name, Added: true, Owed: kinds[name] != casebuilder.Monthly,
				Planned: make([]float64, w.months), Reforecast: reforecast[name]})
		}
	}
	return v
}

// padded returns f as n months, cut or filled with zeros.
func padded(f []float64, n int) []float64 {
	out := make([]float64, n)
	copy(out, f)
	return out
}

// Figures works out the Variance sheet's figures from rows of actual
// spend, as its formulas do:
//
//   - a line's actual in a month is the sum of its rows of that month, and
//     its spend to date their sum;
//   - planned to date is the sum of the planned months up to the as-of
//     month, the reserve (in month 0) included;
//   - a line's forecast is its spend to date, plus its re-forecast after
//     the as-of month and before ScopeEnd, plus, for an owed line,
//     MAX(0, its re-forecast up to the as-of month − its spend to date);
//   - the reserve's is what was drawn on it plus MAX(0, what is left);
//   - the forecast at completion is the sum of them;
//   - by month, the forecast is the actual up to the as-of month, then the
//     re-forecast, the month after with what the owed lines still owe.
func (v *Variance) Figures(rows []ActualRow) VarianceFigures {
	n := len(v.Labels)
	f := VarianceFigures{Lines: make([]LineFigures, len(v.Lines)), ByMonth: make([]MonthMoney, n)}
	actual := make([]float64, n)
	byLine := map[string]float64{}
	for _, r := range rows {
		if r.Month < 0 || r.Month > v.Month || r.Month >= n {
			continue
		}
		actual[r.Month] += r.Amount
		f.SpentToDate += r.Amount
		if r.Reserve {
			f.ReserveUsed += r.Amount
		} else {
			byLine[r.Line] += r.Amount
		}
	}
	f.ReserveLeft = v.ReserveApproved - f.ReserveUsed
	var owed float64
	for i, l := range v.Lines {
		lf := LineFigures{SpentToDate: byLine[l.Name]}
		var toDate, future float64
		for m := range n {
			switch {
			case m <= v.Month:
				toDate += l.Reforecast[m]
			case m < v.ScopeEnd:
				future += l.Reforecast[m]
			}
		}
		lf.Forecast = lf.SpentToDate + future
		if l.Owed {
			late := max(toDate-lf.SpentToDate, 0)
			lf.Forecast += late
			owed += late
		}
		f.Lines[i] = lf
		f.ForecastAtCompletion += lf.Forecast
	}
	f.ForecastAtCompletion += f.ReserveUsed + max(f.ReserveLeft, 0)
	var cp, ca, cf float64
	for m := range n {
		mm := MonthMoney{Month: m, Label: v.Labels[m]}
		for _, l := range v.Lines {
			mm.Planned += l.Planned[m]
			if m > v.Month {
				mm.Forecast += l.Reforecast[m]
			}
		}
		if m == 0 {
			mm.Planned += v.ReserveApproved
		}
		if m <= v.Month {
			mm.Actual = actual[m]
			mm.Forecast = actual[m]
			f.PlannedToDate += mm.Planned
		}
		if m == v.Month+1 || (m == n-1 && v.Month == n-1) {
			mm.Forecast += owed
		}
		cp, ca, cf = cp+mm.Planned, ca+mm.Actual, cf+mm.Forecast
		mm.CumPlanned, mm.CumActual, mm.CumForecast = cp, ca, cf
		f.ByMonth[m] = mm
	}
	return f
}
