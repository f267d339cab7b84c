package cudasim

import "unsafe"

// The cuBLAS functions: one handle, the default math mode, and gemm.

// CublasCreate is cublasCreate_v2.
func (d *Device) CublasCreate(h *uintptr) int32 { *h = 1; return success }

// CublasDestroy is cublasDestroy_v2.
func (d *Device) CublasDestroy(h uintptr) int32 { return success }

// CublasGetVersion is cublasGetVersion_v2: 130000.
func (d *Device) CublasGetVersion(h uintptr, v *int32) int32 { *v = 130000; return success }

// CublasSetMathMode is cublasSetMathMode; every mode computes the same here.
func (d *Device) CublasSetMathMode(h uintptr, mode int32) int32 { return success }

// Sgemm is cublasSgemm_v2, column-major: C = α·op(A)·op(B) + β·C with C
// m×n at C[i+j·ldc], op = 0 (N) or 1 (T).
func (d *Device) Sgemm(h uintptr, ta, tb, m, n, k int32, alpha *float32, a uintptr, lda int32, b uintptr, ldb int32, beta *float32, c uintptr, ldc int32) int32 {
	return columnMajorGemm(d, ta, tb, int(m), int(n), int(k), *alpha, a, int(lda), b, int(ldb), *beta, c, int(ldc))
}

// Dgemm is cublasDgemm_v2, as Sgemm.
func (d *Device) Dgemm(h uintptr, ta, tb, m, n, k int32, alpha *float64, a uintptr, lda int32, b uintptr, ldb int32, beta *float64, c uintptr, ldc int32) int32 {
	return columnMajorGemm(d, ta, tb, int(m), int(n), int(k), *alpha, a, int(lda), b, int(ldb), *beta, c, int(ldc))
}

// view reads the device memory from addr to the end of its allocation as
// elements of T, or nil if addr is not in one.
func view[T float32 | float64](d *Device, addr uintptr) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	first := d.span(addr, size)
	if first == nil {
		return nil
	}
	n := (d.lastBase + uintptr(len(d.last)) - addr) / size
	return unsafe.Slice((*T)(unsafe.Pointer(&first[0])), n)
}

// columnMajorGemm is the reference BLAS gemm with cuBLAS's argument
// checks, the operands read in place in device memory.
func columnMajorGemm[T float32 | float64](d *Device, ta, tb int32, m, n, k int, alpha T, pa uintptr, lda int, pb uintptr, ldb int, beta T, pc uintptr, ldc int) int32 {
	aRows, bRows := m, k
	if ta == 1 {
		aRows = k
	}
	if tb == 1 {
		bRows = n
	}
	if lda < max(1, aRows) || ldb < max(1, bRows) || ldc < max(1, m) || m < 0 || n < 0 || k < 0 {
		return cublasInvalidValue
	}
	if m == 0 || n == 0 {
		return success
	}
	aCols, bCols := k, n
	if ta == 1 {
		aCols = m
	}
	if tb == 1 {
		bCols = k
	}
	a, b, c := view[T](d, pa), view[T](d, pb), view[T](d, pc)
	if len(c) < (n-1)*ldc+m || (k > 0 && (len(a) < (aCols-1)*lda+aRows || len(b) < (bCols-1)*ldb+bRows)) {
		return 14 // CUBLAS_STATUS_EXECUTION_FAILED: an operand runs past its allocation
	}
	for j := 0; j < n; j++ {
		for i := 0; i < m; i++ {
			var s T
			for p := 0; p < k; p++ {
				ai, bi := i+p*lda, p+j*ldb
				if ta == 1 {
					ai = p + i*lda
				}
				if tb == 1 {
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
	return success
}
