package nn

import "github.com/nncourse/optimizers/optim"

// trainBuffers hold what a training step keeps between its forward and
// backward passes, sized for a number of rows.
type trainBuffers[T optim.Float] struct {
	rows int
	// acts[l] is layer l's output for every row (rows × Out). The
	// backward pass overwrites it with ∂E/∂z for that layer once its own
	// output is no longer needed.
	acts [][]T
	// delta receives ∂E/∂y of a hidden layer, rows × widest hidden layer.
	delta []T
}

// reserve sizes the buffers for rows rows; smaller batches reuse them.
func (b *trainBuffers[T]) reserve(sizes []int, rows int) {
	if rows <= b.rows {
		return
	}
	b.rows = rows
	b.acts = make([][]T, len(sizes)-1)
	for l := range b.acts {
		b.acts[l] = make([]T, rows*sizes[l+1])
	}
	b.delta = make([]T, rows*maxWidth(sizes[1:len(sizes)-1]))
}

// forward computes y = f(x·Wᵀ + b) for rows rows of x into y (rows × Out).
func (d *Dense[T]) forward(m *MLP[T], x, y []T, rows int) {
	for r := 0; r < rows; r++ {
		copy(y[r*d.Out:(r+1)*d.Out], d.B) // z starts at b …
	}
	// … and gets x·Wᵀ added: (rows×In)·(In×Out).
	m.Backend.Gemm(false, true, rows, d.Out, d.In, 1, x, d.In, d.W, d.In, 1, y, d.Out)
	applyActivation(d.Act, y[:rows*d.Out])
}

// backward takes dz = ∂E/∂z (rows × Out) and the layer's input x, and sets
//
//	∂E/∂W = dzᵀ·x
//
// and, when dx is not nil, dx = ∂E/∂x = dz·W. The bias gradient
// ∂E/∂b = Σ_rows dz is summed by the pass that made dz (outputGrad or
// backActivation), while its rows go by.
func (d *Dense[T]) backward(m *MLP[T], x, dz, dx []T, rows int) {
	m.Backend.Gemm(true, false, d.Out, d.In, rows, 1, dz, d.Out, x, d.In, 0, d.DW, d.In)
	if dx != nil {
		m.Backend.Gemm(false, false, rows, d.In, d.Out, 1, dz, d.Out, d.W, d.In, 0, dx, d.In)
	}
}

// LossAndGrad runs the training forward pass on batch, keeping every
// layer's output, then backpropagates: it fills Grads with the gradient of
// the mean loss over the batch's rows and returns that mean loss.
//
// After the first call at a given batch size it allocates nothing. It
// panics if batch does not fit the model (see Data).
func (m *MLP[T]) LossAndGrad(batch Data[T]) float64 {
	if err := batch.Check(m.In(), m.Out(), m.Loss); err != nil {
		panic(err)
	}
	rows := batch.Rows(m.In())
	m.train.reserve(m.Sizes, rows)
	acts := m.train.acts

	// Forward: each layer reads the previous one's kept output.
	in := batch.X
	for l := range m.Layers {
		out := acts[l][:rows*m.Layers[l].Out]
		m.Layers[l].forward(m, in, out, rows)
		in = out
	}

	// The fused loss turns the last output into ∂E/∂z in place.
	last := len(m.Layers) - 1
	loss := m.outputGrad(acts[last], batch, rows, m.Layers[last].DB)

	// Backward: layer l's ∂E/∂z sits in acts[l]; its input is acts[l-1]
	// (or the batch), which becomes layer l-1's ∂E/∂z once used.
	for l := last; l >= 0; l-- {
		d := &m.Layers[l]
		dz := acts[l][:rows*d.Out]
		if l == 0 {
			d.backward(m, batch.X, dz, nil, rows)
			break
		}
		x := acts[l-1][:rows*d.In]
		dx := m.train.delta[:rows*d.In]
		d.backward(m, x, dz, dx, rows)
		prev := &m.Layers[l-1]
		backActivation(prev.Act, x, dx, prev.DB) // ∂E/∂z = ∂E/∂y ⊙ f′, and ∂E/∂b
	}
	return loss
}

// outputGrad returns the batch's mean loss, overwrites the output y
// (rows × Out) with ∂E/∂z of the last layer, averaged over the rows, and
// sets db to that layer's bias gradient Σ_rows ∂E/∂z, adding each row as
// it is made.
func (m *MLP[T]) outputGrad(y []T, batch Data[T], rows int, db []T) float64 {
	out := m.Out()
	act := m.Layers[len(m.Layers)-1].Act
	scale := 1 / float64(rows)
	var sum float64
	clear(db)
	for r := 0; r < rows; r++ {
		label, target := rowTarget(batch, r, out)
		row := y[r*out : (r+1)*out]
		sum += rowGrad(m.Loss, act, row, label, target, scale)
		for j, g := range row[:len(db)] {
			db[j] += g // ∂E/∂b = Σ_rows ∂E/∂z
		}
	}
	return sum * scale
}

// rowTarget is row r's label and target row, whichever batch has.
func rowTarget[T optim.Float](batch Data[T], r, out int) (int, []T) {
	label, target := 0, []T(nil)
	if batch.Labels != nil {
		label = batch.Labels[r]
	}
	if batch.Targets != nil {
		target = batch.Targets[r*out : (r+1)*out]
	}
	return label, target
}
