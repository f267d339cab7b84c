package optim

// stepFast32 is Rprop's Step for float32, on the loops of kernels32.go:
// the same three variants, the signs in the same bit-sets.
func (o *Rprop[T]) stepFast32(fast *loops32, params, grads []T) {
	s := rpropScalars{
		etaPlus: float32(o.EtaPlus), etaMinus: float32(o.EtaMinus),
		minStep: float32(o.MinStep), maxStep: float32(o.MaxStep),
	}
	fast.rprop[o.Variant](as32(params), as32(grads), as32(o.u), as32(o.dw), o.pos, o.neg, 0, s)
}
