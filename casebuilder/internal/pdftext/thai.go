package pdftext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/casebuilder/casebuilder/assets"
)

// Thai writes no space between words: a line may break between two words,
// which are found in a word list (ICU's Thai dictionary), by the division
// of a run of Thai into the fewest words that leaves the fewest letters
// outside any word ("maximal matching", as ICU and libthai do).

var thaiDict struct {
	once  sync.Once
	words map[string]struct{}
	// longest is the length of the longest word, in runes.
	longest int
}

func loadThaiWords() {
	data, err := assets.ThaiWords()
	if err != nil {
		return
	}
	words := strings.Split(string(data), "\n")
	thaiDict.words = make(map[string]struct{}, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		thaiDict.words[w] = struct{}{}
		thaiDict.longest = max(thaiDict.longest, utf8.RuneCountInString(w))
	}
}

func isThai(r rune) bool { return r >= 0x0E01 && r <= 0x0E5B }

// thaiBreaks returns, per rune, whether a line may break before it
// because a Thai word starts there inside a run of Thai letters.
func thaiBreaks(rs []rune) []bool {
	var out []bool
	for i := 0; i < len(rs); {
		if !isThai(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (isThai(rs[j]) || isMark(rs[j])) {
			j++
		}
		if j-i > 1 {
			if out == nil {
				out = make([]bool, len(rs))
				thaiDict.once.Do(loadThaiWords)
			}
			for _, k := range thaiWords(rs[i:j]) {
				out[i+k] = true
			}
		}
		i = j
	}
	if out == nil {
		out = make([]bool, len(rs))
	}
	return out
}

// thaiWords divides a run of Thai into words and returns where each word
// but the first starts. Letters that begin no word of the list stay
// with their neighbours, as one unknown word, and no break parts a
// consonant from its marks or vowels.
func thaiWords(rs []rune) []int {
	n := len(rs)
	s := string(rs)
	off := make([]int, n+1) // byte offset of each rune
	for i, b := 0, 0; i < n; i++ {
		off[i] = b
		b += utf8.RuneLen(rs[i])
	}
	off[n] = len(s)
	type cost struct{ unknown, words int }
	better := func(a, b cost) bool {
		return a.unknown < b.unknown || (a.unknown == b.unknown && a.words < b.words)
	}
	const inf = 1 << 30
	best := make([]cost, n+1)
	from := make([]int, n+1)
	known := make([]bool, n+1) // whether the step to i is a word of the list
	for i := 1; i <= n; i++ {
		best[i] = cost{inf, inf}
	}
	for k := 0; k < n; k++ {
		if best[k].unknown == inf || !thaiCanCutRunes(rs, k) {
			continue
		}
		for l := 1; l <= thaiDict.longest && k+l <= n; l++ {
			if _, ok := thaiDict.words[s[off[k]:off[k+l]]]; !ok || !thaiCanCutRunes(rs, k+l) {
				continue
			}
			if c := (cost{best[k].unknown, best[k].words + 1}); better(c, best[k+l]) {
				best[k+l], from[k+l], known[k+l] = c, k, true
			}
		}
		// One letter outside the list, with what cannot be parted from it.
		e := k + 1
		for e < n && !thaiCanCutRunes(rs, e) {
			e++
		}
		if c := (cost{best[k].unknown + e - k, best[k].words + 1}); better(c, best[e]) {
			best[e], from[e], known[e] = c, k, false
		}
	}
	var starts []int
	for i := n; i > 0; i = from[i] {
		// Unknown letters next to each other make one word.
		if k := from[i]; k > 0 && (known[i] || known[k]) {
			starts = append(starts, k)
		}
	}
	for a, b := 0, len(starts)-1; a < b; a, b = a+1, b-1 {
		starts[a], starts[b] = starts[b], starts[a]
	}
	return starts
}

// thaiCanCutRunes reports whether a run of Thai may be parted before rune
// i: not before a mark or a vowel that follows its consonant, nor after a
// vowel written before its consonant.
func thaiCanCutRunes(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	next, prev := rs[i], rs[i-1]
	if unicode.Is(unicode.Mn, next) || next == 0x0E30 || next == 0x0E32 || next == 0x0E33 || next == 0x0E45 || next == 0x0E46 {
		return false
	}
	return prev < 0x0E40 || prev > 0x0E44
}
