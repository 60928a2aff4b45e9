package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Scoring sheet: the criteria's weights and every alternative's 1–5
// scores as inputs, the weighted totals with SUMPRODUCT and the ranks with
// RANK; then why each score was given, and each alternative's impact on
// the company, its people and its mission.
const (
	scoreHeadRow   = 4
	scoreWeightRow = 5
	scoreFirstRow  = 6
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
	s.put(2, []any{b.text(rSubtitle, "Each alternative's score against each criterion, from 1 (poor) to 5 (very good), and the criteria's weights, "+
		"which should add up to 100 %. Weighted score = SUMPRODUCT of the weights and the scores (rounded to 9 decimals so that equal "+
		"scores rank equal); rank 1 is the highest. Weights and scores are inputs.")}, 0)
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
		r = make([]any, rank)
		r[0] = b.text(rBold, "Weight")
		var total float64
		for i, k := range c.Criteria {
			r[1+i] = b.number(rInput, nPercent, k.Weight)
			total += k.Weight
		}
		weights := abs(2, scoreWeightRow) + ":" + abs(1+nc, scoreWeightRow)
		r[weighted-1] = b.formula(rTotal, nPercent, "SUM("+weights+")", total)
		r[rank-1] = b.text(rNote, "total")
		s.put(scoreWeightRow, r, 0)
		warn, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
		b.fail(err)
		b.fail(b.f.SetConditionalFormat(sheetScoring, ref(weighted, scoreWeightRow), []excelize.ConditionalFormatOptions{{
			Type: "formula", Criteria: fmt.Sprintf("ABS(%s-1)>0.0001", ref(weighted, scoreWeightRow)), Format: &warn,
		}}))

		scores := make([]float64, len(c.Alternatives))
		for ai, a := range c.Alternatives {
			for _, k := range c.Criteria {
				scores[ai] += k.Weight * float64(a.Scores[k.ID].Score)
			}
			scores[ai] = math.Round(scores[ai]*1e9) / 1e9
		}
		last := scoreFirstRow + len(c.Alternatives) - 1
		for ai, a := range c.Alternatives {
			row = scoreFirstRow + ai
			r := make([]any, rank)
			r[0] = b.text(rBold, a.Name)
			for i, k := range c.Criteria {
				if sc, ok := a.Scores[k.ID]; ok && sc.Score != 0 {
					r[1+i] = b.number(rInput, nInt, float64(sc.Score))
				} else {
					r[1+i] = b.blank(rInput, nInt)
				}
			}
			r[weighted-1] = b.formula(rCalc, nRatio, fmt.Sprintf("ROUND(SUMPRODUCT(%s,%s:%s),9)", weights, ref(2, row), ref(1+nc, row)), scores[ai])
			place := 1
			for _, other := range scores {
				if other > scores[ai] {
					place++
				}
			}
			r[rank-1] = b.formula(rCalc, nInt, fmt.Sprintf("RANK(%s,%s:%s)", ref(weighted, row), abs(weighted, scoreFirstRow), abs(weighted, last)), float64(place))
			s.put(row, r, 0)
		}
		s.validate(ref(2, scoreWeightRow)+":"+ref(1+nc, scoreWeightRow), nil, 0, 1, false, "A weight is a share from 0 % to 100 %.")
		s.validate(ref(2, scoreFirstRow)+":"+ref(1+nc, last), nil, 1, 5, true, "A score is a whole number from 1 (poor) to 5 (very good).")
		row = last + 2
		s.put(row, []any{b.text(rSection, "Why these scores")}, 20)
		row++
		s.put(row, b.textHeader(textEnd, "Alternative", "Criterion", "Score", "Rationale"), 0)
		s.merge(4, row, textEnd, row)
		for ai, a := range c.Alternatives {
			for i, k := range c.Criteria {
				sc, ok := a.Scores[k.ID]
				if !ok {
					continue
				}
				row++
				r := make([]any, textEnd)
				r[0], r[1] = b.text(rPlain, a.Name), b.text(rPlain, k.Name)
				r[2] = b.formula(rCalc, nInt, ref(2+i, scoreFirstRow+ai), float64(sc.Score))
				r[3] = b.text(rWrap, sc.Rationale)
				s.put(row, r, rowHeight(sc.Rationale, b.widthOf(widths, 4, textEnd)))
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

// textHeader is a header row of labels from column A.
func (b *book) textHeader(n int, labels ...string) []any {
	r := make([]any, n)
	for i := range r {
		r[i] = b.blank(rHeader, nGeneral)
	}
	for i, l := range labels {
		r[i] = b.text(rHeader, l)
	}
	return r
}

// widthOf adds the widths of columns c1 to c2.
func (b *book) widthOf(widths []float64, c1, c2 int) float64 {
	var w float64
	for c := c1; c <= c2 && c <= len(widths); c++ {
		w += widths[c-1]
	}
	return w
}
