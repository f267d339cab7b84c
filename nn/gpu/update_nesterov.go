package gpu

import (
	"errors"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu/ptx"
	"github.com/nncourse/optimizers/optim"
)

// Nesterov's updates. In the lecture's form the parameter slab holds the
// projection θ, where the caller takes the next gradient, and the weights
// are recovered as w = θ + μ·v (or kept, with ExactWeights); in PyTorch's
// the slab holds the weights and the look-ahead is folded into the update.
const (
	// nesterovLectureKernel folds steps 4 and 1 into one, as optim's
	// float32 path does: θ ← (w − v) − μ·v = w − (1+μ)·v, d = 1+μ rounded
	// on the host.
	nesterovLectureKernel = `
		w := th + mu*v    // w = θ + μ·v, the weights the projection θ was taken from
		vn := mu*v + lr*g // 3. v ← μ·v + η·g
		th = w - d*vn     // 4. w ← w − v, then 1. θ ← w − μ·v, where the caller takes the next gradient (2.)
		v = vn`
	nesterovExactKernel = `
		if first > 0 {
			w = th // w₀ = θ₀: before the first step the slab holds the weights
		}
		v = mu*v + lr*g // 3. v ← μ·v + η·g
		w = w - v       // 4. w ← w − v
		th = w - mu*v   // 1. θ ← w − μ·v, where the caller takes the next gradient (2.)`
	// nesterovPyTorchKernel expands η·(g + μ·v) as optim's float32 path
	// does, lrmu = η·μ rounded on the host.
	nesterovPyTorchKernel = `
		v = mu*v + g              // v ← μ·v + g
		w = w - (lrmu*v + lr*g)   // w ← w − η·(g + μ·v)`
	// nesterovWeightsKernel writes the weights recovered from θ into w.
	nesterovWeightsKernel = `
		w = th + mu*v // w = θ + μ·v`
	// nesterovKeptKernel copies the kept weights into dst.
	nesterovKeptKernel = `
		dst = w // the lecture's w, kept`
)

// nesterovRule is NAG in o's form, v (and with ExactWeights in the
// lecture's form, w) on the device.
func nesterovRule(o *optim.Nesterov[float32]) updateRule {
	form, exact := o.Form, keepsWeights(o)
	rule := updateRule{params: "th", state: []string{"v"}, scalars: []string{"mu", "lr"}}
	switch {
	case form == optim.PyTorch:
		rule.name, rule.source, rule.params = "nesterov_pytorch", nesterovPyTorchKernel, "w"
		rule.scalars = append(rule.scalars, "lrmu")
	case exact:
		rule.name, rule.source = "nesterov_exact", nesterovExactKernel
		rule.state = append(rule.state, "w")
		rule.scalars = append(rule.scalars, "first")
	default:
		rule.name, rule.source = "nesterov_lecture", nesterovLectureKernel
		rule.scalars = append(rule.scalars, "d")
	}
	rule.values = func(dst []float32, t int) ([]float32, error) {
		if err := sameForm(o.Name(), form, o.Form); err != nil {
			return nil, err
		}
		if now := keepsWeights(o); now != exact {
			return nil, changed(o.Name(), "ExactWeights", exact, now)
		}
		values := append(dst, float32(o.Mu), float32(o.LR))
		switch {
		case exact:
			values = append(values, boolValue(t == 1))
		case form == optim.Lecture:
			values = append(values, float32(1+o.Mu))
		default:
			values = append(values, float32(o.LR*o.Mu))
		}
		return values, nil
	}
	return rule
}

// keepsWeights reports whether o keeps the lecture's w besides v.
func keepsWeights(o *optim.Nesterov[float32]) bool {
	return o.ExactWeights && o.Form == optim.Lecture
}

// boolValue is 1 for true and 0 for false, a kernel's flag.
func boolValue(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// deviceLookAhead is a deviceUpdate whose parameter slab holds a
// projection θ rather than the weights (optim.LookAhead: Nesterov's
// lecture form). Weights writes the weights w into dst, given the slab
// last passed to Step, as optim's Nesterov.Weights does on the CPU.
type deviceLookAhead interface {
	deviceUpdate
	Weights(ctx *cublas.Context, dst, params *cublas.Buffer[float32]) error
}

// nesterovLookAhead is the lecture's NAG on the device, with the kernels
// that give its weights.
type nesterovLookAhead struct {
	*kernelUpdate
	nag     *optim.Nesterov[float32]
	recover *cublas.Function // w = θ + μ·v
	kept    *cublas.Function // dst = w, with ExactWeights; else nil
	// needW: ExactWeights with a host state of v alone after steps (it
	// was switched on then): the first Step recovers w = θ + μ·v, as
	// optim's Step does.
	needW bool
}

var _ deviceLookAhead = (*nesterovLookAhead)(nil)

// newNesterovLookAhead adds the weights kernels to u, o's update in the
// lecture's form, whose host state had uploaded vectors.
func newNesterovLookAhead(ctx *cublas.Context, u *kernelUpdate, o *optim.Nesterov[float32], uploaded int) (*nesterovLookAhead, error) {
	a := &nesterovLookAhead{kernelUpdate: u, nag: o, needW: keepsWeights(o) && u.t > 0 && uploaded < 2}
	var err error
	a.recover, err = compileElementwise(ctx, "nesterov_weights", nesterovWeightsKernel,
		ptx.Slices("w", "th", "v"), ptx.Scalars("mu"))
	if err == nil && keepsWeights(o) {
		a.kept, err = compileElementwise(ctx, "nesterov_kept", nesterovKeptKernel, ptx.Slices("dst", "w"), nil)
	}
	if err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// Step recovers the kept w first when the host had none, then steps.
func (a *nesterovLookAhead) Step(ctx *cublas.Context, params, grads *cublas.Buffer[float32]) error {
	if a.needW {
		if err := launchElementwise(a.recover, a.n, a.state[1], params, a.state[0], float32(a.nag.Mu)); err != nil {
			return err
		}
		a.needW = false
	}
	return a.kernelUpdate.Step(ctx, params, grads)
}

// CopyState writes v, and the kept w once the device has one, into the
// optimizer.
func (a *nesterovLookAhead) CopyState() error {
	have := len(a.state)
	if a.needW {
		have = 1
	}
	s, err := a.hostState(have)
	if err != nil {
		return err
	}
	return optim.SetState[float32](a.nag, s)
}

// Close frees the state and unloads the kernels.
func (a *nesterovLookAhead) Close() error {
	errs := []error{a.kernelUpdate.Close()}
	for _, fn := range []*cublas.Function{a.recover, a.kept} {
		if fn != nil {
			errs = append(errs, fn.Module().Unload())
		}
	}
	return errors.Join(errs...)
}

// Weights writes the weights into dst: before the first step the slab
// itself (v = 0), then the kept w with ExactWeights, else θ + μ·v.
func (a *nesterovLookAhead) Weights(ctx *cublas.Context, dst, params *cublas.Buffer[float32]) error {
	if a.kept != nil && a.t > 0 && !a.needW {
		return launchElementwise(a.kept, a.n, dst, a.state[1])
	}
	return launchElementwise(a.recover, a.n, dst, params, a.state[0], float32(a.nag.Mu))
}
