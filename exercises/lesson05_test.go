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
	for i, c := range []struct {
		step AdagradStepFunc
		want bool
	}{
		{adagradStepReference, true}, {noEps, false}, {lastOnly, false},
		{func(w, g, sumSq []float64, eta, eps float64) { _ = w[9] }, false}, {nil, false},
	} {
		if got := Lesson05AdagradStep(c.step); got != c.want {
			t.Errorf("%d: got %v, want %v", i, got, c.want)
		}
	}
}

// TestLesson05PlateauTravel: the sum and 2η√t pass; SGD's η·t and the
// step η/√t (not the distance) fail.
func TestLesson05PlateauTravel(t *testing.T) {
	for i, c := range []struct {
		travel func(float64, int) float64
		want   bool
	}{
		{adagradPlateauTravel, true},
		{func(eta float64, t int) float64 { return 2 * eta * math.Sqrt(float64(t)) }, true},
		{func(eta float64, t int) float64 { return eta * float64(t) }, false},
		{func(eta float64, t int) float64 { return eta / math.Sqrt(float64(t)) }, false},
	} {
		if got := Lesson05PlateauTravel(c.travel); got != c.want {
			t.Errorf("%d: got %v, want %v", i, got, c.want)
		}
	}
}

// TestLesson05HalfStepEps: ε = 3g² passes, ε = g² fails.
func TestLesson05HalfStepEps(t *testing.T) {
	for i, c := range []struct {
		eps  float64
		want bool
	}{{3e-8, true}, {1e-8, false}, {1e-4, false}} {
		if got := Lesson05HalfStepEps(c.eps); got != c.want {
			t.Errorf("%d: ε=%g: got %v, want %v", i, c.eps, got, c.want)
		}
	}
}
