package ui

import "testing"

func TestCapitalise(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"équipe commerciale", "Équipe commerciale"},
		{"must not be negative", "Must not be negative"},
		{"Already", "Already"},
		{"ölçü", "Ölçü"},
		{"12 months", "12 months"},
		{"", ""},
		{"\xffbad", "\xffbad"}, // not UTF-8: left as it is
	} {
		if got := capitalise(tt.in); got != tt.want {
			t.Errorf("capitalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
