package ui

import (
	"errors"
	"slices"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// TestTicksOfIDs checks the ticks of the lines a gate stops and of the
// alternatives a risk concerns: ticking puts the ID in once, unticking
// takes it out, the same again changes nothing, and a gate or risk gone
// is refused. A risk's tick also drops the IDs of alternatives no longer
// there ("gone", in a file edited by hand).
func TestTicksOfIDs(t *testing.T) {
	c := &casebuilder.Case{
		Alternatives: []casebuilder.Alternative{{ID: "pilot"}, {ID: "hire"}},
		Risks:        []casebuilder.Risk{{Alternatives: []string{"gone", "pilot"}}},
		Plan:         casebuilder.Plan{Gates: []casebuilder.Gate{{Stops: []string{"Coach"}}}},
	}
	gate := func(c *casebuilder.Case) *casebuilder.Gate { return form.Item(c.Plan.Gates, 0) }
	risk := func(c *casebuilder.Case) *casebuilder.Risk { return form.Item(c.Risks, 0) }

	agency := stops(gate, "Agency fees")
	if on, ok := agency.Read(c); on || !ok {
		t.Errorf("agency fees read %v, %v before the tick", on, ok)
	}
	if err := agency.Write(c, true); err != nil || !slices.Equal(c.Plan.Gates[0].Stops, []string{"Coach", "Agency fees"}) {
		t.Errorf("ticked: %v, stops %q", err, c.Plan.Gates[0].Stops)
	}
	if err := agency.Write(c, true); !errors.Is(err, form.ErrUnchanged) {
		t.Errorf("ticked again: %v", err)
	}
	if err := stops(gate, "Coach").Write(c, false); err != nil || !slices.Equal(c.Plan.Gates[0].Stops, []string{"Agency fees"}) {
		t.Errorf("coach unticked: %v, stops %q", err, c.Plan.Gates[0].Stops)
	}

	hire := concerns(risk, "hire")
	if err := hire.Write(c, true); err != nil || !slices.Equal(c.Risks[0].Alternatives, []string{"pilot", "hire"}) {
		t.Errorf("hire ticked: %v, concerns %q", err, c.Risks[0].Alternatives)
	}
	if on, ok := concerns(risk, "pilot").Read(c); !on || !ok {
		t.Errorf("pilot reads %v, %v", on, ok)
	}
	if err := hire.Write(c, true); !errors.Is(err, form.ErrUnchanged) {
		t.Errorf("hire ticked again: %v", err)
	}

	c.Plan.Gates, c.Risks = nil, nil
	if err := agency.Write(c, false); !errors.Is(err, form.ErrGone) {
		t.Errorf("a gate gone: %v", err)
	}
	if on, ok := hire.Read(c); on || ok {
		t.Errorf("a risk gone reads %v, %v", on, ok)
	}
	if err := hire.Write(c, false); !errors.Is(err, form.ErrGone) {
		t.Errorf("a risk gone: %v", err)
	}
}

// TestNewRiskID checks the ID of a risk added: risk-N, counted on from
// the number of risks there are, past any taken.
func TestNewRiskID(t *testing.T) {
	for _, tc := range []struct {
		ids  []string
		want string
	}{
		{nil, "risk-1"},
		{[]string{"risk-2", "coaches"}, "risk-3"},
		{[]string{"risk-3", "coaches"}, "risk-4"},
	} {
		c := &casebuilder.Case{}
		for _, id := range tc.ids {
			c.Risks = append(c.Risks, casebuilder.Risk{ID: id})
		}
		if got := newRiskID(c); got != tc.want {
			t.Errorf("with %q: %q, want %q", tc.ids, got, tc.want)
		}
	}
}
