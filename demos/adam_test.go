package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

func TestAdamMomentsConstantGradient(t *testing.T) {
	grads := []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}
	for _, m := range AdamMoments(grads, 0.9, 0.999) {
		if math.Abs(m.MHat-0.5) > 1e-13 || math.Abs(m.RHat-0.25) > 1e-13 { // rounding in 1−βᵗ
			t.Errorf("t=%d: M̂ = %g, R̂ = %g, want 0.5 and 0.25", m.T, m.MHat, m.RHat)
		}
		if want := 0.5 * (1 - math.Pow(0.9, float64(m.T))); math.Abs(m.M-want) > 1e-15 {
			t.Errorf("t=%d: M = %g, want %g (biased towards 0)", m.T, m.M, want)
		}
	}
}

func TestAdamMomentsAreTheLibrarysStep(t *testing.T) {
	grads := NoisyGradients(40, 1, 0.5, 3)
	rows := AdamMoments(grads, 0.9, 0.999)
	for i, r := range rows {
		got := adamStep(newAdam(1e-3, 0.9, 0.999, 1e-8, optim.Lecture), grads[:i+1])
		want := -1e-3 * r.MHat / math.Sqrt(r.RHat+1e-8)
		if math.Abs(got-want) > 1e-15 {
			t.Errorf("t=%d: optim.Adam moved %g, −η·M̂/√(R̂+ε) = %g", r.T, got, want)
		}
	}
}

func TestNadamDerivation(t *testing.T) {
	const b1 = 0.9
	grads := NoisyGradients(30, 1, 0.5, 5)
	for tt := 1; tt <= len(grads); tt++ {
		lines := NadamDerivation(grads[:tt], 0.5, 1e-3, b1, 0.999, 1e-8)
		for _, i := range []int{0, 1, 4} { // the lines optim implements
			if math.Abs(lines[i].W-lines[i].Library) > 1e-15 {
				t.Errorf("t=%d line %d: %v, optim gives %v", tt, i, lines[i].W, lines[i].Library)
			}
		}
		if math.Abs(lines[2].W-lines[1].W) > 1e-15 {
			t.Errorf("t=%d: line 2 = %v differs from line 1 = %v; it is an identity", tt, lines[2].W, lines[1].W)
		}
		gap := lines[3].Bracket - lines[2].Bracket // β₁Mₜ₋₁·(1/(1−β₁ᵗ⁻¹) − 1/(1−β₁ᵗ))
		want := 0.0
		if tt > 1 {
			m := AdamMoments(grads[:tt-1], b1, 0.999)[tt-2].M
			want = b1 * m * (1/(1-math.Pow(b1, float64(tt-1))) - 1/(1-math.Pow(b1, float64(tt))))
		}
		if math.Abs(gap-want) > 1e-12 {
			t.Errorf("t=%d: line 3 − line 2 brackets = %g, want %g", tt, gap, want)
		}
		if lines[4].W == lines[3].W {
			t.Errorf("t=%d: the look-ahead changed nothing", tt)
		}
	}
}

func TestEpsFirstSteps(t *testing.T) {
	const eps = 1e-8
	sizes := []float64{1, 1e-3, 1e-4, 1e-6}
	tab, series := EpsFirstSteps(sizes, 1e-3, eps)
	if len(tab.Rows) != len(sizes) || len(series) != 3 {
		t.Fatalf("%d rows, %d series", len(tab.Rows), len(series))
	}
	for i, g := range sizes {
		inside, outside := g/math.Sqrt(g*g+eps), g/(g+eps)
		for j, want := range []float64{inside, outside, 1.9 * outside} {
			if got := series[j].Y[i]; math.Abs(got-want) > 1e-9*want {
				t.Errorf("%s, g=%g: first step/η = %g, want %g", series[j].Name, g, got, want)
			}
		}
	}
}

func TestEpsFlatRunsOutsideIsAhead(t *testing.T) {
	s := EpsFlatRuns(1e-4, 1e-3, 1e-8, 1000)
	for _, pair := range [][2]int{{0, 1}, {0, 2}} {
		in, out := s[pair[0]].Y[1000], s[pair[1]].Y[1000]
		if !(out > in) {
			t.Errorf("after 1000 steps %s is at %g, %s at %g; want outside ahead", s[pair[0]].Name, in, s[pair[1]].Name, out)
		}
	}
}
