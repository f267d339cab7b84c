package optim

// Lion (Chen et al. 2023, "Symbolic Discovery of Optimization
// Algorithms", found by program search) steps by the sign of an
// interpolation between the momentum and the gradient, so every parameter
// moves by exactly η (Rprop's "only the sign" with one global step size),
// and updates the momentum with a second, slower decay:
//
//	c = β₁·M + (1−β₁)·g
//	w ← w − η·(sign(c) + λ·w)
//	M ← β₂·M + (1−β₂)·g
//
// as Algorithm 2 of the paper, λ being decoupled weight decay as AdamW's.
// Defaults are the paper's: η = 1e-4, β₁ = 0.9, β₂ = 0.99, λ = 0 (the
// paper advises an η 3–10× smaller than AdamW's and a λ as many times
// larger). sign(0) = 0. torch 1.13 has no Lion: the reference is the
// paper's pseudo-code, and both forms are the same rule.
//
// State: M, n elements — half of Adam's.
type Lion[T Float] struct {
	// LR is the learning rate η > 0; 0 means 1e-4.
	LR float64
	// Beta1 ∈ [0,1) weighs M against g in the step's sign; 0 means 0.9
	// (write Zero() for sign(g), signSGD).
	Beta1 float64
	// Beta2 ∈ [0,1) is the decay of M; 0 means 0.99.
	Beta2 float64
	// WeightDecay is the decoupled decay λ ≥ 0; 0 means none.
	WeightDecay float64
	// Form is Lecture or PyTorch (the same rule for Lion).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	m         []T // M
}

var (
	_ Optimizer[float64] = (*Lion[float64])(nil)
	_ RateSetter         = (*Lion[float64])(nil)
)

// NewLion returns Lion with η = 1e-4, β₁ = 0.9, β₂ = 0.99, λ = 0.
func NewLion[T Float]() *Lion[T] {
	o := &Lion[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Lion".
func (o *Lion[T]) Name() string { return "Lion" }

// Settings returns "Lion(η=…, β₁=…, β₂=…, λ=…, form=…)".
func (o *Lion[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η", o.LR, "β₁", o.Beta1, "β₂", o.Beta2, "λ", o.WeightDecay)
}

// LearningRate returns η.
func (o *Lion[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Lion[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is M: n elements.
func (o *Lion[T]) StateBytes(n int) int64 { return int64(n) * sizeOf[T]() }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Lion[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 1e-4)
	orDefault(&o.Beta1, 0.9)
	orDefault(&o.Beta2, 0.99)
}

func (o *Lion[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Beta1", o.Beta1),
		inUnit(o.Name(), "Beta2", o.Beta2), nonNegative(o.Name(), "WeightDecay", o.WeightDecay),
		checkForm(o.Name(), o.Form))
}

// Step applies one Lion update to every parameter. The loop below computes
// in float64 and is what float64 runs; for float32 Step runs the fast loop
// of kernels32.go, which computes the same in float32 with fused
// multiply-adds.
func (o *Lion[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads, &o.m)
	o.t++
	if fast := fastFor[T](); fast != nil {
		s := lionScalars{b1: float32(o.Beta1), c1: float32(1 - o.Beta1), b2: float32(o.Beta2),
			c2: float32(1 - o.Beta2), lr: float32(o.LR), wd: float32(o.WeightDecay)}
		fast.lion(as32(params), as32(grads), as32(o.m), s)
		return
	}
	for i, gi := range grads {
		g, m, w := float64(gi), float64(o.m[i]), float64(params[i])
		// c = β₁·M + (1−β₁)·g
		c := o.Beta1*m + (1-o.Beta1)*g
		// w ← w − η·(sign(c) + λ·w)
		params[i] = T(w - o.LR*(sign(c)+o.WeightDecay*w))
		// M ← β₂·M + (1−β₂)·g
		o.m[i] = T(o.Beta2*m + (1-o.Beta2)*g)
	}
}

// MarshalBinary saves η, β₁, β₂, λ, the form, the step count and M.
func (o *Lion[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Beta1, o.Beta2, o.WeightDecay)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.m)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Lion[T]) UnmarshalBinary(data []byte) error {
	c := Lion[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Beta1, &c.Beta2, &c.WeightDecay)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.m = getVector[T](d, c.n)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
