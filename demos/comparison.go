package demos

// An MNIST experiment on a split of the official test set: lesson 02's
// constant-η against validation-driven comparison and its minibatch
// measurements train through it. (Lesson 09's reproduction of Zeiler's
// experiment on the full training set is the zeiler package.)

import (
	"fmt"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// Comparison is one MNIST experiment: the network, the data and the
// training schedule shared by every run.
type Comparison struct {
	Sizes  []int  // layer widths, input first
	Train  int    // rows of training data
	Val    int    // rows of validation data
	Epochs int    // epochs per run
	Batch  int    // rows per minibatch
	Seed   uint64 // seed of the split, the initial weights and the shuffles
}

// Describe says in words which data the comparison uses.
func (c Comparison) Describe() string {
	epochs := fmt.Sprintf("%d epochs", c.Epochs)
	if c.Epochs == 1 {
		epochs = "1 epoch"
	}
	return fmt.Sprintf("%s ReLU, %s of minibatches of %d, on the official MNIST test set (10,000 images) split %s training / %s validation rows (seed %d)",
		Arch(c.Sizes), epochs, c.Batch, Commas(int64(c.Train)), Commas(int64(c.Val)), c.Seed)
}

// Data loads the comparison's training and validation rows.
func (c Comparison) Data() (train, val nn.Data[float32], err error) {
	m, err := datasets.LoadMNIST("")
	if err != nil {
		return train, val, err
	}
	tr, va := m.Test.Split(c.Train, c.Val, c.Seed)
	return nn.DigitsData[float32](tr), nn.DigitsData[float32](va), nil
}

// StepsPerEpoch is the number of minibatches in an epoch.
func (c Comparison) StepsPerEpoch() int { return (c.Train + c.Batch - 1) / c.Batch }

// Run trains a fresh model (the same initial weights for every run) with
// opt and returns its per-epoch history. sched, when not nil, sets the
// learning rate before every step (and, if it is an optim.Observer, sees
// the validation error after every epoch). A run that diverges stops early
// with the history so far and Fit's error.
func (c Comparison) Run(train, val nn.Data[float32], opt optim.Optimizer[float32], sched optim.Schedule) ([]nn.EpochStats, error) {
	model := nn.NewMLP[float32](c.Sizes, nn.ReLU, c.Seed, nn.He)
	t := nn.NewTrainer(model, opt, c.Batch, c.Epochs, c.Seed)
	t.Schedule = sched
	err := t.Fit(train, val)
	return t.History, err
}
