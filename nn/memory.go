package nn

import (
	"fmt"
	"runtime"
	"unsafe"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// Memory is what one training step of an MLP keeps in memory, in bytes,
// item by item as the lecture lists them: the model, the activations kept
// for backpropagation, the gradients (a second model), the optimizer's
// state and the minibatch's data and labels.
type Memory struct {
	// Optimizer names the optimizer; Elem is the element type's name.
	Optimizer, Elem string
	// Params is the number of weights and biases.
	Params int

	Weights     int64 // Params × sizeof(T): the model's size
	Gradients   int64 // the same again
	Activations int64 // every layer's output for the batch's rows
	Deltas      int64 // ∂E/∂y of one hidden layer, for backpropagation
	State       int64 // the optimizer's state, Optimizer.StateBytes
	Batch       int64 // the minibatch inputs, rows × In × sizeof(T)
	Labels      int64 // class labels (int) or target rows (T)

	// Measured is what the Go runtime counted as allocated for the same
	// step (0 until MeasureMemory fills it in).
	Measured int64
}

// TrainingMemory computes the Memory of training an MLP of these sizes on
// minibatches of batch rows with opt, in element type T.
func TrainingMemory[T optim.Float](sizes []int, batch int, loss Loss, opt optim.Optimizer[T]) Memory {
	var zero T
	elem := int64(unsafe.Sizeof(zero))
	n := ParamCount(sizes)
	rows := int64(batch)
	labels := rows * int64(unsafe.Sizeof(int(0)))
	if loss == MSE {
		labels = rows * int64(sizes[len(sizes)-1]) * elem
	}
	activations := 0
	for _, s := range sizes[1:] {
		activations += s
	}
	return Memory{
		Optimizer:   opt.Name(),
		Elem:        fmt.Sprintf("%T", zero),
		Params:      n,
		Weights:     int64(n) * elem,
		Gradients:   int64(n) * elem,
		Activations: rows * int64(activations) * elem,
		Deltas:      rows * int64(maxWidth(sizes[1:len(sizes)-1])) * elem,
		State:       opt.StateBytes(n),
		Batch:       rows * int64(sizes[0]) * elem,
		Labels:      labels,
	}
}

// Total is the sum of every item.
func (m Memory) Total() int64 {
	return m.Weights + m.Gradients + m.Activations + m.Deltas + m.State + m.Batch + m.Labels
}

// ModelMultiple is (weights + gradients + optimizer state) / weights: the
// lecture's "twice" for SGD, "triple" for momentum, "quadruple" for Adam.
func (m Memory) ModelMultiple() float64 {
	return float64(m.Weights+m.Gradients+m.State) / float64(m.Weights)
}

// TotalMultiple is Total / weights: the whole step in model sizes.
func (m Memory) TotalMultiple() float64 { return float64(m.Total()) / float64(m.Weights) }

// MeasureMemory allocates what a training step allocates, through the
// code the Trainer runs (model, minibatch buffer, forward and backward
// pass, one optimizer step), and returns the bytes the Go runtime counted
// as allocated meanwhile (runtime.MemStats.TotalAlloc). opt must not
// have taken a step yet, so that its state is allocated here.
//
// The products run on the reference backend: the fast gemm.CPU keeps
// packing buffers of its own in a sync.Pool, shared by every model and
// emptied by the garbage collector, which belong to the backend and not to
// the model.
func MeasureMemory[T optim.Float](sizes []int, batch int, loss Loss, opt optim.Optimizer[T]) int64 {
	in, out := sizes[0], sizes[len(sizes)-1]
	src := Data[T]{X: make([]T, batch*in), Labels: make([]int, batch), Targets: make([]T, batch*out)}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	m := NewMLP[T](sizes, ReLU, 1, He)
	m.Loss = loss
	m.Backend = gemm.Ref[T]{}
	batches := &Minibatches[T]{Data: lossData(src, loss), Width: in, BatchSize: batch}
	m.LossAndGrad(batches.Batch(0, 0))
	opt.Step(m.Params, m.Grads)
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}
