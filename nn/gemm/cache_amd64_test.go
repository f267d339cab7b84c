//go:build !purego

package gemm

import "testing"

// TestDecodeCacheLeaf decodes the subleaves of CPUID 0x8000001D as this
// course's AMD EPYC (Zen 3, a 2-vCPU VM) reports them.
func TestDecodeCacheLeaf(t *testing.T) {
	for i, tc := range []struct {
		eax, ebx, ecx uint32
		level         int
		c             cache
		ok            bool
	}{
		{0x121, 0x01c0003f, 0x3f, 1, cache{Size: 32 << 10, Ways: 8}, true},     // L1d
		{0x122, 0x01c0003f, 0x3f, 1, cache{Size: 32 << 10, Ways: 8}, false},    // L1i
		{0x143, 0x01c0003f, 0x3ff, 2, cache{Size: 512 << 10, Ways: 8}, true},   // L2
		{0x4163, 0x03c0003f, 0x7fff, 3, cache{Size: 16 << 20, Ways: 16}, true}, // L3, 32 MiB shared by 2
		{0x363, 0x03c0003f, 0x7fff, 3, cache{Size: 32 << 20}, true},            // fully associative
		{0, 0, 0, 0, cache{}, false},                                           // end of the list
	} {
		level, c, ok := decodeCacheLeaf(tc.eax, tc.ebx, tc.ecx)
		if level != tc.level || c != tc.c || ok != tc.ok {
			t.Errorf("%d: decodeCacheLeaf(%#x, %#x, %#x) = %d, %+v, %v; want %d, %+v, %v",
				i, tc.eax, tc.ebx, tc.ecx, level, c, ok, tc.level, tc.c, tc.ok)
		}
	}
}

// TestDetectCaches checks that this machine's caches are read in the order
// of their sizes, whatever the CPU.
func TestDetectCaches(t *testing.T) {
	c := detectCaches()
	t.Log(c)
	if c.L1.Size < 8<<10 || c.L2.Size < c.L1.Size || c.L3.Size <= 0 {
		t.Errorf("detectCaches() = %v: not an L1 ≥ 8 KiB with an L2 at least as large", c)
	}
}
