package tracking

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	cb "github.com/casebuilder/casebuilder/casebuilder"
)

// The figures of the hand case as of April 2027 (month 3), worked by hand
// from underWay's actuals.

func TestMoneyByHand(t *testing.T) {
	p := progress(t, underWay(t), Month{2027, 4})
	if p.Month != 3 || p.Day != d(2027, 4, 30) || !p.Current {
		t.Fatalf("month %d, day %s, current %v", p.Month, p.Day, p.Current)
	}
	m := p.Money
	checkFigure(t, "approved budget", m.ApprovedBudget, 19400)
	// Months 0 to 3 of the baseline: 16,400 + 3 × 1,000.
	checkFigure(t, "planned to date", m.PlannedToDate, 19400)
	checkFigure(t, "lines planned to date", m.LinesPlannedToDate, 17400)
	// 13,000 + 2,400 + 3,200 on the lines, 1,500 from the reserve.
	checkFigure(t, "spent to date", m.SpentToDate, 20100)
	checkFigure(t, "lines spent to date", m.LinesSpentToDate, 18600)
	if r, ok := m.LinesOverPlan(); !ok || !near(r, 18600.0/17400-1) {
		t.Errorf("over plan %v %v", r, ok)
	}
	checkFigure(t, "reserve used", m.ReserveUsed, 1500)
	checkFigure(t, "reserve left", m.ReserveLeft, 500)
	// The roll-out is forecast to end on 23 June (see the schedule), so the
	// coach is paid in May too: 13,000 + 2,400 + (3,200 + 1,000) + the
	// reserve's 1,500 used and 500 left.
	checkFigure(t, "forecast at completion", m.ForecastAtCompletion, 21600)
	checkFigure(t, "variance at completion", m.VarianceAtCompletion, 2200)
	checkFigure(t, "forecast of the whole plan", m.ForecastWholePlan, 21600)
	want := []LineMoney{
		{Name: "Design", Approved: 12000, PlannedToDate: 12000, SpentToDate: 13000, Remaining: 0, Forecast: 13000},
		{Name: "Coach", Approved: 3000, PlannedToDate: 3000, SpentToDate: 3200, Remaining: 1000, Forecast: 4200},
		{Name: "Licence", Approved: 2400, PlannedToDate: 2400, SpentToDate: 2400, Remaining: 0, Forecast: 2400},
		{Name: "Contingency reserve", Reserve: true, Approved: 2000, PlannedToDate: 2000, SpentToDate: 1500, Remaining: 500, Forecast: 2000},
	}
	if !reflect.DeepEqual(m.Lines, want) {
		t.Errorf("lines\n%+v, want\n%+v", m.Lines, want)
	}
	planned := []float64{16400, 1000, 1000, 1000, 0, 0, 0, 0, 0, 0, 0, 0}
	actual := []float64{9400, 1000, 7000, 2700, 0, 0, 0, 0, 0, 0, 0, 0}
	forecast := []float64{9400, 1000, 7000, 2700, 1000, 0, 0, 0, 0, 0, 0, 0}
	var cp, ca, cf float64
	for i, mm := range m.ByMonth {
		cp, ca, cf = cp+planned[i], ca+actual[i], cf+forecast[i]
		if mm.Month != i || mm.Label != (Month{2027, 1}).Add(i).String() || !near(mm.Planned, planned[i]) || !near(mm.Actual, actual[i]) ||
			!near(mm.Forecast, forecast[i]) || !near(mm.CumPlanned, cp) || !near(mm.CumActual, ca) || !near(mm.CumForecast, cf) {
			t.Errorf("month %d: %+v, want planned %v, actual %v, forecast %v", i, mm, planned[i], actual[i], forecast[i])
		}
	}
	if len(m.ByMonth) != 12 {
		t.Errorf("%d months", len(m.ByMonth))
	}
}

func TestScheduleByHand(t *testing.T) {
	p := progress(t, underWay(t), Month{2027, 4})
	design, rollout, review := p.Milestones[0], p.Milestones[1], p.Milestones[2]
	// Done on 5 March against 26 February: a week late.
	if design.Status != StateDone || design.DaysLate != 7 || design.Late || design.ForecastEnd != d(2027, 3, 5) || design.PercentComplete != 1 {
		t.Errorf("design %+v", design)
	}
	// Half done in the 54 days from 8 March to 30 April: 108 days in all,
	// ending on 23 June, 54 days after 30 April.
	if rollout.Status != StateLate || !rollout.Late || rollout.DaysLate != 54 || rollout.ForecastStart != d(2027, 3, 8) ||
		rollout.ForecastEnd != d(2027, 6, 23) || rollout.Record != 1 {
		t.Errorf("roll-out %+v", rollout)
	}
	// The review waits for the roll-out: from 24 June, taking its 14 days,
	// to 8 July, 23 days after 15 June; not late itself.
	if review.Status != StateNotStarted || review.Late || review.DaysLate != 23 || review.MovedBy != "rollout" ||
		review.ForecastStart != d(2027, 6, 24) || review.ForecastEnd != d(2027, 7, 8) || review.Record != -1 {
		t.Errorf("review %+v", review)
	}
	// The roll-out's slip moves the coach's last month from April to May
	// and the benefit's first from May to June: one month of benefit,
	// 18,906.25, and one of the coach, 1,000, later or more.
	f := p.Forecast
	checkFigure(t, "approved NPV", f.ApprovedNPV, 131850)
	checkFigure(t, "planned NPV", f.PlannedNPV, 131850)
	checkFigure(t, "forecast NPV", f.NPV, 111943.75)
	checkFigure(t, "slip cost", f.SlipCost, 19906.25)
	checkFigure(t, "forecast total benefit", f.TotalBenefit, 7*18906.25)
	checkFigure(t, "forecast total cost", f.TotalCost, 20400)
	checkFigure(t, "the roll-out's slip alone", rollout.SlipCost, 19906.25)
	checkFigure(t, "the design's slip alone", design.SlipCost, 0)
	three, four := 3, 4
	want := []MovedLine{
		{Line: "Coach", Kind: cb.CostLine, StartMonth: 1, ForecastStartMonth: 1, EndMonth: &three, ForecastEndMonth: &four},
		{Line: "Fewer leavers", Kind: cb.BenefitLine, StartMonth: 4, ForecastStartMonth: 5},
	}
	if !reflect.DeepEqual(rollout.Moves, want) {
		t.Errorf("moves %+v", rollout.Moves)
	}
	if len(design.Moves) != 0 {
		t.Errorf("the design moves %+v", design.Moves)
	}
}

func TestScheduleForecasts(t *testing.T) {
	tests := []struct {
		name     string
		progress []cb.MilestoneProgress
		asOf     Month
		key      string
		state    MilestoneState
		end      cb.Date
		late     int
	}{
		// Nothing recorded: the design should have started on 4 January;
		// as of March it starts on 1 April at the earliest and takes its
		// 53 days, to 24 May.
		{"not started, due", nil, Month{2027, 3}, "design", StateLate, d(2027, 5, 24), 87},
		// In progress with no percent: at its planned end at the earliest,
		// and not before the as-of day.
		{"in progress, no percent", []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4)}},
			Month{2027, 1}, "design", StateInProgress, d(2027, 2, 26), 0},
		{"in progress past its end", []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4)}},
			Month{2027, 3}, "design", StateLate, d(2027, 3, 31), 33},
		// Ahead: 80 % of it in the 28 days from 4 to 31 January: 35 days
		// in all, to 7 February.
		{"ahead", []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), PercentComplete: 0.8}},
			Month{2027, 1}, "design", StateInProgress, d(2027, 2, 7), 0},
		// On hold stays on hold, late or not.
		{"on hold", []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), Status: cb.OnHold}},
			Month{2027, 3}, "design", StateOnHold, d(2027, 3, 31), 33},
		// Recorded after the month: not yet happened then.
		{"ended after the month", []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), ActualEnd: d(2027, 2, 20)}},
			Month{2027, 1}, "design", StateInProgress, d(2027, 2, 26), 0},
		{"done early", []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), ActualEnd: d(2027, 2, 20)}},
			Month{2027, 2}, "design", StateDone, d(2027, 2, 20), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := approved(t)
			c.Tracking.Milestones = tt.progress
			// An actual in the as-of month, so that the record's state counts.
			c.Tracking.Readings = []cb.Reading{{Measure: "sessions", Date: tt.asOf.First(), Value: 1}}
			p := progress(t, c, tt.asOf)
			for _, m := range p.Milestones {
				if m.Key == tt.key && (m.Status != tt.state || m.ForecastEnd != tt.end || m.DaysLate != tt.late) {
					t.Errorf("%s: %s ending %s, %d days late; want %s ending %s, %d days late", m.Key, m.Status, m.ForecastEnd, m.DaysLate, tt.state, tt.end, tt.late)
				}
			}
		})
	}
}

func TestKPIsByHand(t *testing.T) {
	p := progress(t, underWay(t), Month{2027, 4})
	attr, sessions := p.KPIs[0], p.KPIs[1]
	// Attrition is due to move only when the benefit that counts on it
	// starts, in May after the roll-out: from 30 % on 1 May to 27 % on 31
	// December. On 30 April it is due at its baseline, 30 %.
	if attr.Latest == nil || *attr.Latest != 0.285 || attr.LatestDate != d(2027, 4, 30) || !*attr.OnTrack || attr.Overdue || len(attr.Readings) != 4 {
		t.Errorf("attrition %+v", attr)
	}
	if attr.TrajectoryFrom != d(2027, 5, 1) || sessions.TrajectoryFrom != d(2027, 1, 1) {
		t.Errorf("trajectories from %s and %s, want 2027-05-01 and 2027-01-01", attr.TrajectoryFrom, sessions.TrajectoryFrom)
	}
	checkFigure(t, "attrition due on 30 April", *attr.Trajectory, 0.30)
	// A reading in August is due 92 days into the 244 from 1 May to 31
	// December: 0.30 − 0.03 × 92/244 ≈ 28.87 %; 29 % is behind.
	c := underWay(t)
	c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "attrition", Date: d(2027, 8, 1), Value: 0.29})
	aug := progress(t, c, Month{2027, 8}).KPIs[0]
	checkFigure(t, "attrition due on 1 August", *aug.Trajectory, 0.30-0.03*92.0/244)
	if *aug.OnTrack {
		t.Errorf("attrition at 29 %% on 1 August is on its trajectory of %v, want behind it", *aug.Trajectory)
	}
	// From 1 on 1 January to 3 on 1 July, 181 days: on 15 April, 104 days
	// in, 1 + 2 × 104/181 ≈ 2.149; 1.5 is behind.
	if sessions.Latest == nil || *sessions.Latest != 1.5 || *sessions.OnTrack || sessions.Record != -1 {
		t.Errorf("sessions %+v", sessions)
	}
	checkFigure(t, "sessions due on 15 April", *sessions.Trajectory, 1+2*104.0/181)
	// As of January, sessions have no reading yet, and are not overdue;
	// as of March, its last reading (February) is a month old: not yet.
	jan := progress(t, underWay(t), Month{2027, 1})
	if k := jan.KPIs[1]; k.Latest != nil || k.OnTrack != nil || k.Trajectory != nil || k.Overdue {
		t.Errorf("sessions in January %+v", k)
	}
	if k := progress(t, underWay(t), Month{2027, 3}).KPIs[1]; k.Overdue || *k.Latest != 1.2 {
		t.Errorf("sessions in March %+v", k)
	}
}

func TestTrajectory(t *testing.T) {
	m := &cb.BaselineMeasure{Baseline: 10, Target: 20, Date: d(2027, 1, 11)}
	start, end := d(2027, 1, 1), d(2027, 12, 31)
	for _, tt := range []struct {
		day  cb.Date
		want float64
	}{{d(2026, 12, 1), 10}, {d(2027, 1, 1), 10}, {d(2027, 1, 6), 15}, {d(2027, 1, 11), 20}, {d(2027, 6, 1), 20}} {
		if got := TrajectoryAt(m, start, end, tt.day); !near(got, tt.want) {
			t.Errorf("on %s: %v, want %v", tt.day, got, tt.want)
		}
	}
	// Due to move only after its date: at its baseline until then, at its
	// target from then on.
	if got := TrajectoryAt(m, d(2027, 2, 1), end, d(2027, 1, 31)); got != 10 {
		t.Errorf("before a late start: %v, want 10", got)
	}
	if got := TrajectoryAt(m, d(2027, 2, 1), end, d(2027, 2, 1)); got != 20 {
		t.Errorf("on a late start: %v, want 20", got)
	}
	// Without a date, the target is due at the end of the horizon.
	m.Date = cb.Date{}
	if got := TrajectoryAt(m, start, end, d(2027, 7, 2)); !near(got, 10+10*182.0/364) {
		t.Errorf("undated: %v", got)
	}
	for _, tt := range []struct {
		baseline, target, reading, due float64
		want                           bool
	}{{10, 20, 15, 15, true}, {10, 20, 14.9, 15, false}, {20, 10, 14.9, 15, true}, {20, 10, 15.1, 15, false}, {5, 5, 5, 5, true}, {5, 5, 5.1, 5, false}} {
		if got := OnTrack(&cb.BaselineMeasure{Baseline: tt.baseline, Target: tt.target}, tt.reading, tt.due); got != tt.want {
			t.Errorf("%v → %v, read %v against %v: %v", tt.baseline, tt.target, tt.reading, tt.due, got)
		}
	}
}

func TestGatesByHand(t *testing.T) {
	c := underWay(t)
	p := progress(t, c, Month{2027, 4})
	g := p.Gates[0]
	// The design ended on 5 March: the gate falls on the 6th, passed by
	// April with no outcome. The threshold (sessions at least 1.5) by then
	// reads 1.2, from 15 February.
	if g.Status != GateAwaiting || g.Day != d(2027, 3, 6) || g.PlannedDay != d(2027, 2, 27) || g.Outcome != nil {
		t.Errorf("gate %+v", g)
	}
	th := g.Thresholds[0]
	if th.Measure != "Coaching sessions" || th.Reading == nil || *th.Reading != 1.2 || th.ReadingDate != d(2027, 2, 15) || *th.Met {
		t.Errorf("threshold %+v", th)
	}
	if g := progress(t, c, Month{2027, 2}).Gates[0]; g.Status != GateToCome {
		t.Errorf("in February: %s", g.Status)
	}
	c.Tracking.Gates = []cb.GateOutcome{{Gate: "g1", Date: d(2027, 3, 8), Met: false, Decision: cb.GoOn, DecidedBy: "CEO"}}
	if g := progress(t, c, Month{2027, 4}).Gates[0]; g.Status != GateNotMet || g.Outcome == nil || g.Outcome.Decision != cb.GoOn {
		t.Errorf("decided: %+v", g)
	}
	c.Tracking.Gates[0].Met = true
	if g := progress(t, c, Month{2027, 4}).Gates[0]; g.Status != GateMet {
		t.Errorf("met: %+v", g)
	}
}

func TestBenefitsRealisedByHand(t *testing.T) {
	p := progress(t, underWay(t), Month{2027, 4})
	b := p.Benefits
	// Each point of attrition is worth 75,625 a year: 0, 0.5, 1 and 1.5
	// points in January to April are worth (0 + 37,812.50 + 75,625 +
	// 113,437.50) / 12 = 18,906.25; the programme claims 60 % × 80 % of
	// it, 9,075.
	checkFigure(t, "improvement", b.ImprovementToDate, 18906.25)
	checkFigure(t, "realised", b.RealisedToDate, 9075)
	checkFigure(t, "planned to date", b.PlannedToDate, 0)
	if len(b.KPIs) != 1 || b.KPIs[0].Key != "attrition" || b.KPIs[0].Months != 4 || b.KPIs[0].Isolation.Method != cb.ManagerEstimate {
		t.Fatalf("KPIs %+v", b.KPIs)
	}
	checkFigure(t, "April's improvement", b.KPIs[0].LatestMonthly, 113437.5/12)
	if got, want := b.KPIs[0].Explain(cb.FormatFor(underWay(t))), "Attrition: an improvement worth €18,906 to date, valued by the cost of pain; "+
		"60.0% of it is attributed to the programme, by the managers' estimate (Sales managers, in the April review), with 80.0% confidence: €9,075 claimed."; got != want {
		t.Errorf("explained as\n%s\nwant\n%s", got, want)
	}
	realised := []float64{0, 37812.5 / 12 * 0.48, 75625.0 / 12 * 0.48, 113437.5 / 12 * 0.48}
	for i, mb := range b.ByMonth {
		checkFigure(t, "realised in "+mb.Label, mb.Realised, realised[i])
	}
	// By September the baseline plans the benefit for May to September,
	// five months at 18,906.25 (the forecast starts it later; the plan to
	// date is the baseline's).
	c := underWay(t)
	c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "attrition", Date: d(2027, 9, 30), Value: 0.28})
	sep := progress(t, c, Month{2027, 9})
	checkFigure(t, "planned to September", sep.Benefits.PlannedToDate, 5*18906.25)
	checkFigure(t, "measured planned", sep.Benefits.MeasuredPlannedToDate, 5*18906.25)
	// May to August hold April's 28.5 %, September reads 28 %: 4 × 1.5
	// points and 2 points more, by twelve.
	checkFigure(t, "improvement to September", sep.Benefits.ImprovementToDate, 18906.25+(4*1.5+2)*75625/12)
	// Without isolation, nothing is claimed.
	c.Tracking.KPIs = nil
	if b := progress(t, c, Month{2027, 9}).Benefits; b.RealisedToDate != 0 || b.ImprovementToDate == 0 {
		t.Errorf("claimed without isolation: %+v", b)
	}
}

func TestTwoKPIsValuedInTurn(t *testing.T) {
	// A KPI on the ramp-up as well: with attrition at 28.5 %, each month
	// of ramp-up is worth 28.5 leavers × 30,416.67 × 0.5 × 0.5 a year.
	c := underWay(t)
	c.Measures = append(c.Measures, cb.Measure{ID: "ramp", Name: "Ramp-up", Unit: "months", Baseline: 6, Target: 5, Date: d(2027, 12, 31), PainInput: "rampMonths"})
	c.Tracking.Baseline.Measures = append(c.Tracking.Baseline.Measures, cb.BaselineMeasure{ID: "ramp", Name: "Ramp-up", Unit: "months", Baseline: 6, Target: 5,
		Date: d(2027, 12, 31), PainInput: "rampMonths"})
	c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "ramp", Date: d(2027, 4, 30), Value: 5})
	c.Tracking.KPIs = append(c.Tracking.KPIs, cb.KPIRecord{Measure: "ramp", Isolation: &cb.Isolation{Share: 1, Method: cb.ControlGroup, Confidence: 1}})
	p := progress(t, c, Month{2027, 4})
	ramp := p.Benefits.KPIs[1]
	perMonthOfRamp := 28.5 * 365000.0 / 12 * 0.25
	checkFigure(t, "ramp-up in April", ramp.Improvement, perMonthOfRamp/12)
	checkFigure(t, "realised", p.Benefits.RealisedToDate, 9075+perMonthOfRamp/12)
}

func TestAsOf(t *testing.T) {
	c := approved(t)
	// No actual: the approval's month, brought to the start.
	if m := DefaultAsOf(c); m != (Month{2027, 1}) {
		t.Errorf("default as of %s", m)
	}
	c = underWay(t)
	if m := DefaultAsOf(c); m != (Month{2027, 4}) {
		t.Errorf("default as of %s", m)
	}
	for _, m := range []Month{{2026, 12}, {2028, 1}} {
		if _, err := ProgressOf(c, Options{AsOf: m}); err == nil || !strings.Contains(err.Error(), "from 2027-01 to 2027-12") {
			t.Errorf("as of %s: %v", m, err)
		}
	}
	if _, err := ProgressOf(handCase(), Options{}); !errors.Is(err, ErrNotApproved) {
		t.Errorf("not approved: %v", err)
	}
	// As of an earlier month, later actuals are left out, and the record's
	// percent complete does not count.
	p := progress(t, c, Month{2027, 2})
	checkFigure(t, "spent by February", p.Money.SpentToDate, 10400)
	// By February the design had cost 7,000 of the 12,000 planned: the
	// 5,000 still to pay is forecast for March, beside the coach's 1,000.
	checkFigure(t, "forecast at completion in February", p.Money.ForecastAtCompletion, 19400)
	checkFigure(t, "the design's remaining", p.Money.Lines[0].Remaining, 5000)
	checkFigure(t, "March's forecast", p.Money.ByMonth[2].Forecast, 6000)
	checkFigure(t, "the whole plan's forecast", p.Money.ForecastWholePlan, 19400)
	// A month of the coach not paid is not owed later: without February's
	// 1,000, the coach is forecast at March's and April's 2,000 alone.
	c.Tracking.Spend = slices.DeleteFunc(slices.Clone(c.Tracking.Spend), func(s cb.Spend) bool { return s.Line == "Coach" && s.Date == d(2027, 2, 28) })
	p = progress(t, c, Month{2027, 2})
	checkFigure(t, "the coach's remaining", p.Money.Lines[1].Remaining, 2000)
	checkFigure(t, "forecast at completion without February's coach", p.Money.ForecastAtCompletion, 18400)
	// The design, due on 26 February and not done by the 28th, is late.
	if p.Current || p.Milestones[1].Status != StateNotStarted || p.Milestones[0].Status != StateLate || p.Milestones[0].DaysLate != 2 {
		t.Errorf("current %v; design %s, roll-out %s", p.Current, p.Milestones[0].Status, p.Milestones[1].Status)
	}
	if len(p.Risks) != 0 {
		t.Errorf("risks %+v", p.Risks)
	}
	for _, s := range []string{"2027-13", "27-01", "2027/01", ""} {
		if _, err := ParseMonth(s); err == nil {
			t.Errorf("%q read as a month", s)
		}
	}
	if m, err := ParseMonth("2027-09"); err != nil || m != (Month{2027, 9}) || m.Last() != d(2027, 9, 30) || m.Words() != "September 2027" {
		t.Errorf("%v %v", m, err)
	}
}

func TestStatusByHand(t *testing.T) {
	p := progress(t, underWay(t), Month{2027, 4})
	want := map[string]RAG{AreaMoney: Red, AreaSchedule: Red, AreaKPIs: Amber, AreaRisks: Amber}
	for _, a := range p.Status.Areas {
		if a.Status != want[a.Area] || a.Rule != StatusRules[a.Area] || a.Reason == "" {
			t.Errorf("%s: %s (%s), want %s", a.Area, a.Status, a.Reason, want[a.Area])
		}
	}
	if p.Status.Overall != Red {
		t.Errorf("overall %s", p.Status.Overall)
	}
	// 21,600 against 19,400 is 11.3 % over.
	if r := p.Status.Of(AreaMoney).Reason; !strings.Contains(r, "€21,600") || !strings.Contains(r, "11.3%") {
		t.Errorf("money: %s", r)
	}
	// The app writes them as its boxes do: in German, 21.600 € and 11,3 %.
	de, err := ProgressOf(underWay(t), Options{AsOf: Month{2027, 4}, Lang: language.German})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := de.Status.Of(AreaMoney).Reason, "The forecast at completion, 21.600\u00a0€, is 11,3\u00a0% over the approved budget of 19.400\u00a0€."; got != want {
		t.Errorf("money, in German: %q, want %q", got, want)
	}
	if r := p.Status.Of(AreaSchedule).Reason; !strings.Contains(r, "Roll-out (54 days)") || !strings.Contains(r, "After the design") {
		t.Errorf("schedule: %s", r)
	}
	if r := p.Status.Of(AreaKPIs).Reason; r != "1 of the 2 KPIs read is off its trajectory: Coaching sessions." {
		t.Errorf("KPIs: %s", r)
	}
}

func TestStatusRules(t *testing.T) {
	tests := []struct {
		name   string
		area   string
		change func(c *cb.Case)
		want   RAG
	}{
		{"money on plan", AreaMoney, func(c *cb.Case) {}, Green},
		{"money a little over", AreaMoney, func(c *cb.Case) { spend(c, "Design", 500) }, Amber},
		{"money 5 % over", AreaMoney, func(c *cb.Case) { spend(c, "Design", 970) }, Amber},
		{"money more than 5 % over", AreaMoney, func(c *cb.Case) { spend(c, "Design", 971) }, Red},
		{"reserve overdrawn", AreaMoney, func(c *cb.Case) {
			c.Tracking.Spend = append(c.Tracking.Spend, cb.Spend{Date: d(2027, 1, 9), Reserve: true, Amount: 2001})
		}, Red},
		{"schedule on time", AreaSchedule, func(c *cb.Case) {}, Green},
		{"a milestone started late, not due", AreaSchedule, func(c *cb.Case) {
			c.Tracking.Milestones = []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 25)}}
		}, Green}, // in progress, due 26 February: as of January it is not late
		{"a milestone more than 30 days late", AreaSchedule, func(c *cb.Case) {
			c.Tracking.Milestones = []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), PercentComplete: 0.25}}
		}, Red}, // 28 days for a quarter: 112 days, to 25 April, 58 days late
		{"a milestone 8 days late", AreaSchedule, func(c *cb.Case) {
			c.Tracking.Milestones = []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), PercentComplete: 0.45}}
		}, Amber}, // 28 days for 45 %: 62 days, to 6 March, 8 days late
		{"KPIs on track", AreaKPIs, func(c *cb.Case) {}, Green},
		{"a KPI off track of two", AreaKPIs, func(c *cb.Case) {
			c.Tracking.Readings = append(c.Tracking.Readings, cb.Reading{Measure: "sessions", Date: d(2027, 1, 31), Value: 1})
		}, Amber},
		{"the only KPI off track", AreaKPIs, func(c *cb.Case) {
			c.Tracking.Readings = []cb.Reading{{Measure: "sessions", Date: d(2027, 1, 31), Value: 1}}
		}, Red},
		{"no risk fired", AreaRisks, func(c *cb.Case) {}, Green},
		{"a risk fired, unanswered", AreaRisks, func(c *cb.Case) {
			c.Tracking.RiskEvents = []cb.RiskEvent{{Risk: "r1", Fired: d(2027, 1, 10)}}
		}, Red},
		{"a risk fired, handled", AreaRisks, func(c *cb.Case) {
			c.Tracking.RiskEvents = []cb.RiskEvent{{Risk: "r1", Fired: d(2027, 1, 10), Workaround: true}}
		}, Amber},
		{"a risk fired, dealt with", AreaRisks, func(c *cb.Case) {
			c.Tracking.RiskEvents = []cb.RiskEvent{{Risk: "r1", Fired: d(2027, 1, 10), Workaround: true, Resolved: d(2027, 1, 20)}}
		}, Green},
		{"most of the reserve used", AreaRisks, func(c *cb.Case) {
			c.Tracking.Spend = append(c.Tracking.Spend, cb.Spend{Date: d(2027, 1, 9), Reserve: true, Amount: 1001})
		}, Amber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := onPlanInJanuary(t)
			tt.change(c)
			if ps := cb.Validate(c); len(ps) > 0 {
				t.Fatal(ps)
			}
			a := progress(t, c, Month{2027, 1}).Status.Of(tt.area)
			if a.Status != tt.want {
				t.Errorf("%s: %s (%s), want %s", tt.area, a.Status, a.Reason, tt.want)
			}
		})
	}
}

// onPlanInJanuary is the hand case on plan at the end of January: the
// design and licence paid, attrition read on its trajectory.
func onPlanInJanuary(t *testing.T) *cb.Case {
	c := approved(t)
	c.Tracking.Spend = []cb.Spend{{Date: d(2027, 1, 20), Line: "Design", Amount: 12000}, {Date: d(2027, 1, 5), Line: "Licence", Amount: 2400}}
	c.Tracking.Milestones = []cb.MilestoneProgress{{Milestone: "design", ActualStart: d(2027, 1, 4), PercentComplete: 0.6}}
	c.Tracking.Readings = []cb.Reading{{Measure: "attrition", Date: d(2027, 1, 31), Value: 0.297}}
	return c
}

// spend adds an amount spent on a line on 25 January.
func spend(c *cb.Case, line string, amount float64) {
	c.Tracking.Spend = append(c.Tracking.Spend, cb.Spend{Date: d(2027, 1, 25), Line: line, Amount: amount})
}

func TestAComponentKPIValued(t *testing.T) {
	// A component of the pain, approved with it: 40 orders reworked a
	// month at €250 each. Its KPI reads 36 at the end of April: 4 fewer a
	// month save 4 × 250 × 12 = 12,000 a year, 1,000 in April, all of it
	// the programme's (a control group, full confidence).
	c := handCase()
	c.Pain.Components = []cb.Component{{ID: "rework", Name: "Rework of faulty orders", Counts: "orders reworked", Per: cb.PerMonth,
		Quantity: cb.Exactly(40), Rate: cb.Exactly(250), Source: "Quality log"}}
	c.Measures = append(c.Measures, cb.Measure{ID: "reworks", Name: "Orders reworked", Unit: "count", Baseline: 40, Target: 30,
		Date: d(2027, 12, 31), Owner: "Cy", PainInput: "rework"})
	if err := Approve(c, approval); err != nil {
		t.Fatal(err)
	}
	if got := c.Tracking.Baseline.PainComponents; len(got) != 1 || got[0].Quantity.Likely != 40 {
		t.Fatalf("the baseline keeps the components as %+v", got)
	}
	c.Pain.Components[0].Quantity = cb.Exactly(45) // a re-forecast leaves the baseline alone
	c.Tracking.Readings = []cb.Reading{{Measure: "reworks", Date: d(2027, 4, 30), Value: 36}}
	c.Tracking.KPIs = []cb.KPIRecord{{Measure: "reworks", Isolation: &cb.Isolation{Share: 1, Method: cb.ControlGroup, Confidence: 1}}}
	b := progress(t, c, Month{2027, 4}).Benefits
	if len(b.KPIs) != 2 || b.KPIs[1].Key != "reworks" || b.KPIs[1].Months != 1 {
		t.Fatalf("KPIs valued: %+v", b.KPIs)
	}
	checkFigure(t, "April's improvement", b.KPIs[1].LatestMonthly, 1000)
	checkFigure(t, "realised", b.RealisedToDate, 1000)
}

func TestStatusWords(t *testing.T) {
	for s, want := range map[GateStatus]string{GateMet: "conditions met", GateNotMet: "conditions not met", GateToCome: "still to come",
		GateAwaiting: "its day has passed with no outcome recorded"} {
		if got := s.Words(); got != want {
			t.Errorf("gate %s: %q, want %q", s, got, want)
		}
	}
	for r, want := range map[RAG]string{Green: "green", Amber: "amber", Red: "red", "": "not rated"} {
		if got := r.Words(); got != want {
			t.Errorf("status %q: %q, want %q", r, got, want)
		}
	}
}

func TestTrajectoryStart(t *testing.T) {
	b := &cb.ApprovedBaseline{StartDate: d(2027, 1, 1), HorizonMonths: 12, Lines: []cb.BaselineLine{
		{Name: "Coach", Kind: cb.CostLine, Input: "", First: 0, Monthly: []float64{1000, 1000}},
		// Money from month 5 (June): months 3 and 4 hold nothing.
		{Name: "Fewer leavers", Kind: cb.BenefitLine, Input: "attritionRate", First: 3, Monthly: []float64{0, 0, 500, 500}},
		// Another on the same input, from month 4 (May): the earlier counts.
		{Name: "Fewer leavers, managers", Kind: cb.BenefitLine, Input: "attritionRate", First: 4, Monthly: []float64{200}},
		// No money within the horizon.
		{Name: "Faster ramp-up", Kind: cb.BenefitLine, Input: "rampMonths", First: 0},
		// From the first month.
		{Name: "Fewer open days", Kind: cb.BenefitLine, Input: "daysToFill", First: 0, Monthly: []float64{100}},
	}}
	for _, tc := range []struct {
		input string
		want  cb.Date
	}{
		{"attritionRate", d(2027, 5, 1)},
		{"rampMonths", d(2028, 1, 1)}, // the day after the horizon
		{"daysToFill", d(2027, 1, 1)},
		{"salary", d(2027, 1, 1)}, // no benefit changes it
		{"", d(2027, 1, 1)},       // tied to no input
	} {
		if got := TrajectoryStart(b, &cb.BaselineMeasure{PainInput: tc.input}); got != tc.want {
			t.Errorf("%q: from %s, want %s", tc.input, got, tc.want)
		}
	}
}

func TestTrajectoryPath(t *testing.T) {
	m := &cb.BaselineMeasure{Baseline: 30, Target: 27, Date: d(2027, 12, 31)}
	start, from, end := d(2027, 1, 1), d(2027, 5, 1), d(2027, 12, 31)
	for _, tc := range []struct {
		name  string
		m     *cb.BaselineMeasure
		until cb.Date
		want  []TrajectoryPoint
	}{
		// Cut on 1 August, 92 of the 244 days from 1 May to 31 December:
		// 30 − 3 × 92/244.
		{"under way", m, d(2027, 8, 1), []TrajectoryPoint{{start, 30}, {from, 30}, {d(2027, 8, 1), 30 - 3*92.0/244}}},
		{"before it moves", m, d(2027, 3, 1), []TrajectoryPoint{{start, 30}, {d(2027, 3, 1), 30}}},
		{"past its date", m, d(2028, 2, 1), []TrajectoryPoint{{start, 30}, {from, 30}, {end, 27}, {d(2028, 2, 1), 27}}},
		// Due by 1 March, before it is due to move: at once on 1 May.
		{"due before it moves", &cb.BaselineMeasure{Baseline: 30, Target: 27, Date: d(2027, 3, 1)}, d(2027, 6, 1),
			[]TrajectoryPoint{{start, 30}, {from, 30}, {from, 27}, {d(2027, 6, 1), 27}}},
		// Undated: its target on the horizon's last day.
		{"undated", &cb.BaselineMeasure{Baseline: 30, Target: 27}, d(2027, 12, 31),
			[]TrajectoryPoint{{start, 30}, {from, 30}, {end, 27}, {end, 27}}},
	} {
		got := TrajectoryPath(tc.m, start, from, end, tc.until)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i].Day != tc.want[i].Day || !near(got[i].Value, tc.want[i].Value) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}
