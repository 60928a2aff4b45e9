package casebuilder

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/assets"
)

// TestSamplesRoundTrip checks that every sample is valid and written in
// the canonical form Encode writes, so that load-and-save changes nothing.
func TestSamplesRoundTrip(t *testing.T) {
	for _, s := range assets.Samples {
		data, _ := assets.SampleFile(s.Name)
		c, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		out, err := Encode(c)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if s.Name != "stress" && s.Name != "tracked" { // generated: see assets.go
			// The hand-written samples are laid out for reading; compare
			// what they say, not how.
			c2, err := Decode(out)
			if err != nil {
				t.Fatal(err)
			}
			out2, _ := Encode(c2)
			if !bytes.Equal(out, out2) {
				t.Errorf("%s: encoding is not stable", s.Name)
			}
			continue
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s: re-encoding changes the file; run go generate ./assets", s.Name)
		}
	}
}

func TestSampleSizes(t *testing.T) {
	c := loadSample(t, "stress")
	if n := len(c.Alternatives); n < 13 {
		t.Errorf("stress has %d alternatives", n)
	}
	for _, a := range c.Alternatives[1:] {
		if n := len(a.Costs) + len(a.Benefits); n < 40 {
			t.Errorf("stress alternative %s has %d lines", a.ID, n)
		}
	}
	if c.HorizonMonths != 120 || len(c.Risks) < 200 || len(c.Plan.Milestones) < 150 {
		t.Errorf("stress: horizon %d, %d risks, %d milestones", c.HorizonMonths, len(c.Risks), len(c.Plan.Milestones))
	}
	tc := loadSample(t, "turnover")
	if fs := Review(tc, Calculate(tc)); HasBlocking(fs) {
		t.Errorf("the turnover sample has blocking findings: %v", fs)
	}
}

// minimal is the smallest valid case file.
const minimal = `{"schemaVersion": 2, "title": "T", "currency": "EUR", "discountRate": 0.1, "horizonMonths": 12,
 "alternatives": [{"id": "none", "name": "Do nothing", "doNothing": true}]}`

func TestDecodeReportsEveryProblem(t *testing.T) {
	src := `{
  "schemaVersion": 2,
  "title": 42,
  "currency": "EURO",
  "discountRate": 8,
  "horizonMonths": 36,
  "colour": "blue",
  "pain": {"category": "salesTurnover", "inputs": {"reps": -3, "attritionRate": {"low": 0.3}, "flavour": 1}},
  "alternatives": [
    {"id": "none", "name": "Do nothing", "doNothing": true},
    {"id": "a", "name": "A", "costs": [
      {"name": "x", "kind": "oneTime", "amount": -500, "startMonth": 0},
      {"name": "y", "kind": "weekly", "amount": {"low": 3, "likely": 2, "high": 4}, "startMonth": 40}
    ], "benefits": [
      {"name": "z", "basis": "painInput", "input": "targetAttainment", "to": 0.1, "startMonth": 0}
    ]},
    {"id": "a", "name": "", "doNothing": true}
  ],
  "risks": [{"likelihood": 30, "alternatives": ["b"]}],
  "plan": {"milestones": [
    {"id": "m1", "start": "2027-02-01", "end": "2027-01-01", "dependsOn": ["m2"]},
    {"id": "m2", "start": "2027-13-01", "dependsOn": ["m1"]}
  ]}
}`
	_, err := Decode([]byte(src))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want Problems", err)
	}
	want := []string{
		"title: must be text (got 42)",
		"colour: is not a field of a case file here",
		"pain.inputs.attritionRate.likely: is missing",
		"pain.inputs.flavour: is not an input of any calculator",
		"pain.inputs.reps: must not be negative (got -3)",
		"plan.milestones[1].start: must be a date written YYYY-MM-DD",
		`currency: must be an ISO 4217 code such as EUR or USD (got "EURO")`,
		"discountRate: must be a yearly rate from 0% to 100%, e.g. 8% (got 800.0%)",
		"alternatives[2].id: \"a\" is used twice",
		"alternatives[2].name: must not be empty",
		"alternatives[2].doNothing: only one alternative can be the do-nothing baseline",
		"alternatives[1].costs[0].amount: must not be negative (got -EURO500)",
		`alternatives[1].costs[1].kind: must be "oneTime", "monthly" or "yearly" (got "weekly")`,
		"alternatives[1].costs[1].amount: the low value (EURO3) is above the likely value (EURO2): change the low value",
		"alternatives[1].costs[1].startMonth: must be within the horizon, month 1 to month 36 (got month 41)",
		`alternatives[1].benefits[0].input: the salesTurnover calculator does not read "targetAttainment"`,
		"risks[0].likelihood: must be a probability from 0% to 100%",
		`risks[0].alternatives[0]: no alternative has the ID "b"`,
		"plan.milestones[0].end: must not be before the start",
		"plan.milestones: the dependencies go round in a circle: m1 → m2 → m1",
	}
	got := err.Error()
	all := make([]string, len(ps))
	for i, p := range ps {
		all[i] = p.String()
	}
	joined := strings.Join(all, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing problem %q", w)
		}
	}
	if len(ps) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(ps), len(want), joined)
	}
	if strings.Contains(got, "\n") || !strings.Contains(got, "more problems") {
		t.Errorf("Error() = %q, want one line that counts the rest", got)
	}
}

func TestDecodeRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "is empty"},
		{"truncated", minimal[:len(minimal)/2], "ends too early at line 1, column 86: the file is truncated"},
		{"not JSON", "hello", "is not valid JSON at line 1, column 1"},
		{"not an object", "[1, 2]", "it holds a list where a case is an object"},
		{"no version", `{"title": "x"}`, "schemaVersion: is missing"},
		{"future version", fmt.Sprintf(`{"schemaVersion": %d}`, SchemaVersion+1), fmt.Sprintf("written by a newer Case Builder (this one reads up to %d)", SchemaVersion)},
		{"version text", `{"schemaVersion": "2"}`, "schemaVersion: must be a whole number"},
		{"NaN", `{"schemaVersion": 2, "discountRate": NaN}`, "is not valid JSON at line 1, column 38: unexpected 'N'"},
		{"trailing", minimal + "{}", "there is more after the end of the case"},
		{"not UTF-8", "{\"schemaVersion\": 2, \"title\": \"\xff\"}", "is not UTF-8 text (bad byte at line 1, column 32)"},
		{"too deep", `{"schemaVersion": 2, "x": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}", "nested more than 32 levels deep"},
		{"duplicate key", `{"schemaVersion": 2, "title": "a", "title": "b"}`, "title: appears twice"},
		{"huge number", `{"schemaVersion": 2, "discountRate": 1e400}`, "discountRate: is out of range (got 1e400)"},
		{"too many alternatives", `{"schemaVersion": 2, "alternatives": [` + strings.Repeat("{},", 50) + "{}]}", "alternatives: has 51 items; the limit is 50"},
		{"long horizon", `{"schemaVersion": 2, "horizonMonths": 120000}`, "horizonMonths: must be between 1 and 360 months (got 120000)"},
		{"fractional month", `{"schemaVersion": 2, "horizonMonths": 12.5}`, "horizonMonths: must be a whole number (got 12.5)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.src))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want Problems", err)
			}
			var all []string
			for _, p := range ps {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("problems = %q, want %q", all, tt.want)
			}
		})
	}
}

func TestMigrateVersion1(t *testing.T) {
	v1 := strings.Replace(minimal, `"schemaVersion": 2`, `"schemaVersion": 1`, 1)
	v1 = strings.Replace(v1, `"horizonMonths": 12`, `"horizonYears": 3`, 1)
	c, err := Decode([]byte(v1))
	if err != nil {
		t.Fatal(err)
	}
	if c.HorizonMonths != 36 || c.SchemaVersion != SchemaVersion {
		t.Errorf("migrated horizon %d, schema %d; want 36 months, schema %d", c.HorizonMonths, c.SchemaVersion, SchemaVersion)
	}
	bad := strings.Replace(v1, `"horizonYears": 3`, `"horizonYears": "three"`, 1)
	if _, err := Decode([]byte(bad)); err == nil || !strings.Contains(err.Error(), "horizonYears: must be a whole number of years") {
		t.Errorf("err = %v", err)
	}
}

func TestRangeForms(t *testing.T) {
	src := strings.Replace(minimal, `"alternatives"`, `"pain": {"inputs": {"reps": 10, "attritionRate": {"likely": 0.3, "high": 0.4}}}, "alternatives"`, 1)
	c, err := Decode([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Pain.Inputs["reps"]; !got.Equal(Given(Exactly(10))) {
		t.Errorf("reps = %+v", got)
	}
	if got := c.Pain.Inputs["attritionRate"]; !got.Equal(Given(Range{0.3, 0.3, 0.4})) {
		t.Errorf("attritionRate = %+v, want the missing low to be the likely value", got)
	}
	out, _ := Encode(c)
	if !bytes.Contains(out, []byte(`"reps": 10`)) || !bytes.Contains(out, []byte(`"attritionRate": {`)) {
		t.Errorf("encoded:\n%s", out)
	}
}

// savedSample saves the turnover sample as case.hrcase in a new folder,
// and returns the folder, the file and the case.
func savedSample(t *testing.T) (dir, path string, c *Case) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "case.hrcase")
	c = loadSample(t, "turnover")
	if err := Save(path, c); err != nil {
		t.Fatal(err)
	}
	return dir, path, c
}

func TestSaveAndLoad(t *testing.T) {
	dir, path, c := savedSample(t)
	if _, err := os.Stat(path + BackupSuffix); !os.IsNotExist(err) {
		t.Errorf("a first save made a backup: %v", err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v, want 0600", info.Mode().Perm())
	}
	first, _ := os.ReadFile(path)

	c.Title = "Second version"
	if err := Save(path, c); err != nil {
		t.Fatal(err)
	}
	backup, _ := os.ReadFile(path + BackupSuffix)
	if !bytes.Equal(backup, first) {
		t.Error("the backup is not the previous version")
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Second version" {
		t.Errorf("loaded title %q", got.Title)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d files, want the case and its backup (no temporary files)", len(entries))
	}
}

func TestSaveRefusesInvalidCase(t *testing.T) {
	_, path, c := savedSample(t)
	before, _ := os.ReadFile(path)
	c.DiscountRate = -1
	err := Save(path, c)
	if err == nil || !strings.Contains(err.Error(), "discountRate") {
		t.Errorf("err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused save changed the file")
	}
}

// TestLoadErrors checks that Load's errors name the file and keep their
// kind for errors.Is, under the message a user reads.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.hrcase")
	tests := []struct {
		name, path string
		kind       error
		says       string // the FileError's message after the path
	}{
		{"missing file", missing, fs.ErrNotExist, "does not exist"},
		{"folder", dir, ErrNotRegular, "is a folder, not a case file"},
	}
	for _, tt := range tests {
		_, err := Load(tt.path)
		var fe *FileError
		if !errors.Is(err, tt.kind) || !errors.As(err, &fe) || fe.Path != tt.path || fe.Err.Error() != tt.says {
			t.Errorf("%s: %v; want a FileError of %s, %q, of kind %v", tt.name, err, tt.path, tt.says, tt.kind)
		}
	}
	if _, err := Load(missing); err.Error() != missing+": does not exist" {
		t.Errorf("the message reads %q", err)
	}
	bad := filepath.Join(dir, "bad.hrcase")
	os.WriteFile(bad, []byte(`{"schemaVersion": 2, "currency": "XX"}`), 0o600)
	c, err := Load(bad)
	var fe *FileError
	var ps Problems
	if c == nil || !errors.As(err, &fe) || fe.Path != bad || !errors.As(err, &ps) || ps[0].Path != "currency" {
		t.Errorf("invalid values: %v (case %v)", err, c != nil)
	}
	err = WriteFileAtomic(dir, []byte("x"), true)
	if !errors.Is(err, ErrNotRegular) || !errors.As(err, &fe) || fe.Path != dir {
		t.Errorf("writing over a folder: %v", err)
	}
}

// FuzzDecode feeds Decode arbitrary bytes: it must never panic, and what it
// accepts must encode and decode again to the same case.
func FuzzDecode(f *testing.F) {
	// Large seeds (the samples) slow the coverage-guided fuzzer to a crawl,
	// so the seeds are small cases that reach every part of the format.
	f.Add([]byte(minimal))
	f.Add([]byte(`{"schemaVersion": 2, "currency": "EUR", "discountRate": 0.1, "horizonMonths": 24, "startDate": "2027-01-01",
 "context": {"objectives": [{"id": "g", "statement": "Grow"}], "servesObjective": "g"},
 "pain": {"category": "salesTurnover", "inputs": {"reps": 100, "attritionRate": {"low": 0.2, "likely": 0.3, "high": 0.4},
   "annualQuota": 500000, "grossMargin": 0.6, "salary": 60000, "daysToFill": 50, "rampMonths": 6}},
 "alternatives": [{"id": "n", "name": "Nothing", "doNothing": true},
  {"id": "a", "name": "A", "costs": [{"name": "c", "kind": "yearly", "amount": {"low": 1, "likely": 2, "high": 3}, "perHead": true, "heads": 4, "startMonth": 1, "endMonth": 20}],
   "benefits": [{"name": "b", "basis": "painInput", "input": "attritionRate", "to": {"low": 0.28, "likely": 0.25, "high": 0.2}, "startMonth": 2, "rampMonths": 6},
    {"name": "s", "basis": "painShare", "share": 0.1, "startMonth": 0, "endMonth": 10}], "scores": {"f": {"score": 3}}}],
 "criteria": [{"id": "f", "name": "F", "weight": 1}], "recommendation": {"alternative": "a"},
 "risks": [{"id": "r", "likelihood": 0.5, "contingencyCost": 100, "impactScore": 3, "alternatives": ["a"]}],
 "plan": {"milestones": [{"id": "m1", "start": "2027-01-01", "end": "2027-02-01"}, {"id": "m2", "dependsOn": ["m1"]}]},
 "measures": [{"name": "k", "unit": "percent", "baseline": 0.3, "target": 0.25, "level": 4, "painInput": "attritionRate"}]}`))
	f.Add([]byte(`{"schemaVersion": 2, "currency": "EUR", "horizonMonths": 12, "reserve": {"basis": "percentile", "percentile": 0.9},
 "alternatives": [{"id": "n", "name": "Nothing", "doNothing": true},
  {"id": "a", "name": "A", "costs": [{"name": "c", "kind": "oneTime", "amount": {"low": 1, "likely": 2, "high": 3}}], "scores": {"p": {"score": 2}}}],
 "criteria": [{"id": "f", "name": "F", "weight": 0.5, "auto": "roi"}, {"id": "p", "name": "P", "weight": 0.5}],
 "recommendation": {"alternative": "a", "whyNotTopRanked": "w", "whyNegativeNpv": "n"},
 "risks": [{"id": "r", "likelihood": 0.2, "contingencyCost": 100, "alternatives": ["a"]}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "horizonYears": 2}`))
	f.Add([]byte(`{"schemaVersion": 2, "pain": {"inputs": {"reps": {"low": 1, "likely": 2}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		analyse := AnalysisOptions{Simulation: SimulationOptions{Trials: 20}}
		c, err := Decode(data)
		if err != nil {
			if c != nil {
				Calculate(c)        // even an invalid case must calculate and
				Analyse(c, analyse) // be analysed without panicking
			}
			return
		}
		Calculate(c)
		Analyse(c, analyse)
		out, err := Encode(c)
		if err != nil {
			t.Fatalf("a decoded case does not encode: %v", err)
		}
		c2, err := Decode(out)
		if err != nil {
			t.Fatalf("an encoded case does not decode: %v", err)
		}
		out2, _ := Encode(c2)
		if !bytes.Equal(out, out2) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
		}
	})
}

func BenchmarkDecodeStress(b *testing.B) {
	data, _ := assets.SampleFile("stress")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestInvalidHorizonReportedOnce: with a horizon of 0 months, every line
// used to be "must be within the horizon, 0 to 0 (got 0)", month 0
// included; only the horizon is wrong, and what is wrong whatever it is.
func TestInvalidHorizonReportedOnce(t *testing.T) {
	c := smallCase()
	c.HorizonMonths = 0
	c.Alternatives[1].Costs[1].EndMonth = intPtr(1) // before its start, month 2
	c.Alternatives[1].Benefits[0].StartMonth = -1
	var got []string
	for _, p := range Validate(c) {
		got = append(got, p.String())
	}
	want := []string{
		"horizonMonths: must be between 1 and 360 months (got 0)",
		"alternatives[1].costs[1].endMonth: must be between the start month (month 3) and the end of the horizon (month 360) (got month 2)",
		"alternatives[1].benefits[0].startMonth: must be within the horizon, month 1 to month 360 (got before month 1)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSaveThroughSymlink: a case kept elsewhere and opened through a
// symbolic link is saved where it is kept, with its backup beside it; the
// link stays a link. (Saving used to replace the link with a new file and
// leave the case where the user keeps it unchanged.)
func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "shared", "case.hrcase")
	link := filepath.Join(dir, "case.hrcase")
	c := loadSample(t, "turnover")
	if err := os.Mkdir(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := Save(real, c); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(real)
	if err := os.Symlink(filepath.Join("shared", "case.hrcase"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	c.Title = "Second version"
	if err := Save(link, c); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", info, err)
	}
	if got, err := Load(real); err != nil || got.Title != "Second version" {
		t.Errorf("the linked case was not saved: %v", err)
	}
	if backup, _ := os.ReadFile(real + BackupSuffix); !bytes.Equal(backup, first) {
		t.Error("the backup beside the linked case is not the previous version")
	}
	if _, err := os.Lstat(link + BackupSuffix); !os.IsNotExist(err) {
		t.Errorf("a backup beside the link: %v", err)
	}
}
