package explorables

import (
	"math"
	"strconv"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// Path is one optimizer's run: the iterates w₀ … wₙ and the loss f(wₜ).
type Path struct {
	Name   string
	Points [][2]float64
	Loss   []float64
	// Diverged is set when the run was cut early: an iterate left the
	// surface's window by more than farOut window sizes, or stopped being
	// finite (that iterate is not kept).
	Diverged bool
}

// farOut is how many window sizes outside its window a path may go before
// Descend cuts it as diverged.
const farOut = 1000

// Descend runs opt for steps updates on s from start. For an optimizer
// with a look-ahead (Nesterov) the gradient is taken at the slab it keeps
// (the projection θ) and the iterates are its exact weights.
func Descend(name string, opt optim.Optimizer[float64], s datasets.Surface, start [2]float64, steps int) Path {
	xmin, xmax, ymin, ymax := s.Bounds()
	limitX, limitY := farOut*(xmax-xmin), farOut*(ymax-ymin)
	p := Path{Name: name, Points: [][2]float64{start}, Loss: []float64{s.Value(start[0], start[1])}}
	grad := func(slab, g []float64) { g[0], g[1] = s.Grad(slab[0], slab[1]) }
	optim.Descend(opt, start[:], grad, steps, func(w []float64) bool {
		f := s.Value(w[0], w[1])
		if !finite(w[0]) || !finite(w[1]) || !finite(f) {
			p.Diverged = true
			return false
		}
		p.Points = append(p.Points, [2]float64{w[0], w[1]})
		p.Loss = append(p.Loss, f)
		p.Diverged = math.Abs(w[0]) > limitX || math.Abs(w[1]) > limitY
		return !p.Diverged
	})
	return p
}

// PointsText returns the iterates as "x₀ y₀ x₁ y₁ …", each number in the
// shortest form that parses back to the same float64: the text the figure
// carries in data-points and cmd/explorables prints, so that equal text
// means equal points, to the last bit.
func (p Path) PointsText() string {
	var b []byte
	for i, pt := range p.Points {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, pt[0], 'g', -1, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, pt[1], 'g', -1, 64)
	}
	return string(b)
}
