package optim

import "math"

// Adagrad (Duchi, Hazan & Singer 2011) gives each parameter its own
// learning rate, the global η divided by the root of the sum of all its
// past squared gradients. The lecture writes
//
//	η_t = η / √(Σ_{k≤t} g_k²)
//	w ← w − η_t·g
//
// which divides 0 by 0 for a parameter whose gradients have all been zero
// so far (a rare feature not yet seen — exactly the case Adagrad is meant
// for), and gives NaN. Duchi et al. add δ to the root, and so do PyTorch
// and this package:
//
//	G ← G + g²
//	η_t = η / (√G + ε)
//	w ← w − η_t·g
//
// Eps: Zero() runs the slide's literal rule, ε = 0, NaN included.
//
// Defaults: η = 0.01 and ε = 1e-10 (PyTorch's torch.optim.Adagrad; the
// lecture gives none). The first step moves every parameter with a
// non-zero gradient by almost exactly η, the largest step it will ever
// take (the lecture: "the starting learning rate on Adagrad is important
// since this is the largest learning rate for each weight").
//
// Both forms are the same rule: PyTorch's is torch.optim.Adagrad(lr=η,
// eps=ε) (torch ≥ 1.0, including 2.x, without lr decay, weight decay or
// an initial accumulator value).
//
// State: G, n elements.
type Adagrad[T Float] struct {
	// LR is the global learning rate η > 0; 0 means 0.01.
	LR float64
	// Eps is ε ≥ 0, added to √G; 0 means 1e-10 (write Zero() for the
	// lecture's literal ε = 0).
	Eps float64
	// Form is Lecture or PyTorch (the same rule for Adagrad).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	g         []T // sum of squared gradients G
}

var (
	_ Optimizer[float64] = (*Adagrad[float64])(nil)
	_ RateSetter         = (*Adagrad[float64])(nil)
)

// NewAdagrad returns Adagrad with η = 0.01, ε = 1e-10.
func NewAdagrad[T Float]() *Adagrad[T] {
	o := &Adagrad[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Adagrad".
func (o *Adagrad[T]) Name() string { return "Adagrad" }

// Settings returns "Adagrad(η=…, ε=…, form=…)".
func (o *Adagrad[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η", o.LR, "ε", o.Eps)
}

// LearningRate returns η.
func (o *Adagrad[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Adagrad[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is G: n elements.
func (o *Adagrad[T]) StateBytes(n int) int64 { return int64(n) * sizeOf[T]() }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Adagrad[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.01)
	orDefault(&o.Eps, 1e-10)
}

func (o *Adagrad[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), nonNegative(o.Name(), "Eps", o.Eps), checkForm(o.Name(), o.Form))
}

// Step applies one Adagrad update to every parameter. The loop below
// computes in float64 and is what float64 runs; for float32 Step runs the
// fast loop of kernels32.go instead (RMSprop's, with G ← 1·G + 1·g²),
// which computes in float32 with fused multiply-adds and stays within a few
// ulps of this loop's update.
func (o *Adagrad[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads, &o.g)
	o.t++
	if fast := fastFor[T](); fast != nil {
		s := rmsScalars{a: 1, c: 1, lr: float32(o.LR), epsOut: float32(o.Eps)}
		fast.rms(as32(params), as32(grads), as32(o.g), s)
		return
	}
	for i, gi := range grads {
		g := float64(gi)
		// G ← G + g²
		sum := float64(o.g[i]) + g*g
		o.g[i] = T(sum)
		// η_t = η / (√G + ε)
		rate := o.LR / (math.Sqrt(sum) + o.Eps)
		// w ← w − η_t·g
		params[i] = T(float64(params[i]) - rate*g)
	}
}

// MarshalBinary saves η, ε, the form, the step count and G.
func (o *Adagrad[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Eps)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.g)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Adagrad[T]) UnmarshalBinary(data []byte) error {
	c := Adagrad[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Eps)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.g = getVector[T](d, c.n)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
