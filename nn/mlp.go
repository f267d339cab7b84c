package nn

import (
	"fmt"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// Dense is a fully connected layer with n = In inputs and k = Out neurons:
//
//	y = f(W·x + b)
//
// W and B are views into the model's parameter slab, DW and DB the same
// places in its gradient slab.
type Dense[T optim.Float] struct {
	// In and Out are the numbers of inputs n and of neurons k.
	In, Out int
	// Act is the layer's activation f.
	Act Activation
	// W is the k×n weight matrix, row-major: W[j*In+i] connects input i
	// to neuron j.
	W []T
	// B is the bias vector, one per neuron.
	B []T
	// DW and DB are ∂E/∂W and ∂E/∂B, filled by LossAndGrad.
	DW, DB []T
}

// MLP is a multilayer perceptron: Dense layers one after the other.
//
// All parameters live in one contiguous slab, layer after layer (W then B),
// and the gradients in a second slab of the same layout, so an optimizer
// updates the whole model with one call:
//
//	opt.Step(m.Params, m.Grads)
type MLP[T optim.Float] struct {
	// Sizes are the layer widths, input first: 784-32-20-10 is
	// []int{784, 32, 20, 10}.
	Sizes []int
	// Layers are the Dense layers, each a view into Params and Grads.
	Layers []Dense[T]
	// Params holds every weight and bias; Grads the matching gradients.
	Params, Grads []T
	// Loss is the error function training minimises (CrossEntropy by
	// default).
	Loss Loss
	// Backend computes every matrix product (gemm.CPU by default).
	Backend gemm.Backend[T]

	train trainBuffers[T]
	infer inferBuffers[T]
}

// NewMLP returns a model with the given layer sizes (input first). Hidden
// layers use the activation hidden, the last layer Identity, so that the
// loss sees raw outputs. Weights are drawn by init from a PCG generator
// seeded with seed; biases are 0. It panics on fewer than two sizes or a
// size below 1.
func NewMLP[T optim.Float](sizes []int, hidden Activation, seed uint64, init Init) *MLP[T] {
	if len(sizes) < 2 {
		panic(fmt.Sprintf("nn: NewMLP: need at least an input and an output size, got %v", sizes))
	}
	for _, s := range sizes {
		if s < 1 {
			panic(fmt.Sprintf("nn: NewMLP: sizes must be ≥ 1, got %v", sizes))
		}
	}
	hidden.valid()
	m := &MLP[T]{
		Sizes:   append([]int(nil), sizes...),
		Layers:  make([]Dense[T], len(sizes)-1),
		Backend: gemm.CPU[T]{},
	}
	m.Params = make([]T, ParamCount(sizes))
	m.Grads = make([]T, len(m.Params))
	for l := range m.Layers {
		m.Layers[l] = Dense[T]{In: sizes[l], Out: sizes[l+1], Act: hidden}
	}
	m.Layers[len(m.Layers)-1].Act = Identity
	m.bind(m.Params, m.Grads)
	initWeights(m.Layers, init, seed)
	return m
}

// ParamCount is the number of weights and biases of an MLP with these
// sizes, the lecture's Σ (n×k + k) over the layers: 25,990 for 784-32-20-10.
func ParamCount(sizes []int) int {
	total := 0
	for l := 0; l+1 < len(sizes); l++ {
		total += sizes[l]*sizes[l+1] + sizes[l+1]
	}
	return total
}

// bind points every layer's views at params and grads.
func (m *MLP[T]) bind(params, grads []T) {
	m.Params, m.Grads = params, grads
	off := 0
	for l := range m.Layers {
		d := &m.Layers[l]
		w, b := d.In*d.Out, d.Out
		d.W, d.DW = params[off:off+w:off+w], grads[off:off+w:off+w]
		off += w
		d.B, d.DB = params[off:off+b:off+b], grads[off:off+b:off+b]
		off += b
	}
}

// In is the model's input width, Sizes[0].
func (m *MLP[T]) In() int { return m.Sizes[0] }

// Out is the model's output width, the last of Sizes.
func (m *MLP[T]) Out() int { return m.Sizes[len(m.Sizes)-1] }

// maxWidth is the largest of sizes (0 for none).
func maxWidth(sizes []int) int {
	w := 0
	for _, s := range sizes {
		w = max(w, s)
	}
	return w
}

// Clone returns a deep copy of m's parameters and configuration, with its
// own buffers.
func (m *MLP[T]) Clone() *MLP[T] {
	c := &MLP[T]{
		Sizes:   append([]int(nil), m.Sizes...),
		Layers:  append([]Dense[T](nil), m.Layers...),
		Loss:    m.Loss,
		Backend: m.Backend,
	}
	c.bind(append([]T(nil), m.Params...), make([]T, len(m.Grads)))
	return c
}
