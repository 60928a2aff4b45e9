package casebuilder

import (
	"fmt"
	"time"
)

// FiscalYear is an alternative's money in one fiscal year of the company,
// by kind: what a CFO budgets.
type FiscalYear struct {
	// Label names the year: "2027" when it is a calendar year, "2027/28"
	// when it straddles two, "Year 1" when the case has no start date.
	Label string `json:"label"`
	// First and Last are its first and last periods within the horizon.
	First int `json:"first"`
	Last  int `json:"last"`
	// NewCash and PeopleTime are the costs: new cash (the contingency
	// reserve included) and the time of people already paid.
	NewCash    float64 `json:"newCash"`
	PeopleTime float64 `json:"peopleTime"`
	// CashSaved, Margin, Avoidance and Productivity are the benefits.
	CashSaved    float64 `json:"cashSaved"`
	Margin       float64 `json:"margin"`
	Avoidance    float64 `json:"avoidance"`
	Productivity float64 `json:"productivity"`
	// Budget is the new cash the ask asks for in the year: all of it, or,
	// when the ask is for the stage up to a gate, what falls before it.
	Budget float64 `json:"budget"`
}

// FiscalYears splits an alternative's money by the case's fiscal years,
// the first being the one the horizon starts in (in part, unless the
// horizon starts on its first month). res is the case's figures and ai
// the alternative's index.
func FiscalYears(c *Case, res *Result, ai int) []FiscalYear {
	if ai < 0 || ai >= len(res.Alternatives) {
		return nil
	}
	a := &res.Alternatives[ai]
	n := len(a.Costs)
	startMonth := c.FiscalYearStart
	if startMonth < 1 || startMonth > 12 {
		startMonth = 1
	}
	// offset is how many months into its fiscal year month 0 falls.
	offset := 0
	if !c.StartDate.IsZero() {
		offset = (int(c.StartDate.Month) - startMonth + 12) % 12
	}
	askEnd := n // the months the ask covers
	if id := c.Ask.UpToGate; id != "" {
		for gi := range c.Plan.Gates {
			if c.Plan.Gates[gi].ID == id && gi < len(res.Gates) && res.Gates[gi].Month >= 0 {
				askEnd = min(res.Gates[gi].Month, n)
			}
		}
	}
	var out []FiscalYear
	for first := 0; first < n; {
		last := min(first+PeriodsPerYear-1-offset, n-1)
		fy := FiscalYear{Label: fiscalLabel(c, len(out), startMonth), First: first, Last: last}
		for m := first; m <= last; m++ {
			cash := at(a.CostsOf[Cash], m)
			fy.NewCash += cash
			fy.PeopleTime += at(a.CostsOf[PeopleTime], m)
			fy.CashSaved += at(a.BenefitsOf[Cash], m)
			fy.Margin += at(a.BenefitsOf[Margin], m)
			fy.Avoidance += at(a.BenefitsOf[Avoidance], m)
			fy.Productivity += at(a.BenefitsOf[Productivity], m)
			if m < askEnd {
				fy.Budget += cash
			}
		}
		out = append(out, fy)
		first, offset = last+1, 0
	}
	return out
}

// at returns f[m], or 0 where there is no flow.
func at(f []float64, m int) float64 {
	if m < len(f) {
		return f[m]
	}
	return 0
}

// fiscalLabel names the i-th fiscal year of the horizon.
func fiscalLabel(c *Case, i, startMonth int) string {
	if c.StartDate.IsZero() {
		return fmt.Sprintf("Year %d", i+1)
	}
	// The calendar year the i-th fiscal year starts in.
	y := c.StartDate.Year
	if int(c.StartDate.Month) < startMonth {
		y--
	}
	y += i
	if startMonth == int(time.January) {
		return fmt.Sprint(y)
	}
	return fmt.Sprintf("%d/%02d", y, (y+1)%100)
}
