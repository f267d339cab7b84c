package optim

import "math"

// Adadelta (Zeiler 2012) needs no learning rate: it scales the gradient by
// the ratio of two moving averages, of past squared updates and of squared
// gradients — a unit-correct stand-in for Newton's 1/f″ (the lecture's
// derivation). The lecture writes
//
//	Δw = √E[Δw²]ₜ₋₁ / (√E[g²]ₜ + 10⁻⁸) · g
//
// but E[Δw²] starts at 0, so the first Δw is 0, so E[Δw²] stays 0: the
// slide's rule never moves. Zeiler puts ε inside both roots, which seeds
// the numerator with √ε; this package follows the paper:
//
//	E[g²] ← ρ·E[g²] + (1−ρ)·g²
//	Δw = √(E[Δw²] + ε) / √(E[g²] + ε) · g
//	E[Δw²] ← ρ·E[Δw²] + (1−ρ)·Δw²
//	w ← w − η·Δw
//
// Defaults: ρ = 0.95 and ε = 1e-6 (Zeiler's MNIST experiments, the ones
// the lecture's comparison slide reproduces), η = 1. η is PyTorch's lr
// factor (torch.optim.Adadelta(lr=…)); 1 is Zeiler's rule. E[Δw²]
// accumulates the update before the factor η, as in PyTorch.
//
// Both forms are the same rule: PyTorch's is torch.optim.Adadelta(lr=η,
// rho=ρ, eps=ε) (torch ≥ 1.0, including 2.x, without weight decay).
//
// State: E[g²] and E[Δw²], 2n elements (the lecture: "quadruple").
type Adadelta[T Float] struct {
	// LR is the factor η > 0 on the update; 0 means 1 (Zeiler's rule).
	LR float64
	// Rho is the decay ρ ∈ [0,1) of both moving averages (the lecture's
	// γ); 0 means 0.95 (write Zero() for ρ = 0).
	Rho float64
	// Eps is ε > 0, inside both roots; 0 means 1e-6.
	Eps float64
	// Form is Lecture or PyTorch (the same rule for Adadelta).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	sq, dx    []T // E[g²] and E[Δw²]
}

var (
	_ Optimizer[float64] = (*Adadelta[float64])(nil)
	_ RateSetter         = (*Adadelta[float64])(nil)
)

// NewAdadelta returns Zeiler's Adadelta with ρ = 0.95, ε = 1e-6, η = 1.
func NewAdadelta[T Float]() *Adadelta[T] {
	o := &Adadelta[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Adadelta".
func (o *Adadelta[T]) Name() string { return "Adadelta" }

// Settings returns "Adadelta(η=…, ρ=…, ε=…, form=…)".
func (o *Adadelta[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η", o.LR, "ρ", o.Rho, "ε", o.Eps)
}

// LearningRate returns the factor η.
func (o *Adadelta[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets the factor η; it panics unless lr > 0.
func (o *Adadelta[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is E[g²] and E[Δw²]: 2n elements.
func (o *Adadelta[T]) StateBytes(n int) int64 { return 2 * int64(n) * sizeOf[T]() }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Adadelta[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 1)
	orDefault(&o.Rho, 0.95)
	orDefault(&o.Eps, 1e-6)
}

func (o *Adadelta[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Rho", o.Rho),
		positive(o.Name(), "Eps", o.Eps), checkForm(o.Name(), o.Form))
}

// Step applies one Adadelta update to every parameter. The loop below
// computes in float64 and is what float64 runs; for float32 Step runs the
// fast loop of kernels32.go instead, which computes in float32 with fused
// multiply-adds, one square root of the ratio for two, and stays within a
// few ulps of this loop's state and weights.
func (o *Adadelta[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads, &o.sq, &o.dx)
	o.t++
	if fast := fastFor[T](); fast != nil {
		o.stepFast32(fast, params, grads)
		return
	}
	rho, eps := o.Rho, o.Eps
	for i, gi := range grads {
		g := float64(gi)
		// E[g²] ← ρ·E[g²] + (1−ρ)·g²
		sq := rho*float64(o.sq[i]) + (1-rho)*g*g
		o.sq[i] = T(sq)
		// Δw = √(E[Δw²] + ε) / √(E[g²] + ε) · g
		dx := float64(o.dx[i])
		delta := math.Sqrt(dx+eps) / math.Sqrt(sq+eps) * g
		// E[Δw²] ← ρ·E[Δw²] + (1−ρ)·Δw²
		o.dx[i] = T(rho*dx + (1-rho)*delta*delta)
		// w ← w − η·Δw
		params[i] = T(float64(params[i]) - o.LR*delta)
	}
}

// MarshalBinary saves η, ρ, ε, the form, the step count, E[g²] and E[Δw²].
func (o *Adadelta[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Rho, o.Eps)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.sq)
	putVector(e, o.dx)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Adadelta[T]) UnmarshalBinary(data []byte) error {
	c := Adadelta[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Rho, &c.Eps)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(2 * int(sizeOf[T]()))
	c.sq = getVector[T](d, c.n)
	c.dx = getVector[T](d, c.n)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
