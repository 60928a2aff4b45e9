package casebuilder

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The rules that check the Pain step: the problem, its evidence and its cost.
var (
	painNotQuantifiedRule = Rule{"pain-not-quantified", Blocking,
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
		}}

	painWithoutEvidenceRule = lackRule("pain-without-evidence", Blocking,
		"A cost of pain resting on nobody's data is the first thing the CFO will challenge; without evidence the whole case rests on the author's word.",
		"pain.evidence", "The pain has no evidence: add the findings and their sources (HR system reports, exit interviews, CRM data)",
		func(c *Case) bool { return len(c.Pain.Evidence) == 0 })

	evidenceWithoutSourceRule = Rule{"evidence-without-source", Warning,
		"A finding without a source cannot be checked, and the CFO will ask where it comes from.",
		func(rv *reviewer) {
			for i, e := range rv.c.Pain.Evidence {
				if blank(e.Source) {
					rv.add(fmt.Sprintf("pain.evidence[%d].source", i), "Evidence %q has no source", excerpt(e.Finding, 60))
				}
			}
		}}

	defaultsInPainRule = Rule{"defaults-in-pain", Advice,
		"Rules of thumb are fine to start, but the CFO trusts the company's own figures more.",
		func(rv *reviewer) {
			var defaults lacking
			for _, st := range rv.res.Pain.Working {
				if st.Kind == WorkingDefault {
					defaults.add(st.Label, st.Key)
				}
			}
			if len(defaults.names) > 0 {
				rv.add("pain.inputs."+defaults.first, "The cost of pain uses rule-of-thumb defaults for %s; replace them with your own figures where you have them", JoinNames(defaults.names))
			}
		}}
)

// The rules that check the pain against what the case says elsewhere
// (issue 13).
var (
	oldEvidenceRule = Rule{"old-evidence", Warning,
		"Evidence more than three years older than the case describes another company; the CFO will ask for this year's figures.",
		func(rv *reviewer) {
			now := rv.c.Date
			if now.IsZero() {
				now = rv.c.StartDate
			}
			if now.IsZero() {
				return
			}
			for i, e := range rv.c.Pain.Evidence {
				y, ok := latestYear(e.Source + " " + e.Finding)
				if ok && now.Year-y > maxEvidenceAge {
					rv.add(fmt.Sprintf("pain.evidence[%d].source", i), "Evidence %q is from %d, %d years before the case", excerpt(e.Finding, 60), y, now.Year-y)
				}
			}
		}}

	attainmentDefaultRule = Rule{"attainment-assumed-full", Warning,
		"Sales lost to a vacancy or a slow start are valued at what a rep sells; at the assumed 100 % of quota they are overstated in a sales force that says its reps sell less.",
		func(rv *reviewer) {
			key := "productiveAttainment"
			for _, st := range rv.res.Pain.Working {
				if st.Key != key || st.Kind != WorkingDefault || st.Value < 1 {
					continue
				}
				if pct, where, ok := statedAttainment(rv.c); ok {
					rv.add("pain.inputs."+key, "Lost sales are valued at the assumed %s of quota, but %s says %s: give the attainment of a rep past ramp-up", rv.f.WholePercent(1), where, pct)
				}
			}
		}}

	attritionBeyondPreventableRule = Rule{"attrition-beyond-preventable", Warning,
		"No programme prevents retirements, relocations or illness: a fall in attrition beyond the exits that can be prevented counts only as far as they go, and claims more than the programme can do.",
		func(rv *reviewer) {
			attr, ok := rv.c.Pain.Inputs["attritionRate"]
			if !ok || rv.c.Pain.Category != SalesTurnover {
				return
			}
			prev := 0.0
			for _, st := range rv.res.Pain.Working {
				if st.Key == "preventableShare" {
					prev = st.Value
				}
			}
			floor := attr.Likely * (1 - prev)
			for ai, a := range rv.c.Alternatives {
				for li, b := range a.Benefits {
					if b.Basis == BenefitPainInput && b.Input == "attritionRate" && b.To.Likely < floor-1e-12 {
						rv.add(fmt.Sprintf("alternatives[%d].benefits[%d].to", ai, li), "%s of %q takes attrition to %s, but with %s of exits preventable it falls no lower than %s",
							capital(called("benefit", b.Name, li)), a.Name, rv.f.Percent(b.To.Likely), rv.f.Percent(prev), rv.f.Percent(floor))
					}
				}
			}
		}}
)

const maxEvidenceAge = 3 // years, before the case's date

// latestYear returns the latest year from 1950 to 2099 written in text.
func latestYear(text string) (int, bool) {
	best := 0
	for _, m := range yearPattern.FindAllString(text, -1) {
		y, _ := strconv.Atoi(m)
		best = max(best, y)
	}
	return best, best > 0
}

var yearPattern = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)

// attainmentPattern finds a percentage below 100 said of quota or
// attainment, within a sentence: "58 % of them reached quota".
var attainmentPattern = regexp.MustCompile(`(?i)\b(\d{1,2}(?:[.,]\d+)?)\s?%[^.]{0,60}\b(quota|attainment)|\b(quota|attainment)\b[^.]{0,40}?\b(\d{1,2}(?:[.,]\d+)?)\s?%`)

// statedAttainment returns a percentage of quota below 100 % that the case
// states in its context or pain, and where.
func statedAttainment(c *Case) (pct, where string, ok bool) {
	for _, t := range []struct{ where, text string }{
		{"the current state", c.Context.CurrentState}, {"the pain's summary", c.Pain.Summary},
	} {
		if m := attainmentPattern.FindStringSubmatch(t.text); m != nil {
			return strings.TrimSpace(m[0]), t.where, true
		}
	}
	for i, e := range c.Pain.Evidence {
		if m := attainmentPattern.FindStringSubmatch(e.Finding); m != nil {
			return strings.TrimSpace(m[0]), fmt.Sprintf("the %s evidence", Ordinal(i+1)), true
		}
	}
	return "", "", false
}
