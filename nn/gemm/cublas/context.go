package cublas

import (
	"errors"
	"runtime"
)

// Context is one cuBLAS handle on CUDA device 0 and the device buffers
// allocated through it. A Context is not safe for concurrent use, like
// the cuBLAS handle it wraps; Close releases the handle and every buffer.
type Context struct {
	lib     *library
	handle  uintptr
	buffers map[uintptr]bool // live device allocations, freed by Close
	primary uintptr          // device 0's primary context (CUcontext), shared with the runtime
	modules map[*Module]bool // loaded modules, unloaded by Close
	scalars struct {         // Gemm's α and β, read by cuBLAS through pointers
		f32 [2]float32
		f64 [2]float64
	}
}

// Device describes the GPU a Context runs on.
type Device struct {
	Multiprocessors int // streaming multiprocessors (SMs)
	ClockKHz        int // peak SM clock, kHz
	Major, Minor    int // compute capability, e.g. 9.0 for Hopper
	RuntimeVersion  int // CUDA runtime, e.g. 13000 for 13.0
	CublasVersion   int // cuBLAS, e.g. 130000
}

// Open loads the CUDA runtime and cuBLAS, checks that a device is there and
// creates a cuBLAS handle in the default math mode (no TF32 for float32).
// Without the cublas build tag it returns ErrNotBuilt; without the
// libraries, an error wrapping ErrNoLibrary; without a GPU, ErrNoDevice.
func Open() (*Context, error) {
	lib, err := loadLibrary()
	if err != nil {
		return nil, err
	}
	return openWith(lib)
}

// openWith creates a Context over already bound functions.
func openWith(lib *library) (*Context, error) {
	var count int32
	if err := cudaCheck("cudaGetDeviceCount", lib.cudaGetDeviceCount(&count)); err != nil {
		var e *Error
		if errors.As(err, &e) && e.Code == 100 { // cudaErrorNoDevice
			return nil, ErrNoDevice
		}
		return nil, err
	}
	if count == 0 {
		return nil, ErrNoDevice
	}
	ctx := &Context{lib: lib, buffers: make(map[uintptr]bool), modules: make(map[*Module]bool)}
	if err := ctx.cublasCall("cublasCreate_v2", func() int32 { return lib.cublasCreate(&ctx.handle) }); err != nil {
		return nil, err
	}
	if err := ctx.cublasCall("cublasSetMathMode", func() int32 { return lib.cublasSetMathMode(ctx.handle, cublasDefaultMath) }); err != nil {
		ctx.Close()
		return nil, err
	}
	if err := ctx.retainPrimary(); err != nil {
		ctx.Close()
		return nil, err
	}
	return ctx, nil
}

// retainPrimary initialises the driver API and takes a reference on
// device 0's primary context: the context the runtime and cuBLAS already
// use, so buffers from cudaMalloc are valid in kernels launched through
// the driver, and all work queues on the same legacy default stream.
func (ctx *Context) retainPrimary() error {
	lib := ctx.lib
	if err := cuCheck("cuInit", lib.cuInit(0)); err != nil {
		return err
	}
	var dev int32
	if err := cuCheck("cuDeviceGet", lib.cuDeviceGet(&dev, 0)); err != nil {
		return err
	}
	return cuCheck("cuDevicePrimaryCtxRetain", lib.cuDevicePrimaryCtxRetain(&ctx.primary, dev))
}

// Device reports what the CUDA runtime and cuBLAS say about device 0.
func (ctx *Context) Device() (Device, error) {
	if ctx.lib == nil {
		return Device{}, ErrClosed
	}
	var d Device
	attrs := []struct {
		attr int32
		dst  *int
	}{
		{cudaDevAttrMultiProcessorCount, &d.Multiprocessors},
		{cudaDevAttrClockRate, &d.ClockKHz},
		{cudaDevAttrComputeCapMajor, &d.Major},
		{cudaDevAttrComputeCapMinor, &d.Minor},
	}
	for _, a := range attrs {
		var v int32
		if err := cudaCheck("cudaDeviceGetAttribute", ctx.lib.cudaDeviceGetAttribute(&v, a.attr, 0)); err != nil {
			return d, err
		}
		*a.dst = int(v)
	}
	var rt, cb int32
	if err := cudaCheck("cudaRuntimeGetVersion", ctx.lib.cudaRuntimeGetVersion(&rt)); err != nil {
		return d, err
	}
	if err := ctx.cublasCall("cublasGetVersion_v2", func() int32 { return ctx.lib.cublasGetVersion(ctx.handle, &cb) }); err != nil {
		return d, err
	}
	d.RuntimeVersion, d.CublasVersion = int(rt), int(cb)
	return d, nil
}

// Synchronize waits until the device has finished all work queued so far.
// Gemm returns once the product is queued; Download waits by itself.
func (ctx *Context) Synchronize() error {
	if ctx.lib == nil {
		return ErrClosed
	}
	return cudaCheck("cudaDeviceSynchronize", ctx.lib.cudaDeviceSynchronize())
}

// Close unloads every module, frees every buffer still allocated and
// destroys the cuBLAS handle.
// It returns the first error met, and the Context is unusable afterwards.
func (ctx *Context) Close() error {
	if ctx.lib == nil {
		return nil
	}
	var first error
	for m := range ctx.modules {
		if err := m.Unload(); err != nil && first == nil {
			first = err
		}
	}
	if ctx.primary != 0 {
		if err := cuCheck("cuDevicePrimaryCtxRelease_v2", ctx.lib.cuDevicePrimaryCtxRelease(0)); err != nil && first == nil {
			first = err
		}
	}
	for ptr := range ctx.buffers {
		if err := cudaCheck("cudaFree", ctx.lib.cudaFree(ptr)); err != nil && first == nil {
			first = err
		}
	}
	if err := ctx.cublasCall("cublasDestroy_v2", func() int32 { return ctx.lib.cublasDestroy(ctx.handle) }); err != nil && first == nil {
		first = err
	}
	ctx.lib, ctx.buffers, ctx.modules = nil, nil, nil
	return first
}

// cublasCall runs one cuBLAS function with device 0 made current on the
// calling OS thread, the goroutine locked to that thread meanwhile. Go
// moves goroutines between threads at will, and cuBLAS state is tied to the
// context current on a thread. Without this, on an H200 with CUDA 13.0,
// cublasSgemm returned CUBLAS_STATUS_INTERNAL_ERROR in 7 of 13 gpubench
// runs and in 2 of 5 runs of TestGemmAmidCPUWork, always after the parallel
// CPU path had run; with it, in none of 13 and none of 6. Which thread
// switch breaks it was not pinned down: calls from fresh threads alone
// did not fail. cudaSetDevice on a thread where the device is already
// current costs little.
func (ctx *Context) cublasCall(name string, call func() int32) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := cudaCheck("cudaSetDevice", ctx.lib.cudaSetDevice(0)); err != nil {
		return err
	}
	return cublasCheck(name, call())
}

// driverCall runs one driver API function with device 0's primary
// context current on the calling OS thread, the goroutine locked to that
// thread meanwhile: the driver, like cuBLAS, keeps the current context
// per thread, and Go moves goroutines between threads.
func (ctx *Context) driverCall(name string, call func() int32) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := cuCheck("cuCtxSetCurrent", ctx.lib.cuCtxSetCurrent(ctx.primary)); err != nil {
		return err
	}
	return cuCheck(name, call())
}
