package optim

import (
	"fmt"
	"testing"
)

// BenchmarkStep times one Step of each form over the lecture's 25,990
// parameters and Zeiler's 784-500-300-10 (545,810), in float64 and in
// float32 (which runs the fast loops of kernels32.go); allocs/op must read
// 0.
func BenchmarkStep(b *testing.B) {
	for _, n := range []int{25990, 545810} {
		benchForms(b, "float64", n, allForms[float64]())
		benchForms(b, "float32", n, allForms[float32]())
	}
}

func benchForms[T Float](b *testing.B, typ string, n int, forms []namedOptimizer[T]) {
	for _, f := range forms {
		b.Run(fmt.Sprintf("type=%s/n=%d/%s", typ, n, f.name), func(b *testing.B) {
			params, grads := make([]T, n), make([]T, n)
			for i := range grads {
				grads[i] = T(i%7) - 3
			}
			f.opt.Step(params, grads) // sizes the state
			b.ReportAllocs()
			b.SetBytes(int64(2 * sizeOf[T]() * int64(n)))
			for b.Loop() {
				f.opt.Step(params, grads)
			}
		})
	}
}

// BenchmarkLoops32 times each float32 implementation this machine runs
// (AVX-512, AVX2, portable Go) on SGD's and Adam's steps over 2²⁰
// parameters.
func BenchmarkLoops32(b *testing.B) {
	defer func(f *loops32) { fast32 = f }(fast32)
	for _, l := range testLoops32() {
		b.Run("loops="+l.name, func(b *testing.B) {
			fast32 = l
			benchForms(b, "float32", 1<<20, []namedOptimizer[float32]{
				{"SGD", NewSGD[float32]()}, {"Adam", NewAdam[float32]()},
			})
		})
	}
}
