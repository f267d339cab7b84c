package demos

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/vizhelpers"
)

// TestWorstRateGridPolyak: on eigenvalues 1 and 20 the worst-case rate is
// smallest at Polyak's (η*, μ*), and every grid point's rate is the slower
// of the two directions.
func TestWorstRateGridPolyak(t *testing.T) {
	eta, mu, rate := Optimal(HeavyBall, 1, 20)
	g := WorstRateGrid(HeavyBall, 1, 20, []float64{0.9 * eta, eta, 1.1 * eta}, []float64{0.9 * mu, mu, 1.1 * mu})
	if math.Abs(g.Rates[1][1]-rate) > 1e-6 {
		t.Errorf("rate at the optimum %g, want %g", g.Rates[1][1], rate)
	}
	for i, row := range g.Rates {
		for j, r := range row {
			if r < rate-1e-9 {
				t.Errorf("(%d, %d): rate %g below the optimum %g", i, j, r, rate)
			}
			if want := max(Rate(HeavyBall, g.Etas[j], g.Mus[i], 1), Rate(HeavyBall, g.Etas[j], g.Mus[i], 20)); r != want {
				t.Errorf("(%d, %d): rate %g, want %g", i, j, r, want)
			}
		}
	}
	if g.Boundary[1] != StabilityLimit(HeavyBall, mu)/20 {
		t.Errorf("boundary %g, want the limit of λmax", g.Boundary[1])
	}
}

// TestBoundaryTable: the library converges just inside each analytic limit
// and diverges just outside it.
func TestBoundaryTable(t *testing.T) {
	tab := BoundaryTable([]float64{0.5, 0.9}, 20, 1000)
	if len(tab.Rows) != 5 {
		t.Fatalf("%d rows, want 5 (SGD once, Momentum and NAG twice)", len(tab.Rows))
	}
	for i, row := range tab.Rows {
		in, err1 := strconv.ParseFloat(row[3], 64)
		out, err2 := strconv.ParseFloat(row[4], 64)
		if err1 != nil || err2 != nil || in > 1e-6 || out < 1e6 {
			t.Errorf("%d: %v: want |w| < 1e-6 inside and > 1e6 outside the limit", i, row)
		}
	}
	if tab.Rows[4][0] != "NAG" || tab.Rows[4][2] != "0.0679" {
		t.Errorf("last row %v, want NAG's limit 0.0679 at μ = 0.9", tab.Rows[4])
	}
}

func TestStabilityNote(t *testing.T) {
	for i, c := range []struct {
		eta  float64
		want string
	}{
		{0.04, "all three stable"},
		{0.08, "diverging: NAG (η ≥ 0.0679)"},
		{0.15, "diverging: SGD (η ≥ 0.1), NAG (η ≥ 0.0679)"},
		{0.19, "diverging: SGD (η ≥ 0.1), Momentum (η ≥ 0.19), NAG (η ≥ 0.0679)"},
	} {
		if got := StabilityNote(c.eta, 0.9, 20); got != c.want {
			t.Errorf("%d: η=%g: %q, want %q", i, c.eta, got, c.want)
		}
	}
}

func TestAxisDistanceAndLinspace(t *testing.T) {
	tr := vizhelpers.Trajectory{Name: "a", Points: [][2]float64{{-2, 1}, {1, -0.5}}}
	if s := AxisDistance(tr, 1); s.Name != "a" || len(s.Y) != 2 || s.Y[0] != 1 || s.Y[1] != 0.5 {
		t.Errorf("AxisDistance %+v, want |y| = 1, 0.5", s)
	}
	if v := Linspace(0, 1, 5); len(v) != 5 || v[0] != 0 || v[2] != 0.5 || v[4] != 1 {
		t.Errorf("Linspace(0, 1, 5) = %v", v)
	}
}

// TestEigenbasisGap: on the bowl ½(x² + 20·y²) turned by 30°, Eigen finds
// the curvatures 1 and 20, and every method's run seen in the eigenbasis is
// the run on the diagonal bowl.
func TestEigenbasisGap(t *testing.T) {
	a := TurnedBowl([2]float64{1, 20}, math.Pi/6)
	if vals, _ := Eigen(a); math.Abs(vals[0]-1) > 1e-12 || math.Abs(vals[1]-20) > 1e-12 {
		t.Errorf("eigenvalues %v, want [1 20]", vals)
	}
	if a[0][1] == 0 {
		t.Errorf("A = %v is diagonal; want it turned", a)
	}
	for _, m := range []Method{GD, HeavyBall, NAG} {
		if gap := EigenbasisGap(m, 0.04, 0.9, a, []float64{-1.8, 1.2}, 100); gap > 1e-12 {
			t.Errorf("%v: gap %g between the turned and the diagonal run, want rounding only", m, gap)
		}
	}
}

func TestSpeedUpTable(t *testing.T) {
	tab := SpeedUpTable(SpeedUp([]float64{100}, 1e-6, 10000), 1e-6)
	want := []string{"100", "10.0", "0.6694", "691", "93", "7.4", "6.91", "9.30"}
	if len(tab.Rows) != 1 || strings.Join(tab.Rows[0], " ") != strings.Join(want, " ") {
		t.Errorf("rows %q, want %q", tab.Rows, want)
	}
	if c := SpeedUpChart(SpeedUp([]float64{10, 100}, 1e-6, 10000)); c.Err() != nil {
		t.Error(c.Err())
	}
}

// TestWellEndsTable names the minimum each run ends in, as TestWellEnds
// finds them.
func TestWellEndsTable(t *testing.T) {
	tab := WellEndsTable([]float64{0.003, 0.01, 0.03, 0.1}, []float64{0, 0.9}, 2, 3000)
	want := [][]string{{"0", "shallow", "shallow", "shallow", "shallow"}, {"0.9", "shallow", "deep", "deep", "shallow"}}
	for i := range want {
		if strings.Join(tab.Rows[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("row %d: %q, want %q", i, tab.Rows[i], want[i])
		}
	}
}

func TestMarkPoint(t *testing.T) {
	g := NewRateGrid(HeavyBall, 20, Linspace(0.01, 0.2, 5), Linspace(0, 0.9, 4))
	c := g.HeatMap("rates")
	MarkPoint(c, [2]float64{0.1, 0.5}, "optimum")
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
	if _, err := c.PNG(); err != nil {
		t.Error(err)
	}
}
