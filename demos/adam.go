package demos

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// This file is the logic of notebook 07-adam-and-nadam: Adam's bias
// correction, the lecture's derivation of Nadam checked line by line, and
// where ε goes.

// NoisyGradients returns n gradients drawn from N(mean, sd²), seeded: the
// minibatch gradients of one parameter.
func NoisyGradients(n int, mean, sd float64, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 7))
	g := make([]float64, n)
	for i := range g {
		g[i] = mean + sd*rng.NormFloat64()
	}
	return g
}

// AdamMoment is Adam's state after step t of a gradient sequence.
type AdamMoment struct {
	T           int
	G           float64 // gₜ
	M, C1, MHat float64 // Mₜ, 1−β₁ᵗ, M̂ₜ = Mₜ/(1−β₁ᵗ)
	R, C2, RHat float64 // Rₜ, 1−β₂ᵗ, R̂ₜ = Rₜ/(1−β₂ᵗ)
	Mean        float64 // the plain mean of g₁ … gₜ, for comparison
}

// AdamMoments runs the lecture's moving averages over grads:
//
//	Mₜ = β₁·Mₜ₋₁ + (1−β₁)·gₜ,   M̂ₜ = Mₜ/(1−β₁ᵗ)
//	Rₜ = β₂·Rₜ₋₁ + (1−β₂)·gₜ²,  R̂ₜ = Rₜ/(1−β₂ᵗ)
func AdamMoments(grads []float64, b1, b2 float64) []AdamMoment {
	rows := make([]AdamMoment, len(grads))
	m, r, sum := 0.0, 0.0, 0.0
	for i, g := range grads {
		t := i + 1
		m = b1*m + (1-b1)*g
		r = b2*r + (1-b2)*g*g
		sum += g
		c1, c2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
		rows[i] = AdamMoment{T: t, G: g, M: m, C1: c1, MHat: m / c1, R: r, C2: c2, RHat: r / c2, Mean: sum / float64(t)}
	}
	return rows
}

// AdamMomentTable shows the first n rows of AdamMoments.
func AdamMomentTable(rows []AdamMoment, n int) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "Adam's moments over the first steps",
		Header: []string{"t", "gₜ", "Mₜ", "1−β₁ᵗ", "M̂ₜ", "mean g₁…gₜ", "Rₜ", "1−β₂ᵗ", "R̂ₜ", "mean g²"}}
	sq := 0.0
	for _, m := range rows[:min(n, len(rows))] {
		sq += m.G * m.G
		t.Rows = append(t.Rows, []string{fmt.Sprint(m.T), sig4(m.G), sig4(m.M), sig4(m.C1), sig4(m.MHat),
			sig4(m.Mean), sig4(m.R), sig4(m.C2), sig4(m.RHat), sig4(sq / float64(m.T))})
	}
	t.Note = "M and R start at 0, so Mₜ and Rₜ are pulled towards 0; dividing by 1−βᵗ undoes it."
	return t
}

// sig4 formats a table value with four significant digits.
func sig4(x float64) string { return fmt.Sprintf("%.4g", x) }

// AdamMomentSeries returns Mₜ, M̂ₜ and the running mean of the gradients
// against t, for a chart of the bias. (Chart labels avoid the subscript ₜ
// and the combining hat, which the charts' font lacks.)
func AdamMomentSeries(rows []AdamMoment) []vizhelpers.Series {
	m, mHat, mean := make([]float64, len(rows)), make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		m[i], mHat[i], mean[i] = r.M, r.MHat, r.Mean
	}
	x := stepAxis(1, len(rows))
	return []vizhelpers.Series{{Name: "M_t (biased)", X: x, Y: m}, {Name: "M_t/(1−β₁ᵗ) (corrected)", X: x, Y: mHat},
		{Name: "mean of g₁ … g_t", X: x, Y: mean, Dashed: true}}
}

// adamStep returns the change of one parameter at the last step when opt
// is stepped through grads from 0: the update that step t applies.
func adamStep(opt optim.Optimizer[float64], grads []float64) float64 {
	w := []float64{0}
	before := 0.0
	for _, g := range grads {
		before = w[0]
		opt.Step(w, []float64{g})
	}
	return w[0] - before
}

// newAdam returns optim.Adam with the given hyperparameters in the given
// form (ε inside the root in the lecture's, outside in PyTorch's).
func newAdam(lr, b1, b2, eps float64, form optim.Form) *optim.Adam[float64] {
	return &optim.Adam[float64]{LR: lr, Beta1: b1, Beta2: b2, Eps: eps, Form: form}
}

// newNadam returns the lecture's optim.Nadam (constant β₁, ε outside the
// root).
func newNadam(lr, b1, b2, eps float64) *optim.Nadam[float64] {
	return &optim.Nadam[float64]{LR: lr, Beta1: b1, Beta2: b2, Eps: eps}
}

// DerivationLine is one line of the lecture's derivation of Nadam,
// evaluated on a concrete gradient sequence at its last step t:
//
//	wₜ = wₜ₋₁ − η·Scale·Bracket
type DerivationLine struct {
	Formula string  // the line as the lecture writes it
	Scale   float64 // 1/√(R̂ₜ + ε) on the Adam slide, 1/(√R̂ₜ + ε) after
	Bracket float64 // what the line multiplies by η·Scale
	W       float64 // the wₜ the line gives
	Library float64 // wₜ from optim stepped through the same gradients (NaN: none)
	Why     string  // what the line changed
}

// NadamDerivation evaluates each line of the lecture's derivation of Nadam
// at step t = len(grads) (t ≥ 1), from the weight wPrev = wₜ₋₁, and the
// library's optimizers beside the lines they implement:
//
//	0  wₜ = wₜ₋₁ − η·M̂ₜ/√(R̂ₜ + ε)                                 (the Adam slide)
//	1  wₜ = wₜ₋₁ − η/(√R̂ₜ + ε)·M̂ₜ                                 (ε out of the root)
//	2  wₜ = wₜ₋₁ − η/(√R̂ₜ + ε)·(β₁Mₜ₋₁/(1−β₁ᵗ) + (1−β₁)/(1−β₁ᵗ)·gₜ)   (Mₜ expanded)
//	3  wₜ = wₜ₋₁ − η/(√R̂ₜ + ε)·(β₁M̂ₜ₋₁ + (1−β₁)/(1−β₁ᵗ)·gₜ)
//	4  wₜ = wₜ₋₁ − η/(√R̂ₜ + ε)·(β₁M̂ₜ + (1−β₁)/(1−β₁ᵗ)·gₜ)           (Nadam)
//
// 1 → 2 is an identity. 2 → 3 is not: M̂ₜ₋₁ = Mₜ₋₁/(1−β₁ᵗ⁻¹), so the
// lecture's "=" drops a factor (1−β₁ᵗ⁻¹)/(1−β₁ᵗ) (exact only at t = 1,
// where Mₜ₋₁ = 0, and in the limit t → ∞); 3 → 4 is the look-ahead.
func NadamDerivation(grads []float64, wPrev, lr, b1, b2, eps float64) []DerivationLine {
	t := len(grads)
	rows := AdamMoments(grads, b1, b2)
	now := rows[t-1]
	mPrev, mHatPrev := 0.0, 0.0
	if t > 1 {
		mPrev, mHatPrev = rows[t-2].M, rows[t-2].MHat
	}
	gTerm := (1 - b1) / now.C1 * now.G
	inside, outside := 1/math.Sqrt(now.RHat+eps), 1/(math.Sqrt(now.RHat)+eps)
	lib := func(opt optim.Optimizer[float64]) float64 { return wPrev + adamStep(opt, grads) }
	lines := []DerivationLine{
		{Formula: "wₜ₋₁ − η·M̂ₜ/√(R̂ₜ + ε)", Scale: inside, Bracket: now.MHat,
			Library: lib(newAdam(lr, b1, b2, eps, optim.Lecture)), Why: "the Adam slide (optim.Adam)"},
		{Formula: "wₜ₋₁ − η/(√R̂ₜ + ε)·M̂ₜ", Scale: outside, Bracket: now.MHat,
			Library: lib(newAdam(lr, b1, b2, eps, optim.PyTorch)), Why: "ε out of the root, as the expansion writes it (optim.Adam{Form: optim.PyTorch})"},
		{Formula: "wₜ₋₁ − η/(√R̂ₜ + ε)·(β₁Mₜ₋₁/(1−β₁ᵗ) + (1−β₁)/(1−β₁ᵗ)·gₜ)", Scale: outside, Bracket: b1*mPrev/now.C1 + gTerm,
			Library: math.NaN(), Why: "Mₜ = β₁Mₜ₋₁ + (1−β₁)gₜ expanded"},
		{Formula: "wₜ₋₁ − η/(√R̂ₜ + ε)·(β₁M̂ₜ₋₁ + (1−β₁)/(1−β₁ᵗ)·gₜ)", Scale: outside, Bracket: b1*mHatPrev + gTerm,
			Library: math.NaN(), Why: "β₁Mₜ₋₁/(1−β₁ᵗ) written as β₁M̂ₜ₋₁, but M̂ₜ₋₁ = Mₜ₋₁/(1−β₁ᵗ⁻¹)"},
		{Formula: "wₜ₋₁ − η/(√R̂ₜ + ε)·(β₁M̂ₜ + (1−β₁)/(1−β₁ᵗ)·gₜ)", Scale: outside, Bracket: b1*now.MHat + gTerm,
			Library: lib(newNadam(lr, b1, b2, eps)), Why: "M̂ₜ₋₁ replaced by M̂ₜ: the look-ahead (optim.Nadam)"},
	}
	for i := range lines {
		lines[i].W = wPrev - lr*lines[i].Scale*lines[i].Bracket
	}
	return lines
}

// NadamDerivationTable shows the lines with the value each gives, its
// change from the line before, and optim's value where optim implements it.
func NadamDerivationTable(lines []DerivationLine, t int) vizhelpers.Table {
	tab := vizhelpers.Table{Caption: fmt.Sprintf("The derivation of Nadam, evaluated at t = %d", t),
		Header: []string{"line", "wₜ =", "η-factor", "bracket", "wₜ", "change from the line above", "optim gives", "what changed"},
		Align:  "llrrrrrl"}
	for i, l := range lines {
		change, library := "", "–"
		if i > 0 {
			change = "equal"
			if d := l.W - lines[i-1].W; d != 0 {
				change = fmt.Sprintf("%+.3e", d)
			}
		}
		if !math.IsNaN(l.Library) {
			library = fmt.Sprintf("%.12f", l.Library)
		}
		tab.Rows = append(tab.Rows, []string{fmt.Sprint(i), l.Formula, fmt.Sprintf("%.10g", l.Scale),
			fmt.Sprintf("%.12g", l.Bracket), fmt.Sprintf("%.12f", l.W), change, library, l.Why})
	}
	tab.Note = "η-factor: 1/√(R̂ₜ+ε) or 1/(√R̂ₜ+ε). \"equal\": the two lines give the same float64."
	return tab
}

// NadamBrackets returns, for t = 1 … len(grads), the brackets of lines 2,
// 3 and 4 of NadamDerivation: the exact M̂ₜ, the lecture's β₁M̂ₜ₋₁ + …,
// and Nadam's look-ahead β₁M̂ₜ + ….
func NadamBrackets(grads []float64, b1 float64) []vizhelpers.Series {
	rows := AdamMoments(grads, b1, 0.999)
	exact, lecture, nadam := make([]float64, len(rows)), make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		gTerm := (1 - b1) / r.C1 * r.G
		prevHat := 0.0
		if i > 0 {
			prevHat = rows[i-1].MHat
		}
		exact[i], lecture[i], nadam[i] = r.MHat, b1*prevHat+gTerm, b1*r.MHat+gTerm
	}
	x := stepAxis(1, len(rows))
	return []vizhelpers.Series{{Name: "(2) Adam", X: x, Y: exact},
		{Name: "(3) with Mhat(t−1)", X: x, Y: lecture, Dashed: true},
		{Name: "(4) Nadam, Mhat(t)", X: x, Y: nadam}}
}

// epsVariant is Adam or Nadam with ε inside or outside the root.
type epsVariant struct {
	Name string
	New  func(lr, eps float64) optim.Optimizer[float64]
}

// epsVariants are the places of ε optim offers: Adam in its two forms and
// the lecture's Nadam (ε outside, as in the expansion), with the defaults
// β₁ = 0.9, β₂ = 0.999.
var epsVariants = []epsVariant{
	{"Adam, ε inside (lecture)", func(lr, eps float64) optim.Optimizer[float64] { return newAdam(lr, 0.9, 0.999, eps, optim.Lecture) }},
	{"Adam, ε outside (paper)", func(lr, eps float64) optim.Optimizer[float64] { return newAdam(lr, 0.9, 0.999, eps, optim.PyTorch) }},
	{"Nadam, ε outside (lecture)", func(lr, eps float64) optim.Optimizer[float64] { return newNadam(lr, 0.9, 0.999, eps) }},
}

// EpsFirstSteps steps each form of Adam and Nadam once on a gradient of
// each of the sizes and returns a table and a chart series per form of
// the step in units of η, against log₁₀|g|. Inside the root the step is
// η·g/√(g² + ε), which falls off once g² is near ε; outside it is
// η·g/(|g| + ε), which stays ≈ η down to |g| ≈ ε.
func EpsFirstSteps(sizes []float64, lr, eps float64) (vizhelpers.Table, []vizhelpers.Series) {
	t := vizhelpers.Table{Caption: fmt.Sprintf("First step / η for a gradient g, ε = %g", eps), Header: []string{"g"}}
	series := make([]vizhelpers.Series, len(epsVariants))
	for i, v := range epsVariants {
		t.Header = append(t.Header, v.Name)
		series[i].Name = v.Name
		series[i].Dashed = i%2 == 1
	}
	for _, g := range sizes {
		row := []string{fmt.Sprintf("%g", g)}
		for i, v := range epsVariants {
			step := math.Abs(adamStep(v.New(lr, eps), []float64{g})) / lr
			row = append(row, fmt.Sprintf("%.4g", step))
			series[i].X = append(series[i].X, math.Log10(math.Abs(g)))
			series[i].Y = append(series[i].Y, step)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = "One step of optim.Adam / optim.Nadam from zero state. Nadam's first step is (1+β₁)·η = 1.9η: β₁M̂₁ + g = 1.9g."
	return t, series
}

// EpsFlatRuns runs each form of Adam and Nadam for n steps from w = 0 on
// the flat bowl f(w) = ½λ(w − 1)², whose gradient λ(w − 1) is tiny when λ
// is, and returns wₜ against t = 0 … n for each.
func EpsFlatRuns(lambda, lr, eps float64, n int) []vizhelpers.Series {
	series := make([]vizhelpers.Series, len(epsVariants))
	for i, v := range epsVariants {
		opt := v.New(lr, eps)
		w := []float64{0}
		ws := []float64{0}
		for range n {
			opt.Step(w, []float64{lambda * (w[0] - 1)})
			ws = append(ws, w[0])
		}
		series[i] = vizhelpers.Series{Name: v.Name, X: stepAxis(0, n+1), Y: ws, Dashed: i%2 == 1}
	}
	return series
}
