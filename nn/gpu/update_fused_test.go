//go:build !purego || !amd64

package gpu

// cpuRoundsEachOperation is false: optim's float32 path is assembly with
// fused multiply-adds (amd64), or Go loops that the compiler may fuse
// (arm64 and the other architectures with an FMA instruction).
const cpuRoundsEachOperation = false
