package optim

import (
	"fmt"
	"math"
)

// Adam (Kingma & Ba 2015) is RMSprop with momentum: it keeps moving
// averages of the gradient M and of the squared gradient R, corrects their
// bias towards the zero they start from, and steps along M̂ scaled per
// parameter by √R̂. The lecture's form, with ε inside the square root:
//
//	M ← β₁·M + (1−β₁)·g
//	R ← β₂·R + (1−β₂)·g²
//	M̂ = M / (1−β₁ᵗ)
//	R̂ = R / (1−β₂ᵗ)
//	w ← w − η·M̂ / √(R̂ + ε)
//
// where t counts steps from 1. Defaults: β₁ = 0.9, β₂ = 0.999 (the
// lecture's "usual values"), η = 0.001 and ε = 1e-8 (Kingma & Ba; the
// lecture gives neither).
//
// Form PyTorch adds ε to the root, the paper's form and that of
// torch.optim.Adam(lr=η, betas=(β₁, β₂), eps=ε) (torch ≥ 1.0, including
// 2.x, without weight decay or amsgrad):
//
//	w ← w − η·M̂ / (√R̂ + ε)
//
// With ε = 1e-8 inside, a parameter whose gradients are all ~1e-4 moves by
// η·1e-4/√(1e-8 + 1e-8) ≈ 0.7η instead of ≈ η: the lecture's form damps
// steps for small gradients much more.
//
// Two fields go beyond the lecture, each as torch.optim.Adam has it (the
// PyTorch form is their reference; both default to off):
//
// WeightDecay λ adds L2 regularisation to the gradient before anything
// else reads it, torch's Adam(weight_decay=λ):
//
//	g ← g + λ·w
//
// so the decay term is divided by √R̂ like the gradient: parameters with
// large gradients are barely decayed (Loshchilov & Hutter 2019; AdamW is
// the fix).
//
// AMSGrad (Reddi, Kale & Kumar 2018) steps with the largest R seen so far,
// so the denominator's R_max never shrinks (in the paper, without bias
// correction, the per-parameter step size η/√R_max then never grows when
// η does not), torch's Adam(amsgrad=True):
//
//	R_max ← max(R_max, R)
//	w ← w − η·M̂ / (√(R_max/(1−β₂ᵗ)) + ε)
//
// torch takes the maximum of the raw R and corrects its bias afterwards;
// the paper has no bias correction. AMSGrad is a field rather than a type
// because it changes one line of Adam's update and none of its
// hyperparameters, as in torch.
//
// State: M and R, 2n elements (the lecture: Adam "quadruples" a layer);
// 3n with AMSGrad.
type Adam[T Float] struct {
	// LR is the learning rate η > 0; 0 means 0.001.
	LR float64
	// Beta1 is the decay β₁ ∈ [0,1) of the gradient average M; 0 means
	// 0.9 (write Zero() for β₁ = 0).
	Beta1 float64
	// Beta2 is the decay β₂ ∈ [0,1) of the squared-gradient average R;
	// 0 means 0.999.
	Beta2 float64
	// Eps is ε > 0; 0 means 1e-8.
	Eps float64
	// Form is Lecture (√(R̂ + ε)) or PyTorch (√R̂ + ε).
	Form Form
	// WeightDecay is the L2 coefficient λ ≥ 0 added to the gradient as
	// λ·w; 0 (the default) adds nothing.
	WeightDecay float64
	// AMSGrad steps with the running maximum of R (default false).
	AMSGrad bool

	defaulted bool // zero fields replaced by their defaults (fill)
	n         int
	t         int
	m, r      []T // M and R
	rMax      []T // R_max, with AMSGrad
}

var (
	_ Optimizer[float64] = (*Adam[float64])(nil)
	_ RateSetter         = (*Adam[float64])(nil)
)

// NewAdam returns the lecture's Adam with β₁ = 0.9, β₂ = 0.999, η = 0.001,
// ε = 1e-8.
func NewAdam[T Float]() *Adam[T] {
	o := &Adam[T]{}
	o.fill()
	mustValid(o.check())
	return o
}

// Name returns "Adam".
func (o *Adam[T]) Name() string { return "Adam" }

// Settings returns "Adam(η=…, β₁=…, β₂=…, ε=…, form=…)", with λ=… and
// AMSGrad=true before the form when they are set.
func (o *Adam[T]) Settings() string {
	o.fill()
	return describe(o.Name(), o.Form, o.settings()...)
}

// settings are Settings' name-value pairs, shared with AdamW.
func (o *Adam[T]) settings() []any {
	pairs := []any{"η", o.LR, "β₁", o.Beta1, "β₂", o.Beta2, "ε", o.Eps}
	if o.WeightDecay != 0 {
		pairs = append(pairs, "λ", o.WeightDecay)
	}
	if o.AMSGrad {
		pairs = append(pairs, "AMSGrad", true)
	}
	return pairs
}

// LearningRate returns η.
func (o *Adam[T]) LearningRate() float64 {
	o.fill()
	return o.LR
}

// SetLearningRate sets η; it panics unless lr > 0.
func (o *Adam[T]) SetLearningRate(lr float64) {
	mustValid(positive(o.Name(), "LR", lr))
	o.LR = lr
}

// StateBytes is M and R: 2n elements; 3n with AMSGrad's R_max.
func (o *Adam[T]) StateBytes(n int) int64 {
	if o.AMSGrad {
		return 3 * int64(n) * sizeOf[T]()
	}
	return 2 * int64(n) * sizeOf[T]()
}

// fill replaces zero fields by their defaults, once: at construction or
// at a literal's first use.
func (o *Adam[T]) fill() {
	if o.defaulted {
		return
	}
	o.defaulted = true
	adamDefaults(&o.LR, &o.Beta1, &o.Beta2, &o.Eps)
}

// adamDefaults replaces zero η, β₁, β₂ and ε by Adam's defaults, 0.001,
// 0.9, 0.999 and 1e-8: Adam's and AdamW's.
func adamDefaults(lr, beta1, beta2, eps *float64) {
	orDefault(lr, 0.001)
	orDefault(beta1, 0.9)
	orDefault(beta2, 0.999)
	orDefault(eps, 1e-8)
}

func (o *Adam[T]) check() error { return o.checkAs(o.Name()) }

// checkAs checks Adam's fields, naming the optimizer name in its errors
// (AdamW's are Adam's).
func (o *Adam[T]) checkAs(name string) error {
	return firstError(positive(name, "LR", o.LR), inUnit(name, "Beta1", o.Beta1),
		inUnit(name, "Beta2", o.Beta2), positive(name, "Eps", o.Eps),
		nonNegative(name, "WeightDecay", o.WeightDecay), checkForm(name, o.Form))
}

// Step applies one Adam update to every parameter. The loop below computes
// in float64 and is what float64 runs; for float32 Step runs the fast loop
// of kernels32.go instead, which computes in float32 with fused
// multiply-adds, the bias corrections hoisted out of the loop and L2's
// λ·w added to g in a register (grads is never written), and stays
// within a few ulps of this loop's update.
func (o *Adam[T]) Step(params, grads []T) {
	o.fill()
	mustValid(o.check())
	if o.AMSGrad {
		sizeState(o.Name(), &o.n, params, grads, &o.m, &o.r, &o.rMax)
	} else {
		sizeState(o.Name(), &o.n, params, grads, &o.m, &o.r)
	}
	o.t++
	if fast := fastFor[T](); fast != nil {
		kM := o.LR / (1 - math.Pow(o.Beta1, float64(o.t))) // η/(1−β₁ᵗ)
		s := newAdamScalars(o.Beta1, o.Beta2, o.Eps, o.t, o.Form == PyTorch, kM, 0, o.WeightDecay)
		if o.AMSGrad {
			fast.amsgrad(as32(params), as32(grads), as32(o.m), as32(o.r), as32(o.rMax), s)
		} else {
			fast.adam(as32(params), as32(grads), as32(o.m), as32(o.r), s)
		}
		return
	}
	b1, b2 := o.Beta1, o.Beta2
	c1 := 1 - math.Pow(b1, float64(o.t)) // 1−β₁ᵗ
	c2 := 1 - math.Pow(b2, float64(o.t)) // 1−β₂ᵗ
	for i, gi := range grads {
		// g ← g + λ·w   (L2; λ = 0 leaves g as it is)
		g := float64(gi) + o.WeightDecay*float64(params[i])
		// M ← β₁·M + (1−β₁)·g,  R ← β₂·R + (1−β₂)·g²
		m, r := moments(o.m, o.r, i, b1, b2, g)
		if o.AMSGrad {
			// R_max ← max(R_max, R), and R̂ below reads R_max
			r = max(float64(o.rMax[i]), r)
			o.rMax[i] = T(r)
		}
		// M̂ = M/(1−β₁ᵗ),  R̂ = R/(1−β₂ᵗ)
		mHat, rHat := m/c1, r/c2
		// w ← w − η·M̂/√(R̂ + ε)   (or η·M̂/(√R̂ + ε))
		params[i] = T(float64(params[i]) - o.LR*mHat/rootPlusEps(rHat, o.Eps, o.Form))
	}
}

// moments updates Adam's (and Nadam's) averages for parameter i and
// returns them:
//
//	M ← β₁·M + (1−β₁)·g
//	R ← β₂·R + (1−β₂)·g²
func moments[T Float](m, r []T, i int, b1, b2, g float64) (mi, ri float64) {
	mi = b1*float64(m[i]) + (1-b1)*g
	ri = b2*float64(r[i]) + (1-b2)*g*g
	m[i], r[i] = T(mi), T(ri)
	return mi, ri
}

// MarshalBinary saves η, β₁, β₂, ε, λ, AMSGrad, the form, the step count,
// M, R and R_max.
func (o *Adam[T]) MarshalBinary() ([]byte, error) {
	o.fill()
	e := newEncoder(o.Name(), sizeOf[T]())
	o.encode(e)
	return e.b, nil
}

// encode appends Adam's fields and state (AdamW's record holds them too).
func (o *Adam[T]) encode(e *encoder) {
	e.float(o.LR, o.Beta1, o.Beta2, o.Eps, o.WeightDecay)
	e.bool(o.AMSGrad)
	e.int(int(o.Form), o.t, o.n)
	putVector(e, o.m)
	putVector(e, o.r)
	e.int(len(o.rMax))
	putVector(e, o.rMax)
}

// UnmarshalBinary restores what MarshalBinary saved; on error o is unchanged.
func (o *Adam[T]) UnmarshalBinary(data []byte) error {
	d := newDecoder(data, o.Name(), sizeOf[T]())
	c := decodeAdam[T](d)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*o = c
	return nil
}

// decodeAdam reads what encode wrote; the caller checks d.done().
func decodeAdam[T Float](d *decoder) Adam[T] {
	c := Adam[T]{defaulted: true}
	d.float(&c.LR, &c.Beta1, &c.Beta2, &c.Eps, &c.WeightDecay)
	d.bool(&c.AMSGrad)
	c.Form = Form(getEnum(d))
	c.t = d.count(0)
	c.n = d.count(2 * int(sizeOf[T]()))
	c.m = getVector[T](d, c.n)
	c.r = getVector[T](d, c.n)
	if k := d.count(int(sizeOf[T]())); k == 0 || k == c.n {
		c.rMax = getVector[T](d, k)
	} else {
		d.Fail(fmt.Errorf("R_max holds %d elements, want 0 or %d", k, c.n))
	}
	return c
}
