package form

import "github.com/casebuilder/casebuilder/casebuilder"

// Value is how a field reaches one value of the case it is given: Read
// returns it, and false once its item is gone; Write changes it, and
// returns ErrUnchanged when it is already so, ErrGone when its item is
// gone, or why the value is refused.
type Value[T any] struct {
	Read  func(c *casebuilder.Case) (T, bool)
	Write func(c *casebuilder.Case, v T) error
}

// At is the value that get points to in the case it is given: the usual
// way a field reaches its value. get returns nil once the value's item is
// gone.
func At[T comparable](get func(c *casebuilder.Case) *T) Value[T] {
	return Value[T]{
		Read: func(c *casebuilder.Case) (T, bool) {
			if p := get(c); p != nil {
				return *p, true
			}
			var zero T
			return zero, false
		},
		Write: func(c *casebuilder.Case, v T) error {
			p := get(c)
			switch {
			case p == nil:
				return ErrGone
			case *p == v:
				return ErrUnchanged
			}
			*p = v
			return nil
		},
	}
}

// In is a field of one item of the case (a risk, a cost line): At of
// FieldIn.
func In[T any, V comparable](item func(c *casebuilder.Case) *T, field func(it *T) *V) Value[V] {
	return At(FieldIn(item, field))
}

// Optional is a value that may be absent (nil), such as the last month of
// a line: get points to it. Two values are the same when both are absent
// or both hold the same.
func Optional[T comparable](get func(c *casebuilder.Case) **T) Value[*T] {
	return Value[*T]{
		Read: func(c *casebuilder.Case) (*T, bool) {
			if p := get(c); p != nil {
				return *p, true
			}
			return nil, false
		},
		Write: func(c *casebuilder.Case, v *T) error {
			p := get(c)
			switch {
			case p == nil:
				return ErrGone
			case *p == nil && v == nil, *p != nil && v != nil && **p == *v:
				return ErrUnchanged
			}
			*p = v
			return nil
		},
	}
}

// Convert is v read and written as another type: to converts a value of
// the case for the field, from converts one back or says why it cannot.
// A write to an item that is gone is ErrGone before anything else.
func Convert[T, U any](v Value[T], to func(T) U, from func(U) (T, error)) Value[U] {
	return Value[U]{
		Read: func(c *casebuilder.Case) (U, bool) {
			x, ok := v.Read(c)
			return to(x), ok
		},
		Write: func(c *casebuilder.Case, u U) error {
			if _, ok := v.Read(c); !ok {
				return ErrGone
			}
			x, err := from(u)
			if err != nil {
				return err
			}
			return v.Write(c, x)
		},
	}
}

// Then is v with also run after every write that changes it, to change
// what goes with it (a one-time cost has no last month).
func (v Value[T]) Then(also func(c *casebuilder.Case)) Value[T] {
	write := v.Write
	v.Write = func(c *casebuilder.Case, x T) error {
		if err := write(c, x); err != nil {
			return err
		}
		also(c)
		return nil
	}
	return v
}

// Item returns a pointer to s[i], or nil when there is no such item.
func Item[T any](s []T, i int) *T {
	if i < 0 || i >= len(s) {
		return nil
	}
	return &s[i]
}

// ItemOf is the getter of item i of the list that list returns: nil once
// the list or the item is gone.
func ItemOf[T any](list func(c *casebuilder.Case) *[]T, i int) func(c *casebuilder.Case) *T {
	return func(c *casebuilder.Case) *T {
		if l := list(c); l != nil {
			return Item(*l, i)
		}
		return nil
	}
}

// FieldIn is the getter of a field of one item of the case (a risk, a
// KPI, a stakeholder): it finds the item in the case it is given each
// time, and is nil once the item is gone, deleted or undone away.
func FieldIn[T, V any](item func(c *casebuilder.Case) *T, field func(it *T) *V) func(c *casebuilder.Case) *V {
	return func(c *casebuilder.Case) *V {
		if it := item(c); it != nil {
			return field(it)
		}
		return nil
	}
}

// AsText is a value of a kind of text (a cost's kind, a unit) as plain
// text, for a drop-down of its values.
func AsText[V ~string](v Value[V]) Value[string] {
	return Convert(v, func(x V) string { return string(x) }, func(s string) (V, error) { return V(s), nil })
}
