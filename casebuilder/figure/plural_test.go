package figure

import "testing"

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n         int
		one, many string
		want      string
	}{
		{0, "risk", "risks", "0 risks"},
		{1, "risk", "risks", "1 risk"},
		{2, "risk", "risks", "2 risks"},
		{1, "person", "people", "1 person"},
		{12500, "row", "rows", "12,500 rows"},
		{1234567, "row", "rows", "1,234,567 rows"},
		{-1, "month", "months", "-1 month"},
		{-1500, "month", "months", "-1,500 months"},
		{999, "row", "rows", "999 rows"},
	} {
		if got := Plural(c.n, c.one, c.many); got != c.want {
			t.Errorf("Plural(%d, %q, %q) = %q, want %q", c.n, c.one, c.many, got, c.want)
		}
	}
}
