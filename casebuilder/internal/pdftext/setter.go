// Package pdftext sets text in any script on a gofpdf document: Latin,
// Greek and Cyrillic as gofpdf always has, and Chinese, Japanese, Korean,
// Thai, Devanagari, Arabic and Hebrew as those scripts are written.
//
// gofpdf maps text to glyphs through a font's character map, one code
// point to one glyph, left to right. That is enough for Latin and for
// Chinese, Japanese and Korean, whose characters each have their glyph,
// given a font that has them. It is not for the scripts whose letters
// change shape with their neighbours (Arabic joins its letters, Devanagari
// forms conjuncts and places vowel signs before the consonant they follow,
// Thai stacks tone marks above vowel signs), nor for those written right
// to left (Arabic, Hebrew). A [Setter] therefore:
//
//   - splits a line into runs of one font, chosen per script: DejaVu Sans
//     Condensed for Latin, Greek, Cyrillic and everything else, WenQuanYi
//     Micro Hei for Chinese, Japanese and Korean, and Noto Sans Arabic,
//     Hebrew, Devanagari and Thai;
//   - resolves the direction of every character with the Unicode
//     Bidirectional Algorithm (golang.org/x/text/unicode/bidi) and draws
//     the runs in visual order, so that a right-to-left name stays in its
//     place in a left-to-right line and the numbers in it keep their order;
//   - shapes the runs of Arabic, Hebrew, Devanagari and Thai with go-text's
//     port of HarfBuzz and draws each glyph where the shaper puts it,
//     reaching the glyphs no character maps to through codes in the
//     Private Use Area that it adds to the font's character map, and
//     marking such a run with the text it stands for (ActualText), so that
//     the name copied out of the PDF is the name that was typed;
//   - breaks lines between the characters of Chinese and Japanese text
//     (never before a closing bracket or a full stop, nor after an opening
//     bracket), Korean at its spaces, Thai, which writes no spaces between
//     words, between the words it finds in ICU's Thai dictionary, and a
//     word wider than its line between grapheme clusters, never inside one.
//
// A line in Latin, Greek or Cyrillic alone takes none of these steps: it
// is measured and drawn by gofpdf exactly as before. The script fonts are
// registered with a document only when it uses them, and subset to the
// glyphs it uses, so a document in English is the size it always was.
package pdftext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// BaseFamily is the gofpdf family under which [New] registers DejaVu Sans
// Condensed, in the styles "" (regular), "B" (bold) and "I" (oblique).
const BaseFamily = "dejavu"

// ptToMM converts points to millimetres, the documents' unit.
const ptToMM = 25.4 / 72

// A Setter measures and draws text on one gofpdf document, in a style
// ("", "B" or "I") and a size chosen with SetFont. It is not safe for
// concurrent use; each document has its own.
type Setter struct {
	pdf   *gofpdf.Fpdf
	style string
	size  float64 // points

	registered [numFonts][numWeights]bool
	faces      [numFonts][numWeights]*font.Face
	shaper     shaping.HarfbuzzShaper
	// widths caches the width of text that needed shaping or more than one
	// font, in thousandths of the type size, by style and text.
	widths map[string]float64
}

// New returns a Setter for pdf, whose unit must be the millimetre, and
// registers the base font with it.
func New(pdf *gofpdf.Fpdf) *Setter {
	s := &Setter{pdf: pdf, widths: map[string]float64{}}
	for _, st := range []string{"", "B", "I"} {
		s.register(fontBase, st)
	}
	return s
}

// SetFont selects the style ("", "B" or "I") and the size in points of
// the text that follows.
func (s *Setter) SetFont(style string, size float64) {
	s.style, s.size = style, size
	s.pdf.SetFont(BaseFamily, style, size)
}

// Style returns the style selected last.
func (s *Setter) Style() string { return s.style }

// Size returns the type size selected last, in points.
func (s *Setter) Size() float64 { return s.size }

// register adds font f in the weight style needs to the document, once.
func (s *Setter) register(f fontID, style string) (weight, string, bool) {
	w, st := weightOf(f, style)
	if s.registered[f][w] {
		return w, st, true
	}
	if f == fontBase {
		// As it is: the base font needs no parsing until text needs more
		// than gofpdf.
		s.pdf.AddUTF8FontFromBytes(BaseFamily, st, baseFile(w))
		s.registered[f][w] = true
		return w, st, true
	}
	fd, err := data(f, w)
	if err != nil {
		s.pdf.SetError(err)
		return w, st, false
	}
	s.pdf.AddUTF8FontFromBytes(typefaces[f].family, st, fd.pdf)
	s.registered[f][w] = true
	return w, st, true
}

// face returns the go-text face of font f in weight w for this document.
func (s *Setter) face(f fontID, w weight) *font.Face {
	if s.faces[f][w] == nil {
		fd, _ := data(f, w)
		s.faces[f][w] = font.NewFace(fd.font)
	}
	return s.faces[f][w]
}

// Clean makes text safe to set: it drops control characters (a tab
// becomes a space, a newline stays) and replaces characters beyond the
// 16-bit range gofpdf can encode by U+FFFD.
func Clean(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFE || r == utf8.RuneError || (unicode.IsControl(r) && r != '\n') {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
		case r > 0xFFFE:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plain reports whether gofpdf sets s as it is: no character of s needs
// another font than the base one, shaping, or right-to-left ordering.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xD6 { // U+0590 and above start with 0xD6 or more
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if special(r) {
			return false
		}
		i += n - 1
	}
	return true
}

// special reports whether r is of a script another font sets, is written
// right to left, or is a bidi control. Yi, which no script font sets, is
// special too, so that it takes the fallbacks of assignFonts.
func special(r rune) bool {
	switch {
	case r < 0x0590:
		return false
	case r <= 0x08FF: // Hebrew, Arabic and the other right-to-left scripts
		return true
	case r >= 0xA000 && r <= 0xA4CF: // Yi
		return true
	}
	return scriptFont(r) != fontBase || isBidiControl(r)
}

// scriptFont returns the font of r's script, or fontBase.
func scriptFont(r rune) fontID {
	switch {
	case r < 0x0590:
		return fontBase
	case r <= 0x05FF, r >= 0xFB1D && r <= 0xFB4F:
		return fontHebrew
	case r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x0870 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return fontArabic
	case r >= 0x0900 && r <= 0x097F, r >= 0xA8E0 && r <= 0xA8FF, r >= 0x1CD0 && r <= 0x1CFF:
		return fontDevanagari
	case r >= 0x0E00 && r <= 0x0E7F:
		return fontThai
	case isCJK(r):
		return fontCJK
	}
	return fontBase
}

// isCJK reports whether r is Chinese, Japanese or Korean: ideographs, kana,
// Hangul, Bopomofo, and their punctuation and full-width forms.
func isCJK(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x11FF, r >= 0x2E80 && r <= 0x2FFF, r >= 0x3000 && r <= 0x9FFF:
		return true
	case r >= 0xA960 && r <= 0xA97F, r >= 0xAC00 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFAFF:
		return true
	case r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF:
		return true
	}
	return false
}

func isBidiControl(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// isMark reports whether r belongs with the character before it: a
// combining mark, a joiner or a variation selector.
func isMark(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == 0x200C || r == 0x200D ||
		(r >= 0xFE00 && r <= 0xFE0F)
}

// assignFonts chooses the font of every character of a line: its
// script's; for a mark, the font of what it marks; for a space between
// two characters of one script font, that font (so that a name in Arabic
// is one run); for anything else the base font, or the CJK font for a
// character the base font lacks and that one has.
func assignFonts(rs []rune) []fontID {
	fonts := make([]fontID, len(rs))
	spaces := false
	for i, r := range rs {
		switch {
		case isBidiControl(r):
			fonts[i] = skip
		case isMark(r):
			fonts[i] = fontBase
			for j := i - 1; j >= 0; j-- {
				if fonts[j] != skip {
					fonts[i] = fonts[j]
					break
				}
			}
		case r == ' ' || r == 0xA0:
			fonts[i] = fontBase
			spaces = true
		default:
			fonts[i] = scriptFont(r)
		}
	}
	if spaces {
		for i := 0; i < len(rs); {
			if rs[i] != ' ' && rs[i] != 0xA0 {
				i++
				continue
			}
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == 0xA0) {
				j++
			}
			if i > 0 && j < len(rs) && fonts[i-1] == fonts[j] && fonts[j] != fontBase && fonts[j] != skip && fonts[j] != fontCJK {
				for k := i; k < j; k++ {
					fonts[k] = fonts[j]
				}
			}
			i = j
		}
	}
	// A character its font lacks falls back to the base font, and a
	// character the base font lacks to the CJK font when that has it.
	for i, r := range rs {
		f := fonts[i]
		if f == skip || r == 0x200C || r == 0x200D {
			continue
		}
		fd, err := data(f, regular)
		if err == nil && fd.has(r) {
			continue
		}
		if f != fontBase {
			if base, err := data(fontBase, regular); err == nil && base.has(r) {
				fonts[i] = fontBase
				continue
			}
		}
		if r >= 0x2000 {
			if cjk, err := data(fontCJK, regular); err == nil && cjk.has(r) {
				fonts[i] = fontCJK
				continue
			}
		}
		fonts[i] = fontBase
	}
	return fonts
}

// item is a run of a line in one font at one bidi level, laid out.
type item struct {
	start, end int // runes [start, end) of the line
	font       fontID
	level      int8
	// width is the run's advance, in thousandths of the type size.
	width float64
	// glyphs are a shaped run's glyphs, in visual order.
	glyphs []shaping.Glyph
}

func (it *item) rtl() bool { return it.level%2 == 1 }

// layout splits a line into items, laid out, and returns them in visual
// order, left to right.
func (s *Setter) layout(rs []rune) []item {
	fonts := assignFonts(rs)
	lv, _ := levels(rs)
	var items []item
	for i := 0; i < len(rs); {
		if fonts[i] == skip {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && fonts[j] == fonts[i] && lv[j] == lv[i] {
			j++
		}
		items = append(items, item{start: i, end: j, font: fonts[i], level: lv[i]})
		i = j
	}
	for k := range items {
		s.measure(rs, &items[k])
	}
	itemLv := make([]int8, len(items))
	for k, it := range items {
		itemLv[k] = it.level
	}
	order := reorder(itemLv)
	visual := make([]item, len(items))
	for k, o := range order {
		visual[k] = items[o]
	}
	return visual
}

// measure shapes a run of a shaped font, and works out its width.
func (s *Setter) measure(rs []rune, it *item) {
	tf := typefaces[it.font]
	switch {
	case it.font == fontBase:
		it.width = float64(s.pdf.GetStringSymbolWidth(string(rs[it.start:it.end])))
	case !tf.shaped:
		fd, err := data(it.font, regular)
		if err != nil {
			return
		}
		for _, r := range rs[it.start:it.end] {
			it.width += float64(fd.runeWidth(r))
		}
	default:
		w, _ := weightOf(it.font, s.style)
		fd, err := data(it.font, w)
		if err != nil {
			return
		}
		dir := di.DirectionLTR
		if it.rtl() {
			dir = di.DirectionRTL
		}
		out := s.shaper.Shape(shaping.Input{
			Text: rs, RunStart: it.start, RunEnd: it.end,
			Direction: dir, Face: s.face(it.font, w),
			Size:   fixed.I(int(fd.upem)),
			Script: tf.script, Language: tf.lang,
		})
		it.glyphs = out.Glyphs
		adv := 0.0
		for _, g := range out.Glyphs {
			adv += float64(g.XAdvance) / 64
		}
		it.width = adv * 1000 / fd.upem
	}
}

// Width returns the width of one line of text in the current font, in
// millimetres.
func (s *Setter) Width(text string) float64 {
	if plain(text) {
		return s.pdf.GetStringWidth(text)
	}
	key := s.style + "\x00" + text
	w, ok := s.widths[key]
	if !ok {
		for _, it := range s.layout([]rune(text)) {
			w += it.width
		}
		s.widths[key] = w
	}
	return w * s.size * ptToMM / 1000
}

// Draw writes one line of text in a box at (x, y), w wide and h high,
// aligned "L", "R" or "C" and centred vertically, as gofpdf's CellFormat
// with align+"M" does.
func (s *Setter) Draw(x, y, w, h float64, text, align string) {
	pdf := s.pdf
	if plain(text) {
		pdf.SetXY(x, y)
		pdf.CellFormat(w, h, text, "", 0, align+"M", false, 0, "")
		return
	}
	rs := []rune(text)
	items := s.layout(rs)
	sizeMM := s.size * ptToMM
	total := 0.0
	for _, it := range items {
		total += it.width * sizeMM / 1000
	}
	margin := pdf.GetCellMargin()
	var dx float64
	switch {
	case strings.Contains(align, "R"):
		dx = w - margin - total
	case strings.Contains(align, "C"):
		dx = (w - total) / 2
	default:
		dx = margin
	}
	baseline := y + h/2 + 0.3*sizeMM
	pen := x + dx
	for i := range items {
		it := &items[i]
		s.drawItem(rs, it, pen, baseline, sizeMM)
		pen += it.width * sizeMM / 1000
	}
	pdf.SetFont(BaseFamily, s.style, s.size)
	pdf.SetXY(x+w, y)
}

// drawItem draws one run with its left end at pen on the baseline.
func (s *Setter) drawItem(rs []rune, it *item, pen, baseline, sizeMM float64) {
	pdf := s.pdf
	text := rs[it.start:it.end]
	if it.font == fontBase {
		pdf.SetFont(BaseFamily, s.style, s.size)
		str := string(text)
		if it.rtl() {
			str = bidi.ReverseString(str)
		}
		pdf.Text(pen, baseline, str)
		return
	}
	w, st, ok := s.register(it.font, s.style)
	if !ok {
		return
	}
	fd, _ := data(it.font, w)
	pdf.SetFont(typefaces[it.font].family, st, s.size)
	if !typefaces[it.font].shaped {
		str := string(text)
		if it.rtl() {
			str = bidi.ReverseString(str)
		}
		fake := s.style == "B" && w != bold
		if fake {
			s.beginFakeBold(sizeMM)
		}
		pdf.Text(pen, baseline, str)
		if fake {
			pdf.RawWriteStr("Q")
		}
		return
	}
	// The glyphs are marked with the text they stand for, in their own
	// order: a reader puts right-to-left text back into its logical order
	// itself, as it does for any right-to-left text. Without the mark, a
	// reader would give the Private Use codes of the joined forms, the
	// vowel sign of Devanagari drawn before its consonant in that order,
	// and a raised Thai tone mark on a line of its own.
	t := string(text)
	if it.rtl() {
		t = bidi.ReverseString(t)
	}
	pdf.RawWriteStr("/Span <</ActualText " + pdfUTF16(t) + ">> BDC")
	scale := sizeMM / fd.upem / 64 // millimetres per 26.6 font unit
	var run []rune
	var runX, runY, next float64
	flush := func() {
		if len(run) > 0 {
			pdf.Text(runX, runY, string(run))
			run = run[:0]
		}
	}
	adv := 0.0
	for _, g := range it.glyphs {
		gx := pen + (adv+float64(g.XOffset))*scale
		gy := baseline - float64(g.YOffset)*scale
		adv += float64(g.XAdvance)
		if int(g.GlyphID) >= len(fd.code) || fd.code[g.GlyphID] == 0 {
			continue
		}
		code := rune(fd.code[g.GlyphID])
		if len(run) == 0 || gy != runY || gx-next > 0.005 || next-gx > 0.005 {
			flush()
			runX, runY = gx, gy
		}
		run = append(run, code)
		pw := fd.width[g.GlyphID]
		if pw <= 0 {
			pw = fd.missing
		}
		next = gx + float64(pw)*sizeMM/1000
		if fd.width[g.GlyphID] <= 0 {
			// gofpdf gives a glyph of no advance the default width: what
			// follows it starts a new string.
			flush()
		}
	}
	flush()
	pdf.RawWriteStr("EMC")
}

// beginFakeBold strokes the outlines of the text that follows in its own
// colour, for the bold of a font that has none; "Q" ends it.
func (s *Setter) beginFakeBold(sizeMM float64) {
	r, g, b := s.pdf.GetTextColor()
	k := 72 / 25.4
	s.pdf.RawWriteStr(fmt.Sprintf("q %.3f %.3f %.3f RG %.3f w 2 Tr", float64(r)/255, float64(g)/255, float64(b)/255, sizeMM*k*0.035))
}

// pdfUTF16 writes s as a PDF text string: UTF-16BE, in hexadecimal, with
// its byte order mark.
func pdfUTF16(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
