package tracking

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Approve records the approval of c: the decision, and a snapshot of the
// approved figures and plan as the baseline that progress is measured
// against. a.UpToGate approves the first stage only, up to that gate's
// decision; empty approves the whole plan. It refuses, with
// [casebuilder.Problems] naming what to fix and leaving c as it was, an
// invalid case, a case already approved (see [Reapprove]) and a case that
// cannot be tracked: no start date, no alternative recommended, two cost
// lines of the same name.
func Approve(c *casebuilder.Case, a casebuilder.Approval) error {
	if c.Tracking != nil {
		b := &c.Tracking.Baseline
		return casebuilder.Problems{{Path: "tracking", Message: fmt.Sprintf(
			"the case was approved already, on %s by %s; record its progress, or approve it again with a new baseline", b.Approval.Date, b.Approval.By)}}
	}
	b, err := NewBaseline(c, a)
	if err != nil {
		return err
	}
	t := &casebuilder.Tracking{Baseline: b}
	return install(c, t, "")
}

// Reapprove approves an approved case again, with a new baseline taken
// from the case as it is now: the old baseline moves into the history,
// and the actuals recorded stay, so they must fit the new plan (every
// cost line spent on is still there). It refuses a case not yet approved.
func Reapprove(c *casebuilder.Case, a casebuilder.Approval) error {
	if c.Tracking == nil {
		return casebuilder.Problems{{Path: "tracking", Message: "the case is not approved yet: approve it first"}}
	}
	if prev := c.Tracking.Baseline.Approval.Date; !a.Date.IsZero() && a.Date.Before(prev) {
		return casebuilder.Problems{{Path: "tracking.baseline.approval.date",
			Message: fmt.Sprintf("must be on or after %s, the day of the approval it replaces", prev)}}
	}
	b, err := NewBaseline(c, a)
	if err != nil {
		return err
	}
	t := c.Tracking.Clone()
	t.History = append(t.History, t.Baseline)
	t.Baseline = b
	return install(c, t, "the actuals already recorded do not fit the plan approved again: ")
}

// install sets the record of c to t if the case is then valid.
func install(c *casebuilder.Case, t *casebuilder.Tracking, prefix string) error {
	old := c.Tracking
	c.Tracking = t
	if ps := casebuilder.Validate(c); len(ps) > 0 {
		c.Tracking = old
		if prefix != "" {
			ps[0].Message = prefix + ps[0].Message
		}
		return ps
	}
	return nil
}

// NewBaseline returns the baseline that approving c with a keeps: the
// recommended alternative's figures, its lines' money by month, the
// milestones, gates and KPIs, and the pain's inputs, as they are now.
func NewBaseline(c *casebuilder.Case, a casebuilder.Approval) (casebuilder.ApprovedBaseline, error) {
	if ps := casebuilder.Validate(withoutTracking(c)); len(ps) > 0 {
		ps[0].Message = "the case is not valid, so it cannot be approved: " + ps[0].Message
		return casebuilder.ApprovedBaseline{}, ps
	}
	var ps casebuilder.Problems
	add := func(path, format string, args ...any) {
		ps = append(ps, casebuilder.Problem{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if a.Date.IsZero() {
		add("tracking.baseline.approval.date", "must be set: the day the case was approved")
	}
	if strings.TrimSpace(a.By) == "" {
		add("tracking.baseline.approval.by", "must say who approved the case")
	}
	if c.StartDate.IsZero() {
		add("startDate", "must be set before approval: the actuals are placed by month from it")
	}
	ai := c.AlternativeByID(c.Recommendation.Alternative)
	switch {
	case c.Recommendation.Alternative == "" || ai < 0:
		add("recommendation.alternative", "must name the alternative that is approved")
	case c.Alternatives[ai].DoNothing:
		add("recommendation.alternative", "recommends doing nothing: there is no programme to approve and track")
	}
	gate := -1
	if id := a.UpToGate; id != "" {
		gate = slices.IndexFunc(c.Plan.Gates, func(g casebuilder.Gate) bool { return g.ID == id })
		if gate < 0 {
			add("tracking.baseline.approval.upToGate", "no gate of the plan has the ID %q", id)
		}
	}
	if len(ps) > 0 {
		return casebuilder.ApprovedBaseline{}, ps
	}
	alt := &c.Alternatives[ai]
	names := map[string]int{casebuilder.ReserveLineName: -1, "contingency reserve": -1}
	for li, k := range alt.Costs {
		key := strings.ToLower(strings.TrimSpace(k.Name))
		if j, dup := names[key]; dup {
			other := "the contingency reserve"
			if j >= 0 {
				other = fmt.Sprintf("cost line %d", j+1)
			}
			add(fmt.Sprintf("alternatives[%d].costs[%d].name", ai, li), "%q is the name of %s too; spend is recorded against a line by its name: rename one", k.Name, other)
		}
		names[key] = li
	}
	checkKeys(&ps, len(c.Plan.Milestones), "plan.milestones", "milestone", func(i int) (string, string) {
		return c.Plan.Milestones[i].ID, c.Plan.Milestones[i].Name
	})
	checkKeys(&ps, len(c.Measures), "measures", "KPI", func(i int) (string, string) {
		return c.Measures[i].ID, c.Measures[i].Name
	})
	res := casebuilder.Calculate(c)
	if gate >= 0 && res.Gates[gate].Month < 0 {
		add("tracking.baseline.approval.upToGate", "gate %q has no date: give it a date or a milestone with an end date", a.UpToGate)
	}
	if len(ps) > 0 {
		return casebuilder.ApprovedBaseline{}, ps
	}

	r, flows := casebuilder.LineFlows(c, ai)
	b := casebuilder.ApprovedBaseline{
		Approval: a, Alternative: alt.ID, AlternativeName: alt.Name,
		Currency: c.Currency, StartDate: c.StartDate, HorizonMonths: res.Months, DiscountRate: c.DiscountRate,
		StageEnd: res.Months, Reserve: r.Reserve, TotalCost: r.TotalCost, TotalBenefit: r.TotalBenefit, NPV: r.NPV,
		Costs: r.Costs, Benefits: r.Benefits,
		PainCategory: c.Pain.Category,
	}
	if gate >= 0 {
		b.StageEnd = min(max(res.Gates[gate].Month, 0), res.Months)
	}
	for m := range b.StageEnd {
		b.Budget += r.Costs[m]
	}
	for i, l := range r.Lines {
		first, last := 0, len(flows[i])-1
		for first <= last && flows[i][first] == 0 {
			first++
		}
		for last >= first && flows[i][last] == 0 {
			last--
		}
		if first > last {
			first = 0
		}
		line := casebuilder.BaselineLine{Name: l.Name, Kind: l.Kind, Total: l.Total,
			First: first, Monthly: slices.Clone(flows[i][first : last+1])}
		if l.Kind == casebuilder.BenefitLine && alt.Benefits[l.Index].Basis == casebuilder.BenefitPainInput {
			line.Input = alt.Benefits[l.Index].Input
		}
		b.Lines = append(b.Lines, line)
	}
	for _, m := range c.Plan.Milestones {
		b.Milestones = append(b.Milestones, casebuilder.BaselineMilestone{ID: m.ID, Name: m.Name, Start: m.Start, End: m.End, Owner: m.Owner})
	}
	for gi, g := range c.Plan.Gates {
		bg := casebuilder.BaselineGate{ID: g.ID, Name: g.Name, Milestone: g.Milestone, Month: res.Gates[gi].Month,
			DecidedBy: g.DecidedBy, Thresholds: slices.Clone(g.Thresholds), Day: g.Date}
		if g.Milestone != "" {
			if mi := slices.IndexFunc(c.Plan.Milestones, func(m casebuilder.Milestone) bool { return m.ID == g.Milestone }); mi >= 0 {
				bg.Day = addDays(c.Plan.Milestones[mi].End, 1)
			}
		}
		b.Gates = append(b.Gates, bg)
	}
	for _, m := range c.Measures {
		b.Measures = append(b.Measures, casebuilder.BaselineMeasure{ID: m.ID, Name: m.Name, Unit: m.Unit,
			Baseline: m.Baseline, Target: m.Target, Date: m.Date, Owner: m.Owner, PainInput: m.PainInput})
	}
	b.PainComponents = slices.Clone(c.Pain.Components)
	if len(c.Pain.Inputs) > 0 {
		b.PainInputs = maps.Clone(c.Pain.Inputs)
		for k, v := range b.PainInputs {
			v.Years = slices.Clone(v.Years)
			b.PainInputs[k] = v
		}
	}
	return b, nil
}

// checkKeys checks that the items' keys (the ID, or the name when there is
// none) are not empty and not the key of another item: the record refers
// to milestones and KPIs by them.
func checkKeys(ps *casebuilder.Problems, n int, path, kind string, item func(int) (id, name string)) {
	seen := map[string]int{}
	for i := range n {
		id, name := item(i)
		key := id
		if key == "" {
			key = name
		}
		p := fmt.Sprintf("%s[%d]", path, i)
		switch j, dup := seen[key]; {
		case strings.TrimSpace(key) == "":
			*ps = append(*ps, casebuilder.Problem{Path: p + ".name", Message: fmt.Sprintf("the %s needs an ID or a name before approval: its progress is recorded by it", kind)})
		case dup:
			*ps = append(*ps, casebuilder.Problem{Path: p + ".id", Message: fmt.Sprintf("%q names the %s %s[%d] too: give this one an ID of its own before approval", key, kind, path, j)})
		}
		seen[key] = i
	}
}

// withoutTracking returns c without its record, to check the case alone.
func withoutTracking(c *casebuilder.Case) *casebuilder.Case {
	if c.Tracking == nil {
		return c
	}
	cc := *c
	cc.Tracking = nil
	return &cc
}
