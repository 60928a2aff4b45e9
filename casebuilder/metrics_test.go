package casebuilder

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestMetricsAgainstLibreOffice checks NPV, IRR and payback against the
// figures LibreOffice Calc 7.4 computed from the same flows with its own
// NPV and IRR functions (testdata/oracle/oracle.py wrote libreoffice.tsv).
func TestMetricsAgainstLibreOffice(t *testing.T) {
	var vectors map[string]struct {
		Rate  float64   `json:"rate"`
		Flows []float64 `json:"flows"`
	}
	data, err := os.ReadFile("testdata/oracle/flows.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/oracle/libreoffice.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		fields := strings.Split(sc.Text(), "\t")
		name := fields[0]
		want := map[string]string{}
		for _, kv := range fields[1:] {
			k, v, _ := strings.Cut(kv, "=")
			want[k] = v
		}
		v, ok := vectors[name]
		if !ok {
			t.Fatalf("no flows for %s", name)
		}
		seen++
		t.Run(name, func(t *testing.T) {
			npv := NPV(v.Rate, v.Flows)
			// LibreOffice prints 15 significant digits.
			if w := parseFloat(t, want["npv"]); !near(npv, w, 1e-13*math.Abs(w)+1e-9) {
				t.Errorf("NPV = %.10f, LibreOffice %.10f", npv, w)
			}
			irr, ok := IRR(v.Flows)
			if w := parseFloat(t, want["irr"]); !ok || !near(irr, w, 1e-9) {
				t.Errorf("IRR = %v (%v), LibreOffice %v", irr, ok, w)
			}
			pb, ok := Payback(v.Flows)
			if want["payback"] == "never" {
				if ok {
					t.Errorf("payback = %v, LibreOffice never", pb)
				}
			} else if w := parseFloat(t, want["payback"]); !ok || !near(pb, w, 1e-9) {
				t.Errorf("payback = %v (%v), LibreOffice %v", pb, ok, w)
			}
		})
	}
	if seen != len(vectors) {
		t.Errorf("LibreOffice gave figures for %d of %d vectors", seen, len(vectors))
	}
}

func TestNPVByHand(t *testing.T) {
	// -1000 now, 600 in six months, 600 in a year, at 21 % a year:
	// six months discount by 1.1, a year by 1.21.
	got := NPV(0.21, []float64{-1000, 0, 0, 0, 0, 0, 600, 0, 0, 0, 0, 0, 600})
	want := -1000 + 600/1.1 + 600/1.21
	if !near(got, want, 1e-9) {
		t.Errorf("NPV = %v, want %v", got, want)
	}
	if got := NPV(0.1, nil); got != 0 {
		t.Errorf("NPV of nothing = %v", got)
	}
}

func TestIRR(t *testing.T) {
	tests := []struct {
		name  string
		flows []float64
		want  float64
		ok    bool
	}{
		// -100 now and 121 in 24 months: 10 % a year.
		{"two years", append(append([]float64{-100}, make([]float64, 23)...), 121), 0.1, true},
		// -100 now and 100 a year later: zero.
		{"break even", append(append([]float64{-100}, make([]float64, 11)...), 100), 0, true},
		{"all zero", make([]float64, 12), 0, false},
		{"all negative", []float64{-5, -5, -5}, 0, false},
		{"all positive", []float64{5, 5, 5}, 0, false},
		{"empty", nil, 0, false},
		// Losing almost everything: -99.9999 % a year lies beyond the search.
		{"beyond -99.99 %", append(append([]float64{-1e6}, make([]float64, 11)...), 1), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := IRR(tt.flows)
			if ok != tt.ok || ok && !near(got, tt.want, 1e-12) {
				t.Errorf("IRR = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestPayback(t *testing.T) {
	tests := []struct {
		name  string
		flows []float64
		want  float64
		ok    bool
	}{
		// Cumulative -100, -50, 0: even at month 2 exactly.
		{"exact", []float64{-100, 50, 50, 50}, 2, true},
		// Cumulative -100, -60, -20, +20: a half of month 3's flow is needed.
		{"interpolated", []float64{-100, 40, 40, 40}, 2.5, true},
		// Positive before a later spend: it pays back for good only after it.
		{"dips again", []float64{-10, 20, -30, 40}, 2.5, true},
		{"never negative", []float64{10, 0, 5}, 0, true},
		{"never within horizon", []float64{-100, 10, 10}, 0, false},
		{"nothing at all", []float64{0, 0, 0}, 0, false},
		{"empty", nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Payback(tt.flows)
			if ok != tt.ok || ok && !near(got, tt.want, 1e-12) {
				t.Errorf("Payback = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("oracle figure %q: %v", s, err)
	}
	return v
}
