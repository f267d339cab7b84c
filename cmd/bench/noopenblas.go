//go:build !openblas || !cgo

package main

// Built without the openblas tag (or without cgo): the OpenBLAS column is
// left empty. scripts/bench.sh builds with -tags openblas.
func openBLAS() (string, bool) { return "", false }

func openblasGemm[T float32 | float64](gemmCase, T, []T, []T, T, []T) {
	panic("bench: built without OpenBLAS")
}
