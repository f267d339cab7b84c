package demos

import (
	"math"
	"testing"
)

// TestStabilityLimitsMatchSpectralRadius checks each analytic boundary
// against the spectral radius: just inside ρ < 1, just outside ρ > 1.
func TestStabilityLimitsMatchSpectralRadius(t *testing.T) {
	for _, m := range []Method{GD, HeavyBall, NAG} {
		for _, mu := range []float64{0, 0.5, 0.9, 0.99} {
			a := StabilityLimit(m, mu)
			if in, out := Rate(m, 0.999*a, mu, 1), Rate(m, 1.001*a, mu, 1); in >= 1 || out <= 1 {
				t.Errorf("%v μ=%g: ρ at 0.999·limit = %g, at 1.001·limit = %g; want < 1 and > 1", m, mu, in, out)
			}
		}
	}
	if got := StabilityLimit(NAG, 0.9); math.Abs(got-3.8/2.8) > 1e-15 {
		t.Errorf("NAG limit at μ=0.9 = %g, want 3.8/2.8", got)
	}
}

// TestRateLimitsLesson03 is defect 1 of issue 8: at μ = 0.9 on the bowl of
// curvature 20, NAG tolerates η < 0.068 only, Momentum η < 0.19, and the
// library's optimizers agree: NAG diverges at η = 0.07, Momentum converges
// at 0.189 and diverges at 0.191.
func TestRateLimitsLesson03(t *testing.T) {
	lim := RateLimits(0.9, 20)
	want := [3]float64{0.1, 0.19, 0.0678571}
	for i := range lim {
		if math.Abs(lim[i]-want[i]) > 1e-6 {
			t.Errorf("%d: limit %g, want %g", i, lim[i], want[i])
		}
	}
	for i, c := range []struct {
		m         Method
		eta       float64
		converges bool
	}{
		{NAG, 0.066, true}, {NAG, 0.07, false}, {HeavyBall, 0.07, true},
		{HeavyBall, 0.189, true}, {HeavyBall, 0.191, false}, {GD, 0.099, true}, {GD, 0.101, false},
	} {
		d := FinalDistance(c.m, c.eta, 0.9, 20, 2000)
		if (d < 1e-3) != c.converges || (!c.converges && d < 1e3) {
			t.Errorf("%d: %v η=%g: |w| after 2000 steps = %g, converges want %v", i, c.m, c.eta, d, c.converges)
		}
	}
	if d := FinalDistance(NAG, 0.07, 0.9, 20, 200); d < 1e6 {
		t.Errorf("NAG η=0.07: |w| after 200 steps = %g, want > 1e6 (issue 8: ≈1e7)", d)
	}
}

// TestMeasuredRateMatchesSpectralRadius runs the library's optimizers and
// compares their mean per-step factor with ρ.
func TestMeasuredRateMatchesSpectralRadius(t *testing.T) {
	for i, c := range []struct {
		m               Method
		eta, mu, lambda float64
	}{
		{GD, 0.019, 0, 100}, {HeavyBall, 0.019, 0.9, 100}, {HeavyBall, 0.019, 0.9, 1},
		{NAG, 0.02, 0.9, 20}, {NAG, 0.04, 0.5, 1}, {HeavyBall, 0.01, 0.3, 3},
	} {
		path := DiagonalRun(NewMethod(c.m, c.eta, c.mu), []float64{c.lambda}, []float64{1}, 800)
		got, want := MeasuredRate(path), Rate(c.m, c.eta, c.mu, c.lambda)
		if math.Abs(got-want) > 0.003 {
			t.Errorf("%d: %v η=%g μ=%g λ=%g: measured %g, ρ = %g", i, c.m, c.eta, c.mu, c.lambda, got, want)
		}
	}
}

func TestRateGrid(t *testing.T) {
	g := NewRateGrid(NAG, 20, []float64{0.01, 0.05, 0.07}, []float64{0, 0.9})
	if len(g.Rates) != 2 || len(g.Rates[1]) != 3 || len(g.Boundary) != 2 {
		t.Fatalf("grid %d×%d, boundary %d; want 2×3, 2", len(g.Rates), len(g.Rates[0]), len(g.Boundary))
	}
	if g.Rates[1][2] <= 1 || g.Rates[1][1] >= 1 || g.Boundary[0] != 0.1 {
		t.Errorf("rates %v, boundary %v: want η=0.07 unstable, 0.05 stable at μ=0.9, boundary 0.1 at μ=0", g.Rates, g.Boundary)
	}
}

func TestEigen(t *testing.T) {
	// ½·wᵀAw with A = [[51, 49], [49, 51]]: eigenvalues 2 and 100 along (1, −1) and (1, 1).
	vals, vecs := Eigen([][]float64{{51, 49}, {49, 51}})
	if math.Abs(vals[0]-2) > 1e-12 || math.Abs(vals[1]-100) > 1e-12 {
		t.Errorf("eigenvalues %v, want [2 100]", vals)
	}
	if d := math.Abs(vecs[1][0]*vecs[1][1]) - 0.5; math.Abs(d) > 1e-12 || vecs[0][0]*vecs[0][1] > 0 {
		t.Errorf("eigenvectors %v, want ±(1,−1)/√2 and ±(1,1)/√2", vecs)
	}
}

// TestOptimalMomentumBeatsGrid checks Polyak's (η*, μ*): no point of a grid
// around it has a smaller worst-case rate over {λmin, λmax}.
func TestOptimalMomentumBeatsGrid(t *testing.T) {
	eta, mu, rate := Optimal(HeavyBall, 1, 100)
	worst := func(eta, mu float64) float64 { return max(Rate(HeavyBall, eta, mu, 1), Rate(HeavyBall, eta, mu, 100)) }
	if got := worst(eta, mu); math.Abs(got-rate) > 1e-6 || math.Abs(rate-9.0/11) > 1e-12 {
		t.Errorf("rate at the optimum %g, formula %g, want 9/11", got, rate)
	}
	for _, de := range []float64{0.9, 0.97, 1.03, 1.1} {
		for _, dm := range []float64{0.9, 0.97, 1, 1.03} {
			if r := worst(eta*de, mu*dm); r < rate-1e-9 {
				t.Errorf("η=%g μ=%g has rate %g < optimum %g", eta*de, mu*dm, r, rate)
			}
		}
	}
}

// TestSpeedUpSqrtKappa: iterations to 1e-6 grow like κ for GD and like √κ
// for Momentum, so their ratio grows like √κ.
func TestSpeedUpSqrtKappa(t *testing.T) {
	rows := SpeedUp([]float64{10, 100, 1000, 10000}, 1e-6, 200000)
	for i, r := range rows {
		sk := math.Sqrt(r.Kappa)
		// GD: ln(1e6)/ln((κ+1)/(κ−1)) ≈ 6.9·κ; Momentum about √κ/2·ln(1e6), plus a transient.
		if g := float64(r.GDSteps) / r.Kappa; g < 6 || g > 7.5 {
			t.Errorf("%d: κ=%g GD %d steps = %.2f·κ, want ≈ 6.9·κ", i, r.Kappa, r.GDSteps, g)
		}
		if m := float64(r.MomentumSteps) / sk; m < 5 || m > 16 {
			t.Errorf("%d: κ=%g Momentum %d steps = %.2f·√κ, want about 7–12·√κ", i, r.Kappa, r.MomentumSteps, m)
		}
	}
	first, last := rows[0], rows[len(rows)-1]
	ratio := float64(last.GDSteps) / float64(last.MomentumSteps) / (float64(first.GDSteps) / float64(first.MomentumSteps))
	if ratio < 20 || ratio > 50 {
		t.Errorf("speed-up grew %.1f× from κ=10 to 10⁴, want ≈ √1000 ≈ 32", ratio)
	}
}

// TestValleyRunLesson03 is defect 2 of issue 8: in lesson 03's first figure
// Momentum oscillates across the valley longer than SGD (decay √μ ≈ 0.95
// against |1 − ηκ| = 0.9) and wins along it.
func TestValleyRunLesson03(t *testing.T) {
	v := ValleyRun(100, 0.019, 0.9, [2]float64{-1.8, 1}, 100)
	if math.Abs(v.AcrossPredicted[0]-0.9) > 1e-12 || math.Abs(v.AcrossPredicted[1]-math.Sqrt(0.9)) > 1e-12 {
		t.Errorf("predicted across %v, want [0.9 √0.9]", v.AcrossPredicted)
	}
	if math.Abs(v.AcrossDecay[0]-0.9) > 1e-9 || v.AcrossDecay[1] <= v.AcrossDecay[0] || math.Abs(v.AcrossDecay[1]-math.Sqrt(0.9)) > 0.02 {
		t.Errorf("measured across %v, want SGD 0.9 < Momentum ≈ 0.95", v.AcrossDecay)
	}
	if v.AlongLeft[1] > v.AlongLeft[0]/10 {
		t.Errorf("|x| after 100 steps: SGD %g, Momentum %g; want Momentum ten times closer", v.AlongLeft[0], v.AlongLeft[1])
	}
}
