package workbook

import (
	"fmt"
	"strconv"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Fiscal years sheet: every alternative's money by the company's
// fiscal years, by kind, as a CFO budgets it: new cash against the time of
// people already paid, and the cash saved, the margin, the cost avoidance
// and the productivity, then the budget the ask asks for (all the new cash,
// or what falls before the gate the ask stops at). Each figure is a formula
// on the Cash flows sheet's rows by kind; the fiscal years follow the
// FiscalYearStart and StartDate cells of the Assumptions sheet.
const (
	fyLabel    = 1
	fyTotal    = 2
	fyFirstCol = 3

	fyOffsetRow = 4 // how far into its fiscal year month 0 falls
	fyAskRow    = 5 // the months the ask covers
	fyHeadRow   = 7 // the fiscal years' names
	fyFromRow   = 8 // their first months
	fyToRow     = 9 // and last months
	fyBlockRow  = 11
)

// fiscalColumns is how many fiscal years the horizon can straddle, whatever
// month the fiscal year starts in.
func (b *book) fiscalColumns() int {
	return (b.months + 2*casebuilder.PeriodsPerYear - 2) / casebuilder.PeriodsPerYear
}

// askEnd is the month before which the ask covers the new cash, as Case
// Builder counts it: the horizon, or the decision month of the gate the
// ask stops at.
func (b *book) askEnd() (string, float64) {
	f, v := nameHorizon, float64(b.months)
	if id := b.c.Ask.UpToGate; id != "" {
		for g, gate := range b.c.Plan.Gates {
			if gate.ID == id && g < len(b.res.Gates) {
				month := b.gateMonthCell(g)
				f = fmt.Sprintf("IF(%s>=0,MIN(%s,%s),%s)", month, month, nameHorizon, nameHorizon)
				if m := b.res.Gates[g].Month; m >= 0 {
					v = float64(min(m, b.months))
				}
			}
		}
	}
	return f, v
}

func (b *book) writeFiscalYears() {
	n := b.fiscalColumns()
	last := fyFirstCol + n - 1
	widths := []float64{44, 15}
	for range n {
		widths = append(widths, 14)
	}
	s := b.open(sheetFiscal, sheetSetup{widths: widths, freezeCol: fyFirstCol, freezeRow: fyToRow + 1, titleRows: fyToRow, tab: "2F75B5"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "The money by fiscal year")}, 24)
	note := "Each alternative's costs and benefits by the company's fiscal years, by kind of money, as formulas on the Cash flows sheet: " +
		"new cash (the contingency reserve included) against the time of people already paid, and the cash the company stops paying, " +
		"margin on additional sales, cost avoidance and productivity. The first fiscal year is the one month 0 falls in (in part, unless " +
		"the horizon starts on its first month); change FiscalYearStart or StartDate on the Assumptions sheet and the years follow. " +
		"Budget asked is the new cash the ask asks for in the year."
	s.wide(2, last, rNote, note)

	years := casebuilder.FiscalYears(b.c, b.res, max(b.res.Recommended, 0))
	offset := 0
	if !b.c.StartDate.IsZero() {
		offset = (int(b.c.StartDate.Month) - b.fiscalStart() + 12) % 12
	}
	s.put(fyOffsetRow, []any{b.text(rBold, "Months of the first fiscal year before month 0"),
		b.formula(rCalc, nInt, fmt.Sprintf(`IF(%s="",0,MOD(MONTH(%s)-%s+12,12))`, nameStartDate, nameStartDate, nameFiscalYearStart), float64(offset))}, 0)
	askF, askV := b.askEnd()
	s.put(fyAskRow, []any{b.text(rBold, "The ask covers the months before month"), b.formula(rCalc, nInt, askF, askV)}, 0)
	off, ask := abs(fyTotal, fyOffsetRow), abs(fyTotal, fyAskRow)

	head, from, to := make([]any, last), make([]any, last), make([]any, last)
	head[fyLabel-1], head[fyTotal-1] = b.text(rHeader, "Fiscal year"), b.text(rHeader, "Total")
	from[fyLabel-1], to[fyLabel-1] = b.text(rNote, "First month"), b.text(rNote, "Last month")
	for i := range n {
		c := fyFirstCol + i
		first := "0"
		if i > 0 {
			first = fmt.Sprintf("%d-%s", casebuilder.PeriodsPerYear*i, off)
		}
		exists := fmt.Sprintf("%s<=%s-1", first, nameHorizon)
		// The calendar year the fiscal year starts in.
		year := fmt.Sprintf("YEAR(%s)-IF(MONTH(%s)<%s,1,0)+%d", nameStartDate, nameStartDate, nameFiscalYearStart, i)
		label := fmt.Sprintf(`IF(%s="","Year %d",IF(%s=1,(%s)&"",(%s)&"/"&TEXT(MOD(%s+1,100),"00")))`,
			nameStartDate, i+1, nameFiscalYearStart, year, year, year)
		var cl, cf, ct any = "", "", ""
		if i < len(years) {
			cl, cf, ct = years[i].Label, float64(years[i].First), float64(years[i].Last)
		}
		head[c-1] = b.formula(rHeader, nGeneral, fmt.Sprintf(`IF(%s,%s,"")`, exists, label), cl)
		from[c-1] = b.formula(rKey, nInt, fmt.Sprintf(`IF(%s,%s,"")`, exists, first), cf)
		to[c-1] = b.formula(rKey, nInt, fmt.Sprintf(`IF(%s,MIN(%d-%s-1,%s-1),"")`, exists, casebuilder.PeriodsPerYear*(i+1), off, nameHorizon), ct)
	}
	s.put(fyHeadRow, head, 30)
	s.put(fyFromRow, from, 0)
	s.put(fyToRow, to, 0)

	m0, mN := b.cash.month0, b.cash.month0+b.months-1
	months := xrange(sheetCash, m0, cMonthNo, mN, cMonthNo)
	row := fyBlockRow
	for ai, a := range b.c.Alternatives {
		if a.DoNothing {
			continue
		}
		bl := b.cash.blocks[ai]
		fys := casebuilder.FiscalYears(b.c, b.res, ai)
		res := &b.res.Alternatives[ai]
		bandRole := rBand
		if ai == b.res.Recommended {
			bandRole = rHighlight
		}
		band := make([]any, last)
		for i := range band {
			band[i] = b.blank(bandRole, nGeneral)
		}
		band[0] = b.text(bandRole, a.Name)
		s.put(row, band, rowHeight(a.Name, widths[0]))
		row++
		sumOver := func(first, last int, f []float64) float64 {
			var t float64
			for m := first; m <= last && m < len(f); m++ {
				t += f[m]
			}
			return t
		}
		for _, ln := range []struct {
			label   string
			cashRow int
			role    role
			budget  bool
			value   func(fy casebuilder.FiscalYear) float64
		}{
			{"New cash spent (the reserve included)", bl.costKind[0], rCalc, false, func(fy casebuilder.FiscalYear) float64 { return fy.NewCash }},
			{"Time of people already paid", bl.costKind[1], rCalc, false, func(fy casebuilder.FiscalYear) float64 { return fy.PeopleTime }},
			{"Total costs", bl.costTotal, rTotal, false, func(fy casebuilder.FiscalYear) float64 { return sumOver(fy.First, fy.Last, res.Costs) }},
			{"Cash saved: costs the company stops paying", bl.benefitKind[0], rCalc, false, func(fy casebuilder.FiscalYear) float64 { return fy.CashSaved }},
			{"Margin on additional sales", bl.benefitKind[1], rCalc, false, func(fy casebuilder.FiscalYear) float64 { return fy.Margin }},
			{"Cost avoidance", bl.benefitKind[2], rCalc, false, func(fy casebuilder.FiscalYear) float64 { return fy.Avoidance }},
			{"Productivity: time freed", bl.benefitKind[3], rCalc, false, func(fy casebuilder.FiscalYear) float64 { return fy.Productivity }},
			{"Total benefits", bl.benefitTotal, rTotal, false, func(fy casebuilder.FiscalYear) float64 { return sumOver(fy.First, fy.Last, res.Benefits) }},
			{"Budget asked: the new cash the ask covers", bl.costKind[0], rTotal, true, func(fy casebuilder.FiscalYear) float64 { return fy.Budget }},
		} {
			r := make([]any, last)
			r[fyLabel-1] = b.text(ln.role, ln.label)
			flows := xrange(sheetCash, m0, ln.cashRow, mN, ln.cashRow)
			var total float64
			for i := range n {
				c := colName(fyFirstCol + i)
				first, lastM := c+"$"+strconv.Itoa(fyFromRow), c+"$"+strconv.Itoa(fyToRow)
				upTo, before := lastM, first
				if ln.budget {
					upTo, before = fmt.Sprintf("MIN(%s,%s-1)", lastM, ask), fmt.Sprintf("MIN(%s,%s)", first, ask)
				}
				f := fmt.Sprintf(`IF(%s="","",SUMIF(%s,"<="&%s,%s)-SUMIF(%s,"<"&%s,%s))`, first, months, upTo, flows, months, before, flows)
				var v any = ""
				if i < len(fys) {
					x := ln.value(fys[i])
					v, total = x, total+x
				}
				r[fyFirstCol-1+i] = b.formula(ln.role, nMoney, f, v)
			}
			r[fyTotal-1] = b.formula(ln.role, nMoney, fmt.Sprintf("SUM(%s:%s)", ref(fyFirstCol, row), ref(last, row)), total)
			s.put(row, r, 0)
			row++
		}
		row++
	}
	if row == fyBlockRow {
		s.put(row, []any{b.text(rNote, "The case has no alternative to doing nothing yet, so there is no money to show.")}, 0)
	}
}
