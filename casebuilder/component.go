package casebuilder

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Component is a part of the pain that no calculator has, which the user
// adds: a quantity a month or a year times the cost of each, such as
// orders reworked a month × the cost of one rework. Its yearly cost adds
// to the calculator's, as a part of its own kind of money.
//
// Benefits and KPIs tie to a component as they tie to a calculator's
// input, by key: its ID for the quantity ("rework"), its ID and ".rate"
// for the cost of each ("rework.rate").
type Component struct {
	// ID is a short stable name, letters, digits, "-" and "_": the key
	// benefits and KPIs tie to. It is none of the calculators' keys.
	ID string `json:"id"`
	// Name is the component's name, as in the working: "Rework of faulty
	// orders".
	Name string `json:"name"`
	// Counts says what the quantity counts, in the plural: "orders
	// reworked".
	Counts string `json:"counts"`
	// Per is the period the quantity counts over: a month or a year.
	Per Period `json:"per"`
	// Quantity is how many a period; Rate the cost of each, in the case's
	// currency.
	Quantity Range `json:"quantity"`
	Rate     Range `json:"rate"`
	// Money is the kind of money the cost is: cash when not set.
	Money MoneyKind `json:"money,omitempty"`
	// Source says where the figures come from, as evidence does.
	Source string `json:"source"`
}

// Period is the period a component's quantity counts over.
type Period string

// The periods.
const (
	PerMonth Period = "month"
	PerYear  Period = "year"
)

// Periods are the periods, in the order they are offered.
var Periods = []Period{PerMonth, PerYear}

// rateSuffix ends the key of a component's rate.
const rateSuffix = ".rate"

// QuantityKey and RateKey are the keys that tie a benefit or a KPI to the
// component's quantity and to its cost of each.
func (k *Component) QuantityKey() string { return k.ID }

// RateKey: see [Component.QuantityKey].
func (k *Component) RateKey() string { return k.ID + rateSuffix }

// MoneyKind returns the kind of money of the component's cost.
func (k *Component) MoneyKind() MoneyKind {
	if k.Money == "" {
		return Cash
	}
	return k.Money
}

// perYear is how many periods of the quantity make a year.
func (k *Component) perYear() float64 {
	if k.Per == PerMonth {
		return PeriodsPerYear
	}
	return 1
}

// yearly returns the yearly cost of the component at quantity q and rate r.
func (k *Component) yearly(q, r float64) float64 { return q * r * k.perYear() }

// QuantityLabel, RateLabel and CostLabel are the component's lines as the
// working shows them: "Rework of faulty orders: orders reworked a month",
// "…: cost of each", "…: yearly cost".
func (k *Component) QuantityLabel() string {
	return k.Name + ": " + k.Counts + " a " + string(k.Per)
}

// RateLabel: see [Component.QuantityLabel].
func (k *Component) RateLabel() string { return k.Name + ": cost of each" }

// CostLabel: see [Component.QuantityLabel].
func (k *Component) CostLabel() string { return k.Name + ": yearly cost" }

// ComponentRef is what a key a benefit or a KPI ties to names among a
// pain's components: the component, at Index, and whether its rate or its
// quantity.
type ComponentRef struct {
	Component *Component
	Index     int
	Rate      bool
}

// ComponentOf returns the component of p whose quantity or rate key is,
// and false when it names none.
func (p *Pain) ComponentOf(key string) (ComponentRef, bool) {
	id, rate := strings.CutSuffix(key, rateSuffix)
	for i := range p.Components {
		if p.Components[i].ID == id {
			return ComponentRef{Component: &p.Components[i], Index: i, Rate: rate}, true
		}
	}
	return ComponentRef{}, false
}

// Label is the line the key names, as the working shows it.
func (r ComponentRef) Label() string {
	if r.Rate {
		return r.Component.RateLabel()
	}
	return r.Component.QuantityLabel()
}

// Unit is the unit of the figure the key names: money for a rate, a count
// for a quantity.
func (r ComponentRef) Unit() figure.Unit {
	if r.Rate {
		return figure.Money
	}
	return figure.Count
}

// Range is the estimate the key names.
func (r ComponentRef) Range() Range {
	if r.Rate {
		return r.Component.Rate
	}
	return r.Component.Quantity
}

// Path is the field of the case the key names.
func (r ComponentRef) Path() string {
	if r.Rate {
		return componentPath(r.Index) + ".rate"
	}
	return componentPath(r.Index) + ".quantity"
}

func componentPath(i int) string { return "pain.components[" + strconv.Itoa(i) + "]" }

// TiesTo reports whether key names a calculator input of the pain's
// category or one of its components: what a benefit or a KPI can tie to.
func (p *Pain) TiesTo(key string) bool {
	if _, ok := p.ComponentOf(key); ok {
		return true
	}
	k := calculatorFor(p.Category)
	return k != nil && lookupInput(key) != nil && slices.Contains(k.Inputs, key)
}

// InputLabel and InputUnit return the label and unit of what key names: a
// calculator input or a component's quantity or rate; the key itself and
// no unit when it names neither.
func (p *Pain) InputLabel(key string) string {
	if r, ok := p.ComponentOf(key); ok {
		return r.Label()
	}
	if in := lookupInput(key); in != nil {
		return in.Label
	}
	return key
}

// InputUnit: see [Pain.InputLabel].
func (p *Pain) InputUnit(key string) figure.Unit {
	if r, ok := p.ComponentOf(key); ok {
		return r.Unit()
	}
	if in := lookupInput(key); in != nil {
		return in.Unit
	}
	return ""
}

// componentsPicked returns each component's quantity and rate as pick
// values them (with the substitution of ev, where set), and their yearly
// costs.
func (ev *evaluator) componentsPicked() (q, r, yearly []float64) {
	comps := ev.c.Pain.Components
	q, r, yearly = make([]float64, len(comps)), make([]float64, len(comps)), make([]float64, len(comps))
	for i := range comps {
		k := &comps[i]
		qe := Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: k.QuantityKey()}
		re := Estimate{Kind: PainInputEstimate, Alternative: -1, Line: -1, Input: k.RateKey()}
		q[i] = ev.pick(qe, ev.estimate(qe, k.Quantity))
		r[i] = ev.pick(re, ev.estimate(re, k.Rate))
		yearly[i] = k.yearly(q[i], r[i])
	}
	return q, r, yearly
}

// componentBenefit works out a benefit line tied to a component's quantity
// or rate: the component's yearly cost as the lines before it left it,
// less its cost with this line's change, in every year. It fills annual
// and byPart, leaves the line's likely change in place for the lines
// after it, and returns the line's yearly value at the low, likely and
// high of its estimate.
func (ev *evaluator) componentBenefit(w *benefitWork, ref ComponentRef, est Estimate, b *Benefit, annual []float64, byPart [][]float64) Range {
	k, cur := ref.Component, &w.compCur[ref.Index]
	side := 0 // the quantity
	if ref.Rate {
		side = 1
	}
	saving := func(x float64) float64 {
		after := *cur
		after[side] = x
		return k.yearly(cur[0], cur[1]) - k.yearly(after[0], after[1])
	}
	rTo := ev.estimate(est, b.To)
	v := saving(ev.pick(est, rTo))
	value := Range{saving(rTo.Low), saving(rTo.Likely), saving(rTo.High)}
	p := w.calcParts + ref.Index
	for y := range annual {
		annual[y] = v
		clear(byPart[y])
		byPart[y][p] = v
	}
	cur[side] = rTo.Likely
	for y := range w.baseParts {
		w.baseParts[y][p] = k.yearly(cur[0], cur[1])
	}
	return value
}

// inputBounds returns the values what key names can take: a calculator
// input's, or from zero up for a component's quantity or rate; false when
// it names neither.
func (p *Pain) inputBounds(key string) (lo, hi float64, ok bool) {
	if _, ok := p.ComponentOf(key); ok {
		return 0, MaxAmount, true
	}
	if in := lookupInput(key); in != nil {
		return in.Min, in.Max, true
	}
	return 0, 0, false
}

// likelyOf returns the likely value of what key names: a calculator input
// given (its first year's) or a component's quantity or rate; false when
// the case gives none.
func (p *Pain) likelyOf(key string) (float64, bool) {
	if r, ok := p.ComponentOf(key); ok {
		return r.Range().Likely, true
	}
	v, ok := p.Inputs[key]
	return v.Likely, ok
}

// inputPhrase is InputLabel within a sentence: a calculator input's label
// in lower case, a component's line with its first letter lowered (the
// name the user gave it may hold a proper noun).
func (p *Pain) inputPhrase(key string) string {
	if r, ok := p.ComponentOf(key); ok {
		l := r.Label()
		first, n := utf8.DecodeRuneInString(l)
		if second, _ := utf8.DecodeRuneInString(l[n:]); unicode.IsUpper(second) {
			return l // an acronym
		}
		return string(unicode.ToLower(first)) + l[n:]
	}
	return strings.ToLower(p.InputLabel(key))
}
