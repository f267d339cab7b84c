package vizhelpers

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Font sizes shared by every chart, chosen to stay readable when a PNG of
// the default size is shown at 100% in JupyterLab.
const (
	titleSize  = 14
	labelSize  = 12
	tickSize   = 10
	legendSize = 11
)

// seriesColors is the colour cycle for lines, trajectories and bars: the
// Tableau 10 palette, distinguishable on white and on light contour maps.
var seriesColors = []color.RGBA{
	{0x1f, 0x77, 0xb4, 0xff}, // blue
	{0xd6, 0x27, 0x28, 0xff}, // red
	{0x2c, 0xa0, 0x2c, 0xff}, // green
	{0xff, 0x7f, 0x0e, 0xff}, // orange
	{0x94, 0x67, 0xbd, 0xff}, // purple
	{0x8c, 0x56, 0x4b, 0xff}, // brown
	{0xe3, 0x77, 0xc2, 0xff}, // pink
	{0x17, 0xbe, 0xcf, 0xff}, // cyan
	{0xbc, 0xbd, 0x22, 0xff}, // olive
	{0x7f, 0x7f, 0x7f, 0xff}, // grey
}

// Color returns the i-th colour of the cycle used for series, trajectories and
// bars, so that a notebook can colour its own annotations consistently.
func Color(i int) color.RGBA {
	return seriesColors[((i%len(seriesColors))+len(seriesColors))%len(seriesColors)]
}

// pick returns c when it is set and the i-th cycle colour otherwise.
func pick(c color.Color, i int) color.Color {
	if c != nil {
		return c
	}
	return Color(i)
}

// lighten mixes c with white; f = 0 keeps c, f = 1 gives white.
func lighten(c color.Color, f float64) color.RGBA {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(float64(v>>8)*(1-f) + 255*f + 0.5) }
	return color.RGBA{mix(r), mix(g), mix(b), 0xff}
}

// sans is the typeface of every text in a chart (Liberation Sans, embedded
// in gonum/plot, so no system font is needed).
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot returns a plot with the course's fonts, a white background and the
// given title and axis labels.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = color.White
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, titleSize)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelSize)
		a.Tick.Label.Font = font.From(sans, tickSize)
	}
	p.Legend.TextStyle.Font = font.From(sans, legendSize)
	return p
}
