package casebuilder

// AnalysisOptions choose how [Analyse] runs.
type AnalysisOptions struct {
	// Simulation chooses the Monte Carlo simulation's trials, seed,
	// distribution and workers; the zero value is 10,000 PERT trials with
	// seed 0 on every core.
	Simulation SimulationOptions
	// SkipSimulation leaves the simulation out (Analysis.Simulation is
	// nil), for a quick recalculation while the user types.
	SkipSimulation bool
}

// Analysis is the weighing and the challenge of a case: its figures, the
// weighted scores, the tornado, the simulation and the CEO review, with
// the readiness score. The desktop app, the workbook and the brief all
// show these, so they agree.
type Analysis struct {
	Case   *Case
	Result *Result
	// Scores is the weighing of the alternatives on the case's criteria.
	Scores *Scoring
	// Tornado is the sensitivity of the recommended alternative's NPV to
	// each uncertain input, largest swing first.
	Tornado *Tornado
	// BreakEven is, for every estimate the recommendation depends on, the
	// value at which it stops paying (see [BreakEvens]).
	BreakEven []BreakEven
	// Simulation is the Monte Carlo simulation; nil when skipped, or
	// stopped (see SimulationOptions.Stop).
	Simulation *Simulation
	// Review is the CEO review's findings, most severe first, and
	// Readiness the score derived from them (see [Readiness]).
	Review    []Finding
	Readiness int
}

// Analyse calculates, weighs and challenges a case. Simulation options
// out of range are brought within it; check them first with
// [SimulationOptions.Check] where a user typed them. It takes about 20 ms
// for a case the size of the turnover sample on two cores, most of it the
// simulation.
func Analyse(c *Case, opts AnalysisOptions) *Analysis {
	// The simulation, most of the time of an analysis, runs alongside the
	// rest: it reads the case only.
	var sim *Simulation
	simulated := make(chan struct{})
	if opts.SkipSimulation {
		close(simulated)
	} else {
		go func() {
			defer close(simulated)
			sim = Simulate(c, opts.Simulation)
		}()
	}
	res := Calculate(c)
	a := &Analysis{Case: c, Result: res, Scores: Weigh(c, res), Tornado: Sensitivity(c, res)}
	a.BreakEven = BreakEvens(c, res, a.Tornado)
	a.Review = Review(c, res)
	if a.Review == nil {
		a.Review = []Finding{}
	}
	a.Readiness = Readiness(a.Review)
	<-simulated
	a.Simulation = sim
	return a
}
