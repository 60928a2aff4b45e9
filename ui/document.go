package ui

import (
	"time"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// maxUndo bounds the undo history. A snapshot shares its text with the
// others, so even the stress case costs well under a megabyte a step.
const maxUndo = 200

// coalesceWindow is how long a pause in typing may last and still add to
// the same undo step.
const coalesceWindow = 2 * time.Second

// document is the case being edited, its file, and its history. The case
// it holds is never changed in place: every edit makes a new copy, so a
// goroutine given a case (to calculate, autosave or export it) can read it
// while the user goes on typing.
type document struct {
	c *casebuilder.Case
	// path is the case file, "" until the case is first saved.
	path string
	// saved is the version last opened or saved; the case is modified when
	// c differs from it.
	saved *casebuilder.Case
	// problems are ValidateIn(c, problemsIn), kept so that an edit is
	// refused only for the problems it adds. Their figures are written in
	// the language of the app's boxes, lang(), which the settings can
	// change between two edits.
	problems   casebuilder.Problems
	problemsIn language.Tag
	lang       func() language.Tag
	// fileFindings are what reading the file found that the case cannot
	// show (an unknown field, a value of the wrong type, a key given
	// twice), as findings: the Review step lists them until the case is
	// saved, which writes the file without them.
	fileFindings []casebuilder.Finding

	undo, redo []snapshot
	// coalesce is the key of the last edit, while typing in one field goes
	// on; lastEdit is when it was made.
	coalesce string
	lastEdit time.Time
	now      func() time.Time
}

// snapshot is a version of the case in the history, with where the edit
// that followed it was made, to go back there on undo.
type snapshot struct {
	c     *casebuilder.Case
	where casebuilder.Where
}

func newDocument(c *casebuilder.Case, path string, now func() time.Time, lang func() language.Tag) *document {
	d := &document{c: c, path: path, saved: c, now: now, lang: lang}
	d.validate()
	return d
}

// validate finds the problems of the case, in the language numbers are
// written in now.
func (d *document) validate() {
	d.problemsIn = d.lang()
	d.problems = casebuilder.ValidateIn(d.c, d.problemsIn)
}

// modified reports whether the case differs from the version last opened
// or saved.
func (d *document) modified() bool { return d.c != d.saved }

// edit applies change to a copy of the case and, unless that adds a
// problem, makes the copy the case. Successive edits with the same key
// (typing in one field) make one undo step. It returns change's error (a
// change that changed nothing returns form.ErrUnchanged), or the problems
// the change would add.
func (d *document) edit(where casebuilder.Where, key string, change func(c *casebuilder.Case) error) error {
	next := d.c.Clone()
	if err := change(next); err != nil {
		return err
	}
	if d.lang() != d.problemsIn {
		// The problems the case had are compared in the language of the
		// new ones, or every one of them would read as added.
		d.validate()
	}
	ps := casebuilder.ValidateIn(next, d.problemsIn)
	if added := addedProblems(d.problems, ps); len(added) > 0 {
		return added
	}
	now := d.now()
	if key == "" || key != d.coalesce || now.Sub(d.lastEdit) > coalesceWindow {
		d.undo = append(d.undo, snapshot{d.c, where})
		if len(d.undo) > maxUndo {
			d.undo = append(d.undo[:0:0], d.undo[len(d.undo)-maxUndo:]...)
		}
	}
	d.redo = nil
	d.coalesce, d.lastEdit = key, now
	d.c, d.problems = next, ps
	return nil
}

// seal ends the current run of typing: the next edit starts a new undo step.
func (d *document) seal() { d.coalesce = "" }

// canUndo and canRedo report whether there is anything to undo or redo.
func (d *document) canUndo() bool { return len(d.undo) > 0 }
func (d *document) canRedo() bool { return len(d.redo) > 0 }

// undoEdit goes back one edit and returns where the undone edit was made.
func (d *document) undoEdit() (casebuilder.Where, bool) { return d.travel(&d.undo, &d.redo) }

// redoEdit goes forward one edit and returns where the redone edit was
// made.
func (d *document) redoEdit() (casebuilder.Where, bool) { return d.travel(&d.redo, &d.undo) }

// travel goes back to the last version of the history from, keeping the
// case as it is now at the end of the history to, and returns where the
// edit between them was made.
func (d *document) travel(from, to *[]snapshot) (casebuilder.Where, bool) {
	if len(*from) == 0 {
		return casebuilder.Where{}, false
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, snapshot{d.c, s.where})
	d.restore(s.c)
	return s.where, true
}

func (d *document) restore(c *casebuilder.Case) {
	d.c = c
	d.validate()
	d.seal()
}

// markSaved records that version c of the case (the one now, or one before
// it) is the one in the file at path.
func (d *document) markSaved(path string, c *casebuilder.Case) {
	d.path = path
	d.saved = c
	d.fileFindings = nil
	d.seal()
}

// addedProblems returns the problems of after that before did not have.
func addedProblems(before, after casebuilder.Problems) casebuilder.Problems {
	if len(after) == 0 {
		return nil
	}
	had := make(map[casebuilder.Problem]bool, len(before))
	for _, p := range before {
		had[p] = true
	}
	var added casebuilder.Problems
	for _, p := range after {
		if !had[p] {
			added = append(added, p)
		}
	}
	return added
}
