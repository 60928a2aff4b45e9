package casebuilder

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"golang.org/x/text/language"
)

// DateOrder is the order in which a locale writes the day and the month of
// a date whose year comes last.
type DateOrder int

// The orders.
const (
	// OrderUnknown is a locale that does not settle it: English with no
	// country (the United States write the month first, the rest of the
	// English-speaking world the day), or Canada, which writes both.
	OrderUnknown DateOrder = iota
	// DayFirst is most of the world: 31/12/2027, 31.12.2027.
	DayFirst
	// MonthFirst is the United States and the places that follow its
	// usage: 12/31/2027.
	MonthFirst
	// YearFirst is China, Japan, Korea, Hungary, Lithuania, Mongolia,
	// Iran, Sweden and South Africa: 2027/12/31, 2027. 12. 31.
	YearFirst
)

// Regions whose dates are not day first, from the short date patterns of
// the Unicode CLDR; every other region writes the day first.
var (
	monthFirstRegions = []string{"US", "AS", "GU", "MP", "PR", "UM", "VI", "MH", "PH"}
	yearFirstRegions  = []string{"CN", "TW", "JP", "KR", "KP", "HU", "LT", "MN", "IR", "SE", "ZA"}
	// Canada writes 2027-12-31, 31/12/2027 and 12/31/2027 alike.
	unknownRegions = []string{"CA"}
)

// DateOrderOf returns the order in which lang writes dates: that of its
// region when the tag names one (en-GB, es-US), else that of the region
// where the language is most spoken, except for English, which alone is
// written both ways by large numbers of people.
func DateOrderOf(lang language.Tag) DateOrder {
	region, conf := lang.Region()
	if conf != language.Exact {
		if base, _ := lang.Base(); base.String() == "en" || lang == language.Und {
			return OrderUnknown
		}
	}
	r := region.String()
	switch {
	case slices.Contains(monthFirstRegions, r):
		return MonthFirst
	case slices.Contains(yearFirstRegions, r):
		return YearFirst
	case slices.Contains(unknownRegions, r):
		return OrderUnknown
	}
	return DayFirst
}

// DateError says why a typed date was not read.
type DateError struct {
	// Text is what was typed.
	Text string
	// Reason says what is wrong and what to type, for the user.
	Reason string
	// Readings are the two dates a truly ambiguous text could be, day
	// first then month first; empty for any other error.
	Readings []Date
}

func (e *DateError) Error() string { return e.Reason }

// ParseLocalDate reads a date as the user's locale writes it:
//
//   - ISO 8601, 2027-12-31, everywhere; so is any date whose year comes
//     first with four digits (2027/12/31, 2027. 12. 31., 2027年12月31日);
//   - otherwise day first in most of the world (31/12/2027, 31.12.27),
//     month first in the United States (12/31/2027), year first in the
//     locales that write it so (27/12/31 in Japan), as [DateOrderOf] says.
//
// Any of - / . and spaces separates the parts; a two-digit year is one of
// 2000 to 2099; digits of other scripts read as digits. Where the locale
// does not settle the order (English with no country, Canada), a date
// that reads both ways is refused with both readings named, and one that
// reads one way only is that date. A date the locale's order makes
// impossible (12/31/2027 day first) is refused, saying which order was
// used and what to type, rather than read the other way round.
func ParseLocalDate(text string, lang language.Tag) (Date, error) {
	parts, ok := dateParts(strings.TrimSpace(text))
	if !ok {
		return Date{}, &DateError{Text: text, Reason: fmt.Sprintf("%q is not a date: type it as %s", text, typeAs(lang))}
	}
	order := DateOrderOf(lang)
	width := func(i int) int { return len(parts[i]) }
	num := func(i int) int { n, _ := strconv.Atoi(parts[i]); return n }
	var year, a, b int // a and b are the day and the month, in some order
	switch {
	case width(0) == 4 && width(1) <= 2 && width(2) <= 2:
		// Year first, in full: ISO's order, in every locale.
		return checked(text, lang, order, num(0), num(1), num(2), false)
	case width(0) == 2 && width(1) <= 2 && width(2) <= 2 && order == YearFirst:
		return checked(text, lang, order, 2000+num(0), num(1), num(2), false)
	case width(0) <= 2 && width(1) <= 2 && (width(2) == 4 || width(2) == 2):
		year, a, b = num(2), num(0), num(1)
		if width(2) == 2 {
			year += 2000
		}
	default:
		return Date{}, &DateError{Text: text, Reason: fmt.Sprintf("%q is not a date: type it as %s, with the year in two or four digits",
			text, typeAs(lang))}
	}
	switch order {
	case DayFirst:
		return checked(text, lang, order, year, b, a, true)
	case MonthFirst:
		return checked(text, lang, order, year, a, b, true)
	}
	// The order is not known (or, year first, the year came last): a date
	// that reads both ways is truly ambiguous.
	dayFirst, err1 := makeDate(year, b, a)
	monthFirst, err2 := makeDate(year, a, b)
	switch {
	case err1 == nil && err2 == nil && dayFirst != monthFirst:
		return Date{}, &DateError{Text: text, Readings: []Date{dayFirst, monthFirst},
			Reason: fmt.Sprintf("%q could be %s (day first) or %s (month first): type it as %s or %s",
				text, longDate(dayFirst), longDate(monthFirst), dayFirst, monthFirst)}
	case err1 == nil:
		return dayFirst, nil
	case err2 == nil:
		return monthFirst, nil
	}
	return Date{}, &DateError{Text: text, Reason: fmt.Sprintf("%q is not a date: %v", text, err1)}
}

// checked returns the date of year, month and day, or an error saying why
// there is none. With swappable set, the locale's order placed the day and
// the month, and the error says so when the other order would read.
func checked(text string, lang language.Tag, order DateOrder, year, month, day int, swappable bool) (Date, error) {
	d, err := makeDate(year, month, day)
	if err == nil {
		return d, nil
	}
	reason := fmt.Sprintf("%q is not a date: %v", text, err)
	if other, err2 := makeDate(year, day, month); swappable && err2 == nil {
		first := "day"
		if order == MonthFirst {
			first = "month"
		}
		reason = fmt.Sprintf("%q is not a date: %s writes the %s first (%s), and %v. For %s, type %s or %s",
			text, lang, first, DateExample(lang), err, longDate(other), localDate(other, lang), other)
	}
	return Date{}, &DateError{Text: text, Reason: reason}
}

// typeAs says how to type a date in lang.
func typeAs(lang language.Tag) string {
	if ex := DateExample(lang); ex != "2027-12-31" {
		return ex + " or 2027-12-31"
	}
	return "2027-12-31"
}

// makeDate returns the date, or an error naming the part out of range.
func makeDate(year, month, day int) (Date, error) {
	switch {
	case year < 1:
		return Date{}, fmt.Errorf("there is no year %d", year)
	case month < 1 || month > 12:
		return Date{}, fmt.Errorf("there is no month %d", month)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return Date{}, fmt.Errorf("%s %d has %d days", time.Month(month), year, last)
	}
	return Date{year, time.Month(month), day}, nil
}

// dateParts splits a date into its three runs of digits, written as ASCII
// digits, and reports whether it is three runs separated by - / . spaces
// or the CJK marks 年 and 月, followed by nothing but a dot, spaces or 日.
func dateParts(s string) ([]string, bool) {
	var parts []string
	digits := false // within a run of digits
	for _, r := range s {
		if d, ok := figure.DigitValue(r); ok {
			if !digits {
				if len(parts) == 3 {
					return nil, false
				}
				parts = append(parts, "")
				digits = true
			}
			parts[len(parts)-1] += string(rune('0' + d))
			continue
		}
		digits = false
		separators := "-/. \u00a0年月"
		if len(parts) == 3 {
			separators = ". \u00a0日" // what may end a date
		}
		if len(parts) == 0 || !strings.ContainsRune(separators, r) {
			return nil, false
		}
	}
	return parts, len(parts) == 3
}

// DateExample returns 31 December 2027 as lang writes it, to show what to
// type.
func DateExample(lang language.Tag) string {
	return localDate(Date{2027, time.December, 31}, lang)
}

// localDate writes d in lang's order with its usual separator; ISO where
// the order is unknown.
func localDate(d Date, lang language.Tag) string {
	base, _ := lang.Base()
	sep := "/"
	switch base.String() {
	case "de", "da", "fi", "nb", "nn", "no", "is", "et", "lv", "ru", "uk", "be", "pl", "cs", "sk",
		"sl", "hr", "sr", "bs", "bg", "ro", "tr", "az", "kk", "hy", "ka", "lb", "mk":
		sep = "."
	case "nl":
		sep = "-"
	}
	switch DateOrderOf(lang) {
	case DayFirst:
		return fmt.Sprintf("%02d%s%02d%s%04d", d.Day, sep, int(d.Month), sep, d.Year)
	case MonthFirst:
		return fmt.Sprintf("%02d/%02d/%04d", int(d.Month), d.Day, d.Year)
	case YearFirst:
		switch base.String() {
		case "hu", "ko":
			return fmt.Sprintf("%04d. %02d. %02d.", d.Year, int(d.Month), d.Day)
		case "ja", "zh":
			return fmt.Sprintf("%04d/%02d/%02d", d.Year, int(d.Month), d.Day)
		}
	}
	return d.String()
}

// longDate writes d with the month's name, which no order can confuse.
func longDate(d Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}
