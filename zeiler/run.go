package zeiler

import (
	"math"
	"time"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// Run is the outcome of training one Setting.
type Run struct {
	Setting Setting
	// Errors is the error in percent on the scoring data (test set or
	// validation split) after each epoch; it stops early if training
	// diverged.
	Errors []float64
	// Diverged is the trainer's error when the loss became NaN or ±Inf,
	// "" otherwise.
	Diverged string `json:",omitempty"`
	// TrainSeconds is the wall time of the optimizer steps, forward and
	// backward passes, without the evaluations between epochs.
	TrainSeconds float64
	// StateBytes is the optimizer's state (Optimizer.StateBytes) and
	// MemoryBytes all that training keeps (nn.TrainingMemory: weights,
	// gradients, state, activations, minibatch).
	StateBytes, MemoryBytes int64
}

// Final is the error after the last epoch, NaN if the run diverged.
func (r Run) Final() float64 {
	if r.Diverged != "" || len(r.Errors) == 0 {
		return math.NaN()
	}
	return r.Errors[len(r.Errors)-1]
}

// EpochSeconds is the mean training time of an epoch.
func (r Run) EpochSeconds() float64 {
	if len(r.Errors) == 0 {
		return math.NaN()
	}
	return r.TrainSeconds / float64(len(r.Errors))
}

// Train trains a fresh model of the given sizes, seeded with s.Seed, on
// train in minibatches of batch rows for s.Epochs epochs (with the
// setting's schedule over all of them), and scores it on score after every
// epoch.
func Train(s Setting, sizes []int, batch int, train, score nn.Data[float32]) (Run, error) {
	opt := s.NewOptimizer(sizes)
	model := nn.NewMLP[float32](sizes, s.Activation, s.Seed, s.Init())
	t := nn.NewTrainer(model, opt, batch, 0, s.Seed)
	t.Schedule = s.Schedule(s.Epochs * ((train.Rows(sizes[0]) + batch - 1) / batch))
	r := Run{Setting: s}
	r.StateBytes, r.MemoryBytes = Memory(opt, sizes, batch)
	for epoch := 1; epoch <= s.Epochs; epoch++ {
		t.Epochs = epoch
		began := time.Now()
		err := t.Fit(train, nn.Data[float32]{})
		r.TrainSeconds += time.Since(began).Seconds()
		if err != nil {
			r.Diverged = err.Error()
			return r, nil
		}
		_, acc, err := t.Evaluate(score)
		if err != nil {
			return r, err
		}
		r.Errors = append(r.Errors, 100*(1-acc))
	}
	return r, nil
}

// Memory is what training an MLP of these sizes in minibatches of batch
// rows keeps with opt, in float32: the optimizer's state
// (Optimizer.StateBytes) and the total (nn.TrainingMemory: weights,
// gradients, state, activations, minibatch).
func Memory(opt optim.Optimizer[float32], sizes []int, batch int) (state, total int64) {
	return opt.StateBytes(nn.ParamCount(sizes)), nn.TrainingMemory[float32](sizes, batch, nn.CrossEntropy, opt).Total()
}
