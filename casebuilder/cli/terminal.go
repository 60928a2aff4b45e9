package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// printable returns s with every control character other than a newline,
// a tab or the carriage return of a \r\n line end, and every byte that is
// not UTF-8, written as a Go escape (\x1b, \u009b): text from a file, or a
// file's name, cannot then move the cursor, recolour or retitle the
// terminal it is printed on. A valid case holds no such character (see
// casebuilder.Validate), but a message may name a file or a key that does.
func printable(s string) string {
	clean := true
	for i, r := range s {
		if !safeRune(s, i, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !safeRune(s, i, r):
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// safeRune reports whether r, at byte i of s, may be printed as it is.
func safeRune(s string, i int, r rune) bool {
	switch {
	case r == utf8.RuneError:
		_, size := utf8.DecodeRuneInString(s[i:])
		return size > 1 // U+FFFD itself, written out
	case r == '\n' || r == '\t':
		return true
	case r == '\r':
		return strings.HasPrefix(s[i+1:], "\n")
	}
	return !unicode.IsControl(r)
}

// textWriter writes text to a terminal (or wherever standard output goes)
// made printable. Each Write is taken as whole text: what the command
// line prints is written a line or a report at a time.
type textWriter struct{ w io.Writer }

func (t textWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, printable(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
