package chart

import (
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	for _, tt := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		// A span of 1.7M in about 4 steps: 425k a step, rounded up to 500k.
		{-200_000, 1_500_000, 4, []float64{0, 500_000, 1_000_000, 1_500_000}},
		// 0 to 1 in 4: 0.25 a step (2.5 × 0.1).
		{0, 1, 4, []float64{0, 0.25, 0.5, 0.75, 1}},
		// -30 to 70 in 5: 20 a step.
		{-30, 70, 5, []float64{-20, 0, 20, 40, 60}},
	} {
		if got := niceTicks(tt.lo, tt.hi, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("niceTicks(%v, %v, %d) = %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
		}
	}
}
