package optim

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// This file is the test oracle: each optimizer's formula from the lecture
// (or from the paper, where the lecture's fails), written again as naive
// float64 scalar code on a 2-D point, independently of the package's
// slab code.

// gradFunc is a surface's gradient.
type gradFunc func(x, y float64) (gx, gy float64)

// naive takes one step. It returns the weights w and the point where the
// next gradient is to be taken (w itself, except for Nesterov's θ).
type naive func(grad gradFunc) (w, at [2]float64)

// gradAt evaluates grad at p.
func gradAt(grad gradFunc, p [2]float64) [2]float64 {
	gx, gy := grad(p[0], p[1])
	return [2]float64{gx, gy}
}

func naiveSGD(w [2]float64, eta float64) naive {
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			w[i] = w[i] - eta*g[i]
		}
		return w, w
	}
}

// naiveMomentum: v = μv + ηg, w = w − v.
func naiveMomentum(w [2]float64, eta, mu float64) naive {
	var v [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			v[i] = mu*v[i] + eta*g[i]
			w[i] = w[i] - v[i]
		}
		return w, w
	}
}

// naiveNesterov is the lecture's four steps.
func naiveNesterov(w [2]float64, eta, mu float64) naive {
	var v [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		var theta [2]float64
		for i := range w {
			theta[i] = w[i] - mu*v[i] // 1. projection
		}
		g := gradAt(grad, theta) // 2. gradient at the projection
		for i := range w {
			v[i] = mu*v[i] + eta*g[i] // 3.
			w[i] = w[i] - v[i]        // 4.
			theta[i] = w[i] - mu*v[i] // next 1.
		}
		return w, theta
	}
}

// naiveRprop is the lecture's three steps, η⁺ 1.2, η⁻ 0.5, U₀ 0.01, limits
// 1e-6 and 50; with firstFromGradient, SGN starts as the first gradient's
// sign.
func naiveRprop(w [2]float64, firstFromGradient bool) naive {
	u := [2]float64{0.01, 0.01}
	var sgn [2]float64
	first := true
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			s := 0.0
			if g[i] > 0 {
				s = 1
			} else if g[i] < 0 {
				s = -1
			}
			if first && firstFromGradient {
				sgn[i] = s
			}
			w[i] = w[i] - u[i]*s // 1.
			if s*sgn[i] > 0 {    // 2.
				u[i] = u[i] * 1.2
			} else if s*sgn[i] < 0 {
				u[i] = u[i] * 0.5
			}
			u[i] = math.Min(math.Max(u[i], 1e-6), 50)
			sgn[i] = s // 3.
		}
		first = false
		return w, w
	}
}

// naiveRpropPlus is Rprop+ as in Igel & Hüsken (2000), Fig. 1.
func naiveRpropPlus(w [2]float64) naive {
	u := [2]float64{0.01, 0.01}
	var prev, dw [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			switch {
			case g[i]*prev[i] > 0:
				u[i] = math.Min(u[i]*1.2, 50)
				dw[i] = -math.Copysign(u[i], g[i])
				w[i] += dw[i]
				prev[i] = g[i]
			case g[i]*prev[i] < 0:
				u[i] = math.Max(u[i]*0.5, 1e-6)
				w[i] -= dw[i]
				prev[i] = 0
			default:
				dw[i] = 0
				if g[i] != 0 {
					dw[i] = -math.Copysign(u[i], g[i])
				}
				w[i] += dw[i]
				prev[i] = g[i]
			}
		}
		return w, w
	}
}

// naiveAdagrad: G += g², w −= η/(√G + ε)·g (Duchi et al.'s δ).
func naiveAdagrad(w [2]float64, eta, eps float64) naive {
	var sum [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			sum[i] += g[i] * g[i]
			w[i] -= eta / (math.Sqrt(sum[i]) + eps) * g[i]
		}
		return w, w
	}
}

// naiveRMSprop: E = γE + (1−γ)g², w −= η/√(E + ε)·g.
func naiveRMSprop(w [2]float64, eta, gamma, eps float64) naive {
	var e [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			e[i] = gamma*e[i] + (1-gamma)*g[i]*g[i]
			w[i] -= eta / math.Sqrt(e[i]+eps) * g[i]
		}
		return w, w
	}
}

// naiveAdam is the lecture's Adam (nesterov false) or its Nadam expansion
// (nesterov true), ε inside the root for Adam, outside for Nadam.
func naiveAdam(w [2]float64, eta, b1, b2, eps float64, nesterov bool) naive {
	var m, r [2]float64
	t := 0.0
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		t++
		for i := range w {
			m[i] = b1*m[i] + (1-b1)*g[i]
			r[i] = b2*r[i] + (1-b2)*g[i]*g[i]
			mHat := m[i] / (1 - math.Pow(b1, t))
			rHat := r[i] / (1 - math.Pow(b2, t))
			if nesterov {
				w[i] -= eta / (math.Sqrt(rHat) + eps) * (b1*mHat + (1-b1)/(1-math.Pow(b1, t))*g[i])
			} else {
				w[i] -= eta * mHat / math.Sqrt(rHat+eps)
			}
		}
		return w, w
	}
}

// naiveNadamTorch2 is torch ≥ 2.0's _single_tensor_nadam without weight
// decay, transcribed line by line (torch/optim/nadam.py, 2.0 to 2.5).
func naiveNadamTorch2(w [2]float64, lr, beta1, beta2, eps, momentumDecay float64) naive {
	var expAvg, expAvgSq [2]float64
	muProduct, step := 1.0, 0.0
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		step++
		biasCorrection2 := 1 - math.Pow(beta2, step)
		mu := beta1 * (1 - 0.5*math.Pow(0.96, step*momentumDecay))
		muNext := beta1 * (1 - 0.5*math.Pow(0.96, (step+1)*momentumDecay))
		muProduct *= mu
		for i := range w {
			expAvg[i] += (g[i] - expAvg[i]) * (1 - beta1) // exp_avg.lerp_(grad, 1 − β₁)
			expAvgSq[i] = expAvgSq[i]*beta2 + (1-beta2)*g[i]*g[i]
			denom := math.Sqrt(expAvgSq[i]/biasCorrection2) + eps
			muProductNext := muProduct * muNext
			w[i] += -lr * (1 - mu) / (1 - muProduct) * g[i] / denom
			w[i] += -lr * muNext / (1 - muProductNext) * expAvg[i] / denom
		}
		return w, w
	}
}

// naiveAdadelta is Zeiler's Algorithm 1.
func naiveAdadelta(w [2]float64, rho, eps float64) naive {
	var eg, edx [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, w)
		for i := range w {
			eg[i] = rho*eg[i] + (1-rho)*g[i]*g[i]
			dx := math.Sqrt(edx[i]+eps) / math.Sqrt(eg[i]+eps) * g[i]
			edx[i] = rho*edx[i] + (1-rho)*dx*dx
			w[i] -= dx
		}
		return w, w
	}
}

// naiveLion is Algorithm 2 of Chen et al. 2023 ("Symbolic Discovery of
// Optimization Algorithms"), line by line.
func naiveLion(theta [2]float64, eta, beta1, beta2, lambda float64) naive {
	var m [2]float64
	return func(grad gradFunc) (_, _ [2]float64) {
		g := gradAt(grad, theta)
		for i := range theta {
			c := beta1*m[i] + (1-beta1)*g[i]              // c_t ← β₁m_{t−1} + (1 − β₁)g_t
			theta[i] -= eta * (sign(c) + lambda*theta[i]) // θ_t ← θ_{t−1} − η_t(sign(c_t) + λθ_{t−1})
			m[i] = beta2*m[i] + (1-beta2)*g[i]            // m_t ← β₂m_{t−1} + (1 − β₂)g_t
		}
		return theta, theta
	}
}

// surfaceCase is a surface, a start and a learning rate for the SGD family.
type surfaceCase struct {
	s     datasets.Surface
	start [2]float64
	eta   float64
}

func surfaceCases() []surfaceCase {
	return []surfaceCase{
		{datasets.Beale(), [2]float64{1, 1}, 1e-3},
		{datasets.Rosenbrock(), [2]float64{-1.5, 2}, 2e-4},
		{datasets.Quadratic(50), [2]float64{1.5, 1.5}, 0.01},
	}
}

// oracle is an optimizer's naive transcription and the learning rate the
// test gives the optimizer (0: its default).
type oracle struct {
	rate  float64
	naive naive
}

// lectureOracles maps the name of each optimizer of All to its oracle in
// the lecture's form: the SGD family at the surface's rate eta, the
// adaptive ones at their defaults.
func lectureOracles(w0 [2]float64, eta float64) map[string]oracle {
	return map[string]oracle{
		"SGD":      {eta, naiveSGD(w0, eta)},
		"Momentum": {eta, naiveMomentum(w0, eta, 0.9)},
		"Nesterov": {eta, naiveNesterov(w0, eta, 0.9)},
		"Rprop":    {0, naiveRprop(w0, false)},
		"Adagrad":  {0, naiveAdagrad(w0, 0.01, 1e-10)},
		"RMSprop":  {0, naiveRMSprop(w0, 0.001, 0.9, 1e-8)},
		"Adam":     {0, naiveAdam(w0, 0.001, 0.9, 0.999, 1e-8, false)},
		"Nadam":    {0, naiveAdam(w0, 0.002, 0.9, 0.999, 1e-8, true)},
		"Adadelta": {0, naiveAdadelta(w0, 0.95, 1e-6)},
	}
}

// oracleTol is the largest |diff| allowed between the package and the oracle.
const oracleTol = 1e-12

// TestLectureFormulas runs every optimizer of All, and the forms and
// variants that have an oracle of their own (Lion's, which torch 1.13
// lacks, among them), against its naive transcription for 200 steps on
// each surface.
func TestLectureFormulas(t *testing.T) {
	const steps = 200
	for _, sc := range surfaceCases() {
		w0, eta := sc.start, sc.eta
		type testCase struct {
			name  string
			opt   Optimizer[float64]
			naive naive
		}
		var cases []testCase
		oracles := lectureOracles(w0, eta)
		for _, o := range All[float64]() {
			or, ok := oracles[o.Name()]
			if !ok {
				t.Errorf("no oracle for %s: add one to lectureOracles", o.Name())
				continue
			}
			if or.rate > 0 {
				o.(RateSetter).SetLearningRate(or.rate)
			}
			cases = append(cases, testCase{o.Name(), o, or.naive})
		}
		cases = append(cases,
			testCase{"Nesterov/ExactWeights", &Nesterov[float64]{LR: eta, ExactWeights: true}, naiveNesterov(w0, eta, 0.9)},
			testCase{"Rprop/PyTorch/RpropPlus", &Rprop[float64]{Variant: RpropPlus, Form: PyTorch}, naiveRpropPlus(w0)},
			testCase{"Rprop/FirstSignGradient", &Rprop[float64]{FirstSign: FirstSignGradient}, naiveRprop(w0, true)},
			testCase{"Nadam/PyTorch", &Nadam[float64]{Form: PyTorch}, naiveNadamTorch2(w0, 0.002, 0.9, 0.999, 1e-8, 0.004)},
			testCase{"Lion", NewLion[float64](), naiveLion(w0, 1e-4, 0.9, 0.99, 0)},
			testCase{"Lion/WeightDecay", &Lion[float64]{LR: eta, WeightDecay: 0.5}, naiveLion(w0, eta, 0.9, 0.99, 0.5)},
		)
		for _, c := range cases {
			t.Run(c.name+"/"+sc.s.Name(), func(t *testing.T) {
				got := trajectory(c.opt, sc.s.Grad, w0, steps)
				var worst float64
				for k := range steps {
					w, at := c.naive(sc.s.Grad)
					for i := range 2 {
						d := max(math.Abs(got[k].w[i]-w[i]), math.Abs(got[k].at[i]-at[i]))
						if !(d <= oracleTol) {
							t.Fatalf("step %d coordinate %d: got w=%v at=%v, want w=%v at=%v", k+1, i, got[k].w[i], got[k].at[i], w[i], at[i])
						}
						worst = max(worst, d)
					}
				}
				t.Logf("%s: max |diff| = %.3g over %d steps, final w = %.6g", t.Name(), worst, steps, got[steps-1].w)
			})
		}
	}
}

// point is where an optimizer's weights are after a step, and where it
// wants the next gradient.
type point struct{ w, at [2]float64 }

// trajectory runs o for steps steps from start, taking each gradient at the
// params slab, and records the weights (Weights for a LookAhead) and the slab.
func trajectory[T Float](o Optimizer[T], grad gradFunc, start [2]float64, steps int) []point {
	params := []T{T(start[0]), T(start[1])}
	grads := make([]T, 2)
	weights := make([]T, 2)
	out := make([]point, steps)
	for k := range out {
		gx, gy := grad(float64(params[0]), float64(params[1]))
		grads[0], grads[1] = T(gx), T(gy)
		o.Step(params, grads)
		copy(weights, params)
		if la, ok := o.(LookAhead[T]); ok {
			la.Weights(weights, params)
		}
		out[k] = point{
			w:  [2]float64{float64(weights[0]), float64(weights[1])},
			at: [2]float64{float64(params[0]), float64(params[1])},
		}
	}
	return out
}
