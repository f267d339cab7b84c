package datasets

// Saddle returns the classic saddle
//
//	f(x, y) = x² − y²
//
// The gradient (2x, −2y) vanishes at the origin, which is neither a minimum
// nor a maximum: a minimum along x and a maximum along y. Started on the
// x-axis, gradient descent slides into the origin and stays there; any
// noise in y lets it escape. The surface has no minimum; the window is
// [−2, 2]².
func Saddle() Surface {
	return &surface{
		name:  "Saddle x²−y²",
		value: func(x, y float64) float64 { return x*x - y*y },
		grad: func(x, y float64) (gx, gy float64) {
			// ∇f = (2x, −2y)
			return 2 * x, -2 * y
		},
		xmin: -2, xmax: 2, ymin: -2, ymax: 2,
	}
}

// MonkeySaddle returns the monkey saddle
//
//	f(x, y) = x³ − 3xy²
//
// with three valleys (two for the legs, one for the monkey's tail). Its
// gradient (3x² − 3y², −6xy) vanishes at the origin together with the whole
// Hessian, so the origin is a degenerate saddle surrounded by a plateau: the
// gradient is tiny everywhere near it. The surface has no minimum; the
// window is [−1.5, 1.5]².
func MonkeySaddle() Surface {
	return &surface{
		name:  "Monkey saddle x³−3xy²",
		value: func(x, y float64) float64 { return x*x*x - 3*x*y*y },
		grad: func(x, y float64) (gx, gy float64) {
			// ∇f = (3x² − 3y², −6xy)
			return 3*x*x - 3*y*y, -6 * x * y
		},
		xmin: -1.5, xmax: 1.5, ymin: -1.5, ymax: 1.5,
	}
}
