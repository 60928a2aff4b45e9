package workbook

import (
	"fmt"
	"strconv"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Cash flows sheet: for each alternative, a block of rows (each cost
// line, the contingency reserve, each benefit line, the totals, the net
// flow and the cumulative flow), with the line's parameters beside it,
// a total, yearly subtotals and then one column per month, month 0 first.
// The monthly columns are contiguous so that Excel's NPV and IRR read them.
const (
	cLabel   = 1 // A
	cValue   = 2 // B: each time (a cost), yearly value (a benefit)
	cFrom    = 3 // C: first month
	cTo      = 4 // D: last month
	cEvery   = 5 // E: months between costs, or ramp-up months of a benefit
	cTotal   = 6 // F
	cYear1   = 7 // G: year 1, then year 2, ...
	cMonthNo = 4 // the row of month numbers, which the formulas read
	cDateRow = 3
	cFirst   = 6 // the first block's row
)

type cashLayout struct {
	month0 int // the column of month 0
	blocks []cashBlock
	last   int // the last row of the blocks
	// labels is the row of the month labels of the cumulative chart: a
	// label every few months, the others empty, so that the axis reads
	// in every application.
	labels int
}

// cashBlock is where an alternative's rows are.
type cashBlock struct {
	title    int
	baseline bool
	// costHead and benefitHead are the headings of the costs and benefits;
	// costRows and benefitRows the lines' rows; reserve the reserve's (0
	// for the baseline).
	costHead, benefitHead   int
	costRows, benefitRows   []int
	reserve                 int
	costFirst, costLast     int // the rows the cost total adds up
	benFirst, benLast       int // and the benefit total (0 when none)
	costTotal, benefitTotal int
	net, cum                int
	// deficit is the helper row that payback reads: each month's number
	// while the cumulative flow is below zero, else −1, and in the total
	// column their largest, the last month in deficit. A plain MAX of a
	// row, so that every spreadsheet computes it alike, where a formula
	// over the comparison of a range would depend on array evaluation.
	deficit int
}

func (b *book) planCashFlows() {
	l := &b.cash
	l.month0 = cYear1 + b.years
	r := cFirst
	for _, a := range b.c.Alternatives {
		bl := cashBlock{title: r, baseline: a.DoNothing}
		r++
		if a.DoNothing {
			r++ // a note
			bl.costTotal, bl.benefitTotal, bl.net, bl.cum, bl.deficit = r, r+1, r+2, r+3, r+4
			r += 6
			l.blocks = append(l.blocks, bl)
			continue
		}
		bl.costHead = r
		r++
		bl.costFirst = r
		for range a.Costs {
			bl.costRows = append(bl.costRows, r)
			r++
		}
		bl.reserve = r
		bl.costLast = r
		r++
		bl.costTotal = r
		r++
		bl.benefitHead = r
		r++
		for range a.Benefits {
			bl.benefitRows = append(bl.benefitRows, r)
			r++
		}
		if len(a.Benefits) > 0 {
			bl.benFirst, bl.benLast = bl.benefitRows[0], bl.benefitRows[len(bl.benefitRows)-1]
		}
		bl.benefitTotal = r
		bl.net, bl.cum, bl.deficit = r+1, r+2, r+3
		r += 5
		l.blocks = append(l.blocks, bl)
	}
	l.last = r - 2
	l.labels = r
}

// monthCols are the letters of the months' columns.
func (b *book) monthCols() []string {
	cols := make([]string, b.months)
	for m := range cols {
		cols[m] = colName(b.cash.month0 + m)
	}
	return cols
}

func (b *book) writeCashFlows() {
	l := &b.cash
	lastCol := l.month0 + b.months - 1
	widths := []float64{40, 13, 6, 6, 8, 14}
	for range b.years {
		widths = append(widths, 13)
	}
	for range b.months {
		widths = append(widths, 11)
	}
	s := b.open(sheetCash, sheetSetup{widths: widths, freezeCol: cYear1, freezeRow: cMonthNo + 1, titleRows: cMonthNo, tab: "2F75B5"})
	defer s.close()
	// Printed, the sheet shows the yearly view; the months follow on screen.
	b.fail(b.f.SetDefinedName(defined("_xlnm.Print_Area", sheetCash, fmt.Sprintf("%s!$A$1:$%s$%d", quoteSheet(sheetCash), colName(cYear1+b.years-1), l.last))))

	s.put(1, []any{b.text(rTitle, "Cash flows")}, 24)
	note := "Each alternative's costs and benefits by month, incremental to doing nothing, in " + b.c.Currency +
		". Every cell is a formula on the Assumptions and Risks sheets. Costs are positive; the net flow is benefits less costs. " +
		"The years are the months 0–11, 12–23, ... of the horizon. Printed, the sheet shows the yearly columns; the months follow on screen. " +
		"Month in deficit is the month's number while the cumulative flow is below zero, else −1; its total, the largest, is the last " +
		"month in deficit, from which the Comparison sheet works out payback."
	s.put(2, []any{b.text(rNote, note)}, max(42, rowHeight(note, b.widthOf(widths, 1, cYear1+max(b.years, 3)-1))))
	s.merge(1, 2, cYear1+max(b.years, 3)-1, 2)

	n := lastCol
	r3, r4 := make([]any, n), make([]any, n)
	for i, h := range []string{"Line", "Value", "From month", "To month", "Every / ramp-up", "Total"} {
		r3[i] = b.text(rHeader, h)
		r4[i] = b.blank(rHeader, nGeneral)
	}
	r4[cLabel-1] = b.text(rHeader, "Month →")
	for y := range b.years {
		r3[cYear1-1+y] = b.text(rHeader, "Year "+strconv.Itoa(y+1))
		r4[cYear1-1+y] = b.blank(rHeader, nGeneral)
	}
	cols := b.monthCols()
	for m := range b.months {
		c := l.month0 + m
		if b.c.StartDate.IsZero() {
			r3[c-1] = b.text(rHeader, "Month "+strconv.Itoa(m))
		} else {
			r3[c-1] = b.formula(rHeader, nMonth, fmt.Sprintf("EDATE(%s,%s$%d)", nameStartDate, cols[m], cMonthNo), serial(edate(b.c.StartDate, m)))
		}
		r4[c-1] = b.number(rHeader, nGeneral, float64(m))
	}
	s.put(cDateRow, r3, 30)
	s.put(cMonthNo, r4, 0)

	for ai := range b.c.Alternatives {
		b.cashBlock(s, ai, cols)
	}
	r := make([]any, n)
	r[cLabel-1] = b.text(rNote, "Month labels of the Summary's chart")
	for m := 0; m < b.months; m += tickSkip(b.months) {
		r[l.month0+m-1] = b.formula(rKey, nGeneral, fmt.Sprintf("%s$%d", cols[m], cMonthNo), float64(m))
	}
	s.put(l.labels, r, 0)
}

// edate is a spreadsheet's EDATE: the same day n months later, or the
// month's last day where it is shorter.
func edate(d casebuilder.Date, n int) casebuilder.Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return casebuilder.Date{Year: first.Year(), Month: first.Month(), Day: min(d.Day, last)}
}

func (b *book) cashBlock(s *sheet, ai int, cols []string) {
	a := &b.c.Alternatives[ai]
	res := &b.res.Alternatives[ai]
	bl := b.cash.blocks[ai]
	n := b.cash.month0 + b.months - 1
	band := make([]any, n)
	for i := range band {
		band[i] = b.blank(rBand, nGeneral)
	}
	title := a.Name
	band[0] = b.text(rBand, title)
	s.put(bl.title, band, 18)

	// line writes a row whose months come from formula(m) with the app's
	// values; yearly subtotals add the months, or, for the cumulative
	// flow, take the last month of the year.
	line := func(row int, role role, label any, params []any, monthly func(m int) string, values []float64, total float64, cumulative bool) {
		r := make([]any, n)
		r[cLabel-1] = label
		if role == rTotal {
			for c := cValue; c < cTotal; c++ {
				r[c-1] = b.blank(rTotal, nGeneral)
			}
		}
		copy(r[cValue-1:], params)
		first, last := b.cash.month0, b.cash.month0+b.months-1
		if cumulative {
			r[cTotal-1] = b.formula(role, nMoney, ref(last, row), total)
		} else {
			r[cTotal-1] = b.formula(role, nMoney, fmt.Sprintf("SUM(%s:%s)", ref(first, row), ref(last, row)), total)
		}
		for y := range b.years {
			m1, m2 := y*casebuilder.PeriodsPerYear, min((y+1)*casebuilder.PeriodsPerYear, b.months)-1
			var sum float64
			for m := m1; m <= m2; m++ {
				sum += values[m]
			}
			if cumulative {
				r[cYear1-1+y] = b.formula(role, nMoney, ref(first+m2, row), values[m2])
			} else {
				r[cYear1-1+y] = b.formula(role, nMoney, fmt.Sprintf("SUM(%s:%s)", ref(first+m1, row), ref(first+m2, row)), sum)
			}
		}
		for m := range b.months {
			r[first+m-1] = b.formula(role, nMoney, monthly(m), values[m])
		}
		s.put(row, r, 0)
	}
	cum := make([]float64, b.months)
	var running float64
	for m, f := range res.CashFlows {
		running += f
		cum[m] = running
	}
	if a.DoNothing {
		s.put(bl.title+1, []any{b.text(rNote, "The baseline: every other alternative is measured against it, so its own flows are zero.")}, 0)
		s.merge(1, bl.title+1, cTotal, bl.title+1)
		zero := make([]float64, b.months)
		for _, row := range []struct {
			row   int
			label string
		}{{bl.costTotal, "Total costs"}, {bl.benefitTotal, "Total benefits"}, {bl.net, "Net cash flow"}, {bl.cum, "Cumulative net cash flow"}} {
			line(row.row, rTotal, b.text(rTotal, row.label), nil, func(int) string { return "0" }, zero, 0, row.row == bl.cum)
		}
		b.deficitRow(s, bl, cols, zero)
		return
	}

	head := func(row int, label string, params ...string) {
		r := make([]any, cTotal)
		r[cLabel-1] = b.text(rBold, label)
		for i, p := range params {
			r[cValue-1+i] = b.text(rNote, p)
		}
		s.put(row, r, 0)
	}
	horizon := nameHorizon + "-1"
	head(bl.costHead, "Costs", "Each time", "From", "To", "Every")
	for li, k := range a.Costs {
		row, arow := bl.costRows[li], b.asm.costRow[ai][li]
		amount := lineValue(res, casebuilder.CostLine, li)
		first, last, step := b.costSpan(&k)
		values := make([]float64, b.months)
		for m := first; m <= last; m += step {
			values[m] = amount
		}
		asm := func(col int) string { return xref(sheetAssumptions, col, arow) }
		params := []any{
			b.formula(rCalc, nMoney, asm(aJ), amount),
			b.formula(rCalc, nInt, asm(aStart), float64(k.StartMonth)),
			b.formula(rCalc, nInt, fmt.Sprintf(`MIN(%s,IF(%s="",%s,%s),IF(%s="one-time",%s,%s))`,
				horizon, asm(aEnd), horizon, asm(aEnd), asm(aKind), ref(cFrom, row), horizon), float64(last)),
			b.formula(rCalc, nInt, fmt.Sprintf(`IF(%s="yearly",12,1)`, asm(aKind)), float64(step)),
		}
		line(row, rCalc, b.text(rPlain, k.Name), params, b.costMonth(row, cols), values, lineTotal(res, casebuilder.CostLine, li), false)
	}
	{
		values := make([]float64, b.months)
		values[0] = res.Reserve
		params := []any{
			b.formula(rCalc, nMoney, b.risk.reserve[ai], res.Reserve),
			b.number(rCalc, nInt, 0), b.number(rCalc, nInt, 0), b.number(rCalc, nInt, 1),
		}
		line(bl.reserve, rCalc, b.text(rPlain, "Contingency reserve (Risks sheet)"), params, b.costMonth(bl.reserve, cols), values, res.Reserve, false)
	}
	line(bl.costTotal, rTotal, b.text(rTotal, "Total costs"), nil, func(m int) string {
		return fmt.Sprintf("SUM(%s%d:%s%d)", cols[m], bl.costFirst, cols[m], bl.costLast)
	}, res.Costs, res.TotalCost, false)

	head(bl.benefitHead, "Benefits", "Yearly value", "From", "To", "Ramp-up")
	for li, bf := range a.Benefits {
		row, arow := bl.benefitRows[li], b.asm.benefitRow[ai][li]
		annual := lineValue(res, casebuilder.BenefitLine, li)
		first, last := bf.StartMonth, b.months-1
		if bf.EndMonth != nil {
			last = min(last, *bf.EndMonth)
		}
		values := make([]float64, b.months)
		for m := max(first, 0); m <= last; m++ {
			values[m] = annual / casebuilder.PeriodsPerYear * rampShare(m-bf.StartMonth, bf.RampMonths)
		}
		asm := func(col int) string { return xref(sheetAssumptions, col, arow) }
		params := []any{
			b.formula(rCalc, nMoney, asm(aJ), annual),
			b.formula(rCalc, nInt, asm(aStart), float64(bf.StartMonth)),
			b.formula(rCalc, nInt, fmt.Sprintf(`MIN(%s,IF(%s="",%s,%s))`, horizon, asm(aEnd), horizon, asm(aEnd)), float64(last)),
			b.formula(rCalc, nInt, asm(aI), float64(bf.RampMonths)),
		}
		monthly := func(m int) string {
			c := cols[m] + "$" + strconv.Itoa(cMonthNo)
			return fmt.Sprintf("IF(AND(%s>=$C%d,%s<=$D%d),$B%d/12*MIN(1,(%s-$C%d+1)/MAX($E%d,1)),0)", c, row, c, row, row, c, row, row)
		}
		line(row, rCalc, b.text(rPlain, bf.Name), params, monthly, values, lineTotal(res, casebuilder.BenefitLine, li), false)
	}
	line(bl.benefitTotal, rTotal, b.text(rTotal, "Total benefits"), nil, func(m int) string {
		if bl.benFirst == 0 {
			return "0"
		}
		return fmt.Sprintf("SUM(%s%d:%s%d)", cols[m], bl.benFirst, cols[m], bl.benLast)
	}, res.Benefits, res.TotalBenefit, false)
	line(bl.net, rTotal, b.text(rTotal, "Net cash flow"), nil, func(m int) string {
		return fmt.Sprintf("%s%d-%s%d", cols[m], bl.benefitTotal, cols[m], bl.costTotal)
	}, res.CashFlows, res.NetBenefit, false)
	line(bl.cum, rTotal, b.text(rTotal, "Cumulative net cash flow"), nil, func(m int) string {
		if m == 0 {
			return fmt.Sprintf("%s%d", cols[m], bl.net)
		}
		return fmt.Sprintf("%s%d+%s%d", cols[m-1], bl.cum, cols[m], bl.net)
	}, cum, running, true)
	b.deficitRow(s, bl, cols, cum)
}

// deficitRow writes the block's helper row for payback (see
// cashBlock.deficit), with the values the app's cumulative flows cum give.
func (b *book) deficitRow(s *sheet, bl cashBlock, cols []string, cum []float64) {
	n := b.cash.month0 + b.months - 1
	r := make([]any, n)
	r[cLabel-1] = b.text(rNote, "Month in deficit")
	last := -1
	for m := range b.months {
		v := -1.0
		if cum[m] < 0 {
			v, last = float64(m), m
		}
		r[b.cash.month0+m-1] = b.formula(rKey, nInt, fmt.Sprintf("IF(%s%d<0,%s$%d,-1)", cols[m], bl.cum, cols[m], cMonthNo), v)
	}
	r[cTotal-1] = b.formula(rKey, nInt, fmt.Sprintf("MAX(%s:%s)", ref(b.cash.month0, bl.deficit), ref(n, bl.deficit)), float64(last))
	s.put(bl.deficit, r, 0)
}

// costMonth is the formula of a cost in month m: the amount each time, in
// the months from the first to the last, every so many months.
func (b *book) costMonth(row int, cols []string) func(m int) string {
	return func(m int) string {
		c := cols[m] + "$" + strconv.Itoa(cMonthNo)
		return fmt.Sprintf("IF(AND(%s>=$C%d,%s<=$D%d,MOD(%s-$C%d,$E%d)=0),$B%d,0)", c, row, c, row, c, row, row, row)
	}
}

// costSpan returns the months a cost is paid in, as Case Builder pays it:
// from the start month to the end month or the horizon, every month or
// every twelve, once for a one-time cost.
func (b *book) costSpan(k *casebuilder.Cost) (first, last, step int) {
	first, last, step = max(k.StartMonth, 0), b.months-1, 1
	if k.EndMonth != nil {
		last = min(last, *k.EndMonth)
	}
	switch k.Kind {
	case casebuilder.OneTime:
		last = min(last, first)
	case casebuilder.Yearly:
		step = casebuilder.PeriodsPerYear
	}
	return first, last, step
}

// rampShare is the share of full effect of a benefit k months after its
// start, as Case Builder ramps it: (k+1)/ramp until full.
func rampShare(k, ramp int) float64 {
	if ramp <= 0 || k+1 >= ramp {
		return 1
	}
	return float64(k+1) / float64(ramp)
}

// lineTotal is the app's undiscounted total of a line over the horizon.
func lineTotal(res *casebuilder.AltResult, kind casebuilder.LineKind, index int) float64 {
	for _, l := range res.Lines {
		if l.Kind == kind && l.Index == index {
			return l.Total
		}
	}
	return 0
}
