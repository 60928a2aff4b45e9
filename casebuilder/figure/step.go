package figure

import "math"

// RoundStep returns the step between about n ticks of a chart's axis over
// span: the smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at
// least span / n, so that the ticks read as round figures (0, 250k, 500k,
// …). It is 1 for a span that is not positive or not finite.
func RoundStep(span float64, n int) float64 {
	raw := span / float64(max(n, 1))
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}
