package gemm_test

import (
	"fmt"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"

	"github.com/nncourse/optimizers/nn/gemm"
)

// A 2×3 matrix times the transpose of a 2×3 matrix, added to twice C.
func ExampleGemm() {
	a := []float64{
		1, 2, 3,
		4, 5, 6,
	}
	b := []float64{
		1, 0, 1,
		0, 1, 0,
	}
	c := []float64{
		1, 1,
		1, 1,
	}
	// C = 1·A·Bᵀ + 2·C: m=2, n=2, k=3.
	gemm.Gemm(false, true, 2, 2, 3, 1, a, 3, b, 3, 2, c, 2)
	fmt.Println(c)
	// Output:
	// [6 4 12 7]
}

// gonum/mat multiplies on this package's Gemm once Blas64 is installed.
func ExampleBlas64() {
	blas64.Use(gemm.Blas64{})
	defer blas64.Use(gonum.Implementation{})

	a := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	b := mat.NewDense(2, 3, []float64{1, 0, 1, 0, 1, 0})
	var c mat.Dense
	c.Mul(a, b.T()) // Dgemm(NoTrans, Trans, …)
	fmt.Println(mat.Formatted(&c))
	// Output:
	// ⎡ 4   2⎤
	// ⎣10   5⎦
}
