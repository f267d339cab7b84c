package demos

// Notebook 03-momentum-and-nesterov: SGD against momentum on the elongated
// bowl, Nesterov's four steps as arrows, and the overshoot of momentum
// against NAG's (the outlier example is in momentum_outliers.go).

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Overshoot measures how far a trajectory goes past the minimum min along
// each axis, as a fraction of the start's distance from it on that axis:
// 0 if it never crosses, 0.5 if it swings half as far beyond as it started.
func Overshoot(tr vizhelpers.Trajectory, min [2]float64) [2]float64 {
	var out [2]float64
	for axis := range 2 {
		d0 := tr.Points[0][axis] - min[axis]
		for _, p := range tr.Points {
			if past := -(p[axis] - min[axis]) / d0; past > out[axis] {
				out[axis] = past
			}
		}
	}
	return out
}

// Settle returns the first step after which the trajectory stays within tol
// of min, or −1 if it does not get there.
func Settle(tr vizhelpers.Trajectory, min [2]float64, tol float64) int {
	settled := -1
	for t, p := range tr.Points {
		if math.Hypot(p[0]-min[0], p[1]-min[1]) > tol {
			settled = -1
		} else if settled < 0 {
			settled = t
		}
	}
	return settled
}

// NAGStep is one Nesterov update taken apart into the lecture's four steps,
// together with the step classical momentum takes from the same state.
type NAGStep struct {
	W, V     [2]float64 // the weights and the velocity before the step
	Theta    [2]float64 // step 1, the projection θ = w − μ·v
	Grad     [2]float64 // step 2, the gradient at the projection ∇C(θ)
	VNew     [2]float64 // step 3, v′ = μ·v + η·∇C(θ)
	WNew     [2]float64 // step 4, w′ = w − v′
	Momentum [2]float64 // momentum's w − μ·v − η·∇C(w): the gradient taken at w
}

// NAGAnatomy runs the lecture's NAG from start for k steps on s, from
// scratch, and returns step k+1 taken apart.
func NAGAnatomy(s datasets.Surface, start [2]float64, eta, mu float64, k int) NAGStep {
	var st NAGStep
	w, v := start, [2]float64{}
	for range k + 1 {
		st = NAGStep{W: w, V: v}
		for i := range 2 {
			st.Theta[i] = w[i] - mu*v[i] // 1. the projection
		}
		st.Grad[0], st.Grad[1] = s.Grad(st.Theta[0], st.Theta[1]) // 2. the gradient there
		gx, gy := s.Grad(w[0], w[1])
		gw := [2]float64{gx, gy}
		for i := range 2 {
			st.VNew[i] = mu*v[i] + eta*st.Grad[i]       // 3. the new velocity
			st.WNew[i] = w[i] - st.VNew[i]              // 4. the new weight
			st.Momentum[i] = w[i] - mu*v[i] - eta*gw[i] // momentum, for comparison
		}
		w, v = st.WNew, st.VNew
	}
	return st
}

// Draw adds the step to chart c: the projection, the look-ahead gradient
// added at θ, NAG's resulting step and, dashed, where momentum goes instead:
// after the same jump it adds the gradient taken at w, not at θ. Each label
// sits beside its arrow on the side away from the others.
func (st NAGStep) Draw(c *vizhelpers.Chart, eta float64) {
	look := [2]float64{st.Theta[0] - eta*st.Grad[0], st.Theta[1] - eta*st.Grad[1]}
	arrows := vizhelpers.Arrows{
		{From: st.W, To: st.Theta, Label: "1. projection −μ·v", Color: vizhelpers.Color(0)},
		{From: st.Theta, To: look, Label: "2–3. look-ahead −η·g(θ)", Color: vizhelpers.Color(1)},
		{From: st.W, To: st.WNew, Label: "4. NAG step −v′", Color: vizhelpers.Color(2)},
		{From: st.Theta, To: st.Momentum, Label: "momentum: −η·g(w)", Color: vizhelpers.Color(3), Dashed: true},
	}
	var cx float64
	for _, a := range arrows {
		cx += (a.From[0] + a.To[0]) / float64(2*len(arrows))
	}
	var labels vizhelpers.Labels
	for i, a := range arrows {
		mid := [2]float64{(a.From[0] + a.To[0]) / 2, (a.From[1] + a.To[1]) / 2}
		labels = append(labels, vizhelpers.Label{At: mid, Text: "  " + a.Label + "  ", Color: a.Color, Left: mid[0] < cx})
		arrows[i].Label = ""
	}
	labels = append(labels,
		vizhelpers.Label{At: st.W, Text: "w  ", Size: 12, Left: true},
		vizhelpers.Label{At: st.Theta, Text: "θ  ", Size: 12, Left: true},
		vizhelpers.Label{At: st.WNew, Text: "  w′", Size: 12})
	c.Plot.Add(arrows, labels)
}

// Window is a surface seen through another plotting window, to zoom in on a
// few steps.
type Window struct {
	datasets.Surface
	XMin, XMax, YMin, YMax float64
}

// Bounds returns the window.
func (w Window) Bounds() (xmin, xmax, ymin, ymax float64) { return w.XMin, w.XMax, w.YMin, w.YMax }

// Minima returns the surface's minima inside the window.
func (w Window) Minima() [][2]float64 {
	var in [][2]float64
	for _, m := range w.Surface.Minima() {
		if m[0] >= w.XMin && m[0] <= w.XMax && m[1] >= w.YMin && m[1] <= w.YMax {
			in = append(in, m)
		}
	}
	return in
}

// Around returns the window centred on c that extends halfX and halfY from it.
func Around(s datasets.Surface, c [2]float64, halfX, halfY float64) Window {
	return Window{s, c[0] - halfX, c[0] + halfX, c[1] - halfY, c[1] + halfY}
}

// OvershootTable compares trajectories converging to min: how far each
// overshoots along x and y (Overshoot) and when it settles within tol.
func OvershootTable(trs []vizhelpers.Trajectory, min [2]float64, tol float64) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "overshoot past the minimum, as a fraction of the start's distance",
		Header: []string{"optimizer", "overshoot along x", "overshoot along y", fmt.Sprintf("steps to stay within %g", tol)}}
	for _, tr := range trs {
		o := Overshoot(tr, min)
		settle := "never"
		if s := Settle(tr, min, tol); s >= 0 {
			settle = fmt.Sprint(s)
		}
		t.Rows = append(t.Rows, []string{tr.Name, fmt.Sprintf("%.0f%%", 100*o[0]), fmt.Sprintf("%.0f%%", 100*o[1]), settle})
	}
	return t
}

// Race3 draws SGD, Momentum and NAG with rate eta and friction mu on the
// surface s from start: the figure behind the notebook's sliders (which add
// η and μ to the title).
func Race3(s datasets.Surface, start [2]float64, eta, mu float64, steps int) *vizhelpers.Chart {
	sgd := optim.NewSGD[float64]()
	mom, nag := optim.NewMomentum[float64](), optim.NewNesterov[float64]()
	sgd.LR, mom.LR, nag.LR = eta, eta, eta
	mom.Mu, nag.Mu = mu, mu
	return vizhelpers.Contour(s, vizhelpers.ContourOptions{Title: fmt.Sprintf("%s, %d steps", s.Name(), steps)},
		Descend("SGD", sgd, s, start, steps),
		Descend("Momentum", mom, s, start, steps),
		Descend("NAG", nag, s, start, steps))
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
