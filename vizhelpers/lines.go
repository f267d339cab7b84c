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
	Name    string
	X, Y    []float64
	Color   color.Color // nil: the i-th colour of the cycle
	Dashed  bool
	Markers bool // a dot at every point of this series (LineOptions.Markers: of all)
	// Lo and Hi, when set, shade a translucent band of the series' colour
	// from Lo[i] to Hi[i] behind the line (say mean ± sd over seeds).
	Lo, Hi []float64
}

// LineOptions configures LineChart. The zero value is a usable default.
type LineOptions struct {
	Title          string
	XLabel, YLabel string
	LogY           bool // logarithmic y axis; every plotted y must then be > 0
	LogX           bool // logarithmic x axis; every plotted x must then be > 0
	// XTickEvery, when positive, puts the x ticks at its multiples (say
	// every epoch's first step) instead of at round values.
	XTickEvery float64
	Markers    bool // draw a dot at every point (useful for few points)
	// YMin and YMax fix the y range when YMin < YMax; otherwise it fits the data.
	YMin, YMax float64
}

// LineChart draws each series as a line, with a side legend when there is
// more than one; then series i also carries the i-th marker shape at eight
// evenly spaced points, so that lines differ by more than their colour. Non-finite points (a diverged loss) end a series. The
// chart keeps an error (Chart.Err) if a series' X and Y lengths differ, or
// if LogY is set and a series has a non-positive value.
func LineChart(opts LineOptions, series ...Series) *Chart {
	p := newPlot(opts.Title, opts.XLabel, opts.YLabel)
	c := newChart(p)
	if opts.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	if opts.LogX {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = logTicks{}
	}
	if opts.XTickEvery > 0 {
		p.X.Tick.Marker = ticksEvery(opts.XTickEvery)
	}
	p.Add(plotter.NewGrid())
	for i, s := range series {
		xys, err := s.points(opts.LogX, opts.LogY)
		if err != nil {
			c.err = err
			return c
		}
		if len(xys) == 0 {
			continue
		}
		if s.Lo != nil || s.Hi != nil {
			band, err := s.band(xys, pick(s.Color, i))
			if err != nil {
				c.err = err
				return c
			}
			p.Add(band)
		}
		line := &plotter.Line{XYs: xys, LineStyle: draw.LineStyle{Color: pick(s.Color, i), Width: vg.Points(1.8)}}
		if s.Dashed {
			line.LineStyle.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		}
		p.Add(line)
		marks := &plotter.Scatter{XYs: xys, GlyphStyle: draw.GlyphStyle{Color: pick(s.Color, i), Radius: vg.Points(2.6), Shape: glyph(i)}}
		if !opts.Markers && !s.Markers {
			marks.XYs = sparse(xys, 8)
		}
		if len(series) > 1 || opts.Markers || s.Markers {
			p.Add(marks)
		}
		if len(series) > 1 {
			c.AddLegend(s.Name, line, marks)
		}
	}
	if opts.YMin < opts.YMax {
		p.Y.Min, p.Y.Max = opts.YMin, opts.YMax
	}
	return c
}

// points returns the series as plotter points, stopping at the first
// non-finite value.
func (s Series) points(logX, logY bool) (plotter.XYs, error) {
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
		if logX && x <= 0 {
			return nil, fmt.Errorf("vizhelpers: LineChart: series %q has x[%d] = %g, not plottable on a log axis", s.Name, i, x)
		}
		xys = append(xys, plotter.XY{X: x, Y: y})
	}
	return xys, nil
}

// band returns the shaded polygon, in col made translucent, from Lo to Hi
// under the series' points.
func (s Series) band(xys plotter.XYs, col color.Color) (*plotter.Polygon, error) {
	if len(s.Lo) != len(s.Y) || len(s.Hi) != len(s.Y) {
		return nil, fmt.Errorf("vizhelpers: LineChart: series %q has %d y, %d Lo and %d Hi values", s.Name, len(s.Y), len(s.Lo), len(s.Hi))
	}
	edge := make(plotter.XYs, 0, 2*len(xys))
	for i, pt := range xys {
		edge = append(edge, plotter.XY{X: pt.X, Y: s.Lo[i]})
	}
	for i := len(xys) - 1; i >= 0; i-- {
		edge = append(edge, plotter.XY{X: xys[i].X, Y: s.Hi[i]})
	}
	poly, err := plotter.NewPolygon(edge)
	if err != nil {
		return nil, fmt.Errorf("vizhelpers: LineChart: band of series %q: %w", s.Name, err)
	}
	r, g, b, _ := col.RGBA()
	poly.Color = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 60}
	poly.LineStyle = draw.LineStyle{}
	return poly, nil
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

// roundTicks puts ticks where gonum's default ticker does (1, 2 or 5 times a
// power of ten) but labels them with the digits they need: 25, not 25.00.
type roundTicks struct{}

// Ticks implements plot.Ticker.
func (roundTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i, t := range ticks {
		if t.Label != "" {
			ticks[i].Label = strconv.FormatFloat(t.Value, 'g', 6, 64)
		}
	}
	return ticks
}

// ticksEvery puts a labelled tick at every multiple of step in the axis
// range, labelling only every k-th when there would be more than ten.
type ticksEvery float64

// Ticks implements plot.Ticker.
func (step ticksEvery) Ticks(min, max float64) []plot.Tick {
	s := float64(step)
	first, last := math.Ceil(min/s), math.Floor(max/s)
	every := math.Ceil((last - first + 1) / 10)
	var ticks []plot.Tick
	for k := first; k <= last; k++ {
		t := plot.Tick{Value: k * s}
		if math.Mod(k, every) == 0 {
			t.Label = strconv.FormatFloat(t.Value, 'g', 6, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// sparse returns about n evenly spaced points of xys, the last included.
func sparse(xys plotter.XYs, n int) plotter.XYs {
	if len(xys) <= n {
		return xys
	}
	var out plotter.XYs
	for k := range n {
		out = append(out, xys[(len(xys)-1)*(k+1)/n])
	}
	return out
}
