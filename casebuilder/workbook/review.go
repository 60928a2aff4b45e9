package workbook

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// The CEO review sheet: the readiness score and every objection Case
// Builder's review raised at export (casebuilder.Review), most severe
// first, each with why a CEO would object and where to fix it. It is the
// last sheet, as the review is the method's last step: it looks at every
// part of the case.
const (
	rvSeverity = iota + 1
	rvFinding
	rvWhy
	rvStep
	rvField
	rvRule
)

const (
	reviewReadinessRow = 4
	reviewHeadRow      = 7
)

var reviewWidths = []float64{12, 58, 52, 14, 30, 26}

func (b *book) writeReview() {
	widths := reviewWidths
	last := len(widths)
	s := b.open(sheetReview, sheetSetup{widths: widths, freezeRow: reviewHeadRow + 1, titleFrom: reviewHeadRow, titleRows: reviewHeadRow, gridlines: true, tab: "C00000"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "CEO review")}, 24)
	note := "What a sceptical CEO would object to: the review computed by Case Builder at export; not recalculated. Most severe first: " +
		"a blocking finding would sink the case, a warning is a question the CEO is likely to ask, advice makes a good case better. " +
		"Fix each in Case Builder at the step named, then export again."
	s.wide(2, last, rCaution, note)

	count := map[casebuilder.Severity]int{}
	for _, f := range b.an.Review {
		count[f.Severity]++
	}
	r := make([]any, last)
	r[0] = b.text(rBold, "Readiness")
	r[1] = b.number(rScore, nOutOf100, float64(b.an.Readiness))
	s.put(reviewReadinessRow, r, 20)
	explain := sentence(fmt.Sprintf("%s, %s and %s. The score starts at 100 and takes off 20 for each blocking finding, 5 for each warning and 1 "+
		"for each piece of advice, counting at most three findings of any one rule; while anything is blocking it is at most 49, so 50 and "+
		"more means nothing stops the case.", plural(count[casebuilder.Blocking], "blocking finding", "blocking findings"),
		plural(count[casebuilder.Warning], "warning", "warnings"), plural(count[casebuilder.Advice], "piece of advice", "pieces of advice")))
	s.wide(reviewReadinessRow+1, last, rNote, explain)

	s.put(reviewHeadRow, b.textHeader(last, "Severity", "Finding", "Why a CEO would object", "Fix at the step", "Field in the case", "Rule"), 30)
	if len(b.an.Review) == 0 {
		s.put(reviewHeadRow+1, []any{nil, b.text(rNote, "The review found nothing to object to.")}, 0)
		return
	}
	for i, f := range b.an.Review {
		r := make([]any, last)
		r[rvSeverity-1] = b.severityCell(f.Severity)
		r[rvFinding-1] = b.text(rWrap, f.Message)
		r[rvWhy-1] = b.text(rWrap, f.Why)
		r[rvStep-1] = b.text(rPlain, f.Where.Step.Name())
		r[rvField-1] = b.text(rKey, f.Where.Path)
		r[rvRule-1] = b.text(rKey, f.Rule)
		height := max(rowHeight(f.Message, widths[rvFinding-1]), rowHeight(f.Why, widths[rvWhy-1]))
		s.put(reviewHeadRow+1+i, r, height)
	}
}

// severityCell is a finding's severity as the sheet shows it: its word, in
// the look of its severity.
func (b *book) severityCell(s casebuilder.Severity) any {
	switch s {
	case casebuilder.Blocking:
		return b.text(rBlocking, "Blocking")
	case casebuilder.Warning:
		return b.text(rWarning, "Warning")
	case casebuilder.Advice:
		return b.text(rAdvice, "Advice")
	}
	return b.text(rAdvice, string(s))
}

// sentence starts text with a capital.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// plural writes a count of things: "1 warning", "3 warnings", "no warnings".
func plural(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	}
	return figure.Plural(n, one, many)
}
