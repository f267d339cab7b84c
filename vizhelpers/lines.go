package vizhelpers

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one named curve of a line chart. X may be nil, in which case
// the points are plotted at x = 1, 2, … (steps or epochs).
type Series struct {
	Name   string
	X, Y   []float64
	Color  color.Color // nil: the i-th colour of the cycle
	Dashed bool
}

// LineOptions configures LineChart. The zero value is a usable default.
type LineOptions struct {
	Title          string
	XLabel, YLabel string
	LogY           bool // logarithmic y axis; every plotted y must then be > 0
	Markers        bool // draw a dot at every point (useful for few points)
	// YMin and YMax fix the y range when YMin < YMax; otherwise it fits the data.
	YMin, YMax float64
}

// LineChart draws each series as a line, with a side legend when there is
// more than one. Non-finite points (a diverged loss) end a series. It returns
// an error if a series' X and Y lengths differ, or if LogY is set and a
// series has a non-positive value.
func LineChart(opts LineOptions, series ...Series) (*Chart, error) {
	p := newPlot(opts.Title, opts.XLabel, opts.YLabel)
	c := newChart(p)
	if opts.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	p.Add(plotter.NewGrid())
	for i, s := range series {
		xys, err := s.points(opts.LogY)
		if err != nil {
			return nil, err
		}
		if len(xys) == 0 {
			continue
		}
		line := &plotter.Line{XYs: xys, LineStyle: draw.LineStyle{Color: pick(s.Color, i), Width: vg.Points(1.8)}}
		if s.Dashed {
			line.LineStyle.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		}
		p.Add(line)
		if opts.Markers {
			p.Add(&plotter.Scatter{XYs: xys, GlyphStyle: draw.GlyphStyle{Color: pick(s.Color, i), Radius: vg.Points(2.2), Shape: draw.CircleGlyph{}}})
		}
		if len(series) > 1 {
			c.AddLegend(s.Name, line)
		}
	}
	if opts.YMin < opts.YMax {
		p.Y.Min, p.Y.Max = opts.YMin, opts.YMax
	}
	return c, nil
}

// points returns the series as plotter points, stopping at the first
// non-finite value.
func (s Series) points(logY bool) (plotter.XYs, error) {
	if s.X != nil && len(s.X) != len(s.Y) {
		return nil, fmt.Errorf("vizhelpers: LineChart: series %q has %d x and %d y values", s.Name, len(s.X), len(s.Y))
	}
	xys := make(plotter.XYs, 0, len(s.Y))
	for i, y := range s.Y {
		x := float64(i + 1)
		if s.X != nil {
			x = s.X[i]
		}
		if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) {
			break
		}
		if logY && y <= 0 {
			return nil, fmt.Errorf("vizhelpers: LineChart: series %q has y[%d] = %g, not plottable on a log axis", s.Name, i, y)
		}
		xys = append(xys, plotter.XY{X: x, Y: y})
	}
	return xys, nil
}

// logTicks labels a logarithmic axis with at most three significant digits:
// plot.LogTicks computes 10⁻⁵ as math.Pow(10, -5) and would print the
// rounding, 9.999999999999999e-06.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.LogTicks{Prec: -1}.Ticks(min, max)
	for i, t := range ticks {
		if t.Label != "" {
			ticks[i].Label = strconv.FormatFloat(t.Value, 'g', 3, 64)
		}
	}
	return ticks
}
