package optim_test

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
)

// Adam minimises the bowl f(w) = ½(w₀² + 10·w₁²), whose gradient is
// (w₀, 10·w₁), in one slab of two parameters.
func ExampleAdam() {
	opt := optim.NewAdam[float64]()
	opt.LR = 0.1
	w := []float64{1.5, 1.5}
	g := make([]float64, 2)
	for step := range 300 {
		g[0], g[1] = w[0], 10*w[1]
		opt.Step(w, g)
		if step%100 == 0 {
			fmt.Printf("step %3d: w = (%.4f, %.4f)\n", step+1, w[0], w[1])
		}
	}
	fmt.Printf("after 300 steps: f(w) < 1e-8: %v\n", (w[0]*w[0]+10*w[1]*w[1])/2 < 1e-8)
	fmt.Println("state bytes for 25,990 float64 parameters:", opt.StateBytes(25990))
	// Output:
	// step   1: w = (1.4000, 1.4000)
	// step 101: w = (0.0056, 0.0056)
	// step 201: w = (0.0000, 0.0000)
	// after 300 steps: f(w) < 1e-8: true
	// state bytes for 25,990 float64 parameters: 415840
}

// Nesterov's slab holds the projection θ, where the gradient is taken;
// Weights gives the weights w themselves.
func ExampleNesterov() {
	opt := optim.NewNesterov[float64]()
	opt.LR = 0.05
	theta := []float64{1} // θ₀ = w₀
	g := make([]float64, 1)
	w := make([]float64, 1)
	for range 3 {
		g[0] = theta[0] // f(w) = ½w²
		opt.Step(theta, g)
		opt.Weights(w, theta)
		fmt.Printf("w = %.6f  θ = %.6f\n", w[0], theta[0])
	}
	// Output:
	// w = 0.950000  θ = 0.905000
	// w = 0.859750  θ = 0.778525
	// w = 0.739599  θ = 0.631463
}

// A step decay halves the rate every 100 steps; it drives any optimizer
// that has a global learning rate.
func ExampleStepDecay() {
	sched := optim.NewStepDecay(0.1, 0.5, 100)
	var opt optim.RateSetter = optim.NewMomentum[float32]()
	for _, step := range []int{0, 99, 100, 250} {
		opt.SetLearningRate(sched.Rate(step))
		fmt.Printf("step %3d: η = %g\n", step, opt.LearningRate())
	}
	// Output:
	// step   0: η = 0.1
	// step  99: η = 0.1
	// step 100: η = 0.05
	// step 250: η = 0.025
}

// Counted in epochs of 50 steps, the same decay halves the rate every 2
// epochs, as PyTorch's StepLR stepped once per epoch does.
func ExampleStepDecay_epochs() {
	sched := &optim.StepDecay{Initial: 0.1, Factor: 0.5, Every: 2, StepsPerEpoch: 50}
	for _, step := range []int{0, 99, 100, 250} {
		fmt.Printf("step %3d (epoch %d): η = %g\n", step, step/50, sched.Rate(step))
	}
	// Output:
	// step   0 (epoch 0): η = 0.1
	// step  99 (epoch 1): η = 0.1
	// step 100 (epoch 2): η = 0.05
	// step 250 (epoch 5): η = 0.025
}

// A struct literal sets only what differs from the defaults, as keyword
// arguments do in torch.optim: here Adam in PyTorch's form with η = 3e-4.
func ExampleAdam_literal() {
	opt := &optim.Adam[float32]{LR: 3e-4, Form: optim.PyTorch}
	fmt.Println(opt.Settings())
	for _, o := range optim.All[float32]()[:2] {
		fmt.Println(o.Settings())
	}
	// Output:
	// Adam(η=0.0003, β₁=0.9, β₂=0.999, ε=1e-08, form=PyTorch)
	// SGD(η=0.01, form=Lecture)
	// Momentum(η=0.01, μ=0.9, form=Lecture)
}

// The lecture's validation-driven rule: raise η while the validation error
// falls steadily, lower it when it stalls.
func ExampleValidationDriven() {
	sched := optim.NewValidationDriven(0.01)
	for epoch, e := range []float64{0.30, 0.25, 0.21, 0.18, 0.18, 0.19} {
		sched.Observe(e)
		fmt.Printf("epoch %d: validation error %.2f → η = %.4f\n", epoch, e, sched.Rate(0))
	}
	// Output:
	// epoch 0: validation error 0.30 → η = 0.0100
	// epoch 1: validation error 0.25 → η = 0.0100
	// epoch 2: validation error 0.21 → η = 0.0100
	// epoch 3: validation error 0.18 → η = 0.0110
	// epoch 4: validation error 0.18 → η = 0.0110
	// epoch 5: validation error 0.19 → η = 0.0055
}
