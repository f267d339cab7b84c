package cublas

import "github.com/nncourse/optimizers/internal/cudasim"

// OpenSimulated returns a Context on a GPU simulated in Go
// (internal/cudasim): device memory, cuBLAS's gemm and a PTX interpreter
// that runs the kernels given to LoadModule, one thread after the other.
// It needs no GPU, no CUDA library and no build tag, and is thousands of
// times slower than a GPU: it is for tests and for reading what kernels
// do, at small sizes.
func OpenSimulated() (*Context, error) {
	ctx, _ := openSimulated()
	return ctx, nil
}

// openSimulated also returns the device, for tests that look inside it.
func openSimulated() (*Context, *cudasim.Device) {
	dev := cudasim.New()
	ctx, err := openWith(simulatedLibrary(dev))
	if err != nil {
		panic("cublas: the simulated device failed to open: " + err.Error())
	}
	return ctx, dev
}

// simulatedLibrary binds library to a simulated device's methods.
func simulatedLibrary(d *cudasim.Device) *library {
	return &library{
		cudaGetDeviceCount:     d.GetDeviceCount,
		cudaSetDevice:          d.SetDevice,
		cudaDeviceGetAttribute: d.DeviceGetAttribute,
		cudaRuntimeGetVersion:  d.RuntimeGetVersion,
		cudaMalloc:             d.Malloc,
		cudaFree:               d.Free,
		cudaDeviceSynchronize:  d.Synchronize,
		memcpy2DToDevice:       d.Memcpy2DToDevice,
		memcpy2DToHost:         d.Memcpy2DToHost,

		cublasCreate:      d.CublasCreate,
		cublasDestroy:     d.CublasDestroy,
		cublasGetVersion:  d.CublasGetVersion,
		cublasSetMathMode: d.CublasSetMathMode,
		cublasSgemm:       d.Sgemm,
		cublasDgemm:       d.Dgemm,

		cuInit:                    d.Init,
		cuDeviceGet:               d.DeviceGet,
		cuDevicePrimaryCtxRetain:  d.DevicePrimaryCtxRetain,
		cuDevicePrimaryCtxRelease: d.DevicePrimaryCtxRelease,
		cuCtxSetCurrent:           d.CtxSetCurrent,
		cuModuleLoadDataEx:        d.ModuleLoadDataEx,
		cuModuleGetFunction:       d.ModuleGetFunction,
		cuModuleUnload:            d.ModuleUnload,
		cuLaunchKernel:            d.LaunchKernel,
	}
}
