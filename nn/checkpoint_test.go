package nn

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/internal/binenc"
	"github.com/nncourse/optimizers/optim"
)

// sameBits reports whether two float64 slices are equal bit for bit.
func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

// sameHistory compares histories bit for bit, except for the times.
func sameHistory(a, b []EpochStats) bool {
	return slices.EqualFunc(a, b, func(x, y EpochStats) bool {
		return x.Epoch == y.Epoch && x.Steps == y.Steps && sameBits(
			[]float64{x.TrainLoss, x.ValLoss, x.ValAccuracy, x.Rate},
			[]float64{y.TrainLoss, y.ValLoss, y.ValAccuracy, y.Rate})
	})
}

// TestResumeIsBitIdentical stops training at several steps (first, middle
// and last of an epoch), saves a checkpoint, loads it into a Trainer built
// with other seeds and finishes: parameters and history must be those of
// uninterrupted training, bit for bit.
func TestResumeIsBitIdentical(t *testing.T) {
	type setup struct {
		name  string
		opt   func() optim.Optimizer[float64]
		sched func() optim.Schedule
	}
	setups := []setup{
		{"Momentum+ValidationDriven", func() optim.Optimizer[float64] { return optim.NewMomentum[float64]() },
			func() optim.Schedule { return optim.NewValidationDriven(0.05) }},
		{"Nesterov+Step", func() optim.Optimizer[float64] { return optim.NewNesterov[float64]() },
			func() optim.Schedule { return optim.NewStepDecay(0.1, 0.5, 4) }},
		{"Adam", func() optim.Optimizer[float64] { return optim.NewAdam[float64]() }, func() optim.Schedule { return nil }},
		{"Rprop", func() optim.Optimizer[float64] { return optim.NewRprop[float64]() }, func() optim.Schedule { return nil }},
	}
	train, val := randomData(testSizes, 37, 1), randomData(testSizes, 11, 2)
	path := filepath.Join(t.TempDir(), "ckpt")
	for _, s := range setups {
		whole := newTestTrainer(s.opt(), s.sched(), 1)
		if err := whole.Fit(train, val); err != nil {
			t.Fatal(err)
		}
		for _, stop := range []int{1, 3, 5, 6, 14, 15} { // 5 steps per epoch
			first := newTestTrainer(s.opt(), s.sched(), 1)
			first.OnStep = func(p Progress) error {
				if p.Step == stop {
					return ErrStop
				}
				return nil
			}
			second := newTestTrainer(s.opt(), s.sched(), 99)
			err := binenc.FirstError(first.Fit(train, val), first.SaveCheckpoint(path), second.LoadCheckpoint(path))
			if err == nil {
				err = second.Fit(train, val)
			}
			if err != nil {
				t.Fatalf("%s stop=%d: %v", s.name, stop, err)
			}
			if !sameBits(second.Model.Params, whole.Model.Params) || !sameHistory(second.History, whole.History) {
				t.Errorf("%s stop=%d: resumed training differs from uninterrupted training", s.name, stop)
			}
		}
	}
}

// savedSmall trains a small model for an epoch and returns its trainer
// and its checkpoint's bytes.
func savedSmall(t *testing.T, path string) (*Trainer[float64], []byte) {
	t.Helper()
	tr := newTestTrainer(optim.NewMomentum[float64](), optim.NewConstant(0.01), 1)
	tr.Model = NewMLP[float64]([]int{5, 2, 3}, ReLU, 1, He)
	tr.Epochs = 1
	err := binenc.FirstError(tr.Fit(randomData(tr.Model.Sizes, 9, 1), Data[float64]{}), tr.SaveCheckpoint(path))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return tr, b
}

// fingerprint is a Trainer's whole state as bytes, to check that a failed
// load changed nothing.
func fingerprint(t *testing.T, tr *Trainer[float64]) []byte {
	b, err := tr.encodeState()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// loadMustFail writes data to path, loads it into tr and checks for an
// error that names the problem and leaves tr unchanged.
func loadMustFail(t *testing.T, tr *Trainer[float64], path string, data []byte, what string) {
	t.Helper()
	before := fingerprint(t, tr)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	err := tr.LoadCheckpoint(path)
	if err == nil {
		t.Fatalf("%s: loaded without error", what)
	}
	msg := err.Error()
	if !strings.Contains(msg, "truncated") && !strings.Contains(msg, "checksum") && !strings.Contains(msg, "bytes past") &&
		!strings.Contains(msg, "magic") && !strings.Contains(msg, "version") {
		t.Errorf("%s: error %q does not name the problem", what, msg)
	}
	if !bytes.Equal(fingerprint(t, tr), before) {
		t.Fatalf("%s: the failed load changed the Trainer", what)
	}
}

// TestCheckpointTruncated loads every prefix of a small checkpoint.
func TestCheckpointTruncated(t *testing.T) {
	dir := t.TempDir()
	tr, good := savedSmall(t, filepath.Join(dir, "good"))
	t.Logf("checkpoint of %v: %d bytes, every prefix refused", tr.Model.Sizes, len(good))
	for n := range len(good) {
		loadMustFail(t, tr, filepath.Join(dir, "bad"), good[:n], fmt.Sprintf("prefix of %d bytes", n))
	}
	loadMustFail(t, tr, filepath.Join(dir, "bad"), append(slices.Clone(good), 0), "one byte appended")
}

// TestCheckpointBitFlips flips one, two or three random bits of a small
// checkpoint, 600 times.
func TestCheckpointBitFlips(t *testing.T) {
	dir := t.TempDir()
	tr, good := savedSmall(t, filepath.Join(dir, "good"))
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 600 {
		bad := slices.Clone(good)
		for range 1 + i%3 {
			bit := r.IntN(8 * len(bad))
			bad[bit/8] ^= 1 << (bit % 8)
		}
		loadMustFail(t, tr, filepath.Join(dir, "bad"), bad, fmt.Sprintf("flip %d", i))
	}
}

// TestCheckpointMismatch checks that a checkpoint of another model,
// optimizer or batch size is refused with a clear error.
func TestCheckpointMismatch(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ckpt")
	_, _ = savedSmall(t, path)
	for i, c := range []struct {
		tr   *Trainer[float64]
		want string
	}{
		{newTestTrainer(optim.NewMomentum[float64](), optim.NewConstant(0.01), 1), "model"},
		{newTestTrainer(optim.NewAdam[float64](), optim.NewConstant(0.01), 1), "Adam"},
		{newTestTrainer(optim.NewMomentum[float64](), nil, 1), "schedule"},
	} {
		if c.want != "model" {
			c.tr.Model = NewMLP[float64]([]int{5, 2, 3}, ReLU, 1, He)
		}
		err := c.tr.LoadCheckpoint(path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%d: error %v, want one naming %q", i, err, c.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after an atomic save, want 1", len(entries))
	}
}

// TestCheckpointRefusedState checks the case the checksum cannot catch: a
// well-formed file whose optimizer or schedule state is refused (here an
// invalid μ or rate, in a file whose weights and η also differ). The load
// must fail and leave the Trainer as it was: its weights, its optimizer
// and its schedule.
func TestCheckpointRefusedState(t *testing.T) {
	dir := t.TempDir()
	for i, spoil := range []func(*Trainer[float64]){
		func(tr *Trainer[float64]) { tr.Optimizer.(*optim.Momentum[float64]).Mu = 1.5 },
		func(tr *Trainer[float64]) { tr.Schedule.(*optim.Constant).LR = -1 },
	} {
		path := filepath.Join(dir, fmt.Sprint(i))
		bad, _ := savedSmall(t, path)
		bad.Model.Params[0]++
		bad.Optimizer.(optim.RateSetter).SetLearningRate(0.5)
		spoil(bad)
		if err := bad.SaveCheckpoint(path); err != nil {
			t.Fatal(err)
		}
		tr, _ := savedSmall(t, filepath.Join(dir, "good"))
		before := fingerprint(t, tr)
		err := tr.LoadCheckpoint(path)
		t.Logf("%d: %v", i, err)
		if err == nil || !bytes.Equal(fingerprint(t, tr), before) {
			t.Errorf("%d: load returned %v; the Trainer must be unchanged after a refused load", i, err)
		}
	}
}
