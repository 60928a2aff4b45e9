package ui

import (
	"reflect"
	"testing"
	"time"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
)

func loadSample(t testing.TB, name string) *casebuilder.Case {
	t.Helper()
	data, err := assets.SampleFile(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := casebuilder.Decode(data)
	if err != nil {
		t.Fatalf("sample %s: %v", name, err)
	}
	return c
}

func TestCloneCaseIsDeepAndEqual(t *testing.T) {
	for _, name := range []string{"turnover", "ramp", "stress"} {
		c := loadSample(t, name)
		d := cloneCase(c)
		if !reflect.DeepEqual(c, d) {
			t.Fatalf("%s: the copy differs from the original", name)
		}
		// Changing everything reachable in the copy leaves the original alone.
		before, _ := casebuilder.Encode(c)
		d.Alternatives[1].Costs[0].Amount.Likely++
		d.Alternatives[1].Benefits = append(d.Alternatives[1].Benefits[:0], casebuilder.Benefit{Name: "x"})
		d.Pain.Inputs["reps"] = casebuilder.Given(casebuilder.Exactly(1))
		d.Context.Gaps[0] = "changed"
		d.Risks[0].Alternatives[0] = "changed"
		d.Plan.Milestones[len(d.Plan.Milestones)-1].Owner = "changed"
		for k := range d.Alternatives[1].Scores {
			d.Alternatives[1].Scores[k] = casebuilder.Score{Score: 1}
		}
		if end := d.Alternatives[1].Costs[1].EndMonth; end != nil {
			*end = 0
		}
		after, _ := casebuilder.Encode(c)
		if string(before) != string(after) {
			t.Errorf("%s: changing the copy changed the original", name)
		}
	}
}

func TestCloneValueCopiesPointers(t *testing.T) {
	end := 5
	b := casebuilder.Benefit{Name: "a", EndMonth: &end}
	d := cloneValue(b)
	*d.EndMonth = 9
	if end != 5 {
		t.Errorf("the copy shares EndMonth with the original")
	}
}

// BenchmarkEditStress measures what every keystroke in a field costs with
// the stress case open: a copy of the case and its validation.
func BenchmarkEditStress(b *testing.B) {
	c := loadSample(b, "stress")
	d := newDocument(c, "", time.Now)
	b.ReportAllocs()
	for i := range b.N {
		err := d.edit(casebuilder.Where{}, "k", func(c *casebuilder.Case) error {
			c.Title = "Stress " + string(rune('a'+i%26))
			return nil
		})
		if err != nil && err != errUnchanged {
			b.Fatal(err)
		}
	}
}

func BenchmarkCloneStress(b *testing.B) {
	c := loadSample(b, "stress")
	b.ReportAllocs()
	for range b.N {
		cloneCase(c)
	}
}

func BenchmarkValidateStress(b *testing.B) {
	c := loadSample(b, "stress")
	for range b.N {
		casebuilder.Validate(c)
	}
}

func BenchmarkAnalyseStress(b *testing.B) {
	c := loadSample(b, "stress")
	for range b.N {
		analyse(c)
	}
}
