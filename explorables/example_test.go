package explorables_test

import (
	"fmt"

	"github.com/nncourse/optimizers/explorables"
)

// Lesson 03's explorable with μ = 0.5: the stability limits it prints and
// where each optimizer is after 60 steps.
func ExampleExplorable_Run() {
	e, _ := explorables.Lookup("momentum")
	r, err := e.Run(explorables.Settings{"mu": 0.5})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Title)
	for _, n := range r.Notes {
		fmt.Println(n)
	}
	for _, p := range r.Paths {
		fmt.Printf("%-8s f = %.3g\n", p.Name, p.Loss[len(p.Loss)-1])
	}
	// Output:
	// Quadratic κ=20, 60 steps from (-1.8, 1.2): η = 0.04, μ = 0.5
	// Stable for η below the limit, for the largest curvature λ = 20; ρ is the factor by which the error shrinks per step (the slower of the curvatures 1 and 20):
	// SGD: η < 2/λ = 0.1; ρ = 0.96
	// Momentum: η < 2(1+μ)/λ = 0.15; ρ = 0.9114
	// NAG: η < 2(1+μ)/((1+2μ)λ) = 0.075; ρ = 0.916
	// SGD      f = 0.0121
	// Momentum f = 3.04e-05
	// NAG      f = 5.34e-05
}
