package gpu

import "github.com/nncourse/optimizers/optim"

// RMSprop's updates: ε inside the root (the lecture) or added to it
// (torch.optim.RMSprop). c is 1−γ, rounded on the host.
const (
	rmspropAverage = `
		s = gamma*s + c*g*g // E[g²] ← γ·E[g²] + (1−γ)·g²`
	rmspropLectureRate = `
		rate := lr / sqrt(s + eps) // η_t = η / √(E[g²] + ε)`
	rmspropPyTorchRate = `
		rate := lr / (sqrt(s) + eps) // η_t = η / (√E[g²] + ε)`
	rmspropMove = `
		w = w - rate*g // w ← w − η_t·g`
)

// rmspropRule is RMSprop in o's form, its average E[g²] on the device.
func rmspropRule(o *optim.RMSprop[float32]) updateRule {
	form := o.Form
	rule := updateRule{name: "rmsprop_lecture", source: rmspropAverage + rmspropLectureRate + rmspropMove,
		params: "w", state: []string{"s"}, scalars: []string{"gamma", "c", "lr", "eps"}}
	if form == optim.PyTorch {
		rule.name, rule.source = "rmsprop_pytorch", rmspropAverage+rmspropPyTorchRate+rmspropMove
	}
	rule.values = func(int) ([]float32, error) {
		if err := sameForm(o.Name(), form, o.Form); err != nil {
			return nil, err
		}
		return []float32{float32(o.Gamma), float32(1 - o.Gamma), float32(o.LR), float32(o.Eps)}, nil
	}
	return rule
}
