package demos

import (
	"math"
	"slices"
	"testing"
)

// TestDecayShrink checks lesson 10's claim: L2 in Adam decays the weight
// with small gradients far more than the one with large gradients, while
// AdamW decays both alike, close to (1 − η·λ)^T.
func TestDecayShrink(t *testing.T) {
	l2, dw := DecayShrink([2]float64{10, 0.01}, 0.001, 1, 2000, 20)
	want := math.Pow(1-0.001, 2000)
	if !(l2[0] > 0.5 && l2[1] < 0.1*l2[0]) {
		t.Errorf("Adam+L2: weights %v, want the large-gradient one above 0.5 and 10× the small-gradient one", l2)
	}
	for i, w := range dw {
		if math.Abs(w-want) > 0.05 {
			t.Errorf("AdamW: weight %d = %v, want ≈ (1−ηλ)^T = %v", i, w, want)
		}
	}
}

// TestReddiOnline checks Reddi et al.'s counterexample: Adam ends at x = +1,
// the worst point, and AMSGrad near the optimum −1.
func TestReddiOnline(t *testing.T) {
	adam, ams := ReddiOptimizers(3)
	a, b := ReddiOnline(adam, 3, 0.5, 3000), ReddiOnline(ams, 3, 0.5, 3000)
	if a[len(a)-1] < 0.9 || b[len(b)-1] > -0.9 {
		t.Errorf("after 3000 steps Adam at %v, AMSGrad at %v; want > 0.9 and < −0.9", a[len(a)-1], b[len(b)-1])
	}
}

// TestEarlyRateSpread checks that Adam's adaptive factor varies most in the
// first steps: its 90/10 percentile ratio falls with t, above 10 at t = 1
// and below 1.1 at t = 1000.
func TestEarlyRateSpread(t *testing.T) {
	s := EarlyRateSpread([]int{1, 10, 100, 1000}, 2000, 1)
	for k := 1; k < len(s); k++ {
		if !(s[k] < s[k-1]) {
			t.Errorf("spread %v does not fall", s)
		}
	}
	if !(s[0] > 10 && s[len(s)-1] < 1.1) {
		t.Errorf("spread %v: want > 10 at t = 1 and < 1.1 at t = 1000", s)
	}
}

// TestRidgeClipping checks that clipping keeps SGD near the ridge where
// the unclipped run is thrown far back.
func TestRidgeClipping(t *testing.T) {
	c := Ridge{H: 5, S: 0.05}
	low := slices.Min[[]float64]
	free, clipped := RidgeRun(c, -0.5, 0.1, 0, 60), RidgeRun(c, -0.5, 0.1, 1, 60)
	if !(low(free) < -3 && low(clipped) >= -0.5) {
		t.Errorf("lowest w: unclipped %v, clipped %v; want < −3 and ≥ −0.5", low(free), low(clipped))
	}
}
