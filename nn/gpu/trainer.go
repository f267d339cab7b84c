package gpu

import (
	"errors"
	"fmt"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/optim"
)

// Trainer trains an nn.MLP[float32] on the device. The parameters, the
// gradients, every layer's activations and the optimizer's state stay in
// device memory from NewTrainer to Close; a step uploads the minibatch
// (inputs, and labels or targets) and downloads the loss, one float32, and
// allocates nothing on the host.
//
// Step guards against divergence with nn.Trainer's rule on the loss, the
// one number that comes back (see DivergenceFactor). CopyTo brings the
// weights back for inference and evaluation; Sync brings back the whole
// run (parameter slab and optimizer state) so that nn's CPU path, or its
// checkpoints, continue from it.
//
// A Trainer is not safe for concurrent use, like the Context it runs on.
type Trainer struct {
	// DivergenceFactor stops Step with a *nn.DivergenceError, before the
	// update, when the loss exceeds DivergenceFactor times the loss of the
	// Trainer's first step; 0 means nn.DefaultDivergenceFactor and a
	// negative value turns this check off. A NaN or infinite loss always
	// stops Step so. This is nn.Trainer's rule on the loss; its checks of
	// every gradient and weight would take a pass over the slabs and a
	// download each step, and are not made: a non-finite weight shows as
	// a NaN loss at the next step, which is refused, but the weights are
	// no longer finite by then.
	DivergenceFactor float64

	ctx     *cublas.Context
	model   *nn.MLP[float32] // the architecture, activations and loss
	opt     optim.Optimizer[float32]
	maxRows int
	kernels *kernels
	update  deviceUpdate
	steps   int     // steps applied
	first   float64 // the loss of the first step, the divergence rule's reference

	params, grads *cublas.Buffer[float32]   // the two slabs, nn's layout
	w, b, dw, db  []*cublas.Buffer[float32] // each layer's views into them
	acts          []*cublas.Buffer[float32] // layer l's output, maxRows × Out, then its ∂E/∂z
	delta         *cublas.Buffer[float32]   // ∂E/∂y of a hidden layer, maxRows × widest hidden
	x             *cublas.Buffer[float32]   // the minibatch's inputs, maxRows × In
	targets       *cublas.Buffer[float32]   // labels as float32 (CrossEntropy) or targets (MSE)
	losses        *cublas.Buffer[float32]   // per row (CrossEntropy) or per element (MSE)
	ones          *cublas.Buffer[float32]   // 1s: biases broadcast and summed, losses summed
	loss          *cublas.Buffer[float32]   // the mean loss, one element
	weights       *cublas.Buffer[float32]   // CopyTo's weights, for an update whose slab holds a projection

	owned      []*cublas.Buffer[float32] // what Close frees
	hostLabels []float32                 // labels converted for upload
	hostLoss   [1]float32                // the mean loss, downloaded
}

// NewTrainer uploads model's parameters and prepares a step of up to
// maxRows rows with the optimizer opt, whose update runs on the device
// too, from opt's state: a fresh optimizer starts as its first Step
// does, one that has stepped (or was loaded from a checkpoint) continues
// where it was, with model.Params as the slab it stepped (for Nesterov's
// lecture form the projection θ, as on nn's CPU path). The
// model's hidden activations may be any of package nn's; its last layer
// must be Identity (as NewMLP makes it) and its loss CrossEntropy or
// MSE. maxRows < 1 panics; an unsupported model or optimizer, or a
// device failure, is an error.
func NewTrainer(ctx *cublas.Context, model *nn.MLP[float32], opt optim.Optimizer[float32], maxRows int) (*Trainer, error) {
	if maxRows < 1 {
		panic(fmt.Sprintf("gpu: NewTrainer: maxRows must be ≥ 1, got %d", maxRows))
	}
	last := model.Layers[len(model.Layers)-1]
	if last.Act != nn.Identity {
		return nil, fmt.Errorf("gpu: NewTrainer: the output layer's activation must be identity, got %v", last.Act)
	}
	t := &Trainer{ctx: ctx, model: model, opt: opt, maxRows: maxRows, hostLabels: make([]float32, maxRows)}
	if err := t.allocate(); err != nil {
		t.Close()
		return nil, err
	}
	acts := make([]nn.Activation, len(model.Layers))
	for l, d := range model.Layers {
		acts[l] = d.Act
	}
	var err error
	if t.kernels, err = compileKernels(ctx, acts, model.Loss); err != nil {
		t.Close()
		return nil, err
	}
	if t.update, err = newDeviceUpdate(ctx, opt, len(model.Params)); err != nil {
		t.Close()
		return nil, err
	}
	if _, ok := t.update.(deviceLookAhead); ok {
		if t.weights, err = cublas.NewBuffer[float32](ctx, len(model.Params)); err != nil {
			t.Close()
			return nil, err
		}
		t.owned = append(t.owned, t.weights)
	}
	return t, nil
}

// allocate creates the device buffers and uploads the parameters.
func (t *Trainer) allocate() error {
	m, rows := t.model, t.maxRows
	out := m.Out()
	widestHidden := 1
	for _, s := range m.Sizes[1 : len(m.Sizes)-1] {
		widestHidden = max(widestHidden, s)
	}
	perRow := 1 // losses per row
	if m.Loss == nn.MSE {
		perRow = out
	}
	var err error
	alloc := func(n int) *cublas.Buffer[float32] {
		if err != nil {
			return nil
		}
		var b *cublas.Buffer[float32]
		if b, err = cublas.NewBuffer[float32](t.ctx, n); err == nil {
			t.owned = append(t.owned, b)
		}
		return b
	}
	t.params, t.grads = alloc(len(m.Params)), alloc(len(m.Params))
	t.x, t.targets, t.losses = alloc(rows*m.In()), alloc(rows*perRow), alloc(rows*perRow)
	t.delta, t.loss, t.ones = alloc(rows*widestHidden), alloc(1), alloc(rows*perRow)
	for _, d := range m.Layers {
		t.acts = append(t.acts, alloc(rows*d.Out))
	}
	if err != nil {
		return err
	}
	off := 0
	for _, d := range m.Layers {
		t.w = append(t.w, t.params.Slice(off, d.In*d.Out))
		t.dw = append(t.dw, t.grads.Slice(off, d.In*d.Out))
		off += d.In * d.Out
		t.b = append(t.b, t.params.Slice(off, d.Out))
		t.db = append(t.db, t.grads.Slice(off, d.Out))
		off += d.Out
	}
	ones := make([]float32, rows*perRow)
	for i := range ones {
		ones[i] = 1
	}
	if err := t.ones.Upload(ones); err != nil {
		return err
	}
	return t.params.Upload(m.Params)
}

// Step runs one training step on batch, whose rows must number between 1
// and maxRows: forward, loss, backward and the optimizer's update, all on
// the device. It returns the batch's mean loss, as nn.MLP.LossAndGrad
// does, and a *nn.DivergenceError instead of updating when the loss
// breaks the divergence rule (DivergenceFactor; the error's Epoch is 0,
// a Trainer counts steps only).
func (t *Trainer) Step(batch nn.Data[float32]) (float64, error) {
	loss, err := t.LossAndGrad(batch)
	if err != nil {
		return loss, err
	}
	if t.steps == 0 {
		t.first = loss
	}
	if reason := nn.DivergenceReason(loss, t.first, t.DivergenceFactor); reason != "" {
		return loss, nn.NewDivergenceError(t.steps+1, 0, loss, reason, t.opt)
	}
	if err := t.update.Step(t.ctx, t.params, t.grads); err != nil {
		return loss, err
	}
	t.steps++
	return loss, nil
}

// LossAndGrad runs the forward pass, the loss and the backward pass on
// batch, leaving the gradient of the mean loss in the device's gradient
// slab (Grads reads it), and returns the mean loss.
func (t *Trainer) LossAndGrad(batch nn.Data[float32]) (float64, error) {
	rows, err := t.upload(batch)
	if err != nil {
		return 0, err
	}
	m := t.model
	in := t.x
	for l, d := range m.Layers {
		if err := t.forward(l, d, in, rows); err != nil {
			return 0, err
		}
		in = t.acts[l]
	}
	loss, err := t.lossAndOutputGrad(rows)
	if err != nil {
		return 0, err
	}
	for l := len(m.Layers) - 1; l >= 0; l-- {
		if err := t.backward(l, rows); err != nil {
			return 0, err
		}
	}
	return loss, nil
}

// upload checks batch and copies its inputs and labels or targets.
func (t *Trainer) upload(batch nn.Data[float32]) (int, error) {
	m := t.model
	in, out := m.In(), m.Out()
	if err := batch.Check(in, out, m.Loss); err != nil {
		return 0, err
	}
	rows := batch.Rows(in)
	if rows == 0 || rows > t.maxRows {
		return 0, fmt.Errorf("gpu: batch: %d rows; the Trainer takes 1 to %d", rows, t.maxRows)
	}
	if err := t.x.Upload(batch.X); err != nil {
		return 0, err
	}
	if m.Loss == nn.MSE {
		return rows, t.targets.Upload(batch.Targets)
	}
	for i, c := range batch.Labels {
		t.hostLabels[i] = float32(c)
	}
	return rows, t.targets.Upload(t.hostLabels[:rows])
}

// forward computes layer l's output y = f(x·Wᵀ + b) for rows rows:
//
//	y = 1·bᵀ          (rows×1 ones times the 1×Out bias: a rank-1 product)
//	y += x·Wᵀ         ((rows×In)·(In×Out), β = 1)
//	y = f(y)          (the activation's kernel)
func (t *Trainer) forward(l int, d nn.Dense[float32], x *cublas.Buffer[float32], rows int) error {
	y := t.acts[l]
	if err := t.ctx.Sgemm(false, false, rows, d.Out, 1, 1, t.ones, 1, t.b[l], d.Out, 0, y, d.Out); err != nil {
		return err
	}
	if err := t.ctx.Sgemm(false, true, rows, d.Out, d.In, 1, x, d.In, t.w[l], d.In, 1, y, d.Out); err != nil {
		return err
	}
	if fn := t.kernels.forward[d.Act]; fn != nil {
		return launchElementwise(fn, rows*d.Out, y)
	}
	return nil
}

// lossAndOutputGrad turns the last layer's output into ∂E/∂z of the mean
// loss, in place, and returns the mean loss: per-row (or per-element)
// losses summed by a product with the ones vector, the one number that
// comes back to the host.
func (t *Trainer) lossAndOutputGrad(rows int) (float64, error) {
	y := t.acts[len(t.acts)-1]
	out := t.model.Out()
	scale := 1 / float32(rows)
	n, alpha := rows, scale // losses to sum, and the factor of their sum
	if t.model.Loss == nn.MSE {
		n, alpha = rows*out, scale/2 // E = ½·Σ(y − t)² per row
		if err := launchElementwise(t.kernels.mse, n, y, t.targets, t.losses, scale); err != nil {
			return 0, err
		}
	} else if err := t.kernels.softmax.Launch(blocks(rows), threadsPerBlock, y, t.targets, t.losses, int32(rows), int32(out), scale); err != nil {
		return 0, err
	}
	if err := t.ctx.Sgemm(false, false, 1, 1, n, alpha, t.ones, n, t.losses, 1, 0, t.loss, 1); err != nil {
		return 0, err
	}
	if err := t.loss.Download(t.hostLoss[:]); err != nil {
		return 0, err
	}
	return float64(t.hostLoss[0]), nil
}

// backward takes layer l's ∂E/∂z, dz, from its output buffer and sets
//
//	∂E/∂W = dzᵀ·x     ∂E/∂b = dzᵀ·1 (a product with the ones vector)
//
// and, below the first layer, ∂E/∂x = dz·W into delta, then the layer
// below's ∂E/∂z = ∂E/∂x ⊙ f′ into that layer's output buffer.
func (t *Trainer) backward(l, rows int) error {
	d := t.model.Layers[l]
	dz, x := t.acts[l], t.x
	if l > 0 {
		x = t.acts[l-1]
	}
	if err := t.ctx.Sgemm(true, false, d.Out, d.In, rows, 1, dz, d.Out, x, d.In, 0, t.dw[l], d.In); err != nil {
		return err
	}
	if err := t.ctx.Sgemm(false, false, 1, d.Out, rows, 1, t.ones, rows, dz, d.Out, 0, t.db[l], d.Out); err != nil {
		return err
	}
	if l == 0 {
		return nil
	}
	if err := t.ctx.Sgemm(false, false, rows, d.In, d.Out, 1, dz, d.Out, t.w[l], d.In, 0, t.delta, d.In); err != nil {
		return err
	}
	below := t.model.Layers[l-1].Act
	return launchElementwise(t.kernels.backward[below], rows*d.In, x, t.delta)
}

// Grads copies the gradient slab of the last LossAndGrad or Step into dst.
func (t *Trainer) Grads(dst []float32) error { return t.grads.Download(dst) }

// CopyTo copies the weights into model.Params (the model given to
// NewTrainer, or one of the same sizes), for inference, evaluation and
// export: the parameter slab, or for an optimizer whose slab holds a
// projection (Nesterov's lecture form, optim.LookAhead) the weights it
// gives, computed on the device, as nn.Trainer's InferenceModel gives
// them on the CPU.
func (t *Trainer) CopyTo(model *nn.MLP[float32]) error {
	t.mustFit("CopyTo", model)
	if la, ok := t.update.(deviceLookAhead); ok {
		if err := la.Weights(t.ctx, t.weights, t.params); err != nil {
			return err
		}
		return t.weights.Download(model.Params)
	}
	return t.params.Download(model.Params)
}

// Sync brings the run back to the host: the parameter slab into
// model.Params (for Nesterov's lecture form the projection θ, as on nn's
// CPU path) and the optimizer's state on the device into the optimizer
// given to NewTrainer (optim.SetState). nn.Trainer with that model and
// optimizer, or a checkpoint of them, then continues the run where the
// device left it; the Trainer itself goes on too.
func (t *Trainer) Sync(model *nn.MLP[float32]) error {
	t.mustFit("Sync", model)
	if err := t.params.Download(model.Params); err != nil {
		return err
	}
	return t.update.CopyState()
}

// mustFit panics unless model has the Trainer's number of parameters.
func (t *Trainer) mustFit(method string, model *nn.MLP[float32]) {
	if len(model.Params) != len(t.model.Params) {
		panic(fmt.Sprintf("gpu: %s: model has %d parameters, the Trainer %d", method, len(model.Params), len(t.model.Params)))
	}
}

// StateBytes is the device memory the optimizer's state takes.
func (t *Trainer) StateBytes() int { return t.update.StateBytes() }

// Close frees everything the Trainer allocated on the device, its buffers
// and the update's state, and unloads its kernels and the update's. The
// Context stays open. Call Sync before Close to keep the optimizer's
// state.
func (t *Trainer) Close() error {
	var errs []error
	for _, b := range t.owned {
		errs = append(errs, b.Free())
	}
	t.owned = nil
	if t.kernels != nil {
		errs = append(errs, t.kernels.unload())
		t.kernels = nil
	}
	if t.update != nil {
		errs = append(errs, t.update.Close())
		t.update = nil
	}
	return errors.Join(errs...)
}
