package optim

import "fmt"

// RpropVariant selects what Rprop does after a sign change of the gradient.
type RpropVariant uint8

const (
	// RpropDefault is the form's own rule: RpropMinus in the lecture's
	// form, IRpropMinus in PyTorch's.
	RpropDefault RpropVariant = iota
	// RpropMinus moves anyway, with the step size of the rule's order
	// (Riedmiller & Braun's Rprop without backtracking; the lecture's
	// three steps).
	RpropMinus
	// RpropPlus undoes the last move, back to the previous position
	// (weight backtracking: Riedmiller & Braun 1993, Igel & Hüsken's
	// Rprop+), and forgets the sign, as the lecture describes.
	RpropPlus
	// IRpropMinus does not move and forgets the sign (Igel & Hüsken 2000,
	// torch.optim.Rprop).
	IRpropMinus
)

// RpropFirstSign selects what the previous sign SGN is at the first step,
// which the lecture does not say.
type RpropFirstSign uint8

const (
	// FirstSignZero starts SGN at 0: the first step keeps U₀ (Riedmiller
	// & Braun; PyTorch).
	FirstSignZero RpropFirstSign = iota
	// FirstSignGradient starts SGN at the sign of the first gradient: the
	// first step counts as a repeat and grows U by η⁺.
	FirstSignGradient
)

// Rprop is resilient propagation: each parameter moves by its own step
// size U in the direction of −sign(g), ignoring the gradient's magnitude.
// The lecture's three steps, in the lecture's order:
//
//	step 1:  w ← w − U·sign(g)
//	step 2:  U ← U·η⁺ if sign(g) = SGN,  U·η⁻ if sign(g) ≠ SGN;  U ← clamp(U, U_min, U_max)
//	step 3:  SGN ← sign(g)
//
// The lecture does not say what happens when sign(g) or SGN is 0 (a zero
// gradient); as in Riedmiller & Braun, U is then kept. Nor does it say
// what SGN is before the first step: FirstSign chooses (0 by default).
//
// Form PyTorch adapts U first and then moves (step 2 before step 1), the
// order of Riedmiller & Braun and of torch.optim.Rprop(lr=U₀, etas=(η⁻, η⁺),
// step_sizes=(U_min, U_max)) (torch ≥ 1.0, including 2.x), which with its
// default variant, iRprop−, it matches. Variant chooses what a sign change
// does in either order.
//
// Defaults, from the lecture: η⁺ = 1.2, η⁻ = 0.5, U₀ = 0.01, U_min = 1e-6,
// U_max = 50. (The slide writes "1e-06 = 0.0000001", which is 1e-7; 1e-6
// is Riedmiller & Braun's value and PyTorch's, and is used.)
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
	// EtaPlus is the increase factor η⁺ > 1; 0 means 1.2.
	EtaPlus float64
	// EtaMinus is the decrease factor η⁻ ∈ (0,1); 0 means 0.5.
	EtaMinus float64
	// Initial is U₀ > 0, every parameter's first step size; 0 means 0.01.
	Initial float64
	// MinStep and MaxStep bound U: 0 < MinStep ≤ MaxStep; 0 means 1e-6
	// and 50.
	MinStep, MaxStep float64
	// Variant is what a sign change does; the zero value is the form's
	// own. It must not change after the first Step.
	Variant RpropVariant
	// FirstSign is SGN before the first step; the zero value is 0.
	FirstSign RpropFirstSign
	// Form is Lecture (move, then adapt U) or PyTorch (adapt U, then move).
	Form Form

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	u         []T      // step sizes U
	pos, neg  []uint64 // SGN > 0 and SGN < 0, one bit per parameter each
	dw        []T      // last move Δw (RpropPlus)
}

var _ Optimizer[float64] = (*Rprop[float64])(nil)

// NewRprop returns the lecture's Rprop: η⁺ = 1.2, η⁻ = 0.5, U₀ = 0.01,
// limits 1e-6 and 50.
func NewRprop[T Float]() *Rprop[T] {
	o := &Rprop[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Rprop".
func (o *Rprop[T]) Name() string { return "Rprop" }

// Settings returns "Rprop(η⁺=…, η⁻=…, U₀=…, U_min=…, U_max=…, variant=…,
// first SGN=…, form=…)".
func (o *Rprop[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η⁺", o.EtaPlus, "η⁻", o.EtaMinus, "U₀", o.Initial,
		"U_min", o.MinStep, "U_max", o.MaxStep, "variant", o.variant(), "first SGN", o.FirstSign)
}

// String returns the variant's name, e.g. "RpropPlus".
func (v RpropVariant) String() string {
	return enumName("RpropVariant", uint8(v), "RpropDefault", "RpropMinus", "RpropPlus", "IRpropMinus")
}

// String returns "FirstSignZero" or "FirstSignGradient".
func (f RpropFirstSign) String() string {
	return enumName("RpropFirstSign", uint8(f), "FirstSignZero", "FirstSignGradient")
}

// variant resolves RpropDefault to the form's own variant.
func (o *Rprop[T]) variant() RpropVariant {
	switch {
	case o.Variant != RpropDefault:
		return o.Variant
	case o.Form == PyTorch:
		return IRpropMinus
	}
	return RpropMinus
}

// StateBytes is U, 2 bits per parameter of signs (whole 64-bit words), and
// Δw for RpropPlus.
func (o *Rprop[T]) StateBytes(n int) int64 {
	b := int64(n)*sizeOf[T]() + 2*8*int64(signWords(n))
	if o.variant() == RpropPlus {
		b += int64(n) * sizeOf[T]()
	}
	return b
}

// signWords is the number of 64-bit words in a bit-set of n bits.
func signWords(n int) int { return (n + 63) / 64 }

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Rprop[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.EtaPlus, 1.2)
	orDefault(&o.EtaMinus, 0.5)
	orDefault(&o.Initial, 0.01)
	orDefault(&o.MinStep, 1e-6)
	orDefault(&o.MaxStep, 50)
}

func (o *Rprop[T]) check() error {
	name := o.Name()
	switch {
	case !(o.EtaPlus > 1 && o.EtaPlus <= 1e300):
		return rangeError(name, "EtaPlus", "finite and > 1", o.EtaPlus)
	case !(o.EtaMinus > 0 && o.EtaMinus < 1):
		return rangeError(name, "EtaMinus", "in (0,1)", o.EtaMinus)
	case !(o.MaxStep >= o.MinStep):
		return rangeError(name, "MaxStep", fmt.Sprintf("≥ MinStep (%v)", o.MinStep), o.MaxStep)
	case o.Variant > IRpropMinus:
		return fmt.Errorf("optim: %s: Variant must be RpropDefault, RpropMinus, RpropPlus or IRpropMinus, got %d", name, o.Variant)
	case o.FirstSign > FirstSignGradient:
		return fmt.Errorf("optim: %s: FirstSign must be FirstSignZero or FirstSignGradient, got %d", name, o.FirstSign)
	}
	return firstError(positive(name, "Initial", o.Initial), positive(name, "MinStep", o.MinStep),
		positive(name, "MaxStep", o.MaxStep), checkForm(name, o.Form))
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

// Step applies one Rprop update to every parameter. The loop below
// computes in float64 and is what float64 runs; for float32 Step runs the
// fast loops of kernels32.go instead, which compute in float32 and stay
// within an ulp of this loop's U and weights, for the lecture's form
// (RpropMinus) and PyTorch's (IRpropMinus, and RpropPlus), with either
// FirstSign. The three other combinations of Form and Variant (see
// kernel32) have no fast loop: in float32 they run this one too.
func (o *Rprop[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	if o.variant() == RpropPlus {
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
		if k, ok := o.kernel32(); ok {
			o.stepFast32(fast, k, params, grads)
			return
		}
	}
	o.step(params, grads)
}

// step is the update loop of every form and variant.
func (o *Rprop[T]) step(params, grads []T) {
	adaptFirst, variant := o.Form == PyTorch, o.variant()
	firstFromGradient := o.t == 1 && o.FirstSign == FirstSignGradient
	for i, g := range grads {
		s, prev := sign(float64(g)), o.prevSign(i)
		if firstFromGradient {
			prev = s // SGN₀ = sign(g₁)
		}
		product, u := s*prev, float64(o.u[i])
		if adaptFirst {
			// U ← clamp(U·η^±, U_min, U_max), before the move
			u = o.adapt(u, product)
		}
		switch {
		case product < 0 && variant == RpropPlus:
			// w ← w − Δw: back to the previous position; SGN ← 0
			params[i] = T(float64(params[i]) - float64(o.dw[i]))
			o.dw[i], s = 0, 0
		case product < 0 && variant == IRpropMinus:
			// no move; SGN ← 0
			s = 0
		default:
			// 1. w ← w − U·sign(g)
			dw := -u * s
			params[i] = T(float64(params[i]) + dw)
			if variant == RpropPlus {
				o.dw[i] = T(dw)
			}
		}
		if !adaptFirst {
			// 2. U ← U·η⁺ if sign(g) = SGN, U·η⁻ if sign(g) ≠ SGN; clamp
			u = o.adapt(u, product)
		}
		o.u[i] = T(u)
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

// MarshalBinary saves the hyperparameters, the step count, U, the sign
// bit-sets and Δw.
func (o *Rprop[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.EtaPlus, o.EtaMinus, o.Initial, o.MinStep, o.MaxStep)
	e.int(int(o.Form), int(o.Variant), int(o.FirstSign), o.t, o.n)
	putVector(e, o.u)
	e.words(o.pos)
	e.words(o.neg)
	if o.variant() == RpropPlus {
		putVector(e, o.dw)
	}
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Rprop[T]) UnmarshalBinary(data []byte) error {
	c := Rprop[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.EtaPlus, &c.EtaMinus, &c.Initial, &c.MinStep, &c.MaxStep)
	c.Form = Form(getEnum(d))
	c.Variant, c.FirstSign = RpropVariant(getEnum(d)), RpropFirstSign(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(int(sizeOf[T]()))
	c.u = getVector[T](d, c.n)
	c.pos = d.words(signWords(c.n))
	c.neg = d.words(signWords(c.n))
	if c.variant() == RpropPlus {
		c.dw = getVector[T](d, c.n)
	}
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}
