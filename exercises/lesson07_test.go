package exercises

import (
	"math"
	"testing"
)

// TestLesson07AdamStep: the reference passes; Adam without bias correction
// and one with a fixed t = 1 fail.
func TestLesson07AdamStep(t *testing.T) {
	uncorrected := func(w, g, m, r []float64, _ int, eta, b1, b2, eps float64) {
		for i := range w {
			m[i] = b1*m[i] + (1-b1)*g[i]
			r[i] = b2*r[i] + (1-b2)*g[i]*g[i]
			w[i] -= eta * m[i] / math.Sqrt(r[i]+eps)
		}
	}
	firstT := func(w, g, m, r []float64, _ int, eta, b1, b2, eps float64) {
		adamStepReference(w, g, m, r, 1, eta, b1, b2, eps)
	}
	checkAnswers(t, Lesson07AdamStep, []answer[AdamStepFunc]{{adamStepReference, true}, {uncorrected, false}, {firstT, false}, {nil, false}})
}

// TestLesson07NadamFirstStep: 1 + β₁ passes; Adam's 1 and Dozat's constant-μ
// 1 + β₁(1−β₁)/(1−β₁²) fail.
func TestLesson07NadamFirstStep(t *testing.T) {
	checkAnswers(t, Lesson07NadamFirstStep, []answer[func(float64) float64]{
		{func(b1 float64) float64 { return 1 + b1 }, true},
		{func(float64) float64 { return 1 }, false},
		{func(b1 float64) float64 { return 1 + b1*(1-b1)/(1-b1*b1) }, false},
	})
}

// TestLesson07EpsScale: √(ε/(1−β₂)) passes; 100·√ε and √ε fail.
func TestLesson07EpsScale(t *testing.T) {
	checkAnswers(t, Lesson07EpsScale, []answer[func(eps, beta2 float64) float64]{
		{func(eps, b2 float64) float64 { return math.Sqrt(eps / (1 - b2)) }, true},
		{func(eps, _ float64) float64 { return 100 * math.Sqrt(eps) }, false},
		{func(eps, _ float64) float64 { return math.Sqrt(eps) }, false},
	})
}
