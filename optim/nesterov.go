package optim

import "fmt"

// Nesterov is Nesterov Accelerated Gradient (NAG), the lecture's four
// steps:
//
//	step 1:  θ ← w − μ·v     the projection: where momentum alone would go
//	step 2:  g ← ∂C/∂θ       the gradient at the projection
//	step 3:  v ← μ·v + η·g
//	step 4:  w ← w − v
//
// Because the gradient is taken at θ, not at w, Nesterov implements
// LookAhead: the params slab given to Step holds θ, the point where the
// caller evaluates the next gradient, and Step writes the next θ there.
// Weights gives the weights w for validation, inference and export. Before
// the first Step, v = 0 and the slab holds θ = w, the initial weights.
//
// State: v alone, n elements, as the lecture counts it (NAG costs what
// momentum costs: three times the model with weights and gradients). The
// weights are not stored: each Step and Weights recover them as
// w = θ + μ·v. The round trip w → θ → w rounds, so the recovered weights
// drift from the lecture's sequence of w (which the ExactWeights option
// keeps) by a few unit roundoffs u of |w| and |θ| per step: fed the same
// gradients, after k steps
//
//	|w_recovered − w_exact| ≤ Σⱼ₌₁ᵏ 2u·(|wⱼ| + |θⱼ| + |vⱼ|)
//
// with u = 2⁻⁵³ in float64 and 2⁻²⁴ in float32: per step, two roundings
// of each of w, θ and the step's terms (TestNesterovRecoveredBound). The
// roundings mostly cancel: on a noisy quadratic with weights of size ~1,
// the drift after 500 steps is 5u in float64 and 20u in float32 (6e-16 and
// 1e-6), against a bound of 824u; over all steps and weights, the drift
// reaches half the bound at most. The gradients that follow are taken at
// points that differ by as much.
//
// ExactWeights keeps the lecture's w as well, exactly as the four steps
// write it, at the price of n more elements (four times the model): Weights
// is then the lecture's sequence bit for bit.
//
// Form PyTorch is torch.optim.SGD(momentum=μ, nesterov=True): the
// look-ahead is folded into the update and the gradient is taken at the
// weights themselves, v ← μ·v + g, w ← w − η·(g + μ·v); the slab holds w,
// only v is kept, Weights copies the slab and ExactWeights has no effect.
//
// Defaults: μ = 0.9 and η = 0.01, as for Momentum.
type Nesterov[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.01.
	LR float64
	// Mu is the friction μ ∈ [0,1); 0 means 0.9 (write Zero() for μ = 0).
	Mu float64
	// Form is the update rule: Lecture (the zero value) or PyTorch. It
	// must not change after the first Step.
	Form Form
	// ExactWeights keeps the lecture's weights w besides v (Lecture form):
	// n more elements of state, and Weights exact to the bit. Switched on
	// after some steps, it starts from the recovered w = θ + μ·v.
	ExactWeights bool

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	v         []T // velocity
	w         []T // the lecture's weights (ExactWeights, Lecture form)
}

var (
	_ Optimizer[float64] = (*Nesterov[float64])(nil)
	_ RateSetter         = (*Nesterov[float64])(nil)
	_ LookAhead[float64] = (*Nesterov[float64])(nil)
)

// NewNesterov returns the lecture's NAG with μ = 0.9, η = 0.01, keeping v
// only.
func NewNesterov[T Float]() *Nesterov[T] {
	o := &Nesterov[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Nesterov".
func (o *Nesterov[T]) Name() string { return "Nesterov" }

// Settings returns "Nesterov(η=…, μ=…, form=…)", with ExactWeights=true
// before the form when the lecture's w is kept.
func (o *Nesterov[T]) Settings() string {
	o.fill()
	if o.keepsWeights() {
		return describe(o.Name(), o.Form, "η", o.LR, "μ", o.Mu, "ExactWeights", true)
	}
	return describe(o.Name(), o.Form, "η", o.LR, "μ", o.Mu)
}

// LearningRate returns η.
func (o *Nesterov[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Nesterov[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// keepsWeights reports whether the lecture's w is kept besides v.
func (o *Nesterov[T]) keepsWeights() bool { return o.ExactWeights && o.Form == Lecture }

// StateBytes is v (n elements), and w with ExactWeights in the Lecture
// form (2n).
func (o *Nesterov[T]) StateBytes(n int) int64 {
	if o.keepsWeights() {
		return 2 * int64(n) * sizeOf[T]()
	}
	return int64(n) * sizeOf[T]()
}

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Nesterov[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.01)
	orDefault(&o.Mu, 0.9)
}

func (o *Nesterov[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Mu", o.Mu), checkForm(o.Name(), o.Form))
}

// Weights writes the weights w into dst; params is the slab last given to
// Step. In the Lecture form w = θ + μ·v (or the kept w with ExactWeights);
// before the first Step, and in the PyTorch form, the slab holds the
// weights themselves. It panics if len(dst) != len(params).
func (o *Nesterov[T]) Weights(dst, params []T) {
	if len(dst) != len(params) {
		panic(fmt.Sprintf("optim: Nesterov: Weights: len(dst)=%d, want %d", len(dst), len(params)))
	}
	switch {
	case o.Form == PyTorch || o.t == 0:
		copy(dst, params)
	case len(o.w) == len(params):
		copy(dst, o.w)
	default:
		recoverWeights(dst, params, o.v, o.Mu)
	}
}

// recoverWeights writes w = θ + μ·v into dst.
func recoverWeights[T Float](dst, theta, v []T, mu float64) {
	for i, th := range theta {
		dst[i] = T(float64(th) + mu*float64(v[i]))
	}
}

// Step takes the gradient at θ (the slab params), updates v (and w) and
// writes the next projection θ into params. The loops below compute in
// float64 and are what float64 runs; for float32 Step runs the fast loops
// of kernels32.go instead, which compute in float32 with fused
// multiply-adds and stay within a few ulps of these loops' v and θ.
func (o *Nesterov[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	eta, mu := o.LR, o.Mu
	sizeState(o.Name(), &o.n, params, grads, &o.v)
	if !o.keepsWeights() {
		o.w = nil
	} else if len(o.w) != o.n {
		// first Step, or ExactWeights just set: w = θ + μ·v (θ₀ = w₀)
		o.w = make([]T, o.n)
		recoverWeights(o.w, params, o.v, mu)
	}
	o.t++
	if fast := fastFor[T](); fast != nil {
		o.stepFast32(fast, params, grads, eta, mu)
		return
	}
	switch {
	case o.Form == PyTorch:
		for i, g := range grads {
			// v ← μ·v + g
			v := mu*float64(o.v[i]) + float64(g)
			o.v[i] = T(v)
			// w ← w − η·(g + μ·v)
			params[i] = T(float64(params[i]) - eta*(float64(g)+mu*v))
		}
	case o.keepsWeights():
		for i, g := range grads {
			// 3. v ← μ·v + η·g
			v := mu*float64(o.v[i]) + eta*float64(g)
			o.v[i] = T(v)
			// 4. w ← w − v
			w := float64(o.w[i]) - v
			o.w[i] = T(w)
			// 1. θ ← w − μ·v, where the caller takes the next gradient (2.)
			params[i] = T(w - mu*v)
		}
	default:
		for i, g := range grads {
			// w = θ + μ·v, the weights the projection θ was taken from
			vOld := float64(o.v[i])
			w := float64(params[i]) + mu*vOld
			// 3. v ← μ·v + η·g
			v := mu*vOld + eta*float64(g)
			o.v[i] = T(v)
			// 4. w ← w − v
			w -= v
			// 1. θ ← w − μ·v, where the caller takes the next gradient (2.)
			params[i] = T(w - mu*v)
		}
	}
}

// stepFast32 is Step for float32, on the loops of kernels32.go.
func (o *Nesterov[T]) stepFast32(fast *loops32, params, grads []T, eta, mu float64) {
	switch {
	case o.Form == PyTorch:
		// v ← μ·v + g,  w ← w − (η·μ·v + η·g)
		s := nesterovScalars{mu: float32(mu), a: 1, d: float32(eta * mu), e: float32(eta)}
		fast.nesterov(as32(params), as32(grads), as32(o.v), s)
	case o.keepsWeights():
		s := nesterovScalars{mu: float32(mu), a: float32(eta)}
		fast.nagExact(as32(params), as32(grads), as32(o.v), as32(o.w), s)
	default:
		// v′ ← μ·v + η·g,  θ ← (θ + μ·v) − (1+μ)·v′
		s := nesterovScalars{mu: float32(mu), a: float32(eta), c: float32(mu), d: float32(1 + mu)}
		fast.nesterov(as32(params), as32(grads), as32(o.v), s)
	}
}

// MarshalBinary saves η, μ, the form, ExactWeights, the step count, v and
// the kept w, if any.
func (o *Nesterov[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Mu)
	e.int(int(o.Form))
	e.bool(o.ExactWeights, o.w != nil)
	e.int(o.t, o.n)
	putVector(e, o.v)
	putVector(e, o.w)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Nesterov[T]) UnmarshalBinary(data []byte) error {
	c := Nesterov[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Mu)
	c.Form = Form(getEnum(d))
	var hasW bool
	d.bool(&c.ExactWeights, &hasW)
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.v = getVector[T](d, c.n)
	if hasW {
		c.w = getVector[T](d, c.n)
	}
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
