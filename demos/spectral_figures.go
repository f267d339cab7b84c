package demos

// Notebook 03-momentum-and-nesterov: the spectral view drawn and checked:
// rate heatmaps over (η, μ) with the stability boundary on top, the library
// run on both sides of that boundary, and the valley split into its two
// eigen-directions.

import (
	"fmt"
	"math"
	"strings"

	"github.com/nncourse/optimizers/vizhelpers"
)

// WorstRateGrid is the rate of method m on a quadratic whose eigenvalues
// are λmin and λmax: Rates[i][j] = max(Rate at λmin, Rate at λmax), the
// slowest direction setting the pace, and Boundary[i] the largest stable η,
// set by λmax. Lambda is λmax.
func WorstRateGrid(m Method, lambdaMin, lambdaMax float64, etas, mus []float64) RateGrid {
	g, slow := NewRateGrid(m, lambdaMax, etas, mus), NewRateGrid(m, lambdaMin, etas, mus)
	for i := range g.Rates {
		for j := range g.Rates[i] {
			g.Rates[i][j] = max(g.Rates[i][j], slow.Rates[i][j])
		}
	}
	return g
}

// HeatMap draws the grid's rates over (η, μ) in bands of 0.1 (light grey
// where ρ ≥ 1: the method diverges) with the analytic stability boundary
// η = StabilityLimit(m, μ)/λ drawn over them.
func (g RateGrid) HeatMap(title string) *vizhelpers.Chart {
	boundary := vizhelpers.Series{Name: "stability limit", X: g.Boundary, Y: g.Mus, Color: vizhelpers.Color(1)}
	return vizhelpers.HeatMap(vizhelpers.HeatMapOptions{Title: title, XLabel: "η", YLabel: "μ",
		OverLabel: "≥ 1: diverges"}, g.Etas, g.Mus, g.Rates, boundary)
}

// Linspace returns n evenly spaced values from lo to hi, both included.
func Linspace(lo, hi float64, n int) []float64 {
	if n < 2 {
		panic(fmt.Sprintf("demos: Linspace: n must be at least 2, got %d", n))
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	return v
}

// BoundaryTable checks the analytic stability limits with the library's
// optimizers: for each method and μ it runs optim.SGD, optim.Momentum or
// optim.Nesterov for steps steps on f = ½·λ·w² from w = 1, once at 0.97 and
// once at 1.03 times the largest stable η, and reports |w| at the end.
func BoundaryTable(mus []float64, lambda float64, steps int) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("the library's optimizers on ½·%g·w² from w = 1, %d steps, at 0.97 and 1.03 × the limit", lambda, steps),
		Header:  []string{"method", "μ", "largest stable η", "|w| at 0.97×", "|w| at 1.03×"},
	}
	for _, m := range []Method{GD, HeavyBall, NAG} {
		for _, mu := range mus {
			if m == GD && mu != mus[0] {
				continue // GD has no μ
			}
			shownMu := fmt.Sprint(mu)
			if m == GD {
				shownMu = "–"
			}
			limit := StabilityLimit(m, mu) / lambda
			t.Rows = append(t.Rows, []string{m.String(), shownMu, fmt.Sprintf("%.4f", limit),
				fmt.Sprintf("%.1e", FinalDistance(m, 0.97*limit, mu, lambda, steps)),
				fmt.Sprintf("%.1e", FinalDistance(m, 1.03*limit, mu, lambda, steps))})
		}
	}
	return t
}

// StabilityNote says which of SGD, Momentum and NAG diverge with (η, μ) on a
// surface whose largest curvature is λ, for the title of lesson 03's slider
// figure: "all three stable" or, say, "diverging: SGD (η ≥ 0.1), NAG
// (η ≥ 0.0679)".
func StabilityNote(eta, mu, lambda float64) string {
	var out []string
	for i, limit := range RateLimits(mu, lambda) {
		if eta >= limit {
			out = append(out, fmt.Sprintf("%v (η ≥ %.3g)", Method(i), limit))
		}
	}
	if len(out) == 0 {
		return "all three stable"
	}
	return "diverging: " + strings.Join(out, ", ")
}

// AxisDistance is |coordinate axis| of each point of a path, for a log plot
// of how far a run is from the minimum across (axis 1) and along (axis 0)
// the valley.
func AxisDistance(tr vizhelpers.Trajectory, axis int) vizhelpers.Series {
	s := vizhelpers.Series{Name: tr.Name, Color: tr.Color}
	for _, p := range tr.Points {
		s.Y = append(s.Y, math.Abs(p[axis]))
	}
	return s
}
