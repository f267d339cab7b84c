package demos

import (
	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Descend runs opt for steps updates on the surface s from start and returns
// the weights w₀, w₁, …, stopping after the first that is not finite. For an
// optimizer with a look-ahead (Nesterov) the gradient is taken at the slab
// it keeps (the projection θ) and the iterates are its weights w.
func Descend(name string, opt optim.Optimizer[float64], s datasets.Surface, start [2]float64, steps int) vizhelpers.Trajectory {
	tr := vizhelpers.Trajectory{Name: name, Points: [][2]float64{start}}
	optim.Descend(opt, start[:], surfaceGrad(s, nil), steps, func(w []float64) bool {
		tr.Points = append(tr.Points, [2]float64{w[0], w[1]})
		return finite(w[0]) && finite(w[1])
	})
	return tr
}

// surfaceGrad returns the gradient of s as descend wants it; seen, when not
// nil, is told each gradient.
func surfaceGrad(s datasets.Surface, seen func(g []float64)) func(slab, g []float64) {
	return func(slab, g []float64) {
		g[0], g[1] = s.Grad(slab[0], slab[1])
		if seen != nil {
			seen(g)
		}
	}
}

// LossCurve is the loss f(wₜ) along a trajectory, for a line chart.
func LossCurve(tr vizhelpers.Trajectory, s datasets.Surface) vizhelpers.Series {
	curve := vizhelpers.Series{Name: tr.Name, Color: tr.Color}
	for _, p := range tr.Points {
		curve.Y = append(curve.Y, s.Value(p[0], p[1]))
	}
	return curve
}
