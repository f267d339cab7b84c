//go:build !purego

package nn

import "unsafe"

// orExponentsAVX2 is orExponentsGo over n words, n a positive multiple
// of 16 (finite_amd64.s).
//
//go:noescape
func orExponentsAVX2(src *uint64, n int, exponents, lowest uint64) uint64

// orExponentsCopyAVX2 is orExponentsAVX2 that also copies src into dst,
// with streaming stores: dst must start on a 32-byte boundary. The copy
// is the divergence guard's backup, read again only when a step is
// refused; streaming it past the caches spares it the read of dst's lines
// before they are written, and leaves the caches to the model and its
// gradients (a step at 784-500-300-10 goes 1–3 % faster than with
// ordinary stores, timed with cmd/bench -run ceiling).
//
//go:noescape
func orExponentsCopyAVX2(dst, src *uint64, n int, exponents, lowest uint64) uint64

// orExponents is orExponentsGo, in AVX2 over the words that fill whole
// iterations of its loops when the CPU has AVX2.
func orExponents(dst, src []uint64, exponents, lowest uint64) uint64 {
	if !hasAVX2 {
		return orExponentsGo(dst, src, exponents, lowest)
	}
	if dst == nil {
		n := len(src) &^ 15
		if n == 0 {
			return orExponentsGo(nil, src, exponents, lowest)
		}
		return orExponentsAVX2(&src[0], n, exponents, lowest) | orExponentsGo(nil, src[n:], exponents, lowest)
	}
	dst = dst[:len(src)]
	// The words before dst's first 32-byte boundary go through the Go
	// loop (all of them when dst is not even on a word boundary).
	head := len(src)
	if addr := uintptr(unsafe.Pointer(&dst[0])); addr%8 == 0 {
		head = min(len(src), int(-addr%32/8))
	}
	s := orExponentsGo(dst[:head], src[:head], exponents, lowest)
	dst, src = dst[head:], src[head:]
	n := len(src) &^ 15
	if n == 0 {
		return s | orExponentsGo(dst, src, exponents, lowest)
	}
	return s | orExponentsCopyAVX2(&dst[0], &src[0], n, exponents, lowest) | orExponentsGo(dst[n:], src[n:], exponents, lowest)
}
