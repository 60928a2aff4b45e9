package casebuilder

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/jsontree"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Limits on a case. Beyond them a file is refused with a message naming
// the limit, so that a broken or hostile file cannot exhaust the machine.
const (
	// MaxFileSize is the largest case file read, in bytes.
	MaxFileSize = 16 << 20
	// MaxHorizonMonths is the longest horizon: 30 years.
	MaxHorizonMonths = 360
	// MaxAmount bounds every amount of money, in the case's currency.
	MaxAmount = 1e12
	// MaxHeads bounds the head count of a per-head cost.
	MaxHeads = 1e6
	// MaxText bounds every text, in characters (Unicode code points, so
	// that a text in Chinese or Thai is not held to a third of an English
	// one's length, as a count of bytes held it; a Thai vowel or tone mark
	// counts as a character of its own).
	MaxText = 20000
	// MaxItems bounds every list that has no limit of its own (evidence,
	// stakeholders, measures, ...). Alternatives (50), cost and benefit
	// lines (200 each), criteria (20), risks and milestones (2,000 each)
	// have their own.
	MaxItems = 500
	// MaxDepth bounds the nesting of a case file.
	MaxDepth = 32
	// MaxValues bounds the number of JSON values in a case file, and
	// MaxContainer the entries of one list or object, so that reading a
	// hostile file cannot take much memory before the limits above apply.
	// The largest case the limits above allow has about 400,000 values.
	MaxValues    = 1_000_000
	MaxContainer = 5_000
)

// Problem is one thing wrong with a case: where, and what.
type Problem struct {
	// Path locates the value, as in alternatives[2].costs[0].amount.
	Path    string `json:"path"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Problems is every problem found in a case. As an error it reads as one
// line: the first problem and how many more there are.
type Problems []Problem

func (ps Problems) Error() string {
	switch len(ps) {
	case 0:
		return "no problem"
	case 1:
		return ps[0].String()
	case 2:
		return ps[0].String() + " (and 1 more problem)"
	}
	return fmt.Sprintf("%s (and %d more problems)", ps[0], len(ps)-1)
}

// Validate returns every problem that makes the case's data invalid:
// values out of range, references to nothing, estimates out of order. An
// incomplete draft is valid; what a CEO would object to is the review's
// business (see [Review]). The figures its messages quote are written in
// English, as the review and the brief write them.
func Validate(c *Case) Problems { return ValidateIn(c, language.English) }

// ValidateIn is [Validate] with the figures its messages quote written as
// lang writes numbers, in the case's currency: the app shows a problem
// beside the box it is about, and a German reader who typed "1.100 €"
// would take "€1,100" for one euro ten.
func ValidateIn(c *Case, lang language.Tag) Problems {
	v := &validator{c: c, f: figure.NewFormat(c.Currency, lang)}
	v.run()
	return v.ps
}

type validator struct {
	c  *Case
	f  *figure.Format // the figures quoted in messages: see show
	ps Problems
}

// show writes a figure quoted in a message in its unit, in the case's
// currency, in the validator's language: "€1,575,000", "25.0%", "12.0
// months" in English.
func (v *validator) show(x float64, u figure.Unit) string {
	switch {
	case !finite(x):
		return "no number"
	case math.Abs(x) >= 1e15:
		// Past any figure the case can hold, digit by digit it would be
		// unreadable.
		if x < 0 {
			return "less than " + v.f.Value(-1e15, u)
		}
		return "more than " + v.f.Value(1e15, u)
	}
	return v.f.Value(x, u)
}

// got writes a figure refused for being outside [lo, hi] as show does,
// with as many more decimals as it takes not to read as a bound or as
// within them: 100.04 % is "100.04%", not "100.0%", and -€0.004 is
// "-€0.004", not "€0".
func (v *validator) got(x float64, u figure.Unit, lo, hi float64) string {
	s := v.show(x, u)
	if !finite(x) || math.Abs(x) >= 1e15 || x >= lo && x <= hi {
		return s
	}
	bound := hi
	if x < lo {
		bound = lo
	}
	scale := 1.0
	if u == figure.Percent {
		scale = 100
	}
	if s != v.show(bound, u) && (x < 0) == strings.HasPrefix(s, "-") {
		return s
	}
	for d := 1; d <= 9; d++ {
		p := math.Pow(10, float64(d))
		if math.Round(x*scale*p) != math.Round(bound*scale*p) {
			return v.f.Exact(x, u, d)
		}
	}
	return s
}

func (v *validator) add(path, format string, args ...any) {
	v.ps = append(v.ps, Problem{path, fmt.Sprintf(format, args...)})
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

func (v *validator) run() {
	c := v.c
	if _, err := currency.ParseISO(c.Currency); err != nil || len(c.Currency) != 3 || strings.ToUpper(c.Currency) != c.Currency {
		v.add("currency", "must be an ISO 4217 code such as EUR or USD (got %q)", c.Currency)
	}
	if !finite(c.DiscountRate) || c.DiscountRate < 0 || c.DiscountRate > 1 {
		v.add("discountRate", "must be a yearly rate from %s to %s, e.g. %s (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.f.WholePercent(0.08), v.got(c.DiscountRate, figure.Percent, 0, 1))
	}
	if c.HorizonMonths < 1 || c.HorizonMonths > MaxHorizonMonths {
		v.add("horizonMonths", "must be between 1 and %d months (got %d)", MaxHorizonMonths, c.HorizonMonths)
	}
	if c.FiscalYearStart < 0 || c.FiscalYearStart > 12 {
		v.add("fiscalYearStart", "must be the month the fiscal year starts in, 1 (January) to 12 (December) (got %d)", c.FiscalYearStart)
	}
	if c.Paper != "" && c.Paper != PaperA4 && c.Paper != PaperLetter {
		v.add("paper", "must be %q or %q, or left out to follow the reader's locale (got %q)", PaperA4, PaperLetter, c.Paper)
	}
	v.context()
	v.pain()
	v.alternatives()
	v.criteria()
	if id := c.Recommendation.Alternative; id != "" && c.AlternativeByID(id) < 0 {
		v.add("recommendation.alternative", "no alternative has the ID %q", id)
	}
	switch c.Reserve.Basis {
	case "", ReserveExpected, ReserveNone, ReservePercentile:
	default:
		v.add("reserve.basis", "must be %q, %q or %q (got %q)", ReserveExpected, ReservePercentile, ReserveNone, c.Reserve.Basis)
	}
	if p := c.Reserve.Percentile; p != 0 {
		switch {
		case c.Reserve.Basis != ReservePercentile:
			v.add("reserve.percentile", "is used only with basis %q", ReservePercentile)
		case !finite(p) || p <= 0 || p >= 1:
			v.add("reserve.percentile", "must be a fraction above %s and below %s, e.g. %s for the P80 (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.f.WholePercent(0.8), v.got(p, figure.Percent, 0, 1))
		}
	}
	v.risks()
	v.plan()
	v.measures()
	v.tracking()
	v.texts(reflect.ValueOf(c).Elem(), make([]pathSegment, 0, 8))
}

// texts refuses control characters in every text of the case: each string
// field, list item and map key, found by reflection so that a field added
// later is covered too. An escape sequence in a title would otherwise
// reach a terminal through summary, and the brief and the workbook. Tab and
// line ends (\n, and \r\n as Windows writes them) are text.
//
// The path is kept as segments and written out only for a problem: the
// walk visits every value of a case on every edit.
func (v *validator) texts(val reflect.Value, at []pathSegment) {
	if !holdsText(val.Type()) {
		return
	}
	switch val.Kind() {
	case reflect.String:
		if r, n, ok := controlCharacter(val.String()); ok {
			v.add(segmentsPath(at), "holds a control character (U+%04X) at character %d; remove it", r, n)
		}
	case reflect.Struct:
		for _, f := range jsonFields(val.Type()) {
			v.texts(val.Field(f.index), append(at, pathSegment{name: f.name, index: -1}))
		}
	case reflect.Slice:
		for i := range val.Len() {
			v.texts(val.Index(i), append(at, pathSegment{index: i}))
		}
	case reflect.Pointer:
		if !val.IsNil() {
			v.texts(val.Elem(), at)
		}
	case reflect.Map:
		keys := val.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			if r, _, ok := controlCharacter(k.String()); ok {
				v.add(segmentsPath(at), "has a key holding a control character (U+%04X); remove it", r)
				continue
			}
			v.texts(val.MapIndex(k), append(at, pathSegment{name: k.String(), index: -1}))
		}
	}
}

// pathSegment is a key (index −1) or a list index of a path.
type pathSegment struct {
	name  string
	index int
}

func segmentsPath(at []pathSegment) string {
	path := ""
	for _, s := range at {
		if s.index >= 0 {
			path += "[" + strconv.Itoa(s.index) + "]"
		} else {
			path = jsontree.JoinPath(path, s.name)
		}
	}
	return path
}

// holdsTextCache remembers which of the case's types hold text.
var holdsTextCache sync.Map // reflect.Type → bool

// holdsText reports whether a value of type t can hold a string, so that
// the walk of texts skips numbers, dates and estimates.
func holdsText(t reflect.Type) bool {
	if h, ok := holdsTextCache.Load(t); ok {
		return h.(bool)
	}
	// A type that holds itself is counted as holding text while it is
	// being looked at, which ends the recursion.
	holdsTextCache.Store(t, true)
	h := false
	switch t.Kind() {
	case reflect.String, reflect.Map:
		h = true
	case reflect.Slice, reflect.Array, reflect.Pointer:
		h = holdsText(t.Elem())
	case reflect.Struct:
		for _, f := range jsonFields(t) {
			if holdsText(t.Field(f.index).Type) {
				h = true
				break
			}
		}
	}
	holdsTextCache.Store(t, h)
	return h
}

// jsonField is a field of a struct that a case file holds, by its name
// there.
type jsonField struct {
	index int
	name  string
}

// jsonFieldCache holds the jsonFields of the case's types.
var jsonFieldCache sync.Map // reflect.Type → []jsonField

// jsonFields returns the fields of a struct that a case file holds, as
// Decode reads them (see fieldsOf), in the struct's order.
func jsonFields(t reflect.Type) []jsonField {
	if fs, ok := jsonFieldCache.Load(t); ok {
		return fs.([]jsonField)
	}
	var fs []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		fs = append(fs, jsonField{i, name})
	}
	jsonFieldCache.Store(t, fs)
	return fs
}

// controlCharacter returns the first control character of s other than a
// tab or a line end, and its position in characters from 1.
func controlCharacter(s string) (r rune, at int, found bool) {
	for i, c := range s {
		at++
		if !unicode.IsControl(c) || c == '\n' || c == '\t' || c == '\r' && strings.HasPrefix(s[i+1:], "\n") {
			continue
		}
		return c, at, true
	}
	return 0, 0, false
}

func (v *validator) context() {
	ids := v.uniqueIDs("context.objectives", len(v.c.Context.Objectives), func(i int) string {
		return v.c.Context.Objectives[i].ID
	}, false)
	if id := v.c.Context.ServesObjective; id != "" && !ids[id] {
		v.add("context.servesObjective", "no objective has the ID %q", id)
	}
}

func (v *validator) pain() {
	p := &v.c.Pain
	if p.Category != "" && calculatorFor(p.Category) == nil {
		v.add("pain.category", "must be one of %s (got %q)", categoryList(), p.Category)
	}
	for _, key := range slices.Sorted(maps.Keys(p.Inputs)) {
		path := jsontree.JoinPath("pain.inputs", key)
		in := lookupInput(key)
		if in == nil {
			v.add(path, "is not an input of any calculator")
			continue
		}
		// Years past the horizon are left out of the figures: shortening
		// the horizon does not make the case invalid.
		val := p.Inputs[key]
		if !val.Yearly() {
			v.rangeWithin(path, val.Range, in.Min, in.Max, in.Unit, anyOrder)
			continue
		}
		for y, r := range val.Years {
			v.rangeWithin(fmt.Sprintf("%s[%d]", path, y), r, in.Min, in.Max, in.Unit, anyOrder)
		}
	}
	v.components()
	// The one calculator with a difference in it: attainment above the
	// target is no gap, and its cost would come out below zero, turning
	// every benefit tied to the pain into a loss.
	actual, hasActual := p.Inputs["actualAttainment"]
	target, hasTarget := p.Inputs["targetAttainment"]
	if p.Category == SkillsGap && hasActual && hasTarget && actual.Likely > target.Likely {
		v.add("pain.inputs.actualAttainment", "must not be above the target attainment, or there is no skills gap to cost (got %s, target %s)",
			v.show(actual.Likely, figure.Percent), v.show(target.Likely, figure.Percent))
	}
}

// components checks the pain's components: each an ID that no calculator
// uses for an input or a step, a name, what it counts and how often, a
// quantity and a cost of each that can be money.
func (v *validator) components() {
	comps := v.c.Pain.Components
	v.uniqueIDs("pain.components", len(comps), func(i int) string { return comps[i].ID }, true)
	for i := range comps {
		k := &comps[i]
		path := componentPath(i)
		switch {
		case strings.Contains(k.ID, "."):
			v.add(path+".id", "must not contain '.': the cost of each is tied to by the ID and %q (got %q)", rateSuffix, k.ID)
		case k.ID == totalKey || k.ID == annualKey || lookupInput(k.ID) != nil || isFormulaKey(k.ID):
			v.add(path+".id", "%q is the key of a line of the calculators: choose another", k.ID)
		}
		if strings.TrimSpace(k.Name) == "" {
			v.add(path+".name", "must not be empty: it names the component in the working, e.g. \"Rework of faulty orders\"")
		}
		if strings.TrimSpace(k.Counts) == "" {
			v.add(path+".counts", "must say what the quantity counts, in the plural, e.g. \"orders reworked\"")
		}
		if !slices.Contains(Periods, k.Per) {
			v.add(path+".per", "must be %q or %q (got %q)", PerMonth, PerYear, k.Per)
		}
		v.rangeWithin(path+".quantity", k.Quantity, 0, MaxAmount, figure.Count, rising)
		v.rangeWithin(path+".rate", k.Rate, 0, MaxAmount, figure.Money, rising)
		if k.Money != "" && !slices.Contains(BenefitKinds, k.Money) {
			v.add(path+".money", "must be %q, %q, %q or %q (got %q)", Cash, Margin, Avoidance, Productivity, k.Money)
		}
	}
}

// isFormulaKey reports whether key is the key of a step of a calculator.
func isFormulaKey(key string) bool {
	for _, k := range calculators {
		for _, f := range k.Formulas {
			if f.Key == key {
				return true
			}
		}
	}
	return false
}

func (v *validator) alternatives() {
	c := v.c
	v.uniqueIDs("alternatives", len(c.Alternatives), func(i int) string { return c.Alternatives[i].ID }, true)
	baselines := 0
	var res *Result // calculated once, only if a painInput line needs it
	for ai := range c.Alternatives {
		a := &c.Alternatives[ai]
		path := fmt.Sprintf("alternatives[%d]", ai)
		if strings.TrimSpace(a.Name) == "" {
			v.add(path+".name", "must not be empty")
		}
		if a.DoNothing {
			baselines++
			if baselines == 2 {
				v.add(path+".doNothing", "only one alternative can be the do-nothing baseline")
			}
			if len(a.Costs) > 0 || len(a.Benefits) > 0 {
				v.add(path, "the do-nothing baseline has no cost or benefit lines: every other alternative is measured against it, so its own figures are zero")
			}
		}
		for li := range a.Costs {
			v.cost(fmt.Sprintf("%s.costs[%d]", path, li), &a.Costs[li])
		}
		for li := range a.Benefits {
			b := &a.Benefits[li]
			bp := fmt.Sprintf("%s.benefits[%d]", path, li)
			if v.benefit(bp, b) && b.Basis == BenefitPainInput {
				if res == nil {
					res = Calculate(c)
				}
				v.benefitOrder(bp, li, b, res.Alternatives[ai].Lines)
			}
		}
		for _, j := range []struct {
			name  string
			score int
		}{{"company", a.Impact.Company.Score}, {"people", a.Impact.People.Score}, {"mission", a.Impact.Mission.Score}} {
			if j.score < 0 || j.score > 5 {
				v.add(path+".impact."+j.name+".score", "must be from 1 to 5, or 0 when not yet judged (got %d)", j.score)
			}
		}
		for _, id := range slices.Sorted(maps.Keys(a.Scores)) {
			sp := jsontree.JoinPath(path+".scores", id)
			if !v.hasCriterion(id) {
				v.add(sp, "no criterion has the ID %q", id)
			}
			if s := a.Scores[id].Score; s < 0 || s > 5 {
				v.add(sp+".score", "must be from 1 to 5, or 0 when not yet scored (got %d)", s)
			}
		}
	}
}

func (v *validator) cost(path string, k *Cost) {
	switch k.Kind {
	case OneTime, Monthly, Yearly:
	default:
		v.add(path+".kind", "must be %q, %q or %q (got %q)", OneTime, Monthly, Yearly, k.Kind)
	}
	v.rangeWithin(path+".amount", k.Amount, 0, MaxAmount, figure.Money, rising)
	switch {
	case !k.PerHead && k.Heads != 0:
		v.add(path+".heads", "applies only to a per-head cost: set perHead, or leave heads out")
	case !k.PerHead && k.HeadsFrom != "":
		v.add(path+".headsFrom", "applies only to a per-head cost: set perHead, or leave headsFrom out")
	case k.HeadsFrom != "" && k.Heads != 0:
		v.add(path+".heads", "the heads follow %q (headsFrom): leave heads out", k.HeadsFrom)
	case k.HeadsFrom != "":
		v.headsFrom(path+".headsFrom", k.HeadsFrom)
	case k.PerHead && (!finite(k.Heads) || k.Heads < 0 || k.Heads > MaxHeads):
		v.add(path+".heads", "must be between 0 and %s (got %s)", v.show(MaxHeads, figure.Count), v.got(k.Heads, figure.Count, 0, MaxHeads))
	}
	v.timing(path, k.StartMonth, k.EndMonth, k.StartAt, k.EndAt)
	if k.Kind == OneTime && k.EndMonth != nil {
		v.add(path+".endMonth", "a one-time cost has no end month")
	}
	if k.Kind == OneTime && k.EndAt != nil {
		v.add(path+".endAt", "a one-time cost has no end")
	}
	if k.Money != "" && !slices.Contains(CostKinds, k.Money) {
		v.add(path+".money", "must be %q (new cash) or %q (the time of people already paid) (got %q)", Cash, PeopleTime, k.Money)
	}
}

// headsFrom checks what a per-head cost takes its heads from: an input the
// case gives, or a formula of its calculator.
func (v *validator) headsFrom(path, key string) {
	if _, given := v.c.Pain.Inputs[key]; given && lookupInput(key) != nil {
		return
	}
	var names []string
	if k := calculatorFor(v.c.Pain.Category); k != nil {
		for _, f := range k.Formulas {
			if f.Key == key && f.Unit == figure.Count {
				return
			}
			if f.Unit == figure.Count {
				names = append(names, f.Key)
			}
		}
	}
	for _, in := range slices.Sorted(maps.Keys(v.c.Pain.Inputs)) {
		if i := lookupInput(in); i != nil && i.Unit == figure.Count {
			names = append(names, in)
		}
	}
	if len(names) == 0 {
		v.add(path, "must name a count the pain gives, such as new hires a year (got %q); the pain gives none", key)
		return
	}
	v.add(path, "must name a count the pain gives: %s (got %q)", strings.Join(names, ", "), key)
}

// timing checks a line's months, fixed or anchored to milestones.
func (v *validator) timing(path string, start int, end *int, startAt, endAt *Anchor) {
	if startAt == nil {
		v.months(path, start, end)
	} else {
		v.anchor(path+".startAt", startAt)
		if end != nil && endAt == nil {
			last := v.c.HorizonMonths - 1
			if *end < 0 || *end > max(last, MaxHorizonMonths-1) {
				v.add(path+".endMonth", "must be within the horizon, %s to %s (got %s)", v.month(0), v.month(max(last, 0)), v.month(*end))
			}
		}
	}
	if endAt != nil {
		v.anchor(path+".endAt", endAt)
		if end != nil {
			v.add(path+".endMonth", "the line ends at a milestone (endAt): leave endMonth out")
		}
	}
}

// anchor checks that an anchor names a dated milestone of the plan.
func (v *validator) anchor(path string, a *Anchor) {
	switch a.At {
	case AtStart, AtEnd:
	default:
		v.add(path+".at", "must be %q or %q (got %q)", AtStart, AtEnd, a.At)
		return
	}
	if a.OffsetMonths < -MaxHorizonMonths || a.OffsetMonths > MaxHorizonMonths {
		v.add(path+".offsetMonths", "must be between %d and %d (got %d)", -MaxHorizonMonths, MaxHorizonMonths, a.OffsetMonths)
	}
	i := slices.IndexFunc(v.c.Plan.Milestones, func(m Milestone) bool { return m.ID == a.Milestone })
	switch {
	case i < 0:
		v.add(path+".milestone", "no milestone of the plan has the ID %q", a.Milestone)
	case v.c.StartDate.IsZero():
		v.add(path, "a line anchored to a milestone needs the case's start date, to place the milestone's dates on its months")
	case a.At == AtStart && v.c.Plan.Milestones[i].Start.IsZero():
		v.add(path+".milestone", "milestone %q has no start date to anchor to", a.Milestone)
	case a.At == AtEnd && v.c.Plan.Milestones[i].End.IsZero():
		v.add(path+".milestone", "milestone %q has no end date to anchor to", a.Milestone)
	}
}

// benefit checks a benefit line and reports whether its figures can be
// calculated.
func (v *validator) benefit(path string, b *Benefit) bool {
	n := len(v.ps)
	unused := func(field string, set bool) {
		if set {
			v.add(path+"."+field, "is not used with basis %q", b.Basis)
		}
	}
	unusedMoney := func(k MoneyKind) {
		if k != "" {
			v.add(path+".money", "is not used with basis %q: a benefit tied to the pain takes its kinds of money from the parts of the cost it avoids", b.Basis)
		}
	}
	if b.Money != "" && !slices.Contains(BenefitKinds, b.Money) {
		v.add(path+".money", "must be %q, %q, %q or %q (got %q)", Cash, Margin, Avoidance, Productivity, b.Money)
	}
	switch b.Basis {
	case BenefitAmount:
		v.rangeWithin(path+".annual", b.Annual, 0, MaxAmount, figure.Money, outcome)
		unused("input", b.Input != "")
		unused("to", !b.To.IsZero())
		unused("share", !b.Share.IsZero())
	case BenefitPainShare:
		v.rangeWithin(path+".share", b.Share, 0, 1, figure.Percent, outcome)
		unusedMoney(b.Money)
		unused("annual", !b.Annual.IsZero())
		unused("input", b.Input != "")
		unused("to", !b.To.IsZero())
	case BenefitPainInput:
		unused("annual", !b.Annual.IsZero())
		unused("share", !b.Share.IsZero())
		unusedMoney(b.Money)
		if _, ok := v.c.Pain.ComponentOf(b.Input); ok {
			v.rangeWithin(path+".to", b.To, 0, MaxAmount, v.c.Pain.InputUnit(b.Input), anyOrder)
			break
		}
		in := lookupInput(b.Input)
		switch k := calculatorFor(v.c.Pain.Category); {
		case in == nil:
			v.add(path+".input", "must be an input of the pain calculator or a component of the pain (got %q)", b.Input)
		case k != nil && !slices.Contains(k.Inputs, b.Input):
			v.add(path+".input", "the %s calculator does not read %q; it reads %s", k.Category, b.Input, strings.Join(k.Inputs, ", "))
		default:
			// The order of To is checked on the benefit it gives, not here.
			for _, x := range []float64{b.To.Low, b.To.Likely, b.To.High} {
				if !finite(x) || x < in.Min || x > in.Max {
					v.add(path+".to", "must be between %s and %s (got %s)", v.show(in.Min, in.Unit), v.show(in.Max, in.Unit), v.show(x, in.Unit))
					break
				}
			}
		}
	default:
		v.add(path+".basis", "must be %q, %q or %q (got %q)", BenefitAmount, BenefitPainInput, BenefitPainShare, b.Basis)
	}
	v.timing(path, b.StartMonth, b.EndMonth, b.StartAt, b.EndAt)
	if b.RampMonths < 0 || b.RampMonths > MaxHorizonMonths {
		v.add(path+".rampMonths", "must be between 0 and %d (got %d)", MaxHorizonMonths, b.RampMonths)
	}
	return len(v.ps) == n
}

// benefitOrder checks that a painInput line's low, likely and high values
// give rising benefits; lines are the alternative's calculated lines.
func (v *validator) benefitOrder(path string, li int, b *Benefit, lines []LineResult) {
	for _, l := range lines {
		if l.Kind != BenefitLine || l.Index != li {
			continue
		}
		if l.Value.Low <= l.Value.Likely && l.Value.Likely <= l.Value.High {
			return
		}
		u := v.c.Pain.InputUnit(b.Input)
		if l.Value.Low > l.Value.Likely {
			v.add(path+".to", "the %s (%s) does more good than the likely value (%s): it avoids %s a year against %s; change the %s",
				WorstCase, v.show(b.To.Low, u), v.show(b.To.Likely, u), v.show(l.Value.Low, figure.Money), v.show(l.Value.Likely, figure.Money), WorstCase)
		} else {
			v.add(path+".to", "the %s (%s) does less good than the likely value (%s): it avoids %s a year against %s; change the %s",
				BestCase, v.show(b.To.High, u), v.show(b.To.Likely, u), v.show(l.Value.High, figure.Money), v.show(l.Value.Likely, figure.Money), BestCase)
		}
		return
	}
}

func (v *validator) criteria() {
	v.uniqueIDs("criteria", len(v.c.Criteria), func(i int) string { return v.c.Criteria[i].ID }, true)
	for i, k := range v.c.Criteria {
		if !finite(k.Weight) || k.Weight < 0 || k.Weight > 1 {
			v.add(fmt.Sprintf("criteria[%d].weight", i), "must be from %s to %s (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.got(k.Weight, figure.Percent, 0, 1))
		}
		switch k.Auto {
		case ScoreByHand, ScoreFromNPV, ScoreFromROI:
		default:
			v.add(fmt.Sprintf("criteria[%d].auto", i), "must be %q or %q, or left out to score by hand (got %q)", ScoreFromNPV, ScoreFromROI, k.Auto)
		}
	}
}

func (v *validator) hasCriterion(id string) bool {
	return slices.ContainsFunc(v.c.Criteria, func(k Criterion) bool { return k.ID == id })
}

func (v *validator) risks() {
	c := v.c
	v.uniqueIDs("risks", len(c.Risks), func(i int) string { return c.Risks[i].ID }, false)
	for i := range c.Risks {
		r := &c.Risks[i]
		path := fmt.Sprintf("risks[%d]", i)
		if !finite(r.Likelihood) || r.Likelihood < 0 || r.Likelihood > 1 {
			v.add(path+".likelihood", "must be a probability from %s to %s, e.g. %s (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.f.WholePercent(0.3), v.got(r.Likelihood, figure.Percent, 0, 1))
		}
		v.amount(path+".impactCost", r.ImpactCost)
		v.amount(path+".contingencyCost", r.ContingencyCost)
		v.amount(path+".residualImpact", r.ResidualImpact)
		if r.ImpactScore < 0 || r.ImpactScore > 5 {
			v.add(path+".impactScore", "must be from 1 to 5, or 0 when not yet rated (got %d)", r.ImpactScore)
		}
		seen := map[string]bool{}
		for j, id := range r.Alternatives {
			ap := fmt.Sprintf("%s.alternatives[%d]", path, j)
			switch {
			case c.AlternativeByID(id) < 0:
				v.add(ap, "no alternative has the ID %q", id)
			case seen[id]:
				v.add(ap, "lists %q twice", id)
			}
			seen[id] = true
		}
	}
}

func (v *validator) plan() {
	ms := v.c.Plan.Milestones
	ids := v.uniqueIDs("plan.milestones", len(ms), func(i int) string { return ms[i].ID }, false)
	for i := range ms {
		m := &ms[i]
		path := fmt.Sprintf("plan.milestones[%d]", i)
		if !m.Start.IsZero() && !m.End.IsZero() && m.End.Before(m.Start) {
			v.add(path+".end", "must not be before the start (%s is before %s)", m.End, m.Start)
		}
		for j, dep := range m.DependsOn {
			dp := fmt.Sprintf("%s.dependsOn[%d]", path, j)
			switch {
			case dep == m.ID:
				v.add(dp, "a milestone cannot depend on itself")
			case !ids[dep]:
				v.add(dp, "no milestone has the ID %q", dep)
			}
		}
	}
	if cycle := dependencyCycle(ms); cycle != nil {
		v.add("plan.milestones", "the dependencies go round in a circle: %s", strings.Join(cycle, " → "))
	}
	v.gates(ids)
}

// gates checks the plan's stage gates; milestones are the milestones' IDs.
func (v *validator) gates(milestones map[string]bool) {
	gs := v.c.Plan.Gates
	ids := v.uniqueIDs("plan.gates", len(gs), func(i int) string { return gs[i].ID }, true)
	measures := map[string]bool{}
	for _, m := range v.c.Measures {
		if m.ID != "" {
			measures[m.ID] = true
		}
	}
	var lines []string // the recommended alternative's lines, for Stops
	if ai := v.c.AlternativeByID(v.c.Recommendation.Alternative); ai >= 0 {
		for _, k := range v.c.Alternatives[ai].Costs {
			lines = append(lines, k.Name)
		}
		for _, b := range v.c.Alternatives[ai].Benefits {
			lines = append(lines, b.Name)
		}
	}
	for i := range gs {
		g := &gs[i]
		path := fmt.Sprintf("plan.gates[%d]", i)
		switch {
		case g.Milestone != "" && !g.Date.IsZero():
			v.add(path+".date", "the gate is at a milestone already: give a milestone or a date, not both")
		case g.Milestone != "" && !milestones[g.Milestone]:
			v.add(path+".milestone", "no milestone of the plan has the ID %q", g.Milestone)
		case g.Milestone != "":
			if j := slices.IndexFunc(v.c.Plan.Milestones, func(m Milestone) bool { return m.ID == g.Milestone }); v.c.Plan.Milestones[j].End.IsZero() {
				v.add(path+".milestone", "milestone %q has no end date: the gate is decided when it ends", g.Milestone)
			}
		}
		for j, t := range g.Thresholds {
			tp := fmt.Sprintf("%s.thresholds[%d]", path, j)
			if !measures[t.Measure] {
				v.add(tp+".measure", "no KPI has the ID %q", t.Measure)
			}
			if !slices.Contains(Comparisons, t.Comparison) {
				v.add(tp+".comparison", "must be one of <=, >=, < or > (got %q)", t.Comparison)
			}
			if !finite(t.Value) {
				v.add(tp+".value", "must be a number (got %s)", v.show(t.Value, figure.Number))
			}
		}
		for j, name := range g.Stops {
			if !slices.Contains(lines, name) {
				v.add(fmt.Sprintf("%s.stops[%d]", path, j), "no cost or benefit line of the recommended alternative is called %q", name)
			}
		}
		v.amount(path+".exitCost", g.ExitCost)
	}
	if id := v.c.Ask.UpToGate; id != "" && !ids[id] {
		v.add("ask.upToGate", "no gate of the plan has the ID %q", id)
	}
}

// dependencyCycle returns the IDs along a cycle of milestone dependencies,
// or nil.
func dependencyCycle(ms []Milestone) []string {
	deps := map[string][]string{}
	for _, m := range ms {
		if m.ID != "" {
			deps[m.ID] = m.DependsOn
		}
	}
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(id string) []string
	visit = func(id string) []string {
		switch state[id] {
		case active:
			for i, s := range stack {
				if s == id {
					return append(append([]string{}, stack[i:]...), id)
				}
			}
		case done:
			return nil
		}
		state[id] = active
		stack = append(stack, id)
		for _, d := range deps[id] {
			if d == id {
				continue // reported on its own
			}
			if _, ok := deps[d]; !ok {
				continue
			}
			if c := visit(d); c != nil {
				return c
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = done
		return nil
	}
	for _, m := range ms {
		if m.ID == "" {
			continue
		}
		if c := visit(m.ID); c != nil {
			return c
		}
	}
	return nil
}

func (v *validator) measures() {
	v.uniqueIDs("measures", len(v.c.Measures), func(i int) string { return v.c.Measures[i].ID }, false)
	for i, m := range v.c.Measures {
		path := fmt.Sprintf("measures[%d]", i)
		if !m.Unit.Valid() {
			v.add(path+".unit", "must be one of %s (got %q)", figure.UnitList(), m.Unit)
		}
		if !finite(m.Baseline) {
			v.add(path+".baseline", "must be a number (got %s)", v.show(m.Baseline, figure.Number))
		}
		if !finite(m.Target) {
			v.add(path+".target", "must be a number (got %s)", v.show(m.Target, figure.Number))
		}
		if m.Level < 0 || m.Level > 5 {
			v.add(path+".level", "must be a Kirkpatrick/Phillips level from 1 to 5, or 0 when none applies (got %d)", m.Level)
		}
		if _, isComponent := v.c.Pain.ComponentOf(m.PainInput); m.PainInput != "" && lookupInput(m.PainInput) == nil && !isComponent {
			v.add(path+".painInput", "is neither an input of any calculator nor a component of the pain (got %q)", m.PainInput)
		}
	}
}

// uniqueIDs checks that IDs are well formed and unique (and present, when
// required) and returns the set of them.
func (v *validator) uniqueIDs(path string, n int, id func(int) string, required bool) map[string]bool {
	seen := make(map[string]bool, n)
	for i := range n {
		s := id(i)
		p := fmt.Sprintf("%s[%d].id", path, i)
		switch {
		case s == "" && required:
			v.add(p, "must not be empty")
		case s == "":
		case !idPattern.MatchString(s):
			v.add(p, "must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit (got %q)", s)
		case seen[s]:
			v.add(p, "%q is used twice", s)
		}
		seen[s] = true
	}
	return seen
}

// months checks a line's start and end months against the horizon.
func (v *validator) months(path string, start int, end *int) {
	last := v.c.HorizonMonths - 1
	if v.c.HorizonMonths < 1 || v.c.HorizonMonths > MaxHorizonMonths {
		// The horizon is reported on its own: hold the line to the
		// longest one allowed, rather than report every line as outside
		// a horizon of "0 to 0".
		last = MaxHorizonMonths - 1
	}
	if start < 0 || start > last {
		v.add(path+".startMonth", "must be within the horizon, %s to %s (got %s)", v.month(0), v.month(max(last, 0)), v.month(start))
	}
	if end != nil && (*end < start || *end > last) {
		v.add(path+".endMonth", "must be between the start month (%s) and the end of the horizon (%s) (got %s)", v.month(start), v.month(max(last, 0)), v.month(*end))
	}
}

// month names period m of the case as the screen does: "January 2027",
// or "month 1" (counting from 1) when the case has no start date.
func (v *validator) month(m int) string {
	if v.c.StartDate.IsZero() {
		if m < 0 {
			return "before month 1"
		}
		return fmt.Sprintf("month %d", m+1)
	}
	return v.c.StartDate.AddMonths(m).Time().Format("January 2006")
}

func (v *validator) amount(path string, x float64) {
	if !finite(x) || x < 0 || x > MaxAmount {
		v.add(path, "must be an amount between %s and %s (got %s)", v.show(0, figure.Money), v.show(MaxAmount, figure.Money), v.got(x, figure.Money, 0, MaxAmount))
	}
}

// rangeOrder says how the three values of an estimate must be ordered.
type rangeOrder int

const (
	// anyOrder: a calculator's input may run either way (for attrition,
	// the low value is the better case); its benefit is checked instead.
	anyOrder rangeOrder = iota
	// rising: low ≤ likely ≤ high, an amount such as a cost.
	rising
	// outcome: worst case ≤ likely ≤ best case, a benefit, whose boxes
	// are named by what they mean (see [WorstCase]).
	outcome
)

// The names of an estimate's outer boxes where more is better (a benefit):
// the screen and the messages use the same words.
const (
	WorstCase = "worst case"
	BestCase  = "best case"
)

// rangeWithin checks an estimate: each value within [lo, hi], in unit u,
// and its order. A message about the order names the box to change.
func (v *validator) rangeWithin(path string, r Range, lo, hi float64, u figure.Unit, order rangeOrder) {
	for _, x := range []float64{r.Low, r.Likely, r.High} {
		if !finite(x) || x < lo || x > hi {
			if lo == 0 && x < 0 {
				v.add(path, "must not be negative (got %s)", v.got(x, u, lo, hi))
			} else {
				v.add(path, "must be between %s and %s (got %s)", v.show(lo, u), v.show(hi, u), v.got(x, u, lo, hi))
			}
			return
		}
	}
	low, high, above, below := "low value", "high value", "above", "below"
	if order == outcome {
		low, high, above, below = WorstCase, BestCase, "better than", "worse than"
	}
	switch {
	case order == anyOrder:
	case r.Low > r.Likely:
		v.add(path, "the %s (%s) is %s the likely value (%s): change the %s", low, v.show(r.Low, u), above, v.show(r.Likely, u), low)
	case r.High < r.Likely:
		v.add(path, "the %s (%s) is %s the likely value (%s): change the %s", high, v.show(r.High, u), below, v.show(r.Likely, u), high)
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func categoryList() string {
	var names []string
	for _, k := range calculators {
		names = append(names, string(k.Category))
	}
	return strings.Join(names, ", ")
}

// tracking checks the programme's record after approval: its baselines,
// and each actual against the baseline it is recorded against.
func (v *validator) tracking() {
	t := v.c.Tracking
	if t == nil {
		return
	}
	b := &t.Baseline
	v.baseline("tracking.baseline", b)
	for i := range t.History {
		v.baseline(fmt.Sprintf("tracking.history[%d]", i), &t.History[i])
	}
	// A file holds no longer lists than it reads back (see the max tags).
	for _, l := range []struct {
		name   string
		n, max int
	}{{"history", len(t.History), 100}, {"spend", len(t.Spend), MaxContainer}, {"milestones", len(t.Milestones), 2000},
		{"readings", len(t.Readings), MaxContainer}, {"kpis", len(t.KPIs), MaxItems}, {"riskEvents", len(t.RiskEvents), MaxItems},
		{"gates", len(t.Gates), MaxItems}, {"decisions", len(t.Decisions), MaxItems}, {"credits", len(t.Credits), MaxItems}} {
		if l.n > l.max {
			v.add("tracking."+l.name, "has %s items; the limit is %s", v.show(float64(l.n), figure.Count), v.show(float64(l.max), figure.Count))
		}
	}
	if t.CadenceMonths < 0 || t.CadenceMonths > PeriodsPerYear {
		v.add("tracking.cadenceMonths", "must be the months between reports, 1 to 12, or 0 for every month (got %d)", t.CadenceMonths)
	}
	// What the record is placed on must stay as approved.
	switch c := v.c; {
	case b.Alternative != "" && c.AlternativeByID(b.Alternative) < 0:
		v.add("tracking.baseline.alternative", "the approved alternative %q is no longer in the case: put it back, or approve the case again with another", b.Alternative)
	case c.StartDate.IsZero() && !b.StartDate.IsZero():
		v.add("startDate", "must be set: the case was approved starting %s, and its actuals are placed by month from then", b.StartDate)
	case !b.StartDate.IsZero() && c.MonthOf(b.StartDate) != 0:
		v.add("startDate", "the case was approved starting in the month of %s, and its actuals are placed by month from then (got %s); put it back, or approve the case again", b.StartDate, c.StartDate)
	}
	if b.Currency != "" && v.c.Currency != b.Currency {
		v.add("currency", "the case was approved in %s and its actuals are in %s: put it back, or approve the case again (got %s)", b.Currency, b.Currency, v.c.Currency)
	}
	v.spend(t, b)
	v.milestoneProgress(t, b)
	v.readings(t, b)
	v.riskEvents(t)
	v.gateOutcomes(t, b)
	for i, d := range t.Decisions {
		path := fmt.Sprintf("tracking.decisions[%d]", i)
		if blank(d.Question) {
			v.add(path+".question", "must say what is to be decided")
		}
		if !d.Decided.IsZero() && !d.Raised.IsZero() && d.Decided.Before(d.Raised) {
			v.add(path+".decided", "must not be before the day it was raised (%s is before %s)", d.Decided, d.Raised)
		}
	}
	for i, k := range t.Credits {
		path := fmt.Sprintf("tracking.credits[%d]", i)
		if blank(k.Name) {
			v.add(path+".name", "must name who is credited")
		}
		if blank(k.Contribution) {
			v.add(path+".contribution", "must say what they did")
		}
	}
}

// baseline checks an approved baseline, as approval took it.
func (v *validator) baseline(path string, b *ApprovedBaseline) {
	if b.Approval.Date.IsZero() {
		v.add(path+".approval.date", "must be set: the day the case was approved")
	}
	if blank(b.Approval.By) {
		v.add(path+".approval.by", "must say who approved the case")
	}
	if blank(b.Alternative) {
		v.add(path+".alternative", "must name the approved alternative")
	}
	if b.StartDate.IsZero() {
		v.add(path+".startDate", "must be set: month 0 of the approved plan")
	}
	n := b.HorizonMonths
	if n < 1 || n > MaxHorizonMonths {
		v.add(path+".horizonMonths", "must be between 1 and %d months (got %d)", MaxHorizonMonths, n)
		return // the lists are measured against it
	}
	for _, l := range []struct {
		name   string
		values []float64
	}{{"costs", b.Costs}, {"benefits", b.Benefits}} {
		if len(l.values) != n {
			v.add(path+"."+l.name, "must have one amount for each of the %d months (got %d)", n, len(l.values))
		}
		v.finiteAll(path+"."+l.name, l.values)
	}
	for _, f := range []struct {
		name string
		x    float64
	}{{"budget", b.Budget}, {"reserve", b.Reserve}, {"totalCost", b.TotalCost}, {"totalBenefit", b.TotalBenefit}, {"npv", b.NPV}, {"discountRate", b.DiscountRate}} {
		if !finite(f.x) {
			v.add(path+"."+f.name, "must be a number (got %s)", v.show(f.x, figure.Number))
		}
	}
	if b.StageEnd < 0 || b.StageEnd > n {
		v.add(path+".stageEnd", "must be a month from 0 to the horizon, %d (got %d)", n, b.StageEnd)
	}
	names := map[string]int{}
	for i := range b.Lines {
		l := &b.Lines[i]
		lp := fmt.Sprintf("%s.lines[%d]", path, i)
		switch l.Kind {
		case CostLine, BenefitLine, ReserveLine:
		default:
			v.add(lp+".kind", "must be %q, %q or %q (got %q)", CostLine, BenefitLine, ReserveLine, l.Kind)
		}
		if blank(l.Name) {
			v.add(lp+".name", "must not be empty")
		}
		if l.Kind == CostLine || l.Kind == ReserveLine {
			key := strings.ToLower(strings.TrimSpace(l.Name))
			if j, dup := names[key]; dup {
				v.add(lp+".name", "%q is the name of line %d too: spend is recorded against a line by its name", l.Name, j)
			}
			names[key] = i
		}
		if l.First < 0 || l.First+len(l.Monthly) > n {
			v.add(lp+".monthly", "must fall within the %d months of the horizon (from month %d, %d months)", n, l.First, len(l.Monthly))
		}
		v.finiteAll(lp+".monthly", l.Monthly)
		if !finite(l.Total) {
			v.add(lp+".total", "must be a number (got %s)", v.show(l.Total, figure.Number))
		}
	}
	keys := map[string]bool{}
	for i := range b.Milestones {
		mp := fmt.Sprintf("%s.milestones[%d]", path, i)
		v.recordKey(keys, b.Milestones[i].Key(), mp, "another milestone too: the record refers to milestones by it")
	}
	gates := map[string]bool{}
	for i, g := range b.Gates {
		gp := fmt.Sprintf("%s.gates[%d].id", path, i)
		switch {
		case blank(g.ID):
			v.add(gp, "must not be empty")
		case gates[g.ID]:
			v.add(gp, "%q is used twice", g.ID)
		}
		gates[g.ID] = true
	}
	if id := b.Approval.UpToGate; id != "" && !gates[id] {
		v.add(path+".approval.upToGate", "no gate of the approved plan has the ID %q", id)
	}
	measures := map[string]bool{}
	for i := range b.Measures {
		m := &b.Measures[i]
		mp := fmt.Sprintf("%s.measures[%d]", path, i)
		v.recordKey(measures, m.Key(), mp, "another KPI too: readings refer to KPIs by it")
		if !m.Unit.Valid() {
			v.add(mp+".unit", "must be one of %s (got %q)", figure.UnitList(), m.Unit)
		}
		if !finite(m.Baseline) || !finite(m.Target) {
			v.add(mp, "its baseline and target must be numbers (got %s and %s)", v.show(m.Baseline, figure.Number), v.show(m.Target, figure.Number))
		}
	}
	for _, key := range slices.Sorted(maps.Keys(b.PainInputs)) {
		if lookupInput(key) == nil {
			v.add(path+".painInputs."+key, "is not an input of any calculator")
		}
	}
}

// recordKey checks k, the key by which the record refers to the milestone
// or KPI of the baseline at path: it must not be empty, nor one of seen,
// the keys of those before it, which it joins. taken ends the message for
// a key seen before, after "is the ID or name of".
func (v *validator) recordKey(seen map[string]bool, k, path, taken string) {
	switch {
	case blank(k):
		v.add(path+".name", "must not be empty")
	case seen[k]:
		v.add(path, "%q is the ID or name of "+taken, k)
	}
	seen[k] = true
}

func (v *validator) finiteAll(path string, xs []float64) {
	for i, x := range xs {
		if !finite(x) {
			v.add(fmt.Sprintf("%s[%d]", path, i), "must be a number (got %s)", v.show(x, figure.Number))
			return
		}
	}
}

// recordMonths is the number of months actuals can fall in: the longer of
// the approved and the re-forecast horizons.
func (v *validator) recordMonths(b *ApprovedBaseline) int {
	return max(b.HorizonMonths, v.c.HorizonMonths)
}

// actualDate checks the date of an actual: set, and within the months of
// the programme.
func (v *validator) actualDate(path string, d Date, b *ApprovedBaseline) {
	switch {
	case d.IsZero():
		v.add(path, "must be set")
	case b.StartDate.IsZero():
	case monthsBetween(b.StartDate, d) < 0:
		v.add(path, "must not be before the month the programme starts, %s (got %s)", b.StartDate.AddMonths(0), d)
	case monthsBetween(b.StartDate, d) >= v.recordMonths(b):
		v.add(path, "must be within the %d months of the horizon, up to %s (got %s)", v.recordMonths(b),
			DateOf(b.StartDate.AddMonths(v.recordMonths(b)).Time().AddDate(0, 0, -1)), d)
	}
}

func (v *validator) spend(t *Tracking, b *ApprovedBaseline) {
	lines := map[string]bool{}
	for _, l := range b.Lines {
		if l.Kind == CostLine {
			lines[l.Name] = true
		}
	}
	for i, s := range t.Spend {
		path := fmt.Sprintf("tracking.spend[%d]", i)
		v.actualDate(path+".date", s.Date, b)
		switch {
		case s.Reserve && s.Line != "":
			v.add(path+".line", "money drawn on the reserve names no cost line (got %q)", s.Line)
		case !s.Reserve && s.Line == "":
			v.add(path+".line", "must name a cost line of the approved alternative, or the spend be on the reserve")
		case !s.Reserve && !lines[s.Line]:
			v.add(path+".line", "the approved alternative has no cost line called %q", s.Line)
		}
		if !finite(s.Amount) || math.Abs(s.Amount) > MaxAmount {
			v.add(path+".amount", "must be an amount between %s and %s (got %s)", v.show(-MaxAmount, figure.Money), v.show(MaxAmount, figure.Money), v.got(s.Amount, figure.Money, -MaxAmount, MaxAmount))
		}
	}
}

func (v *validator) milestoneProgress(t *Tracking, b *ApprovedBaseline) {
	known := map[string]bool{}
	for i := range b.Milestones {
		known[b.Milestones[i].Key()] = true
	}
	seen := map[string]int{}
	for i, p := range t.Milestones {
		path := fmt.Sprintf("tracking.milestones[%d]", i)
		v.knownOnce(path+".milestone", p.Milestone, i, known, seen, "milestone", "milestone %q has its progress in tracking.milestones[%d] already")
		if !p.ActualStart.IsZero() && !p.ActualEnd.IsZero() && p.ActualEnd.Before(p.ActualStart) {
			v.add(path+".actualEnd", "must not be before the actual start (%s is before %s)", p.ActualEnd, p.ActualStart)
		}
		if !finite(p.PercentComplete) || p.PercentComplete < 0 || p.PercentComplete > 1 {
			v.add(path+".percentComplete", "must be from %s to %s (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.got(p.PercentComplete, figure.Percent, 0, 1))
		}
		switch p.Status {
		case "", InProgress, OnHold:
		case NotStarted:
			if !p.ActualStart.IsZero() {
				v.add(path+".status", "the milestone has started (on %s): it is in progress, on hold or done", p.ActualStart)
			}
		case Done:
			if p.ActualEnd.IsZero() {
				v.add(path+".actualEnd", "must be set: a milestone done has ended")
			}
		default:
			v.add(path+".status", "must be %q, %q, %q or %q (got %q)", NotStarted, InProgress, Done, OnHold, p.Status)
		}
		if !p.ActualEnd.IsZero() && p.Status != "" && p.Status != Done {
			v.add(path+".status", "the milestone ended on %s: it is done (got %q)", p.ActualEnd, p.Status)
		}
		if (p.Status == Done || !p.ActualEnd.IsZero()) && p.PercentComplete != 0 && p.PercentComplete != 1 {
			v.add(path+".percentComplete", "a milestone done is %s complete (got %s)", v.f.WholePercent(1), v.got(p.PercentComplete, figure.Percent, 1, 1))
		}
	}
}

// knownOnce checks key, by which entry i of a list of the record at path
// refers to a milestone or a KPI (what) of the baseline: it must be one of
// known, and no entry before it in seen, which it joins, may refer to the
// same one (dup says so, given the key and the earlier entry's place).
func (v *validator) knownOnce(path, key string, i int, known map[string]bool, seen map[string]int, what, dup string) {
	switch j, taken := seen[key]; {
	case !known[key]:
		v.add(path, "the approved plan has no %s with the ID or name %q", what, key)
	case taken:
		v.add(path, dup, key, j)
	}
	seen[key] = i
}

func (v *validator) readings(t *Tracking, b *ApprovedBaseline) {
	known := map[string]bool{}
	for i := range b.Measures {
		known[b.Measures[i].Key()] = true
	}
	type day struct {
		measure string
		date    Date
	}
	seen := map[day]int{}
	for i, r := range t.Readings {
		path := fmt.Sprintf("tracking.readings[%d]", i)
		if !known[r.Measure] {
			v.add(path+".measure", "the approved plan has no KPI with the ID or name %q", r.Measure)
		}
		if r.Date.IsZero() {
			v.add(path+".date", "must be set")
		}
		if !finite(r.Value) {
			v.add(path+".value", "must be a number (got %s)", v.show(r.Value, figure.Number))
		}
		if j, dup := seen[day{r.Measure, r.Date}]; dup && !r.Date.IsZero() {
			v.add(path+".date", "KPI %q has a reading on %s already (tracking.readings[%d]); a KPI has one reading a day", r.Measure, r.Date, j)
		}
		seen[day{r.Measure, r.Date}] = i
	}
	kpis := map[string]int{}
	for i, k := range t.KPIs {
		path := fmt.Sprintf("tracking.kpis[%d]", i)
		v.knownOnce(path+".measure", k.Measure, i, known, kpis, "KPI", "KPI %q is recorded in tracking.kpis[%d] already")
		if k.EveryMonths < 0 || k.EveryMonths > MaxHorizonMonths {
			v.add(path+".everyMonths", "must be the months between readings, 1 to %d, or 0 for the reporting cadence (got %d)", MaxHorizonMonths, k.EveryMonths)
		}
		if iso := k.Isolation; iso != nil {
			if !finite(iso.Share) || iso.Share < 0 || iso.Share > 1 {
				v.add(path+".isolation.share", "must be the share of the improvement due to the programme, from %s to %s (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.got(iso.Share, figure.Percent, 0, 1))
			}
			if !finite(iso.Confidence) || iso.Confidence <= 0 || iso.Confidence > 1 {
				v.add(path+".isolation.confidence", "must be the confidence in the share, above %s and at most %s (got %s)", v.f.WholePercent(0), v.f.WholePercent(1), v.got(iso.Confidence, figure.Percent, 0, 1))
			}
			if !slices.Contains(IsolationMethods, iso.Method) {
				var names []string
				for _, m := range IsolationMethods {
					names = append(names, string(m))
				}
				v.add(path+".isolation.method", "must be one of %s (got %q)", strings.Join(names, ", "), iso.Method)
			}
		}
	}
}

func (v *validator) riskEvents(t *Tracking) {
	for i, e := range t.RiskEvents {
		path := fmt.Sprintf("tracking.riskEvents[%d]", i)
		if !slices.ContainsFunc(v.c.Risks, func(r Risk) bool { return orDefault(r.ID, r.Description) == e.Risk }) {
			v.add(path+".risk", "no risk of the case has the ID (or, without one, the description) %q", e.Risk)
		}
		if e.Fired.IsZero() {
			v.add(path+".fired", "must be set: the day the trigger fired")
		}
		if !e.Resolved.IsZero() && !e.Fired.IsZero() && e.Resolved.Before(e.Fired) {
			v.add(path+".resolved", "must not be before the day the trigger fired (%s is before %s)", e.Resolved, e.Fired)
		}
		v.amount(path+".cost", e.Cost)
	}
}

func (v *validator) gateOutcomes(t *Tracking, b *ApprovedBaseline) {
	seen := map[string]int{}
	for i, o := range t.Gates {
		path := fmt.Sprintf("tracking.gates[%d]", i)
		switch j, dup := seen[o.Gate]; {
		case !slices.ContainsFunc(b.Gates, func(g BaselineGate) bool { return g.ID == o.Gate }):
			v.add(path+".gate", "the approved plan has no gate with the ID %q", o.Gate)
		case dup:
			v.add(path+".gate", "gate %q has its outcome in tracking.gates[%d] already", o.Gate, j)
		}
		seen[o.Gate] = i
		if o.Date.IsZero() {
			v.add(path+".date", "must be set: the day of the decision")
		}
		switch o.Decision {
		case "", GoOn, Stop:
		default:
			v.add(path+".decision", "must be %q or %q (got %q)", GoOn, Stop, o.Decision)
		}
	}
}
