package tracking

import (
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// AnalysisOptions choose how [Analyse] runs: the model's options, and the
// month of the progress.
type AnalysisOptions struct {
	casebuilder.AnalysisOptions
	// AsOf is the month of the progress; zero is the month of the latest
	// actual (see [DefaultAsOf]).
	AsOf Month
}

// Analysis is the analysis of a case (see [casebuilder.Analysis]) with,
// once it is approved, its progress, and the findings of a case under way
// among its review's.
type Analysis struct {
	*casebuilder.Analysis
	// Progress is the progress as of the month; nil before approval.
	Progress *Progress
}

// Analyse analyses a case as [casebuilder.Analyse] does and, when it is
// approved, works out its progress and adds the findings of a case under
// way (see [Review]) to the review, most severe first, with the readiness
// score worked out again on all of them. It returns an error only for a
// month outside the programme.
func Analyse(c *casebuilder.Case, opts AnalysisOptions) (*Analysis, error) {
	a := &Analysis{Analysis: casebuilder.Analyse(c, opts.AnalysisOptions)}
	if c.Tracking == nil {
		return a, nil
	}
	p, err := ProgressOf(c, Options{AsOf: opts.AsOf})
	if err != nil {
		return nil, err
	}
	a.Progress = p
	a.Review = mergeFindings(a.Review, Review(c, p))
	a.Readiness = casebuilder.Readiness(a.Review)
	return a, nil
}

// mergeFindings returns the findings of both reviews, most severe first,
// each review's in its own order within a severity.
func mergeFindings(model, tracking []casebuilder.Finding) []casebuilder.Finding {
	out := append(slices.Clone(model), tracking...)
	order := map[casebuilder.Severity]int{casebuilder.Blocking: 0, casebuilder.Warning: 1, casebuilder.Advice: 2}
	slices.SortStableFunc(out, func(a, b casebuilder.Finding) int { return order[a.Severity] - order[b.Severity] })
	if out == nil {
		out = []casebuilder.Finding{}
	}
	return out
}

// Findings returns the review of a case (see [casebuilder.Review]) with,
// once it is approved, the findings of a case under way as of the month of
// its latest actual, most severe first.
func Findings(c *casebuilder.Case, res *casebuilder.Result) []casebuilder.Finding {
	fs := casebuilder.Review(c, res)
	if c.Tracking == nil {
		return fs
	}
	p, err := ProgressOf(c, Options{})
	if err != nil {
		return fs
	}
	return mergeFindings(fs, Review(c, p))
}
