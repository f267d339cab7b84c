//go:build !purego

package gemm

// Assembly packing copies: AVX-512 (pack_amd64.s) and AVX2
// (pack_avx2_amd64.s). Their callers guarantee that every operand spans
// what the copy touches.

//go:noescape
func transposeF32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)

//go:noescape
func transposeF64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)

//go:noescape
func copyF32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)

//go:noescape
func copyF64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)

//go:noescape
func transposeAVX2F32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)

//go:noescape
func transposeAVX2F64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)

//go:noescape
func copyAVX2F32(dst *float32, stride int, src *float32, ld, rows, width, kb int, alpha float32)

//go:noescape
func copyAVX2F64(dst *float64, stride int, src *float64, ld, rows, width, kb int, alpha float64)

// asmCopy is an assembly packing copy and what it accepts. It moves one
// strip of at most lanes rows (strided) or columns (contiguous) of a panel,
// with the packFunc semantics.
type asmCopy[T Float] struct {
	lanes   int
	strided bool
	// fits reports whether the copy takes a strip of rows filled rows (or
	// columns) out of width.
	fits func(rows, width int) bool
	// block: the copy moves kb in multiples of block steps; the rest of a
	// strip goes through the Go copy.
	block int
	cp    func(dst *T, stride int, src *T, ld, rows, width, kb int, alpha T)
}

// packFunc returns c as a packFunc: the panel is cut into strips of lanes,
// each moved by the assembly copy where it fits and by the Go copy where not.
func (c asmCopy[T]) packFunc() packFunc[T] {
	goCopy := contiguousGo[T]
	if c.strided {
		goCopy = stridedGo[T]
	}
	return func(dst []T, stride int, src []T, ld, rows, width, kb int, alpha T) {
		step := ld // elements of src per k step
		if c.strided {
			step = 1
		}
		for i0 := 0; i0 < width; i0 += c.lanes {
			r, w := min(c.lanes, max(0, rows-i0)), min(c.lanes, width-i0)
			var strip []T // the strip's first row or column onward; none when empty
			if r > 0 {
				strip = src[i0:]
				if c.strided {
					strip = src[i0*ld:]
				}
			}
			kbAsm := 0
			if c.fits(r, w) {
				kbAsm = kb / c.block * c.block
			}
			if kbAsm > 0 {
				_ = dst[(kbAsm-1)*stride+i0+w-1]
				s := &src[0] // a strip without rows loads nothing
				if r > 0 {
					if c.strided {
						_ = strip[(r-1)*ld+kbAsm-1]
					} else {
						_ = strip[(kbAsm-1)*ld+r-1]
					}
					s = &strip[0]
				}
				c.cp(&dst[i0], stride, s, ld, r, w, kbAsm, alpha)
			}
			switch {
			case kbAsm == kb:
			case r == 0: // padding only
				for p := kbAsm; p < kb; p++ {
					clear(dst[p*stride+i0:][:w])
				}
			default:
				goCopy(dst[kbAsm*stride+i0:], stride, strip[kbAsm*step:], ld, r, w, kb-kbAsm, alpha)
			}
		}
	}
}
