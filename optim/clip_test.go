package optim

import (
	"math"
	"testing"
)

// TestClipGradNorm checks torch's rule, clip_coef = max_norm/(‖g‖ + 1e-6)
// applied when below 1, on a gradient of norm 5: clipped to 1 it becomes
// g·1/(5 + 1e-6); with max_norm 10 it is untouched; the norm returned is
// the one before clipping.
func TestClipGradNorm(t *testing.T) {
	cases := []struct {
		maxNorm float64
		want    []float64
	}{
		{1, []float64{3 / (5 + 1e-6), -4 / (5 + 1e-6), 0}},
		{10, []float64{3, -4, 0}},
		{5, []float64{3 * 5 / (5 + 1e-6), -4 * 5 / (5 + 1e-6), 0}},
	}
	for i, c := range cases {
		g := []float64{3, -4, 0}
		norm := ClipGradNorm(g, c.maxNorm)
		for k := range g {
			if math.Abs(g[k]-c.want[k]) > 1e-15 || norm != 5 {
				t.Errorf("%d: maxNorm %v: got %v (norm %v), want %v (norm 5)", i, c.maxNorm, g, norm, c.want)
				break
			}
		}
	}
	g32 := []float32{3e20, 4e20} // the sum of squares overflows float32, not float64
	if norm := ClipGradNorm(g32, 1); math.Abs(norm-5e20)/5e20 > 1e-6 || math.Abs(float64(g32[0])-0.6) > 1e-6 {
		t.Errorf("float32 3e20, 4e20: norm %v, clipped %v; want 5e20, [0.6 0.8]", norm, g32)
	}
}
