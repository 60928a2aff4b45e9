package casebuilder

import (
	"fmt"
	"reflect"
	"testing"
)

// TestCloneCopiesEveryField fills every field of every type reachable from
// Case with a value that is not zero (two items in each slice and map),
// clones the case, then changes everything reachable in the original: the
// clone must equal a case filled the same way and left alone. A field
// added to the model and forgotten in Clone fails it: a slice, map or
// pointer Clone does not copy is shared, and the change shows in the
// clone.
func TestCloneCopiesEveryField(t *testing.T) {
	var original, untouched Case
	types := map[reflect.Type]bool{}
	fill(t, reflect.ValueOf(&original).Elem(), new(int), types)
	fill(t, reflect.ValueOf(&untouched).Elem(), new(int), nil)
	for _, v := range []any{Case{}, Context{}, Objective{}, Pain{}, Evidence{}, Range{}, Date{}, Alternative{}, Cost{},
		Benefit{}, Impact{}, Judgement{}, Score{}, Criterion{}, Recommendation{}, Ask{}, ReservePolicy{}, Risk{},
		Plan{}, Milestone{}, Resource{}, Stakeholder{}, Measure{}, Contributor{},
		Tracking{}, ApprovedBaseline{}, Approval{}, BaselineLine{}, BaselineMilestone{}, BaselineGate{}, Threshold{},
		BaselineMeasure{}, InputValue{}, Spend{}, MilestoneProgress{}, Reading{}, KPIRecord{}, Isolation{}, RiskEvent{},
		GateOutcome{}, DecisionRequest{}, Credit{}, Component{}} {
		if !types[reflect.TypeOf(v)] {
			t.Errorf("the test did not reach %T", v)
		}
	}

	clone := original.Clone()
	if !reflect.DeepEqual(clone, &original) {
		t.Fatal("the clone differs from the original")
	}
	change(t, reflect.ValueOf(&original).Elem())
	if reflect.DeepEqual(&original, &untouched) {
		t.Fatal("changing the original changed nothing: the test checks nothing")
	}
	if !reflect.DeepEqual(clone, &untouched) {
		t.Error("changing the original changed the clone: Clone shares a slice, map or pointer with it")
		reportShared(t, "Case", reflect.ValueOf(clone).Elem(), reflect.ValueOf(&untouched).Elem())
	}
	if (*Tracking)(nil).Clone() != nil {
		t.Error("the clone of no tracking record is a record")
	}
}

// fill sets v and everything in it to values that are not zero, each
// scalar its own (from *n), and records the struct types it meets.
func fill(t *testing.T, v reflect.Value, n *int, types map[reflect.Type]bool) {
	t.Helper()
	*n++
	switch v.Kind() {
	case reflect.Struct:
		if types != nil {
			types[v.Type()] = true
		}
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				t.Fatalf("%s.%s is not exported: the test cannot fill it", v.Type(), v.Type().Field(i).Name)
			}
			fill(t, v.Field(i), n, types)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), n, types)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range 2 {
			key := reflect.New(v.Type().Key()).Elem()
			fill(t, key, n, types)
			val := reflect.New(v.Type().Elem()).Elem()
			fill(t, val, n, types)
			v.SetMapIndex(key, val)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), n, types)
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", *n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	default:
		t.Fatalf("fill does not know how to fill a %s (%s): teach it", v.Kind(), v.Type())
	}
}

// change changes every value reachable from v in place, through the
// slices, maps and pointers it holds.
func change(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			change(t, v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			change(t, v.Index(i))
		}
	case reflect.Map:
		for _, key := range v.MapKeys() {
			val := reflect.New(v.Type().Elem()).Elem()
			val.Set(v.MapIndex(key))
			change(t, val)
			v.SetMapIndex(key, val)
		}
	case reflect.Pointer:
		change(t, v.Elem())
	case reflect.String:
		v.SetString(v.String() + " changed")
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1000)
	case reflect.Float64:
		v.SetFloat(v.Float() + 1000)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	default:
		t.Fatalf("change does not know how to change a %s (%s): teach it", v.Kind(), v.Type())
	}
}

// reportShared names the fields of got that differ from want, to say what
// Clone forgot.
func reportShared(t *testing.T, path string, got, want reflect.Value) {
	t.Helper()
	if reflect.DeepEqual(got.Interface(), want.Interface()) {
		return
	}
	switch got.Kind() {
	case reflect.Struct:
		for i := range got.NumField() {
			reportShared(t, path+"."+got.Type().Field(i).Name, got.Field(i), want.Field(i))
		}
	case reflect.Slice:
		for i := range min(got.Len(), want.Len()) {
			reportShared(t, fmt.Sprintf("%s[%d]", path, i), got.Index(i), want.Index(i))
		}
	case reflect.Pointer:
		reportShared(t, "*"+path, got.Elem(), want.Elem())
	default:
		t.Errorf("  %s is shared with the original", path)
	}
}

func TestCloneOfASampleIsDeepAndEqual(t *testing.T) {
	for _, name := range []string{"turnover", "ramp", "handover", "stress"} {
		c := loadSample(t, name)
		d := c.Clone()
		if !reflect.DeepEqual(c, d) {
			t.Fatalf("%s: the copy differs from the original", name)
		}
		// Changing everything reachable in the copy leaves the original alone.
		before, _ := Encode(c)
		d.Alternatives[1].Costs[0].Amount.Likely++
		d.Alternatives[1].Benefits = append(d.Alternatives[1].Benefits[:0], Benefit{Name: "x"})
		d.Pain.Inputs["reps"] = Given(Exactly(1))
		d.Context.Gaps[0] = "changed"
		d.Risks[0].Alternatives[0] = "changed"
		d.Plan.Milestones[len(d.Plan.Milestones)-1].Owner = "changed"
		for k := range d.Alternatives[1].Scores {
			d.Alternatives[1].Scores[k] = Score{Score: 1}
		}
		if end := d.Alternatives[1].Costs[1].EndMonth; end != nil {
			*end = 0
		}
		after, _ := Encode(c)
		if string(before) != string(after) {
			t.Errorf("%s: changing the copy changed the original", name)
		}
	}
	if (*Case)(nil).Clone() != nil {
		t.Error("the clone of no case is a case")
	}
}

// BenchmarkCloneStress is the copy of the stress sample that every edit in
// the desktop app makes.
func BenchmarkCloneStress(b *testing.B) {
	c := loadSample(b, "stress")
	b.ReportAllocs()
	for b.Loop() {
		c.Clone()
	}
}
