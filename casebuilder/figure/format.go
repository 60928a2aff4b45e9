package figure

import (
	"math"
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Format writes figures one way for the screen, the workbook and the
// brief: the case's currency, the reader's digit grouping. Digit grouping
// and currency symbols come from golang.org/x/text (CLDR data).
type Format struct {
	printer     *message.Printer
	symbol      string
	symbolAfter bool
}

// NewFormat returns the format for amounts in the ISO currency code cur
// read in language lang (English when lang is undetermined).
func NewFormat(cur string, lang language.Tag) *Format {
	if lang == language.Und {
		lang = language.English
	}
	f := &Format{printer: message.NewPrinter(lang), symbol: cur}
	if u, err := currency.ParseISO(cur); err == nil {
		f.symbol = strings.TrimSpace(f.printer.Sprint(currency.NarrowSymbol(u)))
	}
	// English writes the symbol first (€1,200); most other languages
	// write it last (1.200 €).
	base, _ := lang.Base()
	en, _ := language.English.Base()
	f.symbolAfter = base != en
	return f
}

// Symbol returns the currency symbol, or the ISO code where there is none.
func (f *Format) Symbol() string { return f.symbol }

// SymbolAfter reports whether the symbol follows the amount.
func (f *Format) SymbolAfter() bool { return f.symbolAfter }

// Number returns x with digit grouping and the given number of decimals.
func (f *Format) Number(x float64, decimals int) string {
	if !finite(x) {
		return NotAvailable
	}
	s := f.printer.Sprint(number.Decimal(math.Abs(x), number.MinFractionDigits(decimals), number.MaxFractionDigits(decimals)))
	if x < 0 && strings.ContainsAny(s, "123456789") { // no "-0"
		return "-" + s
	}
	return s
}

// Money returns an amount in whole units of the currency: "€1,234,568" or
// "-€12,500".
func (f *Format) Money(x float64) string { return f.money(x, 0) }

// MoneyCents returns an amount with two decimals.
func (f *Format) MoneyCents(x float64) string { return f.money(x, 2) }

func (f *Format) money(x float64, decimals int) string {
	if !finite(x) {
		return NotAvailable // not "€n/a"
	}
	n := f.Number(x, decimals)
	sign := ""
	if strings.HasPrefix(n, "-") {
		sign, n = "-", n[1:]
	}
	if f.symbolAfter {
		return sign + n + "\u00a0" + f.symbol
	}
	return sign + f.symbol + n
}

// MoneyShort returns an amount in thousands or millions, for charts and
// headlines: "€1.2M", "€350k".
func (f *Format) MoneyShort(x float64) string {
	a := math.Abs(x)
	switch {
	case !finite(x):
		return NotAvailable // not "n/abn"
	case a >= 999_950_000:
		return f.scaled(x/1e9, "bn")
	case a >= 999_950:
		return f.scaled(x/1e6, "M")
	case a >= 10_000:
		return f.scaled(x/1e3, "k")
	}
	return f.Money(x)
}

func (f *Format) scaled(x float64, suffix string) string {
	m := f.money(x, 1)
	if f.symbolAfter {
		return strings.Replace(m, "\u00a0", suffix+"\u00a0", 1)
	}
	return m + suffix
}

// Percent returns a fraction as a percentage with one decimal: "12.5%" in
// English, "12,5 %" in French or German.
func (f *Format) Percent(x float64) string { return f.percent(x, 1) }

func (f *Format) percent(x float64, decimals int) string {
	if !finite(x) {
		return NotAvailable // not "n/a%"
	}
	if f.symbolAfter {
		return f.Number(x*100, decimals) + "\u00a0%"
	}
	return f.Number(x*100, decimals) + "%"
}

// WholePercent returns a fraction as a whole percentage, halves rounded
// away from zero: "13%" for 0.125 in English, "13 %" in French or German.
// It writes the round bounds and examples of messages, and the brief's
// headline rates.
func (f *Format) WholePercent(x float64) string {
	if !finite(x) {
		return NotAvailable
	}
	return f.percent(math.Round(x*100)/100, 0)
}

// Exact writes an amount of money, a percentage or a plain number as
// Money, Percent and Number do, with the decimals given: where one figure
// must not read as another ("100.04%", not "100.0%").
func (f *Format) Exact(x float64, u Unit, decimals int) string {
	switch u {
	case Money:
		return f.money(x, decimals)
	case Percent:
		return f.percent(x, decimals)
	}
	return f.Number(x, decimals)
}

// Ratio returns a ratio with two decimals: "2.45".
func (f *Format) Ratio(x float64) string { return f.Number(x, 2) }

// Months returns a number of months with one decimal.
func (f *Format) Months(x float64) string {
	if !finite(x) {
		return NotAvailable
	}
	return f.Number(x, 1) + " months"
}

// NotAvailable is what a figure that does not exist (or is not a
// number, in an invalid draft) shows as, whatever its unit.
const NotAvailable = "n/a"

// Maybe formats an optional figure, "n/a" when it is nil.
func (f *Format) Maybe(x *float64, format func(float64) string) string {
	if x == nil {
		return NotAvailable
	}
	return format(*x)
}

// Value formats a figure by its unit.
func (f *Format) Value(x float64, u Unit) string { return f.value(x, u, 0, x == math.Trunc(x)) }

// Apart formats figures of one unit as Value does, all with the same
// decimals: as many more (up to three) as it takes for those that differ
// not to read alike. A reading of 5.8 months against 5.7507 due reads
// "5.80 months" against "5.75 months", not "5.8 months" against "5.8
// months".
func (f *Format) Apart(u Unit, xs ...float64) []string {
	whole := true
	for _, x := range xs {
		whole = whole && x == math.Trunc(x)
	}
	out := make([]string, len(xs))
	for extra := 0; ; extra++ {
		for i, x := range xs {
			out[i] = f.value(x, u, extra, whole)
		}
		if extra == 3 || !alike(xs, out) {
			return out
		}
	}
}

// alike reports whether two different figures of xs are written alike.
func alike(xs []float64, written []string) bool {
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if xs[i] != xs[j] && written[i] == written[j] {
				return true
			}
		}
	}
	return false
}

// value formats a figure by its unit with extra decimals; whole is whether
// a count is written without decimals.
func (f *Format) value(x float64, u Unit, extra int, whole bool) string {
	if !finite(x) {
		return NotAvailable // not "n/a days"
	}
	switch u {
	case Money:
		return f.money(x, extra)
	case MoneyPerHour:
		return f.money(x, 2+extra) + " per hour"
	case Percent:
		return f.percent(x, 1+extra)
	case Days:
		return f.Number(x, extra) + " days"
	case Weeks:
		return f.Number(x, extra) + " weeks"
	case Months:
		return f.Number(x, 1+extra) + " months"
	case Hours:
		return f.Number(x, 1+extra) + " hours"
	case Count:
		if whole && extra == 0 {
			return f.Number(x, 0)
		}
		return f.Number(x, 1+extra)
	}
	return f.Number(x, 2+extra)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
