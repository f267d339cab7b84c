package cublas

import (
	"math/rand/v2"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
)

// TestGemmAmidCPUWork interleaves device products with runs of the
// parallel CPU path, as gpubench's MLP table does. Without cublasCall's
// cudaSetDevice on a locked thread, cublasSgemm failed here with
// CUBLAS_STATUS_INTERNAL_ERROR in 2 of 5 runs (H200, CUDA 13.0); with it,
// in none of 6.
func TestGemmAmidCPUWork(t *testing.T) {
	ctx := openDevice(t)
	rng := rand.New(rand.NewPCG(9, 9))
	for round := range 10 {
		for _, s := range []shape{{128, 500, 784}, {128, 300, 500}, {128, 10, 300}} {
			a, b := randomMatrix[float32](rng, s.m, s.k), randomMatrix[float32](rng, s.k, s.n)
			da, db, dc := upload(t, ctx, a), upload(t, ctx, b), upload(t, ctx, make([]float32, s.m*s.n))
			for range 20 {
				if err := ctx.Sgemm(false, false, s.m, s.n, s.k, 1, da, s.k, db, s.n, 0, dc, s.n); err != nil {
					t.Fatalf("round %d, %d×%d×%d: %v", round, s.m, s.n, s.k, err)
				}
				if err := ctx.Synchronize(); err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
			}
			cpu := make([]float32, s.m*s.n)
			for range 20 {
				gemm.Gemm(false, false, s.m, s.n, s.k, 1, a, s.k, b, s.n, 0, cpu, s.n)
			}
			got := make([]float32, s.m*s.n)
			if err := dc.Download(got); err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if d := got[i] - cpu[i]; d > 1e-3 || d < -1e-3 {
					t.Fatalf("round %d, %d×%d×%d: C[%d] = %v, CPU %v", round, s.m, s.n, s.k, i, got[i], cpu[i])
				}
			}
			for _, buf := range []*Buffer[float32]{da, db, dc} {
				buf.Free()
			}
		}
	}
}

// upload copies x into a new device buffer of at least one element.
func upload[T gemm.Float](t *testing.T, ctx *Context, x []T) *Buffer[T] {
	t.Helper()
	buf, err := NewBuffer[T](ctx, max(len(x), 1))
	if err != nil {
		t.Fatalf("NewBuffer: %v", err)
	}
	if err := buf.Upload(x); err != nil {
		t.Fatalf("Upload: %v", err)
	}
	return buf
}
