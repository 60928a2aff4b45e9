package casebuilder

import (
	"strings"
	"testing"
)

func TestPaperFromLocale(t *testing.T) {
	tests := []struct {
		lcAll, lcPaper, lang string
		want                 string
	}{
		{"", "", "", "a4"},
		{"", "", "C", "a4"},
		{"", "", "POSIX", "a4"},
		{"", "", "C.UTF-8", "a4"},
		{"", "", "en_US.UTF-8", "letter"},
		{"", "", "en_CA.UTF-8", "letter"},
		{"", "", "fr_CA.UTF-8", "letter"},
		{"", "", "es_MX", "letter"},
		{"", "", "en_GB.UTF-8", "a4"},
		{"", "", "de_DE@euro", "a4"},
		{"", "", "en", "a4"},
		{"", "de_DE.UTF-8", "en_US.UTF-8", "a4"},     // LC_PAPER beats LANG
		{"en_US.UTF-8", "de_DE.UTF-8", "", "letter"}, // LC_ALL beats both
		{"", "", "no such locale!", "a4"},
	}
	for _, tt := range tests {
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_PAPER", tt.lcPaper)
		t.Setenv("LANG", tt.lang)
		if got := DefaultPaper(); got != tt.want {
			t.Errorf("LC_ALL=%q LC_PAPER=%q LANG=%q: %s, want %s", tt.lcAll, tt.lcPaper, tt.lang, got, tt.want)
		}
	}
}

// TestCasePaper checks that a case's own paper size wins over the
// fallback (the reader's choice or locale), that an unknown one is refused
// with the field named, and that a file without one, of this schema or an
// older one, loads and saves as it was.
func TestCasePaper(t *testing.T) {
	if got := CasePaper(&Case{Paper: PaperLetter}, PaperA4); got != PaperLetter {
		t.Errorf("the case's letter gave %s", got)
	}
	if got := CasePaper(&Case{}, PaperLetter); got != PaperLetter {
		t.Errorf("no paper in the case gave %s, not the fallback", got)
	}
	if got := CasePaper(nil, PaperA4); got != PaperA4 {
		t.Errorf("no case gave %s", got)
	}

	c, err := Decode([]byte(strings.Replace(minimal, `"title": "T"`, `"title": "T", "paper": "letter"`, 1)))
	if err != nil || c.Paper != PaperLetter {
		t.Fatalf("paper letter: %v, %q", err, c.Paper)
	}
	out, err := Encode(c)
	if err != nil || !strings.Contains(string(out), `"paper": "letter"`) {
		t.Errorf("the paper is not saved: %v\n%s", err, out)
	}

	_, err = Decode([]byte(strings.Replace(minimal, `"title": "T"`, `"title": "T", "paper": "A3"`, 1)))
	if err == nil || !strings.Contains(err.Error(), `paper: must be "a4" or "letter", or left out to follow the reader's locale (got "A3")`) {
		t.Errorf("paper A3: %v", err)
	}

	// Older files, and files without a paper size, are unchanged.
	for _, src := range []string{minimal, strings.Replace(strings.Replace(minimal, `"schemaVersion": 2`, `"schemaVersion": 1`, 1), `"horizonMonths": 12`, `"horizonYears": 1`, 1)} {
		c, err := Decode([]byte(src))
		if err != nil || c.Paper != "" {
			t.Fatalf("%v, paper %q", err, c.Paper)
		}
		out, err := Encode(c)
		if err != nil || strings.Contains(string(out), "paper") {
			t.Errorf("a case without a paper size saves one: %v\n%s", err, out)
		}
	}
}
