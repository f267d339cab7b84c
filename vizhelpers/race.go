package vizhelpers

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RaceOptions configures Race. The zero value is a usable default.
type RaceOptions struct {
	Title         string
	Width, Height int        // pixels; default 640 × 440
	Frames        int        // default 80 (fewer when the longest trajectory is shorter)
	Delay         int        // per frame, in 1/100 s; default 6
	Hold          int        // on the last frame, in 1/100 s; default 250
	Trail         int        // frames of history drawn in full colour behind the head; default 4
	HeatMap       bool       // colour map under the contours, as in Contour
	Scale         LevelScale // contour spacing, as in Contour
}

func (o RaceOptions) withDefaults() RaceOptions {
	o.Width, o.Height = cmpOr(o.Width, 640), cmpOr(o.Height, 440)
	o.Frames, o.Delay, o.Hold, o.Trail = cmpOr(o.Frames, 80), cmpOr(o.Delay, 6), cmpOr(o.Hold, 250), cmpOr(o.Trail, 4)
	return o
}

// cmpOr returns v, or def when v is zero.
func cmpOr(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// trailFades are the lightenings of a trajectory's colour by age: the last
// Trail frames in full colour, then ever lighter (ages up to 3, 7 and more
// times Trail), the oldest steps faint.
var trailFades = [...]float64{0, 0.3, 0.5, 0.65}

// Race animates optimizers racing on s in the style of Alec Radford's
// animations: every trajectory advances one frame at a time on a contour
// map, its head a dot, its trail fading with age; a thin bar at the bottom
// shows the progress. Frame f shows iterate round(f·(n−1)/(F−1)) of the
// longest trajectory (n iterates, F frames); shorter or diverged ones stop.
//
// Frames after the first store only the pixels that changed (the rest is
// transparent), which keeps a 80-frame race around a few hundred kB.
// The animation keeps an error (Animation.Err) if no trajectory has a point
// or if there are more than 40 trajectories (the 256-colour palette must
// hold their shades).
func Race(s Surface, opts RaceOptions, trajs ...Trajectory) *Animation {
	o := opts.withDefaults()
	if len(trajs) > 40 {
		return &Animation{err: fmt.Errorf("vizhelpers: Race: %d trajectories, at most 40 fit the GIF palette", len(trajs))}
	}
	longest := 0
	for _, t := range trajs {
		longest = max(longest, len(t.finite()))
	}
	if longest == 0 {
		return &Animation{err: fmt.Errorf("vizhelpers: Race: no trajectory has a finite point")}
	}

	bg, toPixel, area := raceBackground(s, o, trajs)
	// Palette: transparent, black, the shades of each trajectory, then the background's colours.
	pal := color.Palette{color.RGBA{}, color.Black}
	for i, t := range trajs {
		for _, f := range trailFades {
			pal = append(pal, lighten(pick(t.Color, i), f))
		}
	}
	fixed := len(pal)
	pal = append(pal, popularPalette(bg, 256-fixed)...)
	// Every entry but the transparent one may take background pixels, so the
	// legend's swatches keep their trajectory's exact colour.
	base := quantize(bg, pal, 1, len(pal))

	frames := min(o.Frames, longest)
	trail := max(1, o.Trail*(longest-1)/max(1, frames-1)) // Trail frames, in iterates
	g := &gif.GIF{Config: image.Config{ColorModel: pal, Width: o.Width, Height: o.Height}}
	var prev *image.Paletted
	for f := range frames {
		step := 0
		if frames > 1 {
			step = int(math.Round(float64(f) * float64(longest-1) / float64(frames-1)))
		}
		img := image.NewPaletted(base.Rect, pal)
		copy(img.Pix, base.Pix)
		plotArea := img.SubImage(area).(*image.Paletted)
		for i, t := range trajs {
			drawTrail(plotArea, t.finite(), step, trail, toPixel, uint8(2+len(trailFades)*i))
		}
		bar := (o.Width - 1) * (f + 1) / frames
		for x := 0; x <= bar; x++ {
			img.Pix[img.PixOffset(x, o.Height-3)], img.Pix[img.PixOffset(x, o.Height-2)] = 1, 1
		}
		delay := o.Delay
		if f == frames-1 {
			delay = o.Hold
		}
		g.Image = append(g.Image, changedPixels(prev, img))
		g.Delay = append(g.Delay, delay)
		g.Disposal = append(g.Disposal, gif.DisposalNone)
		prev = img
	}
	return &Animation{GIF: g}
}

// drawTrail draws pts[0..step] as a fading trail ending in a dot; shade is
// the palette index of the trajectory's full colour, shade+k its k-th fade.
func drawTrail(img *image.Paletted, pts [][2]float64, step, trail int, toPixel func([2]float64) [2]float64, shade uint8) {
	last := min(step, len(pts)-1)
	for j := 1; j <= last; j++ {
		age := last - j
		fade := 0 // ages below trail, 3·trail and 7·trail get fades 0, 1 and 2
		for limit := trail; age >= limit && fade < len(trailFades)-1; limit = 2*limit + trail {
			fade++
		}
		width := 3.0
		if fade > 0 {
			width = 2
		}
		strokeSegment(img, toPixel(pts[j-1]), toPixel(pts[j]), width, shade+uint8(fade))
	}
	head := toPixel(pts[last])
	stampDisk(img, head[0], head[1], 5.5, 1)
	stampDisk(img, head[0], head[1], 4.2, shade)
}

// changedPixels returns cur itself when prev is nil, and otherwise the
// smallest rectangle of cur covering every pixel that differs from prev, with
// the unchanged pixels in it set to the transparent index 0.
func changedPixels(prev, cur *image.Paletted) *image.Paletted {
	if prev == nil {
		return cur
	}
	box := image.Rectangle{}
	for y := cur.Rect.Min.Y; y < cur.Rect.Max.Y; y++ {
		for x := cur.Rect.Min.X; x < cur.Rect.Max.X; x++ {
			if i := cur.PixOffset(x, y); cur.Pix[i] != prev.Pix[i] {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if box.Empty() {
		box = image.Rect(0, 0, 1, 1) // GIF frames cannot be empty
	}
	out := image.NewPaletted(box, cur.Palette)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if i := cur.PixOffset(x, y); cur.Pix[i] != prev.Pix[i] {
				out.Pix[out.PixOffset(x, y)] = cur.Pix[i]
			}
		}
	}
	return out
}

// raceBackground renders the contour map with a legend entry per trajectory
// and returns it with the map from surface coordinates to image pixels and
// the rectangle of the data area.
func raceBackground(s Surface, o RaceOptions, trajs []Trajectory) (*image.RGBA, func([2]float64) [2]float64, image.Rectangle) {
	c := Contour(s, ContourOptions{Title: o.Title, HeatMap: o.HeatMap, Scale: o.Scale})
	for i, t := range trajs {
		c.AddLegend(t.Name, &plotter.Line{LineStyle: draw.LineStyle{Color: pick(t.Color, i), Width: vg.Points(3)}})
	}
	capture := &transformCapture{}
	c.Plot.Add(capture)
	c.Width, c.Height = vg.Length(o.Width)*vg.Inch/vg.Length(c.DPI), vg.Length(o.Height)*vg.Inch/vg.Length(c.DPI)
	img := c.Image()
	scale := float64(c.DPI) / float64(vg.Inch)
	h := float64(img.Bounds().Dy())
	toPixel := func(p [2]float64) [2]float64 {
		return [2]float64{float64(capture.x(p[0])) * scale, h - float64(capture.y(p[1]))*scale}
	}
	r := capture.area
	area := image.Rect(int(float64(r.Min.X)*scale), int(h-float64(r.Max.Y)*scale), int(float64(r.Max.X)*scale)+1, int(h-float64(r.Min.Y)*scale)+1)
	return img, toPixel, area.Intersect(img.Bounds())
}

// transformCapture is an invisible plotter that records the data-to-canvas
// transforms and data area of the plot it is drawn in.
type transformCapture struct {
	x, y func(float64) vg.Length
	area vg.Rectangle
}

// Plot records the transforms and the data area.
func (t *transformCapture) Plot(dc draw.Canvas, p *plot.Plot) {
	t.x, t.y = p.Transforms(&dc)
	t.area = dc.Rectangle
}

// Animation is an animated GIF built by Race, or the error that kept it
// from being built (Err), which Bytes and HTML return and Show prints.
type Animation struct {
	GIF *gif.GIF
	err error
}

// Err returns why the animation could not be built, or nil.
func (a *Animation) Err() error { return a.err }

// Bytes encodes the animation as a GIF file.
func (a *Animation) Bytes() ([]byte, error) {
	if a.err != nil {
		return nil, a.err
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, a.GIF); err != nil {
		return nil, fmt.Errorf("vizhelpers: encoding GIF: %w", err)
	}
	return buf.Bytes(), nil
}

// HTML returns an <img> element holding the animation as a base64 data
// URI: it plays in JupyterLab and in a notebook exported to HTML alike.
func (a *Animation) HTML() (string, error) {
	data, err := a.Bytes()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`<img alt="animation" style="max-width:100%%" src="data:image/gif;base64,%s">`, base64Std(data)), nil
}
