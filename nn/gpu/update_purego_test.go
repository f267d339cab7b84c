//go:build purego && amd64

package gpu

// cpuRoundsEachOperation: optim's float32 path is its portable Go loops,
// which Go compiles on amd64 without fusing a multiply into an add.
const cpuRoundsEachOperation = true
