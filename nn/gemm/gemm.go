package gemm

// Float is the element type of the matrices.
type Float interface{ ~float32 | ~float64 }

// Backend computes general matrix products. nn sends every forward and
// backward product through one Backend, so a faster one plugs in without
// touching the network code.
type Backend[T Float] interface {
	// Gemm computes C = α·op(A)·op(B) + β·C, row-major, where op(X) is X
	// or Xᵀ as transA / transB say, op(A) is m×k, op(B) is k×n and C is
	// m×n, with leading dimensions lda, ldb, ldc.
	Gemm(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)
}

// Ref is the naive reference Backend: three loops, accumulating in
// float64. It is the test oracle for every fast path, and a Backend that
// allocates nothing of its own (memory measurements use it):
//
//	m.Backend = gemm.Ref[float32]{}
type Ref[T Float] struct{}

var _ Backend[float64] = Ref[float64]{}

// Gemm implements Backend with the three loops.
func (Ref[T]) Gemm(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for p := 0; p < k; p++ {
				ai := i*lda + p
				if transA {
					ai = p*lda + i
				}
				bi := p*ldb + j
				if transB {
					bi = j*ldb + p
				}
				s += float64(a[ai]) * float64(b[bi])
			}
			ci := i*ldc + j
			if beta == 0 {
				c[ci] = T(float64(alpha) * s)
			} else {
				c[ci] = T(float64(alpha)*s + float64(beta)*float64(c[ci]))
			}
		}
	}
}

// CPU is the Backend that runs Gemm on this machine's cores.
type CPU[T Float] struct{}

// Gemm implements Backend.
func (CPU[T]) Gemm(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Gemm computes C = α·op(A)·op(B) + β·C with the fastest kernel available:
// packed blocks, an assembly micro-kernel where the CPU has one, and up to
// GOMAXPROCS goroutines, each computing its own block of C. The result is
// bitwise the same whatever GOMAXPROCS is. It panics, as BLAS does, when the
// dimensions or slices are inconsistent.
func Gemm[T Float](transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	checkArgs(transA, transB, m, n, k, len(a), lda, len(b), ldb, len(c), ldc)
	if m == 0 || n == 0 {
		return
	}
	g := getCall[T]()
	g.kern = kernelFor[T]()
	if g.kern.narrow(m, n) {
		// Cᵀ = op(B)ᵀ·op(A)ᵀ fills the kernel's tiles better: compute it
		// into scratch, then add it transposed into C.
		g.t = grow(g.t, n*m)
		g.set(!transB, !transA, n, m, k, alpha, b, ldb, a, lda, 0, g.t, m)
		g.run()
		addTransposed(m, n, g.t, beta, c, ldc)
	} else {
		g.set(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		g.run()
	}
	g.release()
}
