package main

import (
	"bytes"
	"os"
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// TestTheSampleIsWhatTheGeneratorMakes checks that samples/tracked.hrcase
// is the generator's output from today's turnover sample: after a change
// to either, run go generate ./assets.
func TestTheSampleIsWhatTheGeneratorMakes(t *testing.T) {
	c, err := tracked()
	if err != nil {
		t.Fatal(err)
	}
	want, err := cb.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../samples/tracked.hrcase")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("samples/tracked.hrcase is not what the generator makes from the turnover sample: run go generate ./assets")
	}
}

// TestReadingsFollowThePlan checks the sample's benefits realised against
// the plan's timing: nothing is realised in a month before the plan
// expects any benefit, and, the ramp-up being behind the plan and the
// roll-out late, less is realised to date than planned.
func TestReadingsFollowThePlan(t *testing.T) {
	c, err := tracked()
	if err != nil {
		t.Fatal(err)
	}
	p, err := tracking.ProgressOf(c, tracking.Options{})
	if err != nil {
		t.Fatal(err)
	}
	started := false
	for _, mb := range p.Benefits.ByMonth {
		started = started || mb.Planned > 0
		if !started && mb.Realised != 0 {
			t.Errorf("%s: %.2f realised before the plan expects any benefit", mb.Label, mb.Realised)
		}
	}
	be := p.Benefits
	if be.RealisedToDate <= 0 || be.RealisedToDate >= be.PlannedToDate {
		t.Errorf("realised %.2f against %.2f planned to date: want some, behind the plan", be.RealisedToDate, be.PlannedToDate)
	}
	// Attrition's benefit starts after the roll-out ends, in October: its
	// readings up to September are its baseline.
	for _, k := range p.KPIs {
		if k.PainInput != "attritionRate" {
			continue
		}
		for _, r := range k.Readings {
			if r.Value != k.Baseline {
				t.Errorf("attrition read %v on %s, before the plan expects it to move from %v", r.Value, r.Date, k.Baseline)
			}
		}
	}
}
