package workbook

import (
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// The Assumptions sheet: every input of the case in one place. The general
// settings sit at fixed rows (their cells carry defined names), then the
// calculator's inputs (one row a year for an input given year by year), the
// cost lines and the benefit lines.
const (
	asmRowDiscount = 5
	asmRowMonthly  = 6
	asmRowHorizon  = 7
	asmRowStart    = 8
	asmRowCurrency = 9
	asmRowScenario = 10
	asmRowReserve  = 11
	asmRowComplete = 12
	asmRowFiscal   = 13
	asmRowPain     = 15 // the calculator's section heading
)

// Columns of the tables.
const (
	aLabel       = 1  // A: input, or alternative
	aName        = 2  // B: name in formulas, or line; the value of a general setting
	aKind        = 3  // C: unit, kind of cost, basis of a benefit
	aD           = 4  // D: source, per head, input changed
	aLow         = 5  // E
	aLikely      = 6  // F
	aHigh        = 7  // G
	aUsed        = 8  // H: the value at the chosen scenario
	aI           = 9  // I: heads, ramp months; the note of a calculator input
	aJ           = 10 // J: each time, yearly value at full effect
	aStart       = 11 // K: start month
	aEnd         = 12 // L: end month
	aMoney       = 13 // M: kind of money
	aStartAt     = 14 // N: the milestone the line starts at
	aStartOffset = 15 // O: months after it
	aEndAt       = 16 // P: the milestone the line ends at
	aEndOffset   = 17 // Q: months after it
	aOwner       = 18 // R: who delivers a benefit
	aNote        = 19 // S
)

// Scenario choices, as the Scenario cell holds them.
const (
	scenarioLikely = "Likely"
	scenarioLow    = "Low"
	scenarioHigh   = "High"
)

// Cost kinds and per-head choices, as the cells hold them.
var costKindWords = map[casebuilder.CostKind]string{
	casebuilder.OneTime: "one-time",
	casebuilder.Monthly: "monthly",
	casebuilder.Yearly:  "yearly",
}

// splitWords is what the Money cell of a benefit tied to a calculator
// whose parts are of several kinds of money says: its value is split as
// the parts of the cost of pain it avoids are (Cash flows sheet). It names
// no kind, so that no SUMIF on a kind counts it.
const splitWords = "split by the pain's parts"

type assumptionsLayout struct {
	// painRow is the row of each calculator input the calculator needs,
	// the first year's for an input that has a row for each year, and
	// painRows every row of it, year 1 first.
	painRow  map[string]int
	painRows map[string][]int
	// costSection and benefitSection are the rows of the tables' headings;
	// costRow and benefitRow the row of each line, by alternative and line
	// (0 for the do-nothing baseline, whose lines count for nothing).
	costSection, benefitSection int
	costRow, benefitRow         [][]int
	last                        int
}

func (b *book) planAssumptions() {
	l := &b.asm
	l.painRow, l.painRows = map[string]int{}, map[string][]int{}
	r := asmRowPain + 2
	for _, st := range b.working {
		if st.Kind == casebuilder.WorkingCalculated {
			continue
		}
		l.painRow[st.Key] = r
		for range b.inputRows(st.Key) {
			l.painRows[st.Key] = append(l.painRows[st.Key], r)
			r++
		}
	}
	if len(l.painRow) == 0 {
		r++ // a note that there is no calculator
	}
	r++
	l.costSection = r
	l.costRow, r = b.lineRows(r+2, func(a *casebuilder.Alternative) int { return len(a.Costs) })
	r++
	l.benefitSection = r
	l.benefitRow, l.last = b.lineRows(r+2, func(a *casebuilder.Alternative) int { return len(a.Benefits) })
}

// lineRows lays out a table of cost or benefit lines from row first: n(a)
// rows for each alternative but doing nothing (whose lines have row 0), or
// one for a note when there are none. It returns the rows by alternative
// and line, and the row after the table.
func (b *book) lineRows(first int, n func(*casebuilder.Alternative) int) ([][]int, int) {
	r := first
	rows := make([][]int, len(b.c.Alternatives))
	for ai := range b.c.Alternatives {
		a := &b.c.Alternatives[ai]
		rows[ai] = make([]int, n(a))
		if a.DoNothing {
			continue
		}
		for li := range rows[ai] {
			rows[ai][li] = r
			r++
		}
	}
	if r == first {
		r++
	}
	return rows, r
}

// inputRows is how many rows the Assumptions sheet gives a calculator
// input: one for each year an input is given for; as many as the
// calculator tells apart for a default that reads an input given year by
// year, directly or not; else one.
func (b *book) inputRows(key string) int {
	m := b.model
	if m == nil {
		return 1
	}
	i, ok := m.index[key]
	switch {
	case !ok:
		return 1
	case m.given[i]:
		return max(1, min(len(m.values[i].Years), m.years))
	case m.def[i] == nil:
		return 1
	}
	rows := 1
	for _, dep := range m.def[i].Names() {
		rows = max(rows, b.inputRows(dep))
	}
	return rows
}

// usedCell is the Used cell of a calculator input in year y of the
// calculator: its row of that year, or its last.
func (b *book) usedCell(key string, y int) string {
	rows := b.asm.painRows[key]
	return xref(sheetAssumptions, aUsed, rows[min(y, len(rows)-1)])
}

// usedFormula picks the low, likely or high value of a row by the
// Scenario cell.
func usedFormula(row int) string {
	return fmt.Sprintf(`IF(%s="%s",%s,IF(%s="%s",%s,%s))`, nameScenario, scenarioLow, ref(aLow, row),
		nameScenario, scenarioHigh, ref(aHigh, row), ref(aLikely, row))
}

func (b *book) writeAssumptions() {
	s := b.open(sheetAssumptions, sheetSetup{
		widths:    []float64{36, 40, 12, 20, 13, 13, 13, 13, 9, 14, 9, 9, 12, 24, 8, 24, 8, 20, 40},
		freezeRow: 4, titleRows: 3, gridlines: true, tab: "FFC000",
	})
	defer s.close()
	row := func(n int) []any { return make([]any, n) }

	r := row(1)
	r[0] = b.text(rTitle, "Assumptions")
	s.put(1, r, 24)
	r = row(1)
	r[0] = b.text(rSubtitle, "Every input of the case in one place. Yellow cells with blue figures are inputs: change one and every figure "+
		"in the workbook recalculates. Italic inputs are rule-of-thumb defaults, formulas on other inputs: type a figure over them to replace them. "+
		"All amounts are in "+b.c.Currency+".")
	s.put(2, r, 0)

	b.generalSettings(s)
	b.painInputs(s)
	b.costLines(s)
	b.benefitLines(s)
}

func (b *book) generalSettings(s *sheet) {
	r := make([]any, aNote)
	r[0] = b.text(rSection, "General")
	s.put(4, r, 20)
	setting := func(row int, label string, value any, note string) {
		r := make([]any, 3)
		r[0], r[1], r[2] = b.text(rBold, label), value, b.text(rSubtitle, note)
		s.put(row, r, 0)
	}
	c := b.c
	setting(asmRowDiscount, "Discount rate (yearly)", b.number(rInputLeft, nPercent, c.DiscountRate),
		nameDiscountRate+": the yearly rate at which future money is discounted."+ratesWhy(c))
	setting(asmRowMonthly, "Discount rate (monthly)", b.formula(rCalcLeft, nPercent, "(1+"+nameDiscountRate+")^(1/12)-1",
		pow1p(c.DiscountRate, 1.0/12)-1), nameMonthlyRate+": the monthly rate equal to the yearly one, for Excel's NPV on monthly flows.")
	setting(asmRowHorizon, "Horizon (months)", b.number(rInputLeft, nInt, float64(b.months)),
		nameHorizon+fmt.Sprintf(": months of cash flows, month 0 first. A shorter horizon recalculates in place; "+
			"the workbook has columns for %d months, so a longer one needs a new export from Case Builder.", b.months))
	var start any = b.blank(rInputLeft, nDate)
	if !c.StartDate.IsZero() {
		start = b.number(rInputLeft, nDate, serial(c.StartDate))
	}
	setting(asmRowStart, "Start date", start, nameStartDate+": the calendar month of month 0. The months of the lines anchored to "+
		"milestones count from it.")
	setting(asmRowCurrency, "Currency", b.text(rPlain, c.Currency),
		"Every amount in the case is in this currency. It is not an input: Case Builder writes the formats in it.")
	setting(asmRowScenario, "Scenario", b.text(rInput, scenarioLikely),
		nameScenario+": Likely uses every estimate's likely value, as Case Builder's figures do; Low uses every low value "+
			"(the cheapest cost, the smallest benefit) and High every high value. The Used columns below follow it.")
	basis := string(casebuilder.ReserveExpected)
	bases := []string{string(casebuilder.ReserveExpected), string(casebuilder.ReserveNone)}
	reserveNote := nameReserveBasis + ": expected books, for each alternative, the expected cost of its risks (Risks sheet) as a cost in month 0; none books no reserve."
	switch c.Reserve.Basis {
	case casebuilder.ReserveNone:
		basis = string(casebuilder.ReserveNone)
	case casebuilder.ReservePercentile:
		basis = string(casebuilder.ReservePercentile)
		bases = append(bases, basis)
		reserveNote += " percentile books the P" + b.percentileName() + " of the risks' contingency costs, as Case Builder worked it out."
	}
	setting(asmRowReserve, "Contingency reserve", b.text(rInput, basis), reserveNote)
	setting(asmRowComplete, "Pain calculator complete", b.formula(rCalcLeft, nGeneral, b.painCompleteFormula(), b.calc != nil && b.res.Pain.Complete()),
		namePainComplete+": TRUE once every input the calculator needs is entered. Until then the cost of pain, and every benefit "+
			"valued from it, counts as zero, as in Case Builder.")
	setting(asmRowFiscal, "Fiscal year starts in month", b.number(rInputLeft, nInt, float64(b.fiscalStart())),
		nameFiscalYearStart+": the month (1 is January) the company's fiscal year starts in; the Fiscal years sheet adds up the money by it.")
	s.validate(ref(aName, asmRowDiscount), nil, 0, 1, false, "The discount rate is a yearly fraction between 0 % and 100 %.")
	s.validate(ref(aName, asmRowHorizon), nil, 1, float64(b.months), true,
		fmt.Sprintf("The horizon is a whole number of months from 1 to %d (the months this workbook has columns for).", b.months))
	s.validate(ref(aName, asmRowScenario), []string{scenarioLikely, scenarioLow, scenarioHigh}, 0, 0, false, "Choose Likely, Low or High.")
	s.validate(ref(aName, asmRowReserve), bases, 0, 0, false, "Choose "+strings.Join(bases, ", ")+".")
	s.validate(ref(aName, asmRowFiscal), nil, 1, 12, true, "The fiscal year starts in a month from 1 (January) to 12 (December).")
}

// fiscalStart is the month the case's fiscal year starts in, 1 to 12.
func (b *book) fiscalStart() int {
	if m := b.c.FiscalYearStart; m >= 1 && m <= 12 {
		return m
	}
	return 1
}

// painCompleteFormula is TRUE when every input the calculator needs and
// that has no default holds a figure, in every year it has a row for.
func (b *book) painCompleteFormula() string {
	if b.calc == nil {
		return "FALSE"
	}
	var cells []string
	for _, st := range b.working[:b.calcLines] {
		if in := casebuilder.LookupInput(st.Key); st.Kind != casebuilder.WorkingCalculated && !in.HasDefault() {
			for _, row := range b.asm.painRows[st.Key] {
				cells = append(cells, ref(aLikely, row))
			}
		}
	}
	if len(cells) == 0 {
		return "TRUE"
	}
	return fmt.Sprintf("COUNT(%s)=%d", strings.Join(cells, ","), len(cells))
}

func (b *book) painInputs(s *sheet) {
	title := "Cost-of-pain inputs"
	if b.calc != nil {
		title += ": " + b.calc.Name
	}
	r := make([]any, aNote)
	r[0] = b.text(rSection, title)
	s.put(asmRowPain, r, 20)
	header := []string{"Input", "Name in formulas", "Unit", "Source", "Low", "Likely", "High", "Used", "Note"}
	r = make([]any, aI)
	for i, h := range header {
		r[i] = b.text(rHeader, h)
	}
	s.put(asmRowPain+1, r, 0)
	s.merge(aI, asmRowPain+1, aNote, asmRowPain+1)
	if len(b.asm.painRow) == 0 {
		r = make([]any, 1)
		r[0] = b.text(rNote, "The case has no pain category yet, so no calculator: the cost of pain is zero.")
		s.put(asmRowPain+2, r, 0)
		return
	}
	noteWidth := b.widthOf(s.widths, aI, aNote)
	// The components' rows follow the calculator's.
	defer b.componentInputs(s, noteWidth)
	m := b.model
	if m == nil {
		return
	}
	// The calculator with every input at its low and at its high value,
	// year by year, for the defaults' cached results.
	at := func(pick func(casebuilder.Range) float64) [][]float64 {
		out := make([][]float64, m.years)
		for y := range out {
			out[y] = m.env()
			m.today(out[y], y, pick)
		}
		return out
	}
	low := at(func(r casebuilder.Range) float64 { return r.Low })
	high := at(func(r casebuilder.Range) float64 { return r.High })
	for _, st := range b.working[:b.calcLines] {
		if st.Kind == casebuilder.WorkingCalculated {
			continue
		}
		in := casebuilder.LookupInput(st.Key)
		rows := b.asm.painRows[st.Key]
		given := b.c.Pain.Inputs[st.Key]
		i := m.index[st.Key]
		for y, row := range rows {
			r := make([]any, aI)
			label := in.Label
			if len(rows) > 1 {
				label += fmt.Sprintf(", year %d", y+1)
			}
			r[aLabel-1] = b.text(rBold, label)
			if y == 0 {
				r[aName-1] = b.text(rKey, formulaName(in.Key))
			}
			r[aKind-1] = b.text(rPlain, b.unitName(in.Unit))
			note := in.Help
			py := b.painYear(y)
			nf := unitFormat(in.Unit, b.today[py][i])
			switch st.Kind {
			case casebuilder.WorkingInput:
				est := given.InYear(y)
				nf = unitFormat(in.Unit, est.Likely)
				source := "Entered"
				if given.Yearly() {
					source = "Entered for the year"
					if y == len(rows)-1 && y < b.years-1 {
						source = "Entered; holds after"
						note = "The last year given holds for the years after it. " + note
					}
				}
				if y > 0 {
					note = ""
				}
				r[aD-1] = b.text(rPlain, source)
				r[aLow-1] = b.number(rInput, nf, est.Low)
				r[aLikely-1] = b.number(rInput, nf, est.Likely)
				r[aHigh-1] = b.number(rInput, nf, est.High)
			case casebuilder.WorkingDefault:
				def := in.DefaultIn(&b.c.Pain)
				r[aD-1] = b.text(rPlain, "Rule of thumb")
				if from := in.DefaultFrom; from != "" && def.String() == from {
					r[aD-1] = b.text(rPlain, "From the case")
					note = fmt.Sprintf("The case gives its %s (on this sheet), which this input takes in place of the rule of thumb: "+
						"type a figure over it to replace it.", strings.ToLower(casebuilder.LookupInput(from).Label))
				} else {
					note = in.DefaultNote + " Formula: " + in.Default + "."
				}
				if y > 0 {
					note = ""
				}
				for _, at := range []struct {
					col   int
					value float64
				}{{aLow, low[py][i]}, {aLikely, b.today[py][i]}, {aHigh, high[py][i]}} {
					f := def.Format(func(dep string) string {
						deps := b.asm.painRows[dep]
						return ref(at.col, deps[min(y, len(deps)-1)])
					})
					r[at.col-1] = b.formula(rDefault, nf, f, at.value)
				}
			default:
				r[aD-1] = b.text(rBold, "Missing: enter it")
				r[aLow-1], r[aLikely-1], r[aHigh-1] = b.blank(rInput, nf), b.blank(rInput, nf), b.blank(rInput, nf)
			}
			r[aUsed-1] = b.formula(rCalc, nf, usedFormula(row), b.today[py][i])
			r[aI-1] = b.text(rNote, note)
			s.put(row, r, rowHeight(note, noteWidth))
			s.merge(aI, row, aNote, row)
		}
		s.validate(ref(aLow, rows[0])+":"+ref(aHigh, rows[len(rows)-1]), nil, in.Min, in.Max, false,
			fmt.Sprintf("%s must be between %v and %v.", in.Label, in.Min, in.Max))
	}
}

// componentInputs writes the quantity and the cost of each of every
// component of the pain: inputs with a low, likely and high estimate, as
// the calculator's are.
func (b *book) componentInputs(s *sheet, noteWidth float64) {
	for _, st := range b.working[b.calcLines:] {
		cr, ok := b.c.Pain.ComponentOf(st.Key)
		if !ok || st.Kind == casebuilder.WorkingCalculated {
			continue
		}
		row := b.asm.painRow[st.Key]
		est := cr.Range()
		nf := unitFormat(cr.Unit(), est.Likely)
		note := "A component of the pain, entered in Case Builder."
		if src := strings.TrimSpace(cr.Component.Source); src != "" {
			note = "A component of the pain. Source: " + src
		}
		if cr.Rate {
			note = "In " + b.c.Currency + ", " + moneyName(cr.Component.MoneyKind()) + "."
		}
		r := make([]any, aI)
		r[aLabel-1] = b.text(rBold, cr.Label())
		r[aName-1] = b.text(rKey, b.keyName(st.Key))
		r[aKind-1] = b.text(rPlain, b.unitName(cr.Unit()))
		r[aD-1] = b.text(rPlain, "Entered")
		b.estimate(r, row, nf, est)
		r[aI-1] = b.text(rNote, note)
		s.put(row, r, rowHeight(note, noteWidth))
		s.merge(aI, row, aNote, row)
		s.validate(ref(aLow, row)+":"+ref(aHigh, row), nil, 0, casebuilder.MaxAmount, false,
			fmt.Sprintf("%s must be between 0 and %v.", cr.Label(), casebuilder.MaxAmount))
	}
}

func (b *book) tableHeader(s *sheet, section int, title string, header []string) {
	r := make([]any, aNote)
	r[0] = b.text(rSection, title)
	s.put(section, r, 20)
	r = make([]any, len(header))
	height := 30.0
	for i, h := range header {
		r[i] = b.text(rHeader, h)
		height = max(height, rowHeight(h, s.widths[i]))
	}
	s.put(section+1, r, height)
}

// moneyWords are the kinds of money as the Money cells hold them.
var (
	costMoneyWords    = []string{string(casebuilder.Cash), string(casebuilder.PeopleTime)}
	benefitMoneyWords = []string{string(casebuilder.Cash), string(casebuilder.Margin), string(casebuilder.Avoidance), string(casebuilder.Productivity)}
)

// moneyNames say what the kinds of money are, for people.
var moneyNames = map[casebuilder.MoneyKind]string{
	casebuilder.Cash:         "cash",
	casebuilder.PeopleTime:   "people's time",
	casebuilder.Margin:       "margin on additional sales",
	casebuilder.Avoidance:    "cost avoidance",
	casebuilder.Productivity: "productivity",
}

// moneyName says what a kind of money is, for people: its name in
// moneyNames, else the kind as the case file spells it.
func moneyName(k casebuilder.MoneyKind) string {
	if name, ok := moneyNames[k]; ok {
		return name
	}
	return string(k)
}

func (b *book) costLines(s *sheet) {
	b.tableHeader(s, b.asm.costSection, "Costs of the alternatives", []string{"Alternative", "Cost line", "Kind", "Per head",
		"Low", "Likely", "High", "Used", "Heads", "Each time", "Start month", "End month", "Money",
		"Starts at", "Start offset (months)", "Ends at", "End offset (months)", "", "Note"})
	for l := range b.listed(b.asm.costRow) {
		a, res, li, row := &b.c.Alternatives[l.ai], &b.res.Alternatives[l.ai], l.li, l.row
		k := &a.Costs[li]
		r := b.lineRow(a.Name, k.Name)
		r[aKind-1] = b.text(rInput, costKindWords[k.Kind])
		perHead := "No"
		if k.PerHead {
			perHead = "Yes"
		}
		r[aD-1] = b.text(rInput, perHead)
		b.estimate(r, row, nMoney, k.Amount)
		note := k.Note
		if k.HeadsFrom != "" {
			heads := b.headsFor(k.HeadsFrom, 0)
			r[aI-1] = b.formula(rCalc, unitFormat(figure.Count, heads.value), heads.formula, heads.value)
			note = strings.TrimSpace(fmt.Sprintf("The heads follow the %s on the Cost of pain sheet, year by year. %s", b.keyLabel(k.HeadsFrom), note))
		} else {
			r[aI-1] = b.number(rInput, unitFormat(figure.Count, k.Heads), k.Heads)
		}
		r[aJ-1] = b.formula(rCalc, nMoney, fmt.Sprintf(`%s*IF(%s="Yes",%s,1)`, ref(aUsed, row), ref(aD, row), ref(aI, row)),
			lineValue(res, casebuilder.CostLine, li))
		line := lineOf(res, casebuilder.CostLine, li)
		b.lineMonths(r, row, k.StartMonth, k.EndMonth, k.StartAt, k.EndAt, line)
		r[aMoney-1] = b.text(rInput, string(costMoneyOf(k)))
		r[aNote-1] = b.text(rNote, note)
		s.put(row, r, b.lineHeight(s, a.Name, k.Name, note, k.StartAt, k.EndAt))
	}
	first, last := rowSpan(b.asm.costRow)
	if first == 0 {
		s.put(b.asm.costSection+2, []any{b.text(rNote, "No alternative has costs yet.")}, 0)
		return
	}
	col := func(c int) string { return ref(c, first) + ":" + ref(c, last) }
	s.validate(col(aKind), []string{"one-time", "monthly", "yearly"}, 0, 0, false, "Choose one-time, monthly or yearly.")
	s.validate(col(aD), []string{"Yes", "No"}, 0, 0, false, "Choose Yes (the amount is per head) or No.")
	s.validate(ref(aLow, first)+":"+ref(aHigh, last), nil, 0, casebuilder.MaxAmount, false, "An amount is not negative.")
	s.validate(col(aI), nil, 0, casebuilder.MaxHeads, false, "Heads are not negative.")
	b.validateMonths(s, first, last)
	s.validate(col(aMoney), costMoneyWords, 0, 0, false, "Choose cash (new cash spent) or time (the time of people already paid).")
	b.validateOffsets(s, first, last)
}

// listedLine is a cost or benefit line the Assumptions sheet lists: line
// li of alternative ai, in row.
type listedLine struct{ ai, li, row int }

// listed yields, in order, the lines whose rows on the Assumptions sheet
// are rows (b.asm.costRow or b.asm.benefitRow): the lines of every
// alternative but doing nothing, which has none there.
func (b *book) listed(rows [][]int) iter.Seq[listedLine] {
	return func(yield func(listedLine) bool) {
		for ai, a := range b.c.Alternatives {
			if a.DoNothing {
				continue
			}
			for li, row := range rows[ai] {
				if !yield(listedLine{ai, li, row}) {
					return
				}
			}
		}
	}
}

// rowSpan is the first and the last of the rows of lines, 0 and 0 when
// there are none.
func rowSpan(rows [][]int) (first, last int) {
	for _, rs := range rows {
		for _, r := range rs {
			if r == 0 {
				continue
			}
			if first == 0 {
				first = r
			}
			last = r
		}
	}
	return first, last
}

// lineRow starts the row of a cost or benefit line: its alternative's
// name and its own.
func (b *book) lineRow(alt, name string) []any {
	r := make([]any, aNote)
	r[aLabel-1] = b.text(rWrap, alt)
	r[aName-1] = b.text(rBoldWrap, name)
	return r
}

// estimate writes a low, likely and high estimate in a row's columns aLow
// to aHigh, inputs, and in aUsed the one the Scenario cell picks.
func (b *book) estimate(r []any, row int, nf numFmt, est casebuilder.Range) {
	r[aLow-1] = b.number(rInput, nf, est.Low)
	r[aLikely-1] = b.number(rInput, nf, est.Likely)
	r[aHigh-1] = b.number(rInput, nf, est.High)
	r[aUsed-1] = b.formula(rCalc, nf, usedFormula(row), est.Likely)
}

// lineHeight is the height of a cost or benefit line's row: what its
// alternative's name, its own, its note, its anchors and any other texts
// (more, each its own height) need in their columns.
func (b *book) lineHeight(s *sheet, alt, name, note string, startAt, endAt *casebuilder.Anchor, more ...float64) float64 {
	h := max(rowHeight(note, s.widths[aNote-1]), rowHeight(name, 40), rowHeight(alt, 36),
		rowHeight(anchorWords(b.c, startAt), s.widths[aStartAt-1]), rowHeight(anchorWords(b.c, endAt), s.widths[aEndAt-1]))
	for _, m := range more {
		h = max(h, m)
	}
	return h
}

// validateMonths restricts the start and end months of lines, in rows
// first to last, to months of the horizon.
func (b *book) validateMonths(s *sheet, first, last int) {
	s.validate(ref(aStart, first)+":"+ref(aEnd, last), nil, 0, casebuilder.MaxHorizonMonths-1, true,
		"Months count from 0, the first month; leave the end month empty to run to the horizon.")
}

// validateOffsets restricts the offsets of anchored lines to whole months.
func (b *book) validateOffsets(s *sheet, first, last int) {
	for _, c := range []int{aStartOffset, aEndOffset} {
		s.validate(ref(c, first)+":"+ref(c, last), nil, -casebuilder.MaxHorizonMonths, casebuilder.MaxHorizonMonths, true,
			"An offset is a whole number of months after the milestone (before it when negative).")
	}
}

// costMoneyOf and benefitMoneyOf are the kinds of money of lines, as Case
// Builder takes them when the case does not say: new cash for a cost, cost
// avoidance for a benefit.
func costMoneyOf(k *casebuilder.Cost) casebuilder.MoneyKind {
	if k.Money == "" {
		return casebuilder.Cash
	}
	return k.Money
}

func benefitMoneyOf(bf *casebuilder.Benefit) casebuilder.MoneyKind {
	if bf.Money == "" {
		return casebuilder.Avoidance
	}
	return bf.Money
}

// lineMonths writes a line's start and end months and its anchors: fixed
// months are inputs; a month anchored to a milestone is a formula on the
// milestone's date on the Plan sheet (see anchorMonth), with the offset an
// input beside it.
func (b *book) lineMonths(r []any, row, start int, end *int, startAt, endAt *casebuilder.Anchor, line *casebuilder.LineResult) {
	placed := 0
	var placedEnd *int
	if line != nil {
		placed, placedEnd = line.StartMonth, line.EndMonth
	}
	if startAt != nil {
		r[aStart-1] = b.formula(rCalc, nInt, b.anchorMonth(startAt, ref(aStartOffset, row), false, strconv.Itoa(start)), float64(placed))
		r[aStartAt-1] = b.text(rWrap, anchorWords(b.c, startAt))
		r[aStartOffset-1] = b.number(rInput, nInt, float64(startAt.OffsetMonths))
	} else {
		r[aStart-1] = b.number(rInput, nInt, float64(start))
	}
	switch {
	case endAt != nil:
		var cached any = ""
		if placedEnd != nil {
			cached = float64(*placedEnd)
		}
		r[aEnd-1] = b.formula(rCalc, nInt, b.anchorMonth(endAt, ref(aEndOffset, row), true, `""`), cached)
		r[aEndAt-1] = b.text(rWrap, anchorWords(b.c, endAt))
		r[aEndOffset-1] = b.number(rInput, nInt, float64(endAt.OffsetMonths))
	case end != nil:
		r[aEnd-1] = b.number(rInput, nInt, float64(*end))
	default:
		r[aEnd-1] = b.blank(rInput, nInt)
	}
}

// anchorMonth is the formula of the month at which an anchor places a line:
// the month index, from the case's start date, of its milestone's start
// date, or of the day after its end date, plus the offset in the cell
// offset; less one for a line that ends there, whose last month is the one
// before. Where the milestone or the case has no date, the line keeps its
// fixed month, fallback, as in Case Builder.
func (b *book) anchorMonth(a *casebuilder.Anchor, offset string, ends bool, fallback string) string {
	row, ok := b.ms.milestoneRow[a.Milestone]
	if !ok {
		return fallback
	}
	col, day := pStart, xref(sheetPlan, pStart, row)
	if a.At == casebuilder.AtEnd {
		col = pEnd
		day = xref(sheetPlan, col, row) + "+1"
	}
	date := xref(sheetPlan, col, row)
	f := monthIndex(day) + "+" + offset
	if ends {
		f += "-1"
	}
	return fmt.Sprintf(`IF(OR(%s="",%s=""),%s,%s)`, nameStartDate, date, fallback, f)
}

// monthIndex is the formula of the period (0 is the case's first month) in
// which the day whose serial number day gives falls.
func monthIndex(day string) string {
	return fmt.Sprintf("(YEAR(%s)-YEAR(%s))*12+MONTH(%s)-MONTH(%s)", day, nameStartDate, day, nameStartDate)
}

// anchorWords says where an anchor places a line: "end of Roll-out
// (rollout), + 1 month".
func anchorWords(c *casebuilder.Case, a *casebuilder.Anchor) string {
	if a == nil {
		return ""
	}
	name := a.Milestone
	for _, m := range c.Plan.Milestones {
		if m.ID == a.Milestone {
			name = fmt.Sprintf("%s (%s)", m.Name, m.ID)
			break
		}
	}
	return string(a.At) + " of " + name
}

// lineValue is the app's value of a line: one occurrence of a cost, or a
// benefit's yearly value at full effect, at the likely values.
func lineValue(res *casebuilder.AltResult, kind casebuilder.LineKind, index int) float64 {
	if l := lineOf(res, kind, index); l != nil {
		return l.Value.Likely
	}
	return 0
}

// lineOf returns the app's result of a line, or nil.
func lineOf(res *casebuilder.AltResult, kind casebuilder.LineKind, index int) *casebuilder.LineResult {
	for i := range res.Lines {
		if l := &res.Lines[i]; l.Kind == kind && l.Index == index {
			return l
		}
	}
	return nil
}

var basisWords = map[casebuilder.BenefitBasis]string{
	casebuilder.BenefitAmount:    "amount",
	casebuilder.BenefitPainInput: "pain input",
	casebuilder.BenefitPainShare: "share of pain",
}

func (b *book) benefitLines(s *sheet) {
	b.tableHeader(s, b.asm.benefitSection, "Benefits of the alternatives", []string{"Alternative", "Benefit line", "Basis", "Input changed",
		"Low", "Likely", "High", "Used", "Ramp-up (months)", "Yearly value at full effect (year 1)", "Start month", "End month", "Money",
		"Starts at", "Start offset (months)", "Ends at", "End offset (months)", "Owner", "Note"})
	var moneyRows []int // the rows whose kind of money is an input
	for l := range b.listed(b.asm.benefitRow) {
		a, res, ai, li, row := &b.c.Alternatives[l.ai], &b.res.Alternatives[l.ai], l.ai, l.li, l.row
		bf := &a.Benefits[li]
		r := b.lineRow(a.Name, bf.Name)
		r[aKind-1] = b.text(rPlain, basisWords[bf.Basis])
		value := lineValue(res, casebuilder.BenefitLine, li)
		note := bf.Note
		var est casebuilder.Range
		nf := nMoney
		yearly := b.formula(rCalc, nMoney, ref(aUsed, row), value)
		switch bf.Basis {
		case casebuilder.BenefitAmount:
			est = bf.Annual
		case casebuilder.BenefitPainShare:
			est, nf = bf.Share, nPercent
			r[aD-1] = b.text(rPlain, "yearly cost of pain")
			yearly = b.formula(rCalc, nMoney, ref(aUsed, row)+"*"+nameCostOfPain, value)
		case casebuilder.BenefitPainInput:
			est = bf.To
			label := bf.Input
			in := casebuilder.LookupInput(bf.Input)
			if in != nil {
				label, nf = in.Label, unitFormat(in.Unit, bf.To.Likely)
			}
			r[aD-1] = b.text(rPlain, label)
			if cr, ok := b.c.Pain.ComponentOf(bf.Input); ok {
				r[aD-1] = b.text(rPlain, cr.Label())
				nf = unitFormat(cr.Unit(), bf.To.Likely)
				yearly = b.formula(rCalc, nMoney, b.componentSaving(ai, li, cr, row), value)
			} else if cells, ok := b.attr.avoided[[2]int{ai, li}]; ok {
				yearly = b.formula(rCalc, nMoney, cells[0], value)
				if in != nil && in.Floor != "" && b.model.floor[b.model.index[in.Key]] != nil {
					note = strings.TrimSpace(fmt.Sprintf("The change counts only as far as %s: no programme prevents every exit "+
						"(Pain attribution sheet). %s", in.Floor, note))
				}
			} else {
				yearly = b.number(rCalc, nMoney, 0)
				note = strings.TrimSpace("This input does not enter the case's pain calculator, so the change avoids no cost. " + note)
			}
		}
		if b.painYears() > 1 && b.tied(bf) {
			note = strings.TrimSpace("Its value follows the cost of pain year by year (Cash flows sheet). " + note)
		}
		b.estimate(r, row, nf, est)
		r[aI-1] = b.number(rInput, nInt, float64(bf.RampMonths))
		r[aJ-1] = yearly
		b.lineMonths(r, row, bf.StartMonth, bf.EndMonth, bf.StartAt, bf.EndAt, lineOf(res, casebuilder.BenefitLine, li))
		switch kinds := b.benefitKinds(bf); {
		case len(kinds) > 1:
			r[aMoney-1] = b.text(rPlain, splitWords)
			names := make([]string, len(kinds))
			for i, k := range kinds {
				names[i] = moneyName(k)
			}
			note = strings.TrimSpace(fmt.Sprintf("Its money is %s, as the parts of the cost of pain it avoids are. %s",
				strings.Join(names, " and "), note))
		case b.tied(bf) || b.onComponent(bf):
			r[aMoney-1] = b.text(rPlain, string(kinds[0]))
		default:
			r[aMoney-1] = b.text(rInput, string(benefitMoneyOf(bf)))
			moneyRows = append(moneyRows, row)
		}
		r[aOwner-1] = b.text(rWrap, bf.Owner)
		r[aNote-1] = b.text(rNote, note)
		s.put(row, r, b.lineHeight(s, a.Name, bf.Name, note, bf.StartAt, bf.EndAt, rowHeight(bf.Owner, s.widths[aOwner-1])))
	}
	first, last := rowSpan(b.asm.benefitRow)
	if first == 0 {
		s.put(b.asm.benefitSection+2, []any{b.text(rNote, "No alternative has benefits yet.")}, 0)
		return
	}
	s.validate(ref(aI, first)+":"+ref(aI, last), nil, 0, casebuilder.MaxHorizonMonths, true, "Ramp-up months are a whole number, 0 for full effect at once.")
	b.validateMonths(s, first, last)
	if len(moneyRows) > 0 {
		var sq []string
		for _, row := range moneyRows {
			sq = append(sq, ref(aMoney, row))
		}
		s.validate(strings.Join(sq, " "), benefitMoneyWords, 0, 0, false,
			"Choose cash (a cost the company stops paying), margin (on additional sales), avoidance (a cost avoided) or productivity (time freed).")
	}
	b.validateOffsets(s, first, last)
}

// tied reports whether a benefit line is valued by the pain calculator, as
// Case Builder values it: a share of the cost of pain, or a change of an
// input the calculator needs (worth nothing, whatever its kinds, until the
// calculator has every input).
func (b *book) tied(bf *casebuilder.Benefit) bool {
	if b.model == nil {
		return false
	}
	switch bf.Basis {
	case casebuilder.BenefitPainShare:
		return true
	case casebuilder.BenefitPainInput:
		i, ok := b.model.index[bf.Input]
		return ok && b.model.needed[i]
	}
	return false
}

// benefitKinds are the kinds of money of a benefit line: those of the
// parts of the cost of pain, for a line tied to the calculator; else its
// own.
func (b *book) benefitKinds(bf *casebuilder.Benefit) []casebuilder.MoneyKind {
	if b.onComponent(bf) {
		cr, _ := b.c.Pain.ComponentOf(bf.Input)
		return []casebuilder.MoneyKind{cr.Component.MoneyKind()}
	}
	switch {
	case b.tied(bf) && bf.Basis == casebuilder.BenefitPainShare:
		return b.painKinds()
	case b.tied(bf):
		return b.model.kinds
	}
	return []casebuilder.MoneyKind{benefitMoneyOf(bf)}
}

// ratesWhy is the case's reason for its discount rate and horizon, as
// the end of a note; "" when it gives none.
func ratesWhy(c *casebuilder.Case) string {
	if r := strings.TrimSpace(c.RatesReason); r != "" {
		return " Why this rate and horizon: " + r
	}
	return ""
}

// onComponent reports whether a benefit line changes a component of the
// pain: its quantity or its cost of each.
func (b *book) onComponent(bf *casebuilder.Benefit) bool {
	if bf.Basis != casebuilder.BenefitPainInput {
		return false
	}
	_, ok := b.c.Pain.ComponentOf(bf.Input)
	return ok
}

// componentSaving is the formula of what benefit line li of alternative ai,
// which changes component cr, saves a year: the component's yearly cost as
// the alternative's lines before it left it (each at its likely change)
// less its cost with this line's change at the chosen scenario, as Case
// Builder values it.
func (b *book) componentSaving(ai, li int, cr casebuilder.ComponentRef, row int) string {
	k := cr.Component
	cur := [2]string{b.keyName(k.QuantityKey()), b.keyName(k.RateKey())}
	for lj, bf := range b.c.Alternatives[ai].Benefits[:li] {
		if prev, ok := b.c.Pain.ComponentOf(bf.Input); ok && bf.Basis == casebuilder.BenefitPainInput && prev.Component == k {
			side := 0
			if prev.Rate {
				side = 1
			}
			cur[side] = ref(aLikely, b.asm.benefitRow[ai][lj])
		}
	}
	after := cur
	side := 0
	if cr.Rate {
		side = 1
	}
	after[side] = ref(aUsed, row)
	f := fmt.Sprintf("(%s*%s-%s*%s)", cur[0], cur[1], after[0], after[1])
	if k.Per == casebuilder.PerMonth {
		f += "*" + strconv.Itoa(casebuilder.PeriodsPerYear)
	}
	return f
}
