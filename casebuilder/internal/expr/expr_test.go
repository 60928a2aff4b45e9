package expr

import (
	"slices"
	"testing"
)

// slots resolves the names a, b and c to the slots 0, 1 and 2.
func slots(name string) (int, bool) {
	i := slices.Index([]string{"a", "b", "c"}, name)
	return i, i >= 0
}

func TestEval(t *testing.T) {
	env := []float64{2, 3, 4} // a, b, c
	tests := []struct {
		src  string
		want float64
	}{
		{"a + b * c", 14},       // 2 + 12
		{"(a + b) * c", 20},     // 5 × 4
		{"a - b - c", -5},       // (2 − 3) − 4, left to right
		{"c / a / a", 1},        // (4 ÷ 2) ÷ 2
		{"-a * b", -6},          // −2 × 3
		{"1 - (a - 0.5)", -0.5}, // 1 − 1.5
		{"a / (b - 3)", 0},      // a division by zero is worth nothing
		{"12 * .5 + a", 8},      // a number may start with its point
		{"b*c/12*(1-a)", -1},    // 12 ÷ 12 × (1 − 2)
	}
	for _, tt := range tests {
		e, err := Parse(tt.src, slots)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		if got := e.Eval(env); got != tt.want {
			t.Errorf("%q = %v, want %v", tt.src, got, tt.want)
		}
		if e.String() != tt.src {
			t.Errorf("String() = %q, want %q", e.String(), tt.src)
		}
	}
	var zero Expression
	if zero.Eval(env) != 0 || zero.Names() != nil {
		t.Errorf("the zero expression = %v with names %v, want 0 and none", zero.Eval(env), zero.Names())
	}
}

func TestFormatAndNames(t *testing.T) {
	e, err := Parse("b * (c - a) / b", slots)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Format(func(n string) string { return "$" + n }), "$b*($c-$a)/$b"; got != want {
		t.Errorf("Format = %s, want %s", got, want)
	}
	if got := e.Names(); !slices.Equal(got, []string{"b", "c", "a"}) {
		t.Errorf("Names = %v, want each once in order of appearance", got)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, bad := range []string{"1 +", "(1", "a b", "2 ** 3", "unknown * 2", "", "a +* b", "3 )"} {
		if _, err := Parse(bad, slots); err == nil {
			t.Errorf("parsed %q", bad)
		}
	}
}

// TestCompiled: the compiled closures give what walking the tree and
// working by hand give, however deep the expression and whatever its
// operands.
func TestCompiled(t *testing.T) {
	src := "a"
	for range 40 {
		src = "b * (" + src + " + c)"
	}
	deep, err := Parse(src, slots)
	if err != nil {
		t.Fatal(err)
	}
	want := 2.0 // a; then b × (x + c) forty times, with b = 1 and c = 0
	if got := deep.Eval([]float64{2, 1, 0}); got != want {
		t.Errorf("= %v, want %v", got, want)
	}
	env := []float64{2, 3, 4}
	sum, diff := 2.0+3, 4.0-2 // by hand, in float64: (5 × 2) ÷ 3 + 4
	for src, want := range map[string]float64{
		"(a + b) * (c - a) / b - -c": sum*diff/3 + 4, "a * b + c": 10,
		"a + b": 5, "a - b": -1, "a * b": 6, "a / b": 2.0 / 3,
		"a + 1": 3, "a - 1": 1, "a * 1.5": 3, "a / 4": 0.5, "a / 0": 0, "a / (b - 3)": 0,
		"1 + a": 3, "1 - a": -1, "3 * a": 6, "3 / a": 1.5, "-a": -2, "(a)": 2, "7": 7,
		"a - b - c": -5, "a / b / c": 2.0 / 3 / 4, "c - a * b": -2,
	} {
		e, err := Parse(src, slots)
		if err != nil {
			t.Fatal(err)
		}
		if got, tree := e.Eval(env), e.root.eval(env); got != want || tree != want {
			t.Errorf("%s: compiled %v, tree %v, by hand %v", src, got, tree, want)
		}
	}
}

// TestDegree: in a, with b depending on it as a straight line and c not
// at all.
func TestDegree(t *testing.T) {
	of := func(slot int) int { return []int{1, 1, 0}[slot] }
	for src, want := range map[string]int{
		"c * 3":             0,
		"a":                 1,
		"a * c + b / 2 - 4": 1,
		"-(a + c) * c":      1,
		"c / (c - 1)":       0,
		"a * b":             NonLinear,
		"c / a":             NonLinear,
		"a * a * c":         NonLinear,
		"(a + b) * (c - 1)": 1,
	} {
		e, err := Parse(src, slots)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Degree(of); got != want {
			t.Errorf("%s: degree %d, want %d", src, got, want)
		}
	}
	if (Expression{}).Degree(of) != 0 {
		t.Error("the empty expression depends on a")
	}
}
