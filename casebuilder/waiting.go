package casebuilder

import "fmt"

// Waiting names, in a sentence each, the lines of alternative ai whose
// value the user has not given yet: a cost with no amount, a benefit with
// no share of the pain, no yearly amount, or no input it changes or a new
// value that is the input's value today. The alternative's figures rest
// on them, so until each has a value they are no findings; nil when every
// line has a value. Nothing the user did not type becomes money.
func (c *Case) Waiting(ai int) []string {
	var out []string
	for _, w := range c.waiting(ai) {
		out = append(out, w.what)
	}
	return out
}

// aWait is a line that waits for its value: what it waits for, in a
// sentence's words, the path of the field that gives it, and the line.
type aWait struct {
	what, path string
	line       LineRef
}

// LineRef names a line of an alternative: its kind and its index among
// the alternative's costs or benefits, as a [LineResult] does.
type LineRef struct {
	Kind  LineKind
	Index int
}

// waiting is [Case.Waiting] with the field of each line.
func (c *Case) waiting(ai int) []aWait {
	if ai < 0 || ai >= len(c.Alternatives) {
		return nil
	}
	a := &c.Alternatives[ai]
	var out []aWait
	for i, k := range a.Costs {
		if k.Amount.IsZero() {
			out = append(out, aWait{"the amount of " + called("cost", k.Name, i),
				fmt.Sprintf("alternatives[%d].costs[%d].amount", ai, i), LineRef{CostLine, i}})
		}
	}
	var today map[string]float64 // the pain's inputs and defaults, worked out once
	for i := range a.Benefits {
		b := &a.Benefits[i]
		path := fmt.Sprintf("alternatives[%d].benefits[%d]", ai, i)
		if b.Basis == BenefitPainInput && b.Input != "" && b.To.IsExact() {
			if today == nil {
				today = map[string]float64{}
				for _, st := range CostOfPain(&c.Pain).Working {
					today[st.Key] = st.Value
				}
				for key, r := range c.Pain.Inputs {
					today[key] = r.Likely
				}
			}
			if v, ok := today[b.Input]; ok && v == b.To.Likely {
				out = append(out, aWait{"the new value of " + called("benefit", b.Name, i), path + ".to", LineRef{BenefitLine, i}})
				continue
			}
		}
		if b.Unvalued() {
			out = append(out, aWait{"the value of " + called("benefit", b.Name, i), path + "." + b.valueField(), LineRef{BenefitLine, i}})
		}
	}
	return out
}

// WaitingLines returns the lines of alternative ai that wait for their
// value, as [Case.Waiting] counts them: their figures are no findings yet.
func (c *Case) WaitingLines(ai int) map[LineRef]bool {
	out := map[LineRef]bool{}
	for _, w := range c.waiting(ai) {
		out[w.line] = true
	}
	return out
}

// valueField is the field of b that holds its value in its basis.
func (b *Benefit) valueField() string {
	switch b.Basis {
	case BenefitPainShare:
		return "share"
	case BenefitAmount:
		return "annual"
	}
	return "input"
}

// Unvalued reports whether b has no value yet in its basis: no share of
// the pain, no yearly amount, or no input of the pain it changes.
func (b *Benefit) Unvalued() bool {
	switch b.Basis {
	case BenefitPainShare:
		return b.Share.IsZero()
	case BenefitAmount:
		return b.Annual.IsZero()
	case BenefitPainInput:
		return b.Input == ""
	}
	return true
}

// WaitsFor says what the figures of alternative ai wait for ("waits for
// the value of the 1st benefit"), naming the first line without a value
// and how many more there are (see [Case.Waiting]), or "waits for its
// costs and benefits" when it has no line at all; "" when it has lines
// and every one has a value, and for the do-nothing baseline, whose
// figures are zero by definition.
func (c *Case) WaitsFor(ai int) string {
	if ai < 0 || ai >= len(c.Alternatives) || c.Alternatives[ai].DoNothing {
		return ""
	}
	if a := &c.Alternatives[ai]; len(a.Costs) == 0 && len(a.Benefits) == 0 {
		return "waits for its costs and benefits"
	}
	w := c.Waiting(ai)
	switch len(w) {
	case 0:
		return ""
	case 1:
		return "waits for " + w[0]
	case 2:
		return fmt.Sprintf("waits for %s and 1 more line", w[0])
	}
	return fmt.Sprintf("waits for %s and %d more lines", w[0], len(w)-1)
}
