package demos

// Notebook 04-rprop: the lecture's "the previous position is restored"
// (weight backtracking, Riedmiller & Braun 1993; Rprop+ in Igel & Hüsken
// 2000, "Improving the Rprop Learning Algorithm") against the variants
// without it, on a surface where an overshoot is expensive.

import (
	"math"

	"github.com/nncourse/optimizers/optim"
)

// Wall is the one-weight loss with a gentle side and a steep one,
//
//	f(x) = ½·x²     x < 0
//	f(x) = ½·k·x²   x ≥ 0
//
// minimum 0. Rprop's step sizes grow by η⁺ on the gentle side and carry the
// weight onto the wall, where one step costs k times more than on the other
// side: what an overshoot costs depends on where it lands.
type Wall struct{ K float64 }

// Value is f(x).
func (w Wall) Value(x float64) float64 {
	if x < 0 {
		return x * x / 2
	}
	return w.K * x * x / 2
}

// Grad writes f′(x) into g.
func (w Wall) Grad(x, g []float64) {
	g[0] = x[0]
	if x[0] >= 0 {
		g[0] *= w.K
	}
}

// WallRun is an Rprop variant's run on a Wall.
type WallRun struct {
	// Settings names the variant (optim.Rprop's Settings).
	Settings string
	// Path is x₀, x₁, …
	Path []float64
	// Reach is the first step with |x| < 10⁻³, or −1.
	Reach int
	// Worst is the largest loss after the start; Spent the loss summed over
	// the run (the area under the loss curve).
	Worst, Spent float64
}

// RpropOnWall runs each of the given Rprop optimizers for steps steps on w
// from x0.
func RpropOnWall(w Wall, variants []*optim.Rprop[float64], x0 float64, steps int) []WallRun {
	var runs []WallRun
	for _, o := range variants {
		r := WallRun{Settings: o.Settings(), Reach: -1}
		for t, p := range GradientRun(o, w.Grad, []float64{x0}, steps) {
			x := p[0]
			r.Path = append(r.Path, x)
			r.Spent += w.Value(x)
			if t > 0 {
				r.Worst = math.Max(r.Worst, w.Value(x))
			}
			if r.Reach < 0 && math.Abs(x) < 1e-3 {
				r.Reach = t
			}
		}
		runs = append(runs, r)
	}
	return runs
}
