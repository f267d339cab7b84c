//go:build !purego

package gemm

import "golang.org/x/sys/cpu"

// testKernels lists every kernel pair this machine can run, so the tests
// cover the AVX2 and portable kernels on an AVX-512 machine too.
func testKernels() []kernelPair {
	var ks []kernelPair
	if cpu.X86.HasAVX512F {
		k32, k64 := avx512Kernels()
		ks = append(ks, hostSized(k32, k64))
	}
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		k32, k64 := avx2Kernels()
		ks = append(ks, hostSized(k32, k64))
	}
	k32, k64 := goKernels()
	return append(ks, hostSized(k32, k64))
}
