package ui

import (
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// TestBreakEvenOnCompare checks the break-evens of the pilot, worked out
// by hand: its NPV is 12 × (A/12 + 500 − C − 250) with A the agency fees
// saved a year and C the coach a month, zero at A = 9,000 (the others
// likely) and at C = 2,250. The fees swing the NPV most (18,000 to 30,000
// moves it by 12,000; the coach, 800 to 1,300, by 6,000): the key sentence
// is theirs.
func TestBreakEvenOnCompare(t *testing.T) {
	h := openPilot(t)
	h.settleFull()
	f := h.u.format()
	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	if want := "The case holds as long as agency fees saved stays at " + f.Value(9000, figure.Money) + " or higher; we expect " + f.Value(24000, figure.Money) + "."; cmp.key.Text != want {
		t.Errorf("the key break-even reads %q, want %q", cmp.key.Text, want)
	}
	rows := rowTexts(cmp.breakEven)
	found := false
	for _, r := range rows[1:] {
		if len(r) == 4 && strings.HasPrefix(r[0], "Coach") {
			found = true
			if r[1] != f.Value(1000, figure.Money) || r[2] != "at or below "+f.Value(2250, figure.Money) || r[3] != "—" {
				t.Errorf("the coach's break-even reads %q", r)
			}
		}
	}
	if !found {
		t.Errorf("no break-even of the coach in %q", rows)
	}
}
