package workbook

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Comparison sheet: every alternative's figures, each a formula on its
// cash flows. The Summary's table shows them.
const (
	mName = iota + 1
	mTotalCost
	mTotalBenefit
	mNet
	mPVCost
	mPVBenefit
	mNPV
	mIRR
	mROI
	mBCR
	mPayback
	mPaidBack // the month paid back in, as the brief and the app say it
	mReserve
	mDeficit   // the last month whose cumulative flow is negative, for payback
	mIRRSearch // the monthly IRR the spreadsheet finds, for IRR
)

const (
	cmpHeadRow  = 4
	cmpFirstRow = 5
)

type comparisonLayout struct {
	last int // the last alternative's row
	// cashHead is the header of the table of the cash alone, whose rows
	// follow, and kindHead that of the totals by kind of money.
	cashHead, kindHead int
}

func (b *book) planComparison() {
	l := &b.cmp
	l.last = cmpFirstRow + len(b.c.Alternatives) - 1
	// After the notes on how each figure is worked out: the cash alone,
	// then the totals by kind, each a heading, a note and a header.
	l.cashHead = l.last + 2 + len(comparisonNotes) + 4
	l.kindHead = l.cashHead + len(b.c.Alternatives) + 4
}

// cmpRef is a cell of the Comparison sheet.
func cmpRef(col, row int) string { return xref(sheetComparison, col, row) }

func (b *book) writeComparison() {
	s := b.open(sheetComparison, sheetSetup{widths: []float64{40, 14, 14, 14, 14, 14, 14, 10, 10, 9, 11, 12, 14, 13, 13},
		freezeCol: 2, freezeRow: cmpFirstRow, titleRows: cmpHeadRow, tab: "548235"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Comparison of the alternatives")}, 24)
	s.put(2, []any{b.text(rSubtitle, "Each alternative's figures, incremental to doing nothing, as formulas on its monthly flows on the Cash flows sheet. "+
		"n/a where a figure does not exist: no costs (ROI, BCR), flows that never change sign (IRR), no payback within the horizon.")}, 0)
	header := []string{"Alternative", "Total cost", "Total benefit", "Net benefit", "PV of costs", "PV of benefits", "NPV", "IRR",
		"ROI", "BCR", "Payback (months)", "Paid back in", "Contingency reserve (in the costs)", "Last month in deficit", "Monthly IRR found"}
	r := make([]any, len(header))
	for i, h := range header {
		r[i] = b.text(rHeader, h)
	}
	s.put(cmpHeadRow, r, 45)

	for ai := range b.c.Alternatives {
		row := cmpFirstRow + ai
		bl := b.cash.blocks[ai]
		res := &b.res.Alternatives[ai]
		role := rCalc
		if ai == b.res.Recommended {
			role = rHighlight
		}
		d := ref(mDeficit, row)
		deficit := lastDeficit(res.CashFlows)
		r := make([]any, mIRRSearch)
		r[mName-1] = b.text(role, b.c.Alternatives[ai].Name)
		b.figureCells(r, role, row, &res.Figures, figureSource{costs: bl.costTotal, benefits: bl.benefitTotal, net: bl.net, cum: bl.cum,
			searchCol: mIRRSearch, deficitCol: mDeficit})
		r[mPaidBack-1] = b.paidBack(role, ref(mPayback, row), d, res.CashFlows)
		if bl.baseline {
			r[mReserve-1] = b.formula(role, nMoney, "0", 0.0)
		} else {
			r[mReserve-1] = b.formula(role, nMoney, xref(sheetCash, cValue, bl.reserve), res.Reserve)
		}
		r[mDeficit-1] = b.formula(rKey, nInt, xref(sheetCash, cTotal, bl.deficit), float64(deficit))
		s.put(row, r, 0)
	}
	row := b.cmp.last + 2
	s.put(row, []any{b.text(rSection, "How each figure is worked out")}, 20)
	for _, line := range comparisonNotes {
		row++
		s.put(row, []any{b.text(rWrap, line)}, rowHeight(line, 160))
		s.merge(1, row, mIRRSearch, row)
	}
	b.writeCashComparison(s)
}

// summaryGate writes, on the Summary at row *row, how and when the
// programme would be stopped: its first stage gate, the month of the
// decision, who decides, what is spent by then and the NPV if it stops
// there, as formulas on the Stage gates sheet.
func (b *book) summaryGate(s *sheet, row *int) {
	if len(b.res.Gates) == 0 {
		return
	}
	gate, gr := &b.c.Plan.Gates[0], b.res.Gates[0]
	text := "The first stage gate: " + gate.Name
	if gate.DecidedBy != "" {
		text += ", decided by " + gate.DecidedBy
	}
	text += "; the programme goes on only if its thresholds are met (Stage gates sheet)."
	r := make([]any, sumWidth)
	r[0], r[2] = b.text(rBold, "First stage gate on"), b.text(rWrap, text)
	date := xref(sheetGates, gDate, gatesFirstRow)
	r[1] = b.formula(rCalc, nDate, fmt.Sprintf(`IF(%s="","",%s)`, date, date), b.gateDate(gate))
	s.put(*row, r, rowHeight(text, b.widthOf(s.widths, 3, sumWidth)))
	s.merge(3, *row, sumWidth, *row)
	*row++
	for _, l := range []struct {
		label string
		col   int
		value float64
	}{{"Spent before the first gate", gSpent, gr.SpentBefore}, {"NPV if stopped at the first gate", gNPV, gr.NetIfStopped}} {
		r := make([]any, 2)
		r[0], r[1] = b.text(rBold, l.label), b.formula(rCalc, nMoney, xref(sheetGates, l.col, gatesFirstRow), l.value)
		s.put(*row, r, 0)
		*row++
	}
}

// figureSource is where a row of an alternative's figures on the
// Comparison sheet comes from: the rows of its block on the Cash flows
// sheet of its total costs, total benefits, net flow and cumulative net
// flow; the rates its IRR search starts from after irrGuesses; and the
// row's columns of its monthly IRR and of its last month in deficit.
type figureSource struct {
	costs, benefits, net, cum int
	guesses                   []string
	searchCol, deficitCol     int
}

// figureCells writes an alternative's figures, total cost to payback, in
// row of a table of the Comparison sheet whose columns are the
// Comparison's own up to mPayback (its table of the cash alone has them
// too), each a formula on the rows of the Cash flows sheet that src names,
// with the app's figures fig as cached results; and its monthly IRR, a
// helper cell.
func (b *book) figureCells(r []any, role role, row int, fig *casebuilder.Figures, src figureSource) {
	m0, mN := b.cash.month0, b.cash.month0+b.months-1
	flows, cum := xrange(sheetCash, m0, src.net, mN, src.net), xrange(sheetCash, m0, src.cum, mN, src.cum)
	r[mTotalCost-1] = b.formula(role, nMoney, xref(sheetCash, cTotal, src.costs), fig.TotalCost)
	r[mTotalBenefit-1] = b.formula(role, nMoney, xref(sheetCash, cTotal, src.benefits), fig.TotalBenefit)
	r[mNet-1] = b.formula(role, nMoney, ref(mTotalBenefit, row)+"-"+ref(mTotalCost, row), fig.NetBenefit)
	r[mPVCost-1] = b.formula(role, nMoney, b.presentValue(src.costs), fig.PVCost)
	r[mPVBenefit-1] = b.formula(role, nMoney, b.presentValue(src.benefits), fig.PVBenefit)
	r[mNPV-1] = b.formula(role, nMoney, b.presentValue(src.net), fig.NPV)
	// IRR starts its search at 0, then lower (see irrGuesses). The
	// monthly rate found is a helper cell, and IRR is its yearly rate
	// within the range Case Builder searches (casebuilder.IRR: −99.99 % to
	// 10^24 a year, a monthly 0.0001^(1/12) − 1 to 99), n/a outside it,
	// where some spreadsheets find a root and others do not.
	var monthly any = na
	if fig.IRR != nil {
		monthly = monthlyIRR(*fig.IRR)
	}
	r[src.searchCol-1] = b.formula(rKey, nPercent, irrSearch(flows, src.guesses...), monthly)
	h := ref(src.searchCol, row)
	r[mIRR-1] = b.formula(role, nPercent, fmt.Sprintf(`IF(ISNUMBER(%s),IF(OR(%s<0.0001^(1/12)-1,%s>99),"%s",(1+%s)^12-1),"%s")`,
		h, h, h, na, h, na), maybe(fig.IRR))
	r[mROI-1] = b.formula(role, nPercent, fmt.Sprintf(`IF(%s>0,%s/%s,"%s")`, ref(mTotalCost, row), ref(mNet, row), ref(mTotalCost, row), na), maybe(fig.ROI))
	r[mBCR-1] = b.formula(role, nRatio, fmt.Sprintf(`IF(%s>0,%s/%s,"%s")`, ref(mPVCost, row), ref(mPVBenefit, row), ref(mPVCost, row), na), maybe(fig.BCR))
	d := ref(src.deficitCol, row)
	r[mPayback-1] = b.formula(role, nOneDec, fmt.Sprintf(`IF(COUNTIF(%s,"<>0")=0,"%s",IF(%s<0,0,IF(%s>=%d,"%s",%s-INDEX(%s,1,%s+1)/INDEX(%s,1,%s+2))))`,
		flows, na, d, d, b.months-1, na, d, cum, d, flows, d), maybe(fig.PaybackMonths))
}

// presentValue is the formula of the present value of a row of the Cash
// flows sheet's monthly flows with month 0 at the start: Excel's NPV
// discounts its first value by a month.
func (b *book) presentValue(row int) string {
	m0, mN := b.cash.month0, b.cash.month0+b.months-1
	if b.months == 1 {
		return xref(sheetCash, m0, row)
	}
	return fmt.Sprintf("%s+NPV(%s,%s)", xref(sheetCash, m0, row), nameMonthlyRate, xrange(sheetCash, m0+1, row, mN, row))
}

// monthlyIRR is the monthly rate equal to a yearly IRR.
func monthlyIRR(yearly float64) float64 {
	return math.Pow(1+yearly, 1.0/casebuilder.PeriodsPerYear) - 1
}

// irrGuesses are where the IRR formulas start their searches, in turn
// until one converges: at a zero rate first, which finds the root nearest
// zero that Case Builder reports, then further and further below it.
// Newton's method, which spreadsheets use, can fail from 0 for a negative
// rate even a few per cent a month away (a monthly −5.5 %, found from
// −5 %), and a rate near −100 % is found only from close to it.
var irrGuesses = []string{"0", "-0.02", "-0.05", "-0.1", "-0.2", "-0.35", "-0.5", "-0.7", "-0.9"}

// irrSearch is the formula of the monthly IRR of the flows in the range
// flows: the first rate found from irrGuesses, then from the extra
// guesses, or "n/a" when none is found or the flows never change sign. Spreadsheets do not agree on flows that
// never change sign (Gnumeric finds 0 % for flows that are all zero), so
// the formula says it itself.
func irrSearch(flows string, extra ...string) string {
	search := fmt.Sprintf(`"%s"`, na)
	for _, guess := range slices.Backward(slices.Concat(irrGuesses, extra)) {
		search = fmt.Sprintf("IFERROR(IRR(%s,%s),%s)", flows, guess, search)
	}
	return fmt.Sprintf(`IF(OR(COUNTIF(%s,">0")=0,COUNTIF(%s,"<0")=0),"%s",%s)`, flows, flows, na, search)
}

// comparisonNotes say how each figure of the Comparison is worked out.
var comparisonNotes = []string{
	"Total cost, total benefit: the sums of the monthly costs and benefits over the horizon, undiscounted; net benefit is their difference.",
	"PV of costs, PV of benefits, NPV: month 0's flow plus Excel's NPV of months 1 onwards at the monthly rate equal to the yearly discount rate, " +
		"(1 + DiscountRate)^(1/12) − 1: the sum of every flow divided by (1 + DiscountRate)^(month/12).",
	"IRR: Excel's IRR of the monthly net flows (Monthly IRR found), starting its search at 0 (and, should that fail, at a monthly " +
		"−2 %, −5 %, −10 %, −20 %, −35 %, −50 %, −70 % and −90 % in turn), as a yearly rate: (1 + monthly IRR)^12 − 1; n/a when the flows never change sign or no rate from −99.99 % a year is found.",
	"ROI: net benefit divided by total cost, undiscounted. BCR: present value of benefits divided by present value of costs.",
	"Payback (months): when the cumulative net flow turns non-negative for good, interpolated on the month numbers: the last month in deficit plus " +
		"its cumulative deficit divided by the next month's net flow.",
	casebuilder.PaybackConvention + " It is the month after the last month in deficit: a payback of 12.0 months, between month 12 and " +
		"month 13, is paid back in month 13, as the brief and Case Builder say it.",
	"Doing nothing is the baseline every figure is measured against, so its own figures are zero and its ratios n/a.",
}

// paidBack is the cell of the month an alternative is paid back in: the
// month after the last month in deficit (cell deficit) when it is paid
// back (its payback, cell payback, is a number), as a calendar month when
// the case has a start date, as a month number otherwise.
func (b *book) paidBack(r role, payback, deficit string, flows []float64) any {
	month := deficit + "+1"
	if !b.c.StartDate.IsZero() {
		month = fmt.Sprintf("EDATE(%s,%s+1)", nameStartDate, deficit)
	}
	return b.formula(r, b.paidBackFormat(), fmt.Sprintf(`IF(ISNUMBER(%s),%s,"%s")`, payback, month, na), b.paidBackValue(flows))
}

// paidBackFormat is the number format of the month paid back in.
func (b *book) paidBackFormat() numFmt {
	if b.c.StartDate.IsZero() {
		return nInt
	}
	return nMonth
}

// paidBackValue is the month flows are paid back in, as the cell holds it:
// a date, a month number, or "n/a".
func (b *book) paidBackValue(flows []float64) any {
	m, ok := casebuilder.PaybackMonth(flows)
	switch {
	case !ok:
		return na
	case b.c.StartDate.IsZero():
		return float64(m)
	}
	return serial(edate(b.c.StartDate, m))
}

// lastDeficit returns the last month whose cumulative flow is negative, or
// -1 when there is none.
func lastDeficit(flows []float64) int {
	last := -1
	var cum float64
	for m, f := range flows {
		cum += f
		if cum < 0 {
			last = m
		}
	}
	return last
}

// The Summary sheet: the case, the recommendation and the ask, headline
// figures, the comparison table and the charts.
const sumWidth = 9 // columns A to I

func (b *book) writeSummary() {
	s := b.open(sheetSummary, sheetSetup{widths: []float64{40, 15, 15, 15, 15, 13, 13, 12, 16}, tab: colourNavy})
	defer s.close()
	c := b.c
	row := 1
	wide := func(role role, text string, height float64) {
		s.put(row, []any{b.text(role, text)}, height)
		s.merge(1, row, sumWidth, row)
		row++
	}
	// labelled writes a label and a value; text runs across the page.
	labelled := func(label string, value any, text string) {
		r := make([]any, sumWidth)
		r[0], r[1] = b.text(rBold, label), value
		if text == "" {
			s.put(row, r, 0)
		} else {
			s.put(row, r, rowHeight(text, 120))
			s.merge(2, row, sumWidth, row)
		}
		row++
	}
	section := func(title string) {
		row++
		r := make([]any, sumWidth)
		r[0] = b.text(rSection, title)
		for i := 1; i < sumWidth; i++ {
			r[i] = b.blank(rSection, nGeneral)
		}
		s.put(row, r, 20)
		row++
	}
	wide(rTitle, orUntitled(c.Title), 26)
	var by []string
	if c.Organisation != "" {
		by = append(by, c.Organisation)
	}
	if c.Author != "" {
		by = append(by, "prepared by "+c.Author)
	}
	if c.PreparedFor != "" {
		by = append(by, "for "+c.PreparedFor)
	}
	if c.Version != "" {
		by = append(by, "version "+c.Version)
	}
	if !c.Date.IsZero() {
		by = append(by, c.Date.String())
	}
	if len(by) > 0 {
		wide(rSubtitle, strings.Join(by, " · "), 0)
	}
	wide(rSubtitle, "Every figure in this workbook is a live formula on the Assumptions sheet; change an assumption and it recalculates. "+
		"Figures are in "+c.Currency+", incremental to doing nothing.", 0)
	wide(rSubtitle, "Except on the Sensitivity, Break-even, Simulation and CEO review sheets: Case Builder's results at export, stored as values.", 0)

	section("The problem")
	if c.Pain.Summary != "" {
		wide(rWrap, c.Pain.Summary, rowHeight(c.Pain.Summary, 140))
	}
	labelled("Yearly cost of the pain", b.formula(rTotal, nMoney, nameCostOfPain, b.res.Pain.Annual), "")
	if obj := b.objective(); obj != "" {
		labelled("Serves the objective", b.text(rWrap, obj), obj)
	}

	section("Recommendation")
	rec := b.res.RecommendedAlternative()
	npvs := xrange(sheetComparison, mNPV, cmpFirstRow, mNPV, b.cmp.last)
	// pick is the recommended alternative's figure in a column of the
	// Comparison sheet: the case's choice, or the highest NPV.
	pick := func(col int) string {
		if b.res.RecommendedByCase {
			return cmpRef(col, cmpFirstRow+b.res.Recommended)
		}
		return fmt.Sprintf("INDEX(%s,MATCH(MAX(%s),%s,0))", xrange(sheetComparison, col, cmpFirstRow, col, b.cmp.last), npvs, npvs)
	}
	if rec == nil {
		labelled("Recommended", b.text(rPlain, "No alternative yet."), "-")
	} else {
		name := b.text(rHighlight, rec.Name)
		if !b.res.RecommendedByCase {
			name = b.formula(rHighlight, nGeneral, pick(mName), rec.Name)
		}
		labelled("Recommended", name, rec.Name)
		reason := casebuilder.RecommendationReason(c, b.res)
		labelled("Why", b.text(rWrap, reason), reason)
		if why := strings.TrimSpace(c.Recommendation.WhyNotTopRanked); why != "" {
			labelled("Why not the top-ranked", b.text(rWrap, why), why)
		}
		if why := strings.TrimSpace(c.Recommendation.WhyNegativeNPV); why != "" {
			labelled("Why, despite a negative NPV", b.text(rWrap, why), why)
		}
	}

	section("The ask")
	if c.Ask.Decision != "" {
		labelled("Decision", b.text(rWrap, c.Ask.Decision), c.Ask.Decision)
	}
	if c.Ask.People != "" {
		labelled("People", b.text(rWrap, c.Ask.People), c.Ask.People)
	}
	if !c.Ask.DecideBy.IsZero() {
		r := make([]any, 2)
		r[0], r[1] = b.text(rBold, "Decide by"), b.number(rPlain, nDate, serial(c.Ask.DecideBy))
		s.put(row, r, 0)
		row++
	}

	if rec != nil {
		section("Headline figures of the recommended alternative")
		for _, h := range []struct {
			label string
			col   int
			nf    numFmt
			value any
		}{
			{"Total cost over the horizon", mTotalCost, nMoney, rec.TotalCost},
			{"Total benefit over the horizon", mTotalBenefit, nMoney, rec.TotalBenefit},
			{"NPV", mNPV, nMoney, rec.NPV},
			{"IRR (yearly)", mIRR, nPercent, maybe(rec.IRR)},
			{"Payback (months)", mPayback, nOneDec, maybe(rec.PaybackMonths)},
			{"Paid back in", mPaidBack, b.paidBackFormat(), b.paidBackValue(rec.CashFlows)},
			{"Contingency reserve in the costs", mReserve, nMoney, rec.Reserve},
		} {
			r := make([]any, 2)
			r[0], r[1] = b.text(rBold, h.label), b.formula(rCalc, h.nf, pick(h.col), h.value)
			s.put(row, r, 0)
			row++
			if h.col == mNPV {
				// How much of it is cash: the rest is margin, avoidance or
				// productivity.
				f := b.cashRef(xNPV, b.res.Recommended)
				if !b.res.RecommendedByCase {
					cashNPVs := xrange(sheetComparison, xNPV, b.cmp.cashHead+1, xNPV, b.cmp.cashHead+len(c.Alternatives))
					f = fmt.Sprintf("INDEX(%s,MATCH(MAX(%s),%s,0))", cashNPVs, npvs, npvs)
				}
				r := make([]any, sumWidth)
				r[0], r[1] = b.text(rBold, "of which the cash alone"), b.formula(rCalc, nMoney, f, rec.CashNPV)
				note := "The NPV of the new cash spent against the costs the company stops paying; the rest is margin on additional " +
					"sales, cost avoidance and productivity (Comparison sheet, the cash alone)."
				r[2] = b.text(rNote, note)
				s.put(row, r, rowHeight(note, b.widthOf(s.widths, 3, sumWidth)))
				s.merge(3, row, sumWidth, row)
				row++
			}
		}
		if text := b.breakEvenSentence(); text != "" {
			text += " (Break-even sheet, computed at export.)"
			labelled("Break-even", b.text(rWrap, text), text)
		}
		b.summaryGate(s, &row)
		if nc := len(c.Criteria); nc > 0 {
			// The rank of the alternative on the Summary's row, from the
			// Scoring sheet.
			ranks := xrange(sheetScoring, 3+nc, scoreFirstRow, 3+nc, scoreFirstRow+len(c.Alternatives)-1)
			f := fmt.Sprintf("INDEX(%s,%d)", ranks, b.res.Recommended+1)
			if !b.res.RecommendedByCase {
				f = fmt.Sprintf("INDEX(%s,MATCH(MAX(%s),%s,0))", ranks, npvs, npvs)
			}
			rank := b.weigh.Alternatives[b.res.Recommended].Rank
			r := make([]any, 2)
			r[0], r[1] = b.text(rBold, "Rank on the weighted criteria"), b.formula(rCalc, nInt, f, float64(rank))
			s.put(row, r, 0)
			row++
		}
	}

	section("Comparison of the alternatives")
	header := []string{"Alternative", "Total cost", "Total benefit", "Net benefit", "NPV", "IRR", "ROI", "BCR", "Payback (months)"}
	r := make([]any, len(header))
	for i, h := range header {
		r[i] = b.text(rHeader, h)
	}
	s.put(row, r, 30)
	row++
	cols := []struct {
		col int
		nf  numFmt
	}{{mTotalCost, nMoney}, {mTotalBenefit, nMoney}, {mNet, nMoney}, {mNPV, nMoney}, {mIRR, nPercent}, {mROI, nPercent}, {mBCR, nRatio}, {mPayback, nOneDec}}
	for ai := range c.Alternatives {
		res := &b.res.Alternatives[ai]
		role := rCalc
		if ai == b.res.Recommended {
			role = rHighlight
		}
		cached := []any{res.TotalCost, res.TotalBenefit, res.NetBenefit, res.NPV, maybe(res.IRR), maybe(res.ROI), maybe(res.BCR), maybe(res.PaybackMonths)}
		r := make([]any, sumWidth)
		r[0] = b.text(role, c.Alternatives[ai].Name)
		for i, col := range cols {
			r[i+1] = b.formula(role, col.nf, cmpRef(col.col, cmpFirstRow+ai), cached[i])
		}
		s.put(row, r, rowHeight(c.Alternatives[ai].Name, 40))
		row++
	}
	note := "The highlighted row is the recommended alternative. IRR is yearly, from the monthly flows; n/a where a figure does not exist " +
		"(see the Comparison sheet)."
	wide(rNote, note, 0)
	// The charts start a printed page of their own.
	if s.sw != nil {
		b.fail(s.sw.InsertPageBreak(ref(1, row+1)))
	}
	b.summaryCharts(s, row+2)
}

// objective is the statement of the objective the initiative serves.
func (b *book) objective() string {
	for _, o := range b.c.Context.Objectives {
		if o.ID == b.c.Context.ServesObjective {
			return o.Statement
		}
	}
	return ""
}
