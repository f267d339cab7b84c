package gpu

import (
	"fmt"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu/ptx"
	"github.com/nncourse/optimizers/optim"
)

// updateRule is one optimizer's update written as an element-wise kernel
// (package ptx): the kernel's statements, the slabs it reads and writes,
// and the scalars of each step.
//
// The kernel's slices are, in order, the parameters (named params), the
// gradients "g" and the state; its scalars are named by scalars and their
// values for step t come from values, which reads the optimizer's fields at
// that step, so a schedule's η set between steps is the η of the next
// launch, as on the CPU.
//
// Each kernel spells its update in the order of operations of optim's
// portable float32 loop (kernels32.go), and package ptx rounds every
// operation (.rn arithmetic, which the driver does not fuse), so the
// kernel computes that loop's bits; against optim's assembly, which fuses
// multiplies into adds, it differs by a few unit roundoffs over 100 steps
// (update_test.go measures both).
type updateRule struct {
	name    string   // the kernel's name, e.g. "adam_lecture"
	source  string   // the kernel's statements, Go syntax
	params  string   // the parameter slab's name in source: "w", or Nesterov's "th" (θ)
	state   []string // the state slabs, n elements each, zero before the first step
	scalars []string // the scalars' names, in the order values returns them
	// values computes the scalars of step t ≥ 1 on the host, in float64
	// rounded to float32 as optim's float32 path does. It returns an error
	// when the optimizer's fields ask for what the kernel does not do.
	values func(t int) ([]float32, error)
}

// kernelUpdate is a deviceUpdate that runs an updateRule's kernel over the
// whole parameter slab, its state kept on the device.
type kernelUpdate struct {
	opt   optim.Optimizer[float32]
	rule  updateRule
	fn    *cublas.Function          // rule's kernel
	n     int                       // parameters
	t     int                       // steps taken, from 0
	state []*cublas.Buffer[float32] // rule.state's slabs, in order
}

var _ deviceUpdate = (*kernelUpdate)(nil)

// newDeviceUpdate compiles opt's update for n parameters and allocates its
// state on the device, zero: the update starts where a fresh optimizer
// starts (t = 0), whatever opt did on the CPU before. It serves the
// lecture's nine optimizers (optim.All) in both forms; the fields beyond
// the lecture (SGD's and Adam's WeightDecay, Adam's AMSGrad) and the other
// optimizers (AdamW, Lion, Muon) return an error naming them.
//
// Every Step reads opt's fields again: η, μ, the β's and ε may change
// between steps, as on the CPU, but not the fields that choose the kernel
// (Form, Rprop's Variant, Nesterov's ExactWeights), whose change makes
// Step return an error.
func newDeviceUpdate(ctx *cublas.Context, opt optim.Optimizer[float32], n int) (deviceUpdate, error) {
	if n < 1 {
		panic(fmt.Sprintf("gpu: newDeviceUpdate: n must be ≥ 1, got %d", n))
	}
	opt.Settings() // fills a literal's zero fields with their defaults
	rule, err := ruleFor(opt)
	if err != nil {
		return nil, err
	}
	mustValid(checkFields(opt))
	fn, err := compileElementwise(ctx, rule.name, rule.source,
		append(ptx.Slices(rule.params, "g"), rule.state...), ptx.Scalars(rule.scalars...))
	if err != nil {
		return nil, err
	}
	u := &kernelUpdate{opt: opt, rule: rule, fn: fn, n: n}
	zeros := make([]float32, n)
	for range rule.state {
		b, err := cublas.NewBuffer[float32](ctx, n)
		if err == nil {
			err = b.Upload(zeros)
		}
		if err != nil {
			return nil, err
		}
		u.state = append(u.state, b)
	}
	if o, ok := opt.(*optim.Nesterov[float32]); ok && o.Form == optim.Lecture {
		return newNesterovLookAhead(ctx, u, o)
	}
	return u, nil
}

// ruleFor returns opt's updateRule, or an error if opt has none.
func ruleFor(opt optim.Optimizer[float32]) (updateRule, error) {
	var rule updateRule
	var err error
	switch o := opt.(type) {
	case *optim.SGD[float32]:
		rule, err = sgdRule(o)
	case *optim.Momentum[float32]:
		rule = momentumRule(o)
	case *optim.Nesterov[float32]:
		rule = nesterovRule(o)
	case *optim.Rprop[float32]:
		rule = rpropRule(o)
	case *optim.Adagrad[float32]:
		rule = adagradRule(o)
	case *optim.RMSprop[float32]:
		rule = rmspropRule(o)
	case *optim.Adam[float32]:
		rule, err = adamRule(o)
	case *optim.Nadam[float32]:
		rule = nadamRule(o)
	case *optim.Adadelta[float32]:
		rule = adadeltaRule(o)
	default:
		return updateRule{}, fmt.Errorf("gpu: %s has no device update; the lecture's nine optimizers have one "+
			"(SGD, Momentum, Nesterov, Rprop, Adagrad, RMSprop, Adam, Nadam, Adadelta)", opt.Name())
	}
	return rule, err
}

// StateBytes is the size of the state slabs on the device.
func (u *kernelUpdate) StateBytes() int { return len(u.state) * u.n * 4 }

// Step applies one update to params from grads, both n elements on the
// device: it computes the step's scalars on the host and launches the
// kernel, one thread per parameter. Invalid hyperparameters panic with
// optim's message, as optim's Step does.
func (u *kernelUpdate) Step(ctx *cublas.Context, params, grads *cublas.Buffer[float32]) error {
	if params.Len() < u.n || grads.Len() < u.n {
		panic(fmt.Sprintf("gpu: %s: Step: params (%d) and grads (%d) must hold %d elements",
			u.opt.Name(), params.Len(), grads.Len(), u.n))
	}
	mustValid(checkFields(u.opt))
	scalars, err := u.rule.values(u.t + 1)
	if err != nil {
		return err
	}
	args := make([]any, 0, 2+len(u.state)+len(scalars))
	args = append(args, params, grads)
	for _, b := range u.state {
		args = append(args, b)
	}
	for _, s := range scalars {
		args = append(args, s)
	}
	u.t++
	return launchElementwise(u.fn, u.n, args...)
}

// mustValid panics with err unless it is nil.
func mustValid(err error) {
	if err != nil {
		panic(err)
	}
}
