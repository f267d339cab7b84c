package gpu_test

import (
	"fmt"
	"log"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu"
	"github.com/nncourse/optimizers/optim"
)

// A Trainer keeps the model on the device; each step sends a minibatch
// and returns the loss. Here on the simulated device, as in the tests:
// cublas.Open() instead runs on a GPU.
func ExampleTrainer() {
	ctx, err := cublas.OpenSimulated()
	if err != nil {
		log.Fatal(err)
	}
	defer ctx.Close()
	model := nn.NewMLP[float32]([]int{2, 8, 2}, nn.Tanh, 1, nn.Xavier)
	tr, err := gpu.NewTrainer(ctx, model, &optim.SGD[float32]{LR: 0.5}, 4)
	if err != nil {
		log.Fatal(err)
	}
	defer tr.Close()
	xor := nn.Data[float32]{X: []float32{0, 0, 0, 1, 1, 0, 1, 1}, Labels: []int{0, 1, 1, 0}}
	first, _ := tr.Step(xor)
	var last float64
	for range 300 {
		if last, err = tr.Step(xor); err != nil {
			log.Fatal(err)
		}
	}
	if err := tr.CopyTo(model); err != nil { // the trained weights, back on the host
		log.Fatal(err)
	}
	fmt.Printf("loss %.2f → %.2f\n", first, last)
	// Output: loss 0.74 → 0.01
}
