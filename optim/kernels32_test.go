package optim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// fastCase is an optimizer with a float32 fast path, seen by the test: its
// state vectors and size, which bounds the terms of parameter i's update
// after a step with gradient g, from the state before (old) and after it.
type fastCase struct {
	name  string
	new   func() Optimizer[float32]
	state func(Optimizer[float32]) [][]float32
	size  func(o Optimizer[float32], i int, g float64, old [][]float32) float64
}

// decayRate is η·λ of o's weight decay, applied to the weights as
// w·(1 − η·λ) or w − η·λ·w: a weight's terms then include η·λ·|w|.
func decayRate(o Optimizer[float32]) float64 {
	switch o := o.(type) {
	case *SGD[float32]:
		return o.LR * o.WeightDecay
	case *AdamW[float32]:
		return o.LR * o.WeightDecay
	case *Lion[float32]:
		return o.LR * o.WeightDecay
	}
	return 0
}

// unsizedState is state vector k of o before the first Step, which sizes
// it: zeros, except Nesterov's kept w, which starts at the slab's θ₀ = w₀.
func unsizedState(o Optimizer[float32], k int, params []float32) []float32 {
	if n, ok := o.(*Nesterov[float32]); ok && n.ExactWeights && k == 1 {
		return append([]float32(nil), params...)
	}
	return make([]float32, len(params))
}

// inheritedSize is the size of the terms that state vector k of o takes
// from another state vector, whose rounding it inherits: Nesterov's kept w
// moves by v, w ← w − v, and v's error is 8u of μ·|v_old| + |v′|.
func inheritedSize(o Optimizer[float32], k, i int, old [][]float32) float64 {
	if n, ok := o.(*Nesterov[float32]); ok && n.ExactWeights && k == 1 {
		return math.Abs(float64(old[0][i])) + math.Abs(float64(n.v[i]))
	}
	return 0
}

// bitSets is an optimizer's state kept in bit-sets (Rprop's signs), which
// the fast loops must reproduce exactly.
func bitSets(o Optimizer[float32]) [][]uint64 {
	if r, ok := o.(*Rprop[float32]); ok {
		return [][]uint64{r.pos, r.neg}
	}
	return nil
}

// spread bounds the terms of a·s_old + b·g = s: |a·s_old| + |b·g| ≤
// 2|s_old| + |s| for a ≤ 1, even where they cancel.
func spread(old, s float32) float64 {
	return 2*math.Abs(float64(old)) + math.Abs(float64(s))
}

func fastCases() []fastCase {
	var cases []fastCase
	sgd := NewSGD[float32]()
	sgd.LR = 0.1
	cases = append(cases, fastCase{"SGD", func() Optimizer[float32] { o := *sgd; return &o },
		func(Optimizer[float32]) [][]float32 { return nil },
		func(o Optimizer[float32], _ int, g float64, _ [][]float32) float64 {
			return o.(*SGD[float32]).LR * math.Abs(g)
		}})
	for _, form := range []Form{Lecture, PyTorch} {
		m := NewMomentum[float32]()
		m.LR, m.Form = 0.1, form
		cases = append(cases, fastCase{"Momentum/" + form.String(),
			func() Optimizer[float32] { o := *m; return &o },
			func(o Optimizer[float32]) [][]float32 { return [][]float32{o.(*Momentum[float32]).v} },
			func(o Optimizer[float32], i int, _ float64, old [][]float32) float64 {
				v := o.(*Momentum[float32])
				if form == PyTorch {
					return v.LR * spread(old[0][i], v.v[i])
				}
				return spread(old[0][i], v.v[i])
			}})
	}
	for _, form := range []Form{Lecture, PyTorch} {
		r := NewRMSprop[float32]()
		r.LR, r.Form = 0.01, form
		cases = append(cases, fastCase{"RMSprop/" + form.String(),
			func() Optimizer[float32] { o := *r; return &o },
			func(o Optimizer[float32]) [][]float32 { return [][]float32{o.(*RMSprop[float32]).sq} },
			func(o Optimizer[float32], i int, g float64, _ [][]float32) float64 {
				r := o.(*RMSprop[float32])
				return r.LR * math.Abs(g) / rootPlusEps(float64(r.sq[i]), r.Eps, r.Form)
			}})
	}
	cases = append(cases, nesterovCases()...)
	cases = append(cases, rpropCases()...)
	a := NewAdagrad[float32]()
	a.LR = 0.1
	cases = append(cases, fastCase{"Adagrad", func() Optimizer[float32] { o := *a; return &o },
		func(o Optimizer[float32]) [][]float32 { return [][]float32{o.(*Adagrad[float32]).g} },
		func(o Optimizer[float32], i int, g float64, _ [][]float32) float64 {
			a := o.(*Adagrad[float32])
			return a.LR * math.Abs(g) / (math.Sqrt(float64(a.g[i])) + a.Eps)
		}})
	for _, form := range []Form{Lecture, PyTorch} {
		adam := NewAdam[float32]()
		adam.LR, adam.Form = 0.01, form
		cases = append(cases, fastCase{"Adam/" + form.String(),
			func() Optimizer[float32] { o := *adam; return &o },
			func(o Optimizer[float32]) [][]float32 { a := o.(*Adam[float32]); return [][]float32{a.m, a.r} },
			func(o Optimizer[float32], i int, _ float64, old [][]float32) float64 {
				a := o.(*Adam[float32])
				rHat := float64(a.r[i]) / (1 - math.Pow(a.Beta2, float64(a.t)))
				kM := a.LR / (1 - math.Pow(a.Beta1, float64(a.t)))
				return kM * spread(old[0][i], a.m[i]) / rootPlusEps(rHat, a.Eps, a.Form)
			}})
	}
	for _, form := range []Form{Lecture, PyTorch} {
		nadam := &Nadam[float32]{LR: 0.01, Form: form}
		cases = append(cases, fastCase{"Nadam/" + form.String(),
			func() Optimizer[float32] { o := *nadam; return &o },
			func(o Optimizer[float32]) [][]float32 { a := o.(*Nadam[float32]); return [][]float32{a.m, a.r} },
			func(o Optimizer[float32], i int, g float64, old [][]float32) float64 {
				a := o.(*Nadam[float32])
				t := float64(a.t)
				psi := a.MomentumDecay // read by the PyTorch form only
				if a.Form == Lecture {
					psi = 0
				}
				kM, kG := nadamRates(a.LR, a.Beta1, t, psi, a.muProduct)
				rHat := float64(a.r[i]) / (1 - math.Pow(a.Beta2, t))
				return (kM*spread(old[0][i], a.m[i]) + kG*math.Abs(g)) / (math.Sqrt(rHat) + a.Eps)
			}})
	}
	for _, lr := range []float64{1, 0.5} {
		ad := NewAdadelta[float32]()
		ad.LR = lr
		cases = append(cases, fastCase{fmt.Sprint("Adadelta/LR=", lr),
			func() Optimizer[float32] { o := *ad; return &o },
			func(o Optimizer[float32]) [][]float32 { a := o.(*Adadelta[float32]); return [][]float32{a.sq, a.dx} },
			func(o Optimizer[float32], i int, g float64, old [][]float32) float64 {
				a := o.(*Adadelta[float32])
				// η·|Δ|, Δ = √(E[Δw²]_old + ε)/√(E[g²] + ε)·g
				return a.LR * math.Sqrt((float64(old[1][i])+a.Eps)/(float64(a.sq[i])+a.Eps)) * math.Abs(g)
			}})
	}
	return append(cases, afterLectureCases()...)
}

// afterLectureCases are the fast loops of AfterLecture and of weight
// decay: SGD and Adam with L2 (λ·w added to g, with and without AMSGrad),
// Adam with AMSGrad, AdamW and Lion.
func afterLectureCases() []fastCase {
	sgd := &SGD[float32]{LR: 0.1, WeightDecay: 0.5}
	cases := []fastCase{{"SGD/WeightDecay", func() Optimizer[float32] { o := *sgd; return &o },
		func(Optimizer[float32]) [][]float32 { return nil },
		func(o Optimizer[float32], _ int, g float64, _ [][]float32) float64 { return sgd.LR * math.Abs(g) }}}
	// adamSize is Adam's step size for parameter i, from R or R_max.
	adamSize := func(a *Adam[float32], i int, old [][]float32) float64 {
		r := a.r
		if a.AMSGrad {
			r = a.rMax
		}
		rHat := float64(r[i]) / (1 - math.Pow(a.Beta2, float64(a.t)))
		kM := a.LR / (1 - math.Pow(a.Beta1, float64(a.t)))
		return kM * spread(old[0][i], a.m[i]) / rootPlusEps(rHat, a.Eps, a.Form)
	}
	for _, form := range []Form{Lecture, PyTorch} {
		for _, amsgrad := range []bool{false, true} {
			l2 := &Adam[float32]{LR: 0.01, WeightDecay: 0.5, AMSGrad: amsgrad, Form: form}
			cases = append(cases, fastCase{fmt.Sprintf("Adam/%v/WeightDecay/AMSGrad=%v", form, amsgrad),
				func() Optimizer[float32] { o := *l2; return &o },
				func(o Optimizer[float32]) [][]float32 {
					a := o.(*Adam[float32])
					if amsgrad {
						return [][]float32{a.m, a.r, a.rMax}
					}
					return [][]float32{a.m, a.r}
				},
				func(o Optimizer[float32], i int, _ float64, old [][]float32) float64 {
					return adamSize(o.(*Adam[float32]), i, old)
				}})
		}
		ams := &Adam[float32]{LR: 0.01, AMSGrad: true, Form: form}
		cases = append(cases, fastCase{"AMSGrad/" + form.String(),
			func() Optimizer[float32] { o := *ams; return &o },
			func(o Optimizer[float32]) [][]float32 { a := o.(*Adam[float32]); return [][]float32{a.m, a.r, a.rMax} },
			func(o Optimizer[float32], i int, _ float64, old [][]float32) float64 {
				return adamSize(o.(*Adam[float32]), i, old)
			}})
		for _, amsgrad := range []bool{false, true} {
			w := &AdamW[float32]{LR: 0.01, WeightDecay: 0.5, AMSGrad: amsgrad, Form: form}
			cases = append(cases, fastCase{fmt.Sprintf("AdamW/%v/AMSGrad=%v", form, amsgrad),
				func() Optimizer[float32] { o := *w; return &o },
				func(o Optimizer[float32]) [][]float32 {
					a := &o.(*AdamW[float32]).adam
					if amsgrad {
						return [][]float32{a.m, a.r, a.rMax}
					}
					return [][]float32{a.m, a.r}
				},
				func(o Optimizer[float32], i int, _ float64, old [][]float32) float64 {
					return adamSize(&o.(*AdamW[float32]).adam, i, old)
				}})
		}
	}
	for _, wd := range []float64{0, 0.5} {
		lion := &Lion[float32]{LR: 0.01, WeightDecay: wd}
		cases = append(cases, fastCase{fmt.Sprint("Lion/WeightDecay=", wd),
			func() Optimizer[float32] { o := *lion; return &o },
			func(o Optimizer[float32]) [][]float32 { return [][]float32{o.(*Lion[float32]).m} },
			func(o Optimizer[float32], _ int, _ float64, _ [][]float32) float64 { return lion.LR }})
	}
	return cases
}

// nesterovCases are Nesterov's three forms: θ and v kept, the exact w kept
// too, and PyTorch's.
func nesterovCases() []fastCase {
	var cases []fastCase
	for _, form := range []string{"Nesterov", "Nesterov/ExactWeights", "Nesterov/PyTorch"} {
		nag := NewNesterov[float32]()
		nag.LR = 0.1
		nag.ExactWeights = form == "Nesterov/ExactWeights"
		if form == "Nesterov/PyTorch" {
			nag.Form = PyTorch
		}
		cases = append(cases, fastCase{form,
			func() Optimizer[float32] { o := *nag; return &o },
			func(o Optimizer[float32]) [][]float32 {
				n := o.(*Nesterov[float32])
				if n.ExactWeights {
					return [][]float32{n.v, n.w}
				}
				return [][]float32{n.v}
			},
			func(o Optimizer[float32], i int, g float64, old [][]float32) float64 {
				n := o.(*Nesterov[float32])
				vOld, v := math.Abs(float64(old[0][i])), math.Abs(float64(n.v[i]))
				switch form {
				case "Nesterov/PyTorch": // η·(μ·|v′| + |g|)
					return n.LR * (n.Mu*v + math.Abs(g))
				case "Nesterov/ExactWeights": // θ = w − μ·v′ and w's terms
					return math.Abs(float64(n.w[i])) + math.Abs(float64(old[1][i])) + vOld + 2*v
				}
				return n.Mu*vOld + (1+n.Mu)*v // μ·|v| + (1+μ)·|v′|
			}})
	}
	return cases
}

// rpropCases are Rprop's forms and variants that have a fast loop, with
// either first sign; the size of a step is U before and after it, and the
// Δw undone by backtracking.
func rpropCases() []fastCase {
	var cases []fastCase
	for _, r := range []*Rprop[float32]{
		{}, {Form: PyTorch}, {Form: PyTorch, Variant: RpropPlus},
		{FirstSign: FirstSignGradient}, {Form: PyTorch, FirstSign: FirstSignGradient},
		{Form: PyTorch, Variant: RpropPlus, FirstSign: FirstSignGradient},
	} {
		if _, ok := r.kernel32(); !ok {
			panic("rpropCases: no fast loop for " + r.Settings())
		}
		cases = append(cases, fastCase{fmt.Sprintf("Rprop/%v/%v/%v", r.Form, r.variant(), r.FirstSign),
			func() Optimizer[float32] { o := *r; return &o },
			func(o Optimizer[float32]) [][]float32 {
				r := o.(*Rprop[float32])
				if r.variant() == RpropPlus {
					return [][]float32{r.u, r.dw}
				}
				return [][]float32{r.u}
			},
			func(o Optimizer[float32], i int, _ float64, old [][]float32) float64 {
				size := math.Abs(float64(old[0][i])) + math.Abs(float64(o.(*Rprop[float32]).u[i]))
				if len(old) > 1 {
					size += math.Abs(float64(old[1][i]))
				}
				return size
			}})
	}
	return cases
}

// nadamRates are Nadam's k_M and k_g after step t (see stepFast32).
func nadamRates(lr, b1, t, psi, muProduct float64) (kM, kG float64) {
	if psi == 0 {
		c1 := 1 - math.Pow(b1, t)
		return lr * b1 / c1, lr * (1 - b1) / c1
	}
	mu := b1 * (1 - 0.5*math.Pow(0.96, t*psi))
	muNext := b1 * (1 - 0.5*math.Pow(0.96, (t+1)*psi))
	return lr * muNext / (1 - muProduct*muNext), lr * (1 - mu) / (1 - muProduct)
}

// TestFast32MatchesReference runs each float32 fast loop (AVX-512, AVX2 and
// portable, as the CPU allows) against the reference float64-computing loop
// for 100 steps of random gradients spanning 1e-4…10 in size, zeros
// included, over lengths that leave every remainder. Before each step the
// fast optimizer gets the reference's weights and state, so each step's
// difference is measured on its own, and bounded by
//
//	state s:  ulp(s) + 8u·(|s_old| + |s|)
//	weight w: ulp(w) + 16u·gain·(2|s_old| + |s|)     (SGD: ulp(w) + 16u·|Δw|)
//
// where u = 2⁻²⁴ is float32's unit roundoff. Where weight decay rounds w
// once more before the step (SGD and AdamW with λ, Lion), η·λ·|w| joins
// the weight's terms and the bound allows one more ulp of w. A state update a·s_old + b·g
// rounds a handful of times, each by at most u of a term, and the terms are
// at most 2|s_old| + |s| in size (b·g = s − a·s_old), even where they
// cancel; an ulp covers the two final roundings landing on either side. The
// weight's update is gain × its state with about a dozen more roundings
// (η/(1−β₁ᵗ), the square root, the division): 16u of the terms' size. The
// worst ratio seen, in units of u, is logged.
func TestFast32MatchesReference(t *testing.T) {
	defer func(f *loops32) { fast32 = f }(fast32)
	const steps, u = 100, 0x1p-24
	for _, loops := range testLoops32() {
		for _, c := range fastCases() {
			for _, n := range []int{0, 1, 7, 8, 15, 16, 17, 31, 33, 1000} {
				t.Run(fmt.Sprintf("%s/%s/n=%d", loops.name, c.name, n), func(t *testing.T) {
					rng := rand.New(rand.NewPCG(1, uint64(n)))
					fast, ref := c.new(), c.new()
					pr := make([]float32, n)
					for i := range pr {
						pr[i] = float32(rng.NormFloat64() * 1e-2)
					}
					pf, g := append([]float32(nil), pr...), make([]float32, n)
					var worst float64 // in units of u
					for step := range steps {
						if step > 0 {
							copy(pf, pr)
							for k, s := range c.state(ref) {
								copy(c.state(fast)[k], s)
							}
							for k, s := range bitSets(ref) {
								copy(bitSets(fast)[k], s)
							}
						}
						var oldState [][]float32
						for k, s := range c.state(ref) {
							if len(s) == 0 {
								s = unsizedState(ref, k, pr)
							}
							oldState = append(oldState, append([]float32(nil), s...))
						}
						for i := range g {
							g[i] = randomGrad(rng)
						}
						fast32 = loops
						fast.Step(pf, g)
						fast32 = nil
						ref.Step(pr, g)

						for k, s := range c.state(ref) {
							sf := c.state(fast)[k]
							for i := range s {
								size := math.Abs(float64(s[i])) + math.Abs(float64(oldState[k][i])) + inheritedSize(ref, k, i, oldState)
								d := math.Abs(float64(sf[i]) - float64(s[i]))
								if size > 0 {
									worst = max(worst, (d-ulp32(s[i]))/(u*size))
								}
								if tol := ulp32(s[i]) + 8*u*size; !(d <= tol) {
									t.Fatalf("step %d: state %d [%d] = %g, reference %g, |diff| %g > %g", step+1, k, i, sf[i], s[i], d, tol)
								}
							}
						}
						for k, s := range bitSets(ref) {
							if sf := bitSets(fast)[k]; fmt.Sprint(sf) != fmt.Sprint(s) {
								t.Fatalf("step %d: bit-set %d = %x, reference %x", step+1, k, sf, s)
							}
						}
						for i := range pr {
							size := c.size(ref, i, float64(g[i]), oldState) + decayRate(ref)*math.Abs(float64(pr[i]))
							d := math.Abs(float64(pf[i]) - float64(pr[i]))
							ulps := 1.0
							if decayRate(ref) != 0 {
								ulps = 2 // w is rounded after the decay too
							}
							if size > 0 {
								worst = max(worst, (d-ulps*ulp32(pr[i]))/(u*size))
							}
							if tol := ulps*ulp32(pr[i]) + 16*u*size; !(d <= tol) {
								t.Fatalf("step %d: w[%d] = %g, reference %g, |diff| %g > %g", step+1, i, pf[i], pr[i], d, tol)
							}
						}
					}
					t.Logf("worst (|diff| − ulp)/size = %.2f u", worst)
				})
			}
		}
	}
}

// randomGrad is 0 one time in ten, else ±10^U(−4, 1).
func randomGrad(rng *rand.Rand) float32 {
	if rng.IntN(10) == 0 {
		return 0
	}
	g := float32(math.Pow(10, -4+5*rng.Float64()))
	if rng.IntN(2) == 0 {
		g = -g
	}
	return g
}

// ulp32 is the spacing of float32 values at |x|.
func ulp32(x float32) float64 {
	a := math.Abs(float64(x))
	next := math.Nextafter32(float32(a), float32(math.Inf(1)))
	return float64(next) - a
}
