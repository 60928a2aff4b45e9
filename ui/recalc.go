package ui

import (
	"sync"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// recalcDelay is how long typing must pause before the figures are worked
// out again.
const recalcDelay = 120 * time.Millisecond

// analysis is everything worked out from one version of the case.
type analysis struct {
	c        *casebuilder.Case
	res      *casebuilder.Result
	findings []casebuilder.Finding
}

// recalculator works out the figures and the review of the case in a
// goroutine, a short while after the last edit, so that typing never waits
// for them. Results reach the UI through the bridge; a result for a case
// that has changed since is dropped.
type recalculator struct {
	delay  time.Duration
	bridge bridge
	apply  func(analysis)

	mu    sync.Mutex
	gen   uint64 // counts schedule calls; a result is current when its gen is the last
	timer *time.Timer
}

// schedule asks for the figures of c, replacing any earlier request.
func (r *recalculator) schedule(c *casebuilder.Case) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	gen := r.gen
	if r.timer != nil {
		r.timer.Stop()
	}
	r.timer = time.AfterFunc(r.delay, func() { r.run(gen, c) })
}

// run works out the figures of c (a case no one changes any more) and
// hands them over unless a newer request has come in meanwhile.
func (r *recalculator) run(gen uint64, c *casebuilder.Case) {
	if !r.current(gen) {
		return
	}
	a := analyse(c)
	r.bridge.do(func() {
		if r.current(gen) {
			r.apply(a)
		}
	})
}

func (r *recalculator) current(gen uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.gen
}

// stop cancels any pending calculation.
func (r *recalculator) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	if r.timer != nil {
		r.timer.Stop()
	}
}

// analyse works out the figures and review of a case.
func analyse(c *casebuilder.Case) analysis {
	res := casebuilder.Calculate(c)
	return analysis{c: c, res: res, findings: casebuilder.Review(c, res)}
}
