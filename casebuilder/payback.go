package casebuilder

import (
	"fmt"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// PaybackConvention says, for people, how the month an investment is paid
// back in is found. The screen, the workbook and the brief say it the
// same way.
const PaybackConvention = "Paid back in: the first month by whose end the cumulative net flow, " +
	"each month's benefits less its costs (every kind of money), is at or above zero and stays there."

// PaybackMonth returns the month of the horizon (month 0 is the first, as
// for the cash flows) in which the flows are paid back: the first month by
// whose end the cumulative flow is at or above zero and stays there, 0
// when it is never negative. It is false when [Payback] is: the cumulative
// flow is still negative at the end, or every flow is zero.
//
// It is the month after the last month in deficit, the month whose flow
// [Payback] interpolates in: a payback of 12.02 months (the cumulative
// flow still negative at the end of month 12) is paid back in month 13.
func PaybackMonth(flows []float64) (int, bool) {
	var cum float64
	last := -1
	nonzero := false
	for t, f := range flows {
		cum += f
		nonzero = nonzero || f != 0
		if cum < 0 {
			last = t
		}
	}
	if !nonzero || last == len(flows)-1 {
		return 0, false
	}
	return last + 1, true
}

// PaidBackIn names the month in which flows are paid back (see
// [PaybackMonth]): its calendar month when the case has a start date
// ("February 2028", or "Feb 2028" when short), "month 13" otherwise, and
// "n/a" when they are not paid back within the horizon.
func PaidBackIn(c *Case, flows []float64, short bool) string {
	m, ok := PaybackMonth(flows)
	if !ok {
		return figure.NotAvailable
	}
	if c == nil || c.StartDate.IsZero() {
		return fmt.Sprintf("month %d", m)
	}
	layout := "January 2006"
	if short {
		layout = "Jan 2006"
	}
	return c.StartDate.AddMonths(m).Time().Format(layout)
}
