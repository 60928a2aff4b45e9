package workbook

import (
	"fmt"
	"math"
	"strconv"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Comparison sheet's tables of the kinds of money: every figure of an
// alternative for the cash alone (new cash spent, the reserve included,
// against the costs the company stops paying; margin, cost avoidance,
// productivity and people's time left out), and the totals by kind, each
// a formula on the Cash flows sheet's rows by kind.

// The columns of the table of the cash alone.
const (
	xName = iota + 1
	xCost
	xBenefit
	xNet
	xPVCost
	xPVBenefit
	xNPV
	xIRR
	xROI
	xBCR
	xPayback
	xDeficit // the last month whose cumulative flow is negative
	xIRRSearch
)

// cashRef is a cell of the table of the cash alone: column col of
// alternative ai's row.
func (b *book) cashRef(col, ai int) string { return cmpRef(col, b.cmp.cashHead+1+ai) }

func (b *book) writeCashComparison(s *sheet) {
	l := &b.cmp
	section := func(row int, title, note string, header []string) {
		s.put(row-2, []any{b.text(rSection, title)}, 20)
		s.put(row-1, []any{b.text(rNote, note)}, rowHeight(note, 160))
		s.merge(1, row-1, mDeficit, row-1)
		r := make([]any, len(header))
		for i, h := range header {
			r[i] = b.text(rHeader, h)
		}
		s.put(row, r, 45)
	}
	section(l.cashHead, "The cash alone", "The same figures for the cash alone: new cash spent, the contingency reserve included, against the "+
		"costs the company stops paying (Cash flows sheet, by kind of money). Margin on additional sales, cost avoidance, productivity "+
		"and the time of people already paid are left out: they are real, but no cash changes hands.",
		[]string{"Alternative", "New cash spent", "Cash saved", "Net cash", "PV of new cash", "PV of cash saved", "NPV of the cash",
			"IRR of the cash", "ROI of the cash", "BCR of the cash", "Payback of the cash (months)", "Last month in deficit", "Monthly IRR found"})
	m0, mN := b.cash.month0, b.cash.month0+b.months-1
	cash := func(row int) string { return xrange(sheetCash, m0, row, mN, row) }
	pv := func(row int) string {
		if b.months == 1 {
			return xref(sheetCash, m0, row)
		}
		return fmt.Sprintf("%s+NPV(%s,%s)", xref(sheetCash, m0, row), nameMonthlyRate, xrange(sheetCash, m0+1, row, mN, row))
	}
	for ai := range b.c.Alternatives {
		row := l.cashHead + 1 + ai
		bl := b.cash.blocks[ai]
		fig := b.res.Alternatives[ai].Cash
		role := rCalc
		if ai == b.res.Recommended {
			role = rHighlight
		}
		r := make([]any, xIRRSearch)
		r[xName-1] = b.text(role, b.c.Alternatives[ai].Name)
		if bl.baseline {
			for c := xCost; c <= xPVBenefit; c++ {
				r[c-1] = b.formula(role, nMoney, "0", 0.0)
			}
			r[xNPV-1] = b.formula(role, nMoney, "0", 0.0)
			for _, c := range []int{xIRR, xROI, xBCR, xPayback} {
				r[c-1] = b.formula(role, nGeneral, `"`+na+`"`, na)
			}
			r[xDeficit-1] = b.formula(rKey, nInt, "-1", -1.0)
			r[xIRRSearch-1] = b.formula(rKey, nPercent, `"`+na+`"`, na)
			s.put(row, r, 0)
			continue
		}
		costs, benefits, net := bl.costKind[0], bl.benefitKind[0], bl.cashNet
		cum := cash(bl.cashCum)
		r[xCost-1] = b.formula(role, nMoney, xref(sheetCash, cTotal, costs), fig.TotalCost)
		r[xBenefit-1] = b.formula(role, nMoney, xref(sheetCash, cTotal, benefits), fig.TotalBenefit)
		r[xNet-1] = b.formula(role, nMoney, ref(xBenefit, row)+"-"+ref(xCost, row), fig.NetBenefit)
		r[xPVCost-1] = b.formula(role, nMoney, pv(costs), fig.PVCost)
		r[xPVBenefit-1] = b.formula(role, nMoney, pv(benefits), fig.PVBenefit)
		r[xNPV-1] = b.formula(role, nMoney, pv(net), fig.NPV)
		// The IRR as the Comparison's own: the monthly rate the spreadsheet
		// finds (a helper cell), searching from 0 and lower (irrGuesses),
		// and its yearly rate within the range Case Builder searches; n/a
		// for flows that never change sign, on which spreadsheets do not
		// agree. Where the cash alone is far from paying, its IRR is near
		// −100 %, where the searches may not converge: the last starts from
		// the rate Case Builder found at export.
		flows := cash(net)
		var guesses []string
		if fig.IRR != nil {
			guesses = append(guesses, strconv.FormatFloat(math.Pow(1+*fig.IRR, 1.0/casebuilder.PeriodsPerYear)-1, 'g', 6, 64))
		}
		search := irrSearch(flows, guesses...)
		var monthly any = na
		if fig.IRR != nil {
			monthly = math.Pow(1+*fig.IRR, 1.0/casebuilder.PeriodsPerYear) - 1
		}
		r[xIRRSearch-1] = b.formula(rKey, nPercent, search, monthly)
		h := ref(xIRRSearch, row)
		r[xIRR-1] = b.formula(role, nPercent, fmt.Sprintf(`IF(ISNUMBER(%s),IF(OR(%s<0.0001^(1/12)-1,%s>99),"%s",(1+%s)^12-1),"%s")`,
			h, h, h, na, h, na), maybe(fig.IRR))
		r[xROI-1] = b.formula(role, nPercent, fmt.Sprintf(`IF(%s>0,%s/%s,"%s")`, ref(xCost, row), ref(xNet, row), ref(xCost, row), na), maybe(fig.ROI))
		r[xBCR-1] = b.formula(role, nRatio, fmt.Sprintf(`IF(%s>0,%s/%s,"%s")`, ref(xPVCost, row), ref(xPVBenefit, row), ref(xPVCost, row), na), maybe(fig.BCR))
		d := ref(xDeficit, row)
		r[xPayback-1] = b.formula(role, nOneDec, fmt.Sprintf(`IF(COUNTIF(%s,"<>0")=0,"%s",IF(%s<0,0,IF(%s>=%d,"%s",%s-INDEX(%s,1,%s+1)/INDEX(%s,1,%s+2))))`,
			flows, na, d, d, b.months-1, na, d, cum, d, flows, d), maybe(fig.PaybackMonths))
		cashFlows := make([]float64, b.months)
		for m := range cashFlows {
			cashFlows[m] = at(b.res.Alternatives[ai].BenefitsOf[casebuilder.Cash], m) - at(b.res.Alternatives[ai].CostsOf[casebuilder.Cash], m)
		}
		r[xDeficit-1] = b.formula(rKey, nInt, xref(sheetCash, cTotal, bl.cashDeficit), float64(lastDeficit(cashFlows)))
		s.put(row, r, 0)
	}

	kinds := append(append([]casebuilder.MoneyKind{}, casebuilder.CostKinds...), casebuilder.BenefitKinds...)
	header := []string{"Alternative"}
	for i, k := range kinds {
		side := "Costs: "
		if i >= len(casebuilder.CostKinds) {
			side = "Benefits: "
		}
		header = append(header, side+moneyName(k))
	}
	section(l.kindHead, "The money by kind", "Each alternative's total costs and benefits over the horizon, undiscounted, by kind of money "+
		"(Money column of the Cash flows sheet): a benefit tied to the pain is split as the parts of the cost of pain it avoids are.", header)
	for ai := range b.c.Alternatives {
		row := l.kindHead + 1 + ai
		bl := b.cash.blocks[ai]
		res := &b.res.Alternatives[ai]
		role := rCalc
		if ai == b.res.Recommended {
			role = rHighlight
		}
		r := make([]any, len(header))
		r[0] = b.text(role, b.c.Alternatives[ai].Name)
		for i, k := range kinds {
			f, v := "0", 0.0
			if !bl.baseline {
				if i < len(casebuilder.CostKinds) {
					f, v = xref(sheetCash, cTotal, bl.costKind[i]), res.CostsByKind[k]
				} else {
					f, v = xref(sheetCash, cTotal, bl.benefitKind[i-len(casebuilder.CostKinds)]), res.BenefitsByKind[k]
				}
			}
			r[1+i] = b.formula(role, nMoney, f, v)
		}
		s.put(row, r, 0)
	}
}

// at returns f[m], or 0 where there is no flow.
func at(f []float64, m int) float64 {
	if m < len(f) {
		return f[m]
	}
	return 0
}
