package cublas

import (
	"testing"
	"unsafe"

	"github.com/nncourse/optimizers/nn/gemm"
)

// fakeDevice is a CUDA device and cuBLAS written in Go from their
// documented contracts (pitched copies, column-major gemm), so the tests
// check this package's row-major mapping without a GPU.
type fakeDevice struct {
	mem        map[uintptr][]byte // live allocations by address
	next       uintptr
	failMalloc bool // the next cudaMalloc returns cudaErrorMemoryAllocation
}

// newFakeContext returns a Context on a fakeDevice, closed with the test.
func newFakeContext(t *testing.T) (*Context, *fakeDevice) {
	t.Helper()
	dev := &fakeDevice{mem: make(map[uintptr][]byte), next: 0x1000}
	ctx, err := openWith(dev.library())
	if err != nil {
		t.Fatalf("openWith(fake): %v", err)
	}
	t.Cleanup(func() { ctx.Close() })
	return ctx, dev
}

func (d *fakeDevice) library() *library {
	return &library{
		cudaGetDeviceCount:     func(count *int32) int32 { *count = 1; return 0 },
		cudaSetDevice:          func(dev int32) int32 { return 0 },
		cudaDeviceGetAttribute: func(v *int32, attr, dev int32) int32 { *v = attr; return 0 },
		cudaRuntimeGetVersion:  func(v *int32) int32 { *v = 13000; return 0 },
		cudaMalloc:             d.malloc,
		cudaFree:               d.free,
		cudaDeviceSynchronize:  func() int32 { return 0 },
		memcpy2DToDevice: func(dst, dpitch uintptr, src unsafe.Pointer, spitch, width, height uintptr, kind int32) int32 {
			return d.copy2D(d.mem[dst], dpitch, unsafe.Slice((*byte)(src), spitch*(height-1)+width), spitch, width, height, kind, cudaMemcpyHostToDevice)
		},
		memcpy2DToHost: func(dst unsafe.Pointer, dpitch, src, spitch, width, height uintptr, kind int32) int32 {
			return d.copy2D(unsafe.Slice((*byte)(dst), dpitch*(height-1)+width), dpitch, d.mem[src], spitch, width, height, kind, cudaMemcpyDeviceToHost)
		},
		cublasCreate:      func(h *uintptr) int32 { *h = 1; return 0 },
		cublasDestroy:     func(h uintptr) int32 { return 0 },
		cublasGetVersion:  func(h uintptr, v *int32) int32 { *v = 130000; return 0 },
		cublasSetMathMode: func(h uintptr, mode int32) int32 { return 0 },
		cublasSgemm: func(h uintptr, ta, tb, m, n, k int32, alpha *float32, a uintptr, lda int32, b uintptr, ldb int32, beta *float32, c uintptr, ldc int32) int32 {
			return columnMajorGemm(ta, tb, int(m), int(n), int(k), *alpha, view[float32](d.mem[a]), int(lda), view[float32](d.mem[b]), int(ldb), *beta, view[float32](d.mem[c]), int(ldc))
		},
		cublasDgemm: func(h uintptr, ta, tb, m, n, k int32, alpha *float64, a uintptr, lda int32, b uintptr, ldb int32, beta *float64, c uintptr, ldc int32) int32 {
			return columnMajorGemm(ta, tb, int(m), int(n), int(k), *alpha, view[float64](d.mem[a]), int(lda), view[float64](d.mem[b]), int(ldb), *beta, view[float64](d.mem[c]), int(ldc))
		},
	}
}

func (d *fakeDevice) malloc(ptr *uintptr, size uintptr) int32 {
	if d.failMalloc {
		d.failMalloc = false
		return 2 // cudaErrorMemoryAllocation
	}
	*ptr = d.next
	d.mem[d.next] = make([]byte, size)
	d.next += size + 0x1000
	return 0
}

func (d *fakeDevice) free(ptr uintptr) int32 {
	if _, ok := d.mem[ptr]; !ok {
		return 1 // cudaErrorInvalidValue
	}
	delete(d.mem, ptr)
	return 0
}

// copy2D copies height rows of width bytes, as cudaMemcpy2D does.
func (d *fakeDevice) copy2D(dst []byte, dpitch uintptr, src []byte, spitch, width, height uintptr, kind, wantKind int32) int32 {
	if kind != wantKind || dst == nil || src == nil {
		return 1 // cudaErrorInvalidValue
	}
	if dpitch < width || spitch < width {
		return 12 // cudaErrorInvalidPitchValue
	}
	for r := uintptr(0); r < height; r++ {
		copy(dst[r*dpitch:r*dpitch+width], src[r*spitch:r*spitch+width])
	}
	return 0
}

// view reads device bytes as elements of T.
func view[T gemm.Float](mem []byte) []T {
	var zero T
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[0])), uintptr(len(mem))/unsafe.Sizeof(zero))
}

// columnMajorGemm is the reference BLAS gemm, column-major, with
// cuBLAS's argument checks: C = α·op(A)·op(B) + β·C, C m×n, C[i+j·ldc].
func columnMajorGemm[T gemm.Float](ta, tb int32, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) int32 {
	aRows, bRows := m, k
	if ta == cublasOpT {
		aRows = k
	}
	if tb == cublasOpT {
		bRows = n
	}
	if lda < max(1, aRows) || ldb < max(1, bRows) || ldc < max(1, m) {
		return 7 // CUBLAS_STATUS_INVALID_VALUE
	}
	for j := 0; j < n; j++ {
		for i := 0; i < m; i++ {
			var s T
			for p := 0; p < k; p++ {
				ai, bi := i+p*lda, p+j*ldb
				if ta == cublasOpT {
					ai = p + i*lda
				}
				if tb == cublasOpT {
					bi = j + p*ldb
				}
				s += a[ai] * b[bi]
			}
			if beta == 0 {
				c[i+j*ldc] = alpha * s
			} else {
				c[i+j*ldc] = alpha*s + beta*c[i+j*ldc]
			}
		}
	}
	return 0
}
