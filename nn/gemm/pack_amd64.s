//go:build !purego

#include "textflag.h"

// Transposing copies for packing, with AVX-512: they move a strip of rows,
// read down their columns, into a packed panel, 16 columns (float32) or 8
// columns (float64) at a time:
//
//	dst[p·stride + i] = α·src[i·ld + p],  i < rows, p < kb
//
// with zeros written for rows ≤ i < width. rows is a multiple of 4 (float32:
// 4…16, float64: 4 or 8); the caller handles other strips. The rows are
// loaded into registers (the last block of columns under a mask, K4),
// transposed in registers with unpack and lane shuffles, and the columns
// stored with a width mask (K3), as many as the block has (CX).

// LOAD4 loads 4 rows at base, base+ld, base+2ld, base+3ld (R9 = ld in
// bytes, R10 = 3·ld) or zeros them when fewer rows remain (BX = rows).
#define LOAD4(MOV, base, first, r0, r1, r2, r3, next) \
	CMPQ BX, $first                \
	JLE  next                      \
	MOV.Z (base), K4, r0         \
	MOV.Z (base)(R9*1), K4, r1   \
	MOV.Z (base)(R9*2), K4, r2   \
	MOV.Z (base)(R10*1), K4, r3

// PAIRS interleaves two rows' elements (stage 1) or element pairs (stage 2).
#define PAIRS(LO, HI, a, b, lo, hi) \
	LO b, a, lo \
	HI b, a, hi

// LANES gathers four registers' 128-bit lanes into four output registers:
// out_L = [g0.lane L, g1.lane L, g2.lane L, g3.lane L].
#define LANES(g0, g1, g2, g3, o0, o1, o2, o3) \
	VSHUFF32X4 $0x88, g1, g0, Z16 \
	VSHUFF32X4 $0xDD, g1, g0, Z17 \
	VSHUFF32X4 $0x88, g3, g2, Z18 \
	VSHUFF32X4 $0xDD, g3, g2, Z19 \
	VSHUFF32X4 $0x88, Z18, Z16, o0 \
	VSHUFF32X4 $0xDD, Z18, Z16, o2 \
	VSHUFF32X4 $0x88, Z19, Z17, o1 \
	VSHUFF32X4 $0xDD, Z19, Z17, o3

// STORE scales one column by α (Z31), stores its first width lanes, and
// leaves the block once CX columns are stored.
#define STORE(MUL, MOV, col) \
	MUL Z31, col, col \
	MOV col, K3, (DI) \
	ADDQ R8, DI       \
	DECQ CX           \
	JZ   stored

// STORE8 stores eight columns.
#define STORE8(MUL, MOV, c0, c1, c2, c3, c4, c5, c6, c7) \
	STORE(MUL, MOV, c0) \
	STORE(MUL, MOV, c1) \
	STORE(MUL, MOV, c2) \
	STORE(MUL, MOV, c3) \
	STORE(MUL, MOV, c4) \
	STORE(MUL, MOV, c5) \
	STORE(MUL, MOV, c6) \
	STORE(MUL, MOV, c7)

// BLOCK starts a block of columns: CX = min(DX, LANES) of the DX left, and
// K4 masks them.
#define BLOCK(LANES) \
	MOVQ DX, CX      \
	CMPQ CX, $LANES  \
	JLE  counted     \
	MOVQ $LANES, CX  \
counted:             \
	MASK(K4)

// NEXT moves to the next 64 bytes of the rows and loops over the blocks.
#define NEXT(LANES) \
stored:             \
	ADDQ $64, SI    \
	SUBQ $LANES, DX \
	JG   block      \
done:               \
	VZEROUPPER      \
	RET

// MASK sets mask register k to the low n bits (n in CX).
#define MASK(k) \
	MOVL $1, AX \
	SHLL CX, AX \
	DECL AX     \
	KMOVW AX, k

// PROLOGUE loads the arguments every packing copy shares: DI = dst, R8 =
// stride in bytes, SI = src, R9 = ld in bytes, R10 = 3·ld, BX = rows, K2 =
// the rows mask, K3 = the width mask, DX = kb, Z31 = α.
#define PROLOGUE(ESIZE, BCAST) \
	MOVQ dst+0(FP), DI         \
	MOVQ stride+8(FP), R8      \
	SHLQ $ESIZE, R8            \
	MOVQ src+16(FP), SI        \
	MOVQ ld+24(FP), R9         \
	SHLQ $ESIZE, R9            \
	LEAQ (R9)(R9*2), R10       \
	MOVQ rows+32(FP), BX       \
	MOVQ BX, CX                \
	MASK(K2)                   \
	MOVQ width+40(FP), CX      \
	MASK(K3)                   \
	MOVQ kb+48(FP), DX         \
	BCAST alpha+56(FP), Z31

// func transposeF32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)
TEXT ·transposeF32(SB), NOSPLIT, $0-60
	PROLOGUE(2, VBROADCASTSS)
	TESTQ DX, DX
	JLE  done
block:
	BLOCK(16)
	// The 16 rows, four at a time from SI, R11 = SI+4ld, R12, R13.
	LEAQ (SI)(R9*4), R11
	LEAQ (R11)(R9*4), R12
	LEAQ (R12)(R9*4), R13
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	VPXORD Z8, Z8, Z8
	VPXORD Z9, Z9, Z9
	VPXORD Z10, Z10, Z10
	VPXORD Z11, Z11, Z11
	VPXORD Z12, Z12, Z12
	VPXORD Z13, Z13, Z13
	VPXORD Z14, Z14, Z14
	VPXORD Z15, Z15, Z15
	LOAD4(VMOVUPS, SI, 0, Z0, Z1, Z2, Z3, loaded)
	LOAD4(VMOVUPS, R11, 4, Z4, Z5, Z6, Z7, loaded)
	LOAD4(VMOVUPS, R12, 8, Z8, Z9, Z10, Z11, loaded)
	LOAD4(VMOVUPS, R13, 12, Z12, Z13, Z14, Z15, loaded)
loaded:
	// Stage 1: T(2i), T(2i+1) interleave rows 2i and 2i+1.
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z0, Z1, Z16, Z17)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z2, Z3, Z18, Z19)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z4, Z5, Z20, Z21)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z6, Z7, Z22, Z23)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z8, Z9, Z24, Z25)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z10, Z11, Z26, Z27)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z12, Z13, Z28, Z29)
	PAIRS(VUNPCKLPS, VUNPCKHPS, Z14, Z15, Z30, Z31)
	// Stage 2: U(4g+j) holds, in each 128-bit lane L, rows 4g…4g+3 of
	// column 4L+j.
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z16, Z18, Z0, Z1)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z17, Z19, Z2, Z3)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z20, Z22, Z4, Z5)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z21, Z23, Z6, Z7)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z24, Z26, Z8, Z9)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z25, Z27, Z10, Z11)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z28, Z30, Z12, Z13)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z29, Z31, Z14, Z15)
	// Stages 3–4: column 4L+j gathers lane L of U(j), U(4+j), U(8+j),
	// U(12+j); it lands in Z(4L+j).
	LANES(Z0, Z4, Z8, Z12, Z0, Z4, Z8, Z12)
	LANES(Z1, Z5, Z9, Z13, Z1, Z5, Z9, Z13)
	LANES(Z2, Z6, Z10, Z14, Z2, Z6, Z10, Z14)
	LANES(Z3, Z7, Z11, Z15, Z3, Z7, Z11, Z15)
	VBROADCASTSS alpha+56(FP), Z31 // Z31 served as a temporary above
	STORE8(VMULPS, VMOVUPS, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	STORE8(VMULPS, VMOVUPS, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15)
	NEXT(16)

// func transposeF64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)
TEXT ·transposeF64(SB), NOSPLIT, $0-64
	PROLOGUE(3, VBROADCASTSD)
	TESTQ DX, DX
	JLE  done
block:
	BLOCK(8)
	LEAQ (SI)(R9*4), R11
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	LOAD4(VMOVUPD, SI, 0, Z0, Z1, Z2, Z3, loaded)
	LOAD4(VMOVUPD, R11, 4, Z4, Z5, Z6, Z7, loaded)
loaded:
	// Stage 1: T(2i), T(2i+1) hold, in lane L, rows 2i, 2i+1 of columns
	// 2L and 2L+1.
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z0, Z1, Z8, Z9)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z2, Z3, Z10, Z11)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z4, Z5, Z12, Z13)
	PAIRS(VUNPCKLPD, VUNPCKHPD, Z6, Z7, Z14, Z15)
	// Stages 2–3: column 2L+j gathers lane L of T(j), T(2+j), T(4+j),
	// T(6+j); it lands in Z(2L+j).
	LANES(Z8, Z10, Z12, Z14, Z0, Z2, Z4, Z6)
	LANES(Z9, Z11, Z13, Z15, Z1, Z3, Z5, Z7)
	STORE8(VMULPD, VMOVUPD, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	NEXT(8)

// Straight copies for packing, with AVX-512: they move a strip of up to 16
// (float32) or 8 (float64) contiguous elements of each of kb rows (rows
// standing for the strip's filled columns):
//
//	dst[p·stride + i] = α·src[p·ld + i],  i < rows, p < kb
//
// with zeros written for rows ≤ i < width: one masked load, one multiply and
// one masked store per row.

#define COPY(MOV, MUL) \
	TESTQ DX, DX            \
	JLE   done              \
row:                        \
	MOV.Z (SI), K2, Z0      \
	MUL Z31, Z0, Z0         \
	MOV Z0, K3, (DI)        \
	ADDQ R8, DI             \
	ADDQ R9, SI             \
	DECQ DX                 \
	JNZ  row                \
done:                       \
	VZEROUPPER              \
	RET

// func copyF32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)
TEXT ·copyF32(SB), NOSPLIT, $0-60
	PROLOGUE(2, VBROADCASTSS)
	COPY(VMOVUPS, VMULPS)

// func copyF64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)
TEXT ·copyF64(SB), NOSPLIT, $0-64
	PROLOGUE(3, VBROADCASTSD)
	COPY(VMOVUPD, VMULPD)
