package brief

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfpage"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// balanced wraps s in the width w on at most n lines, as clamp does, and
// then as narrow as the same number of lines allows, so that the lines of
// a title are alike in length and its last is not a word left alone
// ("… nine months / in").
func (d *doc) balanced(s string, w float64, n int) []string {
	lines := d.clamp(s, w, n)
	if len(lines) < 2 || len(d.wrap(s, w)) > n {
		return lines
	}
	// No narrower than its widest word, which is never broken for it (a
	// word wider than the page is, and the title is left as it is).
	narrow := w / float64(len(lines))
	for _, word := range strings.Fields(s) {
		ww := d.width(word)
		if ww > w {
			return lines
		}
		narrow = max(narrow, ww)
	}
	wide := w
	for range 24 {
		mid := (narrow + wide) / 2
		if len(d.wrap(s, mid)) <= len(lines) {
			wide = mid
		} else {
			narrow = mid
		}
	}
	return d.wrap(s, wide)
}

// cover writes the cover: the title, the ask in one line, who prepared it
// for whom and when, and the contents.
func (d *doc) cover() {
	d.newTOC()
	d.newPage(false)
	pdf := d.pdf
	c := d.c

	// A band across the page carries the title.
	d.setFont("B", 24)
	titleLines := d.balanced(orDefault(c.Title, "Untitled case"), d.contentW(), 4)
	bandY := pdfstyle.MarginTop + 4
	bandH := 30 + float64(len(titleLines))*10.5
	d.fill(pdfstyle.Accent)
	d.rect(0, bandY, d.w, bandH, "F")
	y := bandY + 9
	d.setFont("B", 8.5)
	d.setColor(pdfstyle.Color{R: 190, G: 204, B: 222})
	band := "EXECUTIVE BRIEF  ·  BUSINESS CASE FOR DECISION"
	if c.IsApproved() {
		band = "EXECUTIVE BRIEF  ·  BUSINESS CASE, APPROVED"
	}
	d.textAt(pdfstyle.MarginX, y, d.contentW(), band, "L")
	y += 8
	d.setFont("B", 24)
	d.setColor(pdfstyle.White)
	for _, l := range titleLines {
		d.textAt(pdfstyle.MarginX, y, d.contentW(), l, "L")
		y += 10.5
	}
	if org := strings.TrimSpace(c.Organisation); org != "" {
		d.setFont("", 11)
		d.setColor(pdfstyle.Color{R: 214, G: 224, B: 236})
		d.textAt(pdfstyle.MarginX, y+1, d.contentW(), d.fit(org, d.contentW()), "L")
	}
	d.y = bandY + bandH + 10

	// The ask, in one line.
	d.setFont("B", 8.5)
	d.setColor(pdfstyle.Accent)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), strings.ToUpper(d.askHeading()), "L")
	d.y += 5.5
	d.setFont("", 13)
	d.setColor(pdfstyle.Ink)
	ask := strings.TrimSpace(c.Ask.Decision)
	if ask == "" {
		ask = "The decision needed is not written yet."
	}
	for _, l := range d.clamp(ask, d.contentW(), 3) {
		d.textAt(pdfstyle.MarginX, d.y, d.contentW(), l, "L")
		d.y += 6.2
	}
	if a := d.res.RecommendedAlternative(); c.IsApproved() || a != nil && !a.DoNothing {
		d.setFont("", 9.5)
		d.setColor(pdfstyle.Muted)
		s := ""
		if a != nil && !a.DoNothing {
			s = "Budget " + d.budgetWords(a)
		}
		switch {
		case c.IsApproved():
			s = d.approvedWords(a)
		case !c.Ask.DecideBy.IsZero():
			s += " Decision needed by " + longDate(c.Ask.DecideBy) + "."
		}
		for _, l := range d.wrap(s, d.contentW()) {
			d.textAt(pdfstyle.MarginX, d.y, d.contentW(), l, "L")
			d.y += 4.6
		}
	}
	d.y += 6

	// Who, for whom, when.
	facts := [][2]string{
		{"Prepared by", orDefault(c.Author, "Not stated")},
		{"Organisation", orDefault(c.Organisation, "Not stated")},
		{"Prepared for", orDefault(c.PreparedFor, "Not stated")},
		{"Date", longDate(d.date)},
		{"Version", orDefault(c.Version, "Draft")},
	}
	labelW := 32.0
	for _, f := range facts {
		d.setFont("", 9.5)
		lines := d.clamp(f[1], d.contentW()-labelW, 2)
		d.setFont("B", 8.5)
		d.setColor(pdfstyle.Muted)
		d.textAt(pdfstyle.MarginX, d.y+0.3, labelW, f[0], "L")
		d.setFont("", 9.5)
		d.setColor(pdfstyle.Ink)
		for _, l := range lines {
			d.textAt(pdfstyle.MarginX+labelW, d.y, d.contentW()-labelW, l, "L")
			d.y += 5
		}
		d.y += 0.8
	}

	// The contents, whose page numbers are written last.
	tocH := 9 + float64(len(d.toc))*6
	d.y = max(d.y+8, d.bottom()-tocH)
	d.draw(pdfstyle.Rule)
	pdf.SetLineWidth(0.2)
	d.line(pdfstyle.MarginX, d.y, pdfstyle.MarginX+d.contentW(), d.y)
	d.y += 3
	d.setFont("B", 8.5)
	d.setColor(pdfstyle.Accent)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), "CONTENTS", "L")
	d.y += 6
	numW := 12.0
	for i := range d.toc {
		e := &d.toc[i]
		d.setFont("B", 9)
		d.setColor(pdfstyle.Accent)
		d.textAt(pdfstyle.MarginX, d.y, 8, e.number, "L")
		d.setFont("", 9)
		d.setColor(pdfstyle.Ink)
		tw := d.width(e.title)
		d.textAt(pdfstyle.MarginX+8, d.y, tw, e.title, "L")
		// Dotted leaders to the page number.
		pdfpage.Stroke(pdf, pdfstyle.Rule, 0.3, []float64{0.3, 1.2})
		d.line(pdfstyle.MarginX+8+tw+2, d.y+3.3, pdfstyle.MarginX+d.contentW()-numW, d.y+3.3)
		pdf.SetDashPattern(nil, 0)
		e.x, e.y, e.w, e.titleW = pdfstyle.MarginX+d.contentW()-numW+1, d.y, numW-1, d.contentW()-numW+1
		d.y += 6
	}
}

// horizonText says how long the figures run: "36 months (January 2027 to
// December 2029)".
func (d *doc) horizonText() string {
	n := d.res.Months
	s := fmt.Sprintf("%d months", n)
	if n == 1 {
		s = "1 month"
	}
	if !d.c.StartDate.IsZero() && n > 0 {
		s += fmt.Sprintf(" (%s to %s)", monthYear(d.c.StartDate), monthYear(d.c.StartDate.AddMonths(n-1)))
	}
	return s
}

// summaryLimits are how much of each part the one-page summary shows. The
// summary tries them from the most generous until one fits on the page,
// giving up detail in the order a reader would least miss it: evidence and
// measures first, the ask last.
type summaryLimits struct {
	problemLines            int
	evidence, evidenceLines int
	reasonLines, askLines   int
	risks, riskLines        int
	// stopLines and headlineLines bound the boxes on stopping and under
	// the headline figures, which quote texts of the case.
	stopLines, headlineLines int
	// measures is how many measures are listed; with 0 a line points to
	// them, with -1 the summary leaves them to their section (a stage
	// gate's thresholds, in the box on stopping, are measures too).
	measures int
	// simulationNote keeps the small print under the simulated range.
	simulationNote bool
}

var summaryFits = []summaryLimits{
	{4, 3, 3, 7, 5, 3, 2, 6, 9, 5, true},
	{4, 3, 2, 6, 5, 3, 2, 6, 9, 4, true},
	{4, 2, 2, 6, 5, 3, 2, 6, 9, 3, true},
	{3, 2, 2, 5, 5, 3, 2, 6, 9, 3, true},
	{3, 1, 2, 5, 5, 3, 2, 6, 9, 2, true},
	{3, 1, 1, 5, 5, 3, 2, 6, 9, 2, true},
	{3, 0, 0, 5, 5, 3, 2, 6, 9, 2, true},
	{3, 0, 0, 5, 5, 3, 2, 6, 9, 1, true},
	{3, 0, 0, 5, 5, 3, 2, 6, 9, 0, true},
	{3, 0, 0, 5, 5, 3, 2, 6, 9, -1, true},
	{3, 0, 0, 5, 5, 3, 2, 6, 9, -1, false},
	{3, 0, 0, 4, 5, 3, 2, 6, 9, -1, false},
	// The top two risks rather than a cut ask.
	{3, 0, 0, 5, 5, 2, 2, 6, 9, -1, false},
	{2, 0, 0, 4, 5, 2, 2, 6, 9, -1, false},
	{2, 0, 0, 3, 4, 2, 2, 6, 9, -1, false},
	// A risk keeps its second line: the likelihood under the expected
	// cost makes every row two lines high anyway.
	{2, 0, 0, 3, 3, 2, 2, 5, 8, -1, false},
	{2, 0, 0, 2, 2, 1, 1, 4, 6, -1, false},
}

// summary writes the one-page executive summary.
func (d *doc) summary() {
	d.startSection(false)
	top := d.y
	chosen := summaryFits[len(summaryFits)-1]
	for _, lim := range summaryFits {
		d.dry, d.overflow, d.y = true, false, top
		d.summaryBody(lim)
		fits := !d.overflow
		d.dry, d.overflow, d.y = false, false, top
		if fits {
			chosen = lim
			break
		}
	}
	d.summaryBody(chosen)
}

func (d *doc) summaryBody(lim summaryLimits) {
	c, res := d.c, d.res
	rec := res.RecommendedAlternative()

	d.blockingLine()
	d.compact("The problem")
	pain := strings.TrimSpace(c.Pain.Summary)
	if pain == "" {
		pain = "The problem is not described yet."
	}
	d.paraWith(text{s: pain, size: 9, color: pdfstyle.Ink, maxLines: lim.problemLines}, pdfstyle.MarginX, d.contentW())
	if res.Pain.Complete() && res.Pain.Calculator != "" {
		d.callout(d.roundMoney(res.Pain.Annual)+" a year", d.painCallout())
	} else {
		d.para("What the problem costs a year is not calculated yet: " + d.missingInputs() + ".")
	}
	if n := min(lim.evidence, len(c.Pain.Evidence)); n > 0 {
		items := make([]string, 0, n)
		d.setFont("", 8.5)
		for _, e := range c.Pain.Evidence[:n] {
			s := strings.TrimSpace(e.Finding)
			if src := strings.TrimSpace(e.Source); src != "" {
				s += " (" + src + ")"
			}
			items = append(items, strings.Join(d.clamp(s, d.contentW()-4, lim.evidenceLines), " "))
		}
		if more := len(c.Pain.Evidence) - n; more > 0 {
			items = append(items, fmt.Sprintf("%d more finding%s in %s.", more, plural(more), d.appendixRef(partPain)))
		}
		d.bullets(items, 8.5)
	}

	if rec == nil {
		d.compact("What we recommend")
		d.para("No alternative is set out yet.")
	} else {
		// The heading names the recommendation, on two lines at most.
		d.setFont("B", 10)
		d.compact(strings.Join(d.clamp("What we recommend: "+orDefault(rec.Name, "an alternative not named yet"), d.contentW(), 2), " "))
		d.paraWith(text{s: casebuilder.RecommendationReason(c, res), size: 9, color: pdfstyle.Ink, maxLines: lim.reasonLines}, pdfstyle.MarginX, d.contentW())
	}

	d.compact(d.askHeading())
	d.askPanel(rec, lim.askLines)
	if runs := d.stopRuns(); runs != nil {
		d.runsPanel(runs, 8.5, "", lim.stopLines)
	}

	if rec != nil && !rec.DoNothing {
		d.compact("Headline figures against doing nothing")
		d.tiles([][3]string{
			{d.roundMoney(rec.NPV), "Net present value", d.npvTileNote(rec)},
			{d.roundPercentOf(rec.ROI), "Return on investment", "ROI: net benefit over cost, undiscounted (Phillips)."},
			{d.roundRatio(rec.BCR), "Benefit-cost ratio", "BCR: benefits per unit of cost, at today's value."},
			{d.paidBackIn(rec, false), "Paid back in", "Payback: when benefits to date overtake costs for good."},
		})
		d.headlinePanel(rec, lim.simulationNote, lim.headlineLines)
	}

	d.compact("Top risks and their contingencies")
	top := d.topRisks(lim.risks)
	if len(top) == 0 {
		d.para("No risks are recorded for the recommended alternative.")
	} else {
		// The plan's cost has a column of its own, so that it shows
		// however much of the plan's text the page has room for.
		t := &table{caption: "Top risks", size: 7.5, tight: true, cols: []col{
			{head: "Risk", w: 30, align: "L"},
			{head: "Exposure", w: 13, align: "R"},
			{head: "Contingency plan", w: 45, align: "L"},
			{head: "Plan cost", w: 12, align: "R"},
		}}
		ws := d.widths(t)
		d.setFont("", 7.5)
		for _, r := range top {
			desc := strings.Join(d.clamp(fmt.Sprintf("R%d  %s", d.riskNo[r], orDefault(r.Description, "Not described")), ws[0]-2*cellPadX, lim.riskLines), "\n")
			plan := strings.Join(d.clamp(orDefault(r.Contingency, "None given"), ws[2]-2*cellPadX, lim.riskLines), "\n")
			t.rows = append(t.rows, row{cells: []cell{
				{s: desc},
				{s: d.roundMoney(r.Likelihood * r.ImpactCost), sub: d.roundPercent(r.Likelihood) + " likely"},
				{s: plan},
				{s: d.roundMoney(r.ContingencyCost)},
			}})
		}
		d.table(t)
		d.y -= 2.5
		// Not "expected cost": that is likelihood × plan cost everywhere
		// else (the reserve, the workbook's Risks sheet, the app).
		d.note("Exposure: likelihood × what the risk costs if it happens and nothing is done. All risks and their owners are in " + d.sectionRef("Risks and contingencies") + ".")
	}

	if lim.measures < 0 {
		return
	}
	d.compact("How success is measured")
	if len(c.Measures) == 0 {
		d.para("No measures of success are set yet.")
	} else {
		n := min(lim.measures, len(c.Measures))
		items := make([]string, 0, n+1)
		for _, m := range c.Measures[:n] {
			items = append(items, d.measureLine(m))
		}
		if more := len(c.Measures) - n; more > 0 {
			items = append(items, fmt.Sprintf("%d more measure%s in %s.", more, plural(more), d.sectionRef("Measures of success")))
		}
		d.setFont("", 8.5)
		for i := range items {
			items[i] = strings.Join(d.clamp(items[i], d.contentW()-4, 2), " ")
		}
		d.bullets(items, 8.5)
	}
}

// roundPercentOf is roundPercent of an optional figure.
func (d *doc) roundPercentOf(x *float64) string {
	if x == nil {
		return "n/a"
	}
	return d.roundPercent(*x)
}

// headlineNote says what the headline figures are measured against and
// what each means, in words: the first use of each term in the brief.
func (d *doc) headlineNote(rec *casebuilder.AltResult) string {
	return fmt.Sprintf("Over %d months at %s a year. Internal rate of return (IRR), the yearly rate at which the NPV would be zero: %s.",
		d.res.Months, d.roundPercent(d.c.DiscountRate), d.roundIRR(rec.IRR))
}

// measureLine is a KPI in one sentence.
func (d *doc) measureLine(m casebuilder.Measure) string {
	s := fmt.Sprintf("%s: from %s to %s", orDefault(m.Name, "Unnamed measure"), d.f.Value(m.Baseline, m.Unit), d.f.Value(m.Target, m.Unit))
	if !m.Date.IsZero() {
		s += " by " + longDate(m.Date)
	}
	if o := strings.TrimSpace(m.Owner); o != "" {
		s += " (" + o + ")"
	}
	return s
}

// missingInputs names the calculator inputs still missing.
func (d *doc) missingInputs() string {
	if d.c.Pain.Category == "" || d.res.Pain.Calculator == "" {
		return "no kind of problem is chosen"
	}
	var names []string
	for _, k := range d.res.Pain.Missing {
		if in := casebuilder.LookupInput(k); in != nil {
			names = append(names, strings.ToLower(in.Label))
		} else {
			names = append(names, k)
		}
	}
	return "it still needs " + strings.Join(names, ", ")
}

// callout writes a figure in large type with the sentence it begins.
func (d *doc) callout(figure, rest string) {
	d.setFont("B", 15)
	fw := d.width(figure) + 4
	if fw > d.contentW()*0.5 {
		fw = d.contentW() * 0.5
	}
	d.setFont("", 9)
	lines := d.clamp(rest, d.contentW()-fw-6, 3)
	h := max(11.0, float64(len(lines))*pdfstyle.LineHeight(9)+5)
	d.block(h + 2)
	d.fill(pdfstyle.Panel)
	d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	d.fill(pdfstyle.Accent)
	d.rect(pdfstyle.MarginX, d.y, 1.2, h, "F")
	d.setFont("B", 15)
	d.setColor(pdfstyle.Accent)
	d.textAt(pdfstyle.MarginX+4, d.y+h/2-3.3, fw, d.fit(figure, fw), "L")
	d.setFont("", 9)
	d.setColor(pdfstyle.Ink)
	y := d.y + (h-float64(len(lines))*pdfstyle.LineHeight(9))/2
	for _, l := range lines {
		d.textAt(pdfstyle.MarginX+4+fw, y, d.contentW()-fw-6, l, "L")
		y += pdfstyle.LineHeight(9)
	}
	d.y += h + 3
}

// askPanel writes the ask: the decision, the budget, the people, by when.
func (d *doc) askPanel(rec *casebuilder.AltResult, maxLines int) {
	c := d.c
	budget := "No budget: no alternative other than doing nothing is recommended."
	switch {
	case c.IsApproved():
		budget = d.approvedWords(rec)
	case rec != nil && !rec.DoNothing:
		budget = upperFirst(d.budgetWords(rec))
		if d.askGate() < 0 && rec.Reserve > 0 && d.c.Reserve.Basis != casebuilder.ReserveNone {
			// Where the summary first names the reserve, it says what it is.
			budget = strings.TrimSuffix(budget, ".") + ", " + d.reserveWords() + "."
		}
	}
	when := "No date is set for the decision."
	switch {
	case c.IsApproved() && !c.Ask.DecideBy.IsZero():
		when = "Asked for by " + longDate(c.Ask.DecideBy) + "."
	case c.IsApproved():
		when = ""
	case !c.Ask.DecideBy.IsZero():
		when = "Decision by " + longDate(c.Ask.DecideBy) + "."
	}
	switch {
	case c.StartDate.IsZero():
	case c.IsApproved() && c.StartDate.Before(c.Date):
		when += " The plan started in " + monthYear(c.StartDate) + "."
	default:
		when += " The plan starts in " + monthYear(c.StartDate) + "."
	}
	when = strings.TrimSpace(when)
	rows := [][2]string{
		{"Decision", orDefault(c.Ask.Decision, "Not written yet.")},
		{"Budget", budget},
		{"People", orDefault(c.Ask.People, "None asked for.")},
		{"By when", when},
	}
	d.panel(rows, 22, maxLines)
}

// approvedWords says what was approved, for what, when and by whom,
// each approval in turn (a stage, then the whole plan once past its gate),
// and sets today's estimate beside it, of the stage approved and of the
// whole plan (rec's, with the reserve): "Approved by the executive
// committee: €548k for the stage up to the gate “Pilot review”, on 15
// December 2026; €2.0M for the whole plan, the first stage included, on 8
// July 2027. Today's estimate of the whole plan: €1.9M." A case that now
// recommends another alternative gives the budget of that one too.
func (d *doc) approvedWords(rec *casebuilder.AltResult) string {
	t := d.c.Tracking
	approvals := append(slices.Clone(t.History), t.Baseline)
	by := strings.TrimSpace(approvals[0].Approval.By)
	for _, b := range approvals {
		if strings.TrimSpace(b.Approval.By) != by {
			by = ""
		}
	}
	var parts []string
	for i, b := range approvals {
		a := b.Approval
		p := d.roundMoney(b.Budget) + " " + d.approvedFor(a)
		if i > 0 && a.UpToGate == "" && approvals[i-1].Approval.UpToGate != "" {
			p += ", the first stage included"
		}
		p += ", on " + longDate(a.Date)
		if who := strings.TrimSpace(a.By); by == "" && who != "" {
			p += " by " + who
		}
		parts = append(parts, p)
	}
	s := "Approved: "
	if by != "" {
		s = "Approved by " + by + ": "
	}
	s += strings.Join(parts, "; ") + "."
	b := &t.Baseline
	recID := d.c.Recommendation.Alternative
	if rec != nil {
		recID = rec.ID
	}
	if b.Alternative != recID {
		s += " The alternative approved is “" + orDefault(strings.TrimSpace(b.AlternativeName), b.Alternative) + "”, not the one recommended here"
		if rec != nil && !rec.DoNothing {
			return s + ", whose budget is " + d.budgetWords(rec)
		}
		return s + "."
	}
	if rec == nil || rec.DoNothing {
		return s
	}
	if gi := d.placedGate(b.Approval.UpToGate); gi >= 0 {
		return s + " Today's estimate of the stage: " + d.roundMoney(d.res.Gates[gi].SpentBefore) + "; of the whole plan: " + d.roundMoney(rec.TotalCost) + "."
	}
	return s + " Today's estimate of the whole plan: " + d.roundMoney(rec.TotalCost) + "."
}

// approvedFor says what an approval was for.
func (d *doc) approvedFor(a casebuilder.Approval) string {
	if a.UpToGate == "" {
		return "for the whole plan"
	}
	if i := d.gateOf(a.UpToGate); i >= 0 {
		return "for the stage up to the gate “" + orDefault(strings.TrimSpace(d.c.Plan.Gates[i].Name), a.UpToGate) + "”"
	}
	return "for the stage up to gate " + a.UpToGate
}

// budgetWords says what the ask's budget is, in a sentence that follows
// "Budget": the whole programme's cost and its contingency reserve, or,
// when the ask is for the first stage only, what the stage spends up to
// its gate (new cash and people's time) and then the whole programme.
func (d *doc) budgetWords(rec *casebuilder.AltResult) string {
	reserve := ""
	switch {
	case d.c.Reserve.Basis == casebuilder.ReserveNone:
		reserve = ", with no contingency reserve for its risks"
	case rec.Reserve > 0:
		reserve = fmt.Sprintf(", including a contingency reserve of %s", d.roundMoney(rec.Reserve))
	}
	gi := d.askGate()
	if gi < 0 {
		return fmt.Sprintf("%s over %s%s.", d.roundMoney(rec.TotalCost), d.horizonText(), reserve)
	}
	whole := fmt.Sprintf("%s over %d months", d.roundMoney(rec.TotalCost), d.res.Months)
	gr := d.res.Gates[gi]
	cash, time := d.spentBefore(rec, gr.Month)
	day := "on " + d.monthLong(gr.Month)
	if dt, ok := d.c.GateDay(&d.c.Plan.Gates[gi]); ok {
		day = "on " + longDate(dt)
	}
	if rec.Reserve > 0 && d.c.Reserve.Basis != casebuilder.ReserveNone {
		reserve = fmt.Sprintf(", the %s reserve included", d.roundMoney(rec.Reserve))
	}
	s := fmt.Sprintf("%s for the first stage, up to the stage gate %s (it goes on only if thresholds are met): %s of new cash%s", d.roundMoney(gr.SpentBefore), day, d.roundMoney(cash), reserve)
	if time > 0 {
		s += fmt.Sprintf(", and %s of people's time already paid", d.roundMoney(time))
	}
	return s + fmt.Sprintf(". %s in all.", whole)
}

// painCallout says what the problem costs a year, beside the figure of
// the first year: today's cost, or how it changes over the years where
// the case gives inputs year by year.
func (d *doc) painCallout() string {
	p := &d.res.Pain
	where := fmt.Sprintf("the %s, worked step by step with its evidence in %s.", lowerFirst(p.Calculator), d.appendixRef(partPain))
	years := p.AnnualByYear
	if n := len(years); n > 1 && years[n-1] != years[0] {
		return fmt.Sprintf("is what the problem costs in year 1, %s a year in year %d with the figures given year by year: %s", d.roundMoney(years[n-1]), n, where)
	}
	return "is what the problem costs today: " + where
}

// panel writes labelled rows of text in a panel marked at its left: each
// label in bold, its text wrapped beside it to at most maxLines lines.
func (d *doc) panel(rows [][2]string, labelW float64, maxLines int) {
	size := 8.5
	lh := pdfstyle.LineHeight(size)
	laid := make([][]string, len(rows))
	labels := make([][]string, len(rows))
	h := 3.0
	for i, r := range rows {
		d.setFont("B", size)
		labels[i] = d.clamp(r[0], labelW-2, 2)
		d.setFont("", size)
		laid[i] = d.clamp(r[1], d.contentW()-labelW-6, maxLines)
		h += float64(max(len(laid[i]), len(labels[i])))*lh + 1.5
	}
	d.block(h)
	d.fill(pdfstyle.Panel)
	d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	d.fill(pdfstyle.Accent)
	d.rect(pdfstyle.MarginX, d.y, 1.2, h, "F")
	y := d.y + 2
	for i := range rows {
		d.setFont("B", size)
		d.setColor(pdfstyle.Accent)
		for j, l := range labels[i] {
			d.textAt(pdfstyle.MarginX+4, y+float64(j)*lh, labelW-2, l, "L")
		}
		d.setFont("", size)
		d.setColor(pdfstyle.Ink)
		for j, l := range laid[i] {
			d.textAt(pdfstyle.MarginX+4+labelW, y+float64(j)*lh, d.contentW()-labelW-6, l, "L")
		}
		y += float64(max(len(laid[i]), len(labels[i])))*lh + 1.5
	}
	d.y += h + 3
}

// askHeading heads the ask: "The ask", or, once the case is approved,
// "What was asked", the approval following it.
func (d *doc) askHeading() string {
	if d.c.IsApproved() {
		return "What was asked"
	}
	return "The ask"
}

// npvTileNote explains the NPV tile; for an approved case, whose figures
// are today's estimates, it gives the NPV approved beside them.
func (d *doc) npvTileNote(rec *casebuilder.AltResult) string {
	if d.c.IsApproved() && d.c.Tracking.Baseline.Alternative == rec.ID {
		return "Today's estimates; " + d.roundMoney(d.c.Tracking.Baseline.NPV) + " approved."
	}
	return "NPV: costs and benefits as worth today, at the rate below."
}

// tiles writes headline figures side by side, each a large figure over
// its label and, in small type, what it means.
func (d *doc) tiles(items [][3]string) {
	gap := 3.0
	w := (d.contentW() - gap*float64(len(items)-1)) / float64(len(items))
	const glossSize = 6.5
	glosses := make([][]string, len(items))
	lines := 0
	d.setFont("", glossSize)
	for i, it := range items {
		glosses[i] = d.clamp(it[2], w-5, 2)
		lines = max(lines, len(glosses[i]))
	}
	h := 14.5 + float64(lines)*pdfstyle.LineHeight(glossSize)
	d.block(h + 2)
	for i, it := range items {
		x := pdfstyle.MarginX + float64(i)*(w+gap)
		d.fill(pdfstyle.Panel)
		d.rect(x, d.y, w, h, "F")
		d.fill(pdfstyle.Accent)
		d.rect(x, d.y, w, 0.9, "F")
		// A figure is never cut short: its type gets smaller instead.
		size := 14.0
		d.setFont("B", size)
		for size > 9 && d.width(it[0]) > w-5 {
			size -= 0.5
			d.setFont("B", size)
		}
		d.setColor(pdfstyle.Accent)
		d.textAt(x+2.5, d.y+2.5+(pdfstyle.LineHeight(14)-pdfstyle.LineHeight(size))/2, w-5, d.fit(it[0], w-5), "L")
		d.setFont("B", 7.5)
		d.setColor(pdfstyle.Ink)
		d.textAt(x+2.5, d.y+9.6, w-5, d.fit(it[1], w-5), "L")
		d.setFont("", glossSize)
		d.setColor(pdfstyle.Muted)
		for j, l := range glosses[i] {
			d.textAt(x+2.5, d.y+13+float64(j)*pdfstyle.LineHeight(glossSize), w-5, l, "L")
		}
	}
	d.y += h + 2
}

// recRisks returns the risks of the recommended alternative, and those
// that concern no alternative in particular, in the case's order.
func (d *doc) recRisks() []*casebuilder.Risk {
	rec := d.res.RecommendedAlternative()
	var out []*casebuilder.Risk
	for i := range d.c.Risks {
		r := &d.c.Risks[i]
		if len(r.Alternatives) == 0 || (rec != nil && slices.Contains(r.Alternatives, rec.ID)) {
			out = append(out, r)
		}
	}
	return out
}

// topRisks returns the n risks of the recommendation with the largest
// exposure (likelihood × impact cost), the larger impact score first
// among equals, then the case's order.
func (d *doc) topRisks(n int) []*casebuilder.Risk {
	rs := d.recRisks()
	slices.SortStableFunc(rs, func(a, b *casebuilder.Risk) int {
		ea, eb := a.Likelihood*a.ImpactCost, b.Likelihood*b.ImpactCost
		switch {
		case ea > eb:
			return -1
		case ea < eb:
			return 1
		}
		return b.ImpactScore - a.ImpactScore
	})
	return rs[:min(n, len(rs))]
}

var impactWords = [...]string{"Unrated", "Minor", "Moderate", "Significant", "Major", "Severe"}

func impactWord(score int) string {
	if score < 0 || score >= len(impactWords) {
		return impactWords[0]
	}
	return impactWords[score]
}

var likelihoodWords = [...]string{"", "Rare", "Unlikely", "Possible", "Likely", "Almost certain"}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
