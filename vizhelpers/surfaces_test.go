package vizhelpers

import "math"

// Test surfaces, defined here so that the package's tests do not depend on
// the datasets package.

// beale is Beale's function, minimum 0 at (3, 0.5).
type beale struct{}

func (beale) Value(x, y float64) float64 {
	a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
	return a*a + b*b + c*c
}
func (beale) Bounds() (float64, float64, float64, float64) { return -4.5, 4.5, -4.5, 4.5 }
func (beale) Minima() [][2]float64                         { return [][2]float64{{3, 0.5}} }

// saddle is f(x, y) = x² − y², a saddle point at the origin.
type saddle struct{}

func (saddle) Value(x, y float64) float64                   { return x*x - y*y }
func (saddle) Bounds() (float64, float64, float64, float64) { return -1.5, 1.5, -1.5, 1.5 }

// bowl is the elongated quadratic f = x²/20 + y², minimum at the origin.
type bowl struct{}

func (bowl) Value(x, y float64) float64                   { return x*x/20 + y*y }
func (bowl) Bounds() (float64, float64, float64, float64) { return -10, 10, -4, 4 }
func (bowl) Minima() [][2]float64                         { return [][2]float64{{0, 0}} }

// descend runs gradient descent (μ = 0) or heavy-ball momentum on f with a
// central-difference gradient, returning the iterates.
func descend(s Surface, x, y, lr, mu float64, steps int) [][2]float64 {
	const h = 1e-6
	pts := [][2]float64{{x, y}}
	var vx, vy float64
	for range steps {
		gx := (s.Value(x+h, y) - s.Value(x-h, y)) / (2 * h)
		gy := (s.Value(x, y+h) - s.Value(x, y-h)) / (2 * h)
		vx, vy = mu*vx-lr*gx, mu*vy-lr*gy
		x, y = x+vx, y+vy
		pts = append(pts, [2]float64{x, y})
		if math.Abs(x) > 1e6 || math.Abs(y) > 1e6 {
			break
		}
	}
	return pts
}
