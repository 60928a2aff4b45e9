package casebuilder

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Severity says how much a finding of the review matters.
type Severity string

// The severities, from the one that stops the case to the one that only
// improves it.
const (
	// Blocking findings would sink the case in front of the CEO.
	Blocking Severity = "blocking"
	// Warning findings are questions the CEO is likely to ask.
	Warning Severity = "warning"
	// Advice findings make a good case better.
	Advice Severity = "advice"
)

// MethodStep is a step of the method, where a finding is fixed.
type MethodStep string

// The steps of the method, in order.
const (
	StepContext      MethodStep = "context"
	StepPain         MethodStep = "pain"
	StepAlternatives MethodStep = "alternatives"
	StepCompare      MethodStep = "compare"
	StepRisks        MethodStep = "risks"
	StepPlan         MethodStep = "plan"
	StepMeasures     MethodStep = "measures"
	StepReview       MethodStep = "review"
)

// Where locates the field a finding asks to fix.
type Where struct {
	Step MethodStep `json:"step"`
	// Path is the field's path in the case, as in risks[2].contingency.
	Path string `json:"path"`
}

// stepNames are the steps as the app, the brief and the workbook name them.
var stepNames = map[MethodStep]string{
	StepContext: "Context", StepPain: "Pain", StepAlternatives: "Alternatives", StepCompare: "Compare",
	StepRisks: "Risks", StepPlan: "Plan", StepMeasures: "Measures", StepReview: "Review",
}

// Name is the step as people read it: "Context", "Pain", ...
func (s MethodStep) Name() string {
	if n, ok := stepNames[s]; ok {
		return n
	}
	return string(s)
}

func (w Where) String() string {
	if w.Path == "" {
		return string(w.Step)
	}
	return string(w.Step) + " › " + w.Path
}

// Finding is one objection the review raises against a case.
type Finding struct {
	// Rule names the rule that raised it.
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Why says why a CEO would object.
	Why   string `json:"why"`
	Where Where  `json:"where"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s [%s; fix in %s]", f.Severity, f.Message, f.Rule, f.Where)
}

// Rule is one check of the review: what it is called, how serious what it
// finds is, and why a CEO would object to it.
type Rule struct {
	Name     string
	Severity Severity
	// Why says why a CEO would object, for every finding of the rule.
	Why   string
	check func(rv *reviewer)
}

// Rules returns the review's rules in the order they run: blocking, then
// warnings, then advice.
func Rules() []Rule { return slices.Clone(rules) }

// Review plays the sceptical CEO: it returns what is invalid in the case
// and the obvious flaws a CEO would find, most severe first, each naming
// the item at fault, why it matters and where to fix it. res is the case's
// calculated figures.
func Review(c *Case, res *Result) []Finding {
	rv := &reviewer{c: c, res: res, f: FormatFor(c), scores: Weigh(c, res)}
	if ai := res.Recommended; ai >= 0 && ai < len(c.Alternatives) {
		rv.rec = &c.Alternatives[ai]
	}
	for i := range rules {
		rv.rule = &rules[i]
		rv.rule.check(rv)
	}
	order := map[Severity]int{Blocking: 0, Warning: 1, Advice: 2}
	slices.SortStableFunc(rv.out, func(a, b Finding) int { return order[a.Severity] - order[b.Severity] })
	return rv.out
}

// FileFindings returns, as blocking invalid-value findings, the problems
// that reading a case file found and that [Review] cannot see in the case
// read: a value of the wrong type, a number out of range, an unknown
// field, a duplicate key. [Load] and [Decode] leave such a value unset
// and return the case beside its problems, so a review of the case alone
// would pass over them. err is what Load or Decode returned with the case.
func FileFindings(c *Case, err error) []Finding {
	var ps Problems
	if c == nil || !errors.As(err, &ps) {
		return nil
	}
	// Validate's problems are in the review already, once each.
	seen := map[Problem]int{}
	for _, p := range Validate(c) {
		seen[p]++
	}
	rule := &rules[slices.IndexFunc(rules, func(r Rule) bool { return r.Name == "invalid-value" })]
	var out []Finding
	for _, p := range ps {
		if seen[p] > 0 {
			seen[p]--
			continue
		}
		out = append(out, Finding{Rule: rule.Name, Severity: rule.Severity, Message: p.String(), Why: fileWhy,
			Where: Where{StepFor(p.Path), p.Path}})
	}
	return out
}

// fileWhy is why a problem only the file shows matters: the invalid-value
// rule's reason speaks of a figure, which an unknown field is not.
const fileWhy = "Case Builder could not read this from the file, so it is not in the case, and saving writes the file without it."

// HasBlocking reports whether any finding is blocking.
func HasBlocking(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Blocking {
			return true
		}
	}
	return false
}

// Readiness scores how ready a case is to go before the CEO, from 0 to
// 100, from its review's findings. It starts at 100 and takes off 20 for
// each blocking finding, 5 for each warning and 1 for each piece of
// advice, counting at most three findings of any one rule (ten milestones
// without an owner are one flaw, not ten); it never goes below 0, and
// while anything is blocking it is at most 49, so that 50 and more always
// means "nothing stops this case".
func Readiness(fs []Finding) int {
	weight := map[Severity]int{Blocking: 20, Warning: 5, Advice: 1}
	counted := map[string]int{}
	score, blocking := 100, false
	for _, f := range fs {
		blocking = blocking || f.Severity == Blocking
		if counted[f.Rule] == 3 {
			continue
		}
		counted[f.Rule]++
		score -= weight[f.Severity]
	}
	score = max(score, 0)
	if blocking {
		score = min(score, 49)
	}
	return score
}

// StepFor returns the step of the method where the field at path is edited.
func StepFor(path string) MethodStep {
	head, _, _ := strings.Cut(path, ".")
	head, _, _ = strings.Cut(head, "[")
	switch head {
	case "pain":
		return StepPain
	case "alternatives":
		return StepAlternatives
	case "criteria", "recommendation", "ask", "reserve":
		return StepCompare
	case "risks":
		return StepRisks
	case "plan":
		return StepPlan
	case "measures", "contributors":
		return StepMeasures
	}
	return StepContext
}

// reviewer holds what the rules read, and gathers their findings.
type reviewer struct {
	c      *Case
	res    *Result
	f      *figure.Format
	scores *Scoring
	rec    *Alternative // the recommended alternative, or nil
	rule   *Rule
	out    []Finding
}

// add records a finding of the current rule about the field at path.
func (rv *reviewer) add(path, format string, args ...any) {
	rv.out = append(rv.out, Finding{Rule: rv.rule.Name, Severity: rv.rule.Severity,
		Message: fmt.Sprintf(format, args...), Why: rv.rule.Why, Where: Where{StepFor(path), path}})
}

// recRisks calls fn with each risk that concerns the recommended
// alternative.
func (rv *reviewer) recRisks(fn func(i int, rk *Risk)) {
	if rv.rec == nil {
		return
	}
	for i := range rv.c.Risks {
		if rk := &rv.c.Risks[i]; slices.Contains(rk.Alternatives, rv.rec.ID) {
			fn(i, rk)
		}
	}
}

// painComplete reports whether the cost of pain is worked out.
func (rv *reviewer) painComplete() bool {
	return rv.c.Pain.Category != "" && rv.res.Pain.Calculator != "" && rv.res.Pain.Complete()
}

// benefitValue returns the yearly value at full effect of an
// alternative's benefit line, as calculated.
func (rv *reviewer) benefitValue(ai, li int) Range {
	for _, l := range rv.res.Alternatives[ai].Lines {
		if l.Kind == BenefitLine && l.Index == li {
			return l.Value
		}
	}
	return Range{}
}

// painLinked returns the yearly value at full effect (likely) of an
// alternative's benefit lines tied to the pain.
func (rv *reviewer) painLinked(ai int) float64 {
	var sum float64
	for li, b := range rv.c.Alternatives[ai].Benefits {
		if b.Basis == BenefitPainInput || b.Basis == BenefitPainShare {
			sum += rv.benefitValue(ai, li).Likely
		}
	}
	return sum
}

// lineAbovePain returns the first of an alternative's benefit lines tied
// to the pain whose high value is above the yearly cost of pain, and that
// value; -1 when there is none.
func (rv *reviewer) lineAbovePain(ai int) (int, float64) {
	pain := rv.res.Pain.Annual
	for li, b := range rv.c.Alternatives[ai].Benefits {
		if b.Basis == BenefitPainInput || b.Basis == BenefitPainShare {
			if high := rv.benefitValue(ai, li).High; high > pain*(1+1e-9) {
				return li, high
			}
		}
	}
	return -1, 0
}

// called names an item in a message, mid-sentence: its kind and name,
// as in risk "Key trainer leaves", or, while it has no name, its place,
// as in the 3rd risk. [capital] starts a sentence with it.
func called(kind, name string, i int) string {
	if blank(name) {
		return "the " + Ordinal(i+1) + " " + kind
	}
	return fmt.Sprintf("%s %q", kind, name)
}

// riskCalled names risk i by its description, else its ID, else its place.
func riskCalled(i int, rk *Risk) string {
	if blank(rk.Description) {
		return called("risk", rk.ID, i)
	}
	return called("risk", rk.Description, i)
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// excerpt shortens a text to about n characters, for a message.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// JoinNames joins names as a reader would: "a", "a and b", "a, b and c".
func JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Ordinal writes 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprint(n) + suffix
}

// rules are the review's rules, most serious first.
var rules = []Rule{
	// Blocking: what sinks the case in the first five minutes.
	{"invalid-value", Blocking,
		"A figure that cannot be right discredits every other figure in the case.",
		func(rv *reviewer) {
			for _, p := range Validate(rv.c) {
				rv.add(p.Path, "%s", p)
			}
		}},
	{"no-baseline", Blocking,
		"Without the cost of doing nothing, no alternative can show what it gains; the CEO will ask what happens if we do nothing.",
		func(rv *reviewer) {
			if rv.c.Baseline() < 0 {
				rv.add("alternatives", "There is no do-nothing alternative")
			}
		}},
	{"too-few-alternatives", Blocking,
		"One option against doing nothing looks like a decision already taken; the CEO will ask what else was considered and why it lost.",
		func(rv *reviewer) {
			var real []string
			for _, a := range rv.c.Alternatives {
				if !a.DoNothing {
					real = append(real, a.Name)
				}
			}
			switch len(real) {
			case 0:
				rv.add("alternatives", "There is no alternative to doing nothing")
			case 1:
				rv.add("alternatives", "Only one alternative, %q, is weighed against doing nothing; add at least one more", real[0])
			}
		}},
	{"pain-not-quantified", Blocking,
		"A problem without a price is an opinion; the CEO weighs it against every other use of the money.",
		func(rv *reviewer) {
			switch {
			case rv.c.Pain.Category == "":
				rv.add("pain.category", "The pain has no category, so its cost is not calculated")
			case rv.res.Pain.Calculator != "" && !rv.res.Pain.Complete():
				var labels []string
				for _, key := range rv.res.Pain.Missing {
					labels = append(labels, lookupInput(key).Label)
				}
				rv.add("pain.inputs."+rv.res.Pain.Missing[0], "The cost of the pain lacks %s", JoinNames(labels))
			}
		}},
	{"pain-without-evidence", Blocking,
		"A cost of pain resting on nobody's data is the first thing the CFO will challenge; without evidence the whole case rests on the author's word.",
		func(rv *reviewer) {
			if len(rv.c.Pain.Evidence) == 0 {
				rv.add("pain.evidence", "The pain has no evidence: add the findings and their sources (HR system reports, exit interviews, CRM data)")
			}
		}},
	{"alternative-without-costs", Blocking,
		"Nothing is free; an alternative without costs makes the CFO doubt every figure.",
		func(rv *reviewer) {
			for i, a := range rv.c.Alternatives {
				if !a.DoNothing && len(a.Costs) == 0 {
					rv.add(fmt.Sprintf("alternatives[%d].costs", i), "Alternative %q has no costs", a.Name)
				}
			}
		}},
	{"benefit-exceeds-pain", Blocking,
		"An alternative cannot relieve more pain than there is; a benefit above the cost of the problem shows the arithmetic is wrong, and the CFO will find it.",
		func(rv *reviewer) {
			if !rv.painComplete() {
				return
			}
			pain := rv.res.Pain.Annual
			for ai, a := range rv.c.Alternatives {
				if li, high := rv.lineAbovePain(ai); li >= 0 {
					rv.add(fmt.Sprintf("alternatives[%d].benefits[%d]", ai, li),
						"%s of %q is worth up to %s a year, more than the pain costs (%s a year)", capital(called("benefit", a.Benefits[li].Name, li)), a.Name, rv.f.Money(high), rv.f.Money(pain))
				} else if sum := rv.painLinked(ai); sum > pain*(1+1e-9) {
					rv.add(fmt.Sprintf("alternatives[%d].benefits", ai),
						"The benefits of %q avoid %s of pain a year, more than the pain costs (%s a year)", a.Name, rv.f.Money(sum), rv.f.Money(pain))
				}
			}
		}},
	{"recommended-negative-npv", Blocking,
		"Recommending something that loses money, without saying why it is worth it, tells the CEO the author has not read the figures.",
		func(rv *reviewer) {
			a := rv.res.RecommendedAlternative()
			if a == nil || a.DoNothing || a.NPV >= 0 || !blank(rv.c.Recommendation.WhyNegativeNPV) {
				return
			}
			rv.add("recommendation.whyNegativeNpv", "The recommended alternative %q has a negative NPV (%s) and the case does not say why it is worth doing", a.Name, rv.f.Money(a.NPV))
		}},
	{"recommended-not-top-ranked", Blocking,
		"If the case's own weighing prefers another alternative, the CEO will ask why the author overrules it; the answer must be in the case.",
		func(rv *reviewer) {
			s := rv.scores
			if !s.NotTopRanked() || s.WhyNotTopRanked != "" {
				return
			}
			top := s.Alternatives[s.TopRanked[0]]
			rv.add("recommendation.whyNotTopRanked", "The recommended alternative %q ranks %s on the weighted criteria, behind %q, and the case does not say why it is chosen",
				s.Alternatives[s.Recommended].Name, Ordinal(s.RecommendedRank), top.Name)
		}},
	{"high-risk-without-contingency", Blocking,
		"A high risk with no plan B is the obvious question the CEO asks first: what do we do when it happens?",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.IsHigh() && blank(rk.Contingency) {
					rv.add(fmt.Sprintf("risks[%d].contingency", i), "%s is rated high but has no contingency plan", capital(riskCalled(i, rk)))
				}
			})
		}},
	{"high-risk-without-owner", Blocking,
		"A risk that belongs to nobody is managed by nobody; the CEO wants a name to hold to account.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if rk.IsHigh() && blank(rk.Owner) {
					rv.add(fmt.Sprintf("risks[%d].owner", i), "%s is rated high but has no owner", capital(riskCalled(i, rk)))
				}
			})
		}},
	{"no-plan", Blocking,
		"Approval for something with no plan is a blank cheque; the CEO needs to see what happens when, and who does it.",
		func(rv *reviewer) {
			if len(rv.c.Plan.Milestones) == 0 {
				rv.add("plan.milestones", "There is no implementation plan: add the milestones, with dates and owners")
			}
		}},
	{"no-kpi-for-pain", Blocking,
		"Without a measure of the pain itself, nobody will know whether the money fixed the problem; the CEO will not fund what cannot be checked.",
		func(rv *reviewer) {
			k := calculatorFor(rv.c.Pain.Category)
			if len(rv.c.Measures) == 0 {
				rv.add("measures", "There are no measures of success: add a KPI that tracks the pain")
				return
			}
			if k == nil {
				return
			}
			for _, m := range rv.c.Measures {
				if slices.Contains(k.Inputs, m.PainInput) {
					return
				}
			}
			rv.add("measures", "No KPI tracks the pain: link a measure to one of the inputs of the %s (its painInput)", strings.ToLower(k.Name))
		}},

	// Warnings: questions the CEO is likely to ask.
	{"no-objective-link", Warning,
		"The CEO funds what moves the company's objectives; a case that does not say which one it serves competes with them instead.",
		func(rv *reviewer) {
			if blank(rv.c.Context.ServesObjective) {
				rv.add("context.servesObjective", "The case is not linked to a company objective: say which one it serves")
			}
		}},
	{"evidence-without-source", Warning,
		"A finding without a source cannot be checked, and the CFO will ask where it comes from.",
		func(rv *reviewer) {
			for i, e := range rv.c.Pain.Evidence {
				if blank(e.Source) {
					rv.add(fmt.Sprintf("pain.evidence[%d].source", i), "Evidence %q has no source", excerpt(e.Finding, 60))
				}
			}
		}},
	{"alternative-without-benefits", Warning,
		"An alternative with costs and no benefits can only lose money; either its benefits are missing or it is not a real option.",
		func(rv *reviewer) {
			for i, a := range rv.c.Alternatives {
				if !a.DoNothing && len(a.Benefits) == 0 {
					rv.add(fmt.Sprintf("alternatives[%d].benefits", i), "Alternative %q has no benefits", a.Name)
				}
			}
		}},
	{"benefits-beyond-pain", Warning,
		"Benefits above what the problem costs mean the case claims gains beyond fixing it; the CEO will ask what they are and whether anything is counted twice.",
		func(rv *reviewer) {
			if !rv.painComplete() {
				return
			}
			pain := rv.res.Pain.Annual
			for ai, a := range rv.c.Alternatives {
				if li, _ := rv.lineAbovePain(ai); li >= 0 || rv.painLinked(ai) > pain*(1+1e-9) {
					continue // benefit-exceeds-pain says it already
				}
				var sum float64
				for li := range a.Benefits {
					sum += rv.benefitValue(ai, li).Likely
				}
				if sum > pain*(1+1e-9) {
					rv.add(fmt.Sprintf("alternatives[%d].benefits", ai), "The benefits of %q come to %s a year at full effect, more than the pain costs (%s a year)",
						a.Name, rv.f.Money(sum), rv.f.Money(pain))
				}
			}
		}},
	{"benefit-before-costs", Warning,
		"Savings that arrive before any money is spent are not credible; the CFO will read it as wishful timing.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				if a.DoNothing || len(a.Costs) == 0 {
					continue
				}
				first := a.Costs[0].StartMonth
				for _, k := range a.Costs {
					first = min(first, k.StartMonth)
				}
				for li, b := range a.Benefits {
					if b.StartMonth < first {
						rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].startMonth", ai, li), "%s of %q starts in month %d, before any of its costs (month %d)",
							capital(called("benefit", b.Name, li)), a.Name, b.StartMonth, first)
					}
				}
			}
		}},
	{"payback-beyond-horizon", Warning,
		"The CEO's first financial question is when the money comes back; \"not within the plan\" needs an answer.",
		func(rv *reviewer) {
			a := rv.res.RecommendedAlternative()
			if a == nil || a.DoNothing || a.PaybackMonths != nil {
				return
			}
			rv.add(fmt.Sprintf("alternatives[%d]", rv.res.Recommended), "The recommended alternative %q does not pay back within the %d-month horizon", a.Name, rv.res.Months)
		}},
	{"no-criteria", Warning,
		"Money is not the only test: without weighted criteria the case cannot show it weighed people, mission and risk as well.",
		func(rv *reviewer) {
			if len(rv.c.Criteria) == 0 {
				rv.add("criteria", "The alternatives are not weighed on any criteria: add them (financial return, impact on people, fit with strategy, risk, time to value, ease)")
			}
		}},
	{"weights-not-100", Warning,
		"Weights that do not add up to 100 % look careless, and make the weighted totals hard to read.",
		func(rv *reviewer) {
			if len(rv.c.Criteria) > 0 && math.Abs(rv.scores.WeightSum-1) > 0.0005 {
				rv.add("criteria", "The criteria's weights add up to %s, not 100%%", rv.f.Percent(rv.scores.WeightSum))
			}
		}},
	{"alternative-not-scored", Warning,
		"A missing score counts as zero and skews the ranking; the comparison is only fair when every alternative is scored on every criterion.",
		func(rv *reviewer) {
			names := map[string]string{}
			for _, k := range rv.c.Criteria {
				names[k.ID] = k.Name
			}
			for ai, as := range rv.scores.Alternatives {
				if len(as.Unscored) == 0 {
					continue
				}
				var missing []string
				for _, id := range as.Unscored {
					missing = append(missing, names[id])
				}
				rv.add(fmt.Sprintf("alternatives[%d].scores.%s", ai, as.Unscored[0]), "Alternative %q has no score for %s", as.Name, JoinNames(missing))
			}
		}},
	{"no-recommendation", Warning,
		"A case that does not say what it recommends leaves the CEO to do the author's job.",
		func(rv *reviewer) {
			if blank(rv.c.Recommendation.Alternative) && rv.rec != nil {
				rv.add("recommendation.alternative", "The case recommends no alternative; the one with the highest NPV, %q, is shown as recommended", rv.rec.Name)
			}
		}},
	{"recommendation-without-reason", Warning,
		"The CEO wants the reason in one sentence; a recommendation without one invites the question.",
		func(rv *reviewer) {
			if !blank(rv.c.Recommendation.Alternative) && blank(rv.c.Recommendation.Reason) && rv.rec != nil {
				rv.add("recommendation.reason", "The recommendation of %q gives no reason", rv.rec.Name)
			}
		}},
	{"no-ask", Warning,
		"A case that does not say what it asks for cannot be approved: the CEO needs the decision to take.",
		func(rv *reviewer) {
			if blank(rv.c.Ask.Decision) {
				rv.add("ask.decision", "The case does not say what decision it asks for")
			}
		}},
	{"no-risks", Warning,
		"Every initiative has risks; a case that lists none has not looked, and the CEO will supply them.",
		func(rv *reviewer) {
			if rv.rec == nil || rv.rec.DoNothing {
				return
			}
			n := 0
			rv.recRisks(func(int, *Risk) { n++ })
			if n == 0 {
				rv.add("risks", "No risk concerns the recommended alternative %q", rv.rec.Name)
			}
		}},
	{"risk-not-rated", Warning,
		"An unrated risk cannot be placed on the heat map or costed into the reserve.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				switch {
				case rk.Likelihood == 0:
					rv.add(fmt.Sprintf("risks[%d].likelihood", i), "%s has no likelihood", capital(riskCalled(i, rk)))
				case rk.ImpactScore == 0:
					rv.add(fmt.Sprintf("risks[%d].impactScore", i), "%s has no impact rating", capital(riskCalled(i, rk)))
				}
			})
		}},
	{"contingency-without-cost", Warning,
		"A contingency plan that costs nothing is left out of the reserve, so the costed plan understates what the risks may cost.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if !blank(rk.Contingency) && rk.ContingencyCost == 0 {
					rv.add(fmt.Sprintf("risks[%d].contingencyCost", i), "%s has a contingency plan without a cost", capital(riskCalled(i, rk)))
				}
			})
		}},
	{"risk-without-alternative", Warning,
		"A risk that concerns no alternative is in nobody's contingency reserve and nobody's comparison.",
		func(rv *reviewer) {
			for i := range rv.c.Risks {
				if rk := &rv.c.Risks[i]; len(rk.Alternatives) == 0 {
					rv.add(fmt.Sprintf("risks[%d].alternatives", i), "%s concerns no alternative", capital(riskCalled(i, rk)))
				}
			}
		}},
	{"reserve-none", Warning,
		"Without a contingency reserve the budget assumes nothing goes wrong; the CFO will add one, and larger.",
		func(rv *reviewer) {
			if rv.c.Reserve.Basis != ReserveNone || rv.rec == nil {
				return
			}
			var expected float64
			rv.recRisks(func(_ int, rk *Risk) { expected += rk.Likelihood * rk.ContingencyCost })
			if expected > 0 {
				rv.add("reserve.basis", "The costed plan of %q carries no contingency reserve, though its risks' contingencies are expected to cost %s", rv.rec.Name, rv.f.Money(expected))
			}
		}},
	{"milestone-without-owner", Warning,
		"A milestone that belongs to nobody slips without anyone noticing.",
		func(rv *reviewer) {
			for i, m := range rv.c.Plan.Milestones {
				if blank(m.Owner) {
					rv.add(fmt.Sprintf("plan.milestones[%d].owner", i), "%s has no owner", capital(called("milestone", m.Name, i)))
				}
			}
		}},
	{"milestone-without-dates", Warning,
		"A plan without dates cannot be held to; the CEO will ask when.",
		func(rv *reviewer) {
			for i, m := range rv.c.Plan.Milestones {
				switch {
				case m.Start.IsZero() && m.End.IsZero():
					rv.add(fmt.Sprintf("plan.milestones[%d].start", i), "%s has no dates", capital(called("milestone", m.Name, i)))
				case m.Start.IsZero():
					rv.add(fmt.Sprintf("plan.milestones[%d].start", i), "%s has no start date", capital(called("milestone", m.Name, i)))
				case m.End.IsZero():
					rv.add(fmt.Sprintf("plan.milestones[%d].end", i), "%s has no end date", capital(called("milestone", m.Name, i)))
				}
			}
		}},
	{"milestone-before-dependency", Warning,
		"A step planned to start before the step it needs is finished shows the plan was not thought through.",
		func(rv *reviewer) {
			ms := rv.c.Plan.Milestones
			for i, m := range ms {
				for _, dep := range m.DependsOn {
					j := slices.IndexFunc(ms, func(d Milestone) bool { return d.ID == dep })
					if j < 0 || m.Start.IsZero() || ms[j].End.IsZero() || !m.Start.Before(ms[j].End) {
						continue
					}
					rv.add(fmt.Sprintf("plan.milestones[%d].start", i), "%s starts on %s, before %s, which it depends on, ends (%s)",
						capital(called("milestone", m.Name, i)), m.Start, called("milestone", ms[j].Name, j), ms[j].End)
				}
			}
		}},
	{"resource-not-secured", Warning,
		"A plan that needs a resource nobody has committed will stall; secure it before asking for approval, or make it part of the ask.",
		func(rv *reviewer) {
			for i, m := range rv.c.Plan.Milestones {
				for j, r := range m.Resources {
					if !r.Secured {
						rv.add(fmt.Sprintf("plan.milestones[%d].resources[%d].secured", i, j), "%s for %s is not secured", capital(called("resource", r.Description, j)), called("milestone", m.Name, i))
					}
				}
			}
		}},
	{"no-stakeholders", Warning,
		"Change that surprises the people it affects meets resistance; the CEO will ask who has been told.",
		func(rv *reviewer) {
			if len(rv.c.Plan.Stakeholders) == 0 {
				rv.add("plan.stakeholders", "No affected parties are identified: say who is affected and how they are kept informed")
			}
		}},
	{"no-reporting-cadence", Warning,
		"Without regular reporting the CEO hears about the initiative again only when it has gone wrong.",
		func(rv *reviewer) {
			if blank(rv.c.Plan.ReportingCadence) {
				rv.add("plan.reportingCadence", "There is no reporting cadence: say who reports what to whom, and how often")
			}
		}},
	{"kpi-without-target", Warning,
		"A measure with no baseline to start from or no target to reach cannot tell success from failure.",
		func(rv *reviewer) {
			for i, m := range rv.c.Measures {
				switch {
				case m.Target == 0 && m.Baseline == 0:
					rv.add(fmt.Sprintf("measures[%d].baseline", i), "%s has neither a baseline nor a target", capital(called("KPI", m.Name, i)))
				case m.Target == m.Baseline:
					rv.add(fmt.Sprintf("measures[%d].target", i), "%s has no target different from its baseline", capital(called("KPI", m.Name, i)))
				}
			}
		}},
	{"kpi-incomplete", Warning,
		"A KPI without an owner, a date or a method will not be measured.",
		func(rv *reviewer) {
			for i, m := range rv.c.Measures {
				var missing []string
				path := ""
				for _, f := range []struct {
					name, field string
					lacks       bool
				}{{"owner", "owner", blank(m.Owner)}, {"date", "date", m.Date.IsZero()}, {"method", "method", blank(m.Method)}} {
					if f.lacks {
						missing = append(missing, "no "+f.name)
						if path == "" {
							path = fmt.Sprintf("measures[%d].%s", i, f.field)
						}
					}
				}
				if len(missing) > 0 {
					rv.add(path, "%s has %s", capital(called("KPI", m.Name, i)), JoinNames(missing))
				}
			}
		}},
	{"kpi-baseline-differs", Warning,
		"A KPI that starts from another figure than the cost of pain makes the CFO wonder which one is true.",
		func(rv *reviewer) {
			for i, m := range rv.c.Measures {
				r, ok := rv.c.Pain.Inputs[m.PainInput]
				in := lookupInput(m.PainInput)
				if !ok || in == nil || closeTo(m.Baseline, r.Likely, 1e-9*math.Max(1, math.Abs(r.Likely))) {
					continue // an unknown input is invalid-value's to report
				}
				u := in.Unit
				rv.add(fmt.Sprintf("measures[%d].baseline", i), "%s starts from a baseline of %s, but the cost of pain uses %s",
					capital(called("KPI", m.Name, i)), rv.f.Value(m.Baseline, u), rv.f.Value(r.Likely, u))
			}
		}},
	{"kpi-target-differs", Warning,
		"If the KPI aims elsewhere than the benefits assume, either the benefits or the target is wrong, and the CFO will notice.",
		func(rv *reviewer) {
			if rv.rec == nil {
				return
			}
			for i, m := range rv.c.Measures {
				assumed, found := 0.0, false
				for _, b := range rv.rec.Benefits {
					if b.Basis == BenefitPainInput && b.Input == m.PainInput {
						assumed, found = b.To.Likely, true // the last change made counts
					}
				}
				in := lookupInput(m.PainInput)
				if !found || in == nil || closeTo(m.Target, assumed, 1e-9*math.Max(1, math.Abs(assumed))) {
					continue // a KPI tied to no input, or to an unknown one
				}
				u := in.Unit
				rv.add(fmt.Sprintf("measures[%d].target", i), "%s aims for %s, but the benefits of %q assume %s",
					capital(called("KPI", m.Name, i)), rv.f.Value(m.Target, u), rv.rec.Name, rv.f.Value(assumed, u))
			}
		}},
	{"no-contributors", Warning,
		"A case built alone on another department's problem looks like HR talking to itself; naming the people from Sales and Finance who shaped it shows they stand behind it.",
		func(rv *reviewer) {
			if len(rv.c.Contributors) == 0 {
				rv.add("contributors", "No contributors are credited: say who helped build the case, and with what")
			}
		}},

	// Advice: what makes a good case better.
	{"defaults-in-pain", Advice,
		"Rules of thumb are fine to start, but the CFO trusts the company's own figures more.",
		func(rv *reviewer) {
			var labels []string
			first := ""
			for _, st := range rv.res.Pain.Working {
				if st.Kind == WorkingDefault {
					labels = append(labels, st.Label)
					if first == "" {
						first = st.Key
					}
				}
			}
			if len(labels) > 0 {
				rv.add("pain.inputs."+first, "The cost of pain uses rule-of-thumb defaults for %s; replace them with your own figures where you have them", JoinNames(labels))
			}
		}},
	{"score-without-rationale", Advice,
		"A score without a reason is a number the CEO can dispute and the author cannot defend.",
		func(rv *reviewer) {
			for ai, as := range rv.scores.Alternatives {
				var names []string
				first := ""
				for _, cs := range as.Criteria {
					if cs.Score != 0 && blank(cs.Rationale) {
						names = append(names, cs.Name)
						if first == "" {
							first = cs.Criterion
						}
					}
				}
				if len(names) > 0 {
					rv.add(fmt.Sprintf("alternatives[%d].scores.%s.rationale", ai, first), "The scores of %q for %s have no rationale", as.Name, JoinNames(names))
				}
			}
		}},
	{"impact-not-judged", Advice,
		"The CEO weighs more than money: the impact on the company, its people and its mission should be judged for every alternative.",
		func(rv *reviewer) {
			for ai, a := range rv.c.Alternatives {
				var missing []string
				first := ""
				for _, j := range []struct {
					name string
					j    Judgement
				}{{"company", a.Impact.Company}, {"people", a.Impact.People}, {"mission", a.Impact.Mission}} {
					if j.j.Score == 0 {
						missing = append(missing, j.name)
						if first == "" {
							first = j.name
						}
					}
				}
				if len(missing) > 0 {
					rv.add(fmt.Sprintf("alternatives[%d].impact.%s.score", ai, first), "The impact of %q on the %s is not judged", a.Name, JoinNames(missing))
				}
			}
		}},
	{"single-point-estimates", Advice,
		"Single figures hide how uncertain they are; low and high values let the case show its range of outcomes before the CFO asks.",
		func(rv *reviewer) {
			a, ai := rv.rec, rv.res.Recommended
			if a == nil || a.DoNothing || len(a.Costs)+len(a.Benefits) == 0 || len(uncertainInputs(rv.c, ai)) > 0 {
				return
			}
			rv.add(fmt.Sprintf("alternatives[%d]", ai), "Every estimate of %q is a single figure: give low and high values to the uncertain ones", a.Name)
		}},
	{"no-decision-date", Advice,
		"A decision without a date drifts; saying when it is needed, and why, creates the urgency.",
		func(rv *reviewer) {
			if !blank(rv.c.Ask.Decision) && rv.c.Ask.DecideBy.IsZero() {
				rv.add("ask.decideBy", "The ask does not say by when the decision is needed")
			}
		}},
	{"risk-without-trigger", Advice,
		"Without an early warning, the risk is noticed only when it has happened, too late for the work-around.",
		func(rv *reviewer) {
			rv.recRisks(func(i int, rk *Risk) {
				if blank(rk.Trigger) {
					rv.add(fmt.Sprintf("risks[%d].trigger", i), "%s has no early-warning trigger", capital(riskCalled(i, rk)))
				}
			})
		}},
	{"stakeholder-without-channel", Advice,
		"Naming an affected party is half the job; the plan should say how and how often it hears from the initiative.",
		func(rv *reviewer) {
			for i, s := range rv.c.Plan.Stakeholders {
				switch {
				case blank(s.Channel):
					rv.add(fmt.Sprintf("plan.stakeholders[%d].channel", i), "%s has no channel of communication", capital(called("stakeholder", s.Party, i)))
				case blank(s.Frequency):
					rv.add(fmt.Sprintf("plan.stakeholders[%d].frequency", i), "%s has no frequency of communication", capital(called("stakeholder", s.Party, i)))
				}
			}
		}},
}

// closeTo reports whether a and b differ by at most tol.
func closeTo(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// RecommendationReason returns why the recommended alternative is
// recommended: the case's own reason, or, when the case names none, the
// figure it was chosen on.
func RecommendationReason(c *Case, res *Result) string {
	if res.RecommendedByCase && strings.TrimSpace(c.Recommendation.Reason) != "" {
		return c.Recommendation.Reason
	}
	if res.RecommendedByCase {
		return "Chosen by the author; no reason given yet."
	}
	return "Not chosen yet: this alternative has the highest NPV."
}

// CountFindings returns how many findings are blocking, warnings and
// advice.
func CountFindings(fs []Finding) (blocking, warnings, advice int) {
	for _, f := range fs {
		switch f.Severity {
		case Blocking:
			blocking++
		case Warning:
			warnings++
		default:
			advice++
		}
	}
	return blocking, warnings, advice
}

// FindingCounts says how many findings there are of each severity, as in
// "0 blocking, 1 warning, 3 advice".
func FindingCounts(fs []Finding) string {
	blocking, warnings, advice := CountFindings(fs)
	plural := "s"
	if warnings == 1 {
		plural = ""
	}
	return fmt.Sprintf("%d blocking, %d warning%s, %d advice", blocking, warnings, plural, advice)
}
