package optim

import (
	"math"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestFloat32TracksFloat64 runs every form in float32 and float64 on the
// same quadratic bowl (κ = 10, from (1.5, 1.5), 200 steps) and bounds the
// distance between the two weight trajectories by 1e-6.
//
// The tolerance is measured, then given 1.5× headroom: the largest
// distance over all smooth forms is 6.9e-7 (RMSprop). It is what rounding
// predicts: float32 keeps 24 bits, a relative 6e-8 per stored value, on
// weights of size ~1.5, and the contracting steps do not let these errors
// grow by much more than the ~5× seen.
//
// Rprop is different by design: it reads only the sign of each gradient,
// so as it closes in on the minimum a gradient that rounds to +1e-9 in
// one precision and −1e-9 in the other sends the two runs one whole step
// U apart. For Rprop the trajectories are compared up to the first step
// whose gradient signs disagree, and that step is logged.
func TestFloat32TracksFloat64(t *testing.T) {
	const steps, tol = 200, 1e-6
	s := datasets.Quadratic(10)
	start := [2]float64{1.5, 1.5}
	f32, f64 := allForms[float32](), allForms[float64]()
	for k := range f64 {
		t.Run(f64[k].name, func(t *testing.T) {
			a := trajectory(f32[k].opt, s.Grad, start, steps)
			b := trajectory(f64[k].opt, s.Grad, start, steps)
			signsOnly := strings.HasPrefix(f64[k].name, "Rprop")
			var worst float64
			n := steps
			for j := range steps {
				if signsOnly && !sameGradSigns(s, a[j].at, b[j].at) {
					n = j + 1
					break
				}
				for i := range 2 {
					worst = max(worst, math.Abs(a[j].w[i]-b[j].w[i]))
				}
			}
			t.Logf("max |w32 − w64| = %.3g over %d steps, final w64 = %.3g", worst, n, b[steps-1].w)
			bound := tol
			if strings.HasPrefix(f64[k].name, "Lion") {
				bound = steps * ulp32(1.5) / 2
			}
			if !(worst <= bound) {
				t.Errorf("max |w32 − w64| = %g, want ≤ %g", worst, bound)
			}
		})
	}
}

// sameGradSigns reports whether the gradients at p and q have the same signs.
func sameGradSigns(s datasets.Surface, p, q [2]float64) bool {
	px, py := s.Grad(p[0], p[1])
	qx, qy := s.Grad(q[0], q[1])
	return sign(px) == sign(qx) && sign(py) == sign(qy)
}
