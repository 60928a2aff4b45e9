package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Cash flows sheet: for each alternative, a block of rows (each cost
// line, the contingency reserve, each benefit line, the totals, the net
// flow and the cumulative flow, then the money by kind and the flows of the
// cash alone), with the line's parameters beside it, a total, yearly
// subtotals and then one column per month, month 0 first. The monthly
// columns are contiguous so that Excel's NPV and IRR read them. Helper
// columns after the months hold the share of each kind of money in each
// benefit tied to a calculator whose parts are of several kinds, and
// helper rows after the blocks the discount factors the stage gates read.
const (
	cLabel   = 1 // A
	cValue   = 2 // B: each time (a cost), yearly value (a benefit), in year 1
	cFrom    = 3 // C: first month
	cTo      = 4 // D: last month
	cEvery   = 5 // E: months between costs, or ramp-up months of a benefit
	cMoney   = 6 // F: kind of money
	cTotal   = 7 // G
	cYear1   = 8 // H: year 1, then year 2, ...
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
	// valueCol is the first helper column of the values of the lines that
	// change from year to year (the benefits tied to the pain, the costs
	// whose heads follow the calculator), one for each year of the
	// calculator after the first; 0 when it tells no years apart.
	// shareCol is the first helper column of the shares of each kind of
	// money of the benefits tied to the pain, one for each kind and year
	// of the calculator (kind by kind); 0 when there are none.
	valueCol, shareCol int
	// discount is the helper row of each month's discount factor, and
	// gateRows the rows of the factors from each gate's decision month on
	// (0 without gates).
	discount int
	gateRows []int
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
	// kindHead is the heading of the money by kind (0 for the baseline);
	// costKind and benefitKind the rows of each kind, in the order of
	// casebuilder.CostKinds and BenefitKinds; cashNet, cashCum and
	// cashDeficit the net flow of the cash alone, its cumulative flow and
	// the helper row of the months it is in deficit.
	kindHead                      int
	costKind, benefitKind         []int
	cashNet, cashCum, cashDeficit int
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
		bl.kindHead = r
		r++
		for range casebuilder.CostKinds {
			bl.costKind = append(bl.costKind, r)
			r++
		}
		for range casebuilder.BenefitKinds {
			bl.benefitKind = append(bl.benefitKind, r)
			r++
		}
		bl.cashNet, bl.cashCum, bl.cashDeficit = r, r+1, r+2
		r += 4
		l.blocks = append(l.blocks, bl)
	}
	l.last = r - 2
	l.labels = r
	helper := l.month0 + b.months
	if b.painYears() > 1 {
		l.valueCol = helper
		helper += b.painYears() - 1
	}
	if b.sharesNeeded() {
		l.shareCol = helper
	}
	if n := len(b.c.Plan.Gates); n > 0 {
		l.discount = l.labels + 3
		for g := range n {
			l.gateRows = append(l.gateRows, l.discount+1+g)
		}
	}
}

// sharesNeeded reports whether a benefit is tied to a calculator whose
// parts are of several kinds of money, so that its value is split between
// them.
func (b *book) sharesNeeded() bool {
	if b.model == nil || len(b.painKinds()) < 2 {
		return false
	}
	for _, a := range b.c.Alternatives {
		for li := range a.Benefits {
			if !a.DoNothing && b.tied(&a.Benefits[li]) {
				return true
			}
		}
	}
	return false
}

// shareCol is the helper column of the share of kind k (its place in the
// model's kinds) in the calculator's year y.
func (b *book) shareCol(k, y int) int { return b.cash.shareCol + k*b.painYears() + y }

// helperCols is how many helper columns follow the months.
func (b *book) helperCols() int {
	n := 0
	if b.cash.valueCol > 0 {
		n += b.painYears() - 1
	}
	if b.cash.shareCol > 0 {
		n += len(b.painKinds()) * b.painYears()
	}
	return n
}

// yearValue is the helper cell of a line's value in year y (1 or later) of
// the calculator, on row row: its column made absolute, so that every
// month of the year reads it.
func (b *book) yearValue(row, y int) string {
	return "$" + colName(b.cash.valueCol+y-1) + strconv.Itoa(row)
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
	widths := []float64{40, 13, 6, 6, 8, 12, 14}
	for range b.years {
		widths = append(widths, 13)
	}
	for range b.months {
		widths = append(widths, 11)
	}
	for range b.helperCols() {
		widths = append(widths, 11)
	}
	lastCol := len(widths)
	s := b.open(sheetCash, sheetSetup{widths: widths, freezeCol: cYear1, freezeRow: cMonthNo + 1, titleRows: cMonthNo, tab: "2F75B5"})
	defer s.close()
	// Printed, the sheet shows the yearly view; the months follow on screen.
	b.fail(b.f.SetDefinedName(defined("_xlnm.Print_Area", sheetCash, fmt.Sprintf("%s!$A$1:$%s$%d", quoteSheet(sheetCash), colName(cYear1+b.years-1), l.last))))

	s.put(1, []any{b.text(rTitle, "Cash flows")}, 24)
	note := "Each alternative's costs and benefits by month, incremental to doing nothing, in " + b.c.Currency +
		". Every cell is a formula on the Assumptions and Risks sheets. Costs are positive; the net flow is benefits less costs. " +
		"The years are the months 0–11, 12–23, ... of the horizon. Printed, the sheet shows the yearly columns; the months follow on screen. " +
		"Under each alternative, its money by kind (Money column) and the flows of the cash alone: new cash spent, the reserve " +
		"included, against the costs the company stops paying. " +
		"Month in deficit is the month's number while the cumulative flow is below zero, else −1; its total, the largest, is the last " +
		"month in deficit, from which the Comparison sheet works out payback."
	if l.valueCol > 0 {
		note += " The columns after the months hold the value in each later year of the lines that follow the cost of pain year by year."
	}
	if l.shareCol > 0 {
		note += " A benefit tied to the pain is each kind of money in the share its parts are (the columns after the months)."
	}
	s.put(2, []any{b.text(rNote, note)}, max(42, rowHeight(note, b.widthOf(widths, 1, cYear1+max(b.years, 3)-1))))
	s.merge(1, 2, cYear1+max(b.years, 3)-1, 2)

	n := lastCol
	r3, r4 := make([]any, n), make([]any, n)
	for i, h := range []string{"Line", "Value", "From month", "To month", "Every / ramp-up", "Money", "Total"} {
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
	for y := 1; l.valueCol > 0 && y < b.painYears(); y++ {
		h := "Value in year " + strconv.Itoa(y+1)
		if y == b.painYears()-1 && y < b.years-1 {
			h += " and after"
		}
		r3[l.valueCol+y-2] = b.text(rHeader, h)
		r4[l.valueCol+y-2] = b.blank(rHeader, nGeneral)
	}
	if l.shareCol > 0 {
		for k, kind := range b.painKinds() {
			for y := range b.painYears() {
				h := "Share of " + moneyName(kind)
				if b.painYears() > 1 {
					h += ", year " + strconv.Itoa(y+1)
				}
				r3[b.shareCol(k, y)-1] = b.text(rHeader, h)
				r4[b.shareCol(k, y)-1] = b.blank(rHeader, nGeneral)
			}
		}
	}
	height := 30.0
	for c, v := range r3 {
		height = max(height, rowHeight(howText(v), widths[c]))
	}
	s.put(cDateRow, r3, height)
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
	b.gateFactors(s, cols)
}

// edate is a spreadsheet's EDATE: the same day n months later, or the
// month's last day where it is shorter.
func edate(d casebuilder.Date, n int) casebuilder.Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return casebuilder.Date{Year: first.Year(), Month: first.Month(), Day: min(d.Day, last)}
}

// cashRow writes a row of a block: its label and parameters, then its
// total (the sum of the months, or the last month of a cumulative flow),
// yearly subtotals and the months, each month's formula from monthly with
// the app's values as cached results.
func (b *book) cashRow(s *sheet, row int, role role, label any, params []any, monthly func(m int) string, values []float64, total float64, cumulative bool, extra ...any) {
	n := b.cash.month0 + b.months - 1
	// The row and its months' cells are the book's, used again for every
	// row: the stream writer has written them before the next.
	if cap(b.rowBuf) < n+len(extra) {
		b.rowBuf = make([]any, n+len(extra))
		b.cellBuf = make([]excelize.Cell, b.months)
	}
	r := b.rowBuf[:n+len(extra)]
	clear(r)
	copy(r[n:], extra)
	r[cLabel-1] = label
	if role == rTotal {
		for c := cValue; c < cTotal; c++ {
			r[c-1] = b.blank(rTotal, nGeneral)
		}
	}
	copy(r[cValue-1:], params)
	first, last := b.cash.month0, b.cash.month0+b.months-1
	rs := strconv.Itoa(row)
	sum := func(c1, c2 int) string { return "SUM(" + colName(c1) + rs + ":" + colName(c2) + rs + ")" }
	if cumulative {
		r[cTotal-1] = b.formula(role, nMoney, ref(last, row), total)
	} else {
		r[cTotal-1] = b.formula(role, nMoney, sum(first, last), total)
	}
	for y := range b.years {
		m1, m2 := y*casebuilder.PeriodsPerYear, min((y+1)*casebuilder.PeriodsPerYear, b.months)-1
		var total float64
		for m := m1; m <= m2; m++ {
			total += values[m]
		}
		if cumulative {
			r[cYear1-1+y] = b.formula(role, nMoney, ref(first+m2, row), values[m2])
		} else {
			r[cYear1-1+y] = b.formula(role, nMoney, sum(first+m1, first+m2), total)
		}
	}
	style := b.style(role, nMoney)
	for m := range b.months {
		c := &b.cellBuf[m]
		*c = excelize.Cell{StyleID: style, Formula: monthly(m), Value: values[m]}
		r[first+m-1] = c
	}
	s.put(row, r, 0)
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

	put := func(row int, role role, label any, params []any, monthly func(m int) string, values []float64, total float64, cumulative bool, extra ...any) {
		b.cashRow(s, row, role, label, params, monthly, values, total, cumulative, extra...)
	}
	cum := cumulative(res.CashFlows)
	if a.DoNothing {
		s.put(bl.title+1, []any{b.text(rNote, "The baseline: every other alternative is measured against it, so its own flows are zero.")}, 0)
		s.merge(1, bl.title+1, cTotal, bl.title+1)
		zero := make([]float64, b.months)
		for _, row := range []struct {
			row   int
			label string
		}{{bl.costTotal, "Total costs"}, {bl.benefitTotal, "Total benefits"}, {bl.net, "Net flow, all kinds of money"}, {bl.cum, "Cumulative net flow, all kinds of money"}} {
			put(row.row, rTotal, b.text(rTotal, row.label), nil, func(int) string { return "0" }, zero, 0, row.row == bl.cum)
		}
		b.monthsInDeficit(s, bl.deficit, bl.cum, "Month in deficit", cols, zero)
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
	head(bl.costHead, "Costs", "Each time", "From", "To", "Every", "Money")
	for li := range a.Costs {
		k := &a.Costs[li]
		row, arow := bl.costRows[li], b.asm.costRow[ai][li]
		line := lineOf(res, casebuilder.CostLine, li)
		first, last, step := b.costSpan(k, line)
		values := make([]float64, b.months)
		for m := first; m <= last; m += step {
			values[m] = k.Amount.Likely * b.costHeads(k, m/casebuilder.PeriodsPerYear)
		}
		asm := func(col int) string { return xref(sheetAssumptions, col, arow) }
		start := line.StartMonth
		params := []any{
			b.formula(rCalc, nMoney, asm(aJ), line.Value.Likely),
			b.formula(rCalc, nInt, asm(aStart), float64(start)),
			b.formula(rCalc, nInt, fmt.Sprintf(`MIN(%s,IF(%s="",%s,%s),IF(%s="one-time",%s,%s))`,
				horizon, asm(aEnd), horizon, asm(aEnd), asm(aKind), ref(cFrom, row), horizon), float64(last)),
			b.formula(rCalc, nInt, fmt.Sprintf(`IF(%s="yearly",12,1)`, asm(aKind)), float64(step)),
			b.formula(rPlain, nGeneral, asm(aMoney), string(costMoneyOf(k))),
		}
		put(row, rCalc, b.text(rPlain, k.Name), params, b.costMonth(row, cols, k), values, line.Total, false, b.costYears(k, arow)...)
	}
	{
		values := make([]float64, b.months)
		values[0] = res.Reserve
		params := []any{
			b.formula(rCalc, nMoney, b.risk.reserve[ai], res.Reserve),
			b.number(rCalc, nInt, 0), b.number(rCalc, nInt, 0), b.number(rCalc, nInt, 1), b.text(rPlain, string(casebuilder.Cash)),
		}
		put(bl.reserve, rCalc, b.text(rPlain, "Contingency reserve (Risks sheet)"), params, b.costMonth(bl.reserve, cols, nil), values, res.Reserve, false)
	}
	put(bl.costTotal, rTotal, b.text(rTotal, "Total costs"), nil, func(m int) string {
		return fmt.Sprintf("SUM(%s%d:%s%d)", cols[m], bl.costFirst, cols[m], bl.costLast)
	}, res.Costs, res.TotalCost, false)

	head(bl.benefitHead, "Benefits", "Yearly value", "From", "To", "Ramp-up", "Money")
	for li := range a.Benefits {
		bf := &a.Benefits[li]
		row, arow := bl.benefitRows[li], b.asm.benefitRow[ai][li]
		bline := lineOf(res, casebuilder.BenefitLine, li)
		start := bline.StartMonth
		first, last := max(start, 0), b.months-1
		if bline.EndMonth != nil {
			last = min(last, *bline.EndMonth)
		}
		yearly := b.benefitYears(ai, li)
		values := make([]float64, b.months)
		for m := first; m <= last; m++ {
			values[m] = yearly[b.painYear(m/casebuilder.PeriodsPerYear)].value / casebuilder.PeriodsPerYear * rampShare(m-start, bf.RampMonths)
		}
		asm := func(col int) string { return xref(sheetAssumptions, col, arow) }
		var money any = string(benefitMoneyOf(bf))
		switch kinds := b.benefitKinds(bf); {
		case len(kinds) > 1:
			money = splitWords
		case b.tied(bf) || b.onComponent(bf):
			money = string(kinds[0])
		}
		params := []any{
			b.formula(rCalc, nMoney, asm(aJ), bline.Value.Likely),
			b.formula(rCalc, nInt, asm(aStart), float64(start)),
			b.formula(rCalc, nInt, fmt.Sprintf(`MIN(%s,IF(%s="",%s,%s))`, horizon, asm(aEnd), horizon, asm(aEnd)), float64(last)),
			b.formula(rCalc, nInt, asm(aI), float64(bf.RampMonths)),
			b.formula(rPlain, nGeneral, asm(aMoney), money),
		}
		rs := strconv.Itoa(row)
		varies := b.tied(bf) && b.cash.valueCol > 0
		monthly := func(m int) string {
			c := cols[m] + "$" + strconv.Itoa(cMonthNo)
			v := "$B" + rs
			if y := b.painYear(m / casebuilder.PeriodsPerYear); varies && y > 0 {
				v = b.yearValue(row, y)
			}
			return "IF(AND(" + c + ">=$C" + rs + "," + c + "<=$D" + rs + ")," + v + "/12*MIN(1,(" + c + "-$C" + rs + "+1)/MAX($E" + rs + ",1)),0)"
		}
		var extra []any
		if b.cash.valueCol > 0 {
			extra = make([]any, b.painYears()-1)
			for y := 1; varies && y < b.painYears(); y++ {
				extra[y-1] = b.formula(rCalc, nMoney, yearly[y].formula, yearly[y].value)
			}
		}
		extra = append(extra, b.shareCells(ai, li, row)...)
		put(row, rCalc, b.text(rPlain, bf.Name), params, monthly, values, bline.Total, false, extra...)
	}
	put(bl.benefitTotal, rTotal, b.text(rTotal, "Total benefits"), nil, func(m int) string {
		if bl.benFirst == 0 {
			return "0"
		}
		return fmt.Sprintf("SUM(%s%d:%s%d)", cols[m], bl.benFirst, cols[m], bl.benLast)
	}, res.Benefits, res.TotalBenefit, false)
	put(bl.net, rTotal, b.text(rTotal, "Net flow, all kinds of money"), nil, func(m int) string {
		return fmt.Sprintf("%s%d-%s%d", cols[m], bl.benefitTotal, cols[m], bl.costTotal)
	}, res.CashFlows, res.NetBenefit, false)
	put(bl.cum, rTotal, b.text(rTotal, "Cumulative net flow, all kinds of money"), nil, func(m int) string {
		if m == 0 {
			return fmt.Sprintf("%s%d", cols[m], bl.net)
		}
		return fmt.Sprintf("%s%d+%s%d", cols[m-1], bl.cum, cols[m], bl.net)
	}, cum, cum[len(cum)-1], true)
	b.monthsInDeficit(s, bl.deficit, bl.cum, "Month in deficit", cols, cum)
	b.kindRows(s, ai, cols)
}

// cumulative returns the running sums of flows.
func cumulative(flows []float64) []float64 {
	out := make([]float64, len(flows))
	var running float64
	for m, f := range flows {
		running += f
		out[m] = running
	}
	return out
}

// costMonth is the formula of a cost in month m: the amount each time, in
// the months from the first to the last, every so many months; for a
// per-head cost whose heads follow an input or a formula of the pain
// calculator year by year (k), that year's amount each time (a helper
// cell).
func (b *book) costMonth(row int, cols []string, k *casebuilder.Cost) func(m int) string {
	rs := strconv.Itoa(row)
	yearly := k != nil && b.headsVary(k)
	return func(m int) string {
		c := cols[m] + "$" + strconv.Itoa(cMonthNo)
		v := "$B" + rs
		if y := b.painYear(m / casebuilder.PeriodsPerYear); yearly && y > 0 {
			v = b.yearValue(row, y)
		}
		return "IF(AND(" + c + ">=$C" + rs + "," + c + "<=$D" + rs + ",MOD(" + c + "-$C" + rs + ",$E" + rs + ")=0)," + v + ",0)"
	}
}

// headsVary reports whether a cost's heads follow the calculator year by
// year.
func (b *book) headsVary(k *casebuilder.Cost) bool {
	return k.PerHead && k.HeadsFrom != "" && b.cash.valueCol > 0
}

// costYears are a cost line's helper cells of its amount each time in
// each year of the calculator after the first: the amount used times the
// year's heads, for a per-head cost whose heads follow the calculator;
// empty for any other (its amount is the Value column's every year). arow
// is its row on the Assumptions sheet.
func (b *book) costYears(k *casebuilder.Cost, arow int) []any {
	if b.cash.valueCol == 0 {
		return nil
	}
	out := make([]any, b.painYears()-1)
	for y := 1; b.headsVary(k) && y < b.painYears(); y++ {
		heads := b.headsFor(k.HeadsFrom, y)
		f := fmt.Sprintf(`%s*IF(%s="Yes",%s,1)`, xref(sheetAssumptions, aUsed, arow), xref(sheetAssumptions, aD, arow), heads.formula)
		out[y-1] = b.formula(rCalc, nMoney, f, k.Amount.Likely*heads.value)
	}
	return out
}

// costSpan returns the months a cost is paid in, as Case Builder pays it:
// from the start month (fixed, or where its anchor places it: line, its
// result) to the end month or the horizon, every month or every twelve,
// once for a one-time cost.
func (b *book) costSpan(k *casebuilder.Cost, line *casebuilder.LineResult) (first, last, step int) {
	first, last, step = max(line.StartMonth, 0), b.months-1, 1
	if line.EndMonth != nil {
		last = min(last, *line.EndMonth)
	}
	switch k.Kind {
	case casebuilder.OneTime:
		last = min(last, first)
	case casebuilder.Yearly:
		step = casebuilder.PeriodsPerYear
	}
	return first, last, step
}

// costHeads returns the heads of each occurrence of a cost line in year y
// of the horizon, at the likely values.
func (b *book) costHeads(k *casebuilder.Cost, y int) float64 {
	switch {
	case !k.PerHead:
		return 1
	case k.HeadsFrom != "":
		return b.headsFor(k.HeadsFrom, y).value
	}
	return k.Heads
}

// cellValue is a formula and its value.
type cellValue struct {
	formula string
	value   float64
}

// headsFor returns the heads a per-head cost takes from an input or a
// formula of the pain calculator in year y of the horizon: its cell on the
// Cost of pain sheet (its defined name in year 1), with its likely value;
// none when the case has no calculator to give them.
func (b *book) headsFor(key string, y int) cellValue {
	row, ok := b.pain.row[key]
	if !ok || b.model == nil {
		return cellValue{"0", 0}
	}
	v := b.model.value(b.today[b.painYear(y)], key)
	if y == 0 || b.pain.cols == 1 {
		return cellValue{b.keyName(key), v}
	}
	return cellValue{xref(sheetPain, b.painCol(y), row), v}
}

// keyLabel is the label of a calculator input or formula, in lower case.
func (b *book) keyLabel(key string) string {
	for _, st := range b.working {
		if st.Key == key {
			return strings.ToLower(st.Label)
		}
	}
	return key
}

// benefitYears returns, for each year of the calculator, the cell that
// holds a benefit line's yearly value at full effect in that year and
// that value at the likely values: what its change avoids, for a line tied
// to an input; its share of the cost of pain counted, for a share; the
// same every year, for an amount.
func (b *book) benefitYears(ai, li int) []cellValue {
	bf := &b.c.Alternatives[ai].Benefits[li]
	out := make([]cellValue, b.painYears())
	value := lineValue(&b.res.Alternatives[ai], casebuilder.BenefitLine, li)
	arow := b.asm.benefitRow[ai][li]
	for y := range out {
		out[y] = cellValue{xref(sheetAssumptions, aJ, arow), value}
		switch {
		case !b.tied(bf):
		case bf.Basis == casebuilder.BenefitPainShare:
			out[y] = cellValue{xref(sheetAssumptions, aUsed, arow) + "*" + b.countedCell(y), bf.Share.Likely * b.counted(y)}
		default:
			if at, ok := b.attr.index[[2]int{ai, li}]; ok {
				out[y] = cellValue{b.attr.avoided[[2]int{ai, li}][y], b.attr.avoidedVals[at][y]}
			}
		}
	}
	return out
}

// shareCells are the helper cells of a benefit line beyond the months: the
// share of each kind of money in its value in each year of the
// calculator, for a line tied to the pain; none for any other line, which
// is of its own kind (Money column).
func (b *book) shareCells(ai, li, row int) []any {
	l := &b.cash
	if l.shareCol == 0 {
		return nil
	}
	bf := &b.c.Alternatives[ai].Benefits[li]
	m := b.model
	years := b.painYears()
	kinds := b.painKinds()
	out := make([]any, len(kinds)*years)
	if !b.tied(bf) {
		return out
	}
	at, isInput := b.attr.index[[2]int{ai, li}]
	for k := range kinds {
		for y := range years {
			var f string
			var v float64
			switch {
			case isInput && (k >= len(m.kinds) || len(m.kinds) == 1):
				// A kind only components have, which the calculator's
				// change avoids none of; or a calculator of one kind
				// of money, which the line's Money cell names.
				f = "0"
			case isInput:
				whole, part := "$B"+strconv.Itoa(row), b.attr.kinds[[2]int{ai, li}][y][k]
				if y > 0 {
					whole = b.yearValue(row, y)
				}
				f = fmt.Sprintf("IF(%s=0,0,%s/%s)", whole, part, whole)
				if w := b.attr.avoidedVals[at][y]; w != 0 {
					v = b.attr.kindVals[at][y][k] / w
				}
			default:
				whole, part := b.countedCell(y), xref(sheetPain, b.painCol(y), b.pain.kindRows[k])
				f = fmt.Sprintf("IF(%s=0,0,%s/%s)", whole, part, whole)
				if w := b.counted(y); w != 0 {
					v = b.painKindValues(y)[k] / w
				}
			}
			out[k*years+y] = b.formula(rCalc, nPercent, f, v)
		}
	}
	return out
}

// rampShare is the share of full effect of a benefit k months after its
// start, as Case Builder ramps it: (k+1)/ramp until full.
func rampShare(k, ramp int) float64 {
	if ramp <= 0 || k+1 >= ramp {
		return 1
	}
	return float64(k+1) / float64(ramp)
}

// kindLabels say what each row of the money by kind holds.
var kindLabels = map[casebuilder.MoneyKind][2]string{
	casebuilder.Cash:         {"New cash spent (the reserve included)", "Cash saved: costs the company stops paying"},
	casebuilder.PeopleTime:   {"Time of people already paid", ""},
	casebuilder.Margin:       {"", "Margin on additional sales"},
	casebuilder.Avoidance:    {"", "Cost avoidance"},
	casebuilder.Productivity: {"", "Productivity: time freed"},
}

// kindRows writes an alternative's money by kind, month by month: its
// costs by the Money column of their rows (SUMIF), its benefits likewise,
// those tied to the pain split by the shares of their kinds (SUMPRODUCT
// with the helper columns of the year); then the net flow of the cash
// alone, its cumulative flow and the months it is in deficit.
func (b *book) kindRows(s *sheet, ai int, cols []string) {
	bl := b.cash.blocks[ai]
	res := &b.res.Alternatives[ai]
	s.put(bl.kindHead, []any{b.text(rBold, "By kind of money")}, 0)
	zero := make([]float64, b.months)
	flowsOf := func(of map[casebuilder.MoneyKind][]float64, k casebuilder.MoneyKind) []float64 {
		if f := of[k]; len(f) == b.months {
			return f
		}
		return zero
	}
	sum := func(v []float64) float64 {
		var t float64
		for _, x := range v {
			t += x
		}
		return t
	}
	for i, k := range casebuilder.CostKinds {
		values := flowsOf(res.CostsOf, k)
		// The kind is the row's own Money cell, which SUMIF looks for.
		crit, first, last := "$F"+strconv.Itoa(bl.costKind[i]), "$"+strconv.Itoa(bl.costFirst), "$"+strconv.Itoa(bl.costLast)
		monthly := func(m int) string {
			return "SUMIF($F" + first + ":$F" + last + "," + crit + "," + cols[m] + first + ":" + cols[m] + last + ")"
		}
		b.cashRow(s, bl.costKind[i], rCalc, b.text(rPlain, kindLabels[k][0]), []any{nil, nil, nil, nil, b.text(rPlain, string(k))}, monthly, values, sum(values), false)
	}
	for i, k := range casebuilder.BenefitKinds {
		values := flowsOf(res.BenefitsOf, k)
		share := -1
		if b.cash.shareCol > 0 {
			share = slices.Index(b.painKinds(), k)
		}
		crit, first, last := "$F"+strconv.Itoa(bl.benefitKind[i]), "$"+strconv.Itoa(bl.benFirst), "$"+strconv.Itoa(bl.benLast)
		monthly := func(m int) string {
			if bl.benFirst == 0 {
				return "0"
			}
			f := "SUMIF($F" + first + ":$F" + last + "," + crit + "," + cols[m] + first + ":" + cols[m] + last + ")"
			if share >= 0 {
				c := "$" + colName(b.shareCol(share, b.painYear(m/casebuilder.PeriodsPerYear)))
				f += "+SUMPRODUCT(" + cols[m] + first + ":" + cols[m] + last + "," + c + first + ":" + c + last + ")"
			}
			return f
		}
		b.cashRow(s, bl.benefitKind[i], rCalc, b.text(rPlain, kindLabels[k][1]), []any{nil, nil, nil, nil, b.text(rPlain, string(k))}, monthly, values, sum(values), false)
	}
	costs, benefits := flowsOf(res.CostsOf, casebuilder.Cash), flowsOf(res.BenefitsOf, casebuilder.Cash)
	net := make([]float64, b.months)
	for m := range net {
		net[m] = benefits[m] - costs[m]
	}
	b.cashRow(s, bl.cashNet, rTotal, b.text(rTotal, "Net cash flow, cash alone"), nil, func(m int) string {
		return fmt.Sprintf("%s%d-%s%d", cols[m], bl.benefitKind[0], cols[m], bl.costKind[0])
	}, net, sum(net), false)
	cum := cumulative(net)
	b.cashRow(s, bl.cashCum, rTotal, b.text(rTotal, "Cumulative net cash flow, cash alone"), nil, func(m int) string {
		if m == 0 {
			return fmt.Sprintf("%s%d", cols[m], bl.cashNet)
		}
		return fmt.Sprintf("%s%d+%s%d", cols[m-1], bl.cashCum, cols[m], bl.cashNet)
	}, cum, cum[len(cum)-1], true)
	b.monthsInDeficit(s, bl.cashDeficit, bl.cashCum, "Month in deficit, cash alone", cols, cum)
}

// monthsInDeficit writes a helper row for payback: each month's number
// while the cumulative flow of row cumRow is below zero, else −1, and in
// the total column their largest, the last month in deficit (−1 for
// none). It is a plain MAX of a row, so that every spreadsheet computes it
// alike, where a formula over the comparison of a range would depend on
// array evaluation. cum are the app's cumulative flows.
func (b *book) monthsInDeficit(s *sheet, row, cumRow int, label string, cols []string, cum []float64) {
	n := b.cash.month0 + b.months - 1
	r := make([]any, n)
	r[cLabel-1] = b.text(rNote, label)
	last := -1
	for m := range b.months {
		v := -1.0
		if cum[m] < 0 {
			v, last = float64(m), m
		}
		r[b.cash.month0+m-1] = b.formula(rKey, nInt, fmt.Sprintf("IF(%s%d<0,%s$%d,-1)", cols[m], cumRow, cols[m], cMonthNo), v)
	}
	r[cTotal-1] = b.formula(rKey, nInt, fmt.Sprintf("MAX(%s:%s)", ref(b.cash.month0, row), ref(n, row)), float64(last))
	s.put(row, r, 0)
}

// gateFactors writes the helper rows of the stage gates: each month's
// discount factor, and for each gate the factors of the months from its
// decision on (zero before), with which the Stage gates sheet works out
// the present value of what stopping there takes away.
func (b *book) gateFactors(s *sheet, cols []string) {
	l := &b.cash
	if l.discount == 0 {
		return
	}
	n := l.month0 + b.months - 1
	s.put(l.discount-1, []any{b.text(rBold, "Stage gates (see the Stage gates sheet)")}, 0)
	factors := casebuilder.DiscountFactors(b.c.DiscountRate, b.months)
	r := make([]any, n)
	r[cLabel-1] = b.text(rNote, "Discount factor: (1 + DiscountRate)^(−month/12)")
	for m := range b.months {
		r[l.month0+m-1] = b.formula(rKey, nRatio, fmt.Sprintf("(1+%s)^(-%s$%d/12)", nameDiscountRate, cols[m], cMonthNo), factors[m])
	}
	s.put(l.discount, r, 0)
	for g, row := range l.gateRows {
		gate := &b.c.Plan.Gates[g]
		month := b.res.Gates[g].Month
		r := make([]any, n)
		label := "From the decision month of " + gate.Name
		r[cLabel-1] = b.text(rNote, label)
		for m := range b.months {
			v := 0.0
			if m >= month {
				v = factors[m]
			}
			r[l.month0+m-1] = b.formula(rKey, nRatio, fmt.Sprintf("IF(%s$%d>=%s,%s$%d,0)", cols[m], cMonthNo, b.gateMonthCell(g), cols[m], l.discount), v)
		}
		s.put(row, r, rowHeight(label, b.widthOf(s.widths, cLabel, cLabel)))
	}
}
