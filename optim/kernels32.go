package optim

import (
	"math"
	"unsafe"
)

// The float32 fast paths. Every optimizer's Step is written once, over a
// generic T, computing each formula in float64 and rounding the results to
// T: that loop is the reference, what float64 runs and the test oracle for
// float32. For float32, every optimizer hands the whole slab to one of
// these loops instead, which compute in float32 with fused multiply-adds:
//
//	sgd       w ← w − η·g
//	momentum  v ← μ·v + a·g,  w ← w − b·v          (a, b) = (η, 1) or (1, η)
//	nesterov  v′ ← μ·v + a·g,  p ← (p + c·v) − (d·v′ + e·g)
//	nagExact  v ← μ·v + η·g,  w ← w − v,  θ ← w − μ·v
//	rms       S ← a·S + c·g²,  w ← w − η·g/(√(S + ε_in) + ε_out)
//	adam      g ← g + λ·w (in a register),
//	          M ← β₁·M + (1−β₁)·g,  R ← β₂·R + (1−β₂)·g²
//	          w ← w − (k_M·M + k_g·g) / (√(R/(1−β₂ᵗ) + ε_in) + ε_out)
//	amsgrad   adam with R_max ← max(R_max, R) read in R's place in the root
//	lion      c = β₁·M + (1−β₁)·g,  w ← w − η·(sign(c) + λ·w),
//	          M ← β₂·M + (1−β₂)·g
//	adadelta  S ← ρ·S + (1−ρ)·g²,  Δ = √((D + ε)/(S + ε))·g
//	          D ← ρ·D + (1−ρ)·Δ²,  w ← w − η·Δ
//	rprop     Rprop's lecture form, iRprop− and Rprop+ (adapting first),
//	          signs in bit-sets (kernels32_rprop.go)
//
// with ε_in = ε, ε_out = 0 for ε inside the root and the reverse outside.
// A zero that is added, or a one that multiplies, changes nothing in
// floating point, so one loop serves several forms: rms is RMSprop
// (a, c = γ, 1−γ) and Adagrad (a = c = 1, ε outside); adam is Adam
// (k_M = η/(1−β₁ᵗ), k_g = 0), with or without L2 (λ = 0 adds 0·w, as
// the reference does), and both Nadams (k_g ≠ 0, λ = 0); nesterov is
// the lecture's NAG keeping θ and v (a, c, d, e = η, μ, 1+μ, 0) and
// PyTorch's (1, 0, η·μ, η). adadelta takes one root of the ratio where the
// reference takes two. The per-step
// scalars — bias corrections, rates — are computed in float64 once per
// Step and rounded to float32.
//
// Each update then differs from the reference by a few float32 roundings:
// TestFast32MatchesReference bounds it by an ulp of the result plus 8 unit
// roundoffs (u = 2⁻²⁴) of the terms' size for the state and 16 for the
// weights, and sees at most about 4u; 9u for Nesterov's θ, which inherits
// the float32 rounding of v′ through (1+μ)·v′, where the reference moves by
// the unrounded v′.
//
// On amd64 the loops are assembly for AVX-512 (16 lanes) or AVX2+FMA
// (8 lanes), chosen at run time (kernels32_amd64.go); elsewhere, and with
// the purego build tag, they are the portable Go loops of this file. The
// nesterov, nagExact, adadelta, rprop, amsgrad and lion loops exist in
// AVX2 only, which an AVX-512 machine runs as well: no AVX-512 machine was
// at hand to test 16-lane versions.

// loops32 is one implementation of the float32 loops. Callers pass slices of
// equal length.
type loops32 struct {
	name     string
	sgd      func(p, g []float32, lr float32)
	momentum func(p, g, v []float32, s momentumScalars)
	nesterov func(p, g, v []float32, s nesterovScalars)
	nagExact func(p, g, v, w []float32, s nesterovScalars)
	rms      func(p, g, sq []float32, s rmsScalars)
	adam     func(p, g, m, r []float32, s adamScalars)
	amsgrad  func(p, g, m, r, rMax []float32, s adamScalars)
	lion     func(p, g, m []float32, s lionScalars)
	adadelta func(p, g, sq, dx []float32, s adadeltaScalars)
	rprop    [rpropKernels]rpropLoop // indexed by rpropKernel
}

// fast32 is the float32 implementation Step uses; nil runs the reference
// loops (the tests set it to compare them).
var fast32 = defaultLoops32()

// momentumScalars are Momentum's per-step constants for both forms.
type momentumScalars struct {
	mu, a, b float32 // v ← μ·v + a·g,  w ← w − b·v
}

// nesterovScalars are Nesterov's per-step constants for all its forms
// (nagExact reads μ and a = η only).
type nesterovScalars struct {
	mu, a float32 // v′ ← μ·v + a·g
	c     float32 // p ← (p + c·v) − (d·v′ + e·g)
	d, e  float32
}

// adadeltaScalars are Adadelta's per-step constants.
type adadeltaScalars struct {
	rho, c float32 // ρ, 1−ρ
	eps    float32 // ε
	lr     float32 // η
}

// rmsScalars are RMSprop's and Adagrad's per-step constants.
type rmsScalars struct {
	a, c          float32 // S ← a·S + c·g²
	lr            float32 // η
	epsIn, epsOut float32 // ε inside the root or added to it; the other 0
}

// adamScalars are Adam's and Nadam's per-step constants.
type adamScalars struct {
	b1, c1        float32 // β₁, 1−β₁
	b2, c2        float32 // β₂, 1−β₂
	kM, kG        float32 // the update's rates for M and g
	invBias2      float32 // 1/(1−β₂ᵗ)
	epsIn, epsOut float32 // ε inside the root or added to it; the other 0
	wd            float32 // L2's λ: g ← g + λ·w before the moments read g
}

// lionScalars are Lion's per-step constants.
type lionScalars struct {
	b1, c1 float32 // β₁, 1−β₁
	b2, c2 float32 // β₂, 1−β₂
	lr, wd float32 // η, λ
}

// newAdamScalars rounds the step-t constants to float32.
func newAdamScalars(b1, b2, eps float64, t int, outside bool, kM, kG, wd float64) adamScalars {
	s := adamScalars{
		b1: float32(b1), c1: float32(1 - b1),
		b2: float32(b2), c2: float32(1 - b2),
		kM: float32(kM), kG: float32(kG),
		invBias2: float32(1 / (1 - math.Pow(b2, float64(t)))),
		wd:       float32(wd),
	}
	s.epsIn, s.epsOut = splitEps(eps, outside)
	return s
}

// splitEps returns (ε, 0) for ε inside the root and (0, ε) outside.
func splitEps(eps float64, outside bool) (in, out float32) {
	if outside {
		return 0, float32(eps)
	}
	return float32(eps), 0
}

// as32 views a slab of T as float32; the caller has checked that T is 4
// bytes wide, so T's underlying type is float32.
func as32[T Float](v []T) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(v))), len(v))
}

// fastFor returns the float32 loops when T is float32 and they are on.
func fastFor[T Float]() *loops32 {
	if sizeOf[T]() != 4 {
		return nil
	}
	return fast32
}

// goLoops32 are the portable loops.
var goLoops32 = &loops32{name: "go", sgd: sgdGo, momentum: momentumGo,
	nesterov: nesterovGo, nagExact: nagExactGo, rms: rmsGo, adam: adamGo, amsgrad: amsgradGo,
	lion: lionGo, adadelta: adadeltaGo,
	rprop: [rpropKernels]rpropLoop{rpropLectureGo, rpropIMinusGo, rpropPlusGo}}

func sgdGo(p, g []float32, lr float32) {
	g = g[:len(p)]
	for i := range p {
		p[i] -= lr * g[i]
	}
}

func momentumGo(p, g, v []float32, s momentumScalars) {
	g, v = g[:len(p)], v[:len(p)]
	for i := range p {
		v[i] = s.mu*v[i] + s.a*g[i]
		p[i] -= s.b * v[i]
	}
}

func nesterovGo(p, g, v []float32, s nesterovScalars) {
	g, v = g[:len(p)], v[:len(p)]
	for i := range p {
		vNew := s.mu*v[i] + s.a*g[i]
		p[i] = (p[i] + s.c*v[i]) - (s.d*vNew + s.e*g[i])
		v[i] = vNew
	}
}

func nagExactGo(p, g, v, w []float32, s nesterovScalars) {
	g, v, w = g[:len(p)], v[:len(p)], w[:len(p)]
	for i := range p {
		v[i] = s.mu*v[i] + s.a*g[i]
		w[i] -= v[i]
		p[i] = w[i] - s.mu*v[i]
	}
}

func adadeltaGo(p, g, sq, dx []float32, s adadeltaScalars) {
	g, sq, dx = g[:len(p)], sq[:len(p)], dx[:len(p)]
	for i := range p {
		sq[i] = s.rho*sq[i] + s.c*g[i]*g[i]
		delta := sqrt32((dx[i]+s.eps)/(sq[i]+s.eps)) * g[i]
		dx[i] = s.rho*dx[i] + s.c*delta*delta
		p[i] -= s.lr * delta
	}
}

func rmsGo(p, g, sq []float32, s rmsScalars) {
	g, sq = g[:len(p)], sq[:len(p)]
	for i := range p {
		sq[i] = s.a*sq[i] + s.c*g[i]*g[i]
		p[i] -= s.lr * g[i] / (sqrt32(sq[i]+s.epsIn) + s.epsOut)
	}
}

func adamGo(p, g, m, r []float32, s adamScalars) { amsgradGo(p, g, m, r, nil, s) }

// amsgradGo is adam with R_max ← max(R_max, R) in R's place in the root;
// with rMax nil it is adam.
func amsgradGo(p, g, m, r, rMax []float32, s adamScalars) {
	g, m, r = g[:len(p)], m[:len(p)], r[:len(p)]
	if rMax != nil {
		rMax = rMax[:len(p)]
	}
	for i := range p {
		gi := g[i] + s.wd*p[i] // L2, without writing the caller's gradient
		m[i] = s.b1*m[i] + s.c1*gi
		r[i] = s.b2*r[i] + s.c2*gi*gi
		rRoot := r[i]
		if rMax != nil {
			rMax[i] = max(rMax[i], r[i])
			rRoot = rMax[i]
		}
		root := sqrt32(rRoot*s.invBias2+s.epsIn) + s.epsOut
		p[i] -= (s.kM*m[i] + s.kG*gi) / root
	}
}

func lionGo(p, g, m []float32, s lionScalars) {
	g, m = g[:len(p)], m[:len(p)]
	for i := range p {
		c := s.b1*m[i] + s.c1*g[i]
		p[i] -= s.lr * (sign(c) + s.wd*p[i])
		m[i] = s.b2*m[i] + s.c2*g[i]
	}
}

// sqrt32 is the correctly rounded float32 square root: rounding the
// float64 root of a float32 to float32 rounds only once in effect.
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
