package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

func TestExportPDF(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795392000") // 23 November 2026, 00:00 UTC
	path := writeSample(t, "turnover")
	dir := t.TempDir()
	a4, letter := filepath.Join(dir, "a4.pdf"), filepath.Join(dir, "letter.pdf")
	if code, _, stderr := run(t, "export", "--pdf", a4, "--paper", "a4", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "export", path, "--paper", "letter", "--pdf", letter); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	gotA4, _ := os.ReadFile(a4)
	gotLetter, _ := os.ReadFile(letter)
	if !bytes.HasPrefix(gotA4, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(gotA4), []byte("%%EOF")) {
		t.Fatalf("not a PDF: %q", gotA4[:min(20, len(gotA4))])
	}
	// The page tree gives the paper size in points: A4 is 595.28 × 841.89,
	// Letter 612 × 792.
	if !bytes.Contains(gotA4, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("the A4 brief is not on A4 paper")
	}
	if !bytes.Contains(gotLetter, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("the Letter brief is not on Letter paper")
	}
	// The same case at the same SOURCE_DATE_EPOCH gives the same bytes.
	again := filepath.Join(dir, "again.pdf")
	if code, _, stderr := run(t, "export", "--pdf", again, "--paper", "a4", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if gotAgain, _ := os.ReadFile(again); !bytes.Equal(gotA4, gotAgain) {
		t.Error("two exports of the same case differ")
	}
	if !bytes.Contains(gotA4, []byte("/CreationDate (D:20261123000000)")) {
		t.Error("the creation date is not SOURCE_DATE_EPOCH")
	}
	// The output may not be the case file itself.
	if code, _, stderr := run(t, "export", "--pdf", path, path); code != 1 || !strings.Contains(stderr, "that is the case file itself") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "export", "--pdf", filepath.Join(dir, "no", "such", "folder.pdf"), path); code != 1 || !strings.Contains(stderr, "pdf: ") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
}

// TestLocalePaperReachesTheCommand: a US locale exports on Letter (the
// locales themselves are casebuilder's TestPaperFromLocale).
func TestLocalePaperReachesTheCommand(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_PAPER", "")
	t.Setenv("LANG", "en_US.UTF-8")
	out := filepath.Join(t.TempDir(), "brief.pdf")
	if code, _, stderr := run(t, "export", "--pdf", out, writeSample(t, "ramp")); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.Contains(got, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("en_US did not give Letter paper")
	}
}

// TestExportPDFPaperAndReview checks that a case's own paper size wins
// over the locale and --paper over both, and that --with-review adds the
// CEO review the brief leaves out by default.
func TestExportPDFPaperAndReview(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_PAPER", "")
	t.Setenv("LANG", "de_DE.UTF-8") // an A4 locale
	t.Setenv("SOURCE_DATE_EPOCH", "1795392000")
	path := writeSample(t, "ramp")
	c, err := casebuilder.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	c.Paper = casebuilder.PaperLetter // a case in US dollars, printed on Letter
	if err := casebuilder.Save(path, c); err != nil {
		t.Fatal(err)
	}
	const letter = "/MediaBox [0 0 612.00 792.00]"
	out := filepath.Join(t.TempDir(), "brief.pdf")
	if code, _, stderr := run(t, "export", "--pdf", out, path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	plain, _ := os.ReadFile(out)
	if !bytes.Contains(plain, []byte(letter)) {
		t.Error("the case's Letter did not win over the A4 locale")
	}
	if code, _, stderr := run(t, "export", "--pdf", out, "--paper", "a4", "--with-review", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	reviewed, _ := os.ReadFile(out)
	if bytes.Contains(reviewed, []byte(letter)) {
		t.Error("--paper a4 did not win over the case's Letter")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	text := func(pdf []byte) string {
		in := filepath.Join(t.TempDir(), "b.pdf")
		os.WriteFile(in, pdf, 0o600)
		out, err := exec.Command("pdftotext", in, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	if txt := text(plain); strings.Contains(txt, "The CEO review") || strings.Contains(txt, "/100") {
		t.Error("the brief has the CEO review without --with-review")
	}
	if txt := text(reviewed); !strings.Contains(txt, "The CEO review") || !strings.Contains(txt, "is the readiness of this case") {
		t.Error("--with-review did not add the CEO review")
	}
}

// TestExportPDFSimulation checks that export --pdf takes the summary's
// --trials, --seed and --distribution, and that the brief then prints the
// percentiles `summary --json` prints for the same case and flags.
func TestExportPDFSimulation(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795392000")
	path := writeSample(t, "turnover")
	f := casebuilder.FormatFor(&casebuilder.Case{Currency: "EUR"})
	for _, flags := range [][]string{
		nil, // the defaults of both commands
		{"--trials", "3000", "--seed", "11", "--distribution", "triangular"},
	} {
		out := filepath.Join(t.TempDir(), "brief.pdf")
		if code, _, stderr := run(t, append(append([]string{"export", "--pdf", out}, flags...), path)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", flags, code, stderr)
		}
		code, stdout, stderr := run(t, append(append([]string{"summary", "--json"}, flags...), path)...)
		if code != 0 {
			t.Fatalf("summary %v: exit %d: %s", flags, code, stderr)
		}
		var s struct {
			RecommendedID string `json:"recommendedId"`
			MonteCarlo    []struct {
				ID                              string
				NPVP10, NPVP90, ProbNPVPositive float64
			} `json:"monteCarlo"`
			Simulation struct {
				Trials int
				Seed   uint64
			} `json:"simulation"`
		}
		if err := json.Unmarshal([]byte(stdout), &s); err != nil {
			t.Fatal(err)
		}
		// The summary rounds the percentiles; the comparison of the
		// alternatives gives them exactly.
		text, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		summary := strings.Join(strings.Fields(string(text)), " ")
		rec := s.MonteCarlo[0]
		for _, m := range s.MonteCarlo {
			if m.ID == s.RecommendedID {
				rec = m
			}
		}
		if rec.ID != "onboarding" {
			t.Fatalf("summary --json: %s", stdout)
		}
		for _, want := range []string{f.Money(rec.NPVP10), f.Money(rec.NPVP90), f.Percent(rec.ProbNPVPositive),
			f.Number(float64(s.Simulation.Trials), 0) + " trials", fmt.Sprintf("seed %d", s.Simulation.Seed)} {
			if !strings.Contains(summary, want) {
				t.Errorf("%v: the brief's summary lacks %q (from summary --json)", flags, want)
			}
		}
	}
	for _, bad := range [][]string{{"--trials", "0"}, {"--trials", "100001"}, {"--distribution", "uniform"}, {"--seed", "-1"}} {
		out := filepath.Join(t.TempDir(), "brief.pdf")
		if code, _, stderr := run(t, append(append([]string{"export", "--pdf", out}, bad...), path)...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, %q", bad, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: wrote a brief", bad)
		}
	}
}
