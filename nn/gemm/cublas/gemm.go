package cublas

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/nn/gemm"
)

// Gemm queues C = α·op(A)·op(B) + β·C on the device, with the row-major
// meaning of gemm.Backend: op(A) is m×k, op(B) is k×n, C is m×n, and the
// leading dimensions count elements between rows.
//
// cuBLAS is column-major. A row-major matrix read column-major is its
// transpose, so the row-major product is one column-major call with the
// operands swapped:
//
//	Cᵀ = op(B)ᵀ·op(A)ᵀ      (n×m, column-major with ldc)
//
// which is cublas?gemm(opB, opA, n, m, k, α, B, ldb, A, lda, β, C, ldc).
// Gemm returns once the product is queued; Download waits for it.
// Shapes that cannot be valid panic; device failures are returned.
func Gemm[T gemm.Float](ctx *Context, transA, transB bool, m, n, k int, alpha T, a *Buffer[T], lda int, b *Buffer[T], ldb int, beta T, c *Buffer[T], ldc int) error {
	checkGemm("Gemm", transA, transB, m, n, k, lda, a.n, ldb, b.n, ldc, c.n)
	if m == 0 || n == 0 {
		return nil
	}
	for _, buf := range []*Buffer[T]{a, b, c} {
		if buf.live() != nil || ctx.lib == nil {
			return ErrClosed
		}
	}
	opA, opB := op(transA), op(transB)
	// cuBLAS reads α and β through pointers during the call: they live in
	// the Context, so that a call allocates nothing.
	sc := &ctx.scalars
	if elemSize[T]() == 4 {
		sc.f32 = [2]float32{float32(alpha), float32(beta)}
		return ctx.cublasCall("cublasSgemm_v2", func() int32 {
			return ctx.lib.cublasSgemm(ctx.handle, opB, opA, int32(n), int32(m), int32(k),
				&sc.f32[0], b.ptr, int32(ldb), a.ptr, int32(lda), &sc.f32[1], c.ptr, int32(ldc))
		})
	}
	sc.f64 = [2]float64{float64(alpha), float64(beta)}
	return ctx.cublasCall("cublasDgemm_v2", func() int32 {
		return ctx.lib.cublasDgemm(ctx.handle, opB, opA, int32(n), int32(m), int32(k),
			&sc.f64[0], b.ptr, int32(ldb), a.ptr, int32(lda), &sc.f64[1], c.ptr, int32(ldc))
	})
}

// Sgemm is Gemm for float32 device buffers.
func (ctx *Context) Sgemm(transA, transB bool, m, n, k int, alpha float32, a *Buffer[float32], lda int, b *Buffer[float32], ldb int, beta float32, c *Buffer[float32], ldc int) error {
	return Gemm(ctx, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is Gemm for float64 device buffers.
func (ctx *Context) Dgemm(transA, transB bool, m, n, k int, alpha float64, a *Buffer[float64], lda int, b *Buffer[float64], ldb int, beta float64, c *Buffer[float64], ldc int) error {
	return Gemm(ctx, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

func op(trans bool) int32 {
	if trans {
		return cublasOpT
	}
	return cublasOpN
}

// stored is the row-major shape in memory of an operand whose op is r×c.
func stored(trans bool, r, c int) (rows, cols int) {
	if trans {
		return c, r
	}
	return r, c
}

// checkGemm panics unless the shapes, leading dimensions and lengths of
// A, B and C describe a valid product that cuBLAS's int32 sizes can hold.
func checkGemm(fn string, transA, transB bool, m, n, k, lda, lenA, ldb, lenB, ldc, lenC int) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("cublas: %s: negative shape m=%d n=%d k=%d", fn, m, n, k))
	}
	ar, ac := stored(transA, m, k)
	br, bc := stored(transB, k, n)
	operands := []struct {
		name       string
		rows, cols int
		ld, length int
	}{
		{"A", ar, ac, lda, lenA},
		{"B", br, bc, ldb, lenB},
		{"C", m, n, ldc, lenC},
	}
	for _, o := range operands {
		switch {
		case o.rows > math.MaxInt32 || o.cols > math.MaxInt32 || o.ld > math.MaxInt32:
			panic(fmt.Sprintf("cublas: %s: %s is %d×%d with ld %d, beyond cuBLAS's int32 sizes", fn, o.name, o.rows, o.cols, o.ld))
		case o.ld < max(1, o.cols): // as BLAS, and as cuBLAS checks the column-major view
			panic(fmt.Sprintf("cublas: %s: ld%s = %d < max(1, %d columns)", fn, o.name, o.ld, o.cols))
		case o.length < extent(o.rows, o.cols, o.ld):
			panic(fmt.Sprintf("cublas: %s: %s has %d elements, too few for %d×%d with ld %d", fn, o.name, o.length, o.rows, o.cols, o.ld))
		}
	}
}
