package optim

import (
	"fmt"
	"math"
	"testing"
)

// panicMessage runs f and returns what it panicked with, or "" if it did not.
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func TestInvalidHyperparametersPanic(t *testing.T) {
	p, g := []float64{1}, []float64{1}
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"Adam Beta1 at Step", func() { o := NewAdam[float64](); o.Beta1 = 1.2; o.Step(p, g) },
			"optim: Adam: Beta1 must be in [0,1), got 1.2"},
		{"Adam Beta2 NaN", func() { o := NewAdam[float64](); o.Beta2 = math.NaN(); o.Step(p, g) },
			"optim: Adam: Beta2 must be in [0,1), got NaN"},
		{"SGD LR", func() { NewSGD[float64]().SetLearningRate(0) },
			"optim: SGD: LR must be finite and > 0, got 0"},
		{"Momentum Mu", func() { o := NewMomentum[float32](); o.Mu = -0.1; o.Step([]float32{1}, []float32{1}) },
			"optim: Momentum: Mu must be in [0,1), got -0.1"},
		{"Nesterov Form", func() { o := NewNesterov[float64](); o.Form = 7; o.Step(p, g) },
			"optim: Nesterov: Form must be Lecture or PyTorch, got 7"},
		{"Rprop EtaPlus", func() { o := NewRprop[float64](); o.EtaPlus = 1; o.Step(p, g) },
			"optim: Rprop: EtaPlus must be finite and > 1, got 1"},
		{"Rprop EtaMinus", func() { o := NewRprop[float64](); o.EtaMinus = 1; o.Step(p, g) },
			"optim: Rprop: EtaMinus must be in (0,1), got 1"},
		{"Rprop MaxStep", func() { o := NewRprop[float64](); o.MaxStep = 1e-7; o.Step(p, g) },
			"optim: Rprop: MaxStep must be ≥ MinStep (1e-06), got 1e-07"},
		{"Adagrad Eps", func() { o := NewAdagrad[float64](); o.Eps = -1; o.Step(p, g) },
			"optim: Adagrad: Eps must be finite and ≥ 0, got -1"},
		{"Adam Eps Zero()", func() { (&Adam[float64]{Eps: Zero()}).Step(p, g) },
			"optim: Adam: Eps must be finite and > 0, got -0"},
		{"Adam Form", func() { (&Adam[float64]{Form: 2}).Step(p, g) },
			"optim: Adam: Form must be Lecture or PyTorch, got 2"},
		{"literal Beta1", func() { (&Adam[float64]{LR: 3e-4, Beta1: 1}).Step(p, g) },
			"optim: Adam: Beta1 must be in [0,1), got 1"},
		{"Rprop Variant", func() { (&Rprop[float64]{Variant: 9}).Step(p, g) },
			"optim: Rprop: Variant must be RpropDefault, RpropMinus, RpropPlus or IRpropMinus, got 9"},
		{"Rprop FirstSign", func() { (&Rprop[float64]{FirstSign: 2}).Step(p, g) },
			"optim: Rprop: FirstSign must be FirstSignZero or FirstSignGradient, got 2"},
		{"RMSprop Gamma", func() { o := NewRMSprop[float64](); o.Gamma = 1; o.Step(p, g) },
			"optim: RMSprop: Gamma must be in [0,1), got 1"},
		{"Nadam MomentumDecay", func() { o := &Nadam[float64]{Form: PyTorch, MomentumDecay: -1}; o.Step(p, g) },
			"optim: Nadam: MomentumDecay must be finite and ≥ 0, got -1"},
		{"Adadelta LR Inf", func() { o := NewAdadelta[float64](); o.SetLearningRate(math.Inf(1)) },
			"optim: Adadelta: LR must be finite and > 0, got +Inf"},
		{"SGD WeightDecay", func() { (&SGD[float64]{WeightDecay: -1}).Step(p, g) },
			"optim: SGD: WeightDecay must be finite and ≥ 0, got -1"},
		{"AdamW Beta1", func() { (&AdamW[float64]{Beta1: 1}).Step(p, g) },
			"optim: AdamW: Beta1 must be in [0,1), got 1"},
		{"AdamW WeightDecay", func() { o := NewAdamW[float64](); o.WeightDecay = -1; o.Step(p, g) },
			"optim: AdamW: WeightDecay must be finite and ≥ 0, got -1"},
		{"Lion Beta2", func() { (&Lion[float64]{Beta2: 1}).Step(p, g) },
			"optim: Lion: Beta2 must be in [0,1), got 1"},
		{"Muon Steps", func() { o := NewMuon[float64]([]int{1, 1}); o.Steps = -1; o.Step([]float64{1, 1}, []float64{1, 1}) },
			"optim: Muon: Steps must be ≥ 1, got -1"},
		{"Muon slab", func() { NewMuon[float64]([]int{2, 3}).Step(p, g) },
			"optim: Muon: the slab holds 1 parameters, sizes [2 3] have 9"},
		{"ClipGradNorm", func() { ClipGradNorm(g, 0) },
			"optim: ClipGradNorm: maxNorm must be finite and > 0, got 0"},
		{"StepDecay Factor", func() { NewStepDecay(0.1, 1.5, 10) }, "optim: StepDecay: Factor must be in (0,1], got 1.5"},
		{"StepDecay Every", func() { NewStepDecay(0.1, 0.5, 0) }, "optim: StepDecay: Every must be ≥ 1, got 0"},
		{"StepDecay StepsPerEpoch", func() { (&StepDecay{Initial: 0.1, Factor: 0.5, Every: 1, StepsPerEpoch: -1}).Rate(0) },
			"optim: StepDecay: StepsPerEpoch must be ≥ 0, got -1"},
		{"Exponential Gamma", func() { NewExponential(0.1, 0) }, "optim: Exponential: Gamma must be in (0,1], got 0"},
		{"InverseTime Decay", func() { NewInverseTime(0.1, -1) }, "optim: InverseTime: Decay must be finite and ≥ 0, got -1"},
		{"Constant LR", func() { NewConstant(-1) }, "optim: Constant: LR must be finite and > 0, got -1"},
		{"ValidationDriven rate", func() { NewValidationDriven(0) }, "optim: ValidationDriven: rate must be finite and > 0, got 0"},
		{"lengths", func() { NewAdam[float64]().Step(p, []float64{1, 2}) },
			"optim: Adam: len(params)=1 != len(grads)=2"},
		{"length change", func() { o := NewSGD[float64](); o.Step(p, g); o.Step([]float64{1, 2}, []float64{1, 2}) },
			"optim: SGD: state sized for 1 parameters, got 2"},
		{"Weights length", func() { o := NewNesterov[float64](); o.Step(p, g); o.Weights(nil, p) },
			"optim: Nesterov: Weights: len(dst)=0, want 1"},
	}
	for i, c := range cases {
		if got := panicMessage(c.f); got != c.want {
			t.Errorf("%d %s: panic %q, want %q", i, c.name, got, c.want)
		}
	}
}

// TestStepAllocatesOnce checks that only the first Step allocates.
func TestStepAllocatesOnce(t *testing.T) {
	for _, f := range allForms[float32]() {
		params, grads := make([]float32, 100), make([]float32, 100)
		for i := range grads {
			grads[i] = float32(i%7) - 3
		}
		f.opt.Step(params, grads)
		if allocs := testing.AllocsPerRun(20, func() { f.opt.Step(params, grads) }); allocs != 0 {
			t.Errorf("%s: %v allocations per Step after the first", f.name, allocs)
		}
	}
}

// TestStateBytes checks StateBytes against the state a checkpoint actually
// holds (the record grows by exactly the state when n parameters are
// added), and prints the table for the lecture's 784-32-20-10 network.
func TestStateBytes(t *testing.T) {
	const n = 25990 // the lecture's 784-32-20-10: 207,920 bytes of float64 weights
	fresh := allForms[float64]()
	for k, f := range allForms[float64]() {
		empty, _ := fresh[k].opt.MarshalBinary()
		params := make([]float64, n)
		grads := make([]float64, n)
		f.opt.Step(params, grads)
		full, _ := f.opt.MarshalBinary()
		got, measured := f.opt.StateBytes(n), int64(len(full)-len(empty))
		t.Logf("%-20s %9d bytes = %.3f × model", f.name, got, float64(got)/(8*n))
		if got != measured {
			t.Errorf("%s: StateBytes(%d) = %d, checkpoint holds %d", f.name, n, got, measured)
		}
	}
}
