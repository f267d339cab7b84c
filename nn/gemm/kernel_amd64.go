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

// The blocking below is sized for Zen 4/Zen 5 class cores (48 KiB L1d,
// 1 MiB L2 per core, 32 MiB shared L3) and fits Intel cores with AVX-512
// (32–48 KiB L1d, 1–2 MiB L2) too:
//
//	KC: a KC×NR micro-panel of B is reused by every MR-row panel of A, so it
//	    should stay in L1 alongside the A panel streaming through:
//	    256×32×4 B = 32 KiB (float32), 256×16×8 B = 32 KiB (float64), plus
//	    12×256×4 = 12 KiB of A: within 48 KiB.
//	MC: the packed MC×KC block of A is reread for every NR columns, from L2:
//	    384×256×4 B = 384 KiB, 192×256×8 B = 384 KiB — under half of L2, so
//	    the B panels and C tiles passing through do not evict it.
//	NC: the packed KC×NC block of B is reread for every MC rows, from L3:
//	    256×2048×4 B = 2 MiB (4 MiB for float64) per core, well inside 32 MiB.
//
// The AVX2 kernels have half-height tiles (6×16, 6×8) and use the same KC;
// MC stays a multiple of 6.
func init() {
	switch {
	case cpu.X86.HasAVX512F:
		kernel32, kernel64 = avx512Kernels()
	case cpu.X86.HasAVX2 && cpu.X86.HasFMA:
		kernel32, kernel64 = avx2Kernels()
	default:
		kernel32, kernel64 = goKernels()
	}
}

// avx512Kernels: 12×32 (float32) and 12×16 (float64) tiles, 24 zmm
// accumulators; the kernels read B in place when asked and store cut tiles
// under masks; packing uses the AVX-512 copies.
func avx512Kernels() (microKernel[float32], microKernel[float64]) {
	k32 := microKernel[float32]{
		Name: "avx512 12×32", MR: 12, NR: 32, MC: 384, KC: 256, NC: 2048,
		run: maskedKernel(12, kernelAVX512F32), DirectB: true,
		strided: asmPack(16, true, transposeF32), contiguous: asmPack(16, false, copyF32),
	}
	k64 := microKernel[float64]{
		Name: "avx512 12×16", MR: 12, NR: 16, MC: 192, KC: 256, NC: 2048,
		run: maskedKernel(12, kernelAVX512F64), DirectB: true,
		strided: asmPack(8, true, transposeF64), contiguous: asmPack(8, false, copyF64),
	}
	return k32, k64
}

// avx2Kernels: 6×16 (float32) and 6×8 (float64) tiles, 12 ymm accumulators;
// packing in Go.
func avx2Kernels() (microKernel[float32], microKernel[float64]) {
	k32 := microKernel[float32]{
		Name: "avx2 6×16", MR: 6, NR: 16, MC: 384, KC: 256, NC: 2048,
		run:     avx2Kernel[float32](6, 16),
		strided: stridedGo[float32], contiguous: contiguousGo[float32],
	}
	k64 := microKernel[float64]{
		Name: "avx2 6×8", MR: 6, NR: 8, MC: 192, KC: 256, NC: 2048,
		run:     avx2Kernel[float64](6, 8),
		strided: stridedGo[float64], contiguous: contiguousGo[float64],
	}
	return k32, k64
}
