package brief

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// painWorking writes, in the appendix, what the problem costs a year,
// worked step by step from its inputs, and the evidence that it is real.
func (d *doc) painWorking() {
	c, res, f := d.c, d.res, d.f
	d.appendixSub(partPain)
	if res.Pain.Calculator == "" {
		d.para("No kind of problem is chosen yet, so its cost is not calculated.")
	} else {
		// Inputs given year by year are worked year by year: a column a
		// year, or the years in the one column when there are many.
		years := 0
		for _, st := range res.Pain.Working {
			years = max(years, len(st.ByYear))
		}
		columns := years > 1 && years <= maxYearColumns
		t := &table{caption: res.Pain.Calculator, size: 7, tight: true, cols: []col{
			{head: "", w: 4, align: "R"},
			{head: "Step", w: 26, align: "L"},
			{head: "How it is obtained", w: 52, align: "L"},
		}}
		if columns {
			t.cols[2].w = 70 - 10*float64(years)
			for y := range years {
				t.cols = append(t.cols, col{head: "Year " + itoa(y+1), w: 10, align: "R"})
			}
		} else {
			t.cols = append(t.cols, col{head: "Value", w: 18, align: "R"})
		}
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
				r, ok := c.Pain.Inputs[st.Key]
				switch {
				case ok && r.Yearly() && !r.IsExact():
					how.s = "Entered year by year: likely values, each within its own range"
				case ok && r.Yearly():
					how.s = "Entered year by year"
				case ok && !r.IsExact():
					how.s = fmt.Sprintf("Entered: likely value, within %s to %s", f.Value(r.Low, st.Unit), f.Value(r.High, st.Unit))
				}
			case casebuilder.WorkingDefault:
				how.s, how.style = st.Formula, "I" // the rule of thumb says it is one
			case casebuilder.WorkingMissing:
				how.s, how.style = "Missing: needed to complete the calculation", "B"
			default:
				how.s = upperFirst(st.Formula)
			}
			kind := rowNormal
			if i == len(res.Pain.Working)-1 && st.Kind == casebuilder.WorkingCalculated {
				kind = rowTotal
			}
			cells := []cell{{s: itoa(i + 1), muted: true}, {s: st.Label}, how}
			switch {
			case st.Kind == casebuilder.WorkingMissing:
				n := 1
				if columns {
					n = years
				}
				for range n {
					cells = append(cells, cell{s: "missing", muted: true})
				}
			case columns:
				for y := range years {
					v := st.Value
					if y < len(st.ByYear) {
						v = st.ByYear[y]
					}
					cells = append(cells, cell{s: f.Value(v, st.Unit)})
				}
			case len(st.ByYear) > 1:
				var vs []string
				for y, v := range st.ByYear {
					vs = append(vs, fmt.Sprintf("Year %d: %s", y+1, f.Value(v, st.Unit)))
				}
				cells = append(cells, cell{s: strings.Join(vs, "\n")})
			default:
				cells = append(cells, cell{s: f.Value(st.Value, st.Unit)})
			}
			t.rows = append(t.rows, row{kind: kind, cells: cells})
		}
		if d.hasDefaults() {
			t.note = "Rule-of-thumb defaults stand in for figures the case does not give; replacing them with the organisation's own figures makes the cost firmer."
		}
		lead := "The cost is not calculated yet: " + d.missingInputs() + "."
		switch {
		case res.Pain.Complete() && years > 1:
			var by []string
			for y, v := range res.Pain.AnnualByYear {
				by = append(by, fmt.Sprintf("%s in year %d", f.Money(v), y+1))
			}
			lead = fmt.Sprintf("The %s at the likely value of every input, year by year as some inputs are given: %s.%s Each step uses only those above it.",
				lowerFirst(res.Pain.Calculator), casebuilder.JoinNames(by), d.yearsSpan())
		case res.Pain.Complete():
			lead = fmt.Sprintf("The %s, %s a year at the likely value of every input; each step uses only the steps above it.", lowerFirst(res.Pain.Calculator), f.Money(res.Pain.Annual))
		}
		d.leadFor(lead, t)
		d.table(t)
	}

	d.minor("Evidence")
	if len(c.Pain.Evidence) == 0 {
		d.para("No evidence is recorded yet.")
		return
	}
	t := &table{caption: "Evidence", size: textSize, tight: true, cols: []col{
		{head: "Finding, and where it comes from", w: 100, align: "L"},
	}}
	for _, e := range c.Pain.Evidence {
		t.rows = append(t.rows, row{cells: []cell{{s: endSentence(e.Finding) + " Source: " + endSentence(orDefault(e.Source, "none given"))}}})
	}
	d.table(t)
}

// maxYearColumns is how many years the working of the cost of the problem
// shows as columns; beyond it, the years are listed in one.
const maxYearColumns = 5

// yearsSpan says which months year 1 of the horizon covers, when the case
// has a start date: " Year 1 runs from February 2027 to January 2028."
func (d *doc) yearsSpan() string {
	if d.c.StartDate.IsZero() {
		return ""
	}
	return fmt.Sprintf(" Year 1 is %s to %s.", monthYear(d.c.StartDate), monthYear(d.c.StartDate.AddMonths(casebuilder.PeriodsPerYear-1)))
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

// risks writes section 4: the heat map and the table of the risks of the
// recommendation, and the contingency reserve they add up to. Every
// alternative's reserve, line by line, is in the appendix.
func (d *doc) risks() {
	c, f := d.c, d.f
	rec := d.res.RecommendedAlternative()
	rs := d.recRisks()
	if len(rs) == 0 {
		none := "No risks are recorded for the recommended alternative yet."
		d.sectionWith(d.paraHeight(none, 9))
		d.para(none)
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
	verb := "concern"
	if len(rs) == 1 {
		verb = "concerns"
	}
	intro := fmt.Sprintf("%d risk%s %s %s. Each has an owner, an early-warning trigger, a work-around and a contingency plan with its cost. ", len(rs), plural(len(rs)), verb, name)
	switch c.Reserve.Basis {
	case casebuilder.ReserveNone:
		intro += "The case books no contingency reserve."
	case casebuilder.ReservePercentile:
		intro += fmt.Sprintf("The contingency reserve of %s, already in the budget, covers the cost of their contingency plans in %s of outcomes, each risk happening or not with its likelihood.", f.Money(reserve), d.roundPercent(d.reservePercentile()))
	default:
		intro += fmt.Sprintf("The expected cost of the contingency plans, Σ likelihood × contingency cost, is the contingency reserve of %s, already in the budget.", f.Money(reserve))
	}
	start := func() {
		d.para(intro)
		d.note("Impact is what a risk costs if it happens and nothing is done; a risk's share of the reserve is its likelihood × the cost of its contingency plan.")
		d.sub("Heat map")
		d.heatMap(rs)
	}
	// The section starts here when its introduction and the heat map fit.
	d.sectionWith(d.heightOf(start))
	start()

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
		switch {
		case !inReserve:
			cost.sub = "not in a reserve"
		case c.Reserve.Basis == casebuilder.ReservePercentile:
			cost.sub = "expected " + f.Money(share)
		}
		t.rows = append(t.rows, row{cells: []cell{
			{s: fmt.Sprintf("R%d  %s", d.riskNo[r], orDefault(r.Description, "Not described")), style: "B", sub: orDefault(r.Owner, "No owner")},
			{s: f.Percent(r.Likelihood), sub: likelihoodWords[casebuilder.LikelihoodScore(r.Likelihood)]},
			{s: f.Money(r.ImpactCost), sub: fmt.Sprintf("%s, %d of 5", impactWord(r.ImpactScore), r.ImpactScore)},
			orNone(r.Trigger), orNone(r.Workaround), orNone(r.Contingency), cost,
		}})
	}
	switch c.Reserve.Basis {
	case casebuilder.ReserveNone:
	case casebuilder.ReservePercentile:
		t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: "Contingency reserve, P" + d.f.Number(d.reservePercentile()*100, 0) + " of the plans' cost"}, {}, {}, {}, {}, {}, {s: f.Money(reserve)}}})
	default:
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

// otherRisksText points to the other alternatives' risks and reserves, if
// any.
func (d *doc) otherRisksText() string {
	if !d.hasReserves() {
		return ""
	}
	return "The other alternatives' risks and contingency reserves, risk by risk, are with their lines in " + d.appendixRef(partAlternative) + "."
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
