package jsontree

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

var lim = Limits{Values: 100, Container: 10, Depth: 4}

func TestParseKeepsOrderAndFindsDuplicates(t *testing.T) {
	root, ps, err := Parse([]byte(`{"b": 1, "a": [true, null, "x"], "b": 2}`), lim)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(root.Keys, []string{"b", "a"}) || root.Get("b").Text != "1" {
		t.Errorf("keys %v, b = %q; want b then a, and the first b", root.Keys, root.Get("b").Text)
	}
	if a := root.Get("a"); a.Kind != Array || len(a.Items) != 3 || !a.Items[0].Truth || a.Items[1].Kind != Null || a.Items[2].Text != "x" {
		t.Errorf("a = %+v", a)
	}
	if len(ps) != 1 || ps[0].Path != "b" || !strings.Contains(ps[0].Message, "twice") {
		t.Errorf("problems = %v, want b appearing twice", ps)
	}
}

func TestParseLimits(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`[[[[[1]]]]]`, "nested more than 4 levels deep"},
		{`[1,2,3,4,5,6,7,8,9,10,11]`, "the case has more than 10 entries"},
		{`{"a": [` + strings.Repeat(`1,`, 9) + `1], "b": [` + strings.Repeat(`1,`, 9) + "1], " +
			`"c": [` + strings.Repeat(`1,`, 9) + `1]}`, ""}, // 33 values, within 100
		{`{"a": 1} x`, "there is more after the end of the case"},
		{`{"a": 1`, "ends too early at line 1, column 8"},
		{"{\n  \"a\": tru\n}", "is not valid JSON at line 2"},
	} {
		_, _, err := Parse([]byte(tt.src), lim)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%.30s: %v", tt.src, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%.30s: %v, want %q", tt.src, err, tt.want)
		}
	}
	many := "[" + strings.Repeat("[1,1,1,1,1],", 30) + "1]"
	if _, _, err := Parse([]byte(many), Limits{Values: 100, Container: 40, Depth: 4}); err == nil || !strings.Contains(err.Error(), "more than 100 values") {
		t.Errorf("181 values: %v", err)
	}
}

func TestPosition(t *testing.T) {
	data := []byte("ab\ncé\nf")
	for _, tt := range []struct{ offset, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 3}, {7, 3, 1}, {99, 3, 2}} {
		if l, c := Position(data, tt.offset); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.col)
		}
	}
	if i := InvalidUTF8At([]byte("ok\xffno")); i != 2 {
		t.Errorf("InvalidUTF8At = %d, want 2", i)
	}
}

func TestBind(t *testing.T) {
	type inner struct {
		N  int     `json:"n"`
		F  float64 `json:"f"`
		On bool    `json:"on"`
	}
	type outer struct {
		Name  string         `json:"name"`
		List  []inner        `json:"list" max:"2"`
		Tags  map[string]int `json:"tags"`
		Point *inner         `json:"point"`
		Skip  string         `json:"-"`
	}
	src := `{"name": "x", "list": [{"n": 2, "f": 1.5, "on": true}, {"n": 2.5}], "tags": {"a": 1, "b": "2"},
	  "point": {"f": 3}, "nope": 1, "Skip": "y"}`
	root, _, err := Parse([]byte(src), Limits{Values: 100, Container: 10, Depth: 8})
	if err != nil {
		t.Fatal(err)
	}
	var got outer
	b := &Binder{MaxText: 10, MaxItems: 5}
	b.Bind(root, reflect.ValueOf(&got).Elem(), "", 0)
	want := outer{Name: "x", List: []inner{{2, 1.5, true}, {}}, Tags: map[string]int{"a": 1, "b": 0}, Point: &inner{F: 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bound %+v, want %+v", got, want)
	}
	var paths []string
	for _, p := range b.Problems {
		paths = append(paths, p.Path+": "+p.Message)
	}
	wantProblems := []string{
		"list[1].n: must be a whole number (got 2.5)",
		"tags.b: must be a number (got \"2\")",
		"nope: is not a field of a case file here; check its spelling",
		"Skip: is not a field of a case file here; check its spelling",
	}
	if !slices.Equal(paths, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(wantProblems, "\n"))
	}

	// Limits of the binder, and a custom type.
	root, _, _ = Parse([]byte(`{"name": "far too long a name", "list": [{}, {}, {}]}`), lim)
	b = &Binder{MaxText: 10, MaxItems: 5}
	b.Bind(root, reflect.ValueOf(new(outer)).Elem(), "", 0)
	if len(b.Problems) != 2 || !strings.Contains(b.Problems[0].Message, "too long (19 characters; the limit is 10)") ||
		!strings.Contains(b.Problems[1].Message, "has 3 items; the limit is 2") {
		t.Errorf("limits: %v", b.Problems)
	}
	// The limit counts characters, not bytes: ten "é" (twenty bytes) fit
	// a limit of 10, eleven do not.
	for _, tc := range []struct {
		name, problem string
	}{
		{strings.Repeat("é", 10), ""},
		{strings.Repeat("é", 11), "is too long (11 characters; the limit is 10)"},
	} {
		root, _, _ = Parse([]byte(`{"name": "`+tc.name+`"}`), lim)
		b = &Binder{MaxText: 10, MaxItems: 5}
		var got outer
		b.Bind(root, reflect.ValueOf(&got).Elem(), "", 0)
		switch {
		case tc.problem == "" && (len(b.Problems) != 0 || got.Name != tc.name):
			t.Errorf("a name of %d characters (%d bytes): %v, bound %q", len([]rune(tc.name)), len(tc.name), b.Problems, got.Name)
		case tc.problem != "" && (len(b.Problems) != 1 || b.Problems[0].Message != tc.problem):
			t.Errorf("a name of %d characters: %v, want %q", len([]rune(tc.name)), b.Problems, tc.problem)
		}
	}

	type upper string
	root, _, _ = Parse([]byte(`"abc"`), lim)
	var u upper
	b = &Binder{Custom: map[reflect.Type]func(*Binder, *Node, reflect.Value, string){
		reflect.TypeFor[upper](): func(_ *Binder, n *Node, v reflect.Value, _ string) { v.SetString(strings.ToUpper(n.Text)) },
	}}
	b.Bind(root, reflect.ValueOf(&u).Elem(), "", 0)
	if u != "ABC" {
		t.Errorf("custom binding gave %q", u)
	}
}
