package workbook

import (
	"fmt"
	"strings"
)

// The Break-even sheet: for every estimate the recommendation depends on
// (the tornado's inputs and every one of its benefit lines), the value at
// which its NPV is zero and the value at which it falls behind the next
// alternative, as Case Builder found them at export by searching its own
// model (casebuilder.BreakEvens). No spreadsheet formula can redo that
// search, so they are values, labelled as such, with a live check like
// the Sensitivity sheet's.
const (
	beInput = iota + 1
	beKind
	beUnit
	beLikely
	beValue
	beHolds
	beBehind
	beNext
	beField
)

const (
	beBaseRow = 3 // the NPV at likely values, and the live check
	beTopRow  = 5 // the table's caution; its header follows
)

// none is what a break-even without a value says.
const noneWithin = "none within the values it can take"

func (b *book) writeBreakEven() {
	widths := []float64{40, 10, 10, 14, 16, 18, 16, 28, 36}
	last := len(widths)
	s := b.open(sheetBreakEven, sheetSetup{widths: widths, freezeCol: 2, titleFrom: beTopRow, titleRows: beTopRow + 1, gridlines: true, tab: "C55A11"})
	defer s.close()
	t := b.an.Tornado
	title := "Break-even: how far each estimate can move"
	if t.Alternative >= 0 {
		title += " before " + t.Name + " stops paying"
	}
	s.put(1, []any{b.text(rTitle, title)}, 24)
	b.banner(s, 2, "Computed by Case Builder at export; not recalculated. For each estimate, the value at which the recommendation's "+
		"NPV is zero, every other estimate at its likely value, found by working the case out again with the estimate at one value "+
		"after another until the NPV crosses zero; and the value at which it falls behind the next alternative. Change an assumption "+
		"and these stay as they were at export: export again from Case Builder to bring them up to date.")
	if t.Alternative < 0 || len(b.an.BreakEven) == 0 {
		text := "The case has no alternative to recommend, so there is nothing to break even."
		if t.Alternative >= 0 {
			text = "The recommendation has no estimate to break even: it is doing nothing, or it has no uncertain input and no benefit line."
		}
		s.put(beBaseRow, []any{b.text(rNote, text)}, 0)
		return
	}
	r := make([]any, last)
	r[0] = b.text(rBold, "NPV at likely values")
	r[1] = b.number(rCalcLeft, nMoney, b.res.Alternatives[t.Alternative].NPV)
	s.merge(2, beBaseRow, 3, beBaseRow)
	b.liveCheck(s, r, beBaseRow, beLikely, last, []string{xref(sheetComparison, mNPV, cmpFirstRow+t.Alternative)}, []string{abs(2, beBaseRow)}, 0)
	next := ""
	for _, be := range b.an.BreakEven {
		if be.Next != "" {
			next = be.Next
			break
		}
	}
	behind := "Falls behind the next alternative at"
	if next != "" {
		behind = "Falls behind " + next + " at"
	}
	b.tableTopHeight(s, beTopRow, "Break-even of the NPV of "+t.Name+": computed by Case Builder at export; not recalculated.",
		b.textHeader(last, "Estimate", "Kind", "Unit", "Likely", "NPV is zero at", "The case holds while it is", behind, "Next alternative", "Field in the case"),
		max(45, rowHeight(behind, b.widthOf(s.widths, beBehind, beBehind))))
	row := beTopRow + 1
	for _, be := range b.an.BreakEven {
		row++
		nf := unitFormat(be.Unit, be.Likely)
		r := make([]any, last)
		r[beInput-1] = b.text(rWrap, be.Input)
		r[beKind-1] = b.text(rPlain, driverKind(be.Kind))
		r[beUnit-1] = b.text(rPlain, b.unitName(be.Unit))
		r[beLikely-1] = b.number(rPlain, nf, be.Likely)
		holds := ""
		if be.Value != nil {
			r[beValue-1] = b.number(rBold, unitFormat(be.Unit, *be.Value), *be.Value)
			holds = "at or below it"
			if be.Rising {
				holds = "at or above it"
			}
		} else {
			r[beValue-1] = b.text(rWrap, noneWithin)
			holds = "anywhere"
		}
		r[beHolds-1] = b.text(rWrap, holds)
		h := max(rowHeight(be.Input, widths[beInput-1]), rowHeight(be.Next, widths[beNext-1]))
		if be.Value == nil {
			h = max(h, rowHeight(noneWithin, widths[beValue-1]))
		}
		switch {
		case be.Behind != nil:
			r[beBehind-1] = b.number(rPlain, unitFormat(be.Unit, *be.Behind), *be.Behind)
		case be.Next != "":
			r[beBehind-1] = b.text(rWrap, noneWithin)
			h = max(h, rowHeight(noneWithin, widths[beBehind-1]))
		}
		r[beNext-1] = b.text(rWrap, be.Next)
		r[beField-1] = b.text(rKey, be.Path)
		s.put(row, r, h)
	}
	row += 2
	held := 0
	for _, be := range b.an.BreakEven {
		if be.Value != nil {
			held++
		}
	}
	note := fmt.Sprintf("%d of the %d estimates of %s have a break-even within the values they can take. Likely is the estimate's "+
		"likely value; where the NPV is zero, the case holds while the estimate stays on the side of it that the next column says. "+
		"The values are the estimate's own: for a benefit that lowers a figure, such as attrition, the case holds while the figure "+
		"stays at or below its break-even.", held, len(b.an.BreakEven), t.Name)
	s.wide(row, last, rNote, note)
}

// breakEvenSentence says what the first break-even means, in words.
func (b *book) breakEvenSentence() string {
	for _, be := range b.an.BreakEven {
		if be.Value == nil {
			continue
		}
		side := "or lower"
		if be.Rising {
			side = "or higher"
		}
		return fmt.Sprintf("The case holds as long as %s stays at %s %s; the case expects %s.", strings.ToLower(be.Input),
			b.num.Value(*be.Value, be.Unit), side, b.num.Value(be.Likely, be.Unit))
	}
	return ""
}
