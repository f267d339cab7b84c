package optim

// SGD is plain (stochastic, minibatch) gradient descent, the rule every
// other optimizer in this package refines:
//
//	w ← w − η·g
//
// It keeps no state. Its only hyperparameter is the learning rate η; the
// lecture gives no value, NewSGD uses 0.01 (the classic starting point,
// also Keras's default; PyTorch makes lr a required argument).
type SGD[T Float] struct {
	// LR is the learning rate η > 0.
	LR float64

	n int // parameters, fixed by the first Step
	t int // steps taken
}

var (
	_ Optimizer[float64] = (*SGD[float64])(nil)
	_ RateSetter         = (*SGD[float64])(nil)
)

// NewSGD returns plain gradient descent with η = 0.01.
func NewSGD[T Float]() *SGD[T] {
	o := &SGD[T]{LR: 0.01}
	mustValid(o.check())
	return o
}

// Name returns "SGD".
func (o *SGD[T]) Name() string { return "SGD" }

// LearningRate returns η.
func (o *SGD[T]) LearningRate() float64 { return o.LR }

// SetLearningRate sets η; it panics unless lr > 0.
func (o *SGD[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is 0: SGD keeps no state.
func (o *SGD[T]) StateBytes(n int) int64 { return 0 }

func (o *SGD[T]) check() error { return positive(o.Name(), "LR", o.LR) }

// Step applies w ← w − η·g to every parameter. The loop below computes in
// float64 and is what float64 runs; for float32 Step runs the fast loop of
// kernels32.go instead, which computes in float32 with one fused
// multiply-add and stays within an ulp of the weight plus an ulp of η·g of
// this loop's result.
func (o *SGD[T]) Step(params, grads []T) {
	mustValid(o.check())
	sizeState(o.Name(), &o.n, params, grads)
	o.t++
	if fast := fastFor[T](); fast != nil {
		fast.sgd(as32(params), as32(grads), float32(o.LR))
		return
	}
	for i, g := range grads {
		// w ← w − η·g
		params[i] = T(float64(params[i]) - o.LR*float64(g))
	}
}

// MarshalBinary saves η, the step count and the number of parameters.
func (o *SGD[T]) MarshalBinary() ([]byte, error) {
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR)
	e.int(o.t, o.n)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *SGD[T]) UnmarshalBinary(data []byte) error {
	var c SGD[T]
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR)
	c.t = d.count(0)
	c.n = d.count(0)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
