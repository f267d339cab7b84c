// Package gpu trains nn's multilayer perceptrons on an NVIDIA GPU with
// everything device-resident: the parameters, the gradients, every
// layer's activations and the optimizer's state stay in device memory for
// the whole run.
//
//	ctx, err := cublas.Open()                  // or cublas.OpenSimulated(): no GPU needed
//	tr, err := gpu.NewTrainer(ctx, model, opt, 128)
//	for … { loss, err := tr.Step(batch) }      // a *nn.DivergenceError stops a run going wrong
//	err = tr.CopyTo(model)                     // the trained weights, back on the host
//	err = tr.Sync(model)                       // or the whole run: slab and opt's state, for nn's CPU path and checkpoints
//
// # One step, and what crosses the bus
//
// In device memory, from NewTrainer to Close: the parameter slab θ and
// the gradient slab (nn's layout: each layer's W, then b), the optimizer's
// state (Adam's M and R, …), one activation buffer per layer, room for
// one minibatch and a vector of ones. A Step then runs:
//
//	host → device   the minibatch: inputs, and labels (as float32) or targets
//	forward         per layer  y = 1·bᵀ; y += x·Wᵀ (cuBLAS); y = f(y) (kernel)
//	loss            softmax + cross-entropy (kernel, one thread per row), or MSE;
//	                the per-row losses summed by a product with the ones vector
//	device → host   the mean loss, one float32: the divergence rule reads it
//	backward        per layer  ∂W = δᵀ·x, ∂b = δᵀ·1, ∂x = δ·W (cuBLAS); δ ⊙ f′ (kernel)
//	update          one kernel over the whole slab (Adam: M, R and θ together)
//
// Nothing else crosses the PCIe bus during training: at 784-500-300-10 and
// batch 128 that is 128·785 floats up and one down per step, against
// 545,810 parameters that stay put. CopyTo and Sync bring the parameters
// (and Sync the optimizer's state) back when asked.
//
// # Kernels as PTX text, and why no CUDA toolkit is needed
//
// The products are cuBLAS's. Everything else is a kernel of this package,
// given to the driver as PTX, the virtual instruction set every NVIDIA
// driver compiles at load time (cuModuleLoadData) for the GPU at hand. So
// nothing here needs nvcc or a CUDA toolkit to build: the driver that
// running on a GPU needs anyway does the compiling. The driver library,
// the CUDA runtime and cuBLAS are loaded at run time (purego's dlopen, no
// cgo), so the package builds anywhere, with or without the cublas tag.
//
// Writing PTX by hand is error-prone, hence a generator (package ptx):
// element-wise kernels are written as ordinary Go statements over float32
// scalars, one thread per element, e.g. Adam's
//
//	m = b1*m + c1*g   // M ← β₁·M + (1−β₁)·g
//	r = b2*r + c2*g*g // R ← β₂·R + (1−β₂)·g²
//
// and the generator emits one PTX instruction per operation, each rounded
// as Go's float32 arithmetic rounds it (no fused multiply-add unless the
// source says fma). The step's scalars (η from a schedule, the bias
// corrections) are computed on the host in float64 and passed as float32,
// as optim's float32 path computes them. Only softmax with cross-entropy,
// which loops over a row, is hand-written PTX (softmax_ptx.go).
//
// # The optimizer's state
//
// NewTrainer uploads the optimizer's own state (optim.StateOf): a fresh
// optimizer starts as its first Step does, one that has stepped or was
// loaded from a checkpoint continues where it was. Sync writes the
// device's state back (optim.SetState), so nn.Trainer, or a checkpoint,
// takes the run over exactly. The lecture's nine optimizers have device
// updates in both forms; what goes beyond the lecture (weight decay,
// AMSGrad, AdamW, Lion, Muon) is refused by name.
//
// # Testing without a GPU
//
// cublas.OpenSimulated runs on a device simulated in Go whose PTX
// interpreter executes the very kernels a GPU runs (internal/cudasim).
// The tests compare a Trainer's loss, gradients and weights with nn's
// CPU path in float32 on the simulated device, and on a GPU too when one
// is at hand (build with -tags cublas; scripts/gpu-test.sh). They differ
// by the order of float32 sums in the products and by eˣ (float64 on the
// CPU, ex2.approx on the device): the gradients of one step within
// 2e-6 of their largest (3e-7 measured), the weights after 20 SGD steps
// within 1e-6 (1.5e-7 measured), and runs moved between the CPU and the
// device within 1e-6 of all-CPU runs (7.9e-8 measured).
//
// # Limits
//
// float32 only. The output layer's activation must be the identity (as
// nn.NewMLP makes it); the loss is CrossEntropy or MSE. The divergence
// rule sees the loss only, not each gradient and weight as nn.Trainer's
// guard does (see Trainer.DivergenceFactor).
package gpu
