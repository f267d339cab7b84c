//go:build !purego

#include "textflag.h"

// Packing copies with AVX2, for the AVX2 kernels (6×16 float32, 6×8
// float64). Each moves one strip of a panel, width lanes wide, where width
// is a whole vector (LANES: 8 float32 or 4 float64) or two lanes less (6 or
// 2: the last strip of a 6-row A panel); asmPack hands them nothing else.
//
// The transposing copies read a strip of rows down their columns,
//
//	dst[p·stride + i] = α·src[i·ld + p],  i < rows, p < kb,
//
// zeros for rows ≤ i < width, LANES columns at a time (kb a multiple of
// LANES, at least LANES): the rows are loaded whole, transposed in registers
// by unpacks, shuffles and 128-bit lane permutes, scaled by α and stored
// column by column. Rows past `rows` stay zero registers, so padding costs
// no extra pass.
//
// The straight copies move rows (= width) contiguous elements of each of kb
// rows (kb ≥ 1):
//
//	dst[p·stride + i] = α·src[p·ld + i],  i < width, p < kb.

// ARGS loads the arguments every copy shares: DI = dst, R8 = stride in
// bytes, SI = src, R9 = ld in bytes, R10 = 3·ld, R13 = 3·stride, BX = rows,
// CX = width, DX = kb, and α broadcast into Y15.
#define ARGS(ESIZE, BCAST) \
	MOVQ dst+0(FP), DI    \
	MOVQ stride+8(FP), R8 \
	SHLQ $ESIZE, R8       \
	MOVQ src+16(FP), SI   \
	MOVQ ld+24(FP), R9    \
	SHLQ $ESIZE, R9       \
	LEAQ (R9)(R9*2), R10  \
	LEAQ (R8)(R8*2), R13  \
	MOVQ rows+32(FP), BX  \
	MOVQ width+40(FP), CX \
	MOVQ kb+48(FP), DX    \
	BCAST alpha+56(FP), Y15

// LOADROW loads row n of the strip from addr into reg if rows > n, and
// otherwise jumps to done: the rows left are zero.
#define LOADROW(MOV, n, addr, reg, done) \
	CMPQ BX, $n \
	JLE  done   \
	MOV  addr, reg

// Column stores: a whole vector (FULL), or its first 6 of 8 float32 lanes
// (SIX32, through the temporary tmp) or first 2 of 4 float64 lanes (TWO64).
// addr16 is addr + 16 bytes.
#define FULL(MOV, y, x, addr, addr16, tmp) \
	MOV y, addr

#define SIX32(MOV, y, x, addr, addr16, tmp) \
	VMOVUPS x, addr            \
	VEXTRACTF128 $1, y, tmp    \
	VMOVSD tmp, addr16

#define TWO64(MOV, y, x, addr, addr16, tmp) \
	VMOVUPD x, addr

// TRANSPOSE32 is the float32 transposing loop storing columns with STORE:
// the 8 rows in Y0–Y7, their pairs interleaved into Y8–Y15, quadruples
// shuffled into Y0–Y7, and column j is the low (0x20) or high (0x31)
// 128-bit lanes of quadruples j mod 4 of rows 0–3 and 4–7. R12 = src+4·ld,
// R14 = dst+4·stride.
#define TRANSPOSE32(STORE, block, loaded) \
block:                                  \
	VXORPS Y0, Y0, Y0                   \
	VXORPS Y1, Y1, Y1                   \
	VXORPS Y2, Y2, Y2                   \
	VXORPS Y3, Y3, Y3                   \
	VXORPS Y4, Y4, Y4                   \
	VXORPS Y5, Y5, Y5                   \
	VXORPS Y6, Y6, Y6                   \
	VXORPS Y7, Y7, Y7                   \
	LEAQ (SI)(R9*4), R12                \
	LOADROW(VMOVUPS, 0, (SI), Y0, loaded)          \
	LOADROW(VMOVUPS, 1, (SI)(R9*1), Y1, loaded)    \
	LOADROW(VMOVUPS, 2, (SI)(R9*2), Y2, loaded)    \
	LOADROW(VMOVUPS, 3, (SI)(R10*1), Y3, loaded)   \
	LOADROW(VMOVUPS, 4, (R12), Y4, loaded)         \
	LOADROW(VMOVUPS, 5, (R12)(R9*1), Y5, loaded)   \
	LOADROW(VMOVUPS, 6, (R12)(R9*2), Y6, loaded)   \
	LOADROW(VMOVUPS, 7, (R12)(R10*1), Y7, loaded)  \
loaded:                                 \
	VUNPCKLPS Y1, Y0, Y8                \
	VUNPCKHPS Y1, Y0, Y9                \
	VUNPCKLPS Y3, Y2, Y10               \
	VUNPCKHPS Y3, Y2, Y11               \
	VUNPCKLPS Y5, Y4, Y12               \
	VUNPCKHPS Y5, Y4, Y13               \
	VUNPCKLPS Y7, Y6, Y14               \
	VUNPCKHPS Y7, Y6, Y0                \
	VSHUFPS $0x44, Y10, Y8, Y1          \
	VSHUFPS $0xEE, Y10, Y8, Y2          \
	VSHUFPS $0x44, Y11, Y9, Y3          \
	VSHUFPS $0xEE, Y11, Y9, Y4          \
	VSHUFPS $0x44, Y14, Y12, Y5         \
	VSHUFPS $0xEE, Y14, Y12, Y6         \
	VSHUFPS $0x44, Y0, Y13, Y7          \
	VSHUFPS $0xEE, Y0, Y13, Y8          \
	LEAQ (DI)(R8*4), R14                \
	VPERM2F128 $0x20, Y5, Y1, Y9        \
	VPERM2F128 $0x31, Y5, Y1, Y10       \
	VPERM2F128 $0x20, Y6, Y2, Y11       \
	VPERM2F128 $0x31, Y6, Y2, Y12       \
	VPERM2F128 $0x20, Y7, Y3, Y13       \
	VPERM2F128 $0x31, Y7, Y3, Y14       \
	VPERM2F128 $0x20, Y8, Y4, Y0        \
	VPERM2F128 $0x31, Y8, Y4, Y1        \
	VMULPS Y15, Y9, Y9                  \
	VMULPS Y15, Y10, Y10                \
	VMULPS Y15, Y11, Y11                \
	VMULPS Y15, Y12, Y12                \
	VMULPS Y15, Y13, Y13                \
	VMULPS Y15, Y14, Y14                \
	VMULPS Y15, Y0, Y0                  \
	VMULPS Y15, Y1, Y1                  \
	STORE(VMOVUPS, Y9, X9, (DI), 16(DI), X2)                      \
	STORE(VMOVUPS, Y11, X11, (DI)(R8*1), 16(DI)(R8*1), X3)        \
	STORE(VMOVUPS, Y13, X13, (DI)(R8*2), 16(DI)(R8*2), X4)        \
	STORE(VMOVUPS, Y0, X0, (DI)(R13*1), 16(DI)(R13*1), X5)        \
	STORE(VMOVUPS, Y10, X10, (R14), 16(R14), X6)                  \
	STORE(VMOVUPS, Y12, X12, (R14)(R8*1), 16(R14)(R8*1), X7)      \
	STORE(VMOVUPS, Y14, X14, (R14)(R8*2), 16(R14)(R8*2), X8)      \
	STORE(VMOVUPS, Y1, X1, (R14)(R13*1), 16(R14)(R13*1), X2)      \
	LEAQ (R14)(R8*4), DI                \
	ADDQ $32, SI                        \
	SUBQ $8, DX                         \
	JG   block                          \
	VZEROUPPER                          \
	RET

// func transposeAVX2F32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)
TEXT ·transposeAVX2F32(SB), NOSPLIT, $0-60
	ARGS(2, VBROADCASTSS)
	CMPQ CX, $8
	JNE  six
	TRANSPOSE32(FULL, full, fullLoaded)
six:
	TRANSPOSE32(SIX32, sixBlock, sixLoaded)

// TRANSPOSE64 is the float64 transposing loop: 4 rows in Y0–Y3, pairs
// interleaved into Y4–Y7, column j the low or high lanes of pairs j mod 2.
#define TRANSPOSE64(STORE, block, loaded) \
block:                                  \
	VXORPD Y0, Y0, Y0                   \
	VXORPD Y1, Y1, Y1                   \
	VXORPD Y2, Y2, Y2                   \
	VXORPD Y3, Y3, Y3                   \
	LOADROW(VMOVUPD, 0, (SI), Y0, loaded)         \
	LOADROW(VMOVUPD, 1, (SI)(R9*1), Y1, loaded)   \
	LOADROW(VMOVUPD, 2, (SI)(R9*2), Y2, loaded)   \
	LOADROW(VMOVUPD, 3, (SI)(R10*1), Y3, loaded)  \
loaded:                                 \
	VUNPCKLPD Y1, Y0, Y4                \
	VUNPCKHPD Y1, Y0, Y5                \
	VUNPCKLPD Y3, Y2, Y6                \
	VUNPCKHPD Y3, Y2, Y7                \
	VPERM2F128 $0x20, Y6, Y4, Y8        \
	VPERM2F128 $0x20, Y7, Y5, Y9        \
	VPERM2F128 $0x31, Y6, Y4, Y10       \
	VPERM2F128 $0x31, Y7, Y5, Y11       \
	VMULPD Y15, Y8, Y8                  \
	VMULPD Y15, Y9, Y9                  \
	VMULPD Y15, Y10, Y10                \
	VMULPD Y15, Y11, Y11                \
	STORE(VMOVUPD, Y8, X8, (DI), 16(DI), X0)               \
	STORE(VMOVUPD, Y9, X9, (DI)(R8*1), 16(DI)(R8*1), X0)   \
	STORE(VMOVUPD, Y10, X10, (DI)(R8*2), 16(DI)(R8*2), X0) \
	STORE(VMOVUPD, Y11, X11, (DI)(R13*1), 16(DI)(R13*1), X0) \
	LEAQ (DI)(R8*4), DI                 \
	ADDQ $32, SI                        \
	SUBQ $4, DX                         \
	JG   block                          \
	VZEROUPPER                          \
	RET

// func transposeAVX2F64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)
TEXT ·transposeAVX2F64(SB), NOSPLIT, $0-64
	ARGS(3, VBROADCASTSD)
	CMPQ CX, $4
	JNE  two
	TRANSPOSE64(FULL, full, fullLoaded)
two:
	TRANSPOSE64(TWO64, twoBlock, twoLoaded)

// func copyAVX2F32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)
TEXT ·copyAVX2F32(SB), NOSPLIT, $0-60
	ARGS(2, VBROADCASTSS)
	CMPQ CX, $8
	JNE  six
full:
	VMOVUPS (SI), Y0
	VMULPS  Y15, Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ R8, DI
	ADDQ R9, SI
	DECQ DX
	JNZ  full
	VZEROUPPER
	RET
six:
	VMOVUPS (SI), X0
	VMOVSD  16(SI), X1
	VMULPS  X15, X0, X0
	VMULPS  X15, X1, X1
	VMOVUPS X0, (DI)
	VMOVSD  X1, 16(DI)
	ADDQ R8, DI
	ADDQ R9, SI
	DECQ DX
	JNZ  six
	VZEROUPPER
	RET

// func copyAVX2F64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)
TEXT ·copyAVX2F64(SB), NOSPLIT, $0-64
	ARGS(3, VBROADCASTSD)
	CMPQ CX, $4
	JNE  two
full:
	VMOVUPD (SI), Y0
	VMULPD  Y15, Y0, Y0
	VMOVUPD Y0, (DI)
	ADDQ R8, DI
	ADDQ R9, SI
	DECQ DX
	JNZ  full
	VZEROUPPER
	RET
two:
	VMOVUPD (SI), X0
	VMULPD  X15, X0, X0
	VMOVUPD X0, (DI)
	ADDQ R8, DI
	ADDQ R9, SI
	DECQ DX
	JNZ  two
	VZEROUPPER
	RET
