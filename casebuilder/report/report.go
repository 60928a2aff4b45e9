// Package report writes the monthly progress report of an approved case as
// a PDF for the CEO, the CFO and the VP Sales, on the brief's paper, in
// its fonts and with its number rules.
//
// Page one is the status on one page: the red, amber or green status of
// each area with the reason, the spend against the budget as a chart, the
// milestones done, next and late, the KPIs against their trajectories as
// small charts, the risks that fired and what was done, the decisions
// needed from the readers, and who made the progress happen. The pages
// after it are the detail: what changed since the previous report, the
// money line by line, every milestone, KPI and gate, how the benefits
// realised were worked out (the share of each improvement attributed to
// the programme, how that share was estimated, and the confidence in it),
// and the rule behind each status.
//
// Every figure comes from [tracking.NewReport] and is written with
// [figure.Format], so the report, `casebuilder summary` and the workbook
// agree. The text is set by casebuilder/internal/pdftext in the brief's
// embedded fonts, so any name prints as written. The same case, month and
// options always give the same bytes.
package report

import (
	"bytes"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfpage"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftext"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// Options are the choices a progress report is written with.
type Options struct {
	// AsOf is the report's month; zero means the month of the latest
	// actual (see [tracking.DefaultAsOf]).
	AsOf tracking.Month
	// Now is when the report is written: the PDF's creation date. Zero
	// means the current time.
	Now time.Time
	// Paper is "a4" or "letter"; empty uses the case's own, else A4.
	Paper string
	// WithReview adds what a sceptical CEO would object to in the
	// progress (the review of a case under way), for the author before
	// sending the report.
	WithReview bool
}

// Write returns the progress report of an approved case as the bytes of a
// PDF file. It fails for a case not approved ([tracking.ErrNotApproved]),
// a month outside the programme, or an unknown paper size.
func Write(c *casebuilder.Case, opts Options) (out []byte, err error) {
	defer func() {
		// A bug must never take the app down, nor hand the CEO half a
		// report: say so and write nothing.
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("report: internal error: %v (please report it)", v)
		}
	}()
	d, err := lay(c, opts)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return buf.Bytes(), nil
}

// lay lays out the report of c.
func lay(c *casebuilder.Case, opts Options) (*doc, error) {
	if c == nil {
		return nil, fmt.Errorf("report: no case to write")
	}
	size, err := pdfpage.Paper(c, opts.Paper)
	if err != nil {
		return nil, err
	}
	r, err := tracking.NewReport(c, opts.AsOf)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	d := newDoc(c, r, size, now)
	d.withReview = opts.WithReview
	d.pageOne()
	d.detail()
	d.finish()
	return d, nil
}

// doc is a report being laid out.
type doc struct {
	pdf *gofpdf.Fpdf
	ts  *pdftext.Setter
	c   *casebuilder.Case
	r   *tracking.Report
	p   *tracking.Progress
	f   *figure.Format
	now time.Time

	w, h float64 // the page
	y    float64 // where the next block starts

	withReview bool
	// problems records text that left its box or the page's margins, for
	// the tests; finishing is set while the page furniture is drawn.
	problems  []string
	finishing bool
}

func newDoc(c *casebuilder.Case, r *tracking.Report, size gofpdf.SizeType, now time.Time) *doc {
	pdf, ts := pdfpage.New(size, now, pdfpage.Info{
		Title:   "Progress report, " + r.AsOf.Words() + ": " + orDefault(c.Title, "Untitled case"),
		Subject: "Monthly progress report" + prefixed(": ", c.Organisation),
		Author:  c.Author,
	})
	d := &doc{pdf: pdf, ts: ts, c: c, r: r, p: r.Progress, f: casebuilder.FormatFor(c), now: now, w: size.Wd, h: size.Ht}
	d.newPage()
	return d
}

// finish draws every page's header and footer: the case and the month at
// the top, the confidentiality line and "page x of y" at the foot, as the
// brief does.
func (d *doc) finish() {
	pdf := d.pdf
	d.finishing = true
	n := pdf.PageCount()
	for p := 1; p <= n; p++ {
		pdf.SetPage(p)
		pdf.SetLineWidth(0.2)
		pdf.SetDashPattern(nil, 0)
		d.draw(pdfstyle.Rule)
		pdf.Line(pdfstyle.MarginX, pdfstyle.HeaderRule, d.w-pdfstyle.MarginX, pdfstyle.HeaderRule)
		pdf.Line(pdfstyle.MarginX, d.h-pdfstyle.FooterRule, d.w-pdfstyle.MarginX, d.h-pdfstyle.FooterRule)
		d.setFont("", 7.5)
		d.setColor(pdfstyle.Muted)
		right := "Progress report, " + d.r.AsOf.Words()
		rw := d.ts.Width(right)
		d.textAt(pdfstyle.MarginX, pdfstyle.HeaderRule-4.2, d.contentW()-rw-8, d.ts.Fit(orDefault(d.c.Title, "Untitled case"), d.contentW()-rw-8), "L")
		d.textAt(pdfstyle.MarginX, pdfstyle.HeaderRule-4.2, d.contentW(), right, "R")
		page := fmt.Sprintf("Page %d of %d", p, n)
		d.setFont("B", 7.5)
		pw := d.ts.Width(page)
		d.setFont("", 7)
		lines := d.ts.Clamp(d.confidentiality(), d.contentW()-pw-8, 2)
		for i, l := range lines {
			d.textAt(pdfstyle.MarginX, d.h-pdfstyle.FooterRule+1.2+float64(i)*pdfstyle.LineHeight(7), d.contentW()-pw-8, l, "L")
		}
		d.setFont("B", 7.5)
		d.textAt(pdfstyle.MarginX, d.h-pdfstyle.FooterRule+1.2, d.contentW(), page, "R")
	}
	pdf.SetPage(n)
}

// confidentiality is the line at the foot of every page: the brief's,
// without the brief's readers, as the report goes to the steering group.
func (d *doc) confidentiality() string { return pdfstyle.Confidentiality(d.c.Organisation, "") }

var (
	prefixed  = pdfstyle.Prefixed
	orDefault = pdfstyle.OrDefault
)
