//go:build !purego

package gemm

import "fmt"

//go:noescape
func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)

// detectCaches reads the data caches from CPUID's deterministic cache
// parameters: leaf 4 on Intel, leaf 0x8000001D on AMD (with topology
// extensions; Zen and later). Each subleaf describes one cache; the listing
// ends with a subleaf of type 0. It falls back to defaultCaches for any
// level the CPU does not describe.
func detectCaches() caches {
	maxBasic, _, _, _ := cpuid(0, 0)
	maxExt, _, _, _ := cpuid(0x80000000, 0)
	for _, leaf := range []uint32{4, 0x8000001D} {
		if leaf < 0x80000000 && leaf > maxBasic || leaf >= 0x80000000 && leaf > maxExt {
			continue
		}
		found := defaultCaches
		found.Source = fmt.Sprintf("CPUID %#x", leaf)
		any := false
		for sub := uint32(0); sub < 16; sub++ {
			eax, ebx, ecx, _ := cpuid(leaf, sub)
			level, c, ok := decodeCacheLeaf(eax, ebx, ecx)
			if level == 0 {
				break
			}
			if !ok {
				continue
			}
			any = true
			switch level {
			case 1:
				found.L1 = c
			case 2:
				found.L2 = c
			case 3:
				found.L3 = c
			}
		}
		if any {
			return found
		}
	}
	return defaultCaches
}

// decodeCacheLeaf decodes one subleaf of CPUID leaf 4 or 0x8000001D, which
// share a layout:
//
//	EAX[4:0]   type: 0 none (end of list), 1 data, 2 instruction, 3 unified
//	EAX[7:5]   level
//	EAX[9]     fully associative
//	EAX[25:14] logical processors sharing the cache − 1
//	EBX[11:0]  line size − 1,  EBX[21:12] partitions − 1,  EBX[31:22] ways − 1
//	ECX        sets − 1
//
// Size = ways·partitions·line·sets. level is 0 at the end of the list; ok
// is false for instruction caches. The L3's Size is one logical processor's
// share; L1 and L2 are taken whole, as the caches of one core, even where
// two hyperthreads share them: the blocking is sized for one busy thread per
// core.
func decodeCacheLeaf(eax, ebx, ecx uint32) (level int, c cache, ok bool) {
	kind := eax & 0x1f
	if kind == 0 {
		return 0, cache{}, false
	}
	level = int(eax >> 5 & 7)
	line := int(ebx&0xfff) + 1
	partitions := int(ebx>>12&0x3ff) + 1
	ways := int(ebx>>22&0x3ff) + 1
	sets := int(ecx) + 1
	c = cache{Size: ways * partitions * line * sets, Ways: ways}
	if level >= 3 {
		c.Size /= int(eax>>14&0xfff) + 1
	}
	if eax>>9&1 == 1 {
		c.Ways = 0
	}
	return level, c, kind != 2
}
