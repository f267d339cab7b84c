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

// axes3D is the frame of a SurfaceView: the x and y axes along the two
// front edges of the floor (the plane z = f_min) and a vertical z axis at
// the left corner, each with ticks at round values and a label.
type axes3D struct {
	cam                    camera
	xmin, xmax, ymin, ymax float64
	zmin, zmax             float64
	xLabel, yLabel, zLabel string
}

// axis3D is one projected axis: from a to b in surface coordinates, with
// the values along it that its ticks mark, and a way to place a value.
type axis3D struct {
	from, to [3]float64
	ticks    []plot.Tick
	at       func(v float64) [3]float64
	label    string
}

// axes returns the three axes, picking the floor edges nearer the camera.
func (ax axes3D) axes() []axis3D {
	near := func(p [3]float64) float64 { _, _, n := ax.cam.project(p[0], p[1], p[2]); return n }
	z := ax.zmin
	yEdge := ax.ymin // the x axis runs along y = yEdge
	if near([3]float64{(ax.xmin + ax.xmax) / 2, ax.ymax, z}) > near([3]float64{(ax.xmin + ax.xmax) / 2, ax.ymin, z}) {
		yEdge = ax.ymax
	}
	xEdge := ax.xmin // the y axis runs along x = xEdge
	if near([3]float64{ax.xmax, (ax.ymin + ax.ymax) / 2, z}) > near([3]float64{ax.xmin, (ax.ymin + ax.ymax) / 2, z}) {
		xEdge = ax.xmax
	}
	// The z axis stands at the floor corner furthest left on the screen.
	corner, left := [2]float64{}, math.Inf(1)
	for _, c := range [][2]float64{{ax.xmin, ax.ymin}, {ax.xmin, ax.ymax}, {ax.xmax, ax.ymin}, {ax.xmax, ax.ymax}} {
		if sx, _, _ := ax.cam.project(c[0], c[1], z); sx < left {
			corner, left = c, sx
		}
	}
	ticks := func(lo, hi float64) []plot.Tick {
		var out []plot.Tick
		for _, t := range (roundTicks{}).Ticks(lo, hi) {
			if t.Label != "" && t.Value >= lo && t.Value <= hi {
				out = append(out, t)
			}
		}
		return out
	}
	return []axis3D{
		{from: [3]float64{ax.xmin, yEdge, z}, to: [3]float64{ax.xmax, yEdge, z}, ticks: ticks(ax.xmin, ax.xmax),
			at: func(v float64) [3]float64 { return [3]float64{v, yEdge, z} }, label: ax.xLabel},
		{from: [3]float64{xEdge, ax.ymin, z}, to: [3]float64{xEdge, ax.ymax, z}, ticks: ticks(ax.ymin, ax.ymax),
			at: func(v float64) [3]float64 { return [3]float64{xEdge, v, z} }, label: ax.yLabel},
		{from: [3]float64{corner[0], corner[1], ax.zmin}, to: [3]float64{corner[0], corner[1], ax.zmax}, ticks: ticks(ax.zmin, ax.zmax),
			at: func(v float64) [3]float64 { return [3]float64{corner[0], corner[1], v} }, label: ax.zLabel},
	}
}

// Plot draws each axis line, its ticks pointing away from the surface's
// centre with their labels beyond, and the axis label past the middle.
func (ax axes3D) Plot(dc draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&dc)
	screen := func(q [3]float64) vg.Point {
		sx, sy, _ := ax.cam.project(q[0], q[1], q[2])
		return vg.Point{X: trX(sx), Y: trY(sy)}
	}
	centre := screen([3]float64{(ax.xmin + ax.xmax) / 2, (ax.ymin + ax.ymax) / 2, ax.zmin})
	line := draw.LineStyle{Color: color.Black, Width: vg.Points(0.8)}
	tickStyle := text.Style{Font: font.From(sans, tickSize), Color: color.Black, Handler: plot.DefaultTextHandler,
		XAlign: draw.XCenter, YAlign: draw.YCenter}
	labelStyle := tickStyle
	labelStyle.Font = font.From(sans, labelSize)
	for i, a := range ax.axes() {
		from, to := screen(a.from), screen(a.to)
		dc.StrokeLine2(line, from.X, from.Y, to.X, to.Y)
		// Outward: away from the floor's centre, or to the left for z.
		mid := vg.Point{X: (from.X + to.X) / 2, Y: (from.Y + to.Y) / 2}
		ox, oy := float64(mid.X-centre.X), float64(mid.Y-centre.Y)
		if i == 2 {
			ox, oy = -1, 0
		}
		n := math.Hypot(ox, oy)
		ox, oy = ox/n, oy/n
		out := func(pt vg.Point, d float64) vg.Point {
			return vg.Point{X: pt.X + vg.Length(ox*d), Y: pt.Y + vg.Length(oy*d)}
		}
		for _, t := range a.ticks {
			at := screen(a.at(t.Value))
			end := out(at, 4)
			dc.StrokeLine2(line, at.X, at.Y, end.X, end.Y)
			dc.FillText(tickStyle, out(at, 13), t.Label)
		}
		if i == 2 { // above the z axis' top
			dc.FillText(labelStyle, vg.Point{X: to.X, Y: to.Y + 14}, a.label)
			continue
		}
		dc.FillText(labelStyle, out(mid, 30), a.label)
	}
}
