package exercises

import (
	"math"
	"testing"
)

// stepFunc is the shape of lesson 03's update rules: w, v updated in place.
type stepFunc = func(w, v, g []float64, eta, mu float64)

func TestLesson03HeavyBall(t *testing.T) {
	oldVelocity := func(w, v, g []float64, eta, mu float64) { // moves by the old v: a typical slip
		for i := range w {
			w[i] -= v[i]
			v[i] = mu*v[i] + eta*g[i]
		}
	}
	sgd := func(w, v, g []float64, eta, mu float64) { // the skeleton: no velocity
		for i := range w {
			w[i] -= eta * g[i]
		}
	}
	panics := func(w, v, g []float64, eta, mu float64) { _ = w[len(w)] }
	checkAnswers(t, Lesson03HeavyBall, []answer[stepFunc]{
		{heavyBallReference, true}, {oldVelocity, false}, {sgd, false}, {panics, false}, {nil, false}})
}

func TestLesson03NAGLimit(t *testing.T) {
	checkAnswers(t, Lesson03NAGLimit, []answer[func(mu float64) float64]{
		{func(mu float64) float64 { return 2 * (1 + mu) / (1 + 2*mu) }, true},
		{func(mu float64) float64 { return 2 * (1 + mu) }, false}, // heavy-ball's limit
		{func(mu float64) float64 { return 2 }, false},            // the skeleton: GD's
		{func(mu float64) float64 { return math.NaN() }, false},
	})
}

func TestLesson03Polyak(t *testing.T) {
	right := func(lmin, lmax float64) (float64, float64) {
		sk := math.Sqrt(lmax / lmin)
		s, r := 2/(math.Sqrt(lmax)+math.Sqrt(lmin)), (sk-1)/(sk+1)
		return s * s, r * r
	}
	unsquared := func(lmin, lmax float64) (float64, float64) { // μ = ρ instead of ρ²
		eta, mu := right(lmin, lmax)
		return eta, math.Sqrt(mu)
	}
	checkAnswers(t, Lesson03Polyak, []answer[func(lmin, lmax float64) (float64, float64)]{
		{right, true}, {unsquared, false},
		{func(lmin, lmax float64) (float64, float64) { return 2 / (lmin + lmax), 0 }, false}, // the skeleton: GD's
		{func(lmin, lmax float64) (float64, float64) { return math.NaN(), math.NaN() }, false},
	})
}

func TestLesson03NesterovPyTorch(t *testing.T) {
	right := func(w, v, g []float64, eta, mu float64) {
		for i := range w {
			v[i] = mu*v[i] + g[i]          // the velocity in units of the gradient
			w[i] -= eta * (g[i] + mu*v[i]) // the look-ahead folded into the step
		}
	}
	heavyBall := func(w, v, g []float64, eta, mu float64) { // the skeleton: no look-ahead
		for i := range w {
			v[i] = mu*v[i] + g[i]
			w[i] -= eta * v[i]
		}
	}
	checkAnswers(t, Lesson03NesterovPyTorch, []answer[stepFunc]{{right, true}, {heavyBall, false}, {nil, false}})
}
