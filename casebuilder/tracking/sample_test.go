package tracking

import (
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
)

// TestTrackedSample checks that the tracked sample tells what it says: the
// turnover case nine months after approval, one milestone late, one risk
// fired, the KPIs partly on track, and nothing a CEO would object to in
// its record.
func TestTrackedSample(t *testing.T) {
	c := casetest.Sample(t, "tracked")
	start := MonthOf(c.StartDate)
	if m := DefaultAsOf(c); m.Since(start) != 8 {
		t.Errorf("as of %s, %d months after the start %s", m, m.Since(start), start)
	}
	p := progress(t, c, Month{})
	late := 0
	for _, m := range p.Milestones {
		if m.Late {
			late++
			if m.Note == "" {
				t.Errorf("%s is late without a note", m.Name)
			}
		}
	}
	if late != 1 {
		t.Errorf("%d milestones late, want 1", late)
	}
	if len(p.Risks) != 1 || !p.Risks[0].Workaround || !p.Risks[0].Contingency {
		t.Errorf("risks %+v", p.Risks)
	}
	on, off := 0, 0
	for _, k := range p.KPIs {
		switch {
		case k.OnTrack == nil:
		case *k.OnTrack:
			on++
		default:
			off++
		}
	}
	if on == 0 || off == 0 {
		t.Errorf("%d KPIs on track, %d off: want some of each", on, off)
	}
	if p.Benefits.RealisedToDate <= 0 || p.Money.SpentToDate <= 0 || p.Money.ReserveUsed <= 0 {
		t.Errorf("realised %v, spent %v, reserve used %v", p.Benefits.RealisedToDate, p.Money.SpentToDate, p.Money.ReserveUsed)
	}
	for _, f := range Review(c, p) {
		if f.Severity != cb.Advice {
			t.Errorf("the sample, a model to follow, has a %s: %s", f.Severity, f.Message)
		}
	}
	r := report(t, c, Month{})
	if len(r.Credits) == 0 || len(r.Decisions) == 0 || len(r.Late) != 1 || len(r.Changes) < 3 {
		t.Errorf("report: %d credits, %d decisions, %d late, %d changes", len(r.Credits), len(r.Decisions), len(r.Late), len(r.Changes))
	}
}
