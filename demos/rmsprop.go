package demos

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// This file is the logic of notebook 06-rmsprop: Adagrad and RMSprop on a
// plateau, their effective rates, and RMSprop's sensitivity to γ and ε.

// WellStart is where the runs of notebook 06 start on PlateauWell: out on
// the plateau, where the gradient is about 7·10⁻³.
var WellStart = [2]float64{3, 1}

// PlateauWell is datasets.PlateauWell as a value type, the name the
// notebooks use: f(x, y) = 1 − exp(−(x² + 3y²)/2), a Gaussian well in the
// middle of a plateau.
type PlateauWell struct{}

var (
	_           datasets.Surface = PlateauWell{}
	plateauWell                  = datasets.PlateauWell()
)

// Name returns "plateau well".
func (PlateauWell) Name() string { return plateauWell.Name() }

// Value returns 1 − exp(−(x² + 3y²)/2).
func (PlateauWell) Value(x, y float64) float64 { return plateauWell.Value(x, y) }

// Grad returns ∇f = (x, 3y)·exp(−(x² + 3y²)/2).
func (PlateauWell) Grad(x, y float64) (gx, gy float64) { return plateauWell.Grad(x, y) }

// Minima returns the origin.
func (PlateauWell) Minima() [][2]float64 { return plateauWell.Minima() }

// Bounds returns [−4, 4] × [−2, 2].
func (PlateauWell) Bounds() (xmin, xmax, ymin, ymax float64) { return plateauWell.Bounds() }

// SurfaceRun is one optimizer's run on a 2-D surface.
type SurfaceRun struct {
	Name   string
	Points [][2]float64 // θ₀ … θₙ
	Loss   []float64    // f(θₜ), t = 0 … n
	Rate   []float64    // the effective rate ηₜ of the x coordinate, steps 1 … n
}

// runOnSurface steps opt n times from start on s. rate is told each x-gradient in turn and returns the effective rate the
// optimizer applies to it, recomputed from the gradients because optim
// keeps its state private; the tests check rate·g against the step the
// library took.
func runOnSurface(s datasets.Surface, opt optim.Optimizer[float64], start [2]float64, n int, rate func(gx float64) float64) SurfaceRun {
	run := SurfaceRun{Name: opt.Name(), Points: [][2]float64{start}, Loss: []float64{s.Value(start[0], start[1])}}
	optim.Descend(opt, start[:], surfaceGrad(s, func(g []float64) { run.Rate = append(run.Rate, rate(g[0])) }), n, func(w []float64) bool {
		run.Points = append(run.Points, [2]float64{w[0], w[1]})
		run.Loss = append(run.Loss, s.Value(w[0], w[1]))
		return true
	})
	return run
}

// AdagradOnWell runs optim.Adagrad with rate lr for n steps from WellStart
// on PlateauWell. Its effective rate is η/(√G + ε), G = Σ g².
func AdagradOnWell(lr float64, n int) SurfaceRun {
	opt := optim.NewAdagrad[float64]()
	opt.LR = lr
	sum := 0.0
	return runOnSurface(PlateauWell{}, opt, WellStart, n, func(g float64) float64 {
		sum += g * g
		return lr / (math.Sqrt(sum) + opt.Eps)
	})
}

// RMSpropOnWell runs optim.RMSprop (the lecture's form, ε inside the root)
// with rate lr, decay gamma and eps for n steps from WellStart on
// PlateauWell. Its effective rate is η/√(E[g²] + ε).
func RMSpropOnWell(lr, gamma, eps float64, n int) SurfaceRun {
	opt := &optim.RMSprop[float64]{LR: lr, Gamma: gamma, Eps: eps}
	avg := 0.0
	run := runOnSurface(PlateauWell{}, opt, WellStart, n, func(g float64) float64 {
		avg = gamma*avg + (1-gamma)*g*g
		return lr / math.Sqrt(avg+eps)
	})
	run.Name = fmt.Sprintf("RMSprop γ=%g ε=%g", gamma, eps)
	return run
}

// StepsBelow returns the first step t with loss[t] < level, or −1.
func StepsBelow(loss []float64, level float64) int {
	for t, l := range loss {
		if l < level {
			return t
		}
	}
	return -1
}

// StepsBelowText is StepsBelow for printing: the step, or "never".
func StepsBelowText(loss []float64, level float64) string {
	if t := StepsBelow(loss, level); t >= 0 {
		return fmt.Sprint(t)
	}
	return "never"
}

// Trajectory returns the run's iterates for vizhelpers.Contour.
func (r SurfaceRun) Trajectory() vizhelpers.Trajectory {
	return vizhelpers.Trajectory{Name: r.Name, Points: r.Points}
}

// LossSeries returns f(θₜ) against t = 0 … n.
func (r SurfaceRun) LossSeries() vizhelpers.Series {
	return vizhelpers.Series{Name: r.Name, X: stepAxis(0, len(r.Loss)), Y: r.Loss}
}

// RateSeries returns the effective rate of x against t = 1 … n.
func (r SurfaceRun) RateSeries() vizhelpers.Series {
	return vizhelpers.Series{Name: r.Name, X: stepAxis(1, len(r.Rate)), Y: r.Rate}
}

// stepAxis returns from, from+1, … (n values) as float64.
func stepAxis(from, n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(from + i)
	}
	return xs
}

// RMSpropGrid runs RMSpropOnWell for every (γ, ε) pair and tabulates how
// many steps each needs to bring f below level (– when it does not within
// n steps) and the largest step it took, in units of η, with the size of
// the first step next to its prediction 1/√(1−γ). That first step is
// η·g/√((1−γ)·g² + ε) ≈ η/√(1−γ): E[g²] starts at 0 and RMSprop has no
// bias correction, so the closer γ is to 1, the larger the first steps —
// the lecture's "sensitive to the initialization of the Sum matrix".
func RMSpropGrid(lr float64, gammas, epss []float64, n int, level float64) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("RMSprop on the plateau well, η = %g: steps until f < %g (largest step / η)", lr, level),
		Header:  []string{"γ", "1/√(1−γ)", "first step / η"},
	}
	for _, eps := range epss {
		t.Header = append(t.Header, fmt.Sprintf("ε = %g", eps))
	}
	for _, gamma := range gammas {
		first := RMSpropOnWell(lr, gamma, epss[0], 1)
		row := []string{fmt.Sprint(gamma), fmt.Sprintf("%.3g", 1/math.Sqrt(1-gamma)),
			fmt.Sprintf("%.3g", math.Abs(first.Points[1][0]-first.Points[0][0])/lr)}
		for _, eps := range epss {
			run := RMSpropOnWell(lr, gamma, eps, n)
			row = append(row, fmt.Sprintf("%s (%.3g)", stepsText(StepsBelow(run.Loss, level)), run.LargestStep()/lr))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = fmt.Sprintf("From (%g, %g), %d steps. First step of x for ε = %g. – : f never fell below %g.",
		WellStart[0], WellStart[1], n, epss[0], level)
	return t
}

// LargestStep returns the largest change of one coordinate in one step.
func (r SurfaceRun) LargestStep() float64 {
	largest := 0.0
	for t := 1; t < len(r.Points); t++ {
		for i := range 2 {
			largest = math.Max(largest, math.Abs(r.Points[t][i]-r.Points[t-1][i]))
		}
	}
	return largest
}

// stepsText formats a StepsBelow result.
func stepsText(t int) string {
	if t < 0 {
		return "–"
	}
	return fmt.Sprint(t)
}

// PickMemories returns the rows of the named optimizers, in that order
// (for a lesson's memory table out of TrainingMemories).
func PickMemories(rows []nn.Memory, names ...string) []nn.Memory {
	var picked []nn.Memory
	for _, name := range names {
		for _, m := range rows {
			if m.Optimizer == name {
				picked = append(picked, m)
			}
		}
	}
	return picked
}
