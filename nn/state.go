package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/nncourse/optimizers/internal/binenc"
)

// historyBytes is the size of one EpochStats in a checkpoint: three ints
// and four floats.
const historyBytes = 7 * 8

// encodeState is a checkpoint's payload, in this order: the model (see
// appendModel); the batch size; the optimizer's name and MarshalBinary;
// the schedule's MarshalBinary (empty without one); the generator as the
// current epoch began; the counters and the first step's loss; the
// history.
func (t *Trainer[T]) encodeState() ([]byte, error) {
	opt, err := t.Optimizer.MarshalBinary()
	var sched []byte
	if err == nil && t.Schedule != nil {
		sched, err = t.Schedule.MarshalBinary()
	}
	var gen []byte
	if err == nil {
		g := t.batches.Generator(t.epoch)
		gen, err = g.MarshalBinary()
	}
	if err != nil {
		return nil, err
	}
	b := appendModel(nil, t.Model)
	b = binenc.AppendInt(b, t.BatchSize)
	b = binenc.AppendBlob(b, []byte(t.Optimizer.Name()))
	b = binenc.AppendBlob(b, opt)
	b = binenc.AppendBlob(b, sched)
	b = binenc.AppendBlob(b, gen)
	b = binenc.AppendInt(b, t.step, t.epoch, t.stepInEpoch, t.epochRows, int(t.elapsed))
	b = binenc.AppendFloat64(b, t.epochLoss, t.firstLoss)
	b = binenc.AppendInt(b, len(t.History))
	for _, h := range t.History {
		b = binenc.AppendInt(b, h.Epoch, h.Steps, int(h.Elapsed))
		b = binenc.AppendFloat64(b, h.TrainLoss, h.ValLoss, h.ValAccuracy, h.Rate)
	}
	return b, nil
}

// decodeState reads what encodeState wrote, checks that it fits the
// Trainer and only then installs it. If the optimizer or the schedule
// refuses its bytes, both are restored from copies taken before.
func (t *Trainer[T]) decodeState(payload []byte) error {
	m := t.Model
	d := binenc.NewDecoder(payload)
	model, err := decodeModel[T](d)
	if err != nil {
		return err
	}
	batch := d.IntIn(0, math.MaxInt32)
	switch {
	case d.Err() != nil:
	case !slices.Equal(model.sizes, m.Sizes):
		return fmt.Errorf("%w: holds a %v model, the Trainer's is %v", ErrCheckpointMismatch, model.sizes, m.Sizes)
	case batch != t.BatchSize:
		return fmt.Errorf("%w: was trained with batch size %d, the Trainer has %d", ErrCheckpointMismatch, batch, t.BatchSize)
	}
	name, opt, sched, gen := string(d.Blob()), d.Blob(), d.Blob(), d.Blob()
	var step, epoch, stepInEpoch, epochRows, elapsed int
	var epochLoss, firstLoss float64
	d.Int(&step, &epoch, &stepInEpoch, &epochRows, &elapsed)
	d.Float64(&epochLoss, &firstLoss)
	history := make([]EpochStats, d.Count(historyBytes))
	for i := range history {
		h := &history[i]
		var ns int
		d.Int(&h.Epoch, &h.Steps, &ns)
		h.Elapsed = time.Duration(ns)
		d.Float64(&h.TrainLoss, &h.ValLoss, &h.ValAccuracy, &h.Rate)
	}
	var g rand.PCG
	if err := d.Done(); err != nil {
		return fmt.Errorf("%w: %w", ErrCorruptCheckpoint, err)
	}
	if step < 0 || epoch < 0 || stepInEpoch < 0 || epochRows < 0 || elapsed < 0 {
		return fmt.Errorf("%w: negative counters (step %d, epoch %d, step in epoch %d, rows %d, elapsed %d)",
			ErrCorruptCheckpoint, step, epoch, stepInEpoch, epochRows, elapsed)
	}
	switch {
	case name != t.Optimizer.Name():
		return fmt.Errorf("%w: holds %s state, the Trainer's optimizer is %s", ErrCheckpointMismatch, name, t.Optimizer.Name())
	case (len(sched) > 0) != (t.Schedule != nil):
		return fmt.Errorf("%w: schedule in the checkpoint: %v, in the Trainer: %v", ErrCheckpointMismatch, len(sched) > 0, t.Schedule != nil)
	}
	if err := g.UnmarshalBinary(gen); err != nil {
		return fmt.Errorf("%w: generator: %w", ErrCorruptCheckpoint, err)
	}
	if err := t.restoreOptimizer(opt, sched); err != nil {
		return err
	}
	copy(m.Params, model.params)
	for i := range m.Layers {
		m.Layers[i].Act = model.acts[i]
	}
	m.Loss = model.loss
	t.batches.SetGenerator(epoch, g)
	t.step, t.epoch, t.stepInEpoch, t.epochRows = step, epoch, stepInEpoch, epochRows
	t.elapsed, t.epochLoss, t.firstLoss, t.History = time.Duration(elapsed), epochLoss, firstLoss, history
	return nil
}

// restoreOptimizer loads the optimizer's and the schedule's state, or
// neither: if one refuses, or the optimizer's state is sized for another
// number of parameters than the model has, both get back what they had.
func (t *Trainer[T]) restoreOptimizer(opt, sched []byte) error {
	oldOpt, err := t.Optimizer.MarshalBinary()
	if err != nil {
		return err
	}
	if err := t.Optimizer.UnmarshalBinary(opt); err != nil {
		return fmt.Errorf("%w: %w", ErrCorruptCheckpoint, err)
	}
	err = t.stateFits(opt)
	if err == nil && t.Schedule != nil {
		if err = t.Schedule.UnmarshalBinary(sched); err != nil {
			err = fmt.Errorf("%w: %w", ErrCorruptCheckpoint, err)
		}
	}
	if err != nil {
		if back := t.Optimizer.UnmarshalBinary(oldOpt); back != nil {
			return fmt.Errorf("%w (and restoring the optimizer failed: %v)", err, back)
		}
	}
	return err
}

// stateFits checks that the optimizer, just loaded from opt, holds state
// for the model's number of parameters, so that a wrong-sized state is
// refused at load time and not as a panic inside Fit. The Optimizer
// interface does not expose the size, so it takes one step on scratch
// slabs of the model's size (an optimizer panics on a size other than its
// state's) and then reloads opt, undoing the step.
func (t *Trainer[T]) stateFits(opt []byte) (err error) {
	n := len(t.Model.Params)
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%w: optimizer state does not fit the %d-parameter model: %v", ErrCheckpointMismatch, n, r)
			}
		}()
		t.Optimizer.Step(make([]T, n), make([]T, n))
	}()
	return binenc.FirstError(err, t.Optimizer.UnmarshalBinary(opt))
}
