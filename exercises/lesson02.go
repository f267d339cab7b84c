package exercises

// Lesson 02, the need of optimizers: exercise 1 (the rates of the
// parabola) and exercise 3 (leaving the saddle from y₀ ≠ 0).

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/demos"
)

// Lesson02Rates checks exercise 1: for a parabola of curvature E″, best(E″)
// must be the rate that lands on the minimum in one step, 1/E″, and
// limit(E″) the rate beyond which gradient descent diverges, 2/E″.
func Lesson02Rates(best, limit func(curvature float64) float64) bool {
	for _, c := range []float64{0.5, 1.37, 4} {
		var b, l float64
		if err := safely(func() { b, l = best(c), limit(c) }); err != nil {
			return verdict(false, "", err.Error())
		}
		if math.Abs(b*c-1) > 1e-9 {
			return verdict(false, "", fmt.Sprintf("for E″ = %g your best rate is %g, so one step multiplies the distance to w* by 1 − ηE″ = %.3g; which η makes that factor 0?", c, b, 1-b*c))
		}
		if math.Abs(l*c-2) > 1e-9 {
			return verdict(false, "", fmt.Sprintf("for E″ = %g your limit is %g, where |1 − ηE″| = %.3g; divergence starts where that factor reaches 1 in size", c, l, math.Abs(1-l*c)))
		}
	}
	return verdict(true, "η = 1/E″ lands in one step and η = 2/E″ is where |1 − ηE″| reaches 1", "")
}

// Lesson02SaddleEscape checks exercise 3: steps(η, y₀) must give the
// number of full-batch steps after which gradient descent from (1, y₀) on
// x² − y² has |y| > 1, as the library measures it (demos.SaddleEscape),
// and −1 for y₀ = 0.
func Lesson02SaddleEscape(steps func(eta, y0 float64) int) bool {
	for _, c := range []struct{ eta, y0 float64 }{{0.05, 1e-6}, {0.05, 1e-12}, {0.1, 1e-3}, {0.05, 0}} {
		var got int
		if err := safely(func() { got = steps(c.eta, c.y0) }); err != nil {
			return verdict(false, "", err.Error())
		}
		if want := demos.SaddleEscape(demos.GD, c.eta, 0, c.y0, 10000); got != want {
			return verdict(false, "", fmt.Sprintf("η = %g, y₀ = %g: you say %d steps, gradient descent takes %d. Each step multiplies y by 1 + 2η: after t steps |y| = |y₀|·(1 + 2η)ᵗ; solve for the first t with |y| > 1 (and y₀ = 0 never leaves: −1)", c.eta, c.y0, got, want))
		}
	}
	return verdict(true, "t = ⌈ln(1/|y₀|) / ln(1 + 2η)⌉ matches the library's runs, and y₀ = 0 never leaves", "")
}
