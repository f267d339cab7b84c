// Package gemm multiplies matrices: C = α·op(A)·op(B) + β·C, the general
// matrix multiply of BLAS, for float32 and float64, row-major, where op(X)
// is X or its transpose Xᵀ.
//
// Nearly all the arithmetic of training a network is this one operation: a
// dense layer's forward pass is Y = X·Wᵀ, its backward pass ∂E/∂W = δᵀ·X
// and ∂E/∂X = δ·W. Package nn sends every one of them through a Backend,
// whose default, CPU, calls Gemm. Ref, three plain loops, is the oracle the
// tests hold Gemm to.
//
// # Why three loops are slow
//
// A core of a recent x86 server (AMD Zen 4/5, AVX-512) can start two
// 16-wide float32 fused multiply-adds per cycle: 64 flops, ~260 GFLOP/s at
// 4 GHz. To keep that pace it needs two vectors of operands every cycle, but
// memory delivers a few bytes per flop only from the level-1 cache (48 KiB),
// less from L2 (1 MiB), far less from L3 and DRAM. The naive loops fetch two
// operands per multiply-add and run at a few GFLOP/s. The cure is reuse: an
// n×n product does n³ multiply-adds on only 3n² numbers, so each number,
// once close to the arithmetic units, can serve many of them.
//
// # The BLIS design
//
// Gemm follows the BLIS layering (Van Zee & van de Geijn, 2015), five loops
// around a micro-kernel:
//
//	for jc over NC-column blocks of C           (KC×NC block of B → L3)
//	  for pc over KC-deep slices of k           (pack that block of B)
//	    for ic over MC-row blocks of C          (pack an MC×KC block of A → L2)
//	      for jr over NR-column micro-panels    (KC×NR micro-panel of B → L1)
//	        for ir over MR-row micro-panels     (micro-kernel: MR×NR of C in registers)
//
// The block sizes MC, KC and NC come from the caches CPUID reports
// (blocking.go, after Low et al., 2016): a KC×NR micro-panel of B with A's
// micro-panel in L1, the MC×KC block of A in half of L2, the KC×NC block of
// B in half of one core's share of L3.
//
// The micro-kernel holds an MR×NR tile of C in vector registers for a whole
// KC-long loop; each step loads one row of B's micro-panel (NR values, two
// vectors) and broadcasts MR values of A's micro-panel, and issues 2·MR FMAs
// — 24 independent accumulators on AVX-512 (12×32 for float32, 12×16 for
// float64), enough to cover the FMA latency on both pipes. Packing copies
// each block of A and B once into exactly the order the kernel reads it, so
// the kernel streams memory forward whatever the transposes and leading
// dimensions were; α is folded into the packed A, and padding at the edges
// is zeros.
//
// The kernels are Go assembly (kernel_amd64.s), AVX-512 when the CPU has it
// and AVX2+FMA otherwise, picked at start-up with golang.org/x/sys/cpu; the
// packing copies are assembly for both (pack_amd64.s, pack_avx2_amd64.s:
// transposes in registers), because for the short products of a small
// network packing in Go costs more than the arithmetic. On other
// architectures, or with the build tag purego, a portable Go kernel of the
// same design runs instead.
//
// # Threads and determinism
//
// Gemm splits C along its longer side, in whole tiles, into at most
// GOMAXPROCS parts (products under 128³ stay on one goroutine), offers them
// to long-lived worker goroutines that are idle — a worker spins for 50 µs
// after its last part before it sleeps, so back-to-back products find it
// awake — and computes parts itself until none is left: a worker that wakes
// late, or none free, costs the caller nothing but waiting for a part
// already started, a wait it spins through (up to 200 µs) rather than
// sleeps, since a sleeping caller resumes only tens of microseconds after
// the worker's last part. Every element of C
// sums its k products in the same order — KC slice after KC slice, each in
// one FMA chain — whichever goroutine computes it, so the result is bitwise
// the same for any GOMAXPROCS. After warm-up a call allocates nothing:
// packing buffers are pooled.
//
// # gonum
//
// Blas64 and Blas32 are gonum BLAS implementations whose Dgemm and Sgemm are
// Gemm and whose other routines are gonum's own, so
//
//	blas64.Use(gemm.Blas64{})
//
// makes gonum/mat's products fast too.
package gemm
