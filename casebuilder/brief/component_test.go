package brief

import (
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftest"
)

// TestComponentsInTheBrief: the working of the cost of pain (appendix
// A.3) shows each component's quantity, cost of each and yearly cost and
// the total of every part, and a benefit tied to a component says what it
// changes in the component's words. By hand: €250,000 a year given, plus
// 40 orders reworked a month × €250 × 12 = €120,000, is €370,000.
func TestComponentsInTheBrief(t *testing.T) {
	rng := func(lo, likely, hi float64) casebuilder.Range {
		return casebuilder.Range{Low: lo, Likely: likely, High: hi}
	}
	c := &casebuilder.Case{
		SchemaVersion: casebuilder.SchemaVersion, Title: "Rework", Currency: "EUR", HorizonMonths: 24, DiscountRate: 0.08,
		Pain: casebuilder.Pain{Category: casebuilder.OtherPain,
			Inputs: casebuilder.GivenInputs(map[string]casebuilder.Range{"annualCost": rng(200_000, 250_000, 300_000)}),
			Components: []casebuilder.Component{{ID: "rework", Name: "Rework of faulty orders", Counts: "orders reworked",
				Per: casebuilder.PerMonth, Quantity: rng(30, 40, 55), Rate: rng(200, 250, 320), Source: "Quality log"}}},
		Alternatives: []casebuilder.Alternative{
			{ID: "none", Name: "Do nothing", DoNothing: true},
			{ID: "fix", Name: "Right first time", Costs: []casebuilder.Cost{{Name: "Training", Kind: casebuilder.OneTime, Amount: casebuilder.Exactly(30_000)}},
				Benefits: []casebuilder.Benefit{{Name: "Fewer reworks", Basis: casebuilder.BenefitPainInput, Input: "rework", To: rng(32, 25, 20), StartMonth: 2}}},
		},
	}
	text := briefText(t, write(t, c, ""))
	pdftest.MustContain(t, "the brief", text,
		"Rework of faulty orders: orders reworked a month Entered 40",
		"Rework of faulty orders: cost of each Entered €250",
		"Rework of faulty orders: yearly cost Orders reworked × cost of each × 12 months €120,000",
		"Yearly cost of the pain, every part The calculator's yearly cost + each component's €370,000",
		"Rework of faulty orders: orders reworked a month from 40 to 25 (low 32, high 20).")
}
