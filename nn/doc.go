// Package nn is the course's neural network: multilayer perceptrons of
// Dense layers, trained on minibatches by the optimizers of package optim,
// with the memory of training accounted for item by item.
//
// # A layer
//
// A Dense layer with n inputs and k neurons holds a k×n weight matrix W
// and k biases b, and computes
//
//	y = f(W·x + b)
//
// with an activation f: ReLU, Sigmoid, Tanh, or Identity for the last
// layer. Its size, as the lecture counts it, is sizeof(type)·(n·k + k).
// An MLP chains layers from a list of sizes, input first: the lecture's
// 784-32-20-10 has 784·32 + 32 + 32·20 + 20 + 20·10 + 10 = 25,990
// parameters, 207,920 bytes in float64; Zeiler's 784-500-300-10 has
// 545,810. NewMLP draws the weights with He or Xavier initialisation from
// a seeded PCG generator, so a seed names a model.
//
// # One slab
//
// Every weight and bias lives in one contiguous slice, MLP.Params, layer
// after layer; each Dense's W and B are views into it. The gradients live
// in a second slab of the same layout, MLP.Grads. An optimizer therefore
// updates the whole model in one call, whatever its depth:
//
//	loss := model.LossAndGrad(batch) // forward, loss, backward
//	opt.Step(model.Params, model.Grads)
//
// # Forward, loss, backward
//
// The training forward pass keeps each layer's output for the rows of the
// minibatch: backpropagation needs them. The loss is fused with the last
// layer. CrossEntropy is softmax followed by cross-entropy; its gradient
// with respect to the outputs is simply p − onehot(label), and the
// log-sum-exp is taken after subtracting the largest output, so no
// exponential overflows. MSE is ½·Σ(y − t)² per row; averaged over the n
// rows of a batch it is the lecture's 1/(2n)·Σ(t − y)².
//
// Backward, layer by layer from the top, with δ = ∂E/∂z for the layer's
// weighted sum z and x its input:
//
//	∂E/∂W = δᵀ·x      ∂E/∂b = Σ_rows δ      ∂E/∂x = δ·W
//	δ_below = ∂E/∂x ⊙ f′(x)
//
// where f′ is written with the layer's output (ReLU: 1 if y > 0; sigmoid:
// y(1−y); tanh: 1−y²), which is what the forward pass kept. Once a layer's
// output has served as the input of ∂E/∂W above it, its buffer receives
// its own δ: the activations are overwritten, not copied. Apart from the
// products, each layer's output is passed over once forward (f, after the
// bias went in as the product's C) and once backward: the pass that makes
// δ also sums ∂E/∂b, row after row as in a separate sum, so the bits are
// those of the unfused step (kept in the tests as their oracle). ReLU and
// its derivative run in AVX2 for float32. The tests check every gradient
// against finite differences.
//
// Inference needs no such memory: "we don't need to keep an intermediate
// output more than it is required to compute the next layer". Predict
// uses two buffers, ping and pong, each layer reading one and writing
// the other.
//
// Every matrix product goes through one interface, gemm.Backend, set in
// MLP.Backend: the default gemm.CPU is the fast packed kernel, gemm.Ref
// the three loops it is tested against.
//
// # Memory
//
// TrainingMemory lists what a step holds, as the lecture does: weights,
// activations and gradients ("training implies a size twice as large as
// the actual size of the model"), the optimizer's state ("triple" for
// momentum, "quadruple" for Adam), and the minibatch's data and labels.
// MeasureMemory allocates the same step for real and reads the Go
// runtime's allocation count; the tests hold the two within 5%.
//
// # Training
//
// A Trainer takes its minibatches from Minibatches, reshuffled every
// epoch from its seed, takes one optimizer step per minibatch, calls
// OnStep after each (live plots, progress bars), and validates after each
// epoch, into History. A Schedule sets the learning rate before every step; one that
// is an optim.Observer also learns from the validation error. For
// Nesterov, which takes its gradients at a look-ahead point, validation
// and InferenceModel use the exact weights the optimizer keeps.
//
// Every step is guarded, and a guarded step is never applied: Fit returns
// a *DivergenceError naming the step, the optimizer, its learning rate and
// the lecture's advice (lower the rate, or reduce it gradually) when the
// loss is NaN or infinite, when it exceeds DivergenceFactor (default 100)
// times the first step's loss, when a gradient is NaN or infinite (one
// pass over the gradient slab's bits), or when the update made a weight
// NaN or infinite (one pass over the parameter slab, which also writes the
// backup the next step is undone from; the slab is then restored from the
// backup of the weights before the step). The model is never left with
// non-finite weights.
//
// After a forward pass and a backward pass at a given batch size, a
// training step allocates nothing: every buffer is reused.
//
// # Checkpoints
//
// SaveCheckpoint writes the model, the optimizer's state, the schedule,
// the generator's position and the counters, atomically (temporary file,
// fsync, rename, fsync of the directory; temporary files a killed save
// left behind are removed by the next save). LoadCheckpoint refuses
// anything but a regular file, checks magic, version and length against
// the file's size before reading it and a CRC-32C before decoding, bounds
// every count it decodes by the bytes that remain (a forged file costs at
// most its own size), checks the optimizer's state against the model, and
// changes nothing unless everything loads. Its errors wrap
// ErrCorruptCheckpoint or ErrCheckpointMismatch. Training resumed from a
// checkpoint is bit for bit the training that was never interrupted.
//
// MLP.Save and LoadMLP save and load a model alone, its architecture and
// weights, in the same framing: for inference, or to start another
// training from.
//
// # Data and minibatches
//
// Data comes as plain slices (Data), labels as ints. DigitsData turns
// MNIST (datasets.LoadMNIST) into training data in one call:
//
//	m, err := datasets.LoadMNIST("")
//	train, val := m.Test.Split(8000, 2000, seed)
//	err = trainer.Fit(nn.DigitsData[float32](train), nn.DigitsData[float32](val))
//
// Minibatches is the one minibatch source: the Trainer's, and a
// hand-written loop's. Each epoch it reshuffles the rows with one seeded
// generator, by a rule its doc states, and hands out each batch as a Data:
//
//	batches := &nn.Minibatches[float32]{Data: nn.DigitsData[float32](train), Width: 784, BatchSize: 128, Seed: seed}
//	for _, batch := range batches.Epoch(e) {
//		loss := model.LossAndGrad(batch)
//		opt.Step(model.Params, model.Grads)
//	}
package nn
