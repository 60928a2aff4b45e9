// Package brief writes a business case as the PDF executive brief that the
// CEO, the CFO and the head of Sales read in the executive review, ready to
// go into a board pack as it is: a cover, a one-page executive summary, the
// alternatives compared, the financials of the recommendation (its cash
// flow, its money by fiscal year and kind, every line with when it starts,
// what moves the NPV and the break-even of every estimate), the risks and
// their contingencies, the implementation plan with its stage gates and,
// on the page where it ends, the acknowledgements, the measures of
// success, then an appendix: the terms used and the basis of the figures,
// the strategic context, the cost of the problem worked step by step (year
// by year where the case gives inputs year by year), the other
// alternatives line by line with their risks and reserves, and the
// reasons for the scores.
//
// The summary says what the decision needs in words: the ask for the first
// stage where the plan has a stage gate, how and when the programme would
// be stopped, how much of the NPV is cash and who commits to the rest, how
// far the estimate the case depends on most can move before it stops
// paying, and the simulated range of the NPV with the risks happening.
//
// The cover and the summary give their figures rounded the way executives
// read them (€6.3M, not €6,301,531); the tables keep the exact figures.
// Nothing in the brief is the tool's own: no field path, rule name or file
// name. The CEO review, which is for the author, is left out unless
// Options.WithReview asks for it.
//
// Every figure comes from [casebuilder.Analyse] (the costed figures, the
// weighted scores, the tornado, the Monte Carlo simulation and the CEO
// review) and is written with [figure.Format], so the brief, the app,
// the workbook and `casebuilder summary` agree. The
// text is set by casebuilder/internal/pdftext in embedded TrueType fonts
// (DejaVu Sans Condensed, and for Chinese, Japanese, Korean, Arabic,
// Hebrew, Devanagari and Thai the font of the script, shaped and in
// bidirectional order), so any name prints as written, and the charts are
// vector drawings that print crisply and read in grey-scale.
//
// The same case and options always give the same bytes: the creation date
// is Options.Now, the simulation is seeded by Options.Simulation, and
// nothing else depends on the clock, on map order or on the number of cores.
package brief

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfpage"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// Options are the choices a brief is written with.
type Options struct {
	// Now is when the brief is written: the PDF's creation date, and the
	// date printed on it when the case has none. Zero means the current
	// time (and so a brief that differs from one run to the next).
	Now time.Time
	// Paper is the paper size: "a4" or "letter". Empty uses the case's own
	// paper size (casebuilder.Case.Paper) and, when it has none, A4.
	Paper string
	// WithReview adds the CEO review to the appendix: the readiness score
	// and every finding, with the step where it is fixed. It is for the
	// author before sending the brief, not for the CEO.
	WithReview bool
	// Simulation chooses the Monte Carlo simulation's trials, seed and
	// distribution. The zero value is what `casebuilder summary` runs by
	// default, 10,000 PERT trials with seed 0, so that the brief and the
	// summary print the same percentiles for the same case.
	Simulation casebuilder.SimulationOptions
	// Analysis, when set, is the case's analysis already worked out (the
	// desktop app has it at hand): the brief shows it rather than
	// analysing the case again, which for a large case is most of the
	// time a brief takes. It must be the analysis of the case as it is
	// now, by [casebuilder.Analyse] with Analysis.Case the case written;
	// when it was run without the simulation, the brief runs the
	// simulation with the options above.
	Analysis *casebuilder.Analysis
}

// Write returns the executive brief of a case as the bytes of a PDF file.
//
// A draft that is incomplete still gives a brief: a part the case does not
// fill yet says so in a sentence rather than leaving a hole. Write fails
// only for an unknown paper size, simulation options out of range, a nil
// case, or an analysis of another case.
//
// Without Options.Analysis, Write analyses the case itself, the Monte
// Carlo simulation included: for a case the size of the stress sample,
// that is more than half the time it takes.
func Write(c *casebuilder.Case, opts Options) (out []byte, err error) {
	if c == nil {
		return nil, fmt.Errorf("brief: no case to write")
	}
	size, err := pdfpage.Paper(c, opts.Paper)
	if err != nil {
		return nil, err
	}
	if err := opts.Simulation.Check(); err != nil {
		return nil, fmt.Errorf("simulation: %w", err)
	}
	if opts.Analysis != nil && opts.Analysis.Case != c {
		return nil, fmt.Errorf("brief: the analysis given is of another case; analyse the case being written")
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	defer func() {
		// A bug must never take the app down with it, nor hand the CEO
		// half a brief: say so and write nothing.
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("brief: internal error: %v (please report it)", v)
		}
	}()
	d := newDoc(c, size, now, analysis(c, opts))
	d.withReview = opts.WithReview
	d.appendixParts = d.planAppendix()
	d.write()
	return d.output()
}

// analysis returns the analysis the brief shows: the one given, with its
// simulation run when it was skipped, or the case's own.
func analysis(c *casebuilder.Case, opts Options) *casebuilder.Analysis {
	if opts.Analysis == nil {
		return casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: opts.Simulation})
	}
	if opts.Analysis.Simulation != nil {
		return opts.Analysis
	}
	a := *opts.Analysis // the caller's stays as it was
	a.Simulation = casebuilder.Simulate(c, opts.Simulation)
	return &a
}

// write lays out every part of the brief, in order: the body a decision
// needs, then the appendix.
func (d *doc) write() {
	d.cover()
	d.summary()
	d.alternatives()
	d.financials()
	d.risks()
	d.implementation()
	d.acknowledgements() // on the page where the plan ends
	d.measures()
	d.appendix()
	d.finish()
}

// output renders the PDF, or returns the first error gofpdf met.
func (d *doc) output() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	return buf.Bytes(), nil
}

// newDoc starts the brief of a case from its analysis an (of c).
func newDoc(c *casebuilder.Case, size gofpdf.SizeType, now time.Time, an *casebuilder.Analysis) *doc {
	pdf, ts := pdfpage.New(size, now, pdfpage.Info{
		Title:   orDefault(c.Title, "Untitled case"),
		Subject: "Executive brief" + prefixed(": ", c.Organisation),
		Author:  c.Author,
	})

	d := &doc{pdf: pdf, ts: ts, c: c, an: an, res: an.Result, f: casebuilder.FormatFor(c), paper: size, now: now}
	d.date = c.Date
	if d.date.IsZero() {
		d.date = casebuilder.DateOf(now)
	}
	d.riskNo = make(map[*casebuilder.Risk]int, len(c.Risks))
	for i := range c.Risks {
		d.riskNo[&c.Risks[i]] = i + 1
	}
	d.appendixParts = d.planAppendix()
	return d
}

// finish draws what needs the whole document first: the header and footer
// of every page ("page x of y") and the page numbers of the contents.
//
// gofpdf places everything it draws with the height of the page it added
// last, so on a page of another height (a landscape page, when the brief
// ends in portrait) every y is shifted by the difference.
func (d *doc) finish() {
	pdf := d.pdf
	d.log.finishing = true
	n := pdf.PageCount()
	_, lastH := d.pageSize(d.pages[n-1])
	// The confidentiality line is set once, beside the widest page number,
	// so that it reads the same on every page.
	d.setFont("B", 7.5)
	widest := 0.0
	for p := 1; p <= n; p++ {
		widest = max(widest, d.pdf.GetStringWidth(pageOf(p, n)))
	}
	narrowest := d.w
	for _, landscape := range d.pages {
		w, _ := d.pageSize(landscape)
		narrowest = min(narrowest, w)
	}
	lines, size := d.footerLines(d.confidentiality(), narrowest-2*pdfstyle.MarginX-widest-8)
	for p := 1; p <= n; p++ {
		pdf.SetPage(p)
		w, h := d.pageSize(d.pages[p-1])
		dy := lastH - h
		// Each page's drawing state is whatever its content left: set all
		// of it before drawing.
		pdf.SetFillColor(255, 255, 255)
		pdf.SetLineWidth(0.2)
		pdf.SetDashPattern(nil, 0)
		d.draw(pdfstyle.Rule)
		d.line(pdfstyle.MarginX, pdfstyle.HeaderRule+dy, w-pdfstyle.MarginX, pdfstyle.HeaderRule+dy)
		d.line(pdfstyle.MarginX, h-pdfstyle.FooterRule+dy, w-pdfstyle.MarginX, h-pdfstyle.FooterRule+dy)

		d.setFont("", 7.5)
		d.setColor(pdfstyle.Muted)
		date := longDate(d.date)
		dw := pdf.GetStringWidth(date)
		title := d.fit(orDefault(d.c.Title, "Untitled case"), w-2*pdfstyle.MarginX-dw-8)
		d.textAt(pdfstyle.MarginX, pdfstyle.HeaderRule-4.2+dy, w-2*pdfstyle.MarginX, title, "L")
		d.textAt(pdfstyle.MarginX, pdfstyle.HeaderRule-4.2+dy, w-2*pdfstyle.MarginX, date, "R")

		page := pageOf(p, n)
		d.setFont("", size)
		for i, l := range lines {
			d.textAt(pdfstyle.MarginX, h-pdfstyle.FooterRule+1.2+dy+float64(i)*pdfstyle.LineHeight(size), w-2*pdfstyle.MarginX-widest-8, l, "L")
		}
		d.setFont("B", 7.5)
		d.textAt(pdfstyle.MarginX, h-pdfstyle.FooterRule+1.2+dy, w-2*pdfstyle.MarginX, page, "R")
	}
	// The page numbers of the contents, on the cover.
	pdf.SetPage(1)
	_, h := d.pageSize(d.pages[0])
	dy := lastH - h
	d.setFont("", 9)
	d.setColor(pdfstyle.Ink)
	for _, e := range d.toc {
		if e.page == 0 {
			continue
		}
		d.textAt(e.x, e.y+dy, e.w, itoa(e.page), "R")
		pdf.Link(e.x-e.titleW, e.y+dy, e.w+e.titleW, 5, e.link)
	}
	pdf.SetPage(n)
}

// pageOf is the page number at the foot of page p of n.
func pageOf(p, n int) string { return fmt.Sprintf("Page %d of %d", p, n) }

// footerLines sets the confidentiality line in the width w at the foot of
// a page: on one line at the footer's type size, or a little smaller, or
// else on two lines, so that the warning at its end is never cut off. On
// two, the warning ("Contains people data; do not forward.") has the
// second line to itself when the first holds the rest, rather than
// leaving its last words alone there.
func (d *doc) footerLines(s string, w float64) (lines []string, size float64) {
	for _, size := range []float64{7.5, 7, 6.5} {
		d.setFont("", size)
		if d.width(s) <= w {
			return []string{s}, size
		}
	}
	if i := strings.LastIndex(s, ". "); i > 0 {
		first, warning := s[:i+1], s[i+2:]
		if d.width(first) <= w && d.width(warning) <= w {
			return []string{first, warning}, 6.5
		}
	}
	return d.clamp(s, w, 2), 6.5
}

// confidentiality is the line at the foot of every page.
func (d *doc) confidentiality() string {
	return pdfstyle.Confidentiality(d.c.Organisation, d.c.PreparedFor)
}

var (
	prefixed  = pdfstyle.Prefixed
	orDefault = pdfstyle.OrDefault
)
