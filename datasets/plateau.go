package datasets

import "math"

// PlateauWell returns a Gaussian well in the middle of a plateau,
//
//	f(x, y) = 1 − exp(−(x² + 3y²)/2)
//
// with its minimum 0 at the origin. Far from it the gradient is tiny and
// nearly constant in direction: the long flat stretch on which Adagrad's
// ever-growing sum stalls it and RMSprop's moving average does not. The
// window is [−4, 4] × [−2, 2].
func PlateauWell() Surface {
	return &surface{
		name: "plateau well",
		value: func(x, y float64) float64 {
			return 1 - math.Exp(-(x*x+3*y*y)/2)
		},
		grad: func(x, y float64) (gx, gy float64) {
			// ∇f = (x, 3y)·exp(−(x² + 3y²)/2)
			e := math.Exp(-(x*x + 3*y*y) / 2)
			return x * e, 3 * y * e
		},
		minima: [][2]float64{{0, 0}},
		xmin:   -4, xmax: 4, ymin: -2, ymax: 2,
	}
}
