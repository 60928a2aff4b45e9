package ui

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// The quick analysis of an approved case, worked out after each pause in
// typing, holds its progress and the findings of a case under way: those
// of tracking.Findings, in its order.
func TestAnalysisOfATrackedCase(t *testing.T) {
	c := loadSample(t, "tracked")
	a := analyse(c, language.English)
	if a.progress == nil || a.progressErr != nil {
		t.Fatalf("no progress: %v", a.progressErr)
	}
	if want := tracking.Findings(c, a.res); !slices.EqualFunc(a.findings, want, func(x, y casebuilder.Finding) bool { return x == y }) {
		t.Errorf("findings %v, want tracking.Findings' %v", a.findings, want)
	}
	if a.progress.AsOf.String() != "2027-09" {
		t.Errorf("progress as of %s", a.progress.AsOf)
	}
}

// BenchmarkAnalyseTracked is the quick analysis of the tracked sample,
// progress included, as the app runs it after each pause in typing on the
// Track step: it must stay well within a keystroke's pause.
func BenchmarkAnalyseTracked(b *testing.B) {
	c := loadSample(b, "tracked")
	for b.Loop() {
		if a := analyse(c, language.English); a.progress == nil {
			b.Fatal("no progress")
		}
	}
}
