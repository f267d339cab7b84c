package main

import (
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
	fmt.Printf("\n### Training step: MLP %v, float32, batch %d — samples/s (best of %d trials × %d steps, load %s)\n\n",
		trainSizes, trainBatch, *trials, *steps, loadAverage())
	fmt.Println("| threads | clock | optimizer | ours | PyTorch | ours/PyTorch | cores: ours, PyTorch | PyTorch's fastest OpenBLAS kernels |")
	fmt.Println("|---:|---|---|---:|---:|---:|---:|---|")
	for _, t := range threads {
		sgd, adam := ourSteps(t)
		torch := torchSteps(t)
		for _, row := range []struct {
			name, by    string
			ours, torch rate
		}{{"SGD", torch.SGDBy, sgd, torch.SGD}, {"Adam", torch.AdamBy, adam, torch.Adam}} {
			fmt.Printf("| %d | %s | %s | %.0f | %s | %s | %.1f, %.1f | %s |\n", t, clockFor(t), row.name,
				row.ours.perSec, rate0(row.torch.perSec), ratio(row.ours.perSec, row.torch.perSec), row.ours.cores, row.torch.cores, row.by)
		}
	}
	fmt.Println()
}

// ourSteps times nn's training step with GOMAXPROCS = t.
func ourSteps(t int) (sgd, adam rate) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(t))
	rng := rand.New(rand.NewPCG(1, 2))
	batch := nn.Data[float32]{X: make([]float32, trainBatch*trainSizes[0]), Labels: make([]int, trainBatch)}
	for i := range batch.X {
		batch.X[i] = rng.Float32()
	}
	for i := range batch.Labels {
		batch.Labels[i] = rng.IntN(10)
	}
	for i, opt := range []optim.Optimizer[float32]{optim.NewSGD[float32](), optim.NewAdam[float32]()} {
		model := nn.NewMLP[float32](trainSizes, nn.ReLU, 1, nn.He)
		step := func() {
			for range *steps {
				model.LossAndGrad(batch)
				opt.Step(model.Params, model.Grads)
			}
		}
		r := measure(step, float64(trainBatch**steps), *trials, 0)
		if i == 0 {
			sgd = r
		} else {
			adam = r
		}
	}
	return sgd, adam
}

type torchRates struct {
	SGD, Adam     rate
	SGDBy, AdamBy string // the variant each was fastest in
}

// torchSteps runs torchstep.py under -python with t threads, in each of the
// OpenBLAS environments of the OpenBLAS column (variants, baseline.go), and
// keeps the best rates; zero rates where it fails.
func torchSteps(t int) torchRates {
	var best torchRates
	for _, v := range variants(t) {
		cmd := exec.Command(*python, "-c", torchScript, strconv.Itoa(t), strconv.Itoa(*steps), strconv.Itoa(*trials), clockFor(t))
		cmd.Env = append(openblasEnv(t), v.env...)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		var r struct{ SGD, Adam, SGDCores, AdamCores float64 }
		if err == nil {
			err = json.Unmarshal(out, &r)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: PyTorch with %d threads, %s: %v\n", t, v.label, exitError(err))
		}
		if r.SGD > best.SGD.perSec {
			best.SGD, best.SGDBy = rate{r.SGD, r.SGDCores}, v.label
		}
		if r.Adam > best.Adam.perSec {
			best.Adam, best.AdamBy = rate{r.Adam, r.AdamCores}, v.label
		}
	}
	return best
}

func rate0(x float64) string {
	if x == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f", x)
}
