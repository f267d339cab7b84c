package datasets

import (
	"math"
	"testing"
)

func allSurfaces() []Surface {
	return []Surface{Beale(), Rosenbrock(), Quadratic(1), Quadratic(50), Saddle(), MonkeySaddle(), Himmelblau(), PlateauWell()}
}

// TestSurfaceGradFiniteDifference compares each analytic gradient with a
// central difference on a grid covering the plotting window.
func TestSurfaceGradFiniteDifference(t *testing.T) {
	const h = 1e-6
	for _, s := range allSurfaces() {
		xmin, xmax, ymin, ymax := s.Bounds()
		if !(xmin < xmax && ymin < ymax) {
			t.Fatalf("%s: bad bounds %v %v %v %v", s.Name(), xmin, xmax, ymin, ymax)
		}
		const n = 9
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				// Off-grid points (0.37) avoid landing exactly on symmetric points.
				x := xmin + (xmax-xmin)*(float64(i)+0.37)/n
				y := ymin + (ymax-ymin)*(float64(j)+0.37)/n
				gx, gy := s.Grad(x, y)
				fx := (s.Value(x+h, y) - s.Value(x-h, y)) / (2 * h)
				fy := (s.Value(x, y+h) - s.Value(x, y-h)) / (2 * h)
				if relErr(gx, fx) > 1e-6 || relErr(gy, fy) > 1e-6 {
					t.Errorf("%s at (%g, %g): grad = (%g, %g), finite difference = (%g, %g)", s.Name(), x, y, gx, gy, fx, fy)
				}
			}
		}
	}
}

func relErr(a, b float64) float64 {
	return math.Abs(a-b) / math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TestSurfaceMinima checks that the gradient vanishes at every listed
// minimum, that f is 0 there (all our minima are global with f = 0) and that
// nearby points are higher.
func TestSurfaceMinima(t *testing.T) {
	want := map[string]int{"Beale": 1, "Rosenbrock": 1, "Quadratic κ=1": 1, "Quadratic κ=50": 1, "plateau well": 1,
		"Saddle x²−y²": 0, "Monkey saddle x³−3xy²": 0, "Himmelblau": 4}
	for _, s := range allSurfaces() {
		minima := s.Minima()
		if len(minima) != want[s.Name()] {
			t.Errorf("%s: %d minima, want %d", s.Name(), len(minima), want[s.Name()])
		}
		for i, m := range minima {
			gx, gy := s.Grad(m[0], m[1])
			if math.Hypot(gx, gy) > 1e-12 {
				t.Errorf("%s minimum %d %v: |grad| = %g", s.Name(), i, m, math.Hypot(gx, gy))
			}
			f := s.Value(m[0], m[1])
			if math.Abs(f) > 1e-24 {
				t.Errorf("%s minimum %d %v: f = %g, want 0", s.Name(), i, m, f)
			}
			for _, d := range [][2]float64{{1e-3, 0}, {-1e-3, 0}, {0, 1e-3}, {0, -1e-3}} {
				if s.Value(m[0]+d[0], m[1]+d[1]) <= f {
					t.Errorf("%s minimum %d %v: not higher at offset %v", s.Name(), i, m, d)
				}
			}
		}
		if len(minima) > 0 {
			minima[0][0] = 1e9 // must not change the surface
			if s.Minima()[0][0] == 1e9 {
				t.Errorf("%s: Minima returns the internal slice", s.Name())
			}
		}
	}
}

func TestSaddlesHaveZeroGradientAtOrigin(t *testing.T) {
	for _, s := range []Surface{Saddle(), MonkeySaddle()} {
		if gx, gy := s.Grad(0, 0); gx != 0 || gy != 0 {
			t.Errorf("%s: grad at origin = (%g, %g)", s.Name(), gx, gy)
		}
	}
}

func TestQuadraticConditionNumber(t *testing.T) {
	const kappa = 25
	q := Quadratic(kappa)
	// The curvatures along the axes are the Hessian's eigenvalues 1 and κ.
	gx, _ := q.Grad(1, 0)
	_, gy := q.Grad(0, 1)
	if gx != 1 || gy != kappa {
		t.Errorf("curvatures = %g, %g, want 1, %d", gx, gy, kappa)
	}
	for _, bad := range []float64{0, 0.5, -3, math.NaN(), math.Inf(1)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Quadratic(%v) did not panic", bad)
				}
			}()
			Quadratic(bad)
		}()
	}
}
