package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"golang.org/x/text/language"
)

// approve records the approval of a case and writes it back.
func (r *runner) approve(args []string) int {
	fs := flag.NewFlagSet("approve", flag.ContinueOnError)
	date := fs.String("date", "", "the day of the decision, YYYY-MM-DD")
	by := fs.String("by", "", "who decided")
	stage := fs.String("stage", "", "approve the first stage only, up to gate N (its ID, or its place from 1); all approves the whole plan")
	conditions := fs.String("conditions", "", "the conditions of the approval")
	again := fs.Bool("new-baseline", false, "approve an approved case again, with a new baseline; the old one goes into its history")
	path, ok := r.oneFile(fs, args)
	if !ok {
		return exitUsage
	}
	if *date == "" {
		return r.usageError("needs --date, the day of the decision, written YYYY-MM-DD")
	}
	day, err := casebuilder.ParseDate(*date)
	if err != nil {
		return r.usageError("--date %v", err)
	}
	if strings.TrimSpace(*by) == "" {
		return r.usageError("needs --by, who decided")
	}
	c, ok := r.loadValid(path, "approving it")
	if !ok {
		return exitFail
	}
	a := casebuilder.Approval{Date: day, By: strings.TrimSpace(*by), Conditions: strings.TrimSpace(*conditions)}
	switch s := strings.TrimSpace(*stage); {
	case s == "":
		a.UpToGate = c.Ask.UpToGate // what the case asks for
	case s == "all":
	default:
		a.UpToGate = s
		if n, err := strconv.Atoi(s); err == nil {
			if n < 1 || n > len(c.Plan.Gates) {
				return r.usageError("--stage %d: the plan has %s; give a gate's place from 1, or its ID", n, gatesWord(len(c.Plan.Gates)))
			}
			a.UpToGate = c.Plan.Gates[n-1].ID
		}
	}
	if *again {
		err = tracking.Reapprove(c, a)
	} else {
		err = tracking.Approve(c, a)
	}
	if err != nil {
		r.fail("%s: %v", path, err)
		return exitFail
	}
	if err := casebuilder.Save(path, c); err != nil {
		r.fail("%v", err)
		return exitFail
	}
	b := &c.Tracking.Baseline
	f := casebuilder.FormatFor(c)
	what := "the whole plan"
	if b.Approval.UpToGate != "" {
		what = fmt.Sprintf("the stage up to gate %q", b.Approval.UpToGate)
	}
	fmt.Fprintf(r.stdout, "%s: approved on %s by %s: %s of %q, a budget of %s (the contingency reserve of %s included).\n",
		path, b.Approval.Date, b.Approval.By, what, b.AlternativeName, f.Money(b.Budget), f.Money(b.Reserve))
	return exitOK
}

// loadValid loads the case at path for a command that writes from it or
// into it, and says what is wrong when it cannot: a case that loads with
// invalid values must be fixed before doing what the command does.
func (r *runner) loadValid(path, doing string) (*casebuilder.Case, bool) {
	c, err := casebuilder.Load(path)
	switch {
	case c != nil && err != nil:
		r.fail("%v; fix the case before %s", err, doing)
		return nil, false
	case err != nil:
		r.fail("%v", err)
		return nil, false
	}
	return c, true
}

func gatesWord(n int) string {
	switch n {
	case 0:
		return "no gate"
	case 1:
		return "1 gate"
	}
	return fmt.Sprintf("%d gates", n)
}

// importActuals imports CSV files of actuals into an approved case and
// writes it back: all of them, or nothing.
func (r *runner) importActuals(args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	files := []struct {
		flag string
		path *string
		run  func(*casebuilder.Case, io.Reader, tracking.ImportOptions) (tracking.ImportResult, error)
	}{
		{"spend", fs.String("spend", "", "a CSV file of spend: date,line,amount[,note]"), tracking.ImportSpend},
		{"kpi", fs.String("kpi", "", "a CSV file of KPI readings: date,measure,value[,note]"), tracking.ImportReadings},
		{"milestones", fs.String("milestones", "", "a CSV file of milestone progress: milestone,actualStart,actualEnd,percentComplete,status,note"), tracking.ImportMilestones},
	}
	path, ok := r.oneFile(fs, args)
	if !ok {
		return exitUsage
	}
	wanted := false
	for _, f := range files {
		if *f.path != "" {
			wanted = true
			if casebuilder.SameFile(*f.path, path) {
				return r.usageError("--%s %s: that is the case file itself", f.flag, *f.path)
			}
		}
	}
	if !wanted {
		return r.usageError("nothing to import: name a file with --spend, --kpi or --milestones")
	}
	c, ok := r.loadValid(path, "importing into it")
	switch {
	case !ok:
		return exitFail
	case !c.IsApproved():
		r.fail("%s: %v", path, tracking.ErrNotApproved)
		return exitFail
	}
	now, ok := r.exportTime()
	if !ok {
		return exitFail
	}
	opts := tracking.ImportOptions{Today: casebuilder.DateOf(now), Lang: numberLanguage()}
	// Every file goes into a copy: the case is written only when all of
	// them are in.
	work := *c
	work.Tracking = c.Tracking.Clone()
	var report []string
	added := 0
	for _, f := range files {
		if *f.path == "" {
			continue
		}
		file, err := os.Open(*f.path)
		if err != nil {
			r.fail("--%s %s: cannot be read: %v; nothing was imported", f.flag, *f.path, unwrapPath(err))
			return exitFail
		}
		res, err := f.run(&work, file, opts)
		file.Close()
		if err != nil {
			r.fail("%s: %v; nothing was imported", *f.path, err)
			return exitFail
		}
		report = append(report, fmt.Sprintf("%s: %s", *f.path, importWords(res)))
		added += res.Added
	}
	if added == 0 {
		report = append(report, path+": nothing new; the case is as it was")
	} else if err := casebuilder.Save(path, &work); err != nil {
		r.fail("%v", err)
		return exitFail
	}
	for _, line := range report {
		fmt.Fprintln(r.stdout, line)
	}
	return exitOK
}

// importWords says what an import did: "12 rows: 10 added, 2 already in
// the case".
func importWords(res tracking.ImportResult) string {
	rows := fmt.Sprintf("%d rows", res.Rows)
	if res.Rows == 1 {
		rows = "1 row"
	}
	added := "added"
	if res.Kind == tracking.MilestonesFile {
		added = "updated"
	}
	return fmt.Sprintf("%s: %d %s, %d already in the case", rows, res.Added, added, res.Unchanged)
}

// numberLanguage is the language numbers in import files are written in:
// the user's locale's (the first of LC_ALL, LC_NUMERIC and LANG that is
// set, "de_DE.UTF-8" reading 1.200,50), English for C and POSIX.
func numberLanguage() language.Tag {
	for _, v := range []string{"LC_ALL", "LC_NUMERIC", "LANG"} {
		s := os.Getenv(v)
		if s == "" {
			continue
		}
		name, _, _ := strings.Cut(s, ".")
		name, _, _ = strings.Cut(name, "@")
		if tag, err := language.Parse(strings.ReplaceAll(name, "_", "-")); err == nil && name != "C" && name != "POSIX" {
			return tag
		}
		return language.English
	}
	return language.English
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// TrackingSummary is the progress of an approved case as `summary --json`
// prints it under "tracking" (null before approval).
type TrackingSummary struct {
	// ApprovedOn and ApprovedBy are the approval's day and who decided;
	// UpToGate is the gate that ends the stage approved, if only a stage
	// was.
	ApprovedOn string `json:"approvedOn"`
	ApprovedBy string `json:"approvedBy"`
	UpToGate   string `json:"upToGate,omitempty"`
	// AsOf is the month of the progress (YYYY-MM), and Month its period.
	AsOf  string `json:"asOf"`
	Month int    `json:"month"`
	// ApprovedBudget is the budget approved; PlannedToDate the approved
	// baseline's costs of the approved alternative from month 0 to Month
	// (the reserve included); SpentToDate what was spent by then.
	ApprovedBudget       float64 `json:"approvedBudget"`
	PlannedToDate        float64 `json:"plannedToDate"`
	SpentToDate          float64 `json:"spentToDate"`
	ForecastAtCompletion float64 `json:"forecastAtCompletion"`
	// BenefitsPlannedToDate is the approved baseline's benefits from month
	// 0 to Month, and BenefitsRealisedToDate what the KPIs show realised,
	// after the Phillips isolation and confidence.
	BenefitsPlannedToDate  float64 `json:"benefitsPlannedToDate"`
	BenefitsRealisedToDate float64 `json:"benefitsRealisedToDate"`
	ReserveUsed            float64 `json:"reserveUsed"`
	ReserveLeft            float64 `json:"reserveLeft"`
	// Status is the red, amber or green status, overall and by area.
	Status     StatusSummary      `json:"status"`
	Milestones []MilestoneSummary `json:"milestones"`
	KPIs       []KPISummary       `json:"kpis"`
	Gates      []GateSummaryOf    `json:"gates"`
}

// StatusSummary is the status overall and by area.
type StatusSummary struct {
	Overall  tracking.RAG `json:"overall"`
	Money    tracking.RAG `json:"money"`
	Schedule tracking.RAG `json:"schedule"`
	KPIs     tracking.RAG `json:"kpis"`
	Risks    tracking.RAG `json:"risks"`
}

// MilestoneSummary is one milestone's progress; ActualEnd is null until it
// has ended.
type MilestoneSummary struct {
	Name       string                  `json:"name"`
	PlannedEnd string                  `json:"plannedEnd"`
	ActualEnd  *string                 `json:"actualEnd"`
	Status     tracking.MilestoneState `json:"status"`
	DaysLate   int                     `json:"daysLate"`
}

// KPISummary is one KPI against its trajectory: Latest (null before the
// first reading), LatestDate, Trajectory (the value due on LatestDate) and
// OnTrack.
type KPISummary struct {
	Measure    string   `json:"measure"`
	Latest     *float64 `json:"latest"`
	LatestDate *string  `json:"latestDate"`
	Trajectory *float64 `json:"trajectory"`
	OnTrack    *bool    `json:"onTrack"`
}

// GateSummaryOf is one gate's status: met, notMet, toCome or
// awaitingOutcome.
type GateSummaryOf struct {
	Name   string              `json:"name"`
	Status tracking.GateStatus `json:"status"`
}

// AddTracking adds an approved case's progress to the summary; p nil
// (before approval) leaves it null.
func (s *Summary) AddTracking(p *tracking.Progress) {
	if p == nil {
		s.Tracking = nil
		return
	}
	t := &TrackingSummary{ApprovedOn: p.Approval.Date.String(), ApprovedBy: p.Approval.By, UpToGate: p.Approval.UpToGate,
		AsOf: p.AsOf.String(), Month: p.Month,
		ApprovedBudget: p.Money.ApprovedBudget, PlannedToDate: p.Money.PlannedToDate, SpentToDate: p.Money.SpentToDate,
		ForecastAtCompletion: p.Money.ForecastAtCompletion, BenefitsPlannedToDate: p.Benefits.PlannedToDate,
		BenefitsRealisedToDate: p.Benefits.RealisedToDate, ReserveUsed: p.Money.ReserveUsed, ReserveLeft: p.Money.ReserveLeft,
		Status: StatusSummary{Overall: p.Status.Overall, Money: p.Status.Of(tracking.AreaMoney).Status,
			Schedule: p.Status.Of(tracking.AreaSchedule).Status, KPIs: p.Status.Of(tracking.AreaKPIs).Status,
			Risks: p.Status.Of(tracking.AreaRisks).Status},
		Milestones: []MilestoneSummary{}, KPIs: []KPISummary{}, Gates: []GateSummaryOf{}}
	for _, m := range p.Milestones {
		ms := MilestoneSummary{Name: m.Name, PlannedEnd: m.PlannedEnd.String(), Status: m.Status, DaysLate: m.DaysLate}
		if !m.ActualEnd.IsZero() {
			end := m.ActualEnd.String()
			ms.ActualEnd = &end
		}
		t.Milestones = append(t.Milestones, ms)
	}
	for _, k := range p.KPIs {
		ks := KPISummary{Measure: k.Name, Latest: k.Latest, Trajectory: k.Trajectory, OnTrack: k.OnTrack}
		if k.Latest != nil {
			date := k.LatestDate.String()
			ks.LatestDate = &date
		}
		t.KPIs = append(t.KPIs, ks)
	}
	for _, g := range p.Gates {
		t.Gates = append(t.Gates, GateSummaryOf{Name: g.Name, Status: g.Status})
	}
	s.Tracking = t
	s.progress = p
}

// writeTracking writes the progress for people.
func (s *Summary) writeTracking(b *strings.Builder, f *figure.Format) {
	p := s.progress
	if p == nil {
		return
	}
	what := "the whole plan"
	if p.Approval.UpToGate != "" {
		what = "the stage up to gate " + p.Approval.UpToGate
	}
	fmt.Fprintf(b, "\nProgress as of %s (approved on %s by %s: %s)\n", p.AsOf.Words(), p.Approval.Date, p.Approval.By, what)
	fmt.Fprintf(b, "  Status: %s overall", p.Status.Overall)
	for _, a := range p.Status.Areas {
		fmt.Fprintf(b, "; %s %s", strings.ToLower(a.Area), a.Status)
	}
	b.WriteString("\n")
	m := &p.Money
	fmt.Fprintf(b, "  Spent %s against %s planned to date; forecast at completion %s against a budget of %s\n",
		f.Money(m.SpentToDate), f.Money(m.PlannedToDate), f.Money(m.ForecastAtCompletion), f.Money(m.ApprovedBudget))
	fmt.Fprintf(b, "  Contingency reserve: %s used, %s left\n", f.Money(m.ReserveUsed), f.Money(m.ReserveLeft))
	fmt.Fprintf(b, "  Benefits realised %s against %s planned to date\n", f.Money(p.Benefits.RealisedToDate), f.Money(p.Benefits.PlannedToDate))
	for _, ms := range p.Milestones {
		if ms.Late {
			fmt.Fprintf(b, "  Late: %s, %d days, forecast to end on %s\n", ms.Name, ms.DaysLate, ms.ForecastEnd)
		}
	}
	for _, k := range p.KPIs {
		if k.OnTrack != nil && !*k.OnTrack {
			latest, due := k.LatestAndDue(f)
			fmt.Fprintf(b, "  Off its trajectory: %s, %s on %s against %s due\n", k.Name, latest, k.LatestDate, due)
		}
	}
}

// asOfFlag is the --as-of flag of summary and report: the month to
// report on, YYYY-MM, or empty for the month of the latest actual.
type asOfFlag struct {
	text string
}

// newAsOfFlag defines --as-of on fs, with usage as its help.
func newAsOfFlag(fs *flag.FlagSet, usage string) *asOfFlag {
	f := &asOfFlag{}
	fs.StringVar(&f.text, "as-of", "", usage)
	return f
}

// month returns the month given, the zero Month when none is, or an
// error that names the flag.
func (f *asOfFlag) month() (tracking.Month, error) {
	if f.text == "" {
		return tracking.Month{}, nil
	}
	m, err := tracking.ParseMonth(f.text)
	if err != nil {
		return m, fmt.Errorf("--as-of %w", err)
	}
	return m, nil
}
