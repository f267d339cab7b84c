package nn

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/optim"
)

// DefaultDivergenceFactor is the Trainer's DivergenceFactor when it is 0:
// a minibatch loss 100 times the first step's stops training. Cross-entropy
// over ten classes starts near ln 10 ≈ 2.3, so this is a loss of about 230,
// far past anything a run that is still learning shows.
const DefaultDivergenceFactor = 100

// DivergenceError is Fit's error when training goes wrong: a loss that is
// NaN or infinite, a loss that exploded far above its start, or non-finite
// gradients or weights. The step that caused it was not applied: the model
// holds the weights from before it, all finite. Test with errors.As.
type DivergenceError struct {
	Step, Epoch int     // the refused step (from 1) and its epoch (from 1)
	Loss        float64 // the minibatch loss of the refused step
	Reason      string  // what went wrong, in words
	Optimizer   string  // the optimizer's name
	Rate        float64 // its learning rate (NaN without one)
}

func (e *DivergenceError) Error() string {
	rate := "which has no learning rate"
	if !math.IsNaN(e.Rate) {
		rate = fmt.Sprintf("with learning rate %v", e.Rate)
	}
	return fmt.Sprintf("nn: training diverged at step %d (epoch %d): %s, %s %s. "+
		"The lecture's advice: a learning rate set too high makes the error overshoot; "+
		"lower it (try 10× smaller) or gradually reduce it with a schedule",
		e.Step, e.Epoch, e.Reason, e.Optimizer, rate)
}

// NewDivergenceError is the DivergenceError of step (epoch) refused for
// reason with the given loss: opt's name, and its learning rate, or NaN
// when it has none. Fit and nn/gpu's Trainer report through it.
func NewDivergenceError[T optim.Float](step, epoch int, loss float64, reason string, opt optim.Optimizer[T]) *DivergenceError {
	rater, _ := opt.(optim.RateSetter)
	return &DivergenceError{Step: step, Epoch: epoch, Loss: loss, Reason: reason, Optimizer: opt.Name(), Rate: rate(rater)}
}

// guard is the training step's protection, in three cheap checks:
// the loss (finite, and not DivergenceFactor times the first step's), the
// gradient slab (one pass over its bits, before the step) and the
// parameter slab (one pass after the step, which catches an overflowing
// update; the step is then undone from a backup of the slab as it was
// before).
//
// The backup is the costly part: a copy of the whole model every step,
// because the optimizer updates the slab in place and nothing but a copy
// brings back the weights it overwrote. So the copy rides on the pass
// that checks the step's result, while those bits go by (finiteCopy):
// the checked parameters become the next step's backup, and the next
// step copies nothing, provided nothing else can change the parameters
// in between. Two slabs take turns: the backup of the weights before this
// step, and the spare the check fills with the weights after it; they
// swap when the step is accepted. A step after anything else may have
// touched the parameters (the start of Fit, OnStep, the end of an epoch)
// copies them afresh. The price is a second model-sized slab. All passes
// run at the speed of memory, the backup's stores streamed past the
// caches (finite_amd64.s). Only an optimizer that checked its own results
// before writing them could do without a backup; optim.Optimizer has no
// such step.
type guard[T optim.Float] struct {
	backup []T // the parameters before the step, to undo a bad one
	spare  []T // receives the parameters after the step as they are checked
	// current: backup holds the parameters as they are now, the last
	// step's result, which nothing has touched since.
	current bool
}

// DivergenceReason returns the reason to refuse a training step with this
// loss, or "": the loss is NaN or infinite, or it exceeds factor times
// first, the loss of the first step. factor follows Trainer.DivergenceFactor:
// 0 means DefaultDivergenceFactor, a negative value turns the size test off.
// nn.Trainer and the GPU trainer (nn/gpu) apply this one rule.
func DivergenceReason(loss, first, factor float64) string {
	if factor == 0 {
		factor = DefaultDivergenceFactor
	}
	switch {
	case math.IsNaN(loss) || math.IsInf(loss, 0):
		return fmt.Sprintf("loss is %v", loss)
	case factor > 0 && loss > factor*first:
		return fmt.Sprintf("loss %.4g is more than %v× the first step's %.4g", loss, factor, first)
	}
	return ""
}

// step applies opt to params and grads unless the gradients are
// non-finite, and undoes it if it left a non-finite parameter. It returns
// the reason for a refused step, or "". next says that nothing will touch
// params before the next call of step: the backup for that call is then
// made in this call's check.
func (g *guard[T]) step(opt optim.Optimizer[T], params, grads []T, next bool) string {
	if !finite(grads) {
		return "a gradient is NaN or infinite (the loss is finite: look for an Inf or NaN in the inputs)"
	}
	if len(g.backup) != len(params) {
		g.backup, g.current = make([]T, len(params)), false
	}
	if !g.current {
		copy(g.backup, params)
	}
	opt.Step(params, grads)
	var ok bool
	if next {
		if len(g.spare) != len(params) {
			g.spare = make([]T, len(params))
		}
		ok = finiteCopy(g.spare, params)
	} else {
		ok = finite(params)
	}
	if !ok {
		copy(params, g.backup)
		g.current = true
		return "the update made a weight NaN or infinite (the step was undone, the optimizer's state was not)"
	}
	if next {
		g.backup, g.spare = g.spare, g.backup
	}
	g.current = next
	return ""
}

// forget marks the backup stale: something other than a step may change
// the parameters before the next one.
func (g *guard[T]) forget() { g.current = false }
