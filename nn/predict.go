package nn

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/optim"
)

// inferBuffers are the two ping-pong buffers of inference: layer l reads
// one and writes the other, since an intermediate output is needed only
// until the next layer has been computed.
type inferBuffers[T optim.Float] struct {
	rows int
	buf  [2][]T
}

// reserve sizes both buffers for rows rows of the widest layer.
func (b *inferBuffers[T]) reserve(sizes []int, rows int) {
	if rows <= b.rows {
		return
	}
	b.rows = rows
	w := maxWidth(sizes[1:])
	b.buf = [2][]T{make([]T, rows*w), make([]T, rows*w)}
}

// Predict computes the model's outputs for the rows of x (rows × In) and
// returns them (rows × Out, raw: before softmax). The result is a view
// into a buffer that the next Predict overwrites. After the first call at
// a given number of rows it allocates nothing.
func (m *MLP[T]) Predict(x []T) []T {
	rows := len(x) / m.In()
	if rows*m.In() != len(x) {
		panic("nn: Predict: len(x) is not a multiple of the input size")
	}
	m.infer.reserve(m.Sizes, rows)
	in := x
	for l := range m.Layers {
		d := &m.Layers[l]
		y := m.infer.buf[l%2][:rows*d.Out] // ping, pong, ping, …
		d.forward(m, in, y, rows)
		in = y
	}
	return in
}

// Evaluate returns the mean loss over d's rows and, when d has Labels,
// the fraction of rows whose arg-max output is the label (NaN without
// labels). It predicts batch rows at a time through the inference buffers;
// a batch below 1 is an error.
func (m *MLP[T]) Evaluate(d Data[T], batch int) (loss, accuracy float64, err error) {
	if batch < 1 {
		return 0, 0, fmt.Errorf("nn: Evaluate: batch must be ≥ 1, got %d", batch)
	}
	if err := d.Check(m.In(), m.Out(), m.Loss); err != nil {
		return 0, 0, err
	}
	in, out := m.In(), m.Out()
	rows := d.Rows(in)
	if rows == 0 {
		return math.NaN(), math.NaN(), nil
	}
	var sum float64
	correct := 0
	for start := 0; start < rows; start += batch {
		n := min(batch, rows-start)
		y := m.Predict(d.X[start*in : (start+n)*in])
		for r := 0; r < n; r++ {
			label, target := rowTarget(d, start+r, out)
			row := y[r*out : (r+1)*out]
			sum += rowLoss(m.Loss, row, label, target)
			if d.Labels != nil && argmax(row) == label {
				correct++
			}
		}
	}
	accuracy = math.NaN()
	if d.Labels != nil {
		accuracy = float64(correct) / float64(rows)
	}
	return sum / float64(rows), accuracy, nil
}

// argmax is the index of the largest element (the first, on ties).
func argmax[T optim.Float](v []T) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}
