package ui

import (
	"errors"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// clock is a time the test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestTypingInOneFieldIsOneUndoStep(t *testing.T) {
	clk := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	d := newDocument(loadSample(t, "turnover"), "", clk.now, inEnglish)
	original := d.c.Title
	typeTitle := func(s string) {
		t.Helper()
		if err := d.edit(casebuilder.Where{Step: casebuilder.StepContext, Path: "title"}, "title", func(c *casebuilder.Case) error {
			c.Title = s
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		clk.t = clk.t.Add(200 * time.Millisecond)
	}
	typeTitle("A")
	typeTitle("AB")
	typeTitle("ABC")
	if len(d.undo) != 1 {
		t.Errorf("three keystrokes in one field made %d undo steps, want 1", len(d.undo))
	}
	// A pause longer than the window starts a new step...
	clk.t = clk.t.Add(3 * time.Second)
	typeTitle("ABCD")
	// ...and so does leaving the field.
	d.seal()
	typeTitle("ABCDE")
	if len(d.undo) != 3 {
		t.Errorf("%d undo steps, want 3", len(d.undo))
	}
	for _, want := range []string{"ABCD", "ABC", original} {
		where, ok := d.undoEdit()
		if !ok || d.c.Title != want || where.Path != "title" {
			t.Errorf("undo: title %q at %q, want %q", d.c.Title, where.Path, want)
		}
	}
	if d.modified() {
		t.Error("undone to the case as opened, yet modified")
	}
	if _, ok := d.undoEdit(); ok {
		t.Error("undo past the start")
	}
	d.redoEdit()
	if d.c.Title != "ABC" || !d.modified() {
		t.Errorf("redo: title %q", d.c.Title)
	}
	// A new edit drops what could be redone.
	typeTitle("X")
	if d.canRedo() {
		t.Error("redo is still offered after a new edit")
	}
}

func TestAnEditThatAddsAProblemIsRefused(t *testing.T) {
	d := newDocument(loadSample(t, "turnover"), "", time.Now, inEnglish)
	before := d.c
	err := d.edit(casebuilder.Where{}, "", func(c *casebuilder.Case) error {
		c.Alternatives[1].Costs[0].Amount.Likely = -5
		return nil
	})
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || ps[0].Path != "alternatives[1].costs[0].amount" {
		t.Fatalf("a negative amount: %v", err)
	}
	if d.c != before || d.canUndo() {
		t.Error("a refused edit changed the case")
	}
	if before.Alternatives[1].Costs[0].Amount.Likely == -5 {
		t.Error("a refused edit reached the case's memory")
	}
	if err := d.edit(casebuilder.Where{}, "", func(*casebuilder.Case) error { return form.ErrUnchanged }); !errors.Is(err, form.ErrUnchanged) || d.canUndo() {
		t.Errorf("an edit that changes nothing: %v, undo %v", err, d.canUndo())
	}
}

func TestAnInvalidCaseCanBeFixedStepByStep(t *testing.T) {
	c := loadSample(t, "turnover")
	c.DiscountRate = 7 // as a file with a problem opens
	c.Alternatives[1].Costs[0].Amount.Likely = -5
	d := newDocument(c, "", time.Now, inEnglish)
	// Editing elsewhere is allowed: it adds no problem.
	if err := d.edit(casebuilder.Where{}, "", func(c *casebuilder.Case) error { c.Title = "x"; return nil }); err != nil {
		t.Errorf("an edit beside existing problems was refused: %v", err)
	}
	if err := d.edit(casebuilder.Where{}, "", func(c *casebuilder.Case) error { c.DiscountRate = 0.07; return nil }); err != nil {
		t.Errorf("fixing a problem was refused: %v", err)
	}
	if len(d.problems) != 1 {
		t.Errorf("%d problems left, want 1", len(d.problems))
	}
}

// inEnglish is the language of a document's problems in these tests.
func inEnglish() language.Tag { return language.English }
