package demos

// The spectral view checked by the library: optim.SGD, optim.Momentum and
// optim.Nesterov run on diagonal quadratics f(w) = ½·Σ λᵢ·wᵢ², where the
// eigenbasis is the coordinate axes, so each coordinate follows its own
// eigenvalue's recurrence (spectral.go).

import (
	"fmt"
	"math"
	"slices"

	"github.com/nncourse/optimizers/optim"
)

// NewMethod returns the library's optimizer for m with rate η and momentum μ
// (μ is ignored for GD).
func NewMethod(m Method, eta, mu float64) optim.Optimizer[float64] {
	switch m {
	case GD:
		o := optim.NewSGD[float64]()
		o.LR = eta
		return o
	case HeavyBall:
		o := optim.NewMomentum[float64]()
		o.LR, o.Mu = eta, mu
		return o
	case NAG:
		o := optim.NewNesterov[float64]()
		o.LR, o.Mu = eta, mu
		return o
	}
	panic(fmt.Sprintf("demos: NewMethod: unknown method %d", int(m)))
}

// DiagonalRun runs opt for steps steps on f(w) = ½·Σ λᵢ·wᵢ² from w0
// (GradientRun with ∂f/∂wᵢ = λᵢ·wᵢ).
func DiagonalRun(opt optim.Optimizer[float64], lambdas, w0 []float64, steps int) [][]float64 {
	return GradientRun(opt, func(w, g []float64) {
		for i, l := range lambdas {
			g[i] = l * w[i]
		}
	}, w0, steps)
}

// GradientRun runs opt for steps steps from w0 on the loss whose gradient
// grad writes into g at w, and returns the weights w₀, w₁, … (for a
// LookAhead optimizer its exact weights, the gradient being taken at the
// slab it keeps). It stops early once a weight is no longer finite.
func GradientRun(opt optim.Optimizer[float64], grad func(w, g []float64), w0 []float64, steps int) [][]float64 {
	path := [][]float64{slices.Clone(w0)}
	optim.Descend(opt, w0, grad, steps, func(w []float64) bool {
		path = append(path, slices.Clone(w))
		return !slices.ContainsFunc(w, func(x float64) bool { return !finite(x) })
	})
	return path
}

// FinalDistance runs method m with (η, μ) from w = 1 on f = ½·λ·w² for
// steps steps and returns |w| at the end: below 1 it converged, far above
// it diverged (+Inf if it overflowed).
func FinalDistance(m Method, eta, mu, lambda float64, steps int) float64 {
	path := DiagonalRun(NewMethod(m, eta, mu), []float64{lambda}, []float64{1}, steps)
	if len(path) <= steps {
		return math.Inf(1)
	}
	return math.Abs(path[steps][0])
}

// MeasuredRate is the mean per-step factor of a run, (‖w_T‖/‖w₀‖)^(1/T),
// to compare with Rate. Transients add a factor polynomial in T, so it
// tends to the spectral radius as T grows.
func MeasuredRate(path [][]float64) float64 {
	t := len(path) - 1
	return math.Pow(norm(path[t])/norm(path[0]), 1/float64(t))
}

func norm(w []float64) float64 {
	s := 0.0
	for _, x := range w {
		s += x * x
	}
	return math.Sqrt(s)
}

// SpeedUpRow is one bowl of SpeedUp: the steps GD and Momentum, each at its
// optimal hyperparameters (Optimal), need to bring ‖w‖ below tol·‖w₀‖.
type SpeedUpRow struct {
	Kappa                  float64
	GDSteps, MomentumSteps int
	GDEta, MomentumEta, Mu float64
}

// SpeedUp measures the √κ speed-up on the bowls ½(x² + κ·y²) for each κ,
// from w₀ = (1, 1), with the library's SGD and Momentum at their optimal
// (η, μ); −1 means not within maxSteps. GDSteps grows like κ and
// MomentumSteps like √κ (Polyak 1964; Goh 2017, "Optimal parameters").
func SpeedUp(kappas []float64, tol float64, maxSteps int) []SpeedUpRow {
	var rows []SpeedUpRow
	for _, k := range kappas {
		r := SpeedUpRow{Kappa: k}
		r.GDEta, _, _ = Optimal(GD, 1, k)
		r.MomentumEta, r.Mu, _ = Optimal(HeavyBall, 1, k)
		lambdas := []float64{1, k}
		r.GDSteps = stepsToTol(DiagonalRun(NewMethod(GD, r.GDEta, 0), lambdas, []float64{1, 1}, maxSteps), tol)
		r.MomentumSteps = stepsToTol(DiagonalRun(NewMethod(HeavyBall, r.MomentumEta, r.Mu), lambdas, []float64{1, 1}, maxSteps), tol)
		rows = append(rows, r)
	}
	return rows
}

// stepsToTol is the first step after which ‖w‖ stays below tol·‖w₀‖, or −1.
func stepsToTol(path [][]float64, tol float64) int {
	limit, first := tol*norm(path[0]), -1
	for t, w := range path {
		switch {
		case !(norm(w) < limit):
			first = -1
		case first < 0:
			first = t
		}
	}
	return first
}

// Valley is lesson 03's first figure measured: SGD and Momentum on
// ½(x² + κ·y²) from start, across the valley (y, curvature κ) and along it
// (x, curvature 1).
type Valley struct {
	// AcrossDecay is the measured per-step factor of y's amplitude,
	// MeasuredRate of the y coordinate, for SGD and for Momentum;
	// AcrossPredicted is Rate on λ = κ: |1 − ηκ| and, for Momentum with
	// complex roots, √μ.
	AcrossDecay, AcrossPredicted [2]float64
	// AlongLeft is |x| after the run, for SGD and for Momentum, and
	// AlongPredicted the per-step Rate on λ = 1.
	AlongLeft, AlongPredicted [2]float64
}

// ValleyRun runs the library's SGD and Momentum (η, μ) for steps steps on
// ½(x² + κ·y²) from start. In lesson 03 (κ = 100, η = 0.019, μ = 0.9, 100
// steps from (−1.8, 1), ηκ = 1.9) SGD's y shrinks by 0.9 per step and
// Momentum's by √0.9 ≈ 0.95: Momentum oscillates across the valley longer.
// Along it Momentum's factor is also √μ, against SGD's 1 − η = 0.981:
// Momentum wins along the valley, not across.
func ValleyRun(kappa, eta, mu float64, start [2]float64, steps int) Valley {
	var v Valley
	for i, m := range []Method{GD, HeavyBall} {
		path := DiagonalRun(NewMethod(m, eta, mu), []float64{1, kappa}, start[:], steps)
		ys := make([][]float64, len(path))
		for t, w := range path {
			ys[t] = w[1:]
		}
		v.AcrossDecay[i] = MeasuredRate(ys)
		v.AcrossPredicted[i] = Rate(m, eta, mu, kappa)
		v.AlongLeft[i] = math.Abs(path[len(path)-1][0])
		v.AlongPredicted[i] = Rate(m, eta, mu, 1)
	}
	return v
}
