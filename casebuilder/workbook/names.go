package workbook

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Defined names of the key inputs and results, so that formulas read like
// the app's own arithmetic: leavers*costPerLeaver, (1+DiscountRate)^(1/12)-1.
const (
	nameDiscountRate = "DiscountRate"
	nameMonthlyRate  = "MonthlyRate"
	nameHorizon      = "HorizonMonths"
	nameStartDate    = "StartDate"
	nameScenario     = "Scenario"
	nameReserveBasis = "ReserveBasis"
	namePainComplete = "PainComplete"
	nameCostOfPain   = "CostOfPain"
	// nameFiscalYearStart is the month the company's fiscal year starts in.
	nameFiscalYearStart = "FiscalYearStart"
	// nameYearlyPain is the calculator's last step ("annual"), before the
	// check that every input it needs is there.
	nameYearlyPain = "YearlyCostOfPain"
)

// formulaName is the defined name of a calculator input or step: its key,
// except the yearly cost, whose key "annual" says too little in a workbook.
func formulaName(key string) string {
	if key == "annual" {
		return nameYearlyPain
	}
	return key
}

// Defined names of a pain's components: its quantity, its cost of each and
// its yearly cost, and the yearly cost of every part of the pain.
const (
	componentPrefix = "Component_"
	nameAllParts    = "YearlyCostAllParts"
)

// keyName is the defined name of a line of the working: a calculator
// input's or step's (formulaName), or a component's: "Component_rework",
// "Component_rework_rate", "Component_rework_cost" for the component
// "rework", whose ID may hold "-", which no name may.
func (b *book) keyName(key string) string {
	if key == totalKey {
		return nameAllParts
	}
	id, part, _ := strings.Cut(key, ".")
	if _, ok := b.c.Pain.ComponentOf(id); !ok {
		return formulaName(key)
	}
	name := componentPrefix + strings.ReplaceAll(id, "-", "_")
	if part != "" {
		name += "_" + part
	}
	return name
}

// totalKey is the key of the working's line that adds every part of the
// pain up, beside a calculator, when the pain has components.
const totalKey = "total"

func (b *book) defineNames() {
	name := func(n, refersTo string) {
		b.fail(b.f.SetDefinedName(&excelize.DefinedName{Name: n, RefersTo: refersTo}))
	}
	asm := func(row int) string { return xref(sheetAssumptions, 2, row) }
	name(nameDiscountRate, asm(asmRowDiscount))
	name(nameMonthlyRate, asm(asmRowMonthly))
	name(nameHorizon, asm(asmRowHorizon))
	name(nameStartDate, asm(asmRowStart))
	name(nameScenario, asm(asmRowScenario))
	name(nameReserveBasis, asm(asmRowReserve))
	name(namePainComplete, asm(asmRowComplete))
	name(nameFiscalYearStart, asm(asmRowFiscal))
	name(nameCostOfPain, xref(sheetPain, painValueCol, b.painCostRow()))
	for i, st := range b.working {
		if st.Kind == casebuilder.WorkingCalculated {
			name(b.keyName(st.Key), xref(sheetPain, painValueCol, painFirstRow+i))
		} else {
			name(b.keyName(st.Key), xref(sheetAssumptions, aUsed, b.asm.painRow[st.Key]))
		}
	}
}

// defined is a defined name; a scope limits it to one sheet (print titles
// and print areas are).
func defined(name, scope, refersTo string) *excelize.DefinedName {
	return &excelize.DefinedName{Name: name, Scope: scope, RefersTo: refersTo}
}
