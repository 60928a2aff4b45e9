package brief

import (
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
)

// col is a column of a table.
type col struct {
	head string
	// w is the column's share of the table's width, relative to the others.
	w     float64
	align string // "L", "R" or "C"
	// headDraw, when set, draws the column's header itself in the box
	// given, which is at least headH high (the Gantt chart's time axis).
	headDraw func(x, y, w, h float64)
	headH    float64
}

// cell is the content of one cell: its text, and an optional smaller line
// below it (a note, an owner, a range).
type cell struct {
	s     string
	style string // "", "B" or "I"
	sub   string
	// muted sets the main text in grey.
	muted bool
	// draw, when set, draws in the cell's box (a Gantt bar).
	draw func(x, y, w, h float64)
}

type rowKind int

const (
	rowNormal rowKind = iota
	// rowHighlight marks the recommended alternative.
	rowHighlight
	// rowTotal is a total, ruled off above.
	rowTotal
	// rowGroup is a heading across the whole table.
	rowGroup
)

type row struct {
	cells []cell
	kind  rowKind
}

// table is a table to set: it breaks across pages between rows (or inside
// a row taller than a page), repeating its header under a "continued"
// line naming it.
type table struct {
	caption string
	cols    []col
	rows    []row
	size    float64 // points; 7.5 when zero
	// headSize is the header's type size, smaller than size when a word
	// of a header would not fit its column.
	headSize float64
	// note is small print under the table, kept on the page of its last
	// rows: alone at the top of a page it would explain nothing.
	note string
	// tight sets the rows closer together, for the appendix's reference
	// tables.
	tight bool
}

// padY is the space above and below the text of a row.
func (t *table) padY() float64 {
	if t.tight {
		return cellPadYTight
	}
	return cellPadY
}

// maxHeadLines bounds a column header, which is repeated on every page.
const maxHeadLines = 5

const (
	cellPadX = 1.5
	cellPadY = 1.1
	// cellPadYTight is the padding of a tight table.
	cellPadYTight = 0.45
)

// line is one laid-out line of a cell.
type line struct {
	s     string
	style string
	size  float64
	color pdfstyle.Color
}

// laidRow is a row broken into lines, cell by cell.
type laidRow struct {
	kind  rowKind
	padY  float64 // the table's padY
	cells [][]line
	draws []func(x, y, w, h float64)
	zebra bool
}

func (t *table) fontSize() float64 {
	if t.size == 0 {
		return 7.5
	}
	return t.size
}

func (r *laidRow) height() float64 {
	h := 0.0
	for _, ls := range r.cells {
		h = max(h, linesHeight(ls))
	}
	return h + 2*r.padY
}

func linesHeight(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += pdfstyle.LineHeight(l.size)
	}
	return h
}

// split returns the lines of r that fit in height h, and the rest.
func (r *laidRow) split(h float64) (laidRow, laidRow) {
	head := laidRow{kind: r.kind, padY: r.padY, zebra: r.zebra, cells: make([][]line, len(r.cells)), draws: r.draws}
	tail := laidRow{kind: r.kind, padY: r.padY, zebra: r.zebra, cells: make([][]line, len(r.cells))}
	for i, ls := range r.cells {
		acc := 0.0
		n := 0
		for n < len(ls) && acc+pdfstyle.LineHeight(ls[n].size) <= h-2*r.padY {
			acc += pdfstyle.LineHeight(ls[n].size)
			n++
		}
		head.cells[i], tail.cells[i] = ls[:n], ls[n:]
	}
	return head, tail
}

// widths shares the content width among the columns by their shares.
// A column too narrow for the longest word of its header, even in the
// header's smallest type, takes what it lacks from the columns with room
// to spare, the most first: a header word is never broken, as
// "implementatio / n" would be, nor is a word of a column that gives.
func (d *doc) widths(t *table) []float64 {
	total := 0.0
	for _, c := range t.cols {
		total += c.w
	}
	ws := make([]float64, len(t.cols))
	for i, c := range t.cols {
		ws[i] = d.contentW() * c.w / total
	}
	need := make([]float64, len(t.cols))
	d.setFont("B", minHeadSize)
	for i, c := range t.cols {
		for _, word := range strings.Fields(c.head) {
			if len(word) < longWord {
				need[i] = max(need[i], d.width(word)+2*cellPadX+0.1)
			}
		}
	}
	short := false
	for i := range ws {
		short = short || need[i] > ws[i]
	}
	if !short {
		return ws
	}
	// What a column cannot give: its header's words, and the longest word
	// of its rows (a figure is one), which it would break or shrink.
	keep := make([]float64, len(t.cols))
	d.setFont("B", t.fontSize())
	for j, c := range t.cols {
		keep[j] = need[j]
		if c.align == "L" {
			keep[j] = max(keep[j], minColumn)
		}
		if c.headDraw != nil {
			keep[j] = ws[j] // a drawn header (the Gantt's axis) gives nothing
		}
		for _, r := range t.rows {
			if j < len(r.cells) && (r.kind != rowGroup || j == 0) {
				for _, word := range strings.Fields(r.cells[j].s + " " + r.cells[j].sub) {
					if len(word) < longWord {
						keep[j] = max(keep[j], d.width(word)+2*cellPadX+0.1)
					}
				}
			}
		}
	}
	for i := range ws {
		for lack := need[i] - ws[i]; lack > 0; {
			donor := -1
			for j := range ws {
				if j != i && ws[j]-keep[j] > 0 && (donor < 0 || ws[j]-keep[j] > ws[donor]-keep[donor]) {
					donor = j
				}
			}
			if donor < 0 {
				break // a word left too long for the table: it is cut
			}
			give := min(lack, ws[donor]-keep[donor])
			ws[donor] -= give
			ws[i] += give
			lack -= give
		}
	}
	return ws
}

// minHeadSize is the smallest type of a table's header, and longWord the
// length from which a header word is cut rather than fitted whole.
const (
	minHeadSize = 5.5
	longWord    = 40
	// minColumn is the narrowest a column of text is left when it gives
	// of its width.
	minColumn = 12.0
)

func (d *doc) layRow(t *table, r row, ws []float64, zebra bool) laidRow {
	size := t.fontSize()
	lr := laidRow{kind: r.kind, padY: t.padY(), zebra: zebra, cells: make([][]line, len(ws)), draws: make([]func(x, y, w, h float64), len(ws))}
	for i := range ws {
		if i >= len(r.cells) {
			break
		}
		c := r.cells[i]
		lr.draws[i] = c.draw
		w := ws[i] - 2*cellPadX
		if r.kind == rowGroup {
			if i > 0 {
				break
			}
			w = d.contentW() - 2*cellPadX
		}
		style := c.style
		if r.kind == rowTotal || r.kind == rowGroup {
			style = "B"
		}
		color := pdfstyle.Ink
		if c.muted {
			color = pdfstyle.Muted
		}
		// A figure is never broken across lines: its type gets smaller
		// instead, when its column is too narrow for it.
		fs := size
		if t.cols[i].align == "R" && !strings.ContainsAny(c.s, " \n") {
			d.setFont(style, fs)
			for fs > 5 && d.width(c.s) > w {
				fs -= 0.25
				d.setFont(style, fs)
			}
		}
		d.setFont(style, fs)
		var ls []line
		for _, s := range d.wrap(c.s, w) {
			ls = append(ls, line{s, style, fs, color})
		}
		if c.sub != "" {
			d.setFont("I", size-1)
			for _, s := range d.wrap(c.sub, w) {
				ls = append(ls, line{s, "I", size - 1, pdfstyle.Muted})
			}
		}
		lr.cells[i] = ls
	}
	return lr
}

func (d *doc) headerLines(t *table, ws []float64) ([][]string, float64) {
	// Header words are never cut: the header's type gets smaller instead.
	size := t.fontSize()
	for ; size > minHeadSize; size -= 0.5 {
		d.setFont("B", size)
		fits := true
		for i, c := range t.cols {
			for _, word := range strings.Fields(c.head) {
				// A word too long even for the smallest type is cut.
				if d.width(word) > ws[i]-2*cellPadX && len(word) < longWord {
					fits = false
				}
			}
		}
		if fits {
			break
		}
	}
	t.headSize = size
	d.setFont("B", size)
	out := make([][]string, len(ws))
	n := 1
	h := 0.0
	for i, c := range t.cols {
		out[i] = d.clamp(c.head, ws[i]-2*cellPadX, maxHeadLines)
		n = max(n, len(out[i]))
		h = max(h, c.headH)
	}
	return out, max(h, float64(n)*pdfstyle.LineHeight(size)+2*t.padY())
}

func (t *table) headFontSize() float64 {
	if t.headSize == 0 {
		return t.fontSize()
	}
	return t.headSize
}

func (d *doc) drawHeader(t *table, ws []float64, heads [][]string, h float64) {
	size := t.headFontSize()
	d.fill(pdfstyle.Accent)
	d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	d.setFont("B", size)
	d.setColor(pdfstyle.White)
	x := pdfstyle.MarginX
	for i, ls := range heads {
		if t.cols[i].headDraw != nil && !d.dry {
			t.cols[i].headDraw(x, d.y, ws[i], h)
			d.setFont("B", size)
			d.setColor(pdfstyle.White)
		}
		y := d.y + t.padY()
		for _, l := range ls {
			d.textAt(x+cellPadX, y, ws[i]-2*cellPadX, l, t.cols[i].align)
			y += pdfstyle.LineHeight(size)
		}
		x += ws[i]
	}
	d.y += h
}

// continued writes the line above a table's header on a new page.
func (d *doc) continued(t *table) {
	if t.caption != "" {
		d.captionLine(t.caption + " (continued)")
	}
}

// captionLine names a table above its header.
func (d *doc) captionLine(s string) {
	if s == "" {
		return
	}
	d.setFont("I", 7.5)
	d.setColor(pdfstyle.Muted)
	d.textAt(pdfstyle.MarginX, d.y, d.contentW(), d.fit(s, d.contentW()), "L")
	d.y += pdfstyle.LineHeight(7.5) + 1
}

const continuedH = 4.5

func (d *doc) drawRow(t *table, ws []float64, r laidRow) {
	pdf := d.pdf
	h := r.height()
	switch {
	case r.kind == rowGroup:
		d.fill(pdfstyle.Panel)
		d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	case r.kind == rowHighlight:
		d.fill(pdfstyle.Panel)
		d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	case r.zebra:
		d.fill(pdfstyle.Zebra)
		d.rect(pdfstyle.MarginX, d.y, d.contentW(), h, "F")
	}
	if r.kind == rowTotal {
		d.draw(pdfstyle.Ink)
		pdf.SetLineWidth(0.35)
		d.line(pdfstyle.MarginX, d.y, pdfstyle.MarginX+d.contentW(), d.y)
	}
	if r.kind == rowHighlight {
		// A bar in the margin marks the row without relying on colour.
		d.fill(pdfstyle.Accent)
		d.rect(pdfstyle.MarginX-1.6, d.y, 1, h, "F")
	}
	x := pdfstyle.MarginX
	for i, ls := range r.cells {
		y := d.y + r.padY
		w := ws[i]
		if r.kind == rowGroup {
			w = d.contentW()
		}
		if i < len(r.draws) && r.draws[i] != nil && !d.dry {
			r.draws[i](x, d.y, w, h)
		}
		align := t.cols[i].align
		if r.kind == rowGroup {
			align = "L"
		}
		for _, l := range ls {
			d.setFont(l.style, l.size)
			d.setColor(l.color)
			d.textAt(x+cellPadX, y, w-2*cellPadX, l.s, align)
			y += pdfstyle.LineHeight(l.size)
		}
		x += ws[i]
	}
	d.y += h
	d.draw(pdfstyle.Rule)
	pdf.SetLineWidth(0.1)
	d.line(pdfstyle.MarginX, d.y, pdfstyle.MarginX+d.contentW(), d.y)
}

// tableStart is the height of a table's header and first two rows, which
// stay together on a page (no more than a third of a page), or of the
// whole table when it is short enough to keep whole (see wholeTable).
func (d *doc) tableStart(t *table) float64 {
	ws := d.widths(t)
	_, h := d.headerLines(t, ws)
	if whole, ok := d.wholeTable(t, ws, h); ok {
		return whole
	}
	rows := 0.0
	for i := 0; i < min(2, len(t.rows)); i++ {
		lr := d.layRow(t, t.rows[i], ws, false)
		rows += lr.height()
	}
	return h + min(rows, (d.bottom()-pdfstyle.MarginTop)/3)
}

// wholeTable returns the height of a table with header headH, and whether
// it is short enough (a third of a page at most, a sixth for a tight one)
// never to be split: a table of a few rows reads badly broken in two.
func (d *doc) wholeTable(t *table, ws []float64, headH float64) (float64, bool) {
	limit := (d.bottom() - pdfstyle.MarginTop) / 3
	if t.tight {
		// A reference table may break sooner: the appendix runs on.
		limit = (d.bottom() - pdfstyle.MarginTop) / 6
	}
	h := headH
	for _, r := range t.rows {
		lr := d.layRow(t, r, ws, false)
		if h += lr.height(); h > limit {
			return 0, false
		}
	}
	return h, true
}

// table sets a table at the current position.
func (d *doc) table(t *table) {
	ws := d.widths(t)
	heads, headH := d.headerLines(t, ws)
	capacity := d.bottom() - pdfstyle.MarginTop - continuedH - headH
	// tail is what must follow the last row on its page: the note and the
	// space above it.
	tail := 0.0
	if t.note != "" {
		tail = tableGap + d.noteHeight(t.note)
	}
	group := -1 // the group heading the current row falls under
	newPage := func(i int) {
		d.newPage(d.landscape)
		d.continued(t)
		d.drawHeader(t, ws, heads, headH)
		// The group heading is repeated under the header.
		if group >= 0 && group != i {
			g := t.rows[group]
			g.cells = []cell{{s: g.cells[0].s + " (continued)"}}
			d.drawRow(t, ws, d.layRow(t, g, ws, false))
		}
	}
	zebra := false
	for i, r := range t.rows {
		if r.kind == rowGroup {
			group = i
		}
		if r.kind == rowNormal || r.kind == rowHighlight {
			zebra = !zebra
		}
		lr := d.layRow(t, r, ws, zebra && r.kind == rowNormal)
		h := lr.height()
		if i == 0 {
			// The header never stands alone: it goes with the first two
			// rows, or with as much of them as a third of a page holds.
			first := h
			if len(t.rows) > 1 {
				next := d.layRow(t, t.rows[1], ws, false)
				first += next.height()
			}
			first = headH + min(first, capacity/3)
			if whole, ok := d.wholeTable(t, ws, headH); ok {
				first = whole + tail
			}
			d.block(first)
			if d.atTop() {
				// No heading introduces the table on this page: its
				// caption does.
				d.captionLine(t.caption)
			}
			d.drawHeader(t, ws, heads, headH)
		}
		// A group heading keeps its first row with it.
		if r.kind == rowGroup && i+1 < len(t.rows) {
			next := d.layRow(t, t.rows[i+1], ws, false)
			if !d.room(h+min(next.height(), capacity/3)) && i > 0 {
				newPage(i)
			}
		}
		// Nor do the last rows go alone to a new page, with the note under
		// them, as a sliver of the table: rows before them go along, so
		// that the next page holds at least tailMin of it.
		if i > 1 && i >= len(t.rows)-tailRows && d.room(h) && d.slimTail(t, ws, i, tail, headH) {
			newPage(i)
		}
		// When the table is too short for that, the last row goes with
		// its note.
		if i > 0 && i == len(t.rows)-1 && d.room(h) && !d.room(h+tail) && h+tail < capacity/3 {
			newPage(i)
		}
		for tries := 0; !d.room(h) && tries < 1000; tries++ {
			avail := d.bottom() - d.y
			// A row taller than what is left is split when it is tall and
			// the space left is worth using; otherwise it moves on whole.
			if h > capacity || (h > capacity/3 && avail > capacity/4) {
				head, tail := lr.split(avail)
				if head.height() > 2*head.padY+0.01 {
					d.drawRow(t, ws, head)
					lr = tail
					h = lr.height()
				}
			}
			newPage(i)
		}
		d.drawRow(t, ws, lr)
	}
	d.y += tableGap
	if t.note != "" {
		d.note(t.note)
	}
}

// tailMin is the least of a table's end that a new page gets, header and
// note included, when its last rows go over; tailRows is how many rows
// from its end a table looks at to see that they do.
const (
	tailMin  = 32.0
	tailRows = 6
)

// slimTail reports whether, with rows i onwards placed on this page as
// far as they fit, those left for the next page (with the table's note,
// tail high, and its header, headH) would fill less than tailMin there;
// and whether row i is the last from which they would not, while all of
// them together would not fill a third of a page: then they are better
// moved together from row i.
func (d *doc) slimTail(t *table, ws []float64, i int, tail, headH float64) bool {
	hs := make([]float64, 0, len(t.rows)-i)
	rest := tail
	for _, r := range t.rows[i:] {
		lr := d.layRow(t, r, ws, false)
		hs = append(hs, lr.height())
		rest += lr.height()
	}
	head := continuedH + headH
	if d.room(rest) || head+rest >= (d.bottom()-pdfstyle.MarginTop)/3 || head+rest < tailMin || head+rest-hs[0] >= tailMin {
		return false
	}
	room, next := d.bottom()-d.y, tail
	for k, h := range hs {
		if room >= h {
			room -= h
			continue
		}
		for _, h := range hs[k:] {
			next += h
		}
		break
	}
	return continuedH+headH+next < tailMin
}

// tableGap is the space under a table.
const tableGap = 4.0
