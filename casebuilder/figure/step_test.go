package figure

import (
	"math"
	"testing"
)

func TestRoundStep(t *testing.T) {
	for _, tc := range []struct {
		span float64
		n    int
		want float64
	}{
		{1_000_000, 5, 200_000},   // 200,000 exactly
		{1_100_000, 5, 250_000},   // 220,000: the next round step up
		{2_600_000, 5, 1_000_000}, // 520,000: beyond 500,000, a million
		{7, 4, 2},                 // 1.75
		{0.03, 6, 0.005},          // 0.005 exactly
		{0.36, 4, 0.1},            // 0.09
		{100, 4, 25},              // 25 exactly
		{0, 5, 1},
		{-3, 5, 1},
		{math.Inf(1), 5, 1},
		{math.NaN(), 5, 1},
		{10, 0, 10}, // n below one counts as one
	} {
		if got := RoundStep(tc.span, tc.n); math.Abs(got-tc.want) > 1e-12*tc.want {
			t.Errorf("RoundStep(%v, %d) = %v, want %v", tc.span, tc.n, got, tc.want)
		}
	}
}
