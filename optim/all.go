package optim

// All returns a fresh instance of each optimizer of the package, in the
// lecture's order, with its constructor's defaults (the lecture's form):
// SGD, Momentum, Nesterov, Rprop, Adagrad, RMSprop, Adam, Nadam, Adadelta.
//
// It is the one list of the optimizers: the tests, the demos and the
// notebooks range over it, so an optimizer added here is tested for
// allocations, checkpoints, float32 and its PyTorch form, and shows up in
// the comparisons.
func All[T Float]() []Optimizer[T] {
	return []Optimizer[T]{
		NewSGD[T](), NewMomentum[T](), NewNesterov[T](),
		NewRprop[T](), NewAdagrad[T](), NewRMSprop[T](),
		NewAdam[T](), NewNadam[T](), NewAdadelta[T](),
	}
}
