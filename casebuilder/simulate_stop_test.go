package casebuilder

import (
	"reflect"
	"testing"
	"time"
)

// TestSimulateStops checks that closing SimulationOptions.Stop abandons a
// simulation (Simulate returns nil, soon), and that an open Stop changes
// nothing in the results.
func TestSimulateStops(t *testing.T) {
	c := loadSample(t, "stress")
	closed := make(chan struct{})
	close(closed)
	if s := Simulate(c, SimulationOptions{Stop: closed}); s != nil {
		t.Errorf("a simulation stopped before it began returned %d trials", s.Trials)
	}
	if a := Analyse(c, AnalysisOptions{Simulation: SimulationOptions{Stop: closed}}); a.Simulation != nil || a.Tornado == nil {
		t.Error("a stopped analysis kept a simulation, or lost its tornado")
	}

	// Stopped while it runs: 100,000 trials of the stress case take
	// seconds; the stop is seen within a trial.
	stop := make(chan struct{})
	done := make(chan *Simulation)
	go func() { done <- Simulate(c, SimulationOptions{Trials: MaxTrials, Stop: stop}) }()
	time.Sleep(20 * time.Millisecond)
	close(stop)
	select {
	case s := <-done:
		if s != nil {
			t.Error("a simulation stopped while it ran returned results")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the simulation did not stop")
	}

	small := loadSample(t, "turnover")
	open := make(chan struct{})
	with := Simulate(small, SimulationOptions{Trials: 2000, Seed: 4, Stop: open})
	without := Simulate(small, SimulationOptions{Trials: 2000, Seed: 4})
	if !reflect.DeepEqual(with, without) {
		t.Error("an open Stop changed the results")
	}
}
