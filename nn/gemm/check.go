package gemm

import "fmt"

// checkArgs panics, as BLAS implementations do, when the dimensions, leading
// dimensions or slice lengths cannot describe the matrices of a Gemm call.
func checkArgs(transA, transB bool, m, n, k, lenA, lda, lenB, ldb, lenC, ldc int) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("gemm: negative dimension m=%d n=%d k=%d", m, n, k))
	}
	rowsA, colsA := m, k
	if transA {
		rowsA, colsA = k, m
	}
	rowsB, colsB := k, n
	if transB {
		rowsB, colsB = n, k
	}
	checkMatrix("a", lenA, rowsA, colsA, lda)
	checkMatrix("b", lenB, rowsB, colsB, ldb)
	checkMatrix("c", lenC, m, n, ldc)
}

// checkMatrix checks one row-major rows×cols matrix stored with leading
// dimension ld in a slice of length l.
func checkMatrix(name string, l, rows, cols, ld int) {
	if ld < max(1, cols) {
		panic(fmt.Sprintf("gemm: ld%s=%d is less than max(1, %d columns)", name, ld, cols))
	}
	if rows > 0 && cols > 0 && l < (rows-1)*ld+cols {
		panic(fmt.Sprintf("gemm: len(%s)=%d is too short for %d×%d with ld%s=%d", name, l, rows, cols, name, ld))
	}
}
