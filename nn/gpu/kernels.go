package gpu

import (
	"fmt"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu/ptx"
)

// activationSources are the kernels of each hidden activation f, over a
// layer's output y: forward replaces z by y = f(z); backward receives
// d = ∂E/∂y and replaces y by ∂E/∂z = d ⊙ f′, f′ written with y as in
// package nn (nn.Activation's derivative):
//
//	ReLU     y = max(z, 0)          f′ = 1 if y > 0, else 0
//	sigmoid  y = 1/(1 + e⁻ᶻ)        f′ = y·(1 − y)
//	tanh     y = 1 − 2/(e²ᶻ + 1)    f′ = 1 − y²
//	identity y = z                  f′ = 1
//
// ReLU's zero is d·0, as the CPU's table lookup gives (−0 for d < 0).
// tanh through e²ᶻ is exact at the extremes (±1 once e²ᶻ overflows or
// vanishes) and within about 1e-7 absolute near 0.
var activationSources = map[nn.Activation]struct{ forward, backward string }{
	nn.ReLU: {"y = max(y, 0)", `
		if y > 0 {
			y = d
		} else {
			y = d * 0
		}`},
	nn.Sigmoid:  {"y = 1 / (1 + exp(-y))", "y = d * (y * (1 - y))"},
	nn.Tanh:     {"y = 1 - 2/(exp(2*y)+1)", "y = d * (1 - y*y)"},
	nn.Identity: {"", "y = d"},
}

// mseSource turns the output y into ∂E/∂y = (y − t)·scale for the
// targets t and writes each element's (y − t)², which a product with a
// ones vector sums into the loss.
const mseSource = `
	diff := y - t
	e = diff * diff
	y = diff * scale`

// kernels are the compiled kernels a Trainer launches.
type kernels struct {
	forward  map[nn.Activation]*cublas.Function // nil for Identity: nothing to do
	backward map[nn.Activation]*cublas.Function
	mse      *cublas.Function
	softmax  *cublas.Function
}

// compileKernels compiles the activations acts use and the loss.
func compileKernels(ctx *cublas.Context, acts []nn.Activation, loss nn.Loss) (*kernels, error) {
	k := &kernels{forward: make(map[nn.Activation]*cublas.Function), backward: make(map[nn.Activation]*cublas.Function)}
	for _, a := range acts {
		if _, done := k.backward[a]; done {
			continue
		}
		src, ok := activationSources[a]
		if !ok {
			return nil, fmt.Errorf("gpu: no kernel for activation %v", a)
		}
		var err error
		if src.forward != "" {
			if k.forward[a], err = compileElementwise(ctx, "forward_"+name(a), src.forward, ptx.Slices("y"), nil); err != nil {
				return nil, err
			}
		}
		if k.backward[a], err = compileElementwise(ctx, "backward_"+name(a), src.backward, ptx.Slices("y", "d"), nil); err != nil {
			return nil, err
		}
	}
	var err error
	switch loss {
	case nn.CrossEntropy:
		k.softmax, err = loadKernel(ctx, "softmax_xent", softmaxXentPTX)
	case nn.MSE:
		k.mse, err = compileElementwise(ctx, "mse", mseSource, ptx.Slices("y", "t", "e"), ptx.Scalars("scale"))
	default:
		err = fmt.Errorf("gpu: no kernel for loss %v", loss)
	}
	return k, err
}

// name is an activation's name as a PTX identifier.
func name(a nn.Activation) string {
	return map[nn.Activation]string{nn.Identity: "identity", nn.ReLU: "relu", nn.Sigmoid: "sigmoid", nn.Tanh: "tanh"}[a]
}
