package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportXLSX(t *testing.T) {
	path := writeSample(t, "turnover")
	out := filepath.Join(t.TempDir(), "case.xlsx")
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	if code, _, stderr := run(t, "export", "--xlsx", out, path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the export is not a workbook: %v", err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) == 0 || sheets[0] != "Summary" {
		t.Errorf("sheets %q", sheets)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2026-11-18T11:06:40Z" {
		t.Errorf("created %q (%v), want SOURCE_DATE_EPOCH's time", props.Created, err)
	}
	// The same case and clock give the same file.
	again := filepath.Join(t.TempDir(), "again.xlsx")
	if code, _, stderr := run(t, "export", "--xlsx", again, path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data2, _ := os.ReadFile(again); !bytes.Equal(data, data2) {
		t.Error("two exports of the same case differ")
	}
	if code, stdout, _ := run(t, "help"); code != 0 || !strings.Contains(stdout, "--xlsx") {
		t.Errorf("help does not offer --xlsx:\n%s", stdout)
	}
}

func TestExportXLSXBadInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "case.xlsx")
	bad := filepath.Join(dir, "bad.hrcase")
	if err := os.WriteFile(bad, []byte(`{"schemaVersion": 2, "currency": "EUR", "discountRate": 7, "horizonMonths": 36}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "export", "--xlsx", out, bad)
	if code != 1 || !strings.Contains(stderr, "discountRate") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a workbook was written for an invalid case")
	}
	code, _, stderr = run(t, "export", "--xlsx", out, filepath.Join(dir, "missing.hrcase"))
	if code != 1 || !strings.Contains(stderr, "missing.hrcase") {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
}
