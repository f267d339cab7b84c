package gemm

import (
	"math/rand/v2"
	"testing"
)

// TestCutTilesRoundAsWhole checks, for every kernel and every width of a
// tile cut by the edge of C (1…NR−1 columns, through the half-width kernel
// where it has one), that each element of the cut tile is bitwise the one
// the same product computes in a whole tile: Gemm of B's first NR+cols
// columns against Gemm of all 2·NR, with β = 0 and β = 1 (the add path),
// over two KC slices.
func TestCutTilesRoundAsWhole(t *testing.T) {
	for _, ks := range testKernels() {
		t.Run(ks.k32.Name, func(t *testing.T) {
			defer useKernels(ks)()
			cutTilesRoundAsWhole(t, &ks.k32)
			cutTilesRoundAsWhole(t, &ks.k64)
		})
	}
}

func cutTilesRoundAsWhole[T Float](t *testing.T, kern *microKernel[T]) {
	m, n, k := 2*kern.MR+1, 2*kern.NR, kern.KC+3
	rng := rand.New(rand.NewPCG(21, uint64(kern.NR)))
	fill := func(x []T) []T {
		for i := range x {
			x[i] = T(2*rng.Float64() - 1)
		}
		return x
	}
	a, b, c0 := fill(make([]T, m*k)), fill(make([]T, k*n)), fill(make([]T, m*n))
	for _, beta := range []T{0, 1} {
		whole := append([]T(nil), c0...)
		Gemm(false, false, m, n, k, 1, a, k, b, n, beta, whole, n)
		for cols := 1; cols < kern.NR; cols++ {
			cut := append([]T(nil), c0...)
			Gemm(false, false, m, kern.NR+cols, k, 1, a, k, b, n, beta, cut, n)
			for i := range m {
				row := i * n
				if j := firstDiff(cut[row:row+kern.NR+cols], whole[row:row+kern.NR+cols]); j >= 0 {
					t.Errorf("%s β=%v, %d columns cut: C[%d][%d] = %v, in a whole tile %v", kern.Name, beta, cols, i, j, cut[row+j], whole[row+j])
				}
			}
		}
	}
}
