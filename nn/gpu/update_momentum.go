package gpu

import "github.com/nncourse/optimizers/optim"

// Momentum's updates, η inside the velocity (the lecture) or outside
// (torch.optim.SGD with momentum).
const (
	momentumLectureKernel = `
		v = mu*v + lr*g // v ← μ·v + η·g
		w = w - v       // w ← w − v`
	momentumPyTorchKernel = `
		v = mu*v + g    // v ← μ·v + g
		w = w - lr*v    // w ← w − η·v`
)

// momentumRule is gradient descent with velocity v, in o's form.
func momentumRule(o *optim.Momentum[float32]) updateRule {
	form := o.Form
	rule := updateRule{name: "momentum_lecture", source: momentumLectureKernel, params: "w",
		state: []string{"v"}, scalars: []string{"mu", "lr"}}
	if form == optim.PyTorch {
		rule.name, rule.source = "momentum_pytorch", momentumPyTorchKernel
	}
	rule.values = func(dst []float32, _ int) ([]float32, error) {
		if err := sameForm(o.Name(), form, o.Form); err != nil {
			return nil, err
		}
		return append(dst, float32(o.Mu), float32(o.LR)), nil
	}
	return rule
}
