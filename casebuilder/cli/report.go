package cli

import (
	"errors"
	"flag"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/report"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// progressReport writes the monthly progress report of an approved case:
// casebuilder report [--as-of YYYY-MM] [--paper a4|letter] [--with-review]
// -o OUT.pdf FILE.
func (r *runner) progressReport(args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	var out string
	fs.StringVar(&out, "o", "", "the PDF file to write")
	fs.StringVar(&out, "out", "", "the PDF file to write")
	asOfArg := newAsOfFlag(fs, "the report's month, YYYY-MM (default: the month of the latest actual)")
	paper := newPaperFlag(fs, "paper size of the report: a4 or letter (default the case's own, or else the locale's)")
	withReview := fs.Bool("with-review", false, "add what a sceptical CEO would object to in the progress, for the author")
	path, ok := r.oneFile(fs, args)
	if !ok {
		return exitUsage
	}
	if out == "" || out == "-" {
		return r.usageError("needs -o OUT.pdf, the file to write the report to")
	}
	if err := paper.check(); err != nil {
		return r.usageError("%v", err)
	}
	asOf, err := asOfArg.month()
	if err != nil {
		return r.usageError("%v", err)
	}
	if casebuilder.SameFile(out, path) {
		r.fail("-o %s: that is the case file itself; choose another name", out)
		return exitFail
	}
	c, ok := r.loadValid(path, "reporting on it")
	if !ok {
		return exitFail
	}
	now, ok := r.exportTime()
	if !ok {
		return exitFail
	}
	data, err := report.Write(c, report.Options{AsOf: asOf, Now: now, Paper: paper.of(c), WithReview: *withReview})
	switch {
	case errors.Is(err, tracking.ErrNotApproved):
		r.fail("%s: %v", path, err)
		return exitFail
	case err != nil && asOfArg.text != "":
		r.fail("%s: --as-of %v", path, err)
		return exitFail
	case err != nil:
		r.fail("%s: %v", path, err)
		return exitFail
	}
	if err := casebuilder.WriteFileAtomic(out, data, false); err != nil {
		r.fail("%v", err)
		return exitFail
	}
	return exitOK
}
