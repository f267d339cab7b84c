// Package cudasim is a CUDA device simulated in Go: memory, cuBLAS's
// column-major gemm and an interpreter for the PTX the kernels of this
// repository are written in. Tests use it, through cublas.OpenSimulated,
// to run the same kernels a GPU runs on machines without one: the
// kernels themselves are executed, instruction by instruction, not a Go
// twin of them.
//
// # What it runs
//
// Parse accepts PTX modules of .entry kernels with scalar parameters
// (.u64 pointers, .f32, .u32 …), .reg declarations, labels, guarded
// instructions (@%p, @!%p) and these instructions:
//
//	ld.param, ld.global, st.global (4- and 8-byte types), cvta.to.global
//	mov, add, sub, mul(.lo, .wide), mad.lo, div, rem, min, max, shl, shr
//	fma.rn, neg, abs, sqrt, rcp, ex2.approx, lg2.approx
//	setp (eq ne lt le gt ge, unordered equ neu …), selp
//	and, or, xor, not (predicates and bits), cvt, bra, ret, exit
//
// on f32, f64 and 32- and 64-bit integers, rounding to nearest. As the
// driver does, it refuses a module that does not begin with .version and
// .target, and an instruction without the modifier the PTX ISA requires
// (div.f32, sqrt.f32 and rcp.f32 without .rn or .approx, fma without
// .rn, ex2 and lg2 without .approx, cvt without its rounding). Shared
// memory, barriers, atomics, textures, vectors and calls are refused
// with an error naming the line, as the driver's compiler reports a
// module it cannot build.
//
// # How it differs from a GPU
//
// Threads run one after the other, each to completion, so a kernel whose
// threads communicate would not be tested truly; none here does. It is
// about a million times slower than a GPU: tests use small shapes. The
// simulator is more exact than the hardware in three places: ex2.approx
// and lg2.approx are correctly rounded here (on the GPU, ex2.approx.f32
// is within 2 ulp; lg2.approx.f32 within 2⁻²² absolute for inputs in
// (0.5, 2), 2⁻²² relative elsewhere: PTX ISA 9.1, §9.7.3.20–21),
// div and sqrt are always correctly rounded (even .approx), and fma.rn.f32
// is a float64 fma rounded to float32, which can differ from a true
// single rounding by an ulp in rare halfway cases. .ftz is ignored.
//
// Memory accesses are checked: one outside every live allocation fails
// the launch with CUDA_ERROR_ILLEGAL_ADDRESS, a misaligned one with
// CUDA_ERROR_MISALIGNED_ADDRESS, and a thread running more than 2²⁴
// instructions with CUDA_ERROR_LAUNCH_TIMEOUT.
//
// The Device's methods have the C signatures of the runtime, driver and
// cuBLAS functions they simulate and return their status codes, so that
// package cublas binds them exactly where it binds the real libraries.
package cudasim
