//go:build !amd64 || purego

package gemm

// detectCaches returns defaultCaches: without amd64 assembly there is no
// CPUID to ask.
func detectCaches() caches { return defaultCaches }
