//go:build !amd64 || purego

package gemm

// Without amd64 assembly (another architecture, or the purego build tag used
// to test this path), Gemm runs the portable Go micro-kernel.
func init() { useHost(goKernels()) }
