package optim

import (
	"fmt"
	"math"
)

// State is an optimizer's progress apart from its hyperparameters: the
// steps taken and the per-parameter state vectors. MarshalBinary saves it
// with the hyperparameters; StateOf and SetState hand it to a trainer that
// keeps it elsewhere (package nn/gpu keeps it in device memory), so that a
// run moves between the CPU and a GPU and continues where it was.
type State[T Float] struct {
	// Steps is the number of Steps taken, t.
	Steps int
	// Vectors are the state vectors, n elements each, in the order StateOf
	// lists them; none before the first Step.
	Vectors [][]T
}

// StateOf returns a copy of the state of opt, one of the nine optimizers
// of All. Its vectors, in order:
//
//	SGD       none
//	Momentum  v
//	Nesterov  v, and the kept w (ExactWeights in the Lecture form)
//	Rprop     U, SGN (−1, 0 or +1 per parameter), and Δw for RpropPlus
//	Adagrad   G
//	RMSprop   E[g²]
//	Adam      M, R, and R_max with AMSGrad
//	Nadam     M, R
//	Adadelta  E[g²], E[Δw²]
//
// The other optimizers (AdamW, Lion, Muon) return an error.
func StateOf[T Float](opt Optimizer[T]) (State[T], error) {
	t, n, vecs, _, err := stateFields(opt)
	if err != nil {
		return State[T]{}, err
	}
	s := State[T]{Steps: *t}
	for _, v := range vecs {
		if *n > 0 && len(*v) == *n {
			s.Vectors = append(s.Vectors, append([]T(nil), *v...))
		}
	}
	if o, ok := opt.(*Rprop[T]); ok && len(o.pos) > 0 {
		sgn := make([]T, o.n)
		for i := range sgn {
			sgn[i] = T(o.prevSign(i))
		}
		s.Vectors = append(s.Vectors[:1], append([][]T{sgn}, s.Vectors[1:]...)...)
	}
	return s, nil
}

// SetState replaces the state of opt by a copy of s, as StateOf returns
// it: opt's next Step is then step s.Steps+1 from that state. Nadam's
// Πμ (PyTorch form) is recomputed from s.Steps and its β₁ and ψ; a
// Nesterov keeping w without one in s recovers it at its next Step, as
// when ExactWeights is switched on; SGD, which keeps no vector, takes only
// the step count. It returns an error, leaving opt
// unchanged, when s does not fit opt: vectors missing (Steps > 0), too
// many, or of different lengths.
func SetState[T Float](opt Optimizer[T], s State[T]) error {
	t, n, vecs, optional, err := stateFields(opt)
	if err != nil {
		return err
	}
	rprop, isRprop := opt.(*Rprop[T])
	want := len(vecs)
	if isRprop {
		want++ // SGN
	}
	k := len(s.Vectors)
	if (k != 0 || s.Steps > 0 && want > 0) && (k < want-optional || k > want) {
		return fmt.Errorf("optim: %s: SetState: %d state vectors, want %d", opt.Name(), k, want)
	}
	size := 0
	for i, v := range s.Vectors {
		if i == 0 {
			size = len(v)
		}
		if len(v) != size || size == 0 {
			return fmt.Errorf("optim: %s: SetState: vector %d has %d elements, vector 0 %d", opt.Name(), i, len(v), size)
		}
	}
	in := s.Vectors
	if isRprop && k > 0 {
		rprop.pos, rprop.neg = make([]uint64, signWords(size)), make([]uint64, signWords(size))
		for i, x := range in[1] {
			rprop.setSign(i, float64(x))
		}
		in = append(in[:1:1], in[2:]...)
	} else if isRprop {
		rprop.pos, rprop.neg = nil, nil
	}
	for i, v := range vecs {
		*v = nil
		if i < len(in) {
			*v = append([]T(nil), in[i]...)
		}
	}
	*t = s.Steps
	if want > 0 {
		*n = size // SGD keeps its count, which no vector carries
	}
	if o, ok := opt.(*Nadam[T]); ok {
		o.muProduct = o.productOfMu(s.Steps)
	}
	return nil
}

// stateFields points at opt's step count, parameter count and state
// vectors but Rprop's signs, in StateOf's order; the last optional of
// them may be absent from a State.
func stateFields[T Float](opt Optimizer[T]) (t, n *int, vecs []*[]T, optional int, err error) {
	switch o := opt.(type) {
	case *SGD[T]:
		return &o.t, &o.n, nil, 0, nil
	case *Momentum[T]:
		return &o.t, &o.n, []*[]T{&o.v}, 0, nil
	case *Nesterov[T]:
		if o.keepsWeights() {
			return &o.t, &o.n, []*[]T{&o.v, &o.w}, 1, nil
		}
		return &o.t, &o.n, []*[]T{&o.v}, 0, nil
	case *Rprop[T]:
		if o.variant() == RpropPlus {
			return &o.t, &o.n, []*[]T{&o.u, &o.dw}, 0, nil
		}
		return &o.t, &o.n, []*[]T{&o.u}, 0, nil
	case *Adagrad[T]:
		return &o.t, &o.n, []*[]T{&o.g}, 0, nil
	case *RMSprop[T]:
		return &o.t, &o.n, []*[]T{&o.sq}, 0, nil
	case *Adam[T]:
		if o.AMSGrad {
			return &o.t, &o.n, []*[]T{&o.m, &o.r, &o.rMax}, 0, nil
		}
		return &o.t, &o.n, []*[]T{&o.m, &o.r}, 0, nil
	case *Nadam[T]:
		return &o.t, &o.n, []*[]T{&o.m, &o.r}, 0, nil
	case *Adadelta[T]:
		return &o.t, &o.n, []*[]T{&o.sq, &o.dx}, 0, nil
	}
	return nil, nil, nil, 0, fmt.Errorf("optim: %s: no StateOf and SetState (the nine optimizers of All have them)", opt.Name())
}

// productOfMu is Πᵢ₌₁ᵗ μᵢ as t Steps in the PyTorch form leave it, the
// same products in the same order (1 in the Lecture form, 0 before the
// first Step).
func (o *Nadam[T]) productOfMu(t int) float64 {
	if t == 0 {
		return 0
	}
	o.fill()
	p := 1.0
	for i := 1; i <= t && o.Form == PyTorch; i++ {
		p *= o.Beta1 * (1 - 0.5*math.Pow(0.96, float64(i)*o.MomentumDecay))
	}
	return p
}
