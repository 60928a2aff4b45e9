package casebuilder

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
	"unicode/utf8"
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
		line, col := position(data, invalidUTF8At(data))
		return nil, Problems{{"", fmt.Sprintf("is not UTF-8 text (bad byte at line %d, column %d); it is not a case file or it is damaged", line, col)}}
	}
	root, ps, err := parseJSON(data)
	if err != nil {
		return nil, Problems{{"", err.Error()}}
	}
	if root.kind != objectNode {
		return nil, Problems{{"", "is not a case: it holds " + root.describe() + " where a case is an object"}}
	}
	version, err := schemaVersionOf(root)
	if err != nil {
		return nil, Problems{{"schemaVersion", err.Error()}}
	}
	for v := version; v < SchemaVersion; v++ {
		ps = append(ps, migrations[v](root)...)
	}
	c := new(Case)
	b := &binder{ps: ps}
	b.bind(root, reflect.ValueOf(c).Elem(), "", 0)
	c.SchemaVersion = SchemaVersion
	b.ps = append(b.ps, Validate(c)...)
	if len(b.ps) > 0 {
		return c, b.ps
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
var migrations = map[int]func(root *jsonNode) Problems{
	// Version 1 counted the horizon in whole years; version 2 counts months,
	// so that a horizon need not be a whole number of years.
	1: func(root *jsonNode) Problems {
		years := root.get("horizonYears")
		if years == nil {
			return nil
		}
		n, err := strconv.Atoi(years.text)
		if years.kind != numberNode || err != nil || n < 0 || n > MaxHorizonMonths/12 {
			return Problems{{"horizonYears", fmt.Sprintf("must be a whole number of years from 1 to %d (got %s)", MaxHorizonMonths/12, years.describe())}}
		}
		root.remove("horizonYears")
		root.set("horizonMonths", &jsonNode{kind: numberNode, text: strconv.Itoa(n * 12)})
		return nil
	},
}

func schemaVersionOf(root *jsonNode) (int, error) {
	n := root.get("schemaVersion")
	if n == nil {
		return 0, errors.New("is missing: this is not a Case Builder file")
	}
	v, err := strconv.Atoi(n.text)
	if n.kind != numberNode || err != nil || v < 1 {
		return 0, fmt.Errorf("must be a whole number from 1 (got %s)", n.describe())
	}
	if v > SchemaVersion {
		return 0, fmt.Errorf("is %d: the file was written by a newer Case Builder (this one reads up to %d); update Case Builder to open it", v, SchemaVersion)
	}
	return v, nil
}

// jsonNode is a parsed JSON value that keeps the order of object keys, so
// that problems can be reported in file order and duplicates found.
type jsonNode struct {
	kind  nodeKind
	text  string // a string's value or a number's literal
	truth bool
	items []*jsonNode // an array's elements
	keys  []string    // an object's keys, in order
	vals  []*jsonNode // an object's values
}

type nodeKind int

const (
	nullNode nodeKind = iota
	boolNode
	numberNode
	stringNode
	arrayNode
	objectNode
)

func (n *jsonNode) get(key string) *jsonNode {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

func (n *jsonNode) remove(key string) {
	for i, k := range n.keys {
		if k == key {
			n.keys = append(n.keys[:i], n.keys[i+1:]...)
			n.vals = append(n.vals[:i], n.vals[i+1:]...)
			return
		}
	}
}

func (n *jsonNode) set(key string, v *jsonNode) {
	for i, k := range n.keys {
		if k == key {
			n.vals[i] = v
			return
		}
	}
	n.keys, n.vals = append(n.keys, key), append(n.vals, v)
}

// describe says what the node holds, for messages.
func (n *jsonNode) describe() string {
	switch n.kind {
	case nullNode:
		return "null"
	case boolNode:
		return strconv.FormatBool(n.truth)
	case numberNode:
		return n.text
	case stringNode:
		s := n.text
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return strconv.Quote(s)
	case arrayNode:
		return "a list"
	}
	return "an object"
}

// parseJSON parses one JSON value that fills data. Duplicate keys are
// returned as problems; malformed JSON and nesting deeper than MaxDepth as
// an error that says where.
func parseJSON(data []byte) (*jsonNode, Problems, error) {
	p := &jsonParser{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
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

type jsonParser struct {
	dec    *json.Decoder
	data   []byte
	ps     Problems
	values int // values read so far
}

func (p *jsonParser) errorf(format string, args ...any) error {
	line, col := position(p.data, int(p.dec.InputOffset()))
	return fmt.Errorf("is not a valid case file: %s (line %d, column %d)", fmt.Sprintf(format, args...), line, col)
}

// syntaxError turns an error of the JSON decoder into one that says where,
// in words.
func (p *jsonParser) syntaxError(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		if strings.TrimSpace(string(p.data)) == "" {
			return errors.New("is empty: it is not a case file")
		}
		line, col := position(p.data, len(p.data))
		return fmt.Errorf("ends too early at line %d, column %d: the file is truncated or damaged; its backup (.bak) may hold the previous version", line, col)
	case errors.As(err, &se):
		// The streaming decoder counts offsets from the value it was
		// reading; a check of the whole file gives the offset in the file.
		var whole *json.SyntaxError
		if errors.As(json.Unmarshal(p.data, new(json.RawMessage)), &whole) {
			se = whole
		}
		// Offset counts the bytes read, the offending one included.
		line, col := position(p.data, int(se.Offset)-1)
		msg := strings.TrimPrefix(se.Error(), "invalid character ")
		return fmt.Errorf("is not valid JSON at line %d, column %d: unexpected %s", line, col, msg)
	}
	return fmt.Errorf("is not a valid case file: %v", err)
}

func (p *jsonParser) value(path string, depth int) (*jsonNode, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntaxError(err)
	}
	if p.values++; p.values > MaxValues {
		return nil, p.errorf("holds more than %d values; no case is that large", MaxValues)
	}
	switch t := tok.(type) {
	case nil:
		return &jsonNode{kind: nullNode}, nil
	case bool:
		return &jsonNode{kind: boolNode, truth: t}, nil
	case json.Number:
		return &jsonNode{kind: numberNode, text: string(t)}, nil
	case string:
		return &jsonNode{kind: stringNode, text: t}, nil
	}
	if depth >= MaxDepth {
		return nil, p.errorf("nested more than %d levels deep", MaxDepth)
	}
	n := &jsonNode{kind: arrayNode}
	if tok == json.Delim('{') {
		n.kind = objectNode
	}
	var index map[string]bool // the keys of a large object, to find duplicates fast
	for p.dec.More() {
		if len(n.items)+len(n.keys) == MaxContainer {
			return nil, p.errorf("%s has more than %d entries", orDefault(path, "the case"), MaxContainer)
		}
		if n.kind == arrayNode {
			item, err := p.value(fmt.Sprintf("%s[%d]", path, len(n.items)), depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
			continue
		}
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.syntaxError(err)
		}
		key, _ := tok.(string)
		kp := joinPath(path, key)
		val, err := p.value(kp, depth+1)
		if err != nil {
			return nil, err
		}
		if len(n.keys) == 16 {
			index = make(map[string]bool, 32)
			for _, k := range n.keys {
				index[k] = true
			}
		}
		if index != nil && index[key] || index == nil && n.get(key) != nil {
			p.ps = append(p.ps, Problem{kp, "appears twice in the same object; keep one"})
			continue
		}
		if index != nil {
			index[key] = true
		}
		n.keys, n.vals = append(n.keys, key), append(n.vals, val)
	}
	if _, err := p.dec.Token(); err != nil { // the closing ] or }
		return nil, p.syntaxError(err)
	}
	return n, nil
}

// joinPath is the path of key in the object at path. A key holding a
// control character is quoted, so that a message naming it cannot carry
// the character to a terminal.
func joinPath(path, key string) string {
	if _, _, ok := controlCharacter(key); ok || key == "" {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// position returns the 1-based line and column (in characters) of a byte
// offset.
func position(data []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
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

// binder sets Go values from parsed JSON, collecting a problem for each
// value of the wrong type, each unknown field and each list over its limit.
type binder struct {
	ps Problems
}

func (b *binder) add(path, format string, args ...any) {
	b.ps = append(b.ps, Problem{path, fmt.Sprintf(format, args...)})
}

var (
	rangeType = reflect.TypeFor[Range]()
	dateType  = reflect.TypeFor[Date]()
)

// bind sets v from n. limit bounds the length of a list (0: MaxItems).
func (b *binder) bind(n *jsonNode, v reflect.Value, path string, limit int) {
	if n.kind == nullNode {
		return // null leaves the value unset
	}
	switch v.Type() {
	case rangeType:
		b.bindRange(n, v, path)
		return
	case dateType:
		if n.kind != stringNode {
			b.add(path, "must be a date written YYYY-MM-DD (got %s)", n.describe())
			return
		}
		if n.text == "" {
			return
		}
		d, err := ParseDate(n.text)
		if err != nil {
			b.add(path, "%v", err)
			return
		}
		v.Set(reflect.ValueOf(d))
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.kind != stringNode {
			b.add(path, "must be text (got %s)", n.describe())
		} else if len(n.text) > MaxText {
			b.add(path, "is too long (%d bytes; the limit is %d)", len(n.text), MaxText)
		} else {
			v.SetString(n.text)
		}
	case reflect.Bool:
		if n.kind != boolNode {
			b.add(path, "must be true or false (got %s)", n.describe())
		} else {
			v.SetBool(n.truth)
		}
	case reflect.Int:
		if x, ok := b.number(n, path); ok {
			switch {
			case x < -1e9 || x > 1e9:
				b.add(path, "is out of range (got %s)", n.text)
			case x != math.Trunc(x):
				b.add(path, "must be a whole number (got %s)", n.text)
			default:
				v.SetInt(int64(x))
			}
		}
	case reflect.Float64:
		if x, ok := b.number(n, path); ok {
			v.SetFloat(x)
		}
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		b.bind(n, elem.Elem(), path, limit)
		v.Set(elem)
	case reflect.Slice:
		if n.kind != arrayNode {
			b.add(path, "must be a list (got %s)", n.describe())
			return
		}
		if limit == 0 {
			limit = MaxItems
		}
		if len(n.items) > limit {
			b.add(path, "has %d items; the limit is %d", len(n.items), limit)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
		for i, item := range n.items {
			b.bind(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), 0)
		}
		v.Set(s)
	case reflect.Map:
		if n.kind != objectNode {
			b.add(path, "must be an object (got %s)", n.describe())
			return
		}
		if len(n.keys) > MaxItems {
			b.add(path, "has %d entries; the limit is %d", len(n.keys), MaxItems)
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.keys))
		for i, key := range n.keys {
			elem := reflect.New(v.Type().Elem()).Elem()
			b.bind(n.vals[i], elem, joinPath(path, key), 0)
			m.SetMapIndex(reflect.ValueOf(key), elem)
		}
		v.Set(m)
	case reflect.Struct:
		if n.kind != objectNode {
			b.add(path, "must be an object (got %s)", n.describe())
			return
		}
		fields := fieldsOf(v.Type())
		for i, key := range n.keys {
			f, ok := fields[key]
			if !ok {
				b.add(joinPath(path, key), "is not a field of a case file here; check its spelling")
				continue
			}
			b.bind(n.vals[i], v.Field(f.index), joinPath(path, key), f.limit)
		}
	default:
		panic("casebuilder: cannot decode into " + v.Type().String())
	}
}

func (b *binder) number(n *jsonNode, path string) (float64, bool) {
	if n.kind != numberNode {
		b.add(path, "must be a number (got %s)", n.describe())
		return 0, false
	}
	x, err := strconv.ParseFloat(n.text, 64)
	if err != nil {
		b.add(path, "is out of range (got %s)", n.text)
		return 0, false
	}
	return x, true
}

func (b *binder) bindRange(n *jsonNode, v reflect.Value, path string) {
	switch n.kind {
	case numberNode:
		if x, ok := b.number(n, path); ok {
			v.Set(reflect.ValueOf(Exactly(x)))
		}
		return
	case objectNode:
	default:
		b.add(path, "must be a number or an object with low, likely and high (got %s)", n.describe())
		return
	}
	var r Range
	var has [3]bool
	for i, key := range n.keys {
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
			b.add(joinPath(path, key), "is not part of an estimate: use low, likely and high")
			continue
		}
		if x, ok := b.number(n.vals[i], joinPath(path, key)); ok {
			*dst, has[slot] = x, true
		}
	}
	if !has[1] {
		b.add(path+".likely", "is missing: an estimate needs at least its likely value")
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
