package demos

import (
	"math"
	"testing"
)

func TestExpBowlDerivatives(t *testing.T) {
	var f ExpBowl
	const h = 1e-5
	for _, x := range []float64{-1, 0, math.Ln2, 2} {
		if d := (f.F(x+h) - f.F(x-h)) / (2 * h); math.Abs(d-f.D1(x)) > 1e-8 {
			t.Errorf("f′(%g) = %g, numerically %g", x, f.D1(x), d)
		}
		if d := (f.D1(x+h) - f.D1(x-h)) / (2 * h); math.Abs(d-f.D2(x)) > 1e-8 {
			t.Errorf("f″(%g) = %g, numerically %g", x, f.D2(x), d)
		}
	}
	if f.D1(f.Min()) != 0 {
		t.Errorf("f′(ln 2) = %g", f.D1(f.Min()))
	}
}

func TestNewtonConvergesQuadratically(t *testing.T) {
	rows := NewtonSteps(2, 7)
	for i := 2; i < 5; i++ {
		e0, e1 := math.Abs(rows[i].X-math.Ln2), math.Abs(rows[i+1].X-math.Ln2)
		// eₜ₊₁ ≈ f‴/(2f″)·eₜ² = eₜ²/2 near ln 2
		if e1 > e0*e0 {
			t.Errorf("step %d: error %g after %g, not quadratic", i, e1, e0)
		}
	}
	if e := math.Abs(rows[6].X - math.Ln2); e > 1e-15 {
		t.Errorf("after 6 steps the error is %g", e)
	}
}

func TestUnitsCheck(t *testing.T) {
	const s = 10
	want := []float64{1, s * s, s, 1, s}
	rows := UnitsCheck(2, s, 0.1, -0.5)
	for i, r := range rows {
		if ratio := r.InU / r.InX; math.Abs(ratio-want[i]) > 1e-6*want[i] {
			t.Errorf("%s: ratio %g, want %g", r.Rule, ratio, want[i])
		}
	}
}

func TestAdadeltaStepsAreTheLibrarys(t *testing.T) {
	rows := AdadeltaSteps(2, 0.95, 1e-6, 800)
	xs := AdadeltaPath(2, 1, 0.95, 1e-6, 800)
	for i, r := range rows {
		if math.Abs(r.X-xs[i]) > 1e-12 {
			t.Fatalf("t=%d: from scratch x = %.15g, optim.Adadelta %.15g", r.T, r.X, xs[i])
		}
	}
}

func TestAdadeltaSlideNeverMoves(t *testing.T) {
	for i, x := range AdadeltaSlide(2, 0.95, 500) {
		if x != 2 {
			t.Fatalf("step %d: the slide's rule moved to %g", i, x)
		}
	}
	if xs := AdadeltaPath(2, 1, 0.95, 1e-6, 500); xs[500] == 2 {
		t.Error("Zeiler's rule did not move either")
	}
}

func TestAdadeltaFactorSpeedsUp(t *testing.T) {
	prev := math.MaxInt
	for _, lr := range []float64{0.5, 1, 2, 4} {
		got := StepsNear(AdadeltaPath(2, lr, 0.95, 1e-6, 2000), math.Ln2, 1e-3)
		if got < 0 || got >= prev {
			t.Errorf("lr %g: %d steps to stay near ln 2, after %d for the smaller factor", lr, got, prev)
		}
		prev = got
	}
}

func TestStepsNear(t *testing.T) {
	for i, c := range []struct {
		xs   []float64
		want int
	}{{[]float64{5, 1, 5, 1, 1}, 3}, {[]float64{1, 1}, 0}, {[]float64{1, 5}, -1}, {nil, -1}} {
		if got := StepsNear(c.xs, 1, 0.5); got != c.want {
			t.Errorf("%d: StepsNear(%v) = %d, want %d", i, c.xs, got, c.want)
		}
	}
}
