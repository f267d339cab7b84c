package demos

// Notebook 09-comparison: every optimizer on MNIST with Zeiler's
// 784-500-300-10 ReLU network, the Radford races, and a small grid of
// learning rates and ε in the spirit of Zeiler's Tables 1–2.

import (
	"encoding/gob"
	"errors"
	"fmt"
	"math"
	"os"
	"time"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// FullEnv names the environment variable that, set to 1, makes
// ComparisonFromEnv choose the full comparison instead of the quick one.
const FullEnv = "NNCOURSE_FULL"

// Comparison is one MNIST experiment: the network, the data and the
// training schedule shared by every optimizer.
type Comparison struct {
	Sizes        []int  // layer widths, input first
	Train, Val   int    // rows of training and validation data
	Epochs       int    // epochs per optimizer
	Batch        int    // rows per minibatch
	Seed         uint64 // seed of the split, the initial weights and the shuffles
	FromTrainSet bool   // draw Train rows from the official 60,000 training images
}

// ComparisonFromEnv returns the quick comparison — Zeiler's 784-500-300-10
// on the official 10,000 test images split 8,000 / 2,000, 3 epochs of
// minibatches of 100 — or, with NNCOURSE_FULL=1, the full one: 20 epochs,
// on the 60,000 training images when they are present (validated on 10,000
// test images), else on the same 8,000 / 2,000 split.
func ComparisonFromEnv() Comparison {
	c := Comparison{Sizes: []int{784, 500, 300, 10}, Train: 8000, Val: 2000, Epochs: 3, Batch: 100, Seed: 1}
	if os.Getenv(FullEnv) != "1" {
		return c
	}
	c.Epochs = 20
	if m, err := datasets.LoadMNIST(""); err == nil && m.Train != nil {
		c.Train, c.Val, c.FromTrainSet = m.Train.Len(), m.Test.Len(), true
	}
	return c
}

// Describe says in words which data the comparison uses.
func (c Comparison) Describe() string {
	data := fmt.Sprintf("the official MNIST test set (10,000 images) split %s training / %s validation rows (seed %d)",
		Commas(int64(c.Train)), Commas(int64(c.Val)), c.Seed)
	if c.FromTrainSet {
		data = fmt.Sprintf("the official MNIST training set (%s images), validated on the test set (%s images)",
			Commas(int64(c.Train)), Commas(int64(c.Val)))
	}
	epochs := fmt.Sprintf("%d epochs", c.Epochs)
	if c.Epochs == 1 {
		epochs = "1 epoch"
	}
	return fmt.Sprintf("%s ReLU, %s of minibatches of %d, on %s", Arch(c.Sizes), epochs, c.Batch, data)
}

// Data loads the comparison's training and validation rows.
func (c Comparison) Data() (train, val nn.Data[float32], err error) {
	m, err := datasets.LoadMNIST("")
	if err != nil {
		return train, val, err
	}
	if c.FromTrainSet {
		if m.Train == nil {
			return train, val, errors.New("demos: the comparison asks for the MNIST training set, which is not there")
		}
		return nn.DigitsData[float32](m.Train), nn.DigitsData[float32](m.Test), nil
	}
	tr, va := m.Test.Split(c.Train, c.Val, c.Seed)
	return nn.DigitsData[float32](tr), nn.DigitsData[float32](va), nil
}

// ComparisonOptimizers returns the nine optimizers as the comparison runs
// them on MNIST: the constructors' defaults, except SGD's rate, 0.1 instead
// of 0.01, with which it makes little progress in a few epochs (Momentum's
// η = 0.01 with μ = 0.9 moves about as fast: η/(1 − μ) = 0.1).
// Settings shows what each one uses.
func ComparisonOptimizers() []optim.Optimizer[float32] {
	opts := optim.All[float32]()
	opts[0].(*optim.SGD[float32]).LR = 0.1
	return opts
}

// Result is one optimizer's run in a comparison.
type Result struct {
	Optimizer string
	Settings  string
	History   []nn.EpochStats
	StepLoss  []float64 // the loss of every minibatch, before its step
	Stopped   string    // why training stopped early (a diverged loss), or ""
	Memory    nn.Memory
}

// EpochTime is the mean wall time of an epoch, validation included.
func (r Result) EpochTime() time.Duration {
	if len(r.History) == 0 {
		return 0
	}
	return r.History[len(r.History)-1].Elapsed / time.Duration(len(r.History))
}

// Final returns the last epoch's validation accuracy, NaN if none finished.
func (r Result) Final() float64 {
	if len(r.History) == 0 {
		return math.NaN()
	}
	return r.History[len(r.History)-1].ValAccuracy
}

// Run trains a fresh model (the same initial weights for every optimizer)
// with opt and returns the result. sched, when not nil, sets the learning
// rate before every step (and, if it is an optim.Observer, sees the
// validation error after every epoch). onStep, when not nil, sees every
// step; a loss that diverges ends the run early, with Result.Err saying so.
func (c Comparison) Run(train, val nn.Data[float32], opt optim.Optimizer[float32], sched optim.Schedule, onStep func(nn.Progress)) Result {
	model := nn.NewMLP[float32](c.Sizes, nn.ReLU, c.Seed, nn.He)
	t := nn.NewTrainer(model, opt, c.Batch, c.Epochs, c.Seed)
	t.Schedule = sched
	r := Result{Optimizer: opt.Name(), Settings: opt.Settings(),
		Memory: nn.TrainingMemory[float32](c.Sizes, c.Batch, nn.CrossEntropy, opt)}
	t.OnStep = func(p nn.Progress) error {
		r.StepLoss = append(r.StepLoss, p.Loss)
		if onStep != nil {
			onStep(p)
		}
		return nil
	}
	if err := t.Fit(train, val); err != nil {
		r.Stopped = err.Error()
	}
	r.History = t.History
	return r
}

// SaveResults writes results to path (encoding/gob), so that a later
// notebook cell — a separate program in GoNB — can plot them.
func SaveResults(path string, results []Result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(results); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// LoadResults reads what SaveResults wrote.
func LoadResults(path string) ([]Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("demos: no saved results (run the training cell first): %w", err)
	}
	defer f.Close()
	var results []Result
	err = gob.NewDecoder(f).Decode(&results)
	return results, err
}

// StepsPerEpoch is the number of minibatches in an epoch.
func (c Comparison) StepsPerEpoch() int { return (c.Train + c.Batch - 1) / c.Batch }

// ResultTable summarises a comparison: settings, final validation accuracy
// and loss, time per epoch and the training memory of each optimizer.
func ResultTable(caption string, results []Result) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{"optimizer", "settings", "val. accuracy",
		"val. loss", "time / epoch", "memory (W+G+S)", "(W+G+S)/W"}}
	for _, r := range results {
		acc, loss := "–", "–"
		if n := len(r.History); n > 0 {
			acc = fmt.Sprintf("%.2f%%", 100*r.History[n-1].ValAccuracy)
			loss = fmt.Sprintf("%.4f", r.History[n-1].ValLoss)
		}
		if r.Stopped != "" {
			acc = "diverged"
		}
		m := r.Memory
		t.Rows = append(t.Rows, []string{r.Optimizer, r.Settings, acc, loss,
			r.EpochTime().Round(time.Millisecond).String(),
			vizhelpers.HumanBytes(float64(m.Weights + m.Gradients + m.State)), fmt.Sprintf("%.2f", m.ModelMultiple())})
	}
	return t
}

// EpochCurves returns, per optimizer, the series of one column of the
// history against the epoch: "train loss", "val loss" or "val accuracy".
func EpochCurves(results []Result, column string) []vizhelpers.Series {
	var out []vizhelpers.Series
	for i, r := range results {
		s := vizhelpers.Series{Name: r.Optimizer, Color: vizhelpers.Color(i)}
		for _, e := range r.History {
			v := e.ValAccuracy
			switch column {
			case "train loss":
				v = e.TrainLoss
			case "val loss":
				v = e.ValLoss
			}
			s.X = append(s.X, float64(e.Epoch))
			s.Y = append(s.Y, v)
		}
		out = append(out, s)
	}
	return out
}

// LossCurves returns each result's minibatch loss against the epoch
// (step / steps per epoch), as a moving average over smooth steps.
func LossCurves(results []Result, stepsPerEpoch, smooth int) []vizhelpers.Series {
	var out []vizhelpers.Series
	for i, r := range results {
		s := vizhelpers.Series{Name: r.Optimizer, Color: vizhelpers.Color(i), Y: Smooth(r.StepLoss, smooth)}
		for k := range s.Y {
			s.X = append(s.X, float64(k+1)/float64(stepsPerEpoch))
		}
		out = append(out, s)
	}
	return out
}
