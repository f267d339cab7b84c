package zeiler

import (
	"fmt"
	"math"
	"sort"
	"strings"

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

// CurveChart draws the curves as lines over translucent bands, on a linear
// error axis fitted to the bulk of the curves: a curve lying entirely above
// 2.5 times the median of the curves' peaks and above every curve kept
// (Rprop near 10 % beside the others under 3 %) is left out and named,
// with its range, in the title.
func CurveChart(title string, curves []Curve) *vizhelpers.Chart {
	var peaks []float64
	for _, c := range curves {
		peaks = append(peaks, maxOf(c.Mean))
	}
	sorted := append([]float64(nil), peaks...)
	sort.Float64s(sorted)
	limit := math.Inf(1)
	if len(sorted) > 0 {
		limit = 2.5 * sorted[len(sorted)/2]
	}
	for _, c := range curves { // a curve inside the frame the others set is never left out
		if minOf(c.Mean) <= limit {
			limit = math.Max(limit, maxOf(c.Mean))
		}
	}
	var series []vizhelpers.Series
	var off []string
	for i, c := range curves {
		if minOf(c.Mean) > limit {
			off = append(off, fmt.Sprintf("%s %.1f–%.1f %%", c.Name, minOf(c.Mean), maxOf(c.Mean)))
			continue
		}
		lo := make([]float64, len(c.Lo))
		for e, v := range c.Lo {
			lo[e] = math.Max(v, 0) // an error rate is never below 0
		}
		series = append(series, vizhelpers.Series{Name: c.Name, Y: c.Mean, Lo: lo, Hi: c.Hi, Color: vizhelpers.Color(i), Dashed: i%2 == 1})
	}
	if len(off) > 0 {
		title += " (off the chart: " + strings.Join(off, ", ") + ")"
	}
	return vizhelpers.LineChart(vizhelpers.LineOptions{Title: title, XLabel: "epoch",
		YLabel: "test error (%), mean ± sd over seeds", Markers: true}, series...).Resize(8, 5)
}

// minOf and maxOf are the least and greatest of xs.
func minOf(xs []float64) float64 {
	m := math.Inf(1)
	for _, x := range xs {
		m = math.Min(m, x)
	}
	return m
}

func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}
