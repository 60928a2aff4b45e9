package casebuilder

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(name string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	caseFile, other := write("case.hrcase"), write("other.pdf")
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(caseFile, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.pdf")
	if err := os.Link(caseFile, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{caseFile, caseFile, true},
		{"case.hrcase", caseFile, true},                                  // relative and absolute
		{filepath.Join(dir, "sub", "..", "case.hrcase"), caseFile, true}, // written another way
		{link, caseFile, true},                                           // through a symbolic link
		{hard, caseFile, true},                                           // a hard link
		{other, caseFile, false},
		{filepath.Join(dir, "new.pdf"), "new.pdf", true}, // not there yet: the same path
		{filepath.Join(dir, "new.pdf"), filepath.Join(dir, "sub", "new.pdf"), false},
		{filepath.Join(dir, "new.pdf"), caseFile, false}, // one exists, the other not
	} {
		if got := SameFile(tt.a, tt.b); got != tt.want {
			t.Errorf("SameFile(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
