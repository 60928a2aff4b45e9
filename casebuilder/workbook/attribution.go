package workbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Pain attribution sheet values the benefits tied to the pain
// calculator. Each line is worth the cost of pain it avoids; an
// alternative's lines are valued in turn, each with the earlier lines'
// likely changes in place, exactly as Case Builder's sequential attribution
// does. So each line has two columns: the calculator with its change at the
// likely value, which the lines after it build on, and with its change at
// the chosen scenario, which is what the line is worth in the cash flows.
// A line's columns hold only what its change changes: its input, the
// defaults that read it and the steps that follow; every other figure is
// as in the column before (the alternative's previous line, or Today), as
// Case Builder works a change out. When an input is given year by year,
// the calculator is worked out for each year it tells apart, in a block of
// rows of its own.
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
	// blocks are the rows of each year the calculator tells apart.
	blocks []attrBlock
	// avoided is, by alternative and benefit line, the cell holding what the
	// line avoids a year at the chosen scenario, in each year of the
	// calculator; kinds the same by kind of money (in the order of the
	// model's kinds), when the parts of the cost are of several kinds.
	avoided map[[2]int][]string
	kinds   map[[2]int][][]string
	// index is the place in lines of each line, by alternative and
	// benefit line.
	index map[[2]int]int
	// values are the calculator as each line's change leaves it at the
	// likely values, by line and year, for the cached results; avoided
	// and kindValues what it avoids.
	values      [][][]float64
	avoidedVals [][]float64
	kindVals    [][][]float64
}

// attrBlock is where one year's working is.
type attrBlock struct {
	head  int // the year's heading; 0 when the calculator tells no years apart
	first int // the first row of the working
	// avoided is the row of the yearly cost avoided, and kinds that of each
	// kind of money.
	avoided int
	kinds   []int
}

// row is the row of the working's i-th line in the block.
func (bl *attrBlock) row(i int) int { return bl.first + i }

type attrLine struct {
	alt, line int
	input     string
	// col is the column of the likely change; col+1 that of the change at
	// the chosen scenario.
	col int
	// prev is the place in lines of the alternative's line before this
	// one, whose likely change this one builds on; -1 for none (Today).
	prev int
	// earlier is, for each input an earlier line of the alternative
	// changed, the benefit line whose likely change is in place.
	earlier map[string]int
	// writes are the inputs and steps the line's change changes: its
	// columns hold those; every other figure is as in the column before.
	writes map[string]bool
}

func (b *book) planAttribution() {
	l := &b.attr
	l.avoided, l.kinds, l.index = map[[2]int][]string{}, map[[2]int][][]string{}, map[[2]int]int{}
	if b.calc == nil {
		return
	}
	m := b.model
	years := b.painYears()
	nk := 0
	if len(m.kinds) > 1 {
		nk = len(m.kinds)
	}
	r := attrFirstRow
	for range years {
		bl := attrBlock{first: r}
		if years > 1 {
			bl.head, bl.first = r, r+1
		}
		bl.avoided = bl.first + b.calcLines
		for k := range nk {
			bl.kinds = append(bl.kinds, bl.avoided+1+k)
		}
		l.blocks = append(l.blocks, bl)
		r = bl.avoided + nk + 2
	}
	col := attrFirstCol
	for ai, a := range b.c.Alternatives {
		if a.DoNothing {
			continue
		}
		prev := -1
		earlier := map[string]int{}
		set := make([]bool, len(m.ins))
		for li, bf := range a.Benefits {
			if bf.Basis != casebuilder.BenefitPainInput || !b.needs(bf.Input) {
				continue
			}
			line := attrLine{alt: ai, line: li, input: bf.Input, col: col, prev: prev, earlier: map[string]int{},
				writes: m.depends([]string{bf.Input}, set)}
			for k, v := range earlier {
				line.earlier[k] = v
			}
			l.lines = append(l.lines, line)
			key := [2]int{ai, li}
			l.index[key] = len(l.lines) - 1
			for _, bl := range l.blocks {
				l.avoided[key] = append(l.avoided[key], xref(sheetAttribution, col+1, bl.avoided))
				var kinds []string
				for _, row := range bl.kinds {
					kinds = append(kinds, xref(sheetAttribution, col+1, row))
				}
				l.kinds[key] = append(l.kinds[key], kinds)
			}
			earlier[bf.Input] = li
			set[m.index[bf.Input]] = true
			prev = len(l.lines) - 1
			col += 2
		}
	}
	b.attributionValues()
}

// attributionValues works out, for the cached results, the calculator as
// each line's likely change leaves it, year by year, what it avoids and
// what that is by kind of money, as Case Builder does.
func (b *book) attributionValues() {
	l := &b.attr
	m := b.model
	years := b.painYears()
	l.values = make([][][]float64, len(l.lines))
	l.avoidedVals = make([][]float64, len(l.lines))
	l.kindVals = make([][][]float64, len(l.lines))
	complete := m.complete()
	for y := range years {
		today := b.today[y]
		var base []float64
		var set []bool
		for li, ln := range l.lines {
			if ln.prev < 0 {
				base, set = today, make([]bool, len(m.ins))
			}
			i := m.index[ln.input]
			env := slices.Clone(base)
			to := m.floored(i, b.c.Alternatives[ln.alt].Benefits[ln.line].To.Likely, today)
			after := m.change(env, i, to, set)
			avoided, kinds := 0.0, make([]float64, len(m.kinds))
			if complete {
				avoided = base[len(base)-1] - after
				before, now := m.kindValues(base), m.kindValues(env)
				for k := range kinds {
					kinds[k] = before[k] - now[k]
				}
			}
			l.values[li] = append(l.values[li], env)
			l.avoidedVals[li] = append(l.avoidedVals[li], avoided)
			l.kindVals[li] = append(l.kindVals[li], kinds)
			base = env
			set[i] = true
		}
	}
}

// needs reports whether the calculator reads an input, directly or through
// a default: only then does changing it change the cost of pain.
func (b *book) needs(key string) bool {
	if b.model == nil {
		return false
	}
	i, ok := b.model.index[key]
	return ok && b.model.needed[i]
}

// attrCell is the cell that holds an input or step (the working's i-th
// line) in year block y for line li's column (variant 0 the likely change,
// 1 the one at the scenario): its own when its change changes it, else the
// one before it, back to Today's. li -1 is Today.
func (b *book) attrCell(li, variant, i, y int) string {
	l := &b.attr
	key := b.working[i].Key
	for li >= 0 {
		ln := &l.lines[li]
		if ln.writes[key] {
			return ref(ln.col+variant, l.blocks[y].row(i))
		}
		li, variant = ln.prev, 0
	}
	return ref(attrBaseCol, l.blocks[y].row(i))
}

// attrValue is the value of the working's i-th line for line li (-1 for
// Today) in year y, at the likely values.
func (b *book) attrValue(li, i, y int) float64 {
	key := b.working[i].Key
	if li < 0 {
		return b.model.value(b.today[y], key)
	}
	return b.model.value(b.attr.values[li][y], key)
}

func (b *book) writeAttribution() {
	l := &b.attr
	m := b.model
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
		"which is what the line is worth in the cash flows. A line's columns hold what its change changes; an empty cell is as in the " +
		"column before it (the alternative's line before, or Today, the calculator with no change)."
	for _, ln := range l.lines {
		if m.floor[m.index[ln.input]] != nil {
			note += " A change counts only as far as its input's floor: attrition falls no lower than the exits no programme prevents, " +
				"today's attrition × (1 − the share of exits that can be prevented)."
			break
		}
	}
	if len(l.blocks) > 1 {
		note += " An input is given year by year, so the calculator is worked out for each year, a block of rows a year; the last holds after it."
	}
	// On a sheet printed several pages wide the note stays within the
	// columns every page repeats.
	noteEnd := max(last, 8)
	if len(breaks) > 0 {
		noteEnd = attrBaseCol
	}
	s.wide(2, noteEnd, rNote, note)

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

	steps := map[string]casebuilder.Formula{}
	for _, st := range b.calc.Formulas {
		steps[st.Key] = st
	}
	index := map[string]int{}
	for i, st := range b.working[:b.calcLines] {
		index[st.Key] = i
	}
	for y, bl := range l.blocks {
		if bl.head > 0 {
			band := make([]any, n)
			for i := range band {
				band[i] = b.blank(rBand, nGeneral)
			}
			band[0] = b.text(rBand, fmt.Sprintf("Year %d", y+1))
			if y == len(l.blocks)-1 && y < b.years-1 {
				band[0] = b.text(rBand, fmt.Sprintf("Year %d and after", y+1))
			}
			s.put(bl.head, band, 0)
		}
		for i, st := range b.working[:b.calcLines] {
			row := bl.row(i)
			nf := unitFormat(st.Unit, st.Value)
			role := rCalc
			if st.Key == "annual" {
				role = rTotal
			}
			r := make([]any, n)
			r[attrLabelCol-1] = b.text(rBold, st.Label)
			r[attrNameCol-1] = b.text(rKey, b.keyName(st.Key))
			r[attrBaseCol-1] = b.formula(role, nf, b.painCell(st.Key, y), b.attrValue(-1, i, y))
			for li, ln := range l.lines {
				if !ln.writes[st.Key] {
					continue
				}
				for variant := range 2 {
					render := func(name string) string { return b.attrCell(li, variant, index[name], y) }
					var f string
					switch {
					case st.Key == ln.input:
						col := aLikely
						if variant == 1 {
							col = aUsed
						}
						f = xref(sheetAssumptions, col, b.asm.benefitRow[ln.alt][ln.line])
						if fl := m.floor[m.index[st.Key]]; fl != nil {
							f = fmt.Sprintf("MAX(%s,%s)", f, fl.Format(func(name string) string { return ref(attrBaseCol, bl.row(index[name])) }))
						}
					case st.Kind == casebuilder.WorkingCalculated:
						f = steps[st.Key].Expr.Format(render)
					default: // a default that reads what the line changes
						f = casebuilder.LookupInput(st.Key).DefaultIn(&b.c.Pain).Format(render)
					}
					r[ln.col-1+variant] = b.formula(role, nf, f, b.attrValue(li, i, y))
				}
			}
			s.put(row, r, 0)
		}
		r := make([]any, n)
		r[attrLabelCol-1] = b.text(rTotal, "Yearly cost of pain avoided")
		annual := index["annual"]
		for li, ln := range l.lines {
			for variant := range 2 {
				col := ln.col + variant
				f := fmt.Sprintf("IF(%s,%s-%s,0)", namePainComplete, b.attrCell(ln.prev, 0, annual, y), b.attrCell(li, variant, annual, y))
				r[col-1] = b.formula(rTotal, nMoney, f, l.avoidedVals[li][y])
			}
		}
		s.put(bl.avoided, r, 0)
		for k, row := range bl.kinds {
			kind := m.kinds[k]
			r := make([]any, n)
			r[attrLabelCol-1] = b.text(rBold, "Of which "+moneyName(kind))
			for li, ln := range l.lines {
				sum := func(li, variant int) string {
					var terms []string
					for p, pt := range b.calc.Parts {
						if pt.Money == kind {
							terms = append(terms, b.calc.Parts[p].Expr.Format(func(name string) string { return b.attrCell(li, variant, index[name], y) }))
						}
					}
					return "(" + strings.Join(terms, "+") + ")"
				}
				f := fmt.Sprintf("IF(%s,%s-%s,0)", namePainComplete, sum(ln.prev, 0), sum(li, 1))
				r[ln.col] = b.formula(rCalc, nMoney, f, l.kindVals[li][y][k])
			}
			s.put(row, r, 0)
		}
	}
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
