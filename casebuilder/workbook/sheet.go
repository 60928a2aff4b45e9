package workbook

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// sheetSetup is how a sheet looks on screen and on paper.
type sheetSetup struct {
	// widths are the columns' widths from A, in characters.
	widths []float64
	// freezeCol and freezeRow are the first column and row that scroll
	// (1 for none).
	freezeCol, freezeRow int
	// titleRows are the rows repeated at the top of every printed page,
	// from row titleFrom (row 1 when 0) to row titleRows.
	titleFrom, titleRows int
	// breaks are the first columns of the printed pages after the first,
	// for a sheet too wide to print one page wide at a scale that reads:
	// it prints at printScale, breaking there, with columns A to titleCols
	// repeated at the left of every page. Without breaks a sheet prints
	// one page wide.
	breaks    []int
	titleCols int
	// gridlines shows the grid on screen.
	gridlines bool
	// tab is the colour of the sheet's tab.
	tab string
}

// sheet writes one worksheet, row after row, through excelize's stream
// writer: it is fast, and it stores a formula with its cached result.
type sheet struct {
	b    *book
	name string
	sw   *excelize.StreamWriter
	// widths are the columns' widths, as sheetSetup has them.
	widths []float64
	// last is the last row written.
	last int
}

// open starts writing a sheet. Everything excelize stores in the sheet's
// properties and views must be set before its stream writer starts or
// before its first row, so open does it all.
func (b *book) open(name string, set sheetSetup) *sheet {
	s := &sheet{b: b, name: name, widths: set.widths}
	if b.err != nil {
		return s
	}
	fit := len(set.breaks) == 0
	props := &excelize.SheetPropsOptions{FitToPage: &fit}
	if set.tab != "" {
		// OOXML colours are ARGB: an opaque alpha first, which excelize
		// does not add to a tab's (Gnumeric refuses "C00000").
		argb := "FF" + set.tab
		props.TabColorRGB = &argb
	}
	b.fail(b.f.SetSheetProps(name, props))
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		b.fail(err)
		return s
	}
	s.sw = sw
	grid := set.gridlines
	b.fail(b.f.SetSheetView(name, 0, &excelize.ViewOptions{ShowGridLines: &grid}))
	if set.freezeCol > 1 || set.freezeRow > 1 {
		pane := "bottomRight"
		switch {
		case set.freezeCol <= 1:
			pane = "bottomLeft"
		case set.freezeRow <= 1:
			pane = "topRight"
		}
		top := ref(max(set.freezeCol, 1), max(set.freezeRow, 1))
		b.fail(sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: max(set.freezeCol-1, 0), YSplit: max(set.freezeRow-1, 0),
			TopLeftCell: top, ActivePane: pane, Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}}}))
	}
	// Runs of columns of the same width are set at once: excelize merges
	// column ranges on every call.
	for i := 0; i < len(set.widths); {
		j := i
		for j+1 < len(set.widths) && set.widths[j+1] == set.widths[i] {
			j++
		}
		b.fail(sw.SetColWidth(i+1, j+1, set.widths[i]))
		i = j + 1
	}
	landscape, one, anyHeight, scale := "landscape", 1, 0, uint(printScale)
	layout := &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &anyHeight}
	if !fit {
		layout = &excelize.PageLayoutOptions{Orientation: &landscape, AdjustTo: &scale}
		for _, c := range set.breaks {
			b.fail(sw.InsertPageBreak(ref(c, 1)))
		}
	}
	// The paper's code in SpreadsheetML (ECMA-376, part 1, 18.3.1.63): 1
	// is Letter, 9 is A4.
	switch b.opts.Paper {
	case casebuilder.PaperA4:
		layout.Size = &paperA4
	case casebuilder.PaperLetter:
		layout.Size = &paperLetter
	}
	b.fail(b.f.SetPageLayout(name, layout))
	side, edge, band := 0.4, 0.6, 0.3
	b.fail(b.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &band, Footer: &band}))
	b.fail(b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddFooter: "&L&8" + headerText(orUntitled(b.c.Title)) + "&C&8&A&R&8Page &P of &N",
	}))
	var titles []string
	if !fit && set.titleCols > 0 {
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", quoteSheet(name), colName(set.titleCols)))
	}
	if set.titleRows > 0 {
		titles = append(titles, fmt.Sprintf("%s!$%d:$%d", quoteSheet(name), max(set.titleFrom, 1), set.titleRows))
	}
	if len(titles) > 0 {
		b.fail(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: strings.Join(titles, ",")}))
	}
	return s
}

// A sheet too wide for one page prints at printScale per cent, where a
// landscape page, A4 or US letter, holds pageChars characters of column
// width in LibreOffice (about 100 at full size) and more in Excel. A sheet
// wider than maxFitChars would print one page wide at under half size.
const (
	printScale  = 60
	pageChars   = 160
	maxFitChars = 200
)

// headerText makes text safe in a page header or footer, where & starts a
// code, and short enough for Excel's 255 characters.
func headerText(s string) string {
	if utf8.RuneCountInString(s) > 90 {
		s = string([]rune(s)[:89]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// put writes a row: cells[0] goes in column A; nil cells stay empty. A
// height of 0 leaves the row's height to the application.
func (s *sheet) put(row int, cells []any, height float64) {
	if s.sw == nil || s.b.err != nil {
		return
	}
	if row <= s.last {
		s.b.fail(fmt.Errorf("sheet %s: row %d written after row %d", s.name, row, s.last))
		return
	}
	s.last = row
	cells, height = s.fit(cells, height)
	// No row takes a style of its own: Gnumeric would give it to each of
	// the row's 16,384 cells when it saves (a stress workbook of 2 MB
	// saved as 150 MB).
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: min(height, excelize.MaxRowHeight)})
	}
	s.b.fail(s.sw.SetRow(ref(1, row), cells, opts...))
}

// fit wraps each text of cells that its column is too narrow for and
// that the cell to its right would cut off, and returns the cells with
// the row's height raised to what the wrapped texts need. A text beside an
// empty cell runs on over it, as spreadsheets show it, and keeps its line;
// the caller's cells are left as they are (some are used again for the
// next row).
func (s *sheet) fit(cells []any, height float64) ([]any, float64) {
	copied := false
	for i := 0; i+1 < len(cells); i++ {
		c, ok := cells[i].(excelize.Cell)
		if !ok {
			continue
		}
		text, ok := c.Value.(string) // a text, or a formula's cached text
		if !ok || text == "" || empty(cells[i+1]) {
			continue
		}
		info, ok := s.b.styleInfo[c.StyleID]
		if !ok || info.fits {
			continue
		}
		w := s.width(i + 1)
		if float64(utf8.RuneCountInString(text)) <= w*charsPerWidth {
			continue
		}
		if !copied {
			cells, copied = slices.Clone(cells), true
		}
		info.key.wrap = true
		c.StyleID = s.b.styleOf(info.key)
		cells[i] = c
		height = max(height, rowHeight(text, w))
	}
	return cells, height
}

// empty reports whether a cell given to put shows nothing.
func empty(cell any) bool {
	switch c := cell.(type) {
	case nil:
		return true
	case excelize.Cell:
		return c.Formula == "" && (c.Value == nil || c.Value == "")
	case string:
		return c == ""
	}
	return false
}

// width returns the width of column col (from 1), in characters; a
// column the sheet sets no width for has excelize's default.
func (s *sheet) width(col int) float64 {
	if col <= len(s.widths) {
		return s.widths[col-1]
	}
	return defaultColWidth
}

// defaultColWidth is the width excelize gives a column of no width.
const defaultColWidth = 9.140625

// charsPerWidth is how many characters of the sheets' 10-point Calibri a
// column holds per unit of its width (a width counts the characters of
// the default 11-point font).
const charsPerWidth = 1.2

// merge merges a block of cells.
func (s *sheet) merge(c1, r1, c2, r2 int) {
	if s.sw != nil && (c2 > c1 || r2 > r1) {
		s.b.fail(s.sw.MergeCell(ref(c1, r1), ref(c2, r2)))
	}
}

// wide writes text in column A of row, merged across to column last: a
// note or a caution above a table, the row as tall as the text needs at
// the width of the columns it spans.
func (s *sheet) wide(row, last int, r role, text string) {
	s.put(row, []any{s.b.text(r, text)}, rowHeight(text, s.b.widthOf(s.widths, 1, last)))
	s.merge(1, row, last, row)
}

// close ends the sheet.
func (s *sheet) close() {
	if s.sw != nil {
		s.b.fail(s.sw.Flush())
	}
}

// validate restricts what an input cell accepts. A nil list allows a
// decimal between lo and hi; whole asks for a whole number.
func (s *sheet) validate(sqref string, list []string, lo, hi float64, whole bool, msg string) {
	if s.sw == nil || sqref == "" {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if list != nil {
		s.b.fail(dv.SetDropList(list))
	} else {
		t := excelize.DataValidationTypeDecimal
		if whole {
			t = excelize.DataValidationTypeWhole
		}
		s.b.fail(dv.SetRange(lo, hi, t, excelize.DataValidationOperatorBetween))
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Not a valid value", msg)
	s.b.fail(s.b.f.AddDataValidation(s.name, dv))
}

// Cells.

// text is a cell of text. Text is stored as a string, never as a formula,
// whatever it starts with.
func (b *book) text(r role, s string) any {
	if s == "" {
		return b.blank(r, nGeneral)
	}
	return excelize.Cell{StyleID: b.style(r, nGeneral), Value: cellText(s)}
}

// maxCellText is the most a spreadsheet cell holds, in UTF-16 code units
// (Excel's limit; excelize cuts a longer text without a word).
const maxCellText = 32767

// cutText ends a text cut to fit a cell.
const cutText = "… (cut: a cell holds at most 32,767 characters; the whole text is in the case file)"

// cellText returns s, or, when it is too long for a cell (20,000
// characters outside the Basic Multilingual Plane, such as emoji, take
// 40,000 units), as much of it as fits, marked as cut.
func cellText(s string) string {
	// A rune never takes more units than bytes.
	if len(s) <= maxCellText || utf16Len(s) <= maxCellText {
		return s
	}
	room, units := maxCellText-utf16Len(cutText), 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > room {
			return s[:i] + cutText
		}
	}
	return s
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// number is a cell holding a figure.
func (b *book) number(r role, n numFmt, v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b.blank(r, n)
	}
	return excelize.Cell{StyleID: b.style(r, n), Value: v}
}

// formula is a cell holding a formula and, as its cached result, the
// value Case Builder computes for it: a float64, a string or a bool.
func (b *book) formula(r role, n numFmt, f string, cached any) any {
	if v, ok := cached.(float64); ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
		cached = nil
	}
	return excelize.Cell{StyleID: b.style(r, n), Formula: f, Value: cached}
}

// maybe is a cached result that may be missing: "n/a", as the app shows it.
func maybe(v *float64) any {
	if v == nil {
		return na
	}
	return *v
}

const na = "n/a"

// blank is an empty cell with a style.
func (b *book) blank(r role, n numFmt) any {
	return excelize.Cell{StyleID: b.style(r, n)}
}

// References.

// colName returns the letters of a column: 1 is A, 27 is AA.
func colName(c int) string {
	var buf [4]byte
	i := len(buf)
	for c > 0 {
		c--
		i--
		buf[i] = byte('A' + c%26)
		c /= 26
	}
	return string(buf[i:])
}

// ref is a relative reference: B12.
func ref(c, r int) string { return colName(c) + strconv.Itoa(r) }

// abs is an absolute reference: $B$12.
func abs(c, r int) string { return "$" + colName(c) + "$" + strconv.Itoa(r) }

// quoteSheet quotes a sheet's name for a reference: 'Cash flows'.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// xref is an absolute reference to a cell of a sheet: 'Cash flows'!$B$12.
func xref(sheet string, c, r int) string { return quoteSheet(sheet) + "!" + abs(c, r) }

// xrange is an absolute reference to a block of a sheet.
func xrange(sheet string, c1, r1, c2, r2 int) string {
	return quoteSheet(sheet) + "!" + abs(c1, r1) + ":" + abs(c2, r2)
}

// rowHeight estimates the height of a row whose text wraps in a width of
// so many characters, since spreadsheets do not fit merged cells to their
// text.
func rowHeight(s string, width float64) float64 {
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines += wrappedLines(para, width*charsPerWidth)
	}
	return max(15, float64(lines)*13+3)
}

// wrappedLines counts the lines a paragraph takes when it wraps as
// spreadsheets wrap it: word by word at the spaces (not at a no-break
// space, which keeps a figure such as "1 234 €" whole), a word longer
// than a line broken where the line ends. A line holds room characters,
// of which only whole ones count.
func wrappedLines(para string, room float64) int {
	room = max(math.Floor(room), 1)
	lines, used := 1, 0.0 // used: the characters on the last line
	for _, word := range strings.FieldsFunc(para, func(r rune) bool { return r == ' ' }) {
		n := float64(utf8.RuneCountInString(word))
		switch {
		case used > 0 && used+1+n <= room:
			used += 1 + n
			continue
		case used > 0:
			lines++
		}
		// The word starts a line, and takes as many as it needs.
		extra := math.Max(0, math.Ceil(n/room)-1)
		lines += int(extra)
		used = n - extra*room
	}
	return lines
}

// serial is a date as a spreadsheet's day number.
func serial(d casebuilder.Date) float64 {
	return float64(d.Time().Unix()/86400 + 25569)
}

// textHeader is a header row of labels from column A, n cells wide.
func (b *book) textHeader(n int, labels ...string) []any {
	r := make([]any, n)
	for i := range r {
		r[i] = b.blank(rHeader, nGeneral)
	}
	for i, l := range labels {
		r[i] = b.text(rHeader, l)
	}
	return r
}

// widthOf adds the widths of columns c1 to c2.
func (b *book) widthOf(widths []float64, c1, c2 int) float64 {
	var w float64
	for c := c1; c <= c2 && c <= len(widths); c++ {
		w += widths[c-1]
	}
	return w
}

// paperA4 and paperLetter are the paper sizes' codes in SpreadsheetML.
var paperA4, paperLetter = 9, 1
