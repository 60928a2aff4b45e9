package casebuilder

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// turnoverOracle is what testdata/oracle/montecarlo.py, a model of the
// turnover sample written in Python from the product's rules, found.
type turnoverOracle struct {
	Trials  int                `json:"trials"`
	NPV     map[string]float64 `json:"npv"`
	Tornado []struct {
		Path            string
		NPVLow, NPVHigh float64
	} `json:"tornado"`
	Simulation map[Distribution]map[string]struct {
		NPVMean, NPVSd         float64
		ProbNPVPositive        float64
		NPVP10, NPVP50, NPVP90 []float64 // the range each must fall in
		ROIP50                 []float64
	} `json:"simulation"`
}

func readTurnoverOracle(t *testing.T) *turnoverOracle {
	t.Helper()
	data, err := os.ReadFile("testdata/oracle/montecarlo.json")
	if err != nil {
		t.Fatal(err)
	}
	o := new(turnoverOracle)
	if err := json.Unmarshal(data, o); err != nil {
		t.Fatal(err)
	}
	if len(o.NPV) != 4 || len(o.Tornado) != 13 || len(o.Simulation) != 2 {
		t.Fatalf("the oracle's file is incomplete: %+v", o)
	}
	return o
}

// TestTurnoverAgainstOracle checks the turnover sample's NPVs and tornado
// against the independent Python model, to the cent.
func TestTurnoverAgainstOracle(t *testing.T) {
	o := readTurnoverOracle(t)
	c := loadSample(t, "turnover")
	res := Calculate(c)
	for _, a := range res.Alternatives {
		if want, ok := o.NPV[a.ID]; !ok || math.Abs(a.NPV-want) > 0.005 {
			t.Errorf("%s: NPV %.4f, oracle %.4f", a.ID, a.NPV, want)
		}
	}
	tor := Sensitivity(c, res)
	byPath := map[string]Driver{}
	for _, d := range tor.Drivers {
		byPath[d.Path] = d
	}
	if len(byPath) != len(o.Tornado) {
		t.Errorf("%d drivers, oracle %d", len(byPath), len(o.Tornado))
	}
	for _, w := range o.Tornado {
		d, ok := byPath[w.Path]
		if !ok || math.Abs(d.NPVLow-w.NPVLow) > 0.005 || math.Abs(d.NPVHigh-w.NPVHigh) > 0.005 {
			t.Errorf("%s: NPV %.4f to %.4f, oracle %.4f to %.4f", w.Path, d.NPVLow, d.NPVHigh, w.NPVLow, w.NPVHigh)
		}
	}
}

// TestSimulationAgainstOracle checks a simulation of the turnover sample,
// with the default trials and two seeds, against the Python model's own
// 200,000 trials: each percentile within four standard errors (the range
// the oracle gives), the mean and the probability of a positive NPV too.
func TestSimulationAgainstOracle(t *testing.T) {
	o := readTurnoverOracle(t)
	c := loadSample(t, "turnover")
	for _, dist := range []Distribution{PERT, Triangular} {
		for _, seed := range []uint64{0, 1} {
			sim := Simulate(c, SimulationOptions{Seed: seed, Distribution: dist})
			if sim.Trials != o.Trials {
				t.Fatalf("%d trials, the oracle's ranges are for %d", sim.Trials, o.Trials)
			}
			for _, s := range sim.Alternatives {
				w, ok := o.Simulation[dist][s.ID]
				if !ok {
					t.Fatalf("the oracle has no %s %s", dist, s.ID)
				}
				within := func(what string, got float64, r []float64) {
					if got < r[0] || got > r[1] {
						t.Errorf("%s, seed %d, %s: %s %.4f, outside the oracle's %.4f to %.4f", dist, seed, s.ID, what, got, r[0], r[1])
					}
				}
				within("NPV P10", s.NPVP10, w.NPVP10)
				within("NPV P50", s.NPVP50, w.NPVP50)
				within("NPV P90", s.NPVP90, w.NPVP90)
				meanSE := w.NPVSd / math.Sqrt(float64(sim.Trials))
				within("mean NPV", s.NPVMean, []float64{w.NPVMean - 4*meanSE, w.NPVMean + 4*meanSE})
				p := w.ProbNPVPositive
				pSE := math.Sqrt(p * (1 - p) / float64(sim.Trials))
				within("P(NPV > 0)", s.ProbNPVPositive, []float64{p - 4*pSE, p + 4*pSE})
				switch {
				case w.ROIP50 == nil && s.ROIP50 != nil:
					t.Errorf("%s %s: ROI P50 %v, oracle none", dist, s.ID, *s.ROIP50)
				case w.ROIP50 != nil && s.ROIP50 == nil:
					t.Errorf("%s %s: no ROI P50", dist, s.ID)
				case w.ROIP50 != nil:
					within("ROI P50", *s.ROIP50, w.ROIP50)
				}
			}
		}
	}
}
