package nn

import (
	"math"

	"github.com/nncourse/optimizers/optim"
)

// evalBatch is how many rows Evaluate predicts at a time.
const evalBatch = 256

// Evaluate returns the model's mean loss and accuracy on d (NaN for an
// empty d) with the exact weights: for an optimizer that looks ahead
// (optim.LookAhead, Nesterov), the parameter slab holds the projection
// where the next gradient is taken, and Evaluate swaps in the weights the
// optimizer keeps for the time of the measurement.
func (t *Trainer[T]) Evaluate(d Data[T]) (loss, accuracy float64, err error) {
	if d.Rows(t.Model.In()) == 0 {
		return math.NaN(), math.NaN(), nil
	}
	m := t.Model
	if t.exactWeights() {
		params := m.Params
		m.bind(t.exact, m.Grads)
		defer m.bind(params, m.Grads)
	}
	return m.Evaluate(d, evalBatch)
}

// exactWeights copies a look-ahead optimizer's exact weights into t.exact
// and reports whether it did. For other optimizers the slab holds the
// weights themselves.
func (t *Trainer[T]) exactWeights() bool {
	la, ok := t.Optimizer.(optim.LookAhead[T])
	if !ok {
		return false
	}
	if len(t.exact) != len(t.Model.Params) {
		t.exact = make([]T, len(t.Model.Params))
	}
	la.Weights(t.exact, t.Model.Params)
	return true
}

// InferenceModel returns the trained model for inference and export: the
// Trainer's own model, or, for an optimizer that looks ahead, a copy
// holding the exact weights.
func (t *Trainer[T]) InferenceModel() *MLP[T] {
	if !t.exactWeights() {
		return t.Model
	}
	c := t.Model.Clone()
	copy(c.Params, t.exact)
	return c
}
