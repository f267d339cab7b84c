package gpu

import (
	"fmt"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu/ptx"
	"github.com/nncourse/optimizers/optim"
)

// TEMPORARY (gpu-a): plain SGD only, until the update*.go files of every
// optimizer replace this file at merge.

// sgdUpdate is w ← w − η·g (one fused multiply-add, as optim's float32 path) with η read from the optimizer every step.
type sgdUpdate struct {
	opt *optim.SGD[float32]
	fn  *cublas.Function
	n   int
}

func newDeviceUpdate(ctx *cublas.Context, opt optim.Optimizer[float32], n int) (deviceUpdate, error) {
	sgd, ok := opt.(*optim.SGD[float32])
	if !ok || sgd.WeightDecay != 0 {
		return nil, fmt.Errorf("gpu: %s: no device update yet", opt.Settings())
	}
	fn, err := compileElementwise(ctx, "sgd", "w = fma(-lr, g, w)", ptx.Slices("w", "g"), ptx.Scalars("lr"))
	if err != nil {
		return nil, err
	}
	return &sgdUpdate{opt: sgd, fn: fn, n: n}, nil
}

func (u *sgdUpdate) Step(ctx *cublas.Context, params, grads *cublas.Buffer[float32]) error {
	return launchElementwise(u.fn, u.n, params, grads, float32(u.opt.LearningRate()))
}

func (u *sgdUpdate) StateBytes() int { return 0 }
