package explorables

import "math"

// The largest stable learning rates on a quadratic whose largest curvature
// (Hessian eigenvalue) is λ. Along that eigenvector each method is a linear
// recurrence; it converges while all roots of its characteristic
// polynomial lie inside the unit circle.

// SGDLimit returns 2/λ: gradient descent multiplies the error by 1 − ηλ
// per step, and |1 − ηλ| < 1 ⇔ 0 < ηλ < 2.
func SGDLimit(lambda float64) float64 { return 2 / lambda }

// MomentumLimit returns 2(1+μ)/λ: the heavy ball's recurrence
// eₜ₊₁ = (1 + μ − ηλ)·eₜ − μ·eₜ₋₁ is stable for 0 < ηλ < 2(1+μ)
// (Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017).
func MomentumLimit(lambda, mu float64) float64 { return 2 * (1 + mu) / lambda }

// NesterovLimit returns 2(1+μ)/((1+2μ)λ): NAG's recurrence
// eₜ₊₁ = (1+μ)(1 − ηλ)·eₜ − μ(1 − ηλ)·eₜ₋₁ is stable for
// 0 < ηλ < 2(1+μ)/(1+2μ), lower than the heavy ball's: the look-ahead
// gradient damps the swing and also lowers the largest rate.
func NesterovLimit(lambda, mu float64) float64 { return 2 * (1 + mu) / ((1 + 2*mu) * lambda) }

// The convergence factor per step on a quadratic whose curvatures are
// lambdas: the spectral radius ρ of the method's recurrence along the
// slowest eigenvector, so that the error shrinks like ρᵗ (ρ ≥ 1: it does
// not converge).

// MomentumRate returns ρ for the heavy ball: the largest root of
// z² − (1 + μ − ηλ)·z + μ, over the curvatures.
func MomentumRate(eta, mu float64, lambdas ...float64) float64 {
	rho := 0.0
	for _, l := range lambdas {
		rho = max(rho, rootRadius(1+mu-eta*l, mu))
	}
	return rho
}

// NesterovRate returns ρ for NAG: the largest root of
// z² − (1+μ)(1 − ηλ)·z + μ(1 − ηλ), over the curvatures.
func NesterovRate(eta, mu float64, lambdas ...float64) float64 {
	rho := 0.0
	for _, l := range lambdas {
		rho = max(rho, rootRadius((1+mu)*(1-eta*l), mu*(1-eta*l)))
	}
	return rho
}

// rootRadius returns the largest |z| of z² − b·z + c = 0.
func rootRadius(b, c float64) float64 {
	disc := b*b - 4*c
	if disc < 0 {
		return math.Sqrt(c) // complex pair, |z|² = c
	}
	r := math.Sqrt(disc)
	return max(math.Abs(b+r), math.Abs(b-r)) / 2
}

// SGDRate returns ρ for gradient descent: the largest |1 − ηλ| over the
// curvatures.
func SGDRate(eta float64, lambdas ...float64) float64 {
	rho := 0.0
	for _, l := range lambdas {
		rho = max(rho, math.Abs(1-eta*l))
	}
	return rho
}
