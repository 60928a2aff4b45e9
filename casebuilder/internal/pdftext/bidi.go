package pdftext

import (
	"golang.org/x/text/unicode/bidi"
)

// Bidirectional text, after the Unicode Bidirectional Algorithm (UAX #9).
//
// golang.org/x/text/unicode/bidi resolves the direction of every
// character, but reports only runs of one direction, in logical order, not
// their embedding levels. A line without explicit embeddings has at most
// three levels: 0 and 2 left to right, 1 right to left, and which of 0 or 2
// an LTR character has follows from rules W2, W4, W5, W7 and I1 (a number
// after right-to-left text sits at level 2 in a left-to-right line, so
// that it stays in its place inside the right-to-left run). levels works
// them out from the package's directions, and reorder applies rule L2.

// rtlParagraph reports whether a line reads right to left: it has
// right-to-left letters and no left-to-right ones. A name in Arabic inside
// an English sentence stays in its place in a left-to-right line; a text
// written wholly in Arabic or Hebrew (with its numbers and punctuation)
// reads right to left, its final full stop at its left end.
func rtlParagraph(rs []rune) bool {
	rtl := false
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L, bidi.LRE, bidi.LRO, bidi.LRI:
			return false
		case bidi.R, bidi.AL, bidi.RLE, bidi.RLO, bidi.RLI:
			rtl = true
		}
	}
	return rtl
}

// levels returns the embedding level of every character of a line, and
// whether the line reads right to left.
func levels(rs []rune) ([]int8, bool) {
	rtl := rtlParagraph(rs)
	lv := make([]int8, len(rs))
	odd := make([]bool, len(rs))
	var p bidi.Paragraph
	var err error
	prefix := 0
	if rtl {
		_, err = p.SetString(string(rs), bidi.DefaultDirection(bidi.RightToLeft))
	} else {
		// The package picks the direction of the first strong character
		// unless told right to left: a left-to-right mark first makes the
		// line left to right.
		prefix = 1
		_, err = p.SetString("\u200e"+string(rs), bidi.DefaultDirection(bidi.LeftToRight))
	}
	if err == nil {
		if o, err := p.Order(); err == nil {
			for i := 0; i < o.NumRuns(); i++ {
				run := o.Run(i)
				if run.Direction() != bidi.RightToLeft {
					continue
				}
				start, end := run.Pos()
				for j := max(start-prefix, 0); j <= end-prefix && j < len(rs); j++ {
					odd[j] = true
				}
			}
		}
	}
	if rtl {
		for i := range rs {
			lv[i] = 1
			if !odd[i] {
				lv[i] = 2
			}
		}
		return lv, true
	}
	num := numeric(rs)
	last := bidi.L // the last strong class seen, from the start of the line
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch c := p.Class(); c {
		case bidi.L, bidi.R, bidi.AL:
			last = c
		}
		switch {
		case odd[i]:
			lv[i] = 1
		case num[i] == bidi.AN || (num[i] == bidi.EN && last != bidi.L):
			lv[i] = 2
		}
	}
	return lv, false
}

// numeric returns, per character, bidi.EN or bidi.AN for the characters
// that rules W1 to W5 make part of a number (digits, a separator between
// two digits, terminators such as % next to European digits, marks on
// them), and bidi.ON for the others.
func numeric(rs []rune) []bidi.Class {
	cls := make([]bidi.Class, len(rs))
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		cls[i] = p.Class()
	}
	out := make([]bidi.Class, len(rs))
	last := bidi.L
	for i := range out {
		out[i] = bidi.ON
		switch cls[i] {
		case bidi.L, bidi.R, bidi.AL:
			last = cls[i]
		case bidi.AN:
			out[i] = bidi.AN
		case bidi.EN:
			// W2: a European number after Arabic letters is an Arabic one.
			out[i] = bidi.EN
			if last == bidi.AL {
				out[i] = bidi.AN
			}
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < len(rs); i++ {
		a, b := out[i-1], out[i+1]
		if a == bidi.ON || a != b {
			continue
		}
		if cls[i] == bidi.CS || (cls[i] == bidi.ES && a == bidi.EN) {
			out[i] = a
		}
	}
	// W5: terminators next to a European number join it.
	for i := range rs {
		if cls[i] != bidi.ET || out[i] != bidi.ON {
			continue
		}
		j := i
		for j < len(rs) && cls[j] == bidi.ET {
			j++
		}
		if (i > 0 && out[i-1] == bidi.EN) || (j < len(rs) && out[j] == bidi.EN) {
			for k := i; k < j; k++ {
				out[k] = bidi.EN
			}
		}
	}
	// W1: a mark takes the class of what it marks.
	for i := 1; i < len(rs); i++ {
		if cls[i] == bidi.NSM && out[i-1] != bidi.ON {
			out[i] = out[i-1]
		}
	}
	return out
}

// reorder returns the order in which items of the given levels are drawn
// from left to right (rule L2): from the highest level down to the lowest
// odd one, every maximal sequence at that level or above is reversed.
func reorder(lv []int8) []int {
	order := make([]int, len(lv))
	hi, lo := int8(0), int8(127)
	for i, l := range lv {
		order[i] = i
		hi = max(hi, l)
		if l%2 == 1 {
			lo = min(lo, l)
		}
	}
	for level := hi; level >= lo && level > 0; level-- {
		for i := 0; i < len(order); {
			if lv[order[i]] < level {
				i++
				continue
			}
			j := i
			for j < len(order) && lv[order[j]] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}
