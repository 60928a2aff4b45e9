package workbook

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// role is what a cell is for, which decides how it looks. Inputs look like
// inputs in every finance team: blue figures on a pale yellow ground.
type role uint8

const (
	rPlain     role = iota // text or a figure with no emphasis
	rWrap                  // long text, wrapped and aligned to the top
	rBold                  // a label that matters
	rTitle                 // the title of a sheet
	rSubtitle              // the line under a title
	rSection               // the heading of a part of a sheet
	rHeader                // a table's header
	rInput                 // a figure or choice the reader may change
	rDefault               // a rule-of-thumb default: an input that holds a formula
	rCalc                  // a formula
	rTotal                 // a formula that totals: bold, ruled above
	rKey                   // a name used in formulas
	rNote                  // an explanation
	rHighlight             // the recommended alternative's row
	rBand                  // the heading row of a block (an alternative's cash flows)
	rHeaderUp              // a table's header, written upwards in a narrow column
	rBoldWrap              // a label that matters, wrapped
	rInputLeft             // an input aligned left, beside its label
	rCalcLeft              // a formula aligned left, beside its label
	rBandWrap              // a block's heading, wrapped
	rCaution               // a warning to the reader: figures stored, not recalculated
	rBlocking              // a blocking finding of the review
	rWarning               // a warning of the review
	rAdvice                // a piece of advice of the review
	rScore                 // a headline score, aligned left
)

// numFmt is how a figure reads.
type numFmt uint8

const (
	nGeneral    numFmt = iota
	nMoney             // whole units of the case's currency
	nMoneyCent         // with cents
	nPercent           // 12.5%
	nRatio             // 2.45
	nOneDec            // 1,234.5
	nInt               // 1,234
	nDate              // 2027-01-31
	nMonth             // Jan 2027
	nShortMonth        // Jan 27
	nYear              // 2027
	nOutOf100          // 85 / 100
)

type styleKey struct {
	role role
	num  numFmt
	// wrap wraps the text of a role that does not, for a text too long
	// for its column beside a cell that holds something (sheet.put).
	wrap bool
}

// styleInfo is what sheet.put needs to know of a style it is given.
type styleInfo struct {
	key styleKey
	// fits is set when the style wraps or turns its text, so that the
	// text needs no wrap of put's.
	fits bool
}

const (
	colourNavy      = "1F3864"
	colourInputFill = "FFF2CC"
	colourInputFont = "0000CC"
	colourGrey      = "595959"
	colourLightGrey = "BFBFBF"
	colourBand      = "D9E1F2"
	colourHighlight = "E2EFDA"
)

// style returns the style of a role and number format, creating it once.
func (b *book) style(r role, n numFmt) int { return b.styleOf(styleKey{role: r, num: n}) }

// styleOf returns the style of k, creating it once.
func (b *book) styleOf(k styleKey) int {
	r, n := k.role, k.num
	if id, ok := b.styles[k]; ok {
		return id
	}
	s := &excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10}, Alignment: &excelize.Alignment{Vertical: "top"}}
	if n != nGeneral {
		// Figures align right, and so does the "n/a" a formula may give.
		s.Alignment.Horizontal = "right"
	}
	thin := func(colour string) []excelize.Border {
		return []excelize.Border{{Type: "left", Color: colour, Style: 1}, {Type: "right", Color: colour, Style: 1},
			{Type: "top", Color: colour, Style: 1}, {Type: "bottom", Color: colour, Style: 1}}
	}
	switch r {
	case rWrap:
		s.Alignment.WrapText = true
	case rBold:
		s.Font.Bold = true
	case rBoldWrap:
		s.Font.Bold, s.Alignment.WrapText = true, true
	case rTitle:
		s.Font.Bold, s.Font.Size, s.Font.Color = true, 16, colourNavy
	case rSubtitle:
		s.Font.Color = colourGrey
	case rSection:
		s.Font.Bold, s.Font.Size, s.Font.Color = true, 12, colourNavy
		s.Border = []excelize.Border{{Type: "bottom", Color: colourNavy, Style: 1}}
	case rHeader:
		s.Font.Bold, s.Font.Color = true, "FFFFFF"
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourNavy}}
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case rHeaderUp:
		s.Font.Bold, s.Font.Color, s.Font.Size = true, "FFFFFF", 8
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourNavy}}
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "bottom", TextRotation: 90}
	case rInput, rDefault, rInputLeft:
		s.Font.Color = colourInputFont
		s.Font.Italic = r == rDefault
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourInputFill}}
		s.Border = thin(colourLightGrey)
		if r == rInputLeft {
			s.Alignment.Horizontal = "left"
		}
	case rCalc:
	case rCalcLeft:
		s.Alignment.Horizontal = "left"
	case rTotal:
		s.Font.Bold = true
		s.Border = []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	case rKey:
		s.Font.Color, s.Font.Family, s.Font.Size = "808080", "Consolas", 9
	case rNote:
		s.Font.Italic, s.Font.Color = true, colourGrey
		s.Alignment.WrapText = true
	case rHighlight:
		s.Font.Bold, s.Alignment.WrapText = true, true
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourHighlight}}
	case rCaution:
		s.Font.Bold, s.Font.Color, s.Alignment.WrapText = true, "833C0B", true
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}
		s.Border = []excelize.Border{{Type: "left", Color: "C55A11", Style: 5}}
	case rScore:
		s.Font.Bold, s.Font.Size, s.Font.Color = true, 14, colourNavy
		s.Alignment.Horizontal = "left"
	case rBlocking:
		s.Font.Bold, s.Font.Color = true, "FFFFFF"
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}}
	case rWarning:
		s.Font.Bold, s.Font.Color = true, "9C5700"
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}
	case rAdvice:
		s.Font.Color = colourNavy
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourBand}}
	case rBand, rBandWrap:
		s.Font.Bold, s.Font.Color = true, colourNavy
		s.Alignment.WrapText = r == rBandWrap
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourBand}}
	}
	if f := b.numFormat(n); f != "" {
		s.CustomNumFmt = &f
	}
	if k.wrap {
		s.Alignment.WrapText = true
	}
	id, err := b.f.NewStyle(s)
	b.fail(err)
	b.styles[k] = id
	b.styleInfo[id] = styleInfo{key: k, fits: s.Alignment.WrapText || s.Alignment.TextRotation != 0}
	return id
}

// numFormat returns the number format code of n in the case's currency.
func (b *book) numFormat(n numFmt) string {
	switch n {
	case nMoney:
		return b.money("#,##0")
	case nMoneyCent:
		return b.money("#,##0.00")
	case nPercent:
		return "0.0%"
	case nRatio:
		return "0.00"
	case nOneDec:
		return "#,##0.0"
	case nInt:
		return "#,##0"
	case nDate:
		return "yyyy-mm-dd"
	case nMonth:
		return "mmm yyyy"
	case nShortMonth:
		return "mmm yy"
	case nYear:
		return "yyyy"
	case nOutOf100:
		return `0" / 100"`
	}
	return ""
}

// money returns a currency format around a number format, with the symbol
// where the app writes it (figure.Format) and negatives in red.
func (b *book) money(number string) string {
	sym := `"` + strings.ReplaceAll(b.num.Symbol(), `"`, "") + `"`
	if b.num.SymbolAfter() {
		sym = `"` + "\u00a0" + sym[1:]
		return number + sym + ";[Red]-" + number + sym
	}
	return sym + number + ";[Red]-" + sym + number
}

// unitFormat returns the number format of a figure in a unit, and whether
// its value is a whole number for counts.
func unitFormat(u figure.Unit, v float64) numFmt {
	switch u {
	case figure.Money:
		return nMoney
	case figure.MoneyPerHour:
		return nMoneyCent
	case figure.Percent:
		return nPercent
	case figure.Months, figure.Hours:
		return nOneDec
	case figure.Days, figure.Weeks:
		if v == float64(int64(v)) {
			return nInt
		}
		return nOneDec
	case figure.Count:
		if v == float64(int64(v)) {
			return nInt
		}
		return nOneDec
	}
	return nRatio
}

// unitName says what a unit reads as, beside a figure.
func (b *book) unitName(u figure.Unit) string {
	switch u {
	case figure.Money:
		return b.c.Currency
	case figure.MoneyPerHour:
		return b.c.Currency + " per hour"
	case figure.Percent:
		return "%"
	case figure.Count:
		return "number"
	}
	return string(u)
}
