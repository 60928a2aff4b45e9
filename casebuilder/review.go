package casebuilder

import (
	"fmt"
	"slices"
	"strings"
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

// Review plays the sceptical CEO: it returns what is invalid in the case
// and the obvious flaws a CEO would find, most severe first. res is the
// case's calculated figures.
func Review(c *Case, res *Result) []Finding {
	var fs []Finding
	for _, p := range Validate(c) {
		fs = append(fs, Finding{Rule: "invalid-value", Severity: Blocking, Message: p.String(),
			Why:   "A figure that cannot be right discredits every other figure in the case.",
			Where: Where{StepFor(p.Path), p.Path}})
	}
	for _, r := range rules {
		fs = append(fs, r(c, res)...)
	}
	order := map[Severity]int{Blocking: 0, Warning: 1, Advice: 2}
	slices.SortStableFunc(fs, func(a, b Finding) int { return order[a.Severity] - order[b.Severity] })
	return fs
}

// HasBlocking reports whether any finding is blocking.
func HasBlocking(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Blocking {
			return true
		}
	}
	return false
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

// rule is one check of the review.
type rule func(c *Case, res *Result) []Finding

var rules = []rule{
	func(c *Case, _ *Result) []Finding {
		if c.Baseline() >= 0 {
			return nil
		}
		return []Finding{{Rule: "no-baseline", Severity: Blocking,
			Message: "There is no do-nothing alternative",
			Why:     "Without the cost of doing nothing, no alternative can show what it gains; the CEO will ask what happens if we do nothing.",
			Where:   Where{StepAlternatives, "alternatives"}}}
	},
	func(c *Case, _ *Result) []Finding {
		for _, a := range c.Alternatives {
			if !a.DoNothing {
				return nil
			}
		}
		return []Finding{{Rule: "no-alternative", Severity: Blocking,
			Message: "There is no alternative to doing nothing",
			Why:     "A case with nothing to decide is not a proposal.",
			Where:   Where{StepAlternatives, "alternatives"}}}
	},
	func(c *Case, res *Result) []Finding {
		switch {
		case c.Pain.Category == "":
			return []Finding{{Rule: "pain-not-quantified", Severity: Blocking,
				Message: "The pain has no category, so its cost is not calculated",
				Why:     "A problem without a price is an opinion; the CEO weighs it against every other use of the money.",
				Where:   Where{StepPain, "pain.category"}}}
		case !res.Pain.Complete():
			return []Finding{{Rule: "pain-not-quantified", Severity: Blocking,
				Message: "The cost of the pain lacks " + strings.Join(res.Pain.Missing, ", "),
				Why:     "A problem without a price is an opinion; the CEO weighs it against every other use of the money.",
				Where:   Where{StepPain, "pain.inputs." + res.Pain.Missing[0]}}}
		}
		return nil
	},
	func(c *Case, _ *Result) []Finding {
		var fs []Finding
		for i, a := range c.Alternatives {
			if !a.DoNothing && len(a.Costs) == 0 {
				fs = append(fs, Finding{Rule: "alternative-without-costs", Severity: Blocking,
					Message: fmt.Sprintf("Alternative %q has no costs", a.Name),
					Why:     "Nothing is free; an alternative without costs makes the CFO doubt every figure.",
					Where:   Where{StepAlternatives, fmt.Sprintf("alternatives[%d].costs", i)}})
			}
		}
		return fs
	},
}
