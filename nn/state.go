package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
	"unsafe"
)

// encodeState is a checkpoint's payload, in this order: element size,
// batch size, layer sizes, activations, loss, parameters; the optimizer's
// name and MarshalBinary; the schedule's MarshalBinary (empty without
// one); the generator as the current epoch began; the counters; the
// history.
func (t *Trainer[T]) encodeState() ([]byte, error) {
	m := t.Model
	opt, err := t.Optimizer.MarshalBinary()
	var sched []byte
	if err == nil && t.Schedule != nil {
		sched, err = t.Schedule.MarshalBinary()
	}
	var gen []byte
	if err == nil {
		gen, err = t.epochStart.MarshalBinary()
	}
	if err != nil {
		return nil, err
	}
	var zero T
	w := &writer{}
	w.int(int(unsafe.Sizeof(zero)), t.BatchSize, len(m.Sizes))
	w.int(m.Sizes...)
	for _, l := range m.Layers {
		w.int(int(l.Act))
	}
	w.int(int(m.Loss))
	putFloats(w, m.Params)
	w.blob([]byte(t.Optimizer.Name()))
	w.blob(opt)
	w.blob(sched)
	w.blob(gen)
	w.int(t.step, t.epoch, t.stepInEpoch, t.epochRows, int(t.elapsed))
	w.f64(t.epochLoss)
	w.int(len(t.History))
	for _, h := range t.History {
		w.int(h.Epoch, h.Steps, int(h.Elapsed))
		w.f64(h.TrainLoss, h.ValLoss, h.ValAccuracy, h.Rate)
	}
	return w.b, nil
}

// decodeState reads what encodeState wrote, checks that it fits the
// Trainer and only then installs it. If the optimizer or the schedule
// refuses its bytes, both are restored from copies taken before.
func (t *Trainer[T]) decodeState(payload []byte) error {
	m := t.Model
	r := &reader{b: payload}
	var zero T
	elem := r.int(0, 8)
	batch := r.int(0, math.MaxInt32)
	layers := r.int(2, len(payload)/8)
	if r.err != nil {
		return r.err
	}
	sizes := make([]int, layers)
	for i := range sizes {
		sizes[i] = r.int(1, math.MaxInt32)
	}
	acts := make([]Activation, len(sizes)-1)
	for i := range acts {
		acts[i] = Activation(r.int(int(Identity), int(Tanh)))
	}
	loss := Loss(r.int(int(CrossEntropy), int(MSE)))
	switch {
	case r.err != nil:
	case elem != int(unsafe.Sizeof(zero)):
		return fmt.Errorf("holds %d-byte elements, the model has %d-byte ones", elem, unsafe.Sizeof(zero))
	case !slices.Equal(sizes, m.Sizes):
		return fmt.Errorf("holds a %v model, the Trainer's is %v", sizes, m.Sizes)
	case batch != t.BatchSize:
		return fmt.Errorf("was trained with batch size %d, the Trainer has %d", batch, t.BatchSize)
	}
	params := getFloats[T](r, len(m.Params))
	name, opt, sched, gen := string(r.blob()), r.blob(), r.blob(), r.blob()
	step, epoch, stepInEpoch := r.int(0, math.MaxInt), r.int(0, math.MaxInt), r.int(0, math.MaxInt)
	epochRows, elapsed, epochLoss := r.int(0, math.MaxInt), r.int(0, math.MaxInt), r.f64()
	history := make([]EpochStats, r.int(0, len(r.b)/56))
	for i := range history {
		h := &history[i]
		h.Epoch, h.Steps, h.Elapsed = r.int(0, math.MaxInt), r.int(0, math.MaxInt), time.Duration(r.int(0, math.MaxInt))
		h.TrainLoss, h.ValLoss, h.ValAccuracy, h.Rate = r.f64(), r.f64(), r.f64(), r.f64()
	}
	var g rand.PCG
	switch {
	case r.err != nil:
		return r.err
	case len(r.b) != 0:
		return fmt.Errorf("%d bytes left after the state", len(r.b))
	case name != t.Optimizer.Name():
		return fmt.Errorf("holds %s state, the Trainer's optimizer is %s", name, t.Optimizer.Name())
	case (len(sched) > 0) != (t.Schedule != nil):
		return fmt.Errorf("schedule in the checkpoint: %v, in the Trainer: %v", len(sched) > 0, t.Schedule != nil)
	}
	if err := g.UnmarshalBinary(gen); err != nil {
		return err
	}
	if err := t.restoreOptimizer(opt, sched); err != nil {
		return err
	}
	copy(m.Params, params)
	for i := range m.Layers {
		m.Layers[i].Act = acts[i]
	}
	m.Loss = loss
	t.epochStart = g
	t.step, t.epoch, t.stepInEpoch, t.epochRows = step, epoch, stepInEpoch, epochRows
	t.elapsed, t.epochLoss, t.History = time.Duration(elapsed), epochLoss, history
	return nil
}

// restoreOptimizer loads the optimizer's and the schedule's state, or
// neither: if one refuses, the other gets back what it had.
func (t *Trainer[T]) restoreOptimizer(opt, sched []byte) error {
	oldOpt, err := t.Optimizer.MarshalBinary()
	if err != nil {
		return err
	}
	if err := t.Optimizer.UnmarshalBinary(opt); err != nil {
		return err
	}
	if t.Schedule == nil {
		return nil
	}
	if err := t.Schedule.UnmarshalBinary(sched); err != nil {
		if back := t.Optimizer.UnmarshalBinary(oldOpt); back != nil {
			return fmt.Errorf("%w (and restoring the optimizer failed: %v)", err, back)
		}
		return err
	}
	return nil
}
