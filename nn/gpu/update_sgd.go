package gpu

import "github.com/nncourse/optimizers/optim"

// sgdKernel is SGD's update, the same in both forms.
const sgdKernel = `
	w = w - lr*g // w ← w − η·g`

// sgdRule is plain gradient descent; WeightDecay has no kernel.
func sgdRule(o *optim.SGD[float32]) (updateRule, error) {
	values := func(dst []float32, _ int) ([]float32, error) {
		if o.WeightDecay != 0 {
			return nil, unsupported(o.Name(), "WeightDecay")
		}
		return append(dst, float32(o.LR)), nil
	}
	_, err := values(nil, 1)
	return updateRule{name: "sgd", source: sgdKernel, params: "w", scalars: []string{"lr"}, values: values}, err
}
