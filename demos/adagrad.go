package demos

// Notebook 05-adagrad: per-parameter rates on sparse features, the stall of
// an accumulator that only grows, and the lecture's 0/0.

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// SparseRun is one optimizer's training on datasets.SparseFeatures.
type SparseRun struct {
	Name string
	// Loss is the loss on the whole data set before training and after each step.
	Loss []float64
	// CommonErr and RareErr are the mean distance |wⱼ − wⱼ*| from the
	// least-squares weights over the common and over the rare features,
	// before training and after each step.
	CommonErr, RareErr []float64
	// SumSq is Σ g² of each feature over the run, Adagrad's accumulator G.
	SumSq []float64
	// Seen counts, per feature, the steps in which its gradient was not 0.
	Seen []int
}

// TrainSparse trains a linear neuron with opt from w = 0 for steps steps on
// shuffled minibatches of batch examples of data, whose first common inputs
// are the common features and the others the rare ones.
func TrainSparse(name string, opt optim.Optimizer[float64], data *datasets.Regression, common, batch, steps int, seed uint64) SparseRun {
	d := data.Inputs
	best := data.LeastSquares()
	w, g := make([]float64, d), make([]float64, d)
	run := SparseRun{Name: name, SumSq: make([]float64, d), Seen: make([]int, d)}
	record := func() {
		var c, r float64
		for j := range d {
			if j < common {
				c += math.Abs(w[j]-best[j]) / float64(common)
			} else {
				r += math.Abs(w[j]-best[j]) / float64(d-common)
			}
		}
		run.Loss = append(run.Loss, data.Loss(w))
		run.CommonErr, run.RareErr = append(run.CommonErr, c), append(run.RareErr, r)
	}
	record()
	batches := &nn.Minibatches[float64]{Data: nn.Data[float64]{X: data.X, Targets: data.Targets}, Width: d,
		BatchSize: batch, DropLast: true, Seed: seed}
	for epoch, step := 0, 0; step < steps; epoch++ {
		for _, b := range batches.Epoch(epoch) {
			mb := datasets.Regression{Inputs: d, X: b.X, Targets: b.Targets}
			mb.Grad(w, g)
			for j, gj := range g {
				run.SumSq[j] += gj * gj
				if gj != 0 {
					run.Seen[j]++
				}
			}
			opt.Step(w, g)
			record()
			if step++; step == steps {
				break
			}
		}
	}
	return run
}

// ErrorSeries draws the mean distance from the best weights of the common
// features (solid) and of the rare ones (dashed), in the i-th colour.
func (r SparseRun) ErrorSeries(i int) []vizhelpers.Series {
	return []vizhelpers.Series{
		{Name: r.Name + ": common", Y: r.CommonErr, Color: vizhelpers.Color(i)},
		{Name: r.Name + ": rare", Y: r.RareErr, Color: vizhelpers.Color(i), Dashed: true},
	}
}

// SparseGrid trains SGD and Adagrad with each rate in etas for steps steps
// (as TrainSparse) and tabulates the first step at which the common
// features' mean error falls below commonTol and the rare features' below
// rareTol ("never" within the run; "diverged" when the loss ended a million
// times above where it started, or overflowed).
func SparseGrid(data *datasets.Regression, common, batch, steps int, seed uint64, etas []float64, commonTol, rareTol float64) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("steps until the mean error is below %g (common features) and %g (rare features), %d-example minibatches", commonTol, rareTol, batch),
		Header:  []string{"η", "SGD: common", "SGD: rare", "Adagrad: common", "Adagrad: rare"},
	}
	when := func(errs []float64, tol float64, loss []float64) string {
		if !(loss[len(loss)-1] <= 1e6*loss[0]) { // grew a millionfold, overflowed or NaN
			return "diverged"
		}
		if s := StepsBelow(errs, tol); s >= 0 {
			return fmt.Sprint(s)
		}
		return "never"
	}
	for _, eta := range etas {
		sgd, ada := optim.NewSGD[float64](), optim.NewAdagrad[float64]()
		sgd.LR, ada.LR = eta, eta
		row := []string{fmt.Sprint(eta)}
		for _, opt := range []optim.Optimizer[float64]{sgd, ada} {
			r := TrainSparse(opt.Name(), opt, data, common, batch, steps, seed)
			row = append(row, when(r.CommonErr, commonTol, r.Loss), when(r.RareErr, rareTol, r.Loss))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// AdagradRates is Adagrad's rate η/(√G + ε) for each accumulator value in G.
func AdagradRates(eta, eps float64, sumSq []float64) []float64 {
	rates := make([]float64, len(sumSq))
	for j, s := range sumSq {
		rates[j] = eta / (math.Sqrt(s) + eps)
	}
	return rates
}

// FeatureNames names features c1 … c<common> and r1 … for a chart's axis.
func FeatureNames(common, total int) []string {
	names := make([]string, total)
	for j := range names {
		if j < common {
			names[j] = fmt.Sprintf("c%d", j+1)
		} else {
			names[j] = fmt.Sprintf("r%d", j-common+1)
		}
	}
	return names
}

// The shape of Cliff.
const (
	CliffWall  = 4    // where the wall starts
	CliffSteep = 20   // the wall's curvature
	CliffSlope = 0.05 // the plateau's slope
	CliffBowl  = 0.5  // the half-width of the bowl at 0
)

// Cliff is a one-weight loss made to stall Adagrad: a steep wall for
// |x| > 4, a long gentle slope of 0.05 (the plateau), and a small bowl
// around the minimum 0. With a = 4, k = 20, s = 0.05, δ = 0.5 and r = |x|,
//
//	f = s·r²/(2δ)                 r ≤ δ
//	f = s·(r − δ/2)               δ < r ≤ a
//	f = s·(r − δ/2) + k·(r − a)²/2   r > a
//
// It returns f(x) and f′(x).
func Cliff(x float64) (f, g float64) {
	r, sign := math.Abs(x), math.Copysign(1, x)
	switch {
	case r <= CliffBowl:
		return CliffSlope * r * r / (2 * CliffBowl), sign * CliffSlope * r / CliffBowl
	case r <= CliffWall:
		return CliffSlope * (r - CliffBowl/2), sign * CliffSlope
	default:
		return CliffSlope*(r-CliffBowl/2) + CliffSteep*(r-CliffWall)*(r-CliffWall)/2, sign * (CliffSlope + CliffSteep*(r-CliffWall))
	}
}

// Slide runs opt on Cliff from x0 for steps steps. It returns x₀, x₁, …
// and, for each step, the gradient g and the rate the optimizer applied to
// it, (xₜ − xₜ₊₁)/g, read off the library's move.
func Slide(opt optim.Optimizer[float64], x0 float64, steps int) (xs, grads, rates []float64) {
	xs = []float64{x0}
	optim.Descend(opt, xs, func(slab, g []float64) {
		_, g[0] = Cliff(slab[0])
		grads = append(grads, g[0])
	}, steps, func(w []float64) bool {
		before := xs[len(xs)-1]
		xs, rates = append(xs, w[0]), append(rates, (before-w[0])/grads[len(grads)-1])
		return true
	})
	return xs, grads, rates
}
