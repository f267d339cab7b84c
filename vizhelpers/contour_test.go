package vizhelpers

import (
	"image/color"
	"math"
	"testing"
)

func TestContourDrawsTrajectoriesAndMinimum(t *testing.T) {
	sgd := descend(bowl{}, -9, 3, 0.9, 0, 40)
	mom := descend(bowl{}, -9, 3, 0.1, 0.9, 60)
	c := Contour(bowl{}, ContourOptions{Title: "bowl"}, Trajectory{Name: "SGD", Points: sgd}, Trajectory{Name: "Momentum", Points: mom})
	img, toPixel := render(t, c)
	checkGolden(t, "contour_bowl.png", img)

	// A point in the middle of each path (the middle of a segment, not a
	// vertex shared with the other path) has the trajectory's colour.
	for i, pts := range [][][2]float64{sgd, mom} {
		a, b := pts[3], pts[4]
		x, y := toPixel((a[0]+b[0])/2, (a[1]+b[1])/2)
		if !near(img, x, y, 2, Color(i), 40) {
			t.Errorf("trajectory %d: no pixel of colour %v near (%d, %d)", i, Color(i), x, y)
		}
	}
	x, y := toPixel(0, 0)
	if !near(img, x+3, y+3, 2, color.Black, 60) {
		t.Errorf("minimum marker: no black pixel near (%d, %d)", x+3, y+3)
	}
	if n := distinctColors(img); n < 50 {
		t.Errorf("image has %d distinct colours, looks blank", n)
	}
}

func TestContourKeepsBoundsWhenDiverging(t *testing.T) {
	diverged := [][2]float64{{-9, 3}, {20, -30}, {-400, 900}, {math.Inf(1), 0}, {1, 1}}
	c := Contour(bowl{}, ContourOptions{HeatMap: true}, Trajectory{Name: "diverged", Points: diverged})
	if _, err := c.PNG(); err != nil {
		t.Fatal(err)
	}
	p := c.Plot
	if p.X.Min != -10 || p.X.Max != 10 || p.Y.Min != -4 || p.Y.Max != 4 {
		t.Errorf("axes [%g, %g] × [%g, %g], want the surface bounds [-10, 10] × [-4, 4]", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
}

func TestGridLevels(t *testing.T) {
	g := SampleGrid(beale{}, 60, 60)
	if !g.needsLogScale() {
		t.Errorf("Beale's grid should need a log scale")
	}
	if SampleGrid(bowl{}, 60, 60).needsLogScale() {
		t.Errorf("the bowl's grid should not need a log scale")
	}
	lo, hi := g.Range()
	for _, logScale := range []bool{false, true} {
		levels := g.levels(10, logScale)
		if len(levels) != 10 {
			t.Fatalf("log=%v: %d levels, want 10", logScale, len(levels))
		}
		for i, l := range levels {
			if l <= lo || l >= hi || (i > 0 && l <= levels[i-1]) {
				t.Errorf("log=%v: level %d = %g not increasing inside (%g, %g)", logScale, i, l, lo, hi)
			}
		}
	}
	// Log levels crowd towards the minimum: the median level is far below the middle of the range.
	if mid := g.levels(10, true)[5]; mid > lo+(hi-lo)/20 {
		t.Errorf("log level 5 = %g, want below %g", mid, lo+(hi-lo)/20)
	}
}

func TestSampleGridReplacesNonFinite(t *testing.T) {
	g := SampleGrid(poles{}, 5, 5)
	lo, hi := g.Range()
	if math.IsInf(hi, 0) || math.IsNaN(hi) || math.IsNaN(lo) {
		t.Errorf("range [%g, %g] is not finite", lo, hi)
	}
}

// poles is 1/(x·y): infinite on the axes.
type poles struct{}

func (poles) Value(x, y float64) float64                   { return 1 / (x * y) }
func (poles) Bounds() (float64, float64, float64, float64) { return -1, 1, -1, 1 }

// TestContourCutsFarPoints checks that a path that shoots far off (|y| ~ 1e28,
// still finite) draws nothing below the frame: gonum's clipping of such
// coordinates used to leave a stray vertical line over the x-axis labels.
func TestContourCutsFarPoints(t *testing.T) {
	// A diverging run: y grows ×(−3) a step, to 5e28 after 60 steps.
	var far [][2]float64
	for k, x, y := 0, -1.8, 1.2; k < 60; k, x, y = k+1, 0.86*x, -3*y {
		far = append(far, [2]float64{x, y})
	}
	c := Contour(bowl{}, ContourOptions{}, Trajectory{Name: "diverged", Points: far, Color: color.RGBA{R: 255, A: 255}})
	img, toPixel := render(t, c)
	xl, bottom := toPixel(-10, -4)
	xr, _ := toPixel(10, -4)
	for y := bottom + 4; y < img.Bounds().Max.Y; y++ {
		for x := xl; x <= xr; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r>>8 > 200 && g>>8 < 80 && b>>8 < 80 {
				t.Fatalf("trajectory colour at (%d, %d), below the frame (bottom row %d)", x, y, bottom)
			}
		}
	}
	a, b := far[0], far[1]
	if x, y := toPixel((a[0]+b[0])/2, (a[1]+b[1])/2); !near(img, x, y, 2, color.RGBA{R: 255, A: 255}, 40) {
		t.Errorf("the part of the path inside the frame is not drawn near (%d, %d)", x, y)
	}
}
