package nn

import (
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/nncourse/optimizers/internal/binenc"
	"github.com/nncourse/optimizers/optim"
)

// Progress is what the Trainer reports after every optimizer step.
type Progress struct {
	Step    int     // steps taken so far, counting this one
	Epoch   int     // the epoch this step belongs to, from 1
	Loss    float64 // the minibatch's mean loss, before the step
	Rate    float64 // the learning rate of the step (NaN without one)
	Elapsed time.Duration
}

// EpochStats is one line of the training history.
type EpochStats struct {
	Epoch     int     // from 1
	Steps     int     // steps taken by the end of the epoch
	TrainLoss float64 // mean minibatch loss over the epoch's rows
	// ValLoss and ValAccuracy are measured on the validation data after
	// the epoch, with the exact weights (NaN without validation data;
	// ValAccuracy is NaN without labels).
	ValLoss, ValAccuracy float64
	Rate                 float64 // the learning rate at the end (NaN without one)
	Elapsed              time.Duration
}

// Trainer trains an MLP with an optimizer on minibatches: each epoch it
// takes one optimizer step per minibatch of the training rows, shuffled
// by Minibatches' rule from the seed, then measures the validation data.
type Trainer[T optim.Float] struct {
	Model     *MLP[T]
	Optimizer optim.Optimizer[T]
	// Schedule, when not nil, sets the optimizer's learning rate before
	// every step (the optimizer must be an optim.RateSetter): the rate
	// given to the optimizer is then replaced by Schedule.Rate(step),
	// from the first step on (Log says so when they differ). If it is an
	// optim.Observer it also sees the validation error after every epoch:
	// 1 − accuracy with labels, the validation loss without.
	Schedule optim.Schedule
	// DivergenceFactor stops Fit with a *DivergenceError when a minibatch
	// loss exceeds DivergenceFactor times the loss of the Trainer's first
	// step (a run that is learning never gets there); 0 means
	// DefaultDivergenceFactor and a negative value turns this check off.
	// A NaN or infinite loss, gradient or weight always stops Fit, and
	// the step that caused it is never applied: the model is never left
	// with non-finite weights.
	DivergenceFactor float64
	// Log, when not nil, receives a line when Fit starts to drive the
	// optimizer's learning rate from Schedule and the schedule's rate
	// differs from the one the optimizer was given.
	Log io.Writer
	// ClipNorm, when > 0, scales every minibatch's gradient down to this
	// global Euclidean norm when it is longer, before the step
	// (optim.ClipGradNorm, torch's clip_grad_norm_); 0 does not clip.
	ClipNorm float64
	// BatchSize is the number of rows per minibatch; the last minibatch
	// of an epoch holds the remainder.
	BatchSize int
	// Epochs is how many epochs Fit trains to, counting those already done.
	Epochs int
	// OnStep, when not nil, is called after every step (live plots,
	// progress bars). A non-nil error stops Fit, which returns it; the
	// Trainer is then consistent and may be checkpointed and resumed.
	// OnStep may change the model's parameters: the divergence guard
	// then backs them up afresh before every step, a copy of the model
	// that steps without OnStep make while checking the previous result.
	OnStep func(Progress) error
	// History has one line per finished epoch.
	History []EpochStats

	step, epoch int     // steps taken; epochs finished
	stepInEpoch int     // steps taken in the current epoch
	epochLoss   float64 // Σ rows × minibatch loss in the current epoch
	firstLoss   float64 // the loss of the Trainer's first step
	guard       guard[T]
	epochRows   int // rows seen in the current epoch
	elapsed     time.Duration
	batches     Minibatches[T] // the training rows, shuffled by the seeded generator
	exact       []T            // exact weights of a look-ahead optimizer
}

// NewTrainer returns a Trainer whose minibatches are shuffled as
// Minibatches with this Seed shuffles them.
func NewTrainer[T optim.Float](m *MLP[T], opt optim.Optimizer[T], batchSize, epochs int, seed uint64) *Trainer[T] {
	if batchSize < 1 {
		panic(fmt.Sprintf("nn: NewTrainer: BatchSize must be ≥ 1, got %d", batchSize))
	}
	return &Trainer[T]{Model: m, Optimizer: opt, BatchSize: batchSize, Epochs: epochs,
		batches: Minibatches[T]{Seed: seed}}
}

// Step is the number of optimizer steps taken so far.
func (t *Trainer[T]) Step() int { return t.step }

// ErrStop may be returned by OnStep to stop Fit; Fit then returns nil.
var ErrStop = errors.New("nn: training stopped by OnStep")

// Fit trains until Epochs epochs are done, resuming where the Trainer
// stands (after a stop or a checkpoint). It returns an error for data that
// does not fit the model, a schedule without a learning rate to set, an
// error from OnStep, or a *DivergenceError (see DivergenceFactor):
// training then stops before the step is applied.
func (t *Trainer[T]) Fit(train, val Data[T]) error {
	m := t.Model
	in, out := m.In(), m.Out()
	if err := binenc.FirstError(train.Check(in, out, m.Loss), val.Check(in, out, m.Loss)); err != nil {
		return err
	}
	rows := train.Rows(in)
	if rows == 0 || t.BatchSize < 1 {
		return fmt.Errorf("nn: Fit: %d training rows, batch size %d: need at least 1 of each", rows, t.BatchSize)
	}
	rater, _ := t.Optimizer.(optim.RateSetter)
	if t.Schedule != nil && rater == nil {
		return fmt.Errorf("nn: Fit: a schedule needs a learning rate to set, and %s has none", t.Optimizer.Name())
	}
	t.batches.Data, t.batches.Width, t.batches.BatchSize = lossData(train, m.Loss), in, t.BatchSize
	if t.Schedule != nil && t.Log != nil {
		if lr, want := rater.LearningRate(), t.Schedule.Rate(t.step); lr != want {
			fmt.Fprintf(t.Log, "nn: Fit: the schedule drives %s's learning rate: %v at step %d, replacing the %v it was given\n",
				t.Optimizer.Name(), want, t.step, lr)
		}
	}
	steps := t.batches.NumBatches()
	t.guard.forget() // the parameters may have changed since the last Fit
	began := time.Now()
	defer func() { t.elapsed += time.Since(began) }()
	for t.epoch < t.Epochs {
		for ; t.stepInEpoch < steps; t.stepInEpoch++ {
			batch := t.batches.Batch(t.epoch, t.stepInEpoch)
			if t.Schedule != nil {
				rater.SetLearningRate(t.Schedule.Rate(t.step))
			}
			loss := m.LossAndGrad(batch)
			if t.step == 0 {
				t.firstLoss = loss
			}
			reason := DivergenceReason(loss, t.firstLoss, t.DivergenceFactor)
			if reason == "" {
				if t.ClipNorm > 0 {
					optim.ClipGradNorm(m.Grads, t.ClipNorm) // an infinite gradient becomes NaN here, which the guard reports
				}
				// Only Fit touches the parameters until the next step of this epoch unless OnStep may.
				next := t.OnStep == nil && t.stepInEpoch+1 < steps
				reason = t.guard.step(t.Optimizer, m.Params, m.Grads, next)
			}
			if reason != "" {
				return NewDivergenceError(t.step+1, t.epoch+1, loss, reason, t.Optimizer)
			}
			t.step++
			n := batch.Rows(in)
			t.epochLoss += loss * float64(n)
			t.epochRows += n
			if t.OnStep == nil {
				continue
			}
			p := Progress{t.step, t.epoch + 1, loss, rate(rater), t.elapsed + time.Since(began)}
			if err := t.OnStep(p); err != nil {
				t.stepInEpoch++
				if err == ErrStop {
					return nil
				}
				return err
			}
		}
		if err := t.endEpoch(val, rater, began); err != nil {
			return err
		}
	}
	return nil
}

// lossData is d with only what the loss reads: Labels for CrossEntropy,
// Targets for MSE, so that minibatches gather nothing else.
func lossData[T optim.Float](d Data[T], loss Loss) Data[T] {
	if loss == CrossEntropy {
		d.Targets = nil
	} else {
		d.Labels = nil
	}
	return d
}

// endEpoch validates, records the epoch in History and lets an Observer
// schedule see the validation error.
func (t *Trainer[T]) endEpoch(val Data[T], rater optim.RateSetter, began time.Time) error {
	vloss, vacc, err := t.Evaluate(val)
	if err != nil {
		return err
	}
	t.epoch++
	t.History = append(t.History, EpochStats{
		Epoch: t.epoch, Steps: t.step, TrainLoss: t.epochLoss / float64(t.epochRows),
		ValLoss: vloss, ValAccuracy: vacc, Rate: rate(rater),
		Elapsed: t.elapsed + time.Since(began),
	})
	if obs, ok := t.Schedule.(optim.Observer); ok && !math.IsNaN(vloss) {
		if math.IsNaN(vacc) {
			obs.Observe(vloss)
		} else {
			obs.Observe(1 - vacc)
		}
	}
	t.stepInEpoch, t.epochLoss, t.epochRows = 0, 0, 0
	return nil
}

// rate is the optimizer's learning rate, or NaN when it has none.
func rate(r optim.RateSetter) float64 {
	if r == nil {
		return math.NaN()
	}
	return r.LearningRate()
}
