package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, é and 日本", "plain text, é and 日本"},
		{"tab\tand\nnewline, \r\n too", "tab\tand\nnewline, \r\n too"},
		{"red \x1b[31malert\x1b[0m", `red \x1b[31malert\x1b[0m`},
		{"title \x1b]0;pwned\a", `title \x1b]0;pwned\x07`},
		{"back\rover", `back\x0dover`},
		{"C1 \u009b2J and DEL \x7f", `C1 \u009b2J and DEL \x7f`},
		{"not UTF-8 \xff\x9b", `not UTF-8 \xff\x9b`},
		{"a real \uFFFD stays", "a real \uFFFD stays"},
	}
	for _, tt := range tests {
		if got := printable(tt.in); got != tt.want {
			t.Errorf("printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNothingRawReachesTheTerminal checks that the command line never
// prints a control character from a file or a file's name: the case's
// own texts are refused when it loads, naming the field, and a name that
// holds one is printed escaped.
func TestNothingRawReachesTheTerminal(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile(writeSample(t, "turnover"))
	if err != nil {
		t.Fatal(err)
	}
	// A title holding an escape sequence that would recolour the terminal.
	evil := filepath.Join(dir, "evil.hrcase")
	data := strings.Replace(string(sample), `"title": "`, `"title": "\u001b[31m`, 1)
	os.WriteFile(evil, []byte(data), 0o600)
	// A valid case under a name that holds one, and a missing one.
	named := filepath.Join(dir, "a\x1b[2Jb.hrcase")
	os.WriteFile(named, sample, 0o600)
	missing := filepath.Join(dir, "gone\x1b]0;x\a.hrcase")

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"summary", evil}, 1, "title: holds a control character (U+001B) at character 1; remove it"},
		{[]string{"check", evil}, 1, "title: holds a control character (U+001B) at character 1; remove it"},
		{[]string{"check", named}, 0, `a\x1b[2Jb.hrcase: no problems found`},
		{[]string{"summary", missing}, 1, `gone\x1b]0;x\x07.hrcase: does not exist`},
	} {
		code, stdout, stderr := run(t, tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, stdout, stderr, tt.code, tt.want)
		}
		if strings.ContainsAny(stdout+stderr, "\x1b\a") {
			t.Errorf("%q printed a control character raw", tt.args)
		}
	}
}

// TestSummaryTextIsPrintable checks the summary's own guard: even a case
// that was never validated prints its texts escaped.
func TestSummaryTextIsPrintable(t *testing.T) {
	c, err := casebuilder.Decode(mustRead(t, writeSample(t, "ramp")))
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "Ramp-up \x1b[31mred"
	c.Alternatives[1].Name = "Coach\x1b]0;x\a"
	var out strings.Builder
	if err := NewSummary(casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true})).WriteText(textWriter{&out}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out.String(), "\x1b\a") || !strings.Contains(out.String(), `Ramp-up \x1b[31mred`) {
		t.Errorf("the summary reads:\n%s", out.String())
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
