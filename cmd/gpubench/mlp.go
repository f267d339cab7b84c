package main

import (
	"fmt"
	"runtime"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
)

// mlpShapes times the forward products of the lecture's 784-500-300-10
// network at minibatch 128, float32, three ways: operands resident on the
// device, the host-slice Backend (upload and download every call), and the
// CPU path. Small products show what the copies and the launch cost.
func mlpShapes(ctx *cublas.Context) {
	fmt.Println()
	fmt.Println("| MLP forward (f32) m×n×k | device-resident µs | Backend (host slices) µs | CPU gemm.Gemm µs |")
	fmt.Println("| --- | ---: | ---: | ---: |")
	be := cublas.NewBackend[float32](ctx)
	defer be.Close()
	for _, s := range [][3]int{{128, 500, 784}, {128, 300, 500}, {128, 10, 300}} {
		m, n, k := s[0], s[1], s[2]
		a, b, c := randomFill[float32](m*k, 4), randomFill[float32](k*n, 5), make([]float32, m*n)
		da, db, dc := upload(ctx, a), upload(ctx, b), upload(ctx, c)
		device := timeRuns(func() {
			must(cublas.Gemm(ctx, false, false, m, n, k, 1, da, k, db, n, 0, dc, n))
			must(ctx.Synchronize())
		}, 0.2)
		host := timeRuns(func() { be.Gemm(false, false, m, n, k, 1, a, k, b, n, 0, c, n) }, 0.2)
		cpu := timeRuns(func() { gemm.Gemm(false, false, m, n, k, 1, a, k, b, n, 0, c, n) }, 0.2)
		fmt.Printf("| %d×%d×%d | %.1f | %.1f | %.1f |\n", m, n, k, 1e6*device[len(device)/2], 1e6*host[len(host)/2], 1e6*cpu[len(cpu)/2])
		for _, buf := range []*cublas.Buffer[float32]{da, db, dc} {
			must(buf.Free())
		}
	}
	fmt.Printf("(CPU path on %d threads; medians)\n", runtime.GOMAXPROCS(0))
}

func upload(ctx *cublas.Context, x []float32) *cublas.Buffer[float32] {
	buf, err := cublas.NewBuffer[float32](ctx, len(x))
	must(err)
	must(buf.Upload(x))
	return buf
}
