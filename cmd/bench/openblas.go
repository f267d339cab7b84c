//go:build openblas && cgo

package main

/*
#cgo LDFLAGS: -lopenblas

// Declared here rather than through cblas.h, which Debian may point at the
// reference CBLAS: 101 = CblasRowMajor, 111 = CblasNoTrans, 112 = CblasTrans.
extern void cblas_sgemm(int order, int transA, int transB, int m, int n, int k,
	float alpha, const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);
extern void cblas_dgemm(int order, int transA, int transB, int m, int n, int k,
	double alpha, const double *a, int lda, const double *b, int ldb, double beta, double *c, int ldc);
extern char *openblas_get_corename(void);
*/
import "C"

// openBLAS reports the library's chosen kernel family, e.g. "Haswell".
func openBLAS() (string, bool) {
	return C.GoString(C.openblas_get_corename()), true
}

func cblasTrans(t bool) C.int {
	if t {
		return 112
	}
	return 111
}

func openblasGemm[T float32 | float64](c gemmCase, alpha T, a, b []T, beta T, out []T) {
	tA, tB := cblasTrans(c.transA), cblasTrans(c.transB)
	lda, ldb, ldc := c.lds()
	switch a := any(a).(type) {
	case []float32:
		C.cblas_sgemm(101, tA, tB, C.int(c.m), C.int(c.n), C.int(c.k), C.float(alpha), (*C.float)(&a[0]), C.int(lda),
			(*C.float)(&any(b).([]float32)[0]), C.int(ldb), C.float(beta), (*C.float)(&any(out).([]float32)[0]), C.int(ldc))
	case []float64:
		C.cblas_dgemm(101, tA, tB, C.int(c.m), C.int(c.n), C.int(c.k), C.double(alpha), (*C.double)(&a[0]), C.int(lda),
			(*C.double)(&any(b).([]float64)[0]), C.int(ldb), C.double(beta), (*C.double)(&any(out).([]float64)[0]), C.int(ldc))
	}
}
