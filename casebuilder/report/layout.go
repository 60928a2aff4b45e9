package report

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftext"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// The status colours, beside the house style's palette (package
// pdfstyle). Each status is also written as a word, so the report reads
// the same in grey-scale.
var (
	colGreen = pdfstyle.Color{R: 46, G: 125, B: 50}
	colAmber = pdfstyle.Color{R: 230, G: 160, B: 20}
	colRed   = pdfstyle.Color{R: 190, G: 40, B: 40}
)

func ragColor(s tracking.RAG) pdfstyle.Color {
	switch s {
	case tracking.Red:
		return colRed
	case tracking.Amber:
		return colAmber
	}
	return colGreen
}

// ragWord says a status with a capital: "Amber".
func ragWord(s tracking.RAG) string {
	w := s.Words()
	return strings.ToUpper(w[:1]) + w[1:]
}

func (d *doc) setFont(style string, size float64) { d.ts.SetFont(style, size) }
func (d *doc) setColor(c pdfstyle.Color)          { d.pdf.SetTextColor(c.R, c.G, c.B) }
func (d *doc) fill(c pdfstyle.Color)              { d.pdf.SetFillColor(c.R, c.G, c.B) }
func (d *doc) draw(c pdfstyle.Color)              { d.pdf.SetDrawColor(c.R, c.G, c.B) }

func (d *doc) contentW() float64 { return d.w - 2*pdfstyle.MarginX }
func (d *doc) bottom() float64   { return d.h - pdfstyle.MarginBottom }

// newPage starts a page.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.y = pdfstyle.MarginTop
}

// room reports whether h more millimetres fit on the page.
func (d *doc) room(h float64) bool { return d.y+h <= d.bottom()+0.01 }

// ensure starts a new page unless h more millimetres fit on this one.
func (d *doc) ensure(h float64) {
	if !d.room(h) {
		d.newPage()
	}
}

// textAt writes one line of text in a box at (x, y), w wide, aligned "L",
// "R" or "C", and records it when it leaves its box or the margins.
func (d *doc) textAt(x, y, w float64, s, align string) {
	size := d.ts.Size()
	s = pdftext.Clean(s)
	if strings.TrimSpace(s) != "" && !d.finishing {
		if tw := d.ts.Width(s); tw > w+0.05 {
			d.problems = append(d.problems, fmt.Sprintf("page %d: %q is %.1f mm wide in a box of %.1f mm", d.pdf.PageNo(), s, tw, w))
		}
		if x < pdfstyle.MarginX-0.01 || x+w > d.w-pdfstyle.MarginX+0.01 || y < pdfstyle.MarginTop-0.01 || y+pdfstyle.LineHeight(size) > d.bottom()+0.01 {
			d.problems = append(d.problems, fmt.Sprintf("page %d: %q at x %.1f to %.1f, y %.1f leaves the margins", d.pdf.PageNo(), s, x, x+w, y))
		}
	}
	d.ts.Draw(x, y, w, pdfstyle.LineHeight(size), s, align)
}

// lines writes wrapped text at (x, y), w wide, at most maxLines lines (0:
// all), and returns the height it took.
func (d *doc) lines(x, y, w float64, s, style string, size float64, c pdfstyle.Color, maxLines int) float64 {
	d.setFont(style, size)
	var ls []string
	if maxLines > 0 {
		ls = d.ts.Clamp(s, w, maxLines)
	} else {
		ls = d.ts.Wrap(s, w)
	}
	d.setColor(c)
	lh := pdfstyle.LineHeight(size)
	for i, l := range ls {
		d.textAt(x, y+float64(i)*lh, w, l, "L")
	}
	return float64(len(ls)) * lh
}

// linesHeight is the height lines would take.
func (d *doc) linesHeight(w float64, s, style string, size float64, maxLines int) float64 {
	d.setFont(style, size)
	n := len(d.ts.Wrap(s, w))
	if maxLines > 0 {
		n = min(n, maxLines)
	}
	return float64(n) * pdfstyle.LineHeight(size)
}

// heading writes a heading of the detail, kept with keep millimetres of
// what follows it.
func (d *doc) heading(s string, keep float64) {
	if d.y > pdfstyle.MarginTop+0.01 {
		d.y += 3
	}
	d.ensure(7 + keep)
	d.setFont("B", 11)
	d.setColor(pdfstyle.Accent)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), s, "L")
	d.y += pdfstyle.LineHeight(11) + 1.5
}

// label writes a small bold heading of page one at (x, y), w wide, with a
// rule under it, and returns the height it took.
func (d *doc) label(x, y, w float64, s string) float64 {
	d.setFont("B", 8.5)
	d.setColor(pdfstyle.Accent)
	d.textAt(x, y, w, s, "L")
	d.draw(pdfstyle.Rule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(x, y+pdfstyle.LineHeight(8.5)+0.3, x+w, y+pdfstyle.LineHeight(8.5)+0.3)
	return pdfstyle.LineHeight(8.5) + 1.5
}

// para writes a paragraph of the detail across the page, breaking pages
// between its lines.
func (d *doc) para(s, style string, size float64, c pdfstyle.Color) {
	d.setFont(style, size)
	lh := pdfstyle.LineHeight(size)
	for _, l := range d.ts.Wrap(s, d.contentW()) {
		d.ensure(lh)
		d.setFont(style, size)
		d.setColor(c)
		d.textAt(pdfstyle.MarginX, d.y, d.contentW(), l, "L")
		d.y += lh
	}
	d.y += 1.6
}

// bullets writes a list across the page, each item with a hanging indent.
func (d *doc) bullets(items []string, size float64) {
	lh := pdfstyle.LineHeight(size)
	for _, it := range items {
		d.setFont("", size)
		ls := d.ts.Wrap(it, d.contentW()-4)
		d.ensure(lh * float64(min(len(ls), 2)))
		for i, l := range ls {
			d.ensure(lh)
			d.setFont("", size)
			if i == 0 {
				d.setColor(pdfstyle.Accent)
				d.textAt(pdfstyle.MarginX, d.y, 4, "•", "L")
			}
			d.setColor(pdfstyle.Ink)
			d.textAt(pdfstyle.MarginX+4, d.y, d.contentW()-4, l, "L")
			d.y += lh
		}
		d.y += 0.8
	}
	d.y += 1
}

// column is one column of a table: its heading, its share of the width
// and its alignment.
type column struct {
	head  string
	share float64
	align string
}

// table writes a table across the page: a header row, then rows whose
// cells wrap, breaking pages between rows with the header repeated. A row
// whose first cell starts with "Total" is bold.
func (d *doc) table(cols []column, rows [][]string) {
	const size, pad = 7.5, 1.2
	var total float64
	for _, c := range cols {
		total += c.share
	}
	ws := make([]float64, len(cols))
	for i, c := range cols {
		ws[i] = d.contentW() * c.share / total
	}
	lh := pdfstyle.LineHeight(size)
	// wrapRow wraps a row's texts in their columns in the current font,
	// and returns the lines of each cell and the row's height.
	wrapRow := func(texts []string) ([][]string, float64) {
		cells := make([][]string, len(cols))
		n := 1
		for i := range cols {
			if i < len(texts) {
				cells[i] = d.ts.Wrap(texts[i], ws[i]-2)
			}
			n = max(n, len(cells[i]))
		}
		return cells, float64(n)*lh + 2*pad
	}
	drawRow := func(cells [][]string) {
		x := pdfstyle.MarginX
		for i, c := range cols {
			for j, l := range cells[i] {
				d.textAt(x+1, d.y+pad+float64(j)*lh, ws[i]-2, l, c.align)
			}
			x += ws[i]
		}
	}
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	header := func() {
		d.setFont("B", size)
		cells, h := wrapRow(heads)
		d.fill(pdfstyle.Accent)
		d.pdf.Rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
		d.setColor(pdfstyle.White)
		drawRow(cells)
		d.y += h
	}
	d.ensure(3 * lh * 2)
	header()
	for ri, r := range rows {
		style := ""
		if len(r) > 0 && strings.HasPrefix(r[0], "Total") {
			style = "B"
		}
		d.setFont(style, size)
		cells, h := wrapRow(r)
		if !d.room(h) {
			d.newPage()
			header()
			d.setFont(style, size)
		}
		if ri%2 == 1 {
			d.fill(pdfstyle.Zebra)
			d.pdf.Rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
		}
		d.setColor(pdfstyle.Ink)
		drawRow(cells)
		d.y += h
	}
	d.draw(pdfstyle.Rule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(pdfstyle.MarginX, d.y, pdfstyle.MarginX+d.contentW(), d.y)
	d.y += 3
}

// shortDate writes a date as the brief's tables do: "2 Jan 2006".
func shortDate(dt casebuilder.Date) string {
	if dt.IsZero() {
		return "–"
	}
	return dt.Time().Format("2 Jan 2006")
}

// longDate writes a date for people: "15 December 2026".
func longDate(dt casebuilder.Date) string { return dt.Time().Format("2 January 2006") }
