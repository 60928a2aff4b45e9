package ui

import (
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// TestDuplicateCopiesPointers duplicates a benefit line that ends in a
// given month: the copy has a month of its own.
func TestDuplicateCopiesPointers(t *testing.T) {
	end := 5
	c := &casebuilder.Case{Alternatives: []casebuilder.Alternative{{Benefits: []casebuilder.Benefit{{Name: "a", EndMonth: &end}}}}}
	edits := sliceEdits(nil, casebuilder.StepAlternatives, fixed("alternatives[0].benefits"),
		func(c *casebuilder.Case) *[]casebuilder.Benefit { return &c.Alternatives[0].Benefits }, nil, nil, nil)
	edits.duplicate(c, 0)
	*c.Alternatives[0].Benefits[1].EndMonth = 9
	if end != 5 {
		t.Errorf("the copy shares EndMonth with the original")
	}
}
