package optim

import "fmt"

// RpropVariant selects the Rprop variant.
type RpropVariant int

const (
	// RpropLecture is the lecture's three steps: move with U, then adapt U,
	// then store the signs.
	RpropLecture RpropVariant = iota
	// RpropIMinus is iRprop− (Igel & Hüsken 2000), torch.optim.Rprop: adapt
	// U first; after a sign change, do not move and forget the sign.
	RpropIMinus
	// RpropPlus is Rprop with weight backtracking (Riedmiller & Braun 1993,
	// Igel & Hüsken's Rprop+): after a sign change, restore the previous
	// position by undoing the last move, as the lecture describes.
	RpropPlus
)

// Rprop is resilient propagation: each parameter moves by its own step
// size U in the direction of −sign(g), ignoring the gradient's magnitude.
// The lecture's three steps, in the lecture's order:
//
//	step 1:  w ← w − U·sign(g)
//	step 2:  U ← U·η⁺ if sign(g) = SGN,  U·η⁻ if sign(g) ≠ SGN;  U ← clamp(U, U_min, U_max)
//	step 3:  SGN ← sign(g)
//
// The lecture does not say what happens when sign(g) or SGN is 0 (the
// first step, or a zero gradient); as in Riedmiller & Braun, U is then
// kept. Note that the lecture moves with the old U and adapts it
// afterwards, whereas the paper and PyTorch adapt first (RpropIMinus).
//
// Defaults of NewRprop, from the lecture: η⁺ = 1.2, η⁻ = 0.5, U₀ = 0.01,
// U_min = 1e-6, U_max = 50. (The slide writes "1e-06 = 0.0000001", which
// is 1e-7; 1e-6 is Riedmiller & Braun's value and PyTorch's, and is used.)
//
// State: U (n elements) and the previous signs SGN as two bit-sets, as the
// lecture suggests: a sign is −, 0 or +, so it takes 2 bits per parameter
// (a "positive" bit and a "negative" bit), n/4 bytes rounded up to whole
// 64-bit words. RpropPlus also keeps the last move Δw (n elements).
//
// Rprop has no global learning rate and does not implement RateSetter;
// it suits full-batch training (the lecture: it "doesn't work with
// minibatches").
type Rprop[T Float] struct {
	// EtaPlus is the increase factor η⁺ > 1.
	EtaPlus float64
	// EtaMinus is the decrease factor η⁻ ∈ (0,1).
	EtaMinus float64
	// Initial is U₀ > 0, every parameter's first step size.
	Initial float64
	// MinStep and MaxStep bound U: 0 < MinStep ≤ MaxStep.
	MinStep, MaxStep float64
	// Variant is the update rule; the zero value is the lecture's. It must
	// not change after the first Step.
	Variant RpropVariant

	n        int
	t        int
	u        []T      // step sizes U
	pos, neg []uint64 // SGN > 0 and SGN < 0, one bit per parameter each
	dw       []T      // last move Δw (RpropPlus)
}

var _ Optimizer[float64] = (*Rprop[float64])(nil)

// NewRprop returns the lecture's Rprop: η⁺ = 1.2, η⁻ = 0.5, U₀ = 0.01,
// limits 1e-6 and 50.
func NewRprop[T Float]() *Rprop[T] {
	o := &Rprop[T]{EtaPlus: 1.2, EtaMinus: 0.5, Initial: 0.01, MinStep: 1e-6, MaxStep: 50}
	mustValid(o.check())
	return o
}

// Name returns "Rprop".
func (o *Rprop[T]) Name() string { return "Rprop" }

// StateBytes is U, 2 bits per parameter of signs (whole 64-bit words), and
// Δw for RpropPlus.
func (o *Rprop[T]) StateBytes(n int) int64 {
	b := int64(n)*sizeOf[T]() + 2*8*int64(signWords(n))
	if o.Variant == RpropPlus {
		b += int64(n) * sizeOf[T]()
	}
	return b
}

// signWords is the number of 64-bit words in a bit-set of n bits.
func signWords(n int) int { return (n + 63) / 64 }

func (o *Rprop[T]) check() error {
	name := o.Name()
	switch {
	case !(o.EtaPlus > 1 && o.EtaPlus <= 1e300):
		return rangeError(name, "EtaPlus", "finite and > 1", o.EtaPlus)
	case !(o.EtaMinus > 0 && o.EtaMinus < 1):
		return rangeError(name, "EtaMinus", "in (0,1)", o.EtaMinus)
	case !(o.MaxStep >= o.MinStep):
		return rangeError(name, "MaxStep", fmt.Sprintf("≥ MinStep (%v)", o.MinStep), o.MaxStep)
	case o.Variant < RpropLecture || o.Variant > RpropPlus:
		return fmt.Errorf("optim: %s: Variant must be RpropLecture, RpropIMinus or RpropPlus, got %d", name, o.Variant)
	}
	return firstError(positive(name, "Initial", o.Initial), positive(name, "MinStep", o.MinStep), positive(name, "MaxStep", o.MaxStep))
}

// prevSign reads SGN for parameter i.
func (o *Rprop[T]) prevSign(i int) float64 {
	word, bit := i/64, uint64(1)<<(i%64)
	switch {
	case o.pos[word]&bit != 0:
		return 1
	case o.neg[word]&bit != 0:
		return -1
	}
	return 0
}

// setSign stores SGN = s for parameter i.
func (o *Rprop[T]) setSign(i int, s float64) {
	word, bit := i/64, uint64(1)<<(i%64)
	o.pos[word] &^= bit
	o.neg[word] &^= bit
	if s > 0 {
		o.pos[word] |= bit
	} else if s < 0 {
		o.neg[word] |= bit
	}
}

// Step applies one Rprop update to every parameter. The loops below
// compute in float64 and are what float64 runs; for float32 Step runs the
// fast loops of kernels32.go instead, which compute in float32 and stay
// within an ulp of these loops' U and weights.
func (o *Rprop[T]) Step(params, grads []T) {
	mustValid(o.check())
	if o.Variant == RpropPlus {
		sizeState(o.Name(), &o.n, params, grads, &o.u, &o.dw)
	} else {
		sizeState(o.Name(), &o.n, params, grads, &o.u)
	}
	if len(o.pos) != signWords(o.n) {
		o.pos, o.neg = make([]uint64, signWords(o.n)), make([]uint64, signWords(o.n))
	}
	if o.t == 0 {
		for i := range o.u {
			o.u[i] = T(o.Initial) // U₀
		}
	}
	o.t++
	if fast := fastFor[T](); fast != nil {
		o.stepFast32(fast, params, grads)
		return
	}
	switch o.Variant {
	case RpropIMinus:
		o.stepIMinus(params, grads)
	case RpropPlus:
		o.stepPlus(params, grads)
	default:
		o.stepLecture(params, grads)
	}
}

// stepLecture is the lecture's three steps.
func (o *Rprop[T]) stepLecture(params, grads []T) {
	for i, g := range grads {
		s, u := sign(float64(g)), float64(o.u[i])
		// 1. w ← w − U·sign(g)
		params[i] = T(float64(params[i]) - u*s)
		// 2. U ← U·η⁺ if sign(g) = SGN, U·η⁻ if sign(g) ≠ SGN; clamp
		o.u[i] = T(o.adapt(u, s*o.prevSign(i)))
		// 3. SGN ← sign(g)
		o.setSign(i, s)
	}
}

// adapt is U·η⁺ for agreeing signs (product > 0), U·η⁻ for a sign change
// (< 0), U otherwise, clamped to [MinStep, MaxStep].
func (o *Rprop[T]) adapt(u, product float64) float64 {
	switch {
	case product > 0:
		u *= o.EtaPlus
	case product < 0:
		u *= o.EtaMinus
	}
	return min(max(u, o.MinStep), o.MaxStep)
}

// adaptFirst adapts parameter i's step size before the move, as iRprop−
// and Rprop+ do, and returns sign(g), sign(g)·SGN and the new U.
func (o *Rprop[T]) adaptFirst(i int, g float64) (s, product, u float64) {
	s = sign(g)
	product = s * o.prevSign(i)
	u = o.adapt(float64(o.u[i]), product)
	o.u[i] = T(u)
	return s, product, u
}

// stepIMinus is iRprop−, torch.optim.Rprop.
func (o *Rprop[T]) stepIMinus(params, grads []T) {
	for i, g := range grads {
		// U ← clamp(U·η^±, U_min, U_max)
		s, product, u := o.adaptFirst(i, float64(g))
		// after a sign change: no move, and SGN ← 0
		if product < 0 {
			s = 0
		}
		// w ← w − U·sign(g)
		params[i] = T(float64(params[i]) - u*s)
		// SGN ← sign(g)
		o.setSign(i, s)
	}
}

// stepPlus is Rprop with weight backtracking (Rprop+).
func (o *Rprop[T]) stepPlus(params, grads []T) {
	for i, g := range grads {
		// U ← clamp(U·η^±, U_min, U_max)
		s, product, u := o.adaptFirst(i, float64(g))
		if product < 0 {
			// sign change: w ← w − Δw, back to the previous position; SGN ← 0
			params[i] = T(float64(params[i]) - float64(o.dw[i]))
			o.dw[i] = 0
			o.setSign(i, 0)
			continue
		}
		// Δw ← −U·sign(g);  w ← w + Δw;  SGN ← sign(g)
		dw := -u * s
		o.dw[i] = T(dw)
		params[i] = T(float64(params[i]) + dw)
		o.setSign(i, s)
	}
}

// MarshalBinary saves the hyperparameters, the step count, U, the sign
// bit-sets and Δw.
func (o *Rprop[T]) MarshalBinary() ([]byte, error) {
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.EtaPlus, o.EtaMinus, o.Initial, o.MinStep, o.MaxStep)
	e.int(int(o.Variant), o.t, o.n)
	putVector(e, o.u)
	e.words(o.pos)
	e.words(o.neg)
	if o.Variant == RpropPlus {
		putVector(e, o.dw)
	}
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Rprop[T]) UnmarshalBinary(data []byte) error {
	var c Rprop[T]
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.EtaPlus, &c.EtaMinus, &c.Initial, &c.MinStep, &c.MaxStep)
	var variant int
	d.int(&variant)
	c.Variant = RpropVariant(variant)
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.u = getVector[T](d, c.n)
	c.pos = d.words(signWords(c.n))
	c.neg = d.words(signWords(c.n))
	if c.Variant == RpropPlus {
		c.dw = getVector[T](d, c.n)
	}
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
