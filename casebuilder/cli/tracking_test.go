package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// approvedSample writes the turnover sample and approves it.
func approvedSample(t *testing.T) string {
	t.Helper()
	path := writeSample(t, "turnover")
	code, stdout, stderr := run(t, "approve", "--date", "2026-12-15", "--by", "Executive committee", "--conditions", "Monthly report", path)
	// The turnover sample's costs, from its file: the design 140,000, two
	// coaches at 8,500 a month for months 2 to 35 (578,000), the content
	// at 36,000 a year from month 1 (108,000), the workshops 45,000, the
	// new hires' time at 160,000 a year from month 3 (480,000), and the
	// reserve, 0.3 × 90,000 + 0.4 × 20,000 + 0.2 × 40,000 + 0.15 ×
	// 60,000 = 52,000: 1,403,000.
	if code != 0 || !strings.Contains(stdout, `approved on 2026-12-15 by Executive committee: the whole plan of "Structured onboarding and coaching", a budget of €1,403,000 (the contingency reserve of €52,000 included).`) {
		t.Fatalf("approve: exit %d\n%s%s", code, stdout, stderr)
	}
	return path
}

func TestApproveCommand(t *testing.T) {
	path := writeSample(t, "turnover")
	sample, _ := os.ReadFile(path)
	path = approvedSample(t)
	data, _ := os.ReadFile(path)
	c, err := casebuilder.Decode(data)
	if err != nil || !c.IsApproved() || c.Tracking.Baseline.Approval.Conditions != "Monthly report" {
		t.Fatalf("the approved file: %v", err)
	}
	if bak, _ := os.ReadFile(path + casebuilder.BackupSuffix); !bytes.Equal(bak, sample) {
		t.Error("the backup is not the case as it was before approval")
	}
	// Approving it again is refused, and the case is left as it is.
	code, _, stderr := run(t, "approve", "--date", "2027-01-10", "--by", "CEO", path)
	if code != 1 || !strings.Contains(stderr, "the case was approved already, on 2026-12-15 by Executive committee") {
		t.Errorf("again: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the refused approval changed the case")
	}
	// With a new baseline, it is approved again, the first in its history.
	if code, _, stderr := run(t, "approve", "--date", "2027-01-10", "--by", "CEO", "--new-baseline", path); code != 0 {
		t.Fatalf("new baseline: exit %d, %s", code, stderr)
	}
	data, _ = os.ReadFile(path)
	c, _ = casebuilder.Decode(data)
	if len(c.Tracking.History) != 1 || c.Tracking.Baseline.Approval.By != "CEO" {
		t.Errorf("history %+v", c.Tracking.History)
	}
}

func TestApproveRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	sample := writeSample(t, "turnover")
	valid, _ := os.ReadFile(sample)
	invalid := filepath.Join(dir, "invalid.hrcase")
	os.WriteFile(invalid, bytes.Replace(valid, []byte(`"discountRate": 0.1`), []byte(`"discountRate": 2`), 1), 0o600)
	tests := []struct {
		name string
		args []string
		path string
		code int
		want string
	}{
		{"no date", []string{"--by", "CEO"}, sample, 2, "needs --date, the day of the decision, written YYYY-MM-DD"},
		{"a date unreadable", []string{"--date", "15/12/2026", "--by", "CEO"}, sample, 2, `--date must be a date written YYYY-MM-DD (got "15/12/2026")`},
		{"nobody", []string{"--date", "2026-12-15"}, sample, 2, "needs --by, who decided"},
		{"a stage of no gate", []string{"--date", "2026-12-15", "--by", "CEO", "--stage", "2"}, sample, 2, "--stage 2: the plan has no gate"},
		{"a gate unknown", []string{"--date", "2026-12-15", "--by", "CEO", "--stage", "pilot"}, sample, 1, `tracking.baseline.approval.upToGate: no gate of the plan has the ID "pilot"`},
		{"an invalid case", []string{"--date", "2026-12-15", "--by", "CEO"}, invalid, 1, "discountRate: must be a yearly rate between 0 and 1, e.g. 0.08 for 8 % (got 2); fix the case before approving it"},
		{"no case", []string{"--date", "2026-12-15", "--by", "CEO"}, filepath.Join(dir, "none.hrcase"), 1, "none.hrcase: does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			code, stdout, stderr := run(t, append(append([]string{"approve"}, tt.args...), tt.path)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 || stdout != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit %d, %q", code, stderr, stdout, tt.code, tt.want)
			}
			if after, _ := os.ReadFile(tt.path); !bytes.Equal(after, before) {
				t.Error("the case changed")
			}
			if _, err := os.Stat(tt.path + casebuilder.BackupSuffix); err == nil {
				t.Error("a backup was made")
			}
		})
	}
}

// The actuals of the turnover sample's first quarter, by hand.
const (
	spendCSV = "date,line,amount,note\n" +
		"2027-01-29,Programme design by an external partner,70000,First half\n" +
		"2027-02-26,Sales content on the company learning platform,36000,\n" +
		"2027-03-31,Two full-time sales coaches (loaded cost),\"17,000\",\n" +
		"2027-03-31,Coaching workshops for 14 sales managers,43800,\n" +
		"2027-03-20,reserve,9000,External coach for two weeks\n"
	kpiCSV = "date,measure,value\n" +
		"2027-01-31,\"Sales attrition, rolling twelve months\",33 %\n" +
		"2027-02-28,\"Sales attrition, rolling twelve months\",0.325\n" +
		"2027-03-31,\"Sales attrition, rolling twelve months\",32.2 %\n" +
		"2027-03-31,Coaching sessions per rep per month,0.6\n"
	milestonesCSV = "milestone,actualStart,actualEnd,percentComplete,status,note\n" +
		"approve,2027-01-04,2027-01-15,100,done,\n" +
		"partner,2027-01-18,2027-02-12,100,done,\n" +
		"coaches,2027-01-18,,80,in progress,One coach signed; the second starts on 3 May\n"
)

func writeCSV(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// trackingJSON is the "tracking" key of `summary --json`.
type trackingJSON struct {
	ApprovedOn             string   `json:"approvedOn"`
	AsOf                   string   `json:"asOf"`
	Month                  *int     `json:"month"`
	ApprovedBudget         *float64 `json:"approvedBudget"`
	PlannedToDate          *float64 `json:"plannedToDate"`
	SpentToDate            *float64 `json:"spentToDate"`
	ForecastAtCompletion   *float64 `json:"forecastAtCompletion"`
	BenefitsPlannedToDate  *float64 `json:"benefitsPlannedToDate"`
	BenefitsRealisedToDate *float64 `json:"benefitsRealisedToDate"`
	ReserveUsed            *float64 `json:"reserveUsed"`
	Milestones             []struct {
		Name       string  `json:"name"`
		PlannedEnd string  `json:"plannedEnd"`
		ActualEnd  *string `json:"actualEnd"`
		Status     string  `json:"status"`
		DaysLate   *int    `json:"daysLate"`
	} `json:"milestones"`
	KPIs []struct {
		Measure    string   `json:"measure"`
		Latest     *float64 `json:"latest"`
		LatestDate *string  `json:"latestDate"`
		Trajectory *float64 `json:"trajectory"`
		OnTrack    *bool    `json:"onTrack"`
	} `json:"kpis"`
	Gates []struct {
		Name   string `json:"name"`
		Status string `json:"status"`
	} `json:"gates"`
}

func summaryTracking(t *testing.T, args ...string) *trackingJSON {
	t.Helper()
	code, stdout, stderr := run(t, append([]string{"summary", "--json", "--trials", "200"}, args...)...)
	if code != 0 {
		t.Fatalf("summary: exit %d, %s", code, stderr)
	}
	var s struct {
		Tracking *trackingJSON `json:"tracking"`
	}
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, `"tracking": `) {
		t.Error("no tracking key")
	}
	return s.Tracking
}

func TestImportAndProgress(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1806883200") // 2027-04-05
	englishNumbers(t)
	path := writeSample(t, "turnover")
	if tr := summaryTracking(t, path); tr != nil {
		t.Errorf("tracking before approval: %+v", tr)
	}
	path = approvedSample(t)
	approvedFile, _ := os.ReadFile(path)
	spend, kpi, ms := writeCSV(t, "spend.csv", spendCSV), writeCSV(t, "kpi.csv", kpiCSV), writeCSV(t, "milestones.csv", milestonesCSV)
	code, stdout, stderr := run(t, "import", "--spend", spend, "--kpi", kpi, "--milestones", ms, path)
	want := spend + ": 5 rows: 5 added, 0 already in the case\n" + kpi + ": 4 rows: 4 added, 0 already in the case\n" +
		ms + ": 3 rows: 3 updated, 0 already in the case\n"
	if code != 0 || stdout != want {
		t.Fatalf("import: exit %d\n%s\nwant\n%s%s", code, stdout, want, stderr)
	}
	if bak, _ := os.ReadFile(path + casebuilder.BackupSuffix); !bytes.Equal(bak, approvedFile) {
		t.Error("the backup is not the case as it was before the import")
	}
	imported, _ := os.ReadFile(path)

	tr := summaryTracking(t, "--as-of", "2027-03", path)
	if tr.ApprovedOn != "2026-12-15" || tr.AsOf != "2027-03" || *tr.Month != 2 {
		t.Errorf("approved on %s, as of %s, month %d", tr.ApprovedOn, tr.AsOf, *tr.Month)
	}
	// Months 0 to 2 of the sample: the design and the reserve (192,000),
	// the content (36,000), the coaches' first month and the workshops
	// (62,000).
	for _, f := range []struct {
		name      string
		got, want *float64
	}{
		{"approvedBudget", tr.ApprovedBudget, ptrTo(1403000)},
		{"plannedToDate", tr.PlannedToDate, ptrTo(290000)},
		{"spentToDate", tr.SpentToDate, ptrTo(70000 + 36000 + 17000 + 43800 + 9000)},
		{"reserveUsed", tr.ReserveUsed, ptrTo(9000)},
		{"benefitsPlannedToDate", tr.BenefitsPlannedToDate, ptrTo(0)}, // from month 3 on
	} {
		if f.got == nil || math.Abs(*f.got-*f.want) > 0.005 {
			t.Errorf("%s = %v, want %v", f.name, deref(f.got), *f.want)
		}
	}
	if tr.ForecastAtCompletion == nil || tr.BenefitsRealisedToDate == nil || *tr.BenefitsRealisedToDate != 0 {
		t.Errorf("forecast %v, realised %v (no isolation recorded: nothing claimed)", deref(tr.ForecastAtCompletion), deref(tr.BenefitsRealisedToDate))
	}
	if len(tr.Milestones) != 8 || tr.Milestones[0].Name != "Approve the budget and appoint the programme owner" ||
		tr.Milestones[0].ActualEnd == nil || *tr.Milestones[0].ActualEnd != "2027-01-15" || tr.Milestones[0].Status != "done" {
		t.Errorf("milestones %+v", tr.Milestones)
	}
	// The coaches, 80 % done in the 73 days from 18 January to 31 March,
	// take 91 days, to 18 April: 18 days late.
	if m := tr.Milestones[2]; m.ActualEnd != nil || m.Status != "late" || *m.DaysLate != 18 || m.PlannedEnd != "2027-03-31" {
		t.Errorf("coaches %+v (actual end %v)", m, m.ActualEnd)
	}
	// Attrition from 33 % on 1 January 2027 to 29 % on 30 June 2028: on
	// 31 March, 89 of 546 days in, 0.33 − 0.04 × 89/546.
	k := tr.KPIs[0]
	if k.Measure != "Sales attrition, rolling twelve months" || *k.Latest != 0.322 || *k.LatestDate != "2027-03-31" || !*k.OnTrack ||
		math.Abs(*k.Trajectory-(0.33-0.04*89/546)) > 1e-12 {
		t.Errorf("attrition %+v", k)
	}
	if k := tr.KPIs[1]; k.Latest != nil || k.LatestDate != nil || k.Trajectory != nil || k.OnTrack != nil {
		t.Errorf("ramp-up, never read: %+v", k)
	}
	if len(tr.Gates) != 0 {
		t.Errorf("gates %+v", tr.Gates)
	}
	// By default, as of the month of the latest actual: March.
	if tr := summaryTracking(t, path); tr.AsOf != "2027-03" {
		t.Errorf("default as of %s", tr.AsOf)
	}

	// The same files again add nothing, and the case is not written.
	code, stdout, _ = run(t, "import", "--spend", spend, "--kpi", kpi, "--milestones", ms, path)
	if code != 0 || !strings.Contains(stdout, spend+": 5 rows: 0 added, 5 already in the case") || !strings.Contains(stdout, "nothing new; the case is as it was") {
		t.Errorf("again: exit %d\n%s", code, stdout)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, imported) {
		t.Error("importing the same files again changed the case")
	}
	if bak, _ := os.ReadFile(path + casebuilder.BackupSuffix); !bytes.Equal(bak, approvedFile) {
		t.Error("importing nothing new replaced the backup")
	}
	// The text summary shows the progress.
	if code, stdout, _ := run(t, "summary", "--trials", "200", path); code != 0 || !strings.Contains(stdout, "Progress as of March 2027 (approved on 2026-12-15 by Executive committee: the whole plan)") ||
		!strings.Contains(stdout, "Late: Hire two sales coaches, 18 days, forecast to end on 2027-04-18") {
		t.Errorf("text summary: exit %d\n%s", code, stdout)
	}
	// And check lists what a CEO would object to: the coaches late with a
	// note is fine; the design, due to start in February and not recorded,
	// and the coaching sessions off their trajectory are not.
	code, stdout, _ = run(t, "check", path)
	if !strings.Contains(stdout, `KPI "Coaching sessions per rep per month" reads 0.60 on 2027-03-31, off its trajectory of 0.99`) ||
		!strings.Contains(stdout, "fix: tracking › tracking.kpis") || strings.Contains(stdout, `"Hire two sales coaches" is running`) ||
		!strings.Contains(stdout, `Milestone "Design the 90-day onboarding path" is running 45 days late`) {
		t.Errorf("check: exit %d\n%s", code, stdout)
	}
}

func ptrTo(x float64) *float64 { return &x }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestImportRefusesBadInput(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1806883200") // 2027-04-05
	englishNumbers(t)
	path := approvedSample(t)
	notApproved := writeSample(t, "ramp")
	good := writeCSV(t, "good.csv", spendCSV)
	tests := []struct {
		name  string
		args  []string
		file  string
		code  int
		want  string
		files map[string]string
	}{
		{"nothing to import", nil, path, 2, "nothing to import: name a file with --spend, --kpi or --milestones", nil},
		{"not approved", []string{"--spend", good}, notApproved, 1, "ramp.hrcase: the case is not approved yet: approve it first (casebuilder approve)", nil},
		{"no such file", []string{"--spend", "/nonexistent/spend.csv"}, path, 1, "--spend /nonexistent/spend.csv: cannot be read: no such file or directory; nothing was imported", nil},
		{"an unknown line", []string{"--spend", "@bad"}, path, 1, `row 3, line: the approved alternative has no cost line called "Catering"`,
			map[string]string{"bad": "date,line,amount\n2027-01-29,Programme design by an external partner,70000\n2027-01-30,Catering,100\n"}},
		{"an unknown measure", []string{"--kpi", "@bad"}, path, 1, `row 2, measure: the approved plan has no KPI with the ID or name "Mood"`,
			map[string]string{"bad": "date,measure,value\n2027-01-31,Mood,3\n"}},
		{"a date before the start", []string{"--spend", "@bad"}, path, 1, "row 2, date: 2026-12-31 is before the programme starts, in January 2027",
			map[string]string{"bad": "date,line,amount\n2026-12-31,reserve,100\n"}},
		{"a date unreadable", []string{"--milestones", "@bad"}, path, 1, `row 2, actualStart: must be a date written YYYY-MM-DD (got "4 Jan 2027")`,
			map[string]string{"bad": "milestone,actualStart\napprove,4 Jan 2027\n"}},
		{"a date in the future", []string{"--spend", "@bad"}, path, 1, "row 2, date: 2027-04-06 is in the future (today is 2027-04-05)",
			map[string]string{"bad": "date,line,amount\n2027-04-06,reserve,100\n"}},
		{"an amount not a number", []string{"--spend", "@bad"}, path, 1, `row 2, amount: is not an amount: "seventy":`,
			map[string]string{"bad": "date,line,amount\n2027-01-29,reserve,seventy\n"}},
		{"a duplicate header", []string{"--spend", "@bad"}, path, 1, "row 1, date: is in the header twice, as columns 1 and 4",
			map[string]string{"bad": "date,line,amount,Date\n2027-01-29,reserve,1,2027-01-29\n"}},
		{"a good file and a bad one", []string{"--spend", good, "--kpi", "@bad"}, path, 1, "row 2, value: is empty: give the KPI's reading; nothing was imported",
			map[string]string{"bad": "date,measure,value\n2027-01-31,\"Sales attrition, rolling twelve months\",\n"}},
		{"the case itself", []string{"--spend", "@case"}, path, 2, "that is the case file itself", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"import"}
			for _, a := range tt.args {
				switch {
				case a == "@case":
					a = tt.file
				case strings.HasPrefix(a, "@"):
					a = writeCSV(t, a[1:]+".csv", tt.files[a[1:]])
				}
				args = append(args, a)
			}
			before, _ := os.ReadFile(tt.file)
			bakBefore, _ := os.ReadFile(tt.file + casebuilder.BackupSuffix)
			code, stdout, stderr := run(t, append(args, tt.file)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 || stdout != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit %d, %q", code, stderr, stdout, tt.code, tt.want)
			}
			if after, _ := os.ReadFile(tt.file); !bytes.Equal(after, before) {
				t.Error("the case changed")
			}
			if bak, _ := os.ReadFile(tt.file + casebuilder.BackupSuffix); !bytes.Equal(bak, bakBefore) {
				t.Error("the backup changed")
			}
		})
	}
}

func TestSummaryAsOf(t *testing.T) {
	path := approvedSample(t)
	for _, tt := range []struct {
		asOf string
		code int
		want string
	}{
		{"2027-13", 2, `--as-of must be a month written YYYY-MM, such as 2027-09 (got "2027-13")`},
		{"2026-12", 1, "--as-of as of 2026-12: must be a month of the programme, from 2027-01 to 2029-12"},
	} {
		code, _, stderr := run(t, "summary", "--as-of", tt.asOf, path)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("--as-of %s: exit %d, %s", tt.asOf, code, stderr)
		}
	}
	if code, _, stderr := run(t, "summary", "--as-of", "2027-01", writeSample(t, "ramp")); code != 1 || !strings.Contains(stderr, "not approved yet") {
		t.Errorf("not approved: exit %d, %s", code, stderr)
	}
}

// englishNumbers makes the locale's numbers English for the test.
func englishNumbers(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_NUMERIC", "")
	t.Setenv("LANG", "en_GB.UTF-8")
}

func TestImportInTheLocalesNumbers(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1806883200") // 2027-04-05
	path := approvedSample(t)
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_NUMERIC", "de_DE.UTF-8")
	spend := writeCSV(t, "ausgaben.csv", "Date;Line;Amount\n2027-01-29;Programme design by an external partner;70.000,50\n")
	if code, _, stderr := run(t, "import", "--spend", spend, path); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	data, _ := os.ReadFile(path)
	c, _ := casebuilder.Decode(data)
	if got := c.Tracking.Spend[0].Amount; got != 70000.5 {
		t.Errorf("amount %v, want 70000.5", got)
	}
	for _, tt := range []struct{ env, want string }{{"C", "en"}, {"POSIX", "en"}, {"fr_FR.UTF-8", "fr-FR"}, {"", "en"}, {"nonsense!", "en"}} {
		t.Setenv("LC_NUMERIC", tt.env)
		t.Setenv("LANG", "")
		if got := numberLanguage().String(); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.env, got, tt.want)
		}
	}
}
