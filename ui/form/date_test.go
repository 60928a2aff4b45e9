package form

import "testing"

func TestTypedInFull(t *testing.T) {
	for s, want := range map[string]bool{
		"31/12/2027": true, "1.2.2028": true, "2027-12-31": true, "2027. 12. 31.": true,
		"31/12/20": false, "31/12/202": false, "2027-12-3": false, "2027-12": false, "31/12": false, "": false,
	} {
		if got := typedInFull(s); got != want {
			t.Errorf("typedInFull(%q) = %v, want %v", s, got, want)
		}
	}
}
