package optim

import (
	"fmt"
	"testing"
)

// BenchmarkStep times one Step of each form over the lecture's 25,990
// parameters and a larger slab; allocs/op must read 0.
func BenchmarkStep(b *testing.B) {
	for _, n := range []int{25990, 1 << 20} {
		for _, f := range allForms[float64]() {
			b.Run(fmt.Sprintf("%s/n=%d", f.name, n), func(b *testing.B) {
				params, grads := make([]float64, n), make([]float64, n)
				for i := range grads {
					grads[i] = float64(i%7) - 3
				}
				f.opt.Step(params, grads) // sizes the state
				b.ReportAllocs()
				b.SetBytes(int64(16 * n))
				for b.Loop() {
					f.opt.Step(params, grads)
				}
			})
		}
	}
}
