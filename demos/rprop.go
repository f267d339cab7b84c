package demos

// Notebook 04-rprop: steps that know only the gradient's sign, the step sizes
// U they adapt, the lecture's nine +0.1 and one −0.9 minibatch gradients, and
// the memory of the previous signs.

import (
	"fmt"
	"math"
	"runtime"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// StepSizes returns the length of every step of tr along x and along y,
// |wₜ₊₁ − wₜ| per coordinate, against the step number t+1. For Rprop these
// are the step sizes U it moved with: the trace of U, read off the library's
// moves.
func StepSizes(tr vizhelpers.Trajectory) (x, y vizhelpers.Series) {
	xs, ys := make([]float64, len(tr.Points)), make([]float64, len(tr.Points))
	for t, p := range tr.Points {
		xs[t], ys[t] = p[0], p[1]
	}
	x, y = StepLengths(tr.Name+": x", xs), StepLengths(tr.Name+": y", ys)
	y.Dashed = true
	return x, y
}

// StepLengths returns |wₜ₊₁ − wₜ| against the step number t+1 for the
// successive values ws of one weight.
func StepLengths(name string, ws []float64) vizhelpers.Series {
	s := vizhelpers.Series{Name: name}
	for t := 1; t < len(ws); t++ {
		s.X = append(s.X, float64(t))
		s.Y = append(s.Y, math.Abs(ws[t]-ws[t-1]))
	}
	return s
}

// SignStepTable lists the first n steps of tr on s: the gradient at wₜ and
// the move wₜ₊₁ − wₜ, to show that Rprop's moves ignore the gradient's size.
func SignStepTable(tr vizhelpers.Trajectory, s datasets.Surface, n int) vizhelpers.Table {
	t := vizhelpers.Table{Caption: tr.Name + " on " + s.Name() + ": gradients and moves",
		Header: []string{"step", "∂f/∂x", "∂f/∂y", "Δx", "Δy"}}
	for k := 0; k < n && k+1 < len(tr.Points); k++ {
		p, q := tr.Points[k], tr.Points[k+1]
		gx, gy := s.Grad(p[0], p[1])
		t.Rows = append(t.Rows, []string{fmt.Sprint(k + 1), fmt.Sprintf("%.4g", gx), fmt.Sprintf("%.4g", gy),
			fmt.Sprintf("%+.4g", q[0]-p[0]), fmt.Sprintf("%+.4g", q[1]-p[1])})
	}
	return t
}

// LectureGradients returns the lecture's minibatch gradients of one weight
// over one epoch: nine of +0.1, then one of −0.9. Their sum, the full-batch
// gradient times ten, is 0 (up to rounding: 0.1 has no exact binary form).
func LectureGradients() []float64 {
	g := make([]float64, 10)
	for i := range 9 {
		g[i] = 0.1
	}
	g[9] = -0.9
	return g
}

// FixedGradients applies opt to one weight w₀ = 0 for epochs passes over
// grads, taking each gradient as given — they do not depend on the weight,
// as in the lecture's arithmetic — and returns w₀, w₁, … after every step.
func FixedGradients(opt optim.Optimizer[float64], grads []float64, epochs int) []float64 {
	w, g := []float64{0}, []float64{0}
	ws := []float64{0}
	for range epochs {
		for _, gi := range grads {
			g[0] = gi
			opt.Step(w, g)
			ws = append(ws, w[0])
		}
	}
	return ws
}

// TenBatches is a one-weight problem whose minibatch gradients at w = 0 are
// the given ones: minibatch i has the loss ½(w − tᵢ)² with tᵢ = −gᵢ, so its
// gradient is w − tᵢ. The full-batch loss, the mean over the minibatches, is
// smallest at the mean of the tᵢ (0 for LectureGradients), where its
// gradient w − mean(t) vanishes.
type TenBatches struct{ Targets []float64 }

// NewTenBatches returns the problem whose minibatch gradients at 0 are grads.
func NewTenBatches(grads []float64) TenBatches {
	t := make([]float64, len(grads))
	for i, g := range grads {
		t[i] = -g
	}
	return TenBatches{t}
}

// Best is the minimum of the full-batch loss, the mean of the targets.
func (p TenBatches) Best() float64 {
	sum := 0.0
	for _, t := range p.Targets {
		sum += t
	}
	return sum / float64(len(p.Targets))
}

// Train runs opt from w0 for epochs epochs and returns the weight after each:
// with minibatch set, one step per minibatch in order; otherwise one step per
// epoch on the full-batch gradient.
func (p TenBatches) Train(opt optim.Optimizer[float64], w0 float64, epochs int, minibatch bool) []float64 {
	w, g := []float64{w0}, []float64{0}
	ws := []float64{w0}
	for range epochs {
		if minibatch {
			for _, t := range p.Targets {
				g[0] = w[0] - t
				opt.Step(w, g)
			}
		} else {
			g[0] = w[0] - p.Best()
			opt.Step(w, g)
		}
		ws = append(ws, w[0])
	}
	return ws
}

// AllocatedBytes returns how many bytes the Go heap allocated while f ran
// (runtime.MemStats.TotalAlloc before and after): used to measure the state
// an optimizer allocates on its first Step.
func AllocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// CountAdaptations counts, in successive step lengths, how often the step
// grew and how often it shrank from one step to the next.
func CountAdaptations(lengths []float64) (grew, shrank int) {
	for t := 1; t < len(lengths); t++ {
		switch {
		case lengths[t] > lengths[t-1]:
			grew++
		case lengths[t] < lengths[t-1]:
			shrank++
		}
	}
	return grew, shrank
}
