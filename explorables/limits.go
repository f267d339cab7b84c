package explorables

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
