package gpu

import "github.com/nncourse/optimizers/optim"

// adagradKernel is Adagrad's update, the same in both forms, ε added to
// the root as Duchi et al. and PyTorch do. The step η_t·g is computed as
// η·g/(√G + ε), in the order of optim's float32 loop.
const adagradKernel = `
	G = G + g*g                  // G ← G + g²
	w = w - lr*g/(sqrt(G) + eps) // w ← w − η_t·g, η_t = η / (√G + ε)`

// adagradRule is Adagrad, its sum of squared gradients G on the device.
func adagradRule(o *optim.Adagrad[float32]) updateRule {
	return updateRule{name: "adagrad", source: adagradKernel, params: "w", state: []string{"G"},
		scalars: []string{"lr", "eps"},
		values: func(dst []float32, _ int) ([]float32, error) {
			return append(dst, float32(o.LR), float32(o.Eps)), nil
		}}
}
