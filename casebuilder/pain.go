package casebuilder

import (
	"fmt"
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/expr"
)

// PainCategory is the kind of problem the sales force has. Each category
// has its own cost-of-pain calculator.
type PainCategory string

// The pain categories.
const (
	SalesTurnover  PainCategory = "salesTurnover"
	TalentScarcity PainCategory = "talentScarcity"
	RampUpTime     PainCategory = "rampUp"
	SkillsGap      PainCategory = "skillsGap"
	UnclearRoles   PainCategory = "unclearRoles"
	OtherPain      PainCategory = "other"
)

// Input is one input of the cost-of-pain calculators.
type Input struct {
	Key   string
	Label string
	Unit  figure.Unit
	// Min and Max bound the values the input accepts.
	Min, Max float64
	// Default, when not empty, is the rule-of-thumb value the input takes
	// when the case leaves it out, written on earlier inputs, and
	// DefaultNote says where the rule comes from.
	Default     string
	DefaultNote string
	// DefaultFrom, when not empty, is an input whose value, when the case
	// gives it, the default takes instead (it may come later in the table).
	DefaultFrom string
	// Help says what to enter.
	Help string
	// Floor, when not empty, is the lowest value a benefit can bring the
	// input to, written on inputs (attrition falls no lower than the
	// exits no programme prevents): a change beyond it counts only to it.
	Floor string

	def   expr.Expression
	floor expr.Expression
}

// HasDefault reports whether the input has a rule-of-thumb default.
func (in *Input) HasDefault() bool { return in.Default != "" }

// DefaultExpression is the default as an expression on other inputs.
func (in *Input) DefaultExpression() expr.Expression { return in.def }

// DefaultIn returns the default of the input in pain p, as an expression
// on other inputs: the value of its DefaultFrom input where p gives one,
// else its rule of thumb.
func (in *Input) DefaultIn(p *Pain) expr.Expression {
	if in.DefaultFrom != "" {
		if _, ok := p.Inputs[in.DefaultFrom]; ok {
			return defaultFromExpr(in.DefaultFrom)
		}
	}
	return in.def
}

// defaultFromExpr is the expression that reads input key.
func defaultFromExpr(key string) expr.Expression {
	e, err := expr.Parse(key, func(name string) (int, bool) {
		i, ok := inputIndex[name]
		return i, ok
	})
	if err != nil {
		panic("casebuilder: default from " + key + ": " + err.Error())
	}
	return e
}

// Calculator puts a yearly cost on one category of pain. Its formulas run
// in order, each reading inputs and the formulas before it; the last is
// the yearly cost.
type Calculator struct {
	Category PainCategory
	Name     string
	// Inputs are the keys of the inputs it reads, in the order to show them.
	Inputs   []string
	Formulas []Formula
	// Parts split the yearly cost by what it is made of, each with its kind
	// of money; they add up to the last formula.
	Parts []Part

	env   int   // size of its environment: all inputs, then its formulas
	reads []int // indexes of the inputs its formulas read directly
}

// Formula is one calculated line of a calculator's working.
type Formula struct {
	Key   string
	Label string
	// Words is the formula in words, for people.
	Words string
	Unit  figure.Unit
	Expr  expr.Expression

	source string // Expr as written, until it is compiled
}

// Part is one part of a calculator's yearly cost, with its kind of money.
type Part struct {
	Label string
	Money MoneyKind
	Expr  expr.Expression

	source string // Expr as written, until it is compiled
}

// part declares a part of a calculator's yearly cost.
func part(label string, money MoneyKind, src string) Part {
	return Part{Label: label, Money: money, source: src}
}

// annualKey is the key of every calculator's last formula, the yearly cost.
const annualKey = "annual"

// inputs is every calculator input, in an order where a default only reads
// inputs listed before it.
var inputs = compileDefaults([]*Input{
	{Key: "reps", Label: "Sales reps", Unit: figure.Count, Max: 1e6,
		Help: "Quota-carrying sales people today."},
	{Key: "attritionRate", Label: "Yearly sales attrition", Unit: figure.Percent, Max: 3,
		Floor: "attritionRate * (1 - preventableShare)",
		Help:  "Reps who leave in a year, as a share of the sales force."},
	{Key: "preventableShare", Label: "Share of exits that can be prevented", Unit: figure.Percent, Max: 1,
		Default:     "0.75",
		DefaultNote: "Rule of thumb: exit studies commonly find about three quarters of exits preventable; the rest are retirements, relocations and health. Replace it with your own exit interviews.",
		Help:        "Leavers a programme could have kept, as a share of all leavers: a programme cuts attrition no further."},
	{Key: "hiresPerYear", Label: "New sales hires a year", Unit: figure.Count, Max: 1e6,
		Help: "Reps hired in a year, for growth or to replace leavers."},
	{Key: "annualQuota", Label: "Yearly quota per rep", Unit: figure.Money, Max: 1e12,
		Help: "Revenue a fully productive rep is expected to close in a year."},
	{Key: "grossMargin", Label: "Gross margin", Unit: figure.Percent, Max: 1,
		Help: "Share of revenue left after the cost of what is sold."},
	{Key: "salary", Label: "Yearly base salary per rep", Unit: figure.Money, Max: 1e9,
		Help: "Used by the rule-of-thumb defaults below."},
	{Key: "separationCost", Label: "Separation cost per leaver", Unit: figure.Money, Max: 1e9,
		Default:     "salary / 12",
		DefaultNote: "Rule of thumb: about one month of base salary (exit administration, notice, manager time). Replace it with your own figure.",
		Help:        "Exit administration, severance, notice and manager time for one leaver."},
	{Key: "recruitingCost", Label: "Recruiting and hiring cost per hire", Unit: figure.Money, Max: 1e9,
		Default:     "0.2 * salary",
		DefaultNote: "Rule of thumb: about 20 % of base salary, within the usual 15–25 % range of recruitment-agency fees. Replace it with your own figure.",
		Help:        "Advertising, agency fees, interviews, assessments, onboarding administration."},
	{Key: "daysToFill", Label: "Days a territory stays open", Unit: figure.Days, Max: 3650,
		Help: "Calendar days from a rep's departure to the replacement's start."},
	{Key: "rampMonths", Label: "Months to full productivity", Unit: figure.Months, Max: 120,
		Help: "How long a new rep takes to sell at full quota."},
	{Key: "rampProductivity", Label: "Average productivity while ramping", Unit: figure.Percent, Max: 1,
		Default:     "0.5",
		DefaultNote: "Rule of thumb: a steady climb from nothing to full productivity averages 50 %.",
		Help:        "Share of quota a new rep sells, on average, before full productivity."},
	{Key: "targetAttainment", Label: "Target quota attainment", Unit: figure.Percent, Max: 3,
		Help: "Attainment the plan needs, as a share of quota."},
	{Key: "actualAttainment", Label: "Actual quota attainment", Unit: figure.Percent, Max: 3,
		Help: "Average attainment today, as a share of quota."},
	{Key: "productiveAttainment", Label: "Attainment of a fully productive rep", Unit: figure.Percent, Max: 3,
		Default:     "1",
		DefaultNote: "Assumed: a fully productive rep sells 100 % of quota, which few sales forces do. Replace it with the average attainment of your reps past ramp-up.",
		DefaultFrom: "actualAttainment",
		Help:        "What a rep past ramp-up actually sells, as a share of quota: sales lost to a vacancy or to a slow start are valued at it."},
	{Key: "peopleAffected", Label: "People losing time to friction", Unit: figure.Count, Max: 1e6,
		Help: "People in Sales and the delivering teams who lose time to unclear roles or hand-offs."},
	{Key: "hoursLostPerWeek", Label: "Hours lost per person per week", Unit: figure.Hours, Max: 168,
		Help: "Rework, escalations, chasing answers, meetings that settle who does what."},
	{Key: "workingWeeks", Label: "Working weeks a year", Unit: figure.Weeks, Min: 1, Max: 52,
		Default:     "46",
		DefaultNote: "Rule of thumb: 52 weeks less holidays and leave.",
		Help:        "Weeks a person actually works in a year."},
	{Key: "loadedHourlyCost", Label: "Loaded cost per hour", Unit: figure.MoneyPerHour, Max: 1e7,
		Default:     "1.3 * salary / (workingWeeks * 40)",
		DefaultNote: "Rule of thumb: base salary plus about 30 % for benefits and payroll taxes, over 40-hour weeks.",
		Help:        "Salary, benefits and taxes of the people affected, per working hour."},
	{Key: "sellingHoursPerWeek", Label: "Selling hours per rep per week", Unit: figure.Hours, Max: 168,
		Default:     "12",
		DefaultNote: "Rule of thumb: reps spend about 30 % of a 40-hour week actually selling.",
		Help:        "Hours a rep spends with customers and prospects in a week."},
	{Key: "sellingHoursLostPerWeek", Label: "Selling hours lost per rep per week", Unit: figure.Hours, Max: 168,
		Help: "Selling time each rep loses to the friction in a week."},
	{Key: "annualCost", Label: "Yearly cost of the problem", Unit: figure.Money, Max: 1e12,
		Help: "Your own estimate, with its working in the evidence."},
})

// rampCostFormula is shared by the turnover and ramp-up calculators.
var rampCostFormula = formula("rampCost", "Ramp-up cost per new hire", figure.Money,
	"months to full productivity × monthly quota (yearly ÷ 12) × attainment of a productive rep × (1 − average productivity while ramping) × gross margin",
	"rampMonths * annualQuota / 12 * productiveAttainment * (1 - rampProductivity) * grossMargin")

var dailyMarginFormula = formula("dailyMargin", "Daily gross margin of a productive rep", figure.Money,
	"yearly quota per rep × attainment of a productive rep × gross margin ÷ 365 days",
	"annualQuota * productiveAttainment * grossMargin / 365")

// calculators are the cost-of-pain calculators, one per category.
var calculators = compileCalculators([]*Calculator{
	{
		Category: SalesTurnover, Name: "Cost of sales turnover",
		Inputs: []string{"reps", "attritionRate", "preventableShare", "annualQuota", "productiveAttainment", "grossMargin", "salary",
			"separationCost", "recruitingCost", "daysToFill", "rampMonths", "rampProductivity"},
		Formulas: []Formula{
			formula("leavers", "Leavers a year", figure.Count,
				"sales reps × yearly sales attrition", "reps * attritionRate"),
			formula("preventableLeavers", "Leavers who could have been kept", figure.Count,
				"leavers a year × share of exits that can be prevented", "leavers * preventableShare"),
			dailyMarginFormula,
			formula("vacancyCost", "Vacancy cost per leaver", figure.Money,
				"days a territory stays open × daily gross margin", "daysToFill * dailyMargin"),
			rampCostFormula,
			formula("costPerLeaver", "Cost of one leaver", figure.Money,
				"separation + recruiting and hiring + vacancy + ramp-up",
				"separationCost + recruitingCost + vacancyCost + rampCost"),
			formula(annualKey, "Yearly cost of sales turnover", figure.Money,
				"leavers a year × cost of one leaver", "leavers * costPerLeaver"),
		},
		Parts: []Part{
			part("Separation", Cash, "leavers * separationCost"),
			part("Recruiting and hiring", Cash, "leavers * recruitingCost"),
			part("Margin lost while territories are vacant", Margin, "leavers * vacancyCost"),
			part("Margin lost while replacements ramp up", Margin, "leavers * rampCost"),
		},
	},
	{
		Category: TalentScarcity, Name: "Cost of open territories",
		Inputs: []string{"hiresPerYear", "annualQuota", "productiveAttainment", "grossMargin", "daysToFill"},
		Formulas: []Formula{
			dailyMarginFormula,
			formula("vacancyCost", "Vacancy cost per open territory", figure.Money,
				"days a territory stays open × daily gross margin", "daysToFill * dailyMargin"),
			formula(annualKey, "Yearly cost of open territories", figure.Money,
				"new sales hires a year × vacancy cost per open territory", "hiresPerYear * vacancyCost"),
		},
		Parts: []Part{part("Margin lost while territories are open", Margin, "annual")},
	},
	{
		Category: RampUpTime, Name: "Cost of ramp-up time",
		Inputs: []string{"hiresPerYear", "annualQuota", "productiveAttainment", "grossMargin", "rampMonths", "rampProductivity"},
		Formulas: []Formula{
			rampCostFormula,
			formula(annualKey, "Yearly cost of ramp-up time", figure.Money,
				"new sales hires a year × ramp-up cost per new hire", "hiresPerYear * rampCost"),
		},
		Parts: []Part{part("Margin lost while new hires ramp up", Margin, "annual")},
	},
	{
		Category: SkillsGap, Name: "Cost of the skills gap",
		Inputs: []string{"reps", "annualQuota", "grossMargin", "targetAttainment", "actualAttainment"},
		Formulas: []Formula{
			formula("attainmentGap", "Attainment gap", figure.Percent,
				"target − actual quota attainment", "targetAttainment - actualAttainment"),
			formula(annualKey, "Yearly gross margin lost to the skills gap", figure.Money,
				"attainment gap × sales reps × yearly quota per rep × gross margin",
				"attainmentGap * reps * annualQuota * grossMargin"),
		},
		Parts: []Part{part("Margin lost to the skills gap", Margin, "annual")},
	},
	{
		Category: UnclearRoles, Name: "Cost of unclear roles and friction",
		Inputs: []string{"peopleAffected", "hoursLostPerWeek", "salary", "workingWeeks", "loadedHourlyCost",
			"reps", "annualQuota", "grossMargin", "sellingHoursPerWeek", "sellingHoursLostPerWeek"},
		Formulas: []Formula{
			formula("timeCost", "Cost of time lost to friction", figure.Money,
				"hours lost per person per week × working weeks × loaded cost per hour × people affected",
				"hoursLostPerWeek * workingWeeks * loadedHourlyCost * peopleAffected"),
			formula("marginPerSellingHour", "Gross margin per selling hour", figure.Money,
				"yearly quota per rep × gross margin ÷ (selling hours per week × working weeks)",
				"annualQuota * grossMargin / (sellingHoursPerWeek * workingWeeks)"),
			formula("sellingCost", "Gross margin lost with selling time", figure.Money,
				"selling hours lost per rep per week × working weeks × sales reps × gross margin per selling hour",
				"sellingHoursLostPerWeek * workingWeeks * reps * marginPerSellingHour"),
			formula(annualKey, "Yearly cost of unclear roles and friction", figure.Money,
				"cost of time lost + gross margin lost with selling time", "timeCost + sellingCost"),
		},
		Parts: []Part{
			part("Time lost to friction", Productivity, "timeCost"),
			part("Margin lost with selling time", Margin, "sellingCost"),
		},
	},
	{
		Category: OtherPain, Name: "Cost of the problem",
		Inputs: []string{"annualCost"},
		Formulas: []Formula{
			formula(annualKey, "Yearly cost of the problem", figure.Money, "as estimated", "annualCost"),
		},
		Parts: []Part{part("The problem", Avoidance, "annualCost")},
	},
})

// formula declares a calculator's formula; compileCalculators compiles its
// expression.
func formula(key, label string, unit figure.Unit, words, src string) Formula {
	return Formula{Key: key, Label: label, Words: words, Unit: unit, source: src}
}

// inputIndex maps an input's key to its place in inputs.
var inputIndex = indexOf(inputs)

func indexOf(ins []*Input) map[string]int {
	index := make(map[string]int, len(ins))
	for i, in := range ins {
		index[in.Key] = i
	}
	return index
}

// compileDefaults parses the inputs' rule-of-thumb defaults, each of which
// may read only the inputs listed before it, and returns the inputs.
func compileDefaults(ins []*Input) []*Input {
	index := indexOf(ins)
	for i, in := range ins {
		if in.Default == "" {
			continue
		}
		e, err := expr.Parse(in.Default, func(name string) (int, bool) {
			j, ok := index[name]
			return j, ok && j < i
		})
		if err != nil {
			panic("casebuilder: default of " + in.Key + ": " + err.Error())
		}
		in.def = e
	}
	for _, in := range ins {
		if in.Floor == "" {
			continue
		}
		e, err := expr.Parse(in.Floor, func(name string) (int, bool) {
			j, ok := index[name]
			return j, ok
		})
		if err != nil {
			panic("casebuilder: floor of " + in.Key + ": " + err.Error())
		}
		in.floor = e
	}
	return ins
}

// compileCalculators compiles every calculator's steps and returns them.
func compileCalculators(ks []*Calculator) []*Calculator {
	for _, k := range ks {
		k.compile()
	}
	return ks
}

// compile parses the calculator's steps, which may read any input and any
// earlier step, and checks that it lists every input it reads.
func (k *Calculator) compile() {
	k.env = len(inputs) + len(k.Formulas)
	for _, key := range k.Inputs {
		i, ok := inputIndex[key]
		if !ok {
			panic("casebuilder: calculator " + string(k.Category) + " lists unknown input " + key)
		}
		in := inputs[i]
		for _, dep := range in.def.Names() {
			if !slices.Contains(k.Inputs, dep) {
				panic("casebuilder: calculator " + string(k.Category) + " lacks " + dep + ", read by the default of " + key)
			}
		}
	}
	for i := range k.Formulas {
		s := &k.Formulas[i]
		e, err := expr.Parse(s.source, func(name string) (int, bool) {
			if j, ok := inputIndex[name]; ok {
				return j, slices.Contains(k.Inputs, name)
			}
			for j := range i {
				if k.Formulas[j].Key == name {
					return len(inputs) + j, true
				}
			}
			return 0, false
		})
		if err != nil {
			panic(fmt.Sprintf("casebuilder: calculator %s, step %s: %v", k.Category, s.Key, err))
		}
		s.Expr = e
		for _, name := range e.Names() {
			if j, ok := inputIndex[name]; ok && !slices.Contains(k.reads, j) {
				k.reads = append(k.reads, j)
			}
		}
	}
	for i := range k.Parts {
		p := &k.Parts[i]
		e, err := expr.Parse(p.source, func(name string) (int, bool) {
			if j, ok := inputIndex[name]; ok {
				return j, slices.Contains(k.Inputs, name)
			}
			for j := range k.Formulas {
				if k.Formulas[j].Key == name {
					return len(inputs) + j, true
				}
			}
			return 0, false
		})
		if err != nil {
			panic(fmt.Sprintf("casebuilder: calculator %s, part %s: %v", k.Category, p.Label, err))
		}
		p.Expr = e
	}
	if len(k.Parts) == 0 {
		panic("casebuilder: calculator " + string(k.Category) + " has no parts")
	}
	if k.Formulas[len(k.Formulas)-1].Key != annualKey {
		panic("casebuilder: calculator " + string(k.Category) + " does not end with the yearly cost")
	}
}

// Inputs returns a copy of every calculator input, in the order they are
// defined.
func Inputs() []Input {
	out := make([]Input, len(inputs))
	for i, in := range inputs {
		out[i] = *in
	}
	return out
}

// LookupInput returns a copy of the input with that key, or nil.
func LookupInput(key string) *Input {
	if in := lookupInput(key); in != nil {
		cp := *in
		return &cp
	}
	return nil
}

// lookupInput returns the input with that key in the package's table, or
// nil: for reading only.
func lookupInput(key string) *Input {
	if i, ok := inputIndex[key]; ok {
		return inputs[i]
	}
	return nil
}

// Calculators returns a copy of the cost-of-pain calculators, one per
// category.
func Calculators() []Calculator {
	out := make([]Calculator, len(calculators))
	for i, k := range calculators {
		out[i] = k.copy()
	}
	return out
}

// CalculatorFor returns a copy of the calculator of a category, or nil.
func CalculatorFor(c PainCategory) *Calculator {
	if k := calculatorFor(c); k != nil {
		cp := k.copy()
		return &cp
	}
	return nil
}

// calculatorFor returns the calculator of a category in the package's
// table, or nil: for reading only.
func calculatorFor(c PainCategory) *Calculator {
	for _, k := range calculators {
		if k.Category == c {
			return k
		}
	}
	return nil
}

// copy returns a copy of the calculator that shares nothing a caller could
// change with it.
func (k *Calculator) copy() Calculator {
	cp := *k
	cp.Inputs = slices.Clone(k.Inputs)
	cp.Formulas = slices.Clone(k.Formulas)
	cp.Parts = slices.Clone(k.Parts)
	cp.reads = slices.Clone(k.reads)
	return cp
}

// WorkingKind says where a line of the working comes from.
type WorkingKind string

// The kinds of line of the working.
const (
	WorkingInput      WorkingKind = "input"      // entered by the user
	WorkingDefault    WorkingKind = "default"    // a labelled rule of thumb
	WorkingMissing    WorkingKind = "missing"    // needed and not entered
	WorkingCalculated WorkingKind = "calculated" // computed from the lines above
)

// WorkingLine is one line of a calculator's working: an input or a computed value.
type WorkingLine struct {
	Key   string      `json:"key"`
	Label string      `json:"label"`
	Kind  WorkingKind `json:"kind"`
	// Formula is the formula in words for a calculated line, and the rule
	// of thumb for a default.
	Formula string      `json:"formula"`
	Value   float64     `json:"value"`
	Unit    figure.Unit `json:"unit"`
	// ByYear is the value in each year of the horizon, when the working
	// differs from year to year (an input given year by year); nil when
	// every year is the same.
	ByYear []float64 `json:"byYear,omitempty"`
}

// PartResult is one part of the yearly cost of pain.
type PartResult struct {
	Label  string    `json:"label"`
	Money  MoneyKind `json:"money"`
	Annual float64   `json:"annual"`
	// ByYear is the part in each year of the horizon.
	ByYear []float64 `json:"byYear"`
}

// PainResult is the yearly cost of the pain with its working.
type PainResult struct {
	Category   PainCategory `json:"category"`
	Calculator string       `json:"calculator"`
	// Annual is the yearly cost of the pain (zero while inputs are missing):
	// the first year's, when an input is given year by year.
	Annual float64 `json:"annual"`
	// AnnualByYear is the yearly cost in each year of the horizon, year 1
	// first (a partial last year counts as a year).
	AnnualByYear []float64 `json:"annualByYear"`
	// Parts split the yearly cost by what it is made of and its kind of
	// money (for turnover: separation and recruiting are cash, vacancies
	// and ramp-up margin); they add up to Annual, year by year.
	Parts []PartResult `json:"parts"`
	// Working is the inputs used, then every calculated line, in order.
	Working []WorkingLine `json:"steps"`
	// Missing are the keys of inputs the calculator needs and lacks.
	Missing []string `json:"missing,omitempty"`
}

// Complete reports whether every input the calculator needs is there.
func (p *PainResult) Complete() bool { return len(p.Missing) == 0 }
