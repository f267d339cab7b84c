package vizhelpers

import (
	"math"
	"slices"
)

// Surface is what the plotting helpers need from a 2-D loss surface: its
// value and the window to draw. datasets.Surface satisfies it; if a surface
// also has a method Minima() [][2]float64, its minima are marked on plots.
type Surface interface {
	Value(x, y float64) float64
	Bounds() (xmin, xmax, ymin, ymax float64)
}

// minimaOf returns s's known minima, or nil if it does not list any.
func minimaOf(s Surface) [][2]float64 {
	if m, ok := s.(interface{ Minima() [][2]float64 }); ok {
		return m.Minima()
	}
	return nil
}

// Grid is a surface sampled on a regular nx × ny grid; it implements
// gonum's plotter.GridXYZ. Non-finite values are replaced by the largest
// finite one so that contours and colour maps stay defined.
type Grid struct {
	xs, ys []float64
	z      []float64 // row-major: z[r*len(xs)+c] = f(xs[c], ys[r])
}

// SampleGrid evaluates s on nx × ny points spanning its bounds.
func SampleGrid(s Surface, nx, ny int) *Grid {
	if nx < 2 || ny < 2 {
		panic("vizhelpers: SampleGrid: need at least 2 × 2 points")
	}
	xmin, xmax, ymin, ymax := s.Bounds()
	g := &Grid{xs: linspace(xmin, xmax, nx), ys: linspace(ymin, ymax, ny), z: make([]float64, nx*ny)}
	top := math.Inf(-1)
	for r, y := range g.ys {
		for c, x := range g.xs {
			v := s.Value(x, y)
			g.z[r*nx+c] = v
			if !math.IsInf(v, 0) && !math.IsNaN(v) {
				top = max(top, v)
			}
		}
	}
	for i, v := range g.z {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			g.z[i] = top
		}
	}
	return g
}

// Dims returns the number of columns (x samples) and rows (y samples).
func (g *Grid) Dims() (c, r int) { return len(g.xs), len(g.ys) }

// Z returns the value at column c, row r.
func (g *Grid) Z(c, r int) float64 { return g.z[r*len(g.xs)+c] }

// X returns the x coordinate of column c.
func (g *Grid) X(c int) float64 { return g.xs[c] }

// Y returns the y coordinate of row r.
func (g *Grid) Y(r int) float64 { return g.ys[r] }

// Range returns the smallest and largest sampled value.
func (g *Grid) Range() (lo, hi float64) { return slices.Min(g.z), slices.Max(g.z) }

// logGrid views a grid through z ↦ log(z − zmin + δ), used to colour surfaces
// whose values span many orders of magnitude (Beale's ranges over 10⁵).
type logGrid struct {
	*Grid
	zmin, delta float64
}

// Z returns log(z − zmin + δ).
func (g logGrid) Z(c, r int) float64 { return math.Log(g.Grid.Z(c, r) - g.zmin + g.delta) }

// needsLogScale reports whether the values are so skewed that linear contour
// levels would crowd into the corners: the range exceeds 50 times the
// distance from the minimum to the median.
func (g *Grid) needsLogScale() bool {
	sorted := slices.Sorted(slices.Values(g.z))
	lo, med, hi := sorted[0], sorted[len(sorted)/2], sorted[len(sorted)-1]
	return hi-lo > 50*(med-lo)
}

// levels returns n contour levels between the grid's extremes: evenly spaced,
// or evenly spaced in log(z − zmin + δ) when logScale is set, which puts more
// levels near the minimum where the trajectories end.
func (g *Grid) levels(n int, logScale bool) []float64 {
	lo, hi := g.Range()
	if hi == lo {
		return []float64{lo}
	}
	if !logScale {
		step := (hi - lo) / float64(n+1)
		out := make([]float64, n)
		for i := range out {
			out[i] = lo + step*float64(i+1)
		}
		return out
	}
	delta := (hi - lo) * 1e-4
	out := linspace(math.Log(delta), math.Log(hi-lo+delta), n+2)[1 : n+1]
	for i, v := range out {
		out[i] = lo + math.Exp(v) - delta
	}
	return out
}

// linspace returns n evenly spaced values from a to b inclusive.
func linspace(a, b float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	return out
}
