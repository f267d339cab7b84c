package datasets

import (
	"fmt"
	"math"
)

// Quadratic returns the lecture's elliptic quadratic bowl with condition
// number cond:
//
//	f(x, y) = ½·(x² + κ·y²),   κ = cond
//
// Its Hessian is diag(1, κ), so the ratio of the largest to the smallest
// curvature is exactly κ. Horizontal sections are ellipses whose axes have
// ratio √κ; for κ = 1 they are circles and the gradient points straight at
// the minimum (0, 0), for large κ it points mostly across the ellipse, which
// is why plain gradient descent zig-zags. The window is [−2, 2]².
//
// Quadratic panics if cond is not a finite number ≥ 1.
func Quadratic(cond float64) Surface {
	if !(cond >= 1) || cond > math.MaxFloat64 {
		panic(fmt.Sprintf("datasets: Quadratic: cond must be a finite number ≥ 1, got %v", cond))
	}
	return &surface{
		name: fmt.Sprintf("Quadratic κ=%g", cond),
		value: func(x, y float64) float64 {
			return 0.5 * (x*x + cond*y*y)
		},
		grad: func(x, y float64) (gx, gy float64) {
			// ∇f = (x, κ·y)
			return x, cond * y
		},
		minima: [][2]float64{{0, 0}},
		xmin:   -2, xmax: 2, ymin: -2, ymax: 2,
	}
}
