package workbook

import (
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/expr"
)

// calcModel is the case's pain calculator as the workbook lays it out and
// works it out for the formulas' cached results: every input it needs
// (those the calculator reads, those their defaults read, and those
// per-head costs take their heads from), year by year, with the defaults,
// the floors and the parts of the yearly cost. It follows Case Builder's
// arithmetic (casebuilder's painModel) step for step: LibreOffice, which
// recalculates every workbook in the tests, checks that the cached results
// are what the formulas give, and that those equal Case Builder's figures.
type calcModel struct {
	calc *casebuilder.Calculator
	// ins is every calculator input, in casebuilder's table order, in
	// which a default reads only inputs before it (or one the case gives).
	ins   []casebuilder.Input
	index map[string]int
	// slot is the place of every input and formula in an environment:
	// the inputs in table order, then the calculator's formulas.
	slot   map[string]int
	given  []bool
	values []casebuilder.InputValue
	needed []bool
	// def is each input's default in this case, where it has one, as an
	// expression on the environment; floor the lowest value a benefit can
	// bring it to, where it has one that the case can work out.
	def, floor []*expr.Expression
	formulas   []expr.Expression
	parts      []expr.Expression
	// defNames and formulaNames are the names the defaults and the
	// formulas read, found once.
	defNames, formulaNames [][]string
	// kinds are the parts' distinct kinds of money, in order.
	kinds []casebuilder.MoneyKind
	// years is how many years the model tells apart: the most years any
	// input it needs is given for, within the horizon; 1 when every year
	// is alike.
	years int
}

// newCalcModel returns the model of the case's calculator over a horizon
// of horizonYears years, or nil when the case has no pain category.
func newCalcModel(c *casebuilder.Case, horizonYears int) *calcModel {
	k := casebuilder.CalculatorFor(c.Pain.Category)
	if k == nil {
		return nil
	}
	m := &calcModel{calc: k, ins: casebuilder.Inputs(), index: map[string]int{}, slot: map[string]int{}, years: 1}
	n := len(m.ins)
	for i, in := range m.ins {
		m.index[in.Key] = i
		m.slot[in.Key] = i
	}
	for j, f := range k.Formulas {
		m.slot[f.Key] = n + j
	}
	parse := func(src string) expr.Expression {
		e, err := expr.Parse(src, func(name string) (int, bool) {
			s, ok := m.slot[name]
			return s, ok
		})
		if err != nil {
			// casebuilder compiled the same expression on the same names.
			panic("workbook: " + src + ": " + err.Error())
		}
		return e
	}
	m.given, m.values, m.needed = make([]bool, n), make([]casebuilder.InputValue, n), make([]bool, n)
	m.def, m.floor = make([]*expr.Expression, n), make([]*expr.Expression, n)
	for key, v := range c.Pain.Inputs {
		if i, ok := m.index[key]; ok {
			m.given[i], m.values[i] = true, v
		}
	}
	for i := range m.ins {
		if in := &m.ins[i]; in.HasDefault() {
			e := parse(in.DefaultIn(&c.Pain).String())
			m.def[i] = &e
		}
	}
	var need func(i int)
	need = func(i int) {
		if m.needed[i] {
			return
		}
		m.needed[i] = true
		if !m.given[i] && m.def[i] != nil {
			for _, dep := range m.def[i].Names() {
				need(m.index[dep])
			}
		}
	}
	for _, f := range k.Formulas {
		m.formulas = append(m.formulas, parse(f.Expr.String()))
		for _, name := range f.Expr.Names() {
			if i, ok := m.index[name]; ok {
				need(i)
			}
		}
	}
	for _, key := range headsKeys(c) {
		if i, ok := m.index[key]; ok && m.given[i] {
			need(i)
		}
	}
	m.defNames, m.formulaNames = make([][]string, n), make([][]string, len(m.formulas))
	for i, e := range m.def {
		if e != nil {
			m.defNames[i] = e.Names()
		}
	}
	for j, f := range m.formulas {
		m.formulaNames[j] = f.Names()
	}
	for _, p := range k.Parts {
		m.parts = append(m.parts, parse(p.Expr.String()))
		if !slices.Contains(m.kinds, p.Money) {
			m.kinds = append(m.kinds, p.Money)
		}
	}
	for i, in := range m.ins {
		if m.needed[i] && m.given[i] && m.values[i].Yearly() {
			m.years = max(m.years, min(len(m.values[i].Years), horizonYears))
		}
		if in.Floor == "" {
			continue
		}
		e := parse(in.Floor)
		ok := true
		for _, name := range e.Names() {
			ok = ok && m.needed[m.index[name]]
		}
		if ok {
			m.floor[i] = &e
		}
	}
	return m
}

// headsKeys returns the inputs and formulas the case's per-head costs take
// their heads from.
func headsKeys(c *casebuilder.Case) []string {
	var keys []string
	for _, a := range c.Alternatives {
		for _, k := range a.Costs {
			if k.PerHead && k.HeadsFrom != "" && !slices.Contains(keys, k.HeadsFrom) {
				keys = append(keys, k.HeadsFrom)
			}
		}
	}
	return keys
}

// env returns a new environment.
func (m *calcModel) env() []float64 { return make([]float64, len(m.ins)+len(m.formulas)) }

// today fills env with the calculator in year y (0 is the first) with
// every input the case gives at the value pick chooses from that year's
// estimate, every other at its default, and returns the yearly cost.
func (m *calcModel) today(env []float64, y int, pick func(casebuilder.Range) float64) float64 {
	for i := range m.ins {
		switch {
		case !m.needed[i]:
			env[i] = 0
		case m.given[i]:
			env[i] = pick(m.values[i].InYear(y))
		case m.def[i] != nil:
			env[i] = m.def[i].Eval(env)
		default:
			env[i] = 0
		}
	}
	return m.work(env)
}

// change makes env the calculator with input i at to and everything else
// as it was, the inputs set marks inputs an earlier change set, which keep
// their value; it returns the yearly cost.
func (m *calcModel) change(env []float64, i int, to float64, set []bool) float64 {
	env[i] = to
	for k := range m.ins {
		if k != i && m.needed[k] && !m.given[k] && m.def[k] != nil && !set[k] {
			env[k] = m.def[k].Eval(env)
		}
	}
	return m.work(env)
}

// work works out the formulas on env's inputs and returns the yearly cost.
func (m *calcModel) work(env []float64) float64 {
	n := len(m.ins)
	for j, f := range m.formulas {
		env[n+j] = f.Eval(env)
	}
	return env[len(env)-1]
}

// kindValues returns the parts of the yearly cost in env added up by kind
// of money, in the order of m.kinds.
func (m *calcModel) kindValues(env []float64) []float64 {
	out := make([]float64, len(m.kinds))
	for p, e := range m.parts {
		out[slices.Index(m.kinds, m.calc.Parts[p].Money)] += e.Eval(env)
	}
	return out
}

// floored returns to, or the lowest value a benefit can bring input i to
// in the year whose environment with no change is today, when to is
// below it.
func (m *calcModel) floored(i int, to float64, today []float64) float64 {
	if f := m.floor[i]; f != nil {
		return max(to, f.Eval(today))
	}
	return to
}

// complete reports whether every input the calculator needs has a value
// or a default.
func (m *calcModel) complete() bool {
	for i := range m.ins {
		if m.needed[i] && !m.given[i] && m.def[i] == nil {
			return false
		}
	}
	return true
}

// value returns the value of an input or formula in env.
func (m *calcModel) value(env []float64, key string) float64 {
	if s, ok := m.slot[key]; ok {
		return env[s]
	}
	return 0
}

// depends returns the inputs and formulas whose values change when the
// inputs in changed change, the inputs in set excepted (they keep the
// value an earlier change gave them): changed themselves, the defaults
// that read them, and the formulas.
func (m *calcModel) depends(changed []string, set []bool) map[string]bool {
	dirty := map[string]bool{}
	for _, key := range changed {
		dirty[key] = true
	}
	reads := func(names []string) bool {
		for _, name := range names {
			if dirty[name] {
				return true
			}
		}
		return false
	}
	for i, in := range m.ins {
		if !dirty[in.Key] && m.needed[i] && !m.given[i] && m.def[i] != nil && !set[i] && reads(m.defNames[i]) {
			dirty[in.Key] = true
		}
	}
	for j := range m.formulas {
		if reads(m.formulaNames[j]) {
			dirty[m.calc.Formulas[j].Key] = true
		}
	}
	return dirty
}
