package gpu

import "github.com/nncourse/optimizers/nn/gemm/cublas"

// deviceUpdate applies one optimizer step to the whole parameter slab on
// the device. newDeviceUpdate(ctx, opt, n) builds one for opt and n
// parameters (update*.go), uploading opt's state; the state then lives on
// the device until CopyState writes it back into opt and Close frees it.
type deviceUpdate interface {
	Step(ctx *cublas.Context, params, grads *cublas.Buffer[float32]) error
	StateBytes() int
	CopyState() error
	Close() error
}
