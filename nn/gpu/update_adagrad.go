package gpu

import "github.com/nncourse/optimizers/optim"

// adagradKernel is Adagrad's update, the same in both forms, ε added to
// the root as Duchi et al. and PyTorch do.
const adagradKernel = `
	G = G + g*g                  // G ← G + g²
	rate := lr / (sqrt(G) + eps) // η_t = η / (√G + ε)
	w = w - rate*g               // w ← w − η_t·g`

// adagradRule is Adagrad, its sum of squared gradients G on the device.
func adagradRule(o *optim.Adagrad[float32]) updateRule {
	return updateRule{name: "adagrad", source: adagradKernel, params: "w", state: []string{"G"},
		scalars: []string{"lr", "eps"},
		values: func(int) ([]float32, error) {
			return []float32{float32(o.LR), float32(o.Eps)}, nil
		}}
}
