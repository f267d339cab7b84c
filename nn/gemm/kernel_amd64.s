//go:build !purego

#include "textflag.h"

// Register-blocked micro-kernels: C[MR×NR] (+)= Ã[MR×kc]·B̃[kc×NR], where Ã is
// a packed A micro-panel (MR values per k step, column by column) and B̃ a
// packed B micro-panel (NR values per k step, row by row). C is row-major
// with a leading dimension of ldc elements. With add false the kernel
// overwrites C instead of adding to it, which saves reading C when β = 0.
// The AVX-512 kernels store only the first rows rows and, in each, the
// columns set in masks (bits 0…LANES−1 for the first vector, the next LANES
// bits for the second), so tiles cut by the edge of C need no scratch; and
// they read B̃'s rows ldb elements apart, loading only the masked columns,
// so they can also read an unpacked row-major B in place. The AVX2 kernels
// compute whole tiles only, but a column of them per call (Ã's panels one
// after the other, C's tiles one under the other), which spares a call and
// its set-up per tile when kc is short; a tile cut by the edge goes to a
// scratch tile, through the half-width AVX2 kernel when it keeps at most
// half its columns.
//
// Each k step loads one row of B̃ into two vector registers, broadcasts the
// MR values of Ã's column one at a time and issues two FMAs per broadcast,
// so the MR×NR accumulators stay in registers for the whole k loop:
//
//	AVX-512: 12 rows × 2 zmm = 24 accumulators (Z0–Z23), B in Z24–Z25,
//	         broadcasts rotate through Z26–Z31.
//	AVX2:     6 rows × 2 ymm = 12 accumulators (Y0–Y11), B in Y12–Y13,
//	         broadcasts in Y14–Y15.
//
// Two FMA pipes with a 4-cycle latency need at least 8 independent
// accumulator chains to stay busy; 24 (or 12) leave room to hide the loads.

// ARGS loads the AVX-512 kernels' arguments: CX = kc, SI = Ã, DI = B̃, DX = C,
// R8 = ldc in bytes.
#define ARGS(ESIZE) \
	MOVQ kc+0(FP), CX   \
	MOVQ a+8(FP), SI    \
	MOVQ b+16(FP), DI   \
	MOVQ c+24(FP), DX   \
	MOVQ ldc+32(FP), R8 \
	SHLQ $ESIZE, R8

// ZERO4 clears four accumulators.
#define ZERO4(XOR, r0, r1, r2, r3) \
	XOR r0, r0, r0 \
	XOR r1, r1, r1 \
	XOR r2, r2, r2 \
	XOR r3, r3, r3

// ROW512 multiplies B's row (Z24, Z25) by A's value at byte offset off and
// adds it to one row of accumulators.
#define ROW512(BCAST, FMA, off, bc, acc0, acc1) \
	BCAST off(SI), bc     \
	FMA   Z24, bc, acc0   \
	FMA   Z25, bc, acc1

// PREFETCHC asks for the two cache lines of one row of the C tile (R9) and
// steps to the next row, so the misses overlap the k loop instead of
// stalling the stores at the end.
#define PREFETCHC \
	PREFETCHT0 (R9)       \
	PREFETCHT0 64(R9)     \
	ADDQ R8, R9

// ADDC512 adds one row of the C tile (R9) to a row of accumulators and
// steps to the next row, going on to the stores after R11 rows; SET512
// stores a row of accumulators into C (DX) and stops after R10 rows. Both
// touch only the columns in the masks K1, K2, so a tile cut by the edge of
// C is stored in place. The store path adds all the tile's rows before it
// stores any, for the reason ADDTILE256 gives (4K aliasing when ldc is a
// multiple of 4 KiB).
#define ADDC512(MOV, ADD, acc0, acc1) \
	ADD (R9), acc0, K1, acc0   \
	ADD 64(R9), acc1, K2, acc1 \
	ADDQ R8, R9                \
	DECQ R11                   \
	JZ   set

#define SET512(MOV, ADD, acc0, acc1) \
	MOV acc0, K1, (DX)         \
	MOV acc1, K2, 64(DX)       \
	ADDQ R8, DX                \
	DECQ R10                   \
	JZ   done

#define STORE512(ROW, MOV, ADD) \
	ROW(MOV, ADD, Z0, Z1)   \
	ROW(MOV, ADD, Z2, Z3)   \
	ROW(MOV, ADD, Z4, Z5)   \
	ROW(MOV, ADD, Z6, Z7)   \
	ROW(MOV, ADD, Z8, Z9)   \
	ROW(MOV, ADD, Z10, Z11) \
	ROW(MOV, ADD, Z12, Z13) \
	ROW(MOV, ADD, Z14, Z15) \
	ROW(MOV, ADD, Z16, Z17) \
	ROW(MOV, ADD, Z18, Z19) \
	ROW(MOV, ADD, Z20, Z21) \
	ROW(MOV, ADD, Z22, Z23)

#define KERNEL512(BCAST, FMA, MOV, ADD, ESIZE, LANES) \
	ARGS(ESIZE)                \
	MOVQ DX, R9                \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	PREFETCHC                  \
	ZERO4(VPXORD, Z0, Z1, Z2, Z3) \
	ZERO4(VPXORD, Z4, Z5, Z6, Z7) \
	ZERO4(VPXORD, Z8, Z9, Z10, Z11) \
	ZERO4(VPXORD, Z12, Z13, Z14, Z15) \
	ZERO4(VPXORD, Z16, Z17, Z18, Z19) \
	ZERO4(VPXORD, Z20, Z21, Z22, Z23) \
	MOVQ ldb+40(FP), R11       \
	SHLQ $ESIZE, R11           \
	MOVQ masks+56(FP), AX      \
	KMOVW AX, K1               \
	SHRQ $LANES, AX            \
	KMOVW AX, K2               \
	TESTQ CX, CX               \
	JLE   store                \
loop:                          \
	MOV.Z 0(DI), K1, Z24       \
	MOV.Z 64(DI), K2, Z25      \
	ROW512(BCAST, FMA, 0<<ESIZE, Z26, Z0, Z1)   \
	ROW512(BCAST, FMA, 1<<ESIZE, Z27, Z2, Z3)   \
	ROW512(BCAST, FMA, 2<<ESIZE, Z28, Z4, Z5)   \
	ROW512(BCAST, FMA, 3<<ESIZE, Z29, Z6, Z7)   \
	ROW512(BCAST, FMA, 4<<ESIZE, Z30, Z8, Z9)   \
	ROW512(BCAST, FMA, 5<<ESIZE, Z31, Z10, Z11) \
	ROW512(BCAST, FMA, 6<<ESIZE, Z26, Z12, Z13) \
	ROW512(BCAST, FMA, 7<<ESIZE, Z27, Z14, Z15) \
	ROW512(BCAST, FMA, 8<<ESIZE, Z28, Z16, Z17) \
	ROW512(BCAST, FMA, 9<<ESIZE, Z29, Z18, Z19) \
	ROW512(BCAST, FMA, 10<<ESIZE, Z30, Z20, Z21) \
	ROW512(BCAST, FMA, 11<<ESIZE, Z31, Z22, Z23) \
	ADDQ $(12<<ESIZE), SI      \
	ADDQ R11, DI               \
	DECQ CX                    \
	JNZ  loop                  \
store:                         \
	MOVQ rows+48(FP), R10      \
	CMPB add+64(FP), $0        \
	JEQ  set                   \
	MOVQ DX, R9                \
	MOVQ R10, R11              \
	STORE512(ADDC512, MOV, ADD) \
set:                           \
	STORE512(SET512, MOV, ADD) \
done:                          \
	VZEROUPPER                 \
	RET

#define ROW256(BCAST, FMA, off, bc, acc0, acc1) \
	BCAST off(SI), bc     \
	FMA   Y12, bc, acc0   \
	FMA   Y13, bc, acc1

// STEP256 is k step s of an unrolled group: B̃'s row s (64 bytes) into
// Y12–Y13, then the 6 values of Ã's column s, each broadcast and multiplied
// into one row of accumulators.
#define STEP256(BCAST, FMA, MOV, ESIZE, s) \
	MOV s*64(DI), Y12                                         \
	MOV s*64+32(DI), Y13                                      \
	ROW256(BCAST, FMA, s*6<<ESIZE+0<<ESIZE, Y14, Y0, Y1)      \
	ROW256(BCAST, FMA, s*6<<ESIZE+1<<ESIZE, Y15, Y2, Y3)      \
	ROW256(BCAST, FMA, s*6<<ESIZE+2<<ESIZE, Y14, Y4, Y5)      \
	ROW256(BCAST, FMA, s*6<<ESIZE+3<<ESIZE, Y15, Y6, Y7)      \
	ROW256(BCAST, FMA, s*6<<ESIZE+4<<ESIZE, Y14, Y8, Y9)      \
	ROW256(BCAST, FMA, s*6<<ESIZE+5<<ESIZE, Y15, Y10, Y11)

// ADDC256 adds one row of the C tile (R9) to a row of accumulators and steps
// to the next row; SET256 stores a row of accumulators into C (DX).
#define ADDC256(ADD, acc0, acc1) \
	ADD (R9), acc0, acc0     \
	ADD 32(R9), acc1, acc1   \
	ADDQ R8, R9

#define SET256(MOV, acc0, acc1) \
	MOV acc0, (DX)           \
	MOV acc1, 32(DX)         \
	ADDQ R8, DX

// ADDTILE256 adds the six rows of the C tile to the accumulators before
// STORE256 stores any of them. With ldc a multiple of 4 KiB (n = 1024,
// 2048) the rows share their low 12 address bits, and a load of a row
// issued after the store to the row above waits on that store as if it
// might alias it (4K aliasing): adding and storing row by row cost
// 1.2–1.7 % of the whole product at n = 2048 on Zen 3 (1.7–2.6 % of the
// kernel's own time).
#define ADDTILE256(ADD) \
	MOVQ DX, R9            \
	ADDC256(ADD, Y0, Y1)   \
	ADDC256(ADD, Y2, Y3)   \
	ADDC256(ADD, Y4, Y5)   \
	ADDC256(ADD, Y6, Y7)   \
	ADDC256(ADD, Y8, Y9)   \
	ADDC256(ADD, Y10, Y11)

#define STORE256(MOV) \
	SET256(MOV, Y0, Y1)   \
	SET256(MOV, Y2, Y3)   \
	SET256(MOV, Y4, Y5)   \
	SET256(MOV, Y6, Y7)   \
	SET256(MOV, Y8, Y9)   \
	SET256(MOV, Y10, Y11)

// PREFETCHROW asks for one 64-byte row of the C tile (R9) — its first and
// last byte, the same line when the row is aligned — and steps to the next.
#define PREFETCHROW \
	PREFETCHT0 (R9)       \
	PREFETCHT0 63(R9)     \
	ADDQ R8, R9

// KLOOP256 runs an AVX2 kernel's k loop over R12 = kc steps of STEP: four
// steps per iteration (R11 counts them), so the counting and pointer steps
// cost a quarter, then the kc mod 4 left one at a time (CX); SI moves 6
// values of Ã and DI one 64-byte row of B̃ per step. The group loop starts
// on a cache line (PCALIGN), so its ~100 instruction bytes are fetched from
// the fewest lines. It ends at the label store.
#define KLOOP256(STEP, BCAST, FMA, MOV, ESIZE) \
	MOVQ R12, R11              \
	SHRQ $2, R11               \
	JZ   steps                 \
	PCALIGN $64                \
group:                         \
	STEP(BCAST, FMA, MOV, ESIZE, 0) \
	STEP(BCAST, FMA, MOV, ESIZE, 1) \
	STEP(BCAST, FMA, MOV, ESIZE, 2) \
	STEP(BCAST, FMA, MOV, ESIZE, 3) \
	ADDQ $(24<<ESIZE), SI      \
	ADDQ $256, DI              \
	DECQ R11                   \
	JNZ  group                 \
steps:                         \
	MOVQ R12, CX               \
	ANDQ $3, CX                \
	JZ   store                 \
step:                          \
	STEP(BCAST, FMA, MOV, ESIZE, 0) \
	ADDQ $(6<<ESIZE), SI       \
	ADDQ $64, DI               \
	DECQ CX                    \
	JNZ  step                  \
store:

// KERNEL256 computes `panels` tiles down a column of C: tile t multiplies
// Ã's panel t (6·kc values, after panel t−1) by the same B̃ into C's rows
// 6t…6t+5. BX = panels left, R12 = kc.
#define KERNEL256(BCAST, FMA, MOV, ADD, ESIZE) \
	MOVQ kc+0(FP), R12         \
	MOVQ panels+8(FP), BX      \
	MOVQ a+16(FP), SI          \
	MOVQ c+32(FP), DX          \
	MOVQ ldc+40(FP), R8        \
	SHLQ $ESIZE, R8            \
tile:                          \
	MOVQ DX, R9                \
	PREFETCHROW                \
	PREFETCHROW                \
	PREFETCHROW                \
	PREFETCHROW                \
	PREFETCHROW                \
	PREFETCHROW                \
	ZERO4(VXORPS, Y0, Y1, Y2, Y3) \
	ZERO4(VXORPS, Y4, Y5, Y6, Y7) \
	ZERO4(VXORPS, Y8, Y9, Y10, Y11) \
	MOVQ b+24(FP), DI          \
	KLOOP256(STEP256, BCAST, FMA, MOV, ESIZE) \
	CMPB add+48(FP), $0        \
	JEQ  set                   \
	ADDTILE256(ADD)            \
set:                           \
	STORE256(MOV)              \
	DECQ BX                    \
	JNZ  tile                  \
	VZEROUPPER                 \
	RET

#define ROWHALF256(BCAST, FMA, off, bc, acc) \
	BCAST off(SI), bc     \
	FMA   Y12, bc, acc

// STEPHALF256 is STEP256 on the left half of B̃'s row s: one vector of B,
// one accumulator per row.
#define STEPHALF256(BCAST, FMA, MOV, ESIZE, s) \
	MOV s*64(DI), Y12                                    \
	ROWHALF256(BCAST, FMA, s*6<<ESIZE+0<<ESIZE, Y14, Y0) \
	ROWHALF256(BCAST, FMA, s*6<<ESIZE+1<<ESIZE, Y15, Y1) \
	ROWHALF256(BCAST, FMA, s*6<<ESIZE+2<<ESIZE, Y14, Y2) \
	ROWHALF256(BCAST, FMA, s*6<<ESIZE+3<<ESIZE, Y15, Y3) \
	ROWHALF256(BCAST, FMA, s*6<<ESIZE+4<<ESIZE, Y14, Y4) \
	ROWHALF256(BCAST, FMA, s*6<<ESIZE+5<<ESIZE, Y15, Y5)

// KERNELHALF256 computes the left half of one tile, C[6×NR/2] = Ã·B̃[:,
// :NR/2], for a tile cut to at most half its columns: half the FMAs of
// the whole tile, each element's k products summed in the same chain, so
// it rounds as the whole tile would. It overwrites C (a scratch tile).
// Six accumulator chains keep at most 6 of the 8 FMAs two 4-cycle pipes
// can have in flight: 75 % of the FMA rate, on half the work.
#define KERNELHALF256(BCAST, FMA, MOV, ESIZE) \
	MOVQ kc+0(FP), R12         \
	MOVQ a+8(FP), SI           \
	MOVQ b+16(FP), DI          \
	MOVQ c+24(FP), DX          \
	MOVQ ldc+32(FP), R8        \
	SHLQ $ESIZE, R8            \
	ZERO4(VXORPS, Y0, Y1, Y2, Y3) \
	VXORPS Y4, Y4, Y4          \
	VXORPS Y5, Y5, Y5          \
	KLOOP256(STEPHALF256, BCAST, FMA, MOV, ESIZE) \
	MOV Y0, (DX)               \
	MOV Y1, (DX)(R8*1)         \
	MOV Y2, (DX)(R8*2)         \
	LEAQ (DX)(R8*2), DX        \
	MOV Y3, (DX)(R8*1)         \
	MOV Y4, (DX)(R8*2)         \
	LEAQ (DX)(R8*2), DX        \
	MOV Y5, (DX)(R8*1)         \
	VZEROUPPER                 \
	RET

// func kernelAVX512F32(kc int, a, b, c *float32, ldc, ldb, rows int, masks uint64, add bool) — 12×32 tile.
TEXT ·kernelAVX512F32(SB), NOSPLIT, $0-65
	KERNEL512(VBROADCASTSS, VFMADD231PS, VMOVUPS, VADDPS, 2, 16)

// func kernelAVX512F64(kc int, a, b, c *float64, ldc, ldb, rows int, masks uint64, add bool) — 12×16 tile.
TEXT ·kernelAVX512F64(SB), NOSPLIT, $0-65
	KERNEL512(VBROADCASTSD, VFMADD231PD, VMOVUPD, VADDPD, 3, 8)

// func kernelAVX2F32(kc, panels int, a, b, c *float32, ldc int, add bool) — 6×16 tiles.
TEXT ·kernelAVX2F32(SB), NOSPLIT, $0-49
	KERNEL256(VBROADCASTSS, VFMADD231PS, VMOVUPS, VADDPS, 2)

// func kernelAVX2F64(kc, panels int, a, b, c *float64, ldc int, add bool) — 6×8 tiles.
TEXT ·kernelAVX2F64(SB), NOSPLIT, $0-49
	KERNEL256(VBROADCASTSD, VFMADD231PD, VMOVUPD, VADDPD, 3)

// func kernelAVX2HalfF32(kc int, a, b, c *float32, ldc int) — the left 6×8 of a 6×16 tile.
TEXT ·kernelAVX2HalfF32(SB), NOSPLIT, $0-40
	KERNELHALF256(VBROADCASTSS, VFMADD231PS, VMOVUPS, 2)

// func kernelAVX2HalfF64(kc int, a, b, c *float64, ldc int) — the left 6×4 of a 6×8 tile.
TEXT ·kernelAVX2HalfF64(SB), NOSPLIT, $0-40
	KERNELHALF256(VBROADCASTSD, VFMADD231PD, VMOVUPD, 3)
