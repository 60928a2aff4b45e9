package tracking

import (
	"reflect"
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
)

func TestReportOfApril(t *testing.T) {
	c := underWay(t)
	c.Tracking.Credits = []cb.Credit{
		{Date: d(2027, 3, 10), Name: "Ann Archer", Contribution: "Finished the design"},
		{Date: d(2027, 4, 20), Name: "Dee Dunn", Contribution: "Found the agency coach in two days"},
	}
	c.Tracking.Decisions = []cb.DecisionRequest{
		{Raised: d(2027, 4, 12), Question: "Keep the agency coach until June?", From: "CFO", By: d(2027, 5, 15)},
		{Raised: d(2027, 3, 2), Question: "Start the roll-out a week late?", From: "VP Sales", Decided: d(2027, 3, 4), Answer: "Yes"},
	}
	r := report(t, c, Month{2027, 4})
	if r.AsOf != (Month{2027, 4}) || r.Previous != (Month{2027, 3}) || r.Before == nil || r.Title != "By hand" {
		t.Fatalf("as of %s, previous %s", r.AsOf, r.Previous)
	}
	// As of March the design was done (5 March), the gate awaited its
	// outcome, the roll-out was not yet late (its percent complete is
	// April's), 17,400 was spent against 18,400 planned, and the forecast
	// at completion was 20,400 (the coach to April); attrition was on its
	// trajectory and the coaching sessions off it: money red, schedule
	// red, KPIs amber, risks green. In April: 2,700 spent against 1,000
	// planned, the roll-out running late, the coach risk fired, and the
	// benefits realised 9,075 − 4,537.50 (January to March: 0.5 and 1
	// point of attrition, × 75,625 / 12 × 48 %).
	want := []Change{
		{AreaMoney, "€2,700 spent in the period, against €1,000 planned."},
		{AreaMoney, "The forecast at completion moved from €20,400 to €21,600."},
		{AreaSchedule, `"Roll-out" is now running late: 54 days, forecast to end on 2027-06-23.`},
		{AreaKPIs, "Attrition read 28.5% on 2027-04-30, on its trajectory (29.0% on 2027-03-31)."},
		{AreaKPIs, "Coaching sessions read 1.50 on 2027-04-15, off its trajectory of 2.15 (1.20 on 2027-02-15)."},
		{AreaKPIs, "€4,538 of benefits realised in the period, against €0 planned."},
		{AreaRisks, "Risks went from green to amber. Still being handled: The coach leaves; €1,500 of the reserve of €2,000 is used."},
		{AreaRisks, `The trigger of "The coach leaves" fired on 2027-04-05: the contingency plan is used.`},
	}
	if !reflect.DeepEqual(r.Changes, want) {
		t.Errorf("changes:")
		for _, ch := range r.Changes {
			t.Errorf("  %s: %s", ch.Area, ch.Text)
		}
	}
	checkFigure(t, "realised to March", r.Before.Benefits.RealisedToDate, 4537.5)
	if r.Before.Status.Of(AreaMoney).Status != Red || r.Before.Status.Of(AreaKPIs).Status != Amber {
		t.Errorf("March: %+v", r.Before.Status)
	}
	if len(r.Done) != 0 || len(r.Late) != 1 || r.Late[0].Key != "rollout" || len(r.Next) != 0 {
		t.Errorf("done %v, late %v, next %v", r.Done, r.Late, r.Next)
	}
	if len(r.Risks) != 1 || r.Risks[0].Risk != "r1" || !r.Risks[0].InPeriod || !r.Risks[0].Open {
		t.Errorf("risks %+v", r.Risks)
	}
	wantDecisions := []DecisionNeeded{
		{Question: "Keep the agency coach until June?", From: "CFO", By: d(2027, 5, 15), Recorded: 0},
		{Question: `Decide at gate "After the design", due on 2027-03-06, whether the programme goes on`, From: "CEO", By: d(2027, 3, 6), Recorded: -1},
		{Question: "Approve the forecast of €21,600, €2,200 over the approved budget of €19,400, or say what to cut", From: "Executive committee", Recorded: -1},
	}
	if !reflect.DeepEqual(r.Decisions, wantDecisions) {
		t.Errorf("decisions\n%+v\nwant\n%+v", r.Decisions, wantDecisions)
	}
	if want := []ReportCredit{{Name: "Dee Dunn", Contribution: "Found the agency coach in two days", Date: d(2027, 4, 20)}}; !reflect.DeepEqual(r.Credits, want) {
		t.Errorf("credits %+v", r.Credits)
	}
	if len(r.Findings) != len(Review(c, r.Progress)) {
		t.Errorf("findings %v", r.Findings)
	}
}

func TestReportOfMarch(t *testing.T) {
	// The design finished in March: done, its owner credited; the roll-out
	// starts, and the gate is due.
	c := underWay(t)
	r := report(t, c, Month{2027, 3})
	if len(r.Done) != 1 || r.Done[0].Key != "design" {
		t.Fatalf("done %+v", r.Done)
	}
	want := []ReportCredit{{Name: "Ann Archer", Contribution: `Finished "Design", 7 days after the date planned`, Date: d(2027, 3, 5), Milestone: true}}
	if !reflect.DeepEqual(r.Credits, want) {
		t.Errorf("credits %+v", r.Credits)
	}
	// Due in April: the roll-out's end (30 April, as planned then).
	if len(r.Next) != 1 || r.Next[0].Key != "rollout" {
		t.Errorf("next %+v", r.Next)
	}
	found := false
	for _, ch := range r.Changes {
		if ch == (Change{AreaSchedule, `"Design" was finished on 2027-03-05, 7 days late.`}) {
			found = true
		}
	}
	if !found {
		t.Errorf("changes %+v", r.Changes)
	}
}

func TestFirstReport(t *testing.T) {
	c := underWay(t)
	r := report(t, c, Month{2027, 1})
	if !r.Previous.IsZero() || r.Before != nil {
		t.Errorf("previous %s", r.Previous)
	}
	if r.Changes[0] != (Change{"", "This is the first progress report since the approval on 2026-12-20."}) {
		t.Errorf("changes %+v", r.Changes)
	}
	// January: 9,400 spent against 16,400 planned (the reserve in it).
	if r.Changes[1] != (Change{AreaMoney, "€9,400 spent in the period, against €16,400 planned."}) {
		t.Errorf("changes %+v", r.Changes)
	}
	// A quarterly cadence: the report of April follows January's.
	c.Tracking.CadenceMonths = 3
	if r, err := NewReport(c, Month{2027, 4}); err != nil || r.Previous != (Month{2027, 1}) {
		t.Errorf("quarterly: %v, %v", r.Previous, err)
	}
}
