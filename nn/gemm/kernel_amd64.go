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
func kernelAVX2F32(kc, panels int, a, b, c *float32, ldc int, add bool)

//go:noescape
func kernelAVX2F64(kc, panels int, a, b, c *float64, ldc int, add bool)

//go:noescape
func kernelAVX2HalfF32(kc int, a, b, c *float32, ldc int)

//go:noescape
func kernelAVX2HalfF64(kc int, a, b, c *float64, ldc int)

// maskedKernel wraps an AVX-512 kernel for an mr×nr tile as a microKernel's
// run: the edge of C becomes a row count and a column mask, which also masks
// the loads of B. It checks once per tile that the slices cover what the
// kernel touches.
func maskedKernel[T Float](mr int, k func(kc int, a, b, c *T, ldc, ldb, rows int, masks uint64, add bool)) func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
	return tileColumn(mr, func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
		_ = a[kc*mr-1]
		_ = b[(kc-1)*ldb+cols-1]
		_ = c[(rows-1)*ldc+cols-1]
		k(kc, &a[0], &b[0], &c[0], ldc, ldb, rows, 1<<cols-1, add)
	})
}

// maxAVX2Tile is the largest AVX2 tile, 6×16.
const maxAVX2Tile = 6 * 16

// avx2Kernel wraps an AVX2 kernel for a column of mr×nr tiles as a
// microKernel's run. The whole tiles go to the kernel in one call; a tile
// cut by the edge of C is computed into a scratch tile on the stack — by
// the half-width kernel when at most nr/2 columns are left, as for the 10
// outputs of a classifier in float64 (8 + 2) or 500 columns in float32
// (31·16 + 4) — and its valid part copied or added, which rounds exactly as
// the kernel's own store does.
func avx2Kernel[T Float](mr, nr int) func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
	return func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
		if ldb != nr {
			panic("gemm: the AVX2 kernels read packed B only")
		}
		_ = b[kc*nr-1]
		whole := 0 // tiles computed in place
		if cols == nr {
			whole = rows / mr
		}
		if whole > 0 {
			_ = a[whole*mr*kc-1]
			_ = c[(whole*mr-1)*ldc+nr-1]
			kernelAVX2(kc, whole, &a[0], &b[0], &c[0], ldc, add)
		}
		for ir := whole * mr; ir < rows; ir += mr {
			_ = a[(ir+mr)*kc-1]
			var tile [maxAVX2Tile]T
			if cols <= nr/2 {
				kernelAVX2Half(kc, &a[ir*kc], &b[0], &tile[0], nr)
			} else {
				kernelAVX2(kc, 1, &a[ir*kc], &b[0], &tile[0], nr, false)
			}
			for i := range min(mr, rows-ir) {
				row, t := c[(ir+i)*ldc:][:cols], tile[i*nr:][:cols]
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
}

// kernelAVX2 runs the AVX2 kernel of T's width. It calls the assembly
// directly, not through a function value, so that its //go:noescape holds
// and avx2Kernel's scratch tile stays on the stack whether or not the
// compiler inlines (through a function value the tile escaped, one
// allocation per cut tile under -gcflags=all=-l).
func kernelAVX2[T Float](kc, panels int, a, b, c *T, ldc int, add bool) {
	if unsafe.Sizeof(*a) == 4 {
		kernelAVX2F32(kc, panels, (*float32)(unsafe.Pointer(a)), (*float32)(unsafe.Pointer(b)), (*float32)(unsafe.Pointer(c)), ldc, add)
		return
	}
	kernelAVX2F64(kc, panels, (*float64)(unsafe.Pointer(a)), (*float64)(unsafe.Pointer(b)), (*float64)(unsafe.Pointer(c)), ldc, add)
}

// kernelAVX2Half runs the half-width AVX2 kernel of T's width, called
// directly for the same reason as kernelAVX2.
func kernelAVX2Half[T Float](kc int, a, b, c *T, ldc int) {
	if unsafe.Sizeof(*a) == 4 {
		kernelAVX2HalfF32(kc, (*float32)(unsafe.Pointer(a)), (*float32)(unsafe.Pointer(b)), (*float32)(unsafe.Pointer(c)), ldc)
		return
	}
	kernelAVX2HalfF64(kc, (*float64)(unsafe.Pointer(a)), (*float64)(unsafe.Pointer(b)), (*float64)(unsafe.Pointer(c)), ldc)
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
		strided:    avx512Copy(16, true, transposeF32).packFunc(),
		contiguous: avx512Copy(16, false, copyF32).packFunc(),
	}
	k64 := microKernel[float64]{
		Name: "avx512 12×16", MR: 12, NR: 16,
		run: maskedKernel(12, kernelAVX512F64), DirectB: true,
		strided:    avx512Copy(8, true, transposeF64).packFunc(),
		contiguous: avx512Copy(8, false, copyF64).packFunc(),
	}
	return k32, k64
}

// avx2Kernels: 6×16 (float32) and 6×8 (float64) tiles, 12 ymm accumulators;
// packing uses the AVX2 copies.
func avx2Kernels() (microKernel[float32], microKernel[float64]) {
	k32 := microKernel[float32]{
		Name: "avx2 6×16", MR: 6, NR: 16,
		run:        avx2Kernel[float32](6, 16),
		strided:    avx2Copy(8, true, transposeAVX2F32).packFunc(),
		contiguous: avx2Copy(8, false, copyAVX2F32).packFunc(),
	}
	k64 := microKernel[float64]{
		Name: "avx2 6×8", MR: 6, NR: 8,
		run:        avx2Kernel[float64](6, 8),
		strided:    avx2Copy(4, true, transposeAVX2F64).packFunc(),
		contiguous: avx2Copy(4, false, copyAVX2F64).packFunc(),
	}
	return k32, k64
}

// avx512Copy describes an AVX-512 packing copy of lanes rows or columns per
// strip: the transposing copies take strips with a multiple of 4 rows
// filled, the straight copies any strip; both any kb (masked loads).
func avx512Copy[T Float](lanes int, strided bool, cp func(dst *T, stride int, src *T, ld, rows, width, kb int, alpha T)) asmCopy[T] {
	fits := func(rows, width int) bool { return true }
	if strided {
		fits = func(rows, width int) bool { return rows > 0 && rows%4 == 0 }
	}
	return asmCopy[T]{lanes: lanes, strided: strided, fits: fits, block: 1, cp: cp}
}

// avx2Copy describes an AVX2 packing copy of lanes rows or columns per
// strip, stored lanes or lanes−2 wide (a 6-row panel's last strip): the
// transposing copies take lanes steps of k at a time, the rest of kb going
// through stridedGo; the straight copies need every stored lane filled.
func avx2Copy[T Float](lanes int, strided bool, cp func(dst *T, stride int, src *T, ld, rows, width, kb int, alpha T)) asmCopy[T] {
	stores := func(width int) bool { return width == lanes || width == lanes-2 }
	fits, block := func(rows, width int) bool { return rows == width && stores(width) }, 1
	if strided {
		fits, block = func(rows, width int) bool { return stores(width) }, lanes
	}
	return asmCopy[T]{lanes: lanes, strided: strided, fits: fits, block: block, cp: cp}
}
