package casebuilder

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestPERTTableQuantiles checks the tabulated PERT shapes against gonum's
// beta quantile, worked out by inverting the regularised incomplete beta
// function: from the flattest shape PERT gives (1, 5) through the
// symmetric (3, 3) to the most skewed, at quantiles from a millionth to
// the last: within two millionths of the span, but in the first and last
// 512th of it and in the tails beyond one in 10,000.
func TestPERTTableQuantiles(t *testing.T) {
	worst := 0.0
	for _, s := range [][2]float64{{1, 5}, {5, 1}, {1, 1}, {3, 3}, {1.4, 4.6}, {2, 4}, {4.99, 1.01}, {1.000001, 4.999999}} {
		table := newPERTTable(s[0], s[1])
		exact := distuv.Beta{Alpha: s[0], Beta: s[1]}
		for _, u := range []float64{0, 1e-6, 1e-3, 0.003, 0.005, 0.008, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 - 1e-9} {
			got, want := table.quantile(u), exact.Quantile(u)
			if got < 0 || got > 1 {
				t.Fatalf("Beta(%g, %g): quantile %g is %g, outside [0, 1]", s[0], s[1], u, got)
			}
			// In the first and last cells, where the density may be
			// steep, and in the tails beyond one in 10,000 (one trial of a
			// simulation), the table is only sure to be within a cell.
			tol, endCell := 2e-6, want < 1.0/pertCells || want > 1-1.0/pertCells || u < 1e-4 || u > 1-1e-4
			if endCell {
				tol = 1.0 / pertCells
			}
			if d := math.Abs(got - want); d > tol {
				t.Errorf("Beta(%g, %g): quantile %g is %.9f, want %.9f (off by %.2g)", s[0], s[1], u, got, want, d)
			} else if !endCell {
				worst = math.Max(worst, d)
			}
		}
	}
	t.Logf("worst error outside the end cells and the far tails: %.2g of the span", worst)
}

// TestPERTTableMoments: the mean and variance of the tabulated shape, by
// its own quantiles at a million evenly spaced probabilities, are those
// of the beta distribution.
func TestPERTTableMoments(t *testing.T) {
	for _, s := range [][2]float64{{1, 5}, {3, 3}, {1.8, 4.2}} {
		table := newPERTTable(s[0], s[1])
		const n = 1_000_000
		var sum, sq float64
		for k := range n {
			x := table.quantile((float64(k) + 0.5) / n)
			sum += x
			sq += x * x
		}
		mean := sum / n
		variance := sq/n - mean*mean
		a, b := s[0], s[1]
		wantMean, wantVar := a/(a+b), a*b/((a+b)*(a+b)*(a+b+1))
		if math.Abs(mean-wantMean) > 1e-6 || math.Abs(variance-wantVar) > 1e-6 {
			t.Errorf("Beta(%g, %g): mean %v and variance %v, want %v and %v", a, b, mean, variance, wantMean, wantVar)
		}
	}
}

func BenchmarkNewPERTTable(b *testing.B) {
	for b.Loop() {
		newPERTTable(1.8, 4.2)
	}
}

func BenchmarkPERTQuantile(b *testing.B) {
	table := newPERTTable(1.8, 4.2)
	u, sum := 0.0, 0.0
	for b.Loop() {
		u += 0.6180339887498949
		if u >= 1 {
			u--
		}
		sum += table.quantile(u)
	}
	if sum < 0 {
		b.Fatal(sum)
	}
}
