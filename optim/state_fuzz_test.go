package optim

import (
	"bytes"
	"encoding"
	"errors"
	"testing"
)

// fuzzStates are the records FuzzUnmarshalState decodes into, chosen by
// the input's first byte: optimizers with vectors, bit-sets (Rprop) and
// none (SGD), in both element types, and schedules.
func fuzzStates() []func() encoding.BinaryUnmarshaler {
	return []func() encoding.BinaryUnmarshaler{
		func() encoding.BinaryUnmarshaler { return NewAdam[float64]() },
		func() encoding.BinaryUnmarshaler { return NewAdam[float32]() },
		func() encoding.BinaryUnmarshaler { return NewRprop[float64]() },
		func() encoding.BinaryUnmarshaler { return NewNesterov[float32]() },
		func() encoding.BinaryUnmarshaler { return NewAdadelta[float64]() },
		func() encoding.BinaryUnmarshaler { return NewSGD[float64]() },
		func() encoding.BinaryUnmarshaler { return NewExponential(0.1, 0.9) },
		func() encoding.BinaryUnmarshaler { return NewValidationDriven(0.1) },
	}
}

// FuzzUnmarshalState feeds arbitrary bytes to the optimizers' and
// schedules' UnmarshalBinary: no panic, no allocation beyond the input's
// size (counts are bounded by the bytes left), every refusal wraps
// ErrBadState or is a range error, and what is accepted marshals back to
// the same bytes.
func FuzzUnmarshalState(f *testing.F) {
	for k, fresh := range fuzzStates() {
		rec := fresh()
		if o, ok := rec.(Optimizer[float64]); ok {
			stepRandom(o, make([]float64, 70), 3, 1)
		}
		if o, ok := rec.(Optimizer[float32]); ok {
			stepRandom(o, make([]float32, 70), 3, 1)
		}
		b, err := rec.(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(byte(k), b)
	}
	f.Fuzz(func(t *testing.T, which byte, data []byte) {
		states := fuzzStates()
		rec := states[int(which)%len(states)]()
		before, _ := rec.(encoding.BinaryMarshaler).MarshalBinary()
		if err := rec.UnmarshalBinary(data); err != nil {
			after, _ := rec.(encoding.BinaryMarshaler).MarshalBinary()
			if !bytes.Equal(after, before) {
				t.Fatalf("refused bytes changed the record: %v", err)
			}
			if errors.Is(err, ErrTruncatedState) && !errors.Is(err, ErrBadState) {
				t.Fatalf("truncation %v does not wrap ErrBadState", err)
			}
			return
		}
		if again, _ := rec.(encoding.BinaryMarshaler).MarshalBinary(); !bytes.Equal(again, data) {
			t.Fatalf("accepted %d bytes that marshal back as %d other bytes", len(data), len(again))
		}
	})
}
