package vizhelpers

import (
	"image/color"
	"math"
	"strings"
	"testing"
)

// TestHeatMapBandsAndCurve draws z = x·y on [0, 1]² with a band edge every
// 0.25 and the curve x = 0.5 on top: a cell's pixels take its band's colour,
// values at or above the last edge (and NaN) the Over colour, and the curve
// its own colour.
func TestHeatMapBandsAndCurve(t *testing.T) {
	xs, ys := grid(0.05, 1.25, 25), grid(0.05, 0.95, 19)
	z := make([][]float64, len(ys))
	for r, y := range ys {
		for _, x := range xs {
			z[r] = append(z[r], x*y)
		}
	}
	z[0][0] = math.NaN()
	curve := Series{Name: "x = 0.5", X: []float64{0.5, 0.5}, Y: []float64{0, 1}, Color: Color(1)}
	c := HeatMap(HeatMapOptions{Title: "x·y", Levels: []float64{0, 0.25, 0.5, 0.75, 1}}, xs, ys, z, curve)
	img, px := render(t, c)
	bands := viridis(4)
	for i, tc := range []struct {
		x, y float64
		want color.Color
	}{
		{0.2, 0.2, bands[0]},         // 0.04
		{0.9, 0.4, bands[1]},         // 0.36
		{0.8, 0.8, bands[2]},         // 0.64
		{1.2, 0.7, bands[3]},         // 0.84
		{1.2, 0.9, color.Gray{0xdd}}, // 1.08: over
		{0.05, 0.05, color.Gray{0xdd}},
		{0.5, 0.6, Color(1)}, // the curve
	} {
		x, y := px(tc.x, tc.y)
		if !near(img, x, y, 1, tc.want, 6) {
			t.Errorf("%d: pixel at (%g, %g) is %v, want %v", i, tc.x, tc.y, img.At(x, y), tc.want)
		}
	}
	want := []string{"x = 0.5", "≥ 1", "0.75 – 1", "0.5 – 0.75", "0.25 – 0.5", "0 – 0.25"}
	if strings.Join(c.legendNames, "|") != strings.Join(want, "|") {
		t.Errorf("legend %q, want %q", c.legendNames, want)
	}
}

func TestHeatMapErrors(t *testing.T) {
	xs, ys := []float64{1, 2, 3}, []float64{1, 2}
	z := [][]float64{{1, 2, 3}, {4, 5, 6}}
	for i, tc := range []struct {
		xs, ys, levels []float64
		z              [][]float64
		curve          Series
		err            string
	}{
		{xs, ys, nil, z, Series{X: []float64{1}, Y: []float64{1}}, ""},
		{xs, ys, nil, z[:1], Series{}, "1 rows of values for 2 y values"},
		{xs, ys, nil, [][]float64{{1, 2}, {3, 4}}, Series{}, "row 0 has 2 values for 3 x values"},
		{[]float64{1, 1, 2}, ys, nil, z, Series{}, "x grid not increasing at 1"},
		{xs, []float64{1}, nil, z[:1], Series{}, "y grid has 1 values"},
		{xs, ys, []float64{1, 0}, z, Series{}, "levels not increasing"},
		{xs, ys, nil, z, Series{Name: "c", X: []float64{1}, Y: []float64{1, 2}}, `curve "c" has 1 x and 2 y values`},
		{xs, ys, nil, z, Series{Name: "c", Y: []float64{1, 2}}, `curve "c" has 0 x and 2 y values`},
	} {
		var curves []Series
		if tc.curve.Y != nil {
			curves = append(curves, tc.curve)
		}
		err := HeatMap(HeatMapOptions{Levels: tc.levels}, tc.xs, tc.ys, tc.z, curves...).Err()
		if (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%d: error %v, want %q", i, err, tc.err)
		}
	}
}

// TestViridisDarkToLight: the bands get lighter from first to last, so
// their order survives greyscale and colour-blind viewing.
func TestViridisDarkToLight(t *testing.T) {
	luma := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		return 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
	}
	cs := viridis(10)
	for i := 1; i < len(cs); i++ {
		if luma(cs[i]) <= luma(cs[i-1]) {
			t.Errorf("band %d (%v) not lighter than band %d (%v)", i, cs[i], i-1, cs[i-1])
		}
	}
	if cs[0] != color.Color(viridisAnchors[0]) || cs[9] != color.Color(viridisAnchors[4]) {
		t.Errorf("ends %v, %v; want viridis' ends", cs[0], cs[9])
	}
}

// grid returns n evenly spaced values from lo to hi.
func grid(lo, hi float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	return v
}
