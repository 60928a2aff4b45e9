package brief

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// measures writes section 7: the KPIs that show whether it worked.
func (d *doc) measures() {
	d.nextSection()
	f := d.f
	ms := d.c.Measures
	if len(ms) == 0 {
		d.para("No measures of success are set yet.")
		return
	}
	t := &table{caption: "Measures of success", size: 7.5, cols: []col{
		{head: "Measure and method", w: 38, align: "L"},
		{head: "Baseline", w: 11, align: "R"},
		{head: "Target", w: 11, align: "R"},
		{head: "By", w: 12, align: "L"},
		{head: "Owner", w: 17, align: "L"},
		{head: "Level", w: 11, align: "L"},
	}}
	for _, m := range ms {
		sub := strings.TrimSpace(m.Method)
		if in := casebuilder.LookupInput(m.PainInput); in != nil {
			sub = strings.TrimSpace(endSentence(sub) + " Tracks the cost-of-pain input “" + in.Label + "”.")
		}
		level := cell{s: "Not set", muted: true}
		if m.Level >= 1 && m.Level < len(casebuilder.Levels) {
			level = cell{s: fmt.Sprintf("%d: %s", m.Level, casebuilder.Levels[m.Level])}
		}
		by := cell{s: "No date", muted: true}
		if !m.Date.IsZero() {
			by = cell{s: shortDate(m.Date)}
		}
		t.rows = append(t.rows, row{cells: []cell{
			{s: orDefault(m.Name, "Unnamed measure"), style: "B", sub: sub},
			{s: f.Value(m.Baseline, m.Unit)}, {s: f.Value(m.Target, m.Unit), style: "B"}, by,
			{s: orDefault(m.Owner, "No owner"), muted: strings.TrimSpace(m.Owner) == ""}, level,
		}})
	}
	d.leadFor("Each measure has a baseline today, a target and a date, an owner, and a level of evaluation, from the reaction of the people involved (1) to the return on the investment (5).", t)
	d.table(t)
}

// endSentence ends text typed as a phrase ("from the HRIS") with a full
// stop, so that another sentence can follow it.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// acknowledgements writes section 8: who contributed what.
func (d *doc) acknowledgements() {
	d.flowSection()
	cs := d.c.Contributors
	if len(cs) == 0 {
		d.para("No contributors are listed yet.")
		return
	}
	t := &table{caption: "Acknowledgements", size: 7.5, cols: []col{
		{head: "Name", w: 24, align: "L"},
		{head: "Role", w: 26, align: "L"},
		{head: "Contribution", w: 50, align: "L"},
	}}
	for _, c := range cs {
		t.rows = append(t.rows, row{cells: []cell{{s: c.Name, style: "B"}, {s: c.Role}, {s: c.Contribution}}})
	}
	d.leadFor("This case rests on the work of the people below. They deserve the credit for what is good in it.", t)
	d.table(t)
}

// The parts of the appendix, in order; some are there only when the case
// has something to put in them (see planAppendix).
const (
	partBasis       = "Basis of the figures"
	partContext     = "Strategic context"
	partPainInputs  = "Inputs of the cost of the problem"
	partAlternative = "Alternatives, line by line"
	partCriteria    = "Criteria of the weighted scoring"
	partOtherRisks  = "Risks of the other alternatives"
	partSensitivity = "Sensitivity of the recommendation's NPV"
	partReview      = "The CEO review"
)

// planAppendix returns the titles of the appendix's parts that this case
// has, in order.
func (d *doc) planAppendix() []string {
	parts := []string{partBasis, partContext, partPainInputs}
	if len(d.c.Alternatives) > 0 {
		parts = append(parts, partAlternative)
	}
	if len(d.c.Criteria) > 0 {
		parts = append(parts, partCriteria)
	}
	if len(d.otherRiskRows()) > 0 {
		parts = append(parts, partOtherRisks)
	}
	if d.tornadoShown() {
		parts = append(parts, partSensitivity)
	}
	return append(parts, partReview)
}

// appendixNumber is a part's number, as in "A.4"; "" when the case has no
// such part.
func (d *doc) appendixNumber(title string) string {
	for i, p := range d.appendixParts {
		if p == title {
			return "A." + itoa(i+1)
		}
	}
	return ""
}

// appendixRef names a part of the appendix in the text: "appendix A.8".
func (d *doc) appendixRef(title string) string {
	if n := d.appendixNumber(title); n != "" {
		return "appendix " + n
	}
	return "the appendix"
}

// appendixSub queues the heading of a part of the appendix.
func (d *doc) appendixSub(title string) {
	d.sub(d.appendixNumber(title) + "  " + title)
}

// appendix writes every assumption the figures rest on, how far the
// recommendation's NPV moves with each, and the CEO review.
func (d *doc) appendix() {
	d.startSection(false)
	c, res, f := d.c, d.res, d.f
	d.para("Every assumption behind the figures of this brief, as entered in the case, how far each moves the recommendation's NPV, and what a sceptical reader would object to. Change an assumption in Case Builder and every figure follows.")

	d.appendixSub(partBasis)
	reserve := "The expected cost of each alternative's risks (Σ likelihood × contingency cost), booked as a cost in month 0."
	if c.Reserve.Basis == casebuilder.ReserveNone {
		reserve = "None: the case books no contingency reserve."
	}
	recommended := "The case names none; the alternative with the highest NPV is shown as recommended."
	if res.RecommendedByCase {
		recommended = "Chosen by the author of the case."
	}
	basis := [][2]string{
		{"Currency", c.Currency + prefixed(" (", f.Symbol()) + ")"},
		{"Discount rate", f.Percent(c.DiscountRate) + " a year, applied monthly: a flow in month t is worth 1 / (1 + rate)^(t/12) today."},
		{"Horizon", d.horizonText() + ", in monthly periods; month 0 is the first."},
		{"Costs", "One-time costs fall in their month; monthly costs every month from start to end; yearly costs every twelve months from their start, in advance."},
		{"Benefits", "Each benefit starts in its month and ramps up in a straight line to full effect; every figure is incremental to doing nothing."},
		{"Contingency reserve", reserve},
		{"Recommendation", recommended},
	}
	if sim := d.an.Simulation; sim != nil {
		basis = append(basis, [2]string{"Simulation", d.simulationMethod()})
	}
	t := &table{caption: "Basis of the figures", size: 7.5, cols: []col{{head: "Assumption", w: 22, align: "L"}, {head: "Value", w: 78, align: "L"}}}
	for _, b := range basis {
		t.rows = append(t.rows, row{cells: []cell{{s: b[0], style: "B"}, {s: b[1]}}})
	}
	d.table(t)

	d.context()
	d.painInputs()
	for i := range c.Alternatives {
		d.alternativeAssumptions(i)
	}
	d.criteria()
	d.otherRisks()
	d.sensitivity()
	d.review()
}

// context writes the strategic context the case was built in.
func (d *doc) context() {
	x := &d.c.Context
	d.appendixSub(partContext)
	t := &table{caption: "Strategic context", size: 7.5, cols: []col{{head: "", w: 22, align: "L"}, {head: "", w: 78, align: "L"}}}
	t.cols[0].head, t.cols[1].head = "Item", "As the case states it"
	var objs []string
	for _, o := range x.Objectives {
		s := o.Statement
		if o.ID != "" && o.ID == x.ServesObjective {
			s += " (this initiative serves it)"
		}
		objs = append(objs, "• "+s)
	}
	items := [][2]string{
		{"Objectives", strings.Join(objs, "\n")},
		{"Current state", x.CurrentState},
		{"Desired state", x.DesiredState},
		{"Company milestones", bulleted(x.Milestones)},
		{"Resources already committed", bulleted(x.CommittedResources)},
		{"Gaps in today's plans", bulleted(x.Gaps)},
	}
	for _, it := range items {
		if strings.TrimSpace(it[1]) == "" {
			continue
		}
		t.rows = append(t.rows, row{cells: []cell{{s: it[0], style: "B"}, {s: it[1]}}})
	}
	if len(t.rows) == 0 {
		d.para("The strategic context is not described yet.")
		return
	}
	d.table(t)
}

func bulleted(items []string) string {
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("• " + s)
	}
	return b.String()
}

// painInputs writes the inputs of the cost-of-pain calculator, with their
// ranges and where they come from.
func (d *doc) painInputs() {
	f, res := d.f, d.res
	d.appendixSub(partPainInputs)
	if res.Pain.Calculator == "" {
		d.para("No kind of problem is chosen yet.")
		return
	}
	t := &table{caption: "Inputs of the cost of the problem", size: 7.5, cols: []col{
		{head: "Input", w: 30, align: "L"},
		{head: "Low", w: 13, align: "R"},
		{head: "Likely", w: 13, align: "R"},
		{head: "High", w: 13, align: "R"},
		{head: "Source", w: 31, align: "L"},
	}}
	for _, st := range res.Pain.Working {
		var cells []cell
		switch st.Kind {
		case casebuilder.WorkingInput:
			r := d.c.Pain.Inputs[st.Key]
			cells = []cell{{s: st.Label}, {s: f.Value(r.Low, st.Unit)}, {s: f.Value(r.Likely, st.Unit), style: "B"}, {s: f.Value(r.High, st.Unit)}, {s: "Entered in the case"}}
		case casebuilder.WorkingDefault:
			v := f.Value(st.Value, st.Unit)
			cells = []cell{{s: st.Label}, {s: v}, {s: v, style: "B"}, {s: v}, {s: "Rule-of-thumb default", style: "I", sub: st.Formula}}
		case casebuilder.WorkingMissing:
			cells = []cell{{s: st.Label}, {s: "–"}, {s: "missing", muted: true}, {s: "–"}, {s: "Needed and not entered", style: "B"}}
		default:
			continue
		}
		t.rows = append(t.rows, row{cells: cells})
	}
	d.table(t)
}

// alternativeAssumptions writes one alternative's cost and benefit lines.
func (d *doc) alternativeAssumptions(i int) {
	c, f := d.c, d.f
	a := &c.Alternatives[i]
	title := fmt.Sprintf("%s.%d  %s", d.appendixNumber(partAlternative), i+1, orDefault(a.Name, "Unnamed alternative"))
	if i == 0 {
		d.appendixSub(partAlternative)
	}
	d.minor(title)
	desc := strings.TrimSpace(a.Description)
	switch {
	case a.DoNothing:
		desc = strings.TrimSpace(desc + " The baseline: no costs or benefits of its own; every other alternative is measured against it.")
	case desc == "":
		desc = "No description yet."
	}
	if a.DoNothing {
		d.para(desc)
		return
	}
	var costs, benefits *table
	if len(a.Costs) > 0 {
		t := &table{caption: title + ": costs", size: 7, cols: []col{
			{head: "Cost line", w: 34, align: "L"},
			{head: "When", w: 22, align: "L"},
			{head: "Low", w: 11, align: "R"},
			{head: "Likely", w: 11, align: "R"},
			{head: "High", w: 11, align: "R"},
			{head: "Heads", w: 8, align: "R"},
		}}
		for _, k := range a.Costs {
			heads := ""
			if k.PerHead {
				heads = f.Value(k.Heads, figure.Count)
			}
			t.rows = append(t.rows, row{cells: []cell{{s: orDefault(k.Name, "Unnamed cost"), sub: k.Note}, {s: d.costTiming(&k)},
				{s: f.Money(k.Amount.Low)}, {s: f.Money(k.Amount.Likely), style: "B"}, {s: f.Money(k.Amount.High)}, {s: heads}}})
		}
		costs = t
	}
	if len(a.Benefits) > 0 {
		t := &table{caption: title + ": benefits", size: 7, cols: []col{
			{head: "Benefit line", w: 34, align: "L"},
			{head: "Timing", w: 22, align: "L"},
			{head: "Low", w: 11, align: "R"},
			{head: "Likely", w: 11, align: "R"},
			{head: "High", w: 11, align: "R"},
			{head: "Valued as", w: 8, align: "L"},
		}}
		for _, b := range a.Benefits {
			var low, likely, high, basis string
			switch b.Basis {
			case casebuilder.BenefitPainInput:
				u := figure.Number
				label := b.Input
				if in := casebuilder.LookupInput(b.Input); in != nil {
					u, label = in.Unit, in.Label
				}
				low, likely, high = f.Value(b.To.Low, u), f.Value(b.To.Likely, u), f.Value(b.To.High, u)
				basis = "New value of “" + label + "”"
			case casebuilder.BenefitPainShare:
				low, likely, high = f.Percent(b.Share.Low), f.Percent(b.Share.Likely), f.Percent(b.Share.High)
				basis = "Share of the cost of the problem"
			default:
				low, likely, high = f.Money(b.Annual.Low), f.Money(b.Annual.Likely), f.Money(b.Annual.High)
				basis = "Yearly amount"
			}
			t.rows = append(t.rows, row{cells: []cell{{s: orDefault(b.Name, "Unnamed benefit"), sub: b.Note}, {s: d.benefitTiming(&b)},
				{s: low}, {s: likely, style: "B"}, {s: high}, {s: basis}}})
		}
		t.cols[5].w = 18
		t.cols[0].w = 28
		t.cols[1].w = 18
		benefits = t
	}
	switch {
	case costs != nil:
		d.leadFor(desc, costs)
	case benefits != nil:
		d.leadFor(desc, benefits)
	default:
		d.para(desc)
	}
	for _, t := range []*table{costs, benefits} {
		if t != nil {
			d.table(t)
		}
	}
}

// criteria writes the criteria of the weighted scoring and their weights.
func (d *doc) criteria() {
	c, f := d.c, d.f
	if len(c.Criteria) == 0 {
		return
	}
	d.appendixSub(partCriteria)
	t := &table{caption: "Criteria", size: 7.5, cols: []col{{head: "Criterion", w: 70, align: "L"}, {head: "Weight", w: 30, align: "R"}}}
	total := 0.0
	for _, cr := range c.Criteria {
		total += cr.Weight
		t.rows = append(t.rows, row{cells: []cell{{s: orDefault(cr.Name, cr.ID)}, {s: f.Percent(cr.Weight)}}})
	}
	t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: "Total"}, {s: f.Percent(total)}}})
	d.table(t)
}

// otherRiskRows are the rows of the risks that concern only the
// alternatives not recommended.
func (d *doc) otherRiskRows() []row {
	c, f := d.c, d.f
	mine := map[*casebuilder.Risk]bool{}
	for _, r := range d.recRisks() {
		mine[r] = true
	}
	names := map[string]string{}
	for _, a := range c.Alternatives {
		names[a.ID] = a.Name
	}
	var rows []row
	for i := range c.Risks {
		r := &c.Risks[i]
		if mine[r] {
			continue
		}
		var concerns []string
		for _, id := range r.Alternatives {
			concerns = append(concerns, orDefault(names[id], id))
		}
		slices.Sort(concerns)
		rows = append(rows, row{cells: []cell{
			{s: fmt.Sprintf("R%d  %s", d.riskNo[r], orDefault(r.Description, "Not described")), sub: "Contingency: " + orDefault(r.Contingency, "none given")},
			{s: strings.Join(concerns, "; ")},
			{s: f.Percent(r.Likelihood)},
			{s: f.Money(r.ImpactCost), sub: fmt.Sprintf("%s (%d of 5)", impactWord(r.ImpactScore), r.ImpactScore)},
			{s: f.Money(r.ContingencyCost)},
			{s: orDefault(r.Owner, "No owner"), muted: strings.TrimSpace(r.Owner) == ""},
		}})
	}
	return rows
}

// otherRisks writes the risks that concern only the alternatives not
// recommended.
func (d *doc) otherRisks() {
	rows := d.otherRiskRows()
	if len(rows) == 0 {
		return
	}
	d.appendixSub(partOtherRisks)
	t := &table{caption: "Risks of the other alternatives", size: 7, rows: rows, cols: []col{
		{head: "Risk", w: 33, align: "L"},
		{head: "Concerns", w: 17, align: "L"},
		{head: "Likelihood", w: 10, align: "R"},
		{head: "Impact", w: 13, align: "R"},
		{head: "Plan cost", w: 11, align: "R"},
		{head: "Owner", w: 16, align: "L"},
	}}
	d.table(t)
}
