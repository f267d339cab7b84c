package nn

import "github.com/nncourse/optimizers/optim"

// optimizers returns a constructor for each optimizer of optim.All and
// optim.AfterLecture, with its defaults.
func optimizers[T optim.Float]() []func() optim.Optimizer[T] {
	both := func() []optim.Optimizer[T] { return append(optim.All[T](), optim.AfterLecture[T]()...) }
	var fresh []func() optim.Optimizer[T]
	for i := range both() {
		fresh = append(fresh, func() optim.Optimizer[T] { return both()[i] })
	}
	return fresh
}
