package casebuilder

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

func TestDateOrderOf(t *testing.T) {
	tests := []struct {
		tag  string
		want DateOrder
	}{
		{"en-US", MonthFirst}, {"es-US", MonthFirst}, {"en-PH", MonthFirst}, {"en-PR", MonthFirst},
		{"en-GB", DayFirst}, {"en-IN", DayFirst}, {"en-AU", DayFirst}, {"en-IE", DayFirst}, {"en-150", DayFirst},
		{"de-DE", DayFirst}, {"de", DayFirst}, {"fr", DayFirst}, {"es", DayFirst}, {"es-MX", DayFirst}, {"pt-BR", DayFirst},
		{"it-IT", DayFirst}, {"nl-NL", DayFirst}, {"pl-PL", DayFirst}, {"ru", DayFirst}, {"ar-EG", DayFirst}, {"zh-HK", DayFirst},
		{"ja", YearFirst}, {"ja-JP", YearFirst}, {"zh", YearFirst}, {"zh-TW", YearFirst}, {"ko-KR", YearFirst},
		{"hu-HU", YearFirst}, {"sv-SE", YearFirst}, {"sv-FI", DayFirst}, {"lt", YearFirst}, {"en-ZA", YearFirst},
		{"en", OrderUnknown}, {"und", OrderUnknown}, {"en-CA", OrderUnknown}, {"fr-CA", OrderUnknown},
	}
	for _, tt := range tests {
		if got := DateOrderOf(language.MustParse(tt.tag)); got != tt.want {
			t.Errorf("DateOrderOf(%s) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}

func TestParseLocalDate(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return Date{y, m, day} }
	tests := []struct {
		tag, text string
		want      Date
	}{
		// ISO everywhere, and any date whose year comes first in full.
		{"en-US", "2027-12-31", d(2027, 12, 31)},
		{"en-GB", "2027-12-31", d(2027, 12, 31)},
		{"en", "2027-03-04", d(2027, 3, 4)},
		{"de-DE", "2027-1-5", d(2027, 1, 5)},
		{"ja-JP", "2027/12/31", d(2027, 12, 31)},
		{"zh", "2027年12月31日", d(2027, 12, 31)},
		{"hu-HU", "2027. 12. 31.", d(2027, 12, 31)},
		{"ko-KR", "2027. 3. 4.", d(2027, 3, 4)},
		{"en-US", "  2027-12-31 ", d(2027, 12, 31)},
		// Day first in most of the world.
		{"en-GB", "31/12/2027", d(2027, 12, 31)},
		{"en-GB", "03/04/2027", d(2027, 4, 3)},
		{"en-IN", "3/4/27", d(2027, 4, 3)},
		{"de-DE", "31.12.2027", d(2027, 12, 31)},
		{"de-DE", "1.2.27", d(2027, 2, 1)},
		{"fr-FR", "04/03/2027", d(2027, 3, 4)},
		{"nl-NL", "4-3-2027", d(2027, 3, 4)},
		{"pl", "04.03.2027", d(2027, 3, 4)},
		{"ar-EG", "٠٤/٠٣/٢٠٢٧", d(2027, 3, 4)}, // Arabic-Indic digits
		// Month first in the United States.
		{"en-US", "12/31/2027", d(2027, 12, 31)},
		{"en-US", "03/04/2027", d(2027, 3, 4)},
		{"en-US", "3/4/27", d(2027, 3, 4)},
		{"es-US", "3-4-2027", d(2027, 3, 4)},
		// Year first with two digits, where the locale writes it so.
		{"ja-JP", "27/12/31", d(2027, 12, 31)},
		// Where the order is unknown, a date that reads one way only.
		{"en", "31/12/2027", d(2027, 12, 31)},
		{"en", "12/31/2027", d(2027, 12, 31)},
		{"en", "05/05/2027", d(2027, 5, 5)},
		{"en-CA", "25/12/2027", d(2027, 12, 25)},
		// Year first, the year written last: the order is not known.
		{"ja-JP", "31/12/2027", d(2027, 12, 31)},
		{"en-GB", "29/02/2028", d(2028, 2, 29)},
	}
	for _, tt := range tests {
		got, err := ParseLocalDate(tt.text, language.MustParse(tt.tag))
		if err != nil || got != tt.want {
			t.Errorf("ParseLocalDate(%q, %s) = %v, %v; want %v", tt.text, tt.tag, got, err, tt.want)
		}
	}
}

func TestParseLocalDateRefuses(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return Date{y, m, day} }
	tests := []struct {
		tag, text, says string
		readings        []Date
	}{
		// Truly ambiguous: both readings named.
		{"en", "03/04/2027", `"03/04/2027" could be 3 April 2027 (day first) or 4 March 2027 (month first): type it as 2027-04-03 or 2027-03-04`,
			[]Date{d(2027, 4, 3), d(2027, 3, 4)}},
		{"en-CA", "1/2/27", `"1/2/27" could be 1 February 2027 (day first) or 2 January 2027 (month first): type it as 2027-02-01 or 2027-01-02`,
			[]Date{d(2027, 2, 1), d(2027, 1, 2)}},
		{"und", "11.12.2027", `"11.12.2027" could be 11 December 2027 (day first) or 12 November 2027 (month first)`,
			[]Date{d(2027, 12, 11), d(2027, 11, 12)}},
		// Impossible in the locale's order: said so, not read the other way.
		{"en-GB", "12/31/2027", `"12/31/2027" is not a date: en-GB writes the day first (31/12/2027), and there is no month 31. ` +
			`For 31 December 2027, type 31/12/2027 or 2027-12-31`, nil},
		{"en-US", "31/12/2027", `"31/12/2027" is not a date: en-US writes the month first (12/31/2027), and there is no month 31. ` +
			`For 31 December 2027, type 12/31/2027 or 2027-12-31`, nil},
		{"de-DE", "12.31.2027", `en-GB`, nil}, // replaced below: German says de-DE and writes 31.12.2027
		// Out of range.
		{"en-GB", "31/02/2027", `"31/02/2027" is not a date: February 2027 has 28 days`, nil},
		{"en-US", "2027-13-01", `"2027-13-01" is not a date: there is no month 13`, nil},
		{"en-US", "2027-02-29", `"2027-02-29" is not a date: February 2027 has 28 days`, nil},
		{"en", "31/31/2027", `"31/31/2027" is not a date: there is no month 31`, nil},
		{"en-US", "0000-01-01", `"0000-01-01" is not a date: there is no year 0`, nil},
		// Not dates at all.
		{"en-GB", "next friday", `"next friday" is not a date: type it as 31/12/2027 or 2027-12-31`, nil},
		{"en", "tomorrow", `"tomorrow" is not a date: type it as 2027-12-31`, nil},
		{"de-DE", "12/2027", `"12/2027" is not a date: type it as 31.12.2027 or 2027-12-31`, nil},
		{"en-US", "1/2/3/4", `is not a date`, nil},
		{"en-US", "1/2/202", `"1/2/202" is not a date: type it as 12/31/2027 or 2027-12-31, with the year in two or four digits`, nil},
		{"en-US", "2027-12-31T10:00", `is not a date`, nil},
		{"en-US", "-2027-12-31", `is not a date`, nil},
		{"en-US", "", `"" is not a date`, nil},
	}
	tests[5].says = `"12.31.2027" is not a date: de-DE writes the day first (31.12.2027), and there is no month 31. For 31 December 2027, type 31.12.2027 or 2027-12-31`
	for _, tt := range tests {
		got, err := ParseLocalDate(tt.text, language.MustParse(tt.tag))
		var de *DateError
		if !errors.As(err, &de) || !strings.Contains(de.Error(), tt.says) {
			t.Errorf("ParseLocalDate(%q, %s) = %v, %v; want an error saying %q", tt.text, tt.tag, got, err, tt.says)
			continue
		}
		if de.Text != tt.text || len(de.Readings) != len(tt.readings) {
			t.Errorf("%q: the error's text %q, readings %v; want %v", tt.text, de.Text, de.Readings, tt.readings)
		}
		for i := range tt.readings {
			if i < len(de.Readings) && de.Readings[i] != tt.readings[i] {
				t.Errorf("%q: reading %d is %v, want %v", tt.text, i, de.Readings[i], tt.readings[i])
			}
		}
	}
}

func TestDateExample(t *testing.T) {
	for tag, want := range map[string]string{
		"en-US": "12/31/2027", "en-GB": "31/12/2027", "de-DE": "31.12.2027", "nl-NL": "31-12-2027", "fr": "31/12/2027",
		"ja-JP": "2027/12/31", "hu": "2027. 12. 31.", "sv-SE": "2027-12-31", "en": "2027-12-31", "en-CA": "2027-12-31",
	} {
		lang := language.MustParse(tag)
		got := DateExample(lang)
		if got != want {
			t.Errorf("DateExample(%s) = %q, want %q", tag, got, want)
		}
		// What the example shows, the locale reads back.
		if d, err := ParseLocalDate(got, lang); err != nil || d != (Date{2027, 12, 31}) {
			t.Errorf("%s reads its own example %q as %v, %v", tag, got, d, err)
		}
	}
}

// dateTags are locales of every order, for the fuzz test.
var dateTags = []language.Tag{language.AmericanEnglish, language.BritishEnglish, language.English, language.German,
	language.Japanese, language.Hungarian, language.MustParse("en-CA"), language.Und, language.MustParse("ar-EG")}

// FuzzParseLocalDate feeds ParseLocalDate arbitrary text in locales of
// every order: it must never panic; a date it reads must be a real day,
// which the locale reads back from its own way of writing it and every
// locale from ISO; a refusal must say why, and name two different real
// days when it finds the text ambiguous.
func FuzzParseLocalDate(f *testing.F) {
	for _, s := range []string{"2027-12-31", "31/12/2027", "12/31/2027", "03/04/2027", "3.4.27", "27/12/31", "2027. 12. 31.",
		"2027年12月31日", "٠٤/٠٣/٢٠٢٧", "29/02/2028", "31/02/2027", "0000-01-01", "1/2/3/4", "next friday", "", "9999-12-31"} {
		for i := range dateTags {
			f.Add(s, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, text string, which uint8) {
		lang := dateTags[int(which)%len(dateTags)]
		d, err := ParseLocalDate(text, lang)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Reason == "" || de.Text != text {
				t.Fatalf("%q: error %#v", text, err)
			}
			if len(de.Readings) != 0 && (len(de.Readings) != 2 || de.Readings[0] == de.Readings[1] ||
				!isRealDay(de.Readings[0]) || !isRealDay(de.Readings[1])) {
				t.Fatalf("%q: readings %v", text, de.Readings)
			}
			return
		}
		if !isRealDay(d) {
			t.Fatalf("%q read as %v, not a real day", text, d)
		}
		if again, err := ParseLocalDate(localDate(d, lang), lang); err != nil || again != d {
			t.Fatalf("%q read as %v; its local form %q reads as %v, %v", text, d, localDate(d, lang), again, err)
		}
		for _, other := range dateTags {
			if again, err := ParseLocalDate(d.String(), other); err != nil || again != d {
				t.Fatalf("%q read as %v; %s reads its ISO form as %v, %v", text, d, other, again, err)
			}
		}
	})
}

// isRealDay reports whether d is a day of the calendar.
func isRealDay(d Date) bool {
	t := d.Time()
	return d.Year >= 1 && DateOf(t) == d
}
