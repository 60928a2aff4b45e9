package pdftext

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	"github.com/jung-kurt/gofpdf"
)

// TestLevels checks the embedding levels of lines against UAX #9 worked
// by hand: a is Hebrew alef (R), b Arabic beh (AL), Latin letters L.
func TestLevels(t *testing.T) {
	const alef, beh = "א", "ب"
	for _, tc := range []struct {
		text string
		want string // one digit per character
		rtl  bool
	}{
		{"abc", "000", false},
		// Hebrew inside English: the letters at 1, the spaces around them
		// between L and R take the paragraph's direction (N2).
		{"a " + alef + alef + " b", "001100", false},
		// A number after Hebrew in an English line sits at 2 (W7 finds R,
		// I1 raises EN by two) and so keeps its place inside the run.
		{alef + " 12 " + alef, "112211", true},
		{"x " + alef + " 12 " + alef, "00112211", false},
		// ... but after a Latin letter it is plain left to right (W7).
		{"a 12 " + alef, "000001", false},
		// Arabic-Indic digits are AN: level 2 whatever precedes them.
		{"a ١٢", "0022", false},
		// A separator between two digits joins them (W4), a percent sign
		// after them too (W5), except after Arabic, where the digits are
		// Arabic numbers (W2) and the sign is neutral.
		{"a " + beh + " 1,5%", "00112220", false},
		{"a " + alef + " 1,5%", "00112222", false},
		// No Latin letter: the line reads right to left; a number is at 2.
		{alef + alef + " 2025.", "11122221", true},
		// Brackets around Hebrew in an English line: N0 gives them the
		// direction of what they enclose only when it matches the embedding.
		{"x (" + alef + ")", "00010", false},
	} {
		lv, rtl := levels([]rune(tc.text))
		var got strings.Builder
		for _, l := range lv {
			fmt.Fprint(&got, l)
		}
		if got.String() != tc.want || rtl != tc.rtl {
			t.Errorf("levels(%q) = %s rtl %v, want %s rtl %v", tc.text, got.String(), rtl, tc.want, tc.rtl)
		}
	}
}

// TestReorder checks rule L2 on levels whose visual order is worked by hand.
func TestReorder(t *testing.T) {
	for _, tc := range []struct {
		levels []int8
		want   []int
	}{
		{[]int8{0, 0, 0}, []int{0, 1, 2}},
		{[]int8{0, 1, 1, 0}, []int{0, 2, 1, 3}},
		// R R EN EN R R inside an LTR line: the run is reversed as a
		// whole, the number inside it keeping its own order.
		{[]int8{0, 1, 1, 2, 2, 1, 1, 0}, []int{0, 6, 5, 3, 4, 2, 1, 7}},
		// A right-to-left line with a Latin word in it.
		{[]int8{1, 1, 2, 2, 1}, []int{4, 2, 3, 1, 0}},
	} {
		got := reorder(tc.levels)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("reorder(%v) = %v, want %v", tc.levels, got, tc.want)
		}
	}
}

// TestPrivateUseCodes checks the font given to gofpdf for a shaped script:
// every glyph has a code, the codes of characters are unchanged, and both
// go-text and gofpdf read the rewritten character map.
func TestPrivateUseCodes(t *testing.T) {
	for _, f := range []fontID{fontArabic, fontHebrew, fontDevanagari, fontThai} {
		fd, err := data(f, regular)
		if err != nil {
			t.Fatal(err)
		}
		again, err := font.ParseTTF(bytes.NewReader(fd.pdf))
		if err != nil {
			t.Fatalf("%s: the rewritten font does not parse: %v", typefaces[f].family, err)
		}
		for g, c := range fd.code {
			if g == 0 {
				continue
			}
			if c == 0 {
				t.Errorf("%s: glyph %d has no code", typefaces[f].family, g)
				continue
			}
			if got, ok := again.NominalGlyph(rune(c)); !ok || int(got) != g {
				t.Errorf("%s: code %U maps to glyph %d, want %d", typefaces[f].family, c, got, g)
			}
			if orig, ok := fd.font.NominalGlyph(rune(c)); ok && int(orig) != g {
				t.Errorf("%s: code %U drew glyph %d in the original font, now %d", typefaces[f].family, c, orig, g)
			}
		}
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("x", "", fd.pdf)
		pdf.AddPage()
		pdf.SetFont("x", "", 10)
		if w := pdf.GetStringWidth(string(rune(fd.code[len(fd.code)-1]))); w <= 0 && fd.width[len(fd.code)-1] > 0 {
			t.Errorf("%s: gofpdf gives the last glyph no width", typefaces[f].family)
		}
		if err := pdf.Output(&bytes.Buffer{}); err != nil {
			t.Errorf("%s: gofpdf: %v", typefaces[f].family, err)
		}
	}
}

func newSetter(t testing.TB) *Setter {
	pdf := gofpdf.New("P", "mm", "A4", "")
	s := New(pdf)
	pdf.AddPage()
	s.SetFont("", 10)
	return s
}

// TestWrapCJK checks that Chinese and Japanese break between characters,
// never before a closing mark or after an opening one, and Korean at its
// spaces.
func TestWrapCJK(t *testing.T) {
	s := newSetter(t)
	zh := "提供了华东区的离职数据和访谈记录，并审核了每一步成本计算（包括空缺成本）。"
	ja := "東京チームの採用データと「オンボーディング」の評価を提供した。"
	for _, text := range []string{zh, ja} {
		for _, w := range []float64{20, 27, 33, 41} {
			lines := s.Wrap(text, w)
			if strings.Join(lines, "") != text {
				t.Errorf("Wrap(%q, %v) = %q: text lost or added", text, w, lines)
			}
			for i, l := range lines {
				if s.Width(l) > w+0.01 {
					t.Errorf("Wrap(%q, %v): line %q is %.1f mm wide", text, w, l, s.Width(l))
				}
				first, _ := firstRune(l)
				if i > 0 && strings.ContainsRune("，。）」ーッ", first) {
					t.Errorf("Wrap(%q, %v): line %q starts with a closing mark", text, w, l)
				}
				if i < len(lines)-1 && strings.ContainsAny(l[len(l)-3:], "（「") {
					t.Errorf("Wrap(%q, %v): line %q ends with an opening mark", text, w, l)
				}
			}
		}
	}
	ko := "서울 지사의 이직률 자료를 제공했습니다."
	for _, l := range s.Wrap(ko, 25) {
		for _, word := range strings.Fields(l) {
			if !strings.Contains(ko, " "+word+" ") && !strings.HasPrefix(ko, word+" ") && !strings.HasSuffix(ko, " "+word) {
				t.Errorf("Korean broken inside a word: %q", l)
			}
		}
	}
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// TestWrapNeverSplitsAGrapheme cuts words wider than their line in scripts
// whose characters combine: no line may start with a mark or a virama.
func TestWrapNeverSplitsAGrapheme(t *testing.T) {
	s := newSetter(t)
	for _, word := range []string{"प्रशिक्षणकार्यक्रमकीलागत", "ผู้จัดการฝ่ายขายในกรุงเทพมหานคร", "المغادرينوالمبيعات"} {
		for _, w := range []float64{5, 8, 13} {
			lines := s.Wrap(word, w)
			if strings.Join(lines, "") != word {
				t.Errorf("Wrap(%q, %v) = %q", word, w, lines)
			}
			for _, l := range lines[1:] {
				if r, _ := firstRune(l); isMark(r) {
					t.Errorf("Wrap(%q, %v): line %q starts with a mark", word, w, l)
				}
			}
		}
	}
}

// TestWrapInNoRoom checks that a width of zero or less, a column with no
// room left, sets a character a line, as the narrowest width does: it
// once gave empty lines without end, and a brief that asked for it never
// came back.
func TestWrapInNoRoom(t *testing.T) {
	s := newSetter(t)
	for _, w := range []float64{0, -36} {
		if got := s.Wrap("Coaching pays", w); !slices.Equal(got, []string{"C", "o", "a", "c", "h", "i", "n", "g", "p", "a", "y", "s"}) {
			t.Errorf("Wrap in %v mm = %q, want a character a line", w, got)
		}
	}
}

// TestPlainIsGofpdf checks that text in Latin, Greek and Cyrillic is
// measured by gofpdf itself.
func TestPlainIsGofpdf(t *testing.T) {
	s := newSetter(t)
	for _, text := range []string{"Müller-Øberg", "Παπαδοπούλου", "Ольга", "€1,543,096 × 2"} {
		if !plain(text) {
			t.Errorf("%q is not plain", text)
		}
		if s.Width(text) != s.pdf.GetStringWidth(text) {
			t.Errorf("Width(%q) = %v, gofpdf says %v", text, s.Width(text), s.pdf.GetStringWidth(text))
		}
	}
	for _, text := range []string{"王芳", "דוד", "محمد", "नेहा", "สมชาย", "김", "a\u200fb"} {
		if plain(text) {
			t.Errorf("%q is taken for plain", text)
		}
	}
}

// BenchmarkWidthLatin measures the width of a line of Latin text, which
// takes gofpdf's own path.
func BenchmarkWidthLatin(b *testing.B) {
	s := newSetter(b)
	for b.Loop() {
		s.Width("Sales attrition, rolling twelve months: 33.0 % of 121 reps")
	}
}

// TestWrapThaiBetweenWords wraps a Thai sentence, written as Thai is
// without spaces, at several widths: every line must end where a word
// ends, unless the word alone is wider than the line. The words are
// listed by hand; compounds (ลาออก, ตรวจสอบ) may part between their words.
func TestWrapThaiBetweenWords(t *testing.T) {
	words := []string{"ให้", "ข้อมูล", "การ", "ลา", "ออก", "ของ", "พนักงาน", "ขาย", "ใน", "กรุงเทพมหานคร", "และ", "ช่วย", "ตรวจ", "สอบ", "การ", "คำนวณ", "ต้นทุน"}
	text := strings.Join(words, "")
	ends := map[int]bool{}
	wordAt := map[int]string{} // the word each byte offset falls in
	at := 0
	for _, w := range words {
		for i := range len(w) {
			wordAt[at+i] = w
		}
		at += len(w)
		ends[at] = true
	}
	s := newSetter(t)
	for _, w := range []float64{18, 25, 32, 47, 60} {
		lines := s.Wrap(text, w)
		if len(lines) < 2 || strings.Join(lines, "") != text {
			t.Fatalf("Wrap(%v) = %q", w, lines)
		}
		at := 0
		for _, l := range lines[:len(lines)-1] {
			at += len(l)
			if !ends[at] && s.Width(wordAt[at]) <= w {
				t.Errorf("Wrap(%v) breaks inside %q: %q", w, wordAt[at], lines)
			}
			if s.Width(l) > w+0.01 {
				t.Errorf("Wrap(%v): %q is %.1f mm wide", w, l, s.Width(l))
			}
		}
	}
}
