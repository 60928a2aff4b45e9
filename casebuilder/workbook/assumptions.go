package workbook

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// The Assumptions sheet: every input of the case in one place. The general
// settings sit at fixed rows (their cells carry defined names), then the
// calculator's inputs, the cost lines and the benefit lines.
const (
	asmRowDiscount = 5
	asmRowMonthly  = 6
	asmRowHorizon  = 7
	asmRowStart    = 8
	asmRowCurrency = 9
	asmRowScenario = 10
	asmRowReserve  = 11
	asmRowComplete = 12
	asmRowPain     = 14 // the calculator's section heading
)

// Columns of the tables.
const (
	aLabel  = 1  // A: input, or alternative
	aName   = 2  // B: name in formulas, or line; the value of a general setting
	aKind   = 3  // C: unit, kind of cost, basis of a benefit
	aD      = 4  // D: source, per head, input changed
	aLow    = 5  // E
	aLikely = 6  // F
	aHigh   = 7  // G
	aUsed   = 8  // H: the value at the chosen scenario
	aI      = 9  // I: heads, ramp months
	aJ      = 10 // J: each time, yearly value at full effect
	aStart  = 11 // K: start month
	aEnd    = 12 // L: end month
	aNote   = 13 // M
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

type assumptionsLayout struct {
	// painRow is the row of each calculator input the calculator needs.
	painRow map[string]int
	// costSection and benefitSection are the rows of the tables' headings;
	// costRow and benefitRow the row of each line, by alternative and line
	// (0 for the do-nothing baseline, whose lines count for nothing).
	costSection, benefitSection int
	costRow, benefitRow         [][]int
	last                        int
}

func (b *book) planAssumptions() {
	l := &b.asm
	l.painRow = map[string]int{}
	r := asmRowPain + 2
	for _, st := range b.working {
		if st.Kind != casebuilder.WorkingCalculated {
			l.painRow[st.Key] = r
			r++
		}
	}
	if len(l.painRow) == 0 {
		r++ // a note that there is no calculator
	}
	r++
	l.costSection = r
	r += 2
	first := r
	l.costRow = make([][]int, len(b.c.Alternatives))
	for ai, a := range b.c.Alternatives {
		l.costRow[ai] = make([]int, len(a.Costs))
		if a.DoNothing {
			continue
		}
		for li := range a.Costs {
			l.costRow[ai][li] = r
			r++
		}
	}
	if r == first {
		r++
	}
	r++
	l.benefitSection = r
	r += 2
	first = r
	l.benefitRow = make([][]int, len(b.c.Alternatives))
	for ai, a := range b.c.Alternatives {
		l.benefitRow[ai] = make([]int, len(a.Benefits))
		if a.DoNothing {
			continue
		}
		for li := range a.Benefits {
			l.benefitRow[ai][li] = r
			r++
		}
	}
	if r == first {
		r++
	}
	l.last = r
}

// usedFormula picks the low, likely or high value of a row by the
// Scenario cell.
func usedFormula(row int) string {
	return fmt.Sprintf(`IF(%s="%s",%s,IF(%s="%s",%s,%s))`, nameScenario, scenarioLow, ref(aLow, row),
		nameScenario, scenarioHigh, ref(aHigh, row), ref(aLikely, row))
}

func (b *book) writeAssumptions() {
	s := b.open(sheetAssumptions, sheetSetup{
		widths:    []float64{36, 40, 12, 20, 13, 13, 13, 13, 9, 14, 9, 9, 44},
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
		nameDiscountRate+": the yearly rate at which future money is discounted.")
	setting(asmRowMonthly, "Discount rate (monthly)", b.formula(rCalcLeft, nPercent, "(1+"+nameDiscountRate+")^(1/12)-1",
		pow1p(c.DiscountRate, 1.0/12)-1), nameMonthlyRate+": the monthly rate equal to the yearly one, for Excel's NPV on monthly flows.")
	setting(asmRowHorizon, "Horizon (months)", b.number(rInputLeft, nInt, float64(b.months)),
		nameHorizon+fmt.Sprintf(": months of cash flows, month 0 first. A shorter horizon recalculates in place; "+
			"the workbook has columns for %d months, so a longer one needs a new export from Case Builder.", b.months))
	var start any = b.blank(rInputLeft, nDate)
	if !c.StartDate.IsZero() {
		start = b.number(rInputLeft, nDate, serial(c.StartDate))
	}
	setting(asmRowStart, "Start date", start, nameStartDate+": the calendar month of month 0.")
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
	s.validate(ref(aName, asmRowDiscount), nil, 0, 1, false, "The discount rate is a yearly fraction between 0 % and 100 %.")
	s.validate(ref(aName, asmRowHorizon), nil, 1, float64(b.months), true,
		fmt.Sprintf("The horizon is a whole number of months from 1 to %d (the months this workbook has columns for).", b.months))
	s.validate(ref(aName, asmRowScenario), []string{scenarioLikely, scenarioLow, scenarioHigh}, 0, 0, false, "Choose Likely, Low or High.")
	s.validate(ref(aName, asmRowReserve), bases, 0, 0, false, "Choose "+strings.Join(bases, ", ")+".")
}

// painCompleteFormula is TRUE when every input the calculator needs and
// that has no default holds a figure.
func (b *book) painCompleteFormula() string {
	if b.calc == nil {
		return "FALSE"
	}
	var cells []string
	for _, st := range b.working {
		if in := casebuilder.LookupInput(st.Key); st.Kind != casebuilder.WorkingCalculated && !in.HasDefault() {
			cells = append(cells, ref(aLikely, b.asm.painRow[st.Key]))
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
	low := b.painAt(func(r casebuilder.Range) float64 { return r.Low }, nil)
	high := b.painAt(func(r casebuilder.Range) float64 { return r.High }, nil)
	for _, st := range b.working {
		if st.Kind == casebuilder.WorkingCalculated {
			continue
		}
		row := b.asm.painRow[st.Key]
		in := casebuilder.LookupInput(st.Key)
		given := b.c.Pain.Inputs[st.Key]
		nf := unitFormat(in.Unit, given.Likely)
		r := make([]any, aI)
		r[aLabel-1] = b.text(rBold, in.Label)
		r[aName-1] = b.text(rKey, formulaName(in.Key))
		r[aKind-1] = b.text(rPlain, b.unitName(in.Unit))
		note := in.Help
		switch st.Kind {
		case casebuilder.WorkingInput:
			r[aD-1] = b.text(rPlain, "Entered")
			r[aLow-1] = b.number(rInput, nf, given.Low)
			r[aLikely-1] = b.number(rInput, nf, given.Likely)
			r[aHigh-1] = b.number(rInput, nf, given.High)
		case casebuilder.WorkingDefault:
			nf = unitFormat(in.Unit, st.Value)
			r[aD-1] = b.text(rPlain, "Rule of thumb")
			note = in.DefaultNote + " Formula: " + in.Default + "."
			for _, at := range []struct {
				col   int
				value float64
			}{{aLow, low[st.Key]}, {aLikely, st.Value}, {aHigh, high[st.Key]}} {
				f := in.DefaultExpression().Format(func(dep string) string { return ref(at.col, b.asm.painRow[dep]) })
				r[at.col-1] = b.formula(rDefault, nf, f, at.value)
			}
		default:
			r[aD-1] = b.text(rBold, "Missing: enter it")
			r[aLow-1], r[aLikely-1], r[aHigh-1] = b.blank(rInput, nf), b.blank(rInput, nf), b.blank(rInput, nf)
		}
		r[aUsed-1] = b.formula(rCalc, nf, usedFormula(row), st.Value)
		r[aI-1] = b.text(rNote, note)
		s.put(row, r, rowHeight(note, 95))
		s.merge(aI, row, aNote, row)
		s.validate(ref(aLow, row)+":"+ref(aHigh, row), nil, in.Min, in.Max, false,
			fmt.Sprintf("%s must be between %v and %v.", in.Label, in.Min, in.Max))
	}
}

// painAt runs the calculator with every entered input at the value pick
// chooses and some inputs changed, and returns the value of every input and
// step by key: the app's own arithmetic, for the formulas' cached results.
func (b *book) painAt(pick func(casebuilder.Range) float64, over map[string]float64) map[string]float64 {
	p := casebuilder.Pain{Category: b.c.Pain.Category, Inputs: map[string]casebuilder.InputValue{}}
	for k, r := range b.c.Pain.Inputs {
		p.Inputs[k] = casebuilder.Given(casebuilder.Exactly(pick(r.Range)))
	}
	for k, v := range over {
		p.Inputs[k] = casebuilder.Given(casebuilder.Exactly(v))
	}
	res := casebuilder.CostOfPain(&p)
	out := make(map[string]float64, len(res.Working))
	for _, st := range res.Working {
		out[st.Key] = st.Value
	}
	return out
}

func (b *book) tableHeader(s *sheet, section int, title string, header []string) {
	r := make([]any, aNote)
	r[0] = b.text(rSection, title)
	s.put(section, r, 20)
	r = make([]any, len(header))
	for i, h := range header {
		r[i] = b.text(rHeader, h)
	}
	s.put(section+1, r, 30)
}

func (b *book) costLines(s *sheet) {
	b.tableHeader(s, b.asm.costSection, "Costs of the alternatives", []string{"Alternative", "Cost line", "Kind", "Per head",
		"Low", "Likely", "High", "Used", "Heads", "Each time", "Start month", "End month", "Note"})
	first, last := 0, 0
	for ai, a := range b.c.Alternatives {
		if a.DoNothing {
			continue
		}
		res := &b.res.Alternatives[ai]
		for li, k := range a.Costs {
			row := b.asm.costRow[ai][li]
			if first == 0 {
				first = row
			}
			last = row
			r := make([]any, aNote)
			r[aLabel-1] = b.text(rWrap, a.Name)
			r[aName-1] = b.text(rBoldWrap, k.Name)
			r[aKind-1] = b.text(rInput, costKindWords[k.Kind])
			perHead := "No"
			if k.PerHead {
				perHead = "Yes"
			}
			r[aD-1] = b.text(rInput, perHead)
			r[aLow-1] = b.number(rInput, nMoney, k.Amount.Low)
			r[aLikely-1] = b.number(rInput, nMoney, k.Amount.Likely)
			r[aHigh-1] = b.number(rInput, nMoney, k.Amount.High)
			r[aUsed-1] = b.formula(rCalc, nMoney, usedFormula(row), k.Amount.Likely)
			r[aI-1] = b.number(rInput, unitFormat(figure.Count, k.Heads), k.Heads)
			r[aJ-1] = b.formula(rCalc, nMoney, fmt.Sprintf(`%s*IF(%s="Yes",%s,1)`, ref(aUsed, row), ref(aD, row), ref(aI, row)),
				lineValue(res, casebuilder.CostLine, li))
			r[aStart-1] = b.number(rInput, nInt, float64(k.StartMonth))
			if k.EndMonth != nil {
				r[aEnd-1] = b.number(rInput, nInt, float64(*k.EndMonth))
			} else {
				r[aEnd-1] = b.blank(rInput, nInt)
			}
			r[aNote-1] = b.text(rNote, k.Note)
			s.put(row, r, max(rowHeight(k.Note, 44), rowHeight(k.Name, 40), rowHeight(a.Name, 36)))
		}
	}
	if first == 0 {
		r := make([]any, 1)
		r[0] = b.text(rNote, "No alternative has costs yet.")
		s.put(b.asm.costSection+2, r, 0)
		return
	}
	col := func(c int) string { return ref(c, first) + ":" + ref(c, last) }
	s.validate(col(aKind), []string{"one-time", "monthly", "yearly"}, 0, 0, false, "Choose one-time, monthly or yearly.")
	s.validate(col(aD), []string{"Yes", "No"}, 0, 0, false, "Choose Yes (the amount is per head) or No.")
	s.validate(ref(aLow, first)+":"+ref(aHigh, last), nil, 0, casebuilder.MaxAmount, false, "An amount is not negative.")
	s.validate(col(aI), nil, 0, casebuilder.MaxHeads, false, "Heads are not negative.")
	s.validate(ref(aStart, first)+":"+ref(aEnd, last), nil, 0, casebuilder.MaxHorizonMonths-1, true,
		"Months count from 0, the first month; leave the end month empty to run to the horizon.")
}

// lineValue is the app's value of a line: one occurrence of a cost, or a
// benefit's yearly value at full effect, at the likely values.
func lineValue(res *casebuilder.AltResult, kind casebuilder.LineKind, index int) float64 {
	for _, l := range res.Lines {
		if l.Kind == kind && l.Index == index {
			return l.Value.Likely
		}
	}
	return 0
}

var basisWords = map[casebuilder.BenefitBasis]string{
	casebuilder.BenefitAmount:    "amount",
	casebuilder.BenefitPainInput: "pain input",
	casebuilder.BenefitPainShare: "share of pain",
}

func (b *book) benefitLines(s *sheet) {
	b.tableHeader(s, b.asm.benefitSection, "Benefits of the alternatives", []string{"Alternative", "Benefit line", "Basis", "Input changed",
		"Low", "Likely", "High", "Used", "Ramp-up (months)", "Yearly value at full effect", "Start month", "End month", "Note"})
	first, last := 0, 0
	for ai, a := range b.c.Alternatives {
		if a.DoNothing {
			continue
		}
		res := &b.res.Alternatives[ai]
		for li, bf := range a.Benefits {
			row := b.asm.benefitRow[ai][li]
			if first == 0 {
				first = row
			}
			last = row
			r := make([]any, aNote)
			r[aLabel-1] = b.text(rWrap, a.Name)
			r[aName-1] = b.text(rBoldWrap, bf.Name)
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
				if in := casebuilder.LookupInput(bf.Input); in != nil {
					label, nf = in.Label, unitFormat(in.Unit, bf.To.Likely)
				}
				r[aD-1] = b.text(rPlain, label)
				if cell, ok := b.attr.avoided[[2]int{ai, li}]; ok {
					yearly = b.formula(rCalc, nMoney, cell, value)
				} else {
					yearly = b.number(rCalc, nMoney, 0)
					note = strings.TrimSpace("This input does not enter the case's pain calculator, so the change avoids no cost. " + note)
				}
			}
			r[aLow-1] = b.number(rInput, nf, est.Low)
			r[aLikely-1] = b.number(rInput, nf, est.Likely)
			r[aHigh-1] = b.number(rInput, nf, est.High)
			r[aUsed-1] = b.formula(rCalc, nf, usedFormula(row), est.Likely)
			r[aI-1] = b.number(rInput, nInt, float64(bf.RampMonths))
			r[aJ-1] = yearly
			r[aStart-1] = b.number(rInput, nInt, float64(bf.StartMonth))
			if bf.EndMonth != nil {
				r[aEnd-1] = b.number(rInput, nInt, float64(*bf.EndMonth))
			} else {
				r[aEnd-1] = b.blank(rInput, nInt)
			}
			r[aNote-1] = b.text(rNote, note)
			s.put(row, r, max(rowHeight(note, 44), rowHeight(bf.Name, 40), rowHeight(a.Name, 36)))
		}
	}
	if first == 0 {
		r := make([]any, 1)
		r[0] = b.text(rNote, "No alternative has benefits yet.")
		s.put(b.asm.benefitSection+2, r, 0)
		return
	}
	s.validate(ref(aI, first)+":"+ref(aI, last), nil, 0, casebuilder.MaxHorizonMonths, true, "Ramp-up months are a whole number, 0 for full effect at once.")
	s.validate(ref(aStart, first)+":"+ref(aEnd, last), nil, 0, casebuilder.MaxHorizonMonths-1, true,
		"Months count from 0, the first month; leave the end month empty to run to the horizon.")
}
