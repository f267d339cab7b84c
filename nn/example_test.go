package nn_test

import (
	"fmt"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// The lecture's 784-32-20-10 in float64, trained on minibatches of 128
// MNIST images: the model is 207,920 bytes, training with SGD holds it
// twice (weights and gradients), momentum triple, Adam quadruple — before
// the activations and the minibatch itself.
func ExampleTrainingMemory() {
	sizes := []int{784, 32, 20, 10}
	rows := []nn.Memory{
		nn.TrainingMemory(sizes, 128, nn.CrossEntropy, optim.NewSGD[float64]()),
		nn.TrainingMemory(sizes, 128, nn.CrossEntropy, optim.NewMomentum[float64]()),
		nn.TrainingMemory(sizes, 128, nn.CrossEntropy, optim.NewAdam[float64]()),
	}
	for _, m := range rows {
		fmt.Printf("%-8s %d params, model %d B, optimizer state %7d B, model×%.0f, step total %d B\n",
			m.Optimizer, m.Params, m.Weights, m.State, m.ModelMultiple(), m.Total())
	}
	// Output:
	// SGD      25990 params, model 207920 B, optimizer state       0 B, model×2, step total 1315936 B
	// Momentum 25990 params, model 207920 B, optimizer state  207920 B, model×3, step total 1523856 B
	// Adam     25990 params, model 207920 B, optimizer state  415840 B, model×4, step total 1731776 B
}

// XOR, the problem a single neuron cannot solve, learned by a 2-4-2
// network with tanh hidden units, softmax cross-entropy and Adam.
func ExampleTrainer_Fit() {
	xor := nn.Data[float64]{
		X:      []float64{0, 0, 0, 1, 1, 0, 1, 1},
		Labels: []int{0, 1, 1, 0},
	}
	model := nn.NewMLP[float64]([]int{2, 4, 2}, nn.Tanh, 1, nn.Xavier)
	adam := optim.NewAdam[float64]()
	adam.LR = 0.05
	trainer := nn.NewTrainer(model, adam, 4, 300, 1)
	if err := trainer.Fit(xor, xor); err != nil {
		fmt.Println(err)
		return
	}
	last := trainer.History[len(trainer.History)-1]
	fmt.Printf("after %d epochs: accuracy %.0f%%, loss below 0.05: %v\n", last.Epoch, 100*last.ValAccuracy, last.ValLoss < 0.05)
	fmt.Println("predictions:", argmaxRows(model.Predict(xor.X), 2))
	// Output:
	// after 300 epochs: accuracy 100%, loss below 0.05: true
	// predictions: [0 1 1 0]
}

// argmaxRows is the arg-max of each row of width w.
func argmaxRows(y []float64, w int) []int {
	var out []int
	for r := 0; r < len(y)/w; r++ {
		best := 0
		for j := range w {
			if y[r*w+j] > y[r*w+best] {
				best = j
			}
		}
		out = append(out, best)
	}
	return out
}

// Seven rows in batches of three: each epoch is a fresh shuffle, and its
// last batch holds the one row left over (set DropLast to skip it). A
// hand-written training loop takes its batches the same way:
//
//	for _, batch := range batches.Epoch(e) { loss := model.LossAndGrad(batch) … }
func ExampleMinibatches() {
	data := nn.Data[float32]{
		X:      []float32{0, 1, 2, 3, 4, 5, 6}, // seven one-value rows
		Labels: []int{0, 1, 0, 1, 0, 1, 0},
	}
	batches := &nn.Minibatches[float32]{Data: data, Width: 1, BatchSize: 3, Seed: 2}
	for epoch := range 2 {
		for i, b := range batches.Epoch(epoch) {
			fmt.Println("epoch", epoch, "batch", i, b.X, b.Labels)
		}
	}
	// Output:
	// epoch 0 batch 0 [4 3 1] [0 1 1]
	// epoch 0 batch 1 [5 2 0] [1 0 0]
	// epoch 0 batch 2 [6] [0]
	// epoch 1 batch 0 [0 5 2] [0 1 0]
	// epoch 1 batch 1 [1 6 3] [1 0 1]
	// epoch 1 batch 2 [4] [0]
}
