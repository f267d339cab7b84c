package gemm

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// Blas64 is a gonum blas.Float64 whose Dgemm is this package's Gemm; every
// other routine is gonum's native one. After
//
//	blas64.Use(gemm.Blas64{})
//
// gonum/mat's products (Dense.Mul and everything built on Dgemm) run on the
// packed kernels.
type Blas64 struct{ gonum.Implementation }

// Blas32 is the float32 counterpart of Blas64: a blas.Float32 whose Sgemm is
// Gemm, for blas32.Use(gemm.Blas32{}).
type Blas32 struct{ gonum.Implementation }

var (
	_ blas.Float64 = Blas64{}
	_ blas.Float32 = Blas32{}
)

// Dgemm computes C = α·op(A)·op(B) + β·C with Gemm.
func (Blas64) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	Gemm(isTrans(tA), isTrans(tB), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Sgemm computes C = α·op(A)·op(B) + β·C with Gemm.
func (Blas32) Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	Gemm(isTrans(tA), isTrans(tB), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// isTrans maps a BLAS transpose flag to op(X) = Xᵀ; for real matrices the
// conjugate transpose is the transpose.
func isTrans(t blas.Transpose) bool {
	switch t {
	case blas.NoTrans:
		return false
	case blas.Trans, blas.ConjTrans:
		return true
	}
	panic("gemm: illegal transpose " + string(rune(t)))
}
