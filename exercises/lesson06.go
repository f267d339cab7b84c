package exercises

// Lesson 06, RMSprop: the update with its moving average, and the size of
// its first step.

import (
	"math"

	"github.com/nncourse/optimizers/optim"
)

// RMSpropStepFunc is one step of the lecture's RMSprop on every weight: it
// updates the moving average avg = E[g²] and moves w by η/√(E[g²] + ε)·g.
type RMSpropStepFunc func(w, g, avg []float64, eta, gamma, eps float64)

// rmspropStepReference is the lecture's RMSprop, as optim.RMSprop computes
// it in its Lecture form:
//
//	E[g²] ← γ·E[g²] + (1−γ)·g²
//	w ← w − η/√(E[g²] + ε)·g
func rmspropStepReference(w, g, avg []float64, eta, gamma, eps float64) {
	for i := range w {
		avg[i] = gamma*avg[i] + (1-gamma)*g[i]*g[i] // E[g²]ₜ = γE[g²]ₜ₋₁ + (1−γ)gₜ²
		w[i] -= eta / math.Sqrt(avg[i]+eps) * g[i]  // w ← w − η/√(E[g²]ₜ + ε)·gₜ
	}
}

// Lesson06RMSpropStep checks step against the reference on three weights
// over six steps with η = 0.01, γ = 0.8 and ε = 10⁻⁴ (large, so that a
// misplaced ε shows), gradients between 10⁻³ and 2.
func Lesson06RMSpropStep(step RMSpropStepFunc) bool {
	if step == nil {
		return reportWrong("the step is nil; write the body of the skeleton's function")
	}
	const eta, gamma, eps = 0.01, 0.8, 1e-4
	grads := [][]float64{{1, -0.01, 2}, {0.5, -0.02, 1e-3}, {-1, 0.01, 1e-3}, {2, 0.03, -0.5}, {1, -0.01, 0.2}, {-0.3, 0.02, 1}}
	w, want := []float64{1, -1, 0.5}, []float64{1, -1, 0.5}
	avg, avgWant := make([]float64, 3), make([]float64, 3)
	for t, g := range grads {
		if msg := panicText(func() { step(w, append([]float64(nil), g...), avg, eta, gamma, eps) }); msg != "" {
			return reportWrong("your step panicked at step %d: %s", t+1, msg)
		}
		rmspropStepReference(want, g, avgWant, eta, gamma, eps)
		for i := range w {
			if math.Abs(w[i]-want[i]) > 1e-12 {
				hint := "keep E[g²] in avg between calls: avg ← γ·avg + (1−γ)·g², then divide by √(avg + ε)"
				if outside := want[i] + eta*g[i]*(1/math.Sqrt(avgWant[i]+eps)-1/(math.Sqrt(avgWant[i])+eps)); t == 0 && math.Abs(w[i]-outside) < 1e-12 {
					hint = "ε goes inside the root in the lecture's form, √(E[g²] + ε), not √E[g²] + ε (that is PyTorch's)"
				}
				return reportWrong("after step %d weight %d is %.8g, want %.8g: %s", t+1, i, w[i], want[i], hint)
			}
		}
	}
	return reportRight("your RMSprop step matches optim.RMSprop (Lecture form) over 6 steps")
}

// Lesson06FirstStep checks factor(γ), the student's first step of RMSprop
// in units of η on a unit gradient (ε neglected), within 10⁻⁴ of the library's
// first step for γ = 0.5, 0.9, 0.99 and 0.999: E[g²]₁ = (1−γ)·g², so the
// step is η/√(1−γ).
func Lesson06FirstStep(factor func(gamma float64) float64) bool {
	if factor == nil {
		return reportWrong("the function is nil; return the first step over η for γ")
	}
	for _, gamma := range []float64{0.5, 0.9, 0.99, 0.999} {
		var got float64
		if msg := panicText(func() { got = factor(gamma) }); msg != "" {
			return reportWrong("your function panicked for γ = %g: %s", gamma, msg)
		}
		o := optim.NewRMSprop[float64]()
		o.Gamma = gamma
		w := []float64{0}
		o.Step(w, []float64{1})
		want := -w[0] / o.LR
		if !(math.Abs(got-want) <= 1e-4*want) { // ε = 1e-8 shifts γ = 0.999 by 5e-6
			hint := "E[g²] starts at 0: after one step it is (1−γ)·g², not g²; divide g by its root"
			if math.Abs(got-1/(1-gamma)) < 1e-6/(1-gamma) {
				hint = "the rate divides by the square root of E[g²]"
			}
			return reportWrong("for γ = %g you get %.6g·η, optim.RMSprop steps %.6g·η: %s", gamma, got, want, hint)
		}
	}
	return reportRight("RMSprop's first step is η/√(1−γ): %.4g·η at γ = 0.9, %.4g·η at γ = 0.999", 1/math.Sqrt(0.1), 1/math.Sqrt(0.001))
}
