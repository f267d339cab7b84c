package datasets

import (
	"math"
	"testing"
)

func TestRegressionGradFiniteDifference(t *testing.T) {
	for _, r := range []*Regression{
		LinearNeuron(50, []float64{2}, nil, 0.1, 1),
		LinearNeuron(50, []float64{1, -2}, []float64{1, 3}, 0.1, 2),
		SparseFeatures(200, 3, 3, 3),
	} {
		w := make([]float64, r.Inputs)
		for j := range w {
			w[j] = 0.3*float64(j) - 0.5
		}
		g := make([]float64, r.Inputs)
		r.Grad(w, g)
		const h = 1e-6
		for j := range w {
			wp, wm := append([]float64{}, w...), append([]float64{}, w...)
			wp[j] += h
			wm[j] -= h
			fd := (r.Loss(wp) - r.Loss(wm)) / (2 * h)
			if relErr(g[j], fd) > 1e-7 {
				t.Errorf("%d inputs, weight %d: grad %g, finite difference %g", r.Inputs, j, g[j], fd)
			}
		}
	}
}

func TestLeastSquares(t *testing.T) {
	// Without noise the generating weights are recovered exactly.
	exact := LinearNeuron(20, []float64{1.5, -0.5, 2}, []float64{1, 2, 0.5}, 0, 1)
	for j, w := range exact.LeastSquares() {
		if math.Abs(w-exact.Weights[j]) > 1e-12 {
			t.Errorf("noiseless weight %d = %.15g, want %g", j, w, exact.Weights[j])
		}
	}
	// With noise the gradient vanishes at the solution.
	for _, r := range []*Regression{LinearNeuron(100, []float64{3}, nil, 0.5, 4), SparseFeatures(1000, 5, 5, 5)} {
		w := r.LeastSquares()
		g := make([]float64, r.Inputs)
		r.Grad(w, g)
		for j, v := range g {
			if math.Abs(v) > 1e-12 {
				t.Errorf("%d inputs: ∂E/∂w%d = %g at the least-squares solution", r.Inputs, j, v)
			}
		}
	}
}

// TestLinearNeuronParabola checks the lecture's one-weight picture: E(w)
// is a parabola with curvature mean(x²) and vertex at the least-squares w.
func TestLinearNeuronParabola(t *testing.T) {
	r := LinearNeuron(200, []float64{2}, nil, 0.3, 7)
	m := r.LeastSquares()[0]
	curv := 0.0
	for _, x := range r.X {
		curv += x * x
	}
	curv /= float64(r.Len())
	e0 := r.Loss([]float64{m})
	for _, d := range []float64{-2, -0.5, 1, 3} {
		got, want := r.Loss([]float64{m + d}), e0+0.5*curv*d*d
		if math.Abs(got-want) > 1e-12*math.Max(1, want) {
			t.Errorf("E(w*%+g) = %.15g, want parabola value %.15g", d, got, want)
		}
	}
}

// TestLinearNeuronBowl checks that unequal input scales stretch the bowl:
// the Hessian XᵀX/n has a condition number near (3/1)² = 9.
func TestLinearNeuronBowl(t *testing.T) {
	r := LinearNeuron(5000, []float64{1, 1}, []float64{1, 3}, 0.1, 8)
	s := r.Surface()
	m := s.Minima()[0]
	if gx, gy := s.Grad(m[0], m[1]); math.Hypot(gx, gy) > 1e-12 {
		t.Errorf("gradient (%g, %g) at the minimum %v", gx, gy, m)
	}
	// The Hessian of E is XᵀX/n; its entries are the gradient's slopes.
	gx0, gy0 := s.Grad(m[0], m[1])
	h11, h21 := s.Grad(m[0]+1, m[1])
	h12, h22 := s.Grad(m[0], m[1]+1)
	a, b, c := h11-gx0, (h12-gx0+h21-gy0)/2, h22-gy0
	disc := math.Sqrt((a-c)*(a-c)/4 + b*b)
	cond := ((a+c)/2 + disc) / ((a+c)/2 - disc)
	if cond < 8 || cond > 10 {
		t.Errorf("condition number %.2f, want about 9", cond)
	}
	if r.Weights[0] != 1 || math.Abs(m[0]-1) > 0.01 || math.Abs(m[1]-1) > 0.01 {
		t.Errorf("minimum %v far from the generating weights %v", m, r.Weights)
	}
}

// TestSparseFeaturesRareMatter checks Adagrad's lesson on the data: rare
// features fire 1–5% of the time, zeroing their weights costs far more than
// the noise, and after the same number of full-batch steps plain gradient
// descent has learned them much less than Adagrad (written out here in its
// textbook form, so that this package stays free of optim).
func TestSparseFeaturesRareMatter(t *testing.T) {
	const common, rare = 10, 10
	r := SparseFeatures(4000, common, rare, 11)
	for j := range r.Inputs {
		fired := 0
		for k := range r.Len() {
			fired += int(r.x(k)[j])
		}
		rate := float64(fired) / float64(r.Len())
		lo, hi := 0.45, 0.55
		if j >= common {
			lo, hi = 0.005, 0.06
		}
		if rate < lo || rate > hi {
			t.Errorf("feature %d fires in %.3f of examples, want [%g, %g]", j, rate, lo, hi)
		}
	}
	best := r.LeastSquares()
	withoutRare := append([]float64{}, best...)
	clear(withoutRare[common:])
	if lb, lw := r.Loss(best), r.Loss(withoutRare); lw < 20*lb {
		t.Errorf("loss %.4f without rare weights vs %.4f with: rare features should matter", lw, lb)
	}

	rareError := func(adagrad bool) float64 {
		w, g, acc := make([]float64, r.Inputs), make([]float64, r.Inputs), make([]float64, r.Inputs)
		for range 100 {
			r.Grad(w, g)
			for j := range w {
				if adagrad {
					acc[j] += g[j] * g[j]
					w[j] -= 0.5 * g[j] / (math.Sqrt(acc[j]) + 1e-8)
				} else {
					w[j] -= 0.5 * g[j]
				}
			}
		}
		e := 0.0
		for j := common; j < r.Inputs; j++ {
			e += math.Abs(w[j] - best[j])
		}
		return e / rare
	}
	sgd, ada := rareError(false), rareError(true)
	t.Logf("mean |w − w*| over rare features after 100 steps: gradient descent %.3f, Adagrad %.3f", sgd, ada)
	if !(ada < sgd/2) {
		t.Errorf("Adagrad's rare-weight error %.3f is not well below gradient descent's %.3f", ada, sgd)
	}
}

func TestRegressionPanics(t *testing.T) {
	r := LinearNeuron(10, []float64{1, 2, 3}, nil, 0, 1)
	for name, f := range map[string]func(){
		"Surface with 3 inputs": func() { r.Surface() },
		"Loss with 2 weights":   func() { r.Loss([]float64{1, 2}) },
		"singular":              func() { (&Regression{Inputs: 2, X: []float64{1, 0, 2, 0}, Targets: []float64{1, 2}}).LeastSquares() },
		"scales mismatch":       func() { LinearNeuron(10, []float64{1}, []float64{1, 2}, 0, 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
