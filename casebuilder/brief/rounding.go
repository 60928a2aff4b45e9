package brief

import (
	"math"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The cover and the executive summary give their figures rounded the way
// executives read them: "€7.0M a year", "136%", "above 100%". The tables
// after them keep the exact figures, as figure.Format writes them on
// screen and in the workbook, so that each rounded figure can be traced.

// roundMoney writes an amount rounded for a headline: whole units below
// 10,000 ("€5,667"), thousands below a million ("€52k"), millions with
// one decimal below a hundred million ("€7.0M"), then whole millions
// ("€150M") and billions with one decimal ("€1.2bn").
func (d *doc) roundMoney(x float64) string {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || a < 10_000:
		return d.f.Money(math.Round(x))
	case a < 999_500:
		return d.scaledMoney(x/1e3, 0, "k")
	case a < 99_950_000:
		return d.scaledMoney(x/1e6, 1, "M")
	case a < 999_500_000:
		return d.scaledMoney(x/1e6, 0, "M")
	}
	return d.scaledMoney(x/1e9, 1, "bn")
}

// scaledMoney writes x (already divided by its scale) with decimals and
// the suffix, the currency symbol where the format puts it: "€52k",
// "-€1.4M", or "52k €" in a language that writes the symbol last.
func (d *doc) scaledMoney(x float64, decimals int, suffix string) string {
	p := math.Pow(10, float64(decimals))
	n := d.f.Number(math.Round(math.Abs(x)*p)/p, decimals) + suffix
	sign := ""
	if x < 0 {
		sign = "-"
	}
	if d.f.SymbolAfter() {
		return sign + n + "\u00a0" + d.f.Symbol()
	}
	return sign + d.f.Symbol() + n
}

// roundPercent writes a fraction as a whole percentage: "136%".
func (d *doc) roundPercent(x float64) string {
	return d.f.WholePercent(x)
}

// roundIRR writes an internal rate of return for a headline: a whole
// percentage, or "above 100%" for a rate above 100 %, which means nothing
// more to a reader than that the return is very high.
func (d *doc) roundIRR(x *float64) string {
	switch {
	case x == nil:
		return "n/a"
	case *x > 1:
		return "above " + d.roundPercent(1)
	}
	return d.roundPercent(*x)
}

// roundProbability writes a probability as a whole percentage, never 0 %
// or 100 % for what is merely unlikely or likely: "below 1%", "above 99%".
func (d *doc) roundProbability(p float64) string {
	switch {
	case p > 0 && p < 0.005:
		return "below " + d.roundPercent(0.01)
	case p < 1 && p >= 0.995:
		return "above " + d.roundPercent(0.99)
	}
	return d.roundPercent(p)
}

// roundRatio writes a ratio with one decimal: "2.2".
func (d *doc) roundRatio(x *float64) string {
	if x == nil {
		return "n/a"
	}
	return d.f.Number(math.Round(*x*10)/10, 1)
}

// paidBackIn names the month an alternative is paid back in: "February
// 2028", or "Feb 2028" when short; "month 13" when the case has no start
// date; "not within the horizon" when it is not paid back.
func (d *doc) paidBackIn(a *casebuilder.AltResult, short bool) string {
	if _, ok := casebuilder.PaybackMonth(a.CashFlows); !ok {
		if short {
			return "n/a"
		}
		return "not within the horizon"
	}
	return casebuilder.PaidBackIn(d.c, a.CashFlows, short)
}
