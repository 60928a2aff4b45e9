// Package workbook writes a business case as an Excel workbook that finance
// can audit and play with: every assumption in one place, every figure a live
// formula on them, native charts, and the app's own figures stored as the
// formulas' cached results so that a viewer that does not recalculate still
// shows them. Change an assumption in Excel or LibreOffice and every
// dependent figure recalculates to what Case Builder itself would compute.
//
// The sheets, in order: Summary, Assumptions, Cost of pain, Pain attribution
// (when a benefit is tied to the pain calculator), Cash flows, Comparison,
// Fiscal years, Scoring, Sensitivity, Break-even, Simulation, Risks, Plan,
// Stage gates (when the plan has gates) and CEO review. The sensitivity of
// the recommendation's NPV, its break-even values, the Monte Carlo
// simulation and the CEO review are Case Builder's results at export,
// written as values and labelled as such: no spreadsheet formula can redo
// them. The command line and the desktop app both call [Write].
package workbook

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Options are the choices a workbook export takes besides the case.
type Options struct {
	// Now is the time written into the document's properties and as the
	// time of every file inside it. Everything else depends only on the
	// case and the simulation's options, so the same case, options and Now
	// give the same bytes. The zero time writes no time at all.
	Now time.Time
	// Simulation chooses the trials, seed and distribution of the Monte
	// Carlo simulation whose results the Analysis sheet shows. The zero
	// value is what `casebuilder summary` runs by default (10,000 PERT
	// trials, seed 0), so that the workbook and `summary --json` show the
	// same percentiles for the same case.
	Simulation casebuilder.SimulationOptions
	// Analysis is the case's analysis when the caller has already run
	// casebuilder.Analyse (the desktop app has), so that it is not run
	// twice; nil runs it with Simulation. It must be the analysis of this
	// very case: Write refuses one whose figures are not the case's. When
	// it has no simulation (AnalysisOptions.SkipSimulation), Write runs one
	// with Simulation.
	Analysis *casebuilder.Analysis
	// Paper is the paper size every sheet prints on, casebuilder.PaperA4
	// or casebuilder.PaperLetter, as the brief's; "" leaves it to the
	// spreadsheet, which most often prints on Letter.
	Paper string
}

// The sheets' names. None is longer than Excel's 31 characters, and every
// reference to one is quoted (see xref).
const (
	sheetSummary     = "Summary"
	sheetAssumptions = "Assumptions"
	sheetPain        = "Cost of pain"
	sheetAttribution = "Pain attribution"
	sheetCash        = "Cash flows"
	sheetComparison  = "Comparison"
	sheetFiscal      = "Fiscal years"
	sheetScoring     = "Scoring"
	sheetSensitivity = "Sensitivity"
	sheetBreakEven   = "Break-even"
	sheetSimulation  = "Simulation"
	sheetRisks       = "Risks"
	sheetPlan        = "Plan"
	sheetGates       = "Stage gates"
	sheetReview      = "CEO review"
)

// Write returns the case as the contents of an .xlsx file. It refuses an
// invalid case with its [casebuilder.Problems], each naming its field,
// simulation options out of range, and an Options.Analysis that is not the
// case's.
func Write(c *casebuilder.Case, opts Options) (data []byte, err error) {
	if c == nil {
		return nil, errors.New("workbook: no case to write")
	}
	if ps := casebuilder.Validate(c); len(ps) > 0 {
		return nil, ps
	}
	b := newBook(c, opts)
	if b.an, err = analysisOf(c, b.res, opts); err != nil {
		return nil, err
	}
	defer func() {
		if cerr := b.f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	return b.write()
}

// book is one workbook being written: the case, its figures, the excelize
// file and where everything is placed.
type book struct {
	c    *casebuilder.Case
	res  *casebuilder.Result
	opts Options
	f    *excelize.File
	num  *figure.Format
	// err is the first error met; once set, writing stops.
	err error

	styles map[styleKey]int
	// styleInfo tells sheet.put about each style the book created.
	styleInfo map[int]styleInfo

	months, years int
	// calc is the case's pain calculator, nil without a category, and
	// working its inputs (those the calculator needs, then those the case
	// gives that a default or a per-head cost reads) and steps, as the app
	// shows them.
	calc    *casebuilder.Calculator
	working []casebuilder.WorkingLine
	// calcLines is how many of the working's lines are the calculator's:
	// the components' lines follow them.
	calcLines int
	// model works the calculator out as the formulas do, for their cached
	// results (nil without a calculator), and today is its environment in
	// each year it tells apart, every estimate at its likely value.
	model *calcModel
	today [][]float64
	// rowBuf and cellBuf are a row of the Cash flows sheet and its months'
	// cells, made once and used again for every row.
	rowBuf  []any
	cellBuf []excelize.Cell
	// weigh is the alternatives' scores, weighted totals and ranks.
	weigh *casebuilder.Scoring
	// an is the case's analysis: the tornado, the simulation and the
	// review.
	an *casebuilder.Analysis

	// Where things are, planned before any sheet is written so that the
	// sheets can refer to each other.
	asm   assumptionsLayout
	pain  painLayout
	attr  attributionLayout
	cash  cashLayout
	risk  riskLayout
	cmp   comparisonLayout
	gates gatesLayout
	ms    planLayout
	// track is what the sheets after approval show (actuals.go); nil
	// before approval.
	track *tracked
}

func newBook(c *casebuilder.Case, opts Options) *book {
	res := casebuilder.Calculate(c)
	b := &book{
		c: c, res: res, opts: opts,
		f:      excelize.NewFile(),
		num:    casebuilder.FormatFor(c),
		styles: map[styleKey]int{}, styleInfo: map[int]styleInfo{},
		months: res.Months,
		years:  (res.Months + casebuilder.PeriodsPerYear - 1) / casebuilder.PeriodsPerYear,
		calc:   casebuilder.CalculatorFor(c.Pain.Category),
		weigh:  casebuilder.Weigh(c, res),
	}
	b.model = newCalcModel(c, max(b.years, 1))
	if b.model != nil {
		for y := range b.model.years {
			env := b.model.env()
			b.model.today(env, y, likelyValue)
			b.today = append(b.today, env)
		}
	}
	calc, comps := splitWorking(c, res.Pain.Working)
	b.working = b.withExtras(calc)
	b.calcLines = len(b.working)
	b.working = append(b.working, comps...)
	return b
}

// splitWorking returns the calculator's lines of a working and those of
// the pain's components after them: each component's quantity, cost of
// each and yearly cost, then, beside a calculator, the total of every
// part.
func splitWorking(c *casebuilder.Case, working []casebuilder.WorkingLine) (calc, comps []casebuilder.WorkingLine) {
	n := 3 * len(c.Pain.Components)
	if n == 0 {
		return working, nil
	}
	if len(working) > n {
		n++ // the total
	}
	n = min(n, len(working))
	return working[:len(working)-n], working[len(working)-n:]
}

func likelyValue(r casebuilder.Range) float64 { return r.Likely }

// withExtras returns the working with, after its inputs, the inputs the
// case gives that the calculator does not read but a default or a
// per-head cost does (the actual attainment that a productive rep's takes,
// new hires a year that a cost per hire follows), in the calculator's
// table order.
func (b *book) withExtras(working []casebuilder.WorkingLine) []casebuilder.WorkingLine {
	m := b.model
	if m == nil {
		return working
	}
	shown := map[string]bool{}
	last := 0 // after the last input
	for i, st := range working {
		shown[st.Key] = true
		if st.Kind != casebuilder.WorkingCalculated {
			last = i + 1
		}
	}
	var extras []casebuilder.WorkingLine
	for i, in := range m.ins {
		if m.needed[i] && !shown[in.Key] {
			extras = append(extras, casebuilder.WorkingLine{Key: in.Key, Label: in.Label, Kind: casebuilder.WorkingInput,
				Value: b.today[0][i], Unit: in.Unit})
		}
	}
	if len(extras) == 0 {
		return working
	}
	return slices.Concat(working[:last], extras, working[last:])
}

// painYears is how many years the calculator tells apart: 1 unless an
// input it needs is given year by year.
func (b *book) painYears() int {
	if b.model == nil {
		return 1
	}
	return b.model.years
}

// painYear is the year of the calculator that year y of the horizon (0
// is the first) takes its values from: the last year it tells apart
// holds after it.
func (b *book) painYear(y int) int { return min(max(y, 0), b.painYears()-1) }

// fail records the first error.
func (b *book) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// page is one sheet of the workbook and the method that writes it.
type page struct {
	name  string
	write func()
}

// pages are the workbook's sheets in tab order. The analysis of the
// alternatives (sensitivity, simulation results labelled as such) follows
// the weighted ranking on the Scoring sheet; the CEO review, which looks at
// every part of the case, comes last, as in the method.
func (b *book) pages() []page {
	pages := []page{{sheetSummary, b.writeSummary}, {sheetAssumptions, b.writeAssumptions}, {sheetPain, b.writePain}}
	if len(b.attr.lines) > 0 {
		pages = append(pages, page{sheetAttribution, b.writeAttribution})
	}
	pages = append(pages, page{sheetCash, b.writeCashFlows}, page{sheetComparison, b.writeComparison},
		page{sheetFiscal, b.writeFiscalYears}, page{sheetScoring, b.writeScoring}, page{sheetSensitivity, b.writeSensitivity},
		page{sheetBreakEven, b.writeBreakEven}, page{sheetSimulation, b.writeSimulation}, page{sheetRisks, b.writeRisks},
		page{sheetPlan, b.writePlan})
	if len(b.c.Plan.Gates) > 0 {
		pages = append(pages, page{sheetGates, b.writeGates})
	}
	pages = append(pages, page{sheetReview, b.writeReview})
	return append(pages, b.afterApproval()...) // Actuals and Variance, for an approved case
}

func (b *book) write() ([]byte, error) {
	b.plan()
	pages := b.pages()
	// Every sheet exists before any is written: their formulas refer to
	// each other, and excelize places them in the order they are made.
	b.fail(b.f.SetSheetName("Sheet1", pages[0].name))
	for _, p := range pages[1:] {
		_, err := b.f.NewSheet(p.name)
		b.fail(err)
	}
	b.defineNames()
	for _, p := range pages {
		p.write()
	}
	b.properties()
	if b.err != nil {
		return nil, fmt.Errorf("workbook: %w", b.err)
	}
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// plan places every table before any sheet is written.
func (b *book) plan() {
	b.planPlan()
	b.planAssumptions()
	b.planPain()
	b.planAttribution()
	b.planRisks()
	b.planCashFlows()
	b.planComparison()
	b.planGates()
}

// properties writes the document properties, asks spreadsheets to
// recalculate every formula on opening, and makes the file's bytes depend
// only on the case and Options.Now.
func (b *book) properties() {
	props := &excelize.DocProperties{
		Title:   orUntitled(b.c.Title),
		Subject: "Business case",
		Creator: b.c.Author,
		Description: "Exported by Case Builder. Every figure is a formula on the Assumptions sheet, except the sensitivity, " +
			"the break-even values, the simulation and the CEO review: Case Builder's results at export, stored as values.",
		Category: "Business case",
		Keywords: "business case, cost of pain, NPV, IRR",
		Version:  b.c.Version,
	}
	if !b.opts.Now.IsZero() {
		stamp := b.opts.Now.UTC().Format(time.RFC3339)
		props.Created, props.Modified = stamp, stamp
	}
	b.fail(b.f.SetDocProps(props))
	b.fail(b.f.SetAppProps(&excelize.AppProperties{Application: "Case Builder", Company: b.c.Organisation}))
	yes := true
	b.fail(b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}))
	mod := b.opts.Now
	b.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w, mod) })
}

func orUntitled(s string) string {
	if s == "" {
		return "Untitled case"
	}
	return s
}

// analysisOf returns the case's analysis: Options.Analysis when given,
// checked against the case's figures res, or else casebuilder.Analyse's.
func analysisOf(c *casebuilder.Case, res *casebuilder.Result, opts Options) (*casebuilder.Analysis, error) {
	if err := opts.Simulation.Check(); err != nil {
		return nil, fmt.Errorf("workbook: simulation %w", err)
	}
	a := opts.Analysis
	if a == nil {
		return casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: opts.Simulation}), nil
	}
	if err := sameFigures(a, res); err != nil {
		return nil, fmt.Errorf("workbook: the analysis given is not of this case (%w); analyse the case again", err)
	}
	if a.Simulation == nil {
		withSim := *a
		withSim.Simulation = casebuilder.Simulate(c, opts.Simulation)
		a = &withSim
	}
	return a, nil
}

// sameFigures checks that an analysis has every part the workbook shows
// and is of a case whose figures are res: the same alternatives with the
// same NPVs and the same recommendation.
func sameFigures(a *casebuilder.Analysis, res *casebuilder.Result) error {
	if a.Result == nil || a.Tornado == nil {
		return errors.New("it has no figures or no sensitivity")
	}
	if len(a.Result.Alternatives) != len(res.Alternatives) {
		return fmt.Errorf("%d alternatives there, %d here", len(a.Result.Alternatives), len(res.Alternatives))
	}
	for i, x := range a.Result.Alternatives {
		y := res.Alternatives[i]
		if x.ID != y.ID || x.Name != y.Name || x.NPV != y.NPV || x.TotalCost != y.TotalCost || x.TotalBenefit != y.TotalBenefit {
			return fmt.Errorf("alternatives[%d]: %q with an NPV of %g there, %q with %g here", i, x.Name, x.NPV, y.Name, y.NPV)
		}
	}
	if a.Result.Recommended != res.Recommended || a.Tornado.Alternative != res.Recommended {
		return fmt.Errorf("it analyses alternative %d, the case recommends %d", a.Tornado.Alternative, res.Recommended)
	}
	if s := a.Simulation; s != nil {
		if len(s.Alternatives) != len(res.Alternatives) {
			return fmt.Errorf("its simulation has %d alternatives, the case %d", len(s.Alternatives), len(res.Alternatives))
		}
		for i, x := range s.Alternatives {
			if x.ID != res.Alternatives[i].ID {
				return fmt.Errorf("its simulation's alternatives[%d] is %q, the case's %q", i, x.ID, res.Alternatives[i].ID)
			}
		}
	}
	return nil
}
