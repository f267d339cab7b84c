package exercises

import (
	"math"
	"testing"
)

// TestLesson08AdadeltaStep: the reference passes; the slide's rule (never
// moves) and an update of E[Δw²] before Δw is computed fail.
func TestLesson08AdadeltaStep(t *testing.T) {
	slide := func(w, g, sqGrad, sqStep []float64, rho, eps float64) {
		for i := range w {
			sqGrad[i] = rho*sqGrad[i] + (1-rho)*g[i]*g[i]
			step := math.Sqrt(sqStep[i]) / (math.Sqrt(sqGrad[i]) + 1e-8) * g[i]
			sqStep[i] = rho*sqStep[i] + (1-rho)*step*step
			w[i] -= step
		}
	}
	early := func(w, g, sqGrad, sqStep []float64, rho, eps float64) {
		for i := range w {
			sqGrad[i] = rho*sqGrad[i] + (1-rho)*g[i]*g[i]
			guess := math.Sqrt(eps) / math.Sqrt(sqGrad[i]+eps) * g[i]
			sqStep[i] = rho*sqStep[i] + (1-rho)*guess*guess
			w[i] -= math.Sqrt(sqStep[i]+eps) / math.Sqrt(sqGrad[i]+eps) * g[i]
		}
	}
	checkAnswers(t, Lesson08AdadeltaStep, []answer[AdadeltaStepFunc]{{adadeltaStepReference, true}, {slide, false}, {early, false}, {nil, false}})
}

// TestLesson08FirstStep: the exact first step passes; √ε and √(ε/(1−ρ))
// (right only for g² ≫ ε/(1−ρ)) fail.
func TestLesson08FirstStep(t *testing.T) {
	checkAnswers(t, Lesson08FirstStep, []answer[func(rho, eps, g float64) float64]{
		{func(rho, eps, g float64) float64 { return math.Sqrt(eps) / math.Sqrt((1-rho)*g*g+eps) * math.Abs(g) }, true},
		{func(_, eps, _ float64) float64 { return math.Sqrt(eps) }, false},
		{func(rho, eps, _ float64) float64 { return math.Sqrt(eps / (1 - rho)) }, false},
	})
}
