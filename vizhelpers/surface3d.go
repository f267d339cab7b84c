package vizhelpers

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// SurfaceOptions configures SurfaceView. The zero value is a usable default.
type SurfaceOptions struct {
	Title string
	// Azimuth and Elevation place the camera, in degrees: azimuth turns the
	// surface about the vertical axis, elevation tilts the view from the side
	// (0°) towards the top (90°). Defaults: −55° and 30°.
	Azimuth, Elevation float64
	Resolution         int     // grid lines per side; default 32
	ZScale             float64 // height of the surface relative to its width; default 0.6
	// Axis labels; defaults "x", "y" and "f(x, y)".
	XLabel, YLabel, ZLabel string
}

// camera projects surface points to the screen of a SurfaceView. x and y are
// first normalised to [−1, 1] and f to [0, ZScale]; the point is turned by the
// azimuth a about the vertical and seen from elevation e:
//
//	x_r = x·cos a − y·sin a,  y_r = x·sin a + y·cos a
//	screen = (x_r, y_r·sin e + z·cos e),  nearness = −y_r·cos e + z·sin e
type camera struct {
	x0, xs, y0, ys, z0, zs float64 // normalisation offsets and scales
	cosA, sinA, cosE, sinE float64
	value                  func(x, y float64) float64
}

func newCamera(s Surface, g *Grid, o SurfaceOptions) camera {
	xmin, xmax, ymin, ymax := s.Bounds()
	lo, hi := g.Range()
	zs := o.ZScale / math.Max(hi-lo, 1e-300)
	a, e := o.Azimuth*math.Pi/180, o.Elevation*math.Pi/180
	return camera{
		x0: (xmin + xmax) / 2, xs: 2 / (xmax - xmin), y0: (ymin + ymax) / 2, ys: 2 / (ymax - ymin), z0: lo, zs: zs,
		cosA: math.Cos(a), sinA: math.Sin(a), cosE: math.Cos(e), sinE: math.Sin(e), value: s.Value,
	}
}

// project returns the screen position and nearness of the point (x, y, z).
func (c camera) project(x, y, z float64) (sx, sy, near float64) {
	x, y, z = (x-c.x0)*c.xs, (y-c.y0)*c.ys, (z-c.z0)*c.zs
	xr, yr := x*c.cosA-y*c.sinA, x*c.sinA+y*c.cosA
	return xr, yr*c.sinE + z*c.cosE, -yr*c.cosE + z*c.sinE
}

// onSurface projects (x, y, f(x, y)), for trajectories drawn on the surface.
func (c camera) onSurface(x, y float64) (float64, float64) {
	sx, sy, _ := c.project(x, y, c.value(x, y))
	return sx, sy
}

// quad is one projected grid cell, filled with its colour.
type quad struct {
	pts  [4][2]float64
	near float64
	fill color.Color
}

// quads is a painter's-algorithm surface: cells drawn from the farthest to
// the nearest, each outlined, so that nearer cells hide farther ones.
type quads []quad

// Plot draws the cells.
func (qs quads) Plot(dc draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&dc)
	edge := draw.LineStyle{Color: color.Gray{0x50}, Width: vg.Points(0.4)}
	for _, q := range qs {
		poly := make([]vg.Point, 5)
		for i := range 5 {
			pt := q.pts[i%4]
			poly[i] = vg.Point{X: trX(pt[0]), Y: trY(pt[1])}
		}
		dc.FillPolygon(q.fill, poly[:4])
		dc.StrokeLines(edge, poly)
	}
}

// DataRange returns the bounding box of the projected cells.
func (qs quads) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, q := range qs {
		for _, p := range q.pts {
			xmin, xmax = math.Min(xmin, p[0]), math.Max(xmax, p[0])
			ymin, ymax = math.Min(ymin, p[1]), math.Max(ymax, p[1])
		}
	}
	return xmin, xmax, ymin, ymax
}

// SurfaceView draws s as a shaded 3-D wireframe seen from the camera in opts
// (the projection is done here, by hand, with the painter's algorithm), with
// the trajectories drawn on the surface and the minima marked, and x, y and
// f axes with ticks at round values along the floor's front edges. It is meant
// for shapes a contour map hides, such as a saddle; trajectories are drawn
// on top, even where the surface would hide them, and end where they
// leave the surface's bounds.
func SurfaceView(s Surface, opts SurfaceOptions, trajs ...Trajectory) *Chart {
	if opts.Azimuth == 0 && opts.Elevation == 0 {
		opts.Azimuth, opts.Elevation = -55, 30
	}
	if opts.Resolution == 0 {
		opts.Resolution = 32
	}
	if opts.ZScale == 0 {
		opts.ZScale = 0.6
	}
	g := SampleGrid(s, opts.Resolution, opts.Resolution)
	cam := newCamera(s, g, opts)
	lo, hi := g.Range()
	pal := surfacePalette(64, 0.15)
	var qs quads
	nx, ny := g.Dims()
	for r := range ny - 1 {
		for c := range nx - 1 {
			var q quad
			var zsum, near float64
			for i, cr := range [4][2]int{{c, r}, {c + 1, r}, {c + 1, r + 1}, {c, r + 1}} {
				z := g.Z(cr[0], cr[1])
				sx, sy, n := cam.project(g.X(cr[0]), g.Y(cr[1]), z)
				q.pts[i] = [2]float64{sx, sy}
				zsum += z
				near += n
			}
			q.near = near / 4
			q.fill = pal[int(math.Round((zsum/4-lo)/math.Max(hi-lo, 1e-300)*float64(len(pal)-1)))]
			qs = append(qs, q)
		}
	}
	slices.SortStableFunc(qs, func(a, b quad) int { return cmp.Compare(a.near, b.near) })

	p := newPlot(opts.Title, "", "")
	p.HideAxes()
	c := newChart(p)
	c.Height = c.Width * 0.7
	xmin, xmax, ymin, ymax := s.Bounds()
	p.Add(qs, axes3D{cam: cam, xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax, zmin: lo, zmax: hi,
		xLabel: cmp.Or(opts.XLabel, "x"), yLabel: cmp.Or(opts.YLabel, "y"), zLabel: cmp.Or(opts.ZLabel, "f(x, y)")})
	// The data range of the cells, widened to leave room for the axes' labels.
	x0, x1, y0, y1 := qs.DataRange()
	padX, padY := 0.14*(x1-x0), 0.12*(y1-y0)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = x0-padX, x1+padX, y0-2*padY, y1+padY
	inside := make([]Trajectory, len(trajs))
	for i, t := range trajs {
		inside[i] = t.within(s.Bounds())
		inside[i].Color = pick(t.Color, i)
	}
	addTrajectories(c, cam.onSurface, false, inside)
	addMinima(c, cam.onSurface, minimaOf(s))
	if len(trajs) > 0 {
		startEndLegend(c)
	}
	return c
}

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
