package optim

import (
	"fmt"
	"math"
	"testing"
	"time"
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

// BenchmarkMuon times one Step of Muon against Adam's (float32, the fast
// loops) on the lecture's 784-32-20-10 and Zeiler's 784-500-300-10:
// Muon's cost is its Newton–Schulz GEMMs. allocs/op must read 0.
func BenchmarkMuon(b *testing.B) {
	for _, sizes := range [][]int{{784, 32, 20, 10}, {784, 500, 300, 10}} {
		n := paramCount(sizes)
		name := fmt.Sprint(sizes)
		for _, o := range []Optimizer[float32]{NewAdam[float32](), NewMuon[float32](sizes)} {
			b.Run(fmt.Sprintf("sizes=%s/%s", name, o.Name()), func(b *testing.B) {
				params, grads := make([]float32, n), make([]float32, n)
				for i := range grads {
					grads[i] = float32(i%7) - 3
				}
				o.Step(params, grads)
				b.ReportAllocs()
				for b.Loop() {
					o.Step(params, grads)
				}
			})
		}
	}
}

// BenchmarkVersusAdam times each weight-decay and after-the-lecture form
// (float32, the fast loops) interleaved step by step with Adam's PyTorch
// form on a slab of its own, so that both see the same load, and reports
// the form's µs per step, Adam's, and their ratio: ×Adam from the totals,
// ×Adam-fastest from the fastest single step of each (what load rarely
// touches). The course's bar is ×Adam ≤ 1.5; allocs/op (both steps) must
// read 0.
func BenchmarkVersusAdam(b *testing.B) {
	forms := []struct {
		name string
		new  func() Optimizer[float32]
	}{
		{"SGD", func() Optimizer[float32] { return &SGD[float32]{} }},
		{"SGD+L2", func() Optimizer[float32] { return &SGD[float32]{WeightDecay: 0.5} }},
		{"Adam+L2", func() Optimizer[float32] { return &Adam[float32]{WeightDecay: 0.5, Form: PyTorch} }},
		{"Adam+L2+AMSGrad", func() Optimizer[float32] { return &Adam[float32]{WeightDecay: 0.5, AMSGrad: true, Form: PyTorch} }},
		{"AMSGrad", func() Optimizer[float32] { return &Adam[float32]{AMSGrad: true, Form: PyTorch} }},
		{"AdamW", func() Optimizer[float32] { return &AdamW[float32]{Form: PyTorch} }},
		{"AdamW+AMSGrad", func() Optimizer[float32] { return &AdamW[float32]{AMSGrad: true, Form: PyTorch} }},
		{"Lion", func() Optimizer[float32] { return &Lion[float32]{} }},
		{"Lion+decay", func() Optimizer[float32] { return &Lion[float32]{WeightDecay: 0.5} }},
	}
	for _, n := range []int{25990, 545810} {
		for _, f := range forms {
			b.Run(fmt.Sprintf("n=%d/opt=%s", n, f.name), func(b *testing.B) {
				opt, adam := f.new(), &Adam[float32]{Form: PyTorch}
				p, g, pa, ga := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
				for i := range g {
					g[i], ga[i] = float32(i%7)-3, float32(i%7)-3
				}
				opt.Step(p, g) // sizes the states
				adam.Step(pa, ga)
				b.ReportAllocs()
				var total, totalAdam time.Duration
				fastest, fastestAdam := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
				for b.Loop() {
					t0 := time.Now()
					opt.Step(p, g)
					t1 := time.Now()
					adam.Step(pa, ga)
					t2 := time.Now()
					total, totalAdam = total+t1.Sub(t0), totalAdam+t2.Sub(t1)
					fastest, fastestAdam = min(fastest, t1.Sub(t0)), min(fastestAdam, t2.Sub(t1))
				}
				b.ReportMetric(total.Seconds()*1e6/float64(b.N), "µs/step")
				b.ReportMetric(totalAdam.Seconds()*1e6/float64(b.N), "Adam-µs/step")
				b.ReportMetric(total.Seconds()/totalAdam.Seconds(), "×Adam")
				b.ReportMetric(fastest.Seconds()/fastestAdam.Seconds(), "×Adam-fastest")
			})
		}
	}
}
