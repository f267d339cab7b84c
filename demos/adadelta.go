package demos

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// This file is the logic of notebook 08-adadelta: the lecture's road from
// Newton's method to Adadelta on a 1-D function, each step in numbers, and
// the slide's rule that never moves.

// ExpBowl is the 1-D function of notebook 08,
//
//	f(x) = eˣ − 2x,   f′(x) = eˣ − 2,   f″(x) = eˣ,
//
// convex with its minimum at x* = ln 2, where f″ = 2: its curvature changes
// along the way, so Newton's 1/f″ is a different learning rate at each x.
type ExpBowl struct{}

// F returns f(x) = eˣ − 2x.
func (ExpBowl) F(x float64) float64 { return math.Exp(x) - 2*x }

// D1 returns f′(x) = eˣ − 2.
func (ExpBowl) D1(x float64) float64 { return math.Exp(x) - 2 }

// D2 returns f″(x) = eˣ.
func (ExpBowl) D2(x float64) float64 { return math.Exp(x) }

// Min returns x* = ln 2.
func (ExpBowl) Min() float64 { return math.Ln2 }

// NewtonRow is one step of Newton's method on f′: xₜ₊₁ = xₜ − f′(xₜ)/f″(xₜ).
type NewtonRow struct {
	T               int
	X, D1, D2, Step float64 // xₜ, f′(xₜ), f″(xₜ), Δxₜ = −f′/f″
}

// NewtonSteps returns n Newton steps on ExpBowl from x0.
func NewtonSteps(x0 float64, n int) []NewtonRow {
	var f ExpBowl
	rows := make([]NewtonRow, n)
	x := x0
	for t := range rows {
		d1, d2 := f.D1(x), f.D2(x)
		rows[t] = NewtonRow{T: t, X: x, D1: d1, D2: d2, Step: -d1 / d2}
		x += rows[t].Step
	}
	return rows
}

// NewtonTable shows Newton's steps with the error |xₜ − x*|, which
// squares at every step near x* (quadratic convergence).
func NewtonTable(rows []NewtonRow) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "Newton's method on f′: xₜ₊₁ = xₜ − f′(xₜ)/f″(xₜ), f(x) = eˣ − 2x",
		Header: []string{"t", "xₜ", "|xₜ − ln 2|", "f′(xₜ)", "f″(xₜ)", "Δxₜ = −f′/f″"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.T), fmt.Sprintf("%.12f", r.X), fmt.Sprintf("%.3e", math.Abs(r.X-math.Ln2)),
			fmt.Sprintf("%.4g", r.D1), fmt.Sprintf("%.4g", r.D2), fmt.Sprintf("%.4g", r.Step)})
	}
	return t
}

// NewtonRateTable reads Newton's 1/f″ as a learning rate, the lecture's
// η = f″⁻¹ = Δxₜ/∇xₜ: the step divided by the gradient gives 1/f″ back
// (the same number), and Δxₜ₋₁/∇xₜ is the approximation Adadelta must make
// because Δxₜ is not known before the step is taken. (Signs: Δx = −η·∇x,
// so η = −Δx/∇x.) Rows where the gradient is 0 have no ratio.
func NewtonRateTable(rows []NewtonRow) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "1/f″ as a learning rate: Δxₜ/∇xₜ and the lagged Δxₜ₋₁/∇xₜ",
		Header: []string{"t", "xₜ", "1/f″(xₜ)", "−Δxₜ/∇xₜ", "−Δxₜ₋₁/∇xₜ"}}
	for i, r := range rows {
		if r.D1 == 0 {
			continue
		}
		lagged := "–"
		if i > 0 {
			lagged = fmt.Sprintf("%.6g", -rows[i-1].Step/r.D1)
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.T), fmt.Sprintf("%.12f", r.X), fmt.Sprintf("%.6g", 1/r.D2),
			fmt.Sprintf("%.6g", -r.Step/r.D1), lagged})
	}
	t.Note = "−Δxₜ/∇xₜ is 1/f″ exactly; −Δxₜ₋₁/∇xₜ uses the previous step, what Adadelta has at step t."
	return t
}

// NewtonPicture returns f′ on [lo, hi] and Newton's path as root finding
// on f′: from (xₜ, f′(xₜ)) along the tangent to (xₜ₊₁, 0), then up to
// (xₜ₊₁, f′(xₜ₊₁)).
func NewtonPicture(rows []NewtonRow, lo, hi float64) []vizhelpers.Series {
	var f ExpBowl
	curve := vizhelpers.Series{Name: "f′(x) = eˣ − 2"}
	for i := range 201 {
		x := lo + (hi-lo)*float64(i)/200
		curve.X, curve.Y = append(curve.X, x), append(curve.Y, f.D1(x))
	}
	path := vizhelpers.Series{Name: "Newton: tangent to 0, up to f′"}
	for _, r := range rows {
		path.X = append(path.X, r.X, r.X+r.Step)
		path.Y = append(path.Y, r.D1, 0)
	}
	zero := vizhelpers.Series{Name: "f′ = 0", X: []float64{lo, hi}, Y: []float64{0, 0}, Dashed: true}
	return []vizhelpers.Series{curve, path, zero}
}

// UnitsRow is one rule's step at the same point, computed in the units of
// x and again with x measured in units s times larger (u = x/s) and
// converted back: a rule whose step has the units of x gives the same step.
type UnitsRow struct {
	Rule, Units string
	InX, InU    float64 // the step in x's units, and computed in u's units then multiplied by s
}

// UnitsCheck computes each rule's step at x with the given history: prev
// is the previous step Δxₜ₋₁ and lr the rate of gradient descent and
// RMSprop. In units u = x/s, f′ is s times larger, f″ s² times, and a
// step s times smaller:
//
//	Newton −f′/f″            : units of x       (same step)
//	gradient descent −η·f′   : units of f/x     (s² times off)
//	RMSprop −η·g/√E[g²]      : no units         (s times off)
//	Adadelta −√E[Δx²]/√E[g²]·g: units of x      (same step, with ε = 0)
//	Adadelta, ε = 10⁻⁶ in both roots, fresh state: ε has no units to follow
func UnitsCheck(x, s, lr, prev float64) []UnitsRow {
	var f ExpBowl
	g, h := f.D1(x), f.D2(x)
	gu, hu, prevU := s*g, s*s*h, prev/s
	adadelta := func(dx2, g2, g, eps float64) float64 { return -math.Sqrt(dx2+eps) / math.Sqrt(g2+eps) * g }
	return []UnitsRow{
		{"Newton −f′/f″", "x", -g / h, s * (-gu / hu)},
		{"gradient descent −η·f′", "f/x", -lr * g, s * (-lr * gu)},
		{"RMSprop −η·g/√E[g²] (E[g²] = g²)", "none", -lr * g / math.Abs(g), s * (-lr * gu / math.Abs(gu))},
		{"Adadelta −√E[Δx²]/√E[g²]·g (E[Δx²] = Δxₜ₋₁², ε = 0)", "x", adadelta(prev*prev, g*g, g, 0), s * adadelta(prevU*prevU, gu*gu, gu, 0)},
		{"Adadelta first step, ε = 1e-6 (E[Δx²] = 0, E[g²] = 0.05·g²)", "none", adadelta(0, 0.05*g*g, g, 1e-6), s * adadelta(0, 0.05*gu*gu, gu, 1e-6)},
	}
}

// UnitsTable shows UnitsCheck with the ratio of the two steps.
func UnitsTable(rows []UnitsRow, x, s float64) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("One step at x = %g, computed in x and in u = x/%g (converted back)", x, s),
		Header: []string{"rule", "units of the step", "Δx in x", "Δx in u, ×s", "ratio"}, Align: "llrrr"}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Rule, r.Units, fmt.Sprintf("%.6g", r.InX), fmt.Sprintf("%.6g", r.InU), fmt.Sprintf("%.6g", r.InU/r.InX)})
	}
	t.Note = "Ratio 1: the step does not depend on the units of x, as a step must not."
	return t
}

// AdadeltaRow is one step of Zeiler's Adadelta on ExpBowl.
type AdadeltaRow struct {
	T                int
	X, G             float64 // xₜ₋₁ and gₜ = f′(xₜ₋₁)
	SqGrad, SqUpdate float64 // E[g²]ₜ and E[Δx²]ₜ₋₁
	Rate             float64 // ηₜ = √(E[Δx²]ₜ₋₁ + ε)/√(E[g²]ₜ + ε)
	Step             float64 // Δxₜ = ηₜ·gₜ (the weight moves by −Δxₜ)
	Newton           float64 // 1/f″(xₜ₋₁), the rate Newton would use
}

// AdadeltaSteps runs Zeiler's rule from scratch for n steps from x0:
//
//	E[g²]ₜ = ρ·E[g²]ₜ₋₁ + (1−ρ)·gₜ²
//	Δxₜ = √(E[Δx²]ₜ₋₁ + ε)/√(E[g²]ₜ + ε)·gₜ
//	E[Δx²]ₜ = ρ·E[Δx²]ₜ₋₁ + (1−ρ)·Δxₜ²
//	xₜ = xₜ₋₁ − Δxₜ
//
// The tests check it against optim.Adadelta.
func AdadeltaSteps(x0, rho, eps float64, n int) []AdadeltaRow {
	var f ExpBowl
	rows := make([]AdadeltaRow, n)
	x, sq, dx := x0, 0.0, 0.0
	for i := range rows {
		g := f.D1(x)
		sq = rho*sq + (1-rho)*g*g
		rate := math.Sqrt(dx+eps) / math.Sqrt(sq+eps)
		rows[i] = AdadeltaRow{T: i + 1, X: x, G: g, SqGrad: sq, SqUpdate: dx, Rate: rate, Step: rate * g, Newton: 1 / f.D2(x)}
		dx = rho*dx + (1-rho)*rows[i].Step*rows[i].Step
		x -= rows[i].Step
	}
	return rows
}

// AdadeltaTable shows the given steps of AdadeltaSteps (1-based t).
func AdadeltaTable(rows []AdadeltaRow, ts ...int) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "Adadelta's running averages, step by step",
		Header: []string{"t", "xₜ₋₁", "gₜ", "E[g²]ₜ", "E[Δx²]ₜ₋₁", "ηₜ = √(E[Δx²]ₜ₋₁+ε)/√(E[g²]ₜ+ε)", "Δxₜ = ηₜ·gₜ", "Newton's 1/f″(xₜ₋₁)"}}
	for _, i := range ts {
		r := rows[i-1]
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.T), fmt.Sprintf("%.6f", r.X), sig4(r.G), sig4(r.SqGrad), sig4(r.SqUpdate), sig4(r.Rate), sig4(r.Step), sig4(r.Newton)})
	}
	return t
}

// AdadeltaSlide runs the slide's rule as written, from x0 for n steps:
//
//	Δxₜ = √E[Δx²]ₜ₋₁/(√E[g²]ₜ + 10⁻⁸)·gₜ
//
// (the slide's "1⁻⁸" read as 10⁻⁸; 1⁻⁸ = 1 would not help either). E[Δx²]
// starts at 0, so Δx₁ = 0, so E[Δx²] stays 0: every xₜ is x0.
func AdadeltaSlide(x0, rho float64, n int) []float64 {
	var f ExpBowl
	xs := []float64{x0}
	x, sq, dx := x0, 0.0, 0.0
	for range n {
		g := f.D1(x)
		sq = rho*sq + (1-rho)*g*g
		step := math.Sqrt(dx) / (math.Sqrt(sq) + 1e-8) * g
		dx = rho*dx + (1-rho)*step*step
		x -= step
		xs = append(xs, x)
	}
	return xs
}

// AdadeltaPath runs optim.Adadelta with factor lr, ρ and ε for n steps
// from x0 on ExpBowl and returns x₀ … xₙ.
func AdadeltaPath(x0, lr, rho, eps float64, n int) []float64 {
	return Path1D(&optim.Adadelta[float64]{LR: lr, Rho: rho, Eps: eps}, x0, n)
}

// Path1D steps opt n times on ExpBowl from x0 and returns x₀ … xₙ.
func Path1D(opt optim.Optimizer[float64], x0 float64, n int) []float64 {
	var f ExpBowl
	x := []float64{x0}
	xs := []float64{x0}
	for range n {
		opt.Step(x, []float64{f.D1(x[0])})
		xs = append(xs, x[0])
	}
	return xs
}

// StepsNear returns the first t with |xₜ − target| < tol for good, i.e.
// from which the path stays within tol, or −1.
func StepsNear(xs []float64, target, tol float64) int {
	t := -1
	for i := len(xs) - 1; i >= 0 && math.Abs(xs[i]-target) < tol; i-- {
		t = i
	}
	return t
}

// AdadeltaFactorTable runs optim.Adadelta from x0 with each lr factor and
// tabulates the steps until the path stays within tol of ln 2 and the
// largest |xₜ − ln 2| after the first arrival (overshoot).
func AdadeltaFactorTable(x0 float64, lrs []float64, rho, eps float64, n int, tol float64) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("Adadelta's lr factor η (w ← w − η·Δw), ρ = %g, ε = %g, from x = %g", rho, eps, x0),
		Header: []string{"η", "steps to stay within " + fmt.Sprint(tol) + " of ln 2", "x after 50 steps", fmt.Sprintf("x after %d steps", n)}}
	for _, lr := range lrs {
		xs := AdadeltaPath(x0, lr, rho, eps, n)
		t.Rows = append(t.Rows, []string{fmt.Sprint(lr), stepsText(StepsNear(xs, math.Ln2, tol)),
			fmt.Sprintf("%.6f", xs[min(50, n)]), fmt.Sprintf("%.6f", xs[n])})
	}
	t.Note = "η = 1 is Zeiler's rule; optim.Adadelta's LR is PyTorch's lr factor. ln 2 = " + fmt.Sprintf("%.6f", math.Ln2) + "."
	return t
}
