package nn

import "github.com/nncourse/optimizers/optim"

// optimizers returns a constructor for each optimizer of package optim
// with its defaults.
func optimizers[T optim.Float]() []func() optim.Optimizer[T] {
	return []func() optim.Optimizer[T]{
		func() optim.Optimizer[T] { return optim.NewSGD[T]() },
		func() optim.Optimizer[T] { return optim.NewMomentum[T]() },
		func() optim.Optimizer[T] { return optim.NewNesterov[T]() },
		func() optim.Optimizer[T] { return optim.NewRprop[T]() },
		func() optim.Optimizer[T] { return optim.NewAdagrad[T]() },
		func() optim.Optimizer[T] { return optim.NewRMSprop[T]() },
		func() optim.Optimizer[T] { return optim.NewAdam[T]() },
		func() optim.Optimizer[T] { return optim.NewNadam[T]() },
		func() optim.Optimizer[T] { return optim.NewAdadelta[T]() },
	}
}
