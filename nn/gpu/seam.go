package gpu

import "github.com/nncourse/optimizers/nn/gemm/cublas"

// deviceUpdate applies one optimizer step to the whole parameter slab on
// the device. newDeviceUpdate(ctx, opt, n) builds one for opt and n
// parameters (update*.go); its state lives on the device.
type deviceUpdate interface {
	Step(ctx *cublas.Context, params, grads *cublas.Buffer[float32]) error
	StateBytes() int
}
