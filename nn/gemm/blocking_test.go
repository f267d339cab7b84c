package gemm

import "testing"

// The caches of the CPUs the course meets, per core, from their vendors'
// figures; the L3 is one core's share (lscpu / CPUID on the machines named).
var (
	zen3Caches = caches{ // AMD EPYC 7003 (Milan), family 25 model 1: the 2-vCPU VM's view
		L1: cache{Size: 32 << 10, Ways: 8}, L2: cache{Size: 512 << 10, Ways: 8}, L3: cache{Size: 16 << 20, Ways: 16},
	}
	zen5Caches = caches{ // AMD EPYC 9005 (Turin), family 26 model 2: 32 MiB per 8-core CCX
		L1: cache{Size: 48 << 10, Ways: 12}, L2: cache{Size: 1 << 20, Ways: 16}, L3: cache{Size: 4 << 20, Ways: 16},
	}
	emeraldRapidsCaches = caches{ // Intel Xeon 5th gen, family 6 model 207: 320 MiB for 64 cores
		L1: cache{Size: 48 << 10, Ways: 12}, L2: cache{Size: 2 << 20, Ways: 16}, L3: cache{Size: 5 << 20, Ways: 15},
	}
)

func TestBlockSizes(t *testing.T) {
	for i, tc := range []struct {
		cpu          string
		c            caches
		mr, nr, size int
		mc, kc, nc   int
	}{
		// 12×32 float32: KC·44·4 ≤ 11/12·48 KiB → 256; MC·256·4 ≤ 1 MiB/2 → 504, a multiple of 12.
		{"zen5", zen5Caches, 12, 32, 4, 504, 256, 2048},
		{"zen5", zen5Caches, 12, 16, 8, 336, 192, 1360},
		{"emerald rapids", emeraldRapidsCaches, 12, 32, 4, 1020, 256, 2560},
		{"emerald rapids", emeraldRapidsCaches, 12, 16, 8, 672, 192, 1696},
		// 6×16 float32: KC·22·4 ≤ 7/8·32 KiB → 320.
		{"zen3", zen3Caches, 6, 16, 4, 204, 320, 6544},
		{"zen3", zen3Caches, 6, 8, 8, 126, 256, 4096},
		{"default", defaultCaches, 6, 16, 4, 204, 320, 816},
		{"default", defaultCaches, 4, 4, 4, 128, 512, 512},
		{"default", defaultCaches, 4, 4, 8, 72, 448, 292},
		// Unknown associativity leaves an eighth of L1; tiny caches still give whole tiles.
		{"no ways", caches{L1: cache{Size: 32 << 10}, L2: cache{Size: 512 << 10}, L3: cache{Size: 2 << 20}}, 6, 16, 4, 204, 320, 816},
		{"tiny", caches{L1: cache{Size: 4 << 10, Ways: 2}, L2: cache{Size: 16 << 10, Ways: 4}, L3: cache{Size: 16 << 10, Ways: 4}}, 12, 32, 8, 12, 64, 32},
	} {
		mc, kc, nc := blockSizes(tc.mr, tc.nr, tc.size, tc.c)
		if mc != tc.mc || kc != tc.kc || nc != tc.nc {
			t.Errorf("%d: %s %d×%d, %d-byte elements: MC×KC×NC = %d×%d×%d, want %d×%d×%d",
				i, tc.cpu, tc.mr, tc.nr, tc.size, mc, kc, nc, tc.mc, tc.kc, tc.nc)
		}
	}
}
