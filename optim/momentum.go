package optim

// Momentum is gradient descent with velocity, the lecture's form:
//
//	v ← μ·v + η·g
//	w ← w − v
//
// v starts at 0, so the first step is plain SGD; small steady gradients
// add up (the velocity grows towards η·g/(1−μ)) and gradients of opposite
// sign cancel out. μ is the friction ("momentum coefficient"), in [0,1).
//
// Defaults: μ = 0.9 (the lecture: "usual values 0.9, 0.95"), η = 0.01 (the
// lecture gives none; it asks for a small rate).
//
// Form PyTorch puts η outside the velocity, as torch.optim.SGD(lr=η,
// momentum=μ) with dampening 0 does (torch ≥ 1.0, including 2.x):
//
//	v ← μ·v + g
//	w ← w − η·v
//
// For a constant η both forms give the same weights (v differs by the
// factor η); they differ when a schedule changes η, because the lecture's
// velocity keeps the old rate for a while and PyTorch's does not.
//
// State: v, one vector of n elements (the lecture: momentum "triples" a
// layer — weights, gradients, velocity).
type Momentum[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.01.
	LR float64
	// Mu is the friction μ ∈ [0,1); 0 means 0.9 (write Zero() for μ = 0).
	Mu float64
	// Form is Lecture (η inside the velocity) or PyTorch (η outside).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	v         []T // velocity
}

var (
	_ Optimizer[float64] = (*Momentum[float64])(nil)
	_ RateSetter         = (*Momentum[float64])(nil)
)

// NewMomentum returns the lecture's momentum with μ = 0.9, η = 0.01.
func NewMomentum[T Float]() *Momentum[T] {
	o := &Momentum[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Momentum".
func (o *Momentum[T]) Name() string { return "Momentum" }

// Settings returns "Momentum(η=…, μ=…, form=…)".
func (o *Momentum[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η", o.LR, "μ", o.Mu)
}

// LearningRate returns η.
func (o *Momentum[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Momentum[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is the velocity: n elements.
func (o *Momentum[T]) StateBytes(n int) int64 { return int64(n) * sizeOf[T]() }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Momentum[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.01)
	orDefault(&o.Mu, 0.9)
}

func (o *Momentum[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Mu", o.Mu), checkForm(o.Name(), o.Form))
}

// Step applies one momentum update to every parameter. The loops below
// compute in float64 and are what float64 runs; for float32 Step runs the
// fast loop of kernels32.go instead, which computes in float32 with fused
// multiply-adds and stays within a few ulps of these loops' v and weights.
func (o *Momentum[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads, &o.v)
	o.t++
	eta, mu := o.LR, o.Mu
	if fast := fastFor[T](); fast != nil {
		s := momentumScalars{mu: float32(mu), a: float32(eta), b: 1}
		if o.Form == PyTorch {
			s.a, s.b = 1, float32(eta)
		}
		fast.momentum(as32(params), as32(grads), as32(o.v), s)
		return
	}
	if o.Form == PyTorch {
		for i, g := range grads {
			// v ← μ·v + g
			v := mu*float64(o.v[i]) + float64(g)
			o.v[i] = T(v)
			// w ← w − η·v
			params[i] = T(float64(params[i]) - eta*v)
		}
		return
	}
	for i, g := range grads {
		// v ← μ·v + η·g
		v := mu*float64(o.v[i]) + eta*float64(g)
		o.v[i] = T(v)
		// w ← w − v
		params[i] = T(float64(params[i]) - v)
	}
}

// MarshalBinary saves η, μ, the form, the step count and v.
func (o *Momentum[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Mu)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.v)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Momentum[T]) UnmarshalBinary(data []byte) error {
	c := Momentum[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Mu)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.v = getVector[T](d, c.n)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
