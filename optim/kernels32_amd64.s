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
// SI = g, DX = M, BX = R: ADAMMOMENTS, then ADAMSTEP.
#define ADAM(G, M, R, D, W, B1, C1, B2, C2, KM, KG, INV2, EIN, EOUT, WD) \
	ADAMMOMENTS(G, M, R, B1, C1, B2, C2, WD) \
	ADAMSTEP(G, M, R, D, W, KM, KG, INV2, EIN, EOUT)

// ADAMMOMENTS: g ← g + λ·w (L2, in the register: the caller's gradient is
// not written), M ← β₁·M + (1−β₁)·g, R ← β₂·R + (1−β₂)·g², stored, with
// G = g, M and R left in registers.
#define ADAMMOMENTS(G, M, R, B1, C1, B2, C2, WD) \
	VMOVUPS     (SI)(AX*4), G     \
	VFMADD231PS (DI)(AX*4), WD, G \
	VMULPS      G, C1, M          \
	VFMADD231PS (DX)(AX*4), B1, M \
	VMOVUPS     M, (DX)(AX*4)     \
	VMULPS      G, C2, R          \
	VMULPS      G, R, R           \
	VFMADD231PS (BX)(AX*4), B2, R \
	VMOVUPS     R, (BX)(AX*4)

// ADAMSTEP: w ← w − (k_M·M + k_g·g)/(√(R/(1−β₂ᵗ) + ε_in) + ε_out) from
// G = g, M and R in registers.
#define ADAMSTEP(G, M, R, D, W, KM, KG, INV2, EIN, EOUT) \
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

// SCALARS5 broadcasts the five float32 fields of the scalars at R8
// (rmsScalars, nesterovScalars).
#define SCALARS5(A, B, C, D, E) \
	VBROADCASTSS 0(R8), A  \
	VBROADCASTSS 4(R8), B  \
	VBROADCASTSS 8(R8), C  \
	VBROADCASTSS 12(R8), D \
	VBROADCASTSS 16(R8), E

// ARGS4 loads p, grad and two state vectors into DI, SI, DX, BX, n into
// CX and the scalars' address into R8, for functions
// (p, grad, a, b *float32, n int, s *scalars).
#define ARGS4(a, b) \
	MOVQ p+0(FP), DI     \
	MOVQ grad+8(FP), SI  \
	MOVQ a+16(FP), DX    \
	MOVQ b+24(FP), BX    \
	MOVQ n+32(FP), CX    \
	MOVQ s+40(FP), R8

// ADAMARGS loads p, grad, m, r, n and broadcasts adamScalars.
#define ADAMARGS(B1, C1, B2, C2, KM, KG, INV2, EIN, EOUT, WD) \
	ARGS4(m, r)                 \
	VBROADCASTSS 0(R8), B1      \
	VBROADCASTSS 4(R8), C1      \
	VBROADCASTSS 8(R8), B2      \
	VBROADCASTSS 12(R8), C2     \
	VBROADCASTSS 16(R8), KM     \
	VBROADCASTSS 20(R8), KG     \
	VBROADCASTSS 24(R8), INV2   \
	VBROADCASTSS 28(R8), EIN    \
	VBROADCASTSS 32(R8), EOUT   \
	VBROADCASTSS 36(R8), WD

// The macros and constants below serve the loops that exist for AVX2 only
// (see kernels32.go): Nesterov, Adadelta and Rprop, 8 lanes.

// NESTEROV: v′ ← μ·v + a·g, p ← (p + c·v) − (d·v′ + e·g), with DI = p,
// SI = g, DX = v.
#define NESTEROV(G, V, VN, P, MU, A, C, D, E) \
	VMOVUPS     (SI)(AX*4), G \
	VMOVUPS     (DX)(AX*4), V \
	VMULPS      G, A, VN      \
	VFMADD231PS V, MU, VN     \
	VMOVUPS     VN, (DX)(AX*4) \
	VMOVUPS     (DI)(AX*4), P \
	VFMADD231PS V, C, P       \
	VMULPS      G, E, G       \
	VFMADD231PS VN, D, G      \
	VSUBPS      G, P, P       \
	VMOVUPS     P, (DI)(AX*4)

// NAGEXACT: v ← μ·v + a·g, w ← w − v, θ ← w − μ·v, with DI = θ, SI = g,
// DX = v, BX = w.
#define NAGEXACT(G, W, MU, A) \
	VMOVUPS      (SI)(AX*4), G     \
	VMULPS       G, A, G           \
	VFMADD231PS  (DX)(AX*4), MU, G \
	VMOVUPS      G, (DX)(AX*4)     \
	VMOVUPS      (BX)(AX*4), W     \
	VSUBPS       G, W, W           \
	VMOVUPS      W, (BX)(AX*4)     \
	VFNMADD231PS G, MU, W          \
	VMOVUPS      W, (DI)(AX*4)

// ADADELTA: S ← ρ·S + (1−ρ)·g², Δ = √((D + ε)/(S + ε))·g,
// D ← ρ·D + (1−ρ)·Δ², w ← w − η·Δ, with DI = w, SI = g, DX = S, BX = D.
#define ADADELTA(G, S, D, T, W, RHO, C, EPS, LR) \
	VMOVUPS      (SI)(AX*4), G     \
	VMULPS       G, C, S           \
	VMULPS       G, S, S           \
	VFMADD231PS  (DX)(AX*4), RHO, S \
	VMOVUPS      S, (DX)(AX*4)     \
	VADDPS       EPS, S, S         \
	VMOVUPS      (BX)(AX*4), D     \
	VADDPS       EPS, D, T         \
	VDIVPS       S, T, T           \
	VSQRTPS      T, T              \
	VMULPS       G, T, T           \
	VMULPS       T, C, G           \
	VMULPS       T, G, G           \
	VFMADD231PS  D, RHO, G         \
	VMOVUPS      G, (BX)(AX*4)     \
	VMOVUPS      (DI)(AX*4), W     \
	VFNMADD231PS T, LR, W          \
	VMOVUPS      W, (DI)(AX*4)

// Rprop, 8 parameters per iteration: their previous signs are one byte of
// each bit-set, byte R9 = AX/8 (bit i%64 of word i/64 is bit i%8 of byte
// i/8 in little-endian memory), with R10 = pos and R12 = neg. Registers:
// Y0 g, Y1 g ≠ 0, Y6 sign change, Y8 U, Y9 U′; constants Y10 lanebits,
// Y11 1, Y12 η⁺, Y13 η⁻, Y14 U_min, Y15 U_max. VBLENDVPS picks by the sign
// bit of g, so the previous sign that agrees with g's is one blend away.

// lanebits<> holds bit k in lane k; signbit<> is the float32 sign bit.
DATA lanebits<>+0(SB)/4, $1
DATA lanebits<>+4(SB)/4, $2
DATA lanebits<>+8(SB)/4, $4
DATA lanebits<>+12(SB)/4, $8
DATA lanebits<>+16(SB)/4, $16
DATA lanebits<>+20(SB)/4, $32
DATA lanebits<>+24(SB)/4, $64
DATA lanebits<>+28(SB)/4, $128
GLOBL lanebits<>(SB), RODATA|NOPTR, $32

DATA signbit<>+0(SB)/4, $0x80000000
GLOBL signbit<>(SB), RODATA|NOPTR, $4

DATA one<>+0(SB)/4, $0x3f800000
GLOBL one<>(SB), RODATA|NOPTR, $4

// RPROPARGS loads p, grad, U, Δw, pos, neg and n into DI, SI, DX, BX, R10,
// R12, CX and broadcasts the constants, for functions
// (p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars).
#define RPROPARGS \
	MOVQ         p+0(FP), DI     \
	MOVQ         grad+8(FP), SI  \
	MOVQ         u+16(FP), DX    \
	MOVQ         dw+24(FP), BX   \
	MOVQ         pos+32(FP), R10 \
	MOVQ         neg+40(FP), R12 \
	MOVQ         n+48(FP), CX    \
	MOVQ         s+56(FP), R8    \
	VMOVDQU      lanebits<>(SB), Y10 \
	VBROADCASTSS one<>(SB), Y11  \
	VBROADCASTSS 0(R8), Y12      \
	VBROADCASTSS 4(R8), Y13      \
	VBROADCASTSS 8(R8), Y14      \
	VBROADCASTSS 12(R8), Y15     \
	XORQ         AX, AX

// PREVSIGN expands byte R9 of the bit-set at BASE into lane masks in Y.
#define PREVSIGN(BASE, Y) \
	VPBROADCASTB (BASE)(R9*1), Y \
	VPAND        Y10, Y, Y       \
	VPCMPEQD     Y10, Y, Y

// RPROPADAPT loads g and U, finds the sign changes, and stores
// U′ = clamp(U·η^±): Y0 g, Y1 g ≠ 0, Y6 change, Y8 U, Y9 U′.
#define RPROPADAPT \
	MOVQ         AX, R9               \
	SHRQ         $3, R9               \
	VMOVUPS      (SI)(AX*4), Y0       \
	VXORPS       Y3, Y3, Y3           \
	VCMPPS       $0x0c, Y3, Y0, Y1    \
	PREVSIGN(R10, Y3)                 \
	PREVSIGN(R12, Y4)                 \
	VBLENDVPS    Y0, Y4, Y3, Y5       \
	VANDPS       Y1, Y5, Y5           \
	VBLENDVPS    Y0, Y3, Y4, Y6       \
	VANDPS       Y1, Y6, Y6           \
	VBLENDVPS    Y5, Y12, Y11, Y7     \
	VBLENDVPS    Y6, Y13, Y7, Y7      \
	VMOVUPS      (DX)(AX*4), Y8       \
	VMULPS       Y7, Y8, Y9           \
	VMAXPS       Y14, Y9, Y9          \
	VMINPS       Y15, Y9, Y9          \
	VMOVUPS      Y9, (DX)(AX*4)

// SIGNEDSTEP sets Y3 = U·sign(g) for the lanes of mask Y1 and ±0
// elsewhere, with U in the register given, and leaves the sign bit in Y4.
#define SIGNEDSTEP(U) \
	VBROADCASTSS signbit<>(SB), Y4 \
	VANDPS       Y4, Y0, Y7        \
	VANDPS       U, Y1, Y3         \
	VORPS        Y7, Y3, Y3

// FORGETCHANGED clears the mask Y1 in the lanes that changed sign: they
// neither move nor keep a sign.
#define FORGETCHANGED \
	VANDNPS      Y1, Y6, Y1

// STORESIGNS stores sign(g) in the lanes of mask Y1, 0 elsewhere, as byte
// R9 of the bit-sets: pos = mask &^ sign bits, neg = mask & sign bits
// (R8, the scalars' address, is free once they are broadcast).
#define STORESIGNS \
	VMOVMSKPS    Y0, R11          \
	VMOVMSKPS    Y1, R13          \
	MOVL         R11, R8          \
	NOTL         R8               \
	ANDL         R13, R8          \
	ANDL         R13, R11         \
	MOVB         R8, (R10)(R9*1)  \
	MOVB         R11, (R12)(R9*1)

// SUBSTEP stores w ← w − Y3.
#define SUBSTEP \
	VMOVUPS      (DI)(AX*4), Y5 \
	VSUBPS       Y3, Y5, Y5     \
	VMOVUPS      Y5, (DI)(AX*4)

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
	SCALARS5(Z8, Z9, Z10, Z11, Z12)
	XORQ AX, AX

rms512:
	RMS(Z0, Z1, Z2, Z8, Z9, Z10, Z11, Z12)
	NEXT(16, rms512)

// func rmsAVX2(p, grad, sq *float32, n int, s *rmsScalars)
TEXT ·rmsAVX2(SB), NOSPLIT, $0-40
	ARGS3(sq)
	SCALARS5(Y8, Y9, Y10, Y11, Y12)
	XORQ AX, AX

rms2:
	RMS(Y0, Y1, Y2, Y8, Y9, Y10, Y11, Y12)
	NEXT(8, rms2)

// func adamAVX512(p, grad, m, r *float32, n int, s *adamScalars)
TEXT ·adamAVX512(SB), NOSPLIT, $0-48
	ADAMARGS(Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15, Z16)
	XORQ AX, AX

adam512:
	ADAM(Z0, Z1, Z2, Z3, Z4, Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15, Z16)
	NEXT(16, adam512)

// func adamAVX2(p, grad, m, r *float32, n int, s *adamScalars)
TEXT ·adamAVX2(SB), NOSPLIT, $0-48
	ADAMARGS(Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15, Y6)
	XORQ AX, AX

adam2:
	ADAM(Y0, Y1, Y2, Y3, Y4, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15, Y6)
	NEXT(8, adam2)

// func nesterovAVX2(p, grad, v *float32, n int, s *nesterovScalars)
TEXT ·nesterovAVX2(SB), NOSPLIT, $0-40
	ARGS3(v)
	SCALARS5(Y8, Y9, Y10, Y11, Y12)
	XORQ AX, AX

nesterov2:
	NESTEROV(Y0, Y1, Y2, Y3, Y8, Y9, Y10, Y11, Y12)
	NEXT(8, nesterov2)

// func nagExactAVX2(p, grad, v, w *float32, n int, s *nesterovScalars)
TEXT ·nagExactAVX2(SB), NOSPLIT, $0-48
	ARGS4(v, w)
	VBROADCASTSS 0(R8), Y8
	VBROADCASTSS 4(R8), Y9
	XORQ         AX, AX

nagexact2:
	NAGEXACT(Y0, Y1, Y8, Y9)
	NEXT(8, nagexact2)

// func adadeltaAVX2(p, grad, sq, dx *float32, n int, s *adadeltaScalars)
TEXT ·adadeltaAVX2(SB), NOSPLIT, $0-48
	ARGS4(sq, dx)
	VBROADCASTSS 0(R8), Y8
	VBROADCASTSS 4(R8), Y9
	VBROADCASTSS 8(R8), Y10
	VBROADCASTSS 12(R8), Y11
	XORQ         AX, AX

adadelta2:
	ADADELTA(Y0, Y1, Y2, Y3, Y4, Y8, Y9, Y10, Y11)
	NEXT(8, adadelta2)

// func rpropLectureAVX2(p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars)
TEXT ·rpropLectureAVX2(SB), NOSPLIT, $0-64
	RPROPARGS

rproplecture2:
	RPROPADAPT
	SIGNEDSTEP(Y8)
	SUBSTEP
	STORESIGNS
	NEXT(8, rproplecture2)

// func rpropIMinusAVX2(p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars)
TEXT ·rpropIMinusAVX2(SB), NOSPLIT, $0-64
	RPROPARGS

rpropiminus2:
	RPROPADAPT
	FORGETCHANGED
	SIGNEDSTEP(Y9)
	SUBSTEP
	STORESIGNS
	NEXT(8, rpropiminus2)

// func rpropPlusAVX2(p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars)
// Where the sign changed, w ← w − Δw and Δw ← ±0; elsewhere Δw ← −U′·sign(g)
// and w ← w + Δw. Each lane adds a zero in one of the two, which is exact.
TEXT ·rpropPlusAVX2(SB), NOSPLIT, $0-64
	RPROPARGS

rpropplus2:
	RPROPADAPT
	FORGETCHANGED
	SIGNEDSTEP(Y9)
	VXORPS       Y4, Y3, Y3
	VMOVUPS      (BX)(AX*4), Y5
	VANDPS       Y6, Y5, Y5
	VMOVUPS      (DI)(AX*4), Y7
	VSUBPS       Y5, Y7, Y7
	VADDPS       Y3, Y7, Y7
	VMOVUPS      Y7, (DI)(AX*4)
	VMOVUPS      Y3, (BX)(AX*4)
	STORESIGNS
	NEXT(8, rpropplus2)

// AMSGRAD: Adam's moments (with L2), R_max ← max(R_max, R), and Adam's
// step with R_max in R's place (k_g = 0), with DI = w, SI = g, DX = M,
// BX = R, R9 = R_max.
#define AMSGRAD(G, M, R, D, W, B1, C1, B2, C2, KM, KG, INV2, EIN, EOUT, WD) \
	ADAMMOMENTS(G, M, R, B1, C1, B2, C2, WD) \
	VMAXPS  (R9)(AX*4), R, R            \
	VMOVUPS R, (R9)(AX*4)               \
	ADAMSTEP(G, M, R, D, W, KM, KG, INV2, EIN, EOUT)

// func amsgradAVX2(p, grad, m, r, rMax *float32, n int, s *adamScalars)
TEXT ·amsgradAVX2(SB), NOSPLIT, $0-56
	MOVQ         p+0(FP), DI
	MOVQ         grad+8(FP), SI
	MOVQ         m+16(FP), DX
	MOVQ         r+24(FP), BX
	MOVQ         rMax+32(FP), R9
	MOVQ         n+40(FP), CX
	MOVQ         s+48(FP), R8
	VBROADCASTSS 0(R8), Y7
	VBROADCASTSS 4(R8), Y8
	VBROADCASTSS 8(R8), Y9
	VBROADCASTSS 12(R8), Y10
	VBROADCASTSS 16(R8), Y11
	VBROADCASTSS 20(R8), Y12
	VBROADCASTSS 24(R8), Y13
	VBROADCASTSS 28(R8), Y14
	VBROADCASTSS 32(R8), Y15
	VBROADCASTSS 36(R8), Y6
	XORQ         AX, AX

amsgrad2:
	AMSGRAD(Y0, Y1, Y2, Y3, Y4, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15, Y6)
	NEXT(8, amsgrad2)

// LION: c = β₁·M + (1−β₁)·g, w ← w − η·(sign(c) + λ·w),
// M ← β₂·M + (1−β₂)·g, with DI = w, SI = g, DX = M. sign(c) is ±1 with
// c's sign bit, masked to 0 where c = 0.
#define LION(G, M, C, S, W, B1, C1, B2, C2, LR, WD, SIGN, ONE, ZERO) \
	VMOVUPS      (SI)(AX*4), G     \
	VMOVUPS      (DX)(AX*4), M     \
	VMULPS       G, C1, C          \
	VFMADD231PS  M, B1, C          \
	VANDPS       SIGN, C, S        \
	VORPS        ONE, S, S         \
	VCMPPS       $0x0c, ZERO, C, C \
	VANDPS       C, S, S           \
	VMOVUPS      (DI)(AX*4), W     \
	VFMADD231PS  W, WD, S          \
	VFNMADD231PS S, LR, W          \
	VMOVUPS      W, (DI)(AX*4)     \
	VMULPS       G, C2, G          \
	VFMADD231PS  M, B2, G          \
	VMOVUPS      G, (DX)(AX*4)

// func lionAVX2(p, grad, m *float32, n int, s *lionScalars)
TEXT ·lionAVX2(SB), NOSPLIT, $0-40
	ARGS3(m)
	VBROADCASTSS 0(R8), Y7
	VBROADCASTSS 4(R8), Y8
	VBROADCASTSS 8(R8), Y9
	VBROADCASTSS 12(R8), Y10
	VBROADCASTSS 16(R8), Y11
	VBROADCASTSS 20(R8), Y12
	VBROADCASTSS signbit<>(SB), Y13
	VBROADCASTSS one<>(SB), Y14
	VXORPS       Y15, Y15, Y15
	XORQ         AX, AX

lion2:
	LION(Y0, Y1, Y2, Y3, Y4, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15)
	NEXT(8, lion2)
