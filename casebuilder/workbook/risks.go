package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Risks sheet: the register, each risk's expected cost as a formula,
// and the contingency reserve of each alternative, which the Cash flows
// sheet books as a cost in month 0.
const (
	kID = iota + 1
	kRisk
	kOwner
	kLikelihood
	kLikelihoodScore
	kImpactScore
	kRating
	kImpactCost
	kContingencyCost
	kResidual
	kExpected
	kTrigger
	kWorkaround
	kContingency
	kConcerns
)

const (
	riskHeadRow  = 4
	riskFirstRow = 5
	// In the reserve table, the expected cost is in column C and the
	// alternatives follow.
	reserveExpectedCol = 3
	reserveFirstAltCol = 4
)

type riskLayout struct {
	// section is the reserve table's heading; reserveRow the row of the
	// reserves, and matrix the first risk row below it.
	section, reserveRow, matrix int
	// altCol is the reserve table's column of each alternative (0 for the
	// baseline), and reserve the cell of its reserve.
	altCol  []int
	reserve []string
}

func (b *book) planRisks() {
	l := &b.risk
	l.section = riskFirstRow + max(len(b.c.Risks), 1) + 1
	l.reserveRow = l.section + 3
	l.matrix = l.reserveRow + 1
	l.altCol = make([]int, len(b.c.Alternatives))
	l.reserve = make([]string, len(b.c.Alternatives))
	col := reserveFirstAltCol
	for ai, a := range b.c.Alternatives {
		if a.DoNothing {
			continue
		}
		l.altCol[ai] = col
		l.reserve[ai] = xref(sheetRisks, col, l.reserveRow)
		col++
	}
}

func (b *book) writeRisks() {
	l := &b.risk
	widths := []float64{12, 40, 24, 11, 10, 10, 9, 13, 13, 13, 13, 32, 32, 32, 24}
	lastAlt := reserveFirstAltCol - 1
	for _, c := range l.altCol {
		lastAlt = max(lastAlt, c)
	}
	for len(widths) < lastAlt {
		widths = append(widths, 13)
	}
	s := b.open(sheetRisks, sheetSetup{widths: widths, freezeCol: kOwner, freezeRow: riskFirstRow, titleRows: riskHeadRow, gridlines: true, tab: "7030A0"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Risks and contingencies")}, 24)
	s.put(2, []any{b.text(rSubtitle, "Every material risk with its likelihood, impact, owner, early warning, work-around and contingency plan. "+
		"Expected cost = likelihood × contingency cost. The contingency reserve of an alternative is the sum of the expected costs of the "+
		"risks that concern it, booked as a cost in month 0 (Cash flows sheet). Residual impact is what a risk still costs when it happens "+
		"and its contingency plan is carried out: the simulation counts it, with the plan, in every trial the risk happens in. "+
		"Likelihoods, costs and the risks' alternatives are inputs.")}, 0)
	header := []string{"ID", "Risk", "Owner", "Likelihood", "Likelihood score (1–5)", "Impact score (1–5)", "Rating",
		"Impact cost", "Contingency cost", "Residual impact", "Expected cost", "Early warning", "Work-around", "Contingency plan", "Concerns"}
	r := make([]any, len(header))
	for i, h := range header {
		r[i] = b.text(rHeader, h)
	}
	s.put(riskHeadRow, r, 30)
	names := map[string]string{}
	for _, a := range b.c.Alternatives {
		names[a.ID] = a.Name
	}
	for i, rk := range b.c.Risks {
		row := riskFirstRow + i
		r := make([]any, kConcerns)
		r[kID-1] = b.text(rPlain, rk.ID)
		r[kRisk-1] = b.text(rWrap, rk.Description)
		r[kOwner-1] = b.text(rWrap, rk.Owner)
		r[kLikelihood-1] = b.number(rInput, nPercent, rk.Likelihood)
		d := ref(kLikelihood, row)
		score := casebuilder.LikelihoodScore(rk.Likelihood)
		r[kLikelihoodScore-1] = b.formula(rCalc, nInt, fmt.Sprintf("IF(%s<=0.1,1,IF(%s<=0.3,2,IF(%s<=0.5,3,IF(%s<=0.7,4,5))))", d, d, d, d), float64(score))
		r[kImpactScore-1] = b.number(rInput, nInt, float64(rk.ImpactScore))
		r[kRating-1] = b.formula(rCalc, nInt, ref(kLikelihoodScore, row)+"*"+ref(kImpactScore, row), float64(score*rk.ImpactScore))
		r[kImpactCost-1] = b.number(rInput, nMoney, rk.ImpactCost)
		r[kContingencyCost-1] = b.number(rInput, nMoney, rk.ContingencyCost)
		r[kResidual-1] = b.number(rInput, nMoney, rk.ResidualImpact)
		r[kExpected-1] = b.formula(rCalc, nMoney, d+"*"+ref(kContingencyCost, row), rk.Likelihood*rk.ContingencyCost)
		r[kTrigger-1] = b.text(rWrap, rk.Trigger)
		r[kWorkaround-1] = b.text(rWrap, rk.Workaround)
		r[kContingency-1] = b.text(rWrap, rk.Contingency)
		var concerns []string
		for _, id := range rk.Alternatives {
			if n, ok := names[id]; ok {
				concerns = append(concerns, n)
			} else {
				concerns = append(concerns, id)
			}
		}
		r[kConcerns-1] = b.text(rWrap, strings.Join(concerns, "; "))
		height := 15.0
		for _, t := range []struct {
			s string
			w float64
		}{{rk.Description, 40}, {rk.Owner, 24}, {rk.Trigger, 32}, {rk.Workaround, 32}, {rk.Contingency, 32}, {strings.Join(concerns, "; "), 24}} {
			height = max(height, rowHeight(t.s, t.w))
		}
		s.put(row, r, height)
	}
	lastRisk := riskFirstRow + len(b.c.Risks) - 1
	if len(b.c.Risks) == 0 {
		s.put(riskFirstRow, []any{b.text(rNote, "No risks yet.")}, 0)
	} else {
		s.validate(ref(kLikelihood, riskFirstRow)+":"+ref(kLikelihood, lastRisk), nil, 0, 1, false, "A likelihood is a probability from 0 % to 100 %.")
		s.validate(ref(kImpactScore, riskFirstRow)+":"+ref(kImpactScore, lastRisk), nil, 1, 5, true, "An impact score is a whole number from 1 to 5.")
		s.validate(ref(kImpactCost, riskFirstRow)+":"+ref(kResidual, lastRisk), nil, 0, casebuilder.MaxAmount, false, "An amount is not negative.")
		b.fail(b.f.SetConditionalFormat(sheetRisks, ref(kRating, riskFirstRow)+":"+ref(kRating, lastRisk), []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "1", MidType: "num", MidValue: "9", MaxType: "num", MaxValue: "25",
			MinColor: "#63BE7B", MidColor: "#FFEB84", MaxColor: "#F8696B",
		}}))
	}
	b.writeReserves(s, lastAlt)
}

// writeReserves writes the table of which risks concern which alternative
// and, above it, each alternative's reserve.
func (b *book) writeReserves(s *sheet, lastAlt int) {
	l := &b.risk
	s.put(l.section, []any{b.text(rSection, "Contingency reserve by alternative")}, 20)
	note := "A 1 marks a risk that concerns the alternative. Each reserve adds up the expected costs of its risks, " +
		"unless the Assumptions sheet's contingency reserve is none."
	if b.c.Reserve.Basis == casebuilder.ReservePercentile {
		note += fmt.Sprintf(" With the percentile basis the reserve is the P%s of the total contingency cost, each risk happening or not "+
			"with its likelihood, as Case Builder works it out; a percentile of every combination of risks is no spreadsheet formula, so "+
			"that figure stays as exported: change a likelihood here and export again from Case Builder, or choose expected.", b.percentileName())
	}
	s.put(l.section+1, []any{b.text(rNote, note)}, rowHeight(note, 180))
	s.merge(1, l.section+1, max(lastAlt, kConcerns), l.section+1)
	r := make([]any, lastAlt)
	r[0], r[1], r[2] = b.text(rHeader, "ID"), b.text(rHeader, "Risk"), b.text(rHeader, "Expected cost")
	height := 45.0
	for ai, c := range l.altCol {
		if c > 0 {
			name := b.c.Alternatives[ai].Name
			r[c-1] = b.text(rHeader, name)
			// The alternatives' columns are the register's, some narrow.
			height = max(height, rowHeight(name, s.widths[c-1]))
		}
	}
	s.put(l.section+2, r, height)
	r = make([]any, lastAlt)
	r[0], r[1] = b.text(rTotal, "Reserve"), b.text(rTotal, "Contingency reserve booked in month 0")
	r[2] = b.blank(rTotal, nGeneral)
	last := l.matrix + len(b.c.Risks) - 1
	for ai, c := range l.altCol {
		if c == 0 {
			continue
		}
		expected := "0"
		if len(b.c.Risks) > 0 {
			expected = fmt.Sprintf("SUMPRODUCT(%s:%s,%s:%s)", abs(reserveExpectedCol, l.matrix), abs(reserveExpectedCol, last), ref(c, l.matrix), ref(c, last))
		}
		f := fmt.Sprintf(`IF(%s="%s",0,%s)`, nameReserveBasis, casebuilder.ReserveNone, expected)
		if b.c.Reserve.Basis == casebuilder.ReservePercentile {
			// A percentile of every combination of risks happening or not
			// is no spreadsheet formula: the workbook holds Case Builder's.
			f = fmt.Sprintf(`IF(%s="%s",0,IF(%s="%s",%s,%s))`, nameReserveBasis, casebuilder.ReserveNone,
				nameReserveBasis, casebuilder.ReservePercentile, strconv.FormatFloat(b.res.Alternatives[ai].Reserve, 'g', -1, 64), expected)
		}
		r[c-1] = b.formula(rTotal, nMoney, f, b.res.Alternatives[ai].Reserve)
	}
	s.put(l.reserveRow, r, 0)
	for i, rk := range b.c.Risks {
		row := l.matrix + i
		r := make([]any, lastAlt)
		r[0] = b.text(rPlain, rk.ID)
		r[1] = b.text(rPlain, rk.Description)
		r[2] = b.formula(rCalc, nMoney, ref(kExpected, riskFirstRow+i), rk.Likelihood*rk.ContingencyCost)
		for ai, c := range l.altCol {
			if c == 0 {
				continue
			}
			if concerns(rk, b.c.Alternatives[ai].ID) {
				r[c-1] = b.number(rInput, nInt, 1)
			} else {
				r[c-1] = b.blank(rInput, nInt)
			}
		}
		s.put(row, r, 0)
	}
	if len(b.c.Risks) > 0 && lastAlt >= reserveFirstAltCol {
		s.validate(ref(reserveFirstAltCol, l.matrix)+":"+ref(lastAlt, last), nil, 0, 1, true, "Enter 1 when the risk concerns the alternative, or leave the cell empty.")
	}
}

func concerns(rk casebuilder.Risk, id string) bool {
	for _, a := range rk.Alternatives {
		if a == id {
			return true
		}
	}
	return false
}

// percentileName is the reserve's percentile as in P80.
func (b *book) percentileName() string {
	p := b.c.Reserve.Percentile
	if p <= 0 || p >= 1 {
		p = casebuilder.DefaultReservePercentile
	}
	return strconv.FormatFloat(math.Round(p*1e4)/100, 'f', -1, 64)
}
