package cli

import (
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/workbook"
)

// The Excel workbook: casebuilder export --xlsx OUT FILE. The desktop app
// exports with the same workbook.Write. The export command has no
// simulation options (yet), so the workbook's simulation runs with the
// defaults of `casebuilder summary` (10,000 PERT trials, seed 0) and shows
// the same percentiles as `summary --json` for the same case.
func init() {
	registerExport(exportFormat{
		name:  "xlsx",
		usage: "write the case as an Excel workbook to `OUT`",
		write: func(c *casebuilder.Case, opts ExportOptions) ([]byte, error) {
			return workbook.Write(c, workbook.Options{Now: opts.Now, Simulation: casebuilder.SimulationOptions{
				Trials: casebuilder.DefaultTrials, Seed: 0, Distribution: casebuilder.PERT}})
		},
	})
}
