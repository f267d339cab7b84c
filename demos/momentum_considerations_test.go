package demos

import (
	"math"
	"testing"
)

func TestPlateauDistance(t *testing.T) {
	sgd, mom := PlateauDistance(GD, 0.01, 0, 0.05, 1000), PlateauDistance(HeavyBall, 0.01, 0.9, 0.05, 1000)
	if math.Abs(sgd-0.5) > 1e-12 || math.Abs(mom/sgd-10) > 0.1 {
		t.Errorf("distance after 1000 steps: SGD %g, Momentum %g (ratio %g); want 0.5 and ratio ≈ 1/(1−μ) = 10", sgd, mom, mom/sgd)
	}
}

// TestSaddleEscape: from 10⁻³ off the ridge of x² − y², η = 0.01, SGD needs
// 349 steps to reach |y| > 1, Momentum (μ = 0.9) 72.
func TestSaddleEscape(t *testing.T) {
	if s, m := SaddleEscape(GD, 0.01, 0, 1e-3, 2000), SaddleEscape(HeavyBall, 0.01, 0.9, 1e-3, 2000); s != 349 || m != 72 {
		t.Errorf("escape steps: SGD %d, Momentum %d; want 349, 72", s, m)
	}
	if math.Abs(Rate(HeavyBall, 0.01, 0.9, -2)-1.107) > 1e-3 || Rate(GD, 0.01, 0, -2) != 1.02 {
		t.Errorf("growth factors on λ = −2: Momentum %g, SGD %g; want ≈ 1.107 and 1.02", Rate(HeavyBall, 0.01, 0.9, -2), Rate(GD, 0.01, 0, -2))
	}
}

// TestWellEnds: SGD stops in the shallow well at every η; Momentum μ = 0.9,
// η = 0.01 reaches the deep one; and the outcome is not monotone in η
// (μ = 0.9: deep at η = 0.01 and 0.03, shallow at 0.1).
func TestWellEnds(t *testing.T) {
	etas := []float64{0.003, 0.01, 0.03, 0.1}
	ends := WellEnds(etas, []float64{0, 0.9}, 2, 3000)
	near := func(x, m float64) bool { return math.Abs(x-m) < 1e-4 }
	for j, x := range ends[0] {
		if !near(x, TiltedWellShallow) {
			t.Errorf("SGD η=%g ended at %g, want the shallow minimum", etas[j], x)
		}
	}
	want := []float64{TiltedWellShallow, TiltedWellDeep, TiltedWellDeep, TiltedWellShallow}
	for j, x := range ends[1] {
		if !near(x, want[j]) {
			t.Errorf("Momentum η=%g ended at %g, want %g", etas[j], x, want[j])
		}
	}
	if TiltedWellValue(TiltedWellDeep) >= TiltedWellValue(TiltedWellShallow) {
		t.Errorf("deep minimum %g not below shallow %g", TiltedWellValue(TiltedWellDeep), TiltedWellValue(TiltedWellShallow))
	}
	g := []float64{0}
	for _, m := range []float64{TiltedWellShallow, TiltedWellDeep} {
		if TiltedWell([]float64{m}, g); math.Abs(g[0]) > 1e-9 {
			t.Errorf("f′(%g) = %g, want 0", m, g[0])
		}
	}
}
