package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"unsafe"
)

// kernelPair is one float32 kernel and one float64 kernel of the same family.
type kernelPair struct {
	k32 microKernel[float32]
	k64 microKernel[float64]
}

// hostSized pairs k32 and k64 with their blocks sized for this machine.
func hostSized(k32 microKernel[float32], k64 microKernel[float64]) kernelPair {
	k32.sizeBlocks(hostCaches)
	k64.sizeBlocks(hostCaches)
	return kernelPair{k32, k64}
}

// useKernels installs ks for the duration of a test and returns the undo.
func useKernels(ks kernelPair) (undo func()) {
	old32, old64 := kernel32, kernel64
	kernel32, kernel64 = ks.k32, ks.k64
	return func() { kernel32, kernel64 = old32, old64 }
}

// problem is one Gemm call: shapes, transposes, scalars and the padding added
// to each leading dimension.
type problem struct {
	transA, transB bool
	m, n, k        int
	alpha, beta    float64
	pad            int // extra columns in every leading dimension
	seed           uint64
}

func (p problem) String() string {
	return fmt.Sprintf("tA=%v tB=%v m=%d n=%d k=%d α=%g β=%g pad=%d", p.transA, p.transB, p.m, p.n, p.k, p.alpha, p.beta, p.pad)
}

// operands builds A, B and C for p with values uniform in [−1, 1). Where
// β = 0 the C elements are NaN, so an element Gemm fails to write (or reads)
// shows up; the padding beyond n in each row of C is a sentinel that Gemm must
// leave alone.
func operands[T Float](p problem) (a []T, lda int, b []T, ldb int, c []T, ldc int) {
	rng := rand.New(rand.NewPCG(p.seed, 7))
	rowsA, colsA := p.m, p.k
	if p.transA {
		rowsA, colsA = p.k, p.m
	}
	rowsB, colsB := p.k, p.n
	if p.transB {
		rowsB, colsB = p.n, p.k
	}
	lda, ldb, ldc = max(1, colsA)+p.pad, max(1, colsB)+p.pad, max(1, p.n)+p.pad
	fill := func(rows, ld int) []T {
		x := make([]T, rows*ld)
		for i := range x {
			x[i] = T(2*rng.Float64() - 1)
		}
		return x
	}
	a, b, c = fill(rowsA, lda), fill(rowsB, ldb), fill(p.m, ldc)
	for i := range p.m {
		for j := range ldc {
			switch {
			case j >= p.n:
				c[i*ldc+j] = sentinel
			case p.beta == 0:
				c[i*ldc+j] = T(math.NaN())
			}
		}
	}
	return a, lda, b, ldb, c, ldc
}

const sentinel = 12345

// check runs Gemm on p and compares every element with Ref. The bound is the
// classical one for a k-term dot product (Higham, Accuracy and Stability of
// Numerical Algorithms, §3.1): |fl(Σ) − Σ| ≤ γ_k·Σ|aᵢbᵢ| with γ_k ≈ k·u and
// u = ε/2 the unit roundoff. Ref accumulates in float64, so its own error is
// smaller; the α scaling and the β·C addition add two roundings. Hence
//
//	|got − want| ≤ (k+3)·ε·(|α|·Σ|a||b| + |β|·|C₀|)
//
// which is a proven bound, not a fitted one (a factor 2 of slack).
func check[T Float](p problem) error {
	a, lda, b, ldb, c, ldc := operands[T](p)
	want := append([]T(nil), c...)
	Ref[T]{}.Gemm(p.transA, p.transB, p.m, p.n, p.k, T(p.alpha), a, lda, b, ldb, T(p.beta), want, ldc)
	// Ref ignores C where β = 0, so the NaNs there stay out of the bound.
	bound := absolute(c)
	Ref[T]{}.Gemm(p.transA, p.transB, p.m, p.n, p.k, T(math.Abs(p.alpha)), absolute(a), lda, absolute(b), ldb, T(math.Abs(p.beta)), bound, ldc)

	Gemm(p.transA, p.transB, p.m, p.n, p.k, T(p.alpha), a, lda, b, ldb, T(p.beta), c, ldc)

	eps := epsilon[T]()
	for i := range p.m {
		for j := range ldc {
			idx := i*ldc + j
			if j >= p.n {
				if c[idx] != sentinel {
					return fmt.Errorf("%v: padding C[%d][%d] = %v, was %v", p, i, j, c[idx], sentinel)
				}
				continue
			}
			tol := float64(p.k+3) * eps * float64(bound[idx])
			if diff := math.Abs(float64(c[idx]) - float64(want[idx])); !(diff <= tol) {
				return fmt.Errorf("%v: C[%d][%d] = %v, want %v (|diff| %.3g > tol %.3g)", p, i, j, c[idx], want[idx], diff, tol)
			}
		}
	}
	return nil
}

func absolute[T Float](x []T) []T {
	y := make([]T, len(x))
	for i, v := range x {
		y[i] = T(math.Abs(float64(v)))
	}
	return y
}

// epsilon is the machine epsilon of T: 2⁻²³ for float32, 2⁻⁵² for float64.
func epsilon[T Float]() float64 {
	if unsafe.Sizeof(T(0)) == 4 {
		return 0x1p-23
	}
	return 0x1p-52
}
