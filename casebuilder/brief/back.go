package brief

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// measures writes section 7: the KPIs that show whether it worked. It
// follows the plan and the acknowledgements on their page when there is
// room.
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

// acknowledgements writes section 6: who contributed what, as a short
// list on the page where the plan ends. Sharing the credit is part of the
// method; it does not need a page of its own.
func (d *doc) acknowledgements() {
	d.flowSection()
	cs := d.c.Contributors
	if len(cs) == 0 {
		d.para("No contributors are listed yet.")
		return
	}
	items := make([]string, 0, len(cs))
	for _, c := range cs {
		s := orDefault(c.Name, "Unnamed contributor")
		if r := strings.TrimSpace(c.Role); r != "" {
			s += ", " + r
		}
		if w := strings.TrimSpace(c.Contribution); w != "" {
			s += ": " + lowerFirst(w)
		}
		items = append(items, endSentence(s))
	}
	d.lead("This case rests on the work of the people below; they deserve the credit for what is good in it.", lineHeight(8.5)*2)
	d.bullets(items, 8.5)
}

// The parts of the appendix, in order; some are there only when the case
// has something to put in them (see planAppendix).
const (
	partGlossary    = "Terms used in this brief"
	partBasis       = "Basis of the figures"
	partContext     = "Strategic context"
	partPain        = "The cost of the problem, step by step"
	partAlternative = "Alternatives, line by line"
	partReasons     = "Reasons for the impact and the scores"
	partReserves    = "Risks and reserves of the other alternatives"
	partSensitivity = "Every uncertain estimate of the recommendation"
	partReview      = "The CEO review"
)

// planAppendix returns the titles of the appendix's parts that this case
// has, in order.
func (d *doc) planAppendix() []string {
	parts := []string{partGlossary, partBasis, partContext, partPain}
	if len(d.c.Alternatives) > 0 {
		parts = append(parts, partAlternative)
	}
	if d.hasReasons() {
		parts = append(parts, partReasons)
	}
	if d.hasReserves() {
		parts = append(parts, partReserves)
	}
	if d.tornadoShown() {
		parts = append(parts, partSensitivity)
	}
	if d.withReview {
		parts = append(parts, partReview)
	}
	return parts
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

// appendix writes what the figures rest on: the terms used, every
// assumption, the cost of the problem worked step by step, every
// alternative line by line, the reasons for its impact and scores, every
// alternative's risks and reserve, and every uncertain estimate; and the
// CEO review when the author asks for it.
func (d *doc) appendix() {
	d.startSection(false)
	d.glossary()
	d.basis()
	d.context()
	d.painWorking()
	for i := range d.c.Alternatives {
		d.alternativeLines(i)
	}
	d.reasons()
	d.reserves()
	d.estimates()
	d.review()
}

// basis writes the conventions every figure follows.
func (d *doc) basis() {
	c, res, f := d.c, d.res, d.f
	d.appendixSub(partBasis)
	recommended := "The case names none; the alternative with the highest NPV is shown as recommended."
	if res.RecommendedByCase {
		recommended = "Chosen by the author of the case."
	}
	basis := [][2]string{
		{"Currency", c.Currency + prefixed(" (", f.Symbol()) + ")"},
		{"Discount rate", f.Percent(c.DiscountRate) + " a year, applied monthly: a flow in month t is worth 1 / (1 + rate)^(t/12) today."},
		{"Horizon", d.horizonText() + ", in monthly periods; month 0 is the first."},
		{"Costs", "One-time costs fall in their month; monthly costs every month from start to end; yearly costs every twelve months from their start, in advance."},
		{"Benefits", "Each benefit starts in its month and ramps up in a straight line to full effect; every figure is against doing nothing."},
	}
	if !res.RecommendedByCase {
		basis = append(basis, [2]string{"Recommendation", recommended})
	}
	if d.an.Simulation != nil {
		basis = append(basis, [2]string{"Simulation", d.simulationMethod()})
	}
	t := &table{caption: "Basis of the figures", size: 7, tight: true, cols: []col{{head: "Assumption", w: 22, align: "L"}, {head: "Value", w: 78, align: "L"}}}
	for _, b := range basis {
		t.rows = append(t.rows, row{cells: []cell{{s: b[0], style: "B"}, {s: b[1]}}})
	}
	d.table(t)
}

// context writes the strategic context the case was built in.
func (d *doc) context() {
	x := &d.c.Context
	d.appendixSub(partContext)
	t := &table{caption: "Strategic context", size: 7, tight: true, cols: []col{{head: "Item", w: 22, align: "L"}, {head: "As the case states it", w: 78, align: "L"}}}
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

// alternativeLines writes one alternative's cost and benefit lines, each
// with its low, likely and high values, when it falls and what it assumes.
func (d *doc) alternativeLines(i int) {
	c, f := d.c, d.f
	a := &c.Alternatives[i]
	title := fmt.Sprintf("%s.%d  %s", d.appendixNumber(partAlternative), i+1, orDefault(a.Name, "Unnamed alternative"))
	if i == 0 {
		d.appendixSub(partAlternative)
		d.para("Each cost once (amount × heads) and each benefit's yearly value at full effect, low, likely and high; the brief's figures use the likely ones. Benefits that change an input of the problem's cost are valued one after another, so that no saving counts twice.")
	}
	if a.DoNothing {
		return // the baseline has no lines, as the part's lead says
	}
	d.minor(title)
	desc := strings.TrimSpace(a.Description)
	if desc == "" {
		desc = "No description yet."
	}
	var res *casebuilder.AltResult
	if i < len(d.res.Alternatives) {
		res = &d.res.Alternatives[i]
	}
	if res == nil || len(res.Lines) == 0 {
		d.para(desc)
		return
	}
	t := &table{caption: title, size: 7, tight: true, cols: []col{
		{head: "Line", w: 44, align: "L"},
		{head: "When", w: 18, align: "L"},
		{head: "Low", w: 10.5, align: "R"},
		{head: "Likely", w: 10.5, align: "R"},
		{head: "High", w: 10.5, align: "R"},
		{head: "Total (likely)", w: 10.5, align: "R"},
	}}
	money := func(l casebuilder.LineResult) []cell {
		return []cell{{s: f.Money(l.Value.Low)}, {s: f.Money(l.Value.Likely), style: "B"}, {s: f.Money(l.Value.High)}, {s: f.Money(l.Total)}}
	}
	t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "Costs, each time"}}})
	for _, l := range res.Lines {
		switch l.Kind {
		case casebuilder.CostLine:
			k := &a.Costs[l.Index]
			name := cell{s: orDefault(l.Name, "Unnamed cost"), sub: k.Note}
			if k.PerHead {
				name.sub = strings.TrimSpace(fmt.Sprintf("%s each for %s. %s", f.Money(k.Amount.Likely), f.Value(k.Heads, figure.Count), k.Note))
			}
			t.rows = append(t.rows, row{cells: append([]cell{name, {s: d.costTiming(k)}}, money(l)...)})
		case casebuilder.ReserveLine:
			where := d.appendixRef(partReserves)
			if i == d.shownReserve() {
				where = d.sectionRef("Risks and contingencies")
			}
			t.rows = append(t.rows, row{cells: append([]cell{{s: "Contingency reserve", sub: "For the risks that concern it (" + where + ")"}, {s: "Once, " + d.monthText(0)}}, money(l)...)})
		}
	}
	if len(a.Benefits) > 0 {
		t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "Benefits, a year at full effect"}}})
	}
	for _, l := range res.Lines {
		if l.Kind != casebuilder.BenefitLine {
			continue
		}
		b := &a.Benefits[l.Index]
		name := cell{s: orDefault(l.Name, "Unnamed benefit"), sub: strings.TrimSpace(d.benefitBasis(b) + " " + b.Note)}
		t.rows = append(t.rows, row{cells: append([]cell{name, {s: d.benefitTiming(b)}}, money(l)...)})
	}
	d.leadFor(desc, t)
	d.table(t)
}

// hasReasons reports whether any alternative gives a reason for an impact
// or a score.
func (d *doc) hasReasons() bool {
	for _, a := range d.c.Alternatives {
		for _, j := range []casebuilder.Judgement{a.Impact.Company, a.Impact.People, a.Impact.Mission} {
			if strings.TrimSpace(j.Text) != "" {
				return true
			}
		}
	}
	if sc := d.an.Scores; sc != nil {
		for _, as := range sc.Alternatives {
			for _, cs := range as.Criteria {
				if strings.TrimSpace(cs.Rationale) != "" {
					return true
				}
			}
		}
	}
	return false
}

// reasons writes the reasoning behind each alternative's impact scores and
// its scores on the weighted criteria.
func (d *doc) reasons() {
	if !d.hasReasons() {
		return
	}
	d.appendixSub(partReasons)
	t := &table{caption: "Reasons for the impact and the scores", size: 7, tight: true, cols: []col{
		{head: "Impact, score: reason", w: 50, align: "L"},
		{head: "Criterion, score: reason", w: 50, align: "L"},
	}}
	var scores []casebuilder.AltScore
	if sc := d.an.Scores; sc != nil {
		scores = sc.Alternatives
	}
	for i, a := range d.c.Alternatives {
		var impact []string
		for _, j := range []struct {
			name string
			j    casebuilder.Judgement
		}{{"Company", a.Impact.Company}, {"People", a.Impact.People}, {"Mission", a.Impact.Mission}} {
			why := strings.TrimSpace(j.j.Text)
			if why == "" {
				continue
			}
			score := "not scored"
			if j.j.Score > 0 {
				score = itoa(j.j.Score)
			}
			impact = append(impact, fmt.Sprintf("%s, %s: %s", j.name, score, why))
		}
		var crit []string
		if i < len(scores) {
			for _, cs := range scores[i].Criteria {
				why := strings.TrimSpace(cs.Rationale)
				if why == "" {
					continue
				}
				score := itoa(cs.Score)
				if cs.Auto {
					score += " (automatic)"
				}
				crit = append(crit, fmt.Sprintf("%s, %s: %s", orDefault(cs.Name, "Unnamed criterion"), score, why))
			}
		}
		if len(impact) == 0 && len(crit) == 0 {
			continue
		}
		name := orDefault(a.Name, "Unnamed alternative")
		if i == d.res.Recommended {
			name += " (recommended)"
		}
		t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: name}}},
			row{cells: []cell{{s: strings.Join(impact, "\n")}, {s: strings.Join(crit, "\n")}}})
	}
	d.table(t)
}
