package optim

import (
	"math"
	"unsafe"
)

// The float32 fast paths. Every optimizer's Step is written once, over a
// generic T, computing each formula in float64 and rounding the results to
// T: that loop is the reference, what float64 runs and the test oracle for
// float32. For float32, SGD, Momentum, Adagrad, RMSprop, Adam and Nadam
// hand the whole slab to one of these loops instead, which compute in
// float32 with fused multiply-adds:
//
//	sgd       w ← w − η·g
//	momentum  v ← μ·v + a·g,  w ← w − b·v          (a, b) = (η, 1) or (1, η)
//	rms       S ← a·S + c·g²,  w ← w − η·g/(√(S + ε_in) + ε_out)
//	adam      M ← β₁·M + (1−β₁)·g,  R ← β₂·R + (1−β₂)·g²
//	          w ← w − (k_M·M + k_g·g) / (√(R/(1−β₂ᵗ) + ε_in) + ε_out)
//
// with ε_in = ε, ε_out = 0 for ε inside the root and the reverse outside.
// A zero that is added, or a one that multiplies, changes nothing in
// floating point, so one loop serves several forms: rms is RMSprop
// (a, c = γ, 1−γ) and Adagrad (a = c = 1, ε outside); adam is Adam
// (k_M = η/(1−β₁ᵗ), k_g = 0) and both Nadams (k_g ≠ 0). The per-step
// scalars — bias corrections, rates — are computed in float64 once per
// Step and rounded to float32.
//
// Each update then differs from the reference by a few float32 roundings:
// TestFast32MatchesReference bounds it by an ulp of the result plus 8 unit
// roundoffs (u = 2⁻²⁴) of the terms' size for the state and 16 for the
// weights, and sees at most about 3u.
//
// On amd64 the loops are assembly for AVX-512 (16 lanes) or AVX2+FMA
// (8 lanes), chosen at run time (kernels32_amd64.go); elsewhere, and with
// the purego build tag, they are the portable Go loops of this file.

// loops32 is one implementation of the float32 loops. Callers pass slices of
// equal length.
type loops32 struct {
	name     string
	sgd      func(p, g []float32, lr float32)
	momentum func(p, g, v []float32, s momentumScalars)
	rms      func(p, g, sq []float32, s rmsScalars)
	adam     func(p, g, m, r []float32, s adamScalars)
}

// fast32 is the float32 implementation Step uses; nil runs the reference
// loops (the tests set it to compare them).
var fast32 = defaultLoops32()

// momentumScalars are Momentum's per-step constants for both forms.
type momentumScalars struct {
	mu, a, b float32 // v ← μ·v + a·g,  w ← w − b·v
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
}

// newAdamScalars rounds the step-t constants to float32.
func newAdamScalars(b1, b2, eps float64, t int, outside bool, kM, kG float64) adamScalars {
	s := adamScalars{
		b1: float32(b1), c1: float32(1 - b1),
		b2: float32(b2), c2: float32(1 - b2),
		kM: float32(kM), kG: float32(kG),
		invBias2: float32(1 / (1 - math.Pow(b2, float64(t)))),
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
var goLoops32 = &loops32{name: "go", sgd: sgdGo, momentum: momentumGo, rms: rmsGo, adam: adamGo}

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

func rmsGo(p, g, sq []float32, s rmsScalars) {
	g, sq = g[:len(p)], sq[:len(p)]
	for i := range p {
		sq[i] = s.a*sq[i] + s.c*g[i]*g[i]
		p[i] -= s.lr * g[i] / (sqrt32(sq[i]+s.epsIn) + s.epsOut)
	}
}

func adamGo(p, g, m, r []float32, s adamScalars) {
	g, m, r = g[:len(p)], m[:len(p)], r[:len(p)]
	for i := range p {
		m[i] = s.b1*m[i] + s.c1*g[i]
		r[i] = s.b2*r[i] + s.c2*g[i]*g[i]
		root := sqrt32(r[i]*s.invBias2+s.epsIn) + s.epsOut
		p[i] -= (s.kM*m[i] + s.kG*g[i]) / root
	}
}

// sqrt32 is the correctly rounded float32 square root: rounding the
// float64 root of a float32 to float32 rounds only once in effect.
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
