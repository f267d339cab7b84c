package optim_test

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
)

// Nesterov on f(w) = ½·w², whose gradient is w: the gradient is taken at the
// projection θ its slab keeps, and each visit sees the weights w = θ + μ·v.
func ExampleDescend() {
	opt := optim.NewNesterov[float64]()
	opt.LR, opt.Mu = 0.1, 0.5
	grad := func(slab, g []float64) { g[0] = slab[0] }
	optim.Descend(opt, []float64{1}, grad, 3, func(w []float64) bool {
		fmt.Printf("%.4f\n", w[0])
		return true
	})
	// Output:
	// 0.9000
	// 0.7650
	// 0.6278
}
