package vizhelpers

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HeatMapOptions configures HeatMap. The zero value is a usable default.
type HeatMapOptions struct {
	Title, XLabel, YLabel string
	// Levels are the ascending edges of the colour bands: a value in
	// [Levels[k], Levels[k+1]) takes band k's colour, a value below
	// Levels[0] band 0's. Default 0, 0.1, …, 1 (a convergence rate).
	Levels []float64
	// Over colours values at or above the last level, and NaN and ±Inf;
	// OverLabel names them in the legend. Default light grey, "≥ last level".
	Over      color.Color
	OverLabel string
}

// withDefaults fills the zero fields of o.
func (o HeatMapOptions) withDefaults() HeatMapOptions {
	if len(o.Levels) == 0 {
		for k := range 11 {
			o.Levels = append(o.Levels, float64(k)/10)
		}
	}
	if o.Over == nil {
		o.Over = color.Gray{0xdd}
	}
	if o.OverLabel == "" {
		o.OverLabel = "≥ " + strconv.FormatFloat(o.Levels[len(o.Levels)-1], 'g', 4, 64)
	}
	return o
}

// HeatMap draws z[r][c], the value at (xs[c], ys[r]), as coloured cells in
// bands (Levels) of a viridis-like colour map, which reads in order from dark
// to light in every form of colour blindness and in greyscale, with a side
// legend naming each band. The curves are drawn on top with a white halo,
// so that a line stays visible on dark and light cells alike; each named
// curve gets a legend entry. Use it for a quantity over two
// hyperparameters, say the convergence rate over (η, μ) with the analytic
// stability boundary drawn over it.
//
// The chart keeps an error (Chart.Err) if z is not len(ys) × len(xs), if a
// grid has fewer than two points or is not increasing, if the levels are
// not increasing, or if a curve lacks X or its X and Y lengths differ.
func HeatMap(opts HeatMapOptions, xs, ys []float64, z [][]float64, curves ...Series) *Chart {
	o := opts.withDefaults()
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	c := newChart(p)
	if c.err = checkHeatMap(o.Levels, xs, ys, z); c.err != nil {
		return c
	}
	bands := viridis(len(o.Levels) - 1)
	hm := plotter.NewHeatMap(bandGrid{xs: xs, ys: ys, z: z, levels: o.Levels}, colors(bands))
	hm.Min, hm.Max = 0, float64(len(bands)-1)
	hm.Overflow = o.Over
	hm.Rasterized = true
	p.Add(hm)
	for i, s := range curves {
		if s.X == nil || len(s.X) != len(s.Y) {
			c.err = fmt.Errorf("vizhelpers: HeatMap: curve %q has %d x and %d y values", s.Name, len(s.X), len(s.Y))
			return c
		}
		xys, _ := s.points(false, false) // no log axis: no error
		halo := &plotter.Line{XYs: xys, LineStyle: draw.LineStyle{Color: color.White, Width: vg.Points(4.5)}}
		line := &plotter.Line{XYs: xys, LineStyle: draw.LineStyle{Color: pick(s.Color, i), Width: vg.Points(2)}}
		if s.Dashed {
			line.LineStyle.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		}
		p.Add(halo, line)
		if s.Name != "" {
			c.AddLegend(s.Name, line)
		}
	}
	// Highest band first, as on a colour bar.
	c.AddLegend(o.OverLabel, swatch{o.Over})
	for k := len(bands) - 1; k >= 0; k-- {
		c.AddLegend(bandLabel(o.Levels[k], o.Levels[k+1]), swatch{bands[k]})
	}
	p.X.Min, p.X.Max = cellEdge(xs, 0), cellEdge(xs, len(xs))
	p.Y.Min, p.Y.Max = cellEdge(ys, 0), cellEdge(ys, len(ys))
	p.X.Padding, p.Y.Padding = 0, 0
	return c
}

// checkHeatMap returns why HeatMap cannot draw its arguments, or nil.
func checkHeatMap(levels, xs, ys []float64, z [][]float64) error {
	for _, a := range []struct {
		name string
		v    []float64
	}{{"levels", levels}, {"x grid", xs}, {"y grid", ys}} {
		if len(a.v) < 2 {
			return fmt.Errorf("vizhelpers: HeatMap: %s has %d values, want at least 2", a.name, len(a.v))
		}
		for k := 1; k < len(a.v); k++ {
			if !(a.v[k] > a.v[k-1]) {
				return fmt.Errorf("vizhelpers: HeatMap: %s not increasing at %d: %g after %g", a.name, k, a.v[k], a.v[k-1])
			}
		}
	}
	if len(z) != len(ys) {
		return fmt.Errorf("vizhelpers: HeatMap: %d rows of values for %d y values", len(z), len(ys))
	}
	for r, row := range z {
		if len(row) != len(xs) {
			return fmt.Errorf("vizhelpers: HeatMap: row %d has %d values for %d x values", r, len(row), len(xs))
		}
	}
	return nil
}

// bandGrid is z seen as band indices: 0 … len(levels)−2 for values below the
// last level, len(levels)−1 (the heat map's overflow) at or above it and for
// NaN and ±Inf. It implements gonum's plotter.GridXYZ.
type bandGrid struct {
	xs, ys, levels []float64
	z              [][]float64
}

func (g bandGrid) Dims() (c, r int) { return len(g.xs), len(g.ys) }
func (g bandGrid) X(c int) float64  { return g.xs[c] }
func (g bandGrid) Y(r int) float64  { return g.ys[r] }

// Z returns the band of the value at column c, row r.
func (g bandGrid) Z(c, r int) float64 {
	v, last := g.z[r][c], len(g.levels)-1
	if math.IsNaN(v) || v >= g.levels[last] {
		return float64(last)
	}
	k := 0
	for k+1 < last && v >= g.levels[k+1] {
		k++
	}
	return float64(k)
}

// cellEdge is the edge of grid cell k−1 and k: the midpoint between grid
// values, half a spacing beyond the first and last.
func cellEdge(v []float64, k int) float64 {
	switch k {
	case 0:
		return v[0] - (v[1]-v[0])/2
	case len(v):
		return v[k-1] + (v[k-1]-v[k-2])/2
	}
	return (v[k-1] + v[k]) / 2
}

// bandLabel names the band [lo, hi) in the legend.
func bandLabel(lo, hi float64) string {
	return strconv.FormatFloat(lo, 'g', 4, 64) + " – " + strconv.FormatFloat(hi, 'g', 4, 64)
}

// viridisAnchors are matplotlib's viridis at 0, ¼, ½, ¾ and 1 (van der Walt
// and Smith 2015): perceptually uniform, increasing in lightness, and
// readable with every common colour blindness.
var viridisAnchors = [...]color.RGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x3b, 0x52, 0x8b, 0xff}, {0x21, 0x91, 0x8c, 0xff},
	{0x5e, 0xc9, 0x62, 0xff}, {0xfd, 0xe7, 0x25, 0xff},
}

// viridis returns n colours evenly spaced along viridisAnchors, dark first,
// interpolated linearly in RGB between the anchors.
func viridis(n int) []color.Color {
	out := make([]color.Color, n)
	for i := range out {
		t := 0.5
		if n > 1 {
			t = float64(i) / float64(n-1)
		}
		pos := t * float64(len(viridisAnchors)-1)
		k := min(int(pos), len(viridisAnchors)-2)
		f := pos - float64(k)
		a, b := viridisAnchors[k], viridisAnchors[k+1]
		mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-f) + float64(y)*f + 0.5) }
		out[i] = color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
	}
	return out
}

// swatch is a legend thumbnail filled with one colour.
type swatch struct{ color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	c.SetColor(s.Color)
	c.Fill(c.Rectangle.Path())
}
