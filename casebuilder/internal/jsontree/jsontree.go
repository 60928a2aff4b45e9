// Package jsontree reads a case file's JSON into a tree that keeps the order
// of its keys, and binds the tree to Go values by reflection, naming every
// problem by its path: a duplicate key, a value of the wrong type, an
// unknown field, a list over its limit. Reading is bounded (values, entries
// of one list or object, depth), so that a hostile file cannot exhaust the
// machine before the model's own limits apply.
package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with the file: where, and what.
type Problem struct {
	Path    string
	Message string
}

// Limits bound what Parse reads.
type Limits struct {
	// Values bounds the JSON values in the file, Container the entries of
	// one list or object, and Depth the nesting.
	Values, Container, Depth int
}

// Node is a parsed JSON value that keeps the order of object keys, so
// that problems can be reported in file order and duplicates found.
type Node struct {
	Kind  Kind
	Text  string // a string's value or a number's literal
	Truth bool
	Items []*Node  // an array's elements
	Keys  []string // an object's keys, in order
	Vals  []*Node  // an object's values
}

// Kind is the kind of value a Node holds.
type Kind int

// The kinds of JSON value.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Get returns the value of an object's key, or nil.
func (n *Node) Get(key string) *Node {
	for i, k := range n.Keys {
		if k == key {
			return n.Vals[i]
		}
	}
	return nil
}

// Remove removes a key from an object.
func (n *Node) Remove(key string) {
	for i, k := range n.Keys {
		if k == key {
			n.Keys = append(n.Keys[:i], n.Keys[i+1:]...)
			n.Vals = append(n.Vals[:i], n.Vals[i+1:]...)
			return
		}
	}
}

// Set sets an object's key to v, in its place or else last.
func (n *Node) Set(key string, v *Node) {
	for i, k := range n.Keys {
		if k == key {
			n.Vals[i] = v
			return
		}
	}
	n.Keys, n.Vals = append(n.Keys, key), append(n.Vals, v)
}

// Describe says what the node holds, for messages.
func (n *Node) Describe() string {
	switch n.Kind {
	case Null:
		return "null"
	case Bool:
		return strconv.FormatBool(n.Truth)
	case Number:
		return n.Text
	case String:
		s := n.Text
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return strconv.Quote(s)
	case Array:
		return "a list"
	}
	return "an object"
}

// Parse parses one JSON value that fills data. Duplicate keys are
// returned as problems; malformed JSON and nesting deeper than p.lim.Depth as
// an error that says where.
func Parse(data []byte, lim Limits) (*Node, []Problem, error) {
	p := &parser{dec: json.NewDecoder(bytes.NewReader(data)), data: data, lim: lim}
	p.dec.UseNumber()
	root, err := p.value("", 0)
	if err == nil {
		if _, extra := p.dec.Token(); extra != io.EOF {
			err = p.errorf("there is more after the end of the case")
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return root, p.ps, nil
}

type parser struct {
	dec    *json.Decoder
	data   []byte
	lim    Limits
	ps     []Problem
	values int // values read so far
}

func (p *parser) errorf(format string, args ...any) error {
	line, col := Position(p.data, int(p.dec.InputOffset()))
	return fmt.Errorf("is not a valid case file: %s (line %d, column %d)", fmt.Sprintf(format, args...), line, col)
}

// syntaxError turns an error of the JSON decoder into one that says where,
// in words.
func (p *parser) syntaxError(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		if strings.TrimSpace(string(p.data)) == "" {
			return errors.New("is empty: it is not a case file")
		}
		line, col := Position(p.data, len(p.data))
		return fmt.Errorf("ends too early at line %d, column %d: the file is truncated or damaged; its backup (.bak) may hold the previous version", line, col)
	case errors.As(err, &se):
		// The streaming decoder counts offsets from the value it was
		// reading; a check of the whole file gives the offset in the file.
		var whole *json.SyntaxError
		if errors.As(json.Unmarshal(p.data, new(json.RawMessage)), &whole) {
			se = whole
		}
		// Offset counts the bytes read, the offending one included.
		line, col := Position(p.data, int(se.Offset)-1)
		msg := strings.TrimPrefix(se.Error(), "invalid character ")
		return fmt.Errorf("is not valid JSON at line %d, column %d: unexpected %s", line, col, msg)
	}
	return fmt.Errorf("is not a valid case file: %v", err)
}

func (p *parser) value(path string, depth int) (*Node, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntaxError(err)
	}
	if p.values++; p.values > p.lim.Values {
		return nil, p.errorf("holds more than %d values; no case is that large", p.lim.Values)
	}
	switch t := tok.(type) {
	case nil:
		return &Node{Kind: Null}, nil
	case bool:
		return &Node{Kind: Bool, Truth: t}, nil
	case json.Number:
		return &Node{Kind: Number, Text: string(t)}, nil
	case string:
		return &Node{Kind: String, Text: t}, nil
	}
	if depth >= p.lim.Depth {
		return nil, p.errorf("nested more than %d levels deep", p.lim.Depth)
	}
	n := &Node{Kind: Array}
	if tok == json.Delim('{') {
		n.Kind = Object
	}
	var index map[string]bool // the keys of a large object, to find duplicates fast
	for p.dec.More() {
		if len(n.Items)+len(n.Keys) == p.lim.Container {
			return nil, p.errorf("%s has more than %d entries", orCase(path), p.lim.Container)
		}
		if n.Kind == Array {
			item, err := p.value(fmt.Sprintf("%s[%d]", path, len(n.Items)), depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, item)
			continue
		}
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.syntaxError(err)
		}
		key, _ := tok.(string)
		kp := JoinPath(path, key)
		val, err := p.value(kp, depth+1)
		if err != nil {
			return nil, err
		}
		if len(n.Keys) == 16 {
			index = make(map[string]bool, 32)
			for _, k := range n.Keys {
				index[k] = true
			}
		}
		if index != nil && index[key] || index == nil && n.Get(key) != nil {
			p.ps = append(p.ps, Problem{kp, "appears twice in the same object; keep one"})
			continue
		}
		if index != nil {
			index[key] = true
		}
		n.Keys, n.Vals = append(n.Keys, key), append(n.Vals, val)
	}
	if _, err := p.dec.Token(); err != nil { // the closing ] or }
		return nil, p.syntaxError(err)
	}
	return n, nil
}

// JoinPath returns the path of an object's key: path.key, or key at the
// top. A key that is empty or holds a control character is quoted, so that
// a message naming it cannot carry the character to a terminal.
func JoinPath(path, key string) string {
	if key == "" || strings.IndexFunc(key, unicode.IsControl) >= 0 {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// Position returns the 1-based line and column (in characters) of a byte
// offset.
func Position(data []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// InvalidUTF8At returns the offset of the first byte of data that is not
// UTF-8, or len(data).
func InvalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func orCase(path string) string {
	if path == "" {
		return "the case"
	}
	return path
}

// Binder sets Go values from parsed JSON, collecting a problem for each
// value of the wrong type, each unknown field and each list over its
// limit. A struct's fields are read by the names of their json tags, and a
// list's length is bounded by the field's `max` tag.
type Binder struct {
	// Custom reads the values of these types itself, with the binder's
	// helpers.
	Custom map[reflect.Type]func(b *Binder, n *Node, v reflect.Value, path string)
	// MaxText bounds every text, in characters (runes), and MaxItems
	// every list and object that has no `max` of its own.
	MaxText, MaxItems int
	// Problems are what binding found, in the order of the file.
	Problems []Problem
}

// Add records a problem at path.
func (b *Binder) Add(path, format string, args ...any) {
	b.Problems = append(b.Problems, Problem{path, fmt.Sprintf(format, args...)})
}

// Bind sets v from n. limit bounds the length of a list (0: MaxItems). A
// null leaves v as it is.
func (b *Binder) Bind(n *Node, v reflect.Value, path string, limit int) {
	if n.Kind == Null {
		return // null leaves the value unset
	}
	if custom, ok := b.Custom[v.Type()]; ok {
		custom(b, n, v, path)
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != String {
			b.Add(path, "must be text (got %s)", n.Describe())
		} else if chars := utf8.RuneCountInString(n.Text); chars > b.MaxText {
			b.Add(path, "is too long (%d characters; the limit is %d)", chars, b.MaxText)
		} else {
			v.SetString(n.Text)
		}
	case reflect.Bool:
		if n.Kind != Bool {
			b.Add(path, "must be true or false (got %s)", n.Describe())
		} else {
			v.SetBool(n.Truth)
		}
	case reflect.Int:
		if x, ok := b.Number(n, path); ok {
			switch {
			case x < -1e9 || x > 1e9:
				b.Add(path, "is out of range (got %s)", n.Text)
			case x != math.Trunc(x):
				b.Add(path, "must be a whole number (got %s)", n.Text)
			default:
				v.SetInt(int64(x))
			}
		}
	case reflect.Float64:
		if x, ok := b.Number(n, path); ok {
			v.SetFloat(x)
		}
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		b.Bind(n, elem.Elem(), path, limit)
		v.Set(elem)
	case reflect.Slice:
		if n.Kind != Array {
			b.Add(path, "must be a list (got %s)", n.Describe())
			return
		}
		if limit == 0 {
			limit = b.MaxItems
		}
		if len(n.Items) > limit {
			b.Add(path, "has %d items; the limit is %d", len(n.Items), limit)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Items), len(n.Items))
		for i, item := range n.Items {
			b.Bind(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), 0)
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != Object {
			b.Add(path, "must be an object (got %s)", n.Describe())
			return
		}
		if len(n.Keys) > b.MaxItems {
			b.Add(path, "has %d entries; the limit is %d", len(n.Keys), b.MaxItems)
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Keys))
		for i, key := range n.Keys {
			elem := reflect.New(v.Type().Elem()).Elem()
			b.Bind(n.Vals[i], elem, JoinPath(path, key), 0)
			m.SetMapIndex(reflect.ValueOf(key), elem)
		}
		v.Set(m)
	case reflect.Struct:
		if n.Kind != Object {
			b.Add(path, "must be an object (got %s)", n.Describe())
			return
		}
		fields := fieldsOf(v.Type())
		for i, key := range n.Keys {
			f, ok := fields[key]
			if !ok {
				b.Add(JoinPath(path, key), "is not a field of a case file here; check its spelling")
				continue
			}
			b.Bind(n.Vals[i], v.Field(f.index), JoinPath(path, key), f.limit)
		}
	default:
		panic("casebuilder: cannot decode into " + v.Type().String())
	}
}

// Number returns the number n holds, or records why it is not one.
func (b *Binder) Number(n *Node, path string) (float64, bool) {
	if n.Kind != Number {
		b.Add(path, "must be a number (got %s)", n.Describe())
		return 0, false
	}
	x, err := strconv.ParseFloat(n.Text, 64)
	if err != nil {
		b.Add(path, "is out of range (got %s)", n.Text)
		return 0, false
	}
	return x, true
}

type fieldInfo struct {
	index int
	limit int
}

var fieldCache sync.Map // reflect.Type → map[string]fieldInfo

// fieldsOf maps the JSON names of a struct's fields to their index and list
// limit (from the `max` tag).
func fieldsOf(t reflect.Type) map[string]fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]fieldInfo)
	}
	fields := map[string]fieldInfo{}
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		limit, _ := strconv.Atoi(sf.Tag.Get("max"))
		fields[name] = fieldInfo{i, limit}
	}
	fieldCache.Store(t, fields)
	return fields
}
