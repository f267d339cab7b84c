package nn

import (
	"bytes"
	"errors"
	"testing"

	"github.com/nncourse/optimizers/internal/binenc"
	"github.com/nncourse/optimizers/optim"
)

// fuzzTrainers are the Trainers FuzzDecodeState loads into, chosen by the
// input's first byte: optimizers with and without state vectors, bit-sets
// (Rprop) and a look-ahead (Nesterov), with and without schedules.
func fuzzTrainers() []func() *Trainer[float64] {
	small := func(opt optim.Optimizer[float64], sched optim.Schedule) func() *Trainer[float64] {
		return func() *Trainer[float64] {
			tr := NewTrainer(NewMLP[float64]([]int{3, 2, 2}, Tanh, 1, Xavier), opt, 4, 2, 1)
			tr.Schedule = sched
			return tr
		}
	}
	return []func() *Trainer[float64]{
		small(optim.NewAdam[float64](), nil),
		small(optim.NewMomentum[float64](), optim.NewExponential(0.1, 0.9)),
		small(optim.NewRprop[float64](), nil),
		small(optim.NewNesterov[float64](), optim.NewInverseTime(0.1, 0.5)),
		small(optim.NewSGD[float64](), optim.NewValidationDriven(0.1)),
	}
}

// trainedState is the checkpoint payload of trainer k after one epoch.
func trainedState(tb testing.TB, k int) []byte {
	tr := fuzzTrainers()[k]()
	tr.Epochs = 1
	if err := tr.Fit(randomData(tr.Model.Sizes, 9, 1), randomData(tr.Model.Sizes, 3, 2)); err != nil {
		tb.Fatal(err)
	}
	b, err := tr.encodeState()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// FuzzDecodeState feeds arbitrary payloads to the checkpoint decoder, past
// the checksum (which a forger computes anyway): model, batch size,
// optimizer state, schedule, generator, counters and history. It must
// never panic nor allocate beyond the payload's size, must leave the
// Trainer unchanged on error, and must accept only what it writes back
// identically.
func FuzzDecodeState(f *testing.F) {
	for k := range fuzzTrainers() {
		f.Add(byte(k), trainedState(f, k))
	}
	f.Fuzz(func(t *testing.T, which byte, payload []byte) {
		trainers := fuzzTrainers()
		tr := trainers[int(which)%len(trainers)]()
		before, err := tr.encodeState()
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.decodeState(payload); err != nil {
			if !errors.Is(err, ErrCorruptCheckpoint) && !errors.Is(err, ErrCheckpointMismatch) {
				t.Fatalf("error %v wraps neither ErrCorruptCheckpoint nor ErrCheckpointMismatch", err)
			}
			if after, _ := tr.encodeState(); !bytes.Equal(after, before) {
				t.Fatalf("refused payload changed the Trainer: %v", err)
			}
			return
		}
		if after, _ := tr.encodeState(); !bytes.Equal(after, payload) {
			t.Fatalf("accepted payload of %d bytes writes back as %d other bytes", len(payload), len(after))
		}
	})
}

// FuzzDecodeModel feeds arbitrary payloads to the model file's decoder.
func FuzzDecodeModel(f *testing.F) {
	f.Add(appendModel(nil, NewMLP[float64]([]int{3, 2, 2}, ReLU, 1, He)))
	f.Add(appendModel(nil, NewMLP[float64]([]int{784, 1, 10}, Tanh, 1, Xavier)))
	f.Fuzz(func(t *testing.T, payload []byte) {
		r, err := decodeModel[float64](binenc.NewDecoder(payload))
		if err != nil {
			if r != nil {
				t.Fatalf("error %v with a model", err)
			}
			return
		}
		if n := ParamCount(r.sizes); len(r.params) != n {
			t.Fatalf("%v model with %d parameters, want %d", r.sizes, len(r.params), n)
		}
		if 8*len(r.params)+8*len(r.sizes) > len(payload) {
			t.Fatalf("%d parameters decoded from %d bytes", len(r.params), len(payload))
		}
	})
}
