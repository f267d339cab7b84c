package cublas_test

import (
	"fmt"
	"io"
	"log"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
)

// NewBackendOrCPU gives the GPU when there is one and the CPU otherwise:
// the product is the same.
func ExampleNewBackendOrCPU() {
	be, reason := cublas.NewBackendOrCPU[float32]()
	if reason != nil {
		log.Printf("using the CPU: %v", reason)
	}
	if c, ok := be.(io.Closer); ok {
		defer c.Close()
	}
	a := []float32{1, 2, 3, 4, 5, 6} // 2×3
	b := []float32{1, 0, 0, 1, 1, 1} // 3×2
	c := make([]float32, 4)          // 2×2
	be.Gemm(false, false, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2)
	fmt.Println(c)
	// Output: [4 5 10 11]
}

// Weights uploaded once stay on the device; each step moves only what changes.
func ExampleGemm() {
	ctx, err := cublas.Open()
	if err != nil {
		log.Fatal(err)
	}
	defer ctx.Close()
	const batch, in, out = 128, 784, 500
	w, _ := cublas.NewBuffer[float32](ctx, in*out)   // weights, in×out
	x, _ := cublas.NewBuffer[float32](ctx, batch*in) // inputs, batch×in
	y, _ := cublas.NewBuffer[float32](ctx, batch*out)
	if err := w.Upload(make([]float32, in*out)); err != nil { // once
		log.Fatal(err)
	}
	xs, ys := make([]float32, batch*in), make([]float32, batch*out)
	for step := 0; step < 10; step++ {
		if err := x.Upload(xs); err != nil { // every step
			log.Fatal(err)
		}
		// y = x·w
		if err := ctx.Sgemm(false, false, batch, out, in, 1, x, in, w, out, 0, y, out); err != nil {
			log.Fatal(err)
		}
		if err := y.Download(ys); err != nil {
			log.Fatal(err)
		}
	}
}
