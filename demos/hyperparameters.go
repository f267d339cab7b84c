package demos

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
)

// Hyperparameters describes an optimizer's settings in one line.
func Hyperparameters[T optim.Float](o optim.Optimizer[T]) string {
	switch o := o.(type) {
	case *optim.SGD[T]:
		return fmt.Sprintf("η = %g", o.LR)
	case *optim.Momentum[T]:
		return fmt.Sprintf("η = %g, μ = %g", o.LR, o.Mu)
	case *optim.Nesterov[T]:
		return fmt.Sprintf("η = %g, μ = %g", o.LR, o.Mu)
	case *optim.Rprop[T]:
		return fmt.Sprintf("η⁺ = %g, η⁻ = %g, U₀ = %g, U ∈ [%g, %g]", o.EtaPlus, o.EtaMinus, o.Initial, o.MinStep, o.MaxStep)
	case *optim.Adagrad[T]:
		return fmt.Sprintf("η = %g, ε = %g", o.LR, o.Eps)
	case *optim.RMSprop[T]:
		return fmt.Sprintf("η = %g, γ = %g, ε = %g", o.LR, o.Gamma, o.Eps)
	case *optim.Adam[T]:
		return fmt.Sprintf("η = %g, β₁ = %g, β₂ = %g, ε = %g", o.LR, o.Beta1, o.Beta2, o.Eps)
	case *optim.Nadam[T]:
		return fmt.Sprintf("η = %g, β₁ = %g, β₂ = %g, ε = %g", o.LR, o.Beta1, o.Beta2, o.Eps)
	case *optim.Adadelta[T]:
		return fmt.Sprintf("ρ = %g, ε = %g", o.Rho, o.Eps)
	}
	return ""
}
