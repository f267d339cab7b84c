package gemm

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"
)

// TestBlas64MatMul checks that gonum/mat, switched to Blas64, multiplies as
// gonum's native implementation does, within the Gemm error bound.
func TestBlas64MatMul(t *testing.T) {
	defer blas64.Use(gonum.Implementation{})
	rng := rand.New(rand.NewPCG(11, 12))
	random := func(r, c int) *mat.Dense {
		x := make([]float64, r*c)
		for i := range x {
			x[i] = 2*rng.Float64() - 1
		}
		return mat.NewDense(r, c, x)
	}
	a, b := random(70, 130), random(130, 45)
	for i, tt := range []struct {
		a, b mat.Matrix
	}{{a, b}, {a.T(), random(70, 33)}, {random(33, 45), b.T()}} {
		var native, ours mat.Dense
		blas64.Use(gonum.Implementation{})
		native.Mul(tt.a, tt.b)
		blas64.Use(Blas64{})
		ours.Mul(tt.a, tt.b)
		_, k := tt.a.Dims()
		tol := float64(k+3) * 0x1p-52 * float64(k) // |a|,|b| ≤ 1
		if !mat.EqualApprox(&native, &ours, tol) {
			t.Errorf("#%d: Mul with Blas64 differs from gonum's beyond %.3g", i, tol)
		}
	}
}

// TestBlas32Gemm checks Blas32.Sgemm, with a transpose and α, β, against
// gonum's native Sgemm.
func TestBlas32Gemm(t *testing.T) {
	defer blas32.Use(gonum.Implementation{})
	p := problem{transA: true, m: 40, n: 50, k: 60, alpha: 0.5, beta: 2, pad: 1, seed: 13}
	a, lda, b, ldb, c, ldc := operands[float32](p)
	want := append([]float32(nil), c...)
	gonum.Implementation{}.Sgemm(blas.Trans, blas.NoTrans, p.m, p.n, p.k, 0.5, a, lda, b, ldb, 2, want, ldc)
	blas32.Use(Blas32{})
	blas32.Gemm(blas.Trans, blas.NoTrans, 0.5,
		blas32.General{Rows: p.k, Cols: p.m, Stride: lda, Data: a},
		blas32.General{Rows: p.k, Cols: p.n, Stride: ldb, Data: b},
		2, blas32.General{Rows: p.m, Cols: p.n, Stride: ldc, Data: c})
	tol := float64(p.k+3) * 0x1p-23 * (0.5*float64(p.k) + 2) // |a|,|b|,|c| ≤ 1
	for i := range c {
		if d := math.Abs(float64(c[i] - want[i])); !(d <= tol) {
			t.Fatalf("C[%d] = %v, gonum %v (|diff| %.3g > %.3g)", i, c[i], want[i], d, tol)
		}
	}
}
