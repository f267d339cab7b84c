package optim

import "math"

// RMSprop (Hinton, Coursera lecture 6e, 2012) replaces Adagrad's growing
// sum by an exponential moving average of the squared gradient, so the
// per-parameter rate no longer decays to zero. The lecture's form, with ε
// inside the square root:
//
//	E[g²] ← γ·E[g²] + (1−γ)·g²
//	η_t = η / √(E[g²] + ε)
//	w ← w − η_t·g
//
// Defaults: γ = 0.9 (the lecture: "value of 0.9 is usually
// OK", Hinton's value), ε = 1e-8 (the lecture's 10⁻⁸), η = 0.001 (Keras's
// RMSprop default; the lecture gives none).
//
// Form PyTorch adds ε to the root instead, as
// torch.optim.RMSprop(lr=η, alpha=γ, eps=ε) does (torch ≥ 1.0, including
// 2.x, not centered, without momentum or weight decay):
//
//	η_t = η / (√E[g²] + ε)
//
// The two differ only while E[g²] is tiny: inside, a zero average caps the
// rate at η/√ε = 10⁴·η; outside, at η/ε = 10⁸·η.
//
// State: E[g²], n elements.
type RMSprop[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.001.
	LR float64
	// Gamma is the decay γ ∈ [0,1) of the moving average; 0 means 0.9
	// (write Zero() for γ = 0).
	Gamma float64
	// Eps is ε > 0; 0 means 1e-8.
	Eps float64
	// Form is Lecture (√(E[g²] + ε)) or PyTorch (√E[g²] + ε).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	sq        []T // E[g²]
}

var (
	_ Optimizer[float64] = (*RMSprop[float64])(nil)
	_ RateSetter         = (*RMSprop[float64])(nil)
)

// NewRMSprop returns the lecture's RMSprop with γ = 0.9, ε = 1e-8, η = 0.001.
func NewRMSprop[T Float]() *RMSprop[T] {
	o := &RMSprop[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "RMSprop".
func (o *RMSprop[T]) Name() string { return "RMSprop" }

// Settings returns "RMSprop(η=…, γ=…, ε=…, form=…)".
func (o *RMSprop[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η", o.LR, "γ", o.Gamma, "ε", o.Eps)
}

// LearningRate returns η.
func (o *RMSprop[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *RMSprop[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is E[g²]: n elements.
func (o *RMSprop[T]) StateBytes(n int) int64 { return int64(n) * sizeOf[T]() }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *RMSprop[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.001)
	orDefault(&o.Gamma, 0.9)
	orDefault(&o.Eps, 1e-8)
}

func (o *RMSprop[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Gamma", o.Gamma),
		positive(o.Name(), "Eps", o.Eps), checkForm(o.Name(), o.Form))
}

// Step applies one RMSprop update to every parameter. The loop below
// computes in float64 and is what float64 runs; for float32 Step runs the
// fast loop of kernels32.go instead, which computes in float32 with fused
// multiply-adds and stays within a few ulps of this loop's update.
func (o *RMSprop[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads, &o.sq)
	o.t++
	gamma := o.Gamma
	if fast := fastFor[T](); fast != nil {
		s := rmsScalars{a: float32(gamma), c: float32(1 - gamma), lr: float32(o.LR)}
		s.epsIn, s.epsOut = splitEps(o.Eps, o.Form == PyTorch)
		fast.rms(as32(params), as32(grads), as32(o.sq), s)
		return
	}
	for i, gi := range grads {
		g := float64(gi)
		// E[g²] ← γ·E[g²] + (1−γ)·g²
		sq := gamma*float64(o.sq[i]) + (1-gamma)*g*g
		o.sq[i] = T(sq)
		// η_t = η / √(E[g²] + ε)   (or η / (√E[g²] + ε))
		rate := o.LR / rootPlusEps(sq, o.Eps, o.Form)
		// w ← w − η_t·g
		params[i] = T(float64(params[i]) - rate*g)
	}
}

// rootPlusEps is √(x + ε) in the lecture's form and √x + ε in PyTorch's:
// the two places they put ε (RMSprop, Adam).
func rootPlusEps(x, eps float64, form Form) float64 {
	if form == PyTorch {
		return math.Sqrt(x) + eps
	}
	return math.Sqrt(x + eps)
}

// MarshalBinary saves η, γ, ε, the form, the step count and E[g²].
func (o *RMSprop[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Gamma, o.Eps)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.sq)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *RMSprop[T]) UnmarshalBinary(data []byte) error {
	c := RMSprop[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Gamma, &c.Eps)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.sq = getVector[T](d, c.n)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
