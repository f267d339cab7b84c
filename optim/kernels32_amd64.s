//go:build !purego

#include "textflag.h"

// The float32 loops of kernels32.go over n elements, n a positive multiple
// of the vector width (16 for AVX-512, 8 for AVX2). AX counts elements;
// loads and stores are unaligned. Each macro below is one vector of an
// update, written once for the Z and the Y registers; Go's assembler puts
// AVX operands source first: VSUBPS X, Y, Z is Z = Y − X, and
// VFMADD231PS X, Y, Z is Z = Y·X + Z, rounded once.

// SGD: w ← w − η·g, with DI = w, SI = g, LR = η.
#define SGD(W, G, LR) \
	VMOVUPS      (SI)(AX*4), G \
	VMOVUPS      (DI)(AX*4), W \
	VFNMADD231PS G, LR, W      \
	VMOVUPS      W, (DI)(AX*4)

// MOMENTUM: v ← μ·v + a·g, w ← w − b·v, with DI = w, SI = g, DX = v.
#define MOMENTUM(W, G, MU, A, B) \
	VMOVUPS      (SI)(AX*4), G     \
	VMULPS       G, A, G           \
	VFMADD231PS  (DX)(AX*4), MU, G \
	VMOVUPS      G, (DX)(AX*4)     \
	VMOVUPS      (DI)(AX*4), W     \
	VFNMADD231PS G, B, W           \
	VMOVUPS      W, (DI)(AX*4)

// RMS: S ← a·S + c·g², w ← w − η·g/(√(S + ε_in) + ε_out), with DI = w,
// SI = g, DX = S.
#define RMS(G, S, W, A, C, LR, EIN, EOUT) \
	VMOVUPS     (SI)(AX*4), G    \
	VMULPS      G, C, S          \
	VMULPS      G, S, S          \
	VFMADD231PS (DX)(AX*4), A, S \
	VMOVUPS     S, (DX)(AX*4)    \
	VADDPS      EIN, S, S        \
	VSQRTPS     S, S             \
	VADDPS      EOUT, S, S       \
	VMULPS      G, LR, G         \
	VDIVPS      S, G, G          \
	VMOVUPS     (DI)(AX*4), W    \
	VSUBPS      G, W, W          \
	VMOVUPS     W, (DI)(AX*4)

// ADAM: M ← β₁·M + (1−β₁)·g, R ← β₂·R + (1−β₂)·g²,
// w ← w − (k_M·M + k_g·g)/(√(R/(1−β₂ᵗ) + ε_in) + ε_out), with DI = w,
// SI = g, DX = M, BX = R.
#define ADAM(G, M, R, D, W, B1, C1, B2, C2, KM, KG, INV2, EIN, EOUT) \
	VMOVUPS     (SI)(AX*4), G     \
	VMULPS      G, C1, M          \
	VFMADD231PS (DX)(AX*4), B1, M \
	VMOVUPS     M, (DX)(AX*4)     \
	VMULPS      G, C2, R          \
	VMULPS      G, R, R           \
	VFMADD231PS (BX)(AX*4), B2, R \
	VMOVUPS     R, (BX)(AX*4)     \
	VMOVAPS     EIN, D            \
	VFMADD231PS R, INV2, D        \
	VSQRTPS     D, D              \
	VADDPS      EOUT, D, D        \
	VMULPS      G, KG, G          \
	VFMADD231PS M, KM, G          \
	VDIVPS      D, G, G           \
	VMOVUPS     (DI)(AX*4), W     \
	VSUBPS      G, W, W           \
	VMOVUPS     W, (DI)(AX*4)

// NEXT steps AX by LANES elements and loops back to label while AX < CX.
#define NEXT(LANES, label) \
	ADDQ $LANES, AX \
	CMPQ AX, CX     \
	JLT  label      \
	VZEROUPPER      \
	RET

// ARGS3 loads p, grad and a state vector into DI, SI, DX, n into CX and the
// scalars' address into R8, for functions (p, grad, state *float32, n int, s *scalars).
#define ARGS3(state) \
	MOVQ p+0(FP), DI     \
	MOVQ grad+8(FP), SI  \
	MOVQ state+16(FP), DX \
	MOVQ n+24(FP), CX    \
	MOVQ s+32(FP), R8

// MOMENTUMSCALARS broadcasts momentumScalars from R8.
#define MOMENTUMSCALARS(MU, A, B) \
	VBROADCASTSS 0(R8), MU \
	VBROADCASTSS 4(R8), A  \
	VBROADCASTSS 8(R8), B

// RMSSCALARS broadcasts rmsScalars from R8.
#define RMSSCALARS(A, C, LR, EIN, EOUT) \
	VBROADCASTSS 0(R8), A   \
	VBROADCASTSS 4(R8), C   \
	VBROADCASTSS 8(R8), LR  \
	VBROADCASTSS 12(R8), EIN \
	VBROADCASTSS 16(R8), EOUT

// ADAMARGS loads p, grad, m, r, n and broadcasts adamScalars.
#define ADAMARGS(B1, C1, B2, C2, KM, KG, INV2, EIN, EOUT) \
	MOVQ         p+0(FP), DI    \
	MOVQ         grad+8(FP), SI \
	MOVQ         m+16(FP), DX   \
	MOVQ         r+24(FP), BX   \
	MOVQ         n+32(FP), CX   \
	MOVQ         s+40(FP), R8   \
	VBROADCASTSS 0(R8), B1      \
	VBROADCASTSS 4(R8), C1      \
	VBROADCASTSS 8(R8), B2      \
	VBROADCASTSS 12(R8), C2     \
	VBROADCASTSS 16(R8), KM     \
	VBROADCASTSS 20(R8), KG     \
	VBROADCASTSS 24(R8), INV2   \
	VBROADCASTSS 28(R8), EIN    \
	VBROADCASTSS 32(R8), EOUT

// func sgdAVX512(p, grad *float32, n int, lr float32)
TEXT ·sgdAVX512(SB), NOSPLIT, $0-28
	MOVQ         p+0(FP), DI
	MOVQ         grad+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSS lr+24(FP), Z2
	XORQ         AX, AX

sgd512:
	SGD(Z0, Z1, Z2)
	NEXT(16, sgd512)

// func sgdAVX2(p, grad *float32, n int, lr float32)
TEXT ·sgdAVX2(SB), NOSPLIT, $0-28
	MOVQ         p+0(FP), DI
	MOVQ         grad+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSS lr+24(FP), Y2
	XORQ         AX, AX

sgd2:
	SGD(Y0, Y1, Y2)
	NEXT(8, sgd2)

// func momentumAVX512(p, grad, v *float32, n int, s *momentumScalars)
TEXT ·momentumAVX512(SB), NOSPLIT, $0-40
	ARGS3(v)
	MOMENTUMSCALARS(Z8, Z9, Z10)
	XORQ AX, AX

momentum512:
	MOMENTUM(Z0, Z1, Z8, Z9, Z10)
	NEXT(16, momentum512)

// func momentumAVX2(p, grad, v *float32, n int, s *momentumScalars)
TEXT ·momentumAVX2(SB), NOSPLIT, $0-40
	ARGS3(v)
	MOMENTUMSCALARS(Y8, Y9, Y10)
	XORQ AX, AX

momentum2:
	MOMENTUM(Y0, Y1, Y8, Y9, Y10)
	NEXT(8, momentum2)

// func rmsAVX512(p, grad, sq *float32, n int, s *rmsScalars)
TEXT ·rmsAVX512(SB), NOSPLIT, $0-40
	ARGS3(sq)
	RMSSCALARS(Z8, Z9, Z10, Z11, Z12)
	XORQ AX, AX

rms512:
	RMS(Z0, Z1, Z2, Z8, Z9, Z10, Z11, Z12)
	NEXT(16, rms512)

// func rmsAVX2(p, grad, sq *float32, n int, s *rmsScalars)
TEXT ·rmsAVX2(SB), NOSPLIT, $0-40
	ARGS3(sq)
	RMSSCALARS(Y8, Y9, Y10, Y11, Y12)
	XORQ AX, AX

rms2:
	RMS(Y0, Y1, Y2, Y8, Y9, Y10, Y11, Y12)
	NEXT(8, rms2)

// func adamAVX512(p, grad, m, r *float32, n int, s *adamScalars)
TEXT ·adamAVX512(SB), NOSPLIT, $0-48
	ADAMARGS(Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15)
	XORQ AX, AX

adam512:
	ADAM(Z0, Z1, Z2, Z3, Z4, Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15)
	NEXT(16, adam512)

// func adamAVX2(p, grad, m, r *float32, n int, s *adamScalars)
TEXT ·adamAVX2(SB), NOSPLIT, $0-48
	ADAMARGS(Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15)
	XORQ AX, AX

adam2:
	ADAM(Y0, Y1, Y2, Y3, Y4, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15)
	NEXT(8, adam2)
