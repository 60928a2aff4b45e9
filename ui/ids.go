package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// The IDs that items of the case refer to each other by (a risk to the
// alternatives it concerns, a milestone to those it waits for), and the
// names made of titles.

// idsOf returns the IDs of items.
func idsOf[T any](items []T, id func(T) string) []string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = id(it)
	}
	return ids
}

// uniqueID returns prefix-N, the first not among taken.
func uniqueID(prefix string, taken []string) string {
	for n := len(taken) + 1; ; n++ {
		id := fmt.Sprintf("%s-%d", prefix, n)
		if !slices.Contains(taken, id) {
			return id
		}
	}
}

// slug makes an ID of a name: "Structured onboarding" gives
// "structured-onboarding", of at most 40 characters.
func slug(name string) string {
	s := hyphenated(name)
	return strings.Trim(s[:min(len(s), 40)], "-")
}

// hyphenated is s in lower case, its letters a to z and digits only, each
// run of anything else a hyphen (never the first): "Ramp-up: 11 months!"
// gives "ramp-up-11-months-".
func hyphenated(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// idTick is a tick of whether id is among the IDs (ids) of what get
// returns: ticked, it is put in, and unticked taken out. tidy, when not
// nil, follows a change.
func idTick[T any](get func(c *casebuilder.Case) *T, ids func(*T) *[]string, id string, tidy func(c *casebuilder.Case, it *T)) form.Value[bool] {
	return form.Value[bool]{
		Read: func(c *casebuilder.Case) (bool, bool) {
			if it := get(c); it != nil {
				return slices.Contains(*ids(it), id), true
			}
			return false, false
		},
		Write: func(c *casebuilder.Case, on bool) error {
			it := get(c)
			switch {
			case it == nil:
				return form.ErrGone
			case !setID(ids(it), id, on):
				return form.ErrUnchanged
			}
			if tidy != nil {
				tidy(c, it)
			}
			return nil
		},
	}
}

// setID puts id in ids (on) or takes it out, and reports whether that
// changed them.
func setID(ids *[]string, id string, on bool) bool {
	if slices.Contains(*ids, id) == on {
		return false
	}
	if on {
		*ids = append(*ids, id)
	} else {
		*ids = slices.DeleteFunc(*ids, func(s string) bool { return s == id })
	}
	return true
}
