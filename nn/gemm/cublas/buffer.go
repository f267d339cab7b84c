package cublas

import (
	"fmt"
	"unsafe"

	"github.com/nncourse/optimizers/nn/gemm"
)

// Buffer is an array of n elements in device memory. It stays there until
// Free or the Context's Close, so weights uploaded once serve every step.
type Buffer[T gemm.Float] struct {
	ctx   *Context
	ptr   uintptr // device address; 0 once freed
	n     int
	owner *Buffer[T] // the allocation a Slice views; nil for an allocation
}

// NewBuffer allocates n ≥ 1 uninitialised elements on the device.
func NewBuffer[T gemm.Float](ctx *Context, n int) (*Buffer[T], error) {
	if n < 1 {
		panic(fmt.Sprintf("cublas: NewBuffer: length must be ≥ 1, got %d", n))
	}
	if ctx.lib == nil {
		return nil, ErrClosed
	}
	var ptr uintptr
	size := uintptr(n) * elemSize[T]()
	if err := cudaCheck("cudaMalloc", ctx.lib.cudaMalloc(&ptr, size)); err != nil {
		return nil, err
	}
	ctx.buffers[ptr] = true
	return &Buffer[T]{ctx: ctx, ptr: ptr, n: n}, nil
}

// Slice returns a view of the n elements from offset off: the same device
// memory, usable wherever a Buffer is (a layer's weights inside the
// parameter slab). Freeing a view does nothing; it lives as long as the
// buffer it views. Bounds outside the buffer panic.
func (b *Buffer[T]) Slice(off, n int) *Buffer[T] {
	if off < 0 || n < 1 || off+n > b.n {
		panic(fmt.Sprintf("cublas: Buffer.Slice: [%d, %d) is not a non-empty part of %d elements", off, off+n, b.n))
	}
	owner := b
	if b.owner != nil {
		owner = b.owner
	}
	return &Buffer[T]{ctx: b.ctx, ptr: b.ptr + uintptr(off)*elemSize[T](), n: n, owner: owner}
}

// Len is the number of elements of the buffer.
func (b *Buffer[T]) Len() int { return b.n }

// Upload copies src to the first len(src) elements of the buffer.
func (b *Buffer[T]) Upload(src []T) error {
	return b.UploadMatrix(1, len(src), src, len(src))
}

// Download copies the first len(dst) elements of the buffer to dst.
func (b *Buffer[T]) Download(dst []T) error {
	return b.DownloadMatrix(1, len(dst), dst, len(dst))
}

// UploadMatrix copies the rows×cols row-major matrix src, whose rows start
// ld elements apart, to the buffer, packed: on the device rows start cols
// elements apart.
func (b *Buffer[T]) UploadMatrix(rows, cols int, src []T, ld int) error {
	b.checkMatrix("UploadMatrix", rows, cols, len(src), ld)
	if rows == 0 || cols == 0 {
		return nil
	}
	if err := b.live(); err != nil {
		return err
	}
	size := elemSize[T]()
	code := b.ctx.lib.memcpy2DToDevice(b.ptr, uintptr(cols)*size, unsafe.Pointer(&src[0]), uintptr(ld)*size,
		uintptr(cols)*size, uintptr(rows), cudaMemcpyHostToDevice)
	return cudaCheck("cudaMemcpy2D", code)
}

// DownloadMatrix copies the packed rows×cols matrix at the start of the
// buffer to dst, whose rows start ld elements apart; elements of dst
// between rows are left as they were. It waits for queued work to finish.
func (b *Buffer[T]) DownloadMatrix(rows, cols int, dst []T, ld int) error {
	b.checkMatrix("DownloadMatrix", rows, cols, len(dst), ld)
	if rows == 0 || cols == 0 {
		return nil
	}
	if err := b.live(); err != nil {
		return err
	}
	size := elemSize[T]()
	code := b.ctx.lib.memcpy2DToHost(unsafe.Pointer(&dst[0]), uintptr(ld)*size, b.ptr, uintptr(cols)*size,
		uintptr(cols)*size, uintptr(rows), cudaMemcpyDeviceToHost)
	return cudaCheck("cudaMemcpy2D", code)
}

// Free releases the device memory. Using the buffer afterwards returns
// ErrClosed; freeing twice is a no-op.
func (b *Buffer[T]) Free() error {
	if b.ptr == 0 || b.ctx.lib == nil || b.owner != nil {
		return nil
	}
	delete(b.ctx.buffers, b.ptr)
	ptr := b.ptr
	b.ptr = 0
	return cudaCheck("cudaFree", b.ctx.lib.cudaFree(ptr))
}

// live reports ErrClosed once the buffer or its Context is released.
func (b *Buffer[T]) live() error {
	if b.ptr == 0 || b.ctx.lib == nil || (b.owner != nil && b.owner.ptr == 0) {
		return ErrClosed
	}
	return nil
}

// checkMatrix panics unless a rows×cols host matrix with leading dimension
// ld fits in a slice of length n and, packed, in the buffer.
func (b *Buffer[T]) checkMatrix(op string, rows, cols, n, ld int) {
	switch {
	case rows < 0 || cols < 0:
		panic(fmt.Sprintf("cublas: %s: negative shape %d×%d", op, rows, cols))
	case rows > 0 && cols > 0 && ld < cols:
		panic(fmt.Sprintf("cublas: %s: ld %d < cols %d", op, ld, cols))
	case n < extent(rows, cols, ld):
		panic(fmt.Sprintf("cublas: %s: host slice of %d elements holds no %d×%d matrix with ld %d", op, n, rows, cols, ld))
	case rows*cols > b.n:
		panic(fmt.Sprintf("cublas: %s: %d×%d matrix does not fit a buffer of %d elements", op, rows, cols, b.n))
	}
}

// extent is the number of elements a rows×cols matrix with leading
// dimension ld spans in row-major storage.
func extent(rows, cols, ld int) int {
	if rows == 0 || cols == 0 {
		return 0
	}
	return (rows-1)*ld + cols
}

// elemSize is the size in bytes of one T: 4 or 8.
func elemSize[T gemm.Float]() uintptr {
	var zero T
	return unsafe.Sizeof(zero)
}
