package main

import (
	"fmt"
	"math/rand/v2"
	"runtime"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// ceilingEpochs is how many minibatches one timed call of Fit trains on:
// an epoch of ceilingEpochs·trainBatch rows.
const ceilingEpochs = 16

// ceilingTable prints, at one thread, the training step's GEMM-bound
// ceiling beside the samples/s Fit reaches, and their ratio. The ceiling
// is the step's 8 products (mlpCases) at our own one-thread GEMM rate for
// their shapes, measured in this run: each product is timed on its own,
// repeated on operands that stay in the caches, as the GEMM table times it,
// its best trial kept; their times add up to a step that does nothing but
// its products. Fit's steps are the whole of training (gather of shuffled
// rows, forward, loss, backward, the divergence guard and the optimizer),
// so the gap is everything that is not a product, and the products'
// losing the caches to it. Trials of the products and of Fit alternate, so
// both see the same load.
func ceilingTable() {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	cases := mlpCases(trainBatch, trainSizes)
	var flops float64
	for _, c := range cases {
		flops += c.flops()
	}
	products := productTimes(cases)
	opts := []optim.Optimizer[float32]{optim.NewSGD[float32](), optim.NewAdam[float32]()}
	fits := make([]func(), len(opts))
	for i, opt := range opts {
		fits[i] = fitEpoch(opt)
	}
	productRates := make([]rate, len(cases))
	best := make([]rate, len(opts))
	for range *trials {
		for i, p := range products {
			productRates[i] = faster(productRates[i], measure(p, 1, 1, *minTime/4))
		}
		for i, fit := range fits {
			best[i] = faster(best[i], measure(fit, float64(trainBatch*ceilingEpochs), 1, *minTime))
		}
	}
	var seconds float64 // the products' time, one step
	for _, r := range productRates {
		seconds += 1 / r.perSec
	}
	ceiling := rate{perSec: float64(trainBatch) / seconds}
	fmt.Printf("\n### Training step against its GEMM-bound ceiling: MLP %v, float32, batch %d, 1 thread, %s clock (best of %d trials)\n\n",
		trainSizes, trainBatch, clockFor(1), *trials)
	fmt.Printf("The step's %d products are %.1f MFLOP; timed each alone they take %.2f ms at %.1f GFLOP/s, which bounds the step at %.0f samples/s.\n\n",
		len(cases), flops/1e6, 1e3*seconds, flops/seconds/1e9, ceiling.perSec)
	fmt.Println("| optimizer | GEMM-bound ceiling (samples/s) | Fit (samples/s) | % of ceiling |")
	fmt.Println("|---|---:|---:|---:|")
	for i, opt := range opts {
		fmt.Printf("| %s | %.0f | %.0f | %.1f %% |\n", opt.Name(), ceiling.perSec, best[i].perSec, 100*best[i].perSec/ceiling.perSec)
	}
}

// faster is the faster of two rates.
func faster(a, b rate) rate {
	if b.perSec > a.perSec {
		return b
	}
	return a
}

// productTimes returns, for each of cases, a function timing it: each
// product repeated on operands of its shape, as the GEMM table times it.
func productTimes(cases []gemmCase) []func() {
	fns := make([]func(), len(cases))
	for i, c := range cases {
		a, b, out := operands[float32](c)
		lda, ldb, ldc := c.lds()
		fns[i] = func() { gemm.Gemm(c.transA, c.transB, c.m, c.n, c.k, 1, a, lda, b, ldb, float32(c.beta), out, ldc) }
	}
	return fns
}

// fitEpoch returns a function training a fresh model with opt for one more
// epoch of ceilingEpochs minibatches each call, through Fit, on random
// inputs with random labels.
func fitEpoch(opt optim.Optimizer[float32]) func() {
	rows := ceilingEpochs * trainBatch
	rng := rand.New(rand.NewPCG(3, 4))
	data := nn.Data[float32]{X: make([]float32, rows*trainSizes[0]), Labels: make([]int, rows)}
	for i := range data.X {
		data.X[i] = rng.Float32()
	}
	for i := range data.Labels {
		data.Labels[i] = rng.IntN(trainSizes[len(trainSizes)-1])
	}
	model := nn.NewMLP[float32](trainSizes, nn.ReLU, 1, nn.He)
	tr := nn.NewTrainer(model, opt, trainBatch, 0, 5)
	tr.DivergenceFactor = -1 // random labels: the loss may wander
	return func() {
		tr.Epochs++
		if err := tr.Fit(data, nn.Data[float32]{}); err != nil {
			fail(err)
		}
	}
}
