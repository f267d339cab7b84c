package demos

// Notebooks 01 and 09: the lecture's "a minibatch operation takes approx.
// the same time no matter the number of inputs" and "larger minibatches
// lead to faster convergence", measured on this machine instead of quoted
// (issue 8, "The lecture's claims, measured").
//
// A step of an MLP is a handful of matrix products of b rows. While b is
// small, a product reads every weight once for only b rows of arithmetic:
// the time is set by memory traffic and per-call overhead, so it barely
// grows with b (low arithmetic intensity, ≈ b flops per weight read). Once
// b is large enough for the GEMM kernel to be compute-bound, the time grows
// in proportion to b and the time per example stops falling. Convergence
// per example follows another law: with the learning rate scaled linearly
// with b (Goyal et al. 2017, "Accurate, Large Minibatch SGD"), b examples
// in one step do about what b/k steps of k examples do — until ηb is too
// large for the curvature, and the steps to a target stop falling
// (McCandlish et al. 2018, "An Empirical Model of Large-Batch Training";
// Shallue et al. 2019).

import (
	"errors"
	"slices"
	"time"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// StepTime is the measured wall time of one training step (forward, loss,
// backward and an SGD update) for one batch size.
type StepTime struct {
	Batch      int
	PerStep    time.Duration // the fastest of the repetitions
	PerExample time.Duration // PerStep / Batch
}

// StepTimes measures a training step of an MLP with the given sizes (ReLU,
// float32, seed 1) on the first b rows of data for every b of batches:
// one warm-up step, then the fastest of reps timed steps (the least
// disturbed by other work on the machine). data must hold at
// least the largest batch. The numbers depend on the machine and its load:
// a notebook shows them, tests check only their shape.
func StepTimes(sizes []int, data nn.Data[float32], batches []int, reps int) []StepTime {
	in, out := sizes[0], sizes[len(sizes)-1]
	model := nn.NewMLP[float32](sizes, nn.ReLU, 1, nn.He)
	opt := optim.NewSGD[float32]()
	var times []StepTime
	for _, b := range batches {
		batch := nn.Data[float32]{X: data.X[:b*in], Labels: data.Labels[:b]}
		if data.Labels == nil {
			batch = nn.Data[float32]{X: data.X[:b*in], Targets: data.Targets[:b*out]}
		}
		step := func() {
			model.LossAndGrad(batch)
			opt.Step(model.Params, model.Grads)
		}
		step()
		d := make([]time.Duration, reps)
		for i := range d {
			start := time.Now()
			step()
			d[i] = time.Since(start)
		}
		fast := slices.Min(d)
		times = append(times, StepTime{Batch: b, PerStep: fast, PerExample: fast / time.Duration(b)})
	}
	return times
}

// ToTarget is one batch size's run of StepsToLoss.
type ToTarget struct {
	Batch int
	Eta   float64
	// Steps counts the steps taken until the running loss fell below the
	// target (−1 if it did not within the run), Examples is Steps·Batch.
	Steps, Examples int
	Wall            time.Duration
	// Loss is the mean minibatch loss over the last window when the run
	// stopped: below the target if it was reached, else after maxEpochs.
	Loss float64
	// Diverged says the loss became NaN or infinite.
	Diverged bool
}

var errTargetReached = errors.New("demos: target loss reached")

// StepsToLoss trains an MLP (ReLU, float32, He initialisation, seed) with
// SGD on train for each batch size b, with the learning rate scaled
// linearly, η = eta0·b/batch0, until the mean minibatch loss over the last
// ⌈window/b⌉ steps (about window examples) is below target, or maxEpochs
// have passed. It returns the error of a run that failed for another
// reason (data that do not fit the network).
func StepsToLoss(sizes []int, train nn.Data[float32], batches []int, eta0 float64, batch0 int, target float64, window, maxEpochs int, seed uint64) ([]ToTarget, error) {
	var runs []ToTarget
	for _, b := range batches {
		r := ToTarget{Batch: b, Eta: eta0 * float64(b) / float64(batch0), Steps: -1, Examples: -1}
		opt := optim.NewSGD[float32]()
		opt.LR = r.Eta
		t := nn.NewTrainer(nn.NewMLP[float32](sizes, nn.ReLU, seed, nn.He), opt, b, maxEpochs, seed)
		k := max(1, (window+b-1)/b)
		recent, sum := make([]float64, 0, k), 0.0
		start := time.Now()
		t.OnStep = func(p nn.Progress) error {
			if !finite(p.Loss) {
				r.Diverged, r.Loss = true, p.Loss
				return errTargetReached
			}
			if len(recent) == k {
				sum -= recent[0]
				recent = recent[1:]
			}
			recent, sum = append(recent, p.Loss), sum+p.Loss
			r.Loss = sum / float64(len(recent))
			if len(recent) == k && sum/float64(k) < target {
				r.Steps, r.Examples, r.Wall = p.Step, p.Step*b, time.Since(start)
				return errTargetReached
			}
			return nil
		}
		if err := t.Fit(train, nn.Data[float32]{}); err != nil && !errors.Is(err, errTargetReached) {
			return runs, err
		}
		runs = append(runs, r)
	}
	return runs, nil
}
