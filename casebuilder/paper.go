package casebuilder

import (
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// The paper sizes a brief is printed on.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// CasePaper returns the paper size a case's brief is printed on: the
// case's own when it names one, which wins over the locale, otherwise
// fallback (the reader's choice, or [DefaultPaper]).
func CasePaper(c *Case, fallback string) string {
	if c != nil && c.Paper != "" {
		return c.Paper
	}
	return fallback
}

// letterRegions are the regions whose locales print on US Letter, as the
// C library's LC_PAPER data has it; everywhere else uses A4.
var letterRegions = []string{"US", "CA", "MX", "PR", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE", "DO", "BZ"}

// DefaultPaper is the paper size of the user's locale: the first of
// LC_ALL, LC_PAPER and LANG that is set names it, "letter" for the United
// States, Canada and the other Letter countries, "a4" otherwise (and for
// the C and POSIX locales).
func DefaultPaper() string {
	for _, v := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return paperFor(s)
		}
	}
	return PaperA4
}

// paperFor is the paper size of a POSIX locale name such as "en_US.UTF-8"
// or "fr_CA@euro".
func paperFor(locale string) string {
	name, _, _ := strings.Cut(locale, ".")
	name, _, _ = strings.Cut(name, "@")
	tag, err := language.Parse(strings.ReplaceAll(name, "_", "-"))
	if err != nil {
		return PaperA4
	}
	region, conf := tag.Region()
	if conf == language.Exact && slices.Contains(letterRegions, region.String()) {
		return PaperLetter
	}
	return PaperA4
}
