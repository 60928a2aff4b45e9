package ui

import (
	"reflect"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// cloneCase returns a deep copy of c that shares nothing that can change:
// slices, maps and pointers are copied, strings (immutable) are shared. It
// works by reflection so that it keeps up with the model as fields are
// added to it.
func cloneCase(c *casebuilder.Case) *casebuilder.Case {
	out := new(casebuilder.Case)
	deepCopy(reflect.ValueOf(out).Elem(), reflect.ValueOf(c).Elem())
	return out
}

// cloneValue returns a deep copy of v, for duplicating an item of a list.
func cloneValue[T any](v T) T {
	var out T
	deepCopy(reflect.ValueOf(&out).Elem(), reflect.ValueOf(&v).Elem())
	return out
}

// deepCopy sets dst, which must be settable, to a deep copy of src.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		dst.Set(src) // every field, unexported ones included, shallowly
		for i := range src.NumField() {
			if f := dst.Field(i); f.CanSet() && needsCopy(f.Kind()) {
				deepCopy(f, src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if needsCopy(src.Type().Elem().Kind()) {
			for i := range src.Len() {
				deepCopy(s.Index(i), src.Index(i))
			}
		} else {
			reflect.Copy(s, src)
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		elem := src.Type().Elem()
		for it := src.MapRange(); it.Next(); {
			v := reflect.New(elem).Elem()
			deepCopy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Array:
		dst.Set(src)
		if needsCopy(src.Type().Elem().Kind()) {
			for i := range src.Len() {
				deepCopy(dst.Index(i), src.Index(i))
			}
		}
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	default:
		dst.Set(src)
	}
}

// needsCopy reports whether values of kind k hold memory that a shallow
// copy would share.
func needsCopy(k reflect.Kind) bool {
	switch k {
	case reflect.Struct, reflect.Slice, reflect.Map, reflect.Pointer, reflect.Array:
		return true
	}
	return false
}
