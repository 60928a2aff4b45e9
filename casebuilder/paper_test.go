package casebuilder

import "testing"

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
