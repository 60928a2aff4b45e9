package workbook

import (
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
			name(formulaName(st.Key), xref(sheetPain, painValueCol, painFirstRow+i))
		} else {
			name(formulaName(st.Key), xref(sheetAssumptions, aUsed, b.asm.painRow[st.Key]))
		}
	}
}

// defined is a defined name; a scope limits it to one sheet (print titles
// and print areas are).
func defined(name, scope, refersTo string) *excelize.DefinedName {
	return &excelize.DefinedName{Name: name, Scope: scope, RefersTo: refersTo}
}
