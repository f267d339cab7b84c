//go:build !purego

#include "textflag.h"

// The float32 loops of kernels32_amd64.go over n elements, n a positive
// multiple of 8; AX counts elements, loads and stores are unaligned. Go's
// assembler puts AVX operands source first: VMAXPS X, Y, Z is
// Z = (Y > X) ? Y : X, which returns X when either is NaN or both are
// zeros; VCMPPS $p, X, Y, Z compares Y with X.

// func reluAVX2(v *float32, n int)
// max(z, 0) as Go defines it: (0 > z) ? 0 : z keeps a NaN z, and the
// added +0 turns −0 into +0 and changes nothing else.
TEXT ·reluAVX2(SB), NOSPLIT, $0-16
	MOVQ   v+0(FP), DI
	MOVQ   n+8(FP), CX
	VXORPS Y0, Y0, Y0
	XORQ   AX, AX

reluloop:
	VMOVUPS (DI)(AX*4), Y1
	VMAXPS  Y1, Y0, Y1
	VADDPS  Y0, Y1, Y1
	VMOVUPS Y1, (DI)(AX*4)
	ADDQ    $8, AX
	CMPQ    AX, CX
	JLT     reluloop

	VZEROUPPER
	RET

// func backReLUAVX2(y, dy, db *float32, n int)
// z = dy·f′ with f′ = 1 where y > 0 (ordered: 0 for a NaN y), else +0,
// as the Go loop's table gives it; y ← z; db ← db + z.
TEXT ·backReLUAVX2(SB), NOSPLIT, $0-32
	MOVQ         y+0(FP), DI
	MOVQ         dy+8(FP), SI
	MOVQ         db+16(FP), DX
	MOVQ         n+24(FP), CX
	VXORPS       Y0, Y0, Y0
	MOVL         $0x3f800000, BX // 1.0
	VMOVD        BX, X5
	VBROADCASTSS X5, Y5
	XORQ         AX, AX

backloop:
	VMOVUPS (DI)(AX*4), Y1
	VCMPPS  $0x1e, Y0, Y1, Y2 // y > 0, ordered and quiet
	VANDPS  Y5, Y2, Y2
	VMULPS  (SI)(AX*4), Y2, Y2
	VMOVUPS Y2, (DI)(AX*4)
	VADDPS  (DX)(AX*4), Y2, Y3
	VMOVUPS Y3, (DX)(AX*4)
	ADDQ    $8, AX
	CMPQ    AX, CX
	JLT     backloop

	VZEROUPPER
	RET
