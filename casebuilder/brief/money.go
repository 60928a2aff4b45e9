package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// This file says in words what the model of the money knows: when each
// line starts and ends (at a milestone of the plan, or in a month), what
// kind of money it is, how much of the NPV is cash, where the programme
// would be stopped, and how far an estimate can move before the case stops
// paying.

// When a line falls.

// milestone returns the plan's milestone with that ID and its number in
// the timeline (1 for the first), or nil.
func (d *doc) milestone(id string) (*casebuilder.Milestone, int) {
	for i := range d.c.Plan.Milestones {
		if m := &d.c.Plan.Milestones[i]; m.ID == id && id != "" {
			return m, i + 1
		}
	}
	return nil, 0
}

// milestoneName names a milestone in a sentence: its name in quotes, or
// its number in the timeline when it has none.
func (d *doc) milestoneName(id string) string {
	m, n := d.milestone(id)
	switch {
	case m == nil:
		return "a milestone not in the plan"
	case strings.TrimSpace(m.Name) == "":
		return fmt.Sprintf("milestone %d", n)
	}
	return "“" + strings.TrimSpace(m.Name) + "”"
}

// anchorWords says which point of the plan an anchor is: "the end of
// “Roll out to every new hire and region”", "2 months after the start of
// “Pilot”".
func (d *doc) anchorWords(a *casebuilder.Anchor) string {
	point := "the start of "
	if a.At == casebuilder.AtEnd {
		point = "the end of "
	}
	s := point + d.milestoneName(a.Milestone)
	switch n := a.OffsetMonths; {
	case n > 0:
		s = fmt.Sprintf("%s after %s", monthsWords(n), s)
	case n < 0:
		s = fmt.Sprintf("%s before %s", monthsWords(-n), s)
	}
	return s
}

// monthsWords writes a number of months: "1 month", "3 months".
func monthsWords(n int) string {
	if n == 1 {
		return "1 month"
	}
	return itoa(n) + " months"
}

// monthLong names a month of the horizon in full: "October 2027", or
// "month 9" when the case has no start date.
func (d *doc) monthLong(m int) string {
	if d.c.StartDate.IsZero() {
		return fmt.Sprintf("month %d", m)
	}
	return monthYear(d.c.StartDate.AddMonths(m))
}

// startWords says where a line starts: "the end of “Pilot” (July 2027)"
// for a line anchored to a milestone, "January 2027" for one that starts
// in a fixed month. month is the line's first period.
func (d *doc) startWords(at *casebuilder.Anchor, month int) string {
	if at == nil {
		return d.monthLong(month)
	}
	return d.anchorWords(at) + " (" + d.monthLong(month) + ")"
}

// endWords says where a recurring line ends, as a phrase that follows its
// start ("until the end of “Roll-out” (September 2027)", "to December
// 2029"), or "" when it runs to the end of the horizon. last is its last
// period.
func (d *doc) endWords(at *casebuilder.Anchor, end *int, last *int) string {
	switch {
	case at != nil && last != nil:
		return "until " + d.anchorWords(at) + " (to " + d.monthLong(*last) + ")"
	case end != nil && last != nil:
		return "to " + d.monthLong(*last)
	}
	return ""
}

// lineMonths returns a line's first and last periods as the figures place
// them (a line anchored to a milestone moves with it), from its result
// when there is one, else from the case.
func (d *doc) costMonths(k *casebuilder.Cost, l *casebuilder.LineResult) (int, *int) {
	if l != nil {
		return l.StartMonth, l.EndMonth
	}
	start, end := d.c.CostMonths(k)
	return start, end
}

// costTiming says when a cost line is spent, in words: "Once, at the end
// of “Select the design partner” (February 2027)", "Monthly from January
// 2027 to December 2029". l is its result, when there is one.
func (d *doc) costTiming(k *casebuilder.Cost, l *casebuilder.LineResult) string {
	start, last := d.costMonths(k, l)
	from := d.startWords(k.StartAt, start)
	var s string
	switch k.Kind {
	case casebuilder.OneTime:
		return "Once, " + prefixAt(from, k.StartAt)
	case casebuilder.Monthly:
		s = "Monthly from " + from
	case casebuilder.Yearly:
		s = "Yearly from " + from
	default:
		return string(k.Kind)
	}
	if e := d.endWords(k.EndAt, k.EndMonth, last); e != "" {
		s += " " + e
	}
	return s
}

// prefixAt puts "at" before an anchored point: "at the end of ...".
func prefixAt(s string, at *casebuilder.Anchor) string {
	if at != nil && at.OffsetMonths == 0 {
		return "at " + s
	}
	return s
}

// benefitTiming says when a benefit starts, when it is in full and when
// it ends: "From the end of “Roll out” (October 2027); full after 12
// months".
func (d *doc) benefitTiming(b *casebuilder.Benefit, l *casebuilder.LineResult) string {
	start, last := 0, (*int)(nil)
	if l != nil {
		start, last = l.StartMonth, l.EndMonth
	} else {
		start, last = d.c.BenefitMonths(b)
	}
	s := "From " + d.startWords(b.StartAt, start)
	if b.RampMonths > 1 {
		s += fmt.Sprintf("; full after %d months", b.RampMonths)
	}
	if e := d.endWords(b.EndAt, b.EndMonth, last); e != "" {
		s += "; " + e
	}
	return s
}

// What kind of money a line is.

// costKindWords names the kind of money of a cost.
func costKindWords(k casebuilder.MoneyKind) string {
	if k == casebuilder.PeopleTime {
		return "People's time, already paid"
	}
	return "New cash"
}

// benefitKindWords names the kind of money of a benefit.
func benefitKindWords(k casebuilder.MoneyKind) string {
	switch k {
	case casebuilder.Cash:
		return "Cash saving"
	case casebuilder.Margin:
		return "Margin on sales"
	case casebuilder.Productivity:
		return "Productivity"
	}
	return "Cost avoidance"
}

// lineKinds says what kind of money a line is, from its totals by kind:
// "New cash", "Margin on sales" or, for a benefit of several kinds, each
// with its amount, the largest first: "Margin on sales €1,483,000; cash
// saving €152,000".
func (d *doc) lineKinds(l *casebuilder.LineResult) string {
	kinds := casebuilder.CostKinds
	name := costKindWords
	if l.Kind == casebuilder.BenefitLine {
		kinds, name = casebuilder.BenefitKinds, benefitKindWords
	}
	type part struct {
		k casebuilder.MoneyKind
		v float64
	}
	var parts []part
	for _, k := range kinds {
		if v := l.ByKind.Of(k); v != 0 {
			parts = append(parts, part{k, v})
		}
	}
	switch len(parts) {
	case 0:
		if l.Kind == casebuilder.BenefitLine {
			return "" // no money within the horizon: nothing to say
		}
		return name(casebuilder.Cash)
	case 1:
		return name(parts[0].k)
	}
	slices.SortStableFunc(parts, func(a, b part) int { return cmp.Compare(b.v, a.v) })
	out := make([]string, len(parts))
	for i, p := range parts {
		s := name(p.k)
		if i > 0 {
			s = lowerFirst(s)
		}
		out[i] = s + " " + d.f.Money(p.v)
	}
	return strings.Join(out, "; ")
}

// The cash and the rest.

// pvOf is the present value of monthly flows at the case's rate.
func (d *doc) pvOf(flows []float64) float64 {
	if len(flows) == 0 {
		return 0
	}
	return casebuilder.NPV(d.c.DiscountRate, flows)
}

// marginOwners names who commits to the recommendation's margin: the
// owners of its benefit lines that are margin on sales, in order, each
// once.
func (d *doc) marginOwners(a *casebuilder.AltResult) []string {
	alt := d.recAlternative(a)
	var owners []string
	for _, l := range a.Lines {
		if l.Kind != casebuilder.BenefitLine || l.ByKind.Margin == 0 || l.Index >= len(alt.Benefits) {
			continue
		}
		if o := strings.TrimSpace(alt.Benefits[l.Index].Owner); o != "" && !slices.Contains(owners, o) {
			owners = append(owners, o)
		}
	}
	return owners
}

// cashSentence says plainly how much of the recommendation's NPV is cash
// and what the rest is: "NPV €696k, of which the cash NPV, new cash spent
// against the costs the company stops paying, is -€658k; the rest is
// margin on bookings that José Müller-Øberg, VP Sales DACH, commits to
// (€2.2M at today's value), less the time of people already paid
// (€880k)." Every figure is rounded; each part is at today's value, so
// that they add up to the NPV.
func (d *doc) cashSentence(a *casebuilder.AltResult) string {
	s := fmt.Sprintf("NPV %s, of which %s is cash (the cash NPV: new cash spent against costs no longer paid)",
		d.roundMoney(a.NPV), d.roundMoney(a.CashNPV))
	var rest []string
	if pv := d.pvOf(a.BenefitsOf[casebuilder.Margin]); pv != 0 {
		// A name with a role reads as it is ("José Müller-Øberg, VP
		// Sales DACH"); a role alone is introduced as the owner.
		who := "that no one in Sales is yet named to deliver"
		switch owners := d.marginOwners(a); {
		case len(owners) == 1 && strings.Contains(owners[0], ","):
			who = "that " + owners[0] + ", commits to"
		case len(owners) == 1:
			who = "that the owner named in Sales, " + owners[0] + ", commits to"
		case len(owners) > 1:
			who = "that the owners named in Sales (" + strings.Join(owners, "; ") + ") commit to"
		}
		rest = append(rest, fmt.Sprintf("margin on bookings %s (%s)", who, d.roundMoney(pv)))
	}
	if pv := d.pvOf(a.BenefitsOf[casebuilder.Avoidance]); pv != 0 {
		rest = append(rest, fmt.Sprintf("costs avoided that are not yet being paid (%s)", d.roundMoney(pv)))
	}
	if pv := d.pvOf(a.BenefitsOf[casebuilder.Productivity]); pv != 0 {
		rest = append(rest, fmt.Sprintf("time freed, which is not cash (%s)", d.roundMoney(pv)))
	}
	time := d.pvOf(a.CostsOf[casebuilder.PeopleTime])
	switch {
	case len(rest) == 0 && time == 0:
		return s + ": all of it is cash."
	case len(rest) == 0:
		return s + fmt.Sprintf("; the rest, %s, is the time of people already paid.", d.roundMoney(-time))
	}
	s += "; the rest is " + casebuilder.JoinNames(rest)
	if time != 0 {
		s += fmt.Sprintf(", less people's time already paid (%s)", d.roundMoney(time))
	}
	return s + "."
}

// Stage gates.

// gateIndex is the gate the summary shows: the one the ask stops at, or
// else the first with a date; -1 when the plan has none.
func (d *doc) gateIndex() int {
	gates := d.c.Plan.Gates
	if i := d.gateOf(d.c.Ask.UpToGate); i >= 0 {
		return i
	}
	for i := range gates {
		if i < len(d.res.Gates) && d.res.Gates[i].Month >= 0 {
			return i
		}
	}
	if len(gates) > 0 {
		return 0
	}
	return -1
}

// askGate is the gate the ask is limited to, or -1 when it asks for the
// whole programme.
func (d *doc) askGate() int { return d.placedGate(d.c.Ask.UpToGate) }

// gateOf returns the index of the plan's gate of that ID, or -1.
func (d *doc) gateOf(id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(d.c.Plan.Gates, func(g casebuilder.Gate) bool { return g.ID == id })
}

// placedGate returns the index of the plan's gate of that ID when the
// model places it in a month of the horizon, or -1.
func (d *doc) placedGate(id string) int {
	if i := d.gateOf(id); i >= 0 && i < len(d.res.Gates) && d.res.Gates[i].Month >= 0 {
		return i
	}
	return -1
}

// gateWhen says when a gate's decision falls: "on 1 July 2027" (the day
// after its milestone ends, or its own date), "in July 2027".
func (d *doc) gateWhen(gi int) string {
	g := &d.c.Plan.Gates[gi]
	day, ok := d.c.GateDay(g)
	s := ""
	switch {
	case ok:
		s = "on " + longDate(day)
	case gi < len(d.res.Gates) && d.res.Gates[gi].Month >= 0:
		s = "in " + d.monthLong(d.res.Gates[gi].Month)
	default:
		s = "on a date not set yet"
	}
	return s
}

// measure returns the KPI with that ID, or nil.
func (d *doc) measure(id string) *casebuilder.Measure {
	for i := range d.c.Measures {
		if m := &d.c.Measures[i]; m.ID == id && id != "" {
			return m
		}
	}
	return nil
}

// thresholdWords says a gate's thresholds in words, each with the KPI's
// name and its unit: "“Months to full productivity, new hires” is at most
// 5.5 months and “New hires' rating” at least 3.50".
func (d *doc) thresholdWords(g *casebuilder.Gate) string {
	var out []string
	for i, th := range g.Thresholds {
		name, unit := "a measure not in the case", figure.Number
		if m := d.measure(th.Measure); m != nil {
			name, unit = "“"+orDefault(m.Name, "Unnamed measure")+"”", m.Unit
		}
		verb := " "
		if i == 0 {
			verb = " is "
		}
		out = append(out, name+verb+th.Comparison.Words()+" "+d.f.Value(th.Value, unit))
	}
	return casebuilder.JoinNames(out)
}

// stopsWords says what stops on a "no" at a gate.
func (d *doc) stopsWords(g *casebuilder.Gate) string {
	if len(g.Stops) == 0 {
		return "every line stops"
	}
	names := make([]string, len(g.Stops))
	for i, s := range g.Stops {
		names[i] = "“" + s + "”"
	}
	if len(names) == 1 {
		return names[0] + " stops"
	}
	return casebuilder.JoinNames(names) + " stop"
}

// spentBefore returns what the recommendation spends before month: new
// cash (the contingency reserve included) and people's time.
func (d *doc) spentBefore(a *casebuilder.AltResult, month int) (cash, time float64) {
	for m := 0; m < month; m++ {
		cash += at(a.CostsOf[casebuilder.Cash], m)
		time += at(a.CostsOf[casebuilder.PeopleTime], m)
	}
	return cash, time
}

// at returns f[m], or 0 where there is no flow.
func at(f []float64, m int) float64 {
	if m >= 0 && m < len(f) {
		return f[m]
	}
	return 0
}

// stopRuns are the summary's box on how and when the programme would be
// stopped: the gate, its date, its thresholds in words with each KPI's
// name, who decides, what would have been spent by then and the net
// result if it stopped there. Nil when the plan has no gate or no
// alternative is recommended.
func (d *doc) stopRuns() []run {
	gi := d.gateIndex()
	a := d.res.RecommendedAlternative()
	if gi < 0 || a == nil || a.DoNothing {
		return nil
	}
	g := &d.c.Plan.Gates[gi]
	runs := []run{
		{s: "How and when it would be stopped. ", style: "B"},
		{s: fmt.Sprintf("At the stage gate %s, “%s”, ", d.gateWhen(gi), orDefault(g.Name, "Unnamed gate"))},
	}
	if len(g.Thresholds) > 0 {
		runs = append(runs, run{s: "the programme goes on only if " + d.thresholdWords(g) + ". "})
	} else {
		runs = append(runs, run{s: "the programme goes on only if thresholds are met; this one has none yet. "})
	}
	runs = append(runs, run{s: "Who decides: ", style: "B"}, run{s: endSentence(orDefault(g.DecidedBy, "no one named yet")) + " "})
	if gi < len(d.res.Gates) && d.res.Gates[gi].Month >= 0 {
		gr := d.res.Gates[gi]
		cash, _ := d.spentBefore(a, gr.Month)
		stop := ""
		if gr.ExitCost > 0 {
			stop = fmt.Sprintf(" and %s to stop", d.roundMoney(gr.ExitCost))
		}
		runs = append(runs, run{s: "Stopped there: ", style: "B"},
			run{s: fmt.Sprintf("%s spent (%s of it new cash)%s; net result ", d.roundMoney(gr.SpentBefore), d.roundMoney(cash), stop)},
			run{s: d.roundMoney(gr.NetIfStopped), style: "B"}, run{s: " at today's value."})
	}
	if o := d.gateOutcome(g.ID); o != nil {
		runs = append(runs, run{s: " Decided on " + longDate(o.Date) + ": ", style: "B"}, run{s: outcomeWords(o)})
	}
	if n := len(d.c.Plan.Gates); n > 1 {
		runs = append(runs, run{s: fmt.Sprintf(" All %d gates are in the timeline of %s.", n, d.sectionRef("Implementation plan"))})
	}
	return runs
}

// gateOutcome returns the outcome recorded for the gate of that ID in an
// approved case, or nil.
func (d *doc) gateOutcome(id string) *casebuilder.GateOutcome {
	if t := d.c.Tracking; t != nil && id != "" {
		for i := range t.Gates {
			if t.Gates[i].Gate == id {
				return &t.Gates[i]
			}
		}
	}
	return nil
}

// outcomeWords says what was decided at a gate: "to go on, though not
// every threshold was met."
func outcomeWords(o *casebuilder.GateOutcome) string {
	met := "every threshold met."
	if !o.Met {
		met = "though not every threshold was met."
	}
	switch o.Decision {
	case casebuilder.GoOn:
		return "to go on, " + met
	case casebuilder.Stop:
		return "to stop, " + met
	}
	return upperFirst(met)
}

// Break-even.

// keyBreakEven is the break-even the summary states: that of the estimate
// the recommendation depends on most (the break-evens follow the
// tornado's order) among those that have one; nil when none has.
func (d *doc) keyBreakEven() *casebuilder.BreakEven {
	for i := range d.an.BreakEven {
		if be := &d.an.BreakEven[i]; be.Value != nil {
			return be
		}
	}
	return nil
}

// beValue writes a value of a break-even's estimate: in its unit, money
// rounded for the summary when round is set.
func (d *doc) beValue(be *casebuilder.BreakEven, v float64, round bool) string {
	if be.Unit == figure.Money && round {
		return d.roundMoney(v)
	}
	return d.f.Value(v, be.Unit)
}

// breakEvenSentence states the key break-even in a sentence that reads
// right for what the estimate is: "The case holds as long as yearly sales
// attrition falls to 31.3% or lower; we expect 29.0%." for a benefit's
// target, "as long as months to full productivity is 5.4 months or more
// today; we estimate 6.0 months" for an input of the problem, "as long as
// “Coaches” costs no more than €20.7k; we expect €8,500" for a cost.
func (d *doc) breakEvenSentence(be *casebuilder.BreakEven) string {
	v, likely := d.beValue(be, *be.Value, true), d.beValue(be, be.Likely, true)
	more, less := "or more", "or less"
	var holds, expect string
	switch be.Estimate.Kind {
	case casebuilder.PainInputEstimate:
		label := strings.ToLower(be.Input)
		if in := casebuilder.LookupInput(be.Estimate.Input); in != nil {
			label = lowerFirst(in.Label)
		}
		bound := less
		if be.Rising {
			bound = more
		}
		holds = fmt.Sprintf("%s is %s %s today", label, v, bound)
		expect = "we estimate " + likely
	case casebuilder.CostEstimate:
		if be.Rising {
			holds = fmt.Sprintf("“%s” costs at least %s", be.Input, v)
		} else {
			holds = fmt.Sprintf("“%s” costs no more than %s", be.Input, v)
		}
		expect = "we expect " + likely
	default:
		holds = d.benefitHolds(be, v)
		expect = "we expect " + likely
	}
	return fmt.Sprintf("The case holds as long as %s; %s.", holds, expect)
}

// benefitHolds says what a benefit's estimate must do for the case to
// hold.
func (d *doc) benefitHolds(be *casebuilder.BreakEven, v string) string {
	e := be.Estimate
	var b *casebuilder.Benefit
	if e.Alternative >= 0 && e.Alternative < len(d.c.Alternatives) && e.Line >= 0 && e.Line < len(d.c.Alternatives[e.Alternative].Benefits) {
		b = &d.c.Alternatives[e.Alternative].Benefits[e.Line]
	}
	at := "at most"
	if be.Rising {
		at = "at least"
	}
	switch {
	case b != nil && b.Basis == casebuilder.BenefitPainInput:
		in := casebuilder.LookupInput(b.Input)
		label := b.Input
		if in != nil {
			label = lowerFirst(in.Label)
		}
		from, ok := d.painValue(b.Input)
		falls := ok && be.Likely < from
		rises := ok && be.Likely > from
		switch {
		case falls && !be.Rising:
			return fmt.Sprintf("%s falls to %s or lower", label, v)
		case falls:
			return fmt.Sprintf("%s falls no lower than %s", label, v)
		case rises && be.Rising:
			return fmt.Sprintf("%s rises to %s or higher", label, v)
		case rises:
			return fmt.Sprintf("%s rises no higher than %s", label, v)
		}
		return fmt.Sprintf("%s is brought to %s %s", label, at, v)
	case b != nil && b.Basis == casebuilder.BenefitPainShare:
		return fmt.Sprintf("“%s” avoids %s %s of the problem's yearly cost", be.Input, at, v)
	}
	return fmt.Sprintf("“%s” brings %s %s a year", be.Input, at, v)
}

// painValue is an input's value in the cost of the problem's working, in
// its first year.
func (d *doc) painValue(key string) (float64, bool) {
	for _, st := range d.res.Pain.Working {
		if st.Key == key {
			return st.Value, true
		}
	}
	return 0, false
}
