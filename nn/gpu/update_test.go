package gpu

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/optim"
)

// The device updates are checked against optim's float32 path, which is
// what the CPU trains with: both run updateSteps steps from the same
// weights on the same sequence of gradients, with the same learning-rate
// schedule, and every weight is compared after every step.
//
// The gradients do not depend on the weights, so rounding differences do
// not feed back through them: they only add up, step by step, in the
// weights and the state. The error of weight i is measured in unit
// roundoffs u = 2⁻²⁴ of the distance it has come,
//
//	|w_gpu − w_cpu| / (u·(|w₀| + Σₜ |Δwₜ|))
//
// (Σₜ |Δwₜ| the sum of the sizes of its CPU steps so far), which a few
// roundings of the weight and of each step bound. go test -v -run
// DeviceUpdateMatchesCPU ./nn/gpu/ logs each case's largest error.
//
// The kernels spell every update in the order of operations of optim's
// portable float32 loops, and round every operation as they do (package
// ptx writes .rn arithmetic, which the driver does not fuse). With the
// purego build tag on amd64, where optim runs those loops and Go fuses no
// multiply into an add, the device must then compute the same bits
// (cpuRoundsEachOperation): measured, it does. Otherwise optim runs
// assembly that fuses multiplies and adds (VFMADD), rounding once where
// the kernel rounds twice: measured, the errors stay below 5u, and
// updateTolerance gives them 1.6× headroom; Nesterov's lecture form, whose
// projection θ ← (θ + μ·v) − (1+μ)·v′ rounds at the size of w and of
// (1+μ)·v′, several times θ's own step, reaches 7.97u and is allowed
// nesterovTolerance.
//
// Three combinations of Rprop's form and variant (rpropOnFloat64) have no
// float32 loop in optim: its float32 path computes U·η⁺ in float64 there,
// while the kernel multiplies by η⁺ rounded to float32, as optim's
// float32 loops do, 0.67u too large for 1.2. The relative difference
// grows by that much with every growth of U until the clamp at U_max
// resets it, 47 growths from U₀ = 0.01 to U_max = 50, and the weights
// inherit it: 26.8u measured with or without purego, rpropTolerance
// allowed.
const (
	updateSteps       = 100
	updateParams      = 300 // more than one block of threadsPerBlock threads, and a partial one
	updateTolerance   = 8
	nesterovTolerance = 12
	rpropTolerance    = 40
	unitRoundoff      = 0x1p-24
)

// rpropOnFloat64 are the Rprop cases optim's float32 path runs on its
// float64 reference loop.
var rpropOnFloat64 = map[string]bool{
	"Rprop/Lecture/RpropPlus":   true,
	"Rprop/Lecture/IRpropMinus": true,
	"Rprop/PyTorch/RpropMinus":  true,
}

// tolerance is the tolerance of case name's parameters, in u of the
// distance come.
func tolerance(name string) float64 {
	switch {
	case rpropOnFloat64[name]:
		return rpropTolerance
	case cpuRoundsEachOperation:
		return 0
	case name == "Nesterov/Lecture":
		return nesterovTolerance
	}
	return updateTolerance
}

// updateCase is one optimizer in one form and variant; opt makes a fresh
// one, for each side.
type updateCase struct {
	name string
	opt  func() optim.Optimizer[float32]
}

// updateCases are the lecture's nine optimizers (optim.All) in both forms,
// and the variants that change the update besides.
func updateCases() []updateCase {
	var cases []updateCase
	for _, form := range []optim.Form{optim.Lecture, optim.PyTorch} {
		for k, o := range optim.All[float32]() {
			cases = append(cases, updateCase{o.Name() + "/" + form.String(), func() optim.Optimizer[float32] {
				return withForm(optim.All[float32]()[k], form)
			}})
		}
	}
	extra := func(name string, opt func() optim.Optimizer[float32]) {
		cases = append(cases, updateCase{name, opt})
	}
	extra("Nesterov/Lecture/ExactWeights", func() optim.Optimizer[float32] {
		return &optim.Nesterov[float32]{ExactWeights: true}
	})
	for _, form := range []optim.Form{optim.Lecture, optim.PyTorch} {
		for _, v := range []optim.RpropVariant{optim.RpropMinus, optim.RpropPlus, optim.IRpropMinus} {
			extra("Rprop/"+form.String()+"/"+v.String(), func() optim.Optimizer[float32] {
				return &optim.Rprop[float32]{Form: form, Variant: v}
			})
		}
		extra("Rprop/"+form.String()+"/FirstSignGradient", func() optim.Optimizer[float32] {
			return &optim.Rprop[float32]{Form: form, FirstSign: optim.FirstSignGradient}
		})
	}
	extra("Adadelta/LR=0.5", func() optim.Optimizer[float32] { return &optim.Adadelta[float32]{LR: 0.5} })
	return cases
}

// withForm sets o's Form field (every optimizer has one).
func withForm(o optim.Optimizer[float32], form optim.Form) optim.Optimizer[float32] {
	reflect.ValueOf(o).Elem().FieldByName("Form").Set(reflect.ValueOf(form))
	return o
}

// updateProblem is the starting weights and the gradient of every step,
// seeded: uniform weights in [−1, 1]; gradients normal, of sizes 1, 10⁻²
// and 10⁻⁴ (where ε matters), one in ten exactly 0 (Rprop's and
// Adagrad's zero cases), and of a constant sign for every fourth weight
// (so that Rprop's U grows to its upper limit).
func updateProblem() (w0 []float32, grads [][]float32) {
	rng := rand.New(rand.NewPCG(13, 2))
	w0 = make([]float32, updateParams)
	for i := range w0 {
		w0[i] = float32(2*rng.Float64() - 1)
	}
	scales := []float64{1, 1e-2, 1e-4}
	grads = make([][]float32, updateSteps)
	for t := range grads {
		grads[t] = make([]float32, updateParams)
		for i := range grads[t] {
			g := scales[i%len(scales)] * rng.NormFloat64()
			switch {
			case rng.IntN(10) == 0:
				g = 0
			case i%4 == 0:
				g = math.Abs(g)
			}
			grads[t][i] = float32(g)
		}
	}
	return w0, grads
}

// rateAt is the learning-rate schedule both sides follow, from the
// optimizer's own η: a linear decay to half of it, so that a device
// update reading η only once is caught.
func rateAt(eta float64, t int) float64 { return eta * (1 - 0.5*float64(t)/updateSteps) }

// simulated opens a simulated device for the test.
func simulated(t *testing.T) *cublas.Context {
	t.Helper()
	ctx, err := cublas.OpenSimulated()
	if err != nil {
		t.Fatalf("OpenSimulated: %v", err)
	}
	t.Cleanup(func() { ctx.Close() })
	return ctx
}

// TestDeviceUpdateMatchesCPU runs every case on the CPU and on each
// device (the simulated one, and the GPU when there is one) and bounds the
// difference of the weights after every step (and, for Nesterov's
// projection, of the weights it gives).
func TestDeviceUpdateMatchesCPU(t *testing.T) {
	devs := devices(t)
	w0, grads := updateProblem()
	for _, dev := range slices.Sorted(maps.Keys(devs)) {
		for _, c := range updateCases() {
			t.Run("device="+dev+"/"+c.name, func(t *testing.T) {
				worst := runBoth(t, devs[dev], c, w0, grads)
				t.Logf("%-34s max error %.3g u of the distance come", c.name, worst)
			})
		}
	}
}

// runBoth steps c on both sides and returns the largest error seen, in
// unit roundoffs of the distance come; it reports the weights out of
// tolerance.
func runBoth(t *testing.T, ctx *cublas.Context, c updateCase, w0 []float32, grads [][]float32) float64 {
	t.Helper()
	cpu, dev := c.opt(), c.opt()
	u, err := newDeviceUpdate(ctx, dev, len(w0))
	if err != nil {
		t.Fatalf("newDeviceUpdate(%s): %v", dev.Settings(), err)
	}
	params, gradsDev := upload(t, ctx, w0), upload(t, ctx, grads[0])
	want, got := append([]float32(nil), w0...), make([]float32, len(w0))
	come := make([]float64, len(w0)) // |w₀| + Σₜ |Δwₜ|, per weight
	for i, w := range w0 {
		come[i] = math.Abs(float64(w))
	}
	var worst float64
	if la, ok := u.(deviceLookAhead); ok { // before the first step, the weights are the slab
		worst = compareWeights(t, ctx, la, params, w0, come, 0)
	}
	for step, g := range grads {
		if rs, ok := cpu.(optim.RateSetter); ok {
			eta := rateAt(c.opt().(optim.RateSetter).LearningRate(), step)
			rs.SetLearningRate(eta)
			dev.(optim.RateSetter).SetLearningRate(eta)
		}
		before := append([]float32(nil), want...)
		cpu.Step(want, g)
		for i := range want {
			come[i] += math.Abs(float64(want[i]) - float64(before[i]))
		}
		check(t, gradsDev.Upload(g))
		check(t, u.Step(ctx, params, gradsDev))
		check(t, params.Download(got))
		worst = max(worst, compare(t, fmt.Sprintf("step %d: params", step+1), got, want, come, tolerance(c.name)))
	}
	if la, ok := u.(deviceLookAhead); ok {
		wantW := make([]float32, len(w0))
		cpu.(optim.LookAhead[float32]).Weights(wantW, want)
		// optim recovers w = θ + μ·v in float64, the kernel in float32
		worst = max(worst, compareWeights(t, ctx, la, params, wantW, come, max(tolerance(c.name), updateTolerance)))
	}
	return worst
}

// compareWeights compares the weights la gives for the slab params with
// want, within tol u of the distance come, and returns the largest error.
func compareWeights(t *testing.T, ctx *cublas.Context, la deviceLookAhead, params *cublas.Buffer[float32],
	want []float32, come []float64, tol float64) float64 {
	t.Helper()
	dst, got := upload(t, ctx, make([]float32, len(want))), make([]float32, len(want))
	check(t, la.Weights(ctx, dst, params))
	check(t, dst.Download(got))
	return compare(t, "Weights", got, want, come, tol)
}

// compare reports the weights of got farther from want than tol unit
// roundoffs of the distance come, at most five of them, and returns the
// largest error in those units.
func compare(t *testing.T, what string, got, want []float32, come []float64, tol float64) float64 {
	t.Helper()
	var worst float64
	bad := 0
	for i := range want {
		e := math.Abs(float64(got[i])-float64(want[i])) / (unitRoundoff * come[i])
		if got[i] == want[i] {
			e = 0 // 0/0 for a weight that starts and stays at 0
		}
		worst = max(worst, e)
		if !(e <= tol) {
			if bad++; bad <= 5 {
				t.Errorf("%s: %d: got %v, want %v (%.3g u of %.3g)", what, i, got[i], want[i], e, come[i])
			}
		}
	}
	return worst
}

// upload copies v to a new buffer on the device.
func upload(t *testing.T, ctx *cublas.Context, v []float32) *cublas.Buffer[float32] {
	t.Helper()
	b, err := cublas.NewBuffer[float32](ctx, len(v))
	check(t, err)
	check(t, b.Upload(v))
	return b
}

// check fails the test on a device error.
func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestDeviceUpdateStateBytes checks each case's state on the device
// against optim's count, but for Rprop, whose signs take a float each on
// the device and two bits on the CPU.
func TestDeviceUpdateStateBytes(t *testing.T) {
	ctx := simulated(t)
	const n = 100
	for _, c := range updateCases() {
		opt := c.opt()
		u, err := newDeviceUpdate(ctx, opt, n)
		check(t, err)
		want := opt.StateBytes(n)
		if r, ok := opt.(*optim.Rprop[float32]); ok {
			want = 2 * 4 * n // U and SGN
			if rpropVariant(r) == optim.RpropPlus {
				want += 4 * n // Δw
			}
		}
		if got := u.StateBytes(); int64(got) != want {
			t.Errorf("%s: StateBytes() = %d, want %d", c.name, got, want)
		}
	}
}

// TestDeviceUpdateUnsupported checks that what has no kernel is refused,
// by name, when the update is made or, set later, at the next Step.
func TestDeviceUpdateUnsupported(t *testing.T) {
	ctx := simulated(t)
	for i, c := range []struct {
		opt  optim.Optimizer[float32]
		want string
	}{
		{optim.NewAdamW[float32](), "AdamW has no device update"},
		{optim.NewLion[float32](), "Lion has no device update"},
		{optim.NewMuon[float32]([]int{4, 3}), "Muon has no device update"},
		{&optim.SGD[float32]{WeightDecay: 0.1}, "SGD: WeightDecay has no device update"},
		{&optim.Adam[float32]{WeightDecay: 0.1}, "Adam: WeightDecay has no device update"},
		{&optim.Adam[float32]{AMSGrad: true}, "Adam: AMSGrad has no device update"},
	} {
		_, err := newDeviceUpdate(ctx, c.opt, 4)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%d: newDeviceUpdate(%s) error %v, want one containing %q", i, c.opt.Name(), err, c.want)
		}
	}
	adam, step := adamOnDevice(t, ctx)
	check(t, step())
	for i, c := range []struct {
		set  func()
		want string
	}{
		{func() { adam.AMSGrad = true }, "Adam: AMSGrad has no device update"},
		{func() { adam.Form = optim.PyTorch }, "Adam: Form changed from Lecture to PyTorch"},
	} {
		adam.AMSGrad, adam.Form = false, optim.Lecture
		c.set()
		if err := step(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%d: Step error %v, want one containing %q", i, err, c.want)
		}
	}
}

// TestDeviceUpdateInvalid checks that an invalid hyperparameter panics
// with optim's message when the update is made, and an invalid η (the
// field schedules change) at the next Step.
func TestDeviceUpdateInvalid(t *testing.T) {
	ctx := simulated(t)
	mustPanic(t, "optim: Adam: Beta1 must be in [0,1), got 1.2",
		func() { newDeviceUpdate(ctx, &optim.Adam[float32]{Beta1: 1.2}, 4) })
	adam, step := adamOnDevice(t, ctx)
	adam.LR = -1
	mustPanic(t, "optim: Adam: LR must be finite and > 0, got -1", func() { step() })
}

// TestDeviceUpdateAllocatesNothing checks that a Step of each update
// allocates nothing on the host, launch included, on the simulated
// device.
func TestDeviceUpdateAllocatesNothing(t *testing.T) {
	ctx := simulated(t)
	for _, c := range updateCases() {
		u, err := newDeviceUpdate(ctx, c.opt(), 4)
		check(t, err)
		params, grads := upload(t, ctx, []float32{1, 2, 3, 4}), upload(t, ctx, []float32{1, -1, 0, 2})
		if a := testing.AllocsPerRun(5, func() { check(t, u.Step(ctx, params, grads)) }); a != 0 {
			t.Errorf("%s: %v allocations per Step, want 0", c.name, a)
		}
		check(t, u.Close())
	}
}

// adamOnDevice returns Adam and a function that steps its device update
// over 4 parameters.
func adamOnDevice(t *testing.T, ctx *cublas.Context) (*optim.Adam[float32], func() error) {
	adam := optim.NewAdam[float32]()
	u, err := newDeviceUpdate(ctx, adam, 4)
	check(t, err)
	params, grads := upload(t, ctx, make([]float32, 4)), upload(t, ctx, make([]float32, 4))
	return adam, func() error { return u.Step(ctx, params, grads) }
}

// mustPanic checks that f panics with a value whose text is want.
func mustPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		if got := fmt.Sprint(recover()); got != want {
			t.Errorf("panic %q, want %q", got, want)
		}
	}()
	f()
}
