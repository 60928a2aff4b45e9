package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// handCase copies testdata/hand.hrcase, the small case whose figures
// package tracking's tests work by hand (see its handCase), to a folder of
// its own. With no discounting: a design of 12,000 and a licence of 2,400
// in month 0, a coach at 1,000 a month for months 1 to 3 (to the end of the
// roll-out, 30 April), a reserve of 2,000: 19,400; a gate after the design.
func handCase(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/hand.hrcase")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hand.hrcase")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// approvedSample writes the hand case and approves it.
func approvedSample(t *testing.T) string {
	t.Helper()
	return approvedSampleAt(t, handCase(t))
}

// approvedSampleAt approves the hand case at path: the whole plan, its
// budget and reserve as worked by hand.
func approvedSampleAt(t *testing.T, path string) string {
	t.Helper()
	code, stdout, stderr := run(t, "approve", "--date", "2026-12-20", "--by", "Executive committee", "--conditions", "Monthly report", path)
	if code != 0 || !strings.Contains(stdout, `approved on 2026-12-20 by Executive committee: the whole plan of "The programme", a budget of €19,400 (the contingency reserve of €2,000 included).`) {
		t.Fatalf("approve: exit %d\n%s%s", code, stdout, stderr)
	}
	return path
}

func TestApproveCommand(t *testing.T) {
	path := handCase(t)
	before, _ := os.ReadFile(path)
	path = approvedSampleAt(t, path)
	data, _ := os.ReadFile(path)
	c, err := casebuilder.Decode(data)
	if err != nil || !c.IsApproved() || c.Tracking.Baseline.Approval.Conditions != "Monthly report" {
		t.Fatalf("the approved file: %v", err)
	}
	if bak, _ := os.ReadFile(path + casebuilder.BackupSuffix); !bytes.Equal(bak, before) {
		t.Error("the backup is not the case as it was before approval")
	}
	// Approving it again is refused, and the case is left as it is.
	code, _, stderr := run(t, "approve", "--date", "2027-01-10", "--by", "CEO", path)
	if code != 1 || !strings.Contains(stderr, "the case was approved already, on 2026-12-20 by Executive committee") {
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
	// The first stage only: up to the gate after the design, on 27
	// February (month 1): month 0, 16,400.
	for _, stage := range []string{"1", "g1"} {
		path := handCase(t)
		code, stdout, stderr := run(t, "approve", "--date", "2026-12-20", "--by", "CEO", "--stage", stage, path)
		if code != 0 || !strings.Contains(stdout, `the stage up to gate "g1" of "The programme", a budget of €16,400`) {
			t.Errorf("--stage %s: exit %d, %s%s", stage, code, stdout, stderr)
		}
	}
}

// The hand case's actuals to the end of April 2027, as package tracking's
// underWay records them.
const (
	spendCSV = "date,line,amount,note\n" +
		"2027-01-20,Design,7000,First half\n" +
		"2027-01-05,licence,\"2,400\",\n" +
		"2027-02-28,Coach,1000,\n" +
		"2027-03-15,Design,6000,\n" +
		"2027-03-31,Coach,1000,\n" +
		"2027-04-30,Coach,1200,\n" +
		"2027-04-10,reserve,1500,Agency coach\n"
	kpiCSV = "date,measure,value\n" +
		"2027-01-31,Attrition,30 %\n" +
		"2027-02-28,attrition,0.295\n" +
		"2027-03-31,Attrition,29%\n" +
		"2027-04-30,Attrition,28.5 %\n" +
		"2027-02-15,Coaching sessions,1.2\n" +
		"2027-04-15,sessions,1.5\n"
	milestonesCSV = "milestone,actualStart,actualEnd,percentComplete,status,note\n" +
		"design,2027-01-04,2027-03-05,100,done,\n" +
		"Roll-out,2027-03-08,,50,in progress,\n"
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
	t.Setenv("SOURCE_DATE_EPOCH", "1809561600") // 2027-05-06
	englishNumbers(t)
	path := handCase(t)
	if tr := summaryTracking(t, path); tr != nil {
		t.Errorf("tracking before approval: %+v", tr)
	}
	path = approvedSampleAt(t, path)
	approvedFile, _ := os.ReadFile(path)
	spend, kpi, ms := writeCSV(t, "spend.csv", spendCSV), writeCSV(t, "kpi.csv", kpiCSV), writeCSV(t, "milestones.csv", milestonesCSV)
	code, stdout, stderr := run(t, "import", "--spend", spend, "--kpi", kpi, "--milestones", ms, path)
	want := spend + ": 7 rows: 7 added, 0 already in the case\n" + kpi + ": 6 rows: 6 added, 0 already in the case\n" +
		ms + ": 2 rows: 2 updated, 0 already in the case\n"
	if code != 0 || stdout != want {
		t.Fatalf("import: exit %d\n%s\nwant\n%s%s", code, stdout, want, stderr)
	}
	if bak, _ := os.ReadFile(path + casebuilder.BackupSuffix); !bytes.Equal(bak, approvedFile) {
		t.Error("the backup is not the case as it was before the import")
	}
	imported, _ := os.ReadFile(path)

	// By default, as of the month of the latest actual: April. The
	// figures are worked by hand in package tracking's tests.
	tr := summaryTracking(t, path)
	if tr.ApprovedOn != "2026-12-20" || tr.AsOf != "2027-04" || *tr.Month != 3 {
		t.Errorf("approved on %s, as of %s, month %d", tr.ApprovedOn, tr.AsOf, *tr.Month)
	}
	for _, f := range []struct {
		name      string
		got, want *float64
	}{
		{"approvedBudget", tr.ApprovedBudget, ptrTo(19400)},
		{"plannedToDate", tr.PlannedToDate, ptrTo(19400)},
		{"spentToDate", tr.SpentToDate, ptrTo(20100)},
		{"forecastAtCompletion", tr.ForecastAtCompletion, ptrTo(21600)},
		{"reserveUsed", tr.ReserveUsed, ptrTo(1500)},
		{"benefitsPlannedToDate", tr.BenefitsPlannedToDate, ptrTo(0)},   // from May on
		{"benefitsRealisedToDate", tr.BenefitsRealisedToDate, ptrTo(0)}, // no isolation recorded: none claimed
	} {
		if f.got == nil || math.Abs(*f.got-*f.want) > 0.005 {
			t.Errorf("%s = %v, want %v", f.name, deref(f.got), *f.want)
		}
	}
	type milestone struct {
		name, plannedEnd, actualEnd, status string
		daysLate                            int
	}
	var got []milestone
	for _, m := range tr.Milestones {
		end := "null"
		if m.ActualEnd != nil {
			end = *m.ActualEnd
		}
		got = append(got, milestone{m.Name, m.PlannedEnd, end, m.Status, *m.DaysLate})
	}
	wantMilestones := []milestone{
		{"Design", "2027-02-26", "2027-03-05", "done", 7},
		{"Roll-out", "2027-04-30", "null", "late", 54},
		{"Review", "2027-06-15", "null", "notStarted", 23},
	}
	if !slices.Equal(got, wantMilestones) {
		t.Errorf("milestones %+v, want %+v", got, wantMilestones)
	}
	// Attrition is due at its baseline until the benefit that counts on
	// it starts, in May after the roll-out as approved.
	k := tr.KPIs[0]
	if k.Measure != "Attrition" || *k.Latest != 0.285 || *k.LatestDate != "2027-04-30" || !*k.OnTrack || *k.Trajectory != 0.30 {
		t.Errorf("attrition %+v", k)
	}
	if k := tr.KPIs[1]; k.Measure != "Coaching sessions" || *k.Latest != 1.5 || *k.LatestDate != "2027-04-15" || *k.OnTrack || math.Abs(*k.Trajectory-(1+2*104.0/181)) > 1e-12 {
		t.Errorf("sessions %+v", k)
	}
	if len(tr.Gates) != 1 || tr.Gates[0].Name != "After the design" || tr.Gates[0].Status != "awaitingOutcome" {
		t.Errorf("gates %+v", tr.Gates)
	}
	// As of February: 9,400 and 1,000 spent; months 0 and 1 planned.
	if tr := summaryTracking(t, "--as-of", "2027-02", path); *tr.SpentToDate != 10400 || *tr.PlannedToDate != 17400 || tr.Milestones[0].ActualEnd != nil {
		t.Errorf("as of February: spent %v, planned %v", *tr.SpentToDate, *tr.PlannedToDate)
	}

	// The same files again add nothing, and the case is not written.
	code, stdout, _ = run(t, "import", "--spend", spend, "--kpi", kpi, "--milestones", ms, path)
	if code != 0 || !strings.Contains(stdout, spend+": 7 rows: 0 added, 7 already in the case") || !strings.Contains(stdout, "nothing new; the case is as it was") {
		t.Errorf("again: exit %d\n%s", code, stdout)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, imported) {
		t.Error("importing the same files again changed the case")
	}
	if bak, _ := os.ReadFile(path + casebuilder.BackupSuffix); !bytes.Equal(bak, approvedFile) {
		t.Error("importing nothing new replaced the backup")
	}
	// The text summary shows the progress.
	if code, stdout, _ := run(t, "summary", "--trials", "200", path); code != 0 || !strings.Contains(stdout, "Progress as of April 2027 (approved on 2026-12-20 by Executive committee: the whole plan)") ||
		!strings.Contains(stdout, "Late: Roll-out, 54 days, forecast to end on 2027-06-23") {
		t.Errorf("text summary: exit %d\n%s", code, stdout)
	}
	// And check lists what a CEO would object to in the progress, with
	// where to fix it.
	code, stdout, _ = run(t, "check", path)
	for _, want := range []string{
		`Milestone "Roll-out" is running 54 days late, and no note says how it will recover [late-milestone-without-recovery]`,
		"fix: tracking › tracking.milestones[1].note",
		`KPI "Coaching sessions" reads 1.50 on 2027-04-15, off its trajectory of 2.15, and no action is recorded`,
		`Gate "After the design" was due on 2027-03-06, and no outcome is recorded`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check: exit %d, no %q in\n%s", code, want, stdout)
		}
	}
}

func TestTrackedSampleSummary(t *testing.T) {
	// The tracked sample as the command line shows it: nine months in.
	path := writeSample(t, "tracked")
	tr := summaryTracking(t, path)
	if tr == nil || *tr.Month != 8 || len(tr.Milestones) == 0 || len(tr.KPIs) == 0 || *tr.SpentToDate <= 0 {
		t.Fatalf("tracking %+v", tr)
	}
	late := 0
	for _, m := range tr.Milestones {
		if m.Status == "late" {
			late++
		}
	}
	if late != 1 {
		t.Errorf("%d milestones late", late)
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
	t.Setenv("SOURCE_DATE_EPOCH", "1809561600") // 2027-05-06
	englishNumbers(t)
	path := approvedSample(t)
	notApproved := handCase(t)
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
		{"not approved", []string{"--spend", good}, notApproved, 1, "hand.hrcase: the case is not approved yet: approve it first (casebuilder approve)", nil},
		{"no such file", []string{"--spend", "/nonexistent/spend.csv"}, path, 1, "--spend /nonexistent/spend.csv: cannot be read: no such file or directory; nothing was imported", nil},
		{"an unknown line", []string{"--spend", "@bad"}, path, 1, `row 3, line: the approved alternative has no cost line called "Catering"`,
			map[string]string{"bad": "date,line,amount\n2027-01-29,Design,7000\n2027-01-30,Catering,100\n"}},
		{"an unknown measure", []string{"--kpi", "@bad"}, path, 1, `row 2, measure: the approved plan has no KPI with the ID or name "Mood"`,
			map[string]string{"bad": "date,measure,value\n2027-01-31,Mood,3\n"}},
		{"a date before the start", []string{"--spend", "@bad"}, path, 1, "row 2, date: 2026-12-31 is before the programme starts, in January 2027",
			map[string]string{"bad": "date,line,amount\n2026-12-31,reserve,100\n"}},
		{"a date unreadable", []string{"--milestones", "@bad"}, path, 1, `row 2, actualStart: must be a date written YYYY-MM-DD (got "4 Jan 2027")`,
			map[string]string{"bad": "milestone,actualStart\ndesign,4 Jan 2027\n"}},
		{"a date in the future", []string{"--spend", "@bad"}, path, 1, "row 2, date: 2027-05-07 is in the future (today is 2027-05-06)",
			map[string]string{"bad": "date,line,amount\n2027-05-07,reserve,100\n"}},
		{"an amount not a number", []string{"--spend", "@bad"}, path, 1, `row 2, amount: is not an amount: “seventy”:`,
			map[string]string{"bad": "date,line,amount\n2027-01-29,reserve,seventy\n"}},
		{"a duplicate header", []string{"--spend", "@bad"}, path, 1, "row 1, date: is in the header twice, as columns 1 and 4",
			map[string]string{"bad": "date,line,amount,Date\n2027-01-29,reserve,1,2027-01-29\n"}},
		{"a good file and a bad one", []string{"--spend", good, "--kpi", "@bad"}, path, 1, "row 2, value: is empty: give the KPI's reading; nothing was imported",
			map[string]string{"bad": "date,measure,value\n2027-01-31,Attrition,\n"}},
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
		{"2026-12", 1, "--as-of as of 2026-12: must be a month of the programme, from 2027-01 to 2027-12"},
	} {
		code, _, stderr := run(t, "summary", "--as-of", tt.asOf, path)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("--as-of %s: exit %d, %s", tt.asOf, code, stderr)
		}
	}
	if code, _, stderr := run(t, "summary", "--as-of", "2027-01", handCase(t)); code != 1 || !strings.Contains(stderr, "not approved yet") {
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
	spend := writeCSV(t, "ausgaben.csv", "Date;Line;Amount\n2027-01-29;Design;7.000,50\n")
	if code, _, stderr := run(t, "import", "--spend", spend, path); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	data, _ := os.ReadFile(path)
	c, _ := casebuilder.Decode(data)
	if got := c.Tracking.Spend[0].Amount; got != 7000.5 {
		t.Errorf("amount %v, want 7000.5", got)
	}
	for _, tt := range []struct{ env, want string }{{"C", "en"}, {"POSIX", "en"}, {"fr_FR.UTF-8", "fr-FR"}, {"", "en"}, {"nonsense!", "en"}} {
		t.Setenv("LC_NUMERIC", tt.env)
		t.Setenv("LANG", "")
		if got := numberLanguage().String(); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.env, got, tt.want)
		}
	}
}
