package demos

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// Lesson 10's demonstrations: what practitioners use after the lecture.

// DecayShrink runs Adam with L2 weight decay (λ added to the gradient)
// and AdamW (decoupled λ) on two weights that start at 1, whose loss
// gradients are pure noise of standard deviations sigma[0] and sigma[1],
// for steps steps at rate eta, and returns each weight's final value
// averaged over runs seeded runs: l2 for Adam+L2, decoupled for AdamW.
// With no signal in the gradient only the decay moves a weight's mean, so
// the values show how much each rule decays a weight with large gradients
// and one with small ones; (1 − η·λ)^steps is what AdamW's decay alone
// leaves.
func DecayShrink(sigma [2]float64, eta, lambda float64, steps, runs int) (l2, decoupled [2]float64) {
	for run := range runs {
		opts := []optim.Optimizer[float64]{
			&optim.Adam[float64]{LR: eta, WeightDecay: lambda, Form: optim.PyTorch},
			&optim.AdamW[float64]{LR: eta, WeightDecay: lambda, Form: optim.PyTorch},
		}
		for k, o := range opts {
			rng := rand.New(rand.NewPCG(uint64(run), 10))
			w, g := []float64{1, 1}, make([]float64, 2)
			for range steps {
				for i := range g {
					g[i] = sigma[i] * rng.NormFloat64()
				}
				o.Step(w, g)
			}
			sum := &l2
			if k == 1 {
				sum = &decoupled
			}
			for i := range w {
				sum[i] += w[i] / float64(runs)
			}
		}
	}
	return l2, decoupled
}

// ReddiOnline runs o on Reddi, Kale & Kumar's (2018) online problem
//
//	f_t(x) = C·x  when t mod 3 = 1,   f_t(x) = −x  otherwise,   x ∈ [−1, 1]
//
// from x = 0 with rate α/√t, projecting x onto [−1, 1] after each step,
// and returns x after every step. Over each cycle of three the sum is
// (C − 2)·x, minimal at x = −1 for C > 2.
func ReddiOnline(o optim.Optimizer[float64], c, alpha float64, steps int) []float64 {
	x, g := []float64{0}, []float64{0}
	xs := make([]float64, 0, steps)
	for t := 1; t <= steps; t++ {
		g[0] = -1
		if t%3 == 1 {
			g[0] = c
		}
		o.(optim.RateSetter).SetLearningRate(alpha / math.Sqrt(float64(t)))
		o.Step(x, g)
		x[0] = max(-1, min(1, x[0]))
		xs = append(xs, x[0])
	}
	return xs
}

// ReddiOptimizers are Adam and AMSGrad with Reddi et al.'s β₁ = 0 and
// β₂ = 1/(1 + C²), ε outside the root (PyTorch form).
func ReddiOptimizers(c float64) (adam, amsgrad *optim.Adam[float64]) {
	b2 := 1 / (1 + c*c)
	adam = &optim.Adam[float64]{Beta1: optim.Zero(), Beta2: b2, Form: optim.PyTorch}
	amsgrad = &optim.Adam[float64]{Beta1: optim.Zero(), Beta2: b2, Form: optim.PyTorch, AMSGrad: true}
	return adam, amsgrad
}

// EarlyRateSpread measures, over runs seeded runs of gradients drawn from
// N(0, 1), the spread of Adam's adaptive factor 1/√R̂_t (β₂ = 0.999) at
// each step in ts: the ratio of its 90th to its 10th percentile. R̂_t
// averages t squared gradients, so early on the factor varies wildly
// from run to run — the variance warm-up tames (Liu et al. 2020).
func EarlyRateSpread(ts []int, runs int, seed uint64) []float64 {
	const beta2 = 0.999
	last := ts[len(ts)-1]
	factors := make([][]float64, len(ts))
	for run := range runs {
		rng := rand.New(rand.NewPCG(seed, uint64(run)))
		var r float64
		k := 0
		for t := 1; t <= last; t++ {
			g := rng.NormFloat64()
			r = beta2*r + (1-beta2)*g*g
			if t == ts[k] {
				factors[k] = append(factors[k], 1/math.Sqrt(r/(1-math.Pow(beta2, float64(t)))))
				k++
			}
		}
	}
	spread := make([]float64, len(ts))
	for k, f := range factors {
		spread[k] = quantile(f, 0.9) / quantile(f, 0.1)
	}
	return spread
}

// quantile is the q-quantile of xs (nearest rank); it sorts xs.
func quantile(xs []float64, q float64) float64 {
	slices.Sort(xs)
	return xs[min(len(xs)-1, int(q*float64(len(xs))))]
}

// Ridge is a 1-D loss with a steep wall: a parabola with its minimum at
// w = 3 and, at w = 1, a narrow ridge of height h and width s,
//
//	f(w) = ½(w − 3)² + h·exp(−(w − 1)²/(2s²))
//
// whose flanks have gradients of about h/s: a step that lands on one is
// thrown far away (Pascanu, Mikolov & Bengio 2013).
type Ridge struct{ H, S float64 }

// Grad is f′(w).
func (c Ridge) Grad(w float64) float64 {
	d := w - 1
	return (w - 3) - c.H*d/(c.S*c.S)*math.Exp(-d*d/(2*c.S*c.S))
}

// RidgeRun runs SGD at rate eta from w0 for steps steps, clipping each
// gradient to norm clip when clip > 0, and returns w after every step.
func RidgeRun(c Ridge, w0, eta, clip float64, steps int) []float64 {
	w, g := []float64{w0}, []float64{0}
	o := &optim.SGD[float64]{LR: eta}
	ws := make([]float64, 0, steps)
	for range steps {
		g[0] = c.Grad(w[0])
		if clip > 0 {
			optim.ClipGradNorm(g, clip)
		}
		o.Step(w, g)
		ws = append(ws, w[0])
	}
	return ws
}

// AfterLectureMemories is TrainingMemories for optim.AfterLecture and
// Muon for these sizes, the rows named as the lesson names them (AMSGrad
// for Adam with AMSGrad).
func AfterLectureMemories[T optim.Float](sizes []int, batch int) []nn.Memory {
	fresh := append(optim.AfterLecture[T](), optim.NewMuon[T](sizes))
	rows := make([]nn.Memory, 0, len(fresh))
	for i, opt := range append(optim.AfterLecture[T](), optim.NewMuon[T](sizes)) {
		m := nn.TrainingMemory[T](sizes, batch, nn.CrossEntropy, opt)
		m.Measured = nn.MeasureMemory[T](sizes, batch, nn.CrossEntropy, fresh[i])
		if a, ok := opt.(*optim.Adam[T]); ok && a.AMSGrad {
			m.Optimizer = "AMSGrad"
		}
		rows = append(rows, m)
	}
	return rows
}
