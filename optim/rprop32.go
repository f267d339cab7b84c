package optim

// kernel32 returns the float32 loop of o's Form and Variant, if it has
// one: the lecture's RpropMinus (move, then adapt U) and, adapting U
// first, PyTorch's IRpropMinus and RpropPlus. The Lecture form with
// RpropPlus or IRpropMinus and the PyTorch form with RpropMinus have none.
func (o *Rprop[T]) kernel32() (rpropKernel, bool) {
	switch v := o.variant(); {
	case o.Form == Lecture && v == RpropMinus:
		return rpropMoveThenAdapt, true
	case o.Form == PyTorch && v == IRpropMinus:
		return rpropIRpropMinus, true
	case o.Form == PyTorch && v == RpropPlus:
		return rpropBacktrack, true
	}
	return 0, false
}

// stepFast32 is Rprop's Step for float32 on loop k of kernels32.go, the
// signs in the same bit-sets. With FirstSignGradient the first step
// stores SGN₀ = sign(g₁) in the bit-sets before the loop, which then sees
// every nonzero gradient as a repeat, as the reference loop does.
func (o *Rprop[T]) stepFast32(fast *loops32, k rpropKernel, params, grads []T) {
	if o.t == 1 && o.FirstSign == FirstSignGradient {
		for i, g := range grads {
			o.setSign(i, sign(float64(g)))
		}
	}
	s := rpropScalars{
		etaPlus: float32(o.EtaPlus), etaMinus: float32(o.EtaMinus),
		minStep: float32(o.MinStep), maxStep: float32(o.MaxStep),
	}
	fast.rprop[k](as32(params), as32(grads), as32(o.u), as32(o.dw), o.pos, o.neg, 0, s)
}
