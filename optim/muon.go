package optim

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/nn/gemm"
)

// Muon (Jordan et al. 2024) steps each weight matrix of an MLP by its
// momentum made orthogonal: the nearest matrix U·Vᵀ to the momentum
// U·Σ·Vᵀ, with every singular value 1, so the update moves the layer by
// the same amount in every direction it moves at all. For each k×n weight
// matrix W with gradient G (Jordan's muon_update, Nesterov form):
//
//	B ← μ·B + (1−μ)·G                      momentum
//	U = μ·B + (1−μ)·G                      look-ahead
//	X₀ = U/(‖U‖_F + 10⁻⁷)
//	X_{j+1} = a·X_j + (b·A + c·A²)·X_j,  A = X_j·X_jᵀ     (Steps times)
//	W ← W·(1 − η·λ) − η·√max(1, k/n)·X
//
// with the quintic Newton–Schulz coefficients (a, b, c) = (3.4445,
// −4.7750, 2.0315) of Jordan's implementation, which push every singular
// value into a band around 1 in a few iterations rather than to exactly 1.
// X is taken as Uᵀ when k > n, so that A is the smaller Gram matrix. The
// products run through the course's GEMM (nn/gemm). Every other parameter
// (the biases) is stepped by Vectors, an AdamW, as Jordan advises. Jordan
// iterates in bfloat16; Muon computes in T. Defaults: Jordan's, η = 0.02,
// μ = 0.95, five iterations, λ = 0. There is no torch 1.13 Muon: the
// reference is Jordan's code, transcribed naively in muon_test.go.
//
// Muon needs the layer shapes: Sizes are the MLP's widths, input first
// (nn.MLP.Sizes), and the slab must be laid out as nn lays it out, layer
// after layer, the k×n weight matrix row-major and then the k biases.
//
// State: the momentum B of every weight matrix and AdamW's two vectors for
// the biases; besides, working buffers of 2·r·c + 2·r² elements for the
// largest layer's r×c = min(k,n)×max(k,n) and two of the biases' length.
type Muon[T Float] struct {
	// LR is the learning rate η > 0 of the matrices; 0 means 0.02.
	LR float64
	// Mu is the momentum μ ∈ [0,1); 0 means 0.95 (write Zero() for none).
	Mu float64
	// Steps is the number of Newton–Schulz iterations ≥ 1; 0 means 5.
	Steps int
	// WeightDecay is the decoupled decay λ ≥ 0 of the matrices; 0 means none.
	WeightDecay float64
	// Sizes are the layer widths, input first, as nn.MLP.Sizes.
	Sizes []int
	// Vectors steps the biases; its zero value is AdamW with its defaults.
	Vectors AdamW[T]
	// Form is Lecture or PyTorch (the same rule for Muon's matrices; it is
	// passed on to Vectors when Vectors.Form is unset).
	Form Form

	defaulted   bool
	n, t        int
	momentum    []T // B, the weight matrices' elements in slab order
	x, y        []T // X_j and X_{j+1}, r×c
	gram, poly  []T // A and b·A + c·A², r×r
	bias, dBias []T // the biases and their gradients, gathered
}

var (
	_ Optimizer[float64] = (*Muon[float64])(nil)
	_ RateSetter         = (*Muon[float64])(nil)
)

// Jordan's quintic Newton–Schulz coefficients.
const nsA, nsB, nsC = 3.4445, -4.7750, 2.0315

// NewMuon returns Muon for an MLP of the given sizes with Jordan's
// defaults, AdamW's on the biases.
func NewMuon[T Float](sizes []int) *Muon[T] {
	o := &Muon[T]{Sizes: append([]int(nil), sizes...)}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Muon".
func (o *Muon[T]) Name() string { return "Muon" }

// Settings returns "Muon(η=…, μ=…, steps=…, λ=…, sizes=…, vectors=AdamW(…), form=…)".
func (o *Muon[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, "η", o.LR, "μ", o.Mu, "steps", o.Steps, "λ", o.WeightDecay,
		"sizes", fmt.Sprint(o.Sizes), "vectors", o.Vectors.Settings())
}

// LearningRate returns η.
func (o *Muon[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η of the matrices and scales the biases' rate by
// the same factor, as a schedule scales every parameter group; it panics
// unless lr > 0.
func (o *Muon[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.fill()
	o.Vectors.SetLearningRate(o.Vectors.LearningRate() * lr / o.LR)
	o.LR = lr
}

// matrixAndBiasCounts are the elements of the weight matrices and of the
// biases for Sizes.
func (o *Muon[T]) matrixAndBiasCounts() (matrices, biases int) {
	for l := 0; l+1 < len(o.Sizes); l++ {
		matrices += o.Sizes[l] * o.Sizes[l+1]
		biases += o.Sizes[l+1]
	}
	return matrices, biases
}

// StateBytes is the matrices' momentum plus AdamW's state of the biases;
// n must be the number of parameters of Sizes.
func (o *Muon[T]) StateBytes(n int) int64 {
	matrices, biases := o.matrixAndBiasCounts()
	if n != matrices+biases {
		panic(fmt.Sprintf("optim: Muon: StateBytes(%d) for sizes %v, which have %d parameters", n, o.Sizes, matrices+biases))
	}
	o.fill()
	return int64(matrices)*sizeOf[T]() + o.Vectors.StateBytes(biases)
}

func (o *Muon[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	orDefault(&o.LR, 0.02)
	orDefault(&o.Mu, 0.95)
	if o.Steps == 0 {
		o.Steps = 5
	}
	if o.Vectors.Form == Lecture {
		o.Vectors.Form = o.Form
	}
	o.Vectors.fill()
}

// checkSizes checks Sizes: at least two widths, each in [1, 2²⁴].
func (o *Muon[T]) checkSizes() error {
	if len(o.Sizes) < 2 {
		return fmt.Errorf("optim: Muon: Sizes must hold at least 2 widths, got %v", o.Sizes)
	}
	for _, s := range o.Sizes {
		if s < 1 || s > 1<<24 {
			return fmt.Errorf("optim: Muon: Sizes must be in [1, 2²⁴], got %v", o.Sizes)
		}
	}
	return nil
}

func (o *Muon[T]) check() error {
	sizes := o.checkSizes()
	var steps error
	if o.Steps < 1 {
		steps = rangeError(o.Name(), "Steps", "≥ 1", float64(o.Steps))
	}
	return firstError(sizes, steps, positive(o.Name(), "LR", o.LR), inUnit(o.Name(), "Mu", o.Mu),
		nonNegative(o.Name(), "WeightDecay", o.WeightDecay), checkForm(o.Name(), o.Form), o.Vectors.check())
}

// Step applies Muon to every weight matrix and AdamW to the biases. It
// panics if the slab does not hold Sizes' parameters.
func (o *Muon[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	matrices, biases := o.matrixAndBiasCounts()
	if len(params) != matrices+biases {
		panic(fmt.Sprintf("optim: Muon: the slab holds %d parameters, sizes %v have %d", len(params), o.Sizes, matrices+biases))
	}
	if o.n == 0 {
		o.size(matrices, biases)
	}
	sizeState(o.Name(), &o.n, params, grads)
	o.t++
	off, mOff, bOff := 0, 0, 0
	for l := 0; l+1 < len(o.Sizes); l++ {
		n, k := o.Sizes[l], o.Sizes[l+1]
		o.stepMatrix(params[off:off+k*n], grads[off:off+k*n], o.momentum[mOff:mOff+k*n], k, n)
		off, mOff = off+k*n, mOff+k*n
		copy(o.bias[bOff:], params[off:off+k])
		copy(o.dBias[bOff:], grads[off:off+k])
		off, bOff = off+k, bOff+k
	}
	o.Vectors.Step(o.bias, o.dBias)
	off, bOff = 0, 0
	for l := 0; l+1 < len(o.Sizes); l++ {
		off += o.Sizes[l] * o.Sizes[l+1]
		k := o.Sizes[l+1]
		copy(params[off:off+k], o.bias[bOff:bOff+k])
		off, bOff = off+k, bOff+k
	}
}

// size allocates the momentum and the working buffers, once.
func (o *Muon[T]) size(matrices, biases int) {
	var rc, rr int
	for l := 0; l+1 < len(o.Sizes); l++ {
		r := min(o.Sizes[l], o.Sizes[l+1])
		rc, rr = max(rc, o.Sizes[l]*o.Sizes[l+1]), max(rr, r*r)
	}
	if len(o.momentum) != matrices {
		o.momentum = make([]T, matrices)
	}
	o.x, o.y, o.gram, o.poly = make([]T, rc), make([]T, rc), make([]T, rr), make([]T, rr)
	o.bias, o.dBias = make([]T, biases), make([]T, biases)
}

// stepMatrix updates one k×n weight matrix w from its gradient g and
// momentum b.
func (o *Muon[T]) stepMatrix(w, g, b []T, k, n int) {
	mu := T(o.Mu)
	r, c := k, n
	if k > n {
		r, c = n, k
	}
	x := o.x[:r*c]
	var sq float64
	for i := range b {
		// B ← μ·B + (1−μ)·G,  U = μ·B + (1−μ)·G
		b[i] = mu*b[i] + (1-mu)*g[i]
		u := mu*b[i] + (1-mu)*g[i]
		sq += float64(u) * float64(u)
		if k > n { // X = Uᵀ, n×k
			x[(i%n)*k+i/n] = u
		} else {
			x[i] = u
		}
	}
	// X₀ = U/(‖U‖_F + 10⁻⁷)
	scale := T(1 / (math.Sqrt(sq) + 1e-7))
	for i := range x {
		x[i] *= scale
	}
	x = o.newtonSchulz(x, r, c)
	// W ← W·(1 − η·λ) − η·√max(1, k/n)·X
	decay, step := T(1-o.LR*o.WeightDecay), T(o.LR*math.Sqrt(max(1, float64(k)/float64(n))))
	for i := range w {
		xi := x[i]
		if k > n {
			xi = x[(i%n)*k+i/n]
		}
		w[i] = decay*w[i] - step*xi
	}
}

// newtonSchulz runs the quintic iteration on the r×c matrix x (r ≤ c) and
// returns the buffer that holds the result.
func (o *Muon[T]) newtonSchulz(x []T, r, c int) []T {
	y, gram, poly := o.y[:r*c], o.gram[:r*r], o.poly[:r*r]
	for range o.Steps {
		// A = X·Xᵀ
		gemm.Gemm(false, true, r, r, c, 1, x, c, x, c, 0, gram, r)
		// b·A + c·A²
		copy(poly, gram)
		gemm.Gemm(false, false, r, r, r, nsC, gram, r, gram, r, nsB, poly, r)
		// X ← a·X + (b·A + c·A²)·X
		copy(y, x)
		gemm.Gemm(false, false, r, c, r, 1, poly, r, x, c, nsA, y, c)
		x, y = y, x
	}
	return x
}

// MarshalBinary saves η, μ, λ, the iterations, the sizes, the form, the
// step count, the momentum and the biases' AdamW.
func (o *Muon[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	e.float(o.LR, o.Mu, o.WeightDecay)
	e.int(o.Steps, len(o.Sizes))
	e.int(o.Sizes...)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.momentum)
	o.Vectors.sync()
	o.Vectors.encode(e)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Muon[T]) UnmarshalBinary(data []byte) error {
	c := Muon[T]{defaulted: true}
	d := newDecoder(data, o.Name(), sizeOf[T]())
	d.float(&c.LR, &c.Mu, &c.WeightDecay)
	d.int(&c.Steps)
	c.Sizes = make([]int, d.count(8))
	for i := range c.Sizes {
		d.int(&c.Sizes[i])
	}
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(0)
	var matrices, biases int
	if err := c.checkSizes(); err == nil {
		matrices, biases = c.matrixAndBiasCounts()
	}
	if c.n != 0 && c.n != matrices+biases {
		d.Fail(fmt.Errorf("%d parameters for sizes %v", c.n, c.Sizes))
	}
	if c.n != 0 {
		c.momentum = getVector[T](d, matrices)
	}
	c.Vectors = decodeAdamW[T](d)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	if c.n != 0 {
		c.size(matrices, biases)
	}
	*o = c
	return nil
}
