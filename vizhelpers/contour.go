package vizhelpers

import (
	"image/color"

	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// LevelScale chooses how contour levels (and heat-map colours) are spaced.
type LevelScale int

const (
	// ScaleAuto uses ScaleLog when the surface's values are strongly skewed
	// (range > 50 × (median − minimum)) and ScaleLinear otherwise.
	ScaleAuto LevelScale = iota
	// ScaleLinear spaces levels evenly in f.
	ScaleLinear
	// ScaleLog spaces levels evenly in log(f − f_min + δ), δ = 10⁻⁴·(f_max − f_min).
	ScaleLog
)

// ContourOptions configures Contour. The zero value is a usable default.
type ContourOptions struct {
	Title          string
	XLabel, YLabel string     // default "x" and "y"
	Levels         int        // number of contour lines; default 16
	Scale          LevelScale // spacing of the levels
	HeatMap        bool       // fill the background with a colour map under the lines
	Dots           bool       // mark every iterate, to show the individual steps
	Resolution     int        // samples per side of the evaluation grid; default 150
}

// withDefaults fills the zero fields of o.
func (o ContourOptions) withDefaults() ContourOptions {
	if o.XLabel == "" {
		o.XLabel = "x"
	}
	if o.YLabel == "" {
		o.YLabel = "y"
	}
	if o.Levels == 0 {
		o.Levels = 16
	}
	if o.Resolution == 0 {
		o.Resolution = 150
	}
	return o
}

// Contour draws the level sets of s over its bounds, with each trajectory
// overlaid (start ○, end ●) and the surface's known minima marked ✕. The
// axes stay fixed to s.Bounds(), so a diverging trajectory leaves the frame
// instead of zooming the view out.
func Contour(s Surface, opts ContourOptions, trajs ...Trajectory) *Chart {
	o := opts.withDefaults()
	g := SampleGrid(s, o.Resolution, o.Resolution)
	logScale := o.Scale == ScaleLog || (o.Scale == ScaleAuto && g.needsLogScale())

	p := newPlot(o.Title, o.XLabel, o.YLabel)
	c := newChart(p)
	if o.HeatMap {
		lo, hi := g.Range()
		var heat plotter.GridXYZ = g
		if logScale {
			heat = logGrid{Grid: g, zmin: lo, delta: (hi - lo) * 1e-4}
		}
		hm := plotter.NewHeatMap(heat, colors(surfacePalette(64, 0.45)))
		hm.Rasterized = true
		p.Add(hm)
	}
	lines := plotter.NewContour(g, g.levels(o.Levels, logScale), colors(surfacePalette(o.Levels, 0.25)))
	lines.LineStyles = []draw.LineStyle{{Width: vg.Points(0.9)}}
	if o.HeatMap {
		lines.Palette = colors{color.Gray{0x70}}
		lines.LineStyles[0].Width = vg.Points(0.5)
	}
	p.Add(lines)

	xmin, xmax, ymin, ymax := s.Bounds()
	// A diverging path leaves the frame and is cut once it is far outside:
	// gonum's line clipping loses precision on coordinates like 1e28 and
	// would draw a stray line across the axes.
	shown := make([]Trajectory, len(trajs))
	w, h := xmax-xmin, ymax-ymin
	for i, t := range trajs {
		shown[i] = t.within(xmin-10*w, xmax+10*w, ymin-10*h, ymax+10*h)
	}
	identity := func(x, y float64) (float64, float64) { return x, y }
	addTrajectories(c, identity, o.Dots, shown)
	addMinima(c, identity, minimaOf(s))
	if len(trajs) > 0 {
		startEndLegend(c)
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax
	p.X.Padding, p.Y.Padding = 0, 0
	return c
}

// colors is a fixed list of colours; it implements gonum's palette.Palette.
type colors []color.Color

// Colors returns the list.
func (c colors) Colors() []color.Color { return c }

// surfacePalette samples Moreland's smooth blue–red diverging map at n points
// (low values blue) and lightens it by f, so that saturated trajectory
// colours stand out against it.
func surfacePalette(n int, f float64) []color.Color {
	cm := moreland.SmoothBlueRed()
	cm.SetMin(0)
	cm.SetMax(1)
	out := make([]color.Color, n)
	for i := range out {
		v := 0.5
		if n > 1 {
			v = float64(i) / float64(n-1)
		}
		c, err := cm.At(v)
		if err != nil {
			panic("vizhelpers: surfacePalette: " + err.Error()) // v is in [0,1] by construction
		}
		out[i] = lighten(c, f)
	}
	return out
}
