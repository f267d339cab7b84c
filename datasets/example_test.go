package datasets_test

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
)

// Gradient descent on the lecture's elliptic bowl: with condition number
// 10 the step size must suit the steep direction, so the flat one crawls.
func ExampleQuadratic() {
	bowl := datasets.Quadratic(10)
	x, y := 2.0, 1.0
	const lr = 0.15 // stable only below 2/κ = 0.2
	for step := 1; step <= 30; step++ {
		gx, gy := bowl.Grad(x, y)
		x, y = x-lr*gx, y-lr*gy
		if step%10 == 0 {
			fmt.Printf("step %d: (%.4f, %.4f) f = %.5f\n", step, x, y, bowl.Value(x, y))
		}
	}
	// Output:
	// step 10: (0.3937, 0.0010) f = 0.07752
	// step 20: (0.0775, 0.0000) f = 0.00300
	// step 30: (0.0153, 0.0000) f = 0.00012
}

func ExampleHimmelblau() {
	s := datasets.Himmelblau()
	for _, m := range s.Minima() {
		gx, gy := s.Grad(m[0], m[1])
		fmt.Printf("(%+.4f, %+.4f) f < 1e-20: %v, |∇f| < 1e-12: %v\n", m[0], m[1],
			s.Value(m[0], m[1]) < 1e-20, math.Hypot(gx, gy) < 1e-12)
	}
	// Output:
	// (+3.0000, +2.0000) f < 1e-20: true, |∇f| < 1e-12: true
	// (-2.8051, +3.1313) f < 1e-20: true, |∇f| < 1e-12: true
	// (-3.7793, -3.2832) f < 1e-20: true, |∇f| < 1e-12: true
	// (+3.5844, -1.8481) f < 1e-20: true, |∇f| < 1e-12: true
}

// The one-weight linear neuron: its loss is a parabola around the
// least-squares weight.
func ExampleLinearNeuron() {
	r := datasets.LinearNeuron(100, []float64{2}, nil, 0.1, 1)
	w := r.LeastSquares()
	fmt.Printf("w* = %.3f\n", w[0])
	for _, v := range []float64{0, 1, w[0], 3, 4} {
		fmt.Printf("E(%.3f) = %.4f\n", v, r.Loss([]float64{v}))
	}
	// Output:
	// w* = 2.000
	// E(0.000) = 2.4980
	// E(1.000) = 0.6280
	// E(2.000) = 0.0049
	// E(3.000) = 0.6288
	// E(4.000) = 2.4997
}
