package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestBackActivationMatchesDerivative checks the fast ∂E/∂z loop against
// the reference g·derivative(a, y), bit for bit, on random outputs mixed
// with the awkward ones: ±0, the smallest subnormal, ±Inf and NaN.
func TestBackActivationMatchesDerivative(t *testing.T) {
	special := []float64{0, math.Copysign(0, -1), 5e-324, -5e-324, 1, -1, math.Inf(1), math.Inf(-1), math.NaN()}
	rng := rand.New(rand.NewPCG(1, 2))
	n := 64 + len(special)
	for _, a := range []Activation{Identity, ReLU, Sigmoid, Tanh} {
		y, dy := make([]float64, n), make([]float64, n)
		for i := range y {
			y[i], dy[i] = rng.NormFloat64(), rng.NormFloat64()
			if i < len(special) {
				y[i] = special[i]
				dy[i] = special[len(special)-1-i]
			}
		}
		want := make([]float64, n)
		for i := range want {
			want[i] = dy[i] * derivative(a, y[i])
		}
		backActivation(a, y, dy)
		for i, got := range y {
			same := math.Float64bits(got) == math.Float64bits(want[i]) || math.IsNaN(got) && math.IsNaN(want[i])
			if !same {
				t.Errorf("%v: %d: got %v, want %v", a, i, got, want[i])
			}
		}
	}
}

// TestBackActivationFloat32 checks the float32 ReLU table, whose zero and
// one must be float32 too.
func TestBackActivationFloat32(t *testing.T) {
	y := []float32{2, 0, -3, float32(math.Copysign(0, -1)), 1e-45}
	dy := []float32{-1.5, 4, 2, 7, -0.25}
	want := []float32{-1.5, 0, 0, 0, -0.25}
	backActivation(ReLU, y, dy)
	for i, got := range y {
		if got != want[i] {
			t.Errorf("%d: got %v, want %v", i, got, want[i])
		}
	}
}
