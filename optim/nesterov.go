package optim

import "fmt"

// NesterovForm selects how Nesterov parametrises its update.
type NesterovForm int

const (
	// NesterovLecture is the lecture's four steps, with η inside the velocity.
	NesterovLecture NesterovForm = iota
	// NesterovLROutside keeps the look-ahead but moves η out of the
	// velocity: v ← μ·v + g, w ← w − η·v, θ ← w − η·μ·v.
	NesterovLROutside
	// NesterovPyTorch is torch.optim.SGD(momentum=μ, nesterov=True): the
	// look-ahead is folded into the update and the gradient is taken at
	// the parameters themselves: v ← μ·v + g, w ← w − η·(g + μ·v).
	NesterovPyTorch
)

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
// The optimizer keeps the exact weights w, and Weights copies them out for
// validation, inference and export. Before the first Step, v = 0 and the
// slab holds θ = w, the initial weights.
//
// State: v and w, 2n elements. The lecture counts only v (NAG costs what
// momentum costs); that is possible when w is recovered as θ + μ·v, but
// the round trip w → θ → w rounds, so the recovered weights differ from
// the lecture's sequence in the last bits (by 1e-17 to 2e-16 on the test
// surfaces), and the gradients that follow are taken at slightly different
// points. Keeping w makes Weights the lecture's sequence bit for bit, at
// the price of n more elements.
//
// Defaults of NewNesterov: μ = 0.9 and η = 0.01, as for Momentum.
//
// Form selects NesterovLROutside or NesterovPyTorch instead. In the PyTorch
// form the slab holds the weights themselves, only v is kept (n elements),
// and Weights copies that slab.
type Nesterov[T Float] struct {
	// LR is the learning rate η > 0.
	LR float64
	// Mu is the friction μ ∈ [0,1).
	Mu float64
	// Form is the parametrisation; the zero value is the lecture's. It
	// must not change after the first Step.
	Form NesterovForm

	n int
	t int
	v []T // velocity
	w []T // exact weights (not in the PyTorch form)
}

var (
	_ Optimizer[float64] = (*Nesterov[float64])(nil)
	_ RateSetter         = (*Nesterov[float64])(nil)
	_ LookAhead[float64] = (*Nesterov[float64])(nil)
)

// NewNesterov returns the lecture's NAG with μ = 0.9, η = 0.01.
func NewNesterov[T Float]() *Nesterov[T] {
	o := &Nesterov[T]{LR: 0.01, Mu: 0.9}
	mustValid(o.check())
	return o
}

// Name returns "Nesterov".
func (o *Nesterov[T]) Name() string { return "Nesterov" }

// Settings returns "Nesterov(η=…, μ=…, form=…)".
func (o *Nesterov[T]) Settings() string {
	return fmt.Sprintf("Nesterov(η=%v, μ=%v, form=%d)", o.LR, o.Mu, o.Form)
}

// LearningRate returns η.
func (o *Nesterov[T]) LearningRate() float64 { return o.LR }

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Nesterov[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is v and w (2n elements), or v alone in the PyTorch form.
func (o *Nesterov[T]) StateBytes(n int) int64 {
	if o.Form == NesterovPyTorch {
		return int64(n) * sizeOf[T]()
	}
	return 2 * int64(n) * sizeOf[T]()
}

func (o *Nesterov[T]) check() error {
	if o.Form < NesterovLecture || o.Form > NesterovPyTorch {
		return fmt.Errorf("optim: %s: Form must be NesterovLecture, NesterovLROutside or NesterovPyTorch, got %d", o.Name(), o.Form)
	}
	return firstError(positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Mu", o.Mu))
}

// Weights copies the exact weights w into dst; params is the slab last
// given to Step. Before the first Step, and in the PyTorch form, the slab
// holds the weights themselves. It panics if len(dst) != len(params).
func (o *Nesterov[T]) Weights(dst, params []T) {
	src := o.w
	if o.Form == NesterovPyTorch || o.t == 0 {
		src = params
	}
	if len(dst) != len(src) {
		panic(fmt.Sprintf("optim: Nesterov: Weights: len(dst)=%d, want %d", len(dst), len(src)))
	}
	copy(dst, src)
}

// Step takes the gradient at θ (the slab params), updates v and w and
// writes the next projection θ into params.
func (o *Nesterov[T]) Step(params, grads []T) {
	mustValid(o.check())
	eta, mu := o.LR, o.Mu
	if o.Form == NesterovPyTorch {
		sizeState(o.Name(), &o.n, params, grads, &o.v)
		o.t++
		for i, g := range grads {
			// v ← μ·v + g
			v := mu*float64(o.v[i]) + float64(g)
			o.v[i] = T(v)
			// w ← w − η·(g + μ·v)
			params[i] = T(float64(params[i]) - eta*(float64(g)+mu*v))
		}
		return
	}
	sizeState(o.Name(), &o.n, params, grads, &o.v, &o.w)
	if o.t == 0 {
		copy(o.w, params) // θ₀ = w₀ − μ·0 = w₀
	}
	o.t++
	if o.Form == NesterovLROutside {
		for i, g := range grads {
			// v ← μ·v + g
			v := mu*float64(o.v[i]) + float64(g)
			o.v[i] = T(v)
			// w ← w − η·v
			w := float64(o.w[i]) - eta*v
			o.w[i] = T(w)
			// θ ← w − η·μ·v
			params[i] = T(w - eta*mu*v)
		}
		return
	}
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
}

// MarshalBinary saves η, μ, the form, the step count, v and w.
func (o *Nesterov[T]) MarshalBinary() ([]byte, error) {
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Mu)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.v)
	if o.Form != NesterovPyTorch {
		putVector(e, o.w)
	}
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Nesterov[T]) UnmarshalBinary(data []byte) error {
	var c Nesterov[T]
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Mu)
	var form int
	d.int(&form)
	c.Form = NesterovForm(form)
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.v = getVector[T](d, c.n)
	if c.Form != NesterovPyTorch {
		c.w = getVector[T](d, c.n)
	}
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
