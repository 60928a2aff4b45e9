package brief

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// A risk that concerns several alternatives is part of the reserve of
// each of them (casebuilder.ContingencyReserves). So wherever a reserve is
// broken down, the risk is a line of every alternative it concerns, and
// each alternative's reserve equals its lines.

// altRisks returns the risks that concern an alternative, in the case's
// order.
func (d *doc) altRisks(id string) []*casebuilder.Risk {
	var out []*casebuilder.Risk
	for i := range d.c.Risks {
		if slices.Contains(d.c.Risks[i].Alternatives, id) {
			out = append(out, &d.c.Risks[i])
		}
	}
	return out
}

// shownReserve is the alternative whose reserve section 4 breaks down, risk
// by risk: the recommended one, unless it is to do nothing (-1).
func (d *doc) shownReserve() int {
	if rec := d.res.RecommendedAlternative(); rec != nil && !rec.DoNothing {
		return d.res.Recommended
	}
	return -1
}

// hasReserves reports whether an alternative other than doing nothing and
// the one section 4 shows has a risk of its own, and so a reserve for the
// appendix to break down.
func (d *doc) hasReserves() bool {
	for i, a := range d.c.Alternatives {
		if !a.DoNothing && i != d.shownReserve() && len(d.altRisks(a.ID)) > 0 {
			return true
		}
	}
	return false
}

// reserves writes, in the appendix, every alternative's risks and its
// contingency reserve: each risk that concerns it is a line, a risk shared
// by several alternatives in each of them, so that every reserve equals
// its lines (for a reserve on the expected basis; a percentile reserve is
// not a sum, and says so). A risk the body does not show (one of another
// alternative's) comes with its owner and contingency plan.
func (d *doc) reserves() {
	if !d.hasReserves() {
		return
	}
	c, f := d.c, d.f
	d.appendixSub(partReserves)
	basis := c.Reserve.Basis
	shareHead := "Share of the reserve"
	if basis != casebuilder.ReserveExpected && basis != "" {
		shareHead = "Expected cost of the plan"
	}
	t := &table{caption: partReserves, size: 7, tight: true, cols: []col{
		{head: "Risk", w: 56, align: "L"},
		{head: "Likelihood", w: 11, align: "R"},
		{head: "Plan cost", w: 13, align: "R"},
		{head: shareHead, w: 13, align: "R"},
	}}
	mine := map[*casebuilder.Risk]bool{}
	for _, r := range d.recRisks() {
		mine[r] = true
	}
	names := map[string]string{}
	for _, a := range c.Alternatives {
		names[a.ID] = orDefault(a.Name, "Unnamed alternative")
	}
	for ai, a := range d.res.Alternatives {
		if a.DoNothing || ai >= len(c.Alternatives) || ai == d.shownReserve() {
			continue
		}
		rs := d.altRisks(c.Alternatives[ai].ID)
		if len(rs) == 0 {
			continue
		}
		title := orDefault(a.Name, "Unnamed alternative")
		t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: title}}})
		for _, r := range rs {
			var also []string
			for _, id := range r.Alternatives {
				if id != a.ID {
					also = append(also, names[id])
				}
			}
			var sub []string
			if len(also) > 0 {
				sub = append(sub, "Also in the reserve of "+casebuilder.JoinNames(also)+".")
			}
			if !mine[r] {
				sub = append(sub, fmt.Sprintf("Owner: %s. Contingency: %s.", orDefault(r.Owner, "none named"), strings.TrimSuffix(orDefault(r.Contingency, "none given"), ".")))
			}
			t.rows = append(t.rows, row{cells: []cell{
				{s: fmt.Sprintf("R%d  %s", d.riskNo[r], orDefault(r.Description, "Not described")), sub: strings.Join(sub, " ")},
				{s: f.Percent(r.Likelihood)}, {s: f.Money(r.ContingencyCost)}, {s: f.Money(r.Likelihood * r.ContingencyCost)},
			}})
		}
		total := "Contingency reserve of " + title
		switch basis {
		case casebuilder.ReserveNone:
			total = "No contingency reserve is booked"
		case casebuilder.ReservePercentile:
			total = fmt.Sprintf("Contingency reserve, P%s of the plans' total cost", f.Number(d.reservePercentile()*100, 0))
		}
		t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: total}, {}, {}, {s: f.Money(a.Reserve)}}})
	}
	lead := "Each reserve is the sum of the shares of the risks that concern the alternative, a share being likelihood × contingency plan cost; a risk that concerns several alternatives is a line of each."
	switch basis {
	case casebuilder.ReserveNone:
		lead = "The risks that concern each alternative, and what their contingency plans are expected to cost. The case books no contingency reserve, so none of it is in the budgets."
	case casebuilder.ReservePercentile:
		lead = fmt.Sprintf("The risks that concern each alternative and what each contingency plan is expected to cost. Each reserve is the total cost of its risks' plans that %s of outcomes stay within, each risk happening or not with its likelihood: not the sum of the expected costs. A risk that concerns several alternatives counts in the reserve of each.", d.roundPercent(d.reservePercentile()))
	}
	if d.shownReserve() >= 0 {
		lead = "The recommendation's are in " + d.sectionRef("Risks and contingencies") + ". " + lead
	}
	d.leadFor(lead, t)
	d.table(t)
}
