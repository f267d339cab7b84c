package gpu

import (
	"fmt"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu/ptx"
)

// threadsPerBlock is the block size of every launch here: a multiple of
// the 32-thread warp, and small enough for any register budget.
const threadsPerBlock = 256

// blocks is the number of blocks that give n ≥ 1 threads.
func blocks(n int) int { return (n + threadsPerBlock - 1) / threadsPerBlock }

// launchElementwise runs a kernel from ptx.Elementwise over n ≥ 1
// elements: args are its slices and scalars (at most 7), n is appended.
func launchElementwise(fn *cublas.Function, n int, args ...any) error {
	var all [8]any // on the stack: Launch keeps no argument
	for i, a := range args {
		all[i] = a // not copy, which escape analysis sends to the heap
	}
	all[len(args)] = int32(n)
	return fn.Launch(blocks(n), threadsPerBlock, all[:len(args)+1]...)
}

// compileElementwise generates an element-wise kernel and loads it.
func compileElementwise(ctx *cublas.Context, name, src string, slices ptx.SliceNames, scalars ptx.ScalarNames) (*cublas.Function, error) {
	text, err := ptx.Elementwise(name, src, slices, scalars)
	if err != nil {
		panic(err) // the sources are constants of this package: a bug
	}
	return loadKernel(ctx, name, text)
}

// loadKernel loads a PTX module and returns its kernel name.
func loadKernel(ctx *cublas.Context, name, text string) (*cublas.Function, error) {
	mod, err := ctx.LoadModule(text)
	if err != nil {
		return nil, fmt.Errorf("gpu: kernel %s: %w", name, err)
	}
	return mod.Function(name)
}
