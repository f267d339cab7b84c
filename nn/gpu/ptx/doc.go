// Package ptx writes GPU kernels as PTX text from Go-syntax statements.
//
// PTX is NVIDIA's virtual instruction set. The driver compiles PTX text
// for the GPU at hand when a module is loaded (cuModuleLoadData), so
// kernels need no CUDA toolkit, no nvcc and no build step: this package
// is pure Go, and package cublas loads its output through the driver
// API, or runs it on the simulated device of internal/cudasim.
//
// # Element-wise kernels
//
// Elementwise turns statements over float32 scalars into a kernel with
// one thread per element i < n, every named slice standing for its
// element i:
//
//	src, err := ptx.Elementwise("adam", `
//		m = b1*m + (1-b1)*g              // M ← β₁·M + (1−β₁)·g
//		v = b2*v + (1-b2)*g*g            // R ← β₂·R + (1−β₂)·g²
//		w = w - lr*(m/c1)/(sqrt(v/c2)+eps)`,
//		ptx.Slices("w", "m", "v", "g"), ptx.Scalars("lr", "b1", "b2", "eps", "c1", "c2"))
//
// The source is parsed with go/parser; what is not supported is an error
// naming its line. Supported: float32 literals and arithmetic + − * /,
// unary −; comparisons < <= > >= == != joined by &&, || and !; =, +=, −=,
// *=, /= to slices and locals; x := … (a float32 or a bool); if / else if
// / else; and the functions
//
//	sqrt(x)        sqrt.rn.f32, correctly rounded
//	abs(x)         |x|
//	min(a, b, …)   min.f32: a NaN operand yields the other one
//	max(a, b, …)   max.f32, likewise
//	sign(x)        −1, 0 or +1 (0 for NaN)
//	fma(a, b, c)   a·b + c rounded once (fma.rn.f32)
//	exp(x)         eˣ through ex2.approx.f32, within about 2 ulp
//	log(x)         ln x through lg2.approx.f32: within 2⁻²²·ln 2 ≈ 1.7e-7
//	               absolute for x in (0.5, 2), so not within ulps of a
//	               log near 0 (x near 1); about 2⁻²² relative elsewhere
//
// Arithmetic is IEEE float32, round to nearest: the generator writes
// add.rn, sub.rn, mul.rn and div.rn. The explicit rounding matters: on a
// plain add.f32 or mul.f32 the driver's compiler may fuse a multiply and
// an add into one fma, rounding once where Go rounds twice, and the GPU
// would then drift from the CPU path by an ulp here and there. With .rn
// every operation rounds as Go's float32 arithmetic does, so a kernel
// that spells an update in the CPU's order of operations computes the
// same bits. Only exp and log approximate; the optimizer updates use
// neither.
//
// Comparisons follow Go: false when an operand is NaN, except !=.
// Literals are float32 constants; arithmetic on them happens at run time,
// in float32, as written.
package ptx
