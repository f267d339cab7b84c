package nn

import (
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// lossAndGradNaive is LossAndGrad as it was before its passes were fused,
// the oracle of the fused step: on a clone of m, each layer's output is
// the bias, plus the product, then a pass of the activation; backward,
// each ∂E/∂b is its own sum over the rows of ∂E/∂z and each ∂E/∂z its own
// pass of g·f′. It returns the loss and the clone's gradients.
func lossAndGradNaive[T optim.Float](m *MLP[T], batch Data[T]) (float64, []T) {
	c := m.Clone()
	rows := batch.Rows(m.In())
	acts := make([][]T, len(c.Layers))
	in := batch.X
	for l, d := range c.Layers {
		y := make([]T, rows*d.Out)
		for r := range rows {
			copy(y[r*d.Out:], d.B)
		}
		c.Backend.Gemm(false, true, rows, d.Out, d.In, 1, in, d.In, d.W, d.In, 1, y, d.Out)
		if d.Act == ReLU {
			for i, z := range y {
				y[i] = max(z, 0)
			}
		} else {
			applyActivation(d.Act, y)
		}
		acts[l], in = y, y
	}
	last := len(c.Layers) - 1
	out, scale := c.Out(), 1/float64(rows)
	var loss float64
	for r := range rows {
		label, target := rowTarget(batch, r, out)
		loss += rowGrad(c.Loss, c.Layers[last].Act, acts[last][r*out:(r+1)*out], label, target, scale)
	}
	for l := last; l >= 0; l-- {
		d, dz := c.Layers[l], acts[l]
		x := batch.X
		if l > 0 {
			x = acts[l-1]
		}
		c.Backend.Gemm(true, false, d.Out, d.In, rows, 1, dz, d.Out, x, d.In, 0, d.DW, d.In)
		for i, g := range dz {
			d.DB[i%d.Out] += g
		}
		if l == 0 {
			break
		}
		dx := make([]T, rows*d.In)
		c.Backend.Gemm(false, false, rows, d.In, d.Out, 1, dz, d.Out, d.W, d.In, 0, dx, d.In)
		for i, g := range dx {
			x[i] = g * derivative(c.Layers[l-1].Act, x[i])
		}
	}
	return loss * scale, c.Grads
}

// TestLossAndGradMatchesNaive checks the fused training step against
// lossAndGradNaive bit for bit: loss and every gradient, for each
// activation and loss, both precisions and both backends, on layers whose
// widths are and are not multiples of the assembly's 8, with an infinite
// input in one case (NaN gradients must come out where the naive ones do).
func TestLossAndGradMatchesNaive(t *testing.T) {
	testLossAndGradMatchesNaive[float32](t)
	testLossAndGradMatchesNaive[float64](t)
}

func testLossAndGradMatchesNaive[T optim.Float](t *testing.T) {
	i := 0
	for _, sizes := range [][]int{{13, 11, 9, 5}, {40, 32, 17, 10}} {
		for _, hidden := range []Activation{ReLU, Sigmoid, Tanh} {
			for _, loss := range []Loss{CrossEntropy, MSE} {
				for _, backend := range []gemm.Backend[T]{gemm.CPU[T]{}, gemm.Ref[T]{}} {
					i++
					m := NewMLP[T](sizes, hidden, uint64(i), He)
					m.Loss, m.Backend = loss, backend
					batch := convertData[T](randomData(sizes, 24, uint64(i)))
					if i%5 == 0 {
						batch.X[i] = T(special[8]) // +Inf
					}
					wantLoss, want := lossAndGradNaive(m, batch)
					got := m.LossAndGrad(batch)
					if !sameFloat(got, wantLoss) {
						t.Errorf("%d %T %v %v %v %T: loss %v, want %v", i, got, sizes, hidden, loss, backend, got, wantLoss)
					}
					for j, g := range m.Grads {
						if !sameFloat(g, want[j]) {
							t.Errorf("%d %T %v %v %v %T: gradient %d: %v, want %v", i, g, sizes, hidden, loss, backend, j, g, want[j])
							break
						}
					}
				}
			}
		}
	}
}

// convertData returns d with its reals converted to T.
func convertData[T optim.Float](d Data[float64]) Data[T] {
	conv := func(v []float64) []T {
		if v == nil {
			return nil
		}
		out := make([]T, len(v))
		for i, x := range v {
			out[i] = T(x)
		}
		return out
	}
	return Data[T]{X: conv(d.X), Labels: d.Labels, Targets: conv(d.Targets)}
}
