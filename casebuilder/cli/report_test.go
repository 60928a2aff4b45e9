package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1812758400") // 12 June 2027
	path := writeSample(t, "tracked")
	out := filepath.Join(t.TempDir(), "progress.pdf")
	before, _ := os.ReadFile(path)
	code, stdout, stderr := run(t, "report", "-o", out, path)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("report: exit %d, %q, %q", code, stdout, stderr)
	}
	pdf, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("the report is not a PDF: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the report changed the case")
	}
	// An earlier month, on letter paper: another report, the same again
	// at the same SOURCE_DATE_EPOCH.
	june := filepath.Join(t.TempDir(), "june.pdf")
	var first []byte
	for i := range 2 {
		if code, _, stderr := run(t, "report", "--as-of", "2027-06", "--paper", "letter", "-o", june, path); code != 0 {
			t.Fatalf("--as-of 2027-06: exit %d, %s", code, stderr)
		}
		got, _ := os.ReadFile(june)
		switch {
		case i == 0 && bytes.Equal(got, pdf):
			t.Error("the report as of June is the report as of September")
		case i == 1 && !bytes.Equal(got, first):
			t.Error("the same report twice gives different bytes")
		}
		first = got
	}

	notApproved := writeSample(t, "turnover")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no output", []string{path}, 2, "needs -o OUT.pdf"},
		{"no case", []string{"-o", out}, 2, "needs exactly one case file"},
		{"a bad month", []string{"--as-of", "September", "-o", out, path}, 2, "--as-of"},
		{"a month outside the programme", []string{"--as-of", "2031-01", "-o", out, path}, 1, "must be a month of the programme"},
		{"a bad paper", []string{"--paper", "a3", "-o", out, path}, 2, "--paper must be a4 or letter"},
		{"not approved", []string{"-o", out, notApproved}, 1, "the case is not approved yet"},
		{"onto the case", []string{"-o", path, path}, 1, "that is the case file itself"},
	} {
		code, _, stderr := run(t, append([]string{"report"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, %q; want exit %d and %q", tc.name, code, stderr, tc.code, tc.want)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("a refused report changed the case")
	}
}
