package optim

// stepFast32 is Adadelta's Step for float32, on the loop of kernels32.go.
func (o *Adadelta[T]) stepFast32(fast *loops32, params, grads []T) {
	s := adadeltaScalars{rho: float32(o.Rho), c: float32(1 - o.Rho), eps: float32(o.Eps), lr: float32(o.LR)}
	fast.adadelta(as32(params), as32(grads), as32(o.sq), as32(o.dx), s)
}
