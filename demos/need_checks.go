package demos

// Notebooks 02-need-of-optimizers and 04-rprop: the claims issue 8 found
// unsupported (defects 8 and 9), as computations the notebooks print.

import (
	"math"
	"sync"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// SaddleEscapePredicted is when full-batch gradient descent with rate η
// leaves the saddle x² − y² started at distance y₀ from its ridge: y grows
// by 1 + 2η per step, so |y| passes 1 after ⌈ln(1/|y₀|)/ln(1 + 2η)⌉ steps
// (−1 for y₀ = 0, which never leaves). Lesson 02's full batch "stays on the
// plateau" only because it starts exactly on y = 0; from y₀ = 10⁻⁶, η = 0.05
// it leaves after 145 steps (SaddleEscape measures it with the library).
func SaddleEscapePredicted(eta, y0 float64) int {
	if y0 == 0 {
		return -1
	}
	return int(math.Ceil(math.Log(1/math.Abs(y0)) / math.Log(1+2*eta)))
}

// ScheduleOutcome is one schedule's runs in CompareSchedules: per seed, the
// validation error after the last epoch and the best over the epochs, and
// the learning rate at the end.
type ScheduleOutcome struct {
	Name               string
	Final, Best, Rates []float64
}

// CompareSchedules trains c's network with the library's SGD under each
// schedule newScheds()[i] (fresh for every run, since schedules keep state)
// once per seed — the seed sets the initial weights and the shuffles, the
// data stay those given — and returns the outcomes. It is lesson 02's
// constant-η against validation-driven comparison repeated over seeds, so
// that the notebook says what the difference is and how much the seed
// moves it, instead of telling a story from one run. The runs are
// independent, so they run concurrently, one goroutine per run; each one's
// result depends only on its seed and schedule.
func CompareSchedules(c Comparison, train, val nn.Data[float32], names []string, newScheds func() []optim.Schedule, seeds []uint64) []ScheduleOutcome {
	type outcome struct{ final, best, rate float64 }
	runs := make([][]outcome, len(seeds)) // [seed][schedule]
	var wg sync.WaitGroup
	for k, seed := range seeds {
		scheds := newScheds()
		runs[k] = make([]outcome, len(scheds))
		for i, sched := range scheds {
			wg.Go(func() {
				c := c
				c.Seed = seed
				history, _ := c.Run(train, val, optim.NewSGD[float32](), sched) // a diverged run keeps its epochs so far
				o := outcome{final: math.NaN(), best: math.Inf(1), rate: sched.Rate(c.Epochs * c.StepsPerEpoch())}
				for _, h := range history {
					o.final = 1 - h.ValAccuracy
					o.best = math.Min(o.best, o.final)
				}
				runs[k][i] = o
			})
		}
	}
	wg.Wait()
	out := make([]ScheduleOutcome, len(names))
	for i := range out {
		out[i].Name = names[i]
		for k := range seeds {
			o := runs[k][i]
			out[i].Final, out[i].Best, out[i].Rates = append(out[i].Final, o.final), append(out[i].Best, o.best), append(out[i].Rates, o.rate)
		}
	}
	return out
}

// EpochEndOffset explains lesson 04's SGD curve over TenBatches: with the
// minibatches always in the same order, minibatch SGD (rate η) settles on a
// cycle of len(targets) steps, and the epoch ends sample that cycle at the
// same phase, right after the last minibatch — a constant offset, not a
// fluctuation around the minimum. Each step is w ← (1−η)·w + η·tᵢ, so the
// weight at the end of the cycle is the fixed point
//
//	w_end = Σᵢ η·(1−η)^(n−i)·tᵢ / (1 − (1−η)ⁿ)    (i = 1 … n)
//
// while the mean of the weights the n gradients are taken at is the mean
// of the tᵢ, the full-batch minimum (the steps of a cycle sum to 0). For
// the lecture's gradients (tᵢ = −0.1 nine times, then 0.9) and η = 0.05,
// w_end ≈ 0.0246 and the cycle's mean is 0.
func EpochEndOffset(targets []float64, eta float64) (end, mean float64) {
	n := len(targets)
	for i, t := range targets {
		end += eta * math.Pow(1-eta, float64(n-1-i)) * t
		mean += t / float64(n)
	}
	return end / (1 - math.Pow(1-eta, float64(n))), mean
}
