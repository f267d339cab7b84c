package optim

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestOracleSeesForms checks that the comparison above can fail: the
// options change the trajectory by at least 100 times its tolerance (ε's
// place alone moves Adam's run on the bowl by ~1e-9).
func TestOracleSeesForms(t *testing.T) {
	s, w0 := datasets.Quadratic(50), [2]float64{1.5, 1.5}
	adam, nadam := &Adam[float64]{Form: PyTorch}, &Nadam[float64]{Form: PyTorch}
	cases := []struct {
		name  string
		opt   Optimizer[float64]
		naive naive
	}{
		{"Adam/PyTorch vs lecture", adam, naiveAdam(w0, 0.001, 0.9, 0.999, 1e-8, false)},
		{"Nadam/PyTorch vs lecture", nadam, naiveAdam(w0, 0.002, 0.9, 0.999, 1e-8, true)},
		{"Momentum vs SGD", NewMomentum[float64](), naiveSGD(w0, 0.01)},
	}
	for _, c := range cases {
		got := trajectory(c.opt, s.Grad, w0, 200)
		var worst float64
		for k := range got {
			w, _ := c.naive(s.Grad)
			worst = max(worst, math.Abs(got[k].w[0]-w[0]), math.Abs(got[k].w[1]-w[1]))
		}
		t.Logf("%s: max |diff| = %.3g", c.name, worst)
		if !(worst > 100*oracleTol) {
			t.Errorf("%s: max |diff| = %g, want a visible difference", c.name, worst)
		}
	}
}

// TestSlideAdadeltaNeverMoves runs the lecture's Adadelta exactly as the
// slide writes it, Δw = √E[Δw²]ₜ₋₁/(√E[g²]ₜ + 1e-8)·g: the numerator starts
// at 0 and stays there, so w never moves. This is why Adadelta follows
// Zeiler (ε inside both roots).
func TestSlideAdadeltaNeverMoves(t *testing.T) {
	s, w := datasets.Quadratic(50), [2]float64{1.5, 1.5}
	var eg, edx [2]float64
	for range 200 {
		g := gradAt(s.Grad, w)
		for i := range w {
			eg[i] = 0.95*eg[i] + 0.05*g[i]*g[i]
			dx := math.Sqrt(edx[i]) / (math.Sqrt(eg[i]) + 1e-8) * g[i]
			edx[i] = 0.95*edx[i] + 0.05*dx*dx
			w[i] -= dx
		}
	}
	if w != [2]float64{1.5, 1.5} {
		t.Errorf("the slide's Adadelta moved to %v", w)
	}
	o := NewAdadelta[float64]()
	p := []float64{1.5, 1.5}
	o.Step(p, []float64{1.5, 75})
	if p[0] == 1.5 || p[1] == 1.5 {
		t.Errorf("Zeiler's Adadelta did not move: %v", p)
	}
}

// TestSlideAdagradZeroGradient shows the slide's η/√(Σg²) giving NaN for a
// parameter whose gradient has always been 0 (a feature not seen yet), as
// Adagrad with Eps: Zero() does, and the package's η/(√Σg² + ε) leaving it
// alone.
func TestSlideAdagradZeroGradient(t *testing.T) {
	var sum, g float64 // one parameter, zero gradient so far
	sum += g * g
	if slide := 0.01 / math.Sqrt(sum) * g; !math.IsNaN(slide) {
		t.Errorf("the slide's step = %v, expected NaN (0/0)", slide)
	}
	p := []float64{1, 2}
	NewAdagrad[float64]().Step(p, []float64{0, 1})
	if p[0] != 1 || math.IsNaN(p[1]) || p[1] == 2 {
		t.Errorf("after one step with gradients (0, 1): %v", p)
	}
	literal := []float64{1, 2}
	(&Adagrad[float64]{Eps: Zero()}).Step(literal, []float64{0, 1})
	if !math.IsNaN(literal[0]) || literal[1] != 2-0.01 {
		t.Errorf("the literal form (ε = 0) after one step with gradients (0, 1): %v, want [NaN 1.99]", literal)
	}
}
