package cli

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// ExportOptions are the choices an export takes from the command line.
type ExportOptions struct {
	// Now is the time written into the document. It is the current time,
	// or SOURCE_DATE_EPOCH when set, so that exports can be reproduced.
	Now time.Time
	// Paper is the paper size of printed documents: "a4" or "letter",
	// from --paper, or else the case's own, or else the locale's.
	Paper string
	// WithReview adds the CEO review to the brief (--with-review): it is
	// for the author, and left out of the brief by default.
	WithReview bool
	// Simulation is how the Monte Carlo simulation whose results an
	// export shows is run: --trials, --seed and --distribution, with the
	// same defaults as the summary command, so that an export and
	// `casebuilder summary` show the same percentiles for the same case.
	Simulation casebuilder.SimulationOptions
	// Analysis is the case's analysis with that simulation, run once for
	// every format of one export.
	Analysis *casebuilder.Analysis
}

// exportFormat is one format of the export command; the file that writes
// it is export_NAME.go.
type exportFormat struct {
	// name is the flag that names the output file: "xlsx" for --xlsx OUT.
	name  string
	usage string
	write func(c *casebuilder.Case, opts ExportOptions) ([]byte, error)
}

// exportFormats are the formats of the export command, in the order they
// are written.
var exportFormats = []exportFormat{
	{name: "pdf", usage: "write the executive brief (PDF) to `OUT`", write: writeBrief},
	{name: "xlsx", usage: "write the case as an Excel workbook to `OUT`", write: writeWorkbook},
}

func (r *runner) export(args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	outs := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		fs.StringVar(&outs[i], f.name, "", f.usage)
	}
	paper := newPaperFlag(fs, "paper size of the brief and the workbook: a4 or letter (default the case's own, or else the locale's)")
	withReview := fs.Bool("with-review", false, "add the CEO review to the brief, for the author (left out by default)")
	simFlags := newSimulationFlags(fs)
	path, ok := r.oneFile(fs, args)
	if !ok {
		return exitUsage
	}
	if err := paper.check(); err != nil {
		return r.usageError("%v", err)
	}
	sim, err := simFlags.options()
	if err != nil {
		return r.usageError("%v", err)
	}
	wanted := false
	for i, out := range outs {
		if out == "" {
			continue
		}
		wanted = true
		if casebuilder.SameFile(out, path) {
			r.fail("--%s %s: that is the case file itself; choose another name", exportFormats[i].name, out)
			return exitFail
		}
	}
	if !wanted {
		return r.usageError("nothing to export: name an output with --xlsx or --pdf")
	}
	c, err := casebuilder.Load(path)
	if err != nil {
		r.fail("%v", err)
		return exitFail
	}
	now, ok := r.exportTime()
	if !ok {
		return exitFail
	}
	opts := ExportOptions{Now: now, Paper: paper.of(c), WithReview: *withReview, Simulation: sim,
		Analysis: casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: sim})}
	for i, out := range outs {
		if out == "" {
			continue
		}
		data, err := exportFormats[i].write(c, opts)
		if err == nil {
			err = casebuilder.WriteFileAtomic(out, data, false)
		}
		if err != nil {
			r.fail("%s: %v", exportFormats[i].name, err)
			return exitFail
		}
	}
	return exitOK
}

// simulationFlags are the --trials, --seed and --distribution flags that
// summary and export share, with summary's defaults.
type simulationFlags struct {
	opts casebuilder.SimulationOptions
	dist string
}

func newSimulationFlags(fs *flag.FlagSet) *simulationFlags {
	f := &simulationFlags{}
	fs.IntVar(&f.opts.Trials, "trials", casebuilder.DefaultTrials, "Monte Carlo trials")
	fs.Uint64Var(&f.opts.Seed, "seed", 0, "seed of the Monte Carlo draws")
	fs.StringVar(&f.dist, "distribution", string(casebuilder.PERT), "shape of each estimate in the simulation: pert or triangular")
	return f
}

// options returns the options the flags give, or an error naming the flag
// out of range.
func (f *simulationFlags) options() (casebuilder.SimulationOptions, error) {
	o := f.opts
	o.Distribution = casebuilder.Distribution(f.dist)
	if o.Trials < 1 {
		return o, fmt.Errorf("--trials must be between 1 and %d (got %d)", casebuilder.MaxTrials, o.Trials)
	}
	if err := o.Check(); err != nil {
		return o, fmt.Errorf("--%v", err)
	}
	return o, nil
}

// paperFlag is the --paper flag that export and report share: a4 or
// letter, or left out for the case's own paper, else the locale's.
type paperFlag struct {
	paper string
}

// newPaperFlag defines --paper on fs, with usage as its help.
func newPaperFlag(fs *flag.FlagSet, usage string) *paperFlag {
	f := &paperFlag{}
	fs.StringVar(&f.paper, "paper", "", usage)
	return f
}

// check returns an error when the paper given is neither a4 nor letter.
func (f *paperFlag) check() error {
	if f.paper != "" && f.paper != casebuilder.PaperA4 && f.paper != casebuilder.PaperLetter {
		return fmt.Errorf("--paper must be a4 or letter (got %q)", f.paper)
	}
	return nil
}

// of returns the paper to print c on: the one given, or else the case's
// own, or else the locale's.
func (f *paperFlag) of(c *casebuilder.Case) string {
	if f.paper != "" {
		return f.paper
	}
	return casebuilder.CasePaper(c, casebuilder.DefaultPaper())
}

// exportTime is now, or SOURCE_DATE_EPOCH (seconds since 1970) when set:
// the time written into what a command writes. It reports a
// SOURCE_DATE_EPOCH that is not a number, and returns false.
func (r *runner) exportTime() (time.Time, bool) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now(), true
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		r.fail("SOURCE_DATE_EPOCH must be a number of seconds (got %q)", s)
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}
