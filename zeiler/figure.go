package zeiler

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nncourse/optimizers/vizhelpers"
)

// Curve is one optimizer's error against epoch over seeds: the mean and
// the band mean ± sd (min … max of the seeds when fewer than 3).
type Curve struct {
	Name         string
	Mean, Lo, Hi []float64 // by epoch, from 1
	Seeds        int
}

// Curves returns the curve of each named setting from its runs, leaving
// out diverged runs (their curves stop) and settings without runs.
func Curves(names []string, runs [][]Run) []Curve {
	var out []Curve
	for i, name := range names {
		c := Curve{Name: name}
		var ok []Run
		for _, r := range runs[i] {
			if r.Diverged == "" {
				ok = append(ok, r)
			}
		}
		if len(ok) == 0 {
			continue
		}
		c.Seeds = len(ok)
		for e := range ok[0].Errors {
			var xs []float64
			for _, r := range ok {
				if e < len(r.Errors) {
					xs = append(xs, r.Errors[e])
				}
			}
			m, sd := meanSD(xs)
			if math.IsNaN(sd) {
				sd = 0
			}
			c.Mean, c.Lo, c.Hi = append(c.Mean, m), append(c.Lo, m-sd), append(c.Hi, m+sd)
		}
		out = append(out, c)
	}
	return out
}

// CurveChart draws the curves as lines over translucent bands, with a log
// error axis (errors range from under 2 % to 90 %) unless an error is 0;
// on the log axis a band's lower edge is kept above half its mean.
func CurveChart(title string, curves []Curve) (*vizhelpers.Chart, error) {
	var series []vizhelpers.Series
	logY := true
	for i, c := range curves {
		series = append(series, vizhelpers.Series{Name: c.Name, Y: c.Mean, Color: vizhelpers.Color(i), Dashed: i%2 == 1})
		for _, m := range c.Mean {
			logY = logY && m > 0
		}
	}
	chart, err := vizhelpers.LineChart(vizhelpers.LineOptions{Title: title, XLabel: "epoch",
		YLabel: "test error (%), mean ± sd over seeds", LogY: logY, Markers: true}, series...)
	if err != nil {
		return nil, err
	}
	for i, c := range curves {
		band := make(plotter.XYs, 0, 2*len(c.Mean))
		for e := range c.Mean {
			lo := c.Lo[e]
			if logY {
				lo = math.Max(lo, c.Mean[e]/2)
			}
			band = append(band, plotter.XY{X: float64(e + 1), Y: lo})
		}
		for e := len(c.Mean) - 1; e >= 0; e-- {
			band = append(band, plotter.XY{X: float64(e + 1), Y: c.Hi[e]})
		}
		poly, err := plotter.NewPolygon(band)
		if err != nil {
			return nil, err
		}
		col := vizhelpers.Color(i)
		poly.Color = color.NRGBA{R: col.R, G: col.G, B: col.B, A: 60}
		poly.LineStyle = draw.LineStyle{}
		chart.Plot.Add(poly)
	}
	return chart.Resize(8, 5), nil
}
