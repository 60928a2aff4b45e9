package brief

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The brief names the items of a case in words, never by their field path
// (alternatives[2].costs[0].amount): a path is the tool's own matter and
// means nothing to a reader.

// place names the item and field a path points to, in words: `the cost
// line “Plan redesign” of “Revised compensation plan”, amount` for
// alternatives[2].costs[0].amount, “Separation cost per leaver” for
// pain.inputs.separationCost. It is "" for an empty path.
func (d *doc) place(path string) string {
	if path == "" {
		return ""
	}
	c := d.c
	var parts []string
	named := func(kind, name string, i int) string {
		if strings.TrimSpace(name) == "" {
			return fmt.Sprintf("%s %d", kind, i+1)
		}
		return kind + " “" + strings.TrimSpace(name) + "”"
	}
	segs := strings.Split(path, ".")
	var alt *casebuilder.Alternative
	for k := 0; k < len(segs); k++ {
		field, i, indexed := splitIndex(segs[k])
		prev := ""
		if k > 0 {
			prev, _, _ = splitIndex(segs[k-1])
		}
		switch {
		case field == "alternatives" && indexed && i < len(c.Alternatives):
			alt = &c.Alternatives[i]
			parts = append(parts, named("alternative", alt.Name, i))
		case field == "costs" && indexed && alt != nil && i < len(alt.Costs):
			parts = append(parts, named("cost line", alt.Costs[i].Name, i))
		case field == "benefits" && indexed && alt != nil && i < len(alt.Benefits):
			parts = append(parts, named("benefit line", alt.Benefits[i].Name, i))
		case field == "risks" && indexed && i < len(c.Risks):
			parts = append(parts, fmt.Sprintf("risk R%d", i+1))
		case field == "milestones" && prev == "plan" && indexed && i < len(c.Plan.Milestones):
			parts = append(parts, named("milestone", c.Plan.Milestones[i].Name, i))
		case field == "stakeholders" && indexed && i < len(c.Plan.Stakeholders):
			parts = append(parts, named("stakeholder", c.Plan.Stakeholders[i].Party, i))
		case field == "measures" && indexed && i < len(c.Measures):
			parts = append(parts, named("measure", c.Measures[i].Name, i))
		case field == "contributors" && indexed && i < len(c.Contributors):
			parts = append(parts, named("contributor", c.Contributors[i].Name, i))
		case field == "criteria" && indexed && i < len(c.Criteria):
			parts = append(parts, named("criterion", c.Criteria[i].Name, i))
		case field == "evidence" && indexed:
			parts = append(parts, fmt.Sprintf("evidence %d", i+1))
		case field == "objectives" && indexed:
			parts = append(parts, fmt.Sprintf("objective %d", i+1))
		case field == "inputs" && prev == "pain" && k+1 < len(segs):
			k++
			key := segs[k]
			if in := casebuilder.LookupInput(key); in != nil {
				parts = append(parts, "“"+in.Label+"”")
			} else {
				parts = append(parts, "an input of the cost of the problem")
			}
		case field == "pain" && len(segs) > 1:
			// The item that follows says enough.
		case field == "plan" && len(segs) > 1:
		case field == "context" && len(segs) > 1:
		case indexed:
			parts = append(parts, fmt.Sprintf("%s %d", singular(words(field)), i+1))
		default:
			parts = append(parts, words(field))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	// The item comes first and its field after it: "alternative “A”,
	// cost line “B”, amount".
	return strings.Join(parts, ", ")
}

// splitIndex splits "costs[3]" into "costs", 3 and true.
func splitIndex(seg string) (string, int, bool) {
	name, rest, ok := strings.Cut(seg, "[")
	if !ok {
		return seg, 0, false
	}
	i, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	if err != nil || i < 0 {
		return name, 0, false
	}
	return name, i, true
}

// words writes a field's name in words: "contingencyCost" is "contingency
// cost", "whyNotTopRanked" "why not top ranked".
func words(field string) string {
	var b strings.Builder
	for i, r := range field {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte(' ')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// singular is the singular of a list's name in words, roughly: "items"
// is "item".
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return strings.TrimSuffix(s, "ies") + "y"
	case strings.HasSuffix(s, "s"):
		return strings.TrimSuffix(s, "s")
	}
	return s
}

// findingMessage is what a finding says, with the field path that some
// messages begin with ("alternatives[2].costs[0].amount: must not be
// negative") named in words instead.
func (d *doc) findingMessage(x casebuilder.Finding) string {
	msg := x.Message
	if p := x.Where.Path; p != "" {
		if rest, ok := strings.CutPrefix(msg, p+": "); ok {
			msg = upperFirst(d.place(p)) + ": " + rest
		}
	}
	return msg
}
