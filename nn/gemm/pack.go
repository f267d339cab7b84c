package gemm

// Packing copies a block of A or B into the order the micro-kernel reads it,
// so the kernel walks memory strictly forward whatever the transposes and
// leading dimensions were. Short panels at the matrix edges are padded with
// zeros, which add nothing to C.

// packA packs the mb×kb block of α·op(A) that starts at row i0, depth p0
// into micro-panels of mr rows: panel r holds, for each step p, the mr values
// α·op(A)[i0+r·mr+i][p0+p], i = 0…mr−1.
func packA[T Float](k *microKernel[T], dst []T, transA bool, a []T, lda, i0, mb, p0, kb int, alpha T) {
	mr := k.MR
	for ir := 0; ir < mb; ir += mr {
		panel := dst[ir*kb : (ir+mr)*kb]
		rows := min(mr, mb-ir)
		if transA {
			// op(A) = Aᵀ: the mr values of one step are contiguous in A.
			k.contiguous(panel, mr, a[p0*lda+i0+ir:], lda, rows, mr, kb, alpha)
			continue
		}
		// op(A) = A: each row of the panel is a strided column in A.
		k.strided(panel, mr, a[(i0+ir)*lda+p0:], lda, rows, mr, kb, alpha)
	}
}

// packB packs the kb×nb block of op(B) that starts at depth p0, column j0
// into micro-panels of nr columns: panel r holds, for each step p, the nr
// values op(B)[p0+p][j0+r·nr+j], j = 0…nr−1.
func packB[T Float](k *microKernel[T], dst []T, transB bool, b []T, ldb, p0, kb, j0, nb int) {
	nr := k.NR
	for jr := 0; jr < nb; jr += nr {
		panel := dst[jr*kb : (jr+nr)*kb]
		cols := min(nr, nb-jr)
		if !transB {
			// op(B) = B: the nr values of one step are contiguous in B.
			k.contiguous(panel, nr, b[p0*ldb+j0+jr:], ldb, cols, nr, kb, 1)
			continue
		}
		// op(B) = Bᵀ: each row of the panel is a strided column in B.
		k.strided(panel, nr, b[(j0+jr)*ldb+p0:], ldb, cols, nr, kb, 1)
	}
}
