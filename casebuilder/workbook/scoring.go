package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Scoring sheet: the criteria's weights and every alternative's 1–5
// scores, the weighted totals with SUMPRODUCT and the ranks with RANK, as
// Case Builder weighs them (casebuilder.Weigh); then why each score was
// given, and each alternative's impact on the company, its people and its
// mission. A criterion scored from the figures (the NPV or the ROI) is a
// formula on the Comparison sheet: where the alternative's figure falls
// between the lowest and the highest, on the 1-to-5 scale.
const (
	scoreHeadRow   = 4
	scoreWeightRow = 5
	scoreHowRow    = 6 // by hand, or from which figure
	scoreLowRow    = 7 // the lowest figure of an automatic criterion
	scoreHighRow   = 8 // and the highest
	scoreFirstRow  = 9
)

func (b *book) writeScoring() {
	c := b.c
	nc := len(c.Criteria)
	weighted, rank := 2+nc, 3+nc
	widths := []float64{40}
	for range nc {
		widths = append(widths, 14)
	}
	widths = append(widths, 14, 8)
	for len(widths) < 8 {
		widths = append(widths, 14)
	}
	textEnd := len(widths)
	s := b.open(sheetScoring, sheetSetup{widths: widths, freezeCol: 2, freezeRow: scoreFirstRow, titleRows: scoreHeadRow, gridlines: true, tab: "548235"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Scoring of the alternatives")}, 24)
	note := "Each alternative's score against each criterion, from 1 (poor) to 5 (very good), and the criteria's weights, which should " +
		"add up to 100 %. Weighted score = SUMPRODUCT of the weights and the scores (rounded to 9 decimals so that equal scores rank " +
		"equal); rank 1 is the highest; a missing score counts as 0. A criterion scored from the NPV or the ROI takes " +
		"ROUND(1 + 4 × (figure − lowest) / (highest − lowest), 0), or 3 when every alternative has the same figure. Weights and hand scores are inputs."
	s.wide(2, textEnd, rNote, note)
	weigh := b.weigh
	row := scoreFirstRow
	if nc == 0 {
		s.put(scoreHeadRow, []any{b.text(rNote, "The case has no criteria yet, so the alternatives are not scored.")}, 0)
	} else {
		r := make([]any, rank)
		r[0] = b.text(rHeader, "Alternative")
		for i, k := range c.Criteria {
			r[1+i] = b.text(rHeader, k.Name)
		}
		r[weighted-1], r[rank-1] = b.text(rHeader, "Weighted score"), b.text(rHeader, "Rank")
		s.put(scoreHeadRow, r, 45)
		b.weightsAndScales(s, weighted, rank, weigh.WeightSum)

		last := scoreFirstRow + len(c.Alternatives) - 1
		weights := abs(2, scoreWeightRow) + ":" + abs(1+nc, scoreWeightRow)
		for ai, a := range c.Alternatives {
			row = scoreFirstRow + ai
			as := weigh.Alternatives[ai]
			r := make([]any, rank)
			r[0] = b.text(rBold, a.Name)
			for i, k := range c.Criteria {
				score := float64(as.Criteria[i].Score)
				switch {
				case k.Auto != casebuilder.ScoreByHand:
					r[1+i] = b.formula(rCalc, nInt, b.autoScoreFormula(k.Auto, 2+i, ai), score)
				case score != 0:
					r[1+i] = b.number(rInput, nInt, score)
				default:
					r[1+i] = b.blank(rInput, nInt)
				}
			}
			r[weighted-1] = b.formula(rCalc, nRatio, fmt.Sprintf("ROUND(SUMPRODUCT(%s,%s:%s),9)", weights, ref(2, row), ref(1+nc, row)),
				math.Round(as.WeightedTotal*1e9)/1e9)
			r[rank-1] = b.formula(rCalc, nInt, fmt.Sprintf("RANK(%s,%s:%s)", ref(weighted, row), abs(weighted, scoreFirstRow), abs(weighted, last)), float64(as.Rank))
			s.put(row, r, 0)
		}
		s.validate(ref(2, scoreWeightRow)+":"+ref(1+nc, scoreWeightRow), nil, 0, 1, false, "A weight is a share from 0 % to 100 %.")
		for i, k := range c.Criteria {
			if k.Auto == casebuilder.ScoreByHand && len(c.Alternatives) > 0 {
				s.validate(ref(2+i, scoreFirstRow)+":"+ref(2+i, last), nil, 1, 5, true, "A score is a whole number from 1 (poor) to 5 (very good).")
			}
		}
		row = last + 2
		s.put(row, []any{b.text(rSection, "Why these scores")}, 20)
		row++
		s.put(row, b.textHeader(textEnd, "Alternative", "Criterion", "Score", "Rationale"), 0)
		s.merge(4, row, textEnd, row)
		for ai, as := range weigh.Alternatives {
			for i, cs := range as.Criteria {
				if cs.Score == 0 && cs.Rationale == "" {
					continue
				}
				row++
				r := make([]any, textEnd)
				r[0], r[1] = b.text(rPlain, as.Name), b.text(rWrap, cs.Name)
				r[2] = b.formula(rCalc, nInt, fmt.Sprintf(`IF(%s="","",%s)`, ref(2+i, scoreFirstRow+ai), ref(2+i, scoreFirstRow+ai)), float64(cs.Score))
				r[3] = b.text(rWrap, cs.Rationale)
				s.put(row, r, max(rowHeight(cs.Rationale, b.widthOf(widths, 4, textEnd)), rowHeight(cs.Name, widths[1])))
				s.merge(4, row, textEnd, row)
			}
		}
		row += 2
	}

	s.put(row, []any{b.text(rSection, "The alternatives and their impact")}, 20)
	row++
	s.put(row, b.textHeader(textEnd, "Alternative", "On", "Score (1–5)", "Judgement"), 0)
	s.merge(4, row, textEnd, row)
	for _, a := range c.Alternatives {
		judgements := []struct {
			on string
			j  casebuilder.Judgement
		}{{"What it is", casebuilder.Judgement{Text: a.Description}}, {"The company", a.Impact.Company}, {"Its people", a.Impact.People}, {"Its mission", a.Impact.Mission}}
		for _, j := range judgements {
			if j.j.Text == "" && j.j.Score == 0 {
				continue
			}
			row++
			r := make([]any, textEnd)
			r[0], r[1] = b.text(rPlain, a.Name), b.text(rPlain, j.on)
			if j.j.Score != 0 {
				r[2] = b.number(rPlain, nInt, float64(j.j.Score))
			}
			r[3] = b.text(rWrap, j.j.Text)
			s.put(row, r, rowHeight(j.j.Text, b.widthOf(widths, 4, textEnd)))
			s.merge(4, row, textEnd, row)
		}
	}
}

// weightsAndScales writes the weights, then how each criterion is scored
// and, for one scored from a figure, the lowest and highest figure.
func (b *book) weightsAndScales(s *sheet, weighted, rank int, weightSum float64) {
	c := b.c
	nc := len(c.Criteria)
	r := make([]any, rank)
	r[0] = b.text(rBold, "Weight")
	for i, k := range c.Criteria {
		r[1+i] = b.number(rInput, nPercent, k.Weight)
	}
	r[weighted-1] = b.formula(rTotal, nPercent, fmt.Sprintf("SUM(%s:%s)", abs(2, scoreWeightRow), abs(1+nc, scoreWeightRow)), weightSum)
	r[rank-1] = b.text(rNote, "total")
	s.put(scoreWeightRow, r, 0)
	warn, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	b.fail(err)
	b.fail(b.f.SetConditionalFormat(sheetScoring, ref(weighted, scoreWeightRow), []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: fmt.Sprintf("ABS(%s-1)>0.0001", ref(weighted, scoreWeightRow)), Format: &warn,
	}}))

	how, low, high := make([]any, rank), make([]any, rank), make([]any, rank)
	how[0], low[0], high[0] = b.text(rBold, "Scored"), b.text(rBold, "Lowest figure"), b.text(rBold, "Highest figure")
	for i, k := range c.Criteria {
		col := 2 + i
		switch k.Auto {
		case casebuilder.ScoreFromNPV, casebuilder.ScoreFromROI:
			figures, nf := b.autoFigures(k.Auto)
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, v := range figures {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			word := map[casebuilder.AutoScore]string{casebuilder.ScoreFromNPV: "from the NPV", casebuilder.ScoreFromROI: "from the ROI"}[k.Auto]
			how[col-1] = b.text(rPlain, word)
			loF, hiF := b.figureBounds(k.Auto)
			if len(figures) > 0 {
				low[col-1], high[col-1] = b.formula(rCalc, nf, loF, lo), b.formula(rCalc, nf, hiF, hi)
			}
		default:
			how[col-1] = b.text(rPlain, "by hand")
		}
	}
	s.put(scoreHowRow, how, 0)
	s.put(scoreLowRow, low, 0)
	s.put(scoreHighRow, high, 0)
}

// autoFigures returns every alternative's figure that a criterion is scored
// from, as Case Builder takes it (an ROI that does not exist counts as 0),
// and its number format.
func (b *book) autoFigures(how casebuilder.AutoScore) ([]float64, numFmt) {
	out := make([]float64, len(b.res.Alternatives))
	for i, a := range b.res.Alternatives {
		switch {
		case how == casebuilder.ScoreFromNPV:
			out[i] = a.NPV
		case a.ROI != nil:
			out[i] = *a.ROI
		}
	}
	if how == casebuilder.ScoreFromNPV {
		return out, nMoney
	}
	return out, nPercent
}

// figureColumn is the Comparison sheet's column of a criterion's figure.
func (b *book) figureColumn(how casebuilder.AutoScore) string {
	col := mNPV
	if how == casebuilder.ScoreFromROI {
		col = mROI
	}
	return xrange(sheetComparison, col, cmpFirstRow, col, b.cmp.last)
}

// figureBounds are the formulas of the lowest and highest figure. An ROI
// that does not exist ("n/a") counts as 0.
func (b *book) figureBounds(how casebuilder.AutoScore) (lo, hi string) {
	r := b.figureColumn(how)
	if how == casebuilder.ScoreFromNPV {
		return "MIN(" + r + ")", "MAX(" + r + ")"
	}
	n := len(b.c.Alternatives)
	return fmt.Sprintf("IF(COUNT(%s)<%d,MIN(0,MIN(%s)),MIN(%s))", r, n, r, r),
		fmt.Sprintf("IF(COUNT(%s)<%d,MAX(0,MAX(%s)),MAX(%s))", r, n, r, r)
}

// autoScoreFormula scores alternative ai in column col from its figure:
// IF(hi=lo, 3, ROUND(1+4*(v-lo)/(hi-lo), 0)), as casebuilder.AutoScoreOf.
func (b *book) autoScoreFormula(how casebuilder.AutoScore, col, ai int) string {
	v := cmpRef(mNPV, cmpFirstRow+ai)
	if how == casebuilder.ScoreFromROI {
		roi := cmpRef(mROI, cmpFirstRow+ai)
		v = fmt.Sprintf("IF(ISNUMBER(%s),%s,0)", roi, roi)
	}
	lo, hi := colName(col)+"$"+fmt.Sprint(scoreLowRow), colName(col)+"$"+fmt.Sprint(scoreHighRow)
	return fmt.Sprintf("IF(%s=%s,3,MIN(5,MAX(1,ROUND(1+4*(%s-%s)/(%s-%s),0))))", hi, lo, v, lo, hi, lo)
}
