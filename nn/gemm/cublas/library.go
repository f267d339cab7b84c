package cublas

import "unsafe"

// library holds the C functions this package calls, one field per symbol.
// The cublas build fills it from libcudart, libcublas and libcuda with
// purego (load_cublas.go); OpenSimulated fills it with the simulated device
// of internal/cudasim.
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

	// The driver API (libcuda), for kernels given as PTX text. Handles
	// (CUcontext, CUmodule, CUfunction) travel as uintptr; CUdevice is an int.
	cuInit                    func(flags uint32) int32
	cuDeviceGet               func(device *int32, ordinal int32) int32
	cuDevicePrimaryCtxRetain  func(ctx *uintptr, device int32) int32
	cuDevicePrimaryCtxRelease func(device int32) int32
	cuCtxSetCurrent           func(ctx uintptr) int32
	// cuModuleLoadDataEx: image is NUL-terminated PTX; options is an
	// array of CUjit_option (C enums, int32), optionValues an array of
	// void* holding pointers or, cast, sizes.
	cuModuleLoadDataEx  func(module *uintptr, image unsafe.Pointer, numOptions uint32, options, optionValues unsafe.Pointer) int32
	cuModuleGetFunction func(function *uintptr, module uintptr, name string) int32
	cuModuleUnload      func(module uintptr) int32
	// cuLaunchKernel: kernelParams is an array of pointers, one per kernel
	// parameter, each pointing to that parameter's value.
	cuLaunchKernel func(function uintptr, gridX, gridY, gridZ, blockX, blockY, blockZ, sharedMemBytes uint32, stream uintptr, kernelParams, extra unsafe.Pointer) int32
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

	// CUjit_option values (cuda.h) for the compiler's error log.
	cuJitErrorLogBuffer          = 5
	cuJitErrorLogBufferSizeBytes = 6
)
