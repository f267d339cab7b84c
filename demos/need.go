package demos

// Notebook 02-need-of-optimizers: gradient descent on the linear neuron's
// parabola and bowl, the learning rate, a saddle escaped with minibatch
// noise, and learning-rate decay.

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/vizhelpers"
)

// OneWeight is the lecture's linear neuron with a single weight: 100
// examples of t = 2·x + noise, x ~ N(0, 1). Its loss E(w) = 1/(2n)·Σ(t − w·x)²
// is a parabola in w.
func OneWeight(seed uint64) *datasets.Regression {
	return datasets.LinearNeuron(100, []float64{2}, nil, 0.5, seed)
}

// Curvature is E″(w) = mean(x²), the constant second derivative of a
// one-input neuron's parabola. Gradient descent with η = 1/E″ lands on the
// minimum in one step; it oscillates for 1/E″ < η < 2/E″ and diverges
// beyond.
func Curvature(r *datasets.Regression) float64 {
	sum := 0.0
	for _, x := range r.X {
		sum += x * x
	}
	return sum / float64(r.Len())
}

// ParabolaPath runs n steps of gradient descent w ← w − η·E′(w) on a one-input
// neuron from w0 and returns w₀, …, wₙ, stopping after a non-finite w.
func ParabolaPath(r *datasets.Regression, w0, eta float64, n int) []float64 {
	w, g := []float64{w0}, []float64{0}
	path := []float64{w0}
	for range n {
		r.Grad(w, g)
		w[0] -= eta * g[0]
		path = append(path, w[0])
		if !finite(w[0]) {
			break
		}
	}
	return path
}

// ParabolaChart draws E(w) over w* ± half (w* the least-squares weight) and
// the path of gradient descent on it, each iterate a dot, joined in order.
// The path is cut where it leaves the window (a divergent run).
func ParabolaChart(r *datasets.Regression, title string, path []float64, half float64) *vizhelpers.Chart {
	best := r.LeastSquares()[0]
	curve := vizhelpers.Series{Name: "E(w)"}
	for i := range 201 {
		w := best - half + 2*half*float64(i)/200
		curve.X = append(curve.X, w)
		curve.Y = append(curve.Y, r.Loss([]float64{w}))
	}
	steps := vizhelpers.Series{Name: "gradient descent", Markers: true}
	for _, w := range path {
		if !finite(w) || math.Abs(w-best) > half {
			break
		}
		steps.X, steps.Y = append(steps.X, w), append(steps.Y, r.Loss([]float64{w}))
	}
	return vizhelpers.LineChart(vizhelpers.LineOptions{Title: title, XLabel: "w", YLabel: "E(w)"}, curve, steps)
}

// TwoWeights is the lecture's linear neuron with two weights: 200 examples
// of t = 1·x₁ − 0.5·x₂ + noise with inputs of standard deviations 1 and 3,
// so that the bowl E(w₁, w₂) is about 9 times steeper along w₂ than along w₁.
func TwoWeights(seed uint64) *datasets.Regression {
	return datasets.LinearNeuron(200, []float64{1, -0.5}, []float64{1, 3}, 0.5, seed)
}

// GradientArrows draws, at each of the first k points of a trajectory on s,
// the direction of steepest descent −∇f (solid, perpendicular to the
// contour through the point) and the direction to the minimum (dashed),
// both of length length.
func GradientArrows(s datasets.Surface, pts [][2]float64, k int, length float64) vizhelpers.Arrows {
	best := s.Minima()[0]
	var as vizhelpers.Arrows
	for i, p := range pts[:min(k, len(pts))] {
		gx, gy := s.Grad(p[0], p[1])
		down, home := unit(-gx, -gy, length), unit(best[0]-p[0], best[1]-p[1], length)
		a := vizhelpers.Arrow{From: p, To: [2]float64{p[0] + down[0], p[1] + down[1]}, Color: vizhelpers.Color(1)}
		b := vizhelpers.Arrow{From: p, To: [2]float64{p[0] + home[0], p[1] + home[1]}, Color: vizhelpers.Color(2), Dashed: true}
		// Label each kind once, where the label has room: the first arrow to
		// the minimum, and the second gradient, which points up the valley
		// wall with nothing on its left. (The plot font has no ∇.)
		switch i {
		case 0:
			b.Label = "to the minimum"
		case 1:
			a.Label = "−gradient"
		}
		as = append(as, a, b)
	}
	return as
}

// unit scales (x, y) to the given length.
func unit(x, y, length float64) [2]float64 {
	n := math.Hypot(x, y)
	return [2]float64{length * x / n, length * y / n}
}

// AngleTable shows, on the bowls ½·(x² + κy²) for each κ, what the gradient
// at the point p does: the angle between −∇f and the direction to the
// minimum, and the first step of gradient descent with the best constant
// rate for that bowl, η = 2/(1 + κ), split into its part along the long
// axis x and across it, y; and the steps until f < 10⁻³.
func AngleTable(kappas []float64, p [2]float64) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("gradient descent on ½(x² + κy²) from (%g, %g) with the best constant rate η = 2/(1 + κ)", p[0], p[1]),
		Header:  []string{"κ", "η", "angle(−∇f, to minimum)", "first step along x", "first step across y", "steps to f < 10⁻³"},
	}
	for _, k := range kappas {
		s := datasets.Quadratic(k)
		gx, gy := s.Grad(p[0], p[1])
		cos := (-gx*-p[0] + -gy*-p[1]) / (math.Hypot(gx, gy) * math.Hypot(p[0], p[1]))
		eta := 2 / (1 + k)
		x, y, steps := p[0], p[1], 0
		for ; s.Value(x, y) >= 1e-3 && steps < 100000; steps++ {
			dx, dy := s.Grad(x, y)
			x, y = x-eta*dx, y-eta*dy
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(k), fmt.Sprintf("%.3g", eta),
			fmt.Sprintf("%.1f°", math.Acos(math.Min(1, cos))*180/math.Pi),
			fmt.Sprintf("%.3f", math.Abs(eta*gx)), fmt.Sprintf("%.3f", math.Abs(eta*gy)), fmt.Sprint(steps)})
	}
	return t
}

// BowlCurvatures returns the smallest and largest curvature of a
// two-input neuron's bowl: the eigenvalues of its Hessian XᵀX/n. Their
// ratio is the condition number κ; gradient descent converges only for
// η < 2/largest, and then crawls along the smallest at the rate 1 − η·smallest.
func BowlCurvatures(r *datasets.Regression) (lo, hi float64) {
	var a, b, c float64 // the Hessian [[a, b], [b, c]]
	for k := range r.Len() {
		x1, x2 := r.X[2*k], r.X[2*k+1]
		a, b, c = a+x1*x1, b+x1*x2, c+x2*x2
	}
	n := float64(r.Len())
	a, b, c = a/n, b/n, c/n
	mid, rad := (a+c)/2, math.Hypot((a-c)/2, b)
	return mid - rad, mid + rad
}
