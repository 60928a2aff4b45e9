package ui

import (
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// TestRisksInTheSimulation types what a risk still costs after its plan,
// and checks that the simulation draws it. Without the risk the pilot
// always pays: its worst case is 18,000 + 6,000 − 12 × 1,300 − 3,000 =
// 5,400. A risk 40 % likely that still costs €1M after a €1,000 plan sinks
// it in the trials where it happens: the chance of a positive NPV falls to
// about 60 % (within 4 points, three standard errors of 2,000 trials).
func TestRisksInTheSimulation(t *testing.T) {
	h := english(t)
	u := h.u
	c := pilotCase()
	c.Risks = []casebuilder.Risk{{ID: "coach", Description: "The coach leaves", Likelihood: 0.4, ImpactScore: 3,
		ContingencyCost: 1000, Alternatives: []string{"pilot"}}}
	h.replace(c)
	risks := shownScreen[*risksScreen](h, casebuilder.StepRisks)
	h.retype(h.entryAt(casebuilder.StepRisks, "risks[0].residualImpact"), "1,000,000")
	if got := u.doc.c.Risks[0].ResidualImpact; got != 1e6 {
		t.Fatalf("what the risk still costs reads %v", got)
	}
	f := u.format()
	if want := "In the simulation it happens in " + f.Percent(0.4) + " of the trials, and then costs its plan and the " + f.Money(1e6) + " it still costs."; !strings.Contains(risks.expected.Text, want) {
		t.Errorf("the risk says %q, without %q", risks.expected.Text, want)
	}
	h.settleFull()
	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	sim := u.full.Simulation.Alternatives[1]
	if !sim.IncludesRisks || sim.ProbNPVPositive < 0.56 || sim.ProbNPVPositive > 0.64 {
		t.Errorf("the simulation includes risks: %v, chance of a positive NPV %v; want about 0.6", sim.IncludesRisks, sim.ProbNPVPositive)
	}
	if !strings.Contains(cmp.histTitle.Text, "its risks included: "+f.Percent(sim.ProbNPVPositive)+" chance") {
		t.Errorf("the histogram's title reads %q", cmp.histTitle.Text)
	}
	if !strings.Contains(cmp.simNote.Text, "Each trial also draws whether each risk happens") {
		t.Errorf("the simulation's note reads %q", cmp.simNote.Text)
	}
}
