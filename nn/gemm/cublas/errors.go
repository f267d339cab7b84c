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

// Error is a failed CUDA runtime or cuBLAS call: the function, its return
// code and the code's name from the CUDA headers.
type Error struct {
	Call string // the C function, e.g. "cudaMalloc" or "cublasSgemm_v2"
	Code int    // cudaError_t or cublasStatus_t
	Name string // e.g. "cudaErrorMemoryAllocation"
}

func (e *Error) Error() string {
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
