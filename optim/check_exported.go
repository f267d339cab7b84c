package optim

// Check fills the default of each hyperparameter opt's literal left at 0,
// as its first Step would, and returns the error its Step panics with for
// the hyperparameters it holds now, or nil. It is for code that applies
// an optimizer's update elsewhere (nn/gpu's device kernels) and must
// refuse what Step refuses. Like Step's own check, it allocates nothing
// for valid settings. Optimizers of other packages are not checked (nil).
func Check[T Float](opt Optimizer[T]) error {
	c, ok := opt.(interface {
		fill()
		check() error
	})
	if !ok {
		return nil
	}
	c.fill()
	return c.check()
}
