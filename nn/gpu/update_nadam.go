package gpu

import (
	"math"
	"slices"

	"github.com/nncourse/optimizers/optim"
)

// nadamMove is Nadam's step after Adam's moments, in both forms with the
// rates km and kg of the gradient average M and of the gradient g computed
// on the host: in the lecture's form
//
//	w ← w − η/(√R̂ + ε)·(β₁·M̂ + (1−β₁)/(1−β₁ᵗ)·g)
//
// with km = η·β₁/(1−β₁ᵗ) and kg = η·(1−β₁)/(1−β₁ᵗ); in PyTorch's, Dozat's
// momentum schedule
//
//	w ← w − η(1−μₜ)/(1−Πμ)·g/(√R̂+ε) − η·μₜ₊₁/(1−Πμ·μₜ₊₁)·M/(√R̂+ε)
//
// with km = η·μₜ₊₁/(1−Πᵢ₌₁ᵗ⁺¹ μᵢ) and kg = η·(1−μₜ)/(1−Πᵢ₌₁ᵗ μᵢ).
const nadamMove = `
	w = w - (km*m + kg*g)/(sqrt(rhat) + eps) // w ← w − (km·M + kg·g)/(√R̂ + ε)`

// nadamRule is Nadam in o's form, M and R on the device, Dozat's product
// of momentum coefficients Πμ on the host.
func nadamRule(o *optim.Nadam[float32]) updateRule {
	form := o.Form
	name := "nadam_lecture"
	if form == optim.PyTorch {
		name = "nadam_pytorch"
	}
	muProduct, upTo := 1.0, 0 // Πᵢ₌₁ᵘᵖᵀᵒ μᵢ (PyTorch form)
	return updateRule{name: name, source: adamMoments + nadamMove, params: "w", state: []string{"m", "r"},
		scalars: slices.Concat(adamScalars, []string{"km", "kg", "eps"}),
		values: func(dst []float32, t int) ([]float32, error) {
			if err := sameForm(o.Name(), form, o.Form); err != nil {
				return nil, err
			}
			var km, kg float64
			if form == optim.PyTorch {
				for ; upTo < t-1; upTo++ { // from a state uploaded after t−1 steps
					muProduct *= dozatMu(o, upTo+1)
				}
				km, kg = dozatRates(o, t, &muProduct)
				upTo = t
			} else {
				c1 := 1 - math.Pow(o.Beta1, float64(t)) // 1−β₁ᵗ
				km, kg = o.LR*o.Beta1/c1, o.LR*(1-o.Beta1)/c1
			}
			return append(appendMomentValues(dst, o.Beta1, o.Beta2, t), float32(km), float32(kg), float32(o.Eps)), nil
		}}
}

// dozatRates are the PyTorch form's rates of M and g at step t; they
// update *muProduct from Πᵢ₌₁ᵗ⁻¹ μᵢ to Πᵢ₌₁ᵗ μᵢ.
func dozatRates(o *optim.Nadam[float32], t int, muProduct *float64) (km, kg float64) {
	mu, muNext := dozatMu(o, t), dozatMu(o, t+1)
	// Πᵢ₌₁ᵗ μᵢ and Πᵢ₌₁ᵗ⁺¹ μᵢ
	*muProduct *= mu
	muProductNext := *muProduct * muNext
	return o.LR * muNext / (1 - muProductNext), o.LR * (1 - mu) / (1 - *muProduct)
}

// dozatMu is the momentum coefficient of step t, μₜ = β₁·(1 − ½·0.96^(t·ψ)).
func dozatMu(o *optim.Nadam[float32], t int) float64 {
	return o.Beta1 * (1 - 0.5*math.Pow(0.96, float64(t)*o.MomentumDecay))
}
