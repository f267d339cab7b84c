package gpu

import "math"

// MaxRelDiff is max|a − b| / max|b|, the measure the tolerances of this
// package and of cmd/gpubench are stated in: the largest difference of
// two parameter slabs, relative to the largest parameter of b, the
// reference (the CPU's).
func MaxRelDiff(a, b []float32) float64 {
	var diff, size float64
	for i := range b {
		diff = max(diff, math.Abs(float64(a[i])-float64(b[i])))
		size = max(size, math.Abs(float64(b[i])))
	}
	return diff / size
}
