package pdftext

import (
	"bytes"
	"fmt"
	"math"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"github.com/casebuilder/casebuilder/assets"
)

// fontID names one of the typefaces text is set in.
type fontID int8

const (
	// fontBase is DejaVu Sans Condensed: Latin, Greek, Cyrillic and every
	// character no other font is chosen for.
	fontBase fontID = iota
	// fontCJK is WenQuanYi Micro Hei: Chinese, Japanese and Korean.
	fontCJK
	fontArabic
	fontHebrew
	fontDevanagari
	fontThai
	numFonts

	// skip marks a character that is not drawn: a bidi control.
	skip fontID = -1
)

// typeface describes a font: its files, and for the scripts that need
// shaping, how to shape them.
type typeface struct {
	family string // the family registered with gofpdf
	// file is the name of the regular file given to assets.ScriptFont,
	// without "-Regular.ttf"; bold, when set, has a bold file beside it.
	file string
	bold bool
	// shaped fonts are set glyph by glyph from go-text's HarfBuzz shaper;
	// the others through the font's character map, as gofpdf does.
	shaped bool
	script language.Script
	lang   language.Language
}

var typefaces = [numFonts]typeface{
	fontBase:       {family: BaseFamily},
	fontCJK:        {family: "pdftext-cjk", file: "WenQuanYiMicroHei"},
	fontArabic:     {family: "pdftext-arab", file: "NotoSansArabic", bold: true, shaped: true, script: language.Arabic, lang: language.NewLanguage("ar")},
	fontHebrew:     {family: "pdftext-hebr", file: "NotoSansHebrew", bold: true, shaped: true, script: language.Hebrew, lang: language.NewLanguage("he")},
	fontDevanagari: {family: "pdftext-deva", file: "NotoSansDevanagari", bold: true, shaped: true, script: language.Devanagari, lang: language.NewLanguage("hi")},
	fontThai:       {family: "pdftext-thai", file: "NotoSansThai", bold: true, shaped: true, script: language.Thai, lang: language.NewLanguage("th")},
}

// weight is which file of a typeface is used: DejaVu has an oblique, the
// others only a regular and (most) a bold.
type weight int8

const (
	regular weight = iota
	bold
	italic
	numWeights
)

// weightOf returns the file a gofpdf style ("", "B", "I") uses in font f,
// and the style to register and select it under.
func weightOf(f fontID, style string) (weight, string) {
	switch {
	case style == "B" && (f == fontBase || typefaces[f].bold):
		return bold, "B"
	case style == "I" && f == fontBase:
		return italic, "I"
	}
	return regular, ""
}

// fontData is a font file loaded once for the whole program: what gofpdf
// embeds, what go-text shapes with, and the code each glyph is drawn by.
type fontData struct {
	once sync.Once
	err  error
	// pdf is the file given to gofpdf: for a shaped font, the original
	// with a character map that also reaches, through the Private Use
	// Area, every glyph no character maps to.
	pdf  []byte
	font *font.Font
	upem float64
	// code is, per glyph, the 16-bit code that draws it (0 for none).
	code []uint16
	// width is, per glyph, its advance as gofpdf counts it: in thousandths
	// of the type size, 0 for a glyph of no advance.
	width []int32
	// missing is the advance gofpdf gives a code its font has no width
	// for: that of glyph 0.
	missing int32
}

var loaded [numFonts][numWeights]fontData

// data returns font f in weight w, loading it the first time.
func data(f fontID, w weight) (*fontData, error) {
	fd := &loaded[f][w]
	fd.once.Do(func() { fd.err = fd.load(f, w) })
	return fd, fd.err
}

func (fd *fontData) load(f fontID, w weight) error {
	tf := typefaces[f]
	var raw []byte
	if f == fontBase {
		raw = baseFile(w)
	} else {
		name := tf.file + "-Regular.ttf"
		if w == bold {
			name = tf.file + "-Bold.ttf"
		}
		if f == fontCJK {
			name = tf.file + ".ttf"
		}
		var err error
		if raw, err = assets.ScriptFont(name); err != nil {
			return err
		}
	}
	face, err := font.ParseTTF(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("pdftext: font %s: %w", tf.family, err)
	}
	fd.font = face.Font
	fd.upem = float64(face.Upem())
	n, err := numGlyphs(raw)
	if err != nil {
		return fmt.Errorf("pdftext: font %s: %w", tf.family, err)
	}
	fd.code = make([]uint16, n)
	fd.width = make([]int32, n)
	for g := 0; g < n; g++ {
		fd.width[g] = int32(math.Round(float64(face.HorizontalAdvance(font.GID(g))) * 1000 / fd.upem))
	}
	fd.missing = fd.width[0]
	mapped := map[uint16]uint16{}
	it := face.Cmap.Iter()
	for it.Next() {
		r, g := it.Char()
		if r <= 0 || r >= 0xFFFF || int(g) >= n {
			continue
		}
		mapped[uint16(r)] = uint16(g)
		// The lowest code that maps to a glyph draws it: the base letter,
		// rather than a compatibility form.
		if c := fd.code[g]; c == 0 || uint16(r) < c {
			fd.code[g] = uint16(r)
		}
	}
	if !tf.shaped {
		fd.pdf = raw
		return nil
	}
	// Every glyph no character reaches gets a code in the Private Use
	// Area (U+E000 to U+F8FF), skipping codes the font maps itself.
	pua := uint16(0xE000)
	for g := 1; g < n; g++ {
		if fd.code[g] != 0 {
			continue
		}
		for _, taken := mapped[pua]; taken && pua < 0xF8FF; _, taken = mapped[pua] {
			pua++
		}
		if pua >= 0xF8FF {
			return fmt.Errorf("pdftext: font %s has more glyphs than the Private Use Area has codes", tf.family)
		}
		fd.code[g] = pua
		mapped[pua] = uint16(g)
		pua++
	}
	if fd.pdf, err = withCmap(raw, mapped); err != nil {
		return fmt.Errorf("pdftext: font %s: %w", tf.family, err)
	}
	return nil
}

// baseFile is the file of DejaVu Sans Condensed in weight w.
func baseFile(w weight) []byte {
	return [...][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic}[w]
}

// has reports whether the font has a glyph for r.
func (fd *fontData) has(r rune) bool {
	_, ok := fd.font.NominalGlyph(r)
	return ok
}

// runeWidth is the advance gofpdf gives r in this font, in thousandths of
// the type size.
func (fd *fontData) runeWidth(r rune) int32 {
	g, ok := fd.font.NominalGlyph(r)
	if !ok || r > 0xFFFF {
		return fd.missing
	}
	if w := fd.width[g]; w > 0 {
		return w
	}
	// gofpdf counts a glyph of no advance at the width of glyph 0.
	return fd.missing
}
