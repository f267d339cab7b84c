//go:build !purego

package nn

// orExponentsAVX2 is orExponentsGo over n words, n a positive multiple
// of 16 (finite_amd64.s).
//
//go:noescape
func orExponentsAVX2(src *uint64, n int, exponents, lowest uint64) uint64

// orExponentsCopyAVX2 is orExponentsAVX2 that also copies src into dst.
//
//go:noescape
func orExponentsCopyAVX2(dst, src *uint64, n int, exponents, lowest uint64) uint64

// orExponents is orExponentsGo, in AVX2 over the words that fill whole
// iterations of its loops when the CPU has AVX2.
func orExponents(dst, src []uint64, exponents, lowest uint64) uint64 {
	n := len(src) &^ 15
	switch {
	case !hasAVX2 || n == 0:
		return orExponentsGo(dst, src, exponents, lowest)
	case dst == nil:
		return orExponentsAVX2(&src[0], n, exponents, lowest) | orExponentsGo(nil, src[n:], exponents, lowest)
	}
	dst = dst[:len(src)]
	return orExponentsCopyAVX2(&dst[0], &src[0], n, exponents, lowest) | orExponentsGo(dst[n:], src[n:], exponents, lowest)
}
