package figure

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

var (
	english = language.English
	german  = language.German
	french  = language.French
	swiss   = language.MustParse("de-CH")
	indian  = language.MustParse("en-IN")
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		text string
		lang language.Tag
		want float64
	}{
		// Plain numbers and English grouping.
		{"0", english, 0},
		{"12500", english, 12500},
		{"12,500", english, 12500},
		{"12,500.75", english, 12500.75},
		{"1,234,567", english, 1234567},
		{"  42  ", english, 42},
		{".5", english, 0.5},
		{"5.", english, 5},
		{"-3", english, -3},
		{"−3", english, -3}, // U+2212 minus sign
		{"+3", english, 3},
		// Scales.
		{"12.5k", english, 12500},
		{"12.5K", english, 12500},
		{"12.5 k", english, 12500},
		{"1.2M", english, 1.2e6},
		{"1.2m", english, 1.2e6},
		{"3mn", english, 3e6},
		{"2bn", english, 2e9},
		{"2B", english, 2e9},
		{"1.5 million", english, 1.5e6},
		// Percentages.
		{"15 %", english, 0.15},
		{"15%", english, 0.15},
		{"12.5%", english, 0.125},
		{"-2%", english, -0.02},
		// Currencies, before or after, symbol or code.
		{"€ 3,000", english, 3000},
		{"€3,000", english, 3000},
		{"$1,200.50", english, 1200.5},
		{"-€12.5k", english, -12500},
		{"€-12.5k", english, -12500},
		{"USD 1,200", english, 1200},
		{"1200 usd", english, 1200},
		{"US$ 40", english, 40},
		{"12 k€", english, 12000},
		{"£1.2M", english, 1.2e6},
		{"kr 100", english, 100},
		// German: point groups, comma is decimal.
		{"12.500", german, 12500},
		{"12.500,75", german, 12500.75},
		{"12,5", german, 12.5},
		{"12,5k", german, 12500},
		{"3.000 €", german, 3000},
		{"1,2 Mio", german, 1.2e6},
		{"1,2 Mio. €", german, 1.2e6},
		{"2 Mrd", german, 2e9},
		{"15 %", german, 0.15},
		{"12 500", german, 12500},
		// French: narrow or plain spaces group, comma is decimal, and a
		// point, which groups nothing there, is a decimal mark too.
		{"12\u202f500,5", french, 12500.5},
		{"12\u00a0500,5", french, 12500.5},
		{"12 500,5", french, 12500.5},
		{"12,5", french, 12.5},
		{"12.5", french, 12.5},
		{"3 000 €", french, 3000},
		{"15 %", french, 0.15},
		// Swiss German: apostrophes group, point is decimal.
		{"1'234.5", swiss, 1234.5},
		{"1’234.5", swiss, 1234.5},
		// Indian grouping.
		{"12,34,567", indian, 1234567},
		// Spaces group digits in English too.
		{"1 234 567", english, 1234567},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.text, tt.lang)
		if err != nil {
			t.Errorf("ParseNumber(%q, %v): %v", tt.text, tt.lang, err)
			continue
		}
		if math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("ParseNumber(%q, %v) = %v, want %v", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestParseNumberRefuses(t *testing.T) {
	tests := []struct {
		text string
		lang language.Tag
		// says is a part of the message that tells the user what to do.
		says string
	}{
		{"", english, "type a number"},
		{"   ", english, "type a number"},
		{"abc", english, "not a number"},
		{"12,5", english, `write decimals with “.”`},
		{"1,23", english, "groups digits in threes"},
		{"12.5", german, `write decimals with “,”`},
		{"1.2.3", english, "more than one decimal mark"},
		{"1,000.5.5", english, "more than one decimal mark"},
		{"12,500,5", german, "more than one decimal mark"},
		{"12 apples", english, `“apples” is not a unit`},
		{"12km", english, `“km” is not a unit`},
		{"12 %%", english, "two percent signs"},
		{"€12%", english, "both an amount and a percentage"},
		{"12k%", english, "percentage takes no k"},
		{"12 € k", english, "wrong place"},
		{"--12", english, "more than one sign"},
		{"€ $ 12", english, "two currencies"},
		{"12,", english, "ends with a grouping mark"},
		{"1,,000", english, `“,” has no place`},
		{"(1,200)", english, `“(” has no place`},
		{"1e6", english, `“e” is not a unit`},
		{"1.000,5", english, "write numbers as in 12,500.5"},
		{"1,000.5,5", english, "groups digits after the decimal mark"},
		{"12,5", english, "as in 12,500.5"},
		{"12.5", german, "as in 12.500,5"},
		{"1 000'000", english, "mixes two kinds"},
		{strings.Repeat("9", 20), english, "too large"},
		{strings.Repeat("1", 101), english, "too long"},
		{"\xff12", english, "is not text"},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.text, tt.lang)
		if err == nil {
			t.Errorf("ParseNumber(%q, %v) = %v, want an error saying %q", tt.text, tt.lang, got, tt.says)
			continue
		}
		if !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ParseNumber(%q, %v): error %q does not say %q", tt.text, tt.lang, err, tt.says)
		}
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		text string
		unit Unit
		want float64
		err  string
	}{
		{"15", Percent, 0.15, ""},
		{"15 %", Percent, 0.15, ""},
		{"33.5", Percent, 0.335, ""},
		{"0.33", Percent, 0.0033, ""},
		{"€ 3,000", Money, 3000, ""},
		{"3,000", Money, 3000, ""},
		{"12.5k", Money, 12500, ""},
		{"€45", MoneyPerHour, 45, ""},
		{"55", Days, 55, ""},
		{"6.5", Months, 6.5, ""},
		{"15 %", Money, 0, "percentage does not belong here"},
		{"15 %", Count, 0, "percentage does not belong here"},
		{"€15", Percent, 0, "amount of money does not belong here"},
		{"€15", Days, 0, "amount of money does not belong here"},
		{"12,5", Money, 0, "write decimals"},
		// Three decimals and no grouping: "12.500" is 12,500 on a German
		// keyboard, so in an amount it is refused rather than read as 12.5.
		{"12.500", Money, 0, `“12.500”: an amount has at most two decimals; for thousands, group them with “,” as in 12,500.5`},
		{"€ 650.000", Money, 0, "at most two decimals"},
		{"45.125", MoneyPerHour, 0, "at most two decimals"},
		{"12.50", Money, 12.5, ""},
		{"1,234.567", Money, 1234.567, ""}, // grouped: plainly English
		{"1.250k", Money, 1250, ""},        // scaled: plainly a decimal
		{"12.500", Count, 12.5, ""},        // not an amount
		{"0.125", Percent, 0.00125, ""},
	}
	for _, tt := range tests {
		got, err := ParseValue(tt.text, english, tt.unit)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("ParseValue(%q, %s): %v", tt.text, tt.unit, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseValue(%q, %s) = %v, %v; want an error saying %q", tt.text, tt.unit, got, err, tt.err)
		case tt.err == "" && math.Abs(got-tt.want) > 1e-12:
			t.Errorf("ParseValue(%q, %s) = %v, want %v", tt.text, tt.unit, got, tt.want)
		}
	}
}

// TestParseValueGermanAmount: the same ambiguity the other way round.
func TestParseValueGermanAmount(t *testing.T) {
	if _, err := ParseValue("12,500", german, Money); err == nil || !strings.Contains(err.Error(), `group them with “.” as in 12.500,5`) {
		t.Errorf("12,500 in German: %v", err)
	}
	if got, err := ParseValue("12,50 €", german, Money); err != nil || got != 12.5 {
		t.Errorf("12,50 € in German = %v, %v", got, err)
	}
}

// TestParseNumberReadsFormat checks that whatever Format writes, ParseNumber
// reads back, in several locales: the two must agree on how people write
// numbers, and golang.org/x/text (CLDR) is the independent authority on the
// writing.
func TestParseNumberReadsFormat(t *testing.T) {
	values := []float64{0, 1, -1, 12.5, 999, 1000, 12500.25, -1234567.89, 987654321.5, 0.05}
	for _, tag := range []language.Tag{english, german, french, swiss, indian, language.Spanish, language.Italian,
		language.Dutch, language.MustParse("pt-BR"), language.Swedish, language.Polish, language.Arabic, language.Hindi} {
		f := NewFormat("EUR", tag)
		for _, x := range values {
			if x < 0 && tag == language.Arabic {
				continue // Format drops the sign of Arabic-Indic digits (a known defect of format.go)
			}
			for _, text := range []string{f.Number(x, 2), f.Money(x), f.MoneyCents(x)} {
				got, err := ParseNumber(text, tag)
				if err != nil {
					t.Errorf("%v: ParseNumber(%q): %v", tag, text, err)
					continue
				}
				decimals := 2.0
				if text == f.Money(x) {
					decimals = 0
				}
				// CLDR rounds half to even: 12.5 is written 12.
				if want := math.RoundToEven(x*math.Pow(10, decimals)) / math.Pow(10, decimals); math.Abs(got-want) > 1e-6 {
					t.Errorf("%v: ParseNumber(%q) = %v, want %v", tag, text, got, want)
				}
			}
			if text := f.Percent(x); true {
				got, err := ParseNumber(text, tag)
				if want := math.RoundToEven(x*1000) / 1000; err != nil || math.Abs(got-want) > 1e-9 {
					t.Errorf("%v: ParseNumber(%q) = %v, %v; want %v", tag, text, got, err, want)
				}
			}
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12,500", "12.5k", "1.2M", "15 %", "€ 3,000", "3.000 €", "-€12.5k", "1'234.5",
		"12,34,567", ".5", "1,2 Mio. €", "kr 100", "12 k€", "abc", "1e6", "--1", "٣٤٥٫٥"} {
		f.Add(s, "en")
		f.Add(s, "de")
		f.Add(s, "fr")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		tag, err := language.Parse(lang)
		if err != nil {
			tag = language.English
		}
		v, err := ParseNumber(text, tag)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseNumber(%q): empty error", text)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e15 {
			t.Fatalf("ParseNumber(%q) = %v: not a usable number", text, v)
		}
		// Whatever parses must contain a digit: no number out of nothing.
		if !strings.ContainsFunc(text, func(r rune) bool { _, ok := DigitValue(r); return ok }) {
			t.Fatalf("ParseNumber(%q) = %v without a digit", text, v)
		}
	})
}

// TestWholePercent checks whole percentages written by hand: halves away
// from zero, the language's sign and spacing, no "-0".
func TestWholePercent(t *testing.T) {
	en, de := NewFormat("EUR", language.English), NewFormat("EUR", language.German)
	for _, tc := range []struct {
		f    *Format
		x    float64
		want string
	}{
		{en, 0.125, "13%"},
		{en, -0.125, "-13%"},
		{en, 0.29, "29%"},
		{en, -0.004, "0%"},
		{en, 12.345, "1,235%"},
		{en, math.NaN(), NotAvailable},
		{de, 0.08, "8\u00a0%"},
		{de, 1.361, "136\u00a0%"},
	} {
		if got := tc.f.WholePercent(tc.x); got != tc.want {
			t.Errorf("WholePercent(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}

func TestApart(t *testing.T) {
	en, de := NewFormat("EUR", language.English), NewFormat("EUR", language.German)
	for _, tc := range []struct {
		f      *Format
		a, b   float64
		u      Unit
		wa, wb string
	}{
		// Apart already: as Value writes them.
		{en, 5.7, 5.5, Months, "5.7 months", "5.5 months"},
		{en, 3, 2, Count, "3", "2"},
		// 5.8 against 6 − 91/365 ≈ 5.7507.
		{en, 5.8, 6 - 91.0/365, Months, "5.80 months", "5.75 months"},
		{de, 5.8, 6 - 91.0/365, Months, "5,80 months", "5,75 months"},
		{en, 0.2901, 0.2899, Percent, "29.01%", "28.99%"},
		{en, 2.5, 2.4, Count, "2.5", "2.4"},
		{en, 1000.4, 1000.2, Money, "€1,000.4", "€1,000.2"},
		// Alike, and the same: as Value writes them.
		{en, 0.33, 0.33, Percent, "33.0%", "33.0%"},
		// Alike to three more decimals: left there.
		{en, 1, 1.00001, Number, "1.00000", "1.00001"},
		{en, 5, 5.000001, Months, "5.0000 months", "5.0000 months"},
	} {
		if got := tc.f.Apart(tc.u, tc.a, tc.b); got[0] != tc.wa || got[1] != tc.wb {
			t.Errorf("Apart(%s, %v, %v) = %q; want %q, %q", tc.u, tc.a, tc.b, got, tc.wa, tc.wb)
		}
	}
	// Three figures, all with the decimals the closest two need: a
	// reading of 5.8 months, 5.7507 due, and 6 the month before.
	if got := en.Apart(Months, 5.8, 6-91.0/365, 6); got[0] != "5.80 months" || got[1] != "5.75 months" || got[2] != "6.00 months" {
		t.Errorf("Apart of three: %q", got)
	}
	if got := en.Apart(Months); len(got) != 0 {
		t.Errorf("Apart of none: %q", got)
	}
}

// TestNumberErrorsStayReadable: what was typed is quoted whole on one
// line, and a long text is cut between characters, not inside one.
func TestNumberErrorsStayReadable(t *testing.T) {
	if _, err := ParseValue("12\napples", english, Number); err == nil || strings.ContainsAny(err.Error(), "\n\r") {
		t.Errorf("a line break in the text: %q", err)
	}
	_, err := ParseValue("a"+strings.Repeat("é", 60), english, Number)
	if err == nil || !utf8.ValidString(err.Error()) || !strings.HasPrefix(err.Error(), "“a"+strings.Repeat("é", 19)+"…”: ") {
		t.Errorf("a long text: %q", err)
	}
}
