package figure

import (
	"strconv"
	"strings"
)

// Plural counts things in words, with the noun agreeing with the count:
// "1 risk", "3 risks", "0 risks", "12,500 rows". one and many are the
// noun's singular and plural ("risk", "risks"; "person", "people").
func Plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return groupInt(n) + " " + many
}

// groupInt writes n with a comma between thousands, as the screen does
// in English.
func groupInt(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}
