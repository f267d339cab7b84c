//go:build !amd64 || purego

package nn

// orExponents is orExponentsGo: without amd64 assembly (another
// architecture, or the purego build tag that tests this path) the test
// is the portable loop.
func orExponents(dst, src []uint64, exponents, lowest uint64) uint64 {
	return orExponentsGo(dst, src, exponents, lowest)
}
