package workbook

import (
	"strings"
	"testing"
)

// TestRatesReasonInAssumptions checks that the case's reason for its
// discount rate and horizon is in the note beside the discount rate on
// the Assumptions sheet, and that no reason leaves the note as it was.
func TestRatesReasonInAssumptions(t *testing.T) {
	c := sample(t, "turnover")
	c.RatesReason = ""
	note := func() string {
		rows := rawRows(t, open(t, write(t, c)), "Assumptions")
		for _, r := range rows {
			if cell(r, 1) == "Discount rate (yearly)" {
				return cell(r, 3)
			}
		}
		t.Fatal("no discount rate on the Assumptions sheet")
		return ""
	}
	if got := note(); strings.Contains(got, "Why") {
		t.Errorf("with no reason the note reads %q", got)
	}
	c.RatesReason = "10 %: the group's cost of capital; 36 months: the programme's life."
	if got, want := note(), "Why this rate and horizon: 10 %: the group's cost of capital; 36 months: the programme's life."; !strings.HasSuffix(got, want) {
		t.Errorf("the note reads %q, want it to end %q", got, want)
	}
}
