//go:build !purego

package nn

// orExponentsAVX2 is orExponentsGo over n words, n a positive multiple
// of 16 (finite_amd64.s).
//
//go:noescape
func orExponentsAVX2(src *uint64, n int, exponents, lowest uint64) uint64

// orExponents is orExponentsGo, in AVX2 over the words that fill whole
// iterations of its loop when the CPU has AVX2.
func orExponents(src []uint64, exponents, lowest uint64) uint64 {
	n := len(src) &^ 15
	if !hasAVX2 || n == 0 {
		return orExponentsGo(src, exponents, lowest)
	}
	return orExponentsAVX2(&src[0], n, exponents, lowest) | orExponentsGo(src[n:], exponents, lowest)
}
