package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// special are the awkward values the element-wise loops must treat as the
// naive ones do: ±0, subnormals, ±1, ±Inf and NaN.
var special = []float64{0, math.Copysign(0, -1), 5e-324, -5e-324, 1e-45, -1e-45, 1, -1, math.Inf(1), math.Inf(-1), math.NaN()}

// sameFloat reports whether a and b hold the same bits, any NaN matching
// any NaN.
func sameFloat[T optim.Float](a, b T) bool {
	x, y := float64(a), float64(b)
	return math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y)
}

// randomRows returns rows × width normal values with the special ones
// first.
func randomRows[T optim.Float](rng *rand.Rand, n int, reversed bool) []T {
	v := make([]T, n)
	for i := range v {
		v[i] = T(rng.NormFloat64())
		if i < len(special) {
			v[i] = T(special[i])
			if reversed {
				v[i] = T(special[len(special)-1-i])
			}
		}
	}
	return v
}

// TestBackActivationMatchesNaive checks the fused ∂E/∂z and ∂E/∂b pass
// against the naive one, g·derivative(a, y) then a sum over the rows, bit
// for bit, for every activation, in both precisions (float32 ReLU runs in
// assembly), on rows of 1…35 units (the assembly's vectors of 8 and the
// tails).
func TestBackActivationMatchesNaive(t *testing.T) {
	testBackActivation[float32](t)
	testBackActivation[float64](t)
}

func testBackActivation[T optim.Float](t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, a := range []Activation{Identity, ReLU, Sigmoid, Tanh} {
		for w := 1; w <= 35; w++ {
			const rows = 4
			y, dy := randomRows[T](rng, rows*w, false), randomRows[T](rng, rows*w, true)
			want, wantDB := make([]T, len(y)), make([]T, w)
			for i := range want {
				want[i] = dy[i] * derivative(a, y[i])
			}
			for i, g := range want {
				wantDB[i%w] += g
			}
			db := make([]T, w)
			db[0] = 7 // stale: backActivation must clear it
			backActivation(a, y, dy, db)
			for i, got := range y {
				if !sameFloat(got, want[i]) {
					t.Errorf("%T %v width %d: ∂E/∂z %d: got %v, want %v", got, a, w, i, got, want[i])
				}
			}
			for j, got := range db {
				if !sameFloat(got, wantDB[j]) {
					t.Errorf("%T %v width %d: ∂E/∂b %d: got %v, want %v", got, a, w, j, got, wantDB[j])
				}
			}
		}
	}
}

// TestApplyReLUMatchesMax checks ReLU's forward pass (assembly for float32)
// against max(z, 0), bit for bit: NaN stays NaN and −0 becomes +0.
func TestApplyReLUMatchesMax(t *testing.T) {
	testApplyReLU[float32](t)
	testApplyReLU[float64](t)
}

func testApplyReLU[T optim.Float](t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 40; n++ {
		v := randomRows[T](rng, n, n%2 == 1)
		want := make([]T, n)
		for i, z := range v {
			want[i] = max(z, 0)
		}
		applyActivation(ReLU, v)
		for i, got := range v {
			if !sameFloat(got, want[i]) {
				t.Errorf("%T n=%d: %d: got %v, want %v", got, n, i, got, want[i])
			}
		}
	}
}
