package gpu

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// roundTripSteps is k: each run below takes 2k steps, k on one side and k
// on the other.
const roundTripSteps = 4

// roundTripTolerance bounds max|Δw|/max|w| between runs that take some of
// their 2k steps on the CPU and some on the device and the run that takes
// them all on the CPU: the products' summation order and exp, as in
// gradTolerance, over 2k = 8 steps. Measured: at most 7.9e-8 (go test -v
// -run TrainerRoundTrip ./nn/gpu/), allowed with 12× headroom.
const roundTripTolerance = 1e-6

// TestTrainerRoundTrip moves a run between the CPU and the device for
// every case of updateCases: k steps on the device, Sync, k on the CPU;
// k on the CPU, NewTrainer, k on the device; both against 2k on the CPU.
// And k steps on the device, Sync, a new Trainer and k more must give the
// bits of 2k steps on one Trainer: the state crosses exactly.
func TestTrainerRoundTrip(t *testing.T) {
	ctx := simulated(t)
	sizes := []int{5, 6, 3}
	rng := rand.New(rand.NewPCG(8, 8))
	batches := make([]nn.Data[float32], 2*roundTripSteps)
	for i := range batches {
		batches[i] = randomBatch(rng, 4, sizes[0], sizes[2], nn.CrossEntropy)
	}
	start := nn.NewMLP[float32](sizes, nn.Tanh, 3, nn.Xavier)
	cpuSteps := func(m *nn.MLP[float32], opt optim.Optimizer[float32], bs []nn.Data[float32]) {
		for _, b := range bs {
			m.LossAndGrad(b)
			opt.Step(m.Params, m.Grads)
		}
	}
	deviceSteps := func(m *nn.MLP[float32], opt optim.Optimizer[float32], bs []nn.Data[float32]) {
		tr, err := NewTrainer(ctx, m, opt, 4)
		check(t, err)
		defer tr.Close()
		for _, b := range bs {
			_, err := tr.Step(b)
			check(t, err)
		}
		check(t, tr.Sync(m))
	}
	first, second := batches[:roundTripSteps], batches[roundTripSteps:]
	for _, c := range updateCases() {
		t.Run(c.name, func(t *testing.T) {
			cpu, cpuOpt := start.Clone(), c.opt()
			cpuSteps(cpu, cpuOpt, batches)
			for _, run := range []struct {
				name          string
				before, after func(*nn.MLP[float32], optim.Optimizer[float32], []nn.Data[float32])
			}{
				{"device then CPU", deviceSteps, cpuSteps},
				{"CPU then device", cpuSteps, deviceSteps},
			} {
				m, opt := start.Clone(), c.opt()
				run.before(m, opt, first)
				run.after(m, opt, second)
				d := MaxRelDiff(m.Params, cpu.Params)
				t.Logf("%s: max|Δw|/max|w| = %.2g", run.name, d)
				if !(d <= roundTripTolerance) {
					t.Errorf("%s: the weights differ from the CPU's by %.2g > %g", run.name, d, roundTripTolerance)
				}
			}
			whole, twice := start.Clone(), start.Clone()
			deviceSteps(whole, c.opt(), batches)
			opt := c.opt()
			deviceSteps(twice, opt, first)
			deviceSteps(twice, opt, second)
			for i := range whole.Params {
				if whole.Params[i] != twice.Params[i] {
					t.Fatalf("parameter %d: %v after Sync and a new Trainer, %v on one Trainer", i, twice.Params[i], whole.Params[i])
				}
			}
		})
	}
}

// TestTrainerCopyToWeights checks that CopyTo gives the weights, not
// the projection θ the slab of Nesterov's lecture form holds, and Sync
// the slab: against optim's Nesterov.Weights on the CPU.
func TestTrainerCopyToWeights(t *testing.T) {
	ctx := simulated(t)
	sizes := []int{4, 5, 3}
	rng := rand.New(rand.NewPCG(9, 9))
	cpu := nn.NewMLP[float32](sizes, nn.ReLU, 4, nn.He)
	cpuOpt := optim.NewNesterov[float32]()
	tr, err := NewTrainer(ctx, cpu.Clone(), optim.NewNesterov[float32](), 6)
	check(t, err)
	defer tr.Close()
	for range 5 {
		b := randomBatch(rng, 6, sizes[0], sizes[2], nn.CrossEntropy)
		cpu.LossAndGrad(b)
		cpuOpt.Step(cpu.Params, cpu.Grads)
		_, err := tr.Step(b)
		check(t, err)
	}
	want := make([]float32, len(cpu.Params))
	cpuOpt.Weights(want, cpu.Params)
	got, slab := cpu.Clone(), cpu.Clone()
	check(t, tr.CopyTo(got))
	check(t, tr.Sync(slab))
	if d := MaxRelDiff(got.Params, want); !(d <= roundTripTolerance) {
		t.Errorf("CopyTo differs from the CPU's weights by %.2g", d)
	}
	if d := MaxRelDiff(slab.Params, cpu.Params); !(d <= roundTripTolerance) {
		t.Errorf("Sync differs from the CPU's θ by %.2g", d)
	}
	if d := MaxRelDiff(got.Params, slab.Params); d < 100*roundTripTolerance {
		t.Errorf("the weights are within %.2g of θ: the test cannot tell them apart", d)
	}
}

// TestTrainerDivergence checks nn.Trainer's rule on the loss: a NaN
// loss, and a loss above DivergenceFactor times the first, are refused
// with a *nn.DivergenceError before the update, which leaves the weights
// as they were; a negative factor turns the second check off.
func TestTrainerDivergence(t *testing.T) {
	ctx := simulated(t)
	sizes := []int{3, 4, 2}
	m := nn.NewMLP[float32](sizes, nn.Tanh, 6, nn.Xavier)
	tr, err := NewTrainer(ctx, m.Clone(), &optim.SGD[float32]{LR: 0.1}, 4)
	check(t, err)
	defer tr.Close()
	rng := rand.New(rand.NewPCG(6, 6))
	good := randomBatch(rng, 4, sizes[0], sizes[2], nn.CrossEntropy)
	bad := randomBatch(rng, 4, sizes[0], sizes[2], nn.CrossEntropy)
	bad.X[0] = float32(nanValue())
	before, after := m.Clone(), m.Clone()
	for i, c := range []struct {
		factor float64
		batch  nn.Data[float32]
		want   string // the reason, or "" for an accepted step
	}{
		{0, bad, "loss is NaN"},
		{0, good, ""},
		{1e-3, good, "more than 0.001× the first step's"},
		{-1, good, ""},
	} {
		tr.DivergenceFactor = c.factor
		check(t, tr.Sync(before))
		_, err := tr.Step(c.batch)
		var de *nn.DivergenceError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%d: Step error %v, want none", i, err)
		case c.want == "":
		case !errors.As(err, &de) || !strings.Contains(de.Reason, c.want) || de.Optimizer != "SGD" || de.Rate != 0.1:
			t.Errorf("%d: Step error %v, want a DivergenceError of SGD at η = 0.1, reason %q", i, err, c.want)
		default:
			check(t, tr.Sync(after))
			if d := MaxRelDiff(after.Params, before.Params); d != 0 {
				t.Errorf("%d: a refused step moved the weights by %.2g", i, d)
			}
		}
	}
}

// nanValue is a NaN, from a computation the compiler does not fold.
func nanValue() float64 {
	zero := 0.0
	return zero / zero
}
