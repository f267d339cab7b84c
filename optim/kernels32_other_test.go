//go:build !amd64 || purego

package optim

// testLoops32 lists every float32 implementation this machine can run.
func testLoops32() []*loops32 { return []*loops32{goLoops32} }
