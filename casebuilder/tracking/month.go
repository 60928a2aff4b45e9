package tracking

import (
	"fmt"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Month is a calendar month, as in "as of September 2027". The zero Month
// means "not set".
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads a month written YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("must be a month written YYYY-MM, such as 2027-09 (got %q)", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// MonthOf returns the month of a date.
func MonthOf(d casebuilder.Date) Month { return Month{d.Year, d.Month} }

// IsZero reports whether the month is unset.
func (m Month) IsZero() bool { return m == Month{} }

// String returns the month as YYYY-MM, or "" when unset.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))
}

// Words returns the month as people read it: "September 2027".
func (m Month) Words() string { return fmt.Sprintf("%s %d", m.Month, m.Year) }

// First returns the month's first day.
func (m Month) First() casebuilder.Date {
	return casebuilder.Date{Year: m.Year, Month: m.Month, Day: 1}
}

// Last returns the month's last day.
func (m Month) Last() casebuilder.Date {
	return casebuilder.DateOf(time.Date(m.Year, m.Month+1, 0, 0, 0, 0, 0, time.UTC))
}

// Add returns the month n months later (earlier, for a negative n).
func (m Month) Add(n int) Month { return MonthOf(m.First().AddMonths(n)) }

// Since returns the number of months from o to m: 0 for the same month.
func (m Month) Since(o Month) int {
	return (m.Year-o.Year)*casebuilder.PeriodsPerYear + int(m.Month) - int(o.Month)
}

// MarshalJSON writes the month as "YYYY-MM".
func (m Month) MarshalJSON() ([]byte, error) { return []byte(`"` + m.String() + `"`), nil }

// days returns the number of days from d to e (negative when e is before d).
func days(d, e casebuilder.Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// addDays returns the day n days after d.
func addDays(d casebuilder.Date, n int) casebuilder.Date {
	return casebuilder.DateOf(d.Time().AddDate(0, 0, n))
}

// later returns the later of two dates; an unset one loses.
func later(d, e casebuilder.Date) casebuilder.Date {
	if d.IsZero() || (!e.IsZero() && d.Before(e)) {
		return e
	}
	return d
}
