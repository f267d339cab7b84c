//go:build !amd64 || purego

package gemm

func testKernels() []kernelPair {
	k32, k64 := goKernels()
	return []kernelPair{hostSized(k32, k64)}
}
