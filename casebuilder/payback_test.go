package casebuilder

import (
	"strings"
	"testing"
)

// TestPaybackMonth checks the month an investment is paid back in, worked
// by hand from the cumulative flows, and that it is the month Payback
// interpolates in.
func TestPaybackMonth(t *testing.T) {
	tests := []struct {
		name    string
		flows   []float64
		month   int
		ok      bool
		payback float64 // as Payback gives it
	}{
		// Cumulative -100, -50, 0: zero at the end of month 2, paid back in it.
		{"exact", []float64{-100, 50, 50, 50}, 2, true, 2},
		// Cumulative -100, -60, -20, +20: still -20 at the end of month 2.
		{"interpolated", []float64{-100, 40, 40, 40}, 3, true, 2.5},
		// Cumulative -10, 10, -20, 20: positive for good only from month 3.
		{"dips again", []float64{-10, 20, -30, 40}, 3, true, 2.5},
		// The turnover sample's shape: -1,162 at the end of month 12,
		// +51,941 at the end of month 13; Payback says 12.02.
		{"one month late", []float64{-53103 - 1162, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 53103, 53103}, 13, true, 12 + 1162.0/53103},
		{"never negative", []float64{10, 0, 5}, 0, true, 0},
		{"never within horizon", []float64{-100, 10, 10}, 0, false, 0},
		{"nothing at all", []float64{0, 0, 0}, 0, false, 0},
		{"empty", nil, 0, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := PaybackMonth(tt.flows)
			if m != tt.month || ok != tt.ok {
				t.Errorf("PaybackMonth = %d, %v; want %d, %v", m, ok, tt.month, tt.ok)
			}
			p, pok := Payback(tt.flows)
			if pok != tt.ok || pok && !near(p, tt.payback, 1e-9) {
				t.Errorf("Payback = %v, %v; want %v", p, pok, tt.payback)
			}
		})
	}
}

func TestPaidBackIn(t *testing.T) {
	flows := []float64{-53103 - 1162, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 53103, 53103}
	c := &Case{StartDate: Date{Year: 2027, Month: 1, Day: 1}}
	for _, tt := range []struct {
		c     *Case
		flows []float64
		short bool
		want  string
	}{
		{c, flows, false, "February 2028"}, // month 13 from January 2027
		{c, flows, true, "Feb 2028"},
		{&Case{}, flows, false, "month 13"},
		{nil, flows, true, "month 13"},
		{c, []float64{-100, 10}, false, "n/a"},
		{c, []float64{5, 5}, false, "January 2027"},
	} {
		if got := PaidBackIn(tt.c, tt.flows, tt.short); got != tt.want {
			t.Errorf("PaidBackIn(%v, short %v) = %q, want %q", tt.flows, tt.short, got, tt.want)
		}
	}
	if !strings.Contains(PaybackConvention, "by whose end") {
		t.Errorf("the convention does not say which end of the month: %q", PaybackConvention)
	}
}
