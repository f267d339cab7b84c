package gpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/optim"
)

// devices returns the simulated device, and the GPU when there is one
// (built with -tags cublas on a machine with the driver and a device).
func devices(t *testing.T) map[string]*cublas.Context {
	t.Helper()
	out := make(map[string]*cublas.Context)
	sim, err := cublas.OpenSimulated()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	out["simulated"] = sim
	if gpu, err := cublas.Open(); err == nil {
		t.Cleanup(func() { gpu.Close() })
		out["gpu"] = gpu
	} else {
		t.Logf("no GPU: %v (the simulated device only)", err)
	}
	return out
}

// randomBatch is rows seeded rows of inputs in [−1, 1), with labels for
// CrossEntropy or targets in [0, 1) for MSE.
func randomBatch(rng *rand.Rand, rows, in, out int, loss nn.Loss) nn.Data[float32] {
	d := nn.Data[float32]{X: make([]float32, rows*in)}
	for i := range d.X {
		d.X[i] = float32(2*rng.Float64() - 1)
	}
	if loss == nn.CrossEntropy {
		d.Labels = make([]int, rows)
		for i := range d.Labels {
			d.Labels[i] = rng.IntN(out)
		}
	} else {
		d.Targets = make([]float32, rows*out)
		for i := range d.Targets {
			d.Targets[i] = float32(rng.Float64())
		}
	}
	return d
}

// gradTolerance bounds |g_device − g_cpu| / max|g_cpu| over the gradient
// slab of one LossAndGrad. The two differ by the order of the float32
// sums in the products (cuBLAS's, or the simulator's naive loops, against
// the CPU's packed kernel), and by exp: float64 on the CPU, ex2.approx
// on the device. Measured on the simulated device: at most 2.9e-7
// (TestLossAndGradMatchesCPU logs it per case).
const gradTolerance = 2e-6

// lossTolerance bounds the relative difference of the mean loss.
const lossTolerance = 2e-6

// TestLossAndGradMatchesCPU compares the device's loss and gradients with
// nn's CPU path, float32, for every activation and both losses, on
// batches of 1 to 7 rows and a Trainer sized for more.
func TestLossAndGradMatchesCPU(t *testing.T) {
	for dev, ctx := range devices(t) {
		for _, act := range []nn.Activation{nn.ReLU, nn.Sigmoid, nn.Tanh, nn.Identity} {
			for _, loss := range []nn.Loss{nn.CrossEntropy, nn.MSE} {
				t.Run(fmt.Sprintf("device=%s/act=%v/loss=%v", dev, act, loss), func(t *testing.T) {
					sizes := []int{6, 5, 4, 3}
					cpu := nn.NewMLP[float32](sizes, act, 11, nn.He)
					cpu.Loss = loss
					tr, err := NewTrainer(ctx, cpu.Clone(), optim.NewSGD[float32](), 8)
					if err != nil {
						t.Fatal(err)
					}
					defer tr.Close()
					rng := rand.New(rand.NewPCG(3, uint64(act)))
					worst := 0.0
					for _, rows := range []int{1, 4, 7} {
						batch := randomBatch(rng, rows, sizes[0], sizes[len(sizes)-1], loss)
						want := cpu.LossAndGrad(batch)
						got, err := tr.LossAndGrad(batch)
						if err != nil {
							t.Fatal(err)
						}
						if d := math.Abs(got-want) / math.Abs(want); !(d <= lossTolerance) {
							t.Errorf("rows=%d: loss %v, CPU %v, relative difference %.2g > %.2g", rows, got, want, d, lossTolerance)
						}
						grads := make([]float32, len(cpu.Grads))
						if err := tr.Grads(grads); err != nil {
							t.Fatal(err)
						}
						d := MaxRelDiff(grads, cpu.Grads)
						worst = max(worst, d)
						if !(d <= gradTolerance) {
							t.Errorf("rows=%d: gradients differ by %.2g of their largest, > %.2g", rows, d, gradTolerance)
						}
					}
					t.Logf("max |Δg|/max|g| = %.2g", worst)
				})
			}
		}
	}
}

// trainTolerance bounds |w_device − w_cpu| / max|w_cpu| after the steps
// of TestStepsMatchCPU. Measured on the simulated device: 1.5e-7.
const trainTolerance = 1e-6

// TestStepsMatchCPU trains the same model for 20 SGD steps on the device
// and on the CPU, and compares the losses at each step and the weights
// at the end.
func TestStepsMatchCPU(t *testing.T) {
	for dev, ctx := range devices(t) {
		t.Run("device="+dev, func(t *testing.T) {
			sizes := []int{8, 7, 5, 4}
			cpu := nn.NewMLP[float32](sizes, nn.Tanh, 5, nn.Xavier)
			tr, err := NewTrainer(ctx, cpu.Clone(), &optim.SGD[float32]{LR: 0.1}, 6)
			if err != nil {
				t.Fatal(err)
			}
			defer tr.Close()
			opt := &optim.SGD[float32]{LR: 0.1}
			rng := rand.New(rand.NewPCG(4, 4))
			for step := range 20 {
				batch := randomBatch(rng, 6, sizes[0], sizes[len(sizes)-1], nn.CrossEntropy)
				want := cpu.LossAndGrad(batch)
				opt.Step(cpu.Params, cpu.Grads)
				got, err := tr.Step(batch)
				if err != nil {
					t.Fatal(err)
				}
				if d := math.Abs(got-want) / math.Abs(want); !(d <= lossTolerance) {
					t.Errorf("step %d: loss %v, CPU %v", step, got, want)
				}
			}
			gpuModel := cpu.Clone()
			if err := tr.CopyTo(gpuModel); err != nil {
				t.Fatal(err)
			}
			d := MaxRelDiff(gpuModel.Params, cpu.Params)
			t.Logf("after 20 steps: max |Δw|/max|w| = %.2g", d)
			if !(d <= trainTolerance) {
				t.Errorf("weights differ by %.2g of the largest, > %.2g", d, trainTolerance)
			}
		})
	}
}

// TestTrainerErrors checks the models and batches a Trainer refuses, and
// that a refused batch leaves it usable.
func TestTrainerErrors(t *testing.T) {
	ctx, err := cublas.OpenSimulated()
	if err != nil {
		t.Fatal(err)
	}
	defer ctx.Close()
	m := nn.NewMLP[float32]([]int{3, 4, 2}, nn.ReLU, 1, nn.He)
	m.Layers[1].Act = nn.Sigmoid
	if _, err := NewTrainer(ctx, m, optim.NewSGD[float32](), 4); err == nil || !strings.Contains(err.Error(), "output layer's activation must be identity") {
		t.Errorf("sigmoid output: got %v", err)
	}
	m.Layers[1].Act = nn.Identity
	tr, err := NewTrainer(ctx, m, optim.NewSGD[float32](), 4)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	x := make([]float32, 15)
	for i, tc := range []struct {
		batch nn.Data[float32]
		want  string
	}{
		{nn.Data[float32]{X: x[:4], Labels: []int{0}}, "nn: data: the model expects 3 inputs, the data has 4"},
		{nn.Data[float32]{X: x[:4]}, "nn: data: len(X)=4 is not a multiple of the 3 inputs"},
		{nn.Data[float32]{X: x[:6]}, "nn: data: softmax cross-entropy needs Labels"},
		{nn.Data[float32]{X: x[:0], Labels: []int{}}, "gpu: batch: 0 rows; the Trainer takes 1 to 4"},
		{nn.Data[float32]{X: x, Labels: []int{0, 0, 0, 0, 0}}, "gpu: batch: 5 rows; the Trainer takes 1 to 4"},
		{nn.Data[float32]{X: x[:6], Labels: []int{0, 2}}, "nn: data: label 2 of row 1 is outside [0,2)"},
	} {
		if _, err := tr.Step(tc.batch); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d: got %v, want an error containing %q", i, err, tc.want)
		}
	}
	if _, err := tr.Step(nn.Data[float32]{X: x[:6], Labels: []int{0, 1}}); err != nil {
		t.Errorf("a good batch after refused ones: %v", err)
	}
}

// TestTrainerStepAllocations checks that a Step allocates nothing on the
// host (the simulated device allocates nothing per launch, so this is the
// Trainer's own code), for both losses, hidden layers with Tanh, Sigmoid
// and ReLU, and every optimizer update in both forms.
func TestTrainerStepAllocations(t *testing.T) {
	ctx, err := cublas.OpenSimulated()
	if err != nil {
		t.Fatal(err)
	}
	defer ctx.Close()
	for _, c := range updateCases() {
		for _, loss := range []nn.Loss{nn.CrossEntropy, nn.MSE} {
			m := nn.NewMLP[float32]([]int{5, 4, 4, 4, 3}, nn.ReLU, 1, nn.He)
			m.Layers[0].Act, m.Layers[1].Act = nn.Tanh, nn.Sigmoid
			m.Loss = loss
			tr, err := NewTrainer(ctx, m, c.opt(), 8)
			if err != nil {
				t.Fatal(err)
			}
			batch := randomBatch(rand.New(rand.NewPCG(3, 4)), 8, 5, 3, loss)
			if a := testing.AllocsPerRun(3, func() {
				if _, err := tr.Step(batch); err != nil {
					t.Fatal(err)
				}
			}); a != 0 {
				t.Errorf("%s, %v: %v allocations per Step, want 0", c.name, loss, a)
			}
			tr.Close()
		}
	}
}
