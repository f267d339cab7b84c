package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestFirstStepOverEta is defect 7 of issue 8: RMSprop's first step is
// 1/√(1−γ) = 3.16 times η, Adagrad's and Adam's are η.
func TestFirstStepOverEta(t *testing.T) {
	for i, c := range []struct {
		opt  optim.Optimizer[float64]
		want float64
	}{
		{optim.NewSGD[float64](), 1}, {optim.NewAdagrad[float64](), 1},
		{optim.NewRMSprop[float64](), 1 / math.Sqrt(0.1)}, {optim.NewAdam[float64](), 1},
	} {
		if got := FirstStepOverEta(c.opt, 1); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("%d: %s first step %g·η, want %g·η", i, c.opt.Name(), got, c.want)
		}
	}
}

// TestNadamFirstSteps is defect 6 of issue 8: the lecture's Nadam steps
// 1.9η first, Dozat's ≈ 1.47η, PyTorch's schedule ≈ 1.06η.
func TestNadamFirstSteps(t *testing.T) {
	lecture, dozat, pytorch := NadamFirstSteps()
	for i, c := range [][2]float64{{lecture, 1.9}, {dozat, 1 + 0.09/0.19}, {pytorch, 1.0564518}} {
		if math.Abs(c[0]-c[1]) > 1e-6 {
			t.Errorf("%d: first step %.7f·η, want %.7f·η", i, c[0], c[1])
		}
	}
}

// TestEpsGradientScale: without bias correction ε swamps gradients √1000 ≈
// 32 times larger; with it, Adam's (ε inside the root) first step at g = √ε
// is η/√2, ε and g² weighing the same.
func TestEpsGradientScale(t *testing.T) {
	c, u := EpsGradientScale(1e-8, 0.999)
	if math.Abs(u/c-math.Sqrt(1000)) > 1e-9 || math.Abs(c-1e-4) > 1e-18 {
		t.Errorf("scales %g and %g, ratio %g; want 1e-4 and ratio √1000", c, u, u/c)
	}
	if got := FirstStepOverEta(optim.NewAdam[float64](), c); math.Abs(got-1/math.Sqrt2) > 1e-9 {
		t.Errorf("Adam's first step at g = √ε: %g·η, want η/√2", got)
	}
}

// TestRMSpropOvershoot: on ½·100·w² from 5η, the first step is 1/√(1−γ)·η
// and the overshoot past the minimum grows with γ (0.11, 0.21, 1.0, 5.3
// times the start's distance for γ = 0.5, 0.9, 0.99, 0.999).
func TestRMSpropOvershoot(t *testing.T) {
	gammas := []float64{0.5, 0.9, 0.99, 0.999}
	rows := RMSpropOvershoot(gammas, 0.01, 100, 0.05, 300)
	want := []float64{0.115, 0.213, 1, 5.32}
	for i, r := range rows {
		if math.Abs(r.First*math.Sqrt(1-gammas[i])-1) > 1e-6 || math.Abs(r.Past-want[i]) > 0.01 {
			t.Errorf("%d: γ=%g first %g·η, past %g; want %g·η, %g", i, r.Gamma, r.First, r.Past, 1/math.Sqrt(1-gammas[i]), want[i])
		}
		if i > 0 && r.Past <= rows[i-1].Past {
			t.Errorf("%d: overshoot %g at γ=%g not above %g at γ=%g", i, r.Past, r.Gamma, rows[i-1].Past, rows[i-1].Gamma)
		}
	}
}
