package exercises

// Lesson 05, Adagrad: the update with ε, the distance it travels on a
// plateau, and the ε that halves a small gradient's first step.

import "math"

// AdagradStepFunc is one Adagrad step on every weight: it adds g² to the
// accumulator sumSq and moves w by η/(√G + ε)·g.
type AdagradStepFunc func(w, g, sumSq []float64, eta, eps float64)

// adagradStepReference is Adagrad as optim.Adagrad computes it:
//
//	G ← G + g²
//	w ← w − η/(√G + ε)·g
func adagradStepReference(w, g, sumSq []float64, eta, eps float64) {
	for i := range w {
		sumSq[i] += g[i] * g[i]                          // G: the sum of all squared gradients so far
		w[i] -= eta / (math.Sqrt(sumSq[i]) + eps) * g[i] // w ← w − η/(√G + ε)·g
	}
}

// Lesson05AdagradStep checks step against the reference on four weights
// over five steps, one of whose gradients stays 0 for the first three steps
// (a rare feature), with η = 0.5 and ε = 1e-10.
func Lesson05AdagradStep(step AdagradStepFunc) bool {
	if step == nil {
		return reportWrong("the step is nil; write the body of the skeleton's function")
	}
	grads := [][]float64{{1, -2, 0, 0.5}, {0.5, -1, 0, 0.25}, {2, 0.5, 0, -1}, {-1, 1, 3, 2}, {0.1, 0.2, -1, 0.3}}
	w, want := []float64{1, 2, 3, 4}, []float64{1, 2, 3, 4}
	sum, sumWant := make([]float64, 4), make([]float64, 4)
	for t, g := range grads {
		if msg := panicText(func() { step(w, append([]float64(nil), g...), sum, 0.5, 1e-10) }); msg != "" {
			return reportWrong("your step panicked at step %d: %s", t+1, msg)
		}
		adagradStepReference(want, g, sumWant, 0.5, 1e-10)
		for i := range w {
			if math.IsNaN(w[i]) {
				return reportWrong("weight %d is NaN after step %d: its gradient was 0 so far, so √G = 0; add ε to the root, η/(√G + ε)", i, t+1)
			}
		}
		for i := range w {
			if math.Abs(w[i]-want[i]) > 1e-9 {
				hint := "G must add up every squared gradient so far, G ← G + g², kept in sumSq between calls"
				if t == 0 {
					hint = "the first step moves each weight by η·g/(|g| + ε), about η against the sign of g"
				}
				return reportWrong("after step %d weight %d is %.6g, want %.6g: %s", t+1, i, w[i], want[i], hint)
			}
		}
	}
	return reportRight("your Adagrad step matches optim.Adagrad over 5 steps, a feature unseen for 3 of them included")
}

// adagradPlateauTravel is how far Adagrad moves in t steps on a constant
// gradient: the k-th step is η·g/√(k·g²) = η/√k, so the distance is
// η·Σ_{k≤t} 1/√k, close to 2η√t (ε neglected).
func adagradPlateauTravel(eta float64, t int) float64 {
	d := 0.0
	for k := 1; k <= t; k++ {
		d += eta / math.Sqrt(float64(k))
	}
	return d
}

// Lesson05PlateauTravel checks travel(η, t), the student's distance
// travelled by Adagrad in t steps on a plateau of constant gradient, against
// the sum of the steps η/√k, within 5 % at t = 400 and t = 10,000 (2η√t
// passes; the sum itself passes exactly).
func Lesson05PlateauTravel(travel func(eta float64, t int) float64) bool {
	if travel == nil {
		return reportWrong("the function is nil; return the distance for η and t")
	}
	for _, c := range []struct {
		eta float64
		t   int
	}{{0.5, 400}, {0.1, 10000}} {
		var got float64
		if msg := panicText(func() { got = travel(c.eta, c.t) }); msg != "" {
			return reportWrong("your function panicked for η = %g, t = %d: %s", c.eta, c.t, msg)
		}
		want := adagradPlateauTravel(c.eta, c.t)
		if !(math.Abs(got-want) <= 0.05*want) {
			hint := "the k-th step is η·g/√(k·g²) = η/√k, whatever g is; add them up (or integrate: ∫₀ᵗ dk/√k = 2√t)"
			if sgd := c.eta * float64(c.t); math.Abs(got-sgd) <= 1e-9*sgd {
				hint = "η·t is SGD with a unit gradient; Adagrad's rate falls, " + hint
			}
			return reportWrong("for η = %g, t = %d you get %.4g, the steps add up to %.4g: %s", c.eta, c.t, got, want, hint)
		}
	}
	return reportRight("Adagrad's distance on a plateau: %.4g at η = 0.5, t = 400 (2η√t = %.4g) — the plateau's slope does not enter",
		adagradPlateauTravel(0.5, 400), 2*0.5*math.Sqrt(400))
}

// Lesson05HalfStepEps checks the ε that, inside the root (η/√(G + ε)),
// makes the first step of a weight with |g| = 10⁻⁴ half of η:
// g/√(g² + ε) = ½ gives ε = 3g² = 3·10⁻⁸.
func Lesson05HalfStepEps(eps float64) bool {
	const g = 1e-4
	step := g / math.Sqrt(g*g+eps)
	if math.Abs(step-0.5) > 0.005 {
		hint := "solve g/√(g² + ε) = ½ for ε"
		if math.Abs(eps-g*g) < 0.01*g*g {
			hint = "with ε = g² the step is η/√2, not η/2; " + hint
		}
		return reportWrong("with ε = %g the first step is %.4g·η, want 0.5·η: %s", eps, step, hint)
	}
	return reportRight("ε = %g: the first step of |g| = 1e-4 is %.4g·η; ε competes with g² from ε ≈ g² on", eps, step)
}
