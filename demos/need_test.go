package demos

import (
	"math"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// TestParabolaRates checks the factor 1 − η·E″ of one step on the parabola:
// η = 1/E″ lands on the minimum, η = 2.1/E″ moves away by 1.1 per step.
func TestParabolaRates(t *testing.T) {
	r := OneWeight(1)
	best, curv := r.LeastSquares()[0], Curvature(r)
	for i, c := range []struct{ factor, want float64 }{{0.1, 0.9}, {1, 0}, {1.8, -0.8}, {2.1, -1.1}} {
		path := ParabolaPath(r, best-1, c.factor/curv, 3)
		for k := 1; k < len(path); k++ {
			got := (path[k] - best) / (path[k-1] - best)
			if c.want == 0 {
				got = path[k] - best
			}
			if math.Abs(got-c.want) > 1e-9 {
				t.Errorf("%d: factor %g, step %d: ratio %g, want %g", i, c.factor, k, got, c.want)
				break
			}
		}
	}
	if _, err := ParabolaChart(r, "t", ParabolaPath(r, best-1, 2.1/curv, 50), 2).PNG(); err != nil {
		t.Fatal(err)
	}
}

// TestBowlCurvatures checks the eigenvalues against the Hessian's trace and
// determinant, and the condition number the data were made for (about 9).
func TestBowlCurvatures(t *testing.T) {
	r := TwoWeights(1)
	lo, hi := BowlCurvatures(r)
	var a, b, c float64
	for k := range r.Len() {
		x1, x2 := r.X[2*k], r.X[2*k+1]
		a, b, c = a+x1*x1, b+x1*x2, c+x2*x2
	}
	n := float64(r.Len())
	if tr, det := (a+c)/n, (a*c-b*b)/(n*n); math.Abs(lo+hi-tr) > 1e-9 || math.Abs(lo*hi-det) > 1e-9 {
		t.Errorf("eigenvalues %g, %g: sum %g (trace %g), product %g (det %g)", lo, hi, lo+hi, tr, lo*hi, det)
	}
	if k := hi / lo; k < 6 || k > 13 {
		t.Errorf("condition number %g, want about 9", k)
	}
}

func TestAngleTable(t *testing.T) {
	tab := AngleTable([]float64{1, 100}, [2]float64{-1.5, 1})
	circle, long := tab.Rows[0], tab.Rows[1]
	if circle[2] != "0.0°" || circle[5] != "1" {
		t.Errorf("κ = 1: %v, want angle 0.0° and 1 step", circle)
	}
	if long[2] == "0.0°" || long[5] == "1" {
		t.Errorf("κ = 100: %v", long)
	}
}

// TestGradientArrows checks that the solid arrows point along −∇f.
func TestGradientArrows(t *testing.T) {
	s := datasets.Quadratic(10)
	pts := [][2]float64{{-1.5, 1}, {1, -0.5}}
	as := GradientArrows(s, pts, 2, 0.5)
	if len(as) != 4 {
		t.Fatalf("%d arrows, want 4", len(as))
	}
	for i, p := range pts {
		a := as[2*i]
		gx, gy := s.Grad(p[0], p[1])
		dx, dy := a.To[0]-a.From[0], a.To[1]-a.From[1]
		if cross := dx*gy - dy*gx; math.Abs(cross) > 1e-12 || dx*gx+dy*gy >= 0 || math.Abs(math.Hypot(dx, dy)-0.5) > 1e-12 {
			t.Errorf("%d: arrow (%g, %g) is not −∇f = (%g, %g) scaled to 0.5", i, dx, dy, -gx, -gy)
		}
	}
}

// TestNoisySaddle checks that the full batch follows the saddle's own
// gradient into the plateau, and minibatches leave it.
func TestNoisySaddle(t *testing.T) {
	s := NewNoisySaddle(500, 1, 1)
	var ma, mb float64
	for k := range s.A {
		ma, mb = ma+s.A[k], mb+s.B[k]
	}
	if math.Abs(ma) > 1e-12 || math.Abs(mb) > 1e-12 {
		t.Errorf("example means %g, %g, want 0", ma, mb)
	}
	full := s.Descend([2]float64{1.5, 0}, 0.05, 500, 200, 1)
	for k, p := range full {
		if want := 1.5 * math.Pow(0.9, float64(k)); math.Abs(p[0]-want) > 1e-12 || math.Abs(p[1]) > 1e-8 { // y: rounding of the means (~1e-17), grown by 1.1 per step
			t.Fatalf("full batch, step %d: %v, want (%g, 0)", k, p, want)
		}
	}
	if EscapeStep(full, 1) != -1 {
		t.Error("the full batch escaped the saddle")
	}
	small := s.Descend([2]float64{1.5, 0}, 0.05, 5, 200, 1)
	if EscapeStep(small, 1) < 0 {
		t.Error("minibatches of 5 did not escape the saddle in 200 steps")
	}
	tab := s.EscapeTable([2]float64{1.5, 0}, 0.05, []int{500, 5}, 3, 200)
	if got := strings.Join(tab.Rows[0][:3], "|"); got != "500 (full batch)|0 of 3|> 200" {
		t.Errorf("full-batch row %q", got)
	}
}

// TestScheduleRun checks that full-batch steps with a small constant rate
// decrease the loss at every step, towards the least-squares minimum.
func TestScheduleRun(t *testing.T) {
	r := TwoWeights(1)
	batchLoss, excess := ScheduleRun(r, optim.NewConstant(0.05), []float64{-2, 2}, r.Len(), 300, 1)
	if len(batchLoss) != 300 || len(excess) != 300 {
		t.Fatalf("%d and %d losses, want 300", len(batchLoss), len(excess))
	}
	for k := 1; k < len(excess); k++ {
		if excess[k] > excess[k-1] || excess[k] < -1e-12 {
			t.Fatalf("step %d: excess loss %g after %g", k, excess[k], excess[k-1])
		}
	}
	if excess[299] > 1e-6 {
		t.Errorf("excess loss %g after 300 full-batch steps", excess[299])
	}
}

func TestSmooth(t *testing.T) {
	got := Smooth([]float64{2, 4, 6, 8}, 2)
	for i, want := range []float64{2, 3, 5, 7} {
		if got[i] != want {
			t.Errorf("%d: %g, want %g", i, got[i], want)
		}
	}
}
