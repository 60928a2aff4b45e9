package figure

import (
	"slices"
	"strings"
)

// Unit says what a figure measures, and so how it reads.
type Unit string

// The units of inputs, steps and measures.
const (
	Money   Unit = "money"
	Count   Unit = "count"
	Percent Unit = "percent" // a fraction, shown as a percentage
	Days    Unit = "days"
	Weeks   Unit = "weeks"
	Months  Unit = "months"
	Hours   Unit = "hours"
	// MoneyPerHour is an amount of money per hour.
	MoneyPerHour Unit = "moneyPerHour"
	// Number is any other quantity.
	Number Unit = "number"
)

// units are every unit, in the order they are listed to people.
var units = []Unit{Money, Count, Percent, Days, Weeks, Months, Hours, MoneyPerHour, Number}

// Valid reports whether u is a unit; empty reads as a plain number.
func (u Unit) Valid() bool { return u == "" || slices.Contains(units, u) }

// UnitList names every unit, for a message: "money, count, ...".
func UnitList() string {
	var names []string
	for _, u := range units {
		names = append(names, string(u))
	}
	return strings.Join(names, ", ")
}
