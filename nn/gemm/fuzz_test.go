package gemm

import "testing"

// FuzzGemm checks Gemm against Ref on shapes the fuzzer picks: sizes up to
// 299 (covering several MR, NR and one KC edge), both transposes, α and β
// from {0, 1, −0.5, 2}, padded leading dimensions, float32 and float64.
// The seed corpus is in testdata/fuzz/FuzzGemm.
func FuzzGemm(f *testing.F) {
	scalars := []float64{0, 1, -0.5, 2}
	f.Fuzz(func(t *testing.T, m, n, k uint16, trans, scal, pad uint8, seed uint64) {
		p := problem{
			transA: trans&1 != 0, transB: trans&2 != 0,
			m: int(m % 300), n: int(n % 300), k: int(k % 300),
			alpha: scalars[scal%4], beta: scalars[scal/4%4],
			pad: int(pad % 5), seed: seed,
		}
		if err := check[float32](p); err != nil {
			t.Errorf("float32: %v", err)
		}
		if err := check[float64](p); err != nil {
			t.Errorf("float64: %v", err)
		}
	})
}
