package vizhelpers

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
)

// popularPalette returns up to n colours representative of img: pixels are
// binned by the top 5 bits of each channel and the n most populated bins
// give their mean colour. Charts are mostly flat colours plus anti-aliasing,
// which this "popularity" quantizer reproduces well.
func popularPalette(img *image.RGBA, n int) []color.Color {
	type bin struct{ count, r, g, b int }
	bins := map[int]*bin{}
	for i := 0; i+3 < len(img.Pix); i += 4 {
		r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
		key := r>>3<<10 | g>>3<<5 | b>>3
		bn := bins[key]
		if bn == nil {
			bn = &bin{}
			bins[key] = bn
		}
		bn.count++
		bn.r, bn.g, bn.b = bn.r+r, bn.g+g, bn.b+b
	}
	keys := make([]int, 0, len(bins))
	for k := range bins {
		keys = append(keys, k)
	}
	// Most populated first; the key breaks ties so that the result is deterministic.
	slices.SortFunc(keys, func(a, b int) int {
		return cmp.Or(cmp.Compare(bins[b].count, bins[a].count), cmp.Compare(a, b))
	})
	out := make([]color.Color, 0, n)
	for _, k := range keys[:min(n, len(keys))] {
		b := bins[k]
		out = append(out, color.RGBA{uint8(b.r / b.count), uint8(b.g / b.count), uint8(b.b / b.count), 0xff})
	}
	return out
}

// quantize maps img onto the palette entries pal[lo:hi] (nearest colour in
// RGB), computing the nearest entry once per 15-bit colour bin.
func quantize(img *image.RGBA, pal color.Palette, lo, hi int) *image.Paletted {
	b := img.Bounds()
	out := image.NewPaletted(b, pal)
	cache := map[int]uint8{}
	sub := pal[lo:hi]
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := img.PixOffset(x, y)
			r, g, bl := img.Pix[i], img.Pix[i+1], img.Pix[i+2]
			key := int(r>>3)<<10 | int(g>>3)<<5 | int(bl>>3)
			idx, ok := cache[key]
			if !ok {
				idx = uint8(lo + sub.Index(color.RGBA{r, g, bl, 0xff}))
				cache[key] = idx
			}
			out.Pix[out.PixOffset(x, y)] = idx
		}
	}
	return out
}

// stampDisk sets the pixels of img within radius r of (cx, cy) to idx.
func stampDisk(img *image.Paletted, cx, cy, r float64, idx uint8) {
	b := img.Bounds()
	x0, x1 := max(b.Min.X, int(math.Floor(cx-r))), min(b.Max.X-1, int(math.Ceil(cx+r)))
	y0, y1 := max(b.Min.Y, int(math.Floor(cy-r))), min(b.Max.Y-1, int(math.Ceil(cy+r)))
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			if dx*dx+dy*dy <= r*r {
				img.Pix[img.PixOffset(x, y)] = idx
			}
		}
	}
}

// strokeSegment draws a line of the given width from a to b by stamping
// disks every half pixel, after clipping the segment to the image.
func strokeSegment(img *image.Paletted, a, b [2]float64, width float64, idx uint8) {
	r := img.Bounds()
	a, b, ok := clipSegment(a, b, float64(r.Min.X)-width, float64(r.Max.X)+width, float64(r.Min.Y)-width, float64(r.Max.Y)+width)
	if !ok {
		return
	}
	n := int(math.Ceil(2*math.Hypot(b[0]-a[0], b[1]-a[1]))) + 1
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		stampDisk(img, a[0]+t*(b[0]-a[0]), a[1]+t*(b[1]-a[1]), width/2, idx)
	}
}

// clipSegment clips the segment a–b to the rectangle with the
// Liang–Barsky algorithm; ok is false when nothing of it is inside.
func clipSegment(a, b [2]float64, xmin, xmax, ymin, ymax float64) (ca, cb [2]float64, ok bool) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t0, t1 := 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, a[0] - xmin}, {dx, xmax - a[0]}, {-dy, a[1] - ymin}, {dy, ymax - a[1]}} {
		p, q := e[0], e[1]
		switch {
		case p == 0:
			if q < 0 {
				return a, b, false
			}
		case p < 0:
			t0 = max(t0, q/p)
		default:
			t1 = min(t1, q/p)
		}
	}
	if t0 > t1 {
		return a, b, false
	}
	return [2]float64{a[0] + t0*dx, a[1] + t0*dy}, [2]float64{a[0] + t1*dx, a[1] + t1*dy}, true
}
