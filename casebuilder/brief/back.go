package brief

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// measures writes section 7: the KPIs that show whether it worked. It
// follows the plan and the acknowledgements on their page when there is
// room.
func (d *doc) measures() {
	f := d.f
	ms := d.c.Measures
	if len(ms) == 0 {
		none := "No measures of success are set yet."
		d.sectionWith(d.paraHeight(none, 9))
		d.para(none)
		return
	}
	t := &table{caption: "Measures of success", size: 7, tight: true, cols: []col{
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
	t.note = "Level of evaluation: from the reaction of the people involved (1) to the return on the investment (5)."
	// The section follows the plan on its page when all of it fits there.
	d.sectionWith(d.heightOf(func() { d.table(t) }))
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
	d.lead("This case rests on the work of the people below; they deserve the credit for what is good in it.", pdfstyle.LineHeight(8.5)*2)
	d.bullets(items, 8.5)
}

// The parts of the appendix, in order; some are there only when the case
// has something to put in them (see planAppendix).
const (
	partGlossary    = "Terms used, and the basis of the figures"
	partContext     = "Strategic context"
	partPain        = "The cost of the problem, step by step"
	partAlternative = "The other alternatives, line by line, with their risks"
	partReasons     = "Reasons for the impact and the scores"
	partReview      = "The CEO review"
)

// planAppendix returns the titles of the appendix's parts that this case
// has, in order.
func (d *doc) planAppendix() []string {
	parts := []string{partGlossary, partContext, partPain}
	for i := range d.c.Alternatives {
		if d.inAppendixLines(i) {
			parts = append(parts, partAlternative)
			break
		}
	}
	if d.hasReasons() {
		parts = append(parts, partReasons)
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

// appendix writes what the figures rest on: the terms used and the basis
// of the figures, the strategic context, the cost of the problem worked
// step by step, the other alternatives line by line with their risks and
// reserves, and the reasons for the impact and the scores; and the CEO
// review when the author asks for it.
func (d *doc) appendix() {
	d.startSection(false)
	d.glossary()
	d.context()
	d.painWorking()
	for i := range d.c.Alternatives {
		d.alternativeLines(i)
	}
	d.reserves()
	d.reasons()
	d.review()
}

// basis returns the conventions every figure follows, each with its
// name, for the table of the terms.
func (d *doc) basis() [][2]string {
	c, res, f := d.c, d.res, d.f
	basis := [][2]string{
		{"Currency", c.Currency + prefixed(" (", f.Symbol()) + ")"},
		{"Discount rate", f.Percent(c.DiscountRate) + " a year, applied monthly: a flow in month t is worth 1 / (1 + rate)^(t/12) today."},
		{"Horizon", d.horizonText() + ", in monthly periods; month 0 is the first."},
		{"Costs", "One-time costs fall in their month, monthly ones every month from start to end, yearly ones every 12 months from their start."},
		{"Benefits", "Each benefit starts in its month and ramps up in a straight line to full effect; every figure is against doing nothing."},
		{"Milestones", "A line tied to a milestone starts in the month it starts, or in the month of the day after it ends, for the whole of that month (a roll-out ending on 30 September delivers from October), and moves with it."},
	}
	if r := strings.TrimSpace(c.RatesReason); r != "" {
		// Under the rate, where the CFO looks for it, in no row of its own.
		basis[1][1] += " Why this rate and horizon: " + r
	}
	if !res.RecommendedByCase {
		basis = append(basis, [2]string{"Recommendation", "The case names none; the alternative with the highest NPV is shown as recommended."})
	}
	return basis
}

// context writes the strategic context the case was built in.
func (d *doc) context() {
	x := &d.c.Context
	d.appendixSub(partContext)
	t := &table{caption: "Strategic context", size: textSize, tight: true, cols: []col{{head: "Item", w: 17, align: "L"}, {head: "As the case states it", w: 83, align: "L"}}}
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

// alternativeLines writes, in the appendix, the lines of an alternative
// other than the recommendation (whose lines are in section 3) and doing
// nothing: each with its low, likely and high values, when it falls, what
// kind of money it is and what it assumes.
func (d *doc) alternativeLines(i int) {
	if !d.inAppendixLines(i) {
		return
	}
	a := &d.c.Alternatives[i]
	// Its number among the alternatives the appendix gives.
	n := 1
	for j := range i {
		if d.inAppendixLines(j) {
			n++
		}
	}
	if n == 1 {
		d.appendixSub(partAlternative)
		lead := "Each cost as it is spent and each benefit a year at full effect, low, likely and high; then their risks."
		if d.shownReserve() >= 0 {
			lead = "The recommendation's lines are in " + d.sectionRef("Financials of the recommendation") + ". " + lead
		}
		d.para(lead)
	}
	title := fmt.Sprintf("%s.%d  %s", d.appendixNumber(partAlternative), n, orDefault(a.Name, "Unnamed alternative"))
	d.minor(title)
	desc := strings.TrimSpace(a.Description)
	if desc == "" {
		desc = "No description yet."
	}
	res := &d.res.Alternatives[i]
	if len(res.Lines) == 0 {
		d.para(desc)
		return
	}
	t := d.linesTable(res, i, false)
	t.caption = title
	d.leadFor(desc, t)
	d.table(t)
}

// inAppendixLines reports whether alternative i's lines are in the
// appendix: every alternative's but doing nothing's, which has none, and
// the recommendation's, which section 3 gives.
func (d *doc) inAppendixLines(i int) bool {
	if i < 0 || i >= len(d.c.Alternatives) || i >= len(d.res.Alternatives) || d.c.Alternatives[i].DoNothing {
		return false
	}
	return i != d.shownReserve()
}

// headsWords says what a per-head cost is multiplied by: "€4,000 each
// for 2." or, for heads that follow an input, "€4,000 each for every one
// of the new sales hires a year: 46, 75 and 50 by year."; "" for a cost
// that is not per head.
func (d *doc) headsWords(k *casebuilder.Cost) string {
	f := d.f
	if !k.PerHead {
		return ""
	}
	each := f.Money(k.Amount.Likely) + " each"
	if k.HeadsFrom == "" {
		return fmt.Sprintf("%s for %s.", each, f.Value(k.Heads, figure.Count))
	}
	label, values := "heads the case gives", []float64(nil)
	if in := casebuilder.LookupInput(k.HeadsFrom); in != nil {
		label = lowerFirst(in.Label)
		if v, ok := d.c.Pain.Inputs[k.HeadsFrom]; ok {
			values = []float64{v.Likely}
			if v.Yearly() {
				values = values[:0]
				for _, r := range v.Years {
					values = append(values, r.Likely)
				}
			}
		}
	}
	// A step of the working, or an input it reads, has its values by year
	// there.
	for _, st := range d.res.Pain.Working {
		if st.Key == k.HeadsFrom {
			label, values = lowerFirst(st.Label), []float64{st.Value}
			if len(st.ByYear) > 0 {
				values = st.ByYear
			}
		}
	}
	switch len(values) {
	case 0:
		return fmt.Sprintf("%s for every one of the %s.", each, label)
	case 1:
		return fmt.Sprintf("%s for every one of the %s (%s).", each, label, f.Value(values[0], figure.Count))
	}
	vs := make([]string, len(values))
	for y, v := range values {
		vs[y] = f.Value(v, figure.Count)
	}
	return fmt.Sprintf("%s for every one of the %s: %s by year.", each, label, casebuilder.JoinNames(vs))
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
	t := &table{caption: "Reasons for the impact and the scores", size: textSize, tight: true, cols: []col{
		{head: "Impact on the company, its people and its mission, then each criterion: its score and the reason for it", w: 100, align: "L"},
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
			impact = append(impact, fmt.Sprintf("%s, %s: %s", j.name, score, endSentence(why)))
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
				crit = append(crit, fmt.Sprintf("%s, %s: %s", orDefault(cs.Name, "Unnamed criterion"), score, endSentence(why)))
			}
		}
		if len(impact) == 0 && len(crit) == 0 {
			continue
		}
		name := orDefault(a.Name, "Unnamed alternative")
		if i == d.res.Recommended {
			name += " (recommended)"
		}
		// Each part runs on as a paragraph: a reason is often a few words.
		t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: name}}})
		for _, p := range [][]string{impact, crit} {
			if len(p) > 0 {
				t.rows = append(t.rows, row{cells: []cell{{s: strings.Join(p, " ")}}})
			}
		}
	}
	d.table(t)
}
