//go:build !purego

package gemm

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// Assembly micro-kernels (kernel_amd64.s): C[MR×NR] (+)= Ã·B̃ over kc steps.
// Their callers guarantee kc ≥ 1 and that every operand spans its tile.

//go:noescape
func kernelAVX512F32(kc int, a, b, c *float32, ldc, ldb, rows int, masks uint64, add bool)

//go:noescape
func kernelAVX512F64(kc int, a, b, c *float64, ldc, ldb, rows int, masks uint64, add bool)

//go:noescape
func kernelAVX2F32(kc int, a, b, c *float32, ldc int, add bool)

//go:noescape
func kernelAVX2F64(kc int, a, b, c *float64, ldc int, add bool)

// maskedKernel wraps an AVX-512 kernel for an mr×nr tile as a microKernel's
// run: the edge of C becomes a row count and a column mask, which also masks
// the loads of B. It checks once per tile that the slices cover what the
// kernel touches.
func maskedKernel[T Float](mr int, k func(kc int, a, b, c *T, ldc, ldb, rows int, masks uint64, add bool)) func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
	return func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
		_ = a[kc*mr-1]
		_ = b[(kc-1)*ldb+cols-1]
		_ = c[(rows-1)*ldc+cols-1]
		k(kc, &a[0], &b[0], &c[0], ldc, ldb, rows, 1<<cols-1, add)
	}
}

// maxAVX2Tile is the largest AVX2 tile, 6×16.
const maxAVX2Tile = 6 * 16

// avx2Kernel wraps the AVX2 kernel of T for an mr×nr tile as a
// microKernel's run. A tile cut by the edge of C is computed into a
// scratch tile on the stack, and its valid part copied or added, which
// rounds exactly as the kernel's own store does.
func avx2Kernel[T Float](mr, nr int) func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
	return func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
		if ldb != nr {
			panic("gemm: the AVX2 kernels read packed B only")
		}
		_ = a[kc*mr-1]
		_ = b[kc*nr-1]
		_ = c[(rows-1)*ldc+cols-1]
		if rows == mr && cols == nr {
			kernelAVX2(kc, &a[0], &b[0], &c[0], ldc, add)
			return
		}
		var tile [maxAVX2Tile]T
		kernelAVX2(kc, &a[0], &b[0], &tile[0], nr, false)
		for i := range rows {
			row, t := c[i*ldc:][:cols], tile[i*nr:][:cols]
			if !add {
				copy(row, t)
				continue
			}
			for j, v := range t {
				row[j] += v
			}
		}
	}
}

// kernelAVX2 runs the AVX2 kernel of T's width. It calls the assembly
// directly, not through a function value, so that its //go:noescape holds
// and avx2Kernel's scratch tile stays on the stack whether or not the
// compiler inlines (through a function value the tile escaped, one
// allocation per cut tile under -gcflags=all=-l).
func kernelAVX2[T Float](kc int, a, b, c *T, ldc int, add bool) {
	if unsafe.Sizeof(*a) == 4 {
		kernelAVX2F32(kc, (*float32)(unsafe.Pointer(a)), (*float32)(unsafe.Pointer(b)), (*float32)(unsafe.Pointer(c)), ldc, add)
		return
	}
	kernelAVX2F64(kc, (*float64)(unsafe.Pointer(a)), (*float64)(unsafe.Pointer(b)), (*float64)(unsafe.Pointer(c)), ldc, add)
}

// init picks the widest kernels the CPU runs; blocking.go sizes their
// blocks from its caches.
func init() {
	switch {
	case cpu.X86.HasAVX512F:
		useHost(avx512Kernels())
	case cpu.X86.HasAVX2 && cpu.X86.HasFMA:
		useHost(avx2Kernels())
	default:
		useHost(goKernels())
	}
}

// avx512Kernels: 12×32 (float32) and 12×16 (float64) tiles, 24 zmm
// accumulators; the kernels read B in place when asked and store cut tiles
// under masks; packing uses the AVX-512 copies.
func avx512Kernels() (microKernel[float32], microKernel[float64]) {
	k32 := microKernel[float32]{
		Name: "avx512 12×32", MR: 12, NR: 32,
		run: maskedKernel(12, kernelAVX512F32), DirectB: true,
		strided: asmPack(16, true, transposeF32), contiguous: asmPack(16, false, copyF32),
	}
	k64 := microKernel[float64]{
		Name: "avx512 12×16", MR: 12, NR: 16,
		run: maskedKernel(12, kernelAVX512F64), DirectB: true,
		strided: asmPack(8, true, transposeF64), contiguous: asmPack(8, false, copyF64),
	}
	return k32, k64
}

// avx2Kernels: 6×16 (float32) and 6×8 (float64) tiles, 12 ymm accumulators;
// packing in Go.
func avx2Kernels() (microKernel[float32], microKernel[float64]) {
	k32 := microKernel[float32]{
		Name: "avx2 6×16", MR: 6, NR: 16,
		run:     avx2Kernel[float32](6, 16),
		strided: stridedGo[float32], contiguous: contiguousGo[float32],
	}
	k64 := microKernel[float64]{
		Name: "avx2 6×8", MR: 6, NR: 8,
		run:     avx2Kernel[float64](6, 8),
		strided: stridedGo[float64], contiguous: contiguousGo[float64],
	}
	return k32, k64
}
