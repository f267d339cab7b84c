package datasets

// Rosenbrock returns Rosenbrock's "banana" function
//
//	f(x, y) = (1 − x)² + 100·(y − x²)²
//
// whose curved, narrow valley y = x² is easy to find and hard to follow: the
// gradient points across the valley, not along it. The minimum f = 0 is at
// (1, 1); the window is [−2, 2] × [−1, 3].
func Rosenbrock() Surface {
	return &surface{
		name: "Rosenbrock",
		value: func(x, y float64) float64 {
			u, v := 1-x, y-x*x
			return u*u + 100*v*v
		},
		grad: func(x, y float64) (gx, gy float64) {
			v := y - x*x
			// ∂f/∂x = −2(1 − x) − 400x(y − x²)
			gx = -2*(1-x) - 400*x*v
			// ∂f/∂y = 200(y − x²)
			gy = 200 * v
			return gx, gy
		},
		minima: [][2]float64{{1, 1}},
		xmin:   -2, xmax: 2, ymin: -1, ymax: 3,
	}
}
