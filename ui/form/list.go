package form

import (
	"errors"
	"fmt"
	"slices"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// List says how one list of the case is edited item by item.
type List[T any] struct {
	// Path is where the list is in the case, as in alternatives[1].costs.
	Path string
	// Get returns the list in the case it is given, nil once the list is
	// gone (with the item that holds it).
	Get func(c *casebuilder.Case) *[]T
	// New makes a new item.
	New func(c *casebuilder.Case) T
	// Removed, when set, tidies what referred to an item removed.
	Removed func(c *casebuilder.Case, removed T)
	// Copied, when set, gives a copy what must differ from its original
	// (an ID, a name).
	Copied func(c *casebuilder.Case, copied *T)
	// Kept, when set, tells the items that cannot be removed.
	Kept func(item T) bool
}

// ListEdits are the edits of one list of the case: add, remove, duplicate
// and move an item, each one undo step.
type ListEdits struct {
	host   Host
	step   casebuilder.MethodStep
	path   string
	length func(c *casebuilder.Case) int
	// add appends a new item, remove removes item i (and what refers to
	// it), duplicate inserts a copy of item i after it, and swap exchanges
	// items i and i+1.
	add       func(c *casebuilder.Case)
	remove    func(c *casebuilder.Case, i int) error
	duplicate func(c *casebuilder.Case, i int)
	swap      func(c *casebuilder.Case, i int)
}

// Edits returns the edits of the list on the host's case, on step.
func (l List[T]) Edits(host Host, step casebuilder.MethodStep) *ListEdits {
	get := l.Get
	return &ListEdits{host: host, step: step, path: l.Path,
		length: func(c *casebuilder.Case) int {
			if s := get(c); s != nil {
				return len(*s)
			}
			return 0
		},
		add: func(c *casebuilder.Case) {
			if s := get(c); s != nil {
				*s = append(*s, l.New(c))
			}
		},
		remove: func(c *casebuilder.Case, i int) error {
			s := get(c)
			removed := (*s)[i]
			if l.Kept != nil && l.Kept(removed) {
				return ErrUnchanged
			}
			*s = slices.Delete(*s, i, i+1)
			if l.Removed != nil {
				l.Removed(c, removed)
			}
			return nil
		},
		duplicate: func(c *casebuilder.Case, i int) {
			s := get(c)
			// From a copy of the whole case: a copy of the item that shares
			// nothing with it.
			dup := (*get(c.Clone()))[i]
			if l.Copied != nil {
				l.Copied(c, &dup)
			}
			*s = slices.Insert(*s, i+1, dup)
		},
		swap: func(c *casebuilder.Case, i int) {
			s := get(c)
			(*s)[i], (*s)[i+1] = (*s)[i+1], (*s)[i]
		},
	}
}

// Path is where the list is in the case.
func (l *ListEdits) Path() string { return l.path }

// Length is how many items the list has in c.
func (l *ListEdits) Length(c *casebuilder.Case) int { return l.length(c) }

// apply makes one structural edit of the list and returns its error,
// which it shows unless the edit changed nothing.
func (l *ListEdits) apply(what string, fn func(c *casebuilder.Case) error) error {
	err := l.host.Edit(casebuilder.Where{Step: l.step, Path: l.path}, "", fn)
	if errors.Is(err, ErrUnchanged) {
		return err
	}
	if err != nil {
		l.host.ShowError("Cannot "+what, err, "Change or remove what the message names first, then try again.")
		return err
	}
	l.host.Refresh()
	return nil
}

// Add adds a new item at the end.
func (l *ListEdits) Add() error {
	return l.apply("add an item", func(c *casebuilder.Case) error {
		if l.length(c) >= itemLimit(l.path) {
			return fmt.Errorf("this list holds at most %s items", l.host.Format(float64(itemLimit(l.path)), figure.Count))
		}
		l.add(c)
		return nil
	})
}

// Remove removes item i.
func (l *ListEdits) Remove(i int) error {
	return l.apply("remove the item", func(c *casebuilder.Case) error {
		if i < 0 || i >= l.length(c) {
			return ErrGone
		}
		return l.remove(c, i)
	})
}

// Duplicate inserts a copy of item i after it.
func (l *ListEdits) Duplicate(i int) error {
	return l.apply("duplicate the item", func(c *casebuilder.Case) error {
		if i < 0 || i >= l.length(c) {
			return ErrGone
		}
		if l.length(c) >= itemLimit(l.path) {
			return fmt.Errorf("this list holds at most %s items", l.host.Format(float64(itemLimit(l.path)), figure.Count))
		}
		l.duplicate(c, i)
		return nil
	})
}

// Move moves item i one place up (delta -1) or down (+1).
func (l *ListEdits) Move(i, delta int) error {
	j := min(i, i+delta)
	return l.apply("move the item", func(c *casebuilder.Case) error {
		if j < 0 || j+1 >= l.length(c) {
			return ErrUnchanged
		}
		l.swap(c, j)
		return nil
	})
}

// itemLimit is the most items a list may hold, as the file format allows.
func itemLimit(path string) int {
	switch lastName(path) {
	case "alternatives":
		return 50
	case "costs", "benefits":
		return 200
	case "criteria":
		return 20
	case "risks", "milestones":
		return 2000
	}
	return casebuilder.MaxItems
}
