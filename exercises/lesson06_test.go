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
	for i, c := range []struct {
		step RMSpropStepFunc
		want bool
	}{
		{rmspropStepReference, true}, {outside, false}, {noOneMinus, false},
		{func(w, g, avg []float64, eta, gamma, eps float64) { panic("todo") }, false}, {nil, false},
	} {
		if got := Lesson06RMSpropStep(c.step); got != c.want {
			t.Errorf("%d: got %v, want %v", i, got, c.want)
		}
	}
}

// TestLesson06FirstStep: 1/√(1−γ) passes; "about η" (1) and 1/(1−γ) fail.
func TestLesson06FirstStep(t *testing.T) {
	for i, c := range []struct {
		factor func(float64) float64
		want   bool
	}{
		{func(g float64) float64 { return 1 / math.Sqrt(1-g) }, true},
		{func(float64) float64 { return 1 }, false},
		{func(g float64) float64 { return 1 / (1 - g) }, false},
	} {
		if got := Lesson06FirstStep(c.factor); got != c.want {
			t.Errorf("%d: got %v, want %v", i, got, c.want)
		}
	}
}
