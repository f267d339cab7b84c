package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/nn"
)

func TestPlateauWellGrad(t *testing.T) {
	var s PlateauWell
	const h = 1e-6
	for i, p := range [][2]float64{{3, 1}, {0.5, -0.3}, {-1, 0.2}, {0, 0}, {2.5, -1.5}} {
		gx, gy := s.Grad(p[0], p[1])
		nx := (s.Value(p[0]+h, p[1]) - s.Value(p[0]-h, p[1])) / (2 * h)
		ny := (s.Value(p[0], p[1]+h) - s.Value(p[0], p[1]-h)) / (2 * h)
		if math.Abs(gx-nx) > 1e-8 || math.Abs(gy-ny) > 1e-8 {
			t.Errorf("%d: Grad%v = (%g, %g), want (%g, %g)", i, p, gx, gy, nx, ny)
		}
	}
}

// The effective rate each run reports, times the gradient, must be the
// step optim took.
func TestRateIsTheLibrarysStep(t *testing.T) {
	var s PlateauWell
	for _, run := range []SurfaceRun{AdagradOnWell(0.02, 300), RMSpropOnWell(0.02, 0.9, 1e-8, 300), RMSpropOnWell(0.05, 0.99, 1e-4, 300)} {
		for i, rate := range run.Rate {
			p := run.Points[i]
			gx, _ := s.Grad(p[0], p[1])
			got, want := run.Points[i+1][0]-p[0], -rate*gx
			if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
				t.Fatalf("%s step %d: x moved by %g, rate·g = %g", run.Name, i+1, got, want)
			}
		}
	}
}

// The lesson's claim: on the plateau Adagrad's rate decays and it stalls,
// RMSprop's does not and it reaches the minimum.
func TestRMSpropCrossesThePlateauAdagradStalls(t *testing.T) {
	ada, rms := AdagradOnWell(0.02, 1000), RMSpropOnWell(0.02, 0.9, 1e-8, 1000)
	if got := StepsBelow(ada.Loss, 0.01); got != -1 {
		t.Errorf("Adagrad reached f < 0.01 at step %d; the lesson says it stalls", got)
	}
	if got := StepsBelow(rms.Loss, 0.01); got < 0 || got > 300 {
		t.Errorf("RMSprop reached f < 0.01 at step %d, want within 300", got)
	}
	if last, first := ada.Rate[len(ada.Rate)-1], ada.Rate[0]; last > first/100 {
		t.Errorf("Adagrad's rate went from %g to %g; want a decay by more than 100×", first, last)
	}
}

func TestRMSpropFirstStep(t *testing.T) {
	gx, _ := PlateauWell{}.Grad(WellStart[0], WellStart[1])
	for _, c := range []struct{ gamma, eps float64 }{{0.5, 1e-8}, {0.9, 1e-8}, {0.999, 1e-8}, {0.9, 1e-2}} {
		run := RMSpropOnWell(0.01, c.gamma, c.eps, 1)
		got := math.Abs(run.Points[1][0]-run.Points[0][0]) / 0.01
		want := math.Abs(gx) / math.Sqrt((1-c.gamma)*gx*gx+c.eps)
		if math.Abs(got-want) > 1e-9*want {
			t.Errorf("γ=%g ε=%g: first step/η = %g, want %g", c.gamma, c.eps, got, want)
		}
	}
}

func TestRMSpropGridShape(t *testing.T) {
	tab := RMSpropGrid(0.02, []float64{0.5, 0.9}, []float64{1e-8, 1e-2}, 400, 0.01)
	if len(tab.Rows) != 2 || len(tab.Header) != 5 || len(tab.Rows[0]) != 5 {
		t.Fatalf("grid: header %v, rows %v", tab.Header, tab.Rows)
	}
	if tab.Rows[1][1] != "3.16" {
		t.Errorf("1/√(1−0.9) shown as %q, want 3.16", tab.Rows[1][1])
	}
}

func TestStepsBelow(t *testing.T) {
	for i, c := range []struct {
		loss  []float64
		level float64
		want  int
	}{{[]float64{3, 2, 1}, 1.5, 2}, {[]float64{3, 2, 1}, 5, 0}, {[]float64{3, 2, 1}, 0.5, -1}, {nil, 1, -1}} {
		if got := StepsBelow(c.loss, c.level); got != c.want {
			t.Errorf("%d: StepsBelow(%v, %g) = %d, want %d", i, c.loss, c.level, got, c.want)
		}
	}
}

func TestStepsBelowText(t *testing.T) {
	for i, c := range []struct {
		loss  []float64
		level float64
		want  string
	}{{[]float64{3, 2, 1}, 1.5, "2"}, {[]float64{3, 2, 1}, 0.5, "never"}} {
		if got := StepsBelowText(c.loss, c.level); got != c.want {
			t.Errorf("%d: StepsBelowText(%v, %g) = %q, want %q", i, c.loss, c.level, got, c.want)
		}
	}
}

func TestPickMemories(t *testing.T) {
	rows := []nn.Memory{{Optimizer: "SGD"}, {Optimizer: "Adam"}, {Optimizer: "RMSprop"}}
	got := PickMemories(rows, "RMSprop", "SGD", "Nope")
	if len(got) != 2 || got[0].Optimizer != "RMSprop" || got[1].Optimizer != "SGD" {
		t.Errorf("PickMemories = %v", got)
	}
}
