package nn

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
)

// Data is a dataset as plain slices, row-major: row r of X is one input of
// In features, X[r*In : (r+1)*In].
//
// CrossEntropy needs Labels (class indices); MSE needs Targets (rows of
// Out reals). Labels, when present, also give an accuracy (the arg-max of
// the output row against the label).
type Data[T optim.Float] struct {
	X       []T
	Labels  []int
	Targets []T
}

// Rows is the number of examples, len(X)/in.
func (d Data[T]) Rows(in int) int { return len(d.X) / in }

// Check returns an error unless d fits a model with in inputs, out outputs
// and the given loss: X a whole number of rows, one label per row in
// [0, out), out targets per row, and what the loss needs (Labels for
// CrossEntropy, Targets for MSE). LossAndGrad, Evaluate and Trainer.Fit
// call it; so does any other trainer of an MLP (nn/gpu), for the same
// messages.
func (d Data[T]) Check(in, out int, loss Loss) error {
	if w, ok := d.width(out); ok && w != in {
		return fmt.Errorf("nn: data: the model expects %d inputs, the data has %d (%d values in X for %d rows)", in, w, len(d.X), len(d.X)/w)
	}
	if len(d.X)%in != 0 {
		return fmt.Errorf("nn: data: len(X)=%d is not a multiple of the %d inputs", len(d.X), in)
	}
	rows := len(d.X) / in
	if d.Labels != nil && len(d.Labels) != rows {
		return fmt.Errorf("nn: data: %d rows but %d labels", rows, len(d.Labels))
	}
	for i, c := range d.Labels {
		if c < 0 || c >= out {
			return fmt.Errorf("nn: data: label %d of row %d is outside [0,%d)", c, i, out)
		}
	}
	if d.Targets != nil && len(d.Targets) != rows*out {
		return fmt.Errorf("nn: data: %d rows need %d targets, got %d", rows, rows*out, len(d.Targets))
	}
	if loss == CrossEntropy && d.Labels == nil && rows > 0 {
		return fmt.Errorf("nn: data: %v needs Labels", loss)
	}
	if loss == MSE && d.Targets == nil && rows > 0 {
		return fmt.Errorf("nn: data: %v needs Targets", loss)
	}
	return nil
}

// width is the number of inputs per row, when the labels or the targets
// (of out values per row) tell the number of rows.
func (d Data[T]) width(out int) (int, bool) {
	rows := len(d.Labels)
	if d.Labels == nil && out > 0 && len(d.Targets)%out == 0 {
		rows = len(d.Targets) / out
	}
	if rows == 0 || len(d.X)%rows != 0 {
		return 0, false
	}
	return len(d.X) / rows, true
}
