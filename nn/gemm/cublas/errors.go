package cublas

import (
	"errors"
	"fmt"
)

// ErrNotBuilt is returned by Open when the package was compiled without
// the cublas build tag: rebuild with `go build -tags cublas`.
var ErrNotBuilt = errors.New("cublas: built without the cublas tag (rebuild with -tags cublas)")

// ErrNoLibrary is wrapped by the error Open returns when the CUDA runtime
// or cuBLAS shared library cannot be loaded.
var ErrNoLibrary = errors.New("cublas: CUDA runtime or cuBLAS library not found")

// ErrNoDevice is returned by Open when the libraries load but the driver
// reports no CUDA device.
var ErrNoDevice = errors.New("cublas: no CUDA device")

// ErrClosed is returned by a Buffer or Context used after Close or Free.
var ErrClosed = errors.New("cublas: context or buffer already released")

// Error is a failed CUDA runtime, driver or cuBLAS call: the function,
// its return code and the code's name from the CUDA headers.
type Error struct {
	Call string // the C function, e.g. "cudaMalloc" or "cublasSgemm_v2"
	Code int    // cudaError_t, CUresult or cublasStatus_t
	Name string // e.g. "cudaErrorMemoryAllocation"
	// Log is the PTX compiler's error log when cuModuleLoadDataEx failed.
	Log string
}

func (e *Error) Error() string {
	if e.Log != "" {
		return fmt.Sprintf("cublas: %s: %s (%d): %s", e.Call, e.Name, e.Code, e.Log)
	}
	return fmt.Sprintf("cublas: %s: %s (%d)", e.Call, e.Name, e.Code)
}

// cudaCheck turns a cudaError_t into nil or an *Error.
func cudaCheck(call string, code int32) error {
	if code == 0 {
		return nil
	}
	return &Error{Call: call, Code: int(code), Name: codeName(cudaErrorNames, "cudaError", code)}
}

// cublasCheck turns a cublasStatus_t into nil or an *Error.
func cublasCheck(call string, code int32) error {
	if code == 0 {
		return nil
	}
	return &Error{Call: call, Code: int(code), Name: codeName(cublasStatusNames, "cublasStatus", code)}
}

// cuCheck turns a driver API CUresult into nil or an *Error.
func cuCheck(call string, code int32) error {
	if code == 0 {
		return nil
	}
	return &Error{Call: call, Code: int(code), Name: codeName(cuResultNames, "CUresult", code)}
}

func codeName(names map[int32]string, kind string, code int32) string {
	if name, ok := names[code]; ok {
		return name
	}
	return fmt.Sprintf("%s(%d)", kind, code)
}

// cudaErrorNames are the cudaError_t values (driver_types.h) a program
// like this one can meet.
var cudaErrorNames = map[int32]string{
	1:   "cudaErrorInvalidValue",
	2:   "cudaErrorMemoryAllocation",
	3:   "cudaErrorInitializationError",
	4:   "cudaErrorCudartUnloading",
	12:  "cudaErrorInvalidPitchValue",
	34:  "cudaErrorStubLibrary",
	35:  "cudaErrorInsufficientDriver",
	36:  "cudaErrorCallRequiresNewerDriver",
	46:  "cudaErrorDevicesUnavailable",
	100: "cudaErrorNoDevice",
	101: "cudaErrorInvalidDevice",
	209: "cudaErrorNoKernelImageForDevice",
	400: "cudaErrorInvalidResourceHandle",
	700: "cudaErrorIllegalAddress",
	719: "cudaErrorLaunchFailure",
	802: "cudaErrorSystemNotReady",
	803: "cudaErrorSystemDriverMismatch",
	804: "cudaErrorCompatNotSupportedOnDevice",
	999: "cudaErrorUnknown",
}

// cublasStatusNames are the cublasStatus_t values (cublas_api.h).
var cublasStatusNames = map[int32]string{
	1:  "CUBLAS_STATUS_NOT_INITIALIZED",
	3:  "CUBLAS_STATUS_ALLOC_FAILED",
	7:  "CUBLAS_STATUS_INVALID_VALUE",
	8:  "CUBLAS_STATUS_ARCH_MISMATCH",
	11: "CUBLAS_STATUS_MAPPING_ERROR",
	13: "CUBLAS_STATUS_EXECUTION_FAILED",
	14: "CUBLAS_STATUS_INTERNAL_ERROR",
	15: "CUBLAS_STATUS_NOT_SUPPORTED",
	16: "CUBLAS_STATUS_LICENSE_ERROR",
}

// cuResultNames are the CUresult values (cuda.h) the driver calls here
// can return.
var cuResultNames = map[int32]string{
	1:   "CUDA_ERROR_INVALID_VALUE",
	2:   "CUDA_ERROR_OUT_OF_MEMORY",
	3:   "CUDA_ERROR_NOT_INITIALIZED",
	4:   "CUDA_ERROR_DEINITIALIZED",
	34:  "CUDA_ERROR_STUB_LIBRARY",
	100: "CUDA_ERROR_NO_DEVICE",
	101: "CUDA_ERROR_INVALID_DEVICE",
	200: "CUDA_ERROR_INVALID_IMAGE",
	201: "CUDA_ERROR_INVALID_CONTEXT",
	209: "CUDA_ERROR_NO_BINARY_FOR_GPU",
	218: "CUDA_ERROR_INVALID_PTX",
	221: "CUDA_ERROR_JIT_COMPILER_NOT_FOUND",
	222: "CUDA_ERROR_UNSUPPORTED_PTX_VERSION",
	400: "CUDA_ERROR_INVALID_HANDLE",
	500: "CUDA_ERROR_NOT_FOUND",
	700: "CUDA_ERROR_ILLEGAL_ADDRESS",
	701: "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES",
	702: "CUDA_ERROR_LAUNCH_TIMEOUT",
	716: "CUDA_ERROR_MISALIGNED_ADDRESS",
	719: "CUDA_ERROR_LAUNCH_FAILED",
	999: "CUDA_ERROR_UNKNOWN",
}
