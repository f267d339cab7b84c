package nn

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// testSizes is the small model of the training tests.
var testSizes = []int{5, 7, 4, 3}

// newTestTrainer returns a Trainer of a testSizes model with a batch of
// 8 rows and 3 epochs; model and shuffles are seeded with seed.
func newTestTrainer(opt optim.Optimizer[float64], sched optim.Schedule, seed uint64) *Trainer[float64] {
	m := NewMLP[float64](testSizes, Tanh, seed, Xavier)
	m.Backend = gemm.Ref[float64]{}
	tr := NewTrainer(m, opt, 8, 3, seed)
	tr.Schedule = sched
	return tr
}

// TestFitLowersLoss trains the small model and checks that the training
// loss falls and that the history has a line per epoch.
func TestFitLowersLoss(t *testing.T) {
	train, val := randomData(testSizes, 37, 1), randomData(testSizes, 11, 2)
	opt := optim.NewAdam[float64]()
	opt.LR = 0.01
	tr := newTestTrainer(opt, nil, 1)
	tr.Epochs = 30
	steps := 0
	tr.OnStep = func(p Progress) error {
		steps++
		if p.Step != steps || p.Epoch != (steps-1)/5+1 {
			t.Errorf("step %d: Progress says step %d epoch %d", steps, p.Step, p.Epoch)
		}
		return nil
	}
	if err := tr.Fit(train, val); err != nil {
		t.Fatal(err)
	}
	h := tr.History
	if len(h) != 30 || steps != 150 || h[29].Steps != 150 {
		t.Fatalf("history %d epochs, %d steps; want 30 epochs, 150 steps", len(h), steps)
	}
	if !(h[29].TrainLoss < 0.5*h[0].TrainLoss) || math.IsNaN(h[29].ValAccuracy) {
		t.Errorf("train loss %g → %g, validation accuracy %g: want the loss halved", h[0].TrainLoss, h[29].TrainLoss, h[29].ValAccuracy)
	}
}

// TestDivergenceStops checks that a NaN or infinite loss stops Fit with
// an error naming the step and the learning rate.
func TestDivergenceStops(t *testing.T) {
	opt := optim.NewSGD[float64]()
	opt.LR = 1e6
	tr := newTestTrainer(opt, nil, 1)
	tr.Model.Loss = MSE
	tr.Model.Layers[0].Act = ReLU
	tr.Epochs = 100
	err := tr.Fit(randomData(testSizes, 37, 1), Data[float64]{})
	if err == nil {
		t.Fatalf("Fit with η = 1e6: no error, history %+v", tr.History)
	}
	msg := err.Error()
	t.Log(msg)
	for _, want := range []string{"diverged", "at step", "learning rate 1e+06"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	var step int
	if _, err := fmt.Sscanf(msg[strings.Index(msg, "at step"):], "at step %d", &step); err != nil || step != tr.Step()+1 {
		t.Errorf("error names step %d (%v), the Trainer took %d: the failing step must not be applied", step, err, tr.Step())
	}
}

// TestInfiniteLossStops checks that an infinite loss, not only NaN, stops
// Fit before the step: through linear layers, inputs of 1e200 make the
// squared error overflow.
func TestInfiniteLossStops(t *testing.T) {
	tr := newTestTrainer(optim.NewSGD[float64](), nil, 1)
	tr.Model.Loss = MSE
	tr.Model.Layers[0].Act, tr.Model.Layers[1].Act = Identity, Identity
	data := randomData(testSizes, 8, 1)
	for i := range data.X {
		data.X[i] = 1e200
	}
	err := tr.Fit(data, Data[float64]{})
	var div *DivergenceError
	if !errors.As(err, &div) || div.Step != 1 || !strings.Contains(div.Reason, "loss is +Inf") || tr.Step() != 0 {
		t.Errorf("Fit on inputs of 1e200: error %v after %d steps, want \"loss is +Inf\" at step 1 after 0", err, tr.Step())
	}
}

// TestScheduleWithoutRate checks that a schedule on an optimizer without
// a learning rate is an error, not silently ignored.
func TestScheduleWithoutRate(t *testing.T) {
	tr := newTestTrainer(optim.NewRprop[float64](), optim.NewConstant(0.1), 1)
	if err := tr.Fit(randomData(testSizes, 37, 1), Data[float64]{}); err == nil {
		t.Error("Rprop with a schedule: no error")
	}
}

// TestLookAheadEvaluation checks that validation under Nesterov uses the
// exact weights the optimizer keeps, not the projection in the slab.
func TestLookAheadEvaluation(t *testing.T) {
	opt := optim.NewNesterov[float64]()
	opt.LR = 0.1
	tr := newTestTrainer(opt, nil, 3)
	tr.Epochs = 2
	val := randomData(testSizes, 11, 2)
	if err := tr.Fit(randomData(testSizes, 37, 1), val); err != nil {
		t.Fatal(err)
	}
	exact := tr.Model.Clone()
	opt.Weights(exact.Params, tr.Model.Params)
	want, _, _ := exact.Evaluate(val, 4)
	projected, _, _ := tr.Model.Evaluate(val, 4)
	got, _, _ := tr.Evaluate(val)
	if got != want || tr.History[1].ValLoss != want || got == projected {
		t.Errorf("Evaluate %v, history %v; exact weights give %v, the projection %v", got, tr.History[1].ValLoss, want, projected)
	}
	if inf := tr.InferenceModel(); inf == tr.Model || inf.Params[0] != exact.Params[0] {
		t.Error("InferenceModel is not a copy holding the exact weights")
	}
}

// TestStopFromOnStep checks ErrStop and other OnStep errors.
func TestStopFromOnStep(t *testing.T) {
	boom := errors.New("boom")
	for i, c := range []struct{ stop, want error }{{ErrStop, nil}, {boom, boom}} {
		tr := newTestTrainer(optim.NewSGD[float64](), nil, 1)
		tr.OnStep = func(p Progress) error {
			if p.Step == 2 {
				return c.stop
			}
			return nil
		}
		if err := tr.Fit(randomData(testSizes, 37, 1), Data[float64]{}); err != c.want || tr.Step() != 2 {
			t.Errorf("%d: Fit returned %v after %d steps, want %v after 2", i, err, tr.Step(), c.want)
		}
	}
}

// TestEvaluateBatch checks that Evaluate's result does not depend on how
// many rows it predicts at a time, and that a batch below 1 is an error
// rather than an endless loop.
func TestEvaluateBatch(t *testing.T) {
	m := NewMLP[float64](testSizes, Tanh, 1, Xavier)
	val := randomData(testSizes, 11, 2)
	whole, accWhole, err := m.Evaluate(val, 11)
	if err != nil {
		t.Fatal(err)
	}
	for _, batch := range []int{1, 3, 16} {
		loss, acc, err := m.Evaluate(val, batch)
		if err != nil || relativeError(loss, whole) > 1e-12 || acc != accWhole {
			t.Errorf("batch %d: loss %v accuracy %v (%v), want %v and %v", batch, loss, acc, err, whole, accWhole)
		}
	}
	for _, batch := range []int{0, -1} {
		if _, _, err := m.Evaluate(val, batch); err == nil {
			t.Errorf("batch %d: no error", batch)
		}
	}
}
