package nn

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/internal/binenc"
	"github.com/nncourse/optimizers/optim"
)

// modelRecord is a model as a file holds it: the architecture and the
// parameters.
type modelRecord[T optim.Float] struct {
	sizes  []int
	acts   []Activation
	loss   Loss
	params []T
}

// appendModel appends the model part of a checkpoint or model file, in
// this order: element size, number of sizes, layer sizes, activations,
// loss, parameters.
func appendModel[T optim.Float](b []byte, m *MLP[T]) []byte {
	b = binenc.AppendInt(b, binenc.SizeOf[T](), len(m.Sizes))
	b = binenc.AppendInt(b, m.Sizes...)
	for _, l := range m.Layers {
		b = binenc.AppendInt(b, int(l.Act))
	}
	b = binenc.AppendInt(b, int(m.Loss))
	return binenc.AppendFloats(b, m.Params)
}

// decodeModel reads what appendModel wrote. Every count is bounded by the
// bytes left before anything is allocated: the number of sizes by 8 bytes
// each, the parameters by the element size.
func decodeModel[T optim.Float](d *binenc.Decoder) (*modelRecord[T], error) {
	elem := d.IntIn(0, 8)
	n := d.Count(8)
	if d.Err() == nil && n < 2 {
		d.Fail(fmt.Errorf("%d layer sizes, need at least 2", n))
	}
	r := &modelRecord[T]{}
	if d.Err() == nil {
		r.sizes = make([]int, n)
		r.acts = make([]Activation, n-1)
	}
	for i := range r.sizes {
		r.sizes[i] = d.IntIn(1, math.MaxInt32)
	}
	for i := range r.acts {
		r.acts[i] = Activation(d.IntIn(int(Identity), int(Tanh)))
	}
	r.loss = Loss(d.IntIn(int(CrossEntropy), int(MSE)))
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptCheckpoint, err)
	}
	if elem != binenc.SizeOf[T]() {
		return nil, fmt.Errorf("%w: holds %d-byte elements, the model has %d-byte ones", ErrCheckpointMismatch, elem, binenc.SizeOf[T]())
	}
	count, ok := boundedParamCount(r.sizes, d.Left()/elem)
	if !ok {
		return nil, fmt.Errorf("%w: truncated: a %v model needs more parameters than the %d bytes left hold", ErrCorruptCheckpoint, r.sizes, d.Left())
	}
	if r.params = binenc.Floats[T](d, count); d.Err() != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptCheckpoint, d.Err())
	}
	return r, nil
}

// boundedParamCount is ParamCount(sizes), or ok false if it exceeds
// limit (checked at every layer, so it never overflows).
func boundedParamCount(sizes []int, limit int) (n int, ok bool) {
	for l := 0; l+1 < len(sizes); l++ {
		if sizes[l] > limit/sizes[l+1] {
			return 0, false
		}
		n += sizes[l]*sizes[l+1] + sizes[l+1]
		if n > limit {
			return 0, false
		}
	}
	return n, true
}

// Save writes the model alone, its architecture and parameters, to path
// (atomically, as SaveCheckpoint does), for inference or to start another
// training from. LoadMLP reads it back. The Backend is not saved.
func (m *MLP[T]) Save(path string) error {
	if err := writeAtomic(path, frame(modelMagic, appendModel(nil, m))); err != nil {
		return fmt.Errorf("nn: model %s: %w", path, err)
	}
	return nil
}

// LoadMLP reads a model Save wrote, with the default Backend. The element
// type must be the one it was saved with. A file that is not an intact
// model file gives an error wrapping ErrCorruptCheckpoint.
func LoadMLP[T optim.Float](path string) (*MLP[T], error) {
	payload, err := readFramed(path, modelMagic)
	var r *modelRecord[T]
	if err == nil {
		d := binenc.NewDecoder(payload)
		if r, err = decodeModel[T](d); err == nil && d.Done() != nil {
			err = fmt.Errorf("%w: %w", ErrCorruptCheckpoint, d.Done())
		}
	}
	if err != nil {
		return nil, fmt.Errorf("nn: model %s: %w", path, err)
	}
	m := NewMLP[T](r.sizes, Identity, 0, He)
	for i := range m.Layers {
		m.Layers[i].Act = r.acts[i]
	}
	m.Loss = r.loss
	copy(m.Params, r.params)
	return m, nil
}
