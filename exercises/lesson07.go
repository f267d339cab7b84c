package exercises

// Lesson 07, Adam and Nadam: Adam's update with bias correction, the first
// step of the lecture's Nadam, and the gradient size below which ε swamps
// an uncorrected R.

import (
	"math"

	"github.com/nncourse/optimizers/optim"
)

// AdamStepFunc is step t (from 1) of the lecture's Adam on every weight: it
// updates the averages m = M and r = R and moves w by η·M̂/√(R̂ + ε).
type AdamStepFunc func(w, g, m, r []float64, t int, eta, beta1, beta2, eps float64)

// adamStepReference is the lecture's Adam, as optim.Adam computes it in its
// Lecture form:
//
//	M ← β₁·M + (1−β₁)·g        R ← β₂·R + (1−β₂)·g²
//	M̂ = M/(1−β₁ᵗ)              R̂ = R/(1−β₂ᵗ)
//	w ← w − η·M̂/√(R̂ + ε)
func adamStepReference(w, g, m, r []float64, t int, eta, beta1, beta2, eps float64) {
	for i := range w {
		m[i] = beta1*m[i] + (1-beta1)*g[i]      // Mₜ = β₁Mₜ₋₁ + (1−β₁)gₜ
		r[i] = beta2*r[i] + (1-beta2)*g[i]*g[i] // Rₜ = β₂Rₜ₋₁ + (1−β₂)gₜ²
		mHat := m[i] / (1 - math.Pow(beta1, float64(t)))
		rHat := r[i] / (1 - math.Pow(beta2, float64(t)))
		w[i] -= eta * mHat / math.Sqrt(rHat+eps) // w ← w − η·M̂ₜ/√(R̂ₜ + ε)
	}
}

// Lesson07AdamStep checks step against the reference on two weights over
// five steps with η = 0.01, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
func Lesson07AdamStep(step AdamStepFunc) bool {
	if step == nil {
		return reportWrong("the step is nil; write the body of the skeleton's function")
	}
	const eta, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
	grads := [][]float64{{1, -0.5}, {0.8, -0.2}, {1.2, 0.1}, {-0.3, 0.4}, {0.5, -0.1}}
	w, want := []float64{1, 1}, []float64{1, 1}
	m, r, mWant, rWant := make([]float64, 2), make([]float64, 2), make([]float64, 2), make([]float64, 2)
	for k, g := range grads {
		t := k + 1
		if msg := panicText(func() { step(w, append([]float64(nil), g...), m, r, t, eta, b1, b2, eps) }); msg != "" {
			return reportWrong("your step panicked at step %d: %s", t, msg)
		}
		adamStepReference(want, g, mWant, rWant, t, eta, b1, b2, eps)
		for i := range w {
			if math.Abs(w[i]-want[i]) > 1e-12 {
				hint := "keep M and R in m and r between calls, and divide them by 1−β₁ᵗ and 1−β₂ᵗ with this call's t"
				if t == 1 {
					hint = "Adam's first step is η·g/|g|, η long: M and R start at 0, divide them by 1−β₁ᵗ and 1−β₂ᵗ (uncorrected it is 0.1/√0.001 ≈ 3.16·η)"
				}
				return reportWrong("after step %d weight %d is %.8g, want %.8g: %s", t, i, w[i], want[i], hint)
			}
		}
	}
	return reportRight("your Adam step matches optim.Adam (Lecture form) over 5 steps; its first step was η = %g, as the correction intends", eta)
}

// Lesson07NadamFirstStep checks factor(β₁), the student's first step of the
// lecture's Nadam on a unit gradient in units of η (ε neglected), against
// optim.Nadam's Lecture form for β₁ = 0.5, 0.9 and 0.99:
// β₁·M̂₁ + (1−β₁)/(1−β₁)·g = 1 + β₁.
func Lesson07NadamFirstStep(factor func(beta1 float64) float64) bool {
	if factor == nil {
		return reportWrong("the function is nil; return the first step over η for β₁")
	}
	for _, b1 := range []float64{0.5, 0.9, 0.99} {
		var got float64
		if msg := panicText(func() { got = factor(b1) }); msg != "" {
			return reportWrong("your function panicked for β₁ = %g: %s", b1, msg)
		}
		o := &optim.Nadam[float64]{LR: 1, Beta1: b1}
		w := []float64{0}
		o.Step(w, []float64{1})
		if want := -w[0]; !(math.Abs(got-want) <= 1e-6) {
			hint := "at t = 1, M̂₁ = g; the bracket is β₁·M̂₁ + (1−β₁)/(1−β₁)·g"
			if got == 1 {
				hint = "1 is Adam's first step; Nadam adds the current gradient twice, " + hint
			}
			return reportWrong("for β₁ = %g you get %.6g·η, optim.Nadam steps %.6g·η: %s", b1, got, want, hint)
		}
	}
	return reportRight("the lecture's Nadam steps (1 + β₁)·η first: 1.9·η at β₁ = 0.9, where Dozat's steps about 1.47·η")
}

// Lesson07EpsScale checks scale(ε, β₂), the student's gradient size at
// which ε equals the first-step average R₁ = (1−β₂)·g² of an Adam without
// bias correction: g = √(ε/(1−β₂)), 3.16·10⁻³ for ε = 10⁻⁸, β₂ = 0.999 —
// √1000 ≈ 32 times the √ε = 10⁻⁴ of the corrected R̂₁ = g².
func Lesson07EpsScale(scale func(eps, beta2 float64) float64) bool {
	if scale == nil {
		return reportWrong("the function is nil; return the gradient size for ε and β₂")
	}
	for _, c := range [][2]float64{{1e-8, 0.999}, {1e-6, 0.99}} {
		var got float64
		if msg := panicText(func() { got = scale(c[0], c[1]) }); msg != "" {
			return reportWrong("your function panicked for ε = %g, β₂ = %g: %s", c[0], c[1], msg)
		}
		want := math.Sqrt(c[0] / (1 - c[1]))
		if !(math.Abs(got-want) <= 1e-9*want) {
			hint := "solve (1−β₂)·g² = ε for g"
			if math.Abs(got-100*math.Sqrt(c[0])) < 1e-9 {
				hint = "a hundred times √ε is the old lesson's claim; " + hint
			}
			return reportWrong("for ε = %g, β₂ = %g you get %.4g, want %.4g: %s", c[0], c[1], got, want, hint)
		}
	}
	return reportRight("uncorrected, ε swamps R₁ for |g| below √(ε/(1−β₂)) = %.3g at the defaults, √1000 ≈ %.1f times √ε",
		math.Sqrt(1e-8/0.001), math.Sqrt(1000))
}
