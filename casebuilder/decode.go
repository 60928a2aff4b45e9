package casebuilder

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casebuilder/casebuilder/casebuilder/internal/jsontree"
)

// Decode reads a case from the contents of a .hrcase file, migrating an
// older schema, and returns every problem it finds as [Problems], each
// naming its path: wrong types, unknown fields, duplicate keys, values out
// of range (see [Validate]).
//
// When the file is well-formed JSON of a schema this version reads, Decode
// returns the case as far as it could be read even when there are
// problems, so that the caller can show it beside them; otherwise the case
// is nil.
func Decode(data []byte) (*Case, error) {
	if len(data) > MaxFileSize {
		return nil, Problems{{"", tooLarge(int64(len(data)))}}
	}
	// A byte-order mark (Windows Notepad writes one) says nothing JSON
	// needs; one of UTF-16 says the text must be saved again as UTF-8.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, Problems{{"", "is UTF-16 text (Windows Notepad's \"Unicode\"); save it again as UTF-8 to open it"}}
	}
	if !utf8.Valid(data) {
		line, col := jsontree.Position(data, jsontree.InvalidUTF8At(data))
		return nil, Problems{{"", fmt.Sprintf("is not UTF-8 text (bad byte at line %d, column %d); it is not a case file or it is damaged", line, col)}}
	}
	root, ps, err := jsontree.Parse(data, jsontree.Limits{Values: MaxValues, Container: MaxContainer, Depth: MaxDepth})
	if err != nil {
		return nil, Problems{{"", err.Error()}}
	}
	if root.Kind != jsontree.Object {
		return nil, Problems{{"", "is not a case: it holds " + root.Describe() + " where a case is an object"}}
	}
	version, err := schemaVersionOf(root)
	if err != nil {
		return nil, Problems{{"schemaVersion", err.Error()}}
	}
	for v := version; v < SchemaVersion; v++ {
		ps = append(ps, migrations[v](root)...)
	}
	c := new(Case)
	b := &jsontree.Binder{Custom: customBinders, MaxText: MaxText, MaxItems: MaxItems, Problems: ps}
	b.Bind(root, reflect.ValueOf(c).Elem(), "", 0)
	c.SchemaVersion = SchemaVersion
	all := make(Problems, len(b.Problems), len(b.Problems)+8)
	for i, p := range b.Problems {
		all[i] = Problem(p)
	}
	all = append(all, Validate(c)...)
	if len(all) > 0 {
		return c, all
	}
	return c, nil
}

// Encode returns the case as the contents of a .hrcase file: indented JSON,
// schemaVersion first. It refuses an invalid case with its [Problems], so a
// file it writes always loads.
func Encode(c *Case) ([]byte, error) {
	if ps := Validate(c); len(ps) > 0 {
		return nil, ps
	}
	cc := *c
	cc.SchemaVersion = SchemaVersion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&cc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// migrations[v] turns a file of schema version v into version v+1, in place.
var migrations = map[int]func(root *jsontree.Node) []jsontree.Problem{
	// Version 1 counted the horizon in whole years; version 2 counts months,
	// so that a horizon need not be a whole number of years.
	1: func(root *jsontree.Node) []jsontree.Problem {
		years := root.Get("horizonYears")
		if years == nil {
			return nil
		}
		n, err := strconv.Atoi(years.Text)
		if years.Kind != jsontree.Number || err != nil || n < 0 || n > MaxHorizonMonths/12 {
			return []jsontree.Problem{{Path: "horizonYears", Message: fmt.Sprintf("must be a whole number of years from 1 to %d (got %s)", MaxHorizonMonths/12, years.Describe())}}
		}
		root.Remove("horizonYears")
		root.Set("horizonMonths", &jsontree.Node{Kind: jsontree.Number, Text: strconv.Itoa(n * 12)})
		return nil
	},
	// Version 3 can anchor lines to milestones, give inputs year by year,
	// split the money by kind and stop at gates. A version 2 file means
	// the same in version 3: lines keep their fixed months, inputs their
	// single values, and every line the kind its basis implies.
	2: func(*jsontree.Node) []jsontree.Problem { return nil },
	// Version 4 keeps the programme's record after approval (tracking).
	// A version 3 file has none: it is a case not yet approved, and means
	// the same in version 4.
	3: func(*jsontree.Node) []jsontree.Problem { return nil },
}

func schemaVersionOf(root *jsontree.Node) (int, error) {
	n := root.Get("schemaVersion")
	if n == nil {
		return 0, errors.New("is missing: this is not a Case Builder file")
	}
	v, err := strconv.Atoi(n.Text)
	if n.Kind != jsontree.Number || err != nil || v < 1 {
		return 0, fmt.Errorf("must be a whole number from 1 (got %s)", n.Describe())
	}
	if v > SchemaVersion {
		return 0, fmt.Errorf("is %d: the file was written by a newer Case Builder (this one reads up to %d); update Case Builder to open it", v, SchemaVersion)
	}
	return v, nil
}

func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// customBinders read the values of the case's own types.
var customBinders = map[reflect.Type]func(b *jsontree.Binder, n *jsontree.Node, v reflect.Value, path string){
	reflect.TypeFor[Range]():      bindRange,
	reflect.TypeFor[InputValue](): bindInputValue,
	reflect.TypeFor[Date]():       bindDate,
}

// bindInputValue reads a calculator input: an estimate, or a list of
// them, one for each year.
func bindInputValue(b *jsontree.Binder, n *jsontree.Node, v reflect.Value, path string) {
	if n.Kind != jsontree.Array {
		var r Range
		before := len(b.Problems)
		bindRange(b, n, reflect.ValueOf(&r).Elem(), path)
		if len(b.Problems) == before {
			v.Set(reflect.ValueOf(Given(r)))
		}
		return
	}
	switch {
	case len(n.Items) == 0:
		b.Add(path, "gives no year: give one value, or one for each year of the horizon")
		return
	case len(n.Items) > MaxHorizonMonths/PeriodsPerYear:
		b.Add(path, "gives %d years; a horizon has at most %d", len(n.Items), MaxHorizonMonths/PeriodsPerYear)
		return
	}
	years := make([]Range, len(n.Items))
	before := len(b.Problems)
	for y, item := range n.Items {
		bindRange(b, item, reflect.ValueOf(&years[y]).Elem(), fmt.Sprintf("%s[%d]", path, y))
	}
	if len(b.Problems) == before {
		v.Set(reflect.ValueOf(ByYear(years...)))
	}
}

// bindRange reads an estimate: a number, or an object of low, likely and
// high whose missing low or high is the likely value.
func bindRange(b *jsontree.Binder, n *jsontree.Node, v reflect.Value, path string) {
	switch n.Kind {
	case jsontree.Number:
		if x, ok := b.Number(n, path); ok {
			v.Set(reflect.ValueOf(Exactly(x)))
		}
		return
	case jsontree.Object:
	default:
		b.Add(path, "must be a number or an object with low, likely and high (got %s)", n.Describe())
		return
	}
	var r Range
	var has [3]bool
	for i, key := range n.Keys {
		var dst *float64
		var slot int
		switch key {
		case "low":
			dst, slot = &r.Low, 0
		case "likely":
			dst, slot = &r.Likely, 1
		case "high":
			dst, slot = &r.High, 2
		default:
			b.Add(jsontree.JoinPath(path, key), "is not part of an estimate: use low, likely and high")
			continue
		}
		if x, ok := b.Number(n.Vals[i], jsontree.JoinPath(path, key)); ok {
			*dst, has[slot] = x, true
		}
	}
	if !has[1] {
		b.Add(path+".likely", "is missing: an estimate needs at least its likely value")
		return
	}
	if !has[0] {
		r.Low = r.Likely
	}
	if !has[2] {
		r.High = r.Likely
	}
	v.Set(reflect.ValueOf(r))
}

// bindDate reads a date written YYYY-MM-DD; an empty one is not set.
func bindDate(b *jsontree.Binder, n *jsontree.Node, v reflect.Value, path string) {
	if n.Kind != jsontree.String {
		b.Add(path, "must be a date written YYYY-MM-DD (got %s)", n.Describe())
		return
	}
	if n.Text == "" {
		return
	}
	d, err := ParseDate(n.Text)
	if err != nil {
		b.Add(path, "%v", err)
		return
	}
	v.Set(reflect.ValueOf(d))
}
