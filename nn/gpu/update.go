package gpu

import (
	"errors"
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
	// values appends the scalars of step t ≥ 1 to dst, computed on the
	// host in float64 and rounded to float32 as optim's float32 path does
	// (into dst's capacity: no allocation). It returns an error when the
	// optimizer's fields ask for what the kernel does not do.
	values func(dst []float32, t int) ([]float32, error)
}

// kernelUpdate is a deviceUpdate that runs an updateRule's kernel over the
// whole parameter slab, its state kept on the device.
type kernelUpdate struct {
	opt   optim.Optimizer[float32]
	rule  updateRule
	fn    *cublas.Function          // rule's kernel
	n     int                       // parameters
	t     int                       // steps taken, from the optimizer's count at newDeviceUpdate
	state []*cublas.Buffer[float32] // rule.state's slabs, in order
	// scalars receives rule.values' scalars each step; args is the
	// kernel's argument list, made once: params and grads (set by Step),
	// the state, pointers to scalars and n, so that Step allocates nothing.
	scalars []float32
	args    []any
}

var _ deviceUpdate = (*kernelUpdate)(nil)

// newDeviceUpdate compiles opt's update for n parameters and uploads its
// state to the device: the optimizer's own (optim.StateOf), so that the
// update continues where opt stands, from zero for a fresh one. It serves
// the lecture's nine optimizers (optim.All) in both forms; the fields
// beyond the lecture (SGD's and Adam's WeightDecay, Adam's AMSGrad) and
// the other optimizers (AdamW, Lion, Muon) return an error naming them,
// as does a state sized for another n.
//
// The hyperparameters are checked here and at every Step with
// optim.Check, the check optim's own Step makes (invalid ones panic with
// optim's message). Every Step reads opt's fields again, so η set by a
// schedule between steps is the η of the next launch, as on the CPU; Step
// refuses a change of the fields that chose the kernel (Form, Rprop's
// Variant, Nesterov's ExactWeights) with an error.
func newDeviceUpdate(ctx *cublas.Context, opt optim.Optimizer[float32], n int) (deviceUpdate, error) {
	if n < 1 {
		panic(fmt.Sprintf("gpu: newDeviceUpdate: n must be ≥ 1, got %d", n))
	}
	opt.Settings() // fills a literal's zero fields with their defaults
	rule, err := ruleFor(opt)
	if err != nil {
		return nil, err
	}
	mustValid(optim.Check(opt))
	host, err := optim.StateOf(opt)
	if err != nil {
		return nil, err
	}
	fn, err := compileElementwise(ctx, rule.name, rule.source,
		append(ptx.Slices(rule.params, "g"), rule.state...), ptx.Scalars(rule.scalars...))
	if err != nil {
		return nil, err
	}
	u := &kernelUpdate{opt: opt, rule: rule, fn: fn, n: n, t: host.Steps, scalars: make([]float32, len(rule.scalars))}
	if err := u.upload(ctx, host); err != nil {
		u.Close()
		return nil, err
	}
	u.args = append(u.args, (*cublas.Buffer[float32])(nil), (*cublas.Buffer[float32])(nil))
	for _, b := range u.state {
		u.args = append(u.args, b)
	}
	for i := range u.scalars {
		u.args = append(u.args, &u.scalars[i])
	}
	u.args = append(u.args, int32(n))
	if o, ok := opt.(*optim.Nesterov[float32]); ok && o.Form == optim.Lecture {
		return newNesterovLookAhead(ctx, u, o, len(host.Vectors))
	}
	return u, nil
}

// upload allocates the state slabs and fills them from the host's state:
// its vectors, in order, and zero for those it does not have yet.
func (u *kernelUpdate) upload(ctx *cublas.Context, host optim.State[float32]) error {
	zeros := make([]float32, u.n)
	for i := range u.rule.state {
		b, err := cublas.NewBuffer[float32](ctx, u.n)
		if err != nil {
			return err
		}
		u.state = append(u.state, b)
		v := zeros
		if i < len(host.Vectors) {
			v = host.Vectors[i]
		}
		if len(v) != u.n {
			return fmt.Errorf("gpu: %s: the optimizer's state is sized for %d parameters, not %d", u.opt.Name(), len(v), u.n)
		}
		if err := b.Upload(v); err != nil {
			return err
		}
	}
	return nil
}

// hostState downloads the state: the step count and the vectors of
// optim.StateOf's order (none before the first step), the first have of
// them when the device keeps fewer.
func (u *kernelUpdate) hostState(have int) (optim.State[float32], error) {
	s := optim.State[float32]{Steps: u.t}
	if u.t == 0 {
		return s, nil
	}
	for _, b := range u.state[:have] {
		v := make([]float32, u.n)
		if err := b.Download(v); err != nil {
			return s, err
		}
		s.Vectors = append(s.Vectors, v)
	}
	return s, nil
}

// CopyState writes the device's state into the optimizer the update was
// made for (optim.SetState), which then continues where the device is.
func (u *kernelUpdate) CopyState() error {
	s, err := u.hostState(len(u.state))
	if err != nil {
		return err
	}
	return optim.SetState(u.opt, s)
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
// kernel, one thread per parameter. Invalid hyperparameters (η set by a
// schedule, or any other field) panic with optim's message, as optim's
// Step does. Step allocates nothing on the host.
func (u *kernelUpdate) Step(ctx *cublas.Context, params, grads *cublas.Buffer[float32]) error {
	if params.Len() < u.n || grads.Len() < u.n {
		panic(fmt.Sprintf("gpu: %s: Step: params (%d) and grads (%d) must hold %d elements",
			u.opt.Name(), params.Len(), grads.Len(), u.n))
	}
	mustValid(optim.Check(u.opt))
	scalars, err := u.rule.values(u.scalars[:0], u.t+1)
	if err != nil {
		return err
	}
	if len(scalars) != len(u.scalars) || &scalars[0] != &u.scalars[0] {
		panic(fmt.Sprintf("gpu: %s: %d scalars for the kernel's %d", u.rule.name, len(scalars), len(u.scalars)))
	}
	u.args[0], u.args[1] = params, grads
	u.t++
	return u.fn.Launch(blocks(u.n), threadsPerBlock, u.args...)
}

// Close frees the state slabs and unloads the kernel.
func (u *kernelUpdate) Close() error {
	var errs []error
	for _, b := range u.state {
		errs = append(errs, b.Free())
	}
	u.state = nil
	return errors.Join(append(errs, u.fn.Module().Unload())...)
}

// mustValid panics with err unless it is nil.
func mustValid(err error) {
	if err != nil {
		panic(err)
	}
}
