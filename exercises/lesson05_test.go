package exercises

import (
	"math"
	"testing"
)

// TestLesson05AdagradStep: the reference passes; the slide's ε = 0 (NaN for
// the unseen feature), the typo read literally (G = g_t², no sum) and a
// panicking answer fail.
func TestLesson05AdagradStep(t *testing.T) {
	noEps := func(w, g, sumSq []float64, eta, _ float64) { adagradStepReference(w, g, sumSq, eta, 0) }
	lastOnly := func(w, g, sumSq []float64, eta, eps float64) {
		for i := range w {
			w[i] -= eta / (math.Sqrt(g[i]*g[i]) + eps) * g[i]
		}
	}
	checkAnswers(t, Lesson05AdagradStep, []answer[AdagradStepFunc]{
		{adagradStepReference, true}, {noEps, false}, {lastOnly, false},
		{func(w, g, sumSq []float64, eta, eps float64) { _ = w[9] }, false}, {nil, false},
	})
}

// TestLesson05PlateauTravel: the sum and 2η√t pass; SGD's η·t and the
// step η/√t (not the distance) fail.
func TestLesson05PlateauTravel(t *testing.T) {
	checkAnswers(t, Lesson05PlateauTravel, []answer[func(float64, int) float64]{
		{adagradPlateauTravel, true},
		{func(eta float64, t int) float64 { return 2 * eta * math.Sqrt(float64(t)) }, true},
		{func(eta float64, t int) float64 { return eta * float64(t) }, false},
		{func(eta float64, t int) float64 { return eta / math.Sqrt(float64(t)) }, false},
	})
}

// TestLesson05HalfStepEps: ε = 3g² passes, ε = g² fails.
func TestLesson05HalfStepEps(t *testing.T) {
	checkAnswers(t, Lesson05HalfStepEps, []answer[float64]{{3e-8, true}, {1e-8, false}, {1e-4, false}})
}
