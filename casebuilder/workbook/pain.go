package workbook

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Cost of pain sheet: the calculator's working, one row per input and
// per step, each step the calculator's own expression rendered as a
// formula on defined names; a column for each year of the horizon when an
// input is given year by year, where each year's formulas read that
// year's column. Under it, the yearly cost counted in the benefits and its
// parts by kind of money.
const (
	painValueCol = 2 // year 1's column
	painFirstRow = 6
)

type painLayout struct {
	// cols is how many year columns the working has: one for each year of
	// the horizon when the calculator tells years apart, else one.
	cols int
	// row is the row of each input and step of the working.
	row map[string]int
	// countedRow is the row of the yearly cost the benefits count (zero
	// while the calculator lacks an input); partRows are the rows of its
	// parts, and kindRows, when the parts are of several kinds of money,
	// the rows adding them up by kind (in the order of the model's kinds).
	countedRow int
	partRows   []int
	kindRows   []int
	last       int
}

func (b *book) planPain() {
	l := &b.pain
	l.cols = 1
	if b.painYears() > 1 {
		l.cols = max(b.years, 1)
	}
	l.row = map[string]int{}
	for i, st := range b.working {
		l.row[st.Key] = painFirstRow + i
	}
	l.countedRow = painFirstRow + len(b.working)
	l.last = l.countedRow
	if b.model == nil && len(b.c.Pain.Components) == 0 {
		return
	}
	r := l.countedRow + 2 // the heading of the parts
	for range b.partLabels() {
		r++
		l.partRows = append(l.partRows, r)
	}
	if kinds := b.painKinds(); len(kinds) > 1 {
		for range kinds {
			r++
			l.kindRows = append(l.kindRows, r)
		}
	}
	l.last = r
}

// painCostRow is the row of CostOfPain: the yearly cost that the benefits
// count, zero while the calculator lacks an input.
func (b *book) painCostRow() int { return b.pain.countedRow }

// painCol is the column of year y (0 is the first) of the working.
func (b *book) painCol(y int) int { return painValueCol + min(max(y, 0), b.pain.cols-1) }

// painCell is the cell of an input or step of the working in year y.
func (b *book) painCell(key string, y int) string {
	return xref(sheetPain, b.painCol(y), b.pain.row[key])
}

// countedCell is the cell of the yearly cost of pain counted in year y.
func (b *book) countedCell(y int) string { return xref(sheetPain, b.painCol(y), b.pain.countedRow) }

// counted is the yearly cost of pain counted in year y of the calculator,
// and kindValues its parts by kind: zero while an input is missing.
func (b *book) counted(y int) float64 {
	v := b.componentsCost()
	if b.model == nil || !b.model.complete() {
		return v
	}
	return v + b.today[b.painYear(y)][len(b.today[b.painYear(y)])-1]
}

// componentsCost is the yearly cost of the pain's components at their
// likely values.
func (b *book) componentsCost() float64 {
	var v float64
	for _, st := range b.working[b.calcLines:] {
		if st.Key != totalKey && st.Kind == casebuilder.WorkingCalculated {
			v += st.Value
		}
	}
	return v
}

// componentCosts is the sum of the components' yearly costs, by their
// defined names, for a formula: "" when the pain has none.
func (b *book) componentCosts() string {
	var terms []string
	for _, st := range b.working[b.calcLines:] {
		if st.Key != totalKey && st.Kind == casebuilder.WorkingCalculated {
			terms = append(terms, b.keyName(st.Key))
		}
	}
	return strings.Join(terms, "+")
}

// partLabels are the parts of the yearly cost of pain: the calculator's,
// then each component's.
func (b *book) partLabels() []string {
	var out []string
	if b.calc != nil {
		for _, pt := range b.calc.Parts {
			out = append(out, pt.Label)
		}
	}
	for _, k := range b.c.Pain.Components {
		out = append(out, k.Name)
	}
	return out
}

// painKindValues returns the yearly cost of pain counted in year y by kind
// of money, in the order of painKinds, at the likely values.
func (b *book) painKindValues(y int) []float64 {
	kinds := b.painKinds()
	out := make([]float64, len(kinds))
	if m := b.model; m != nil && m.complete() {
		copy(out, m.kindValues(b.today[b.painYear(y)]))
	}
	for i := range b.c.Pain.Components {
		k := &b.c.Pain.Components[i]
		out[slices.Index(kinds, k.MoneyKind())] += k.Quantity.Likely * k.Rate.Likely * componentPeriods(k)
	}
	return out
}

// componentPeriods is how many of a component's periods make a year.
func componentPeriods(k *casebuilder.Component) float64 {
	if k.Per == casebuilder.PerMonth {
		return casebuilder.PeriodsPerYear
	}
	return 1
}

// painKinds are the distinct kinds of money of the parts of the pain, the
// calculator's first, in the order of its model's kinds.
func (b *book) painKinds() []casebuilder.MoneyKind {
	var kinds []casebuilder.MoneyKind
	if b.model != nil {
		kinds = slices.Clone(b.model.kinds)
	}
	for i := range b.c.Pain.Components {
		if k := b.c.Pain.Components[i].MoneyKind(); !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

func pow1p(r, x float64) float64 { return math.Pow(1+r, x) }

func (b *book) writePain() {
	l := &b.pain
	nameCol := painValueCol + l.cols
	widths := []float64{40}
	for range l.cols {
		widths = append(widths, 16)
	}
	widths = append(widths, 22, 80, 22)
	last := len(widths)
	s := b.open(sheetPain, sheetSetup{widths: widths, freezeCol: painValueCol, freezeRow: painFirstRow, titleRows: 5, tab: "C00000"})
	defer s.close()
	title := "Cost of pain"
	if b.calc != nil {
		title += ": " + b.calc.Name
	}
	s.put(1, []any{b.text(rTitle, title)}, 24)
	note := "The yearly cost of the problem, worked out step by step as Case Builder does it. Every value is a formula " +
		"on the inputs of the Assumptions sheet, at the scenario chosen there; the names in the formulas are the workbook's defined names."
	if l.cols > 1 {
		note += " An input is given year by year, so each year of the horizon has its column: year 1's formulas read the names, " +
			"each later year's the cells of its own column."
	}
	s.put(2, []any{b.text(rSubtitle, note)}, 0)
	if sum := b.c.Pain.Summary; sum != "" {
		s.wide(3, last, rWrap, sum)
	}
	if b.calc == nil && len(b.c.Pain.Components) == 0 {
		s.put(painFirstRow-1, []any{b.text(rNote, "The case has no pain category yet, so there is no calculator: the cost of pain is zero.")}, 0)
	} else {
		hdr := make([]any, last)
		hdr[0] = b.text(rHeader, "Step")
		for y := range l.cols {
			h := "Value"
			if l.cols > 1 {
				h = "Year " + strconv.Itoa(y+1)
			}
			hdr[painValueCol-1+y] = b.text(rHeader, h)
		}
		for i, h := range []string{"Name in formulas", "How it is worked out", "Kind"} {
			hdr[nameCol-1+i] = b.text(rHeader, h)
		}
		s.put(painFirstRow-1, hdr, 0)
	}
	steps := map[string]casebuilder.Formula{}
	if b.calc != nil {
		for _, st := range b.calc.Formulas {
			steps[st.Key] = st
		}
	}
	colRef := func(col int) func(string) string {
		return func(name string) string { return ref(col, l.row[name]) }
	}
	for _, st := range b.working[:b.calcLines] {
		row := l.row[st.Key]
		nf := unitFormat(st.Unit, st.Value)
		r := make([]any, last)
		r[0] = b.text(rBold, st.Label)
		r[nameCol-1] = b.text(rKey, b.keyName(st.Key))
		role := rCalc
		if st.Key == "annual" {
			role = rTotal
			r[0] = b.text(rTotal, st.Label)
		}
		for y := range l.cols {
			col := painValueCol + y
			v := b.workingValue(st, y)
			var f string
			switch {
			case st.Kind == casebuilder.WorkingCalculated && y == 0:
				f = steps[st.Key].Expr.Format(b.keyName)
			case st.Kind == casebuilder.WorkingCalculated:
				f = steps[st.Key].Expr.Format(colRef(col))
			case y > 0 && b.inputRows(st.Key) > 1:
				f = b.usedCell(st.Key, y)
			default:
				f = b.keyName(st.Key)
			}
			r[col-1] = b.formula(role, nf, f, v)
		}
		var how, kind string
		switch st.Kind {
		case casebuilder.WorkingCalculated:
			how, kind = st.Formula, "Calculated"
		default:
			in := casebuilder.LookupInput(st.Key)
			switch st.Kind {
			case casebuilder.WorkingDefault:
				if def := in.DefaultIn(&b.c.Pain); in.DefaultFrom != "" && def.String() == in.DefaultFrom {
					how = fmt.Sprintf("The case's own %s, on the Assumptions sheet as the formula %s.",
						strings.ToLower(casebuilder.LookupInput(in.DefaultFrom).Label), in.DefaultFrom)
					kind = "Default from the case"
				} else {
					how = fmt.Sprintf("%s On the Assumptions sheet as the formula %s.", in.DefaultNote, in.Default)
					kind = "Rule-of-thumb default"
				}
			case casebuilder.WorkingInput:
				how, kind = "Entered on the Assumptions sheet. "+in.Help, "Input"
				if b.inputRows(st.Key) > 1 {
					how = "Entered on the Assumptions sheet year by year. " + in.Help
				}
				if !slices.Contains(b.calc.Inputs, st.Key) {
					how += " The calculator does not read it; " + b.readBy(st.Key) + " does."
				}
			default:
				how, kind = "Missing: enter it on the Assumptions sheet. Until then it counts as zero. "+in.Help, "Missing"
			}
		}
		r[nameCol] = b.text(rWrap, how)
		if kind == "Missing" {
			r[nameCol+1] = b.text(rBold, kind)
		} else {
			r[nameCol+1] = b.text(rPlain, kind)
		}
		s.put(row, r, rowHeight(how, 80))
	}
	for _, st := range b.working[b.calcLines:] {
		b.componentLine(s, st, last, nameCol)
	}
	row := l.countedRow
	r := make([]any, last)
	r[0] = b.text(rTotal, "Yearly cost of pain counted in the benefits")
	comps := b.componentCosts()
	for y := range l.cols {
		col := painValueCol + y
		var f string
		switch {
		case b.calc == nil:
			f = "0"
		case y == 0:
			f = fmt.Sprintf("IF(%s,%s,0)", namePainComplete, nameYearlyPain)
		default:
			f = fmt.Sprintf("IF(%s,%s,0)", namePainComplete, ref(col, l.row["annual"]))
		}
		switch {
		case comps != "" && f == "0":
			f = comps
		case comps != "":
			f += "+" + comps
		}
		r[col-1] = b.formula(rTotal, nMoney, f, b.counted(y))
	}
	r[nameCol-1] = b.text(rKey, nameCostOfPain)
	countedHow := "The yearly cost above once every input the calculator needs is entered (PainComplete); zero until then, as in Case Builder."
	switch {
	case comps != "" && b.calc != nil:
		countedHow = "The calculator's yearly cost once every input it needs is entered (PainComplete), zero until then, " +
			"plus each component's yearly cost, as in Case Builder."
	case comps != "":
		countedHow = "The components' yearly costs added up, as in Case Builder."
	}
	r[nameCol] = b.text(rWrap, countedHow)
	s.put(row, r, rowHeight(howText(r[nameCol]), 80))
	if len(l.partRows) > 0 {
		b.painParts(s, last, nameCol)
	}

	if len(b.c.Pain.Evidence) > 0 {
		row = l.last + 2
		s.put(row, []any{b.text(rSection, "Evidence")}, 20)
		row++
		s.put(row, []any{b.text(rHeader, "Finding"), nil, nil, b.text(rHeader, "Source")}, 0)
		s.merge(1, row, 3, row)
		for _, e := range b.c.Pain.Evidence {
			row++
			s.put(row, []any{b.text(rWrap, e.Finding), nil, nil, b.text(rWrap, e.Source)}, max(rowHeight(e.Finding, b.widthOf(widths, 1, 3)), rowHeight(e.Source, widths[3])))
			s.merge(1, row, 3, row)
		}
	}
}

// workingValue is the value of a line of the working in year y of the
// horizon, at the likely values.
func (b *book) workingValue(st casebuilder.WorkingLine, y int) float64 {
	if b.model == nil {
		return st.Value
	}
	return b.model.value(b.today[b.painYear(y)], st.Key)
}

// painParts writes the parts of the yearly cost counted, each with its kind
// of money (the calculator's, then each component's), and, when they are
// of several kinds, their sums by kind.
func (b *book) painParts(s *sheet, last, nameCol int) {
	l := &b.pain
	m := b.model
	s.put(l.countedRow+2, []any{b.text(rSection, "By kind of money")}, 20)
	type part struct {
		label   string
		money   casebuilder.MoneyKind
		formula func(y, col int) string
		value   func(y int) float64
	}
	var parts []part
	if b.calc != nil {
		for p, pt := range b.calc.Parts {
			parts = append(parts, part{pt.Label, pt.Money,
				func(y, col int) string {
					f := pt.Expr.Format(b.keyName)
					if y > 0 {
						f = pt.Expr.Format(func(name string) string { return ref(col, l.row[name]) })
					}
					return fmt.Sprintf("IF(%s,%s,0)", namePainComplete, f)
				},
				func(y int) float64 {
					if !m.complete() {
						return 0
					}
					return m.parts[p].Eval(b.today[b.painYear(y)])
				}})
		}
	}
	for _, st := range b.working[b.calcLines:] {
		id, isCost := strings.CutSuffix(st.Key, ".cost")
		cr, ok := b.c.Pain.ComponentOf(id)
		if !isCost || !ok {
			continue
		}
		parts = append(parts, part{cr.Component.Name, cr.Component.MoneyKind(),
			func(int, int) string { return b.keyName(st.Key) },
			func(int) float64 { return st.Value }})
	}
	for p, pt := range parts {
		r := make([]any, last)
		r[0] = b.text(rBold, pt.label)
		for y := range l.cols {
			col := painValueCol + y
			r[col-1] = b.formula(rCalc, nMoney, pt.formula(y, col), pt.value(y))
		}
		r[nameCol-1] = b.text(rPlain, moneyName(pt.money))
		how := "Part of the yearly cost counted; its kind of money is " + moneyName(pt.money) + "."
		r[nameCol] = b.text(rWrap, how)
		s.put(l.partRows[p], r, rowHeight(how, 80))
	}
	if len(l.kindRows) == 0 {
		return
	}
	for k, kind := range b.painKinds() {
		r := make([]any, last)
		r[0] = b.text(rTotal, "Of which "+moneyName(kind))
		for y := range l.cols {
			col := painValueCol + y
			var terms []string
			var v float64
			for p, pt := range parts {
				if pt.money == kind {
					terms = append(terms, ref(col, l.partRows[p]))
					v += pt.value(y)
				}
			}
			r[col-1] = b.formula(rTotal, nMoney, strings.Join(terms, "+"), v)
		}
		how := "The parts above that are " + moneyName(kind) + ": a benefit tied to the pain is this kind of money in the same proportion."
		r[nameCol] = b.text(rWrap, how)
		s.put(l.kindRows[k], r, rowHeight(how, 80))
	}
}

// componentLine writes a line of the working of the pain's components: a
// quantity or a cost of each, which the Assumptions sheet holds; a yearly
// cost, quantity × cost of each (× 12 for a quantity a month); or the
// yearly cost of every part.
func (b *book) componentLine(s *sheet, st casebuilder.WorkingLine, last, nameCol int) {
	l := &b.pain
	r := make([]any, last)
	r[0] = b.text(rBold, st.Label)
	r[nameCol-1] = b.text(rKey, b.keyName(st.Key))
	role, nf, v := rCalc, unitFormat(st.Unit, st.Value), st.Value
	var f, how, kind string
	id, isCost := strings.CutSuffix(st.Key, ".cost")
	cr, ok := b.c.Pain.ComponentOf(id)
	switch {
	case st.Key == totalKey:
		role, v = rTotal, b.counted(0)
		r[0] = b.text(rTotal, st.Label)
		f = fmt.Sprintf("IF(%s,%s,0)+%s", namePainComplete, nameYearlyPain, b.componentCosts())
		how, kind = "The calculator's yearly cost, once every input it needs is entered, plus each component's.", "Calculated"
	case isCost && ok:
		k := cr.Component
		f = b.keyName(k.QuantityKey()) + "*" + b.keyName(k.RateKey())
		if k.Per == casebuilder.PerMonth {
			f += "*" + strconv.Itoa(casebuilder.PeriodsPerYear)
		}
		how, kind = "Calculated: "+st.Formula+".", "Calculated"
	case ok:
		f = b.keyName(st.Key)
		how, kind = "Entered on the Assumptions sheet.", "Input"
		if src := strings.TrimSpace(cr.Component.Source); src != "" && !cr.Rate {
			how += " Source: " + src
		}
	default:
		return
	}
	for y := range l.cols {
		r[painValueCol-1+y] = b.formula(role, nf, f, v)
	}
	r[nameCol] = b.text(rWrap, how)
	r[nameCol+1] = b.text(rPlain, kind)
	s.put(l.row[st.Key], r, rowHeight(how, 80))
}

// readBy says what reads an input the calculator does not: the default it
// stands in for, or the per-head costs whose heads it gives.
func (b *book) readBy(key string) string {
	for _, st := range b.working {
		if in := casebuilder.LookupInput(st.Key); in != nil && st.Kind == casebuilder.WorkingDefault && in.DefaultFrom == key {
			return "the " + strings.ToLower(in.Label)
		}
	}
	return "a per-head cost, which takes its heads from it,"
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
