package optim

import "math"

// Nadam (Dozat 2016) is Adam with Nesterov momentum. The lecture expands
// Adam's M̂ₜ into β₁·M̂ₜ₋₁ + (1−β₁)/(1−β₁ᵗ)·g and then replaces M̂ₜ₋₁ by M̂ₜ
// to look ahead, as NAG does:
//
//	M ← β₁·M + (1−β₁)·g
//	R ← β₂·R + (1−β₂)·g²
//	M̂ = M / (1−β₁ᵗ)
//	R̂ = R / (1−β₂ᵗ)
//	w ← w − η/(√R̂ + ε) · (β₁·M̂ + (1−β₁)/(1−β₁ᵗ)·g)
//
// Where is ε? The lecture's Adam slide writes √(R̂ + ε) and its Nadam
// expansion √R̂ + ε. Nadam follows the expansion, since it is the Nadam
// formula the lecture derives and also Dozat's and PyTorch's.
//
// Defaults: β₁ = 0.9, β₂ = 0.999 (as Adam in the lecture), ε = 1e-8,
// η = 0.002 (Dozat's value, also PyTorch's NAdam default).
//
// Form PyTorch is torch.optim.NAdam(lr=η, betas=(β₁, β₂), eps=ε,
// momentum_decay=ψ) of torch ≥ 2.0 (without weight decay): Dozat's
// momentum schedule, in which the momentum coefficient warms up as
// μₜ = β₁·(1 − ½·0.96^(t·ψ)) and the bias corrections use the products of
// the μ's:
//
//	w ← w − η·(1−μₜ)/(1−Πᵢ₌₁ᵗ μᵢ) · g/(√R̂ + ε) − η·μₜ₊₁/(1−Πᵢ₌₁ᵗ⁺¹ μᵢ) · M/(√R̂ + ε)
//
// Torch 1.13's NAdam multiplies μₜ into the second product twice, a bug
// fixed for torch 2.0 (pytorch/pytorch pull request 92699); this form
// follows torch ≥ 2.0 and Dozat, not 1.13.
//
// State: M and R, 2n elements (and one scalar, Πμ, in the PyTorch form).
type Nadam[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.002.
	LR float64
	// Beta1 is the decay β₁ ∈ [0,1) of the gradient average M; 0 means
	// 0.9 (write Zero() for β₁ = 0).
	Beta1 float64
	// Beta2 is the decay β₂ ∈ [0,1) of the squared-gradient average R;
	// 0 means 0.999.
	Beta2 float64
	// Eps is ε > 0; 0 means 1e-8.
	Eps float64
	// MomentumDecay is ψ ≥ 0 of the PyTorch form's momentum schedule;
	// 0 means 0.004, torch's default (write Zero() for ψ = 0). The
	// lecture's form keeps β₁ constant and does not read it.
	MomentumDecay float64
	// Form is Lecture (constant β₁) or PyTorch (Dozat's schedule).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	m, r      []T     // M and R
	muProduct float64 // Πᵢ₌₁ᵗ μᵢ (PyTorch form)
}

var (
	_ Optimizer[float64] = (*Nadam[float64])(nil)
	_ RateSetter         = (*Nadam[float64])(nil)
)

// NewNadam returns the lecture's Nadam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8
// outside the root, η = 0.002.
func NewNadam[T Float]() *Nadam[T] {
	o := &Nadam[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Nadam".
func (o *Nadam[T]) Name() string { return "Nadam" }

// Settings returns "Nadam(η=…, β₁=…, β₂=…, ε=…, form=…)", with ψ in the
// PyTorch form.
func (o *Nadam[T]) Settings() string {
	o.fill()
	if o.Form == PyTorch {
		return describe(o.Name(), o.Form, "η", o.LR, "β₁", o.Beta1, "β₂", o.Beta2, "ε", o.Eps, "ψ", o.MomentumDecay)
	}
	return describe(o.Name(), o.Form, "η", o.LR, "β₁", o.Beta1, "β₂", o.Beta2, "ε", o.Eps)
}

// LearningRate returns η.
func (o *Nadam[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Nadam[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is M and R: 2n elements. (The scalar Πμ is not counted, like
// the step count.)
func (o *Nadam[T]) StateBytes(n int) int64 { return 2 * int64(n) * sizeOf[T]() }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Nadam[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.002)
	orDefault(&o.Beta1, 0.9)
	orDefault(&o.Beta2, 0.999)
	orDefault(&o.Eps, 1e-8)
	orDefault(&o.MomentumDecay, 0.004)
}

func (o *Nadam[T]) check() error {
	name := o.Name()
	return firstError(positive(name, "LR", o.LR), inUnit(name, "Beta1", o.Beta1),
		inUnit(name, "Beta2", o.Beta2), positive(name, "Eps", o.Eps),
		nonNegative(name, "MomentumDecay", o.MomentumDecay), checkForm(name, o.Form))
}

// Step applies one Nadam update to every parameter. The loops below compute
// in float64 and are what float64 runs; for float32 Step runs the fast loop
// of kernels32.go instead (see stepFast32).
func (o *Nadam[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads, &o.m, &o.r)
	if o.t == 0 {
		o.muProduct = 1
	}
	o.t++
	if o.Form == PyTorch {
		o.stepDozat(params, grads)
		return
	}
	b1, b2 := o.Beta1, o.Beta2
	c1 := 1 - math.Pow(b1, float64(o.t)) // 1−β₁ᵗ
	c2 := 1 - math.Pow(b2, float64(o.t)) // 1−β₂ᵗ
	if fast := fastFor[T](); fast != nil {
		o.stepFast32(params, grads, o.LR*b1/c1, o.LR*(1-b1)/c1)
		return
	}
	for i, gi := range grads {
		g := float64(gi)
		// M ← β₁·M + (1−β₁)·g,  R ← β₂·R + (1−β₂)·g²
		m, r := moments(o.m, o.r, i, b1, b2, g)
		// M̂ = M/(1−β₁ᵗ),  R̂ = R/(1−β₂ᵗ)
		mHat, rHat := m/c1, r/c2
		// w ← w − η/(√R̂ + ε)·(β₁·M̂ + (1−β₁)/(1−β₁ᵗ)·g)
		rate := o.LR / (math.Sqrt(rHat) + o.Eps)
		params[i] = T(float64(params[i]) - rate*(b1*mHat+(1-b1)/c1*g))
	}
}

// stepDozat is the update with Dozat's momentum schedule (the PyTorch form).
func (o *Nadam[T]) stepDozat(params, grads []T) {
	b1, b2, t := o.Beta1, o.Beta2, float64(o.t)
	// μₜ = β₁·(1 − ½·0.96^(t·ψ)),  μₜ₊₁ likewise
	mu := b1 * (1 - 0.5*math.Pow(0.96, t*o.MomentumDecay))
	muNext := b1 * (1 - 0.5*math.Pow(0.96, (t+1)*o.MomentumDecay))
	// Πᵢ₌₁ᵗ μᵢ and Πᵢ₌₁ᵗ⁺¹ μᵢ
	o.muProduct *= mu
	muProductNext := o.muProduct * muNext
	c2 := 1 - math.Pow(b2, t) // 1−β₂ᵗ
	gradRate := o.LR * (1 - mu) / (1 - o.muProduct)
	momentumRate := o.LR * muNext / (1 - muProductNext)
	if fast := fastFor[T](); fast != nil {
		o.stepFast32(params, grads, momentumRate, gradRate)
		return
	}
	for i, gi := range grads {
		g := float64(gi)
		// M ← β₁·M + (1−β₁)·g,  R ← β₂·R + (1−β₂)·g²
		m, r := moments(o.m, o.r, i, b1, b2, g)
		denom := math.Sqrt(r/c2) + o.Eps
		// w ← w − η(1−μₜ)/(1−Πμ)·g/(√R̂+ε) − η·μₜ₊₁/(1−Πμ·μₜ₊₁)·M/(√R̂+ε)
		w := float64(params[i]) - gradRate*g/denom
		params[i] = T(w - momentumRate*m/denom)
	}
}

// MarshalBinary saves the hyperparameters, the form, the step count, Πμ,
// M and R.
func (o *Nadam[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Beta1, o.Beta2, o.Eps, o.MomentumDecay, o.muProduct)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.m)
	putVector(e, o.r)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Nadam[T]) UnmarshalBinary(data []byte) error {
	c := Nadam[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Beta1, &c.Beta2, &c.Eps, &c.MomentumDecay, &c.muProduct)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(2 * int(sizeOf[T]()))
	c.m = getVector[T](d, c.n)
	c.r = getVector[T](d, c.n)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}

// stepFast32 runs Adam's float32 loop of kernels32.go with Nadam's rates,
// w ← w − (k_M·M + k_g·g)/(√R̂ + ε): k_M = η·β₁/(1−β₁ᵗ), k_g = η·(1−β₁)/(1−β₁ᵗ)
// in the lecture's form, Dozat's two rates in PyTorch's. It computes in
// float32 with fused multiply-adds and stays within a few ulps of the
// float64-computing loops' update.
func (o *Nadam[T]) stepFast32(params, grads []T, kM, kG float64) {
	s := newAdamScalars(o.Beta1, o.Beta2, o.Eps, o.t, true, kM, kG, 0)
	fastFor[T]().adam(as32(params), as32(grads), as32(o.m), as32(o.r), s)
}
