package brief

import (
	"fmt"
	"math"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// alternatives writes section 2: every alternative side by side, in money,
// in impact, in the weighted scoring and in the range of its outcomes. The
// reasons behind the impact and the scores are in the appendix.
func (d *doc) alternatives() {
	d.startSection(false)
	c, res, f := d.c, d.res, d.f
	if len(res.Alternatives) == 0 {
		d.para("No alternatives are set out yet. A case needs at least doing nothing and one way of fixing the problem.")
		return
	}
	d.para(fmt.Sprintf("Every alternative is costed over the same %d months and discounted at %s a year, against doing nothing; its costs include the contingency reserve for its own risks.",
		res.Months, f.Percent(c.DiscountRate)))

	d.sub("Financial comparison")
	t := &table{caption: "Financial comparison", size: 7.5, cols: []col{
		{head: "Alternative", w: 38, align: "L"},
		{head: "Total cost", w: 17, align: "R"},
		{head: "Total benefit", w: 17, align: "R"},
		{head: "NPV", w: 17, align: "R"},
		{head: "IRR", w: 11, align: "R"},
		{head: "ROI", w: 11, align: "R"},
		{head: "BCR", w: 8, align: "R"},
		{head: "Paid back in", w: 17, align: "R"},
	}}
	for i, a := range res.Alternatives {
		name := cell{s: orDefault(a.Name, "Unnamed alternative")}
		kind := rowNormal
		switch {
		case i == res.Recommended:
			name.style, name.sub, kind = "B", "Recommended", rowHighlight
		case a.DoNothing:
			name.sub = "The baseline"
		}
		t.rows = append(t.rows, row{kind: kind, cells: []cell{name,
			{s: f.Money(a.TotalCost)}, {s: f.Money(a.TotalBenefit)}, {s: f.Money(a.NPV), style: "B"},
			{s: f.Maybe(a.IRR, f.Percent)}, {s: f.Maybe(a.ROI, f.Percent)}, {s: f.Maybe(a.BCR, f.Ratio)},
			{s: d.paidBackIn(&res.Alternatives[i], true)},
		}})
	}
	t.note = "n/a: the figure does not exist (no costs, no change of sign, or not paid back within the horizon). Every term is explained in " + d.appendixRef(partGlossary) + "."
	d.table(t)

	d.sub("Net present value")
	d.npvChart()

	d.sub("Impact on the company, its people and its mission")
	it := &table{caption: "Impact", size: 7.5, cols: []col{
		{head: "Alternative", w: 40, align: "L"},
		{head: "Company", w: 20, align: "C"},
		{head: "People", w: 20, align: "C"},
		{head: "Mission", w: 20, align: "C"},
	}}
	for i := range c.Alternatives {
		a := &c.Alternatives[i]
		kind := rowNormal
		name := cell{s: orDefault(a.Name, "Unnamed alternative")}
		if i == res.Recommended {
			kind, name.style = rowHighlight, "B"
		}
		it.rows = append(it.rows, row{kind: kind, cells: []cell{name,
			impactScore(a.Impact.Company), impactScore(a.Impact.People), impactScore(a.Impact.Mission)}})
	}
	it.note = "Scores run from 1 (harmful) to 5 (very good). The reasoning behind each is in " + d.appendixRef(partReasons) + "."
	d.table(it)

	d.scoring()
	d.uncertainty()
}

// impactScore is an impact score, as a cell.
func impactScore(j casebuilder.Judgement) cell {
	switch {
	case j.Score > 0:
		return cell{s: fmt.Sprintf("%d of 5", j.Score), style: "B"}
	case strings.TrimSpace(j.Text) == "":
		return cell{s: "Not judged yet", muted: true}
	}
	return cell{s: "Not scored", muted: true}
}

// scoring writes the weighted scoring of the alternatives against the
// case's criteria, each score's rationale, and why the recommendation is
// chosen when the scoring ranks another first. Every score, total and
// rank is the analysis's own (casebuilder.Weigh), so the brief, the app and
// the workbook agree.
func (d *doc) scoring() {
	c, f, sc := d.c, d.f, d.an.Scores
	if len(c.Criteria) == 0 || len(sc.Alternatives) == 0 {
		return
	}
	rec := sc.Recommended
	// Criteria in groups that fit across the page; the weighted score and
	// the rank end the last group.
	per := 7
	if d.landscape {
		per = 11
	}
	var tables []*table
	var autos []string
	for _, cr := range c.Criteria {
		switch cr.Auto {
		case casebuilder.ScoreFromNPV:
			autos = append(autos, orDefault(cr.Name, cr.ID)+" from the NPV")
		case casebuilder.ScoreFromROI:
			autos = append(autos, orDefault(cr.Name, cr.ID)+" from the ROI")
		}
	}
	for start := 0; start < len(c.Criteria); start += per {
		end := min(start+per, len(c.Criteria))
		last := end == len(c.Criteria)
		t := &table{caption: "Weighted scoring", size: 7.5, cols: []col{{head: "Alternative", w: 34, align: "L"}}}
		for _, cr := range c.Criteria[start:end] {
			head := fmt.Sprintf("%s (%s)", orDefault(cr.Name, cr.ID), f.Percent(cr.Weight))
			if cr.Auto == casebuilder.ScoreFromNPV || cr.Auto == casebuilder.ScoreFromROI {
				head += "*"
			}
			t.cols = append(t.cols, col{head: head, w: 14, align: "C"})
		}
		if last {
			t.cols = append(t.cols, col{head: "Weighted score", w: 11, align: "R"}, col{head: "Rank", w: 7, align: "R"})
		}
		for i, as := range sc.Alternatives {
			kind := rowNormal
			name := cell{s: orDefault(as.Name, "Unnamed alternative")}
			if i == rec {
				kind, name.style, name.sub = rowHighlight, "B", "Recommended"
			}
			cells := []cell{name}
			for _, cs := range as.Criteria[start:end] {
				if cs.Score > 0 {
					cells = append(cells, cell{s: itoa(cs.Score)})
				} else {
					cells = append(cells, cell{s: "–", muted: true})
				}
			}
			if last {
				total := cell{s: f.Number(as.WeightedTotal, 2), style: "B"}
				rank := cell{s: itoa(as.Rank), style: "B"}
				switch {
				case len(as.Unscored) == len(as.Criteria):
					total = cell{s: "–", sub: "not scored", muted: true}
					rank.style, rank.muted = "", true
				case len(as.Unscored) > 0:
					total.sub = "incomplete"
				}
				if tied(sc, i) {
					rank.sub = "tied"
				}
				cells = append(cells, total, rank)
			}
			t.rows = append(t.rows, row{kind: kind, cells: cells})
		}
		tables = append(tables, t)
	}
	lead := []string{"Each alternative is scored from 1 (poor) to 5 (excellent) against each criterion; its weighted score is the sum of its scores times the weights, and rank 1 is the highest. The reason for every score is in " + d.appendixRef(partReasons) + "."}
	if len(autos) > 0 {
		lead = append(lead, "* Scored automatically: "+strings.Join(autos, "; ")+", 1 for the alternative with the lowest and 5 for the one with the highest, in proportion between.")
	}
	for _, as := range sc.Alternatives {
		if len(as.Unscored) > 0 {
			lead = append(lead, "A criterion not scored yet counts as 0.")
			break
		}
	}
	if math.Abs(sc.WeightSum-1) > 1e-6 {
		lead = append(lead, fmt.Sprintf("The weights sum to %s, not 100%%, so the weighted scores are not on the scale of the scores.", f.Percent(sc.WeightSum)))
	}
	d.sub("Weighted scoring")
	d.leadFor(strings.Join(lead, " "), tables[0])
	for _, t := range tables {
		d.table(t)
	}
	d.rankVerdict()
}

// tied reports whether another alternative shares alternative i's rank.
func tied(sc *casebuilder.Scoring, i int) bool {
	for j, a := range sc.Alternatives {
		if j != i && a.Rank == sc.Alternatives[i].Rank {
			return true
		}
	}
	return false
}

// rankVerdict says where the recommendation ranks on the weighted
// criteria and, when another ranks higher, the case's reason for choosing
// it all the same.
func (d *doc) rankVerdict() {
	sc, f := d.an.Scores, d.f
	if sc.Recommended < 0 || sc.Recommended >= len(sc.Alternatives) {
		return
	}
	me := sc.Alternatives[sc.Recommended]
	name := orDefault(me.Name, "The recommended alternative")
	var top []string
	for _, i := range sc.TopRanked {
		if i != sc.Recommended {
			top = append(top, "“"+orDefault(sc.Alternatives[i].Name, "Unnamed alternative")+"”")
		}
	}
	if !sc.NotTopRanked() {
		s := fmt.Sprintf("%s ranks first on the weighted criteria, with a weighted score of %s.", name, f.Number(me.WeightedTotal, 2))
		if len(top) > 0 {
			s = fmt.Sprintf("%s ranks first on the weighted criteria, with a weighted score of %s, tied with %s.", name, f.Number(me.WeightedTotal, 2), casebuilder.JoinNames(top))
		}
		d.para(s)
		return
	}
	head := fmt.Sprintf("%s ranks %s on the weighted criteria, with a weighted score of %s, behind %s.", name, casebuilder.Ordinal(me.Rank), f.Number(me.WeightedTotal, 2), casebuilder.JoinNames(top))
	why := sc.WhyNotTopRanked
	if why == "" {
		why = "The case does not yet say why it is recommended all the same, and a decision should not be taken until it does."
	}
	d.panel([][2]string{{"Ranked " + casebuilder.Ordinal(me.Rank), head}, {"Why it is chosen", why}}, 30, 12)
}

// financials writes section 3: the recommended alternative's cash flows,
// what each of its lines costs or returns, and what moves its NPV most.
// Every line with its low, likely and high values is in the appendix.
func (d *doc) financials() {
	d.nextSection()
	f := d.f
	a := d.res.RecommendedAlternative()
	if a == nil || a.DoNothing {
		d.para("No alternative other than doing nothing is recommended, so there is no plan to cost.")
		return
	}
	d.para(fmt.Sprintf("%s costs %s and returns %s over %s, a net present value of %s at %s a year, against doing nothing.",
		a.Name, f.Money(a.TotalCost), f.Money(a.TotalBenefit), d.horizonText(), f.Money(a.NPV), f.Percent(d.c.DiscountRate)))

	d.sub("Cumulative cash flow")
	d.cashChart(a)

	d.yearly(a)
	d.lineTotals(a)
	d.sensitivity()
}

// yearly writes the cash flows of the recommendation, year by year.
func (d *doc) yearly(a *casebuilder.AltResult) {
	f := d.f
	n := len(a.CashFlows)
	if n == 0 {
		return
	}
	d.sub("Cash flow by year")
	t := &table{caption: "Cash flow by year", size: 7.5, cols: []col{
		{head: "Year", w: 28, align: "L"},
		{head: "Costs", w: 18, align: "R"},
		{head: "Benefits", w: 18, align: "R"},
		{head: "Net cash flow", w: 18, align: "R"},
		{head: "Cumulative", w: 18, align: "R"},
	}}
	cum := 0.0
	for y := 0; y*12 < n; y++ {
		var cost, ben, net float64
		for m := y * 12; m < min(n, (y+1)*12); m++ {
			cost += a.Costs[m]
			ben += a.Benefits[m]
			net += a.CashFlows[m]
		}
		cum += net
		span := fmt.Sprintf("months %d to %d", y*12, min(n, (y+1)*12)-1)
		if !d.c.StartDate.IsZero() {
			span = shortMonth(d.c.StartDate.AddMonths(y*12)) + " to " + shortMonth(d.c.StartDate.AddMonths(min(n, (y+1)*12)-1))
		}
		t.rows = append(t.rows, row{cells: []cell{{s: fmt.Sprintf("Year %d: %s", y+1, span)}, {s: f.Money(cost)}, {s: f.Money(ben)}, {s: f.Money(net)}, {s: f.Money(cum)}}})
	}
	t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: "Total"}, {s: f.Money(a.TotalCost)}, {s: f.Money(a.TotalBenefit)}, {s: f.Money(a.NetBenefit)}, {s: ""}}})
	d.table(t)
}

// lineTotals writes what each line of the recommendation costs or returns
// over the horizon, undiscounted and at today's value.
func (d *doc) lineTotals(a *casebuilder.AltResult) {
	f := d.f
	alt := d.recAlternative(a)
	d.sub("Costs and benefits, line by line")
	t := &table{caption: "Costs and benefits", size: 7.5, cols: []col{
		{head: "Line", w: 46, align: "L"},
		{head: "When", w: 28, align: "L"},
		{head: "Total", w: 13, align: "R"},
		{head: "Present value", w: 13, align: "R"},
	}}
	t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "Costs"}}})
	for _, l := range a.Lines {
		switch l.Kind {
		case casebuilder.CostLine:
			k := &alt.Costs[l.Index]
			t.rows = append(t.rows, row{cells: []cell{{s: orDefault(l.Name, "Unnamed cost")}, {s: d.costTiming(k)}, {s: f.Money(l.Total)}, {s: f.Money(l.PV)}}})
		case casebuilder.ReserveLine:
			t.rows = append(t.rows, row{cells: []cell{{s: "Contingency reserve"}, {s: "Once, " + d.monthText(0)}, {s: f.Money(l.Total)}, {s: f.Money(l.PV)}}})
		}
	}
	t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: "Total cost"}, {}, {s: f.Money(a.TotalCost)}, {s: f.Money(a.PVCost)}}})
	t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "Benefits"}}})
	for _, l := range a.Lines {
		if l.Kind != casebuilder.BenefitLine {
			continue
		}
		b := &alt.Benefits[l.Index]
		t.rows = append(t.rows, row{cells: []cell{{s: orDefault(l.Name, "Unnamed benefit")}, {s: d.benefitTiming(b)}, {s: f.Money(l.Total)}, {s: f.Money(l.PV)}}})
	}
	t.rows = append(t.rows, row{kind: rowTotal, cells: []cell{{s: "Total benefit"}, {}, {s: f.Money(a.TotalBenefit)}, {s: f.Money(a.PVBenefit)}}})
	t.note = "Present value: discounted to the start at " + f.Percent(d.c.DiscountRate) + " a year. Each line's low, likely and high values, and what each benefit assumes, are in " + d.appendixRef(partAlternative) + "."
	d.table(t)
}

// recAlternative is the case's alternative whose figures a are.
func (d *doc) recAlternative(a *casebuilder.AltResult) *casebuilder.Alternative {
	ai := d.c.AlternativeByID(a.ID)
	if ai < 0 {
		ai = d.res.Recommended
	}
	return &d.c.Alternatives[ai]
}

// costTiming says when a cost line is spent.
func (d *doc) costTiming(k *casebuilder.Cost) string {
	switch k.Kind {
	case casebuilder.OneTime:
		return "Once, " + d.monthText(k.StartMonth)
	case casebuilder.Monthly:
		s := "Monthly from " + d.monthText(k.StartMonth)
		if k.EndMonth != nil {
			s += " to " + d.monthText(*k.EndMonth)
		}
		return s
	case casebuilder.Yearly:
		s := "Yearly from " + d.monthText(k.StartMonth)
		if k.EndMonth != nil {
			s += " to " + d.monthText(*k.EndMonth)
		}
		return s
	}
	return string(k.Kind)
}

// monthText names a month of the horizon: "Apr 2027" when the case has a
// start date, "month 3" otherwise.
func (d *doc) monthText(m int) string {
	if d.c.StartDate.IsZero() {
		return fmt.Sprintf("month %d", m)
	}
	return shortMonth(d.c.StartDate.AddMonths(m))
}

// benefitBasis says how a benefit is valued, in a sentence.
func (d *doc) benefitBasis(b *casebuilder.Benefit) string {
	f := d.f
	switch b.Basis {
	case casebuilder.BenefitPainInput:
		in := casebuilder.LookupInput(b.Input)
		if in == nil {
			return "Changes the calculator input " + b.Input + "."
		}
		from := ""
		for _, st := range d.res.Pain.Working {
			if st.Key == b.Input {
				from = " from " + f.Value(st.Value, st.Unit)
			}
		}
		return fmt.Sprintf("%s%s to %s (low %s, high %s).", in.Label, from, f.Value(b.To.Likely, in.Unit), f.Value(b.To.Low, in.Unit), f.Value(b.To.High, in.Unit))
	case casebuilder.BenefitPainShare:
		return fmt.Sprintf("Avoids %s of the yearly cost of the problem (low %s, high %s).", f.Percent(b.Share.Likely), f.Percent(b.Share.Low), f.Percent(b.Share.High))
	}
	return "A yearly amount."
}

// benefitTiming says when a benefit starts and when it is in full.
func (d *doc) benefitTiming(b *casebuilder.Benefit) string {
	s := "From " + d.monthText(b.StartMonth)
	if b.RampMonths > 1 {
		s += fmt.Sprintf("; full after %d months", b.RampMonths)
	}
	if b.EndMonth != nil {
		s += "; until " + d.monthText(*b.EndMonth)
	}
	return s
}

// niceTicks returns round tick values covering lo..hi, about n of them.
func niceTicks(lo, hi float64, n int) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Floor(lo/step) * step
	var ticks []float64
	for v := start; v <= hi+step*0.999; v += step {
		ticks = append(ticks, v)
		if len(ticks) > 50 {
			break
		}
	}
	return ticks
}
