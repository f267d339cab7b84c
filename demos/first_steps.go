package demos

// Notebooks 06-rmsprop and 07-adam-and-nadam: the size of the first step,
// measured on the library's optimizers rather than quoted (issue 8, defects
// 6 and 7). Every optimizer here is stepped once from w = 0 on a gradient g
// and the move is reported in units of its learning rate η.

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/optim"
)

// FirstStepOverEta steps opt once from w = 0 on the gradient g and returns
// |Δw|/η, η being opt's learning rate (opt must implement optim.RateSetter).
// For a unit gradient and ε ≪ 1:
//
//	SGD, Adagrad, Adam       1        (Adagrad: g/√g²; Adam: bias-corrected M̂/√R̂)
//	RMSprop                  1/√(1−γ) (E[g²]₁ = (1−γ)·g², not corrected: 3.16 at γ = 0.9)
//	Nadam (lecture)          1 + β₁   (β₁·M̂₁ + (1−β₁)/(1−β₁)·g = 1.9 at β₁ = 0.9)
func FirstStepOverEta(opt optim.Optimizer[float64], g float64) float64 {
	rs, ok := opt.(optim.RateSetter)
	if !ok {
		panic(fmt.Sprintf("demos: FirstStepOverEta: %s has no learning rate", opt.Name()))
	}
	w := []float64{0}
	opt.Step(w, []float64{g})
	return math.Abs(w[0]) / rs.LearningRate()
}

// NadamFirstSteps is the first step, in units of η, of the three Nadams a
// student meets, on a unit gradient with β₁ = 0.9:
//
//   - lecture: its expansion with constant β₁ and the correction 1 − β₁ᵗ,
//     β₁·M̂₁ + (1−β₁)/(1−β₁)·g = 1 + β₁ = 1.9;
//   - Dozat (2016), constant μ = β₁: μ·M₁/(1 − μ²) + (1−μ)·g/(1−μ)
//     = 0.09/0.19 + 1 ≈ 1.47 (the product Πμ in the corrections);
//   - PyTorch's NAdam, with Dozat's warm-up μₜ = β₁·(1 − ½·0.96^(0.004·t)),
//     μ₁ ≈ μ₂ ≈ 0.45: 1 + μ₂·0.1/(1 − μ₁μ₂) ≈ 1.06.
//
// All three are optim.Nadam: the Lecture form, and the PyTorch form with
// its momentum_decay ψ = 0.004 and with ψ = 10⁶, for which 0.96^(t·ψ)
// underflows to 0 and every μₜ is β₁ (Dozat's constant momentum).
func NadamFirstSteps() (lecture, dozat, pytorch float64) {
	step := func(form optim.Form, decay float64) float64 {
		return FirstStepOverEta(&optim.Nadam[float64]{Form: form, MomentumDecay: decay}, 1)
	}
	return step(optim.Lecture, 0), step(optim.PyTorch, 1e6), step(optim.PyTorch, 0.004)
}

// EpsGradientScale is the gradient size below which ε, inside the root,
// takes over Adam's first step: with bias correction R̂₁ = g², so ε
// matters once g² ≈ ε, g ≈ √ε; without it R₁ = (1−β₂)·g², so already at
// g ≈ √(ε/(1−β₂)). The ratio uncorrected/corrected is 1/√(1−β₂) = √1000
// ≈ 32 for β₂ = 0.999: the gradients ε swamps are 32 times larger, not 100.
func EpsGradientScale(eps, beta2 float64) (corrected, uncorrected float64) {
	return math.Sqrt(eps), math.Sqrt(eps / (1 - beta2))
}

// Overshoot1D is a one-weight run of RMSpropOvershoot.
type Overshoot1D struct {
	Gamma float64
	// First is the first step over η, 1/√(1−γ) for ε ≪ g².
	First float64
	// Past is the farthest the weight goes beyond the minimum, as a
	// fraction of the start's distance (0: it never crosses).
	Past float64
	// Settle is the first step after which |w| stays within a tenth of
	// the start's distance, or −1.
	Settle int
}

// RMSpropOvershoot runs the library's RMSprop (rate η, each decay γ of
// gammas) for steps steps on the steep f(w) = ½·λ·w² from w₀. RMSprop's
// early steps do not depend on λ: they are about η/√(1−γ) long (E[g²]
// starts at 0), so on a narrow well, where |w₀| is a few η, a γ near 1
// throws the weight far past the minimum while a small γ steps about η
// towards it — the lecture's "the decay rate needs to be tuned".
func RMSpropOvershoot(gammas []float64, eta, lambda, w0 float64, steps int) []Overshoot1D {
	var out []Overshoot1D
	for _, gamma := range gammas {
		o := optim.NewRMSprop[float64]()
		o.LR, o.Gamma = eta, gamma
		path := DiagonalRun(o, []float64{lambda}, []float64{w0}, steps)
		r := Overshoot1D{Gamma: gamma, First: math.Abs(path[1][0]-w0) / eta, Settle: -1}
		for t, w := range path {
			r.Past = max(r.Past, -w[0]/w0)
			switch {
			case math.Abs(w[0]) > math.Abs(w0)/10:
				r.Settle = -1
			case r.Settle < 0:
				r.Settle = t
			}
		}
		out = append(out, r)
	}
	return out
}
