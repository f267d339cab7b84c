//go:build !purego

package gemm

// AVX-512 packing copies (pack_amd64.s).

//go:noescape
func transposeF32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)

//go:noescape
func transposeF64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)

//go:noescape
func copyF32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)

//go:noescape
func copyF64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)

// asmPack wraps an AVX-512 packing copy, which moves strips of up to `lanes`
// rows (strided) or columns (contiguous) at a time, as a packFunc. The
// transposing copies take strips with a multiple of 4 rows filled; other
// strips go through stridedGo.
func asmPack[T Float](lanes int, strided bool, cp func(dst *T, stride int, src *T, ld, rows, width, kb int, alpha T)) packFunc[T] {
	return func(dst []T, stride int, src []T, ld, rows, width, kb int, alpha T) {
		if kb == 0 {
			return
		}
		for i0 := 0; i0 < width; i0 += lanes {
			r, w := min(lanes, max(0, rows-i0)), min(lanes, width-i0)
			_ = dst[(kb-1)*stride+i0+w-1]
			s := &src[0] // a contiguous copy with r = 0 loads nothing
			switch {
			case strided && r%4 == 0 && r > 0:
				_ = src[(i0+r-1)*ld+kb-1]
				s = &src[i0*ld]
			case strided:
				var strip []T
				if r > 0 {
					strip = src[i0*ld:]
				}
				stridedGo(dst[i0:], stride, strip, ld, r, w, kb, alpha)
				continue
			case r > 0:
				_ = src[(kb-1)*ld+i0+r-1]
				s = &src[i0]
			}
			cp(&dst[i0], stride, s, ld, r, w, kb, alpha)
		}
	}
}
