package vizhelpers

import (
	"cmp"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Label is a text at a point in data coordinates, for naming points and
// arrows on a chart: w, θ = w − μ·v, w′.
type Label struct {
	At    [2]float64
	Text  string
	Color color.Color // nil: black
	Size  float64     // font size in points; 0: the tick size
	Left  bool        // end the text at At instead of starting it there
}

// Labels is a set of labels; like Arrows it is a gonum plot.Plotter:
// c.Plot.Add(labels). Labels do not widen the axes.
type Labels []Label

// Plot draws the labels, each vertically centred on its point.
func (ls Labels) Plot(dc draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&dc)
	for _, l := range ls {
		ts := text.Style{Font: font.From(sans, vg.Length(cmp.Or(l.Size, tickSize))), Color: l.Color,
			Handler: plot.DefaultTextHandler, XAlign: draw.XLeft, YAlign: draw.YCenter}
		if ts.Color == nil {
			ts.Color = color.Black
		}
		if l.Left {
			ts.XAlign = draw.XRight
		}
		dc.FillText(ts, vg.Point{X: trX(l.At[0]), Y: trY(l.At[1])}, l.Text)
	}
}
