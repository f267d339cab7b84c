package main

import (
	"fmt"
	"math/rand/v2"
)

// gemmCase is one product C[m×n] = op(A)·op(B) to time.
type gemmCase struct {
	name           string
	transA, transB bool
	m, n, k        int
	beta           float64 // 0, or 1 where C holds a bias to add to
	mlp            bool    // one of the MLP step's products
}

func (c gemmCase) flops() float64 { return 2 * float64(c.m) * float64(c.n) * float64(c.k) }

func (c gemmCase) String() string {
	op := func(t bool) string {
		if t {
			return "ᵀ"
		}
		return ""
	}
	return fmt.Sprintf("%d×%d%s·%d×%d%s", c.m, c.k, op(c.transA), c.k, c.n, op(c.transB))
}

// lds returns the leading dimensions of A, B and C, stored without padding.
func (c gemmCase) lds() (lda, ldb, ldc int) {
	lda, ldb = c.k, c.n
	if c.transA {
		lda = c.m
	}
	if c.transB {
		ldb = c.k
	}
	return lda, ldb, c.n
}

func squareCases(sizes []int) []gemmCase {
	var cs []gemmCase
	for _, n := range sizes {
		cs = append(cs, gemmCase{name: fmt.Sprintf("n=%d", n), m: n, n: n, k: n})
	}
	return cs
}

// mlpCases are the 8 products of one training step of an MLP on a batch,
// in nn's layout (W is out×in, y = x·Wᵀ + b): 3 forward x·Wᵀ (β = 1, C
// holding the bias), 3 weight gradients δᵀ·x and the 2 input gradients δ·W
// the first layer does not need. For 784-500-300-10 and a batch of 128,
// about 318 MFLOP.
func mlpCases(batch int, sizes []int) []gemmCase {
	var cs []gemmCase
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		cs = append(cs, gemmCase{name: fmt.Sprintf("fwd %d", l+1), transB: true, m: batch, n: out, k: in, beta: 1, mlp: true})
	}
	for l := len(sizes) - 2; l >= 0; l-- {
		in, out := sizes[l], sizes[l+1]
		cs = append(cs, gemmCase{name: fmt.Sprintf("dW %d", l+1), transA: true, m: out, n: in, k: batch, mlp: true})
		if l > 0 {
			cs = append(cs, gemmCase{name: fmt.Sprintf("dX %d", l+1), m: batch, n: in, k: out, mlp: true})
		}
	}
	return cs
}

// operands returns A, B and C for c, uniform in [−1, 1).
func operands[T float32 | float64](c gemmCase) (a, b, out []T) {
	rng := rand.New(rand.NewPCG(uint64(c.m), uint64(c.n*1000+c.k)))
	fill := func(n int) []T {
		x := make([]T, n)
		for i := range x {
			x[i] = T(2*rng.Float64() - 1)
		}
		return x
	}
	return fill(c.m * c.k), fill(c.k * c.n), fill(c.m * c.n)
}
