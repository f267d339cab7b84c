package datasets

// Himmelblau returns Himmelblau's function
//
//	f(x, y) = (x² + y − 11)² + (x + y² − 7)²
//
// which has four global minima, all with f = 0: which one an optimizer
// reaches depends on where it starts and on how it moves. (3, 2) is exact;
// the other three are roots of a quartic, listed to float64 precision. The
// window is [−5, 5]².
func Himmelblau() Surface {
	return &surface{
		name: "Himmelblau",
		value: func(x, y float64) float64 {
			a, b := himmelblauTerms(x, y)
			return a*a + b*b
		},
		grad: func(x, y float64) (gx, gy float64) {
			a, b := himmelblauTerms(x, y)
			// ∂f/∂x = 4x(x² + y − 11) + 2(x + y² − 7)
			gx = 4*x*a + 2*b
			// ∂f/∂y = 2(x² + y − 11) + 4y(x + y² − 7)
			gy = 2*a + 4*y*b
			return gx, gy
		},
		minima: [][2]float64{
			{3, 2},
			{-2.805118086952745, 3.131312518250573},
			{-3.779310253377747, -3.283185991286170},
			{3.584428340330492, -1.848126526964404},
		},
		xmin: -5, xmax: 5, ymin: -5, ymax: 5,
	}
}

// himmelblauTerms returns the two residuals whose squares sum to Himmelblau's function.
func himmelblauTerms(x, y float64) (a, b float64) {
	return x*x + y - 11, x + y*y - 7
}
