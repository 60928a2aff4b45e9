package assets

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
)

// The brief's typeface: DejaVu Sans Condensed, embedded so that the PDF
// prints Latin, Greek and Cyrillic text (Müller-Øberg, Παπαδοπούλου, €)
// the same on every machine. Its licence is fonts/LICENSE.
var (
	//go:embed fonts/DejaVuSansCondensed.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSansCondensed-Bold.ttf
	FontBold []byte
	//go:embed fonts/DejaVuSansCondensed-Oblique.ttf
	FontItalic []byte
	//go:embed fonts/LICENSE
	FontLicence string
)

// The fonts of the scripts DejaVu Sans Condensed does not set: Noto Sans
// Arabic, Hebrew, Devanagari and Thai (fonts/OFL.txt) and WenQuanYi Micro
// Hei for Chinese, Japanese and Korean (fonts/APACHE-2.0.txt). They are
// stored compressed, because most briefs need none of them and the CJK
// font alone is 4.6 MB: a program pays for a font's memory only when a
// document uses its script.
var (
	//go:embed fonts/*.ttf.gz
	scriptFonts embed.FS
	//go:embed fonts/OFL.txt
	ScriptFontsOFL string
	//go:embed fonts/APACHE-2.0.txt
	ScriptFontsApache string
)

// ScriptFont returns the TrueType file of one of the script fonts,
// decompressed, by its file name without ".gz":
// "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", the same for
// NotoSansHebrew, NotoSansDevanagari and NotoSansThai, and
// "WenQuanYiMicroHei.ttf". Each call decompresses the file again: keep
// the result.
func ScriptFont(name string) ([]byte, error) {
	data, err := scriptFonts.ReadFile("fonts/" + name + ".gz")
	if err != nil {
		return nil, fmt.Errorf("assets: there is no script font %q", name)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	return out, nil
}

//go:embed thai/words.txt.gz
var thaiWords []byte

// ThaiWordsLicence is the licence of the Thai word list.
//
//go:embed thai/LICENSE
var ThaiWordsLicence string

// ThaiWords returns the Thai word list, one word a line, that the PDF
// brief breaks lines of Thai with: Thai writes no spaces between words.
// It is ICU's Thai dictionary (thai/LICENSE). Each call decompresses it
// again: keep the result.
func ThaiWords() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(thaiWords))
	if err != nil {
		return nil, fmt.Errorf("assets: Thai words: %w", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("assets: Thai words: %w", err)
	}
	return out, nil
}
