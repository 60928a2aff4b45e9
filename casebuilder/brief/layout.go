package brief

import (
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftext"
)

// doc is a brief being laid out.
type doc struct {
	pdf *gofpdf.Fpdf
	// ts measures and draws text in every script.
	ts *pdftext.Setter
	c  *casebuilder.Case
	// an is the case's analysis: the weighed scores, the tornado, the
	// simulation and the review; res is its figures (an.Result).
	an    *casebuilder.Analysis
	res   *casebuilder.Result
	f     *figure.Format
	paper gofpdf.SizeType
	now   time.Time
	date  casebuilder.Date

	// pages records, per page, whether it is landscape.
	pages     []bool
	landscape bool
	w, h      float64 // the current page
	y         float64 // where the next block starts

	// dry lays out without drawing, to measure; overflow records that a
	// dry run needed another page.
	dry, overflow bool

	// keepNext is room that the next block must leave after itself on its
	// page: an introduction kept with the table it introduces.
	keepNext float64

	section int
	toc     []tocEntry
	pending []heading
	riskNo  map[*casebuilder.Risk]int
	// withReview adds the CEO review to the appendix (Options.WithReview).
	withReview bool
	// appendixParts are the titles of the appendix's parts, in order:
	// A.1 is the first. They are known before the appendix is laid out,
	// so that earlier sections can refer to them.
	appendixParts []string

	log layoutLog
}

// layoutLog records where things fell, for the tests: that no heading ends
// a page, no page is empty and no text leaves its box or the margins.
type layoutLog struct {
	finishing bool // drawing headers and footers, not content
	// bottom is, per page (from 1), the lowest point of its content.
	bottom   map[int]float64
	headings []placed
	problems []string
	// paidBack is where the cumulative cash chart put the payback: the
	// month it shades, and where within the horizon (in months from the
	// start) its net line crosses zero for good.
	paidBack struct {
		drawn    bool
		month    int
		crossing float64
	}
}

type placed struct {
	text string
	page int
	y    float64 // the foot of the heading
}

func (d *doc) logContent(y float64) {
	if d.log.finishing || d.dry {
		return
	}
	if d.log.bottom == nil {
		d.log.bottom = map[int]float64{}
	}
	p := d.pdf.PageNo()
	d.log.bottom[p] = max(d.log.bottom[p], y)
}

// tocEntry is a section and its line in the contents on the cover, whose
// page number is written once every page is laid out.
type tocEntry struct {
	number, title string
	link, page    int
	// x, y and w place the page number on the cover; titleW is the width
	// of the title before it, which links to the section too.
	x, y, w, titleW float64
}

// The sections, in order: the body, then the appendix.
var sectionTitles = []string{
	"Executive summary",
	"Alternatives compared",
	"Financials of the recommendation",
	"Risks and contingencies",
	"Implementation plan",
	"Acknowledgements",
	"Measures of success",
	"Appendix: terms, assumptions and working",
}

// heading is a heading waiting for the block it introduces, so that it is
// never left alone at the foot of a page.
type heading struct {
	text  string
	level int
	toc   int // index in d.toc, or -1
}

func (d *doc) pageSize(landscape bool) (w, h float64) {
	if landscape {
		return d.paper.Ht, d.paper.Wd
	}
	return d.paper.Wd, d.paper.Ht
}

// newPage starts a page in the given orientation.
func (d *doc) newPage(landscape bool) {
	if d.dry {
		d.overflow = true
		d.y = pdfstyle.MarginTop
		return
	}
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	d.pdf.AddPageFormat(orientation, d.paper)
	d.landscape = landscape
	d.pages = append(d.pages, landscape)
	d.w, d.h = d.pageSize(landscape)
	d.y = pdfstyle.MarginTop
}

// contentW is the width between the margins.
func (d *doc) contentW() float64 { return d.w - 2*pdfstyle.MarginX }

// bottom is where the content must end.
func (d *doc) bottom() float64 { return d.h - pdfstyle.MarginBottom }

// atTop reports whether nothing has been drawn on the page yet.
func (d *doc) atTop() bool { return d.y <= pdfstyle.MarginTop+0.01 }

// room reports whether a block of height h fits on the page.
func (d *doc) room(h float64) bool { return d.y+h <= d.bottom()+0.01 }

// breakIfNeeded starts a new page unless h fits on this one.
func (d *doc) breakIfNeeded(h float64) {
	if !d.room(h) && !d.atTop() {
		d.newPage(d.landscape)
	}
}

// space adds vertical space, never past the foot of the page.
func (d *doc) space(h float64) {
	if !d.atTop() {
		d.y = min(d.y+h, d.bottom())
	}
}

// startSection begins the next section on a new page.
func (d *doc) startSection(landscape bool) {
	d.newPage(landscape)
	d.sectionHeading(false)
}

// nextSection begins the next section further down the page the last one
// ended on when at least two fifths of it are still free, so that a short
// section leaves no page nearly blank behind it; otherwise on a new page of
// the same orientation.
func (d *doc) nextSection() {
	if !d.atTop() && d.used() < 0.6 {
		d.flowSection()
		return
	}
	d.startSection(d.landscape)
}

// used is how much of the page's content area is filled.
func (d *doc) used() float64 { return (d.y - pdfstyle.MarginTop) / (d.bottom() - pdfstyle.MarginTop) }

// flowSection begins the next section where the last one ended, if its
// heading and a first block fit there.
func (d *doc) flowSection() {
	d.space(10)
	d.sectionHeading(true)
}

func (d *doc) sectionHeading(flow bool) {
	d.section++
	h := heading{text: sectionTitles[d.section-1], level: 1, toc: d.section - 1}
	if flow {
		d.pending = append(d.pending, h)
		return
	}
	d.drawHeading(h)
}

// newTOC lists the sections, numbered 1, 2, ... and "A" for the appendix.
func (d *doc) newTOC() {
	for i, t := range sectionTitles {
		num := itoa(i + 1)
		if i == len(sectionTitles)-1 {
			num = "A"
		}
		d.toc = append(d.toc, tocEntry{number: num, title: t, link: d.pdf.AddLink()})
	}
}

// sectionRef names a section in the text: "section 4".
func (d *doc) sectionRef(title string) string {
	for _, e := range d.toc {
		if e.title == title {
			if e.number == "A" {
				return "the appendix"
			}
			return "section " + e.number
		}
	}
	return title
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// sub queues a second-level heading for the next block.
func (d *doc) sub(title string) {
	d.pending = append(d.pending, heading{text: title, level: 2, toc: -1})
}

// minor queues a third-level heading for the next block.
func (d *doc) minor(title string) {
	d.pending = append(d.pending, heading{text: title, level: 3, toc: -1})
}

// compact queues a second-level heading set tighter, for the one-page
// summary.
func (d *doc) compact(title string) {
	d.pending = append(d.pending, heading{text: title, level: 4, toc: -1})
}

func headingHeight(level int) float64 {
	switch level {
	case 1:
		return 16
	case 2:
		return 10
	case 4:
		return 7
	}
	return 7
}

// block makes room for a block whose first unbreakable part is h high,
// together with the headings that introduce it, then draws the headings.
func (d *doc) block(h float64) {
	need := h + d.keepNext
	d.keepNext = 0
	if capacity := d.bottom() - pdfstyle.MarginTop; need > capacity {
		need = max(h, capacity)
	}
	for i, hd := range d.pending {
		if i == 0 && d.atTop() {
			continue
		}
		need += headingHeight(hd.level)
	}
	d.breakIfNeeded(need)
	for _, hd := range d.pending {
		d.drawHeading(hd)
	}
	d.pending = d.pending[:0]
}

func (d *doc) drawHeading(hd heading) {
	pdf := d.pdf
	switch hd.level {
	case 1:
		num := ""
		if hd.toc >= 0 && hd.toc < len(d.toc) && !d.dry {
			e := &d.toc[hd.toc]
			e.page = pdf.PageNo()
			pdf.SetLink(e.link, d.y, e.page)
			// gofpdf places bookmarks with the height of the last page,
			// which is portrait (the appendix).
			pdf.Bookmark(clean(e.number+"  "+e.title), 0, d.y+d.paper.Ht-d.h)
			num = e.number
		}
		d.setFont("B", 17)
		d.setColor(pdfstyle.Accent)
		nw := pdf.GetStringWidth(num) + 4
		d.textAt(pdfstyle.MarginX, d.y, nw, num, "L")
		d.setColor(pdfstyle.Ink)
		lines := d.wrap(hd.text, d.contentW()-nw)
		for _, l := range lines {
			d.textAt(pdfstyle.MarginX+nw, d.y, d.contentW()-nw, l, "L")
			d.y += 7.5
		}
		d.y += 1
		d.draw(pdfstyle.Accent)
		pdf.SetLineWidth(0.5)
		d.line(pdfstyle.MarginX, d.y, pdfstyle.MarginX+d.contentW(), d.y)
		d.y += 6
		d.logHeading(hd.text)
	case 2:
		d.drawSubheading(hd.text, 3, 11.5, pdfstyle.Accent, 5.5, 1.5)
	case 4:
		d.drawSubheading(hd.text, 1.8, 10, pdfstyle.Accent, 4.6, 0.6)
	default:
		d.drawSubheading(hd.text, 1.5, 9.5, pdfstyle.Ink, 4.6, 0.8)
	}
}

// drawSubheading writes a heading below the first level across the
// content width, in bold of the given size and colour: before millimetres
// below what precedes it on the page, its lines step apart, and after
// millimetres above what follows.
func (d *doc) drawSubheading(text string, before, size float64, c pdfstyle.Color, step, after float64) {
	if !d.atTop() {
		d.y += before
	}
	d.setFont("B", size)
	d.setColor(c)
	for _, l := range d.wrap(text, d.contentW()) {
		d.textAt(pdfstyle.MarginX, d.y, d.contentW(), l, "L")
		d.y += step
	}
	d.y += after
	d.logHeading(text)
}

func (d *doc) logHeading(text string) {
	if !d.dry {
		d.log.headings = append(d.log.headings, placed{text, d.pdf.PageNo(), d.y})
	}
}

// Text.

func (d *doc) setFont(style string, size float64) { d.ts.SetFont(style, size) }

func (d *doc) setColor(c pdfstyle.Color) { d.pdf.SetTextColor(c.R, c.G, c.B) }

func (d *doc) fill(c pdfstyle.Color) { d.pdf.SetFillColor(c.R, c.G, c.B) }

func (d *doc) draw(c pdfstyle.Color) { d.pdf.SetDrawColor(c.R, c.G, c.B) }

// textAt writes one line of text in a box at (x, y), w wide, one line high,
// aligned "L", "R" or "C".
func (d *doc) textAt(x, y, w float64, s string, align string) {
	if d.dry {
		return
	}
	size, _ := d.pdf.GetFontSize()
	if strings.TrimSpace(s) != "" && !d.log.finishing {
		d.logContent(y + pdfstyle.LineHeight(size))
		if tw := d.width(s); tw > w+0.05 {
			d.log.problems = append(d.log.problems, fmt.Sprintf("page %d: %q is %.1f mm wide in a box of %.1f mm", d.pdf.PageNo(), s, tw, w))
		}
		if x < pdfstyle.MarginX-0.01 || x+w > d.w-pdfstyle.MarginX+0.01 || y < 0 || y+pdfstyle.LineHeight(size) > d.h {
			d.log.problems = append(d.log.problems, fmt.Sprintf("page %d: %q at x %.1f to %.1f, y %.1f leaves the margins", d.pdf.PageNo(), s, x, x+w, y))
		}
	}
	d.ts.Draw(x, y, w, pdfstyle.LineHeight(size), clean(s), align)
}

// rect draws a rectangle ("F" filled, "D" outlined, "FD" both).
func (d *doc) rect(x, y, w, h float64, style string) {
	if !d.dry {
		d.logContent(y + h)
		d.pdf.Rect(x, y, w, h, style)
	}
}

// line draws a line.
func (d *doc) line(x1, y1, x2, y2 float64) {
	if !d.dry {
		d.pdf.Line(x1, y1, x2, y2)
	}
}

// clean makes user text safe to set: it drops control characters (a tab
// becomes a space) and replaces characters beyond the font's 16-bit range,
// which gofpdf cannot encode, by U+FFFD.
func clean(s string) string { return pdftext.Clean(s) }

// width is the width of s in the current font.
func (d *doc) width(s string) float64 { return d.ts.Width(clean(s)) }

// wrap breaks text into lines no wider than w in the current font: at
// spaces, after hyphens and slashes, between Chinese and Japanese
// characters and between Thai words, and inside a word only when the word
// alone is wider than the line. A newline starts a new line.
func (d *doc) wrap(s string, w float64) []string { return d.ts.Wrap(s, w) }

// fit shortens s with an ellipsis to fit w in the current font.
func (d *doc) fit(s string, w float64) string { return d.ts.Fit(s, w) }

// clamp wraps s to at most n lines of width w, ending the last with an
// ellipsis when text was left out.
func (d *doc) clamp(s string, w float64, n int) []string { return d.ts.Clamp(s, w, n) }

// text is a run of wrapped text to set: a paragraph, or a cell's content.
type text struct {
	s     string
	style string  // "", "B" or "I"
	size  float64 // points
	color pdfstyle.Color
	// maxLines, when positive, clamps the text with an ellipsis.
	maxLines int
}

// para writes a paragraph across the content width.
func (d *doc) para(s string) {
	d.paraWith(text{s: s, size: 9, color: pdfstyle.Ink}, pdfstyle.MarginX, d.contentW())
}

// lead writes a paragraph that introduces what follows, kept on the same
// page as the first h millimetres of it.
func (d *doc) lead(s string, h float64) {
	d.keepNext = h + paraGap
	d.para(s)
}

// leadFor writes a paragraph that introduces a table, kept on the same
// page as the table's header and first rows.
func (d *doc) leadFor(s string, t *table) { d.lead(s, d.tableStart(t)) }

// paraHeight is the height para gives a paragraph of type size size.
func (d *doc) paraHeight(s string, size float64) float64 {
	d.setFont("", size)
	return float64(len(d.wrap(s, d.contentW())))*pdfstyle.LineHeight(size) + paraGap
}

// noteHeight is the height note gives a note.
func (d *doc) noteHeight(s string) float64 {
	if s == "" {
		return 0
	}
	d.setFont("I", 7.5)
	return float64(len(d.wrap(s, d.contentW())))*pdfstyle.LineHeight(7.5) + paraGap
}

// note writes a small muted paragraph.
func (d *doc) note(s string) {
	d.paraWith(text{s: s, size: 7.5, color: pdfstyle.Muted, style: "I"}, pdfstyle.MarginX, d.contentW())
}

// paraWith writes wrapped text at x, w wide, breaking pages between lines
// and keeping at least two lines with any heading before it.
func (d *doc) paraWith(t text, x, w float64) {
	d.setFont(t.style, t.size)
	var lines []string
	if t.maxLines > 0 {
		lines = d.clamp(t.s, w, t.maxLines)
	} else {
		lines = d.wrap(t.s, w)
	}
	lh := pdfstyle.LineHeight(t.size)
	first := lh * float64(min(len(lines), 2))
	if d.keepNext > 0 {
		first = lh * float64(len(lines))
	}
	d.block(first)
	d.setFont(t.style, t.size)
	d.setColor(t.color)
	for i, l := range lines {
		// No single line left alone at the foot of a page or carried to
		// the next one.
		rest := len(lines) - i
		if !d.room(lh) || (i > 0 && rest == 2 && !d.room(2*lh)) {
			d.newPage(d.landscape)
			d.setFont(t.style, t.size)
			d.setColor(t.color)
		}
		d.textAt(x, d.y, w, l, "L")
		d.y += lh
	}
	d.y += paraGap
}

// paraGap is the space after a paragraph.
const paraGap = 1.6

// bullets writes a list, each item wrapped with a hanging indent.
func (d *doc) bullets(items []string, size float64) {
	lh := pdfstyle.LineHeight(size)
	indent := 4.0
	for _, it := range items {
		d.setFont("", size)
		lines := d.wrap(it, d.contentW()-indent)
		d.block(lh * float64(min(len(lines), 2)))
		d.setFont("", size)
		for i, l := range lines {
			if !d.room(lh) {
				d.newPage(d.landscape)
				d.setFont("", size)
			}
			if i == 0 {
				d.setColor(pdfstyle.Accent)
				d.textAt(pdfstyle.MarginX, d.y, indent, "•", "L")
			}
			d.setColor(pdfstyle.Ink)
			d.textAt(pdfstyle.MarginX+indent, d.y, d.contentW()-indent, l, "L")
			d.y += lh
		}
		d.y += 0.8
	}
	d.y += 1
}

// longDate writes a date for people: "15 December 2026".
func longDate(dt casebuilder.Date) string {
	if dt.IsZero() {
		return "no date"
	}
	return dt.Time().Format("2 January 2006")
}

// monthYear writes the month of a date: "January 2027".
func monthYear(dt casebuilder.Date) string { return dt.Time().Format("January 2006") }

// shortDate writes a date in a table: "30 Sep 2027".
func shortDate(dt casebuilder.Date) string { return dt.Time().Format("2 Jan 2006") }

// shortMonth writes "Jan 2027".
func shortMonth(dt casebuilder.Date) string { return dt.Time().Format("Jan 2006") }
