// Package expr is the small expression language of the cost-of-pain
// calculators: arithmetic on named quantities, such as
// "reps * attritionRate". An expression is evaluated in Go and rendered as
// a spreadsheet formula from the same parse, so the two cannot drift apart.
package expr

import (
	"fmt"
	"strconv"
	"strings"
)

// Expression is arithmetic on named quantities: + - * /, parentheses,
// numbers and names, each name resolved to a slot of an environment when
// it is parsed. The zero Expression is empty: it evaluates to 0 and has no
// names.
type Expression struct {
	src  string
	root exprNode
	// fn is root compiled to closures, each applying one operator to slots
	// or numbers read directly where it can, which evaluates it some times
	// faster than walking the tree: the calculators run millions of times
	// in an analysis.
	fn func(env []float64) float64
}

// exprNode is a node of a parsed expression. Names are resolved to slots of
// an environment when the expression is compiled.
type exprNode interface {
	eval(env []float64) float64
	format(ref func(name string) string) string
	names(add func(string))
}

type numLit float64

type nameRef struct {
	name string
	slot int
}

type binaryOp struct {
	op          byte
	left, right exprNode
}

type negation struct{ x exprNode }

type parens struct{ x exprNode }

func (n numLit) eval([]float64) float64 { return float64(n) }
func (n *nameRef) eval(env []float64) float64 {
	return env[n.slot]
}
func (n *negation) eval(env []float64) float64 { return -n.x.eval(env) }
func (n *parens) eval(env []float64) float64   { return n.x.eval(env) }
func (n *binaryOp) eval(env []float64) float64 {
	return apply(n.op, n.left.eval(env), n.right.eval(env))
}

func (n numLit) format(func(string) string) string {
	return strconv.FormatFloat(float64(n), 'f', -1, 64)
}
func (n *nameRef) format(ref func(string) string) string  { return ref(n.name) }
func (n *negation) format(ref func(string) string) string { return "-" + n.x.format(ref) }
func (n *parens) format(ref func(string) string) string {
	return "(" + n.x.format(ref) + ")"
}
func (n *binaryOp) format(ref func(string) string) string {
	return n.left.format(ref) + string(n.op) + n.right.format(ref)
}

func (numLit) names(func(string))          {}
func (n *nameRef) names(add func(string))  { add(n.name) }
func (n *negation) names(add func(string)) { n.x.names(add) }
func (n *parens) names(add func(string))   { n.x.names(add) }
func (n *binaryOp) names(add func(string)) { n.left.names(add); n.right.names(add) }

// Eval returns the value of the expression with each name read from its
// slot of env. A division by zero gives 0.
func (e Expression) Eval(env []float64) float64 {
	if e.fn == nil {
		return 0
	}
	return e.fn(env)
}

// apply applies a binary operator.
func apply(op byte, a, b float64) float64 {
	switch op {
	case '+':
		return a + b
	case '-':
		return a - b
	case '*':
		return a * b
	}
	return divide(a, b)
}

// divide is a ÷ b, or 0 when b is 0.
func divide(a, b float64) float64 {
	if b == 0 {
		// A division by zero means an input is missing or zero; the step is
		// worth nothing rather than infinite.
		return 0
	}
	return a / b
}

// compile turns a tree into closures. An operator whose operands are both
// slots, or a slot and a number, reads them directly: most steps of the
// calculators are such, as "reps * attritionRate" is.
func compile(n exprNode) func([]float64) float64 {
	switch n := n.(type) {
	case numLit:
		v := float64(n)
		return func([]float64) float64 { return v }
	case *nameRef:
		s := n.slot
		return func(env []float64) float64 { return env[s] }
	case *parens:
		return compile(n.x)
	case *negation:
		x := compile(n.x)
		return func(env []float64) float64 { return -x(env) }
	case *binaryOp:
		l, lSlot := n.left.(*nameRef)
		r, rSlot := n.right.(*nameRef)
		rNum, rIsNum := n.right.(numLit)
		switch {
		case lSlot && rSlot:
			return slotSlot(n.op, l.slot, r.slot)
		case lSlot && rIsNum:
			return slotNum(n.op, l.slot, float64(rNum))
		}
		left, right := compile(n.left), compile(n.right)
		switch n.op {
		case '+':
			return func(env []float64) float64 { return left(env) + right(env) }
		case '-':
			return func(env []float64) float64 { return left(env) - right(env) }
		case '*':
			return func(env []float64) float64 { return left(env) * right(env) }
		}
		return func(env []float64) float64 { return divide(left(env), right(env)) }
	}
	panic("expr: unknown node")
}

func slotSlot(op byte, a, b int) func([]float64) float64 {
	switch op {
	case '+':
		return func(env []float64) float64 { return env[a] + env[b] }
	case '-':
		return func(env []float64) float64 { return env[a] - env[b] }
	case '*':
		return func(env []float64) float64 { return env[a] * env[b] }
	}
	return func(env []float64) float64 { return divide(env[a], env[b]) }
}

func slotNum(op byte, a int, b float64) func([]float64) float64 {
	switch op {
	case '+':
		return func(env []float64) float64 { return env[a] + b }
	case '-':
		return func(env []float64) float64 { return env[a] - b }
	case '*':
		return func(env []float64) float64 { return env[a] * b }
	}
	return func(env []float64) float64 { return divide(env[a], b) }
}

// Degree returns the degree of the expression as a polynomial in one
// quantity, each slot's degree given by of: 0 for a slot that does not
// depend on it, 1 for one that does as a straight line. Anything but a
// straight line (a product of two slots that depend on it, or a division
// by one) is NonLinear.
func (e Expression) Degree(of func(slot int) int) int {
	if e.root == nil {
		return 0
	}
	return degree(e.root, of)
}

// NonLinear is the degree of an expression that is not a straight line in
// the quantity [Expression.Degree] asks about.
const NonLinear = 2

func degree(n exprNode, of func(int) int) int {
	switch n := n.(type) {
	case numLit:
		return 0
	case *nameRef:
		return min(of(n.slot), NonLinear)
	case *parens:
		return degree(n.x, of)
	case *negation:
		return degree(n.x, of)
	case *binaryOp:
		l, r := degree(n.left, of), degree(n.right, of)
		switch n.op {
		case '*':
			return min(l+r, NonLinear)
		case '/':
			if r > 0 {
				return NonLinear
			}
			return l
		}
		return max(l, r)
	}
	panic("expr: unknown node")
}

// String returns the expression as written.
func (e Expression) String() string { return e.src }

// Format renders the expression with every name replaced by ref(name), for
// a spreadsheet formula. A division renders as plain "/": spreadsheets give
// #DIV/0! where Eval gives 0, which is the honest thing to show there.
func (e Expression) Format(ref func(name string) string) string { return e.root.format(ref) }

// Names returns the names the expression uses, in order of appearance.
func (e Expression) Names() []string {
	if e.root == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	e.root.names(func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	})
	return out
}

// Parse parses src and resolves its names with slot, which returns a
// name's place in the environment, or false for a name that is unknown or
// may not be read there.
func Parse(src string, slot func(string) (int, bool)) (Expression, error) {
	p := &exprParser{src: src, slot: slot}
	root, err := p.sum()
	if err == nil {
		p.skipSpace()
		if p.pos < len(p.src) {
			err = fmt.Errorf("unexpected %q at %d", p.src[p.pos:], p.pos)
		}
	}
	if err != nil {
		return Expression{}, fmt.Errorf("expression %q: %w", src, err)
	}
	return Expression{src: src, root: root, fn: compile(root)}, nil
}

type exprParser struct {
	src  string
	pos  int
	slot func(string) (int, bool)
}

func (p *exprParser) skipSpace() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

func (p *exprParser) peek() byte {
	p.skipSpace()
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// sum = product {("+" | "-") product}
func (p *exprParser) sum() (exprNode, error) { return p.leftToRight("+-", p.product) }

// product = factor {("*" | "/") factor}
func (p *exprParser) product() (exprNode, error) { return p.leftToRight("*/", p.factor) }

// leftToRight parses operand {op operand}, where op is one of the bytes of
// ops, into operations that group from the left: 8 - 2 - 1 is (8 - 2) - 1.
func (p *exprParser) leftToRight(ops string, operand func() (exprNode, error)) (exprNode, error) {
	left, err := operand()
	for err == nil && strings.IndexByte(ops, p.peek()) >= 0 {
		op := p.src[p.pos]
		p.pos++
		var right exprNode
		right, err = operand()
		left = &binaryOp{op, left, right}
	}
	return left, err
}

// factor = "-" factor | "(" sum ")" | number | name
func (p *exprParser) factor() (exprNode, error) {
	switch c := p.peek(); {
	case c == '-':
		p.pos++
		x, err := p.factor()
		return &negation{x}, err
	case c == '(':
		p.pos++
		x, err := p.sum()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, fmt.Errorf("missing ) at %d", p.pos)
		}
		p.pos++
		return &parens{x}, nil
	case c >= '0' && c <= '9' || c == '.':
		start := p.pos
		for p.pos < len(p.src) && strings.IndexByte("0123456789.", p.src[p.pos]) >= 0 {
			p.pos++
		}
		v, err := strconv.ParseFloat(p.src[start:p.pos], 64)
		return numLit(v), err
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		start := p.pos
		for p.pos < len(p.src) && isNameByte(p.src[p.pos]) {
			p.pos++
		}
		name := p.src[start:p.pos]
		slot, ok := p.slot(name)
		if !ok {
			return nil, fmt.Errorf("unknown name %q", name)
		}
		return &nameRef{name, slot}, nil
	}
	return nil, fmt.Errorf("expected a number, a name or ( at %d", p.pos)
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
