package exercises

import (
	"math"
	"testing"
)

// TestLesson06RMSpropStep: the reference passes; ε outside the root
// (PyTorch's form), a missing (1−γ) and a panicking answer fail.
func TestLesson06RMSpropStep(t *testing.T) {
	outside := func(w, g, avg []float64, eta, gamma, eps float64) {
		for i := range w {
			avg[i] = gamma*avg[i] + (1-gamma)*g[i]*g[i]
			w[i] -= eta / (math.Sqrt(avg[i]) + eps) * g[i]
		}
	}
	noOneMinus := func(w, g, avg []float64, eta, gamma, eps float64) {
		for i := range w {
			avg[i] = gamma*avg[i] + g[i]*g[i]
			w[i] -= eta / math.Sqrt(avg[i]+eps) * g[i]
		}
	}
	checkAnswers(t, Lesson06RMSpropStep, []answer[RMSpropStepFunc]{
		{rmspropStepReference, true}, {outside, false}, {noOneMinus, false},
		{func(w, g, avg []float64, eta, gamma, eps float64) { panic("todo") }, false}, {nil, false},
	})
}

// TestLesson06FirstStep: 1/√(1−γ) passes; "about η" (1) and 1/(1−γ) fail.
func TestLesson06FirstStep(t *testing.T) {
	checkAnswers(t, Lesson06FirstStep, []answer[func(float64) float64]{
		{func(g float64) float64 { return 1 / math.Sqrt(1-g) }, true},
		{func(float64) float64 { return 1 }, false},
		{func(g float64) float64 { return 1 / (1 - g) }, false},
	})
}
