package workbook

import (
	"fmt"

	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// After approval, two more sheets: Actuals, the spend recorded as inputs
// that Finance can audit and change (a date, a line, an amount), and
// Variance, planned against actual month by month, cumulated, and the
// forecast at completion, every figure a live formula on the Actuals rows.
// Recalculated, they equal the progress of `casebuilder summary --json`
// (its tracking key), worked out by package tracking.
const (
	sheetActuals  = "Actuals"
	sheetVariance = "Variance"
)

// The Actuals sheet's columns.
const (
	acDate = iota + 1
	acMonth
	acLine
	acAmount
)

const (
	actualsHeadRow  = 4
	actualsFirstRow = 5
	// actualsSpare is how many empty input rows follow the actuals, for
	// rows Finance adds: the Variance sheet's formulas cover them.
	actualsSpare = 200
)

// tracked is what the sheets after approval show: the variance data of
// the approved case as of its latest actual, its progress, and the
// figures worked out as the sheets' formulas do (the formulas' cached
// results).
type tracked struct {
	p   *tracking.Progress
	v   *tracking.Variance
	fig tracking.VarianceFigures
}

// afterApproval returns the sheets after approval, Actuals and Variance,
// for an approved case; none before approval.
func (b *book) afterApproval() []page {
	if !b.c.IsApproved() {
		return nil
	}
	p, err := tracking.ProgressOf(b.c, tracking.Options{})
	if err != nil {
		b.fail(err)
		return nil
	}
	v := tracking.NewVariance(b.c, p)
	b.track = &tracked{p: p, v: v, fig: v.Figures(v.Actuals)}
	return []page{{sheetActuals, b.writeActuals}, {sheetVariance, b.writeVariance}}
}

// actualsLast is the last row the Variance sheet's formulas read on the
// Actuals sheet, spare rows included.
func (b *book) actualsLast() int {
	return actualsFirstRow + len(b.track.v.Actuals) + actualsSpare - 1
}

// actualsCol is an absolute reference to a column of the Actuals rows.
func (b *book) actualsCol(c int) string {
	return xrange(sheetActuals, c, actualsFirstRow, c, b.actualsLast())
}

func (b *book) writeActuals() {
	t := b.track
	widths := []float64{13, 9, 40, 14, 60}
	s := b.open(sheetActuals, sheetSetup{widths: widths, freezeRow: actualsFirstRow, titleFrom: actualsHeadRow, titleRows: actualsHeadRow, gridlines: true, tab: "548235"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Actuals")}, 24)
	start := tracking.MonthOf(b.c.Tracking.Baseline.StartDate)
	note := fmt.Sprintf("The money spent up to the end of %s, as recorded in the case: each row a day, a cost line of the approved alternative "+
		"(or %q, for money drawn on the contingency reserve) and an amount. They are inputs: correct a row, or add one below, and the Variance "+
		"sheet recalculates. The period is the months since the programme started in %s (0 is its first month).",
		t.p.AsOf.Words(), t.v.ReserveName, start.Words())
	s.wide(2, len(widths), rNote, note)
	s.put(actualsHeadRow, b.textHeader(len(widths), "Date", "Period", "Line", "Amount", "Note"), 20)
	period := func(r int) string {
		return fmt.Sprintf(`IF(%s="","",(YEAR(%s)-%d)*12+MONTH(%s)-%d)`, ref(acDate, r), ref(acDate, r), start.Year, ref(acDate, r), int(start.Month))
	}
	for i, a := range t.v.Actuals {
		r := actualsFirstRow + i
		s.put(r, []any{
			b.number(rInput, nDate, serial(a.Date)),
			b.formula(rCalc, nInt, period(r), float64(a.Month)),
			b.text(rInputLeft, a.Line),
			b.number(rInput, nMoneyCent, a.Amount),
			b.text(rInputLeft, a.Note),
		}, 0)
	}
	for r := actualsFirstRow + len(t.v.Actuals); r <= b.actualsLast(); r++ {
		s.put(r, []any{b.blank(rInput, nDate), b.formula(rCalc, nInt, period(r), ""), b.blank(rInputLeft, nGeneral),
			b.blank(rInput, nMoneyCent), b.blank(rInputLeft, nGeneral)}, 0)
	}
}
