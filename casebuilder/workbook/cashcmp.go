package workbook

import (
	"strconv"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Comparison sheet's tables of the kinds of money: every figure of an
// alternative for the cash alone (new cash spent, the reserve included,
// against the costs the company stops paying; margin, cost avoidance,
// productivity and people's time left out), and the totals by kind, each
// a formula on the Cash flows sheet's rows by kind.

// The columns of the table of the cash alone: the Comparison's own up to
// payback (figureCells writes those in both tables), then its own two.
const (
	xName      = mName
	xCost      = mTotalCost
	xBenefit   = mTotalBenefit
	xNet       = mNet
	xPVCost    = mPVCost
	xPVBenefit = mPVBenefit
	xNPV       = mNPV
	xIRR       = mIRR
	xROI       = mROI
	xBCR       = mBCR
	xPayback   = mPayback
	xDeficit   = mPayback + 1 // the last month whose cumulative flow is negative
	xIRRSearch = mPayback + 2
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
		// The IRR as the Comparison's own: the monthly rate the spreadsheet
		// finds (a helper cell), searching from 0 and lower (irrGuesses),
		// and its yearly rate within the range Case Builder searches; n/a
		// for flows that never change sign, on which spreadsheets do not
		// agree. Where the cash alone is far from paying, its IRR is near
		// −100 %, where the searches may not converge: the last starts from
		// the rate Case Builder found at export.
		var guesses []string
		if fig.IRR != nil {
			guesses = append(guesses, strconv.FormatFloat(monthlyIRR(*fig.IRR), 'g', 6, 64))
		}
		b.figureCells(r, role, row, &fig, figureSource{costs: bl.costKind[0], benefits: bl.benefitKind[0], net: bl.cashNet, cum: bl.cashCum,
			guesses: guesses, searchCol: xIRRSearch, deficitCol: xDeficit})
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
