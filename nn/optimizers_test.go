package nn

import "github.com/nncourse/optimizers/optim"

// optimizers returns a constructor for each optimizer of optim.All, with
// its defaults.
func optimizers[T optim.Float]() []func() optim.Optimizer[T] {
	var fresh []func() optim.Optimizer[T]
	for i := range optim.All[T]() {
		fresh = append(fresh, func() optim.Optimizer[T] { return optim.All[T]()[i] })
	}
	return fresh
}
