package brief

import (
	"fmt"
	"slices"

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

// maxReserveColumns is how many alternatives the table of the other
// alternatives' reserves gives a column each; with more, each has its own
// group of lines.
const maxReserveColumns = 3

// reserveAlternatives are the alternatives whose reserves the appendix
// breaks down: every one but doing nothing and the recommendation (section
// 4 breaks its down), that has a risk.
func (d *doc) reserveAlternatives() []int {
	var out []int
	for i, a := range d.c.Alternatives {
		if !a.DoNothing && i != d.shownReserve() && i < len(d.res.Alternatives) && len(d.altRisks(a.ID)) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// reserves writes, after the other alternatives' lines, their risks and
// contingency reserves: each risk's likelihood and the cost of its
// contingency plan, and its share (likelihood × plan cost) of the reserve
// of every alternative it concerns, so that each reserve equals its lines
// (on the expected basis; a percentile reserve is not a sum, and says
// so). A risk the body does not show comes with its owner.
func (d *doc) reserves() {
	alts := d.reserveAlternatives()
	if len(alts) == 0 {
		return
	}
	c, f := d.c, d.f
	basis := c.Reserve.Basis
	mine := map[*casebuilder.Risk]bool{}
	for _, r := range d.recRisks() {
		mine[r] = true
	}
	riskCell := func(r *casebuilder.Risk) cell {
		sub := "Owner: " + endSentence(orDefault(r.Owner, "none named"))
		if mine[r] {
			sub = "Also in the recommendation's reserve (" + d.sectionRef("Risks and contingencies") + ")."
		}
		return cell{s: fmt.Sprintf("R%d  %s", d.riskNo[r], orDefault(r.Description, "Not described")), sub: sub}
	}
	share := func(r *casebuilder.Risk) cell {
		return cell{s: f.Money(r.Likelihood * r.ContingencyCost), muted: basis == casebuilder.ReservePercentile}
	}
	totalName := func(ai int) string {
		switch basis {
		case casebuilder.ReserveNone:
			return "No contingency reserve is booked"
		case casebuilder.ReservePercentile:
			return fmt.Sprintf("Contingency reserve, P%s of the plans' total cost", f.Number(d.reservePercentile()*100, 0))
		}
		if ai < 0 {
			return "Contingency reserve"
		}
		return "Contingency reserve of " + orDefault(d.res.Alternatives[ai].Name, "Unnamed alternative")
	}
	t := &table{caption: "Risks and reserves of the other alternatives", size: 7, tight: true, cols: []col{
		{head: "Risk", w: 52, align: "L"},
		{head: "Likelihood", w: 10, align: "R"},
		{head: "Plan cost", w: 11, align: "R"},
	}}
	if len(alts) <= maxReserveColumns {
		// A column an alternative: a risk that concerns several is one
		// line, with its share in each.
		for _, ai := range alts {
			t.cols = append(t.cols, col{head: orDefault(d.res.Alternatives[ai].Name, "Unnamed alternative"), w: 12, align: "R"})
		}
		for i := range c.Risks {
			r := &c.Risks[i]
			cells := []cell{riskCell(r), {s: f.Percent(r.Likelihood)}, {s: f.Money(r.ContingencyCost)}}
			in := false
			for _, ai := range alts {
				if slices.Contains(r.Alternatives, c.Alternatives[ai].ID) {
					cells, in = append(cells, share(r)), true
				} else {
					cells = append(cells, cell{s: "–", muted: true})
				}
			}
			if in {
				t.rows = append(t.rows, row{cells: cells})
			}
		}
		if basis != casebuilder.ReserveNone {
			total := []cell{{s: totalName(-1)}, {}, {}}
			for _, ai := range alts {
				total = append(total, cell{s: f.Money(d.res.Alternatives[ai].Reserve)})
			}
			t.rows = append(t.rows, row{kind: rowTotal, cells: total})
		}
	} else {
		head := "Share of the reserve"
		if basis != casebuilder.ReserveExpected && basis != "" {
			head = "Expected cost of the plan"
		}
		t.cols = append(t.cols, col{head: head, w: 12, align: "R"})
		for _, ai := range alts {
			t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: orDefault(d.res.Alternatives[ai].Name, "Unnamed alternative")}}})
			for _, r := range d.altRisks(c.Alternatives[ai].ID) {
				t.rows = append(t.rows, row{cells: []cell{riskCell(r), {s: f.Percent(r.Likelihood)}, {s: f.Money(r.ContingencyCost)}, share(r)}})
			}
			if basis != casebuilder.ReserveNone {
				t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: totalName(ai)}, {}, {}, {s: f.Money(d.res.Alternatives[ai].Reserve)}}})
			}
		}
	}
	lead := "Each reserve is the sum of the shares of the risks that concern the alternative, a share being likelihood × contingency plan cost; a risk that concerns several alternatives is in the reserve of each."
	switch basis {
	case casebuilder.ReserveNone:
		lead = "The risks that concern each alternative, and what their contingency plans are expected to cost; the case books no contingency reserve."
	case casebuilder.ReservePercentile:
		lead = fmt.Sprintf("Each reserve is the total cost of its risks' contingency plans that %s of outcomes stay within, each risk happening or not with its likelihood: not the sum of the expected costs shown. A risk that concerns several alternatives counts in the reserve of each.", d.roundPercent(d.reservePercentile()))
	}
	d.minor("Their risks and contingency reserves")
	d.leadFor(lead, t)
	d.table(t)
}
