package pdftext

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// pieces are fragments of text that are hard to set: every script, marks
// with nothing to mark, bidi controls and isolates, a paragraph
// separator, characters no font has, and characters beyond 16 bits.
var pieces = []string{
	"Müller", "王芳", "佐藤 健", "김민준", "สมชาย ใจดี", "नेहा शर्मा", "محمد العلي", "דוד כהן",
	" ", "  ", "(", ")", "[", "»", "2027", "١٢٣", "15%", "-", "/", "、", "。", "「", "」",
	"\u0301", "\u064B", "\u0E48", "\u094D", "\u200C", "\u200D", "\u200E", "\u200F", "\u202B", "\u202C",
	"\u2067", "\u2069", "\u2029", "\u061C", "\uFEFF", "\U0001F600", "\U00020000", "\uE000", "\uFFFD",
	"ลาออก", "क्ष", "لا", "ﻻ", "\u0E33", "\u0E40", "x",
}

// TestHostileText sets random mixtures of pieces: nothing may panic, a
// wrapped text keeps its characters, no line is wider than its width
// unless it is one unbreakable character, and widths are finite.
func TestHostileText(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	s := newSetter(t)
	for i := 0; i < 600; i++ {
		var b strings.Builder
		for n := rng.IntN(12) + 1; n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		setOne(t, s, b.String(), float64(rng.IntN(60)+2))
	}
	if err := s.pdf.Output(&bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
}

func setOne(t *testing.T, s *Setter, text string, w float64) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%q at %v mm: panic %v", text, w, v)
		}
	}()
	for _, style := range []string{"", "B", "I"} {
		s.SetFont(style, 9)
		text := Clean(text)
		if wd := s.Width(text); math.IsNaN(wd) || math.IsInf(wd, 0) || wd < 0 {
			t.Fatalf("Width(%q) = %v", text, wd)
		}
		lines := s.Wrap(text, w)
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if squeeze(strings.Join(lines, "")) != squeeze(text) {
			t.Fatalf("Wrap(%q, %v) = %q: characters lost", text, w, lines)
		}
		for _, l := range lines {
			if s.Width(l) > w+0.01 && len(graphemes(l)) > 2 {
				t.Errorf("Wrap(%q, %v): %q is %.1f mm wide", text, w, l, s.Width(l))
			}
			s.Draw(10, 10, w, 4, l, "L")
			s.Draw(10, 20, w, 4, l, "R")
		}
		f := s.Fit(text, w)
		if !utf8.ValidString(f) {
			t.Fatalf("Fit(%q) is not UTF-8", text)
		}
	}
}

// FuzzSetText sets any text: it must never panic.
func FuzzSetText(f *testing.F) {
	for _, p := range pieces {
		f.Add(p+" "+p, 20.0)
	}
	f.Fuzz(func(t *testing.T, text string, w float64) {
		if math.IsNaN(w) || w < 1 || w > 500 {
			return
		}
		s := newSetter(t)
		setOne(t, s, text, w)
	})
}
