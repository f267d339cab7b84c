//go:build !purego

package optim

import "golang.org/x/sys/cpu"

// Assembly loops (kernels32_amd64.s) over the first n elements, n a
// multiple of the vector width; the Go wrappers below run the remainder
// through the portable loops.

//go:noescape
func sgdAVX512(p, grad *float32, n int, lr float32)

//go:noescape
func momentumAVX512(p, grad, v *float32, n int, s *momentumScalars)

//go:noescape
func rmsAVX512(p, grad, sq *float32, n int, s *rmsScalars)

//go:noescape
func adamAVX512(p, grad, m, r *float32, n int, s *adamScalars)

//go:noescape
func sgdAVX2(p, grad *float32, n int, lr float32)

//go:noescape
func momentumAVX2(p, grad, v *float32, n int, s *momentumScalars)

//go:noescape
func rmsAVX2(p, grad, sq *float32, n int, s *rmsScalars)

//go:noescape
func adamAVX2(p, grad, m, r *float32, n int, s *adamScalars)

var (
	avx512Loops32 = asmLoops32("avx512", 16)
	avx2Loops32   = asmLoops32("avx2", 8)
)

// defaultLoops32 picks the widest loops the CPU runs.
func defaultLoops32() *loops32 {
	switch {
	case cpu.X86.HasAVX512F:
		return avx512Loops32
	case cpu.X86.HasAVX2 && cpu.X86.HasFMA:
		return avx2Loops32
	}
	return goLoops32
}

// asmLoops32 wraps the assembly loops of the given width (16: AVX-512,
// 8: AVX2) as a loops32: the largest multiple of lanes goes to the
// assembly, the rest to Go. Reslicing every operand to len(p) first checks
// that the assembly stays in bounds. The assembly is called directly, not
// through a function value, so that its //go:noescape holds and the
// scalars stay on the stack whether or not the compiler inlines (an
// indirect call would move them to the heap at every Step).
func asmLoops32(name string, lanes int) *loops32 {
	wide := lanes == 16
	return &loops32{
		name: name,
		sgd: func(p, g []float32, lr float32) {
			g = g[:len(p)]
			n := len(p) &^ (lanes - 1)
			if n > 0 && wide {
				sgdAVX512(&p[0], &g[0], n, lr)
			} else if n > 0 {
				sgdAVX2(&p[0], &g[0], n, lr)
			}
			sgdGo(p[n:], g[n:], lr)
		},
		momentum: func(p, g, v []float32, s momentumScalars) {
			g, v = g[:len(p)], v[:len(p)]
			n := len(p) &^ (lanes - 1)
			if n > 0 && wide {
				momentumAVX512(&p[0], &g[0], &v[0], n, &s)
			} else if n > 0 {
				momentumAVX2(&p[0], &g[0], &v[0], n, &s)
			}
			momentumGo(p[n:], g[n:], v[n:], s)
		},
		rms: func(p, g, sq []float32, s rmsScalars) {
			g, sq = g[:len(p)], sq[:len(p)]
			n := len(p) &^ (lanes - 1)
			if n > 0 && wide {
				rmsAVX512(&p[0], &g[0], &sq[0], n, &s)
			} else if n > 0 {
				rmsAVX2(&p[0], &g[0], &sq[0], n, &s)
			}
			rmsGo(p[n:], g[n:], sq[n:], s)
		},
		adam: func(p, g, m, r []float32, s adamScalars) {
			g, m, r = g[:len(p)], m[:len(p)], r[:len(p)]
			n := len(p) &^ (lanes - 1)
			if n > 0 && wide {
				adamAVX512(&p[0], &g[0], &m[0], &r[0], n, &s)
			} else if n > 0 {
				adamAVX2(&p[0], &g[0], &m[0], &r[0], n, &s)
			}
			adamGo(p[n:], g[n:], m[n:], r[n:], s)
		},
	}
}
