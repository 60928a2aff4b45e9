// Command gentracked writes the tracked sample: the turnover sample nine
// months after its approval, with its actuals. It approves the turnover
// sample as it is (so a reworked turnover sample gives a reworked tracked
// one), imports the spend, KPI readings and milestone progress as CSV files
// would bring them, and records the risk that fired, the gates' outcomes,
// the decisions asked and the credits. Its output is the same on every
// run.
//
//	go run ./internal/gentracked -o samples/tracked.hrcase
//
// The story, whatever the turnover sample's lines and milestones are:
//
//   - approved on the day the case asked for a decision, for what it asked
//     (the whole plan, or the stage up to a gate, approved again in full
//     once that gate is met);
//   - every milestone due by the end of September done on time (the second
//     a little early), but the one in progress then, which a coach's
//     resignation slowed: it is forecast to end 26 days late, with a
//     recovery note; the milestones waiting for it carry a note too;
//   - the coach risk fired in July: its work-around and its contingency (an
//     external coaching firm on the reserve, €9,000 a month) are used;
//   - the spend month by month as planned, but the largest one-time cost
//     paid in two invoices, 3 % over, the coaches' line a head short from
//     August, and a few lines a little under;
//   - the KPIs tied to the pain read as the plan's timing says: attrition,
//     read every month, at its baseline until the roll-out ends (the plan's
//     benefit starts after it, and so does its trajectory), ramp-up, read
//     every quarter, improving from the pilot's end but behind the plan and
//     its trajectory; the coaching sessions kept up by the managers, the
//     other KPIs as their dates say; the programme's share of each
//     improvement estimated;
//   - the re-forecast: the costs that came in under at what they cost, and
//     the ramp-up's benefit later than approved, by the months a coach was
//     short.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/assets/internal/samplefile"
	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// monthsIn is how far after the start the sample stands: nine months in,
// the as-of month is the ninth (September for a January start).
const monthsIn = 9

// slip is how many days late the milestone in progress is forecast to end:
// within the month after its planned end, so that the lines anchored to its
// end stay in their month and the schedule is amber (31 days or more would
// move them a month and turn it red).
const slip = 26

// rampPace is how much of the ramp-up's improvement the plan expected that
// the cohorts hired while a coach was short show: 0.4, behind the KPI's
// trajectory as well as the plan.
const rampPace = 0.4

func main() {
	out := flag.String("o", "", "output file")
	flag.Parse()
	c, err := tracked()
	if err != nil {
		log.Fatal(err)
	}
	if err := samplefile.Write(c, *out); err != nil {
		log.Fatal(err)
	}
}

func tracked() (*cb.Case, error) {
	data, err := assets.SampleFile("turnover")
	if err != nil {
		return nil, err
	}
	c, err := cb.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("the turnover sample: %w", err)
	}
	c.Title += ": nine months in"
	c.Version = "2.0"
	start := tracking.MonthOf(c.StartDate)
	asOf := start.Add(monthsIn - 1)
	day := asOf.Last()
	s := &story{c: c, start: start, asOf: asOf, day: day,
		opts: tracking.ImportOptions{Today: addDays(day, 5)}}
	// The case as it stands on the day its actuals are brought in: its
	// brief is dated then.
	c.Date = s.opts.Today

	approvedOn := c.Ask.DecideBy
	if approvedOn.IsZero() {
		approvedOn = addDays(c.StartDate, -15)
	}
	approval := cb.Approval{Date: approvedOn, By: "Executive committee (CEO, CFO and VP Sales)", UpToGate: c.Ask.UpToGate,
		Conditions: "A one-page progress report to the CEO, the CFO and the VP Sales every month; the results review after the roll-out decides the coaching of the second and third years."}
	if err := tracking.Approve(c, approval); err != nil {
		return nil, fmt.Errorf("approving the turnover sample: %w", err)
	}
	b := &c.Tracking.Baseline
	s.late = lateMilestone(b, day)
	s.coachLine = costLine(b, regexp.MustCompile(`(?i)coach`))
	s.risk = coachRisk(c, b.Alternative)
	if s.late < 0 || s.risk < 0 {
		return nil, fmt.Errorf("the turnover sample has no milestone in progress in %s, or no risk about the coaches", asOf)
	}
	s.fired = addDays(start.Add(monthsIn-3).First(), 8) // the 9th, three months before
	s.coachStarts = asOf.Add(2)                         // the replacement, signed eleven weeks after

	steps := []func() error{s.milestones, s.spend, s.readings, s.record, s.gates, s.reforecast, s.notes}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if ps := cb.Validate(c); len(ps) > 0 {
		return nil, ps
	}
	return c, nil
}

// story holds what the steps of the story share.
type story struct {
	c               *cb.Case
	start, asOf     tracking.Month
	day             cb.Date // the as-of month's last day
	opts            tracking.ImportOptions
	late, coachLine int     // indexes in the baseline's milestones and lines
	risk            int     // index of the coach risk in the case
	fired           cb.Date // the day the coach risk fired
	// coachStarts is the month the new coach starts in, on its first day:
	// until then the programme is a coach short.
	coachStarts tracking.Month
	// under are the lines that cost less than planned, by name, with the
	// share of their estimate they cost.
	under map[string]float64
	// behind is the calculator input whose KPI reads behind the plan.
	behind string
}

func addDays(d cb.Date, n int) cb.Date { return cb.DateOf(d.Time().AddDate(0, 0, n)) }

func days(a, b cb.Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

// lateMilestone returns the milestone in progress on day (the latest to
// start by then), or -1.
func lateMilestone(b *cb.ApprovedBaseline, day cb.Date) int {
	late := -1
	for i, m := range b.Milestones {
		if m.Start.IsZero() || m.End.IsZero() || day.Before(m.Start) || m.End.Before(day) {
			continue
		}
		if late < 0 || b.Milestones[late].Start.Before(m.Start) {
			late = i
		}
	}
	return late
}

// costLine returns the first approved cost line whose name matches, or -1.
func costLine(b *cb.ApprovedBaseline, re *regexp.Regexp) int {
	for i, l := range b.Lines {
		if l.Kind == cb.CostLine && re.MatchString(l.Name) {
			return i
		}
	}
	return -1
}

// coachRisk returns the risk of the approved alternative about its
// coaches, or -1.
func coachRisk(c *cb.Case, alt string) int {
	for i, r := range c.Risks {
		if slices.Contains(r.Alternatives, alt) && (r.ID == "coaches" || strings.Contains(strings.ToLower(r.Description), "coach")) {
			return i
		}
	}
	return -1
}

func (s *story) importCSV(kind string, csv *bytes.Buffer) error {
	var err error
	switch kind {
	case "spend":
		_, err = tracking.ImportSpend(s.c, csv, s.opts)
	case "kpi":
		_, err = tracking.ImportReadings(s.c, csv, s.opts)
	default:
		_, err = tracking.ImportMilestones(s.c, csv, s.opts)
	}
	if err != nil {
		return fmt.Errorf("importing the %s file: %w", kind, err)
	}
	return nil
}

// milestones records the milestones' progress: done on time by the as-of
// day (the second two days early), the one in progress then running late.
func (s *story) milestones() error {
	b := &s.c.Tracking.Baseline
	var csv bytes.Buffer
	csv.WriteString("milestone,actualStart,actualEnd,percentComplete,status,note\n")
	for i, m := range b.Milestones {
		switch {
		case i == s.late:
			// Its pace so far puts its end slip days late: done
			// elapsed / (planned length + slip).
			elapsed := days(m.Start, s.day) + 1
			pct := math.Round(100*float64(elapsed)/float64(days(m.Start, m.End)+1+slip)) / 100
			fmt.Fprintf(&csv, "%s,%s,,%s,in progress,%s\n", m.Key(), m.Start, strconv.FormatFloat(100*pct, 'f', -1, 64),
				quote(fmt.Sprintf("A coach resigned on %s: two top sales managers coach the new hires part-time and an external coaching firm covers "+
					"the second coach's regions until the new coach starts on %s; the last regions move to %s.",
					words(s.fired), words(s.coachStarts.First()), s.asOf.Add(1).Month)))
		case !m.End.IsZero() && !s.day.Before(m.End):
			end := m.End
			if i == 1 {
				end = addDays(end, -2)
			}
			fmt.Fprintf(&csv, "%s,%s,%s,100,done,\n", m.Key(), m.Start, end)
		}
	}
	return s.importCSV("milestones", &csv)
}

// words writes a day as a reader says it: "9 July".
func words(d cb.Date) string { return fmt.Sprintf("%d %s", d.Day, d.Month) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// spend records the money spent month by month, as the finance system
// would export it.
func (s *story) spend() error {
	b := &s.c.Tracking.Baseline
	last := s.asOf.Since(s.start)
	// The largest one-time cost in month 0: paid half then, the rest and
	// a change request three months later.
	big, bigAmount := -1, 0.0
	for i, l := range b.Lines {
		if l.Kind == cb.CostLine && l.First == 0 && len(l.Monthly) == 1 && l.Monthly[0] > bigAmount {
			big, bigAmount = i, l.Monthly[0]
		}
	}
	// A few lines a little under plan: a one-time cost (the workshops,
	// say) at 97.3 %, a yearly cost per head (the new hires' time) at
	// 92.5 % (37 hires of 40); the others as planned.
	alt := &s.c.Alternatives[s.c.AlternativeByID(b.Alternative)]
	factorOf := func(name string) float64 {
		for _, k := range alt.Costs {
			switch {
			case k.Name != name:
			case k.Kind == cb.OneTime:
				return 0.973
			case k.Kind == cb.Yearly && k.PerHead:
				return 0.925
			}
		}
		return 1
	}
	var csv bytes.Buffer
	csv.WriteString("date,line,amount,note\n")
	row := func(d cb.Date, line string, amount float64, note string) {
		fmt.Fprintf(&csv, "%s,%s,%s,%s\n", d, quote(line), strconv.FormatFloat(math.Round(amount), 'f', -1, 64), quote(note))
	}
	s.under = map[string]float64{}
	for i, l := range b.Lines {
		if l.Kind != cb.CostLine {
			continue
		}
		factor := factorOf(l.Name)
		if factor < 1 && i != s.coachLine && i != big {
			s.under[l.Name] = factor
		}
		for m := 0; m <= last; m++ {
			planned := l.InMonth(m)
			if planned == 0 {
				continue
			}
			end := s.start.Add(m).Last()
			switch {
			case i == big && m == 0:
				row(addDays(end, -2), l.Name, planned/2, "First half, on signature")
				if last >= 3 {
					row(s.start.Add(3).Last(), l.Name, planned/2*1.064, "Second half, with a change request for the Nordic version")
				}
			case i == s.coachLine && s.fired.Before(s.start.Add(m).First()):
				row(end, l.Name, planned/2, "One coach: the second resigned")
			default:
				row(end, l.Name, planned*factor, "")
			}
		}
	}
	// The contingency, from the month after the risk fired: the external
	// coaching firm on a day rate.
	for m := tracking.MonthOf(s.fired).Add(1); m.Since(s.asOf) <= 0; m = m.Add(1) {
		row(m.Last(), cb.ReserveLineName, 9000, "External coaching firm, 12 days (risk: "+s.c.Risks[s.risk].ID+")")
	}
	return s.importCSV("spend", &csv)
}

// readings records the KPIs' readings, and how often each is read.
//
// A KPI tied to a calculator input follows the plan's timing: it holds at
// its baseline until the approved benefit line that changes its input
// starts (the month after the milestone it is anchored to ends), then
// moves towards the line's new value as the line ramps up, at a pace of
// the plan (1 is as planned, 0.6 behind it). Its benefit realised then
// starts when the plan's does, and never counts an improvement the plan
// did not expect yet. The other KPIs follow their own trajectories.
func (s *story) readings() error {
	b := &s.c.Tracking.Baseline
	var csv bytes.Buffer
	csv.WriteString("date,measure,value\n")
	last := s.asOf.Since(s.start)
	horizonEnd := s.start.Add(b.HorizonMonths - 1).Last()
	t := s.c.Tracking
	for i := range b.Measures {
		m := &b.Measures[i]
		rec := cb.KPIRecord{Measure: m.Key()}
		every, pace, from := 1, 1.0, 0
		level := 0
		for _, cm := range s.c.Measures {
			if orDefault(cm.ID, cm.Name) == m.Key() {
				level = cm.Level
			}
		}
		plan := s.planned(m.PainInput)
		switch {
		case m.PainInput == "attritionRate":
			// Read every month; not due to move before the roll-out
			// ends, whatever its straight-line trajectory says.
			// Its trajectory waits for that benefit too, so it is on it.
			rec.Isolation = &cb.Isolation{Share: 0.6, Method: cb.ManagerEstimate, Confidence: 0.8,
				Basis: "The sales managers and the People Analytics Lead, reviewing the year's exits and stay interviews in September: a competitor's hiring freeze and the new commission plan account for the rest"}
		case m.PainInput != "":
			every, pace, from = 3, rampPace, 2 // behind the plan, read by quarterly cohort
			s.behind = m.PainInput
			rec.Isolation = &cb.Isolation{Share: 0.8, Method: cb.ControlGroup, Confidence: 1,
				Basis: "The coached cohorts against the January cohort, hired before the programme; the rest is the new product training"}
			rec.Action = "The cohorts hired since July started a coach short: the external coaching firm takes the August and September hires, and the pilot cohort, fully coached, reached quota in 5.2 months."
		case level == 5:
			every, from = 12, last+1 // the return, worked out yearly with the accounts: not due yet
		case level == 1:
			every, pace, from = 3, 1.03, 5 // a survey of the cohorts every quarter, from the pilot's
		}
		if every > 1 {
			rec.EveryMonths = every
		}
		t.KPIs = append(t.KPIs, rec)
		for mo := from; mo <= last; mo += every {
			d := s.start.Add(mo).Last()
			var v float64
			switch {
			case plan != nil:
				v = m.Baseline + (plan.to-m.Baseline)*plan.effect(mo)*pace
			default:
				v = tracking.TrajectoryAt(m, tracking.TrajectoryStart(b, m), horizonEnd, d)
				v = m.Baseline + (v-m.Baseline)*pace
				if m.Target > m.Baseline && !d.Before(m.Date) {
					v = m.Target * pace
				}
			}
			value := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
			if m.Unit == "percent" {
				value = strconv.FormatFloat(math.Round(v*1000)/10, 'f', -1, 64) + " %"
			}
			fmt.Fprintf(&csv, "%s,%s,%s\n", d, quote(m.Name), value)
		}
	}
	return s.importCSV("kpi", &csv)
}

// planTiming is when the approved plan expects a calculator input to
// move: from its benefit line's first month, over its ramp-up, to its new
// value.
type planTiming struct {
	first, ramp int
	to          float64
}

// effect is the share of the new value the plan expects in month m: none
// before the line's first month, k/ramp in its k-th month, all of it after.
func (pt *planTiming) effect(m int) float64 {
	if m < pt.first {
		return 0
	}
	if pt.ramp <= 0 {
		return 1
	}
	return min(1, float64(m-pt.first+1)/float64(pt.ramp))
}

// planned returns when the approved alternative's first benefit line that
// changes input expects it to move, or nil when none does.
func (s *story) planned(input string) *planTiming {
	if input == "" {
		return nil
	}
	b := &s.c.Tracking.Baseline
	alt := &s.c.Alternatives[s.c.AlternativeByID(b.Alternative)]
	for _, l := range b.Lines {
		if l.Kind != cb.BenefitLine || l.Input != input {
			continue
		}
		for _, bn := range alt.Benefits {
			if bn.Name == l.Name && bn.Input == input {
				return &planTiming{first: l.First, ramp: bn.RampMonths, to: bn.To.Likely}
			}
		}
	}
	return nil
}

// record records the risk that fired, the decisions asked and the
// credits.
func (s *story) record() error {
	t := s.c.Tracking
	t.CadenceMonths = 1
	var used float64
	for _, sp := range t.Spend {
		if sp.Reserve {
			used += sp.Amount
		}
	}
	rk := &s.c.Risks[s.risk]
	t.RiskEvents = []cb.RiskEvent{{Risk: rk.ID, Fired: s.fired, Workaround: true, Contingency: true, Cost: used,
		Note: "One of the two coaches resigned. Work-around: two top sales managers coach the new hires part-time. Contingency: an external coaching firm on a day rate, from the reserve, until the new coach starts."}}
	t.Decisions = []cb.DecisionRequest{
		{Raised: addDays(s.fired, 3), Question: "Go on with the roll-out with one coach, the external firm covering the second coach's regions?",
			From: "VP Sales", By: addDays(s.fired, 5), Decided: addDays(s.fired, 5), Answer: "Yes, with the external firm at up to €9,000 a month from the reserve."},
		{Raised: addDays(s.day, -10), Question: "Keep the external coaching firm until the new coach starts, at €9,000 a month from the contingency reserve?",
			From: "CFO", By: addDays(s.day, 15)},
	}
	owner := func(i int) string {
		name, _, _ := strings.Cut(s.c.Tracking.Baseline.Milestones[i].Owner, ",")
		return name
	}
	b := &t.Baseline
	t.Credits = []cb.Credit{
		{Date: addDays(s.day, -6), Name: "José Müller-Øberg", Contribution: "Coached the August and September hires in DACH himself after the coach left, and had two of his best managers do the same"},
		{Date: addDays(s.day, -15), Name: "Zofia Wąsowska", Contribution: "Built the monthly attrition and ramp-up dashboard this report draws on, from the HRIS and the CRM"},
		{Date: addDays(s.day, -2), Name: "Chloé Lefèvre", Contribution: "Found and signed the replacement coach in eleven weeks"},
		{Date: addDays(s.start.Add(5).Last(), 0), Name: owner(min(5, len(b.Milestones)-1)), Contribution: "Ran the pilot with the April cohort, and rewrote two modules with the top reps during it"},
	}
	return nil
}

// gates records the outcome of every gate due by the as-of day: met if the
// readings met its thresholds, and on with the programme either way.
func (s *story) gates() error {
	p, err := tracking.ProgressOf(s.c, tracking.Options{AsOf: s.asOf})
	if err != nil {
		return err
	}
	for _, g := range p.Gates {
		if g.Day.IsZero() || s.day.Before(g.Day) {
			continue
		}
		met := true
		for _, th := range g.Thresholds {
			met = met && th.Met != nil && *th.Met
		}
		note := "Every threshold met by the pilot cohort."
		if !met {
			note = "Not every threshold was met; the committee went on, and asked for the ramp-up of the roll-out cohorts every quarter."
		}
		s.c.Tracking.Gates = append(s.c.Tracking.Gates, cb.GateOutcome{Gate: g.ID, Date: g.Day, Met: met, Decision: cb.GoOn, DecidedBy: g.DecidedBy, Note: note})
		// A stage approved up to this gate is approved in full once past it.
		if b := &s.c.Tracking.Baseline; b.Approval.UpToGate == g.ID {
			again := cb.Approval{Date: addDays(g.Day, 7), By: b.Approval.By, Conditions: b.Approval.Conditions}
			if err := tracking.Reapprove(s.c, again); err != nil {
				return fmt.Errorf("approving the whole plan after gate %s: %w", g.ID, err)
			}
		}
	}
	return nil
}

// reforecast brings the estimate of a one-time or yearly cost that came
// in under it down to what it cost, and has the benefit whose KPI reads
// behind the plan take longer to reach its new value: as long again as the
// months a coach was short (from the month the risk fired to the new
// coach's first). The case holds the re-forecast; the baseline keeps what
// was approved.
func (s *story) reforecast() error {
	alt := &s.c.Alternatives[s.c.AlternativeByID(s.c.Tracking.Baseline.Alternative)]
	short := s.coachStarts.Since(tracking.MonthOf(s.fired))
	for i := range alt.Benefits {
		bn := &alt.Benefits[i]
		if bn.Input != s.behind || s.behind == "" || bn.RampMonths <= 0 {
			continue
		}
		was := bn.RampMonths
		bn.RampMonths += short
		bn.Note = strings.TrimSpace(bn.Note + fmt.Sprintf(" Re-forecast in %s: full after %d months, not %d, as the cohorts hired a coach short ramp up later.",
			s.asOf.Words(), bn.RampMonths, was))
	}
	for i := range alt.Costs {
		k := &alt.Costs[i]
		f, ok := s.under[k.Name]
		if !ok || k.Kind == cb.Monthly {
			continue
		}
		k.Amount = cb.Range{Low: k.Amount.Low * f, Likely: k.Amount.Likely * f, High: k.Amount.High * f}
		k.Note = strings.TrimSpace(k.Note + fmt.Sprintf(" Re-forecast in %s at what it cost: %s %% of the estimate approved.",
			s.asOf.Words(), strconv.FormatFloat(100*f, 'f', -1, 64)))
	}
	return nil
}

// notes gives the milestones that wait for the late one a note saying
// where they move.
func (s *story) notes() error {
	p, err := tracking.ProgressOf(s.c, tracking.Options{AsOf: s.asOf})
	if err != nil {
		return err
	}
	t := s.c.Tracking
	names := map[string]string{}
	for _, m := range p.Milestones {
		names[m.Key] = m.Name
	}
	for _, m := range p.Milestones {
		if m.MovedBy == "" || m.Late || m.Status != tracking.StateNotStarted {
			continue
		}
		t.Milestones = append(t.Milestones, cb.MilestoneProgress{Milestone: m.Key,
			Note: fmt.Sprintf("Waits for %q: moves to %s – %s, and the people it needs are booked for then.", names[m.MovedBy], words(m.ForecastStart), words(m.ForecastEnd))})
	}
	return nil
}
