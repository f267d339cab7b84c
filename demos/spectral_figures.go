package demos

// Notebook 03-momentum-and-nesterov: the spectral view drawn and checked:
// rate heatmaps over (η, μ) with the stability boundary on top, the library
// run on both sides of that boundary, and the valley split into its two
// eigen-directions.

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

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

// MarkPoint marks (η, μ) on a heat map with a white-ringed black cross and
// names it in the legend, for Polyak's optimum.
func MarkPoint(c *vizhelpers.Chart, at [2]float64, name string) {
	xy := plotter.XYs{{X: at[0], Y: at[1]}}
	ring := &plotter.Scatter{XYs: xy, GlyphStyle: draw.GlyphStyle{Color: color.White, Radius: vg.Points(7), Shape: draw.CircleGlyph{}}}
	cross := &plotter.Scatter{XYs: xy, GlyphStyle: draw.GlyphStyle{Color: color.Black, Radius: vg.Points(5), Shape: draw.CrossGlyph{}}}
	c.Plot.Add(ring, cross)
	c.AddLegend(name, cross)
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

// TurnedBowl is the matrix A of f(w) = ½·wᵀAw whose eigenvalues are
// lambdas, along the coordinate axes turned by angle (radians):
// A = Q·diag(λ₁, λ₂)·Qᵀ with Q the rotation by angle.
func TurnedBowl(lambdas [2]float64, angle float64) [][]float64 {
	q := [2][2]float64{{math.Cos(angle), -math.Sin(angle)}, {math.Sin(angle), math.Cos(angle)}}
	a := [][]float64{make([]float64, 2), make([]float64, 2)}
	for i := range 2 {
		for j := range 2 {
			a[i][j] = lambdas[0]*q[i][0]*q[j][0] + lambdas[1]*q[i][1]*q[j][1]
		}
	}
	return a
}

// EigenbasisGap checks that method m decouples on f(w) = ½·wᵀAw: it runs
// the library's optimizer for steps steps on A from w₀ = Q·x₀ (Q from
// Eigen), maps every iterate into the eigenbasis, x = Qᵀw, and returns the
// largest difference from the run on the diagonal bowl ½·Σ λᵢ·xᵢ² from x₀.
// Rounding aside, it is zero: each eigen-direction runs on its own.
func EigenbasisGap(m Method, eta, mu float64, a [][]float64, x0 []float64, steps int) float64 {
	values, vectors := Eigen(a)
	n := len(a)
	w0 := make([]float64, n)
	for i, q := range vectors {
		for k := range n {
			w0[k] += q[k] * x0[i]
		}
	}
	turned := GradientRun(NewMethod(m, eta, mu), func(w, g []float64) {
		for k := range n {
			g[k] = 0
			for j := range n {
				g[k] += a[k][j] * w[j]
			}
		}
	}, w0, steps)
	diagonal := DiagonalRun(NewMethod(m, eta, mu), values, x0, steps)
	gap := 0.0
	for t, w := range turned {
		for i, q := range vectors {
			x := 0.0
			for k := range n {
				x += q[k] * w[k]
			}
			gap = max(gap, math.Abs(x-diagonal[t][i]))
		}
	}
	return gap
}

// SpeedUpTable shows SpeedUp's rows: the steps of GD and Momentum at their
// optimal (η, μ), their ratio, and each divided by κ and by √κ, the growth
// the theory predicts.
func SpeedUpTable(rows []SpeedUpRow, tol float64) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("steps until ‖w‖ stays below %g·‖w₀‖ on ½(x² + κ·y²), each method at its optimal (η, μ)", tol),
		Header:  []string{"κ", "√κ", "μ*", "GD steps", "Momentum steps", "GD / Momentum", "GD steps / κ", "Momentum steps / √κ"},
	}
	for _, r := range rows {
		sk := math.Sqrt(r.Kappa)
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.Kappa), fmt.Sprintf("%.1f", sk), fmt.Sprintf("%.4f", r.Mu),
			fmt.Sprint(r.GDSteps), fmt.Sprint(r.MomentumSteps),
			fmt.Sprintf("%.1f", float64(r.GDSteps)/float64(r.MomentumSteps)),
			fmt.Sprintf("%.2f", float64(r.GDSteps)/r.Kappa), fmt.Sprintf("%.2f", float64(r.MomentumSteps)/sk)})
	}
	return t
}

// SpeedUpChart plots SpeedUp's steps against κ on log–log axes, where GD's
// line has slope 1 and Momentum's slope ½.
func SpeedUpChart(rows []SpeedUpRow) *vizhelpers.Chart {
	gd := vizhelpers.Series{Name: "GD", Color: vizhelpers.Color(0), Markers: true}
	mom := vizhelpers.Series{Name: "Momentum", Color: vizhelpers.Color(1), Markers: true}
	for _, r := range rows {
		gd.X, gd.Y = append(gd.X, r.Kappa), append(gd.Y, float64(r.GDSteps))
		mom.X, mom.Y = append(mom.X, r.Kappa), append(mom.Y, float64(r.MomentumSteps))
	}
	return vizhelpers.LineChart(vizhelpers.LineOptions{Title: "steps to converge at the optimal (η, μ)",
		XLabel: "condition number κ", YLabel: "steps", LogX: true, LogY: true}, gd, mom)
}

// WellEndsTable shows WellEnds: for each μ (rows) and η (columns), which
// minimum of TiltedWell the run from x₀ ends in.
func WellEndsTable(etas, mus []float64, x0 float64, steps int) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("where %d steps from x₀ = %g on the tilted double well end: deep (x ≈ %.3f) or shallow (x ≈ %.3f)",
			steps, x0, TiltedWellDeep, TiltedWellShallow),
		Header: []string{"μ \\ η"},
	}
	for _, eta := range etas {
		t.Header = append(t.Header, fmt.Sprint(eta))
	}
	for i, row := range WellEnds(etas, mus, x0, steps) {
		cells := []string{fmt.Sprint(mus[i])}
		for _, x := range row {
			switch {
			case math.Abs(x-TiltedWellDeep) < 1e-3:
				cells = append(cells, "deep")
			case math.Abs(x-TiltedWellShallow) < 1e-3:
				cells = append(cells, "shallow")
			default:
				cells = append(cells, fmt.Sprintf("%.3g", x))
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}
