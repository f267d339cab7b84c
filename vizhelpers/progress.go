package vizhelpers

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"html"
	"math"
	"strings"
	"time"
)

// Progress reports a training loop: a progress bar with rate and ETA, the
// latest loss, and a small loss plot, rendered as HTML and handed to Show.
// Updates are throttled, so Update can be called every step: at most one
// rendering per Interval and one plot per PlotInterval; Finish always renders.
//
// A cell that trains several times (one optimizer after another) calls
// Run before each: the bar then counts the steps of all runs together,
// while the plot draws one labelled curve per run, each from step 1, instead
// of one curve with a jump at every new run.
//
// In a notebook use LiveProgress, which shows the HTML in one output block
// updated in place; NewProgress accepts any Show (a test, a log, nothing).
type Progress struct {
	Title        string
	Total        int
	Interval     time.Duration // minimum time between renderings; default 250 ms
	PlotInterval time.Duration // minimum time between plot redraws; default 1 s
	Show         func(html string)

	now       func() time.Time // the clock; replaced in tests
	start     time.Time
	last      time.Time // time of the last rendering; zero before the first
	lastPlot  time.Time
	finalOnly bool     // render only in Finish (a headless run)
	step      int      // steps done in all runs
	offset    int      // steps done in the runs before the current one
	runs      []Series // loss per step of each run (NaN where none was given)
	extra     []Series // other curves added with Record
	plotImg   string   // the last rendered plot, as an <img> element
	renders   int      // number of renderings so far
	plotDraws int      // number of plot renderings so far
}

// NewProgress returns a progress report for total steps sending its HTML to show.
func NewProgress(title string, total int, show func(html string)) *Progress {
	if total <= 0 {
		panic(fmt.Sprintf("vizhelpers: NewProgress: total must be positive, got %d", total))
	}
	p := &Progress{Title: title, Total: total, Interval: 250 * time.Millisecond, PlotInterval: time.Second, Show: show, now: time.Now}
	p.start = p.now()
	return p
}

// Run starts a new run called name: the following Updates count their
// steps from 1 again and draw a curve of their own.
func (p *Progress) Run(name string) {
	p.offset = p.step
	p.runs = append(p.runs, Series{Name: name})
}

// Update records that step (1 ≤ step) of the current run finished with the
// given loss (NaN if unknown) and renders if the last rendering is older
// than Interval.
func (p *Progress) Update(step int, loss float64) {
	if step < 1 {
		panic(fmt.Sprintf("vizhelpers: Progress.Update: step must be ≥ 1, got %d", step))
	}
	if len(p.runs) == 0 {
		p.runs = []Series{{}} // a single run without Run: no name
	}
	run := &p.runs[len(p.runs)-1]
	for len(run.Y) < step-1 {
		run.Y = append(run.Y, math.NaN())
	}
	run.Y = append(run.Y[:step-1], loss)
	p.step = p.offset + step
	if now := p.now(); !p.finalOnly && (p.last.IsZero() || now.Sub(p.last) >= p.Interval) {
		p.render(now, false)
	}
}

// Record adds the point (x, y) to the named extra curve of the plot, such
// as a validation loss measured once per epoch (x in steps).
func (p *Progress) Record(name string, x, y float64) {
	for i := range p.extra {
		if p.extra[i].Name == name {
			p.extra[i].X, p.extra[i].Y = append(p.extra[i].X, x), append(p.extra[i].Y, y)
			return
		}
	}
	p.extra = append(p.extra, Series{Name: name, X: []float64{x}, Y: []float64{y}})
}

// Finish renders the final state, plot included, and returns its HTML.
func (p *Progress) Finish() string {
	return p.render(p.now(), true)
}

// render builds the HTML, redrawing the plot if forced or due, and shows it.
func (p *Progress) render(now time.Time, force bool) string {
	p.last = now
	p.renders++
	if force || p.lastPlot.IsZero() || now.Sub(p.lastPlot) >= p.PlotInterval {
		if img := p.plotHTML(); img != "" {
			p.plotImg, p.lastPlot = img, now
		}
	}
	out := p.HTMLAt(now)
	if p.Show != nil && (force || !p.finalOnly) {
		p.Show(out)
	}
	return out
}

// plotHTML renders the loss curve of each run (and the extra curves) as an
// <img>, or "" if no run has two finite losses. Losses spanning more than
// three decades, all positive, are drawn on a log axis, so that a run that
// blows up does not flatten the others.
func (p *Progress) plotHTML() string {
	var curves []Series
	enough, lo, hi := false, math.Inf(1), math.Inf(-1)
	for _, run := range p.runs {
		c := Series{Name: cmp.Or(run.Name, "loss")}
		for i, l := range run.Y {
			if !math.IsNaN(l) && !math.IsInf(l, 0) {
				c.X, c.Y = append(c.X, float64(i+1)), append(c.Y, l)
				lo, hi = min(lo, l), max(hi, l)
			}
		}
		enough = enough || len(c.X) >= 2
		curves = append(curves, c)
	}
	if !enough {
		return ""
	}
	xLabel := "step"
	if len(p.runs) > 1 {
		xLabel = "step of each run"
	}
	c := LineChart(LineOptions{XLabel: xLabel, YLabel: "loss", LogY: lo > 0 && hi > 1e3*lo}, append(curves, p.extra...)...)
	c.Width, c.Height, c.DPI = 5.5*72, 2.6*72, 90 // 5.5 × 2.6 in: a strip under the bar
	png, err := c.PNG()
	if err != nil {
		return "<pre>" + html.EscapeString(err.Error()) + "</pre>"
	}
	p.plotDraws++
	return `<img alt="loss" src="data:image/png;base64,` + base64Std(png) + `">`
}

// Line returns the one-line status: step, percentage, elapsed, ETA, rate, loss.
func (p *Progress) Line(now time.Time) string {
	elapsed := now.Sub(p.start)
	parts := []string{fmt.Sprintf("step %d/%d (%.0f%%)", p.step, p.Total, 100*float64(p.step)/float64(p.Total)), "elapsed " + clock(elapsed)}
	if p.step > 0 && p.step < p.Total {
		eta := time.Duration(float64(elapsed) / float64(p.step) * float64(p.Total-p.step))
		parts = append(parts, "ETA "+clock(eta))
	}
	if s := elapsed.Seconds(); p.step > 0 && s > 0 {
		parts = append(parts, fmt.Sprintf("%.3g steps/s", float64(p.step)/s))
	}
	if n := len(p.runs); n > 0 {
		if run := p.runs[n-1]; len(run.Y) > 0 && !math.IsNaN(run.Y[len(run.Y)-1]) {
			parts = append(parts, fmt.Sprintf("loss %.4g", run.Y[len(run.Y)-1]))
		}
		if name := p.runs[n-1].Name; name != "" {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, " · ")
}

// HTMLAt returns the report as HTML as of time now (the plot as last drawn).
func (p *Progress) HTMLAt(now time.Time) string {
	frac := min(1, max(0, float64(p.step)/float64(p.Total)))
	var b strings.Builder
	b.WriteString(`<div style="font-family:sans-serif;font-size:0.9em;color:inherit">`)
	if p.Title != "" {
		fmt.Fprintf(&b, `<div style="font-weight:600;margin-bottom:3px">%s</div>`, html.EscapeString(p.Title))
	}
	fmt.Fprintf(&b, `<div style="width:100%%;max-width:520px;height:10px;border-radius:5px;background:rgba(128,128,128,0.25)">`+
		`<div style="width:%.1f%%;height:100%%;border-radius:5px;background:#1f77b4"></div></div>`, 100*frac)
	fmt.Fprintf(&b, `<div style="font-variant-numeric:tabular-nums;margin:3px 0">%s</div>`, html.EscapeString(p.Line(now)))
	b.WriteString(p.plotImg)
	b.WriteString("</div>")
	return b.String()
}

// clock formats d as m:ss, or h:mm:ss from an hour on.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// base64Std encodes data in standard base64, for data URIs.
func base64Std(data []byte) string { return base64.StdEncoding.EncodeToString(data) }
