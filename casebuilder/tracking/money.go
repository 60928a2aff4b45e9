package tracking

import (
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Money is the programme's money as of a month against its approved
// budget.
//
// The forecast at completion is, line by line, what has been spent to
// date, plus the re-forecast's costs still to come within what was
// approved (the case's estimates as they are now, with the milestones at
// their forecast dates), plus what is left of the contingency reserve. A
// one-time or yearly cost planned by now and not yet paid in full is a
// commitment still owed (an invoice not yet in), and counts as still to
// come, in the month after; a monthly cost not spent is not owed later (a
// coach not yet hired is not paid for the months gone). On plan, the
// forecast is the approved budget; a contingency carried out within the
// reserve does not move it; a cost that came in under its estimate lowers
// it once the estimate is re-forecast.
type Money struct {
	// ApprovedBudget is the budget approved, the contingency reserve
	// included: the whole plan's, or the first stage's when WholePlan is
	// false (up to StageEnd, the month of the gate's decision).
	ApprovedBudget float64 `json:"approvedBudget"`
	WholePlan      bool    `json:"wholePlan"`
	StageEnd       int     `json:"stageEnd"`
	// PlannedToDate is the approved baseline's costs from month 0 to the
	// month, the reserve included (it is booked in month 0), and
	// SpentToDate what was spent by the month's end, on the cost lines
	// and from the reserve.
	PlannedToDate float64 `json:"plannedToDate"`
	SpentToDate   float64 `json:"spentToDate"`
	// LinesPlannedToDate and LinesSpentToDate are the same for the cost
	// lines alone, without the reserve.
	LinesPlannedToDate float64 `json:"linesPlannedToDate"`
	LinesSpentToDate   float64 `json:"linesSpentToDate"`
	// ForecastAtCompletion is the forecast of what was approved will cost
	// in the end, and VarianceAtCompletion how far it is over the approved
	// budget (negative: under it). ForecastWholePlan is the same for the
	// whole plan, when only a stage was approved.
	ForecastAtCompletion float64 `json:"forecastAtCompletion"`
	VarianceAtCompletion float64 `json:"varianceAtCompletion"`
	ForecastWholePlan    float64 `json:"forecastWholePlan"`
	// ReserveApproved is the contingency reserve approved, ReserveUsed
	// what was drawn on it by the month's end, and ReserveLeft the
	// difference (negative when it is overdrawn).
	ReserveApproved float64 `json:"reserveApproved"`
	ReserveUsed     float64 `json:"reserveUsed"`
	ReserveLeft     float64 `json:"reserveLeft"`
	// Lines are the money by cost line and the reserve, approved lines
	// first, then lines the re-forecast added.
	Lines []LineMoney `json:"lines"`
	// ByMonth is the money month by month, month 0 first, over the
	// longer of the approved and re-forecast horizons.
	ByMonth []MonthMoney `json:"byMonth"`
}

// LineMoney is one cost line's money, or the reserve's.
type LineMoney struct {
	Name    string `json:"name"`
	Reserve bool   `json:"reserve,omitempty"`
	// Added is set for a line the re-forecast has and the baseline has
	// not.
	Added bool `json:"added,omitempty"`
	// Approved is the line's money within what was approved.
	Approved      float64 `json:"approved"`
	PlannedToDate float64 `json:"plannedToDate"`
	SpentToDate   float64 `json:"spentToDate"`
	// Remaining is the re-forecast's money still to come within what was
	// approved, with what a one-time or yearly cost has still to pay of
	// the re-forecast up to the month (for the reserve, what is left of
	// it); Forecast is the line's forecast at completion: spent to date
	// plus remaining.
	Remaining float64 `json:"remaining"`
	Forecast  float64 `json:"forecast"`
}

// MonthMoney is the money of one month.
type MonthMoney struct {
	// Month is the period, and Label its calendar month (YYYY-MM).
	Month int    `json:"month"`
	Label string `json:"label"`
	// Planned is the approved baseline's costs, the reserve included in
	// month 0; Actual is what was spent (zero after the as-of month);
	// Forecast is Actual up to the as-of month and the re-forecast's
	// costs of the cost lines after it, the month after it with what the
	// one-time and yearly costs have still to pay of the re-forecast up to
	// it.
	Planned  float64 `json:"planned"`
	Actual   float64 `json:"actual"`
	Forecast float64 `json:"forecast"`
	// CumPlanned, CumActual and CumForecast are the same, cumulated from
	// month 0.
	CumPlanned  float64 `json:"cumPlanned"`
	CumActual   float64 `json:"cumActual"`
	CumForecast float64 `json:"cumForecast"`
}

// scopeEnd returns the first period after what was approved, as
// re-forecast: the month of the stage gate's forecast decision, or the end
// of the record's months.
func (w *worker) scopeEnd() int {
	id := w.b.Approval.UpToGate
	if id == "" {
		return w.months
	}
	for i := range w.b.Gates {
		if g := &w.b.Gates[i]; g.ID == id {
			if d := w.gateDay(g); !d.IsZero() {
				return min(max(w.monthOfDate(d), 0), w.months)
			}
			return min(max(g.Month, 0), w.months)
		}
	}
	return w.months
}

func (w *worker) money() {
	b, p := w.b, w.p
	mo := &p.Money
	mo.ApprovedBudget, mo.WholePlan, mo.StageEnd = b.Budget, b.Approval.UpToGate == "", b.StageEnd
	n, month, end := w.months, p.Month, w.scopeEnd()

	actual := make([]float64, n) // spend by month, up to the as-of day
	byLine := map[string]float64{}
	for _, s := range w.t.Spend {
		m := w.monthOfDate(s.Date)
		if !w.upTo(s.Date) || m < 0 || m >= n {
			continue
		}
		actual[m] += s.Amount
		mo.SpentToDate += s.Amount
		if s.Reserve {
			mo.ReserveUsed += s.Amount
		} else {
			byLine[s.Line] += s.Amount
			mo.LinesSpentToDate += s.Amount
		}
	}
	for m := 0; m <= month && m < len(b.Costs); m++ {
		mo.PlannedToDate += b.Costs[m]
	}
	// The re-forecast's cost lines, by name.
	live := map[string]int{}
	for i, l := range w.forecasted.Lines {
		if l.Kind == casebuilder.CostLine {
			if _, dup := live[l.Name]; !dup {
				live[l.Name] = i
			}
		}
	}
	// remaining is a line's re-forecast money after the month, within
	// what was approved, and, for a one-time or yearly cost, what it has
	// still to pay of the re-forecast up to the month.
	var deferred float64 // of every line, in the month after
	remaining := func(name string, spent float64) float64 {
		i, ok := live[name]
		if !ok {
			return 0
		}
		owed := true
		if li := w.forecasted.Lines[i].Index; w.ai >= 0 && li >= 0 && li < len(w.c.Alternatives[w.ai].Costs) {
			owed = w.c.Alternatives[w.ai].Costs[li].Kind != casebuilder.Monthly
		}
		var future, toDate float64
		for m := 0; m < end && m < len(w.forecastFlows[i]); m++ {
			if m <= month {
				toDate += w.forecastFlows[i][m]
			} else {
				future += w.forecastFlows[i][m]
			}
		}
		late := 0.0
		if owed {
			late = max(toDate-spent, 0)
		}
		deferred += late
		return future + late
	}
	var seen []string
	for i := range b.Lines {
		l := &b.Lines[i]
		switch l.Kind {
		case casebuilder.CostLine:
			lm := LineMoney{Name: l.Name, SpentToDate: byLine[l.Name]}
			lm.Remaining = remaining(l.Name, lm.SpentToDate)
			for m := range b.StageEnd {
				lm.Approved += l.InMonth(m)
			}
			for m := 0; m <= month; m++ {
				lm.PlannedToDate += l.InMonth(m)
			}
			mo.LinesPlannedToDate += lm.PlannedToDate
			lm.Forecast = lm.SpentToDate + lm.Remaining
			mo.Lines = append(mo.Lines, lm)
			seen = append(seen, l.Name)
		case casebuilder.ReserveLine:
			mo.ReserveApproved += l.Total
		}
	}
	for _, l := range w.forecasted.Lines {
		if l.Kind == casebuilder.CostLine && !slices.Contains(seen, l.Name) {
			lm := LineMoney{Name: l.Name, Added: true}
			lm.Remaining = remaining(l.Name, 0)
			lm.Forecast = lm.Remaining
			mo.Lines = append(mo.Lines, lm)
			seen = append(seen, l.Name)
		}
	}
	mo.ReserveLeft = mo.ReserveApproved - mo.ReserveUsed
	reserve := LineMoney{Name: reserveName(b), Reserve: true, Approved: mo.ReserveApproved, PlannedToDate: mo.ReserveApproved,
		SpentToDate: mo.ReserveUsed, Remaining: max(mo.ReserveLeft, 0)}
	if b.StageEnd == 0 {
		reserve.Approved = 0
	}
	reserve.Forecast = reserve.SpentToDate + reserve.Remaining
	if mo.ReserveApproved != 0 || mo.ReserveUsed != 0 {
		mo.Lines = append(mo.Lines, reserve)
	}
	for _, l := range mo.Lines {
		mo.ForecastAtCompletion += l.Forecast
	}
	mo.VarianceAtCompletion = mo.ForecastAtCompletion - mo.ApprovedBudget

	mo.ByMonth = make([]MonthMoney, n)
	var cp, ca, cf float64
	for m := range n {
		mm := MonthMoney{Month: m, Label: w.start.Add(m).String()}
		if m < len(b.Costs) {
			mm.Planned = b.Costs[m]
		}
		if m <= month {
			mm.Actual, mm.Forecast = actual[m], actual[m]
			if m == n-1 {
				mm.Forecast += deferred // no month after
			}
		} else {
			if m == month+1 {
				mm.Forecast += deferred
			}
			for i, l := range w.forecasted.Lines {
				if l.Kind == casebuilder.CostLine && m < len(w.forecastFlows[i]) {
					mm.Forecast += w.forecastFlows[i][m]
				}
			}
		}
		cp, ca, cf = cp+mm.Planned, ca+mm.Actual, cf+mm.Forecast
		mm.CumPlanned, mm.CumActual, mm.CumForecast = cp, ca, cf
		mo.ByMonth[m] = mm
	}
	mo.ForecastWholePlan = cf + max(mo.ReserveLeft, 0)
}

// reserveName is the name of the baseline's reserve line.
func reserveName(b *casebuilder.ApprovedBaseline) string {
	for _, l := range b.Lines {
		if l.Kind == casebuilder.ReserveLine {
			return l.Name
		}
	}
	return "Contingency reserve"
}
