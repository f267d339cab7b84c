package nn

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"github.com/nncourse/optimizers/internal/binenc"
	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// goldenCase is a fixed-seed training run whose result is pinned by a
// hash: the Trainer's shuffles, and so every trained number of the
// course (the committed reproduction, the lessons), depend on it.
type goldenCase struct {
	name      string
	loss      Loss
	optimizer string // the Name of one of optim.All
	float32   bool   // train in float32, not float64
	// want is the hash of the weights and history, recorded on the
	// Trainer of commit c0d2a17 (before the minibatch source moved).
	want string
}

var goldenCases = []goldenCase{
	{"CrossEntropy/Adam/float64", CrossEntropy, "Adam", false, "45e0cd20399481a2"},
	{"MSE/Momentum/float64", MSE, "Momentum", false, "7e5ff893d2571b25"},
	{"CrossEntropy/Adam/float32", CrossEntropy, "Adam", true, "3b8f2e78345e4737"},
}

// optimizer returns a fresh copy of the case's optimizer.
func optimizer[T optim.Float](name string) optim.Optimizer[T] {
	for _, o := range optim.All[T]() {
		if o.Name() == name {
			return o
		}
	}
	panic("nn: golden test: no optimizer " + name)
}

// goldenTrainer is the Trainer of a golden case: the testSizes model on
// the reference backend, batches of 8 of the 37 training rows (4 full
// batches and one of 5), 4 epochs, model and shuffles seeded with seed.
func goldenTrainer[T optim.Float](c goldenCase, opt optim.Optimizer[T], seed uint64) *Trainer[T] {
	m := NewMLP[T](testSizes, Tanh, seed, Xavier)
	m.Backend = gemm.Ref[T]{}
	m.Loss = c.loss
	return NewTrainer(m, opt, 8, 4, seed)
}

// goldenData is the golden runs' training and validation data in T.
func goldenData[T optim.Float]() (train, val Data[T]) {
	convert := func(d Data[float64]) Data[T] {
		x, y := make([]T, len(d.X)), make([]T, len(d.Targets))
		for i, v := range d.X {
			x[i] = T(v)
		}
		for i, v := range d.Targets {
			y[i] = T(v)
		}
		return Data[T]{X: x, Labels: d.Labels, Targets: y}
	}
	return convert(randomData(testSizes, 37, 1)), convert(randomData(testSizes, 11, 2))
}

// goldenStop is the step after which the golden runs are checkpointed:
// the third of the second epoch's five.
const goldenStop = 7

// goldenHash is the SHA-256 (first 8 bytes, in hex) of a Trainer's
// weights and history (times excepted), every float as float64 bits.
func goldenHash[T optim.Float](tr *Trainer[T]) string {
	var b []byte
	for _, p := range tr.Model.Params {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(float64(p)))
	}
	for _, h := range tr.History {
		b = binenc.AppendInt(b, h.Epoch, h.Steps)
		b = binenc.AppendFloat64(b, h.TrainLoss, h.ValLoss, h.ValAccuracy, h.Rate)
	}
	sum := sha256.Sum256(b)
	return fmt.Sprintf("%x", sum[:8])
}

// runGolden trains a golden case in T: goldenStop steps, a checkpoint, a
// Trainer seeded otherwise that loads it and finishes. It returns the
// hash of the resumed Trainer and whether it equals the uninterrupted
// run's.
func runGolden[T optim.Float](t *testing.T, c goldenCase) (hash string, same bool) {
	t.Helper()
	train, val := goldenData[T]()
	whole := goldenTrainer(c, optimizer[T](c.optimizer), 1)
	first := goldenTrainer(c, optimizer[T](c.optimizer), 1)
	first.OnStep = func(p Progress) error {
		if p.Step == goldenStop {
			return ErrStop
		}
		return nil
	}
	second := goldenTrainer(c, optimizer[T](c.optimizer), 99)
	path := filepath.Join(t.TempDir(), "ckpt")
	err := binenc.FirstError(whole.Fit(train, val), first.Fit(train, val), first.SaveCheckpoint(path), second.LoadCheckpoint(path))
	if err == nil {
		err = second.Fit(train, val)
	}
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return goldenHash(second), goldenHash(second) == goldenHash(whole)
}

// TestTrainerGolden pins the Trainer's results, resumed mid-epoch from a
// checkpoint, to hashes recorded before its minibatches came from
// Minibatches: the shuffle order must never change under the course's
// committed numbers.
func TestTrainerGolden(t *testing.T) {
	for i, c := range goldenCases {
		var hash string
		var same bool
		if c.float32 {
			hash, same = runGolden[float32](t, c)
		} else {
			hash, same = runGolden[float64](t, c)
		}
		t.Logf("%d %s: %s", i, c.name, hash)
		if !same {
			t.Errorf("%d %s: the resumed run differs from the uninterrupted one", i, c.name)
		}
		if hash != c.want {
			t.Errorf("%d %s: hash %s, want %s", i, c.name, hash, c.want)
		}
	}
}

// TestTrainerGoldenCheckpoint loads testdata/golden-v2.ckpt, the first
// golden case's checkpoint after goldenStop steps as the format-2 writer
// of commit c0d2a17 saved it, and finishes the run: a checkpoint written
// before the minibatch source moved resumes to the same weights.
func TestTrainerGoldenCheckpoint(t *testing.T) {
	c := goldenCases[0]
	train, val := goldenData[float64]()
	tr := goldenTrainer(c, optimizer[float64](c.optimizer), 99)
	err := tr.LoadCheckpoint(filepath.Join("testdata", "golden-v2.ckpt"))
	if err == nil {
		err = tr.Fit(train, val)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := goldenHash(tr); got != c.want {
		t.Errorf("resumed from testdata/golden-v2.ckpt: hash %s, want %s", got, c.want)
	}
}
