package datasets

import (
	"fmt"
	"math"
)

// Regression is a data set for a linear neuron without bias, y = w·x: Len()
// examples of Inputs values each, with one target per example.
type Regression struct {
	Inputs  int       // number of inputs, hence of weights
	X       []float64 // Len()×Inputs inputs, row-major
	Targets []float64 // one target t per example
	Weights []float64 // the weights the targets were generated with, before noise
}

// Len returns the number of examples.
func (r *Regression) Len() int { return len(r.Targets) }

// Loss returns the lecture's mean squared error of the neuron with weights w:
//
//	E(w) = 1/(2n) · Σₖ (tₖ − w·xₖ)²
//
// a parabola in w for one input, a quadratic bowl for two.
func (r *Regression) Loss(w []float64) float64 {
	r.checkWeights(w)
	sum := 0.0
	for k, t := range r.Targets {
		e := t - dot(w, r.x(k))
		sum += e * e
	}
	return sum / (2 * float64(r.Len()))
}

// Grad writes ∂E/∂w into grad:
//
//	∂E/∂wⱼ = −1/n · Σₖ (tₖ − w·xₖ)·xₖⱼ
func (r *Regression) Grad(w, grad []float64) {
	r.checkWeights(w)
	r.checkWeights(grad)
	clear(grad)
	for k, t := range r.Targets {
		x := r.x(k)
		e := t - dot(w, x)
		for j, v := range x {
			grad[j] -= e * v
		}
	}
	for j := range grad {
		grad[j] /= float64(r.Len())
	}
}

// LeastSquares returns the weights minimising Loss, the solution of the
// normal equations (XᵀX)·w = Xᵀt, by Gaussian elimination with partial
// pivoting. It panics if XᵀX is singular (an input that is always zero, or
// two inputs that always agree).
func (r *Regression) LeastSquares() []float64 {
	d := r.Inputs
	// a is the augmented matrix [XᵀX | Xᵀt], d rows of d+1 values.
	a := make([]float64, d*(d+1))
	for k, t := range r.Targets {
		x := r.x(k)
		for i := range d {
			for j := range d {
				a[i*(d+1)+j] += x[i] * x[j]
			}
			a[i*(d+1)+d] += x[i] * t
		}
	}
	row := func(i int) []float64 { return a[i*(d+1) : (i+1)*(d+1)] }
	for c := range d {
		p := c
		for i := c + 1; i < d; i++ {
			if math.Abs(row(i)[c]) > math.Abs(row(p)[c]) {
				p = i
			}
		}
		if math.Abs(row(p)[c]) < 1e-12*float64(r.Len()) {
			panic(fmt.Sprintf("datasets: Regression.LeastSquares: XᵀX is singular at input %d", c))
		}
		pr, cr := row(p), row(c)
		for j := range pr {
			pr[j], cr[j] = cr[j], pr[j]
		}
		for i := c + 1; i < d; i++ {
			ri := row(i)
			f := ri[c] / cr[c]
			for j := c; j <= d; j++ {
				ri[j] -= f * cr[j]
			}
		}
	}
	w := make([]float64, d)
	for i := d - 1; i >= 0; i-- {
		ri := row(i)
		s := ri[d]
		for j := i + 1; j < d; j++ {
			s -= ri[j] * w[j]
		}
		w[i] = s / ri[i]
	}
	return w
}

// Surface returns the loss of a two-input neuron as a Surface over its
// weights (w₁, w₂): the lecture's quadratic bowl, whose elliptic contours
// centre on LeastSquares(). The window spans ±3 around the minimum. It
// panics unless Inputs is 2.
func (r *Regression) Surface() Surface {
	if r.Inputs != 2 {
		panic(fmt.Sprintf("datasets: Regression.Surface: need 2 inputs, have %d", r.Inputs))
	}
	m := r.LeastSquares()
	return &surface{
		name:  "Linear neuron bowl",
		value: func(x, y float64) float64 { return r.Loss([]float64{x, y}) },
		grad: func(x, y float64) (gx, gy float64) {
			var g [2]float64
			r.Grad([]float64{x, y}, g[:])
			return g[0], g[1]
		},
		minima: [][2]float64{{m[0], m[1]}},
		xmin:   m[0] - 3, xmax: m[0] + 3, ymin: m[1] - 3, ymax: m[1] + 3,
	}
}

// x returns the inputs of example k.
func (r *Regression) x(k int) []float64 { return r.X[k*r.Inputs : (k+1)*r.Inputs] }

func (r *Regression) checkWeights(w []float64) {
	if len(w) != r.Inputs {
		panic(fmt.Sprintf("datasets: Regression: %d weights for %d inputs", len(w), r.Inputs))
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i, v := range a {
		s += v * b[i]
	}
	return s
}
