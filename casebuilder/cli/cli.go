// Package cli is the casebuilder command line: it writes samples, prints a
// case's figures, checks a case, exports it, records its approval and
// actuals, and writes its monthly progress report, without any window. The
// casebuilder program hands it every command-line call that is not for the
// desktop app.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the command ran and found a problem, or failed
	exitUsage = 2 // the command line is wrong
)

// command is one subcommand.
type command struct {
	name    string
	usage   string // arguments, after the name
	summary string
	run     func(r *runner, args []string) int
}

// commands returns the command table, in the order help lists them. It is
// a function rather than a variable because help, which lists the
// commands, is one of them.
func commands() []command {
	return []command{
		{"sample", "[" + assets.SampleNames("|") + "] [-o FILE] [--force]",
			"write a sample case to FILE (or to standard output)", (*runner).sample},
		{"summary", "[--json] [--as-of YYYY-MM] [--trials N] [--seed N] [--distribution pert|triangular] FILE",
			"print the cost of pain, every alternative's figures, scores, sensitivity and simulation, and an approved case's progress", (*runner).summary},
		{"check", "[--json] FILE", "list what a sceptical CEO would object to, with the readiness score; exit 1 when any is blocking", (*runner).check},
		{"export", "[--xlsx OUT] [--pdf OUT] [--paper a4|letter] [--with-review] [--trials N] [--seed N] [--distribution pert|triangular] FILE",
			"write the case as an Excel workbook and/or a PDF brief", (*runner).export},
		{"approve", "--date YYYY-MM-DD --by NAME [--stage N] [--conditions TEXT] [--new-baseline] FILE",
			"record the approval of the case, keeping its approved figures and plan as the baseline", (*runner).approve},
		{"import", "[--spend CSV] [--kpi CSV] [--milestones CSV] FILE",
			"add actual spend, KPI readings and milestone progress to an approved case, all or nothing", (*runner).importActuals},
		{"report", "[--as-of YYYY-MM] [--paper a4|letter] [--with-review] -o OUT.pdf FILE",
			"write an approved case's monthly progress report as a PDF for the CEO, the CFO and the VP Sales", (*runner).progressReport},
		{"help", "", "print this help", (*runner).help},
	}
}

// IsCommand reports whether arg names a command (rather than a case file
// to open in the desktop app).
func IsCommand(arg string) bool {
	if strings.HasPrefix(arg, "-") {
		return true
	}
	for _, c := range commands() {
		if c.name == arg {
			return true
		}
	}
	return false
}

// Run runs the command line args (without the program's name), writes to
// stdout and stderr, and returns the exit status. Every failure is one
// line on stderr.
func Run(args []string, stdout, stderr io.Writer) (status int) {
	r := &runner{stdout: stdout, stderr: stderr}
	defer func() {
		// A bug must not show the user a stack trace or lose their work:
		// nothing is written after a failure, so say what happened and stop.
		if v := recover(); v != nil {
			r.fail("internal error: %v (please report it)", v)
			status = exitFail
		}
	}()
	if len(args) == 0 {
		r.printUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		return r.help(nil)
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, "casebuilder, case-file schema", casebuilder.SchemaVersion)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			r.cmd = c.name
			return c.run(r, args[1:])
		}
	}
	return r.usageError("unknown command %q", args[0])
}

type runner struct {
	stdout, stderr io.Writer
	cmd            string
}

func (r *runner) fail(format string, args ...any) {
	prefix := "casebuilder: "
	if r.cmd != "" {
		prefix = "casebuilder " + r.cmd + ": "
	}
	fmt.Fprintln(r.stderr, printable(prefix+fmt.Sprintf(format, args...)))
}

func (r *runner) usageError(format string, args ...any) int {
	r.fail(format+" (see casebuilder help)", args...)
	return exitUsage
}

func (r *runner) help([]string) int {
	r.printUsage(r.stdout)
	return exitOK
}

func (r *runner) printUsage(w io.Writer) {
	fmt.Fprintln(w, "Case Builder turns a problem in the sales force into a costed, defended plan.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  casebuilder %s %s\n      %s\n", c.name, c.usage, c.summary)
	}
	fmt.Fprintf(w, "\nA case is one %s file (JSON). Nothing is sent anywhere.\n", casebuilder.FileExtension)
}

// parse parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func (r *runner) parse(fs *flag.FlagSet, args []string) ([]string, bool) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				r.help(nil)
			} else {
				// The flag package says "parse error" of "--seed -1" or
				// "--trials many"; say what the flag takes instead.
				msg := strings.Replace(err.Error(), ": parse error", ": must be a whole number, 0 or more", 1)
				r.usageError("%s", msg)
			}
			return nil, false
		}
		if fs.NArg() == 0 {
			return pos, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// oneFile parses the flags and the one case file a command takes.
func (r *runner) oneFile(fs *flag.FlagSet, args []string) (string, bool) {
	pos, ok := r.parse(fs, args)
	if !ok {
		return "", false
	}
	if len(pos) != 1 {
		r.usageError("needs exactly one case file (got %d arguments)", len(pos))
		return "", false
	}
	return pos[0], true
}

func (r *runner) sample(args []string) int {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	var out string
	fs.StringVar(&out, "o", "", "write to this file")
	fs.StringVar(&out, "out", "", "write to this file")
	force := fs.Bool("force", false, "replace FILE if it exists")
	pos, ok := r.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) != 1 {
		return r.usageError("needs the name of one sample: %s", assets.SampleNames(", "))
	}
	data, err := assets.SampleFile(pos[0])
	if err != nil {
		return r.usageError("%v", err)
	}
	if out == "" || out == "-" {
		r.stdout.Write(data)
		return exitOK
	}
	if _, err := os.Stat(out); err == nil && !*force {
		r.fail("%s already exists; choose another name, or add --force to replace it", out)
		return exitFail
	}
	if err := casebuilder.WriteFileAtomic(out, data, true); err != nil {
		r.fail("%v", err)
		return exitFail
	}
	return exitOK
}

func (r *runner) summary(args []string) int {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	asOfArg := newAsOfFlag(fs, "the month of an approved case's progress, YYYY-MM (default: the month of the latest actual)")
	simFlags := newSimulationFlags(fs)
	path, ok := r.oneFile(fs, args)
	if !ok {
		return exitUsage
	}
	sim, err := simFlags.options()
	if err != nil {
		return r.usageError("%v", err)
	}
	asOf, err := asOfArg.month()
	if err != nil {
		return r.usageError("%v", err)
	}
	c, err := casebuilder.Load(path)
	if err != nil {
		r.fail("%v", err)
		return exitFail
	}
	if asOf != (tracking.Month{}) && !c.IsApproved() {
		r.fail("%s: --as-of: %v", path, tracking.ErrNotApproved)
		return exitFail
	}
	a, err := tracking.Analyse(c, tracking.AnalysisOptions{AnalysisOptions: casebuilder.AnalysisOptions{Simulation: sim}, AsOf: asOf})
	if err != nil {
		r.fail("%s: --as-of %v", path, err)
		return exitFail
	}
	s := NewSummary(a.Analysis)
	s.AddTracking(a.Progress)
	if *asJSON {
		err = r.writeJSON(s)
	} else {
		err = s.WriteText(textWriter{r.stdout})
	}
	if err != nil {
		r.fail("%v", err)
		return exitFail
	}
	return exitOK
}

func (r *runner) check(args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	path, ok := r.oneFile(fs, args)
	if !ok {
		return exitUsage
	}
	c, err := casebuilder.Load(path)
	if c == nil {
		r.fail("%v", err)
		return exitFail
	}
	// A case with invalid values is still reviewed: the review reports
	// each invalid value as a blocking finding, with the rest, and what
	// only the reading of the file saw (a value of the wrong type, a
	// duplicate key) comes first.
	findings := casebuilder.WithFileFindings(casebuilder.FileFindings(c, err), tracking.Findings(c, casebuilder.Calculate(c)))
	if findings == nil {
		findings = []casebuilder.Finding{}
	}
	readiness := casebuilder.Readiness(findings)
	if *asJSON {
		blocking, warnings, advice := casebuilder.CountFindings(findings)
		if err := r.writeJSON(checkJSON{Readiness: readiness, Blocking: blocking,
			Warnings: warnings, Advice: advice, Findings: findings}); err != nil {
			r.fail("%v", err)
			return exitFail
		}
	} else {
		r.writeFindings(path, findings, readiness)
	}
	if casebuilder.HasBlocking(findings) {
		return exitFail
	}
	return exitOK
}

// checkJSON is what `check --json` prints.
type checkJSON struct {
	// Readiness is the readiness score, 0 to 100 (see casebuilder.Readiness).
	Readiness int                   `json:"readiness"`
	Blocking  int                   `json:"blocking"`
	Warnings  int                   `json:"warnings"`
	Advice    int                   `json:"advice"`
	Findings  []casebuilder.Finding `json:"findings"`
}

func (r *runner) writeFindings(path string, findings []casebuilder.Finding, readiness int) {
	out := textWriter{r.stdout}
	if len(findings) == 0 {
		fmt.Fprintf(out, "%s: no problems found. Readiness %d/100.\n", path, readiness)
		return
	}
	for _, f := range findings {
		fmt.Fprintf(out, "%-8s  %s [%s]\n          why: %s\n          fix: %s\n", f.Severity, f.Message, f.Rule, f.Why, f.Where)
	}
	fmt.Fprintf(out, "%s: %s. Readiness %d/100.\n", path, casebuilder.FindingCounts(findings), readiness)
}

func (r *runner) writeJSON(v any) error {
	enc := json.NewEncoder(r.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
