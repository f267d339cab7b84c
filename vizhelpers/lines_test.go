package vizhelpers

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

func TestLineChartErrors(t *testing.T) {
	for i, tc := range []struct {
		opts   LineOptions
		series Series
		want   string // substring of the error, "" for none
	}{
		{LineOptions{}, Series{Name: "ok", Y: []float64{3, 2, 1}}, ""},
		{LineOptions{}, Series{Name: "short x", X: []float64{1, 2}, Y: []float64{3, 2, 1}}, "2 x and 3 y"},
		{LineOptions{LogY: true}, Series{Name: "zero", Y: []float64{3, 0, 1}}, "y[1] = 0"},
		{LineOptions{LogY: true}, Series{Name: "diverged", Y: []float64{3, 1, math.NaN(), -1}}, ""},
	} {
		c := LineChart(tc.opts, tc.series)
		got := ""
		if c.Err() != nil {
			got = c.Err().Error()
		}
		_, pngErr := c.PNG()
		if (tc.want == "") != (c.Err() == nil) || !strings.Contains(got, tc.want) || pngErr != c.Err() {
			t.Errorf("%d: got error %q (PNG: %v), want one containing %q", i, got, pngErr, tc.want)
		}
	}
}

func TestSeriesStopsAtNonFinite(t *testing.T) {
	xys, err := Series{Y: []float64{1, 2, math.Inf(1), 4}}.points(false, false)
	if err != nil || len(xys) != 2 || xys[1].X != 2 || xys[1].Y != 2 {
		t.Errorf("got %v, %v; want 2 points ending at (2, 2)", xys, err)
	}
}

func TestLineChartDrawsSeries(t *testing.T) {
	sgd := Series{Name: "SGD", Y: []float64{2, 1, 0.5, 0.3, 0.2}}
	adam := Series{Name: "Adam", Y: []float64{1, 0.3, 0.1, 0.05, 0.03}}
	c := LineChart(LineOptions{Title: "loss", XLabel: "epoch", YLabel: "loss", LogY: true}, sgd, adam)
	img, toPixel := render(t, c.Resize(5, 3)) // render checks the size: 500 × 300
	for i, s := range []Series{sgd, adam} {
		x, y := toPixel(2.5, math.Sqrt(s.Y[1]*s.Y[2])) // the log-scale midpoint of segment 2–3
		if !near(img, x, y, 2, Color(i), 40) {
			t.Errorf("series %q: no pixel of its colour near (%d, %d)", s.Name, x, y)
		}
	}
}

func TestBarChart(t *testing.T) {
	cats := []string{"SGD", "Momentum", "Adam"}
	if c := BarChart(BarOptions{}, cats, BarGroup{Name: "bad", Values: []float64{1, 2}}); c.Err() == nil {
		t.Errorf("a group with 2 values for 3 categories: no error")
	}
	for _, stacked := range []bool{false, true} {
		c := BarChart(BarOptions{Stacked: stacked, Label: HumanBytes}, cats,
			BarGroup{Name: "parameters", Values: []float64{100, 100, 100}},
			BarGroup{Name: "state", Values: []float64{0, 100, 200}})
		img, toPixel := render(t, c)
		// Adam's "state" bar: centred on category 2 when stacked (from 100 to
		// 300), to the right of it when grouped (from 0 to 200).
		x, y := toPixel(2, 200)
		if !stacked {
			x, y = toPixel(2.15, 100)
		}
		if !near(img, x, y, 2, Color(1), 10) {
			t.Errorf("stacked=%v: no pixel of the state colour near (%d, %d)", stacked, x, y)
		}
	}
}

func TestSurfaceView(t *testing.T) {
	path := descend(saddle{}, 1.4, 0.01, 0.1, 0, 40)
	c := SurfaceView(saddle{}, SurfaceOptions{Title: "saddle"}, Trajectory{Name: "GD", Points: path})
	img, toPixel := render(t, c)
	if n := distinctColors(img); n < 100 {
		t.Errorf("image has %d distinct colours, looks blank", n)
	}
	// The path is drawn on the projected surface: same camera as the defaults.
	cam := newCamera(saddle{}, SampleGrid(saddle{}, 32, 32), SurfaceOptions{Azimuth: -55, Elevation: 30, ZScale: 0.6})
	a, b := path[5], path[6]
	ax, ay := cam.onSurface(a[0], a[1])
	bx, by := cam.onSurface(b[0], b[1])
	if x, y := toPixel((ax+bx)/2, (ay+by)/2); !near(img, x, y, 2, Color(0), 40) {
		t.Errorf("no pixel of the trajectory's colour near (%d, %d)", x, y)
	}
}

func TestCameraTopView(t *testing.T) {
	// Seen from straight above (elevation 90°, azimuth 0°) the screen shows x
	// and y normalised to [−1, 1], and higher points are nearer.
	g := SampleGrid(saddle{}, 5, 5)
	cam := newCamera(saddle{}, g, SurfaceOptions{Azimuth: 0, Elevation: 90, ZScale: 1})
	for i, tc := range [][4]float64{{-1.5, -1.5, -1, -1}, {1.5, 0, 1, 0}, {0, 0.75, 0, 0.5}} {
		sx, sy, _ := cam.project(tc[0], tc[1], 0)
		if math.Abs(sx-tc[2]) > 1e-12 || math.Abs(sy-tc[3]) > 1e-12 {
			t.Errorf("%d: project(%g, %g) = (%g, %g), want (%g, %g)", i, tc[0], tc[1], sx, sy, tc[2], tc[3])
		}
	}
	_, _, low := cam.project(0, 0, -1)
	_, _, high := cam.project(0, 0, 1)
	if !(high > low) {
		t.Errorf("nearness: high point %g, low point %g; want high > low", high, low)
	}
}

func TestSVGFontFallback(t *testing.T) {
	svg, err := LineChart(LineOptions{Title: "t"}, Series{Y: []float64{1, 2}}).SVG()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(svg), "<?xml") || !strings.Contains(string(svg), "font-family:'Liberation Sans',Arial,Helvetica,sans-serif") {
		t.Errorf("SVG lacks the font fallback: %.300s", svg)
	}
}

// TestLogTicksLabels checks that a log axis over many decades is labelled
// 1e-06 … 100, not with the rounding of math.Pow (9.999999999999999e-06).
func TestLogTicksLabels(t *testing.T) {
	for i, tick := range (logTicks{}).Ticks(1e-6, 1e2) {
		if tick.Label == "" {
			continue
		}
		if want := strconv.FormatFloat(tick.Value, 'g', 3, 64); tick.Label != want || len(tick.Label) > 6 {
			t.Errorf("%d: tick %g labelled %q, want %q", i, tick.Value, tick.Label, want)
		}
	}
}

func TestTicks(t *testing.T) {
	for i, tc := range []struct {
		ticker   plot.Ticker
		min, max float64
		want     []string // the non-empty labels
	}{
		{roundTicks{}, 0, 50, []string{"0", "25", "50"}},
		{roundTicks{}, 0, 0.3, []string{"0", "0.15", "0.3"}},
		{ticksEvery(10), 0, 50, []string{"0", "10", "20", "30", "40", "50"}},
		{ticksEvery(10), 0, 250, []string{"0", "30", "60", "90", "120", "150", "180", "210", "240"}},
	} {
		var got []string
		for _, tk := range tc.ticker.Ticks(tc.min, tc.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%d: labels %q, want %q", i, got, tc.want)
		}
	}
}
