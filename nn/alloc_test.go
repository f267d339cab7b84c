package nn

import (
	"fmt"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// TestStepAllocatesNothing checks that gathering a minibatch, forward,
// backward and an optimizer step allocate nothing once warmed up, for
// every optimizer. The products run on the reference backend, whose
// allocations are nn's own (the fast backend's pooled buffers are its
// business, measured by BenchmarkTrainStep).
func TestStepAllocatesNothing(t *testing.T) {
	sizes := []int{20, 16, 8, 4}
	src := randomData(sizes, 32, 1)
	for i, fresh := range optimizers[float64]() {
		m := NewMLP[float64](sizes, ReLU, 1, He)
		m.Backend = gemm.Ref[float64]{}
		opt := fresh()
		batches := &Minibatches[float64]{Data: lossData(src, m.Loss), Width: 20, BatchSize: 16, Seed: 1}
		k := 0
		allocs := testing.AllocsPerRun(20, func() {
			m.LossAndGrad(batches.Batch(0, k%2))
			opt.Step(m.Params, m.Grads)
			m.Predict(src.X[:8*20])
			k++
		})
		if allocs != 0 {
			t.Errorf("%d %s: %v allocations per step, want 0", i, opt.Name(), allocs)
		}
	}
}

// TestFitAllocatesPerEpoch checks that Fit's allocations depend on the
// number of epochs, not on the number of steps.
func TestFitAllocatesPerEpoch(t *testing.T) {
	count := func(rows int) float64 {
		tr := newTestTrainer(optim.NewMomentum[float64](), optim.NewConstant(0.01), 1)
		tr.OnStep = func(Progress) error { return nil }
		train, val := randomData(testSizes, rows, 1), randomData(testSizes, 8, 2)
		return testing.AllocsPerRun(5, func() {
			tr.Epochs++
			if err := tr.Fit(train, val); err != nil {
				t.Fatal(err)
			}
		})
	}
	few, many := count(16), count(160) // 2 and 20 steps per epoch
	t.Logf("allocations per epoch: %v with 2 steps, %v with 20", few, many)
	if few != many {
		t.Errorf("allocations per epoch: %v with 2 steps, %v with 20; want equal", few, many)
	}
}

// BenchmarkTrainStep times one training step (gather, forward, backward,
// optimizer step) of Zeiler's 784-500-300-10 on batches of 128 rows with
// the default backend.
func BenchmarkTrainStep(b *testing.B) {
	sizes := []int{784, 500, 300, 10}
	for _, name := range []string{"SGD", "Adam"} {
		b.Run(fmt.Sprintf("sizes=784-500-300-10/T=float32/batch=128/opt=%s", name), func(b *testing.B) {
			benchStep(b, sizes, 128, name)
		})
	}
}

func benchStep(b *testing.B, sizes []int, batch int, name string) {
	m := NewMLP[float32](sizes, ReLU, 1, He)
	var opt optim.Optimizer[float32] = optim.NewSGD[float32]()
	if name == "Adam" {
		opt = optim.NewAdam[float32]()
	}
	in := sizes[0]
	src := Data[float32]{X: make([]float32, 2*batch*in), Labels: make([]int, 2*batch)}
	for i := range src.X {
		src.X[i] = float32(i%255) / 255
	}
	batches := &Minibatches[float32]{Data: src, Width: in, BatchSize: batch, Seed: 1}
	step := func(i int) {
		m.LossAndGrad(batches.Batch(0, i%2))
		opt.Step(m.Params, m.Grads)
	}
	step(0)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		step(i)
	}
}
