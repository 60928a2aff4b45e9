package workbook

import (
	"fmt"
	"strconv"
	"strings"
)

// The Variance sheet: the as-of period and what was approved at the top,
// then the headline figures, the money by line, the money month by month
// (planned, actual, forecast, and each cumulated), and last the approved
// baseline's and the re-forecast's money by line and month that those
// formulas read. Its formulas work as package tracking's
// [tracking.Variance.Figures] does, so that recalculated they equal the
// progress.
const (
	vAsOfRow     = 4
	vScopeRow    = 5
	vReserveRow  = 6
	vBudgetRow   = 7
	vFiguresHead = 9
	vLinesGap    = 2 // rows between the figures and the lines' header
)

// varianceLayout is where the Variance sheet's blocks start.
type varianceLayout struct {
	figures          int // first row of the headline figures
	linesHead, lines int // the lines' header and first row
	reserveRow       int
	totalRow         int
	monthsHead       int
	months           int // first row of the months
	plannedHead      int // the planned grid's header (periods)
	planned          int
	reforecastHead   int
	reforecast       int
	gridCol          int // first column of the grids' months
	plannedToDate    int // rows of the headline figures
	spentToDate      int
	reserveUsed      int
	reserveLeft      int
	forecast         int
	overBudget       int
}

// Columns of the lines' table.
const (
	vlName = iota + 1
	vlOwed
	vlPlanned
	vlSpent
	vlRefToDate
	vlToCome
	vlOwedLate
	vlForecast
)

// Columns of the months' table.
const (
	vmLabel = iota + 1
	vmPeriod
	vmPlanned
	vmActual
	vmForecast
	vmCumPlanned
	vmCumActual
	vmCumForecast
)

func (b *book) varianceLayout() varianceLayout {
	v := b.track.v
	var l varianceLayout
	l.figures = vFiguresHead + 1
	l.plannedToDate, l.spentToDate, l.reserveUsed, l.reserveLeft, l.forecast, l.overBudget =
		l.figures, l.figures+1, l.figures+2, l.figures+3, l.figures+4, l.figures+5
	l.linesHead = l.overBudget + vLinesGap + 1
	l.lines = l.linesHead + 1
	l.reserveRow = l.lines + len(v.Lines)
	l.totalRow = l.reserveRow + 1
	l.monthsHead = l.totalRow + 3
	l.months = l.monthsHead + 1
	l.plannedHead = l.months + len(v.Labels) + 3
	l.planned = l.plannedHead + 1
	l.reforecastHead = l.planned + len(v.Lines) + 3
	l.reforecast = l.reforecastHead + 1
	l.gridCol = 3
	return l
}

func (b *book) writeVariance() {
	t := b.track
	v, fig, m := t.v, t.fig, &t.p.Money
	l := b.varianceLayout()
	n := len(v.Labels)
	widths := []float64{44, 12, 15, 15, 15, 15, 15, 17}
	for len(widths) < l.gridCol-1+n {
		widths = append(widths, 12)
	}
	s := b.open(sheetVariance, sheetSetup{widths: widths, freezeCol: 2, freezeRow: 1, gridlines: true, tab: "548235"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Variance")}, 24)
	note := fmt.Sprintf("Planned against actual, by line and by month, and the forecast at completion, as of %s. Every figure is a formula on the "+
		"Actuals sheet and on the money by line and month below: the approved baseline's, and the re-forecast's (today's estimates, the milestones "+
		"at their forecast dates). A line's forecast is its spend to date, plus its re-forecast still to come within what was approved, plus, for a "+
		"one-time or yearly cost, what it planned by now and has not paid (still owed, in the month after); the reserve's is what was drawn on it "+
		"plus what is left.", t.p.AsOf.Words())
	s.wide(2, 8, rNote, note)

	asOf, scope, reserve, budget := abs(2, vAsOfRow), abs(2, vScopeRow), abs(2, vReserveRow), abs(2, vBudgetRow)
	s.put(vAsOfRow, []any{b.text(rBold, "As of the period (0 is the first month)"), b.number(rInput, nInt, float64(v.Month)),
		b.text(rNote, t.p.AsOf.Words())}, 0)
	s.put(vScopeRow, []any{b.text(rBold, "First period after what was approved"), b.number(rPlain, nInt, float64(v.ScopeEnd))}, 0)
	s.put(vReserveRow, []any{b.text(rBold, "Contingency reserve approved"), b.number(rPlain, nMoney, v.ReserveApproved)}, 0)
	s.put(vBudgetRow, []any{b.text(rBold, "Approved budget"), b.number(rPlain, nMoney, m.ApprovedBudget)}, 0)

	// The Actuals rows up to the as-of period.
	amount, period, line := b.actualsCol(acAmount), b.actualsCol(acMonth), b.actualsCol(acLine)
	upTo := fmt.Sprintf(`%s,"<="&%s,%s,">=0"`, period, asOf, period)
	months := func(c int) string { return xrange(sheetVariance, c, l.months, c, l.months+n-1) }
	gridRow := func(first, i int) string {
		return fmt.Sprintf("$%s%d:$%s%d", colName(l.gridCol), first+i, colName(l.gridCol+n-1), first+i)
	}
	periods := fmt.Sprintf("$%s$%d:$%s$%d", colName(l.gridCol), l.plannedHead, colName(l.gridCol+n-1), l.plannedHead)

	s.put(vFiguresHead, b.textHeader(2, "Figure", "Amount"), 20)
	s.put(l.plannedToDate, []any{b.text(rPlain, "Planned to date (the reserve included)"),
		b.formula(rCalc, nMoney, fmt.Sprintf("SUMIFS(%s,%s,\"<=\"&%s)", months(vmPlanned), months(vmPeriod), asOf), fig.PlannedToDate)}, 0)
	s.put(l.spentToDate, []any{b.text(rPlain, "Spent to date (the reserve included)"),
		b.formula(rCalc, nMoney, fmt.Sprintf("SUMIFS(%s,%s)", amount, upTo), fig.SpentToDate)}, 0)
	s.put(l.reserveUsed, []any{b.text(rPlain, "Contingency reserve used"),
		b.formula(rCalc, nMoney, fmt.Sprintf("SUMIFS(%s,%s,%s,%s)", amount, line, strconv.Quote(v.ReserveName), upTo), fig.ReserveUsed)}, 0)
	s.put(l.reserveLeft, []any{b.text(rPlain, "Contingency reserve left"),
		b.formula(rCalc, nMoney, fmt.Sprintf("%s-%s", reserve, abs(2, l.reserveUsed)), fig.ReserveLeft)}, 0)
	s.put(l.forecast, []any{b.text(rBold, "Forecast at completion"),
		b.formula(rTotal, nMoney, abs(vlForecast, l.totalRow), fig.ForecastAtCompletion)}, 0)
	s.put(l.overBudget, []any{b.text(rPlain, "Over the approved budget (negative: under it)"),
		b.formula(rCalc, nMoney, fmt.Sprintf("%s-%s", abs(2, l.forecast), budget), fig.ForecastAtCompletion-m.ApprovedBudget)}, 0)

	// By line.
	s.put(l.linesHead, b.textHeader(8, "Line", "Still owed when unpaid", "Planned to date", "Spent to date", "Re-forecast to date",
		"Re-forecast still to come", "Planned, not yet paid", "Forecast at completion"), 32)
	var owedTotal float64
	for i, vl := range v.Lines {
		r := l.lines + i
		lf := fig.Lines[i]
		var planned, refToDate, toCome float64
		for mo := range n {
			if mo <= v.Month {
				planned += vl.Planned[mo]
				refToDate += vl.Reforecast[mo]
			} else if mo < v.ScopeEnd {
				toCome += vl.Reforecast[mo]
			}
		}
		late := 0.0
		if vl.Owed {
			late = max(refToDate-lf.SpentToDate, 0)
		}
		owedTotal += late
		name := vl.Name
		if vl.Added {
			name += " (added since the approval)"
		}
		owed := "no"
		if vl.Owed {
			owed = "yes"
		}
		s.put(r, []any{
			b.text(rPlain, name),
			b.text(rInputLeft, owed),
			b.formula(rCalc, nMoney, fmt.Sprintf(`SUMIFS(%s,%s,"<="&%s)`, gridRow(l.planned, i), periods, asOf), planned),
			b.formula(rCalc, nMoney, fmt.Sprintf("SUMIFS(%s,%s,%s,%s)", amount, line, strconv.Quote(vl.Name), upTo), lf.SpentToDate),
			b.formula(rCalc, nMoney, fmt.Sprintf(`SUMIFS(%s,%s,"<="&%s)`, gridRow(l.reforecast, i), periods, asOf), refToDate),
			b.formula(rCalc, nMoney, fmt.Sprintf(`SUMIFS(%s,%s,">"&%s,%s,"<"&%s)`, gridRow(l.reforecast, i), periods, asOf, periods, scope), toCome),
			b.formula(rCalc, nMoney, fmt.Sprintf(`IF(%s="yes",MAX(0,%s-%s),0)`, ref(vlOwed, r), ref(vlRefToDate, r), ref(vlSpent, r)), late),
			b.formula(rCalc, nMoney, fmt.Sprintf("%s+%s+%s", ref(vlSpent, r), ref(vlToCome, r), ref(vlOwedLate, r)), lf.Forecast),
		}, 0)
	}
	if len(v.Lines) > 0 {
		s.validate(fmt.Sprintf("%s:%s", ref(vlOwed, l.lines), ref(vlOwed, l.reserveRow-1)), []string{"yes", "no"}, 0, 0, false,
			"yes for a one-time or yearly cost, whose unpaid plan is still owed; no for a monthly cost")
	}
	s.put(l.reserveRow, []any{
		b.text(rPlain, reserveLabel(v.ReserveName)), nil,
		b.formula(rCalc, nMoney, reserve, v.ReserveApproved),
		b.formula(rCalc, nMoney, abs(2, l.reserveUsed), fig.ReserveUsed), nil, nil,
		b.formula(rCalc, nMoney, fmt.Sprintf("MAX(0,%s)", abs(2, l.reserveLeft)), max(fig.ReserveLeft, 0)),
		b.formula(rCalc, nMoney, fmt.Sprintf("%s+%s", ref(vlSpent, l.reserveRow), ref(vlOwedLate, l.reserveRow)), fig.ReserveUsed+max(fig.ReserveLeft, 0)),
	}, 0)
	sum := func(c int, cached float64) any {
		return b.formula(rTotal, nMoney, fmt.Sprintf("SUM(%s:%s)", ref(c, l.lines), ref(c, l.reserveRow)), cached)
	}
	var plannedLines, spentLines float64
	for i := range v.Lines {
		spentLines += fig.Lines[i].SpentToDate
		for mo := 0; mo <= v.Month && mo < n; mo++ {
			plannedLines += v.Lines[i].Planned[mo]
		}
	}
	s.put(l.totalRow, []any{b.text(rBold, "Total"), b.blank(rTotal, nGeneral), sum(vlPlanned, plannedLines+v.ReserveApproved),
		sum(vlSpent, fig.SpentToDate), b.blank(rTotal, nMoney), b.blank(rTotal, nMoney), sum(vlOwedLate, owedTotal+max(fig.ReserveLeft, 0)),
		sum(vlForecast, fig.ForecastAtCompletion)}, 0)

	// By month.
	s.put(l.monthsHead, b.textHeader(8, "Month", "Period", "Planned", "Actual", "Forecast", "Planned, cumulated", "Actual, cumulated", "Forecast, cumulated"), 32)
	owedCell := abs(vlOwedLate, l.totalRow) + "-" + abs(vlOwedLate, l.reserveRow) // what the lines still owe
	for mo := range n {
		r := l.months + mo
		mm := fig.ByMonth[mo]
		col := colName(l.gridCol + mo)
		plannedF := fmt.Sprintf("SUM(%s%d:%s%d)", col, l.planned, col, l.planned+max(len(v.Lines), 1)-1)
		refF := fmt.Sprintf("SUM(%s%d:%s%d)", col, l.reforecast, col, l.reforecast+max(len(v.Lines), 1)-1)
		if len(v.Lines) == 0 {
			plannedF, refF = "0", "0"
		}
		p := ref(vmPeriod, r)
		cum := func(c int, cached float64) any {
			if mo == 0 {
				return b.formula(rCalc, nMoney, ref(c-3, r), cached)
			}
			return b.formula(rCalc, nMoney, fmt.Sprintf("%s+%s", ref(c, r-1), ref(c-3, r)), cached)
		}
		s.put(r, []any{
			b.text(rPlain, monthWords(v.Labels[mo])),
			b.number(rPlain, nInt, float64(mo)),
			b.formula(rCalc, nMoney, fmt.Sprintf("%s+IF(%s=0,%s,0)", plannedF, p, reserve), mm.Planned),
			b.formula(rCalc, nMoney, fmt.Sprintf("IF(%s<=%s,SUMIFS(%s,%s,%s),0)", p, asOf, amount, period, p), mm.Actual),
			b.formula(rCalc, nMoney, fmt.Sprintf("IF(%s<=%s,%s,%s)+IF(OR(%s=%s+1,AND(%s=%d,%s=%d)),%s,0)",
				p, asOf, ref(vmActual, r), refF, p, asOf, p, n-1, asOf, n-1, owedCell), mm.Forecast),
			cum(vmCumPlanned, mm.CumPlanned), cum(vmCumActual, mm.CumActual), cum(vmCumForecast, mm.CumForecast),
		}, 0)
	}

	// The money by line and month that the formulas above read.
	grid := func(head, first int, title string, values func(i int) []float64) {
		hr := make([]any, l.gridCol-1+n)
		hr[0] = b.text(rHeader, title)
		hr[1] = b.text(rHeader, "Period")
		for mo := range n {
			hr[l.gridCol-1+mo] = b.number(rHeader, nInt, float64(mo))
		}
		s.put(head, hr, 20)
		for i, vl := range v.Lines {
			r := make([]any, l.gridCol-1+n)
			r[0] = b.text(rPlain, vl.Name)
			for mo, x := range values(i) {
				if mo < n {
					r[l.gridCol-1+mo] = b.number(rPlain, nMoney, x)
				}
			}
			s.put(first+i, r, 0)
		}
	}
	grid(l.plannedHead, l.planned, "Planned by line and month (the approved baseline)", func(i int) []float64 { return v.Lines[i].Planned })
	grid(l.reforecastHead, l.reforecast, "Re-forecast by line and month (today's estimates)", func(i int) []float64 { return v.Lines[i].Reforecast })
}

// monthWords writes a month (YYYY-MM) as "Jan 2027".
func monthWords(label string) string {
	y, m, ok := cutMonth(label)
	if !ok {
		return label
	}
	return fmt.Sprintf("%s %d", [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[m-1], y)
}

func cutMonth(label string) (int, int, bool) {
	if len(label) != 7 || label[4] != '-' {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(label[:4])
	m, err2 := strconv.Atoi(label[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, 0, false
	}
	return y, m, true
}

// reserveLabel names the reserve's row, saying it is the contingency
// reserve unless its name does.
func reserveLabel(name string) string {
	if strings.Contains(strings.ToLower(name), "reserve") {
		return name
	}
	return name + " (contingency reserve)"
}
