package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"iter"
	"path"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// sheetXML returns the XML of a worksheet, found by its name through the
// workbook and its relationships, as a spreadsheet finds it.
func sheetXML(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(p string) []byte {
		for _, zf := range zr.File {
			if zf.Name == p {
				rc, err := zf.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
		}
		t.Fatalf("no part %s", p)
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(part("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(part("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		t.Fatal(err)
	}
	for _, s := range wb.Sheets {
		if s.Name != name {
			continue
		}
		for _, r := range rels.Rel {
			if r.ID == s.ID {
				return part(path.Join("xl", strings.TrimPrefix(r.Target, "/xl/")))
			}
		}
	}
	t.Fatalf("no sheet %s", name)
	return nil
}

// colBreaks returns the columns (1-based) before which a worksheet's
// printed pages break.
func colBreaks(t *testing.T, sheet []byte) []int {
	t.Helper()
	var ws struct {
		Breaks []struct {
			ID  int  `xml:"id,attr"`
			Man bool `xml:"man,attr"`
		} `xml:"colBreaks>brk"`
	}
	if err := xml.Unmarshal(sheet, &ws); err != nil {
		t.Fatal(err)
	}
	var cols []int
	for _, b := range ws.Breaks {
		// A break's id is the zero-based column at whose left it falls.
		cols = append(cols, b.ID+1)
	}
	return cols
}

func printTitles(f *excelize.File, sheet string) string {
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
			return d.RefersTo
		}
	}
	return ""
}

// Printed, every sheet is landscape, one page wide, with its headings
// repeated on every page; but a Pain attribution sheet with more benefit
// lines than a page holds at a size that reads prints several pages wide,
// each page a whole number of lines beside the steps' labels, rather than
// one page wide at a few per cent of full size (the stress sample's has
// 132 lines: fitted to one page wide, LibreOffice printed it at about 6 %).
func TestPrintSetup(t *testing.T) {
	eachSample(t, func(t *testing.T, name string, c *casebuilder.Case, data []byte, f *excelize.File) {
		b := newBook(c, testOpts)
		b.plan()
		lines := len(b.attr.lines)
		widths := attributionWidths(lines)
		printedWide := false
		for _, sheet := range f.GetSheetList() {
			layout, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if layout.Orientation == nil || *layout.Orientation != "landscape" {
				t.Errorf("%s is not landscape", sheet)
			}
			if sheet != sheetSummary && printTitles(f, sheet) == "" {
				t.Errorf("%s repeats no titles on its printed pages", sheet)
			}
			breaks := colBreaks(t, sheetXML(t, data, sheet))
			wide := sheet == sheetAttribution && b.widthOf(widths, 1, attrFirstCol+2*lines-1) > maxFitChars
			if !wide {
				if props.FitToPage == nil || !*props.FitToPage || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
					layout.FitToHeight == nil || *layout.FitToHeight != 0 {
					t.Errorf("%s does not print one page wide", sheet)
				}
				if len(breaks) > 0 {
					t.Errorf("%s breaks its printed pages at columns %v", sheet, breaks)
				}
				continue
			}
			printedWide = true
			if props.FitToPage != nil && *props.FitToPage || layout.AdjustTo == nil || *layout.AdjustTo != printScale {
				t.Errorf("%s, %d lines wide, is fitted to the page rather than printed at %d %%", sheet, lines, printScale)
			}
			if got, want := printTitles(f, sheet), "'Pain attribution'!$A:$C,'Pain attribution'!$1:$9"; got != want {
				t.Errorf("%s repeats %q, want %q", sheet, got, want)
			}
			// Every page holds whole lines (two columns each) and fits
			// beside the repeated columns.
			first, pages := attrFirstCol, 0
			for _, brk := range append(breaks, attrFirstCol+2*lines) {
				if (brk-attrFirstCol)%2 != 0 || brk <= first {
					t.Fatalf("%s breaks at column %s, inside a line or out of order (breaks %v)", sheet, colName(brk), breaks)
				}
				if w := b.widthOf(widths, 1, attrBaseCol) + attrColWidth*float64(brk-first); w > pageChars {
					t.Errorf("%s's page of columns %s to %s is %g characters wide, more than a page's %d",
						sheet, colName(first), colName(brk-1), w, pageChars)
				}
				first = brk
				pages++
			}
			if perPage := (lines + pages - 1) / pages; pages < 2 || perPage < 2 {
				t.Errorf("%s prints %d lines on %d pages", sheet, lines, pages)
			}
		}
		if name == "stress" && !printedWide {
			t.Errorf("the stress sample's Pain attribution (%d lines) prints one page wide", lines)
		}
	})
}

// TestPaperSize checks that every sheet prints on the paper asked for, as
// the brief does: paperSize 9 (A4) or 1 (Letter) in each sheet's page
// setup, the codes of ECMA-376 (part 1, 18.3.1.63), and none when none is
// asked, for the spreadsheet to choose.
func TestPaperSize(t *testing.T) {
	c := sample(t, "turnover")
	for paper, want := range map[string]string{casebuilder.PaperA4: `paperSize="9"`, casebuilder.PaperLetter: `paperSize="1"`, "": ""} {
		opts := testOpts
		opts.Paper = paper
		data, err := Write(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range open(t, data).GetSheetList() {
			x := string(sheetXML(t, data, sheet))
			if got := strings.Contains(x, "paperSize="); got != (want != "") || want != "" && !strings.Contains(x, want) {
				t.Errorf("paper %q: %s's page setup has paperSize %v, want %q", paper, sheet, got, want)
			}
		}
	}
}

// Wrapped text is not cut off: every row is at least as tall as its
// wrapped cells need in their columns' width, merged or not (spreadsheets
// fit no row to its text by themselves once its height is set, and never
// a merged cell's).
func TestWrappedTextFits(t *testing.T) {
	eachSample(t, func(t *testing.T, _ string, _ *casebuilder.Case, _ []byte, f *excelize.File) {
		for c := range textCells(t, f) {
			if c.style.Alignment == nil || !c.style.Alignment.WrapText {
				continue
			}
			h, _ := f.GetRowHeight(c.sheet, c.row)
			if need := rowHeight(c.text, c.width); need > 16 && h < need-0.5 {
				t.Errorf("%s!%s: %q needs a row %.0f points tall in a width of %g, the row is %.0f", c.sheet, c.axis, trim(c.text), need, c.width, h)
			}
		}
	})
}

// TestNoTextIsCutByItsNeighbour: a text that does not wrap runs on into
// the cells to its right only while they are empty (as spreadsheets show
// it); one longer than its column, beside a cell that holds something, is
// cut off at the column's edge. Such a cell must wrap, in a row tall
// enough (TestWrappedTextFits), or its column be wide enough.
func TestNoTextIsCutByItsNeighbour(t *testing.T) {
	for _, name := range append(sampleNames, "tracked") {
		t.Run(name, func(t *testing.T) {
			f := open(t, write(t, sample(t, name)))
			for c := range textCells(t, f) {
				if c.next == "" || isNumber(c.raw) {
					continue // it may run on; a figure shows ### when too wide, never cut
				}
				if a := c.style.Alignment; a != nil && (a.WrapText || a.TextRotation != 0 || a.ShrinkToFit) {
					continue
				}
				if n := float64(utf8.RuneCountInString(c.text)); n > c.width*charsPerWidth {
					t.Errorf("%s!%s: %q (%d characters) is cut at a column %g wide, beside %q", c.sheet, c.axis, trim(c.text), int(n), c.width, trim(c.next))
				}
			}
		})
	}
}

// textCell is a cell of a workbook that shows something, as textCells
// finds it.
type textCell struct {
	sheet, axis string
	row         int
	text, raw   string // as shown, and its raw value
	next        string // what the cell to its right shows
	// width is the cell's, in characters: its column's, or a merge's
	// across columns.
	width float64
	style *excelize.Style
}

// textCells returns every cell of f that shows something, but those a
// merge covers after its first.
func textCells(t *testing.T, f *excelize.File) iter.Seq[textCell] {
	return func(yield func(textCell) bool) {
		for _, sheet := range f.GetSheetList() {
			merged, covered := rowMerges(t, f, sheet)
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range rows {
				for j, v := range r {
					axis := ref(j+1, i+1)
					if v == "" || covered[axis] {
						continue
					}
					c := textCell{sheet: sheet, axis: axis, row: i + 1, text: v}
					if j+1 < len(r) {
						c.next = r[j+1]
					}
					c.raw, _ = f.GetCellValue(sheet, axis, excelize.Options{RawCellValue: true})
					var ok bool
					if c.width, ok = merged[axis]; !ok {
						c.width, _ = f.GetColWidth(sheet, colName(j+1))
					}
					id, _ := f.GetCellStyle(sheet, axis)
					if c.style, err = f.GetStyle(id); err != nil {
						t.Fatalf("%s!%s: %v", sheet, axis, err)
					}
					if !yield(c) {
						return
					}
				}
			}
		}
	}
}

func trim(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// TestWrappedLines counts lines as LibreOffice Calc wraps them, worked by
// hand: the Risks sheet's header of a narrow column (10.8 characters)
// reads "Revised / compensati / on plan / with a / retention / award".
func TestWrappedLines(t *testing.T) {
	for _, tt := range []struct {
		para  string
		room  float64
		lines int
	}{
		{"Revised compensation plan with a retention award", 10.8, 6},
		{"", 10, 1},
		{"one two three", 13, 1},                        // exactly full
		{"one two three", 12.9, 2},                      // "three" moves down
		{strings.Repeat("a", 25), 10, 3},                // a word broken twice
		{"ab " + strings.Repeat("a", 25) + " b", 10, 4}, // ab / aaaaaaaaaa / aaaaaaaaaa / aaaaa b
		{"plan.milestones[2].resources[0].secured", 36, 2},
		{strings.Repeat("a", 21), 10.8, 3}, // ten whole characters a line
		{strings.Repeat("a", 32), 10.8, 4},
		{"abcdefg 12\u00a0345 abcd", 10, 3}, // abcdefg / 12 345 / abcd: no break inside a figure
	} {
		if got := wrappedLines(tt.para, tt.room); got != tt.lines {
			t.Errorf("wrappedLines(%q, %g) = %d, want %d", tt.para, tt.room, got, tt.lines)
		}
	}
}

// isNumber reports whether a cell's raw value is a number.
func isNumber(raw string) bool {
	_, err := strconv.ParseFloat(raw, 64)
	return err == nil
}

// rowMerges returns the merged cells of sheet that lie in one row: the
// width of each, in characters, by its first cell, and the cells it covers
// after the first. (A merge over several rows takes their heights
// together, which neither test measures.)
func rowMerges(t *testing.T, f *excelize.File, sheet string) (width map[string]float64, covered map[string]bool) {
	t.Helper()
	mcs, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	width, covered = map[string]float64{}, map[string]bool{}
	for _, mc := range mcs {
		c1, r1, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if r2 > r1 {
			continue
		}
		var w float64
		for c := c1; c <= c2; c++ {
			cw, _ := f.GetColWidth(sheet, colName(c))
			w += cw
		}
		width[mc.GetStartAxis()] = w
		for c := c1 + 1; c <= c2; c++ {
			covered[ref(c, r1)] = true
		}
	}
	return width, covered
}

// TestATextTooLongForACellIsMarkedCut: a cell holds 32,767 UTF-16 units,
// and a case's text may hold 20,000 characters, which outside the Basic
// Multilingual Plane (emoji) take two units each. Such a text is cut where
// it stops fitting and says so, instead of being cut without a word; a
// text of 20,000 Thai characters (one unit each) is kept whole.
func TestATextTooLongForACellIsMarkedCut(t *testing.T) {
	c := sample(t, "turnover")
	rockets, thai := strings.Repeat("🚀", casebuilder.MaxText), strings.Repeat("ก", casebuilder.MaxText)
	c.Risks[0].Contingency, c.Risks[1].Contingency = rockets, thai
	f := open(t, write(t, c))
	var sawRockets, sawThai bool
	for cell := range textCells(t, f) {
		switch {
		case strings.HasPrefix(cell.text, "🚀"):
			sawRockets = true
			// 32,767 units less the note's, two units a rocket.
			kept := (32767 - len(utf16.Encode([]rune(cutText)))) / 2
			if want := strings.Repeat("🚀", kept) + cutText; cell.text != want {
				r := []rune(cell.text)
				t.Errorf("%s!%s holds %d units, ending %q; want %d rockets and the note", cell.sheet, cell.axis,
					len(utf16.Encode(r)), string(r[max(0, len(r)-40):]), kept)
			}
		case strings.HasPrefix(cell.text, "กก"):
			sawThai = true
			if cell.text != thai {
				t.Errorf("%s!%s: 20,000 Thai characters kept as %d", cell.sheet, cell.axis, len([]rune(cell.text)))
			}
		}
	}
	if !sawRockets || !sawThai {
		t.Errorf("the long texts are not in the workbook (rockets %v, Thai %v)", sawRockets, sawThai)
	}
}
