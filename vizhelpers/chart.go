package vizhelpers

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Default size and resolution of a rendered chart: 7 × 4.5 in at 100 dpi is
// a 700 × 450 PNG, the width of a JupyterLab output area.
const (
	DefaultWidth  = 7 * vg.Inch
	DefaultHeight = 4.5 * vg.Inch
	DefaultDPI    = 100
)

// Chart is a gonum plot together with its size and an optional legend drawn
// in a strip to the right of the axes, where it can never cover data.
//
// Every builder in this package returns a *Chart, never an error: a chart
// that could not be built (say a zero on a log axis) keeps the error, which
// Err returns, PNG, SVG and Save return, and Show prints in the cell's output.
// Render it with PNG, SVG, Image or Save, or show it in a notebook with Show. Plot is exported so that
// a notebook can add its own plotters (for example Arrows) before rendering.
type Chart struct {
	Plot          *plot.Plot
	Width, Height vg.Length
	DPI           int

	legend      plot.Legend
	legendNames []string
	err         error // why the chart could not be built; reported when shown or rendered
}

// newChart wraps p with the default size.
func newChart(p *plot.Plot) *Chart {
	c := &Chart{Plot: p, Width: DefaultWidth, Height: DefaultHeight, DPI: DefaultDPI, legend: plot.NewLegend()}
	c.legend.TextStyle.Font = font.From(sans, legendSize)
	c.legend.Top, c.legend.Left = true, true
	c.legend.Padding = vg.Points(3)
	return c
}

// Err returns why the chart could not be built, or nil.
func (c *Chart) Err() error { return c.err }

// Resize sets the chart's size in inches (at DPI pixels per inch) and
// returns the chart, so that a notebook need not import gonum's vg.
func (c *Chart) Resize(widthInches, heightInches float64) *Chart {
	c.Width, c.Height = vg.Length(widthInches)*vg.Inch, vg.Length(heightInches)*vg.Inch
	return c
}

// AddLegend adds an entry to the chart's side legend.
func (c *Chart) AddLegend(name string, thumbs ...plot.Thumbnailer) {
	c.legend.Add(name, thumbs...)
	c.legendNames = append(c.legendNames, name)
}

// legendWidth is the width of the side-legend strip, zero without entries.
func (c *Chart) legendWidth() vg.Length { return c.legendWidthFor(c.legendNames) }

// legendWidthFor is the width of a side legend listing names.
func (c *Chart) legendWidthFor(names []string) vg.Length {
	if len(names) == 0 {
		return 0
	}
	var w vg.Length
	for _, n := range names {
		w = max(w, c.legend.TextStyle.Width(n))
	}
	em := c.legend.TextStyle.Width("M")
	return c.legend.ThumbnailWidth + w + 2*em
}

// Draw draws the plot and its side legend on dc.
func (c *Chart) Draw(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	lw := c.legendWidth()
	c.Plot.Draw(draw.Crop(dc, 0, -lw, 0, 0))
	if lw == 0 {
		return
	}
	strip := draw.Crop(dc, dc.Max.X-dc.Min.X-lw, 0, 0, 0)
	strip.Min.X += c.legend.TextStyle.Width("M") / 2
	strip.Max.Y -= vg.Points(8)
	if c.Plot.Title.Text != "" {
		strip.Max.Y -= c.Plot.Title.TextStyle.Rectangle(c.Plot.Title.Text).Size().Y + c.Plot.Title.Padding
	}
	c.legend.Draw(strip)
}

// Image renders the chart to an RGBA image of Width × Height at DPI.
func (c *Chart) Image() *image.RGBA {
	cv := vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(c.DPI))
	c.Draw(draw.New(cv))
	return cv.Image().(*image.RGBA)
}

// PNG renders the chart as PNG bytes.
func (c *Chart) PNG() ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	cv := vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(c.DPI))
	c.Draw(draw.New(cv))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("vizhelpers: encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// SVG renders the chart as an SVG document. Fonts are referenced by name
// (Liberation Sans, else Arial, Helvetica or any sans-serif), not embedded,
// which keeps a figure near 50 kB instead of several hundred.
func (c *Chart) SVG() ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	cv := vgsvg.NewWith(vgsvg.UseWH(c.Width, c.Height), vgsvg.EmbedFonts(false))
	c.Draw(draw.New(cv))
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("vizhelpers: encoding SVG: %w", err)
	}
	// Metrically compatible fallbacks where Liberation Sans is not installed.
	return bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans"), []byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif")), nil
}

// Save writes the chart to path, as PNG or SVG according to its extension.
func (c *Chart) Save(path string) error {
	var (
		data []byte
		err  error
	)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png":
		data, err = c.PNG()
	case ".svg":
		data, err = c.SVG()
	default:
		return fmt.Errorf("vizhelpers: Save %q: unsupported extension %q (want .png or .svg)", path, ext)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
