package tracking

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Benefits are the benefits as of a month: planned to date against
// realised to date.
//
// What the programme realised is valued by the same calculator that
// costed the pain, through the KPIs tied to its inputs. In each month from
// a KPI's first reading on, the KPI's latest reading takes the place of
// its input: the improvement is the yearly cost of pain with the approved
// inputs less the yearly cost with the readings in place, over twelve
// (with several KPIs, each is valued with the readings of the KPIs before
// it in place, so that together they count what all of them change at
// once). Rolling attrition read at 30.5 % where the case was approved at
// 33 % avoids, each month, a twelfth of what 2.5 points of attrition cost
// a year. A reading worse than the approved input counts against the
// programme.
//
// The Phillips method then claims only the programme's part of it: the
// improvement × the share of it attributed to the programme (its
// isolation, and how that share was estimated) × the confidence in that
// share. A KPI with no isolation recorded claims nothing.
type Benefits struct {
	// PlannedToDate is the approved baseline's benefits from month 0 to
	// the month; MeasuredPlannedToDate is the part of it from the lines a
	// KPI measures (those that change an input a KPI tracks), and
	// UnmeasuredPlannedToDate the rest, which no reading can confirm.
	PlannedToDate           float64 `json:"plannedToDate"`
	MeasuredPlannedToDate   float64 `json:"measuredPlannedToDate"`
	UnmeasuredPlannedToDate float64 `json:"unmeasuredPlannedToDate"`
	// ImprovementToDate is the value of the KPIs' improvement to date,
	// and RealisedToDate the part of it claimed for the programme, after
	// isolation and confidence.
	ImprovementToDate float64 `json:"improvementToDate"`
	RealisedToDate    float64 `json:"realisedToDate"`
	// KPIs are the KPIs tied to a calculator input, each with what it
	// realised.
	KPIs []RealisedKPI `json:"kpis"`
	// ByMonth is the benefits month by month up to the month, month 0
	// first.
	ByMonth []MonthBenefit `json:"byMonth"`
}

// RealisedKPI is what one KPI tied to a calculator input realised.
type RealisedKPI struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Input string `json:"input"`
	// Months is the number of months valued: from its first reading to
	// the month.
	Months int `json:"months"`
	// Improvement is the value of its improvement to date, and
	// LatestMonthly the value of a month of it at its latest reading.
	Improvement   float64 `json:"improvement"`
	LatestMonthly float64 `json:"latestMonthly"`
	// Isolation is the share attributed to the programme and the
	// confidence in it; nil when none is recorded, and then Claimed is 0.
	Isolation *casebuilder.Isolation `json:"isolation"`
	// Claimed is Improvement × share × confidence.
	Claimed float64 `json:"claimed"`
}

// MonthBenefit is the benefits of one month.
type MonthBenefit struct {
	Month       int     `json:"month"`
	Label       string  `json:"label"`
	Planned     float64 `json:"planned"`
	Realised    float64 `json:"realised"`
	CumPlanned  float64 `json:"cumPlanned"`
	CumRealised float64 `json:"cumRealised"`
}

func (w *worker) benefits() {
	b, p := w.b, w.p
	be := &p.Benefits
	be.KPIs = []RealisedKPI{}
	approved := casebuilder.Pain{Category: b.PainCategory, Components: b.PainComponents}
	// The KPIs tied to an input of the calculator or to a component: the
	// first for each input values it.
	var tied []int
	inputs := map[string]bool{}
	for i := range p.KPIs {
		k := &p.KPIs[i]
		if k.PainInput == "" || inputs[k.PainInput] || !approved.TiesTo(k.PainInput) {
			continue
		}
		inputs[k.PainInput] = true
		tied = append(tied, i)
		be.KPIs = append(be.KPIs, RealisedKPI{Key: k.Key, Name: k.Name, Input: k.PainInput, Isolation: k.Isolation})
	}
	for m := 0; m <= p.Month && m < len(b.Benefits); m++ {
		be.PlannedToDate += b.Benefits[m]
		for _, l := range b.Lines {
			if l.Kind != casebuilder.BenefitLine {
				continue
			}
			if inputs[l.Input] {
				be.MeasuredPlannedToDate += l.InMonth(m)
			}
		}
	}
	be.UnmeasuredPlannedToDate = be.PlannedToDate - be.MeasuredPlannedToDate

	cost := newPainCost(b)
	be.ByMonth = make([]MonthBenefit, p.Month+1)
	var cumP, cumR float64
	for m := 0; m <= p.Month; m++ {
		mb := MonthBenefit{Month: m, Label: w.start.Add(m).String()}
		if m < len(b.Benefits) {
			mb.Planned = b.Benefits[m]
		}
		day := w.start.Add(m).Last()
		over := map[string]float64{}
		prev := cost.annual(over, m)
		for j, i := range tied {
			k := &p.KPIs[i]
			v, ok := latestBy(k.Readings, day)
			if !ok {
				continue
			}
			over[k.PainInput] = v
			cur := cost.annual(over, m)
			monthly := (prev - cur) / casebuilder.PeriodsPerYear
			prev = cur
			rk := &be.KPIs[j]
			rk.Months++
			rk.Improvement += monthly
			rk.LatestMonthly = monthly
			if iso := rk.Isolation; iso != nil {
				claimed := monthly * iso.Share * iso.Confidence
				rk.Claimed += claimed
				mb.Realised += claimed
			}
		}
		cumP, cumR = cumP+mb.Planned, cumR+mb.Realised
		mb.CumPlanned, mb.CumRealised = cumP, cumR
		be.ByMonth[m] = mb
	}
	for _, rk := range be.KPIs {
		be.ImprovementToDate += rk.Improvement
		be.RealisedToDate += rk.Claimed
	}
}

// latestBy returns the value of the latest of readings (oldest first) on
// or before day.
func latestBy(readings []casebuilder.Reading, day casebuilder.Date) (float64, bool) {
	for i := len(readings) - 1; i >= 0; i-- {
		if !day.Before(readings[i].Date) {
			return readings[i].Value, true
		}
	}
	return 0, false
}

// painCost works out the yearly cost of the approved pain with some
// inputs replaced, once for each set of replacements.
type painCost struct {
	pain  casebuilder.Pain
	cache map[string][]float64
}

func newPainCost(b *casebuilder.ApprovedBaseline) *painCost {
	return &painCost{pain: casebuilder.Pain{Category: b.PainCategory, Inputs: b.PainInputs, Components: b.PainComponents}, cache: map[string][]float64{}}
}

// annual returns the yearly cost of pain in the year of month m with the
// inputs in over at those values.
func (pc *painCost) annual(over map[string]float64, m int) float64 {
	keys := slices.Sorted(maps.Keys(over))
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "%s=%v;", k, over[k])
	}
	byYear, ok := pc.cache[sb.String()]
	if !ok {
		p := pc.pain
		p.Inputs = maps.Clone(pc.pain.Inputs)
		if p.Inputs == nil {
			p.Inputs = map[string]casebuilder.InputValue{}
		}
		p.Components = slices.Clone(pc.pain.Components)
		for _, k := range keys {
			if r, ok := p.ComponentOf(k); ok {
				if r.Rate {
					r.Component.Rate = casebuilder.Exactly(over[k])
				} else {
					r.Component.Quantity = casebuilder.Exactly(over[k])
				}
				continue
			}
			p.Inputs[k] = casebuilder.Given(casebuilder.Exactly(over[k]))
		}
		byYear = casebuilder.CostOfPain(&p).AnnualByYear
		pc.cache[sb.String()] = byYear
	}
	if len(byYear) == 0 {
		return 0
	}
	return byYear[min(m/casebuilder.PeriodsPerYear, len(byYear)-1)]
}

// Explain states how a KPI's benefit realised was worked out, for the
// report: the improvement, the share attributed to the programme and how
// it was estimated, the confidence in it, and what is claimed.
func (rk *RealisedKPI) Explain(f *figure.Format) string {
	head := fmt.Sprintf("%s: an improvement worth %s to date, valued by the cost of pain", rk.Name, f.Money(rk.Improvement))
	iso := rk.Isolation
	if iso == nil {
		return head + "; no share of it is attributed to the programme yet, so none is claimed."
	}
	by := iso.Method.Words()
	if strings.TrimSpace(iso.Basis) != "" {
		by += " (" + strings.TrimSpace(iso.Basis) + ")"
	}
	return fmt.Sprintf("%s; %s of it is attributed to the programme, by %s, with %s confidence: %s claimed.",
		head, f.Percent(iso.Share), by, f.Percent(iso.Confidence), f.Money(rk.Claimed))
}
