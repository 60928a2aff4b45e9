package pdftext

// thaiBreaks returns, per rune, whether a Thai word starts there inside a
// run of Thai letters.
func thaiBreaks(rs []rune) []bool {
	return make([]bool, len(rs))
}
