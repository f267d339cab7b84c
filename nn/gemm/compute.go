package gemm

// compute runs the five BLIS loops for one block r of C:
//
//	for jc over NC-column blocks of C           (packed B block → L3)
//	  for pc over KC-deep slices of k           (packed B: KC×NC)
//	    for ic over MC-row blocks of C          (packed A: MC×KC → L2)
//	      for jr over NR-column micro-panels    (B micro-panel → L1)
//	        for ir over MR-row micro-panels     (micro-kernel: MR×NR in registers)
//
// C is first scaled by β, then each KC slice adds its α·op(A)·op(B) term, so
// every element of C sums its k products in the same order — slice by slice,
// each slice in one kernel's FMA chain — whichever worker computes it. With
// β = 0 the first slice overwrites C instead, so C is written once, not read.
func (g *call[T]) compute(r region, w *workspace[T]) {
	if g.alpha == 0 || g.k == 0 {
		g.scaleC(r)
		return
	}
	if g.beta != 0 {
		g.scaleC(r)
	}
	kern := g.kern
	mr, nr := kern.MR, kern.NR
	kc := balancedStep(g.k, kern.KC)
	w.a = grow(w.a, roundUp(min(kern.MC, r.i1-r.i0), mr)*kc)
	w.b = grow(w.b, roundUp(min(kern.NC, r.j1-r.j0), nr)*kc)
	// With a single panel of A, each panel of B is read once: packing it
	// would cost as much as reading it, so a kernel that can reads B in place.
	inPlace := kern.DirectB && !g.transB && r.i1-r.i0 <= mr
	for jc := r.j0; jc < r.j1; jc += kern.NC {
		nb := min(kern.NC, r.j1-jc)
		for pc := 0; pc < g.k; pc += kc {
			kb := min(kc, g.k-pc)
			b, ldb := w.b, nr
			if inPlace {
				b, ldb = g.b[pc*g.ldb+jc:], g.ldb
			} else {
				packB(kern, w.b, g.transB, g.b, g.ldb, pc, kb, jc, nb)
			}
			for ic := r.i0; ic < r.i1; ic += kern.MC {
				mb := min(kern.MC, r.i1-ic)
				packA(kern, w.a, g.transA, g.a, g.lda, ic, mb, pc, kb, g.alpha)
				g.macroKernel(w.a, b, ldb, inPlace, ic, jc, mb, nb, kb, pc > 0 || g.beta != 0)
			}
		}
	}
}

// macroKernel multiplies the packed mb×kb block of A by the kb×nb block of B
// — packed (ldb = NR) or, when inPlace, B itself (ldb its leading dimension) — into
// C[ic:ic+mb, jc:jc+nb], added to C or overwriting it when add is false, one
// column of MR×NR tiles at a time, the tiles at the edge of C cut.
func (g *call[T]) macroKernel(a, b []T, ldb int, inPlace bool, ic, jc, mb, nb, kb int, add bool) {
	kern := g.kern
	nr := kern.NR
	a = a[:roundUp(mb, kern.MR)*kb]
	for jr := 0; jr < nb; jr += nr {
		bp := b[jr*kb:] // packed: panel jr/NR
		if inPlace {
			bp = b[jr:] // columns jr…
		}
		kern.run(kb, a, bp, ldb, g.c[ic*g.ldc+jc+jr:], g.ldc, mb, min(nr, nb-jr), add)
	}
}

// scaleC sets block r of C to β·C; β = 0 writes zeros without reading C, so
// NaN or Inf already there does not propagate (the BLAS convention).
func (g *call[T]) scaleC(r region) {
	for i := r.i0; i < r.i1; i++ {
		row := g.c[i*g.ldc+r.j0 : i*g.ldc+r.j1]
		switch g.beta {
		case 1:
			return
		case 0:
			clear(row)
		default:
			for j := range row {
				row[j] *= g.beta
			}
		}
	}
}

// addTransposed sets C = Cᵀᵀ + β·C for an m×n C, given Cᵀ as the n×m
// row-major t; β = 0 does not read C. It walks t row by row — C column by
// column, n being the short side — so the loads stream.
func addTransposed[T Float](m, n int, t []T, beta T, c []T, ldc int) {
	_ = c[(m-1)*ldc+n-1]
	for j := range n {
		col := t[j*m:][:m]
		if beta == 0 {
			for i, v := range col {
				c[i*ldc+j] = v
			}
			continue
		}
		for i, v := range col {
			c[i*ldc+j] = v + beta*c[i*ldc+j]
		}
	}
}

// balancedStep splits n into the fewest steps of at most max and returns
// the step that makes them equal but for the last, e.g. 784 by 256 → 196.
func balancedStep(n, max int) int {
	steps := (n + max - 1) / max
	return (n + steps - 1) / steps
}

func roundUp(n, m int) int { return (n + m - 1) / m * m }
