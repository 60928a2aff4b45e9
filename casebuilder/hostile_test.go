package casebuilder

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"golang.org/x/text/language"
)

// TestHostileFiles feeds Load files that are broken or built to hurt: each
// must be refused with one clear line, quickly, without a panic.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	withAlternatives := func(items string) []byte {
		return []byte(`{"schemaVersion": 2, "currency": "EUR", "horizonMonths": 12, "alternatives": [` + items + `]}`)
	}
	million := bytes.Repeat([]byte(`{},`), 1_000_000)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"infinity", []byte(`{"schemaVersion": 2, "discountRate": Infinity}`), "is not valid JSON"},
		{"huge amount", withAlternatives(`{"id": "a", "name": "A", "costs": [{"name": "x", "kind": "oneTime", "amount": 1e308}]}`),
			"alternatives[0].costs[0].amount: must be between €0 and €1,000,000,000,000 (got more than €1,000,000,000,000,000)"},
		{"negative duration", withAlternatives(`{"id": "a", "name": "A", "benefits": [{"name": "x", "basis": "amount", "annual": 1, "rampMonths": -3}]}`),
			"alternatives[0].benefits[0].rampMonths: must be between 0 and 360 (got -3)"},
		{"ten thousand years", []byte(`{"schemaVersion": 1, "horizonYears": 10000}`), "horizonYears: must be a whole number of years from 1 to 30"},
		{"wrong types", []byte(`{"schemaVersion": 2, "alternatives": {"a": 1}, "risks": "none", "title": ["x"]}`),
			"alternatives: must be a list (got an object)"},
		{"a million alternatives", withAlternatives(string(million[:len(million)-1])), "alternatives has more than 5000 entries"},
		{"deeply nested", []byte(strings.Repeat("[", 100_000)), "nested more than 32 levels deep"},
		{"many values", []byte(`{"schemaVersion": 2, "x": [` + strings.Repeat(`[`+strings.Repeat("0,", 4999)+`0],`, 300) + `[]]}`),
			"holds more than 1000000 values"},
		{"many duplicate keys", []byte(`{"schemaVersion": 2, "pain": {"inputs": {` + strings.Repeat(`"reps": 1,`, 4000) + `"reps": 1}}}`),
			"pain.inputs.reps: appears twice"},
		{"invalid UTF-8", []byte("{\"schemaVersion\": 2, \"title\": \"M\xfcller\"}"), "is not UTF-8 text"},
		{"a NUL", []byte("{\"schemaVersion\": 2, \"title\": \"a\x00b\"}"), "is not valid JSON"},
		{"future", []byte(`{"schemaVersion": 3000000000}`), "newer Case Builder"},
		{"negative version", []byte(`{"schemaVersion": -1}`), "must be a whole number from 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(strings.ReplaceAll(tt.name, " ", "-")+".hrcase", tt.data)
			// No time limit here: under the race detector on a busy
			// machine the million values take 15 s or more, and a hang or
			// a quadratic blow-up still meets the test's own timeout.
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("the message is not one line: %q", err)
			}
		})
	}
}

// TestBadHorizonIsOneProblem checks that a horizon out of range is
// reported once, not again on every line as outside a horizon of "0 to 0".
func TestBadHorizonIsOneProblem(t *testing.T) {
	for _, months := range []int{-5, 0, 120_000} {
		c := loadSample(t, "turnover")
		c.HorizonMonths = months
		ps := Validate(c)
		if len(ps) != 1 || ps[0].Path != "horizonMonths" || !strings.Contains(ps[0].Message, "must be between 1 and 360 months") {
			t.Errorf("horizon %d: %v", months, ps)
		}
		c.Alternatives[2].Costs[0].StartMonth = 400 // beyond any horizon
		if ps := Validate(c); len(ps) != 2 || ps[1].String() != "alternatives[2].costs[0].startMonth: must be within the horizon, January 2027 to December 2056 (got May 2060)" {
			t.Errorf("horizon %d, a line in month 400: %v", months, ps)
		}
	}
}

func TestHugeFileIsNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.hrcase")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 100 MB file: refused on its size, before any of it is read.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(path)
	var fe *FileError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &fe) || fe.Err.Error() != "is 100 MiB; a case file is at most 16 MiB" {
		t.Errorf("err = %v", err)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file, so permissions cannot be tested")
	}
	path := filepath.Join(t.TempDir(), "locked.hrcase")
	os.WriteFile(path, []byte(minimal), 0o000)
	_, err := Load(path)
	var fe *FileError
	if !errors.Is(err, fs.ErrPermission) || !errors.As(err, &fe) || fe.Err.Error() != "cannot be opened: permission denied" {
		t.Errorf("err = %v", err)
	}
}

// TestNumbersAtTheEdges checks that figures stay honest where arithmetic
// gets awkward: no costs, no sign change, one month, huge and tiny amounts.
func TestNumbersAtTheEdges(t *testing.T) {
	c := smallCase()
	c.Risks = nil

	// No costs: ROI and BCR are undefined, not infinite.
	c.Alternatives[1].Costs = nil
	a := Calculate(c).Alternatives[1]
	if a.ROI != nil || a.BCR != nil || a.IRR != nil {
		t.Errorf("without costs: ROI %v, BCR %v, IRR %v; want none", a.ROI, a.BCR, a.IRR)
	}
	if f := FormatFor(c); f.Maybe(a.ROI, f.Percent) != "n/a" {
		t.Errorf("ROI shows as %q", f.Maybe(a.ROI, f.Percent))
	}
	// A figure an invalid draft leaves undefined shows as n/a, without a
	// currency symbol stuck to it.
	for _, cur := range []string{"EUR", "CHF", "SEK"} {
		f := figure.NewFormat(cur, language.English)
		for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			got := []string{f.Money(x), f.MoneyCents(x), f.MoneyShort(x), f.Percent(x), f.Months(x), f.Ratio(x)}
			for _, u := range []figure.Unit{figure.Money, figure.Count, figure.Percent, figure.Days, figure.Weeks, figure.Months, figure.Hours, figure.MoneyPerHour, figure.Number} {
				got = append(got, f.Value(x, u))
			}
			for _, s := range got {
				if s != "n/a" {
					t.Errorf("%s %v shows as %q", cur, x, s)
				}
			}
		}
	}

	// Costs and no benefits: no IRR, no payback, ROI -100 %.
	c = smallCase()
	c.Risks = nil
	c.Alternatives[1].Benefits = nil
	a = Calculate(c).Alternatives[1]
	if a.IRR != nil || a.PaybackMonths != nil || a.ROI == nil || *a.ROI != -1 {
		t.Errorf("all costs: IRR %v, payback %v, ROI %v", a.IRR, a.PaybackMonths, a.ROI)
	}

	// A horizon of one month: only month-0 lines count.
	c = smallCase()
	c.HorizonMonths = 1
	if ps := Validate(c); len(ps) == 0 {
		t.Error("lines starting after the only month should be invalid")
	}
	c.Alternatives[1].Costs = []Cost{{Name: "x", Kind: Monthly, Amount: Exactly(10)}}
	c.Alternatives[1].Benefits = []Benefit{{Name: "y", Basis: BenefitAmount, Annual: Exactly(240)}}
	if ps := Validate(c); len(ps) != 0 {
		t.Fatal(ps)
	}
	a = Calculate(c).Alternatives[1]
	// Cost 10 + reserve 100 in month 0, benefit 20.
	if len(a.CashFlows) != 1 || a.CashFlows[0] != 20-110 || a.NPV != -90 {
		t.Errorf("one month: flows %v, NPV %v", a.CashFlows, a.NPV)
	}

	// The largest amounts the limits allow, over the longest horizon.
	c = smallCase()
	c.HorizonMonths = MaxHorizonMonths
	c.Risks = nil
	c.Alternatives[1].Costs = []Cost{{Name: "x", Kind: Monthly, Amount: Exactly(MaxAmount), PerHead: true, Heads: MaxHeads}}
	c.Alternatives[1].Benefits = []Benefit{{Name: "y", Basis: BenefitAmount, Annual: Exactly(MaxAmount)}}
	if ps := Validate(c); len(ps) != 0 {
		t.Fatal(ps)
	}
	a = Calculate(c).Alternatives[1]
	if !finite(a.NPV) || !finite(a.TotalCost) || a.TotalCost != 360*MaxAmount*MaxHeads || a.ROI == nil || !finite(*a.ROI) {
		t.Errorf("huge amounts: NPV %v, total cost %v, ROI %v", a.NPV, a.TotalCost, a.ROI)
	}
	if _, err := Encode(c); err != nil {
		t.Errorf("huge amounts do not save: %v", err)
	}

	// A cent a month: still counted.
	c = smallCase()
	c.Risks = nil
	c.Alternatives[1].Costs = []Cost{{Name: "x", Kind: Monthly, Amount: Exactly(0.01)}}
	c.Alternatives[1].Benefits = nil
	if a := Calculate(c).Alternatives[1]; !near(a.TotalCost, 0.12, 1e-12) {
		t.Errorf("a cent a month for a year = %v", a.TotalCost)
	}
}

// BenchmarkDecodeManyValues is the refusal of a file of 1.5 million values,
// past the limit of a million (TestHostileFiles "many values"): about 2 s
// on two busy cores, linear in the values read before the limit.
func BenchmarkDecodeManyValues(b *testing.B) {
	data := []byte(`{"schemaVersion": 2, "x": [` + strings.Repeat(`[`+strings.Repeat("0,", 4999)+`0],`, 300) + `[]]}`)
	for b.Loop() {
		if _, err := Decode(data); err == nil {
			b.Fatal("accepted")
		}
	}
}

// TestProblemsQuoteFiguresAsTheReaderWritesThem checks that ValidateIn
// writes the figures of a message as the language writes numbers, the
// bounds as well as the value refused, and that Validate writes them in
// English: "€1,000" is one euro on a German screen.
func TestProblemsQuoteFiguresAsTheReaderWritesThem(t *testing.T) {
	c := loadSample(t, "turnover")
	c.Alternatives[1].Costs[0].Amount.Likely = 2e12
	c.Alternatives[1].Costs[0].Amount.High = 2e12
	c.DiscountRate = 1.5
	const nb = "\u00a0"
	for _, tt := range []struct {
		lang       language.Tag
		rate, cost string
	}{
		{language.English, "must be a yearly rate from 0% to 100%, e.g. 8% (got 150.0%)", "must be between €0 and €1,000,000,000,000 (got €2,000,000,000,000)"},
		{language.German, "must be a yearly rate from 0" + nb + "% to 100" + nb + "%, e.g. 8" + nb + "% (got 150,0" + nb + "%)", "must be between 0" + nb + "€ and 1.000.000.000.000" + nb + "€ (got 2.000.000.000.000" + nb + "€)"},
		{language.French, "must be a yearly rate from 0" + nb + "% to 100" + nb + "%, e.g. 8" + nb + "% (got 150,0" + nb + "%)", "must be between 0" + nb + "€ and 1" + nb + "000" + nb + "000" + nb + "000" + nb + "000" + nb + "€ (got 2" + nb + "000" + nb + "000" + nb + "000" + nb + "000" + nb + "€)"},
	} {
		got := map[string]string{}
		for _, p := range ValidateIn(c, tt.lang) {
			got[p.Path] = p.Message
		}
		// The bounds and the example are written as the figure is: one
		// style in one sentence.
		if m := got["discountRate"]; m != tt.rate {
			t.Errorf("%v: the rate's problem reads %q, want %q", tt.lang, m, tt.rate)
		}
		if m := got["alternatives[1].costs[0].amount"]; m != tt.cost {
			t.Errorf("%v: the amount's problem reads %q, want %q", tt.lang, m, tt.cost)
		}
		if len(got) != 2 {
			t.Errorf("%v: %d problems, want the rate's and the amount's: %v", tt.lang, len(got), got)
		}
	}
	if en, v := ValidateIn(c, language.English), Validate(c); fmt.Sprint(en) != fmt.Sprint(v) {
		t.Errorf("Validate = %v, want it in English: %v", v, en)
	}
}
