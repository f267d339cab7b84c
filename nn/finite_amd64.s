//go:build !purego

#include "textflag.h"

// orExponents's loops (finite_amd64.go) over n words, n a positive
// multiple of 16: four YMM registers of four words each per iteration,
// four accumulators. Go's assembler puts AVX operands source first:
// VPAND X, Y, Z is Z = Y & X.

// CLEAR clears the accumulators Y0…Y3 and the counter AX.
#define CLEAR \
	VPXOR        Y0, Y0, Y0 \
	VPXOR        Y1, Y1, Y1 \
	VPXOR        Y2, Y2, Y2 \
	VPXOR        Y3, Y3, Y3 \
	XORQ         AX, AX

// LOAD reads the iteration's 16 words of SI into Y4…Y7.
#define LOAD \
	VMOVDQU (SI)(AX*8), Y4 \
	VMOVDQU 32(SI)(AX*8), Y5 \
	VMOVDQU 64(SI)(AX*8), Y6 \
	VMOVDQU 96(SI)(AX*8), Y7

// TERMS: S |= (V & E) + L for each vector V of Y4…Y7 and its accumulator
// S; then AX moves on to the next iteration.
#define TERM(V, S) \
	VPAND  Y8, V, V \
	VPADDQ Y9, V, V \
	VPOR   V, S, S

#define TERMS \
	TERM(Y4, Y0) \
	TERM(Y5, Y1) \
	TERM(Y6, Y2) \
	TERM(Y7, Y3) \
	ADDQ $16, AX

// REDUCE ORs the accumulators Y0…Y3 into one word in AX.
#define REDUCE \
	VPOR         Y1, Y0, Y0 \
	VPOR         Y3, Y2, Y2 \
	VPOR         Y2, Y0, Y0 \
	VEXTRACTI128 $1, Y0, X1 \
	VPOR         X1, X0, X0 \
	VPSHUFD      $0x4e, X0, X1 \
	VPOR         X1, X0, X0 \
	VMOVQ        X0, AX \
	VZEROUPPER

// func orExponentsAVX2(src *uint64, n int, exponents, lowest uint64) uint64
TEXT ·orExponentsAVX2(SB), NOSPLIT, $0-40
	MOVQ         src+0(FP), SI
	MOVQ         n+8(FP), CX
	VPBROADCASTQ exponents+16(FP), Y8
	VPBROADCASTQ lowest+24(FP), Y9
	CLEAR

loop:
	LOAD
	TERMS
	CMPQ AX, CX
	JLT  loop

	REDUCE
	MOVQ AX, ret+32(FP)
	RET

// func orExponentsCopyAVX2(dst, src *uint64, n int, exponents, lowest uint64) uint64
// dst on a 32-byte boundary: streaming stores, which go to memory without
// first reading dst's lines into the caches.
TEXT ·orExponentsCopyAVX2(SB), NOSPLIT, $0-48
	MOVQ         dst+0(FP), DI
	MOVQ         src+8(FP), SI
	MOVQ         n+16(FP), CX
	VPBROADCASTQ exponents+24(FP), Y8
	VPBROADCASTQ lowest+32(FP), Y9
	CLEAR

copyloop:
	LOAD
	VMOVNTDQ Y4, (DI)(AX*8)
	VMOVNTDQ Y5, 32(DI)(AX*8)
	VMOVNTDQ Y6, 64(DI)(AX*8)
	VMOVNTDQ Y7, 96(DI)(AX*8)
	TERMS
	CMPQ     AX, CX
	JLT      copyloop

	SFENCE
	REDUCE
	MOVQ AX, ret+40(FP)
	RET
