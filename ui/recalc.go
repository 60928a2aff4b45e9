package ui

import (
	"runtime"
	"slices"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// recalcDelay is how long typing must pause before the figures are worked
// out again, and fullDelay how long before the whole analysis (the
// sensitivity and the simulation) is run: long enough that a simulation
// never starts between two words.
const (
	recalcDelay = 120 * time.Millisecond
	fullDelay   = time.Second
)

// analysis is what the quick recalculation works out from one version of
// the case while the user types: the figures, the review, the weighing
// on the criteria and the readiness score.
type analysis struct {
	c         *casebuilder.Case
	res       *casebuilder.Result
	findings  []casebuilder.Finding
	scores    *casebuilder.Scoring
	readiness int
	// progress is where an approved programme stands, as of the month of
	// its latest actual; nil before approval, or when it cannot be worked
	// out (progressErr says why).
	progress    *tracking.Progress
	progressErr error
}

// analyse works out the figures, review and weighing of a case: quick
// enough to follow typing (a few milliseconds for the stress case). The
// review's messages and the reasons of automatic scores write figures as
// lang does, as the boxes show them.
func analyse(c *casebuilder.Case, lang language.Tag) analysis {
	res := casebuilder.Calculate(c)
	findings := casebuilder.ReviewIn(c, res, lang)
	var progress *tracking.Progress
	var progressErr error
	if c.IsApproved() {
		// Once approved, the review adds the findings of a case under
		// way, as tracking.Findings does, from the progress shown.
		progress, progressErr = tracking.ProgressOf(c, tracking.Options{Lang: lang})
		if progressErr == nil {
			findings = append(findings, tracking.ReviewIn(c, progress, lang)...)
			order := map[casebuilder.Severity]int{casebuilder.Blocking: 0, casebuilder.Warning: 1, casebuilder.Advice: 2}
			slices.SortStableFunc(findings, func(a, b casebuilder.Finding) int { return order[a.Severity] - order[b.Severity] })
		}
	}
	return analysis{c: c, res: res, findings: findings, scores: casebuilder.WeighIn(c, res, lang), readiness: casebuilder.Readiness(findings),
		progress: progress, progressErr: progressErr}
}

// withFileFindings puts what reading the case's file found (see
// document.fileFindings) before the review's findings, and scores the
// readiness on both.
func (a analysis) withFileFindings(ff []casebuilder.Finding) analysis {
	if len(ff) == 0 {
		return a
	}
	a.findings = casebuilder.WithFileFindings(ff, a.findings)
	a.readiness = casebuilder.Readiness(a.findings)
	return a
}

// fullAnalysis is the whole analysis of one version of the case (its
// Case), with the simulation's settings it was run with.
type fullAnalysis struct {
	*casebuilder.Analysis
	settings simSettings
}

// simSettings are the simulation's settings the user chooses.
type simSettings struct {
	trials int
	seed   uint64
}

// options are the simulation options of the settings, with the workers
// the app uses: every core but one, so that the UI keeps a core to itself
// while a simulation runs.
func (s simSettings) options() casebuilder.SimulationOptions {
	return casebuilder.SimulationOptions{Trials: s.trials, Seed: s.seed, Workers: simWorkers()}
}

func simWorkers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// recalculator works out the figures of the case in goroutines, so that
// typing never waits for them: the quick analysis (figures, review,
// weighing) a short while after the last edit, and the whole analysis
// (sensitivity and simulation too) after a longer pause. Results reach the
// UI through the bridge; a result for a case that has changed since is
// dropped, and a simulation still running when the case changes is
// stopped.
type recalculator struct {
	delay, fullDelay time.Duration
	bridge           bridge
	apply            func(analysis)
	applyFull        func(fullAnalysis)
	// settings returns the simulation's settings, and lang the language
	// the review writes figures in; they are called on the UI goroutine
	// when an analysis is scheduled.
	settings func() simSettings
	lang     func() language.Tag
	// after calls f after d, in a goroutine of its own: time.AfterFunc,
	// unless a test sets a clock it moves by hand.
	after func(d time.Duration, f func()) timer

	mu             sync.Mutex
	gen, fullGen   uint64 // count requests; a result is current when its gen is the last
	timer, fullTmr timer
	stopRun        chan struct{} // closed to stop the simulation running, if any
}

// timer is a call to come, as time.AfterFunc returns it.
type timer interface {
	// Stop cancels the call, and reports whether it had yet to happen.
	Stop() bool
}

// afterFunc calls f after d, with the recalculator's clock.
func (r *recalculator) afterFunc(d time.Duration, f func()) timer {
	if r.after != nil {
		return r.after(d, f)
	}
	return time.AfterFunc(d, f)
}

// schedule asks for the quick and the whole analysis of c, replacing any
// earlier request.
func (r *recalculator) schedule(c *casebuilder.Case) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	gen := r.gen
	if r.timer != nil {
		r.timer.Stop()
	}
	lang := language.English
	if r.lang != nil {
		lang = r.lang()
	}
	r.timer = r.afterFunc(r.delay, func() { r.run(gen, c, lang) })
	r.scheduleFullLocked(c, r.fullDelay)
}

// scheduleFull asks for the whole analysis of c after delay, replacing any
// earlier request for it: a new case is analysed at once, a change of the
// simulation's settings after the usual pause.
func (r *recalculator) scheduleFull(c *casebuilder.Case, delay time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scheduleFullLocked(c, delay)
}

func (r *recalculator) scheduleFullLocked(c *casebuilder.Case, delay time.Duration) {
	r.cancelFullLocked()
	if r.applyFull == nil {
		return
	}
	gen := r.fullGen
	var set simSettings
	if r.settings != nil {
		set = r.settings()
	}
	r.fullTmr = r.afterFunc(delay, func() { r.runFull(gen, c, set) })
}

// cancelFullLocked drops the pending whole analysis and stops the one
// running.
func (r *recalculator) cancelFullLocked() {
	r.fullGen++
	if r.fullTmr != nil {
		r.fullTmr.Stop()
	}
	if r.stopRun != nil {
		close(r.stopRun)
		r.stopRun = nil
	}
}

// run works out the figures of c (a case no one changes any more) and
// hands them over unless a newer request has come in meanwhile.
func (r *recalculator) run(gen uint64, c *casebuilder.Case, lang language.Tag) {
	if !r.current(gen) {
		return
	}
	a := analyse(c, lang)
	r.bridge.do(func() {
		if r.current(gen) {
			r.apply(a)
		}
	})
}

// runFull runs the whole analysis of c, unless it is already stale, and
// hands it over unless the case changed meanwhile.
func (r *recalculator) runFull(gen uint64, c *casebuilder.Case, set simSettings) {
	r.mu.Lock()
	if gen != r.fullGen {
		r.mu.Unlock()
		return
	}
	stop := make(chan struct{})
	r.stopRun = stop
	r.mu.Unlock()

	opts := set.options()
	opts.Stop = stop
	a := casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: opts})

	r.mu.Lock()
	if r.stopRun == stop {
		r.stopRun = nil
	}
	r.mu.Unlock()
	if a.Simulation == nil || !r.fullCurrent(gen) {
		return // stopped, or stale
	}
	r.bridge.do(func() {
		if r.fullCurrent(gen) {
			r.applyFull(fullAnalysis{Analysis: a, settings: set})
		}
	})
}

func (r *recalculator) current(gen uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.gen
}

func (r *recalculator) fullCurrent(gen uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.fullGen
}

// stop cancels any pending calculation and stops a running simulation.
func (r *recalculator) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	if r.timer != nil {
		r.timer.Stop()
	}
	r.cancelFullLocked()
}
