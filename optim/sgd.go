package optim

// SGD is plain (stochastic, minibatch) gradient descent, the rule every
// other optimizer in this package refines:
//
//	w ← w − η·g
//
// It keeps no state. Its only hyperparameter is the learning rate η; the
// lecture gives no value, the default is 0.01 (the classic starting
// point, also Keras's default; PyTorch makes lr a required argument).
//
// Both forms are the same rule: PyTorch's is torch.optim.SGD(lr=η) with
// no momentum (torch ≥ 1.0, including 2.x).
//
// WeightDecay λ, beyond the lecture, is L2 regularisation added to the
// gradient, torch.optim.SGD(lr=η, weight_decay=λ) (the reference):
//
//	w ← w − η·(g + λ·w)
//
// For plain SGD this is the same as shrinking the weights by (1 − η·λ)
// before the step, the "decoupled" decay of AdamW; for adaptive methods
// the two differ (Loshchilov & Hutter 2019).
type SGD[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.01.
	LR float64
	// Form is Lecture or PyTorch (the same rule for SGD).
	Form Form
	// WeightDecay is the L2 coefficient λ ≥ 0; 0 (the default) adds none.
	WeightDecay float64

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int  // parameters, fixed by the first Step
	t         int  // steps taken
}

var (
	_ Optimizer[float64] = (*SGD[float64])(nil)
	_ RateSetter         = (*SGD[float64])(nil)
)

// NewSGD returns plain gradient descent with η = 0.01.
func NewSGD[T Float]() *SGD[T] {
	o := &SGD[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "SGD".
func (o *SGD[T]) Name() string { return "SGD" }

// Settings returns "SGD(η=…, form=…)", with λ=… before the form when it
// is set.
func (o *SGD[T]) Settings() string {
	o.fill()
	if o.WeightDecay != 0 {
		return describe(o.Name(), o.Form, "η", o.LR, "λ", o.WeightDecay)
	}
	return describe(o.Name(), o.Form, "η", o.LR)
}

// LearningRate returns η.
func (o *SGD[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *SGD[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is 0: SGD keeps no state.
func (o *SGD[T]) StateBytes(n int) int64 { return 0 }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *SGD[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.01)
}

func (o *SGD[T]) check() error {
	return firstError(positive(o.Name(), "LR", o.LR), nonNegative(o.Name(), "WeightDecay", o.WeightDecay),
		checkForm(o.Name(), o.Form))
}

// Step applies w ← w − η·(g + λ·w) to every parameter. The loop below
// computes in float64 and is what float64 runs; for float32 Step runs the
// fast loop of kernels32.go instead, which computes in float32 with one
// fused multiply-add and stays within an ulp of the weight plus an ulp of
// η·g of this loop's result (with λ ≠ 0 it first shrinks w by η·λ·w, one
// more fused multiply-add).
func (o *SGD[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads)
	o.t++
	if fast := fastFor[T](); fast != nil {
		decayWeights(params, o.LR*o.WeightDecay)
		fast.sgd(as32(params), as32(grads), float32(o.LR))
		return
	}
	for i, g := range grads {
		// w ← w − η·(g + λ·w)
		params[i] = T(float64(params[i]) - o.LR*(float64(g)+o.WeightDecay*float64(params[i])))
	}
}

// MarshalBinary saves η, λ, the form, the step count and the number of
// parameters.
func (o *SGD[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.WeightDecay)
	e.int(int(o.Form), o.t, o.n)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *SGD[T]) UnmarshalBinary(data []byte) error {
	c := SGD[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.WeightDecay)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(0)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
