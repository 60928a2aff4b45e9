package casebuilder

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// setEstimate replaces the field at path (as a break-even names it) by the
// plain number v, as a user editing the file would.
func setEstimate(t *testing.T, c *Case, path string, v float64) {
	t.Helper()
	if key, ok := strings.CutPrefix(path, "pain.inputs."); ok {
		c.Pain.Inputs[key] = Given(Exactly(v))
		return
	}
	var ai, li int
	var list, field string
	if _, err := fmt.Sscanf(strings.NewReplacer("[", " ", "]", " ", ".", " ").Replace(path), "alternatives %d %s %d %s", &ai, &list, &li, &field); err != nil {
		t.Fatalf("path %q: %v", path, err)
	}
	switch list + "." + field {
	case "costs.amount":
		c.Alternatives[ai].Costs[li].Amount = Exactly(v)
	case "benefits.annual":
		c.Alternatives[ai].Benefits[li].Annual = Exactly(v)
	case "benefits.share":
		c.Alternatives[ai].Benefits[li].Share = Exactly(v)
	case "benefits.to":
		c.Alternatives[ai].Benefits[li].To = Exactly(v)
	default:
		t.Fatalf("path %q", path)
	}
}

// TestBreakEvenSubstituted: the field of every break-even, replaced in the
// case by the plain number found, gives the recommendation an NPV within
// 1 of zero; its "behind" value brings it within 1 of the next
// alternative's.
func TestBreakEvenSubstituted(t *testing.T) {
	for _, name := range []string{"turnover", "ramp"} {
		c := loadSample(t, name)
		res := Calculate(c)
		bes := BreakEvens(c, res, Sensitivity(c, res))
		if len(bes) < 5 {
			t.Fatalf("%s: %d break-evens", name, len(bes))
		}
		found := 0
		for _, be := range bes {
			if be.Value == nil {
				continue
			}
			found++
			cc := loadSample(t, name)
			setEstimate(t, cc, be.Path, *be.Value)
			r := Calculate(cc)
			if npv := r.Alternatives[r.Recommended].NPV; math.Abs(npv) > 1 {
				t.Errorf("%s: %s = %s gives an NPV of %v, not zero", name, be.Path, strconv.FormatFloat(*be.Value, 'g', -1, 64), npv)
			}
			if be.Holds(be.Likely) != (res.Alternatives[res.Recommended].NPV >= 0) {
				t.Errorf("%s: %s holds at its likely value %v: %v, with an NPV of %v", name, be.Path, be.Likely, be.Holds(be.Likely), res.Alternatives[res.Recommended].NPV)
			}
			if be.Behind != nil {
				cc := loadSample(t, name)
				setEstimate(t, cc, be.Path, *be.Behind)
				r := Calculate(cc)
				next := -1
				for i, a := range r.Alternatives {
					if a.Name == be.Next {
						next = i
					}
				}
				if gap := r.Alternatives[r.Recommended].NPV - r.Alternatives[next].NPV; math.Abs(gap) > 1 {
					t.Errorf("%s: %s = %v leaves the recommendation %v ahead of %s, not level", name, be.Path, *be.Behind, gap, be.Next)
				}
			}
		}
		if found < 3 {
			t.Errorf("%s: only %d break-evens found", name, found)
		}
	}
}

// TestBreakEvenByHand: a cost line worth 10,000 a month for a year, against
// savings of 180,000 a year, with no discount: the NPV is 180,000 −
// 12 × 10,000 = 60,000, and zero at 15,000 a month. The savings break
// even at 120,000 a year. A saving that cannot fall far enough has none.
func TestBreakEvenByHand(t *testing.T) {
	c := &Case{SchemaVersion: SchemaVersion, Title: "By hand", Currency: "EUR", HorizonMonths: 12,
		Alternatives: []Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "a", Name: "A", Costs: []Cost{{Name: "Team", Kind: Monthly, Amount: Range{9_000, 10_000, 12_000}}},
				Benefits: []Benefit{{Name: "Savings", Basis: BenefitAmount, Annual: Exactly(180_000)}}},
		},
		Recommendation: Recommendation{Alternative: "a"},
	}
	res := Calculate(c)
	bes := BreakEvens(c, res, Sensitivity(c, res))
	if len(bes) != 2 {
		t.Fatalf("break-evens %+v", bes)
	}
	team, savings := bes[0], bes[1]
	if team.Path != "alternatives[1].costs[0].amount" || team.Value == nil || math.Abs(*team.Value-15_000) > 1e-6 || team.Rising {
		t.Errorf("team: %+v, want 15,000 at most", team)
	}
	if savings.Value == nil || math.Abs(*savings.Value-120_000) > 1e-6 || !savings.Rising || savings.Behind != nil {
		t.Errorf("savings: %+v, want 120,000 at least and no alternative to fall behind", savings)
	}
	// A free programme: its savings break even at nothing.
	c.Alternatives[1].Costs[0].Amount = Exactly(0)
	res = Calculate(c)
	bes = BreakEvens(c, res, Sensitivity(c, res))
	if len(bes) != 1 || bes[0].Value == nil || *bes[0].Value != 0 {
		t.Errorf("a free programme: %+v, want savings breaking even at 0", bes)
	}
	// With a licence of 300,000 besides, the NPV is −120,000 even with
	// the team free: no cost of the team breaks even; the savings do, at
	// 120,000 + 300,000.
	c.Alternatives[1].Costs[0].Amount = Range{9_000, 10_000, 12_000}
	c.Alternatives[1].Costs = append(c.Alternatives[1].Costs, Cost{Name: "Licence", Kind: OneTime, Amount: Exactly(300_000)})
	res = Calculate(c)
	bes = BreakEvens(c, res, Sensitivity(c, res))
	if bes[0].Value != nil || bes[1].Value == nil || math.Abs(*bes[1].Value-420_000) > 1e-6 {
		t.Errorf("with the licence: team %v, savings %v; want none and 420,000", bes[0].Value, bes[1].Value)
	}
}
