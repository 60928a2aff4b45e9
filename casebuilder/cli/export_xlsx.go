package cli

import (
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/workbook"
)

// writeWorkbook writes the Excel workbook: casebuilder export --xlsx OUT
// FILE. The desktop app exports with the same workbook.Write. The
// simulation flags are summary's, so the workbook shows the same
// percentiles as `summary --json` for the same flags.
func writeWorkbook(c *casebuilder.Case, opts ExportOptions) ([]byte, error) {
	return workbook.Write(c, workbook.Options{Now: opts.Now, Simulation: opts.Simulation, Analysis: opts.Analysis, Paper: opts.Paper})
}
