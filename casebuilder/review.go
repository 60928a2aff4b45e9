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
	"golang.org/x/text/language"
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
	// StepTracking is the programme after approval: its actuals and
	// progress (see [Tracking]).
	StepTracking MethodStep = "tracking"
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
	StepTracking: "Tracking",
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
// calculated figures. Its messages write figures in English, as the brief
// does.
func Review(c *Case, res *Result) []Finding { return ReviewIn(c, res, language.English) }

// ReviewIn is [Review] with the figures of its messages written as lang
// writes numbers, as the app's boxes show them.
func ReviewIn(c *Case, res *Result, lang language.Tag) []Finding {
	rv := &reviewer{c: c, res: res, f: figure.NewFormat(c.Currency, lang), lang: lang, scores: WeighIn(c, res, lang)}
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

// WithFileFindings puts ff, what reading the file found (see
// [FileFindings]), before the review's findings, leaving out a review
// finding that a line waits for a value where the file held one it could
// not read: the file's finding says why the line is empty.
func WithFileFindings(ff, review []Finding) []Finding {
	out := slices.Clone(ff)
	for _, f := range review {
		if f.Rule == lineWithoutValueRule.Name && slices.ContainsFunc(ff, func(g Finding) bool { return g.Where.Path == f.Where.Path }) {
			continue
		}
		out = append(out, f)
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
	case "criteria", "recommendation", "ask", "reserve", "discountRate", "horizonMonths", "ratesReason":
		return StepCompare
	case "risks":
		return StepRisks
	case "plan":
		return StepPlan
	case "measures", "contributors":
		return StepMeasures
	case "tracking":
		return StepTracking
	}
	return StepContext
}

// reviewer holds what the rules read, and gathers their findings.
type reviewer struct {
	c      *Case
	res    *Result
	f      *figure.Format
	lang   language.Tag // the language f writes numbers in
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

// lackRule is a rule that finds one thing lacking in a case, when lacks
// says so: what is at path, which the finding's message names.
func lackRule(name string, severity Severity, why, path, message string, lacks func(c *Case) bool) Rule {
	return Rule{name, severity, why, func(rv *reviewer) {
		if lacks(rv.c) {
			rv.add(path, "%s", message)
		}
	}}
}

// found reports whether an earlier rule has a finding on path.
func (rv *reviewer) found(path string) bool {
	return slices.ContainsFunc(rv.out, func(f Finding) bool { return f.Where.Path == path })
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

// benefitLines calls fn with each benefit line of the alternative at ai,
// as calculated, and the benefit of the case it is worked out from.
func (rv *reviewer) benefitLines(ai int, fn func(l *LineResult, b *Benefit)) {
	lines, benefits := rv.res.Alternatives[ai].Lines, rv.c.Alternatives[ai].Benefits
	for i := range lines {
		if l := &lines[i]; l.Kind == BenefitLine {
			fn(l, &benefits[l.Index])
		}
	}
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

// rules are the review's rules in the order they run: blocking, then
// warnings, then advice, and within each as a reader meets them. Each is
// declared in the file of the step it checks (review_pain.go, ...).
var rules = []Rule{
	// Blocking: what sinks the case in the first five minutes.
	invalidValueRule,
	noBaselineRule,
	tooFewAlternativesRule,
	painNotQuantifiedRule,
	painWithoutEvidenceRule,
	alternativeWithoutCostsRule,
	lineWithoutValueRule,
	benefitExceedsPainRule,
	recommendedNegativeNpvRule,
	recommendedNotTopRankedRule,
	highRiskWithoutContingencyRule,
	highRiskWithoutOwnerRule,
	noPlanRule,
	noKpiForPainRule,

	// Warnings: questions the CEO is likely to ask.
	noTitleRule,
	noObjectiveLinkRule,
	evidenceWithoutSourceRule,
	alternativeWithoutBenefitsRule,
	benefitsBeyondPainRule,
	benefitBeforeCostsRule,
	paybackBeyondHorizonRule,
	noCriteriaRule,
	weightsNot100Rule,
	alternativeNotScoredRule,
	noRecommendationRule,
	recommendationWithoutReasonRule,
	noAskRule,
	noRisksRule,
	riskNotRatedRule,
	contingencyWithoutCostRule,
	riskWithoutAlternativeRule,
	reserveNoneRule,
	milestoneWithoutOwnerRule,
	milestoneWithoutDatesRule,
	milestoneBeforeDependencyRule,
	resourceNotSecuredRule,
	noStakeholdersRule,
	noReportingCadenceRule,
	kpiWithoutTargetRule,
	kpiIncompleteRule,
	kpiBaselineDiffersRule,
	kpiTargetDiffersRule,
	roiTargetBeyondCaseRule,
	noContributorsRule,
	// Warnings that check one part of the case against another.
	oldEvidenceRule,
	attainmentDefaultRule,
	attritionBeyondPreventableRule,
	benefitNotTiedToPlanRule,
	benefitBeforeDeliveryRule,
	costsStopBenefitsGoOnRule,
	changeBeyondUsualRule,
	headsBeyondPopulationRule,
	trainingBenefitsBeyondYearsRule,
	costsNotFullyLoadedRule,
	tooGoodToBelieveRule,
	discountRateImplausibleRule,
	decisionAfterStartRule,
	claimContradictsFiguresRule,
	contingencyDearerThanRiskRule,
	nearCertainRiskRule,
	reserveBelowLikelyContingencyRule,
	highRiskWithoutResidualRule,
	dateOutsideHorizonRule,
	oneOwnerForMostRule,
	noSalesStakeholderRule,
	peopleTimeNotCostedRule,
	gateWithoutThresholdsRule,
	noGateBeforeEndRule,
	noBusinessImpactKPIRule,
	benefitInputNotTrackedRule,
	kpiDueBeforeBenefitRule,
	marginWithoutSalesOwnerRule,
	impactAndScoreDisagreeRule,

	// Advice: what makes a good case better.
	defaultsInPainRule,
	scoreWithoutRationaleRule,
	impactNotJudgedRule,
	singlePointEstimatesRule,
	noDecisionDateRule,
	ratesWithoutReasonRule,
	riskWithoutTriggerRule,
	stakeholderWithoutChannelRule,
}

// The rule that reports what makes the data of a case invalid.
var invalidValueRule = Rule{"invalid-value", Blocking,
	"A figure that cannot be right discredits every other figure in the case.",
	func(rv *reviewer) {
		for _, p := range ValidateIn(rv.c, rv.lang) {
			rv.add(p.Path, "%s", p)
		}
	}}

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

// recIndex returns the index of the recommended alternative, or -1.
func (rv *reviewer) recIndex() int {
	if rv.rec == nil {
		return -1
	}
	return rv.res.Recommended
}

// lacking collects what an item lacks, in order, for the one finding
// that lists it all: the names the finding lists, and the field of the
// first, where it points.
type lacking struct {
	names []string
	first string
}

// add counts name as lacking, and its field as the first when no field
// was before.
func (l *lacking) add(name, field string) {
	l.names = append(l.names, name)
	if l.first == "" {
		l.first = field
	}
}

// actingIndex returns the index of the recommended alternative when it
// does something, or -1 when nothing is recommended or doing nothing is:
// the rules on what the recommendation does have nothing to check then.
func (rv *reviewer) actingIndex() int {
	if rv.rec == nil || rv.rec.DoNothing {
		return -1
	}
	return rv.res.Recommended
}

// monthName names a period of the case as a reader would: "October 2027",
// or "month 10" when the case has no start date.
func (rv *reviewer) monthName(m int) string {
	if rv.c.StartDate.IsZero() {
		return fmt.Sprintf("month %d", m+1)
	}
	return rv.c.StartDate.AddMonths(m).Time().Format("January 2006")
}

// horizonEnd returns the last day of the horizon, and false when the case
// has no start date.
func (rv *reviewer) horizonEnd() (Date, bool) {
	if rv.c.StartDate.IsZero() {
		return Date{}, false
	}
	first := rv.c.StartDate.AddMonths(0)
	return DateOf(first.AddMonths(rv.c.HorizonMonths).Time().AddDate(0, 0, -1)), true
}

// milestoneIndex returns the index of the milestone with that ID, or -1.
func (rv *reviewer) milestoneIndex(id string) int {
	return slices.IndexFunc(rv.c.Plan.Milestones, func(m Milestone) bool { return m.ID == id && id != "" })
}

// containsWord reports whether text holds any of the words, as whole
// words, whatever their case.
func containsWord(text string, words ...string) bool {
	fields := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, f := range fields {
		for _, w := range words {
			if f == w {
				return true
			}
		}
	}
	return false
}
