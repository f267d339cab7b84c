package gemm

import "fmt"

// cache is one level of data cache as one core sees it.
type cache struct {
	Size int // bytes; for a cache shared by several cores, one core's share
	Ways int // associativity; 0 when unknown or fully associative
}

// caches is the data-cache hierarchy the blocking is sized for, and where
// the figures came from.
type caches struct {
	L1, L2, L3 cache
	Source     string
}

// defaultCaches is what the blocking assumes when the CPU does not say
// (another architecture, the purego build, a hypervisor hiding CPUID's cache
// leaves): the smallest hierarchy of the x86 cores the course meets — Zen 2/3
// and Skylake-class clients have a 32 KiB 8-way L1d and 256 KiB–512 KiB of
// L2 — with 2 MiB of L3 per core. Too-small blocks cost a few per cent; blocks
// too large for the real caches cost far more.
var defaultCaches = caches{
	L1:     cache{Size: 32 << 10, Ways: 8},
	L2:     cache{Size: 512 << 10, Ways: 8},
	L3:     cache{Size: 2 << 20, Ways: 16},
	Source: "default",
}

// hostCaches are this machine's caches, read once (cache_amd64.go or
// cache_other.go).
var hostCaches = detectCaches()

func (c caches) String() string {
	return fmt.Sprintf("L1d %s, L2 %s, L3 %s per core (%s)", c.L1, c.L2, c.L3, c.Source)
}

func (c cache) String() string {
	size := fmt.Sprintf("%d KiB", c.Size>>10)
	if c.Size >= 4<<20 && c.Size%(1<<20) == 0 {
		size = fmt.Sprintf("%d MiB", c.Size>>20)
	}
	if c.Ways == 0 {
		return size
	}
	return fmt.Sprintf("%s %d-way", size, c.Ways)
}
