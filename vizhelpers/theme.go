package vizhelpers

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
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
// Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), chosen to
// stay distinct for the common forms of colour blindness, so that no two
// series are told apart by red against green alone; grey last. Lines also
// differ by marker shape (seriesGlyphs) and trajectories by dash pattern
// (seriesDashes), which survive a greyscale print.
var seriesColors = []color.RGBA{
	{0x00, 0x72, 0xb2, 0xff}, // blue
	{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	{0x00, 0x9e, 0x73, 0xff}, // bluish green
	{0xe6, 0x9f, 0x00, 0xff}, // orange
	{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	{0x00, 0x00, 0x00, 0xff}, // black
	{0xb5, 0xa6, 0x00, 0xff}, // Okabe–Ito's yellow, darkened to show on white
	{0x88, 0x55, 0x22, 0xff}, // brown
	{0x88, 0x88, 0x88, 0xff}, // grey
}

// seriesGlyphs are the marker shapes of series i, in the order of the colours.
var seriesGlyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{},
	draw.RingGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.PlusGlyph{}, draw.CrossGlyph{}}

// glyph returns the marker shape of series i.
func glyph(i int) draw.GlyphDrawer { return seriesGlyphs[i%len(seriesGlyphs)] }

// seriesDashes are the dash patterns of trajectory i, in points (nil: solid).
var seriesDashes = [][]vg.Length{nil, {6, 2.5}, {1.5, 2}, {7, 2.5, 1.5, 2.5}}

// dashes returns the dash pattern of trajectory i.
func dashes(i int) []vg.Length { return seriesDashes[i%len(seriesDashes)] }

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
		a.Tick.Marker = roundTicks{}
	}
	p.Legend.TextStyle.Font = font.From(sans, legendSize)
	return p
}
