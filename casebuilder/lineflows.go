package casebuilder

// LineFlows returns the costed plan of alternative ai at the likely value
// of every estimate, as [Calculate] works it out, with the money of each of
// its lines by month: flows[i] is r.Lines[i]'s, month 0 first (the
// contingency reserve's falls in month 0). The tracking of a programme
// takes its baseline and its re-forecast line by line from it. An index
// out of range gives a zero result and no flows.
func LineFlows(c *Case, ai int) (r AltResult, flows [][]float64) {
	if ai < 0 || ai >= len(c.Alternatives) {
		return AltResult{}, nil
	}
	ev := newEvaluator(c, LikelyValues, ContingencyReserves(c))
	ev.keepFlows = ai
	r = ev.alternative(ai, nil)
	flows = make([][]float64, len(r.Lines))
	for i := range r.Lines {
		l := &r.Lines[i]
		switch {
		case l.flows != nil:
			flows[i] = l.flows
			l.flows = nil
		default:
			flows[i] = make([]float64, ev.months)
			if l.Kind == ReserveLine && ev.months > 0 {
				flows[i][0] = l.Total
			}
		}
	}
	return r, flows
}
