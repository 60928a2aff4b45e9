package pdftext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// Wrap breaks text into lines no wider than w in the current font: at
// spaces, after hyphens and slashes, between the characters of Chinese
// and Japanese, between Thai words (Thai writes no space between them),
// and inside a word only when the word alone is wider than the line (never
// inside a character and its marks, nor in Thai between a consonant and
// its vowel).
// A newline starts a new line; trailing empty lines are dropped.
func (s *Setter) Wrap(text string, w float64) []string {
	text = Clean(text)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimRightFunc(para, unicode.IsSpace)
		if para == "" {
			lines = append(lines, "")
			continue
		}
		lines = s.wrapPara(para, w, lines)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func (s *Setter) wrapPara(text string, w float64, lines []string) []string {
	if s.Width(text) <= w {
		return append(lines, text)
	}
	var line strings.Builder
	lineW := 0.0
	space := s.Width(" ")
	pendingSpace := false
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW, pendingSpace = 0, false
	}
	for _, word := range splitWords(text) {
		if word == " " {
			pendingSpace = line.Len() > 0
			continue
		}
		ww := s.Width(word)
		gap := 0.0
		if pendingSpace {
			gap = space
		}
		if lineW+gap+ww <= w {
			if pendingSpace {
				line.WriteByte(' ')
			}
			line.WriteString(word)
			lineW += gap + ww
			pendingSpace = false
			continue
		}
		if line.Len() > 0 {
			flush()
		}
		// A word wider than the line is cut where it must be, a character
		// at least at a time: a width of zero or less (a column with no
		// room) gives a character a line rather than no end of empty ones.
		for ww > w && word != "" {
			cut := s.cut(word, w)
			lines = append(lines, word[:cut])
			word = word[cut:]
			ww = s.Width(word)
		}
		line.WriteString(word)
		lineW = ww
		pendingSpace = false
	}
	if line.Len() > 0 {
		flush()
	}
	return lines
}

// cut returns where to cut a word wider than w: after as much of it as
// fits, but at least one character (with its marks).
func (s *Setter) cut(word string, w float64) int {
	if plain(word) {
		cut := 0
		acc := 0.0
		for i, r := range word {
			rw := s.pdf.GetStringWidth(string(r))
			if acc+rw > w && i > 0 {
				break
			}
			acc += rw
			cut = i + utf8.RuneLen(r)
		}
		return cut
	}
	bounds := graphemes(word)
	cut, fits := bounds[1], 1
	for k, b := range bounds[2:] {
		if s.Width(word[:b]) > w {
			break
		}
		cut, fits = b, k+2
	}
	// In Thai, rather not between a consonant and the vowel that follows
	// it, nor after a vowel written before its consonant.
	for k := fits; k > 1; k-- {
		if thaiCanCut(word, bounds[k]) {
			return bounds[k]
		}
	}
	return cut
}

// thaiCanCut reports whether a Thai word cut at byte i leaves no vowel
// parted from its consonant: i is not before ะ า ำ ๅ ๆ nor after เ แ โ ใ ไ.
func thaiCanCut(word string, i int) bool {
	next, _ := utf8.DecodeRuneInString(word[i:])
	prev, _ := utf8.DecodeLastRuneInString(word[:i])
	return thaiCanCutRunes([]rune{prev, next}, 1)
}

// graphemes returns the byte offsets of the grapheme clusters of s
// (UAX #29): 0, the end of the first, ..., len(s).
func graphemes(s string) []int {
	rs := []rune(s)
	var seg segmenter.Segmenter
	seg.Init(rs)
	it := seg.GraphemeIterator()
	out := []int{0}
	off := 0
	for it.Next() {
		g := it.Grapheme()
		off += len(string(g.Text))
		out = append(out, off)
	}
	if out[len(out)-1] != len(s) {
		out = append(out, len(s))
	}
	return out
}

// splitWords splits text into words and single " " separators; a word ends
// after a hyphen, a dash or a slash, where a line may also break, and, in
// text that needs it, at the other break opportunities of breaksAfter.
func splitWords(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if i > start {
				out = append(out, s[start:i])
			}
			if len(out) == 0 || out[len(out)-1] != " " {
				out = append(out, " ")
			}
			start = i + utf8.RuneLen(r)
		case r == '-' || r == '/' || r == '–' || r == '—':
			end := i + utf8.RuneLen(r)
			// Break after the mark only inside a word.
			if i > start && end < len(s) && !unicode.IsSpace(rune(s[end])) {
				out = append(out, s[start:end])
				start = end
			}
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	if plain(s) {
		return out
	}
	var split []string
	for _, w := range out {
		if w == " " || plain(w) {
			split = append(split, w)
			continue
		}
		split = append(split, breakWord(w)...)
	}
	return split
}

// breakWord splits a word with no space in it at the places a line may
// break inside it: between Chinese and Japanese characters, and between
// Thai words.
func breakWord(w string) []string {
	rs := []rune(w)
	var out []string
	start := 0
	thai := thaiBreaks(rs)
	for i := 1; i < len(rs); i++ {
		if thai[i] || cjkBreak(rs[i-1], rs[i]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// cjkBreak reports whether a line may break between a and b for Chinese
// and Japanese: before or after an ideograph or a kana, but not before a
// closing bracket, a full stop, a small kana or a prolonged sound mark, nor
// after an opening bracket (the Japanese rules of kinsoku shori, after
// UAX #14). Korean is written with spaces between words and breaks there.
func cjkBreak(a, b rune) bool {
	if !breaksAround(a) && !breaksAround(b) {
		return false
	}
	if isMark(b) || strings.ContainsRune(noBreakBefore, b) || strings.ContainsRune(noBreakAfter, a) {
		return false
	}
	return true
}

// breaksAround reports whether a line may break on either side of r:
// Chinese and Japanese ideographs, kana, Bopomofo and their punctuation.
func breaksAround(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x2FFF, r >= 0x3000 && r <= 0x30FF, r >= 0x3100 && r <= 0x312F:
		return true
	case r >= 0x31A0 && r <= 0x9FFF, r >= 0xF900 && r <= 0xFAFF, r >= 0xFF00 && r <= 0xFF60:
		return true
	}
	return false
}

const (
	noBreakBefore = ")]}>,.:;!?%、。，．・：；？！ー‐’”）〕］｝〉》」』】〙〗〟｠々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ゛゜…"
	noBreakAfter  = "([{<‘“（〔［｛〈《「『【〘〖〝｟"
)

// Fit shortens text with an ellipsis to fit w in the current font.
func (s *Setter) Fit(text string, w float64) string {
	text = strings.Join(strings.Fields(Clean(text)), " ")
	if s.Width(text) <= w {
		return text
	}
	var bounds []int // where text may be cut, in bytes
	if plain(text) {
		for i := range text {
			bounds = append(bounds, i)
		}
		bounds = append(bounds, len(text))
	} else {
		bounds = graphemes(text)
	}
	lo, hi := 0, len(bounds)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.Width(strings.TrimSpace(text[:bounds[mid]])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(text[:bounds[lo]]) + "…"
}

// Clamp wraps text to at most n lines of width w, ending the last with an
// ellipsis when text was left out.
func (s *Setter) Clamp(text string, w float64, n int) []string {
	lines := s.Wrap(text, w)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] = s.Fit(lines[n-1]+" …", w)
	if !strings.HasSuffix(lines[n-1], "…") {
		lines[n-1] += "…"
	}
	return lines
}
