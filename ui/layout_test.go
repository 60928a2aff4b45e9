package ui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// openWidth is the width the window opens at (see newUI): every step must
// fit in it, whatever the user has typed.
const openWidth = 1240

// TestEveryStepFitsTheWindow visits every step, with the turnover sample
// as it ships and with every text of it made very long, and checks that no
// step asks for a window wider than the one the app opens: a widget that
// grows with what the user typed (a check box named after an alternative,
// a caption naming a criterion) made Fyne widen the window past the screen.
func TestEveryStepFitsTheWindow(t *testing.T) {
	h := english(t)
	u := h.u
	check := func(what string) {
		t.Helper()
		for _, st := range screenSpecs {
			u.goTo(st.id)
			h.settleFull() // the figures, then the simulation, name alternatives too
			if w := h.w.Content().MinSize().Width; w > openWidth {
				t.Errorf("%s: %s needs a window %.0f wide, more than the %d it opens at", what, st.name, w, openWidth)
			}
		}
	}
	check("the sample")

	c := u.doc.c.Clone()
	lengthenTexts(reflect.ValueOf(c), strings.Repeat(" and a long while more", 8))
	for _, a := range c.Alternatives {
		for k, sc := range a.Scores {
			sc.Rationale += strings.Repeat(" and a long while more", 8)
			a.Scores[k] = sc
		}
	}
	if ps := casebuilder.Validate(c); len(ps) > 0 {
		t.Fatalf("the lengthened case has problems: %v", ps)
	}
	u.replaceCase(c, "")
	h.settleFull()
	check("very long texts")
}

// lengthenTexts adds more to every text of v that people type (names,
// descriptions, owners), leaving alone the identifiers and codes the case
// refers to.
func lengthenTexts(v reflect.Value, more string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			lengthenTexts(v.Elem(), more)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f, fv := v.Type().Field(i), v.Field(i)
			switch {
			case !f.IsExported():
			case fv.Type() == reflect.TypeFor[string]() || fv.Type() == reflect.TypeFor[[]string]():
				switch f.Name {
				case "ID", "Currency", "Category", "Alternative", "Alternatives", "Input", "PainInput",
					"ServesObjective", "DependsOn", "Kind", "Basis", "Auto", "SchemaVersion", "Version":
					continue // identifiers and codes
				}
				if fv.Kind() == reflect.String && fv.String() != "" {
					fv.SetString(fv.String() + more)
				} else {
					lengthenTexts(fv, more)
				}
			default:
				lengthenTexts(fv, more)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if e := v.Index(i); e.Type() == reflect.TypeFor[string]() {
				e.SetString(e.String() + more)
			} else {
				lengthenTexts(e, more)
			}
		}
	}
}
