package casebuilder

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Range is an estimate: low, likely and high. Low is the least favourable
// for a benefit and the cheapest for a cost; in every case Low ≤ Likely ≤
// High once validated (for a painInput benefit, in benefit, not in value).
//
// In a file, a Range is either a number, which sets all three, or an object
// {"low": ..., "likely": ..., "high": ...} whose missing low or high is the
// likely value. [Decode] reads it; MarshalJSON writes it.
type Range struct {
	Low, Likely, High float64
}

// Exactly returns a Range whose three values are v.
func Exactly(v float64) Range { return Range{v, v, v} }

// IsZero reports whether all three values are zero.
func (r Range) IsZero() bool { return r == Range{} }

// IsExact reports whether the three values are equal.
func (r Range) IsExact() bool { return r.Low == r.Likely && r.Likely == r.High }

// At returns the value for a scenario.
func (r Range) At(s Scenario) float64 {
	switch s {
	case Low:
		return r.Low
	case High:
		return r.High
	}
	return r.Likely
}

// MarshalJSON writes an exact range as a number and any other as an object.
func (r Range) MarshalJSON() ([]byte, error) {
	if r.IsExact() {
		return json.Marshal(r.Likely)
	}
	return json.Marshal(struct {
		Low    float64 `json:"low"`
		Likely float64 `json:"likely"`
		High   float64 `json:"high"`
	}{r.Low, r.Likely, r.High})
}

// Scenario selects the low, likely or high value of every estimate.
type Scenario int

// The scenarios.
const (
	Likely Scenario = iota
	Low
	High
)

// Date is a calendar day with no time of day or zone. The zero Date means
// "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// dateLayout is how a Date reads in a file and on screen.
const dateLayout = "2006-01-02"

// ParseDate reads a date written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("must be a date written YYYY-MM-DD (got %q)", s)
	}
	return DateOf(t), nil
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC on the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String returns the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(dateLayout)
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// AddMonths returns the first day of the month n months after d's month.
func (d Date) AddMonths(n int) Date {
	return DateOf(time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}

// MarshalJSON writes the date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(d.String())), nil }

// InputValue is the value of a calculator input: one estimate, or one for
// each year of the horizon (120 reps, then 135, then 150).
//
// In a file it is a number or an estimate object, as a [Range] is, or a
// list of them, year 1 first.
type InputValue struct {
	// Range is the estimate, or the first year's.
	Range
	// Years are the estimates by year of the horizon, year 1 first, when
	// the input is given year by year; a year after the last one given
	// takes the last one's.
	Years []Range
}

// Given returns the value of an input given as one estimate.
func Given(r Range) InputValue { return InputValue{Range: r} }

// ByYear returns the value of an input given year by year.
func ByYear(years ...Range) InputValue {
	if len(years) == 0 {
		return InputValue{}
	}
	return InputValue{Range: years[0], Years: slices.Clone(years)}
}

// Yearly reports whether the input is given year by year.
func (v InputValue) Yearly() bool { return len(v.Years) > 0 }

// InYear returns the estimate for year y of the horizon (0 is the first).
func (v InputValue) InYear(y int) Range {
	if len(v.Years) == 0 {
		return v.Range
	}
	return v.Years[min(max(y, 0), len(v.Years)-1)]
}

// IsExact reports whether every year's estimate is exact.
func (v InputValue) IsExact() bool {
	if len(v.Years) == 0 {
		return v.Range.IsExact()
	}
	for _, r := range v.Years {
		if !r.IsExact() {
			return false
		}
	}
	return true
}

// Equal reports whether two values are the same.
func (v InputValue) Equal(w InputValue) bool {
	return v.Range == w.Range && slices.Equal(v.Years, w.Years)
}

// MarshalJSON writes one estimate as a Range does, and a yearly value as
// the list of its years.
func (v InputValue) MarshalJSON() ([]byte, error) {
	if len(v.Years) == 0 {
		return v.Range.MarshalJSON()
	}
	return json.Marshal(v.Years)
}

// GivenInputs returns calculator inputs each given as one estimate.
func GivenInputs(m map[string]Range) map[string]InputValue {
	out := make(map[string]InputValue, len(m))
	for k, r := range m {
		out[k] = Given(r)
	}
	return out
}
