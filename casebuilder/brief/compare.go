package brief

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
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
	reserve := "its costs include the contingency reserve for its own risks, " + d.reserveWords() + "."
	if c.Reserve.Basis == casebuilder.ReserveNone {
		reserve = "the case books no contingency reserve for the risks."
	}
	d.para(fmt.Sprintf("Every alternative is costed over the same %d months and discounted at %s a year, against doing nothing; %s",
		res.Months, f.Percent(c.DiscountRate), reserve))

	d.sub("Financial comparison, and the impact")
	t := &table{caption: "Financial comparison", size: 7, cols: []col{
		{head: "Alternative", w: 29, align: "L"},
		{head: "Total cost", w: 13, align: "R"},
		{head: "Total benefit", w: 13, align: "R"},
		{head: "NPV", w: 13, align: "R"},
		{head: "Cash NPV", w: 13, align: "R"},
		{head: "IRR", w: 9, align: "R"},
		{head: "ROI", w: 9, align: "R"},
		{head: "BCR", w: 6.5, align: "R"},
		{head: "Paid back in", w: 11.5, align: "R"},
		{head: "Impact: company, people, mission", w: 12, align: "C"},
	}}
	for i, a := range res.Alternatives {
		name, kind := d.alternativeCell(i, a.Name, a.DoNothing, "The baseline")
		impact := cell{s: "Not judged", muted: true}
		if i < len(c.Alternatives) {
			impact = impactScores(c.Alternatives[i].Impact)
		}
		t.rows = append(t.rows, row{kind: kind, cells: []cell{name,
			{s: f.Money(a.TotalCost)}, {s: f.Money(a.TotalBenefit)}, {s: f.Money(a.NPV), style: "B"}, {s: f.Money(a.CashNPV)},
			{s: f.Maybe(a.IRR, f.Percent)}, {s: f.Maybe(a.ROI, f.Percent)}, {s: f.Maybe(a.BCR, f.Ratio)},
			{s: d.paidBackIn(&res.Alternatives[i], true)}, impact,
		}})
	}
	t.note = "Cash NPV: the NPV of the cash alone. n/a: the figure does not exist (no costs, no change of sign, or not paid back within the horizon). Impact: scores from 1 (harmful) to 5 (very good) on the company, its people and its mission, the reasons in " + d.appendixRef(partReasons) + ". Every term is explained in " + d.appendixRef(partGlossary) + "."
	d.table(t)

	d.sub("Net present value")
	d.npvChart()

	d.scoring()
	d.uncertainty()
}

// impactScores are an alternative's impact scores on the company, its
// people and its mission, as a cell: "4 · 5 · 4", a dash for one not
// scored.
func impactScores(im casebuilder.Impact) cell {
	var s []string
	scored := false
	for _, j := range []casebuilder.Judgement{im.Company, im.People, im.Mission} {
		if j.Score > 0 {
			s, scored = append(s, itoa(j.Score)), true
		} else {
			s = append(s, "–")
		}
	}
	if !scored {
		return cell{s: "Not judged yet", muted: true}
	}
	return cell{s: strings.Join(s, " · "), style: "B"}
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
// its money by fiscal year and kind, what each of its lines costs or
// returns and when, what moves its NPV most and how far each estimate can
// move before it stops paying. Every line with its low, likely and high
// values is in the appendix.
func (d *doc) financials() {
	f := d.f
	a := d.res.RecommendedAlternative()
	if a == nil || a.DoNothing {
		none := "No alternative other than doing nothing is recommended, so there is no plan to cost."
		d.sectionWith(d.paraHeight(none, 9))
		d.para(none)
		return
	}
	intro := fmt.Sprintf("%s costs %s and returns %s over %s, a net present value of %s at %s a year, against doing nothing.",
		a.Name, f.Money(a.TotalCost), f.Money(a.TotalBenefit), d.horizonText(), f.Money(a.NPV), f.Percent(d.c.DiscountRate))
	start := func() {
		d.para(intro)
		d.sub("Cumulative net flow")
		d.cashChart(a)
	}
	// The section starts here when its introduction and the cumulative
	// chart fit.
	d.sectionWith(d.heightOf(start))
	start()

	d.fiscalYears()
	d.lineTotals(a)
	d.sensitivity()
	d.breakEvens()
}

// sectionWith begins the next section where the last one ended when its
// heading and the first h millimetres of it fit there, so that no page is
// left half empty before a section whose start would have fitted;
// otherwise on a new page, rather than leave its heading there alone
// with a line or two. A start taller than a page fits nowhere: that
// section begins as nextSection begins one. Nor does a section leave
// behind a page that holds less than a quarter of its room (the tail of a
// long list, say): it begins below it and runs on to the next page.
func (d *doc) sectionWith(h float64) {
	switch {
	case h > d.bottom()-pdfstyle.MarginTop-headingHeight(1):
		d.nextSection()
	case !d.atTop() && (d.room(10+headingHeight(1)+h) || d.used() < 0.25):
		d.flowSection()
	default:
		d.startSection(d.landscape)
	}
}

// heightOf is the height that draw would take from here on a page with
// room enough, found by laying it out without drawing it.
func (d *doc) heightOf(draw func()) float64 {
	y, h, keep := d.y, d.h, d.keepNext
	pending := d.pending
	d.pending = nil
	d.dry, d.overflow, d.h = true, false, 1e6
	draw()
	used := d.y - y
	d.dry, d.overflow, d.y, d.h, d.keepNext = false, false, y, h, keep
	d.pending = pending
	return used
}

// fiscalYears writes the money of the recommendation by the company's
// fiscal year, split by kind: new cash against the time of people already
// paid, and cash saved against margin, cost avoidance and productivity;
// then the net of each year and the budget the ask asks for in it.
func (d *doc) fiscalYears() {
	f := d.f
	fys := casebuilder.FiscalYears(d.c, d.res, d.res.Recommended)
	if len(fys) == 0 {
		return
	}
	type column struct {
		head string
		of   func(fy casebuilder.FiscalYear) float64
	}
	cols := []column{
		{"New cash", func(fy casebuilder.FiscalYear) float64 { return fy.NewCash }},
		{"People's time", func(fy casebuilder.FiscalYear) float64 { return fy.PeopleTime }},
		{"Cash saved", func(fy casebuilder.FiscalYear) float64 { return fy.CashSaved }},
		{"Margin on sales", func(fy casebuilder.FiscalYear) float64 { return fy.Margin }},
		{"Cost avoidance", func(fy casebuilder.FiscalYear) float64 { return fy.Avoidance }},
		{"Productivity", func(fy casebuilder.FiscalYear) float64 { return fy.Productivity }},
		{"Net cash", func(fy casebuilder.FiscalYear) float64 { return fy.CashSaved - fy.NewCash }},
		{"Net, every kind", func(fy casebuilder.FiscalYear) float64 {
			return fy.CashSaved + fy.Margin + fy.Avoidance + fy.Productivity - fy.NewCash - fy.PeopleTime
		}},
		{"Budget asked", func(fy casebuilder.FiscalYear) float64 { return fy.Budget }},
	}
	// A kind no year has is left out, and said so.
	var none []string
	shown := cols[:0:0]
	for i, c := range cols {
		used := false
		for _, fy := range fys {
			used = used || c.of(fy) != 0
		}
		if !used && i >= 1 && i <= 5 {
			none = append(none, lowerFirst(c.head))
			continue
		}
		shown = append(shown, c)
	}
	t := &table{caption: "Money by fiscal year", size: 7, cols: []col{{head: "Fiscal year", w: 16, align: "L"}}}
	for _, c := range shown {
		t.cols = append(t.cols, col{head: c.head, w: 12, align: "R"})
	}
	totals := make([]float64, len(shown))
	for _, fy := range fys {
		label := cell{s: fy.Label}
		// A year the horizon covers in part says its months.
		if fy.Last-fy.First+1 < casebuilder.PeriodsPerYear && !d.c.StartDate.IsZero() {
			label.sub = d.c.StartDate.AddMonths(fy.First).Time().Format("Jan")
			if fy.Last > fy.First {
				label.sub += " to " + d.c.StartDate.AddMonths(fy.Last).Time().Format("Jan")
			}
		}
		cells := []cell{label}
		for i, c := range shown {
			v := c.of(fy)
			totals[i] += v
			cells = append(cells, cell{s: f.Money(v)})
		}
		t.rows = append(t.rows, row{cells: cells})
	}
	total := []cell{{s: "Total"}}
	for _, v := range totals {
		total = append(total, cell{s: f.Money(v)})
	}
	t.rows = append(t.rows, row{kind: rowTotal, cells: total})
	start := time.Month(d.c.FiscalYearStart)
	if start < time.January || start > time.December {
		start = time.January
	}
	lead := fmt.Sprintf("The company's fiscal year, its financial year, starts in %s. New cash includes the reserve; people's time takes no new money out; of the benefits, only cash saved is cash.", start)
	if gi := d.askGate(); gi >= 0 {
		lead += " The budget asked is the new cash up to the stage gate the ask stops at."
	} else {
		lead += " The budget asked is each year's new cash."
	}
	if len(none) > 0 {
		t.note = fmt.Sprintf("No line of this alternative is %s.", joinOr(none))
	}
	d.sub("Money by fiscal year")
	d.leadFor(lead, t)
	d.table(t)
}

// joinOr joins phrases with commas and a last "or".
func joinOr(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// lineTotals writes every line of the recommendation: when it falls and
// what kind of money it is, its low, likely and high values (a cost each
// time it is spent, a benefit a year at full effect), what it assumes,
// and what it costs or returns over the horizon, undiscounted and at
// today's value. The other alternatives' lines are in the appendix.
func (d *doc) lineTotals(a *casebuilder.AltResult) {
	t := d.linesTable(a, d.res.Recommended, true)
	// Each figure is the exact one rounded, so a total may be a unit off
	// the sum of its rounded lines: a CFO adding them up is told why.
	t.note = "Present value: discounted to the start at " + d.f.Percent(d.c.DiscountRate) + " a year. A line tied to a milestone moves with it. Each figure is rounded on its own: a total may differ from the sum of its lines by rounding."
	d.sub("Costs and benefits, line by line")
	d.leadFor("Each cost as it is spent and each benefit a year at full effect, low, likely and high; the figures use the likely ones, and benefits on the same problem are valued one after another, so that no saving counts twice.", t)
	d.table(t)
}

// linesTable lays out an alternative's lines (a is its figures, ai its
// index): each with when it falls, its kind of money, its low, likely and
// high values, what it assumes, and its total over the horizon and, when
// pv is set, its present value and the totals of the costs and the
// benefits.
func (d *doc) linesTable(a *casebuilder.AltResult, ai int, pv bool) *table {
	f := d.f
	alt := &d.c.Alternatives[ai]
	t := &table{caption: orDefault(a.Name, "Unnamed alternative") + ", line by line", size: 7, tight: true, cols: []col{
		{head: "Line", w: 34, align: "L"},
		{head: "When, and kind of money", w: 27, align: "L"},
		{head: "Low", w: 8.5, align: "R"},
		{head: "Likely", w: 8.5, align: "R"},
		{head: "High", w: 8.5, align: "R"},
		{head: "Total", w: 9, align: "R"},
	}}
	if pv {
		t.cols = append(t.cols, col{head: "Present value", w: 9, align: "R"})
	}
	figures := func(l *casebuilder.LineResult) []cell {
		cells := []cell{{s: f.Money(l.Value.Low)}, {s: f.Money(l.Value.Likely), style: "B"}, {s: f.Money(l.Value.High)}, {s: f.Money(l.Total)}}
		if pv {
			cells = append(cells, cell{s: f.Money(l.PV)})
		}
		return cells
	}
	total := func(name string, tot, pvTot float64) row {
		cells := []cell{{s: name}, {}, {}, {}, {}, {s: f.Money(tot)}}
		if pv {
			cells = append(cells, cell{s: f.Money(pvTot)})
		}
		return row{kind: rowTotal, cells: cells}
	}
	sentences := func(parts ...string) string {
		var out []string
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, endSentence(p))
			}
		}
		return strings.Join(out, " ")
	}
	t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "Costs, each time they are spent"}}})
	for li := range a.Lines {
		l := &a.Lines[li]
		switch l.Kind {
		case casebuilder.CostLine:
			k := &alt.Costs[l.Index]
			name := cell{s: orDefault(l.Name, "Unnamed cost"), sub: sentences(d.headsWords(k), k.Note)}
			t.rows = append(t.rows, row{cells: append([]cell{name, {s: whenAndKind(d.costTiming(k, l), d.lineKinds(l))}}, figures(l)...)})
		case casebuilder.ReserveLine:
			where := "For its risks, at the end of this part"
			if ai == d.shownReserve() {
				where = "For the risks that concern it (" + d.sectionRef("Risks and contingencies") + ")"
			}
			name := cell{s: "Contingency reserve", sub: endSentence(where)}
			t.rows = append(t.rows, row{cells: append([]cell{name, {s: whenAndKind("Once, "+d.monthLong(0), d.lineKinds(l))}}, figures(l)...)})
		}
	}

	if pv {
		t.rows = append(t.rows, total("Total cost", a.TotalCost, a.PVCost))
	}
	if len(alt.Benefits) > 0 {
		t.rows = append(t.rows, row{kind: rowGroup, cells: []cell{{s: "Benefits, a year at full effect"}}})
	}
	for li := range a.Lines {
		l := &a.Lines[li]
		if l.Kind != casebuilder.BenefitLine {
			continue
		}
		b := &alt.Benefits[l.Index]
		owner := ""
		if o := strings.TrimSpace(b.Owner); o != "" {
			owner = "Owner: " + o
		}
		name := cell{s: orDefault(l.Name, "Unnamed benefit"), sub: sentences(owner, d.benefitBasis(b), b.Note)}
		t.rows = append(t.rows, row{cells: append([]cell{name, {s: whenAndKind(d.benefitTiming(b, l), d.lineKinds(l))}}, figures(l)...)})
	}
	if len(alt.Benefits) > 0 && pv {
		t.rows = append(t.rows, total("Total benefit", a.TotalBenefit, a.PVBenefit))
	}
	return t
}

// whenAndKind joins when a line falls and its kind of money: "Once,
// January 2027; new cash."
func whenAndKind(when, kind string) string {
	if kind == "" {
		return endSentence(when)
	}
	return when + "; " + lowerFirst(kind) + "."
}

// recAlternative is the case's alternative whose figures a are.
func (d *doc) recAlternative(a *casebuilder.AltResult) *casebuilder.Alternative {
	ai := d.c.AlternativeByID(a.ID)
	if ai < 0 {
		ai = d.res.Recommended
	}
	return &d.c.Alternatives[ai]
}

// benefitBasis says how a benefit is valued, in a sentence.
func (d *doc) benefitBasis(b *casebuilder.Benefit) string {
	f := d.f
	switch b.Basis {
	case casebuilder.BenefitPainInput:
		p := &d.c.Pain
		if !p.TiesTo(b.Input) && casebuilder.LookupInput(b.Input) == nil {
			return "Changes the calculator input " + b.Input + "."
		}
		label, unit := p.InputLabel(b.Input), p.InputUnit(b.Input)
		from := ""
		for _, st := range d.res.Pain.Working {
			if st.Key == b.Input {
				from = " from " + f.Value(st.Value, st.Unit)
			}
		}
		return fmt.Sprintf("%s%s to %s (low %s, high %s).", label, from, f.Value(b.To.Likely, unit), f.Value(b.To.Low, unit), f.Value(b.To.High, unit))
	case casebuilder.BenefitPainShare:
		return fmt.Sprintf("Avoids %s of the yearly cost of the problem (low %s, high %s).", f.Percent(b.Share.Likely), f.Percent(b.Share.Low), f.Percent(b.Share.High))
	}
	return "A yearly amount."
}

// alternativeCell is the first cell of the row of the i-th alternative,
// named name, in a table that compares them, and the row's kind: the
// recommended alternative in bold on a highlighted row, and doing nothing
// with baseline under its name.
func (d *doc) alternativeCell(i int, name string, doNothing bool, baseline string) (cell, rowKind) {
	c := cell{s: orDefault(name, "Unnamed alternative")}
	kind := rowNormal
	switch {
	case i == d.res.Recommended:
		c.style, c.sub, kind = "B", "Recommended", rowHighlight
	case doNothing:
		c.sub = baseline
	}
	return c, kind
}

// niceTicks returns round tick values covering lo..hi, about n of them.
func niceTicks(lo, hi float64, n int) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	step := figure.RoundStep(hi-lo, n)
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
