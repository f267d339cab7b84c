package cublas

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
)

// openDevice returns a Context on the real GPU, or skips the test naming why.
func openDevice(t *testing.T) *Context {
	t.Helper()
	ctx, err := Open()
	if err != nil {
		t.Skipf("no GPU for this test: %v", err)
	}
	t.Cleanup(func() {
		if err := ctx.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return ctx
}

// shape is one product: op(A) m×k, op(B) k×n.
type shape struct{ m, n, k int }

// edgeShapes hold the zero and one sizes and odd edges a kernel gets wrong.
var edgeShapes = []shape{
	{0, 0, 0}, {0, 3, 2}, {3, 0, 2}, {3, 2, 0}, {1, 1, 1}, {1, 7, 1}, {7, 1, 5},
	{17, 1, 33}, {2, 65, 3}, {33, 65, 17}, {64, 64, 64}, {31, 47, 129},
}

// scalars are the (α, β) pairs: β = 0 must not read C, α = 0 must scale C.
var scalars = [][2]float64{{1, 0}, {-0.5, 0}, {1, 1}, {2.5, -1.5}, {0, 0.75}}

// randomShapes adds n seeded random shapes with sides in [0, maxSide].
func randomShapes(rng *rand.Rand, n, maxSide int) []shape {
	shapes := append([]shape(nil), edgeShapes...)
	for range n {
		shapes = append(shapes, shape{rng.IntN(maxSide + 1), rng.IntN(maxSide + 1), rng.IntN(maxSide + 1)})
	}
	return shapes
}

// runner runs one product on host slices: the Backend or a device path.
type runner[T gemm.Float] func(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)

// deviceRunner uploads the slices whole (leading dimensions kept), runs
// Gemm on the buffers and downloads C: the path where data stays on the device.
func deviceRunner[T gemm.Float](t *testing.T, ctx *Context) runner[T] {
	return func(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
		da, db, dc := upload(t, ctx, a), upload(t, ctx, b), upload(t, ctx, c)
		defer func() { da.Free(); db.Free(); dc.Free() }()
		if err := Gemm(ctx, transA, transB, m, n, k, alpha, da, lda, db, ldb, beta, dc, ldc); err != nil {
			t.Fatalf("Gemm: %v", err)
		}
		if err := dc.Download(c); err != nil {
			t.Fatalf("Download: %v", err)
		}
	}
}

// checkGemmShapes runs every shape, transpose pair and (α, β) through run
// and compares with gemm.Ref and the CPU path gemm.Gemm, element by element,
// within the rounding bound of a k-term float sum:
//
//	|got − want| ≤ 2·(k+2)·ε·(|α|·Σₚ|aᵢₚ||bₚⱼ| + |β|·|cᵢⱼ|)
//
// With β = 0, C starts as NaN (it must not be read); the gaps between the
// rows of C hold a sentinel that must survive.
func checkGemmShapes[T gemm.Float](t *testing.T, run runner[T], shapes []shape, rng *rand.Rand) {
	eps := math.Nextafter32(1, 2) - 1
	var zero T
	if any(zero) == any(float64(0)) {
		eps = float32(math.Nextafter(1, 2) - 1)
	}
	const sentinel = 12345
	for ci, s := range shapes {
		for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			ab := scalars[ci%len(scalars)]
			alpha, beta := T(ab[0]), T(ab[1])
			ar, ac := stored(tr[0], s.m, s.k)
			br, bc := stored(tr[1], s.k, s.n)
			lda, ldb, ldc := max(1, ac)+rng.IntN(3), max(1, bc)+rng.IntN(3), max(1, s.n)+rng.IntN(3)
			a, b := randomMatrix[T](rng, ar, lda), randomMatrix[T](rng, br, ldb)
			c := randomMatrix[T](rng, s.m, ldc)
			for i := range c {
				if i%ldc >= s.n {
					c[i] = sentinel
				} else if beta == 0 {
					c[i] = T(math.NaN())
				}
			}
			want, cpu, got := clone(c), clone(c), clone(c)
			gemm.Ref[T]{}.Gemm(tr[0], tr[1], s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, want, ldc)
			gemm.Gemm(tr[0], tr[1], s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, cpu, ldc)
			run(tr[0], tr[1], s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, got, ldc)

			// bound = |α|·|op(A)|·|op(B)| + |β|·|C|, by Ref on absolute values.
			bound := make([]float64, len(c))
			if beta != 0 {
				for i := range c {
					bound[i] = math.Abs(float64(c[i]))
				}
			}
			gemm.Ref[float64]{}.Gemm(tr[0], tr[1], s.m, s.n, s.k, math.Abs(float64(alpha)), abs(a), lda, abs(b), ldb, math.Abs(float64(beta)), bound, ldc)
			name := fmt.Sprintf("case %d: m=%d n=%d k=%d transA=%v transB=%v α=%v β=%v", ci, s.m, s.n, s.k, tr[0], tr[1], alpha, beta)
			for i := range got {
				if i%ldc >= s.n {
					if got[i] != sentinel {
						t.Fatalf("%s: C[%d] between rows overwritten: got %v, want %v", name, i, got[i], sentinel)
					}
					continue
				}
				tol := 2 * float64(s.k+2) * float64(eps) * bound[i]
				for _, ref := range []struct {
					who  string
					want T
				}{{"gemm.Ref", want[i]}, {"gemm.Gemm", cpu[i]}} {
					if d := math.Abs(float64(got[i]) - float64(ref.want)); !(d <= tol) {
						t.Fatalf("%s: C[%d] (row %d col %d): got %v, %s %v, |diff| %.3g > tol %.3g",
							name, i, i/ldc, i%ldc, got[i], ref.who, ref.want, d, tol)
					}
				}
			}
		}
	}
}

func randomMatrix[T gemm.Float](rng *rand.Rand, rows, ld int) []T {
	x := make([]T, rows*ld)
	for i := range x {
		x[i] = T(2*rng.Float64() - 1)
	}
	return x
}

func clone[T gemm.Float](x []T) []T { return append([]T(nil), x...) }

func abs[T gemm.Float](x []T) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = math.Abs(float64(v))
	}
	return y
}

// testPaths runs the Backend and the device-buffer path on ctx.
func testPaths[T gemm.Float](t *testing.T, ctx *Context, shapes []shape, seed uint64) {
	t.Run("path=backend", func(t *testing.T) {
		be := NewBackend[T](ctx)
		defer be.Close()
		checkGemmShapes[T](t, be.Gemm, shapes, rand.New(rand.NewPCG(seed, 1)))
	})
	t.Run("path=device", func(t *testing.T) {
		checkGemmShapes(t, deviceRunner[T](t, ctx), shapes, rand.New(rand.NewPCG(seed, 2)))
	})
}

// TestGemmFake checks the row-major mapping on the fake device, everywhere.
func TestGemmFake(t *testing.T) {
	ctx, _ := newFakeContext(t)
	shapes := randomShapes(rand.New(rand.NewPCG(7, 7)), 12, 40)
	t.Run("prec=f32", func(t *testing.T) { testPaths[float32](t, ctx, shapes, 1) })
	t.Run("prec=f64", func(t *testing.T) { testPaths[float64](t, ctx, shapes, 2) })
}

// TestGemmGPU runs the same checks on the GPU, with larger shapes too.
func TestGemmGPU(t *testing.T) {
	ctx := openDevice(t)
	shapes := randomShapes(rand.New(rand.NewPCG(8, 8)), 12, 64)
	if !testing.Short() {
		shapes = randomShapes(rand.New(rand.NewPCG(8, 8)), 60, 300)
		shapes = append(shapes, shape{512, 384, 1000}, shape{1, 2048, 4096}, shape{1000, 3, 777})
	}
	t.Run("prec=f32", func(t *testing.T) { testPaths[float32](t, ctx, shapes, 3) })
	t.Run("prec=f64", func(t *testing.T) { testPaths[float64](t, ctx, shapes, 4) })
}
