package cublas

import "unsafe"

// library holds the C functions this package calls, one field per symbol.
// The cublas build fills it from libcudart and libcublas with purego
// (load_cublas.go); the tests also fill it with a fake device in Go.
// Device addresses travel as uintptr, host addresses as unsafe.Pointer.
type library struct {
	cudaGetDeviceCount     func(count *int32) int32
	cudaSetDevice          func(device int32) int32
	cudaDeviceGetAttribute func(value *int32, attr, device int32) int32
	cudaRuntimeGetVersion  func(version *int32) int32
	cudaMalloc             func(devPtr *uintptr, size uintptr) int32
	cudaFree               func(devPtr uintptr) int32
	cudaDeviceSynchronize  func() int32

	// cudaMemcpy2D copies height rows of width bytes between pitched
	// layouts; bound twice, once per direction, so each side has its type.
	memcpy2DToDevice func(dst uintptr, dpitch uintptr, src unsafe.Pointer, spitch, width, height uintptr, kind int32) int32
	memcpy2DToHost   func(dst unsafe.Pointer, dpitch uintptr, src uintptr, spitch, width, height uintptr, kind int32) int32

	cublasCreate      func(handle *uintptr) int32
	cublasDestroy     func(handle uintptr) int32
	cublasGetVersion  func(handle uintptr, version *int32) int32
	cublasSetMathMode func(handle uintptr, mode int32) int32
	cublasSgemm       func(handle uintptr, transa, transb, m, n, k int32, alpha *float32, a uintptr, lda int32, b uintptr, ldb int32, beta *float32, c uintptr, ldc int32) int32
	cublasDgemm       func(handle uintptr, transa, transb, m, n, k int32, alpha *float64, a uintptr, lda int32, b uintptr, ldb int32, beta *float64, c uintptr, ldc int32) int32
}

// Constants from the CUDA headers (driver_types.h, cublas_api.h).
const (
	cudaMemcpyHostToDevice = 1
	cudaMemcpyDeviceToHost = 2

	cudaDevAttrClockRate           = 13 // kHz
	cudaDevAttrMultiProcessorCount = 16
	cudaDevAttrComputeCapMajor     = 75
	cudaDevAttrComputeCapMinor     = 76

	cublasOpN = 0
	cublasOpT = 1

	// cublasDefaultMath keeps float32 products in float32 arithmetic:
	// no TF32 tensor-core rounding (that would be CUBLAS_TF32_TENSOR_OP_MATH).
	cublasDefaultMath = 0
)
