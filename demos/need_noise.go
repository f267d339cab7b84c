package demos

// Notebook 02-need-of-optimizers, second part: the noise of minibatches —
// how it frees gradient descent from a saddle, how it makes the objective
// fluctuate, and how decaying the learning rate calms it.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// NoisySaddle is the saddle f(x, y) = x² − y² written as the mean of n
// per-example losses
//
//	fₖ(x, y) = (x − aₖ)² − (y − bₖ)²
//
// with aₖ, bₖ drawn from N(0, σ²) and shifted so that their means are 0.
// The full-batch loss is then x² − y² plus a constant and its gradient
// (2x, −2y) is exactly the saddle's; the gradient of a minibatch B is
// (2(x − ā_B), −2(y − b̄_B)): the saddle's plus noise that grows as the batch
// shrinks.
type NoisySaddle struct {
	A, B []float64
}

// NewNoisySaddle draws the n examples of a NoisySaddle.
func NewNoisySaddle(n int, sigma float64, seed uint64) *NoisySaddle {
	rng := rand.New(rand.NewPCG(seed, 0x5add1e))
	s := &NoisySaddle{A: make([]float64, n), B: make([]float64, n)}
	for _, v := range [][]float64{s.A, s.B} {
		for k := range v {
			v[k] = sigma * rng.NormFloat64()
		}
		mean := 0.0
		for _, x := range v {
			mean += x / float64(n)
		}
		for k := range v {
			v[k] -= mean
		}
	}
	return s
}

// Descend runs minibatch gradient descent from start with rate eta on
// batches of batch examples (batch ≥ n: the full batch, no noise), for at
// most steps steps or until the iterate leaves the saddle's window
// [−2, 2]², and returns the iterates. The batches come from
// nn.Minibatches (seeded with seed, the partial last batch of each epoch
// dropped).
func (s *NoisySaddle) Descend(start [2]float64, eta float64, batch, steps int, seed uint64) [][2]float64 {
	n := len(s.A)
	examples := make([]float64, 0, 2*n) // row k: (aₖ, bₖ)
	for k := range n {
		examples = append(examples, s.A[k], s.B[k])
	}
	batches := &nn.Minibatches[float64]{Data: nn.Data[float64]{X: examples}, Width: 2,
		BatchSize: min(batch, n), DropLast: true, Seed: seed}
	x, y := start[0], start[1]
	pts := [][2]float64{start}
	for e := 0; len(pts) <= steps; e++ {
		for _, mb := range batches.Epoch(e) {
			var a, b float64
			for k := 0; k < len(mb.X); k += 2 {
				a += mb.X[k]
				b += mb.X[k+1]
			}
			rows := float64(len(mb.X) / 2)
			a, b = a/rows, b/rows
			x, y = x-eta*2*(x-a), y+eta*2*(y-b) // ∂f/∂x = 2(x − ā), ∂f/∂y = −2(y − b̄)
			pts = append(pts, [2]float64{x, y})
			if math.Abs(x) > 2 || math.Abs(y) > 2 || len(pts) > steps {
				return pts
			}
		}
	}
	return pts
}

// EscapeStep is the first step at which a trajectory is farther than dist
// from the saddle point along y, or −1 if it never is.
func EscapeStep(pts [][2]float64, dist float64) int {
	for t, p := range pts {
		if math.Abs(p[1]) > dist {
			return t
		}
	}
	return -1
}

// EscapeTable runs the saddle from start for each batch size and each of
// runs seeds, and shows the number of runs that escaped within steps and
// their median number of steps until |y| > 1 ("> steps" when fewer than
// half escaped: the table does not look further).
func (s *NoisySaddle) EscapeTable(start [2]float64, eta float64, batches []int, runs, steps int) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("escaping the saddle x² − y² from (%g, %g), η = %g, %d examples, %d runs per batch size",
			start[0], start[1], eta, len(s.A), runs),
		Header: []string{"batch size", "escaped within " + fmt.Sprint(steps) + " steps", "median steps to |y| > 1, within " + fmt.Sprint(steps)},
	}
	for _, b := range batches {
		var escapes []int
		for seed := range runs {
			if e := EscapeStep(s.Descend(start, eta, b, steps, uint64(seed)), 1); e >= 0 {
				escapes = append(escapes, e)
			}
		}
		median := fmt.Sprintf("> %d", steps)
		if len(escapes) > runs/2 {
			slices.Sort(escapes)
			median = fmt.Sprint(escapes[len(escapes)/2])
		}
		name := fmt.Sprint(b)
		if b >= len(s.A) {
			name += " (full batch)"
		}
		t.Rows = append(t.Rows, []string{name, fmt.Sprintf("%d of %d", len(escapes), runs), median})
	}
	return t
}

// ScheduleRun trains a linear neuron with minibatch gradient descent,
// setting the rate from sched before every step, and returns per step the
// loss of the minibatch it stepped on and the excess loss of the whole data
// set, E(w) − E(w*), after the step. The minibatches come from
// nn.Minibatches, reshuffled every epoch.
func ScheduleRun(r *datasets.Regression, sched optim.Schedule, w0 []float64, batch, steps int, seed uint64) (batchLoss, excess []float64) {
	best := r.Loss(r.LeastSquares())
	opt := optim.NewSGD[float64]()
	w, g := slices.Clone(w0), make([]float64, len(w0))
	mb := &nn.Minibatches[float64]{Data: nn.Data[float64]{X: r.X, Targets: r.Targets}, Width: r.Inputs,
		BatchSize: batch, DropLast: true, Seed: seed}
	for e := 0; len(batchLoss) < steps; e++ {
		for _, b := range mb.Epoch(e) {
			if len(batchLoss) == steps {
				break
			}
			part := &datasets.Regression{Inputs: r.Inputs, X: b.X, Targets: b.Targets}
			batchLoss = append(batchLoss, part.Loss(w))
			part.Grad(w, g)
			opt.SetLearningRate(sched.Rate(len(excess)))
			opt.Step(w, g)
			excess = append(excess, r.Loss(w)-best)
		}
	}
	return batchLoss, excess
}

// Smooth returns the trailing moving average of y over k points (fewer at
// the start), to make a noisy curve readable.
func Smooth(y []float64, k int) []float64 {
	out := make([]float64, len(y))
	sum := 0.0
	for i, v := range y {
		sum += v
		if i >= k {
			sum -= y[i-k]
		}
		out[i] = sum / float64(min(i+1, k))
	}
	return out
}
