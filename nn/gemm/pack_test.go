package gemm

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPackCopies holds every kernel's packing copies to the portable ones,
// bit for bit, on strips of every fill and width up to a panel's, depths
// around the copies' blocks, and padded leading dimensions; the destination
// beyond the panel must stay untouched.
func TestPackCopies(t *testing.T) {
	for _, ks := range testKernels() {
		t.Run(ks.k32.Name, func(t *testing.T) {
			testPackCopies(t, &ks.k32, 1)
			testPackCopies(t, &ks.k64, 2)
		})
	}
}

func testPackCopies[T Float](t *testing.T, k *microKernel[T], seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 3))
	for _, width := range []int{k.MR, k.NR} {
		for rows := 0; rows <= width; rows++ {
			for _, kb := range []int{1, 3, 4, 7, 8, 9, 16, 17, 33} {
				for _, strided := range []bool{false, true} {
					ld := rng.IntN(5)
					if strided {
						ld += kb
					} else {
						ld += width
					}
					extent := ld * max(rows, kb) // src as the copy may read it
					src := make([]T, extent)
					for i := range src {
						src[i] = T(2*rng.Float64() - 1)
					}
					alpha := T([]float64{1, -0.5, 3}[rng.IntN(3)])
					stride := width
					got, want := make([]T, kb*stride+5), make([]T, kb*stride+5)
					for i := range got {
						got[i], want[i] = sentinel, sentinel
					}
					pack, ref := k.contiguous, contiguousGo[T]
					if strided {
						pack, ref = k.strided, stridedGo[T]
					}
					pack(got, stride, src, ld, rows, width, kb, alpha)
					ref(want, stride, src, ld, rows, width, kb, alpha)
					if !slices.Equal(got, want) {
						t.Errorf("%T strided=%v rows=%d width=%d kb=%d ld=%d α=%v:\ngot  %v\nwant %v",
							T(0), strided, rows, width, kb, ld, alpha, got, want)
					}
				}
			}
		}
	}
}
