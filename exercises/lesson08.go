package exercises

// Lesson 08, Adadelta: Zeiler's update with ε inside both roots, and the
// size of its first step.

import (
	"math"

	"github.com/nncourse/optimizers/optim"
)

// AdadeltaStepFunc is one step of Zeiler's Adadelta on every weight: it
// updates sqGrad = E[g²], computes Δw from sqStep = E[Δw²] of the previous
// step, updates sqStep and moves w by −Δw.
type AdadeltaStepFunc func(w, g, sqGrad, sqStep []float64, rho, eps float64)

// adadeltaStepReference is Zeiler's Adadelta, as optim.Adadelta computes it
// with η = 1:
//
//	E[g²] ← ρ·E[g²] + (1−ρ)·g²
//	Δw = √(E[Δw²] + ε)/√(E[g²] + ε)·g
//	E[Δw²] ← ρ·E[Δw²] + (1−ρ)·Δw²
//	w ← w − Δw
func adadeltaStepReference(w, g, sqGrad, sqStep []float64, rho, eps float64) {
	for i := range w {
		sqGrad[i] = rho*sqGrad[i] + (1-rho)*g[i]*g[i]                      // E[g²]ₜ
		step := math.Sqrt(sqStep[i]+eps) / math.Sqrt(sqGrad[i]+eps) * g[i] // Δwₜ, with E[Δw²]ₜ₋₁
		sqStep[i] = rho*sqStep[i] + (1-rho)*step*step                      // E[Δw²]ₜ
		w[i] -= step
	}
}

// Lesson08AdadeltaStep checks step against the reference on two weights
// over six steps with ρ = 0.9 and ε = 10⁻⁴.
func Lesson08AdadeltaStep(step AdadeltaStepFunc) bool {
	if step == nil {
		return reportWrong("the step is nil; write the body of the skeleton's function")
	}
	const rho, eps = 0.9, 1e-4
	grads := [][]float64{{1, -0.1}, {0.5, -0.2}, {0.8, 0.05}, {-0.2, 0.1}, {0.3, -0.3}, {0.1, 0.2}}
	w, want := []float64{1, 1}, []float64{1, 1}
	sg, ss, sgWant, ssWant := make([]float64, 2), make([]float64, 2), make([]float64, 2), make([]float64, 2)
	for k, g := range grads {
		t := k + 1
		if msg := panicText(func() { step(w, append([]float64(nil), g...), sg, ss, rho, eps) }); msg != "" {
			return reportWrong("your step panicked at step %d: %s", t, msg)
		}
		adadeltaStepReference(want, g, sgWant, ssWant, rho, eps)
		for i := range w {
			if math.Abs(w[i]-want[i]) > 1e-12 {
				hint := "compute Δw with E[Δw²] of the previous step, and only then add Δw² to it"
				if w[i] == 1 {
					hint = "the weight has not moved: E[Δw²] starts at 0, so the numerator needs ε inside its root, √(E[Δw²] + ε)"
				}
				return reportWrong("after step %d weight %d is %.8g, want %.8g: %s", t, i, w[i], want[i], hint)
			}
		}
	}
	return reportRight("your Adadelta step matches optim.Adadelta over 6 steps")
}

// Lesson08FirstStep checks first(ρ, ε, g), the student's first Adadelta
// step (its size |Δw₁|), against optim.Adadelta for a few ρ, ε and g:
// √ε/√((1−ρ)·g² + ε)·|g|, about √(ε/(1−ρ)) once g² ≫ ε/(1−ρ).
func Lesson08FirstStep(first func(rho, eps, g float64) float64) bool {
	if first == nil {
		return reportWrong("the function is nil; return the size of the first step")
	}
	for _, c := range [][3]float64{{0.95, 1e-6, 1}, {0.9, 1e-4, 0.5}, {0.99, 1e-8, 3}, {0.95, 1e-2, 0.1}} {
		var got float64
		if msg := panicText(func() { got = first(c[0], c[1], c[2]) }); msg != "" {
			return reportWrong("your function panicked for ρ = %g, ε = %g, g = %g: %s", c[0], c[1], c[2], msg)
		}
		o := &optim.Adadelta[float64]{Rho: c[0], Eps: c[1]}
		w := []float64{0}
		o.Step(w, []float64{c[2]})
		want := math.Abs(w[0])
		if !(math.Abs(got-want) <= 1e-9*want) {
			hint := "E[g²]₁ = (1−ρ)·g² and E[Δw²]₀ = 0: the step is √(0 + ε)/√((1−ρ)·g² + ε)·|g|"
			switch {
			case math.Abs(got-math.Sqrt(c[1])) < 1e-12:
				hint = "√ε is the numerator alone; " + hint
			case math.Abs(got-want) < 0.01*want:
				hint = "close: √(ε/(1−ρ)) holds only while g² ≫ ε/(1−ρ); keep ε in the denominator too, " + hint
			}
			return reportWrong("for ρ = %g, ε = %g, g = %g you get %.6g, optim.Adadelta steps %.6g: %s", c[0], c[1], c[2], got, want, hint)
		}
	}
	return reportRight("Adadelta's first step is √ε/√((1−ρ)g² + ε)·|g|: %.4g for ρ = 0.95, ε = 1e-6, g = 1 — ε, not a learning rate, sets the pace",
		math.Sqrt(1e-6)/math.Sqrt(0.05+1e-6))
}
