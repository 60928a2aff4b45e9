package brief

import (
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
)

// TestRatesReasonInTheTerms checks that the case's reason for its
// discount rate and horizon is among the terms of the brief's appendix,
// and that a case with none prints no such line.
func TestRatesReasonInTheTerms(t *testing.T) {
	c := casetest.Sample(t, "turnover")
	c.RatesReason = ""
	text := func() string {
		out, err := Write(c, Options{Now: fixed, Analysis: analysed(c)})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(briefText(t, out)), " ")
	}
	if strings.Contains(text(), "Why this rate and horizon") {
		t.Error("a case with no reason prints one")
	}
	c.RatesReason = "Ten per cent is the group's cost of capital."
	if got := text(); !strings.Contains(got, "Why this rate and horizon: Ten per cent is the group's cost of capital.") {
		t.Errorf("the brief does not give the reason for the rate: …%s…", got[max(0, strings.Index(got, "Discount rate")-20):min(len(got), strings.Index(got, "Discount rate")+400)])
	}
}
