package optim

// AdamW (Loshchilov & Hutter 2019) is Adam with decoupled weight decay:
// instead of adding λ·w to the gradient, where Adam's division by √R̂
// shrinks it for exactly the parameters with large gradients, it shrinks
// every weight by the same fraction η·λ, then takes Adam's step:
//
//	w ← w·(1 − η·λ)
//	M ← β₁·M + (1−β₁)·g
//	R ← β₂·R + (1−β₂)·g²
//	w ← w − η·M̂ / (√R̂ + ε)
//
// with M̂, R̂ and the forms as Adam's. The PyTorch form is the reference,
// torch.optim.AdamW(lr=η, betas=(β₁, β₂), eps=ε, weight_decay=λ,
// amsgrad=…) of torch ≥ 1.2 (including 2.x), which decays by η·λ where the
// paper decays by λ times a schedule multiplier alone; the Lecture form
// puts ε inside the root, as the course's Adam. Defaults: torch's, η =
// 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.01. AMSGrad is Adam's.
//
// State: M and R, 2n elements (3n with AMSGrad), as Adam.
type AdamW[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.001.
	LR float64
	// Beta1 is β₁ ∈ [0,1); 0 means 0.9 (write Zero() for β₁ = 0).
	Beta1 float64
	// Beta2 is β₂ ∈ [0,1); 0 means 0.999.
	Beta2 float64
	// Eps is ε > 0; 0 means 1e-8.
	Eps float64
	// WeightDecay is the decoupled decay λ ≥ 0; 0 means 0.01 (write
	// Zero() for none: Adam).
	WeightDecay float64
	// AMSGrad steps with the running maximum of R, as Adam's.
	AMSGrad bool
	// Form is Lecture (√(R̂ + ε)) or PyTorch (√R̂ + ε).
	Form Form

	defaulted bool    // zero fields replaced by their defaults (fill)
	adam      Adam[T] // the Adam step and its state, without L2
}

var (
	_ Optimizer[float64] = (*AdamW[float64])(nil)
	_ RateSetter         = (*AdamW[float64])(nil)
)

// NewAdamW returns AdamW with η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8,
// λ = 0.01, in the Lecture form (ε inside the root; set Form = PyTorch for
// torch.optim.AdamW).
func NewAdamW[T Float]() *AdamW[T] {
	o := &AdamW[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "AdamW".
func (o *AdamW[T]) Name() string { return "AdamW" }

// Settings returns "AdamW(η=…, β₁=…, β₂=…, ε=…, λ=…, form=…)", with
// AMSGrad=true before λ when it is set.
func (o *AdamW[T]) Settings() string {
	o.fill()
	o.sync()
	return describe(o.Name(), o.Form, append(o.adam.settings(), "λ", o.WeightDecay)...)
}

// LearningRate returns η.
func (o *AdamW[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *AdamW[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is M and R: 2n elements; 3n with AMSGrad's R_max.
func (o *AdamW[T]) StateBytes(n int) int64 {
	o.sync()
	return o.adam.StateBytes(n)
}

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use (Adam's, and λ = 0.01).
func (o *AdamW[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	adamDefaults(&o.LR, &o.Beta1, &o.Beta2, &o.Eps)
	orDefault(&o.WeightDecay, 0.01)
}

// sync copies the hyperparameters Adam's step reads into the inner Adam,
// whose own WeightDecay (L2) stays 0.
func (o *AdamW[T]) sync() {
	a := &o.adam
	a.defaulted = true
	a.LR, a.Beta1, a.Beta2, a.Eps, a.AMSGrad, a.Form = o.LR, o.Beta1, o.Beta2, o.Eps, o.AMSGrad, o.Form
	a.WeightDecay = 0
}

func (o *AdamW[T]) check() error {
	o.sync()
	return firstError(o.adam.checkAs(o.Name()), nonNegative(o.Name(), "WeightDecay", o.WeightDecay))
}

// Step shrinks every weight by η·λ, then takes Adam's step (float32 runs
// the fast SGD loop for the decay and Adam's fast loop for the step).
func (o *AdamW[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.adam.n, params, grads)
	// w ← w·(1 − η·λ)
	decayWeights(params, o.LR*o.WeightDecay)
	// Adam's step, without L2
	o.adam.Step(params, grads)
}

// MarshalBinary saves η, β₁, β₂, ε, λ, AMSGrad, the form, the step count,
// M, R and R_max.
func (o *AdamW[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	o.sync()
	e := newEncoder(o.Name(), sizeOf[T]())
	o.encode(e)
	return e.b, nil
}

// encode appends AdamW's fields and state (Muon's record holds them too).
func (o *AdamW[T]) encode(e *encoder) {
	withDecay := o.adam
	withDecay.WeightDecay = o.WeightDecay // the record's λ is the decoupled one
	withDecay.encode(e)
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *AdamW[T]) UnmarshalBinary(data []byte) error {
	d := newDecoder(data, o.Name(), sizeOf[T]())
	c := decodeAdamW[T](d)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}

// decodeAdamW reads what encode wrote; the caller checks d.done() and the
// result.
func decodeAdamW[T Float](d *decoder) AdamW[T] {
	a := decodeAdam[T](d)
	return AdamW[T]{LR: a.LR, Beta1: a.Beta1, Beta2: a.Beta2, Eps: a.Eps, WeightDecay: a.WeightDecay,
		AMSGrad: a.AMSGrad, Form: a.Form, defaulted: true, adam: a}
}
