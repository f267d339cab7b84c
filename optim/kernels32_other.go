//go:build !amd64 || purego

package optim

// Without amd64 assembly (another architecture, or the purego build tag used
// to test this path), the float32 fast paths are the portable Go loops.
func defaultLoops32() *loops32 { return goLoops32 }
