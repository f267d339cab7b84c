package datasets

// Beale returns Beale's function, the surface of Alec Radford's optimizer
// animations:
//
//	f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
//
// Its single global minimum f = 0 lies at (3, 0.5) at the end of a long flat
// valley, with steep walls near the corners of the window [−4.5, 4.5]².
func Beale() Surface {
	return &surface{
		name: "Beale",
		value: func(x, y float64) float64 {
			a, b, c := bealeTerms(x, y)
			return a*a + b*b + c*c
		},
		grad: func(x, y float64) (gx, gy float64) {
			a, b, c := bealeTerms(x, y)
			// ∂f/∂x = 2a(y − 1) + 2b(y² − 1) + 2c(y³ − 1)
			gx = 2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1)
			// ∂f/∂y = 2a·x + 2b·2xy + 2c·3xy²
			gy = 2*a*x + 4*b*x*y + 6*c*x*y*y
			return gx, gy
		},
		minima: [][2]float64{{3, 0.5}},
		xmin:   -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5,
	}
}

// bealeTerms returns the three residuals whose squares sum to Beale's function.
func bealeTerms(x, y float64) (a, b, c float64) {
	return 1.5 - x + x*y, 2.25 - x + x*y*y, 2.625 - x + x*y*y*y
}
