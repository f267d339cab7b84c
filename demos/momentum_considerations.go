package demos

// Notebook 03-momentum-and-nesterov: the lecture's "Considerations" slide
// demonstrated with the library's Momentum (issue 8, "Missing lecture
// content"):
//
//   - "very small steps add up": on a constant slope the velocity grows to
//     η·g/(1−μ), ten times SGD's step for μ = 0.9 (PlateauDistance);
//   - "Momentum helps travel the saddle point": from near the ridge of
//     x² − y² the growing steps leave the saddle sooner (SaddleEscape);
//   - "a small learning rate and momentum … balance exploration and
//     exploitation": on a tilted double well SGD stays in the first well it
//     meets, momentum may roll over the barrier into the deeper one, and
//     then settles there (WellEnds) — for some (η, μ), not all.

import (
	"math"
)

// PlateauDistance is how far method m with (η, μ) travels in steps steps
// down a constant slope g (the loss g·w): SGD goes η·g·t, Momentum
// η·g·Σₖ(1 − μᵏ)/(1 − μ) → η·g·t/(1 − μ).
func PlateauDistance(m Method, eta, mu, g float64, steps int) float64 {
	path := GradientRun(NewMethod(m, eta, mu), func(_, grad []float64) { grad[0] = g }, []float64{0}, steps)
	return math.Abs(path[steps][0])
}

// SaddleEscape runs method m with (η, μ) on the saddle f = x² − y²
// (datasets.Saddle, curvatures 2 and −2) from (1, y₀) and returns the first
// step at which |y| > 1, or −1 within maxSteps. SGD multiplies y by 1 + 2η
// per step; Momentum's factor is the larger root of
// z² − (1 + μ + 2η)·z + μ = 0 (spectral.go with λ = −2), which for μ = 0.9,
// η = 0.01 is 1.107 against SGD's 1.02.
func SaddleEscape(m Method, eta, mu, y0 float64, maxSteps int) int {
	path := DiagonalRun(NewMethod(m, eta, mu), []float64{2, -2}, []float64{1, y0}, maxSteps)
	for t, w := range path {
		if math.Abs(w[1]) > 1 {
			return t
		}
	}
	return -1
}

// TiltedWell is the double well f(x) = x⁴/4 − x²/2 + 0.2·x, with a shallow
// minimum at x ≈ 0.879 (f ≈ −0.061), a barrier at x ≈ 0.209 and the deeper
// minimum at x ≈ −1.088 (f ≈ −0.459). It writes f′(x) = x³ − x + 0.2 into g.
func TiltedWell(w, g []float64) { x := w[0]; g[0] = x*x*x - x + 0.2 }

// TiltedWellValue is f of TiltedWell.
func TiltedWellValue(x float64) float64 { return x*x*x*x/4 - x*x/2 + 0.2*x }

// The minima of TiltedWell.
const (
	TiltedWellShallow = 0.8788850662
	TiltedWellDeep    = -1.0880339147
)

// WellEnds runs the library's Momentum (SGD for μ = 0) for steps steps on
// TiltedWell from x₀ for every (η, μ) and returns where each ends:
// ends[i][j] for Mus[i], Etas[j]. SGD, from x₀ = 2, always stops in the
// shallow well; momentum carries enough speed over the barrier at some
// (η, μ) and not at others — exploration is not a guarantee.
func WellEnds(etas, mus []float64, x0 float64, steps int) [][]float64 {
	ends := make([][]float64, len(mus))
	for i, mu := range mus {
		for _, eta := range etas {
			m := HeavyBall
			if mu == 0 {
				m = GD
			}
			path := GradientRun(NewMethod(m, eta, mu), TiltedWell, []float64{x0}, steps)
			ends[i] = append(ends[i], path[len(path)-1][0])
		}
	}
	return ends
}
