package vizhelpers

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BarGroup is one named set of bars, one value per category; for example
// "parameters" with one value per optimizer.
type BarGroup struct {
	Name   string
	Values []float64
	Color  color.Color // nil: the i-th colour of the cycle
}

// BarOptions configures BarChart. The zero value is a usable default.
type BarOptions struct {
	Title, XLabel, YLabel string
	// Stacked puts the groups on top of each other (e.g. parameters +
	// gradients + optimizer state = training memory) instead of side by side.
	Stacked bool
	// Label, when set, formats a value written above each bar (grouped) or
	// above each stack (its total, stacked).
	Label func(v float64) string
}

// BarChart draws one cluster (or stack) of bars per category, one bar per
// group, with a side legend naming the groups when there are several. The
// chart keeps an error (Chart.Err) if a group's length differs from the
// number of categories.
func BarChart(opts BarOptions, categories []string, groups ...BarGroup) *Chart {
	p := newPlot(opts.Title, opts.XLabel, opts.YLabel)
	c := newChart(p)
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	p.Add(grid)
	p.X.Tick.Label.Font = font.From(sans, labelSize-1)
	if len(categories) > 5 { // slant the names so that long ones do not collide
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	}

	perCategory := len(groups)
	if opts.Stacked {
		perCategory = 1
	}
	// Bar width: 80% of a category's share of the (estimated) data width.
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
	}
	if len(groups) < 2 {
		names = nil
	}
	dataWidth := c.Width*0.85 - c.legendWidthFor(names)
	width := dataWidth / vg.Length(max(1, len(categories))) * 0.8 / vg.Length(max(1, perCategory))

	totals := make([]float64, len(categories))
	var below *plotter.BarChart
	for i, g := range groups {
		if len(g.Values) != len(categories) {
			c.err = fmt.Errorf("vizhelpers: BarChart: group %q has %d values for %d categories", g.Name, len(g.Values), len(categories))
			return c
		}
		bars, err := plotter.NewBarChart(plotter.Values(g.Values), width)
		if err != nil {
			c.err = fmt.Errorf("vizhelpers: BarChart: group %q: %w", g.Name, err)
			return c
		}
		bars.Color = pick(g.Color, i)
		bars.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
		if opts.Stacked {
			if below != nil {
				bars.StackOn(below)
			}
			below = bars
		} else {
			bars.Offset = (vg.Length(i) - vg.Length(len(groups)-1)/2) * width
		}
		p.Add(bars)
		if len(groups) > 1 {
			c.AddLegend(g.Name, bars)
		}
		for j, v := range g.Values {
			totals[j] += v
		}
		if opts.Label != nil && !opts.Stacked {
			p.Add(barLabels(g.Values, opts.Label, bars.Offset))
		}
	}
	if opts.Label != nil && opts.Stacked {
		p.Add(barLabels(totals, opts.Label, 0))
	}
	p.NominalX(categories...)
	p.Y.Min = min(p.Y.Min, 0)
	p.Y.Max *= 1.1 // headroom for the labels
	return c
}

// barLabels writes format(v) centred above each bar.
func barLabels(values []float64, format func(float64) string, offset vg.Length) *plotter.Labels {
	l := &plotter.Labels{Offset: vg.Point{X: offset, Y: vg.Points(2)}}
	for i, v := range values {
		l.XYs = append(l.XYs, plotter.XY{X: float64(i), Y: v})
		l.Labels = append(l.Labels, format(v))
		l.TextStyle = append(l.TextStyle, text.Style{
			Font: font.From(sans, tickSize-1), XAlign: draw.XCenter, YAlign: draw.YBottom,
			Handler: plot.DefaultTextHandler,
		})
	}
	return l
}
