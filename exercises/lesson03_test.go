package exercises

import (
	"math"
	"testing"
)

func TestLesson03HeavyBall(t *testing.T) {
	if !Lesson03HeavyBall(heavyBallReference) {
		t.Error("the reference step fails its own check")
	}
	oldVelocity := func(w, v, g []float64, eta, mu float64) { // moves by the old v: a typical slip
		for i := range w {
			w[i] -= v[i]
			v[i] = mu*v[i] + eta*g[i]
		}
	}
	sgd := func(w, v, g []float64, eta, mu float64) {
		for i := range w {
			w[i] -= eta * g[i]
		}
	}
	for i, wrong := range []func(w, v, g []float64, eta, mu float64){oldVelocity, sgd, func(w, v, g []float64, eta, mu float64) { panic("oops") }} {
		if Lesson03HeavyBall(wrong) {
			t.Errorf("%d: a wrong step passes", i)
		}
	}
}

func TestLesson03NAGLimit(t *testing.T) {
	if !Lesson03NAGLimit(func(mu float64) float64 { return 2 * (1 + mu) / (1 + 2*mu) }) {
		t.Error("the reference limit fails")
	}
	for i, wrong := range []func(mu float64) float64{
		func(mu float64) float64 { return 2 * (1 + mu) }, // heavy-ball's
		func(mu float64) float64 { return 2 },
		func(mu float64) float64 { return math.NaN() },
	} {
		if Lesson03NAGLimit(wrong) {
			t.Errorf("%d: a wrong limit passes", i)
		}
	}
}

func TestLesson03Polyak(t *testing.T) {
	right := func(lmin, lmax float64) (float64, float64) {
		sk := math.Sqrt(lmax / lmin)
		s, r := 2/(math.Sqrt(lmax)+math.Sqrt(lmin)), (sk-1)/(sk+1)
		return s * s, r * r
	}
	if !Lesson03Polyak(right) {
		t.Error("the reference optimum fails")
	}
	unsquared := func(lmin, lmax float64) (float64, float64) { // μ = ρ instead of ρ²
		eta, mu := right(lmin, lmax)
		return eta, math.Sqrt(mu)
	}
	gdRate := func(lmin, lmax float64) (float64, float64) { return 2 / (lmin + lmax), 0 }
	notANumber := func(lmin, lmax float64) (float64, float64) { return math.NaN(), math.NaN() }
	for i, wrong := range []func(lmin, lmax float64) (float64, float64){unsquared, gdRate, notANumber} {
		if Lesson03Polyak(wrong) {
			t.Errorf("%d: a wrong optimum passes", i)
		}
	}
}

func TestLesson03NesterovPyTorch(t *testing.T) {
	right := func(w, v, g []float64, eta, mu float64) {
		for i := range w {
			v[i] = mu*v[i] + g[i]          // the velocity in units of the gradient
			w[i] -= eta * (g[i] + mu*v[i]) // the look-ahead folded into the step
		}
	}
	if !Lesson03NesterovPyTorch(right) {
		t.Error("the reference PyTorch form fails")
	}
	heavyBall := func(w, v, g []float64, eta, mu float64) { // no look-ahead
		for i := range w {
			v[i] = mu*v[i] + g[i]
			w[i] -= eta * v[i]
		}
	}
	if Lesson03NesterovPyTorch(heavyBall) {
		t.Error("heavy-ball momentum passes as NAG")
	}
}
