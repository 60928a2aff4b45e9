package workbook

import (
	"math"

	"github.com/xuri/excelize/v2"
)

// summaryCharts puts two native charts under the Summary's table: NPV by
// alternative, and the cumulative net flow of every alternative.
// Both read the cells, so they follow every change of an assumption.
func (b *book) summaryCharts(s *sheet, row int) {
	if s.sw == nil || len(b.c.Alternatives) == 0 {
		return
	}
	var bigNPV, bigCum float64
	for _, a := range b.res.Alternatives {
		bigNPV = math.Max(bigNPV, math.Abs(a.NPV))
		var cum float64
		for _, f := range a.CashFlows {
			cum += f
			bigCum = math.Max(bigCum, math.Abs(cum))
		}
	}
	title := func(t string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t, Font: &excelize.Font{Bold: true, Size: 11, Color: colourNavy}}}}
	}
	no := false
	// Both charts grow with the number of alternatives, so that each bar
	// and each line of the legend has room.
	height := uint(min(max(140+24*len(b.c.Alternatives), 320), 720))
	npv := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       cmpRef(mNPV, cmpHeadRow),
			Categories: xrange(sheetComparison, mName, cmpFirstRow, mName, b.cmp.last),
			Values:     xrange(sheetComparison, mNPV, cmpFirstRow, mNPV, b.cmp.last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourNavy}},
		}},
		Title:      title("NPV by alternative"),
		Legend:     excelize.ChartLegend{Position: "none"},
		Dimension:  excelize.ChartDimension{Width: 530, Height: height},
		Format:     excelize.GraphicOptions{PrintObject: &[]bool{true}[0], LockAspectRatio: false},
		VaryColors: &no,
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: b.shortMoney(bigNPV)}},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: b.shortMoney(bigNPV)}},
	}
	b.fail(b.f.AddChart(sheetSummary, ref(1, row), npv))

	m0, mN := b.cash.month0, b.cash.month0+b.months-1
	line := &excelize.Chart{
		Type:      excelize.Line,
		Title:     title("Cumulative net flow at the end of each month"),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 600, Height: height},
		XAxis: excelize.ChartAxis{TickLabelSkip: 1, TickLabelPosition: excelize.ChartTickLabelLow, Font: axisFont,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Month", Font: &axisFont}}}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: b.shortMoney(bigCum)}},
	}
	for ai := range b.c.Alternatives {
		bl := b.cash.blocks[ai]
		line.Series = append(line.Series, excelize.ChartSeries{
			Name:       xref(sheetCash, cLabel, bl.title),
			Categories: xrange(sheetCash, m0, b.cash.labels, mN, b.cash.labels),
			Values:     xrange(sheetCash, m0, bl.cum, mN, bl.cum),
			Line:       excelize.LineOptions{Width: 1.75},
			Marker:     excelize.ChartMarker{Symbol: "none"},
		})
	}
	b.fail(b.f.AddChart(sheetSummary, ref(5, row), line))
}

var axisFont = excelize.Font{Color: "404040", Size: 8}

// tickSkip labels every quarter, half year or year of a monthly axis.
func tickSkip(months int) int {
	switch {
	case months <= 24:
		return 3
	case months <= 60:
		return 6
	}
	return 12
}

// shortMoney is a chart's format for amounts up to big: in millions or
// thousands of the case's currency.
func (b *book) shortMoney(big float64) string {
	switch {
	case big >= 1e6:
		return b.money(`#,##0.0,,"M"`)
	case big >= 1e4:
		return b.money(`#,##0,"k"`)
	}
	return b.money("#,##0")
}
