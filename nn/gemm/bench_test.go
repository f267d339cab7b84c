package gemm

import (
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkGemm times square products and reports GFLOP/s (2·n³ per op).
func BenchmarkGemm(b *testing.B) {
	for _, threads := range []int{1, 2} {
		for _, n := range []int{128, 256, 512, 1024, 2048} {
			b.Run(fmt.Sprintf("type=f32/n=%d/threads=%d", n, threads), func(b *testing.B) { benchGemm[float32](b, n, threads) })
			b.Run(fmt.Sprintf("type=f64/n=%d/threads=%d", n, threads), func(b *testing.B) { benchGemm[float64](b, n, threads) })
		}
	}
}

func benchGemm[T Float](b *testing.B, n, threads int) {
	benchProblem[T](b, problem{m: n, n: n, k: n, alpha: 1, seed: 9}, threads)
}

// benchProblem times p with GOMAXPROCS = threads and reports GFLOP/s.
func benchProblem[T Float](b *testing.B, p problem, threads int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(threads))
	x, lda, y, ldb, c, ldc := operands[T](p)
	gemm := func() { Gemm(p.transA, p.transB, p.m, p.n, p.k, T(p.alpha), x, lda, y, ldb, T(p.beta), c, ldc) }
	gemm() // warm the pooled buffers
	b.ReportAllocs()
	for b.Loop() {
		gemm()
	}
	b.ReportMetric(2*float64(p.m*p.n*p.k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// mlpShapes are the 8 products of one training step of the 784-500-300-10
// network on a batch of 128, in nn's layout (W is out×in): forward x·Wᵀ
// (β = 1 adds to the bias), weight gradients δᵀ·x, input gradients δ·W.
var mlpShapes = []problem{
	{transB: true, m: 128, n: 500, k: 784, beta: 1}, {transB: true, m: 128, n: 300, k: 500, beta: 1},
	{transB: true, m: 128, n: 10, k: 300, beta: 1},
	{transA: true, m: 10, n: 300, k: 128}, {m: 128, n: 300, k: 10},
	{transA: true, m: 300, n: 500, k: 128}, {m: 128, n: 500, k: 300},
	{transA: true, m: 500, n: 784, k: 128},
}

// BenchmarkGemmMLP times each product of one MLP training step, one thread.
func BenchmarkGemmMLP(b *testing.B) {
	for _, p := range mlpShapes {
		p.alpha, p.seed = 1, 10
		name := fmt.Sprintf("tA=%v/tB=%v/m=%d/n=%d/k=%d", p.transA, p.transB, p.m, p.n, p.k)
		b.Run("type=f32/"+name, func(b *testing.B) { benchProblem[float32](b, p, 1) })
		b.Run("type=f64/"+name, func(b *testing.B) { benchProblem[float64](b, p, 1) })
	}
}
