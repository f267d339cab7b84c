//go:build !purego

package optim

import "golang.org/x/sys/cpu"

// testLoops32 lists every float32 implementation this machine can run, so
// the tests cover the AVX2 and portable loops on an AVX-512 machine too.
func testLoops32() []*loops32 {
	var ls []*loops32
	if cpu.X86.HasAVX512F {
		ls = append(ls, avx512Loops32)
	}
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		ls = append(ls, avx2Loops32)
	}
	return append(ls, goLoops32)
}
