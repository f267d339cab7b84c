package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestEtaSensitivity: on ½(x² + 10y²) from (1, 1), 200 steps, SGD diverges
// above 2/λmax = 0.2 and crawls at η = 10⁻³; Adam does not diverge up to
// η = 3, and at η = 10⁻³ it is still about ‖w₀‖ − 200·η·√2 away.
func TestEtaSensitivity(t *testing.T) {
	etas := []float64{1e-3, 0.01, 0.1, 0.3, 1, 3}
	lambdas, w0 := []float64{1, 10}, []float64{1, 1}
	sgd := EtaSensitivity(func(eta float64) optim.Optimizer[float64] { return NewMethod(GD, eta, 0) }, etas, lambdas, w0, 200)
	adam := EtaSensitivity(func(eta float64) optim.Optimizer[float64] {
		o := optim.NewAdam[float64]()
		o.LR = eta
		return o
	}, etas, lambdas, w0, 200)
	for j, eta := range etas {
		if diverged := !(sgd[j] < 1e3); diverged != (eta > 0.2) {
			t.Errorf("SGD η=%g: error %g, diverged %v, want %v", eta, sgd[j], diverged, eta > 0.2)
		}
		if !(adam[j] < 1.2) {
			t.Errorf("Adam η=%g: error %g, want no divergence", eta, adam[j])
		}
	}
	if want := math.Sqrt2 - 200*1e-3*math.Sqrt2; math.Abs(adam[0]-want) > 0.05 {
		t.Errorf("Adam η=10⁻³: error %g, want ≈ %g (200 steps of η per coordinate)", adam[0], want)
	}
	if sgd[2] > 1e-8 || sgd[0] < 0.8 {
		t.Errorf("SGD: error %g at η=0.1, %g at 10⁻³; want < 1e-8 and > 0.8", sgd[2], sgd[0])
	}
}
