package gpu

import (
	"math"
	"slices"

	"github.com/nncourse/optimizers/optim"
)

// Adam's updates, ε inside the root (the lecture) or added to it (the
// paper, torch.optim.Adam). The host rounds c1 = 1−β₁, c2 = 1−β₂,
// ib2 = 1/(1−β₂ᵗ) and km = η/(1−β₁ᵗ), so that η·M̂ = km·M.
const (
	adamMoments = `
		m = b1*m + c1*g   // M ← β₁·M + (1−β₁)·g
		r = b2*r + c2*g*g // R ← β₂·R + (1−β₂)·g²
		rhat := r * ib2   // R̂ = R / (1−β₂ᵗ)`
	adamLectureMove = `
		w = w - km*m/sqrt(rhat + eps) // w ← w − η·M̂ / √(R̂ + ε)`
	adamPyTorchMove = `
		w = w - km*m/(sqrt(rhat) + eps) // w ← w − η·M̂ / (√R̂ + ε)`
)

// adamScalars are the scalars of adamMoments, in order.
var adamScalars = []string{"b1", "c1", "b2", "c2", "ib2"}

// adamRule is Adam in o's form, M and R on the device; WeightDecay and
// AMSGrad have no kernel.
func adamRule(o *optim.Adam[float32]) (updateRule, error) {
	form := o.Form
	rule := updateRule{name: "adam_lecture", source: adamMoments + adamLectureMove, params: "w",
		state: []string{"m", "r"}, scalars: slices.Concat(adamScalars, []string{"km", "eps"})}
	if form == optim.PyTorch {
		rule.name, rule.source = "adam_pytorch", adamMoments+adamPyTorchMove
	}
	rule.values = func(dst []float32, t int) ([]float32, error) {
		switch {
		case o.WeightDecay != 0:
			return nil, unsupported(o.Name(), "WeightDecay")
		case o.AMSGrad:
			return nil, unsupported(o.Name(), "AMSGrad")
		}
		if err := sameForm(o.Name(), form, o.Form); err != nil {
			return nil, err
		}
		km := o.LR / (1 - math.Pow(o.Beta1, float64(t))) // η/(1−β₁ᵗ)
		return append(appendMomentValues(dst, o.Beta1, o.Beta2, t), float32(km), float32(o.Eps)), nil
	}
	_, err := rule.values(nil, 1)
	return rule, err
}

// appendMomentValues appends adamMoments' scalars at step t to dst,
// rounded to float32 from float64 as optim's float32 path rounds them.
func appendMomentValues(dst []float32, b1, b2 float64, t int) []float32 {
	return append(dst, float32(b1), float32(1-b1), float32(b2), float32(1-b2),
		float32(1/(1-math.Pow(b2, float64(t)))))
}
