package gemm

import "unsafe"

// microKernel is one register-blocked micro-kernel with the cache blocking
// that suits it. run computes a column of tiles,
//
//	C[rows×cols] += Ã·B̃   (add true)
//	C[rows×cols]  = Ã·B̃   (add false: C is not read)
//
// over kc steps, where Ã is ⌈rows/MR⌉ packed MR×kc micro-panels of A, one
// after the other (MR values per step), B̃ a kc×NR micro-panel of B (NR
// values per step, ldb apart: NR when packed, B's own leading dimension when
// read in place), and C row-major with leading dimension ldc, of which only
// cols ≤ NR columns are touched; the last tile is cut when MR does not
// divide rows. One call per column spares a call per tile, which matters
// when kc is short. Every element rounds the same whether its tile is whole
// or cut.
type microKernel[T Float] struct {
	Name   string
	MR, NR int // register tile: MR rows of C by NR columns
	// The cache blocking, set by sizeBlocks from the caches (blocking.go).
	MC  int // rows of A packed at once: an MC×KC block stays in L2
	KC  int // depth of one pass: a KC×NR panel of B stays in L1
	NC  int // columns of B packed at once: a KC×NC block stays in L3
	run func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool)
	// DirectB says run can read an unpacked B (ldb ≠ NR, the last panel
	// cut at cols); kernels without it need ldb = NR.
	DirectB bool
	// The two copies packing is made of (pack.go).
	strided, contiguous packFunc[T]
}

// packFunc copies kb steps of a strip of a matrix src (leading dimension
// ld) into the layout of a packed panel, whose steps lie stride apart:
//
//	strided:    dst[p·stride + i] = α·src[i·ld + p]   (reading down columns)
//	contiguous: dst[p·stride + i] = α·src[p·ld + i]   (reading along rows)
//
// for i < rows, and writes zeros for rows ≤ i < width.
type packFunc[T Float] func(dst []T, stride int, src []T, ld, rows, width, kb int, alpha T)

// stridedGo is the portable strided packFunc.
func stridedGo[T Float](dst []T, stride int, src []T, ld, rows, width, kb int, alpha T) {
	for i := range rows {
		for p, v := range src[i*ld:][:kb] {
			dst[p*stride+i] = alpha * v
		}
	}
	for i := rows; i < width; i++ {
		for p := range kb {
			dst[p*stride+i] = 0
		}
	}
}

// contiguousGo is the portable contiguous packFunc.
func contiguousGo[T Float](dst []T, stride int, src []T, ld, rows, width, kb int, alpha T) {
	for p := range kb {
		out := dst[p*stride:][:width]
		for i, v := range src[p*ld:][:rows] {
			out[i] = alpha * v
		}
		clear(out[rows:])
	}
}

// narrow reports whether an m×n C with fewer columns than a tile is better
// computed as Cᵀ: whether Cᵀ's tiles cover fewer padded elements than C's.
// For m=128, n=10 and 12×32 tiles: 132×32 padded elements against 12×128.
func (k *microKernel[T]) narrow(m, n int) bool {
	return n < k.NR && roundUp(n, k.MR)*roundUp(m, k.NR) < roundUp(m, k.MR)*roundUp(n, k.NR)
}

// kernel32 and kernel64 are the kernels chosen for this machine by the
// init of kernel_amd64.go or kernel_other.go, their blocks sized for
// hostCaches.
var (
	kernel32 microKernel[float32]
	kernel64 microKernel[float64]
)

// useHost installs k32 and k64 as the kernels, their blocks sized for this
// machine's caches.
func useHost(k32 microKernel[float32], k64 microKernel[float64]) {
	k32.sizeBlocks(hostCaches)
	k64.sizeBlocks(hostCaches)
	kernel32, kernel64 = k32, k64
}

// kernelFor returns the kernel for T. A named type such as `type F float32`
// has float32's layout, so float32's kernel serves it.
func kernelFor[T Float]() *microKernel[T] {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return (*microKernel[T])(unsafe.Pointer(&kernel32))
	}
	return (*microKernel[T])(unsafe.Pointer(&kernel64))
}

// KernelName names the micro-kernel Gemm uses for float32 and float64 on
// this machine, e.g. "avx512 12×32" — useful in benchmark reports.
func KernelName() (f32, f64 string) { return kernel32.Name, kernel64.Name }

// Tile of the portable kernel: 4×4, whose 16 accumulators, 4 values of Ã
// and 4 of B̃ fit the 32 float registers of arm64 (and mostly the 16 of amd64).
const goMR, goNR = 4, 4

// tileColumn makes a kernel of one tile (rows ≤ mr) into a microKernel's
// run, one call per tile of the column.
func tileColumn[T Float](mr int, tile func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool)) func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
	return func(kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
		for ir := 0; ir < rows; ir += mr {
			tile(kc, a[ir*kc:], b, ldb, c[ir*ldc:], ldc, min(mr, rows-ir), cols, add)
		}
	}
}

// goKernel is the portable micro-kernel in plain Go, the design the assembly
// kernels follow: each step multiplies one row of B̃ by each of the MR
// values of Ã, accumulating a tile of C held in local variables; the tile is
// then added to (or stored in) C.
func goKernel[T Float](kc int, a, b []T, ldb int, c []T, ldc, rows, cols int, add bool) {
	var c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33 T
	for p := range kc {
		ap, bp := a[p*goMR:][:goMR:goMR], b[p*ldb:][:goNR:goNR]
		a0, a1, a2, a3 := ap[0], ap[1], ap[2], ap[3]
		b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
		c00, c01, c02, c03 = c00+a0*b0, c01+a0*b1, c02+a0*b2, c03+a0*b3
		c10, c11, c12, c13 = c10+a1*b0, c11+a1*b1, c12+a1*b2, c13+a1*b3
		c20, c21, c22, c23 = c20+a2*b0, c21+a2*b1, c22+a2*b2, c23+a2*b3
		c30, c31, c32, c33 = c30+a3*b0, c31+a3*b1, c32+a3*b2, c33+a3*b3
	}
	acc := [goMR * goNR]T{c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33}
	for i := range rows {
		row := c[i*ldc:][:cols]
		if !add {
			copy(row, acc[i*goNR:])
			continue
		}
		for j := range row {
			row[j] += acc[i*goNR+j]
		}
	}
}

// goKernels returns the portable kernels, blocks not yet sized.
func goKernels() (microKernel[float32], microKernel[float64]) {
	k32 := microKernel[float32]{
		Name: "go 4×4", MR: goMR, NR: goNR,
		run:     tileColumn(goMR, goKernel[float32]),
		strided: stridedGo[float32], contiguous: contiguousGo[float32],
	}
	k64 := microKernel[float64]{
		Name: "go 4×4", MR: goMR, NR: goNR,
		run:     tileColumn(goMR, goKernel[float64]),
		strided: stridedGo[float64], contiguous: contiguousGo[float64],
	}
	return k32, k64
}
