package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
)

// randomData returns rows random inputs with labels and targets for a
// model of sizes, from a seeded generator. The label of a row is the
// largest of its first Out inputs, so that a model can learn it.
func randomData(sizes []int, rows int, seed uint64) Data[float64] {
	r := rand.New(rand.NewPCG(seed, 1))
	in, out := sizes[0], sizes[len(sizes)-1]
	d := Data[float64]{X: make([]float64, rows*in), Labels: make([]int, rows), Targets: make([]float64, rows*out)}
	for i := range d.X {
		d.X[i] = r.NormFloat64()
	}
	for i := range d.Labels {
		d.Labels[i] = argmax(d.X[i*in : i*in+out]) // learnable
	}
	for i := range d.Targets {
		d.Targets[i] = r.Float64()
	}
	return d
}

// TestGradientFiniteDifferences compares every entry of Grads from
// LossAndGrad with the central difference (E(θ+h) − E(θ−h))/2h of the
// loss computed by the inference path, for every activation in hidden and
// output layers and both losses.
func TestGradientFiniteDifferences(t *testing.T) {
	const h, tol = 1e-5, 1e-6
	cases := []struct {
		hidden, output Activation
		loss           Loss
	}{
		{ReLU, Identity, CrossEntropy},
		{Sigmoid, Identity, CrossEntropy},
		{Tanh, Identity, CrossEntropy},
		{Identity, Identity, CrossEntropy},
		{ReLU, Identity, MSE},
		{Sigmoid, Sigmoid, MSE},
		{Tanh, Tanh, MSE},
		{ReLU, ReLU, MSE},
		{Tanh, Sigmoid, CrossEntropy},
	}
	sizes := []int{5, 7, 4, 3}
	for i, c := range cases {
		m := NewMLP[float64](sizes, c.hidden, uint64(10+i), Xavier)
		m.Layers[len(m.Layers)-1].Act = c.output
		m.Loss = c.loss
		data := randomData(sizes, 6, uint64(i))
		m.LossAndGrad(data)
		analytic := append([]float64(nil), m.Grads...)
		worst, where := 0.0, 0
		for p := range m.Params {
			keep := m.Params[p]
			m.Params[p] = keep + h
			up, _, _ := m.Evaluate(data, 4)
			m.Params[p] = keep - h
			down, _, _ := m.Evaluate(data, 4)
			m.Params[p] = keep
			numeric := (up - down) / (2 * h)
			if e := relativeError(analytic[p], numeric); e > worst {
				worst, where = e, p
			}
		}
		name := fmt.Sprintf("hidden=%v/output=%v/loss=%v", c.hidden, c.output, c.loss)
		t.Logf("%d %-50s %d params, max relative error %.2e (param %d)", i, name, len(m.Params), worst, where)
		if worst > tol {
			t.Errorf("%d %s: max relative error %.3g at param %d, want ≤ %g", i, name, worst, where, tol)
		}
	}
}

// relativeError is |a − b| / max(|a|, |b|), or |a − b| when both are
// below 1e-7 (where the difference quotient's rounding dominates).
func relativeError(a, b float64) float64 {
	scale := max(math.Abs(a), math.Abs(b))
	if scale < 1e-7 {
		return math.Abs(a - b)
	}
	return math.Abs(a-b) / scale
}

// TestBackendsAgree checks that the default backend (the fast GEMM) and
// the reference loops give the same loss and gradients on 784-32-20-10,
// and that the training and inference paths give the same loss.
func TestBackendsAgree(t *testing.T) {
	sizes := []int{784, 32, 20, 10}
	data := randomData(sizes, 50, 3)
	fast := NewMLP[float64](sizes, ReLU, 4, He)
	ref := fast.Clone()
	ref.Backend = gemm.Ref[float64]{}
	lossFast, lossRef := fast.LossAndGrad(data), ref.LossAndGrad(data)
	inference, _, _ := ref.Evaluate(data, 16)
	worst := 0.0
	for i := range fast.Grads {
		worst = max(worst, math.Abs(fast.Grads[i]-ref.Grads[i]))
	}
	t.Logf("loss %v (fast) %v (reference) %v (inference); max |Δgrad| %.2e", lossFast, lossRef, inference, worst)
	if relativeError(lossFast, lossRef) > 1e-12 || relativeError(inference, lossRef) > 1e-12 || worst > 1e-12 {
		t.Errorf("backends disagree: loss %v vs %v (inference %v), max |Δgrad| %g", lossFast, lossRef, inference, worst)
	}
}
