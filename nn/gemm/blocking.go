package gemm

import (
	"fmt"
	"unsafe"
)

// blockSizes derives the cache blocking of an mr×nr micro-kernel on
// elements of size bytes from the caches c, after the analytical model of
// Low, Igual, Smith & Quintana-Ortí, "Analytical modeling is enough for
// high-performance BLIS" (ACM TOMS 43(2), 2016):
//
// KC — L1. One call of the micro-kernel streams an mr×KC micro-panel of A
// past a KC×nr micro-panel of B, and the next call reuses that B panel with
// the next A panel. Both must fit in L1 at once without B's lines being the
// ones evicted; with an LRU cache of W ways that holds when A and B take at
// most W − 1 ways between them (one way is left for the C tile and for the
// next A panel's first lines), in proportion to their sizes:
//
//	KC·(mr + nr)·size ≤ (W − 1)/W · L1
//
// rounded down to a multiple of 16. Zen 4/5 and Emerald Rapids (48 KiB,
// 12-way) give KC = 256 for the 12×32 float32 kernel (B 32 KiB + A 12 KiB)
// and 192 for 12×16 float64; Zen 3 (32 KiB, 8-way) gives 320 for 6×16
// float32 and 256 for 6×8 float64.
//
// MC — L2. The packed MC×KC block of A is reread from L2 once per B
// micro-panel, while those panels (from L3) and the C tiles stream through
// L2 too. The model lets A take every way but the ones B needs; with the
// streams and, on Intel's non-inclusive L2, the L1 victims competing, we give
// A half of L2:
//
//	MC·KC·size ≤ L2/2,   MC a multiple of mr.
//
// On Zen 3 (512 KiB) MC from 72 to 384 rows measured within ±3 % of each
// other at n = 1024 (one thread, CPU clock), so the half is not critical
// there.
//
// NC — L3. The packed KC×NC block of B is reread from L3 once per MC rows
// of A; every core packs its own, so it gets half of one core's share of L3:
//
//	NC·KC·size ≤ L3/2,   NC a multiple of nr.
//
// KC is kept within [64, 512] (below, the kernel's start-up and the stores
// of C dominate; above, a slice's packing no longer overlaps reuse), MC and
// NC at least one tile.
func blockSizes(mr, nr, size int, c caches) (mc, kc, nc int) {
	l1 := c.L1.Size
	if w := c.L1.Ways; w > 1 {
		l1 = l1 / w * (w - 1)
	} else {
		l1 = l1 / 8 * 7 // associativity unknown: leave an eighth, as 8 ways would
	}
	kc = min(512, max(64, l1/((mr+nr)*size)/16*16))
	mc = max(mr, c.L2.Size/2/(kc*size)/mr*mr)
	nc = max(nr, c.L3.Size/2/(kc*size)/nr*nr)
	return mc, kc, nc
}

// sizeBlocks sets k's MC, KC and NC for the caches c.
func (k *microKernel[T]) sizeBlocks(c caches) {
	k.MC, k.KC, k.NC = blockSizes(k.MR, k.NR, int(unsafe.Sizeof(T(0))), c)
}

// Blocking describes the caches Gemm's blocking was sized for and the block
// sizes MC×KC×NC it chose for float32 and float64 — useful in benchmark
// reports, e.g.
//
//	L1d 32 KiB 8-way, L2 512 KiB 8-way, L3 16 MiB 16-way per core (CPUID 0x8000001d);
//	MC×KC×NC float32 204×320×6544, float64 126×256×4096
func Blocking() string {
	return fmt.Sprintf("%s; MC×KC×NC float32 %d×%d×%d, float64 %d×%d×%d", hostCaches,
		kernel32.MC, kernel32.KC, kernel32.NC, kernel64.MC, kernel64.KC, kernel64.NC)
}
