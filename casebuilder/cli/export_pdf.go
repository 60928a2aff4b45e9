package cli

import (
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/brief"
)

// writeBrief writes the PDF executive brief: casebuilder export --pdf OUT
// [--paper a4|letter] [--with-review] [--trials N] [--seed N]
// [--distribution pert|triangular] FILE. The desktop app writes it with the
// same brief.Write, and can pass the analysis it has already run
// (brief.Options.Analysis).
func writeBrief(c *casebuilder.Case, opts ExportOptions) ([]byte, error) {
	return brief.Write(c, brief.Options{Now: opts.Now, Paper: opts.Paper, WithReview: opts.WithReview, Simulation: opts.Simulation, Analysis: opts.Analysis})
}
