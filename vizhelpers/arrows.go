package vizhelpers

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Arrow is a labelled arrow in data coordinates, for drawing steps on a
// contour map: NAG's projection μ·v, the look-ahead gradient −η∇f(θ + μ·v)
// and the resulting correction.
type Arrow struct {
	From, To [2]float64
	Label    string
	Color    color.Color // nil: black
	Dashed   bool
}

// Arrows is a set of arrows; it implements gonum's plot.Plotter and
// plot.DataRanger, so it can be added to any chart: c.Plot.Add(arrows).
type Arrows []Arrow

// Arrow-head size in points.
const (
	arrowHeadLength = 9
	arrowHeadWidth  = 3.5
)

// Plot draws the arrows on the data canvas dc.
func (as Arrows) Plot(dc draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&dc)
	for _, a := range as {
		col := a.Color
		if col == nil {
			col = color.Black
		}
		from := vg.Point{X: trX(a.From[0]), Y: trY(a.From[1])}
		to := vg.Point{X: trX(a.To[0]), Y: trY(a.To[1])}
		dx, dy := float64(to.X-from.X), float64(to.Y-from.Y)
		n := math.Hypot(dx, dy)
		if n == 0 {
			continue
		}
		ux, uy := dx/n, dy/n // unit direction
		head := math.Min(arrowHeadLength, n)
		base := vg.Point{X: to.X - vg.Length(ux*head), Y: to.Y - vg.Length(uy*head)}
		sty := draw.LineStyle{Color: col, Width: vg.Points(1.6)}
		if a.Dashed {
			sty.Dashes = []vg.Length{vg.Points(4), vg.Points(2.5)}
		}
		dc.StrokeLine2(sty, from.X, from.Y, base.X, base.Y)
		w := vg.Length(arrowHeadWidth)
		dc.FillPolygon(col, []vg.Point{
			to,
			{X: base.X - vg.Length(uy)*w, Y: base.Y + vg.Length(ux)*w},
			{X: base.X + vg.Length(uy)*w, Y: base.Y - vg.Length(ux)*w},
		})
		if a.Label != "" {
			// The label sits beside the middle of the shaft, on its left.
			mid := vg.Point{X: (from.X + to.X) / 2, Y: (from.Y + to.Y) / 2}
			at := vg.Point{X: mid.X - vg.Length(uy*6), Y: mid.Y + vg.Length(ux*6)}
			ts := text.Style{Font: font.From(sans, tickSize), Color: col, Handler: plot.DefaultTextHandler,
				XAlign: draw.XCenter, YAlign: draw.YBottom}
			switch {
			case uy > 0.3: // the normal points left
				ts.XAlign = draw.XRight
			case uy < -0.3:
				ts.XAlign = draw.XLeft
			}
			if ux < 0 {
				ts.YAlign = draw.YTop
			}
			dc.FillText(ts, at, a.Label)
		}
	}
}

// DataRange returns the bounding box of all arrow ends.
func (as Arrows) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, a := range as {
		for _, p := range [][2]float64{a.From, a.To} {
			xmin, xmax = math.Min(xmin, p[0]), math.Max(xmax, p[0])
			ymin, ymax = math.Min(ymin, p[1]), math.Max(ymax, p[1])
		}
	}
	return xmin, xmax, ymin, ymax
}
