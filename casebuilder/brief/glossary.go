package brief

import (
	"fmt"
	"time"

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
	start := time.Month(d.c.FiscalYearStart)
	if start < time.January || start > time.December {
		start = time.January
	}
	fiscal := fmt.Sprintf("The company's financial year, from %s: the budget is asked and tracked by fiscal year.", start)
	if start != time.January {
		fiscal = fmt.Sprintf("The company's financial year, from %s to %s: the budget is asked and tracked by fiscal year; \"2027/28\" is the one that starts in 2027.", start, time.Month((int(start)+10)%12+1))
	}
	return []term{
		{"NPV, net present value", "What the costs and benefits over the horizon are worth today: each month's net flow (its benefits less its costs, every kind of money) discounted at the discount rate, summed."},
		{"Cash NPV", "The NPV of the cash alone: new cash spent, the reserve included, against costs the company stops paying; margin, avoidance, productivity and people's time left out."},
		{"IRR, internal rate of return", fmt.Sprintf("The yearly discount rate at which the NPV would be zero; the summary writes one above %[1]s as \"above %[1]s\".", d.roundPercent(1))},
		{"ROI (Phillips), return on investment", "Net benefit over total cost, undiscounted, as the Phillips ROI Methodology defines it: " + fmt.Sprintf("%s is benefits of one and a half times the costs.", d.roundPercent(0.5))},
		{"BCR, benefit-cost ratio", "The present value of the benefits over that of the costs: above 1, the benefits outweigh the costs at today's value."},
		{"Payback", casebuilder.PaybackConvention + " Still negative at the end of the horizon: not paid back within it."},
		{"Break-even", "The value of one estimate at which the NPV would be zero, the others as expected; \"none within the values it can take\" where no value turns it."},
		{"P10, P50, P90", "Of thousands of simulated outcomes, each risk happening or not, one in ten falls below P10 and one in ten above P90: eight in ten lie between them. P50 is the median."},
		{"PERT", "The shape each estimate is drawn from in the simulation: a smooth curve from its low to its high value, peaking at its likely value."},
		{"Contingency reserve", reserve},
		{"Stage gate", "A decision to go on only if thresholds on the measures of success are met; on a \"no\", the lines it names stop and its exit cost is paid."},
		{"Kinds of money", "Costs: new cash, or people's time already paid. Benefits: a cash saving (a cost no longer paid), margin on sales (Sales must deliver it), cost avoidance (a cost not yet paid) or productivity (time freed)."},
		{"Fiscal year", fiscal},
	}
}

// glossary writes the terms the brief uses, each said in words, and the
// conventions every figure follows.
func (d *doc) glossary() {
	d.appendixSub(partGlossary)
	t := &table{caption: "Terms used, and the basis of the figures", size: textSize, tight: true, cols: []col{{head: "Term", w: 17, align: "L"}, {head: "What it means", w: 83, align: "L"}}}
	for _, tm := range d.terms() {
		t.rows = append(t.rows, row{cells: []cell{{s: tm.name, style: "B"}, {s: tm.meaning}}})
	}
	t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "The basis of the figures"}}})
	for _, b := range d.basis() {
		t.rows = append(t.rows, row{cells: []cell{{s: b[0], style: "B"}, {s: b[1]}}})
	}
	d.table(t)
}

// reserveWords says what the contingency reserve is, as a phrase: "the
// expected cost of its risks' contingency plans".
func (d *doc) reserveWords() string {
	if d.c.Reserve.Basis == casebuilder.ReservePercentile {
		return fmt.Sprintf("enough for its risks' contingency plans in %s of outcomes", d.roundPercent(d.reservePercentile()))
	}
	return "the expected cost of its risks' contingency plans"
}

// reservePercentile is the share of outcomes a percentile reserve covers.
func (d *doc) reservePercentile() float64 {
	if p := d.c.Reserve.Percentile; p > 0 && p < 1 {
		return p
	}
	return casebuilder.DefaultReservePercentile
}

// textSize is the type size of the appendix's tables of text (the terms,
// the context, the evidence and the reasons), which have no small print
// under their lines.
const textSize = 6.5
