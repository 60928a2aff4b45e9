package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Cost of pain sheet: the calculator's working, one row per input and
// per step, each step the calculator's own expression rendered as a
// formula on defined names.
const (
	painValueCol = 2
	painFirstRow = 6
)

// painCostRow is the row of CostOfPain: the yearly cost that the benefits
// count, zero while the calculator lacks an input.
func (b *book) painCostRow() int { return painFirstRow + len(b.working) }

func pow1p(r, x float64) float64 { return math.Pow(1+r, x) }

func (b *book) writePain() {
	s := b.open(sheetPain, sheetSetup{widths: []float64{40, 16, 22, 80, 22}, freezeRow: painFirstRow, titleRows: 5, tab: "C00000"})
	defer s.close()
	title := "Cost of pain"
	if b.calc != nil {
		title += ": " + b.calc.Name
	}
	s.put(1, []any{b.text(rTitle, title)}, 24)
	s.put(2, []any{b.text(rSubtitle, "The yearly cost of the problem, worked out step by step as Case Builder does it. Every value is a formula "+
		"on the inputs of the Assumptions sheet, at the scenario chosen there; the names in the formulas are the workbook's defined names.")}, 0)
	if sum := b.c.Pain.Summary; sum != "" {
		s.put(3, []any{b.text(rWrap, sum)}, rowHeight(sum, 170))
		s.merge(1, 3, 5, 3)
	}
	if b.calc == nil {
		s.put(painFirstRow-1, []any{b.text(rNote, "The case has no pain category yet, so there is no calculator: the cost of pain is zero.")}, 0)
	} else {
		hdr := []any{}
		for _, h := range []string{"Step", "Value", "Name in formulas", "How it is worked out", "Kind"} {
			hdr = append(hdr, b.text(rHeader, h))
		}
		s.put(painFirstRow-1, hdr, 0)
	}
	steps := map[string]casebuilder.Formula{}
	if b.calc != nil {
		for _, st := range b.calc.Formulas {
			steps[st.Key] = st
		}
	}
	for i, st := range b.working {
		row := painFirstRow + i
		nf := unitFormat(st.Unit, st.Value)
		r := make([]any, 5)
		r[0] = b.text(rBold, st.Label)
		r[2] = b.text(rKey, formulaName(st.Key))
		switch st.Kind {
		case casebuilder.WorkingCalculated:
			role := rCalc
			if st.Key == "annual" {
				role = rTotal
				r[0] = b.text(rTotal, st.Label)
			}
			r[1] = b.formula(role, nf, steps[st.Key].Expr.Format(formulaName), st.Value)
			r[3] = b.text(rWrap, st.Formula)
			r[4] = b.text(rPlain, "Calculated")
		default:
			in := casebuilder.LookupInput(st.Key)
			r[1] = b.formula(rCalc, nf, formulaName(st.Key), st.Value)
			switch st.Kind {
			case casebuilder.WorkingDefault:
				r[3] = b.text(rWrap, fmt.Sprintf("%s On the Assumptions sheet as the formula %s.", in.DefaultNote, in.Default))
				r[4] = b.text(rPlain, "Rule-of-thumb default")
			case casebuilder.WorkingInput:
				r[3] = b.text(rWrap, "Entered on the Assumptions sheet. "+in.Help)
				r[4] = b.text(rPlain, "Input")
			default:
				r[3] = b.text(rWrap, "Missing: enter it on the Assumptions sheet. Until then it counts as zero. "+in.Help)
				r[4] = b.text(rBold, "Missing")
			}
		}
		s.put(row, r, rowHeight(howText(r[3]), 80))
	}
	row := b.painCostRow()
	r := make([]any, 4)
	r[0] = b.text(rTotal, "Yearly cost of pain counted in the benefits")
	if b.calc == nil {
		r[1] = b.formula(rTotal, nMoney, "0", 0.0)
	} else {
		r[1] = b.formula(rTotal, nMoney, fmt.Sprintf("IF(%s,%s,0)", namePainComplete, nameYearlyPain), b.res.Pain.Annual)
	}
	r[2] = b.text(rKey, nameCostOfPain)
	r[3] = b.text(rWrap, "The yearly cost above once every input the calculator needs is entered (PainComplete); zero until then, as in Case Builder.")
	s.put(row, r, rowHeight(howText(r[3]), 80))

	if len(b.c.Pain.Evidence) > 0 {
		row += 2
		s.put(row, []any{b.text(rSection, "Evidence")}, 20)
		row++
		s.put(row, []any{b.text(rHeader, "Finding"), nil, nil, b.text(rHeader, "Source")}, 0)
		s.merge(1, row, 3, row)
		for _, e := range b.c.Pain.Evidence {
			row++
			s.put(row, []any{b.text(rWrap, e.Finding), nil, nil, b.text(rWrap, e.Source)}, max(rowHeight(e.Finding, 78), rowHeight(e.Source, 80)))
			s.merge(1, row, 3, row)
		}
	}
}

// The Pain attribution sheet values the benefits tied to the pain
// calculator. Each line is worth the cost of pain it avoids; an
// alternative's lines are valued in turn, each with the earlier lines'
// likely changes in place, exactly as Case Builder's sequential attribution
// does. So each line has two columns: the calculator with its change at the
// likely value, which the lines after it build on, and with its change at
// the chosen scenario, which is what the line is worth in the cash flows.
const (
	attrLabelCol = 1
	attrNameCol  = 2
	attrBaseCol  = 3
	attrFirstCol = 4
	attrHeadRow  = 9
	attrFirstRow = 10
	attrColWidth = 14 // each column of figures
)

type attributionLayout struct {
	lines []attrLine
	// rows places every input and step of the working.
	rows                  map[string]int
	annualRow, avoidedRow int
	// avoided is, by alternative and benefit line, the cell holding what the
	// line avoids a year at the chosen scenario.
	avoided map[[2]int]string
}

type attrLine struct {
	alt, line int
	input     string
	// col is the column of the likely change; col+1 that of the change at
	// the chosen scenario.
	col int
	// prev is the column of the calculator before this line's change.
	prev int
	// earlier is, for each input an earlier line of the alternative
	// changed, the benefit line whose likely change is in place.
	earlier map[string]int
}

func (b *book) planAttribution() {
	l := &b.attr
	l.rows = map[string]int{}
	l.avoided = map[[2]int]string{}
	for i, st := range b.working {
		l.rows[st.Key] = attrFirstRow + i
	}
	l.annualRow = attrFirstRow + len(b.working) - 1
	l.avoidedRow = l.annualRow + 1
	if b.calc == nil {
		return
	}
	col := attrFirstCol
	for ai, a := range b.c.Alternatives {
		if a.DoNothing {
			continue
		}
		prev := attrBaseCol
		earlier := map[string]int{}
		for li, bf := range a.Benefits {
			if bf.Basis != casebuilder.BenefitPainInput || !b.needs(bf.Input) {
				continue
			}
			line := attrLine{alt: ai, line: li, input: bf.Input, col: col, prev: prev, earlier: map[string]int{}}
			for k, v := range earlier {
				line.earlier[k] = v
			}
			l.lines = append(l.lines, line)
			l.avoided[[2]int{ai, li}] = xref(sheetAttribution, col+1, l.avoidedRow)
			earlier[bf.Input] = li
			prev = col
			col += 2
		}
	}
}

// needs reports whether the calculator reads an input, directly or through
// a default: only then does changing it change the cost of pain.
func (b *book) needs(key string) bool {
	for _, st := range b.working {
		if st.Key == key && st.Kind != casebuilder.WorkingCalculated {
			return true
		}
	}
	return false
}

func (b *book) writeAttribution() {
	l := &b.attr
	last := attrFirstCol + 2*len(l.lines) - 1
	widths := attributionWidths(len(l.lines))
	// Two columns for each line: with more lines than a page holds, the
	// sheet prints on several pages wide, so many lines to a page, each
	// page with the steps' labels, names and today's figures at the left.
	perPage := max(1, int((pageChars-b.widthOf(widths, 1, attrBaseCol))/(2*attrColWidth)))
	var breaks []int
	if b.widthOf(widths, 1, last) > maxFitChars {
		for c := attrFirstCol + 2*perPage; c <= last; c += 2 * perPage {
			breaks = append(breaks, c)
		}
	}
	s := b.open(sheetAttribution, sheetSetup{widths: widths, freezeCol: attrFirstCol, freezeRow: attrFirstRow, titleRows: attrHeadRow,
		breaks: breaks, titleCols: attrBaseCol, gridlines: true, tab: "C00000"})
	defer s.close()
	title := "Pain attribution: what each benefit tied to the pain is worth"
	if len(breaks) > 0 {
		// Short enough for the columns every printed page repeats.
		title = "Pain attribution"
	}
	s.put(1, []any{b.text(rTitle, title)}, 24)
	note := "A benefit that changes an input of the pain calculator is worth the yearly cost of pain it avoids. " +
		"An alternative's lines are valued in turn, each with the earlier lines' likely changes in place, so that together they avoid " +
		"exactly what all the changes avoid at once and no interaction counts twice. Each line has two columns: the calculator with its " +
		"change at the likely value, which the lines after it build on, and at the scenario chosen on the Assumptions sheet (Used), " +
		"which is what the line is worth in the cash flows. Today is the calculator with no change."
	// On a sheet printed several pages wide the note stays within the
	// columns every page repeats.
	noteEnd := max(last, 8)
	if len(breaks) > 0 {
		noteEnd = attrBaseCol
	}
	s.put(2, []any{b.text(rNote, note)}, rowHeight(note, b.widthOf(widths, 1, noteEnd)))
	s.merge(1, 2, noteEnd, 2)

	n := last
	head := func(row int, label string, height float64, cells func(ln attrLine) (any, any)) {
		r := make([]any, n)
		r[attrLabelCol-1] = b.text(rBold, label)
		for _, ln := range l.lines {
			r[ln.col-1], r[ln.col] = cells(ln)
		}
		s.put(row, r, height)
	}
	tallest := func(text func(ln attrLine) string) float64 {
		h := 15.0
		for _, ln := range l.lines {
			h = max(h, rowHeight(text(ln), 28))
		}
		return h
	}
	altName := func(ln attrLine) string { return b.c.Alternatives[ln.alt].Name }
	lineName := func(ln attrLine) string { return b.c.Alternatives[ln.alt].Benefits[ln.line].Name }
	head(4, "Alternative", tallest(altName), func(ln attrLine) (any, any) {
		return b.text(rBandWrap, altName(ln)), b.blank(rBandWrap, nGeneral)
	})
	head(5, "Benefit line", tallest(lineName), func(ln attrLine) (any, any) {
		return b.text(rWrap, lineName(ln)), nil
	})
	head(6, "Input changed", 0, func(ln attrLine) (any, any) {
		return b.text(rWrap, casebuilder.LookupInput(ln.input).Label), nil
	})
	head(7, "Changed to", 0, func(ln attrLine) (any, any) {
		row := b.asm.benefitRow[ln.alt][ln.line]
		to := b.c.Alternatives[ln.alt].Benefits[ln.line].To.Likely
		nf := unitFormat(casebuilder.LookupInput(ln.input).Unit, to)
		return b.formula(rCalc, nf, xref(sheetAssumptions, aLikely, row), to), b.formula(rCalc, nf, xref(sheetAssumptions, aUsed, row), to)
	})
	for _, ln := range l.lines {
		for row := 4; row <= 6; row++ {
			s.merge(ln.col, row, ln.col+1, row)
		}
	}
	r := make([]any, n)
	for i, h := range []string{"Step", "Name in formulas", "Today"} {
		r[i] = b.text(rHeader, h)
	}
	for _, ln := range l.lines {
		r[ln.col-1], r[ln.col] = b.text(rHeader, "Likely, for the next lines"), b.text(rHeader, "Used, at the scenario")
	}
	s.put(attrHeadRow, r, 30)

	// The app's values for each column, for the cached results.
	likely := func(r casebuilder.Range) float64 { return r.Likely }
	values := make([]map[string]float64, len(l.lines))
	for i, ln := range l.lines {
		over := map[string]float64{}
		for k, li := range ln.earlier {
			over[k] = b.c.Alternatives[ln.alt].Benefits[li].To.Likely
		}
		over[ln.input] = b.c.Alternatives[ln.alt].Benefits[ln.line].To.Likely
		values[i] = b.painAt(likely, over)
	}
	steps := map[string]casebuilder.Formula{}
	for _, st := range b.calc.Formulas {
		steps[st.Key] = st
	}
	for i, st := range b.working {
		row := attrFirstRow + i
		nf := unitFormat(st.Unit, st.Value)
		role := rCalc
		if st.Key == "annual" {
			role = rTotal
		}
		r := make([]any, n)
		r[attrLabelCol-1] = b.text(rBold, st.Label)
		r[attrNameCol-1] = b.text(rKey, formulaName(st.Key))
		calculated := st.Kind == casebuilder.WorkingCalculated
		colRef := func(col int) func(string) string {
			return func(name string) string { return ref(col, l.rows[name]) }
		}
		if calculated {
			r[attrBaseCol-1] = b.formula(role, nf, steps[st.Key].Expr.Format(colRef(attrBaseCol)), st.Value)
		} else {
			r[attrBaseCol-1] = b.formula(role, nf, formulaName(st.Key), st.Value)
		}
		for li, ln := range l.lines {
			v, ok := values[li][st.Key]
			if !ok {
				v = st.Value
			}
			for variant := range 2 {
				col := ln.col + variant
				var f string
				bf := b.c.Alternatives[ln.alt].Benefits
				switch earlier, changed := ln.earlier[st.Key]; {
				case calculated:
					f = steps[st.Key].Expr.Format(colRef(col))
				case st.Key == ln.input && variant == 0:
					f = xref(sheetAssumptions, aLikely, b.asm.benefitRow[ln.alt][ln.line])
				case st.Key == ln.input:
					f = xref(sheetAssumptions, aUsed, b.asm.benefitRow[ln.alt][ln.line])
				case changed:
					f = xref(sheetAssumptions, aLikely, b.asm.benefitRow[ln.alt][earlier])
					v = bf[earlier].To.Likely
				case st.Kind == casebuilder.WorkingDefault:
					f = casebuilder.LookupInput(st.Key).DefaultExpression().Format(colRef(col))
				default:
					f = abs(attrBaseCol, row)
				}
				r[col-1] = b.formula(role, nf, f, v)
			}
		}
		s.put(row, r, 0)
	}
	r = make([]any, n)
	r[attrLabelCol-1] = b.text(rTotal, "Yearly cost of pain avoided")
	for _, ln := range l.lines {
		value := lineValue(&b.res.Alternatives[ln.alt], casebuilder.BenefitLine, ln.line)
		for variant := range 2 {
			col := ln.col + variant
			f := fmt.Sprintf("IF(%s,%s-%s,0)", namePainComplete, ref(ln.prev, l.annualRow), ref(col, l.annualRow))
			r[col-1] = b.formula(rTotal, nMoney, f, value)
		}
	}
	s.put(l.avoidedRow, r, 0)
}

// attributionWidths are the Pain attribution sheet's column widths with
// so many lines: the steps' labels, names and today's figures, then two
// columns of figures for each line.
func attributionWidths(lines int) []float64 {
	widths := []float64{38, 20, 14}
	for range 2 * lines {
		widths = append(widths, attrColWidth)
	}
	return widths
}

// howText is the text of a cell made by b.text, for its row's height.
func howText(cell any) string {
	if c, ok := cell.(excelize.Cell); ok {
		if s, ok := c.Value.(string); ok {
			return s
		}
	}
	return ""
}
