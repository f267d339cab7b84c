package vizhelpers

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Trajectory is the path of an optimizer on a 2-D surface: the iterates
// θ₀, θ₁, … as (x, y) points. Points after the first non-finite one (a
// diverged run) are not drawn.
type Trajectory struct {
	Name   string
	Points [][2]float64
	Color  color.Color // nil: the i-th colour of the cycle (see Color)
}

// finite returns the leading run of finite points.
func (t Trajectory) finite() [][2]float64 {
	for i, p := range t.Points {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
			return t.Points[:i]
		}
	}
	return t.Points
}

// within returns t cut at its first point outside [xmin, xmax] × [ymin, ymax].
func (t Trajectory) within(xmin, xmax, ymin, ymax float64) Trajectory {
	pts := t.finite()
	for i, p := range pts {
		if p[0] < xmin || p[0] > xmax || p[1] < ymin || p[1] > ymax {
			pts = pts[:i]
			break
		}
	}
	t.Points = pts
	return t
}

// projection maps a surface point to plot coordinates: the identity for
// contour maps, the camera of a 3-D view for SurfaceView.
type projection func(x, y float64) (px, py float64)

// addTrajectories draws each trajectory as a line (with a dot per iterate if
// dots is set), a hollow circle at its start and a filled one at its end, and
// adds a legend entry per trajectory. Trajectory i is drawn with the i-th
// dash pattern, so that paths differ by more than their colour.
func addTrajectories(c *Chart, proj projection, dots bool, trajs []Trajectory) {
	for i, t := range trajs {
		pts := t.finite()
		if len(pts) == 0 {
			continue
		}
		xys := make(plotter.XYs, len(pts))
		for j, p := range pts {
			xys[j].X, xys[j].Y = proj(p[0], p[1])
		}
		col := pick(t.Color, i)
		line := &plotter.Line{XYs: xys, LineStyle: draw.LineStyle{Color: col, Width: vg.Points(2), Dashes: dashes(i)}}
		c.Plot.Add(line)
		if dots {
			c.Plot.Add(&plotter.Scatter{XYs: xys, GlyphStyle: draw.GlyphStyle{Color: col, Radius: vg.Points(1.8), Shape: draw.CircleGlyph{}}})
		}
		start := draw.GlyphStyle{Color: col, Radius: vg.Points(4.5), Shape: draw.RingGlyph{}}
		end := draw.GlyphStyle{Color: col, Radius: vg.Points(4.5), Shape: draw.CircleGlyph{}}
		c.Plot.Add(&plotter.Scatter{XYs: xys[:1], GlyphStyle: start}, &plotter.Scatter{XYs: xys[len(xys)-1:], GlyphStyle: end})
		c.AddLegend(t.Name, line)
	}
}

// addMinima marks each minimum with a black star-like cross and adds one
// legend entry for all of them.
func addMinima(c *Chart, proj projection, minima [][2]float64) {
	if len(minima) == 0 {
		return
	}
	xys := make(plotter.XYs, len(minima))
	for i, m := range minima {
		xys[i].X, xys[i].Y = proj(m[0], m[1])
	}
	sty := func(s draw.GlyphDrawer) *plotter.Scatter {
		return &plotter.Scatter{XYs: xys, GlyphStyle: draw.GlyphStyle{Color: color.Black, Radius: vg.Points(6), Shape: s}}
	}
	plus, cross := sty(draw.PlusGlyph{}), sty(draw.CrossGlyph{})
	c.Plot.Add(plus, cross)
	c.AddLegend("minimum", plus, cross)
}

// startEndLegend adds the legend entries explaining the start and end markers.
func startEndLegend(c *Chart) {
	glyph := func(s draw.GlyphDrawer) plot.Thumbnailer {
		return &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: color.Gray{0x30}, Radius: vg.Points(4.5), Shape: s}}
	}
	c.AddLegend("start", glyph(draw.RingGlyph{}))
	c.AddLegend("end", glyph(draw.CircleGlyph{}))
}
