package main

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strconv"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

//go:embed torchstep.py
var torchScript string

// The comparison network and minibatch.
var (
	trainSizes = []int{784, 500, 300, 10}
	trainBatch = 128
)

// trainTable prints samples/s of one training step (forward, backward and
// optimizer step) for our nn and for PyTorch, SGD and Adam, per thread count.
func trainTable(threads []int) {
	ceilingTable()
	fmt.Printf("\n### Training step: MLP %v, float32, batch %d — samples/s (best of %d interleaved trials × %d steps, load %s)\n\n",
		trainSizes, trainBatch, *trials, *steps, loadAverage())
	fmt.Println("| threads | clock | optimizer | ours | PyTorch | ours/PyTorch | cores: ours, PyTorch | PyTorch's fastest OpenBLAS kernels |")
	fmt.Println("|---:|---|---|---:|---:|---:|---:|---|")
	for _, t := range threads {
		sgd, adam, torch := timeSteps(t)
		for _, row := range []struct {
			name, by    string
			ours, torch rate
		}{{"SGD", torch.SGDBy, sgd, torch.SGD}, {"Adam", torch.AdamBy, adam, torch.Adam}} {
			fmt.Printf("| %d | %s | %s | %.0f | %s | %s | %.1f, %.1f | %s |\n", t, clockFor(t), row.name,
				row.ours.perSec, rate0(row.torch.perSec), ratio(row.ours.perSec, row.torch.perSec), row.ours.cores, row.torch.cores, cmp.Or(row.by, "—"))
		}
	}
	fmt.Println()
}

// timeSteps times our training step, SGD and Adam, and PyTorch's in
// alternating rounds of one trial each, keeping each side's best.
func timeSteps(t int) (sgd, adam rate, torch torchRates) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(t))
	steppers := ourSteppers()
	alternate(func() {
		sgd = faster(sgd, measure(steppers[0], float64(trainBatch**steps), 1, 0))
		adam = faster(adam, measure(steppers[1], float64(trainBatch**steps), 1, 0))
	}, func() {
		torch = torch.faster(torchSteps(t))
	})
	return sgd, adam, torch
}

// ourSteppers returns, for SGD and Adam, a function that runs -steps
// training steps of nn's MLP on one fixed minibatch.
func ourSteppers() [2]func() {
	rng := rand.New(rand.NewPCG(1, 2))
	batch := nn.Data[float32]{X: make([]float32, trainBatch*trainSizes[0]), Labels: make([]int, trainBatch)}
	for i := range batch.X {
		batch.X[i] = rng.Float32()
	}
	for i := range batch.Labels {
		batch.Labels[i] = rng.IntN(10)
	}
	var steppers [2]func()
	for i, opt := range []optim.Optimizer[float32]{optim.NewSGD[float32](), optim.NewAdam[float32]()} {
		model := nn.NewMLP[float32](trainSizes, nn.ReLU, 1, nn.He)
		steppers[i] = func() {
			for range *steps {
				model.LossAndGrad(batch)
				opt.Step(model.Params, model.Grads)
			}
		}
	}
	return steppers
}

type torchRates struct {
	SGD, Adam     rate
	SGDBy, AdamBy string // the variant each was fastest in
}

// faster keeps, for each optimizer, the faster of r's rate and o's.
func (r torchRates) faster(o torchRates) torchRates {
	if o.SGD.perSec > r.SGD.perSec {
		r.SGD, r.SGDBy = o.SGD, o.SGDBy
	}
	if o.Adam.perSec > r.Adam.perSec {
		r.Adam, r.AdamBy = o.Adam, o.AdamBy
	}
	return r
}

// torchSteps runs one trial of torchstep.py under -python with t threads,
// in each of the OpenBLAS environments of the OpenBLAS column (variants,
// baseline.go), and keeps the best rates; zero rates where it fails.
func torchSteps(t int) torchRates {
	var best torchRates
	for _, v := range variants(t) {
		cmd := exec.Command(*python, "-c", torchScript, strconv.Itoa(t), strconv.Itoa(*steps), "1", clockFor(t))
		cmd.Env = append(openblasEnv(t), v.env...)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		var r struct{ SGD, Adam, SGDCores, AdamCores float64 }
		if err == nil {
			err = json.Unmarshal(out, &r)
		}
		if err != nil {
			warnOnce(fmt.Sprintf("bench: PyTorch with %d threads, %s: %v\n", t, v.label, exitError(err)))
		}
		best = best.faster(torchRates{rate{r.SGD, r.SGDCores}, rate{r.Adam, r.AdamCores}, v.label, v.label})
	}
	return best
}

func rate0(x float64) string {
	if x == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f", x)
}
