package gpu

import "github.com/nncourse/optimizers/optim"

// RMSprop's updates: ε inside the root (the lecture) or added to it
// (torch.optim.RMSprop). c is 1−γ, rounded on the host; the step η_t·g is
// computed as η·g/root, in the order of optim's float32 loop.
const (
	rmspropAverage = `
		s = gamma*s + c*g*g // E[g²] ← γ·E[g²] + (1−γ)·g²`
	rmspropLectureMove = `
		w = w - lr*g/sqrt(s + eps) // w ← w − η_t·g, η_t = η / √(E[g²] + ε)`
	rmspropPyTorchMove = `
		w = w - lr*g/(sqrt(s) + eps) // w ← w − η_t·g, η_t = η / (√E[g²] + ε)`
)

// rmspropRule is RMSprop in o's form, its average E[g²] on the device.
func rmspropRule(o *optim.RMSprop[float32]) updateRule {
	form := o.Form
	rule := updateRule{name: "rmsprop_lecture", source: rmspropAverage + rmspropLectureMove,
		params: "w", state: []string{"s"}, scalars: []string{"gamma", "c", "lr", "eps"}}
	if form == optim.PyTorch {
		rule.name, rule.source = "rmsprop_pytorch", rmspropAverage+rmspropPyTorchMove
	}
	rule.values = func(dst []float32, _ int) ([]float32, error) {
		if err := sameForm(o.Name(), form, o.Form); err != nil {
			return nil, err
		}
		return append(dst, float32(o.Gamma), float32(1-o.Gamma), float32(o.LR), float32(o.Eps)), nil
	}
	return rule
}
