package exercises

// Lesson 03, momentum and Nesterov: the heavy-ball update, NAG's stability
// limit, Polyak's optimal (η, μ) and NAG in PyTorch's form.

import (
	"math"
)

// Lesson03HeavyBall checks a heavy-ball momentum step written in place,
// step(w, v, g, η, μ): v ← μ·v + η·g, then w ← w − v (the lecture's
// Momentum). It runs the step against the reference on a few weights for
// several steps with changing gradients.
func Lesson03HeavyBall(step func(w, v, g []float64, eta, mu float64)) bool {
	const eta, mu = 0.1, 0.9
	w, v := []float64{1, -2, 0.5}, make([]float64, 3)
	wRef, vRef := []float64{1, -2, 0.5}, make([]float64, 3)
	for t := range 5 {
		g := []float64{wRef[0], 3 * wRef[1], -wRef[2] + 1} // the same gradient for both, taken at the reference
		if msg := panicText(func() { step(w, v, append([]float64{}, g...), eta, mu) }); msg != "" {
			return reportWrong("your step panicked: %s", msg)
		}
		heavyBallReference(wRef, vRef, g, eta, mu)
		if !slicesAgree(w, wRef) || !slicesAgree(v, vRef) {
			hint := "compute the new velocity first, v = μ·v + η·g, then subtract the new v from w"
			if t == 0 {
				hint = "on the first step v = η·g and w = w − η·g; check that both slices are written in place"
			}
			return reportWrong("after step %d: w = %v, v = %v; want w = %v, v = %v. Hint: %s", t+1, w, v, wRef, vRef, hint)
		}
	}
	return reportRight("your heavy-ball step matches v ← μ·v + η·g, w ← w − v over 5 steps")
}

// heavyBallReference is the reference: the lecture's Momentum.
func heavyBallReference(w, v, g []float64, eta, mu float64) {
	for i := range w {
		v[i] = mu*v[i] + eta*g[i] // velocity: the fraction μ kept, plus this step's gradient
		w[i] -= v[i]              // move by the new velocity
	}
}

// Lesson03NAGLimit checks limit(μ), the largest ηλ for which NAG (the
// lecture's four steps) converges on f = ½·λ·w², against
// 2(1 + μ)/(1 + 2μ) for μ = 0, 0.3, 0.6, 0.9, 0.99.
func Lesson03NAGLimit(limit func(mu float64) float64) bool {
	for _, mu := range []float64{0, 0.3, 0.6, 0.9, 0.99} {
		var got float64
		if msg := panicText(func() { got = limit(mu) }); msg != "" {
			return reportWrong("your function panicked at μ = %g: %s", mu, msg)
		}
		want := 2 * (1 + mu) / (1 + 2*mu)
		if !(math.Abs(got-want) <= 1e-9*want) {
			hint := "write NAG on one eigenvalue as (x, v) ← R·(x, v), find z² + b·z + c = 0 and apply 1 − b + c > 0"
			if math.Abs(got-2*(1+mu)) < 1e-9 {
				hint = "2(1 + μ) is heavy-ball momentum's limit; NAG takes the gradient at θ = w − μ·v, so its polynomial is z² − (1 + μ)(1 − a)·z + μ(1 − a)"
			}
			return reportWrong("at μ = %g your limit is %g, want %.6g. Hint: %s", mu, got, want, hint)
		}
	}
	return reportRight("NAG's limit ηλ < 2(1 + μ)/(1 + 2μ): at μ = 0.9 that is %.4f, against 3.8 for heavy-ball momentum", 2*1.9/2.8)
}

// Lesson03Polyak checks optimal(λmin, λmax), Polyak's best (η, μ) for
// heavy-ball momentum on a quadratic with eigenvalues in [λmin, λmax]:
// η = (2/(√λmax + √λmin))², μ = ((√κ − 1)/(√κ + 1))², κ = λmax/λmin.
func Lesson03Polyak(optimal func(lambdaMin, lambdaMax float64) (eta, mu float64)) bool {
	for _, c := range [][2]float64{{1, 20}, {1, 100}, {0.5, 800}} {
		var eta, mu float64
		if msg := panicText(func() { eta, mu = optimal(c[0], c[1]) }); msg != "" {
			return reportWrong("your function panicked at λ ∈ [%g, %g]: %s", c[0], c[1], msg)
		}
		sk := math.Sqrt(c[1] / c[0])
		r := (sk - 1) / (sk + 1)
		s := 2 / (math.Sqrt(c[1]) + math.Sqrt(c[0]))
		if !(math.Abs(eta-s*s) <= 1e-9*s*s && math.Abs(mu-r*r) <= 1e-9) {
			hint := "μ* makes both eigenvalues' rates equal √μ; η* = (2/(√λmax + √λmin))²"
			if math.Abs(mu-r) < 1e-9 {
				hint = "(√κ − 1)/(√κ + 1) is the rate ρ = √μ* that the optimum achieves; μ* is its square"
			}
			return reportWrong("for λ ∈ [%g, %g]: η = %g, μ = %g; want η = %.6g, μ = %.6g. Hint: %s", c[0], c[1], eta, mu, s*s, r*r, hint)
		}
	}
	return reportRight("Polyak's (η*, μ*): for κ = 100, η* = %.4f, μ* = %.4f, rate %.4f per step", 4.0/121, 81.0/121, 9.0/11)
}

// Lesson03NesterovPyTorch checks a NAG step in PyTorch's form,
// step(w, v, g, η, μ) with g the gradient at w: v ← μ·v + g,
// w ← w − η·(g + μ·v). Run from w₀ on the bowl ½(x² + 20·y²), its weights
// must be the lecture's projections θ = w − μ·v (the four steps) at every
// step: the two forms are the same method after the change of variables
// w_PyTorch = θ, v_PyTorch = v_lecture/η.
func Lesson03NesterovPyTorch(step func(w, v, g []float64, eta, mu float64)) bool {
	const eta, mu = 0.04, 0.9
	lambdas := []float64{1, 20}
	grad := func(p []float64) []float64 { return []float64{lambdas[0] * p[0], lambdas[1] * p[1]} }
	w, v := []float64{-1.8, 1.2}, make([]float64, 2)
	wRef, vRef := []float64{-1.8, 1.2}, make([]float64, 2)
	for t := range 30 {
		if msg := panicText(func() { step(w, v, grad(w), eta, mu) }); msg != "" {
			return reportWrong("your step panicked: %s", msg)
		}
		nagReference(wRef, vRef, grad, eta, mu)
		theta := []float64{wRef[0] - mu*vRef[0], wRef[1] - mu*vRef[1]}
		if !slicesAgree(w, theta) {
			return reportWrong("after step %d your w = %v, the lecture's NAG has θ = w − μ·v = %v. Hint: update v first, v = μ·v + g, then w = w − η·(g + μ·v) with the new v", t+1, w, theta)
		}
	}
	return reportRight("your PyTorch-form NAG follows the lecture's NAG (its θ = w − μ·v) for 30 steps, to 1e-9")
}

// nagReference is the reference for Lesson03NesterovPyTorch: the lecture's four
// steps.
func nagReference(w, v []float64, grad func(p []float64) []float64, eta, mu float64) {
	theta := make([]float64, len(w))
	for i := range w {
		theta[i] = w[i] - mu*v[i] // 1. the projection
	}
	g := grad(theta) // 2. the gradient at the projection
	for i := range w {
		v[i] = mu*v[i] + eta*g[i] // 3. the change of the weight
		w[i] -= v[i]              // 4. the new weight
	}
}

// slicesAgree reports whether a and b have the same length and agree to 1e-9
// relative to their size.
func slicesAgree(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !(math.Abs(a[i]-b[i]) <= 1e-9*max(1, math.Abs(b[i]))) {
			return false
		}
	}
	return true
}
