package figure

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// ParseNumber reads a number the way people type it in language lang, and
// says what is wrong when it cannot. It accepts:
//
//   - the locale's digit grouping and decimal mark: "12,500.5" in English,
//     "12.500,5" in German, "12 500,5" in French; spaces and apostrophes
//     group digits in any locale, and a point is a decimal mark wherever it
//     does not group digits;
//   - a scale: "12.5k" (thousand), "1.2M" or "1.2m" (million), "2bn" or
//     "2B" (billion), and the German and French "Tsd", "Mio", "Mrd";
//   - a percent sign: "15 %" is 0.15;
//   - a currency symbol or ISO code before or after: "€ 3,000", "3.000 €",
//     "USD 1,200", "12 k€";
//   - a sign: "-", "−" or "+".
//
// Anything else is refused: "12,5" in English (a comma there groups
// thousands), two decimal marks, letters, an amount that is also a
// percentage.
func ParseNumber(text string, lang language.Tag) (float64, error) {
	n, err := parseNumber(text, lang)
	if err != nil {
		return 0, err
	}
	if n.percent {
		return n.value / 100, nil
	}
	return n.value, nil
}

// ParseValue reads a figure typed into a field of unit u. It is
// [ParseNumber] with the unit's reading: in a percent field a bare number
// is a percentage ("15" is 0.15, as is "15 %"), a currency belongs only in a
// money field, and a percent sign only in a percent field.
func ParseValue(text string, lang language.Tag, u Unit) (float64, error) {
	n, err := parseNumber(text, lang)
	if err != nil {
		return 0, err
	}
	switch {
	case n.currency && u != Money && u != MoneyPerHour:
		return 0, numberError(text, "an amount of money does not belong here; type a plain number")
	case n.percent && u != Percent:
		return 0, numberError(text, "a percentage does not belong here; type a plain number")
	case n.ambiguous && (u == Money || u == MoneyPerHour):
		// Read as written, "650.000" in English would silently lose three
		// zeros for someone used to a German or Italian keyboard.
		seps := separatorsOf(lang)
		return 0, numberError(text, "an amount has at most two decimals; for thousands, group them with %s as in %s",
			quoteMark(seps.group), example(seps))
	}
	if u == Percent {
		return n.value / 100, nil
	}
	return n.value, nil
}

// NumberError says why a typed number was refused.
type NumberError struct {
	Text   string
	Reason string
}

func (e *NumberError) Error() string {
	if strings.TrimSpace(e.Text) == "" {
		return e.Reason
	}
	// A control character (a line break pasted in) is shown as a space,
	// so that the message stays on one line.
	text := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, e.Text)
	return "“" + text + "”: " + e.Reason
}

func numberError(text, format string, args ...any) error {
	return &NumberError{Text: text, Reason: fmt.Sprintf(format, args...)}
}

// parsedNumber is a number as typed, before a percentage is applied.
type parsedNumber struct {
	value    float64
	percent  bool
	currency bool
	// ambiguous is set for digits such as "12.500" in English or "12,500"
	// in German: ungrouped, unscaled, with three decimals, which is also how
	// the other half of Europe writes twelve thousand five hundred.
	ambiguous bool
}

// separators are a locale's digit-grouping and decimal marks.
type separators struct {
	group, decimal rune
}

// separatorCache remembers the marks of the few languages a program uses;
// it stops growing at 64 of them.
var separatorCache struct {
	sync.Mutex
	m map[language.Tag]separators
}

// separatorsOf returns the grouping and decimal marks of lang, as
// golang.org/x/text writes them from the CLDR data.
func separatorsOf(lang language.Tag) separators {
	separatorCache.Lock()
	defer separatorCache.Unlock()
	if s, ok := separatorCache.m[lang]; ok {
		return s
	}
	s := separators{',', '.'}
	if lang != language.Und {
		out := message.NewPrinter(lang).Sprint(number.Decimal(1234567.5, number.MinFractionDigits(1)))
		var marks []rune
		for _, r := range out {
			if _, ok := DigitValue(r); !ok {
				marks = append(marks, r)
			}
		}
		// "1,234,567.5" has three marks: two groupings, then the decimal.
		if len(marks) >= 2 && marks[0] != marks[len(marks)-1] {
			s = separators{marks[0], marks[len(marks)-1]}
		}
	}
	if separatorCache.m == nil {
		separatorCache.m = map[language.Tag]separators{}
	}
	if len(separatorCache.m) < 64 {
		separatorCache.m[lang] = s
	}
	return s
}

// scales are the words that multiply a number, longest first within the
// same start so that "mio" is not read as "m".
var scales = []struct {
	word   string
	factor float64
}{
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
	{"tsd.", 1e3}, {"tsd", 1e3}, {"mio.", 1e6}, {"mio", 1e6}, {"mrd.", 1e9}, {"mrd", 1e9},
	{"mn", 1e6}, {"bn", 1e9}, {"k", 1e3}, {"m", 1e6}, {"b", 1e9},
}

// currencyWords are written currency marks that are not ISO codes.
var currencyWords = []string{"kr.", "kr", "zł", "fr.", "ft", "kč", "lei", "din."}

func parseNumber(text string, lang language.Tag) (parsedNumber, error) {
	var n parsedNumber
	if !utf8.ValidString(text) {
		return n, numberError("", "is not text")
	}
	s := strings.TrimFunc(text, isSpace)
	if s == "" {
		return n, numberError(text, "type a number")
	}
	if len(s) > 100 {
		return n, numberError(string([]rune(s)[:20])+"…", "is too long for a number")
	}
	first, last := -1, -1
	for i, r := range s {
		if _, ok := DigitValue(r); ok {
			if first < 0 {
				first = i
			}
			last = i + len(string(r))
		}
	}
	if first < 0 {
		return n, numberError(text, "is not a number")
	}
	seps := separatorsOf(lang)
	// A decimal mark before the first digit belongs to the number: ".5".
	if first > 0 {
		prev, size := lastRune(s[:first])
		if prev == seps.decimal || prev == '.' && seps.group != '.' {
			first -= size
		}
	}
	// Marks after the last digit belong to the number too: "5." is five,
	// and "12," ends with a grouping mark.
	for last < len(s) {
		r, size := firstRune(s[last:])
		if isSpace(r) || r != seps.decimal && r != seps.group && r != '.' && r != ',' && r != '\'' && r != '’' {
			break
		}
		last += size
	}
	prefix, core, suffix := s[:first], s[first:last], s[last:]

	negative, err := n.readPrefix(text, prefix)
	if err != nil {
		return n, err
	}
	scale, err := n.readSuffix(text, suffix)
	if err != nil {
		return n, err
	}
	if n.percent && n.currency {
		return n, numberError(text, "is both an amount and a percentage; type one or the other")
	}
	if n.percent && scale != 1 {
		return n, numberError(text, "a percentage takes no k, M or bn")
	}
	v, decimals, grouped, err := readDigits(text, core, seps)
	if err != nil {
		return n, err
	}
	n.ambiguous = decimals == 3 && !grouped && scale == 1
	v *= scale
	if math.IsInf(v, 0) || math.IsNaN(v) || v > 1e15 {
		return n, numberError(text, "is too large")
	}
	if negative {
		v = -v
	}
	n.value = v
	return n, nil
}

// readPrefix reads what comes before the digits: a sign and a currency, in
// either order, and reports whether the number is negative.
func (n *parsedNumber) readPrefix(text, prefix string) (negative bool, err error) {
	signs := 0
	rest := strings.TrimFunc(prefix, isSpace)
	for rest != "" {
		r, size := firstRune(rest)
		switch {
		case r == '-' || r == '−' || r == '–':
			negative = true
			signs++
			rest = rest[size:]
		case r == '+':
			signs++
			rest = rest[size:]
		default:
			m := currencyMark(rest, true)
			if m == 0 {
				return false, unexpected(text, rest)
			}
			if n.currency {
				return false, numberError(text, "has two currencies")
			}
			n.currency = true
			rest = rest[m:]
		}
		if signs > 1 {
			return false, numberError(text, "has more than one sign")
		}
		rest = strings.TrimFunc(rest, isSpace)
	}
	return negative, nil
}

// readSuffix reads what comes after the digits: a scale, a percent sign and
// a currency, and returns the scale.
func (n *parsedNumber) readSuffix(text, suffix string) (scale float64, err error) {
	scale = 1
	currencyAfter := false
	rest := strings.TrimFunc(suffix, isSpace)
	for rest != "" {
		r, size := firstRune(rest)
		switch {
		case r == '%' || r == '٪' || r == '％':
			if n.percent {
				return 0, numberError(text, "has two percent signs")
			}
			n.percent = true
			rest = rest[size:]
		default:
			// A scale first, so that "k€" is a thousand euros.
			if f, m := scaleWord(rest); m > 0 {
				if scale != 1 || n.percent || currencyAfter {
					return 0, numberError(text, "has “%s” in the wrong place; write 12.5k or 12.5k €", rest[:m])
				}
				scale = f
				rest = rest[m:]
				break
			}
			m := currencyMark(rest, false)
			if m == 0 {
				return 0, unexpected(text, rest)
			}
			if n.currency {
				return 0, numberError(text, "has two currencies")
			}
			n.currency, currencyAfter = true, true
			rest = rest[m:]
		}
		rest = strings.TrimFunc(rest, isSpace)
	}
	return scale, nil
}

// scaleWord returns the factor of the scale word s starts with and its
// length, or 0 when there is none. A word must end there: "km" is no scale.
func scaleWord(s string) (float64, int) {
	lower := strings.ToLower(s)
	for _, w := range scales {
		if strings.HasPrefix(lower, w.word) && wordEnds(s, len(w.word)) {
			// "B" and "b" are billions, but "M" and "m" millions: both cases
			// are accepted, as people type them.
			return w.factor, len(w.word)
		}
	}
	return 0, 0
}

// currencyMark returns the length of the currency mark s starts with (a
// run of currency symbols, possibly joined to letters as in "US$" or
// "R$", an ISO code, or a written mark such as "kr"), or 0. Before the
// digits the mark may end anywhere; after them it must end a word.
func currencyMark(s string, before bool) int {
	i := 0
	symbol := false
	for j, r := range s {
		switch {
		case unicode.Is(unicode.Sc, r):
			symbol = true
			i = j + len(string(r))
			continue
		case unicode.IsLetter(r) && !symbol:
			i = j + len(string(r))
			continue
		}
		break
	}
	if symbol {
		return i
	}
	// Letters only: an ISO code such as EUR, or a written mark.
	if i == 3 && wordEnds(s, 3) {
		if _, err := currency.ParseISO(strings.ToUpper(s[:3])); err == nil {
			return 3
		}
	}
	lower := strings.ToLower(s)
	for _, w := range currencyWords {
		if strings.HasPrefix(lower, w) && (before || wordEnds(s, len(w))) {
			return len(w)
		}
	}
	return 0
}

// wordEnds reports whether the word s[:i] ends at i: at the end, a space, a
// currency symbol or a percent sign.
func wordEnds(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := firstRune(s[i:])
	return isSpace(r) || unicode.Is(unicode.Sc, r) || r == '%' || !unicode.IsLetter(r) && r != '.'
}

// readDigits reads the digits, grouping marks and decimal mark of a number,
// and says how many digits follow the decimal mark and whether any were
// grouped.
func readDigits(text, core string, seps separators) (v float64, decimals int, grouped bool, err error) {
	var digits strings.Builder
	var groups []int // digits in each group before the decimal mark
	count := 0
	decimal := false
	groupMark := rune(0)
	prevMark := true // at the start, as after a mark
	for _, r := range core {
		if d, ok := DigitValue(r); ok {
			digits.WriteByte(byte('0' + d))
			count++
			prevMark = false
			continue
		}
		// Spaces of any kind (a French "12 500" is typed with a plain space
		// or the locale's narrow one) and apostrophes group digits anywhere.
		isGroup := r == seps.group || isSpace(r) || r == '\'' || r == '’'
		isDecimal := r == seps.decimal || r == '.' && seps.group != '.'
		switch {
		case isDecimal && !isGroup:
			if decimal {
				return 0, 0, false, numberError(text, "has more than one decimal mark")
			}
			if prevMark && count > 0 {
				return 0, 0, false, unexpected(text, string(r))
			}
			decimal = true
			groups = append(groups, count)
			count = 0
			digits.WriteByte('.')
			prevMark = true
		case isGroup:
			if decimal {
				return 0, 0, false, numberError(text, "groups digits after the decimal mark %s; write numbers as in %s",
					quoteMark(seps.decimal), example(seps))
			}
			if prevMark {
				return 0, 0, false, unexpected(text, string(r))
			}
			if groupMark != 0 && !sameGroupMark(groupMark, r) {
				return 0, 0, false, numberError(text, "mixes two kinds of digit grouping")
			}
			groupMark = r
			grouped = true
			groups = append(groups, count)
			count = 0
			prevMark = true
		case r == ',' || r == '.':
			// The mark the locale uses for grouping, in a decimal position,
			// or the reverse: say how this locale writes numbers.
			return 0, 0, false, numberError(text, "write decimals with %s and group thousands with %s here, as in %s",
				quoteMark(seps.decimal), quoteMark(seps.group), example(seps))
		default:
			return 0, 0, false, unexpected(text, string(r))
		}
	}
	if prevMark && !decimal {
		return 0, 0, false, numberError(text, "ends with a grouping mark")
	}
	if !decimal {
		groups = append(groups, count)
	}
	if grouped {
		// The groups after the first hold three digits, or two in Indian
		// grouping (12,34,567); the last always three.
		for i, g := range groups {
			switch {
			case i == 0 && (g < 1 || g > 3),
				i > 0 && i < len(groups)-1 && g != 2 && g != 3,
				i == len(groups)-1 && g != 3:
				if seps.group == ',' || seps.group == '.' {
					return 0, 0, false, numberError(text, "%s groups digits in threes here; write decimals with %s, as in %s",
						quoteMark(seps.group), quoteMark(seps.decimal), example(seps))
				}
				return 0, 0, false, numberError(text, "digits are grouped in threes, as in %s", example(seps))
			}
		}
	}
	v, err = strconv.ParseFloat(digits.String(), 64)
	if err != nil {
		return 0, 0, false, numberError(text, "is not a number")
	}
	if decimal {
		decimals = count
	}
	return v, decimals, grouped, nil
}

func sameGroupMark(a, b rune) bool {
	return a == b || isSpace(a) && isSpace(b) || (a == '\'' || a == '’') && (b == '\'' || b == '’')
}

// example writes 12,500.5 with the locale's marks.
func example(s separators) string {
	g := string(s.group)
	if isSpace(s.group) {
		g = " "
	}
	return "12" + g + "500" + string(s.decimal) + "5"
}

func quoteMark(r rune) string {
	if isSpace(r) {
		return "a space"
	}
	return "“" + string(r) + "”"
}

func unexpected(text, rest string) error {
	r, _ := firstRune(rest)
	if unicode.IsLetter(r) {
		word := rest
		for i, c := range rest {
			if !unicode.IsLetter(c) {
				word = rest[:i]
				break
			}
		}
		return numberError(text, "“%s” is not a unit this field understands (k, M, bn, %%, or a currency)", word)
	}
	return numberError(text, "“%s” has no place in a number", string(r))
}

// DigitValue returns the value of a decimal digit in the scripts the
// locales write numbers in: ASCII, Arabic-Indic, Devanagari, full-width.
func DigitValue(r rune) (int, bool) {
	for _, zero := range [...]rune{'0', '\u0660', '\u06F0', '\u0966', '\uFF10'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero), true
		}
	}
	return 0, false
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

func lastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }
