package demos

// Notebook 07-adam-and-nadam: the lecture lists "sensitive to initial
// learning rate" among Adam's disadvantages. EtaSensitivity measures it next
// to SGD's and Momentum's instead of quoting it: the error after a fixed
// number of steps over a grid of η, on a bowl of known curvatures.

import (
	"math"

	"github.com/nncourse/optimizers/optim"
)

// EtaSensitivity runs the optimizer newOpt(η) returns for steps steps on
// f(w) = ½·Σ λᵢ·wᵢ² from w0 for every η in etas and returns ‖w‖ at the end
// (+Inf where it overflowed). On ½(x² + 10y²) from (1, 1), 200 steps:
//
//   - SGD is fast only in a narrow band below its limit 2/λmax = 0.2 and
//     diverges above it;
//   - Adam's steps are about η long whatever the gradient (M̂/√R̂ ≈ ±1),
//     so it does not diverge at any η of the grid, but a small η leaves it
//     short by about ‖w₀‖ − N·η·√2 (N steps of η per coordinate) and a
//     large one hops around the minimum: its error depends on η through
//     the distance to travel, not through the curvature.
func EtaSensitivity(newOpt func(eta float64) optim.Optimizer[float64], etas, lambdas, w0 []float64, steps int) []float64 {
	errs := make([]float64, len(etas))
	for i, eta := range etas {
		path := DiagonalRun(newOpt(eta), lambdas, w0, steps)
		errs[i] = math.Inf(1)
		if len(path) > steps {
			errs[i] = norm(path[steps])
		}
	}
	return errs
}
