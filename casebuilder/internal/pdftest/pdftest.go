// Package pdftest reads back the PDFs that the brief and the progress
// report write, for their tests, with poppler-utils (pdftotext, pdffonts,
// pdfinfo, pdftoppm): a test that needs a tool that is not installed is
// skipped.
package pdftest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Poppler runs a poppler-utils tool on a PDF, with args before the file
// (and "-" after it for pdftotext, so that the text comes to standard
// output), and returns what it prints. The test fails if the tool fails
// or complains on its standard error.
func Poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils)", tool)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	cmd := exec.Command(tool, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s: %v %s", tool, err, stderr.String())
	}
	return string(out)
}

// Pages is the text of each page, every run of white space made one
// space; a page with no text is an empty string.
func Pages(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(Poppler(t, pdf, "pdftotext", "-enc", "UTF-8"), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1] // after the last page's form feed
	}
	for i := range pages {
		pages[i] = strings.Join(strings.Fields(pages[i]), " ")
	}
	return pages
}

// Fonts returns pdffonts' rows for a PDF, one a font, and fails the test
// when it lists no font, or a font that is not embedded TrueType.
func Fonts(t *testing.T, pdf []byte) []string {
	t.Helper()
	out := Poppler(t, pdf, "pdffonts")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 { // the header, the rule, a font
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	rows := lines[2:]
	for _, l := range rows {
		f := strings.Fields(l)
		// name, type (2 words), encoding, emb, sub, uni, object, ID: emb
		// is the fifth field from the end.
		if len(f) < 8 || f[len(f)-5] != "yes" || !strings.Contains(l, "TrueType") {
			t.Errorf("font not embedded TrueType: %s", l)
		}
	}
	return rows
}

// MustContain fails the test for each of wants that text, the text of
// where, does not contain.
func MustContain(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", where, w)
		}
	}
}
