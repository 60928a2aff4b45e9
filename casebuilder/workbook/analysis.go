package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Sensitivity and Simulation sheets: the sensitivity of the
// recommendation's NPV (the tornado) and the Monte Carlo simulation, as
// Case Builder computed them at export (casebuilder.Analyse). A spreadsheet
// cannot redo either with formulas on the assumptions, so they are values,
// labelled as such at the top of each sheet and of every printed page; a
// live check on each compares the NPVs the workbook computes now with
// those at export and says when they differ. The weighted ranking is on
// the Scoring sheet, as formulas.

// The tornado's columns.
const (
	tInput = iota + 1
	tKind
	tUnit
	tLow
	tLikely
	tHigh
	tNPVLow
	tNPVHigh
	tChangeLow
	tChangeHigh
	tSwing
	tField
)

// The rows of the Sensitivity sheet's top.
const (
	sensBaseRow  = 3 // the NPV at likely values, and the live check
	sensTopRow   = 4 // the top drivers
	sensChartRow = 6 // the tornado chart, when there is one
)

// The simulation table's columns.
const (
	sAlt = iota + 1
	sTrials
	sSeed
	sDistribution
	sNPVLikely
	sP10
	sP50
	sP90
	sMean
	sROI50
	sProbPositive
	sRisks
)

const (
	simCheckRow = 3
	simHistRow  = 5 // the histogram's heading
)

// The histogram's columns.
const (
	hRange = iota + 1
	hTrials
	hShare
	hCumulative
	hFrom
	hTo
)

const (
	// tornadoBars is how many drivers the tornado chart shows at most;
	// the table lists them all.
	tornadoBars = 15
	// chartRowHeight is the height in points of the rows under a chart,
	// set since applications differ on the height of an empty row, and
	// chartRowPixels the same in pixels as excelize counts them when it
	// anchors a chart to the cells it covers (ceil(15 × 4 / 3.4)).
	chartRowHeight = 15
	chartRowPixels = 18
)

// chartRows is how many rows a chart so many pixels high covers.
func chartRows(pixels int) int { return (pixels + chartRowPixels - 1) / chartRowPixels }

// reserve sets the height of the rows a chart covers.
func (s *sheet) reserve(from, rows int) {
	for r := from; r < from+rows; r++ {
		s.put(r, nil, chartRowHeight)
	}
}

// Texts of the live checks.
const (
	checkCurrent = "Up to date: the NPVs the workbook computes now equal those at export."
	checkChanged = "Out of date: an assumption or the scenario has changed since export, so the NPVs no longer match those these " +
		"results were computed from. Export again from Case Builder to bring them up to date."
)

var (
	sensitivityWidths = []float64{40, 10, 10, 13, 13, 13, 14, 14, 14, 14, 14, 30}
	simulationWidths  = []float64{40, 10, 10, 13, 14, 14, 14, 14, 14, 12, 13, 12}
)

// liveCheck writes the check that the NPVs the workbook computes now
// (live, cells of the Comparison sheet) equal those stored at export
// (stored, as many cells of this sheet), in cells c1 to c2 of row.
func (b *book) liveCheck(s *sheet, r []any, row, c1, c2 int, live, stored []string, height float64) {
	// One comparison per pair of cells, joined by OR: a formula over the
	// difference of two ranges would depend on the spreadsheet evaluating
	// it as an array (Gnumeric does not, inside SUMPRODUCT).
	terms := make([]string, len(live))
	for i := range live {
		terms[i] = fmt.Sprintf("ABS(%s-%s)>0.01", live[i], stored[i])
	}
	changed := "OR(" + strings.Join(terms, ",") + ")"
	r[c1-1] = b.formula(rBoldWrap, nGeneral, fmt.Sprintf(`IF(%s,"%s","%s")`, changed, checkChanged, checkCurrent), checkCurrent)
	s.put(row, r, max(height, rowHeight(checkChanged, b.widthOf(s.widths, c1, c2))))
	s.merge(c1, row, c2, row)
	if s.sw == nil {
		return
	}
	warn, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	b.fail(err)
	b.fail(b.f.SetConditionalFormat(s.name, ref(c1, row), []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: changed, Format: &warn,
	}}))
}

// banner is the label that says a sheet's figures are stored, not
// recalculated.
func (b *book) banner(s *sheet, row int, text string) {
	s.wide(row, len(s.widths), rCaution, text)
}

// tableTop writes the two rows that start a table and are repeated at
// the top of every printed page it runs onto: a caution that its figures
// are stored, and its header. Charts come before them: LibreOffice draws
// a chart on a page with repeated rows over those rows.
func (b *book) tableTop(s *sheet, row int, caution string, header []any) {
	b.tableTopHeight(s, row, caution, header, 45)
}

// tableTopHeight is tableTop with a header row height points tall.
func (b *book) tableTopHeight(s *sheet, row int, caution string, header []any, height float64) {
	s.put(row, []any{b.text(rCaution, caution)}, 0)
	s.merge(1, row, len(s.widths), row)
	s.put(row+1, header, height)
}

// tornadoLayout is where the Sensitivity sheet's chart and table go.
func (b *book) tornadoLayout() (bars, chartHeight, head int) {
	for _, d := range b.an.Tornado.Drivers {
		if d.Swing > 0 && bars < tornadoBars {
			bars++
		}
	}
	head = sensChartRow + 1 // after the caution row
	if bars > 0 {
		chartHeight = 110 + 28*bars
		head += chartRows(chartHeight) + 1
	}
	return bars, chartHeight, head
}

// writeSensitivity writes the Sensitivity sheet: the tornado chart of the
// recommendation's NPV, then the table of every uncertain input.
func (b *book) writeSensitivity() {
	t := b.an.Tornado
	widths := sensitivityWidths
	last := len(widths)
	bars, chartHeight, head := b.tornadoLayout()
	s := b.open(sheetSensitivity, sheetSetup{widths: widths, freezeCol: 2, titleFrom: head - 1, titleRows: head, gridlines: true, tab: "C55A11"})
	defer s.close()
	title := "Sensitivity: what moves the NPV"
	if t.Alternative >= 0 {
		title += " of " + t.Name
	}
	s.put(1, []any{b.text(rTitle, title)}, 24)
	b.banner(s, 2, "Computed by Case Builder at export; not recalculated. The sensitivity on this sheet is values, not formulas: change "+
		"an assumption and it stays as it was at export. Export again from Case Builder to bring it up to date. To see every estimate "+
		"at its low or at its high value at once, live, choose the Scenario on the Assumptions sheet.")
	if t.Alternative < 0 {
		s.put(sensBaseRow, []any{b.text(rNote, "The case has no alternative to recommend, so there is nothing to analyse.")}, 0)
		return
	}
	r := make([]any, last)
	r[0] = b.text(rBold, "NPV at likely values")
	r[1] = b.number(rCalcLeft, nMoney, t.BaseNPV)
	s.merge(2, sensBaseRow, 3, sensBaseRow)
	b.liveCheck(s, r, sensBaseRow, tLow, last, []string{xref(sheetComparison, mNPV, cmpFirstRow+t.Alternative)}, []string{abs(2, sensBaseRow)}, 0)
	top := strings.Join(t.Top, "; ")
	r = make([]any, last)
	r[0], r[1] = b.text(rBold, "Top drivers"), b.text(rWrap, top)
	s.put(sensTopRow, r, rowHeight(top, b.widthOf(widths, 2, last)))
	s.merge(2, sensTopRow, last, sensTopRow)
	if len(t.Drivers) == 0 {
		s.put(sensChartRow, []any{b.text(rNote, "No estimate of "+t.Name+" is given as a range, so nothing moves its NPV here: give the "+
			"uncertain figures a low and a high value.")}, 0)
		return
	}
	if bars > 0 {
		s.reserve(sensChartRow, chartRows(chartHeight))
		b.tornadoChart(bars, head, chartHeight)
	}
	b.tableTop(s, head-1, "Sensitivity of the NPV of "+t.Name+": computed by Case Builder at export; not recalculated.",
		b.textHeader(last, "Input", "Kind", "Unit", "Low", "Likely", "High", "NPV at low", "NPV at high",
			"Change of NPV, input at low", "Change of NPV, input at high", "Swing", "Field in the case"))
	row := head
	for _, d := range t.Drivers {
		row++
		r := make([]any, last)
		r[tInput-1] = b.text(rWrap, d.Input)
		r[tKind-1] = b.text(rPlain, driverKind(d.Kind))
		r[tUnit-1] = b.text(rPlain, b.unitName(d.Unit))
		r[tLow-1] = b.number(rPlain, unitFormat(d.Unit, d.Low), d.Low)
		r[tLikely-1] = b.number(rPlain, unitFormat(d.Unit, d.Likely), d.Likely)
		r[tHigh-1] = b.number(rPlain, unitFormat(d.Unit, d.High), d.High)
		r[tNPVLow-1] = b.number(rPlain, nMoney, d.NPVLow)
		r[tNPVHigh-1] = b.number(rPlain, nMoney, d.NPVHigh)
		r[tChangeLow-1] = b.number(rPlain, nMoney, d.NPVLow-t.BaseNPV)
		r[tChangeHigh-1] = b.number(rPlain, nMoney, d.NPVHigh-t.BaseNPV)
		r[tSwing-1] = b.number(rBold, nMoney, d.Swing)
		r[tField-1] = b.text(rKey, d.Path)
		s.put(row, r, rowHeight(d.Input, widths[tInput-1]))
	}
	row += 2
	note := fmt.Sprintf("For each uncertain input of %s (each of its cost and benefit lines whose low and high differ, and each input of "+
		"the cost-of-pain calculator given as a range), its NPV with that input at its low and at its high value and every other estimate "+
		"at its likely value, largest swing first. Change = that NPV − the NPV at likely values; swing = the distance between the two. "+
		"Low and high are the input's own values: for a benefit that lowers a figure, such as attrition, its low case may be the higher "+
		"figure.", t.Name)
	s.wide(row, last, rNote, note)
}

// tornadoChart draws the drivers with the largest swings, from the table
// whose header is on row head, as bars to the left and right of the NPV at
// likely values.
func (b *book) tornadoChart(bars, head, height int) {
	t := b.an.Tornado
	var big float64
	for _, d := range t.Drivers[:bars] {
		big = math.Max(big, math.Max(math.Abs(d.NPVLow-t.BaseNPV), math.Abs(d.NPVHigh-t.BaseNPV)))
	}
	first, lastRow := head+1, head+bars
	title := "What moves the NPV of " + shorten(t.Name, 60)
	if bars < len(t.Drivers) {
		title += fmt.Sprintf(" (the %d largest of %d inputs)", bars, len(t.Drivers))
	}
	overlap, gap := 100, uint(40)
	no := false
	series := func(col int, colour string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       xref(sheetSensitivity, col, head),
			Categories: xrange(sheetSensitivity, tInput, first, tInput, lastRow),
			Values:     xrange(sheetSensitivity, col, first, col, lastRow),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
		}
	}
	chart := &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{series(tChangeLow, "ED7D31"), series(tChangeHigh, colourNavy)},
		Title:      chartTitle(title),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 900, Height: uint(height)},
		Format:     excelize.GraphicOptions{PrintObject: &[]bool{true}[0]},
		VaryColors: &no,
		Overlap:    &overlap,
		GapWidth:   &gap,
		XAxis:      excelize.ChartAxis{ReverseOrder: true, TickLabelPosition: excelize.ChartTickLabelLow, Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: b.shortMoney(big)},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
				Text: "Change of the NPV from " + b.num.MoneyShort(t.BaseNPV) + " at likely values", Font: &axisFont}}}},
	}
	b.fail(b.f.AddChart(sheetSensitivity, ref(1, sensChartRow), chart))
}

// simulationLayout is where the Simulation sheet's table of every
// alternative starts (its caution row; its header follows): after the
// recommendation's histogram and its chart, when there is one.
func (b *book) simulationLayout() (tableTop int) {
	ai := b.res.Recommended
	if ai < 0 || ai >= len(b.an.Simulation.Alternatives) {
		return simHistRow
	}
	rows := len(b.an.Simulation.Alternatives[ai].Histogram) + 1 // with the header
	return simHistRow + 2 + max(rows, chartRows(histogramHeight(rows))) + 1
}

// histogramHeight is the height in pixels of the histogram's chart beside
// a table of so many rows.
func histogramHeight(rows int) int { return max(300, rows*chartRowPixels) }

// writeSimulation writes the Simulation sheet: the recommendation's
// histogram, then every alternative's results.
func (b *book) writeSimulation() {
	sim := b.an.Simulation
	widths := simulationWidths
	last := len(widths)
	top := b.simulationLayout()
	head := top + 1
	s := b.open(sheetSimulation, sheetSetup{widths: widths, freezeCol: 2, titleFrom: top, titleRows: head, gridlines: true, tab: "C55A11"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Simulation: the range of outcomes (Monte Carlo)")}, 24)
	risks := "figures given as one number and the contingency reserves stay as they are."
	if includesRisks(sim) {
		risks = "figures given as one number stay as they are, and every risk of the alternative happens or not with its likelihood: " +
			"one that happens costs its contingency plan and its residual impact (Risks sheet), in month 0, in place of the contingency " +
			"reserve, which the trials do not count. The percentiles and the probability that the NPV is positive include the risks."
	}
	b.banner(s, 2, fmt.Sprintf("Simulation results, computed by Case Builder at export; not recalculated. %s trials of %s estimates, seed %d: in "+
		"each trial every estimate given as a range (%d in this case) is drawn between its low and its high value, most often near its "+
		"likely value, and every alternative's NPV and ROI are worked out; %s The same case, trials, seed and distribution always give "+
		"the same results. Export again from Case Builder to bring them up to date.", b.num.Number(float64(sim.Trials), 0),
		distributionName(sim.Distribution), sim.Seed, sim.Uncertain, risks))
	n := len(sim.Alternatives)
	r := make([]any, last)
	r[0] = b.text(rBold, "Live check")
	if n == 0 || n != len(b.c.Alternatives) {
		r[1] = b.text(rPlain, "The case has no alternatives to simulate.")
		s.put(simCheckRow, r, 0)
		return
	}
	live, stored := make([]string, n), make([]string, n)
	for i := range n {
		live[i], stored[i] = xref(sheetComparison, mNPV, cmpFirstRow+i), abs(sNPVLikely, head+1+i)
	}
	b.liveCheck(s, r, simCheckRow, 2, last, live, stored, 0)
	b.writeHistogram(s, simHistRow)

	b.tableTop(s, top, "Simulation results of every alternative: computed by Case Builder at export; not recalculated.",
		b.textHeader(last, "Alternative", "Trials", "Seed", "Distribution", "NPV at likely values", "NPV P10", "NPV P50",
			"NPV P90", "Mean NPV", "ROI P50", "Probability NPV > 0", "Risks drawn"))
	row := head
	for ai, a := range sim.Alternatives {
		row++
		role, name := rPlain, rWrap
		if ai == b.res.Recommended {
			role, name = rHighlight, rHighlight
		}
		r := make([]any, last)
		r[sAlt-1] = b.text(name, a.Name)
		r[sTrials-1] = b.number(role, nInt, float64(a.Trials))
		// A seed is a name for the draws, and may be larger than a
		// spreadsheet's figures can hold exactly: it is text. Like the
		// figures beside them, it and the distribution align right.
		r[sSeed-1] = excelize.Cell{StyleID: b.style(role, nInt), Value: strconv.FormatUint(a.Seed, 10)}
		r[sDistribution-1] = excelize.Cell{StyleID: b.style(role, nInt), Value: distributionName(sim.Distribution)}
		r[sNPVLikely-1] = b.number(role, nMoney, b.res.Alternatives[ai].NPV)
		r[sP10-1] = b.number(role, nMoney, a.NPVP10)
		r[sP50-1] = b.number(role, nMoney, a.NPVP50)
		r[sP90-1] = b.number(role, nMoney, a.NPVP90)
		r[sMean-1] = b.number(role, nMoney, a.NPVMean)
		if a.ROIP50 != nil {
			r[sROI50-1] = b.number(role, nPercent, *a.ROIP50)
		} else {
			r[sROI50-1] = excelize.Cell{StyleID: b.style(role, nPercent), Value: na}
		}
		r[sProbPositive-1] = b.number(role, nPercent, a.ProbNPVPositive)
		drawn := "no"
		if a.IncludesRisks {
			drawn = "yes"
		}
		r[sRisks-1] = excelize.Cell{StyleID: b.style(role, nInt), Value: drawn}
		s.put(row, r, rowHeight(a.Name, widths[sAlt-1]))
	}
	row += 2
	note := "P10, P50 and P90 are the NPVs that 10 %, 50 % and 90 % of the trials are at or below; ROI P50 likewise; n/a where there " +
		"are no costs. NPV at likely values is the workbook's own figure at export (Comparison sheet). The highlighted row is the " +
		"recommended alternative."
	s.wide(row, last, rNote, note)
}

// writeHistogram writes the recommendation's simulated NPVs by range from
// row, with a column chart beside the table.
func (b *book) writeHistogram(s *sheet, row int) {
	ai := b.res.Recommended
	sim := b.an.Simulation
	if ai < 0 || ai >= len(sim.Alternatives) {
		return
	}
	a := sim.Alternatives[ai]
	widths := simulationWidths
	last := len(widths)
	s.put(row, []any{b.text(rSection, "Simulated NPV of "+a.Name+": how often each outcome came up")}, 20)
	row++
	with := ""
	if a.IncludesRisks {
		with = ", the risks that happened included"
	}
	note := fmt.Sprintf("Simulation results (not recalculated): how many of the %s trials gave an NPV in each range%s. P10 %s, P50 %s, P90 %s; "+
		"the NPV was above zero in %s of the trials.", b.num.Number(float64(a.Trials), 0), with, b.num.Money(a.NPVP10), b.num.Money(a.NPVP50),
		b.num.Money(a.NPVP90), b.num.Percent(a.ProbNPVPositive))
	s.wide(row, last, rNote, note)
	row++
	head := row
	s.put(head, b.textHeader(hTo, "NPV from … to …", "Trials", "Share of trials", "Cumulative share", "From", "To"), 30)
	var cum int
	for _, bin := range a.Histogram {
		row++
		cum += bin.Count
		share, cumShare := 0.0, 0.0
		if a.Trials > 0 {
			share, cumShare = float64(bin.Count)/float64(a.Trials), float64(cum)/float64(a.Trials)
		}
		r := make([]any, hTo)
		r[hRange-1] = b.text(rPlain, b.num.MoneyShort(bin.From)+" to "+b.num.MoneyShort(bin.To))
		r[hTrials-1] = b.number(rPlain, nInt, float64(bin.Count))
		r[hShare-1] = b.number(rPlain, nPercent, share)
		r[hCumulative-1] = b.number(rPlain, nPercent, cumShare)
		r[hFrom-1] = b.number(rPlain, nMoney, bin.From)
		r[hTo-1] = b.number(rPlain, nMoney, bin.To)
		s.put(row, r, chartRowHeight)
	}
	if len(a.Histogram) == 0 {
		return
	}
	var big float64
	for _, bin := range a.Histogram {
		big = math.Max(big, math.Max(math.Abs(bin.From), math.Abs(bin.To)))
	}
	// The bars' labels are bare figures, in millions or thousands as the
	// axis's title says, so that twenty of them fit under the chart.
	// A decimal is shown only where the bars are narrower than one unit.
	numFmt, scale := "#,##0", b.c.Currency
	unit := 1.0
	switch {
	case big >= 1e6:
		numFmt, scale, unit = "#,##0,,", b.c.Currency+" millions", 1e6
	case big >= 1e4:
		numFmt, scale, unit = "#,##0,", b.c.Currency+" thousands", 1e3
	}
	if width := a.Histogram[0].To - a.Histogram[0].From; unit > 1 && width < unit {
		numFmt = "#,##0.0" + numFmt[len("#,##0"):]
	}
	no := false
	gap := uint(8)
	chart := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       xref(sheetSimulation, hTrials, head),
			Categories: xrange(sheetSimulation, hFrom, head+1, hFrom, row),
			Values:     xrange(sheetSimulation, hTrials, head+1, hTrials, row),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourNavy}},
		}},
		Title:      chartTitle("Simulated NPV of " + shorten(a.Name, 60)),
		Legend:     excelize.ChartLegend{Position: "none"},
		Dimension:  excelize.ChartDimension{Width: uint(colPixels(widths, hTo+1, last)) - 4, Height: uint(histogramHeight(row - head + 1))},
		Format:     excelize.GraphicOptions{PrintObject: &[]bool{true}[0]},
		VaryColors: &no,
		GapWidth:   &gap,
		XAxis: excelize.ChartAxis{Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}, Alignment: excelize.Alignment{TextRotation: -45},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Simulated NPV in " + scale + ": each bar from the amount shown to the next", Font: &axisFont}}}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: axisFont,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Trials", Font: &axisFont}}}},
	}
	b.fail(b.f.AddChart(sheetSimulation, ref(hTo+1, head), chart))
}

// colPixels is the width in pixels of columns c1 to c2, as excelize counts
// it when it anchors a chart.
func colPixels(widths []float64, c1, c2 int) int {
	var px float64
	for c := c1; c <= c2 && c <= len(widths); c++ {
		px += math.Ceil(widths[c-1]*7 + 0.5 + 5)
	}
	return int(px)
}

// driverKind says what kind of input a driver is.
func driverKind(kind string) string {
	switch kind {
	case "pain":
		return "pain input"
	}
	return kind
}

// distributionName is a distribution as people write it.
func distributionName(d casebuilder.Distribution) string {
	switch d {
	case casebuilder.PERT, "":
		return "PERT"
	case casebuilder.Triangular:
		return "triangular"
	}
	return string(d)
}

// chartTitle is a chart's title in the workbook's style.
func chartTitle(t string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t, Font: &excelize.Font{Bold: true, Size: 11, Color: colourNavy}}}}
}

// shorten cuts text to n characters for a chart's title.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// includesRisks reports whether the simulation drew the risks.
func includesRisks(sim *casebuilder.Simulation) bool {
	for _, a := range sim.Alternatives {
		if a.IncludesRisks {
			return true
		}
	}
	return false
}
