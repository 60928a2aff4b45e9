package brief

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// pain writes section 4: what the problem costs a year, worked step by
// step, and the evidence that it is real.
func (d *doc) pain() {
	d.nextSection()
	c, res, f := d.c, d.res, d.f
	summary := strings.TrimSpace(c.Pain.Summary)
	if summary != "" {
		d.para(summary)
	}
	if res.Pain.Calculator == "" {
		d.para("No kind of problem is chosen yet, so its cost is not calculated.")
	} else {
		if res.Pain.Complete() {
			d.callout(f.Money(res.Pain.Annual)+" a year", "is the "+lowerFirst(res.Pain.Calculator)+", at the likely value of every input. Each step below uses only the inputs and the steps above it.")
		} else {
			d.para("The cost is not calculated yet: " + d.missingInputs() + ".")
		}
		d.sub(res.Pain.Calculator + ", step by step")
		t := &table{caption: res.Pain.Calculator, size: 7.5, cols: []col{
			{head: "", w: 5, align: "R"},
			{head: "Step", w: 30, align: "L"},
			{head: "How it is obtained", w: 47, align: "L"},
			{head: "Value", w: 18, align: "R"},
		}}
		group := ""
		for i, st := range res.Pain.Working {
			if g := stepGroup(st.Kind); g != group {
				group = g
				t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: g}}})
			}
			how := cell{}
			switch st.Kind {
			case casebuilder.WorkingInput:
				how.s = "Entered"
				if r, ok := c.Pain.Inputs[st.Key]; ok && !r.IsExact() {
					how.s = fmt.Sprintf("Entered: likely value, within %s to %s", f.Value(r.Low, st.Unit), f.Value(r.High, st.Unit))
				}
			case casebuilder.WorkingDefault:
				how.s, how.style, how.sub = "Default: a rule of thumb, not our own figure", "I", st.Formula
			case casebuilder.WorkingMissing:
				how.s, how.style = "Missing: needed to complete the calculation", "B"
			default:
				how.s = upperFirst(st.Formula)
			}
			value := cell{s: f.Value(st.Value, st.Unit)}
			if st.Kind == casebuilder.WorkingMissing {
				value = cell{s: "missing", muted: true}
			}
			kind := rowNormal
			if i == len(res.Pain.Working)-1 && st.Kind == casebuilder.WorkingCalculated {
				kind = rowTotal
			}
			t.rows = append(t.rows, row{kind: kind, cells: []cell{{s: itoa(i + 1), muted: true}, {s: st.Label}, how, value}})
		}
		if d.hasDefaults() {
			t.note = "Rule-of-thumb defaults stand in for figures the case does not give; replacing them with the organisation's own figures makes the cost firmer."
		}
		d.table(t)
	}

	d.sub("Evidence")
	if len(c.Pain.Evidence) == 0 {
		d.para("No evidence is recorded yet.")
		return
	}
	t := &table{caption: "Evidence", size: 7.5, cols: []col{
		{head: "Finding", w: 68, align: "L"},
		{head: "Source", w: 32, align: "L"},
	}}
	for _, e := range c.Pain.Evidence {
		t.rows = append(t.rows, row{cells: []cell{{s: e.Finding}, {s: orDefault(e.Source, "No source given"), muted: strings.TrimSpace(e.Source) == ""}}})
	}
	d.table(t)
}

// stepGroup is the part of the working a step belongs to.
func stepGroup(k casebuilder.WorkingKind) string {
	if k == casebuilder.WorkingCalculated {
		return "The calculation"
	}
	return "The inputs"
}

func (d *doc) hasDefaults() bool {
	for _, st := range d.res.Pain.Working {
		if st.Kind == casebuilder.WorkingDefault {
			return true
		}
	}
	return false
}

// risks writes section 5: the heat map and the table of the risks of the
// recommendation, and the contingency reserve they add up to.
func (d *doc) risks() {
	d.nextSection()
	c, f := d.c, d.f
	rec := d.res.RecommendedAlternative()
	rs := d.recRisks()
	if len(rs) == 0 {
		d.para("No risks are recorded for the recommended alternative yet.")
		d.otherRisksNote()
		return
	}
	name := "the recommended alternative"
	if rec != nil {
		name = rec.Name
	}
	reserve := 0.0
	if rec != nil {
		reserve = rec.Reserve
	}
	intro := fmt.Sprintf("%d risk%s concern %s. Each has an owner, an early-warning trigger, a work-around and a contingency plan with its cost. ", len(rs), plural(len(rs)), name)
	if c.Reserve.Basis == casebuilder.ReserveNone {
		intro += "The case books no contingency reserve."
	} else {
		intro += fmt.Sprintf("The expected cost of the contingency plans, Σ likelihood × contingency cost, is the contingency reserve of %s, already in the budget.", f.Money(reserve))
	}
	d.para(intro)
	d.note("Impact is what a risk costs if it happens and nothing is done; the reserve share of each risk is its likelihood × the cost of its contingency plan.")

	d.sub("Heat map")
	d.heatMap(rs)

	d.sub("Risks and contingency plans")
	t := &table{caption: "Risks and contingency plans", size: 7, cols: []col{
		{head: "Risk and owner", w: 21, align: "L"},
		{head: "Likelihood", w: 9, align: "R"},
		{head: "Impact", w: 10, align: "R"},
		{head: "Early-warning trigger", w: 15, align: "L"},
		{head: "Work-around", w: 15, align: "L"},
		{head: "Contingency plan", w: 18, align: "L"},
		{head: "Plan cost and reserve", w: 12, align: "R"},
	}}
	for _, r := range rs {
		share := r.Likelihood * r.ContingencyCost
		inReserve := c.Reserve.Basis != casebuilder.ReserveNone && len(r.Alternatives) > 0
		cost := cell{s: f.Money(r.ContingencyCost), sub: "reserve " + f.Money(share)}
		if !inReserve {
			cost.sub = "not in a reserve"
		}
		t.rows = append(t.rows, row{cells: []cell{
			{s: fmt.Sprintf("R%d  %s", d.riskNo[r], orDefault(r.Description, "Not described")), style: "B", sub: orDefault(r.Owner, "No owner")},
			{s: f.Percent(r.Likelihood), sub: likelihoodWords[casebuilder.LikelihoodScore(r.Likelihood)]},
			{s: f.Money(r.ImpactCost), sub: fmt.Sprintf("%s, %d of 5", impactWord(r.ImpactScore), r.ImpactScore)},
			orNone(r.Trigger), orNone(r.Workaround), orNone(r.Contingency), cost,
		}})
	}
	if c.Reserve.Basis != casebuilder.ReserveNone {
		t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: "Contingency reserve"}, {}, {}, {}, {}, {}, {s: f.Money(reserve)}}})
	}
	t.note = d.otherRisksText()
	d.table(t)
}

func (d *doc) otherRisksNote() {
	if s := d.otherRisksText(); s != "" {
		d.note(s)
	}
}

// otherRisksText points to the risks of the other alternatives, if any.
func (d *doc) otherRisksText() string {
	others := len(d.c.Risks) - len(d.recRisks())
	if others == 0 {
		return ""
	}
	return fmt.Sprintf("The %d risk%s of the other alternatives, which set their own reserves, are listed in %s.", others, plural(others), d.appendixRef(partOtherRisks))
}

func orNone(s string) cell {
	if strings.TrimSpace(s) == "" {
		return cell{s: "None given", muted: true, style: "I"}
	}
	return cell{s: s}
}

func lowerFirst(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToLower(string(r)) + s[len(string(r)):]
		}
	}
	return s
}

func upperFirst(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToUpper(string(r)) + s[len(string(r)):]
		}
	}
	return s
}
