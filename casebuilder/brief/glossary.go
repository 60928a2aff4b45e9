package brief

import (
	"fmt"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// term is an entry of the glossary: the term as the brief writes it, and
// what it means, in words.
type term struct{ name, meaning string }

// terms are the glossary's entries, in the order a reader meets them.
func (d *doc) terms() []term {
	reserve := "Money in an alternative's budget for its risks: the expected cost of their contingency plans, Σ likelihood × contingency cost, booked in its first month. A risk that concerns several alternatives is in the reserve of each."
	switch d.c.Reserve.Basis {
	case casebuilder.ReserveNone:
		reserve = "Money in an alternative's budget for its risks. This case books none: the contingency plans' cost is in no budget."
	case casebuilder.ReservePercentile:
		reserve = fmt.Sprintf("Money in an alternative's budget for its risks: the total cost of their contingency plans that %s of outcomes stay within, each risk happening or not with its likelihood, booked in its first month. A risk that concerns several alternatives is in the reserve of each.", d.roundPercent(d.reservePercentile()))
	}
	return []term{
		{"NPV, net present value", "What an alternative's costs and benefits over the horizon are worth today: each month's net cash flow discounted at the discount rate, summed. Above zero, it earns more than that rate."},
		{"IRR, internal rate of return", fmt.Sprintf("The yearly discount rate at which the NPV would be zero: the return the money put in earns. The summary writes a rate above %[1]s as \"above %[1]s\": the money comes back within about a year.", d.roundPercent(1))},
		{"ROI (Phillips), return on investment", "Net benefit (total benefit less total cost) over total cost, undiscounted, as the Phillips ROI Methodology defines it: " + fmt.Sprintf("%s means the benefits are one and a half times the costs.", d.roundPercent(0.5))},
		{"BCR, benefit-cost ratio", "The present value of the benefits over the present value of the costs: above 1, the benefits outweigh the costs at today's value."},
		{"Payback", casebuilder.PaybackConvention + " Still negative at the end of the horizon: not paid back within it."},
		{"P10, P50, P90", "The simulation works the figures out thousands of times, each estimate drawn at random within its range. One outcome in ten falls below P10 and one in ten above P90: eight in ten lie between them. P50 is the median."},
		{"PERT", "The shape each estimate is drawn from in the simulation: a smooth curve from its low to its high value peaking at its likely value, so that values near it are drawn most often."},
		{"Contingency reserve", reserve},
	}
}

// glossary writes the terms the brief uses, each said in words.
func (d *doc) glossary() {
	d.appendixSub(partGlossary)
	t := &table{caption: "Terms used in this brief", size: 7, tight: true, cols: []col{{head: "Term", w: 22, align: "L"}, {head: "What it means", w: 78, align: "L"}}}
	for _, tm := range d.terms() {
		t.rows = append(t.rows, row{cells: []cell{{s: tm.name, style: "B"}, {s: tm.meaning}}})
	}
	d.table(t)
}

// reservePercentile is the share of outcomes a percentile reserve covers.
func (d *doc) reservePercentile() float64 {
	if p := d.c.Reserve.Percentile; p > 0 && p < 1 {
		return p
	}
	return casebuilder.DefaultReservePercentile
}
