package demos

// Notebook 02: the lecture's "a minibatch operation on a GPU takes
// approximately the same amount of time, no matter the number of inputs",
// measured on the product that dominates a training step, on the CPU and —
// when the course is built with the cublas tag on a machine with an NVIDIA
// GPU — on the GPU with the data already in its memory.

import (
	"slices"
	"time"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
)

// ProductTimes times the layer product Y = X·Wᵀ of a dense layer with in
// inputs and out neurons (X: b×in, W: out×in, float32) on be for every b of
// batches: one warm-up call, then the median of reps calls. The matrices
// live in host memory; with gemm.CPU that is where the arithmetic happens.
func ProductTimes(be gemm.Backend[float32], in, out int, batches []int, reps int) []StepTime {
	w, x, y := productOperands(in, out, batches)
	times, _ := timeBatches(batches, reps, func(b int) error {
		be.Gemm(false, true, b, out, in, 1, x[:b*in], in, w, in, 0, y[:b*out], out)
		return nil // gemm.Backend panics on a failure
	})
	return times
}

// DeviceProductTimes is ProductTimes on the GPU of ctx with the operands
// uploaded once before timing, as weights and a batch that live on the
// device: each timed call is one cuBLAS product and a synchronisation, no
// copy. It returns the device's error, if any.
func DeviceProductTimes(ctx *cublas.Context, in, out int, batches []int, reps int) ([]StepTime, error) {
	w, x, y := productOperands(in, out, batches)
	dw, err := upload(ctx, w)
	if err != nil {
		return nil, err
	}
	dx, err := upload(ctx, x)
	if err != nil {
		return nil, err
	}
	dy, err := upload(ctx, y)
	if err != nil {
		return nil, err
	}
	return timeBatches(batches, reps, func(b int) error {
		if err := ctx.Sgemm(false, true, b, out, in, 1, dx, in, dw, in, 0, dy, out); err != nil {
			return err
		}
		return ctx.Synchronize() // cuBLAS returns before the product is done
	})
}

// productOperands returns W (out×in) and X (as many rows as the largest
// batch) filled with small values, and Y to hold the product.
func productOperands(in, out int, batches []int) (w, x, y []float32) {
	rows := 0
	for _, b := range batches {
		rows = max(rows, b)
	}
	w, x, y = make([]float32, out*in), make([]float32, rows*in), make([]float32, rows*out)
	for i := range w {
		w[i] = float32(i%7) / 70
	}
	for i := range x {
		x[i] = float32(i%5) / 5
	}
	return w, x, y
}

func upload(ctx *cublas.Context, v []float32) (*cublas.Buffer[float32], error) {
	buf, err := cublas.NewBuffer[float32](ctx, len(v))
	if err != nil {
		return nil, err
	}
	return buf, buf.Upload(v)
}

// timeBatches calls product(b) once to warm up and then reps times for each
// batch size b, and returns the fastest of the calls, or the first error of a call.
func timeBatches(batches []int, reps int, product func(b int) error) ([]StepTime, error) {
	var times []StepTime
	for _, b := range batches {
		if err := product(b); err != nil {
			return times, err
		}
		d := make([]time.Duration, reps)
		for i := range d {
			start := time.Now()
			if err := product(b); err != nil {
				return times, err
			}
			d[i] = time.Since(start)
		}
		fast := slices.Min(d)
		times = append(times, StepTime{Batch: b, PerStep: fast, PerExample: fast / time.Duration(b)})
	}
	return times, nil
}
