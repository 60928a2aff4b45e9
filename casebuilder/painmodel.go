package casebuilder

import (
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// painModel evaluates a case's calculator with inputs at chosen values and
// some inputs overridden, year by year, as benefits, sensitivity and
// simulation need.
type painModel struct {
	calc    *Calculator
	given   []InputValue // by input index
	isGiven []bool
	needed  []bool // read by the calculator, directly or through a default
	// defaultOf is, by input index, the default the input takes in this
	// case (see [Input.DefaultIn]).
	defaultOf []defaultRule
	// over holds overriding values, by input index, where hasOver is set.
	over    []float64
	hasOver []bool
	env     []float64
	// deps[i], made when first needed, are the slots to work out again
	// when input i changes (see evalChange).
	deps [][]int
	// linear[i], worked out when first needed, is 1 when the yearly cost
	// is a straight line in input i (see linearIn), -1 when not.
	linear []int8
	// floored[i] reports whether input i has a floor in this model: its
	// floor reads only inputs the model needs.
	floored []bool
	// years is how many years the model tells apart: as many as the
	// inputs it needs are given for, within the horizon; 1 when every year
	// is alike. A later year is the last of them.
	years int
}

// defaultRule is the default an input takes in one case.
type defaultRule struct {
	has  bool
	eval func(env []float64) float64
	deps []string
	// degree is the default's degree in one quantity, each slot's given
	// (see [expr.Expression.Degree]).
	degree func(of func(slot int) int) int
}

// horizonYears is the number of years of a horizon of n months, a partial
// last year counting as a year; at least 1.
func horizonYears(n int) int { return max(1, (n+PeriodsPerYear-1)/PeriodsPerYear) }

// yearOf returns the year (0 is the first) of month m in a model of years
// years: the last year's values hold after it.
func yearOf(m, years int) int { return min(m/PeriodsPerYear, years-1) }

// newPainModel returns the model of the pain's calculator over a horizon
// of years years, or nil when the pain has no known category. extra are
// keys of inputs or formulas that the case needs besides the calculator
// (the heads of per-head costs), which are then worked out too.
func newPainModel(p *Pain, years int, extra ...string) *painModel {
	k := calculatorFor(p.Category)
	if k == nil {
		return nil
	}
	n := len(inputs)
	m := &painModel{calc: k, given: make([]InputValue, n), isGiven: make([]bool, n), needed: make([]bool, n),
		defaultOf: make([]defaultRule, n), over: make([]float64, n), hasOver: make([]bool, n),
		env: make([]float64, k.env), years: 1}
	for key, r := range p.Inputs {
		if i, ok := inputIndex[key]; ok {
			m.given[i], m.isGiven[i] = r, true
		}
	}
	for i, in := range inputs {
		switch {
		case !in.HasDefault():
		case in.DefaultFrom != "" && m.isGiven[inputIndex[in.DefaultFrom]]:
			from := inputIndex[in.DefaultFrom]
			m.defaultOf[i] = defaultRule{has: true, eval: func(env []float64) float64 { return env[from] }, deps: []string{in.DefaultFrom},
				degree: func(of func(int) int) int { return of(from) }}
		default:
			m.defaultOf[i] = defaultRule{has: true, eval: in.def.Eval, deps: in.def.Names(), degree: in.def.Degree}
		}
	}
	for _, i := range k.reads {
		m.need(i)
	}
	for _, key := range extra {
		if i, ok := inputIndex[key]; ok && m.isGiven[i] {
			m.need(i)
		}
	}
	// Past the last year any input changes in, every year is that one.
	for i := range inputs {
		if v := m.given[i]; m.needed[i] && m.isGiven[i] && v.Yearly() {
			last := len(v.Years)
			for last > 1 && v.Years[last-1] == v.Years[last-2] {
				last--
			}
			m.years = max(m.years, min(last, years))
		}
	}
	m.floored = make([]bool, n)
	for i, in := range inputs {
		m.floored[i] = in.Floor != "" && !slices.ContainsFunc(in.floor.Names(), func(name string) bool { return !m.needed[inputIndex[name]] })
	}
	return m
}

func (m *painModel) need(i int) {
	if m.needed[i] {
		return
	}
	m.needed[i] = true
	if !m.isGiven[i] && m.defaultOf[i].has {
		for _, dep := range m.defaultOf[i].deps {
			m.need(inputIndex[dep])
		}
	}
}

// missing returns the needed inputs that have neither a value nor a default.
func (m *painModel) missing() []string {
	var out []string
	for i, in := range inputs {
		if m.needed[i] && !m.isGiven[i] && !m.defaultOf[i].has {
			out = append(out, in.Key)
		}
	}
	return out
}

// slot returns the place in the environment of an input or formula, or -1.
func (m *painModel) slot(key string) int {
	if i, ok := inputIndex[key]; ok {
		return i
	}
	for j := range m.calc.Formulas {
		if m.calc.Formulas[j].Key == key {
			return len(inputs) + j
		}
	}
	return -1
}

// eval returns the yearly cost in year y with each input at its override,
// else its given value for the year as pick chooses it, else its default,
// else zero. The environment then holds every input and formula.
func (m *painModel) eval(y int, pick func(key string, y int, r Range) float64) float64 {
	return m.evalBy(y, func(i int, r Range) float64 { return pick(inputs[i].Key, y, r) })
}

// evalBy is eval with the given inputs valued by their index, as the
// simulation's compiled model does without looking keys up.
func (m *painModel) evalBy(y int, given func(i int, r Range) float64) float64 {
	for i := range inputs {
		switch {
		case !m.needed[i]:
			m.env[i] = 0
		case m.hasOver[i]:
			m.env[i] = m.over[i]
		case m.isGiven[i]:
			m.env[i] = given(i, m.given[i].InYear(y))
		case m.defaultOf[i].has:
			m.env[i] = m.defaultOf[i].eval(m.env)
		default:
			m.env[i] = 0
		}
	}
	n := len(inputs)
	for j := range m.calc.Formulas {
		m.env[n+j] = m.calc.Formulas[j].Expr.Eval(m.env)
	}
	return m.env[len(m.env)-1]
}

// depsOf returns the slots that depend on input i, directly or not, in
// the order they are worked out: the defaults of inputs the case does not
// give, then the formulas.
func (m *painModel) depsOf(i int) []int {
	if m.deps == nil {
		m.deps = make([][]int, len(inputs))
	}
	if m.deps[i] != nil {
		return m.deps[i]
	}
	dirty := make([]bool, len(m.env))
	dirty[i] = true
	out := []int{}
	reads := func(names []string) bool {
		for _, name := range names {
			if s := m.slot(name); s >= 0 && dirty[s] {
				return true
			}
		}
		return false
	}
	for k := range inputs {
		if k != i && m.needed[k] && !m.isGiven[k] && m.defaultOf[k].has && reads(m.defaultOf[k].deps) {
			dirty[k] = true
			out = append(out, k)
		}
	}
	n := len(inputs)
	for j := range m.calc.Formulas {
		if reads(m.calc.Formulas[j].Expr.Names()) {
			dirty[n+j] = true
			out = append(out, n+j)
		}
	}
	m.deps[i] = out
	return out
}

// linearIn reports whether the yearly cost is a straight line in input i,
// everything else as it is: then its value at two values of i gives it at
// any other, without working it out again.
func (m *painModel) linearIn(i int) bool {
	if m.linear == nil {
		m.linear = make([]int8, len(inputs))
	}
	if m.linear[i] == 0 {
		deg := make([]int, len(m.env))
		deg[i] = 1
		of := func(s int) int { return deg[s] }
		n := len(inputs)
		for _, s := range m.depsOf(i) {
			if s >= n {
				deg[s] = m.calc.Formulas[s-n].Expr.Degree(of)
			} else {
				deg[s] = m.defaultOf[s].degree(of)
			}
		}
		m.linear[i] = -1
		if deg[len(deg)-1] <= 1 {
			m.linear[i] = 1
		}
	}
	return m.linear[i] > 0
}

// evalChange returns the yearly cost with input i at `to` and everything
// else as in base, an environment a whole evaluation left: only what
// depends on i is worked out again. The environment then holds the result.
func (m *painModel) evalChange(base []float64, i int, to float64) float64 {
	return m.evalChangeIn(m.env, base, i, to)
}

// evalChangeIn is evalChange with the result in env, which is not base.
func (m *painModel) evalChangeIn(env, base []float64, i int, to float64) float64 {
	copy(env, base)
	env[i] = to
	n := len(inputs)
	for _, s := range m.depsOf(i) {
		switch {
		case s >= n:
			env[s] = m.calc.Formulas[s-n].Expr.Eval(env)
		case !m.hasOver[s]: // an input an earlier change set stays as set
			env[s] = m.defaultOf[s].eval(env)
		}
	}
	return env[len(env)-1]
}

// floor returns the lowest value a benefit can bring input i to, in the
// environment env of a year with no change made, and false when the input
// has no floor in this model (an input its floor reads is not needed).
func (m *painModel) floor(i int, env []float64) (float64, bool) {
	if !m.floored[i] {
		return 0, false
	}
	return inputs[i].floor.Eval(env), true
}

// parts writes the value of each part of the yearly cost, as the last
// evaluation left the environment, to out.
func (m *painModel) parts(out []float64) {
	for i := range m.calc.Parts {
		out[i] = m.calc.Parts[i].Expr.Eval(m.env)
	}
}

// clone returns a copy of the model with its own working storage, for
// another goroutine.
func (m *painModel) clone() *painModel {
	cp := *m
	cp.over = slices.Clone(m.over)
	cp.hasOver = slices.Clone(m.hasOver)
	cp.env = slices.Clone(m.env)
	cp.deps, cp.linear = nil, nil // made again on the copy's own goroutine
	return &cp
}

func pickLikely(_ string, _ int, r Range) float64 { return r.Likely }

// inputYears returns the years an input given year by year covers: the
// longest list of the pain's inputs, at least 1.
func inputYears(p *Pain) int {
	n := 1
	for _, v := range p.Inputs {
		n = max(n, len(v.Years))
	}
	return n
}

// CostOfPain runs the pain's calculator on its likely inputs and returns the
// yearly cost with every step of the working, over as many years as its
// inputs are given for. A pain without a category costs nothing and has no
// working.
func CostOfPain(p *Pain) PainResult {
	return costOfPain(p, inputYears(p))
}

// costOfPain is CostOfPain over a horizon of years years.
func costOfPain(p *Pain, years int) PainResult {
	res := calculatorCost(p, years)
	addComponents(&res, p, years)
	return res
}

// addComponents adds the pain's components to the working, the parts and
// the yearly cost of res: each one's quantity and rate as entered and its
// yearly cost, then, beside a calculator, the total.
func addComponents(res *PainResult, p *Pain, years int) {
	if len(p.Components) == 0 {
		return
	}
	if res.AnnualByYear == nil {
		res.AnnualByYear = make([]float64, years)
	}
	calculated := len(res.Working) > 0
	for i := range p.Components {
		k := &p.Components[i]
		yearly := k.yearly(k.Quantity.Likely, k.Rate.Likely)
		per := "× 12 months"
		if k.Per == PerYear {
			per = "a year"
		}
		res.Working = append(res.Working,
			WorkingLine{Key: k.QuantityKey(), Label: k.QuantityLabel(), Kind: WorkingInput, Value: k.Quantity.Likely, Unit: figure.Count},
			WorkingLine{Key: k.RateKey(), Label: k.RateLabel(), Kind: WorkingInput, Value: k.Rate.Likely, Unit: figure.Money},
			WorkingLine{Key: k.ID + ".cost", Label: k.CostLabel(), Kind: WorkingCalculated, Value: yearly, Unit: figure.Money,
				Formula: k.Counts + " × cost of each " + per})
		part := PartResult{Label: k.Name, Money: k.MoneyKind(), Annual: yearly, ByYear: make([]float64, years)}
		for y := range years {
			part.ByYear[y] = yearly
			res.AnnualByYear[y] += yearly
		}
		res.Parts = append(res.Parts, part)
		res.Annual += yearly
	}
	if calculated {
		res.Working = append(res.Working, WorkingLine{Key: totalKey, Label: "Yearly cost of the pain, every part", Kind: WorkingCalculated,
			Formula: "the calculator's yearly cost + each component's", Value: res.Annual, Unit: figure.Money, ByYear: wholeByYear(res.AnnualByYear)})
	}
}

// totalKey is the key of the working's last line, beside a calculator's,
// when the pain has components: the yearly cost of every part.
const totalKey = "total"

// wholeByYear returns byYear, or nil when every year is the same, as a
// working line's ByYear reads.
func wholeByYear(byYear []float64) []float64 {
	for _, v := range byYear {
		if v != byYear[0] {
			return byYear
		}
	}
	return nil
}

// calculatorCost is the calculator's part of costOfPain.
func calculatorCost(p *Pain, years int) PainResult {
	res := PainResult{Category: p.Category}
	m := newPainModel(p, years)
	if m == nil {
		return res
	}
	res.Calculator = m.calc.Name
	n := len(inputs)
	// One evaluation a year: env[y] is year y's environment, parts[y]
	// its parts.
	env := make([][]float64, years)
	parts := make([][]float64, years)
	for y := range years {
		if y < m.years {
			m.eval(y, pickLikely)
			env[y] = slices.Clone(m.env)
			parts[y] = make([]float64, len(m.calc.Parts))
			m.parts(parts[y])
		} else {
			env[y], parts[y] = env[m.years-1], parts[m.years-1]
		}
	}
	byYear := func(slot int) []float64 {
		if m.years == 1 {
			return nil
		}
		out := make([]float64, years)
		for y := range years {
			out[y] = env[y][slot]
		}
		return out
	}
	for _, key := range m.calc.Inputs {
		i := inputIndex[key]
		in := inputs[i]
		if !m.needed[i] {
			continue
		}
		st := WorkingLine{Key: key, Label: in.Label, Value: env[0][i], Unit: in.Unit, Kind: WorkingInput, ByYear: byYear(i)}
		if !m.isGiven[i] {
			if m.defaultOf[i].has {
				st.Kind, st.Formula = WorkingDefault, in.DefaultNote
			} else {
				st.Kind = WorkingMissing
			}
		}
		res.Working = append(res.Working, st)
	}
	for j, s := range m.calc.Formulas {
		res.Working = append(res.Working, WorkingLine{Key: s.Key, Label: s.Label, Kind: WorkingCalculated,
			Formula: s.Words, Value: env[0][n+j], Unit: s.Unit, ByYear: byYear(n + j)})
	}
	res.Missing = m.missing()
	res.AnnualByYear = make([]float64, years)
	for pi, pt := range m.calc.Parts {
		res.Parts = append(res.Parts, PartResult{Label: pt.Label, Money: pt.Money, ByYear: make([]float64, years)})
		if res.Complete() {
			res.Parts[pi].Annual = parts[0][pi]
			for y := range years {
				res.Parts[pi].ByYear[y] = parts[y][pi]
			}
		}
	}
	if res.Complete() {
		res.Annual = env[0][len(env[0])-1]
		for y := range years {
			res.AnnualByYear[y] = env[y][len(env[y])-1]
		}
	}
	return res
}
