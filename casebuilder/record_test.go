package casebuilder_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/casebuilder/casebuilder/assets"
	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

func day(y, m, d int) cb.Date { return cb.Date{Year: y, Month: time.Month(m), Day: d} }

// approvedTurnover is the turnover sample approved, with a little of
// everything recorded.
func approvedTurnover(t *testing.T) *cb.Case {
	t.Helper()
	c := casetest.Sample(t, "turnover")
	if err := tracking.Approve(c, cb.Approval{Date: day(2026, 12, 15), By: "Executive committee"}); err != nil {
		t.Fatal(err)
	}
	b := &c.Tracking.Baseline
	c.Tracking.Spend = []cb.Spend{{Date: day(2027, 1, 29), Line: b.Lines[0].Name, Amount: 70000}, {Date: day(2027, 8, 31), Reserve: true, Amount: 9000}}
	c.Tracking.Milestones = []cb.MilestoneProgress{{Milestone: b.Milestones[0].Key(), ActualStart: day(2027, 1, 4), ActualEnd: day(2027, 1, 15), PercentComplete: 1, Status: cb.Done}}
	c.Tracking.Readings = []cb.Reading{{Measure: b.Measures[0].Key(), Date: day(2027, 1, 31), Value: 0.33}}
	c.Tracking.KPIs = []cb.KPIRecord{{Measure: b.Measures[0].Key(), Isolation: &cb.Isolation{Share: 0.5, Method: cb.ManagerEstimate, Confidence: 0.7}}}
	c.Tracking.RiskEvents = []cb.RiskEvent{{Risk: c.Risks[0].ID, Fired: day(2027, 7, 9), Workaround: true}}
	c.Tracking.Decisions = []cb.DecisionRequest{{Raised: day(2027, 9, 1), Question: "Extend the external coaches?", From: "CFO"}}
	c.Tracking.Credits = []cb.Credit{{Date: day(2027, 1, 15), Name: "Lena Brandt", Contribution: "Chose the design partner in a week"}}
	if ps := cb.Validate(c); len(ps) > 0 {
		t.Fatal(ps)
	}
	return c
}

func TestTrackingValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *cb.Case)
		path   string
		want   string
	}{
		{"spend on no line", func(c *cb.Case) { c.Tracking.Spend[0].Line = "Catering" }, "tracking.spend[0].line", `no cost line called "Catering"`},
		{"spend on a line and the reserve", func(c *cb.Case) { c.Tracking.Spend[1].Line = c.Tracking.Spend[0].Line }, "tracking.spend[1].line", "names no cost line"},
		{"spend on nothing", func(c *cb.Case) { c.Tracking.Spend[1].Reserve = false }, "tracking.spend[1].line", "must name a cost line"},
		{"spend before the start", func(c *cb.Case) { c.Tracking.Spend[0].Date = day(2026, 12, 31) }, "tracking.spend[0].date", "before the month the programme starts, 2027-01-01"},
		{"spend after the horizon", func(c *cb.Case) { c.Tracking.Spend[0].Date = day(2030, 1, 1) }, "tracking.spend[0].date", "within the 36 months of the horizon, up to 2029-12-31"},
		{"spend undated", func(c *cb.Case) { c.Tracking.Spend[0].Date = cb.Date{} }, "tracking.spend[0].date", "must be set"},
		{"spend too large", func(c *cb.Case) { c.Tracking.Spend[0].Amount = 2e12 }, "tracking.spend[0].amount", "must be an amount between"},
		{"unknown milestone", func(c *cb.Case) { c.Tracking.Milestones[0].Milestone = "party" }, "tracking.milestones[0].milestone", `no milestone with the ID or name "party"`},
		{"milestone twice", func(c *cb.Case) { c.Tracking.Milestones = append(c.Tracking.Milestones, c.Tracking.Milestones[0]) }, "tracking.milestones[1].milestone", "in tracking.milestones[0] already"},
		{"ended before it started", func(c *cb.Case) { c.Tracking.Milestones[0].ActualEnd = day(2027, 1, 2) }, "tracking.milestones[0].actualEnd", "must not be before the actual start"},
		{"done without an end", func(c *cb.Case) { c.Tracking.Milestones[0].ActualEnd = cb.Date{} }, "tracking.milestones[0].actualEnd", "a milestone done has ended"},
		{"ended, not done", func(c *cb.Case) { c.Tracking.Milestones[0].Status = cb.InProgress }, "tracking.milestones[0].status", "it is done"},
		{"done, not complete", func(c *cb.Case) { c.Tracking.Milestones[0].PercentComplete = 0.5 }, "tracking.milestones[0].percentComplete", "100% complete"},
		{"more than complete", func(c *cb.Case) { c.Tracking.Milestones[0].PercentComplete = 75 }, "tracking.milestones[0].percentComplete", "from 0% to 100% (got 7,500.0%)"},
		{"started, not started", func(c *cb.Case) {
			c.Tracking.Milestones[0].ActualEnd, c.Tracking.Milestones[0].PercentComplete, c.Tracking.Milestones[0].Status = cb.Date{}, 0, cb.NotStarted
		}, "tracking.milestones[0].status", "has started"},
		{"unknown status", func(c *cb.Case) { c.Tracking.Milestones[0].Status = "late" }, "tracking.milestones[0].status", `must be "notStarted", "inProgress", "done" or "onHold"`},
		{"reading of no KPI", func(c *cb.Case) { c.Tracking.Readings[0].Measure = "mood" }, "tracking.readings[0].measure", `no KPI with the ID or name "mood"`},
		{"two readings a day", func(c *cb.Case) { c.Tracking.Readings = append(c.Tracking.Readings, c.Tracking.Readings[0]) }, "tracking.readings[1].date", "one reading a day"},
		{"KPI record of no KPI", func(c *cb.Case) { c.Tracking.KPIs[0].Measure = "mood" }, "tracking.kpis[0].measure", `the approved plan has no KPI with the ID or name "mood"`},
		{"KPI recorded twice", func(c *cb.Case) { c.Tracking.KPIs = append(c.Tracking.KPIs, c.Tracking.KPIs[0]) }, "tracking.kpis[1].measure", "is recorded in tracking.kpis[0] already"},
		{"baseline milestone unnamed", func(c *cb.Case) {
			c.Tracking.Baseline.Milestones[0].ID, c.Tracking.Baseline.Milestones[0].Name = "", " "
		},
			"tracking.baseline.milestones[0].name", "must not be empty"},
		{"baseline milestone twice", func(c *cb.Case) { c.Tracking.Baseline.Milestones[1].ID = c.Tracking.Baseline.Milestones[0].ID },
			"tracking.baseline.milestones[1]", "is the ID or name of another milestone too: the record refers to milestones by it"},
		{"baseline KPI unnamed", func(c *cb.Case) { c.Tracking.Baseline.Measures[0].ID, c.Tracking.Baseline.Measures[0].Name = "", "" },
			"tracking.baseline.measures[0].name", "must not be empty"},
		{"baseline KPI twice", func(c *cb.Case) { c.Tracking.Baseline.Measures[1].ID = c.Tracking.Baseline.Measures[0].ID },
			"tracking.baseline.measures[1]", "is the ID or name of another KPI too: readings refer to KPIs by it"},
		{"isolation above 1", func(c *cb.Case) { c.Tracking.KPIs[0].Isolation.Share = 1.5 }, "tracking.kpis[0].isolation.share", "from 0% to 100% (got 150.0%)"},
		{"no confidence", func(c *cb.Case) { c.Tracking.KPIs[0].Isolation.Confidence = 0 }, "tracking.kpis[0].isolation.confidence", "above 0"},
		{"unknown method", func(c *cb.Case) { c.Tracking.KPIs[0].Isolation.Method = "guess" }, "tracking.kpis[0].isolation.method", "controlGroup, trendLine"},
		{"event of no risk", func(c *cb.Case) { c.Tracking.RiskEvents[0].Risk = "meteor" }, "tracking.riskEvents[0].risk", `no risk of the case has the ID`},
		{"resolved before it fired", func(c *cb.Case) { c.Tracking.RiskEvents[0].Resolved = day(2027, 7, 1) }, "tracking.riskEvents[0].resolved", "before the day the trigger fired"},
		{"outcome of no gate", func(c *cb.Case) { c.Tracking.Gates = []cb.GateOutcome{{Gate: "g9", Date: day(2027, 7, 1)}} }, "tracking.gates[0].gate", `no gate with the ID "g9"`},
		{"a question of nothing", func(c *cb.Case) { c.Tracking.Decisions[0].Question = "" }, "tracking.decisions[0].question", "what is to be decided"},
		{"a credit to nobody", func(c *cb.Case) { c.Tracking.Credits[0].Name = " " }, "tracking.credits[0].name", "who is credited"},
		{"the approved alternative removed", func(c *cb.Case) {
			c.Alternatives = c.Alternatives[:1]
			c.Recommendation.Alternative = ""
			c.Risks = nil
		}, "tracking.baseline.alternative", `the approved alternative "onboarding" is no longer in the case`},
		{"the start moved", func(c *cb.Case) { c.StartDate = day(2027, 2, 1) }, "startDate", "approved starting in the month of 2027-01-01"},
		{"the currency changed", func(c *cb.Case) { c.Currency = "USD" }, "currency", "approved in EUR"},
		{"no approver", func(c *cb.Case) { c.Tracking.Baseline.Approval.By = "" }, "tracking.baseline.approval.by", "who approved"},
		{"a short baseline", func(c *cb.Case) { c.Tracking.Baseline.Costs = c.Tracking.Baseline.Costs[:3] }, "tracking.baseline.costs", "one amount for each of the 36 months (got 3)"},
		{"a line beyond the horizon", func(c *cb.Case) { c.Tracking.Baseline.Lines[0].First = 36 }, "tracking.baseline.lines[0].monthly", "within the 36 months"},
		{"a cadence of a year and more", func(c *cb.Case) { c.Tracking.CadenceMonths = 13 }, "tracking.cadenceMonths", "1 to 12"},
		{"too much spend", func(c *cb.Case) {
			for len(c.Tracking.Spend) <= cb.MaxContainer {
				c.Tracking.Spend = append(c.Tracking.Spend, c.Tracking.Spend[0])
			}
		}, "tracking.spend", "the limit is 5,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := approvedTurnover(t)
			tt.change(c)
			ps := cb.Validate(c)
			for _, p := range ps {
				if p.Path == tt.path && strings.Contains(p.Message, tt.want) {
					return
				}
			}
			t.Errorf("no problem at %s saying …%s…; got %v", tt.path, tt.want, ps)
		})
	}
}

func TestTrackingRoundTrip(t *testing.T) {
	c := approvedTurnover(t)
	data, back := casetest.RoundTrip(t, c)
	if !reflect.DeepEqual(back.Tracking, c.Tracking) {
		t.Error("the record changed on its way through the file")
	}
	again, _ := cb.Encode(back)
	if !bytes.Equal(again, data) {
		t.Error("encoding the record is not stable")
	}
	if !bytes.Contains(data, []byte("\n  \"tracking\": {\n    \"baseline\": {\n      \"approval\": {\n        \"date\": \"2026-12-15\",")) {
		t.Errorf("the record is not where it should be in the file:\n%s", data[:min(len(data), 400)])
	}
	// A bad value in the record is reported with its path.
	bad := bytes.Replace(data, []byte(`"percentComplete": 1,`), []byte(`"percentComplete": "all",`), 1)
	if _, err := cb.Decode(bad); err == nil || !strings.Contains(err.Error(), "tracking.milestones[0].percentComplete: must be a number") {
		t.Errorf("err = %v", err)
	}
}

// TestVersion3FilesKeepWhatTheySay reads a file of schema version 3 (a
// case not approved, as every such file is) and finds it means the same
// as today: nothing but the version changes when it is written again.
func TestVersion3FilesKeepWhatTheySay(t *testing.T) {
	for _, s := range assets.Samples {
		c := casetest.Sample(t, s.Name)
		if c.Tracking != nil {
			continue // written by schema 4
		}
		now, err := cb.Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		v3 := bytes.Replace(now, []byte(fmt.Sprintf(`"schemaVersion": %d,`, cb.SchemaVersion)), []byte(`"schemaVersion": 3,`), 1)
		if bytes.Equal(v3, now) {
			t.Fatal("no version to replace")
		}
		old, err := cb.Decode(v3)
		if err != nil {
			t.Fatalf("%s as version 3: %v", s.Name, err)
		}
		if old.Tracking != nil {
			t.Errorf("%s: a version 3 file came back approved", s.Name)
		}
		if again, _ := cb.Encode(old); !bytes.Equal(again, now) {
			t.Errorf("%s: a version 3 file reads differently", s.Name)
		}
	}
}

func TestLineFlows(t *testing.T) {
	c := casetest.Sample(t, "turnover")
	res := cb.Calculate(c)
	for ai := range c.Alternatives {
		r, flows := cb.LineFlows(c, ai)
		want := res.Alternatives[ai]
		if r.NPV != want.NPV || r.TotalCost != want.TotalCost || len(flows) != len(r.Lines) {
			t.Fatalf("%s: NPV %v, want %v; %d flows for %d lines", r.ID, r.NPV, want.NPV, len(flows), len(r.Lines))
		}
		// The lines' flows add up to the alternative's, month by month.
		costs, benefits := make([]float64, res.Months), make([]float64, res.Months)
		for i, l := range r.Lines {
			var total float64
			for m, v := range flows[i] {
				total += v
				if l.Kind == cb.BenefitLine {
					benefits[m] += v
				} else {
					costs[m] += v
				}
			}
			if d := total - l.Total; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s, %s: flows add to %v, total %v", r.ID, l.Name, total, l.Total)
			}
		}
		for m := range costs {
			if d := costs[m] - want.Costs[m]; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s month %d: costs %v, want %v", r.ID, m, costs[m], want.Costs[m])
			}
			if d := benefits[m] - want.Benefits[m]; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s month %d: benefits %v, want %v", r.ID, m, benefits[m], want.Benefits[m])
			}
		}
	}
	if r, flows := cb.LineFlows(c, 99); flows != nil || r.Lines != nil {
		t.Error("an alternative out of range has flows")
	}
}
