package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// The workbook's Simulation and Sensitivity sheets show what `summary
// --json` prints for the same case, run with its defaults.
func TestExportXLSXMatchesSummary(t *testing.T) {
	path := writeSample(t, "turnover")
	out := filepath.Join(t.TempDir(), "case.xlsx")
	if code, _, stderr := run(t, "export", "--xlsx", out, path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, stdout, stderr := run(t, "summary", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sum struct {
		Sensitivity []struct {
			Input           string
			NPVLow, NPVHigh float64
		} `json:"sensitivity"`
		MonteCarlo []struct {
			Name                   string
			Trials                 int
			Seed                   uint64
			NPVP10, NPVP50, NPVP90 float64
			NPVMean                float64
			ROIP50                 *float64
			ProbNPVPositive        float64
		} `json:"monteCarlo"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	same := func(what, got string, want float64) {
		t.Helper()
		v, err := strconv.ParseFloat(got, 64)
		if err != nil || math.Abs(v-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: the workbook has %q, summary --json %v", what, got, want)
		}
	}
	rows, err := f.GetRows("Simulation", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 6 && r[0] == "Alternative" && r[6] == "NPV P50" })
	if i < 0 || len(sum.MonteCarlo) != 4 || len(rows) < i+1+len(sum.MonteCarlo) {
		t.Fatalf("no simulation table for %d alternatives", len(sum.MonteCarlo))
	}
	for j, m := range sum.MonteCarlo {
		r := rows[i+1+j]
		if r[0] != m.Name || r[1] != strconv.Itoa(m.Trials) || r[2] != strconv.FormatUint(m.Seed, 10) {
			t.Errorf("row %q, want %s, %d trials, seed %d", r[:3], m.Name, m.Trials, m.Seed)
		}
		same(m.Name+" P10", r[5], m.NPVP10)
		same(m.Name+" P50", r[6], m.NPVP50)
		same(m.Name+" P90", r[7], m.NPVP90)
		same(m.Name+" mean", r[8], m.NPVMean)
		same(m.Name+" P(NPV > 0)", r[10], m.ProbNPVPositive)
		if m.ROIP50 != nil {
			same(m.Name+" ROI P50", r[9], *m.ROIP50)
		}
	}
	rows, err = f.GetRows("Sensitivity", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	i = slices.IndexFunc(rows, func(r []string) bool { return len(r) > 7 && r[0] == "Input" && r[6] == "NPV at low" })
	if i < 0 || len(sum.Sensitivity) < 5 || len(rows) < i+1+len(sum.Sensitivity) {
		t.Fatalf("no tornado table for %d inputs", len(sum.Sensitivity))
	}
	for j, d := range sum.Sensitivity {
		r := rows[i+1+j]
		if r[0] != d.Input {
			t.Errorf("tornado row %d is %q, want %q", j, r[0], d.Input)
		}
		same(d.Input+" NPV at low", r[6], d.NPVLow)
		same(d.Input+" NPV at high", r[7], d.NPVHigh)
	}
}
