package demos

import (
	"math/rand/v2"
	"testing"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// blobs returns n rows of 4 inputs in 3 classes, the class shifting the
// inputs, so that a small network learns it in a few epochs.
func blobs(n int, seed uint64) nn.Data[float32] {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := nn.Data[float32]{}
	for r := range n {
		c := r % 3
		for j := range 4 {
			shift := 0.0
			if j == c {
				shift = 2
			}
			d.X = append(d.X, float32(shift+rng.NormFloat64()))
		}
		d.Labels = append(d.Labels, c)
	}
	return d
}

// tiny is a comparison small enough for a unit test.
var tiny = Comparison{Sizes: []int{4, 8, 3}, Train: 300, Val: 90, Epochs: 3, Batch: 30, Seed: 1}

// tiny is a comparison small enough for a unit test.

func TestComparisonDescribe(t *testing.T) {
	c := Comparison{Sizes: []int{784, 32, 20, 10}, Train: 8000, Val: 2000, Epochs: 1, Batch: 100, Seed: 1}
	want := "784-32-20-10 ReLU, 1 epoch of minibatches of 100, on the official MNIST test set (10,000 images) split 8,000 training / 2,000 validation rows (seed 1)"
	if got := c.Describe(); got != want {
		t.Errorf("Describe:\n got %q\nwant %q", got, want)
	}
	if got := tiny.StepsPerEpoch(); got != 10 {
		t.Errorf("StepsPerEpoch of %d rows in batches of %d: %d, want 10", tiny.Train, tiny.Batch, got)
	}
}

func TestComparisonRun(t *testing.T) {
	history, err := tiny.Run(blobs(tiny.Train, 1), blobs(tiny.Val, 2), &optim.Adam[float32]{LR: 0.02}, nil)
	if err != nil || len(history) != tiny.Epochs {
		t.Fatalf("Run: %d epochs, %v; want %d, nil", len(history), err, tiny.Epochs)
	}
	if acc := history[len(history)-1].ValAccuracy; acc < 0.8 {
		t.Errorf("validation accuracy after %d epochs %.3f, want ≥ 0.8", tiny.Epochs, acc)
	}
}
