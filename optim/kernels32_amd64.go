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

//go:noescape
func nesterovAVX2(p, grad, v *float32, n int, s *nesterovScalars)

//go:noescape
func nagExactAVX2(p, grad, v, w *float32, n int, s *nesterovScalars)

//go:noescape
func adadeltaAVX2(p, grad, sq, dx *float32, n int, s *adadeltaScalars)

//go:noescape
func amsgradAVX2(p, grad, m, r, rMax *float32, n int, s *adamScalars)

//go:noescape
func lionAVX2(p, grad, m *float32, n int, s *lionScalars)

//go:noescape
func rpropLectureAVX2(p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars)

//go:noescape
func rpropIMinusAVX2(p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars)

//go:noescape
func rpropPlusAVX2(p, grad, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars)

var (
	avx512Loops32 = withAVX2Only(asmLoops32("avx512", 16))
	avx2Loops32   = withAVX2Only(asmLoops32("avx2", 8))
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

// withAVX2Only adds to l the loops that exist in AVX2 only (8 lanes): an
// AVX-512 machine runs them too. Like asmLoops32's, they call the assembly
// directly.
func withAVX2Only(l *loops32) *loops32 {
	const lanes = 8
	l.nesterov = func(p, g, v []float32, s nesterovScalars) {
		g, v = g[:len(p)], v[:len(p)]
		n := len(p) &^ (lanes - 1)
		if n > 0 {
			nesterovAVX2(&p[0], &g[0], &v[0], n, &s)
		}
		nesterovGo(p[n:], g[n:], v[n:], s)
	}
	l.nagExact = func(p, g, v, w []float32, s nesterovScalars) {
		g, v, w = g[:len(p)], v[:len(p)], w[:len(p)]
		n := len(p) &^ (lanes - 1)
		if n > 0 {
			nagExactAVX2(&p[0], &g[0], &v[0], &w[0], n, &s)
		}
		nagExactGo(p[n:], g[n:], v[n:], w[n:], s)
	}
	l.adadelta = func(p, g, sq, dx []float32, s adadeltaScalars) {
		g, sq, dx = g[:len(p)], sq[:len(p)], dx[:len(p)]
		n := len(p) &^ (lanes - 1)
		if n > 0 {
			adadeltaAVX2(&p[0], &g[0], &sq[0], &dx[0], n, &s)
		}
		adadeltaGo(p[n:], g[n:], sq[n:], dx[n:], s)
	}
	l.amsgrad = func(p, g, m, r, rMax []float32, s adamScalars) {
		g, m, r, rMax = g[:len(p)], m[:len(p)], r[:len(p)], rMax[:len(p)]
		n := len(p) &^ (lanes - 1)
		if n > 0 {
			amsgradAVX2(&p[0], &g[0], &m[0], &r[0], &rMax[0], n, &s)
		}
		amsgradGo(p[n:], g[n:], m[n:], r[n:], rMax[n:], s)
	}
	l.lion = func(p, g, m []float32, s lionScalars) {
		g, m = g[:len(p)], m[:len(p)]
		n := len(p) &^ (lanes - 1)
		if n > 0 {
			lionAVX2(&p[0], &g[0], &m[0], n, &s)
		}
		lionGo(p[n:], g[n:], m[n:], s)
	}
	for k := range l.rprop {
		goLoop := goLoops32.rprop[k]
		l.rprop[k] = func(p, g, u, dw []float32, pos, neg []uint64, lo int, s rpropScalars) {
			// Bounds: g and U as long as p, Δw too for rpropBacktrack (the
			// others ignore it), and a byte of each bit-set for every 8
			// parameters.
			g, u = g[:len(p)], u[:len(p)]
			var dw0 *float32
			if rpropKernel(k) == rpropBacktrack && len(p) > 0 {
				dw = dw[:len(p)]
				dw0 = &dw[0]
			}
			n := (len(p) - lo) &^ (lanes - 1)
			if lo == 0 && n > 0 {
				_, _ = pos[(n-1)/64], neg[(n-1)/64]
				rpropAVX2(rpropKernel(k), &p[0], &g[0], &u[0], dw0, &pos[0], &neg[0], n, &s)
				lo = n
			}
			goLoop(p, g, u, dw, pos, neg, lo, s)
		}
	}
	return l
}

// rpropAVX2 calls kernel k's assembly loop; a direct call keeps s on the
// stack, which a call through a func value would not.
func rpropAVX2(k rpropKernel, p, g, u, dw *float32, pos, neg *uint64, n int, s *rpropScalars) {
	switch k {
	case rpropMoveThenAdapt:
		rpropLectureAVX2(p, g, u, dw, pos, neg, n, s)
	case rpropIRpropMinus:
		rpropIMinusAVX2(p, g, u, dw, pos, neg, n, s)
	case rpropBacktrack:
		rpropPlusAVX2(p, g, u, dw, pos, neg, n, s)
	}
}
