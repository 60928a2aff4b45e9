package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// run runs the command line and returns its exit status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeSample(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".hrcase")
	if code, _, stderr := run(t, "sample", name, "-o", path); code != 0 {
		t.Fatalf("sample %s: exit %d, %s", name, code, stderr)
	}
	return path
}

func TestSample(t *testing.T) {
	path := writeSample(t, "turnover")
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("{\n  \"schemaVersion\": 3,")) {
		t.Fatalf("sample file starts %q (%v)", data[:min(40, len(data))], err)
	}
	// An existing file is never replaced without --force.
	code, _, stderr := run(t, "sample", "ramp", "-o", path)
	if code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the existing file changed")
	}
	if code, _, _ := run(t, "sample", "--force", "ramp", "-o", path); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	if code, stdout, _ := run(t, "sample", "stress"); code != 0 || !strings.Contains(stdout, `"alt-12"`) {
		t.Errorf("to stdout: exit %d", code)
	}
}

// summaryJSON is the part of `summary --json` that other tools rely on.
type summaryJSON struct {
	Title          string   `json:"title"`
	Currency       string   `json:"currency"`
	DiscountRate   *float64 `json:"discountRate"`
	PeriodsPerYear int      `json:"periodsPerYear"`
	CostOfPain     struct {
		Annual *float64          `json:"annual"`
		Steps  []json.RawMessage `json:"steps"`
	} `json:"costOfPain"`
	Alternatives []struct {
		Name          string    `json:"name"`
		DoNothing     bool      `json:"doNothing"`
		TotalCost     *float64  `json:"totalCost"`
		TotalBenefit  *float64  `json:"totalBenefit"`
		NetBenefit    *float64  `json:"netBenefit"`
		NPV           *float64  `json:"npv"`
		IRR           *float64  `json:"irr"`
		ROI           *float64  `json:"roi"`
		BCR           *float64  `json:"bcr"`
		PaybackMonths *float64  `json:"paybackMonths"`
		CashFlows     []float64 `json:"cashFlows"`
	} `json:"alternatives"`
	Recommended string `json:"recommended"`
}

func TestSummaryJSON(t *testing.T) {
	for _, name := range []string{"turnover", "ramp", "stress"} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := run(t, "summary", "--json", writeSample(t, name))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var s summaryJSON
			if err := json.Unmarshal([]byte(stdout), &s); err != nil {
				t.Fatal(err)
			}
			if s.Title == "" || s.Currency == "" || s.DiscountRate == nil || s.PeriodsPerYear != 12 ||
				s.CostOfPain.Annual == nil || *s.CostOfPain.Annual <= 0 || len(s.CostOfPain.Steps) == 0 || s.Recommended == "" {
				t.Errorf("summary header: %+v", s)
			}
			baselines := 0
			for _, a := range s.Alternatives {
				if a.DoNothing {
					baselines++
				}
				if a.Name == "" || a.TotalCost == nil || a.TotalBenefit == nil || a.NetBenefit == nil || a.NPV == nil || len(a.CashFlows) == 0 {
					t.Fatalf("alternative %q lacks a figure", a.Name)
				}
				// The contract: npv is the discounted sum of cashFlows, to the cent.
				var npv, atIRR float64
				for m, f := range a.CashFlows {
					npv += f / math.Pow(1+*s.DiscountRate, float64(m)/float64(s.PeriodsPerYear))
					if a.IRR != nil {
						atIRR += f / math.Pow(1+*a.IRR, float64(m)/float64(s.PeriodsPerYear))
					}
				}
				if math.Abs(npv-*a.NPV) > 0.005 {
					t.Errorf("%s: npv %.4f, discounted cash flows %.4f", a.Name, *a.NPV, npv)
				}
				if a.IRR != nil && math.Abs(atIRR) > 1e-6*(*a.TotalCost+*a.TotalBenefit) {
					t.Errorf("%s: cash flows at the IRR sum to %v", a.Name, atIRR)
				}
			}
			if baselines != 1 {
				t.Errorf("%d do-nothing alternatives", baselines)
			}
		})
	}
}

func TestSummaryText(t *testing.T) {
	// The ramp sample with its attainment of a productive rep left out, to
	// take the default.
	path := writeSample(t, "ramp")
	data, _ := os.ReadFile(path)
	data = regexp.MustCompile(`\s*"productiveAttainment": [0-9.]+,`).ReplaceAll(data, nil)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := run(t, "summary", path)
	for _, want := range []string{
		"Cost of ramp-up time",
		"Yearly cost of ramp-up time",
		"(rule-of-thumb default)",
		"Alternative", "Payback (months)",
		"Do nothing (baseline)",
		"* Recommended: Twelve-week sales and clinical academy.",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestCheck(t *testing.T) {
	if code, stdout, _ := run(t, "check", writeSample(t, "turnover")); code != 0 || strings.Contains(stdout, "blocking  ") {
		t.Errorf("turnover: exit %d\n%s", code, stdout)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.hrcase")
	os.WriteFile(path, []byte(`{"schemaVersion": 2, "currency": "EUR", "horizonMonths": 12, "discountRate": -0.1,
	  "alternatives": [{"id": "a", "name": "A"}]}`), 0o600)
	code, stdout, _ := run(t, "check", path)
	for _, want := range []string{"blocking  There is no do-nothing alternative [no-baseline]",
		"discountRate: must be a yearly rate", "fix: alternatives › alternatives[0].costs"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check lacks %q:\n%s", want, stdout)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stdout, "Readiness ") || !strings.Contains(stdout, "/100.") {
		t.Errorf("check does not give the readiness:\n%s", stdout)
	}
	code, stdout, _ = run(t, "check", "--json", path)
	var out struct {
		Readiness                  *int
		Blocking, Warnings, Advice int
		Findings                   []struct {
			Rule, Severity, Message string
			Where                   struct{ Step, Path string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || code != 1 {
		t.Fatalf("exit %d, %v", code, err)
	}
	// Anything blocking caps the readiness below 50.
	if out.Readiness == nil || *out.Readiness > 49 || out.Blocking == 0 || out.Blocking+out.Warnings+out.Advice != len(out.Findings) {
		t.Errorf("readiness %v, counts %d/%d/%d of %d findings", out.Readiness, out.Blocking, out.Warnings, out.Advice, len(out.Findings))
	}
	rules := map[string]bool{}
	for _, f := range out.Findings {
		rules[f.Rule] = true
		if f.Where.Step == "" || f.Message == "" {
			t.Errorf("finding without a message or a step: %+v", f)
		}
	}
	for _, r := range []string{"no-baseline", "invalid-value", "alternative-without-costs", "pain-not-quantified"} {
		if !rules[r] {
			t.Errorf("no %s finding in %v", r, out.Findings)
		}
	}
}

// TestCheckFileProblems: what summary refuses the file for (a misspelt
// field, a number written as text, a key given twice) check lists as
// blocking, and exits 1, instead of reviewing what it could read and
// passing the file.
func TestCheckFileProblems(t *testing.T) {
	data, err := os.ReadFile(writeSample(t, "turnover"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, old, new, want string }{
		{"unknown field", `"discountRate": 0.1,`, `"discountRate": 0.1, "discountRat": 0.2,`,
			"discountRat: is not a field of a case file here"},
		{"wrong type", `"discountRate": 0.1,`, `"discountRate": "0.1",`, `discountRate: must be a number (got "0.1")`},
		{"duplicate key", `"discountRate": 0.1,`, `"discountRate": 0.1, "discountRate": 0.1,`, "discountRate: appears twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(data, []byte(tt.old)) {
				t.Fatalf("the sample has no %s", tt.old)
			}
			path := filepath.Join(t.TempDir(), "case.hrcase")
			bad := bytes.Replace(data, []byte(tt.old), []byte(tt.new), 1)
			os.WriteFile(path, bad, 0o600)
			if code, _, stderr := run(t, "summary", path); code != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("summary: exit %d, %q; want 1 and %q", code, stderr, tt.want)
			}
			code, stdout, _ := run(t, "check", path)
			if code != 1 || !strings.Contains(stdout, "blocking  ") || !strings.Contains(stdout, tt.want) {
				t.Errorf("check: exit %d, want 1 and a blocking %q:\n%s", code, tt.want, stdout)
			}
			code, stdout, _ = run(t, "check", "--json", path)
			var out struct{ Blocking int }
			if err := json.Unmarshal([]byte(stdout), &out); err != nil || code != 1 || out.Blocking != 1 {
				t.Errorf("check --json: exit %d, %d blocking (%v); want 1 and 1", code, out.Blocking, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
				t.Error("the case file changed")
			}
		})
	}
}

// TestBadInput checks that every bad command line fails with one line on
// stderr, a non-zero status, and the input file unchanged.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "notes.hrcase")
	os.WriteFile(notJSON, []byte("Meeting notes, not a case"), 0o600)
	truncated := filepath.Join(dir, "cut.hrcase")
	full, _ := os.ReadFile(writeSample(t, "turnover"))
	os.WriteFile(truncated, full[:len(full)/3], 0o600)
	future := filepath.Join(dir, "future.hrcase")
	os.WriteFile(future, []byte(`{"schemaVersion": 99}`), 0o600)

	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, ""},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"summary"}, 2, "needs exactly one case file"},
		{[]string{"summary", "--colour", notJSON}, 2, "flag provided but not defined: -colour"},
		{[]string{"summary", filepath.Join(dir, "missing.hrcase")}, 1, "missing.hrcase: does not exist"},
		{[]string{"summary", dir}, 1, "is a folder"},
		{[]string{"summary", notJSON}, 1, "notes.hrcase is not valid JSON at line 1, column 1"},
		{[]string{"summary", truncated}, 1, "the file is truncated or damaged"},
		{[]string{"check", truncated}, 1, "the file is truncated or damaged"},
		{[]string{"summary", future}, 1, "schemaVersion: is 99: the file was written by a newer Case Builder"},
		{[]string{"summary", "--trials", "0", truncated}, 2, "--trials must be between 1 and 100000 (got 0)"},
		{[]string{"summary", "--trials", "1000001", truncated}, 2, "--trials: must be between 1 and 100000 (got 1000001)"},
		{[]string{"summary", "--trials", "many", truncated}, 2, `invalid value "many" for flag -trials: must be a whole number`},
		{[]string{"summary", "--seed", "-1", truncated}, 2, `invalid value "-1" for flag -seed: must be a whole number, 0 or more`},
		{[]string{"summary", "--distribution", "normal", truncated}, 2, `--distribution: must be "pert" or "triangular" (got "normal")`},
		{[]string{"sample", "nonsense"}, 2, `there is no sample "nonsense"`},
		{[]string{"sample"}, 2, "needs the name of one sample"},
		{[]string{"sample", "turnover", "-o", filepath.Join(dir, "no", "such", "folder.hrcase")}, 1, "cannot be written in its folder"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			before, _ := os.ReadFile(truncated)
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if tt.args != nil && (strings.Count(stderr, "\n") != 1 || stdout != "") {
				t.Errorf("stderr %q, stdout %q; want one line on stderr only", stderr, stdout)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q, want %q", stderr, tt.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace: %s", stderr)
			}
			if after, _ := os.ReadFile(truncated); !bytes.Equal(before, after) {
				t.Error("the input file changed")
			}
		})
	}
}

func TestHelp(t *testing.T) {
	code, stdout, _ := run(t, "help")
	if code != 0 || !strings.Contains(stdout, "casebuilder summary [--json] [--as-of YYYY-MM] [--trials N] [--seed N]") ||
		!strings.Contains(stdout, "casebuilder approve --date YYYY-MM-DD --by NAME [--stage N] [--conditions TEXT]") ||
		!strings.Contains(stdout, "casebuilder import [--spend CSV] [--kpi CSV] [--milestones CSV] FILE") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	if !IsCommand("summary") || !IsCommand("--help") || IsCommand("my.hrcase") {
		t.Error("IsCommand")
	}
}

func TestExportRefusesTheCaseFile(t *testing.T) {
	saved := exportFormats
	exportFormats = append(slices.Clip(exportFormats), exportFormat{name: "txt", usage: "test format", write: func(c *casebuilder.Case, _ ExportOptions) ([]byte, error) {
		return []byte(c.Title), nil
	}})
	defer func() { exportFormats = saved }()
	path := writeSample(t, "turnover")
	before, _ := os.ReadFile(path)
	code, _, stderr := run(t, "export", "--txt", path, path)
	if code != 1 || !strings.Contains(stderr, "that is the case file itself") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	// The same file by another name.
	code, _, _ = run(t, "export", "--txt", filepath.Join(filepath.Dir(path), ".", filepath.Base(path)), path)
	if after, _ := os.ReadFile(path); code != 1 || !bytes.Equal(before, after) {
		t.Errorf("exit %d; the case file changed", code)
	}
	out := filepath.Join(t.TempDir(), "title.txt")
	if code, _, stderr := run(t, "export", path, "--txt", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); !strings.HasPrefix(string(got), "Cutting sales turnover") {
		t.Errorf("exported %q", got)
	}
	if code, _, stderr := run(t, "export", path); code != 2 || !strings.Contains(stderr, "nothing to export") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "export", "--paper", "a3", "--txt", out, path); code != 2 {
		t.Errorf("--paper a3: exit %d", code)
	}
}

// analysisJSON is what `summary --json` adds for the weighing and the
// challenge of the case.
type analysisJSON struct {
	Readiness *int `json:"readiness"`
	Scores    []struct {
		ID            string  `json:"id"`
		WeightedTotal float64 `json:"weightedTotal"`
		Rank          int     `json:"rank"`
	} `json:"scores"`
	SensitivityOf string `json:"sensitivityOf"`
	Sensitivity   []struct {
		Input   string   `json:"input"`
		NPVLow  *float64 `json:"npvLow"`
		NPVHigh *float64 `json:"npvHigh"`
	} `json:"sensitivity"`
	TopDrivers []string `json:"topDrivers"`
	MonteCarlo []struct {
		ID              string   `json:"id"`
		Trials          int      `json:"trials"`
		Seed            uint64   `json:"seed"`
		NPVP10          *float64 `json:"npvP10"`
		NPVP50          *float64 `json:"npvP50"`
		NPVP90          *float64 `json:"npvP90"`
		ROIP50          *float64 `json:"roiP50"`
		ProbNPVPositive *float64 `json:"probNpvPositive"`
		Histogram       []struct{ Count int }
	} `json:"monteCarlo"`
	Review []struct {
		Rule, Severity, Message string
		Where                   struct{ Step, Path string }
	} `json:"review"`
}

func TestSummaryAnalysis(t *testing.T) {
	path := writeSample(t, "turnover")
	code, stdout, stderr := run(t, "summary", "--json", "--trials", "2000", "--seed", "3", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s analysisJSON
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatal(err)
	}
	// The weighted totals worked by hand from the sample's scores and
	// weights (30/20/15/15/10/10 %): do nothing 1.70, onboarding 4.15,
	// compensation 2.45, hiring 2.85.
	want := map[string]struct {
		total float64
		rank  int
	}{"nothing": {1.70, 4}, "onboarding": {4.15, 1}, "compensation": {2.45, 3}, "hiring": {2.85, 2}}
	if len(s.Scores) != len(want) {
		t.Fatalf("%d scores", len(s.Scores))
	}
	for _, sc := range s.Scores {
		if w := want[sc.ID]; math.Abs(sc.WeightedTotal-w.total) > 1e-9 || sc.Rank != w.rank {
			t.Errorf("%s: total %v rank %d, want %v and %d", sc.ID, sc.WeightedTotal, sc.Rank, w.total, w.rank)
		}
	}
	if s.SensitivityOf != "onboarding" || len(s.Sensitivity) < 5 || len(s.TopDrivers) != 3 || s.TopDrivers[0] != s.Sensitivity[0].Input {
		t.Errorf("sensitivity of %q: %d inputs, top %v", s.SensitivityOf, len(s.Sensitivity), s.TopDrivers)
	}
	for i, d := range s.Sensitivity {
		if d.NPVLow == nil || d.NPVHigh == nil {
			t.Fatalf("%s lacks a figure", d.Input)
		}
		if i > 0 {
			prev := s.Sensitivity[i-1]
			if math.Abs(*d.NPVHigh-*d.NPVLow) > math.Abs(*prev.NPVHigh-*prev.NPVLow) {
				t.Errorf("the tornado is not sorted: %s after %s", d.Input, prev.Input)
			}
		}
	}
	if len(s.MonteCarlo) != 4 {
		t.Fatalf("%d simulated alternatives", len(s.MonteCarlo))
	}
	for _, m := range s.MonteCarlo {
		if m.Trials != 2000 || m.Seed != 3 || m.NPVP10 == nil || m.NPVP50 == nil || m.NPVP90 == nil || m.ProbNPVPositive == nil || len(m.Histogram) == 0 {
			t.Fatalf("%s: %+v", m.ID, m)
		}
		if !(*m.NPVP10 <= *m.NPVP50 && *m.NPVP50 <= *m.NPVP90) || *m.ProbNPVPositive < 0 || *m.ProbNPVPositive > 1 {
			t.Errorf("%s: P10 %v, P50 %v, P90 %v, P(NPV>0) %v", m.ID, *m.NPVP10, *m.NPVP50, *m.NPVP90, *m.ProbNPVPositive)
		}
		if (m.ROIP50 == nil) != (m.ID == "nothing") {
			t.Errorf("%s: ROI P50 %v", m.ID, m.ROIP50)
		}
	}
	if s.Readiness == nil || *s.Readiness < 50 {
		t.Errorf("readiness %v", s.Readiness)
	}
	for _, f := range s.Review {
		if f.Severity == "blocking" || f.Rule == "" || f.Where.Step == "" {
			t.Errorf("review: %+v", f)
		}
	}

	// The same seed gives the same figures; another seed other ones.
	if _, again, _ := run(t, "summary", "--json", "--seed", "3", "--trials", "2000", path); again != stdout {
		t.Error("the same seed gives other output")
	}
	_, other, _ := run(t, "summary", "--json", "--seed", "4", "--trials", "2000", path)
	var o analysisJSON
	if err := json.Unmarshal([]byte(other), &o); err != nil || *o.MonteCarlo[1].NPVP50 == *s.MonteCarlo[1].NPVP50 {
		t.Errorf("seed 4 gives the same median as seed 3 (%v)", err)
	}

	_, text, _ := run(t, "summary", "--distribution", "triangular", path)
	for _, want := range []string{"Weighted criteria", "Sensitivity of the NPV of Structured onboarding and coaching",
		"It depends most on: ", "Monte Carlo simulation (10,000 trials, triangular estimates, seed 0;", "P(NPV > 0)", "Readiness: "} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

// TestCheckReportsWhatReadingFound checks that check reports a problem
// only the reading of the file sees (a duplicate key, a number out of
// range), as blocking: the case read is otherwise fine.
func TestCheckReportsWhatReadingFound(t *testing.T) {
	data, err := os.ReadFile(writeSample(t, "turnover"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ old, new, want string }{
		{`"title": `, `"title": "Old title", "title": `, "title: appears twice in the same object; keep one"},
		{`"amount": 36000`, `"amount": 1e400`, "alternatives[1].costs[2].amount: is out of range (got 1e400)"},
	} {
		path := filepath.Join(t.TempDir(), "edited.hrcase")
		os.WriteFile(path, bytes.Replace(data, []byte(tt.old), []byte(tt.new), 1), 0o600)
		code, stdout, _ := run(t, "check", path)
		if code != 1 || !strings.Contains(stdout, "blocking  "+tt.want+" [invalid-value]") || !strings.Contains(stdout, "1 blocking") {
			t.Errorf("%s: exit %d\n%s", tt.want, code, stdout)
		}
	}
}

// TestSummaryWithoutSimulation: a summary of an analysis whose simulation
// was skipped says nothing of a simulation, in Go and in JSON.
func TestSummaryWithoutSimulation(t *testing.T) {
	c, err := casebuilder.Load(writeSample(t, "turnover"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewSummary(casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true}))
	if s.MonteCarlo != nil || s.Simulation != nil {
		t.Errorf("simulation %+v, monteCarlo %v; want none", s.Simulation, s.MonteCarlo)
	}
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), `"monteCarlo"`) || strings.Contains(string(out), `"simulation"`) {
		t.Errorf("the JSON speaks of a simulation: %.200s", out)
	}
	if s.RecommendedID != "onboarding" || s.Readiness != 100 || s.PeriodsPerYear != 12 {
		t.Errorf("recommended %q, readiness %d, %d periods a year", s.RecommendedID, s.Readiness, s.PeriodsPerYear)
	}
}
