package casebuilder

import "fmt"

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

	painWithoutEvidenceRule = Rule{"pain-without-evidence", Blocking,
		"A cost of pain resting on nobody's data is the first thing the CFO will challenge; without evidence the whole case rests on the author's word.",
		func(rv *reviewer) {
			if len(rv.c.Pain.Evidence) == 0 {
				rv.add("pain.evidence", "The pain has no evidence: add the findings and their sources (HR system reports, exit interviews, CRM data)")
			}
		}}

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
		}}
)
