// Package cublas multiplies matrices on an NVIDIA GPU with cuBLAS, behind
// the same row-major contract as package gemm.
//
// # Why a GPU
//
// A product of n×n matrices does 2n³ floating-point operations on 3n²
// numbers, so the larger the matrices, the more arithmetic per byte moved.
// An H200 ran n = 4096 products at about 50 TFLOP/s in float32 and 54 in
// float64, 45 and 90 times the CPU path on the same machine's 16 cores,
// but only on data already in its own memory: for the 128×784·784×500
// product of the lecture's network, the product took 23 µs and the copies
// there and back made it 193 µs. This is the lecture's point that a
// minibatch costs about the same whatever its size once the data sits next
// to the arithmetic units, and why the weights must stay on the device.
//
// # The pieces
//
//   - Open loads the CUDA runtime (libcudart) and cuBLAS (libcublas) at run
//     time through purego's dlopen, creates a cuBLAS handle and returns a
//     Context. Close releases the handle and every buffer.
//   - Buffer is memory on the device: Upload and Download move data, and
//     it stays there across calls, so weights travel once.
//   - Gemm, Context.Sgemm and Context.Dgemm multiply device buffers.
//   - Backend implements gemm.Backend on host slices: it uploads the
//     operands and downloads C on every call. It is the convenience path,
//     worth it only for large products.
//   - NewBackendOrCPU returns a Backend when a GPU is at hand and gemm.CPU
//     with the reason when not, so a notebook runs on either machine.
//   - Context.LoadModule gives the driver (libcuda, also loaded at run
//     time) kernels as PTX text, which it compiles for the GPU at hand;
//     Module.Function and Function.Launch run them on device buffers
//     (Buffer.Slice views a part of one), on the stream the products use.
//     Package nn/gpu/ptx writes such kernels; package nn/gpu trains on them.
//   - OpenSimulated returns a Context on a device simulated in Go
//     (internal/cudasim), whose PTX interpreter runs the same kernels: for
//     tests on machines without a GPU, at small sizes.
//
// # Row-major on a column-major library
//
// cuBLAS stores matrices by columns, Go code here by rows. A row-major m×n
// matrix read by columns is its n×m transpose, so no data is moved: the
// row-major product C = op(A)·op(B) is the column-major product
//
//	Cᵀ = op(B)ᵀ·op(A)ᵀ
//
// computed by one cublas?gemm call with A and B swapped and m and n swapped;
// the transpose flags and leading dimensions pass through unchanged.
//
// # Precision
//
// The handle runs in CUBLAS_DEFAULT_MATH: float32 products use float32
// arithmetic, never TF32 tensor cores (10-bit mantissas, errors near 1e-3).
// On Hopper, Dgemm runs on the FP64 tensor cores, which are IEEE float64:
// measured against the CPU path, ‖ΔC‖/‖C‖ was 2.2e-15 at n = 4096.
//
// # Building and testing
//
// The real implementation needs the build tag cublas; no CUDA headers or
// toolkit are needed to build, only the driver and libraries to run.
// Without the tag Open returns ErrNotBuilt; with it but without the
// libraries, an error wrapping ErrNoLibrary; without a device, ErrNoDevice.
// The tests check the row-major mapping and the kernel launches on every
// machine against the simulated device, and on a GPU against gemm.Ref and
// gemm.Gemm.
// scripts/gpu-test.sh builds the test and benchmark binaries anywhere and
// runs them on a GPU machine (make gpu-test).
package cublas
