package explorables

import (
	"math"
	"slices"

	"github.com/nncourse/optimizers/datasets"
)

// contourSegments returns the contour lines of s over its window as line
// segments (x₀, y₀, x₁, y₁), by marching squares on an n × n grid, at
// levels contours levels chosen from the grid's values: the values at the
// quantiles (k/levels)², k = 1 … levels−1, denser near the minimum, so
// that any surface, however its values are spread, gets readable lines.
func contourSegments(s datasets.Surface, n, levels int) [][4]float64 {
	xmin, xmax, ymin, ymax := s.Bounds()
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range n {
		xs[i] = xmin + (xmax-xmin)*float64(i)/float64(n-1)
		ys[i] = ymin + (ymax-ymin)*float64(i)/float64(n-1)
	}
	z := make([]float64, n*n) // z[j*n+i] = f(xs[i], ys[j])
	for j, y := range ys {
		for i, x := range xs {
			z[j*n+i] = s.Value(x, y)
		}
	}
	sorted := slices.Clone(z)
	slices.Sort(sorted)
	var segs [][4]float64
	prev := math.Inf(-1)
	for k := 1; k < levels; k++ {
		q := float64(k) / float64(levels)
		level := sorted[int(q*q*float64(len(sorted)-1))]
		if level == prev {
			continue
		}
		prev = level
		for j := 0; j+1 < n; j++ {
			for i := 0; i+1 < n; i++ {
				segs = cell(segs, level, xs[i], xs[i+1], ys[j], ys[j+1],
					z[j*n+i], z[j*n+i+1], z[(j+1)*n+i+1], z[(j+1)*n+i])
			}
		}
	}
	return segs
}

// cell appends the pieces of the contour at level through the grid cell
// [x0, x1] × [y0, y1] with corner values a (x0, y0), b (x1, y0), c (x1, y1),
// d (x0, y1): the level crosses each edge whose ends lie on either side of
// it, at the linearly interpolated point, and the crossings pair up in
// order (in a saddle cell, where all four edges are crossed, this picks one
// of the two readings).
func cell(segs [][4]float64, level, x0, x1, y0, y1, a, b, c, d float64) [][4]float64 {
	var pts [][2]float64
	cross := func(va, vb, xa, ya, xb, yb float64) {
		if (va < level) != (vb < level) {
			t := (level - va) / (vb - va)
			pts = append(pts, [2]float64{xa + t*(xb-xa), ya + t*(yb-ya)})
		}
	}
	cross(a, b, x0, y0, x1, y0)
	cross(b, c, x1, y0, x1, y1)
	cross(c, d, x1, y1, x0, y1)
	cross(d, a, x0, y1, x0, y0)
	for i := 0; i+1 < len(pts); i += 2 {
		segs = append(segs, [4]float64{pts[i][0], pts[i][1], pts[i+1][0], pts[i+1][1]})
	}
	return segs
}
