package sanelocale

import (
	"os"
	"testing"
)

func TestFix(t *testing.T) {
	tests := []struct {
		all, messages, lang string
		want                map[string]string
	}{
		{"", "", "C", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": ""}},
		{"", "", "C.UTF-8", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": ""}},
		{"", "", "POSIX", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": ""}},
		{"", "", "", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": ""}},
		{"C.UTF-8", "", "de_DE.UTF-8", map[string]string{"LC_ALL": "", "LANG": "de_DE.UTF-8"}},
		{"", "", "fr_FR.UTF-8", map[string]string{"LANG": "fr_FR.UTF-8"}},
		{"sv_SE.UTF-8", "", "C", map[string]string{"LC_ALL": "sv_SE.UTF-8", "LANG": "C"}},
	}
	for _, tt := range tests {
		t.Setenv("LC_ALL", tt.all)
		t.Setenv("LC_MESSAGES", tt.messages)
		t.Setenv("LANG", tt.lang)
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if os.Getenv(name) == "" {
				os.Unsetenv(name)
			}
		}
		Fix()
		for name, want := range tt.want {
			if got := os.Getenv(name); got != want {
				t.Errorf("LC_ALL=%q LANG=%q: after Fix, %s = %q, want %q", tt.all, tt.lang, name, got, want)
			}
		}
	}
}
