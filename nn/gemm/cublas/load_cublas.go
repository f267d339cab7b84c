//go:build cublas

package cublas

import (
	"fmt"
	"strings"

	"github.com/ebitengine/purego"
)

// libraryMajors are the CUDA major versions tried, newest first; the
// runtime and cuBLAS are taken from the same major when both load.
var libraryMajors = []string{".13", ".12", ".11", ""}

// libraryDirs are searched after the dynamic loader's own search
// (LD_LIBRARY_PATH, the ldconfig cache), which comes first as "".
var libraryDirs = []string{
	"",
	"/usr/local/cuda/lib64/",
	"/usr/local/cuda/targets/x86_64-linux/lib/",
	"/usr/local/cuda/targets/sbsa-linux/lib/",
	"/usr/lib/x86_64-linux-gnu/",
	"/usr/lib/aarch64-linux-gnu/",
}

// loadLibrary opens libcudart, libcublas and the driver's libcuda with dlopen (through purego,
// so no CUDA headers or toolkit are needed to build) and binds the
// functions of library.
func loadLibrary() (*library, error) {
	var tried []string
	for _, major := range libraryMajors {
		cudart, err := openFirst("libcudart.so"+major, &tried)
		if err != nil {
			continue
		}
		cublas, err := openFirst("libcublas.so"+major, &tried)
		if err != nil {
			continue
		}
		driver, err := openFirst("libcuda.so.1", &tried)
		if err != nil {
			break // the driver does not come with a CUDA version: no use trying others
		}
		return bind(cudart, cublas, driver)
	}
	return nil, fmt.Errorf("%w (tried %s; set LD_LIBRARY_PATH to the folder holding them)", ErrNoLibrary, strings.Join(tried, ", "))
}

// openFirst dlopens name from the first folder of libraryDirs that has it.
func openFirst(name string, tried *[]string) (uintptr, error) {
	var err error
	for _, dir := range libraryDirs {
		var h uintptr
		if h, err = purego.Dlopen(dir+name, purego.RTLD_NOW|purego.RTLD_GLOBAL); err == nil {
			return h, nil
		}
	}
	*tried = append(*tried, name)
	return 0, err
}

// bind resolves every symbol library needs, or fails naming the first missing.
func bind(cudart, cublas, driver uintptr) (*library, error) {
	lib := new(library)
	symbols := []struct {
		handle uintptr
		fptr   any
		name   string
	}{
		{cudart, &lib.cudaGetDeviceCount, "cudaGetDeviceCount"},
		{cudart, &lib.cudaSetDevice, "cudaSetDevice"},
		{cudart, &lib.cudaDeviceGetAttribute, "cudaDeviceGetAttribute"},
		{cudart, &lib.cudaRuntimeGetVersion, "cudaRuntimeGetVersion"},
		{cudart, &lib.cudaMalloc, "cudaMalloc"},
		{cudart, &lib.cudaFree, "cudaFree"},
		{cudart, &lib.cudaDeviceSynchronize, "cudaDeviceSynchronize"},
		{cudart, &lib.memcpy2DToDevice, "cudaMemcpy2D"},
		{cudart, &lib.memcpy2DToHost, "cudaMemcpy2D"},
		{cublas, &lib.cublasCreate, "cublasCreate_v2"},
		{cublas, &lib.cublasDestroy, "cublasDestroy_v2"},
		{cublas, &lib.cublasGetVersion, "cublasGetVersion_v2"},
		{cublas, &lib.cublasSetMathMode, "cublasSetMathMode"},
		{cublas, &lib.cublasSgemm, "cublasSgemm_v2"},
		{cublas, &lib.cublasDgemm, "cublasDgemm_v2"},
		{driver, &lib.cuInit, "cuInit"},
		{driver, &lib.cuDeviceGet, "cuDeviceGet"},
		{driver, &lib.cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain"},
		{driver, &lib.cuDevicePrimaryCtxRelease, "cuDevicePrimaryCtxRelease_v2"},
		{driver, &lib.cuCtxSetCurrent, "cuCtxSetCurrent"},
		{driver, &lib.cuModuleLoadDataEx, "cuModuleLoadDataEx"},
		{driver, &lib.cuModuleGetFunction, "cuModuleGetFunction"},
		{driver, &lib.cuModuleUnload, "cuModuleUnload"},
		{driver, &lib.cuLaunchKernel, "cuLaunchKernel"},
	}
	for _, s := range symbols {
		addr, err := purego.Dlsym(s.handle, s.name)
		if err != nil {
			return nil, fmt.Errorf("%w: symbol %s: %v", ErrNoLibrary, s.name, err)
		}
		purego.RegisterFunc(s.fptr, addr)
	}
	return lib, nil
}
