package cublas

import (
	"fmt"

	"github.com/nncourse/optimizers/nn/gemm"
)

// Backend runs gemm.Backend's host-slice Gemm on the GPU. It is the
// convenience path: every call uploads A, B (and C when β ≠ 0) and
// downloads C, so for small products the copies cost more than the
// arithmetic. Code that keeps weights on the device uses Buffer and Gemm.
//
// Backend.Gemm has no error to return: a device failure panics with an
// error wrapping the *Error, as bad shapes do in gemm.
type Backend[T gemm.Float] struct {
	ctx     *Context
	owned   bool       // Close also closes ctx
	a, b, c *Buffer[T] // scratch, grown on demand
}

var (
	_ gemm.Backend[float32] = (*Backend[float32])(nil)
	_ gemm.Backend[float64] = (*Backend[float64])(nil)
)

// NewBackend returns a Backend that runs on ctx; closing ctx ends it too.
func NewBackend[T gemm.Float](ctx *Context) *Backend[T] {
	return &Backend[T]{ctx: ctx}
}

// NewBackendOrCPU returns a Backend on its own Context when a GPU is at
// hand, else gemm.CPU and the reason (ErrNotBuilt, ErrNoLibrary,
// ErrNoDevice or a device *Error). A returned *Backend is Closed by the
// caller.
func NewBackendOrCPU[T gemm.Float]() (gemm.Backend[T], error) {
	ctx, err := Open()
	if err != nil {
		return gemm.CPU[T]{}, err
	}
	return &Backend[T]{ctx: ctx, owned: true}, nil
}

// Gemm implements gemm.Backend: C = α·op(A)·op(B) + β·C on the device.
func (be *Backend[T]) Gemm(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	checkGemm("Backend.Gemm", transA, transB, m, n, k, lda, len(a), ldb, len(b), ldc, len(c))
	if m == 0 || n == 0 {
		return
	}
	if err := be.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); err != nil {
		panic(fmt.Errorf("cublas: Backend.Gemm: %w", err))
	}
}

// gemm copies the operands packed to the device, multiplies and copies C back.
func (be *Backend[T]) gemm(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) error {
	ar, ac := stored(transA, m, k)
	br, bc := stored(transB, k, n)
	var err error
	if be.a, err = be.scratch(be.a, ar*ac); err != nil {
		return err
	}
	if be.b, err = be.scratch(be.b, br*bc); err != nil {
		return err
	}
	if be.c, err = be.scratch(be.c, m*n); err != nil {
		return err
	}
	if err = be.a.UploadMatrix(ar, ac, a, lda); err != nil {
		return err
	}
	if err = be.b.UploadMatrix(br, bc, b, ldb); err != nil {
		return err
	}
	if beta != 0 { // β = 0: C is write-only, as in BLAS (NaNs in C do not leak)
		if err = be.c.UploadMatrix(m, n, c, ldc); err != nil {
			return err
		}
	}
	if err = Gemm(be.ctx, transA, transB, m, n, k, alpha, be.a, max(1, ac), be.b, max(1, bc), beta, be.c, n); err != nil {
		return err
	}
	return be.c.DownloadMatrix(m, n, c, ldc)
}

// scratch returns buf if it holds n elements, else a new, larger buffer.
func (be *Backend[T]) scratch(buf *Buffer[T], n int) (*Buffer[T], error) {
	if buf != nil && buf.ptr != 0 && buf.n >= n {
		return buf, nil
	}
	if buf != nil {
		if err := buf.Free(); err != nil {
			return nil, err
		}
	}
	return NewBuffer[T](be.ctx, max(n, 1))
}

// Close frees the scratch buffers, and the Context when NewBackendOrCPU
// opened it.
func (be *Backend[T]) Close() error {
	var first error
	for _, buf := range []*Buffer[T]{be.a, be.b, be.c} {
		if buf != nil {
			if err := buf.Free(); err != nil && first == nil {
				first = err
			}
		}
	}
	be.a, be.b, be.c = nil, nil, nil
	if be.owned {
		if err := be.ctx.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
