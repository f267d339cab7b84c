package demos

// Notebook 09-comparison: the races in the style of Alec Radford's
// animations, every optimizer on Beale's function and on a saddle.

import (
	"fmt"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Race is one of Radford's animations: a surface, a start and the nine
// optimizers with settings that suit that surface.
type Race struct {
	Surface    datasets.Surface
	Start      [2]float64
	Steps      int
	Optimizers []optim.Optimizer[float64]
}

// BealeRace starts at (1, 1.5) on Beale's function, whose gradients span
// four orders of magnitude between the steep walls and the flat valley
// leading to the minimum at (3, 0.5). A rate that is safe for plain
// gradient descent on the walls (0.001) crawls in the valley; the adaptive
// methods divide by the gradient's own running scale, so their first steps
// are about η however small the gradient, and they get a larger η.
// Adadelta's ε is raised to 10⁻⁴: its first steps are about √ε, and with
// Zeiler's 10⁻⁶ it would barely move in 300 steps. The window is zoomed on
// the part of [−4.5, 4.5]² the optimizers visit.
func BealeRace() Race {
	return Race{Surface: Window{datasets.Beale(), -0.5, 4, -1.5, 2}, Start: [2]float64{1, 1.5}, Steps: 300,
		Optimizers: raceOptimizers(0.001, 0.3, 0.01, 0.1, 1e-4)}
}

// SaddleRace starts at (1.5, 0.001) on x² − y², just off the ridge: plain
// gradient descent first slides into the saddle point, where the gradient
// along y is 0.002, and must then escape. Methods that divide by the size
// of the gradient (Rprop, Adagrad, RMSprop, Adam, Nadam, Adadelta) turn that
// tiny gradient into a full step.
func SaddleRace() Race {
	return Race{Surface: datasets.Saddle(), Start: [2]float64{1.5, 0.001}, Steps: 300,
		Optimizers: raceOptimizers(0.01, 0.1, 0.01, 0.01, 1e-6)}
}

// raceOptimizers returns the nine optimizers with the given rates: sgd for
// SGD, Momentum and Nesterov (μ = 0.9), adagrad, rmsprop, adam for Adam
// and Nadam, and Adadelta's ε; Rprop keeps the lecture's defaults.
func raceOptimizers(sgd, adagrad, rmsprop, adam, adadeltaEps float64) []optim.Optimizer[float64] {
	rates := map[string]float64{"SGD": sgd, "Momentum": sgd, "Nesterov": sgd,
		"Adagrad": adagrad, "RMSprop": rmsprop, "Adam": adam, "Nadam": adam}
	opts := optim.All[float64]()
	for _, o := range opts {
		if lr, ok := rates[o.Name()]; ok {
			o.(optim.RateSetter).SetLearningRate(lr)
		}
		if a, ok := o.(*optim.Adadelta[float64]); ok {
			a.Eps = adadeltaEps
		}
	}
	return opts
}

// Run returns the trajectory of every optimizer (Descend), each in its own
// colour. It consumes the optimizers: run a fresh Race to run again.
func (r Race) Run() []vizhelpers.Trajectory {
	trajs := make([]vizhelpers.Trajectory, len(r.Optimizers))
	for i, o := range r.Optimizers {
		trajs[i] = Descend(o.Name(), o, r.Surface, r.Start, r.Steps)
		trajs[i].Color = vizhelpers.Color(i)
	}
	return trajs
}

// Table reports each trajectory of the race: the settings, the value of f
// where it ended, the step at which it left the window (if it did) and, on
// a surface with a minimum, the step from which it stays within 0.01 of it.
func (r Race) Table(trajs []vizhelpers.Trajectory) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("%s from (%g, %g), %d steps", r.Surface.Name(), r.Start[0], r.Start[1], r.Steps),
		Header:  []string{"optimizer", "settings", "final f", "left the window at step"},
	}
	minima := r.Surface.Minima()
	if len(minima) > 0 {
		t.Header = append(t.Header, "within 0.01 of the minimum from step")
	}
	xmin, xmax, ymin, ymax := r.Surface.Bounds()
	for i, tr := range trajs {
		left := "–"
		for k, p := range tr.Points {
			if !finite(p[0]) || !finite(p[1]) || p[0] < xmin || p[0] > xmax || p[1] < ymin || p[1] > ymax {
				left = fmt.Sprint(k)
				break
			}
		}
		last := tr.Points[len(tr.Points)-1]
		row := []string{tr.Name, r.Optimizers[i].Settings(), fmt.Sprintf("%.3g", r.Surface.Value(last[0], last[1])), left}
		if len(minima) > 0 {
			near := "not within " + fmt.Sprint(r.Steps)
			if k := Settle(tr, minima[0], 0.01); k >= 0 {
				near = fmt.Sprint(k)
			}
			row = append(row, near)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
