// Package gpu trains nn's multilayer perceptrons on an NVIDIA GPU with
// everything device-resident: the parameters, the gradients, every
// layer's activations and the optimizer's state stay in device memory for
// the whole run. Each step uploads the minibatch (inputs and labels) and
// downloads the loss, one float32; nothing else crosses the bus.
//
//	ctx, err := cublas.Open()                  // or cublas.OpenSimulated() in tests
//	tr, err := gpu.NewTrainer(ctx, model, optim.NewAdam[float32](), 128)
//	for … { loss, err := tr.Step(batch) }
//	err = tr.CopyTo(model)                     // the trained weights, back on the host
//
// # What runs where
//
// The matrix products go through cuBLAS (package cublas, row-major as
// nn's layout). The biases too: broadcasting b over the rows of a batch
// is the rank-1 product 1·bᵀ with a vector of ones, written before
// x·Wᵀ is added (β = 1), and ∂E/∂b = Σ_rows δ is the product 1ᵀ·δ; the
// loss of the batch is likewise the product of the per-row losses with
// ones. Everything else is a kernel of this package: the activations and
// their derivatives (element-wise, from Go-syntax source through package
// ptx), MSE (element-wise) and softmax with cross-entropy (one thread
// per row, hand-written PTX in softmax_ptx.go). The optimizer's update is
// one element-wise kernel over the whole parameter slab (update*.go),
// with its step scalars (η from a schedule, bias corrections) computed on
// the host in float64 and passed as float32, as optim's float32 path
// computes them.
//
// # Why PTX text and the driver API
//
// A CUDA toolkit (nvcc) at build time would tie the course's build to
// NVIDIA's compiler and to one set of GPU architectures. PTX is the
// virtual instruction set every NVIDIA driver compiles at load time
// (cuModuleLoadData) for the GPU at hand, so kernels written as PTX text
// need nothing but the driver that running on a GPU needs anyway. The
// driver library (libcuda) is loaded at run time through purego's dlopen,
// like the CUDA runtime and cuBLAS, so the package builds anywhere, with
// or without the cublas tag, and without cgo. Writing PTX by hand is
// error-prone, hence the generator: element-wise kernels are written as
// ordinary Go statements over float32 scalars (package ptx).
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
// within 1e-6 (1.5e-7 measured).
//
// # Limits
//
// float32 only. The output layer's activation must be the identity (as
// nn.NewMLP makes it); the loss is CrossEntropy or MSE. Guards against
// divergence (nn.Trainer's) and checkpoints stay on the CPU path.
package gpu
