package demos

// Notebook 03-momentum-and-nesterov, the spectral view: why momentum works,
// read off the eigenvalues of a quadratic (Polyak 1964; Goh, "Why Momentum
// Really Works", Distill 2017).
//
// On f(w) = ½·wᵀAw with A = QΛQᵀ symmetric positive definite, the gradient is
// Aw, and in the eigenbasis x = Qᵀw every method of the lecture decouples into
// independent one-dimensional problems f = ½·λᵢ·xᵢ², one per eigenvalue. Each
// is a linear recurrence whose state is multiplied by a fixed matrix R(ηλ, μ)
// at every step; after t steps the error shrinks like ρ(R)ᵗ, where ρ is the
// spectral radius, the largest |z| among R's eigenvalues z. The slowest
// eigenvalue sets the pace, and a method is stable iff ρ < 1 for every λᵢ.
//
// References:
//   - B. T. Polyak, "Some methods of speeding up the convergence of
//     iteration methods", USSR Comput. Math. and Math. Phys. 4(5), 1964.
//   - Y. Nesterov, "A method of solving a convex programming problem with
//     convergence rate O(1/k²)", Soviet Math. Doklady 27, 1983.
//   - I. Sutskever, J. Martens, G. Dahl, G. Hinton, "On the importance of
//     initialization and momentum in deep learning", ICML 2013.
//   - G. Goh, "Why Momentum Really Works", Distill, 2017,
//     https://distill.pub/2017/momentum/.

import (
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"
)

// Method is one of the lecture's first three update rules, seen on a
// quadratic.
type Method int

const (
	// GD is w ← w − η·g: x ← (1 − ηλ)·x, rate |1 − ηλ|.
	GD Method = iota
	// HeavyBall is the lecture's Momentum (Polyak 1964), v ← μ·v + η·g,
	// w ← w − v. On one eigenvalue, with a = ηλ, the state (x, v) evolves as
	//
	//	⎡x⎤   ⎡1−a  −μ⎤ ⎡x⎤
	//	⎣v⎦ ← ⎣ a    μ⎦ ⎣v⎦        z² − (1 + μ − a)·z + μ = 0
	HeavyBall
	// NAG is the lecture's four steps (Nesterov 1983; Sutskever et al. 2013):
	// θ = w − μ·v, g = ∇f(θ), v ← μ·v + η·g, w ← w − v. With a = ηλ,
	//
	//	⎡x⎤   ⎡1−a  −μ(1−a)⎤ ⎡x⎤
	//	⎣v⎦ ← ⎣ a    μ(1−a)⎦ ⎣v⎦   z² − (1 + μ)(1 − a)·z + μ(1 − a) = 0
	NAG
)

// String returns the method's name as the lecture writes it.
func (m Method) String() string {
	switch m {
	case GD:
		return "SGD"
	case HeavyBall:
		return "Momentum"
	case NAG:
		return "NAG"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// IterationMatrix returns R(ηλ, μ), the 2×2 matrix that maps the state (x, v)
// of one eigen-direction to the next (GD ignores v and μ).
func IterationMatrix(m Method, eta, mu, lambda float64) [2][2]float64 {
	a := eta * lambda
	switch m {
	case GD:
		return [2][2]float64{{1 - a, 0}, {0, 0}}
	case HeavyBall:
		return [2][2]float64{{1 - a, -mu}, {a, mu}}
	case NAG:
		return [2][2]float64{{1 - a, -mu * (1 - a)}, {a, mu * (1 - a)}}
	}
	panic(fmt.Sprintf("demos: IterationMatrix: unknown method %d", int(m)))
}

// SpectralRadius is the largest |z| over the eigenvalues z of a 2×2 matrix,
// the roots of z² − tr·z + det = 0.
func SpectralRadius(r [2][2]float64) float64 {
	tr, det := r[0][0]+r[1][1], r[0][0]*r[1][1]-r[0][1]*r[1][0]
	root := cmplx.Sqrt(complex(tr*tr-4*det, 0))
	return max(cmplx.Abs((complex(tr, 0)+root)/2), cmplx.Abs((complex(tr, 0)-root)/2))
}

// Rate is the per-step convergence factor of method m on the eigenvalue λ:
// ρ(R(ηλ, μ)). Below 1 the error shrinks like Rateᵗ; above 1 it grows.
func Rate(m Method, eta, mu, lambda float64) float64 {
	return SpectralRadius(IterationMatrix(m, eta, mu, lambda))
}

// StabilityLimit is the largest ηλ for which method m with momentum μ ∈ [0,1)
// converges on a quadratic, from Jury's conditions on z² + b·z + c
// (|c| < 1, 1 + b + c > 0, 1 − b + c > 0):
//
//	GD        ηλ < 2
//	Momentum  ηλ < 2(1 + μ)            (1 − b + c = 2 + 2μ − ηλ)
//	NAG       ηλ < 2(1 + μ)/(1 + 2μ)   (1 − b + c = 1 + (1 + 2μ)(1 − ηλ))
//
// NAG's third condition is also tighter than its |c| = μ|1 − ηλ| < 1. With
// μ = 0.9 the limits are 2, 3.8 and 1.357: NAG's look-ahead damps overshoot
// but tolerates a smaller rate than heavy-ball momentum.
func StabilityLimit(m Method, mu float64) float64 {
	switch m {
	case GD:
		return 2
	case HeavyBall:
		return 2 * (1 + mu)
	case NAG:
		return 2 * (1 + mu) / (1 + 2*mu)
	}
	panic(fmt.Sprintf("demos: StabilityLimit: unknown method %d", int(m)))
}

// RateLimits is what lesson 03's slider cell prints: for momentum μ and the
// largest curvature λ of the surface, the largest stable η of SGD, Momentum
// and NAG, in that order (StabilityLimit/λ).
func RateLimits(mu, lambda float64) [3]float64 {
	return [3]float64{StabilityLimit(GD, mu) / lambda, StabilityLimit(HeavyBall, mu) / lambda, StabilityLimit(NAG, mu) / lambda}
}

// RateGrid is the heatmap of method m's rate on eigenvalue λ over a grid:
// Rates[i][j] = Rate(m, Etas[j], Mus[i], λ), and Boundary[i] the largest
// stable η at Mus[i], the analytic line to draw over it.
type RateGrid struct {
	Method    Method
	Lambda    float64
	Etas, Mus []float64
	Rates     [][]float64
	Boundary  []float64
}

// NewRateGrid computes a RateGrid.
func NewRateGrid(m Method, lambda float64, etas, mus []float64) RateGrid {
	g := RateGrid{Method: m, Lambda: lambda, Etas: etas, Mus: mus}
	for _, mu := range mus {
		row := make([]float64, len(etas))
		for j, eta := range etas {
			row[j] = Rate(m, eta, mu, lambda)
		}
		g.Rates = append(g.Rates, row)
		g.Boundary = append(g.Boundary, StabilityLimit(m, mu)/lambda)
	}
	return g
}

// Eigen decomposes the symmetric matrix a (rows) into A = QΛQᵀ: the
// eigenvalues λ in ascending order and the eigenvectors as the columns of
// Q, vectors[i] being the i-th eigenvector. It panics if a is not square
// or the decomposition fails.
func Eigen(a [][]float64) (values []float64, vectors [][]float64) {
	n := len(a)
	sym := mat.NewSymDense(n, nil)
	for i := range n {
		if len(a[i]) != n {
			panic(fmt.Sprintf("demos: Eigen: row %d has %d entries, want %d", i, len(a[i]), n))
		}
		for j := i; j < n; j++ {
			sym.SetSym(i, j, a[i][j])
		}
	}
	var es mat.EigenSym
	if !es.Factorize(sym, true) {
		panic("demos: Eigen: factorisation failed")
	}
	var q mat.Dense
	es.VectorsTo(&q)
	for i := range n {
		vectors = append(vectors, mat.Col(nil, i, &q))
	}
	return es.Values(nil), vectors
}

// Optimal is the best (η, μ) on a quadratic whose eigenvalues lie in
// [λmin, λmax], κ = λmax/λmin, with the rate it achieves:
//
//	GD        η = 2/(λmax + λmin)                ρ = (κ − 1)/(κ + 1)
//	Momentum  η = (2/(√λmax + √λmin))²           ρ = (√κ − 1)/(√κ + 1)
//	          μ = ((√κ − 1)/(√κ + 1))²           (Polyak 1964)
//
// For large κ, GD needs about κ/2 steps per factor e and momentum √κ/2:
// the √κ speed-up. (μ = 0 for GD.)
func Optimal(m Method, lambdaMin, lambdaMax float64) (eta, mu, rate float64) {
	kappa := lambdaMax / lambdaMin
	switch m {
	case GD:
		return 2 / (lambdaMax + lambdaMin), 0, (kappa - 1) / (kappa + 1)
	case HeavyBall:
		r := (math.Sqrt(kappa) - 1) / (math.Sqrt(kappa) + 1)
		s := 2 / (math.Sqrt(lambdaMax) + math.Sqrt(lambdaMin))
		return s * s, r * r, r
	}
	panic(fmt.Sprintf("demos: Optimal: no closed form for %v", m))
}
