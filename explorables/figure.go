package explorables

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/nncourse/optimizers/datasets"
)

// The figure: the contour panel on the left, the loss on a log axis on the
// right, in one SVG of figureW × figureH user units.
const (
	figureW, figureH = 860, 360
	panelTop         = 34
	panelH           = 290
	contourLeft      = 46
	contourW         = 440
	lossLeft         = 570
	lossW            = 270
	lossFloor        = 1e-20 // a loss of 0 is drawn here
	// The rate maps, in a row under the panels.
	mapTop, mapW, mapH = panelTop + panelH + 62, 300, 130
	mapCols, mapRows   = 40, 25
)

// palette colours the paths in order (Okabe–Ito, readable by colour-blind
// readers).
var palette = []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7"}

// frame maps data coordinates into a panel.
type frame struct {
	left, top, w, h        float64
	xmin, xmax, ymin, ymax float64
}

func (f frame) x(v float64) float64 { return f.left + (v-f.xmin)/(f.xmax-f.xmin)*f.w }
func (f frame) y(v float64) float64 { return f.top + (f.ymax-v)/(f.ymax-f.ymin)*f.h }

// clampPx keeps a far-away point drawable; the clip path hides it.
func clampPx(v float64) float64 { return math.Max(-1e5, math.Min(1e5, v)) }

// num writes v with one decimal, the resolution of the drawing.
func num(b *strings.Builder, v float64) {
	b.WriteString(strconv.FormatFloat(v, 'f', 1, 64))
}

// Figure returns the explorable's figure for settings s as HTML: an SVG of
// the paths over the surface's contours and of their loss, a legend and
// the notes. It returns an error for settings Run refuses.
func (e *Explorable) Figure(s Settings) (string, error) {
	r, err := e.Run(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(`<figure class="nncourse-figure" style="margin:0;font:13px/1.5 sans-serif">`)
	height := figureH
	if len(e.maps) > 0 {
		height = mapTop + mapH + 40
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" style="max-width:100%%;height:auto" role="img" font-family="sans-serif" font-size="11">`,
		figureW, height, figureW, height)
	fmt.Fprintf(&b, `<text x="%d" y="16" font-size="13">%s</text>`, contourLeft, html.EscapeString(r.Title))
	e.drawContours(&b, r)
	drawLoss(&b, r, e.Steps, e.Name)
	e.drawMaps(&b, s)
	b.WriteString(`</svg><figcaption>`)
	for i, p := range r.Paths {
		label := p.Name
		if p.Diverged {
			label += fmt.Sprintf(" (diverged, cut at step %d)", len(p.Points)-1)
		} else {
			label += fmt.Sprintf(": f = %.3g after %d steps", p.Loss[len(p.Loss)-1], len(p.Points)-1)
		}
		fmt.Fprintf(&b, `<span class="nncourse-key" style="color:%s">&#9473;&#9473; %s</span> `, palette[i%len(palette)], html.EscapeString(label))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, `<br>%s`, html.EscapeString(n))
	}
	b.WriteString(`</figcaption></figure>`)
	return b.String(), nil
}

// drawContours draws the surface's contour lines, its minima, the start and
// the paths, clipped to the panel.
func (e *Explorable) drawContours(b *strings.Builder, r Result) {
	xmin, xmax, ymin, ymax := e.Surface.Bounds()
	f := frame{contourLeft, panelTop, contourW, panelH, xmin, xmax, ymin, ymax}
	clip := "nncourse-clip-" + e.Name
	fmt.Fprintf(b, `<clipPath id="%s"><rect x="%g" y="%g" width="%g" height="%g"/></clipPath>`, clip, f.left, f.top, f.w, f.h)
	axes(b, f, false)
	fmt.Fprintf(b, `<g clip-path="url(#%s)">`, clip)
	e.contoursOnce.Do(func() { e.contours = contourPath(e.Surface, f) })
	b.WriteString(e.contours)
	for _, m := range e.Surface.Minima() {
		fmt.Fprintf(b, `<path stroke="#000" stroke-width="1.5" d="M%.1f %.1fl8 8m0 -8l-8 8"/>`, f.x(m[0])-4, f.y(m[1])-4)
	}
	for i, p := range r.Paths {
		color := palette[i%len(palette)]
		fmt.Fprintf(b, `<polyline class="nncourse-path" data-name="%s" data-points="%s" fill="none" stroke="%s" stroke-width="1.6" stroke-opacity="0.85" points="`,
			html.EscapeString(p.Name), p.PointsText(), color)
		for j, pt := range p.Points {
			if j > 0 {
				b.WriteString(" ")
			}
			num(b, clampPx(f.x(pt[0])))
			b.WriteString(",")
			num(b, clampPx(f.y(pt[1])))
		}
		b.WriteString(`"/>`)
	}
	fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="4" fill="#000"/>`, f.x(e.Start[0]), f.y(e.Start[1]))
	b.WriteString(`</g>`)
}

// contourPath returns the SVG path of s's contour lines in frame f.
func contourPath(s datasets.Surface, f frame) string {
	var b strings.Builder
	b.WriteString(`<path fill="none" stroke="#bbb" stroke-width="0.8" d="`)
	for _, seg := range contourSegments(s, 80, 12) {
		b.WriteString("M")
		num(&b, f.x(seg[0]))
		b.WriteString(" ")
		num(&b, f.y(seg[1]))
		b.WriteString("L")
		num(&b, f.x(seg[2]))
		b.WriteString(" ")
		num(&b, f.y(seg[3]))
	}
	b.WriteString(`"/>`)
	return b.String()
}

// mapFrame returns the frame of rate map i: the first knob across, the
// second up.
func (e *Explorable) mapFrame(i int) frame {
	x, y := e.Knobs[0], e.Knobs[1]
	return frame{contourLeft + float64(i)*(mapW+110), mapTop, mapW, mapH, x.Min, x.Max, y.Min, y.Max}
}

// drawMaps draws the rate maps, if any, and marks the knobs' values on
// them with ρ there.
func (e *Explorable) drawMaps(b *strings.Builder, s Settings) {
	if len(e.maps) == 0 {
		return
	}
	e.mapCellsOnce.Do(func() { e.mapCells = e.mapCellsSVG() })
	b.WriteString(e.mapCells)
	kx, ky := e.Knobs[0], e.Knobs[1]
	px, py := kx.Default, ky.Default
	if v, ok := s[kx.Key]; ok {
		px = v
	}
	if v, ok := s[ky.Key]; ok {
		py = v
	}
	for i, m := range e.maps {
		f := e.mapFrame(i)
		rho := m.rate(kx.Value(px), ky.Value(py))
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="4" fill="none" stroke="#d00" stroke-width="2"/>`, f.x(px), f.y(py))
		fmt.Fprintf(b, `<text x="%g" y="%g">%s: ρ = %.4g per step at %s = %s, %s = %s</text>`, f.left, f.top-6,
			html.EscapeString(m.label), rho, kx.Label, kx.Text(px), ky.Label, ky.Text(py))
	}
}

// mapCellsSVG draws the maps' cells, coloured by ρ — the darker, the
// faster (1 − ρ from 10⁻³ to 1 on a log scale), pink where ρ ≥ 1 — a
// rectangle per run of one colour in a row, with their axes.
func (e *Explorable) mapCellsSVG() string {
	var b strings.Builder
	kx, ky := e.Knobs[0], e.Knobs[1]
	for i, m := range e.maps {
		f := e.mapFrame(i)
		cw, ch := f.w/mapCols, f.h/mapRows
		for r := range mapRows {
			y := f.ymin + (float64(r)+0.5)*(f.ymax-f.ymin)/mapRows
			colors := make([]string, mapCols)
			for c := range colors {
				x := f.xmin + (float64(c)+0.5)*(f.xmax-f.xmin)/mapCols
				colors[c] = rateColor(m.rate(kx.Value(x), ky.Value(y)))
			}
			for c := 0; c < mapCols; { // one rectangle per run of a colour
				run := c + 1
				for run < mapCols && colors[run] == colors[c] {
					run++
				}
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.2f" height="%.2f" fill="%s"/>`,
					f.left+float64(c)*cw, f.top+f.h-float64(r+1)*ch, float64(run-c)*cw+0.3, ch+0.3, colors[c])
				c = run
			}
		}
		axes(&b, f, false)
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">%s</text>`, f.left+f.w/2, f.top+f.h+30, kx.Label)
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">%s</text>`, f.left-24, f.top+f.h/2, ky.Label)
	}
	return b.String()
}

// rateColor shades ρ < 1 in 12 bands from white (1 − ρ = 10⁻³) to dark
// blue (1 − ρ = 1), a band per quarter decade; ρ ≥ 1 is pink.
func rateColor(rho float64) string {
	if !(rho < 1) {
		return "#f6c6c6"
	}
	t := math.Min(1, math.Max(0, math.Round(4*(math.Log10(1-rho)+3))/12))
	mix := func(a, b float64) int { return int(math.Round(a + t*(b-a))) }
	return fmt.Sprintf("#%02x%02x%02x", mix(247, 8), mix(251, 48), mix(255, 107))
}

// drawLoss draws each path's loss against the step on a log axis.
func drawLoss(b *strings.Builder, r Result, steps int, name string) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range r.Paths {
		for _, l := range p.Loss {
			l = math.Log10(math.Max(l, lossFloor))
			lo, hi = math.Min(lo, l), math.Max(hi, l)
		}
	}
	lo, hi = math.Floor(lo), math.Ceil(hi)
	if hi <= lo {
		hi = lo + 1
	}
	f := frame{lossLeft, panelTop, lossW, panelH, 0, float64(steps), lo, hi}
	axes(b, f, true)
	fmt.Fprintf(b, `<text x="%g" y="%g" text-anchor="middle">step</text>`, f.left+f.w/2, f.top+f.h+30)
	fmt.Fprintf(b, `<text x="%g" y="%g">f(w), log scale</text>`, f.left, f.top-6)
	clip := "nncourse-clip-loss-" + name
	fmt.Fprintf(b, `<clipPath id="%s"><rect x="%g" y="%g" width="%g" height="%g"/></clipPath><g clip-path="url(#%s)">`,
		clip, f.left, f.top, f.w, f.h, clip)
	for i, p := range r.Paths {
		fmt.Fprintf(b, `<polyline fill="none" stroke="%s" stroke-width="1.4" points="`, palette[i%len(palette)])
		for t, l := range p.Loss {
			if t > 0 {
				b.WriteString(" ")
			}
			num(b, f.x(float64(t)))
			b.WriteString(",")
			num(b, f.y(math.Log10(math.Max(l, lossFloor))))
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</g>`)
}

// axes draws the panel's frame and ticks; with logY the y range is in
// decades and the ticks sit at round values (logTicks).
func axes(b *strings.Builder, f frame, logY bool) {
	fmt.Fprintf(b, `<rect x="%g" y="%g" width="%g" height="%g" fill="none" stroke="#444"/>`, f.left, f.top, f.w, f.h)
	for _, t := range ticks(f.xmin, f.xmax, 5) {
		x := f.x(t)
		fmt.Fprintf(b, `<path stroke="#444" d="M%.1f %gv5"/><text x="%.1f" y="%g" text-anchor="middle">%s</text>`,
			x, f.top+f.h, x, f.top+f.h+16, strconv.FormatFloat(t, 'g', 4, 64))
	}
	yTicks, label := ticks(f.ymin, f.ymax, 6), func(t float64) string { return strconv.FormatFloat(t, 'g', 4, 64) }
	if logY {
		yTicks, label = logTicks(f.ymin, f.ymax, 6), logLabel
	}
	for _, t := range yTicks {
		y := f.y(t)
		label := label(t)
		fmt.Fprintf(b, `<path stroke="#444" d="M%g %.1fh-5"/><text x="%g" y="%.1f" text-anchor="end" dominant-baseline="middle">%s</text>`,
			f.left, y, f.left-7, y, label)
	}
}

// ticks returns about n round values (1, 2 or 5 times a power of ten
// apart) covering [lo, hi].
func ticks(lo, hi float64, n int) []float64 {
	raw := (hi - lo) / float64(n)
	step := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*step >= raw {
			step *= m
			break
		}
	}
	var out []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		out = append(out, math.Round(t/step)*step)
	}
	return out
}

// logTicks returns the log₁₀ of round values covering [lo, hi] (in
// decades): whole powers of ten over three decades or more, else 1, 2 and
// 5 times each power of ten, so that the labels read 0.1, 0.2, 0.5, 1, ….
func logTicks(lo, hi float64, n int) []float64 {
	if hi-lo >= 3 {
		return ticks(lo, hi, min(n, int(hi-lo)))
	}
	var out []float64
	for d := math.Ceil(lo); d <= hi; d++ {
		for _, m := range []float64{1, 2, 5} {
			if t := d + math.Log10(m); t <= hi+1e-9 {
				out = append(out, t)
			}
		}
	}
	return out
}

// logLabel labels the tick at log₁₀ value t: 0.2 or 50 near 1, 1e-8 or
// 2e-8 far from it.
func logLabel(t float64) string {
	if math.Abs(t) < 3.5 {
		return strconv.FormatFloat(math.Pow(10, t), 'g', 4, 64)
	}
	decade := math.Floor(t + 1e-9)
	return strconv.FormatFloat(math.Round(math.Pow(10, t-decade)), 'g', 4, 64) + "e" + strconv.Itoa(int(decade))
}
