package optim

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestNesterovWeightsExact compares the exact weights kept by Nesterov with
// the weights an implementation that keeps only v (the lecture's memory
// count) would recover as w = θ + μ·v. The recovered sequence drifts from
// the lecture's by rounding; Weights must not drift at all.
func TestNesterovWeightsExact(t *testing.T) {
	const steps, eta, mu = 500, 0.01, 0.9
	s := datasets.Quadratic(50)
	o := NewNesterov[float64]()
	o.LR = eta
	theta := []float64{1.5, 1.5}
	grads, w := make([]float64, 2), make([]float64, 2)
	exact := naiveNesterov([2]float64{1.5, 1.5}, eta, mu, false)
	vOnlyTheta, vOnlyV := [2]float64{1.5, 1.5}, [2]float64{}
	var drift float64
	for k := range steps {
		grads[0], grads[1] = s.Grad(theta[0], theta[1])
		o.Step(theta, grads)
		o.Weights(w, theta)
		want, _ := exact(s.Grad)
		// the v-only implementation: θ and v stored, w recovered
		g := gradAt(s.Grad, vOnlyTheta)
		for i := range 2 {
			wi := vOnlyTheta[i] + mu*vOnlyV[i]
			vOnlyV[i] = mu*vOnlyV[i] + eta*g[i]
			vOnlyTheta[i] = wi - vOnlyV[i] - mu*vOnlyV[i]
			recovered := vOnlyTheta[i] + mu*vOnlyV[i]
			drift = max(drift, math.Abs(recovered-want[i]))
			if w[i] != want[i] {
				t.Fatalf("step %d coordinate %d: Weights = %v, lecture's w = %v", k+1, i, w[i], want[i])
			}
		}
	}
	t.Logf("over %d steps: Weights exact; w recovered from θ and v drifts by up to %.3g", steps, drift)
}

// TestNesterovWeightsAfterLoad checks that Weights works right after a
// checkpoint is loaded, in every form: the weights come from the state
// (lecture forms) or from the slab itself (PyTorch form).
func TestNesterovWeightsAfterLoad(t *testing.T) {
	for i, form := range []NesterovForm{NesterovLecture, NesterovLROutside, NesterovPyTorch} {
		o := NewNesterov[float64]()
		o.Form = form
		theta, g := []float64{1, -2}, []float64{0.5, 0.25}
		for range 3 {
			o.Step(theta, g)
		}
		want := make([]float64, 2)
		o.Weights(want, theta)
		data, err := o.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		loaded := NewNesterov[float64]()
		if err := loaded.UnmarshalBinary(data); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		got := make([]float64, 2)
		loaded.Weights(got, theta)
		if got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%d: form %d: Weights after load = %v, want %v", i, form, got, want)
		}
	}
}
